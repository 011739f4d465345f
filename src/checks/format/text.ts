import { renderUnknowns } from '../../policy/unknown';
import { describeLocation, Finding, Severity } from '../finding';
import { printableLine } from './printable';
import { compareText } from '../../policy/order';

const COLOUR: Record<Severity, string> = { [Severity.ERROR]: '\u001b[31m', [Severity.WARNING]: '\u001b[33m', [Severity.INFO]: '\u001b[36m' };
const RESET = '\u001b[0m';
const DIM = '\u001b[2m';

/** Findings for people: grouped by location, severity first, fix on its own line. Colour only on a TTY. */
export function toText(findings: readonly Finding[], colour: boolean): string {
  const paint = (code: string, s: string) => (colour ? `${code}${s}${RESET}` : s);
  const order = [Severity.ERROR, Severity.WARNING, Severity.INFO];
  const sorted = [...findings].sort((a, b) =>
    Number(Boolean(a.suppressed)) - Number(Boolean(b.suppressed)) ||
    order.indexOf(a.severity) - order.indexOf(b.severity) ||
    compareText(describeLocation(a.location), describeLocation(b.location)) || compareText(a.ruleId, b.ruleId));
  const lines: string[] = [];
  for (const f of sorted) {
    const tag = f.suppressed ? paint(DIM, `suppressed ${f.severity}`) : paint(COLOUR[f.severity], f.severity.toUpperCase());
    lines.push(`${tag} ${printableLine(f.ruleId)} ${printableLine(f.title)}`);
    lines.push(`  at   ${printableLine(renderUnknowns(describeLocation(f.location)))}`);
    lines.push(`  what ${printableLine(renderUnknowns(f.message))}`);
    lines.push(`  fix  ${printableLine(renderUnknowns(f.fix))}`);
    if (f.suppressed) lines.push(`  why  suppressed at ${printableLine(f.suppressed.declaredAt)}: ${printableLine(f.suppressed.reason)}`);
    lines.push('');
  }
  const count = (s: Severity) => findings.filter(f => !f.suppressed && f.severity === s).length;
  const suppressed = findings.filter(f => f.suppressed).length;
  lines.push(`${count(Severity.ERROR)} errors, ${count(Severity.WARNING)} warnings, ${count(Severity.INFO)} info, ${suppressed} suppressed`);
  return lines.join('\n') + '\n';
}
