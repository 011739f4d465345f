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
/** References that reach something (random triples rarely do): literal, template, number, list, missing attributes. */
const REACHING = ['alicloud_ram_user.u.name', 'alicloud_ram_user.u.b', 'alicloud_ram_user.u.value', 'alicloud_ram_user.u.json', 'alicloud_ram_user.u.id',
  'alicloud_ram_group.g.group_name', 'alicloud_ram_group.g.id', 'local.a.b', 'module.m.out', 'data.alicloud_ram_policy_document.name'];
const reference = fc.oneof(
  fc.constantFrom(...REACHING),
  fc.tuple(fc.constantFrom(...ROOTS), fc.constantFrom(...NAMES), fc.constantFrom(...ATTRS)).map(([r, n, a]) => `${r}.${n}.${a}`),
);

function stackWith(values: string[], holders: Record<string, { input: string }> = {}) {
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
      alicloud_ram_user: { u: { name: 'alice', b: 7, value: ['x'], json: '%{ if true }t%{ endif }' } },
      alicloud_ram_group: { g: { group_name: '${alicloud_ram_user.u.name}-group', id: 'g-1' } },
      terraform_data: { refs: { input: refs }, ...holders },
    },
  }));
  return loadInput(dir).stacks[0];
}

test('`${a.b.c}` resolves exactly as `${ a.b.c }` does through the parser', () => {
  fc.assert(fc.property(fc.uniqueArray(reference, { minLength: 1, maxLength: 12 }), texts => {
    const stack = stackWith(texts.flatMap(t => [`\${${t}}`, `\${ ${t} }`]));
    const holder = stack.resources.find(r => r.address === 'terraform_data.refs')!;
    const fast = new StackResolver(stack);
    const slow = new StackResolver(stack);
    texts.forEach((t, i) => {
      const input = holder.values.input as Record<string, string>;
      expect(fast.valueOf(input[`v${2 * i}`], holder, 'input')).toEqual(slow.valueOf(input[`v${2 * i + 1}`], holder, 'input'));
    });
    expect(fast.dangling.map(d => d.reference)).toEqual(slow.dangling.map(d => d.reference));
  }), { numRuns: 40 });
});

test('a resource attribute that is `${type.name.attr}` resolves as `${ type.name.attr }` does', () => {
  fc.assert(fc.property(fc.uniqueArray(reference, { minLength: 1, maxLength: 12 }), texts => {
    const holders: Record<string, { input: string }> = {};
    texts.forEach((t, i) => {
      holders[`f${i}`] = { input: `\${${t}}` };
      holders[`s${i}`] = { input: `\${ ${t} }` };
    });
    const stack = stackWith([], holders);
    const fast = new StackResolver(stack);
    const slow = new StackResolver(stack);
    texts.forEach((_, i) => {
      const at = (name: string) => stack.resources.find(r => r.address === `terraform_data.${name}`)!;
      expect(fast.attribute(at(`f${i}`), 'input')).toEqual(slow.attribute(at(`s${i}`), 'input'));
    });
    expect(fast.dangling.map(d => d.reference)).toEqual(slow.dangling.map(d => d.reference));
  }), { numRuns: 40 });
});

test('resources are found by address as one map of addresses finds them', () => {
  const part = fc.constantFrom('t', 'u', 'a', 'a.b', 'b.n', 'n', 'n.1', 'x');
  const resource = fc.record({
    module: fc.constantFrom('', 'module.m', 'module.m[0]'), data: fc.boolean(), type: part, name: part, instance: fc.constantFrom(undefined, 0, 'k'),
  }).map(({ module, data, type, name, instance }) => {
    const address = `${module ? `${module}.` : ''}${data ? 'data.' : ''}${type}.${name}${instance === undefined ? '' : `[${JSON.stringify(instance)}]`}`;
    return {
      address,
      type,
      name,
      values: {},
      unknownAttributes: new Set<string>(),
      references: new Map(),
      file: 'f',
      pointer: '',
      stack: 's',
      ...(module ? { module } : {}),
      ...(instance === undefined ? {} : { instance: { key: instance } }),
    };
  });
  fc.assert(fc.property(fc.array(resource, { maxLength: 12 }), fc.array(fc.tuple(part, part), { maxLength: 6 }), (resources, probes) => {
    const res = new StackResolver({ name: 's', file: 'f', resources, dataSources: [], locals: {}, kind: 'synth', designatedAdmins: [] });
    const expected = new Map(resources.map(r => [r.address, r]));
    for (const address of [...expected.keys(), ...probes.map(([a, b]) => `${a}.${b}`), 'module.m', '']) {
      expect(res.resource(address)).toBe(expected.get(address));
    }
  }), { numRuns: 1000 });
});
