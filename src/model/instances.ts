/**
 * count and for_each in configurations: a known count or for_each expands to its instances (`x.y[0]`, `x.y["k"]`),
 * each answering `count.index` / `each.key` / `each.value`. An unknown one becomes one symbolic instance
 * (`x.y[*]`) whose instance-dependent facts are unknown: the model neither drops it nor guesses how many there are.
 */
import { isObjectValue, Unknown, Value } from './expressions';
import type { InstanceKey, RawResource, RawStack } from './input';
import { instanceSuffix, StackResolver } from './resolve';

const MAX_INSTANCES = 10_000;

export function expandInstances(stack: RawStack): RawStack {
  const repeated = (r: RawResource) => r.values.count !== undefined || r.values.for_each !== undefined;
  if (!stack.resources.some(repeated) && !stack.dataSources.some(repeated)) return stack;
  // count/for_each may only use values known before apply (variables, locals, data): one resolver over the
  // unexpanded stack reads them.
  const res = new StackResolver(stack);
  const expand = (list: readonly RawResource[]) => list.flatMap(r => (repeated(r) ? instancesOf(res, r) : [r]));
  return { ...stack, resources: expand(stack.resources), dataSources: expand(stack.dataSources) };
}

function instancesOf(res: StackResolver, r: RawResource): RawResource[] {
  const { count, for_each: forEach, ...values } = r.values;
  const isCount = count !== undefined;
  const v = res.evaluate(isCount ? count : forEach, r);
  const make = (key: number | string, value?: Value): RawResource =>
    instanceOf(r, `${r.address}${instanceSuffix(key)}`, values, { key, ...(value === undefined ? {} : { value }) });
  const symbolic = (reason: string): RawResource[] => [instanceOf(r, `${r.address}[*]`, values, { unknown: reason })];
  if (v instanceof Unknown) return symbolic(`the ${isCount ? 'count' : 'for_each'} of ${r.address} is unknown: ${v.reason}`);
  if (isCount) {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > MAX_INSTANCES) return symbolic(`the count of ${r.address} is not a usable number`);
    return Array.from({ length: v }, (_, i) => make(i));
  }
  if (isObjectValue(v)) return Object.keys(v).sort().map(k => make(k, v[k]));
  if (Array.isArray(v) && v.every(x => typeof x === 'string')) return [...new Set(v as string[])].sort().map(k => make(k, k));
  return symbolic(`the for_each of ${r.address} is neither a map nor a set of strings`);
}

/** An instance of a block: its fields read one by one (a block's pointer is built when read, so a spread would lose it). */
function instanceOf(r: RawResource, address: string, values: Record<string, unknown>, instance: InstanceKey): RawResource {
  return {
    address,
    type: r.type,
    name: r.name,
    values,
    unknownAttributes: r.unknownAttributes,
    references: r.references,
    constructPath: r.constructPath,
    comment: r.comment,
    file: r.file,
    pointer: r.pointer,
    stack: r.stack,
    module: r.module,
    instance,
  };
}
