import type { ParsedStatement } from '../../policy/parse';
import { Severity } from '../finding';
import { FindingDraft, locationOf, Rule } from '../rule';

function canonical(s: ParsedStatement): string {
  const sorted = (xs?: ReadonlyArray<{ normalized: string }>) => xs?.map(x => x.normalized).sort();
  return JSON.stringify([s.effect, sorted(s.actions), sorted(s.notActions), sorted(s.resources), sorted(s.notResources),
    s.conditions.map(c => [c.operator, c.key.toLowerCase(), c.values.map(v => v.text).sort()]).sort()]);
}

export const duplicateStatement: Rule = {
  id: 'AIAM-POL-005',
  severity: Severity.WARNING,
  title: 'Duplicate statement',
  description: 'Two statements of one policy say the same thing; the copy adds size and review noise.',
  fix: 'remove the duplicate statement',
  check: ({ model }) => model.policies.flatMap(p => {
    const statements = p.kind === 'custom' ? p.parsed?.statements ?? [] : [];
    // Only statements alike in shape can be copies: the canonical form is built for those alone.
    const least = (xs?: ReadonlyArray<{ normalized: string }>) => xs?.reduce((m, x) => (x.normalized < m ? x.normalized : m), xs[0].normalized);
    const shape = (s: ParsedStatement) =>
      `${s.effect}|${s.actions?.length}:${least(s.actions)}|${s.notActions?.length}|${s.resources?.length}:${least(s.resources)}|${s.notResources?.length}|${s.conditions.length}`;
    const shapeOf = statements.map(shape);
    const shapes = new Map<string, number>();
    for (const k of shapeOf) shapes.set(k, (shapes.get(k) ?? 0) + 1);
    const seen = new Map<string, number>();
    const out: FindingDraft[] = [];
    for (const [i, s] of statements.entries()) {
      if (shapes.get(shapeOf[i])! < 2) continue;
      const key = canonical(s);
      const first = seen.get(key);
      if (first !== undefined) out.push({ message: `policy ${p.name}: statement ${s.index} repeats statement ${first}`, location: locationOf(p) });
      else seen.set(key, s.index);
    }
    return out;
  }),
};
