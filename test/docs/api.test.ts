import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const PAGES = ['API.md', ...['ram', 'bailian', 'pai', 'volcengine_iam', 'vemlp', 'huawei_iam', 'modelarts'].map(s => `docs/api/${s}.md`)];

test('API.md and the product pages document the library\'s own API once, without the provider bindings', () => {
  const texts = PAGES.map(p => fs.readFileSync(path.join(ROOT, p), 'utf8'));
  expect(texts[0].length).toBeLessThan(200_000);
  const typeIds = texts.flatMap(t => [...t.matchAll(/^### \S+ <a name="[^"]*" id="(cdktf-aiam\.[^"]+)"/gm)].map(m => m[1]));
  expect(typeIds.length).toBeGreaterThan(80);
  expect(typeIds.filter((id, i) => typeIds.indexOf(id) !== i)).toEqual([]);
  expect(typeIds.filter(id => /^cdktf-aiam\.(alicloud|volcengine|huaweicloud)\./.test(id))).toEqual([]);
  // Each product type is on its product's page: RamUser once, in ram.md.
  expect(typeIds).toContain('cdktf-aiam.ram.RamUser');
  expect(texts[PAGES.indexOf('docs/api/ram.md')]).toMatch(/id="cdktf-aiam\.ram\.RamUser"/);
  for (const p of PAGES.slice(1)) expect(texts[0]).toContain(`(${p})`);
});
