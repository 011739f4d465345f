/**
 * Writes docs/semantics.md from the semantics table (src/policy/semantics.ts), the same data
 * test/policy/semantics.test.ts evaluates. `--check` fails when the committed file differs.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Dialect } from '../src/policy';
import { OPERATOR_ROWS, REQUEST_SHAPES, SEMANTIC_POINTS, SHAPE_TITLES, SOURCES } from '../src/policy/semantics';

const cell = (s: string) => s.replace(/\|/g, '\\|');
const code = (s: string) => '`' + s + '`';

export function semanticsMarkdown(): string {
  const out: string[] = [
    '# Evaluator semantics',
    '',
    'Generated from `src/policy/semantics.ts` by `npx projen docs`; do not edit by hand. Every row below is also a test',
    '(`test/policy/semantics.test.ts`), so this page is what the evaluator does.',
    '',
    'Outcomes are those of the condition alone: `true`, `false`, `unknown` (depends on a value known only after apply),',
    'or `error` (bad input: `aiam` exits 2 naming the JSON pointer, e.g. `/context/acs:MFAAge`).',
    '',
    '## Decisions',
    '',
    '| topic | rule | source |',
    '|---|---|---|',
    ...SEMANTIC_POINTS.map(p => `| ${cell(p.topic)} | ${cell(p.rule)} | ${cell(p.source)} |`),
    '',
  ];
  const titles: Record<Dialect, string> = {
    [Dialect.ALIBABA_RAM]: 'Alibaba Cloud RAM (`alibaba-ram`)',
    [Dialect.VOLCENGINE_IAM]: 'Volcengine IAM (`volcengine-iam`)',
    [Dialect.HUAWEI_IAM]: 'Huawei Cloud IAM 1.1 (`huawei-iam`)',
  };
  for (const d of Object.values(Dialect)) {
    out.push(`## Conditions: ${titles[d]}`, '');
    out.push(`| operator | key | policy value | request values (match / no match) | ${REQUEST_SHAPES.map(s => SHAPE_TITLES[s]).join(' | ')} | source |`);
    out.push(`|---|---|---|---|${REQUEST_SHAPES.map(() => '---').join('|')}|---|`);
    for (const r of OPERATOR_ROWS.filter(x => x.dialect === d)) {
      out.push(`| ${code(r.operator)} | ${code(r.key)} | ${code(r.value)} | ${code(r.hit)} / ${code(r.miss)} | ${REQUEST_SHAPES.map(s => r.outcomes[s]).join(' | ')} | ${cell(r.source)} |`);
    }
    out.push('');
  }
  out.push('## Sources', '', ...Object.entries(SOURCES).map(([k, v]) => `- **${k}**: ${v}`), '');
  return out.join('\n');
}

if (require.main === module) {
  const file = path.join(__dirname, '..', 'docs', 'semantics.md');
  const text = semanticsMarkdown();
  if (process.argv.includes('--check')) {
    if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) {
      console.error('docs/semantics.md is out of date. Fix: run `npx projen docs` and commit it');
      process.exit(1);
    }
  } else {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    console.log('wrote docs/semantics.md');
  }
}
