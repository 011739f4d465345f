/** Issue 15, item 5: what the Model Studio constructs assume is stated or marked inferred, in code, data and docs. */
import * as fs from 'fs';
import * as path from 'path';
import { TerraformStack, Testing } from 'cdktf';
import { bailian } from '../../../src';
import { Catalog } from '../../../src/catalog';
import { BAILIAN_FACTS, BAILIAN_PAGE_FACTS, bailianWorkspaceNameProblem } from '../../../src/catalog/bailian';

const stack = () => new TerraformStack(Testing.app(), 's');

test('the default workspace\'s own name 默认业务空间 is accepted, and so are the guide\'s names', () => {
  for (const name of ['默认业务空间', 'project-prod-workspace', 'marketing-team-workspace', 'chatbot-staging-workspace']) {
    expect(() => new bailian.BailianWorkspace(stack(), 'ws', { workspaceName: name, region: 'cn-beijing', isDefault: name === '默认业务空间' })).not.toThrow();
  }
});

test('only certain problems are rejected: empty, blank, over 64 characters, control characters', () => {
  expect(bailianWorkspaceNameProblem('')).toBeDefined();
  expect(bailianWorkspaceNameProblem('   ')).toBeDefined();
  expect(bailianWorkspaceNameProblem('a'.repeat(65))).toBeDefined();
  expect(bailianWorkspaceNameProblem('a\nb')).toBeDefined();
  expect(bailianWorkspaceNameProblem('空'.repeat(64))).toBeUndefined();
  expect(() => new bailian.BailianWorkspace(stack(), 'ws', { workspaceName: 'a\tb', region: 'cn-beijing' })).toThrow(/invalid workspace name.*control character/);
});

test('every page the constructs know has the guide\'s label, and the bundles use only those pages', () => {
  expect(BAILIAN_PAGE_FACTS.map(p => p.id).sort()).toEqual(Object.values(bailian.BailianPage).sort());
  for (const p of BAILIAN_PAGE_FACTS) expect(p.label).toMatch(/-操作$/);
  expect(bailian.BailianPageBundles.ALL.sort()).toEqual(Object.values(bailian.BailianPage).sort());
});

test('docs/alibaba.md shows each fact with its status', () => {
  const doc = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'docs', 'alibaba.md'), 'utf8');
  for (const f of BAILIAN_FACTS) {
    const row = doc.split('\n').find(l => l.startsWith(`| ${f.fact} |`));
    expect(row).toBeDefined();
    expect(row).toContain(`| ${f.status} |`);
  }
});

test('the two PAI-Rec actions taken from SDK metadata are marked inferred in data and docs', () => {
  const raw = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'data', 'catalogs', 'alibaba-pairec.json'), 'utf8'));
  const inferred = (raw.actions as Array<{ name: string; inferred?: boolean; source: string }>).filter(a => !a.source.startsWith('seed:'));
  expect(inferred.map(a => a.name).sort()).toEqual(['pairec:GetService', 'pairec:GetTrafficControlTaskTraffic']);
  expect(inferred.every(a => a.inferred === true)).toBe(true);
  const doc = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'docs', 'alibaba.md'), 'utf8');
  for (const a of inferred) expect(doc).toContain(`\`${a.name}\``);
  expect(Catalog.load().action(Catalog.load().services().find(s => s.service === 'pairec')!.dialect, 'pairec:GetService')).toBeDefined();
});
