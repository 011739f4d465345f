/**
 * Writes docs/coverage.md from data/resource-coverage/resource-types.json, the one table that classifies every resource type.
 * `--check` fails when the committed file differs.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CoverageCondition, coverageTable } from '../src/catalog/coverage';

const PROVIDERS: Array<[string, string]> = [['alicloud', 'Alibaba Cloud'], ['volcengine', 'Volcengine'], ['huaweicloud', 'Huawei Cloud']];

function whenText(when: readonly CoverageCondition[] | undefined): string {
  if (!when) return '';
  return `; reported when ${when.map(w => `\`${w.attribute}\`${w.unless ? ` is not ${w.unless.map(u => `"${u}"`).join(' or ')}` : ' is set'}`).join(' or ')}`;
}

export function coverageMarkdown(): string {
  const table = coverageTable();
  const types = [...table.types].sort(([a], [b]) => a.localeCompare(b));
  const out = [
    '# Resource type coverage',
    '',
    'Generated from `data/resource-coverage/resource-types.json` by `npx projen docs`; do not edit by hand.',
    '',
    'Every resource type of the three providers is classified, so nothing that grants access is skipped silently:',
    '',
    '- **modelled**: read into the access model (principals, policies, attachments, scopes, ways in);',
    '- **access**: grants access but the model does not read it: `AIAM-COV-001` (warning) names each such resource;',
    '- **passive**: carries no IAM grant (listed by `--verbose`);',
    '- some types grant access only through some attributes (a bucket\'s `policy`, a public ACL): they are reported only',
    '  when one of those is set (an unknown value counts as set);',
    '- a type not in the table is **unknown**: `AIAM-COV-001` (warning) when its name is in an IAM namespace',
    `  (${table.iamNamespaces.map(n => `\`${n}\``).join(', ')}), else \`AIAM-COV-002\` (info).`,
    '',
    'Coverage findings go through the findings pipeline: text, JSON, SARIF, JUnit and the HTML report show them with addresses.',
    '',
    '## How the model reads what it models',
    '',
    '- **Scopes.** Huawei role assignments (domain, project, all projects, enterprise project), Volcengine',
    '  `volcengine_iam_policy_project` (one grant per project), Alibaba `alicloud_resource_manager_policy_attachment`',
    '  (resource group), SSO account assignments (account). Answers and `what-can` show the scope. `--project ID` leaves',
    '  out grants scoped to other projects; a scope written as a variable or known only after apply is **unknown**, never',
    '  domain-wide: with `--project`, what such a grant would decide is `unknown`.',
    '- **Ways in.** Access keys, console sign-in profiles, ECS instances a role is attached to and SAML providers a role',
    '  trusts are facts on the principal (`explain` prints them as `way in:`, JSON as `credentials`).',
    '- **Huawei IAM v5** identity policies (Version "5.0") are their own dialect. An unconditional Allow of `"*"` is',
    '  evaluated exactly (full admin, `AIAM-IAM-001`); every other v5 statement is `unknown` for every request and reported',
    '  by `AIAM-COV-001`. Huawei agencies and trust agencies are roles.',
    '- **SSO directories** (CloudSSO, CloudIdentity, IAM Identity Center): users and groups are keyed apart from IAM',
    '  principals (`alibaba:user/sso:alice`); an account assignment attaches every policy of the permission set (access',
    '  configuration) at the account scope.',
    '- **Legacy forms**: `alicloud_ram_policy` `statement` blocks and `alicloud_ram_role` `services`/`ram_users` are',
    '  assembled into documents as the provider does; a default `alicloud_resource_manager_policy_version` replaces its',
    '  policy\'s document.',
    '',
    '| provider | source | resource types |',
    '|---|---|---|',
    ...Object.entries(table.providers).map(([name, p]) => `| ${name} | ${p.repository} \`${p.file}\` at ${p.commit.slice(0, 12)} | ${p.count} |`),
    '',
  ];
  const others = types.filter(([t]) => !PROVIDERS.some(([p]) => t.startsWith(`${p}_`)));
  for (const [prefix, title] of [...PROVIDERS, ['', 'Other (Terraform built-ins)'] as [string, string]]) {
    const mine = prefix ? types.filter(([t]) => t.startsWith(`${prefix}_`)) : others;
    out.push(`## ${title}`, '');
    for (const cls of ['modelled', 'access'] as const) {
      const rows = mine.filter(([, c]) => c.class === cls);
      if (!rows.length) continue;
      out.push(`### ${cls === 'modelled' ? 'Modelled' : 'Grants access, not modelled (AIAM-COV-001)'}`, '', '| type | what |', '|---|---|');
      for (const [t, c] of rows) out.push(`| \`${t}\` | ${c.note ?? ''}${whenText(c.when)} |`);
      out.push('');
    }
    const noted = mine.filter(([, c]) => c.class === 'passive' && c.note);
    if (noted.length) {
      out.push('### Passive, with a note', '', '| type | why it carries no grant |', '|---|---|');
      for (const [t, c] of noted) out.push(`| \`${t}\` | ${c.note}${whenText(c.when)} |`);
      out.push('');
    }
    const plain = mine.filter(([, c]) => c.class === 'passive' && !c.note);
    if (plain.length) {
      out.push(`<details><summary>${plain.length} other passive types</summary>`, '', plain.map(([t]) => `\`${t}\``).join(', '), '', '</details>', '');
    }
  }
  return out.join('\n');
}

if (require.main === module) {
  const file = path.join(__dirname, '..', 'docs', 'coverage.md');
  const text = coverageMarkdown();
  if (process.argv.includes('--check')) {
    if (fs.readFileSync(file, 'utf8') !== text) {
      process.stderr.write(`${file} is out of date: run npx projen docs\n`);
      process.exit(1);
    }
  } else {
    fs.writeFileSync(file, text);
    process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
  }
}
