/**
 * Writes docs/rules.md from the rule metadata (id, severity, title, description, fix) and the packs.
 * `--check` fails when the committed file differs, so the list cannot drift from the code.
 */
import * as fs from 'fs';
import * as path from 'path';
import { allRules, packByName, PACK_NAMES } from '../src/checks';

export function rulesMarkdown(): string {
  const packs = PACK_NAMES.map(n => packByName(n)!);
  const rows = allRules().map(r => `| \`${r.id}\` | ${r.severity} | ${packs.filter(p => p.ruleIds.includes(r.id)).map(p => p.name).join(', ')} | ` +
    `${r.title} | ${r.description} | ${r.fix} |`);
  return [
    '# Rules',
    '',
    'Generated from the rule metadata by `npx projen docs`; do not edit by hand.',
    '',
    'A pack runs the rules it holds. `ai-platform` holds every rule; `alibaba`, `volcengine` and `huawei` hold the IAM rules',
    '(reporting on their cloud\'s resources only) and their platform\'s rules. Compose your own with',
    '`new RulePack({ name, rules: [...AiamRules.iam(), myRule] })`; a rule implements `IRule` in any jsii language.',
    'Suppress a finding with `AiamSuppressions.addSuppressions(construct, [{ id, reason }])`',
    'or a suppressions file (`aiam check --suppressions FILE`); a reason is mandatory and suppressed findings stay in reports.',
    '',
    '| id | severity | packs | title | what it finds | fix |',
    '|---|---|---|---|---|---|',
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
