import * as fs from 'fs';
import * as path from 'path';
import { coverageMarkdown } from '../scripts/generate-coverage-doc';
import { rulesMarkdown } from '../scripts/generate-rules-doc';
import { allRules } from '../src/checks';

test('docs/rules.md is generated from the rule metadata and up to date', () => {
  expect(fs.readFileSync(path.join(__dirname, '..', 'docs', 'rules.md'), 'utf8')).toBe(rulesMarkdown());
});

test('docs/coverage.md is generated from the resource type table and up to date', () => {
  expect(fs.readFileSync(path.join(__dirname, '..', 'docs', 'coverage.md'), 'utf8')).toBe(coverageMarkdown());
});

test('every rule has a unique id, a title, a description and a fix', () => {
  const ids = allRules().map(r => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const r of allRules()) {
    expect(r.id).toMatch(/^AIAM-[A-Z]+-\d{3}$/);
    expect(r.title.length && r.description.length && r.fix.length).toBeTruthy();
  }
});
