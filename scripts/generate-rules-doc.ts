/**
 * Writes docs/rules.md from the rule metadata (id, severity, title, description, fix) and the packs.
 * `--check` fails when the committed file differs, so the list cannot drift from the code.
 */
import * as fs from 'fs';
import * as path from 'path';
import { allRules } from '../src/checks';

export function rulesMarkdown(): string {
  const rows = allRules().map(r => `| \`${r.id}\` | ${r.severity} | ${r.title} | ${r.description} | ${r.fix} |`);
  return [
    '# Rules',
    '',
    'Generated from the rule metadata by `npx projen docs`; do not edit by hand.',
    '',
    'Every rule runs in the `ai-platform` pack; the `alibaba`, `volcengine` and `huawei` packs report the findings',
    'about their cloud\'s resources. Suppress a finding with `AiamSuppressions.addSuppressions(construct, [{ id, reason }])`',
    'or a suppressions file (`aiam check --suppressions FILE`); a reason is mandatory and suppressed findings stay in reports.',
    '',
    '| id | severity | title | what it finds | fix |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

if (require.main === module) {
  const file = path.join(__dirname, '..', 'docs', 'rules.md');
  const text = rulesMarkdown();
  if (process.argv.includes('--check')) {
    if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) {
      console.error('docs/rules.md is out of date. Fix: run `npx projen docs` and commit it');
      process.exit(1);
    }
  } else {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    console.log('wrote docs/rules.md');
  }
}
