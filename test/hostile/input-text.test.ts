/** Input files are read bounded and decoded honestly; policy JSON is parsed strictly (issue 16 §4–5). */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as v8 from 'v8';
import * as fc from 'fast-check';
import { ModelInputError } from '../../src/model/errors';
import { DEFAULT_MAX_INPUT_BYTES, HEAP_PER_INPUT_BYTE, readInputText } from '../../src/model/read-text';
import { JsonSyntaxError, parseJsonStrict, parseSlowly } from '../../src/policy/json';
import { aiam } from '../cli/run';

describe('readInputText', () => {
  let dir: string;
  beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aiam-text-')); });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, bytes: Buffer | string) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, bytes);
    return f;
  };

  test('a UTF-8 BOM is accepted', () => {
    expect(readInputText(write('bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}')])), 'x')).toBe('{"a":1}');
  });

  test('UTF-16 is named in the error with the fix', () => {
    const f = write('u16.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"a":1}', 'utf16le')]));
    expect(() => readInputText(f, 'x')).toThrow(/UTF-16.*Fix: convert it to UTF-8/);
    expect(() => readInputText(write('u16nobom.json', Buffer.from('{"a":1}', 'utf16le')), 'x')).toThrow(/UTF-16/);
  });

  test('invalid UTF-8 is named in the error', () => {
    expect(() => readInputText(write('bad.json', Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d])), 'x')).toThrow(/not valid UTF-8/);
  });

  test('reading stops at the limit, even on a device that never ends', () => {
    expect(() => readInputText(write('big.json', 'x'.repeat(4096)), 'x', 1024)).toThrow(/larger than the input limit.*--max-input-mib/);
    if (fs.existsSync('/dev/zero')) expect(() => readInputText('/dev/zero', 'x', 1_048_576)).toThrow(ModelInputError);
  });

  test('a file is read whole up to the limit and refused past it, at any size', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }).map(t => t.replace(/[^\x20-\x7e]/g, 'a')), fc.integer({ min: 1, max: 300 }), (content, limit) => {
      const f = write('sized.json', content);
      if (content.length <= limit) expect(readInputText(f, 'x', limit)).toBe(content);
      else expect(() => readInputText(f, 'x', limit)).toThrow(/larger than the input limit/);
    }), { numRuns: 300 });
  });

  test('a pipe is read whole, past its first buffer', () => {
    if (process.platform === 'win32') return;
    const content = write('piped.json', 'y'.repeat(3 * 1048576 + 17));
    const src = path.join(__dirname, '..', '..', 'src', 'model', 'read-text.ts');
    const script = `process.stdout.write(String(require(${JSON.stringify(src)}).readInputText('/dev/stdin', 'x').length))`;
    // Through `cat`: a real pipe (Node's own stdio pipes are sockets, which /dev/stdin cannot open).
    const r = spawnSync('sh', ['-c', 'cat "$1" | "$2" -r ts-node/register/transpile-only -e "$3"', 'sh', content, process.execPath, script],
      { encoding: 'utf8', env: { ...process.env, TS_NODE_PROJECT: path.join(__dirname, '..', 'tsconfig.json') } });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(String(3 * 1048576 + 17));
  });

  test('the default limit is what this heap can load (an input beyond it would crash out of memory), at most 512 MiB', () => {
    const heap = v8.getHeapStatistics().heap_size_limit;
    expect(DEFAULT_MAX_INPUT_BYTES).toBeLessThanOrEqual(512 * 1048576);
    expect(DEFAULT_MAX_INPUT_BYTES * HEAP_PER_INPUT_BYTE).toBeLessThanOrEqual(heap);
  });

  test('an input too large for the heap says which limit and which heap to ask for', () => {
    // A sparse file: its size is there, its bytes cost nothing.
    const f = path.join(dir, 'huge.json');
    fs.writeFileSync(f, '');
    const size = Math.ceil(v8.getHeapStatistics().heap_size_limit / HEAP_PER_INPUT_BYTE) + 64 * 1048576;
    fs.truncateSync(f, size);
    try {
      expect(() => readInputText(f, 'x', 1_048_576))
        .toThrow(new RegExp(`input limit of 1 MiB.*--max-input-mib ${Math.ceil(size / 1048576)}, and give Node the heap it needs: NODE_OPTIONS=--max-old-space-size=\\d+`));
    } finally {
      fs.rmSync(f);
    }
  });

  test('a folder and a missing file name the problem', () => {
    expect(() => readInputText(dir, 'a plan')).toThrow(/a folder.*Fix: pass the path of a plan/);
    expect(() => readInputText(path.join(dir, 'nope'), 'a plan')).toThrow(/no such file/);
  });
});

describe('parseJsonStrict', () => {
  test('agrees with JSON.parse on every valid document', () => {
    fc.assert(fc.property(fc.jsonValue(), v => {
      const text = JSON.stringify(v);
      expect(parseJsonStrict(text)).toEqual(JSON.parse(text));
    }), { numRuns: 500 });
  });

  test('rejects what JSON.parse rejects', () => {
    fc.assert(fc.property(fc.string(), text => {
      let native = true;
      try {
        JSON.parse(text);
      } catch {
        native = false;
      }
      let strict = true;
      try {
        parseJsonStrict(text);
      } catch (e) {
        if (!(e instanceof JsonSyntaxError)) throw e;
        strict = false;
      }
      // Strict may reject more (duplicate keys), never less.
      if (!native) expect(strict).toBe(false);
    }), { numRuns: 2000 });
  });

  test('the fast path (JSON.parse + key count) and the full parser agree, duplicates anywhere included', () => {
    // Serializes with random whitespace; `dup` repeats one key of some objects, at any depth.
    const write = (v: unknown, dup: () => boolean, ws: () => string): string => {
      if (Array.isArray(v)) return `[${v.map(x => ws() + write(x, dup, ws)).join(',')}${ws()}]`;
      if (typeof v === 'object' && v !== null) {
        const entries = Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}${ws()}:${ws()}${write(x, dup, ws)}`);
        if (entries.length && dup()) entries.push(entries[0]);
        return `{${entries.join(',')}}`;
      }
      return JSON.stringify(v);
    };
    const outcome = (f: () => unknown) => {
      try {
        return { value: f() };
      } catch (e) {
        if (!(e instanceof JsonSyntaxError)) throw e;
        return { error: e.message };
      }
    };
    fc.assert(fc.property(fc.jsonValue(), fc.infiniteStream(fc.boolean()), fc.infiniteStream(fc.constantFrom('', ' ', '\n\t')), (v, dups, spaces) => {
      const d = dups[Symbol.iterator]();
      const w = spaces[Symbol.iterator]();
      const text = write(v, () => d.next().value && d.next().value, () => w.next().value);
      expect(outcome(() => parseJsonStrict(text))).toEqual(outcome(() => parseSlowly(text)));
    }), { numRuns: 1000 });
  });

  test('a duplicate key is an error at its pointer: an ambiguous Effect never becomes Allow', () => {
    expect(() => parseJsonStrict('{"Statement":[{"Effect":"Deny","Effect":"Allow"}]}')).toThrow(/\/Statement\/0\/Effect: duplicate key "Effect"/);
  });

  test('"__proto__" is an ordinary key', () => {
    const v = parseJsonStrict('{"__proto__":{"polluted":1},"constructor":2}') as Record<string, unknown>;
    expect(Object.keys(v)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('deep nesting does not exhaust the stack', () => {
    const depth = 200_000;
    expect(() => parseJsonStrict('['.repeat(depth) + ']'.repeat(depth))).not.toThrow();
  });

  test('0x10, leading spaces inside numbers and trailing text are rejected', () => {
    for (const bad of ['0x10', '{"a":0x10}', '[01]', '1 2', '{"a":1,}', '[1,]']) expect(() => parseJsonStrict(bad)).toThrow(JsonSyntaxError);
  });
});

describe('aiam --max-input-mib', () => {
  test('an input over the limit exits 2 naming the flag; the flag raises the limit', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aiam-limit-'));
    try {
      const f = path.join(dir, 'cdk.tf.json');
      fs.writeFileSync(f, JSON.stringify({ resource: { alicloud_ram_user: { u: { name: 'alice', pad: 'x'.repeat(2 * 1048576) } } } }));
      const small = await aiam('--max-input-mib', '1', 'check', f);
      expect(small.code).toBe(2);
      expect(small.stderr).toMatch(/larger than the input limit of 1 MiB.*--max-input-mib/);
      const big = await aiam('--max-input-mib', '8', 'check', f);
      expect(big.code).toBe(0);
      expect((await aiam('--max-input-mib', 'lots', 'check', f)).code).toBe(2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('policy documents are parsed strictly', () => {
  test('a duplicate Effect is an invalid document (AIAM-REF-003 at its pointer), never an Allow', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aiam-dup-'));
    try {
      const f = path.join(dir, 'cdk.tf.json');
      const doc = '{"Version":"1","Statement":[{"Effect":"Deny","Action":"*","Resource":"*","Effect":"Allow"}]}';
      fs.writeFileSync(f, JSON.stringify({
        resource: {
          alicloud_ram_user: { u: { name: 'dev' } },
          alicloud_ram_policy: { p: { policy_name: 'p', policy_document: doc } },
          alicloud_ram_user_policy_attachment: { a: { user_name: 'dev', policy_name: 'p', policy_type: 'Custom' } },
        },
      }));
      const r = await aiam('check', f, '--format', 'json');
      const finding = JSON.parse(r.stdout).findings.find((x: { ruleId: string }) => x.ruleId === 'AIAM-REF-003');
      expect(finding.message).toMatch(/duplicate key "Effect"/);
      expect(finding.location.pointer).toMatch(/\/Statement\/0\/Effect$/);
      const e = await aiam('explain', f, '--principal', 'user/dev', '--action', 'ram:CreateUser', '--format', 'json');
      expect(JSON.parse(e.stdout).decision).not.toBe('allow');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
