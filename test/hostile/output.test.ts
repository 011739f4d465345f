/**
 * Output stays safe and complete for any input (issue 16 §4–5): streamed tables and JSON for any number of rows,
 * terminal-safe text, escaped graph labels, percent-encoded SARIF URIs, atomic writes that never clobber an input.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as fc from 'fast-check';
import { parseSuppressionsFile, SuppressionsFileError, toText } from '../../src/checks';
import { Severity } from '../../src/checks/finding';
import { printable, printableLine } from '../../src/checks/format/printable';
import { sarifUri } from '../../src/checks/format/sarif';
import { table, writeTable } from '../../src/cli/format/table';
import { UsageError, writeJson, writeOutputFile } from '../../src/cli/io';
import { aiam } from '../cli/run';

describe('streamed output', () => {
  test('a table of 200,000 rows is written without overflowing the stack, in chunks', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [`user/u${i}`, 'allow', 'p#0']);
    const chunks: string[] = [];
    writeTable(['principal', 'decision', 'path'], rows, t => chunks.push(t));
    expect(chunks.length).toBeGreaterThan(100);
    const text = chunks.join('');
    expect(text.split('\n')).toHaveLength(200_000 + 3);
    expect(text.split('\n')[2 + 199_999]).toBe('user/u199999  allow     p#0');
  });

  test('writeJson writes exactly what JSON.stringify(value, null, 2) would, for any value and size', () => {
    const same = (v: unknown) => {
      let out = '';
      writeJson(v, t => { out += t; });
      expect(out).toBe(JSON.stringify(v, null, 2) + '\n');
    };
    fc.assert(fc.property(fc.jsonValue(), same), { numRuns: 300 });
    const manyRows = fc.array(fc.jsonValue({ maxDepth: 2 }), { minLength: 60, maxLength: 400 });
    fc.assert(fc.property(manyRows, items => same({ a: 1, able: items, b: [] })), { numRuns: 30 });
    same({ assumed: { x: 'y' }, able: Array.from({ length: 200_000 }, (_, i) => ({ principal: `user/u${i}`, decision: 'allow' })) });
  });
});

describe('terminal-safe text', () => {
  test('control characters from the input are shown as escapes, never sent to the terminal', () => {
    expect(printable('a\u001b[2Jb\u0007')).toBe('a\\u001b[2Jb\\u0007');
    expect(printableLine('x\ny\tz')).toBe('x\\ny\\tz');
    fc.assert(fc.property(fc.string({ unit: 'binary' }), s => {
      // eslint-disable-next-line no-control-regex
      expect(printableLine(s)).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    }));
  });

  test('findings text escapes a hostile message and address', () => {
    const text = toText([{
      ruleId: 'AIAM-X',
      severity: Severity.ERROR,
      title: 't',
      message: 'evil\u001b]0;owned\u0007',
      fix: 'f',
      location: { address: 'alicloud_ram_user.a\nERROR fake' },
    }], false);
    expect(text).not.toContain('\u001b');
    expect(text).toContain('alicloud_ram_user.a\\nERROR fake');
  });

  test('table cells cannot break the layout with newlines', () => {
    expect(table(['a', 'b'], [['x\ny', 'z']]).split('\n')).toHaveLength(4);
  });
});

describe('graph labels', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aiam-graph-'));
    fs.writeFileSync(path.join(dir, 'cdk.tf.json'), JSON.stringify({
      resource: { alicloud_ram_user: { u: { name: 'a"b\\c\nd];evil[' } } },
    }));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('DOT labels escape quotes, backslashes and line breaks', async () => {
    const r = await aiam('graph', path.join(dir, 'cdk.tf.json'), '--format', 'dot');
    expect(r.code).toBe(0);
    const line = r.stdout.split('\n').find(l => l.includes('label="alibaba:user/'))!;
    expect(line).toContain('a\\"b\\\\c\\nd];evil[');
    expect(r.stdout.split('\n').filter(l => l.includes('evil'))).toHaveLength(1);
  });

  test('mermaid labels use entity codes for quotes and line breaks', async () => {
    const r = await aiam('graph', path.join(dir, 'cdk.tf.json'), '--format', 'mermaid');
    expect(r.code).toBe(0);
    const line = r.stdout.split('\n').find(l => l.includes('evil'))!;
    expect(line).toContain('a#34;b#92;c#10;d];evil[');
  });
});

describe('SARIF URIs', () => {
  test('each path segment is percent-encoded; separators are forward slashes', () => {
    expect(sarifUri('cdktf.out/stacks/my stack/cdk.tf.json')).toBe('cdktf.out/stacks/my%20stack/cdk.tf.json');
    expect(sarifUri('C:\\work\\a#b\\plan.json')).toBe('C:/work/a%23b/plan.json');
    expect(sarifUri('/abs/100%/x.json')).toBe('/abs/100%25/x.json');
  });
});

describe('suppression files', () => {
  test('a wildcard rule id is refused with the pointer and the fix', () => {
    expect(() => parseSuppressionsFile('s.json', { version: 1, suppressions: [{ rule: '*', reason: 'too noisy' }] }))
      .toThrow(SuppressionsFileError);
    expect(() => parseSuppressionsFile('s.json', { version: 1, suppressions: [{ rule: 'AIAM-*', reason: 'too noisy' }] }))
      .toThrow(/s\.json: \/suppressions\/0\/rule: .*wildcards are not accepted.*Fix: name one rule/);
  });
});

describe('output files', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aiam-out-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('a folder, a missing parent and an input file are refused with exit-2 errors', () => {
    const input = path.join(dir, 'plan.json');
    fs.writeFileSync(input, '{}');
    expect(() => writeOutputFile('--out', dir, 'x')).toThrow(UsageError);
    expect(() => writeOutputFile('--out', path.join(dir, 'nope', 'r.html'), 'x')).toThrow(/does not exist/);
    expect(() => writeOutputFile('--out', input, 'x', [input])).toThrow(/is one of the input files/);
    expect(fs.readFileSync(input, 'utf8')).toBe('{}');
  });

  test('writes are atomic and replace a symlink instead of following it out of the folder', () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'aiam-outside-'));
    try {
      const victim = path.join(outside, 'victim.txt');
      fs.writeFileSync(victim, 'keep');
      const link = path.join(dir, 'report.html');
      fs.symlinkSync(victim, link);
      writeOutputFile('--out', link, 'report');
      expect(fs.readFileSync(victim, 'utf8')).toBe('keep');
      expect(fs.lstatSync(link).isSymbolicLink()).toBe(false);
      expect(fs.readFileSync(link, 'utf8')).toBe('report');
      expect(fs.readdirSync(dir)).toEqual(['report.html']);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  test('aiam check --output onto its own input exits 2 and leaves the input intact', async () => {
    const input = path.join(dir, 'cdk.tf.json');
    const text = JSON.stringify({ resource: { alicloud_ram_user: { u: { name: 'alice' } } } });
    fs.writeFileSync(input, text);
    const r = await aiam('check', input, '--output', input);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is one of the input files/);
    expect(fs.readFileSync(input, 'utf8')).toBe(text);
  });
});
