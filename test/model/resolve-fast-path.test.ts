/**
 * The resolver reads `${type.name.attr}` without the expression parser (the most common value of all). Differential:
 * the same reference written with spaces (`${ type.name.attr }`) takes the parser's path; both must resolve alike,
 * for every root the grammar knows (resources, data, var, local, module, count, each, literals) and dangling ones.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as fc from 'fast-check';
import { loadInput } from '../../src/model/input';
import { StackResolver } from '../../src/model/resolve';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aiam-fast-ref-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const ROOTS = ['alicloud_ram_user', 'alicloud_ram_group', 'data', 'var', 'local', 'module', 'count', 'each', 'true', 'null', 'self', 'path', 'nope'];
const NAMES = ['u', 'g', 'alicloud_ram_policy_document', 'missing', 'name', 'a', 'm', 'index', 'key'];
const ATTRS = ['name', 'group_name', 'id', 'json', 'out', 'b', 'value'];

function stackWith(values: string[]) {
  const dir = fs.mkdtempSync(path.join(tmp, 'c'));
  fs.mkdirSync(path.join(dir, 'mod'));
  fs.writeFileSync(path.join(dir, 'mod', 'main.tf.json'), JSON.stringify({ output: { out: { value: 'from-module' } } }));
  const refs: Record<string, string> = {};
  values.forEach((v, i) => (refs[`v${i}`] = v));
  fs.writeFileSync(path.join(dir, 'main.tf.json'), JSON.stringify({
    variable: { name: { default: 'var-default' } },
    locals: { a: { b: 'local-b' }, name: 'local-name' },
    module: { m: { source: './mod' } },
    data: { alicloud_ram_policy_document: { name: { statement: [{ effect: 'Allow', action: ['ecs:Describe*'], resource: ['*'] }] } } },
    resource: {
      alicloud_ram_user: { u: { name: 'alice' } },
      alicloud_ram_group: { g: { group_name: '${alicloud_ram_user.u.name}-group' } },
      terraform_data: { refs: { input: refs } },
    },
  }));
  return loadInput(dir).stacks[0];
}

test('`${a.b.c}` resolves exactly as `${ a.b.c }` does through the parser', () => {
  const ref = fc.tuple(fc.constantFrom(...ROOTS), fc.constantFrom(...NAMES), fc.constantFrom(...ATTRS)).map(([r, n, a]) => `${r}.${n}.${a}`);
  fc.assert(fc.property(fc.uniqueArray(ref, { minLength: 1, maxLength: 12 }), texts => {
    const stack = stackWith(texts.flatMap(t => [`\${${t}}`, `\${ ${t} }`]));
    const holder = stack.resources.find(r => r.type === 'terraform_data')!;
    const fast = new StackResolver(stack);
    const slow = new StackResolver(stack);
    texts.forEach((t, i) => {
      const input = holder.values.input as Record<string, string>;
      expect(fast.valueOf(input[`v${2 * i}`], holder, 'input')).toEqual(slow.valueOf(input[`v${2 * i + 1}`], holder, 'input'));
    });
    expect(fast.dangling.map(d => d.reference)).toEqual(slow.dangling.map(d => d.reference));
  }), { numRuns: 40 });
});
