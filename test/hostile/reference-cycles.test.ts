/** Reference cycles are reported as cycles and long chains are bounded: never a stack overflow (issue 16 §5). */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadInput } from '../../src/model/input';
import { Resolved, StackResolver } from '../../src/model/resolve';
import { aiam } from '../cli/run';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aiam-cycles-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

let n = 0;
/** Writes a configuration folder (file name → JSON document) and returns its path. */
function folder(files: Record<string, unknown>): string {
  const dir = path.join(tmp, `c${n++}`);
  for (const [name, doc] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), JSON.stringify(doc));
  }
  return dir;
}

/** The user's name attribute, resolved. */
function userName(dir: string): Resolved {
  const stack = loadInput(dir).stacks[0];
  const user = stack.resources.find(r => r.type === 'alicloud_ram_user')!;
  return new StackResolver(stack).attribute(user, 'name');
}

const unknownReason = (r: Resolved) => (r.known ? `known: ${JSON.stringify(r.value)}` : r.reason);

describe('reference cycles', () => {
  test('local.a -> local.b -> local.a is a cycle, named', () => {
    const dir = folder({ 'main.tf.json': { locals: { a: '${local.b}', b: '${local.a}' }, resource: { alicloud_ram_user: { u: { name: '${local.a}' } } } } });
    expect(unknownReason(userName(dir))).toMatch(/reference cycle: local\.a -> local\.b -> local\.a/);
  });

  test('a resource attribute referring to itself through a local', () => {
    const dir = folder({ 'main.tf.json': { locals: { n: '${alicloud_ram_user.u.name}' }, resource: { alicloud_ram_user: { u: { name: 'x-${local.n}' } } } } });
    expect(unknownReason(userName(dir))).toMatch(/reference cycle: alicloud_ram_user\.u\.name -> local\.n -> alicloud_ram_user\.u\.name/);
  });

  test('a module output cycle (an input fed by the output it makes)', () => {
    const dir = folder({
      'main.tf.json': {
        module: { m: { source: './m', x: '${module.m.out}' } },
        resource: { alicloud_ram_user: { u: { name: '${module.m.out}' } } },
      },
      'm/main.tf.json': { variable: { x: {} }, output: { out: { value: '${var.x}' } } },
    });
    expect(unknownReason(userName(dir))).toMatch(/reference cycle: module\.m\.output\.out -> module\.m\.var\.x -> module\.m\.output\.out/);
  });

  test('a 10,000-long local chain is bounded: unknown with the reason, no stack overflow, exit 0 or 1', async () => {
    const locals: Record<string, string> = {};
    for (let i = 0; i < 10_000; i++) locals[`l${i}`] = i === 9_999 ? 'end' : `\${local.l${i + 1}}`;
    const dir = folder({
      'main.tf.json': {
        locals,
        resource: {
          alicloud_ram_user: { u: { name: '${local.l0}' } },
          alicloud_ram_policy: { p: { policy_name: 'p', policy_document: '{"Version":"1","Statement":[{"Effect":"Allow","Action":"ram:*","Resource":"*"}]}' } },
          alicloud_ram_user_policy_attachment: { a: { user_name: '${local.l0}', policy_name: 'p', policy_type: 'Custom' } },
        },
      },
    });
    expect(unknownReason(userName(dir))).toMatch(/references nest deeper than \d+ levels/);
    for (const argv of [['check', dir], ['who-can', dir, '--action', 'ram:CreateUser'], ['graph', dir]]) {
      const run = await aiam(...argv);
      expect([0, 1]).toContain(run.code);
      expect(run.stderr).not.toMatch(/internal error|Maximum call stack/);
    }
  });

  test('locals that each use the previous one twice take linear time; a value past the size bound is unknown', () => {
    // Evaluated naively this is 2^40 evaluations and a 2^40-character string.
    const locals: Record<string, string> = { l0: 'ab' };
    for (let i = 1; i <= 40; i++) locals[`l${i}`] = `\${local.l${i - 1}}\${local.l${i - 1}}`;
    const dir = folder({ 'main.tf.json': { locals, resource: { alicloud_ram_user: { u: { name: '${local.l40}' } } } } });
    expect(unknownReason(userName(dir))).toMatch(/builds a text longer than \d+ characters/);
    const small = folder({ 'main.tf.json': { locals: { ...locals, short: '${local.l3}' }, resource: { alicloud_ram_user: { u: { name: '${local.short}' } } } } });
    expect(userName(small)).toEqual({ known: true, value: 'ab'.repeat(8) });
  });

  test('resources whose attributes each use the previous one twice take linear time', () => {
    const users: Record<string, { name: string }> = { u0: { name: 'ab' } };
    for (let i = 1; i <= 40; i++) users[`u${i}`] = { name: `\${alicloud_ram_user.u${i - 1}.name}\${alicloud_ram_user.u${i - 1}.name}` };
    const dir = folder({ 'main.tf.json': { resource: { alicloud_ram_user: users } } });
    const stack = loadInput(dir).stacks[0];
    const last = stack.resources.find(r => r.address === 'alicloud_ram_user.u40')!;
    expect(unknownReason(new StackResolver(stack).attribute(last, 'name'))).toMatch(/builds a text longer than \d+ characters/);
  });

  test('a list past the size bound is unknown', () => {
    const locals: Record<string, string> = { l0: '${[1, 2]}' };
    for (let i = 1; i <= 30; i++) locals[`l${i}`] = `\${concat(local.l${i - 1}, local.l${i - 1})}`;
    const dir = folder({ 'main.tf.json': { locals, resource: { alicloud_ram_user: { u: { name: '${element(local.l30, 0)}' } } } } });
    expect(unknownReason(userName(dir))).toMatch(/builds a list longer than \d+ items/);
  });

  test('a chain within the bound resolves', () => {
    const locals: Record<string, string> = {};
    for (let i = 0; i < 50; i++) locals[`l${i}`] = i === 49 ? 'end' : `\${local.l${i + 1}}`;
    const dir = folder({ 'main.tf.json': { locals, resource: { alicloud_ram_user: { u: { name: '${local.l0}' } } } } });
    expect(userName(dir)).toEqual({ known: true, value: 'end' });
  });
});
