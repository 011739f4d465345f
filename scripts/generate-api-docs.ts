/**
 * Writes the API reference from the jsii assembly: API.md for the root (checks, packs, rules, grants, principals,
 * statements) with links to one page per product submodule under docs/api/. The generated provider bindings are
 * not documented here: they mirror the providers' own Terraform docs.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Documentation, Language } from 'jsii-docgen';

const ROOT = path.join(__dirname, '..');
export const PRODUCT_SUBMODULES: Record<string, string> = {
  ram: 'Alibaba Cloud RAM: users, groups, roles, custom policies',
  bailian: 'Alibaba Cloud Model Studio (Bailian): workspaces, quota splits, admins, API keys',
  pai: 'Alibaba Cloud PAI and PAI-Rec',
  volcengine_iam: 'Volcengine IAM: users, groups, roles, custom policies',
  vemlp: 'Volcengine veMLP: personas, resource queues, owner grants',
  huawei_iam: 'Huawei Cloud IAM: users, groups, scopes, custom policies',
  modelarts: 'Huawei Cloud ModelArts',
};

async function main(): Promise<void> {
  const docs = await Documentation.forProject(ROOT);
  const dir = path.join(ROOT, 'docs', 'api');
  fs.mkdirSync(dir, { recursive: true });
  const root = (await docs.toMarkdown({ language: Language.TYPESCRIPT })).render();
  const index = [
    '# API Reference',
    '',
    'Generated from the jsii assembly by `npx projen docgen`; do not edit by hand. The root module holds what the',
    'products share; each product is a submodule (`import { ram } from \'cdktf-aiam\'`) with a page of its own:',
    '',
    ...Object.entries(PRODUCT_SUBMODULES).map(([name, what]) => `- [\`${name}\`](docs/api/${name}.md): ${what}`),
    '',
    'The provider bindings (`alicloud`, `volcengine`, `huaweicloud`) follow the providers\' Terraform documentation.',
    '',
  ].join('\n');
  fs.writeFileSync(path.join(ROOT, 'API.md'), index + root.replace(/^# API Reference\s*/, '\n'));
  for (const name of Object.keys(PRODUCT_SUBMODULES)) {
    const md = (await docs.toMarkdown({ language: Language.TYPESCRIPT, submodule: `cdktf-aiam.${name}` })).render();
    fs.writeFileSync(path.join(dir, `${name}.md`), md.replace(/^# API Reference/, `# \`${name}\` API Reference`));
  }
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
