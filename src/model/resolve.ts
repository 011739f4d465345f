/**
 * Resolves attribute values of one stack. Configurations (cdk.tf.json, .tf folders): `${...}` expressions are
 * evaluated by the expression engine (./expressions) against resources, variables, locals, modules, count/for_each
 * instances and data sources. Plans: planned values with after_unknown, and configuration references followed as
 * Terraform followed them (instance keys, module inputs and outputs). A value known only after apply stays
 * symbolic — never guessed — but keeps the resource it points at, so links (an attachment to a user) still resolve.
 */
import { dataSourceAttribute, dataSourceSystemPolicy } from './data-sources';
import { applySteps, EvalStep, evaluateTemplate, fromPlain, isLiteralText, MAX_NESTING, Scope, toPlain, Unknown, Value } from './expressions';
import type { ModuleConfig, RawResource, RawStack } from './input';
import { own } from './own';

export interface ResourceRef {
  readonly address: string;
  readonly attribute: string;
}

export type Resolved =
  | { readonly known: true; readonly value: unknown }
  /** `expression`: the Terraform text the value stands for (`var.cluster_id`), for output. */
  | { readonly known: false; readonly reason: string; readonly ref?: ResourceRef; readonly expression?: string };

export interface DanglingReference {
  readonly from: RawResource;
  readonly attribute: string;
  readonly reference: string;
}

/** Where an expression is evaluated: its module, and the resource instance for `count.index` / `each.*`. */
interface Context {
  readonly module: string;
  readonly from?: RawResource;
  readonly attribute: string;
  /** Names bound inside a `dynamic` block (its iterator: `statement.key`, `statement.value`). */
  readonly bindings?: ReadonlyMap<string, Value>;
}

/** Reference chains deeper than this (local → local → ...) are unknown rather than followed. */
const MAX_CHAIN = 100;

function toResolved(v: Value): Resolved {
  if (v instanceof Unknown) return { known: false, reason: v.reason, ref: v.ref, expression: v.expression };
  return { known: true, value: toPlain(v) };
}

function toValue(r: Resolved, src: string, ref?: ResourceRef): Value {
  if (r.known) return fromPlain(r.value);
  return new Unknown(src, r.reason, r.ref ?? ref);
}

/** `module.a.module.b` → `module.a`; `module.a` → ''. */
function parentModule(module: string): string {
  const i = module.lastIndexOf('.module.');
  return i < 0 ? '' : module.slice(0, i);
}

/** `module.a[0].module.b["k"].x.y[1]` → `module.a[0].module.b["k"].` (the module instance an address lives in). */
function modulePrefixOf(address: string): string {
  return /^((?:module\.[A-Za-z_][\w-]*(?:\[[^\]]*\])?\.)*)/.exec(address)![1];
}

/** `[0]` / `["key"]`: Terraform's instance key syntax. */
export function instanceSuffix(key: number | string): string {
  return typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`;
}

/** A whole value that is one reference of three identifiers (the tokenizer's identifiers: `[A-Za-z_][\w-]*`). */
const PLAIN_REFERENCE = /^\$\{([A-Za-z_][\w-]*)\.([A-Za-z_][\w-]*)\.([A-Za-z_][\w-]*)\}$/;
const LITERAL_ROOTS = new Set(['true', 'false', 'null']);

/** No template anywhere in a JSON value (within the nesting the evaluator reads). */
function isLiteral(v: unknown, nesting: number): boolean {
  if (typeof v === 'string') return isLiteralText(v);
  if (typeof v !== 'object' || v === null) return true;
  if (nesting > MAX_NESTING) return false;
  if (Array.isArray(v)) return v.every(x => isLiteral(x, nesting + 1));
  for (const k in v) if (!isLiteral((v as Record<string, unknown>)[k], nesting + 1)) return false;
  return true;
}

/** Roots of `${root.x.y}` that are not resource types (the evaluator's reference() switch, and literals). */
const NOT_RESOURCE_ROOTS = ['var', 'local', 'count', 'each', 'module', 'data', 'path', 'terraform', 'self', ...LITERAL_ROOTS];
const [DOLLAR, OPEN, CLOSE, DOT] = ['$', '{', '}', '.'].map(c => c.charCodeAt(0));

/** Where the identifier (`[A-Za-z_][\w-]*`, as PLAIN_REFERENCE reads it) starting at `i` ends; -1 when none starts there. */
function identifierEnd(text: string, i: number): number {
  const first = text.charCodeAt(i);
  if (!((first >= 65 && first <= 90) || (first >= 97 && first <= 122) || first === 95)) return -1;
  for (i++; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 45)) break;
  }
  return i;
}

const stripKeys = (s: string) => s.replace(/\[[^\]]*\]/g, '');

/**
 * Resources by address. A resource whose address is `<type>.<name>` (a root-module resource, no dots in either)
 * is kept under its type and its name, strings JSON.parse has hashed already as object keys. A type's names are
 * indexed when its first reference is looked up: most types are never referred to (the 300,000 memberships of a
 * 100k-user input), and theirs never are. Any other address (modules, data sources, instances) is kept whole. Later
 * resources of one address replace earlier ones, as in one map.
 */
class AddressIndex {
  /** Per type, its resources in input order until a lookup indexes them by name. */
  private readonly byType = new Map<string, Map<string, RawResource> | RawResource[]>();
  private readonly byAddress = new Map<string, RawResource>();
  private shadowed = false;
  private lastType = '';
  private lastNames: Map<string, RawResource> | undefined;

  add(r: RawResource): void {
    const { type, name } = r;
    // A block with the derived pointer is at `<type>.<name>`, and its address need not be built to know it.
    const plain = r.derivedPointer || (r.address.length === type.length + 1 + name.length && r.address.charCodeAt(type.length) === DOT
      && r.address.startsWith(type) && r.address.endsWith(name) && type.indexOf('.') < 0 && name.indexOf('.') < 0);
    if (!plain) {
      const address = r.address;
      this.byAddress.set(address, r);
      // An address written like `<type>.<name>` that is not one (from a plan) takes lookups by text the long way.
      if (!this.shadowed) this.shadowed = address.indexOf('.') === address.lastIndexOf('.') && address.indexOf('[') < 0;
      return;
    }
    const names = this.byType.get(type);
    if (names === undefined) this.byType.set(type, [r]);
    else if (Array.isArray(names)) names.push(r);
    else names.set(name, r);
  }

  get(address: string): RawResource | undefined {
    const whole = this.byAddress.get(address);
    if (whole) return whole;
    const dot = address.indexOf('.');
    return dot > 0 ? this.names(address.slice(0, dot))?.get(address.slice(dot + 1)) : undefined;
  }

  /**
   * The resource at the address `text.slice(from, to)`, whose only dot is at `dot`: get() without slicing out the
   * address, nor the type when it is the type asked last (a link's references name one type, 100k times in a row).
   */
  getWritten(text: string, from: number, dot: number, to: number): RawResource | undefined {
    if (this.shadowed) return this.get(text.slice(from, to));
    let names = this.lastNames;
    if (dot - from !== this.lastType.length || !text.startsWith(this.lastType, from)) {
      const type = text.slice(from, dot);
      names = this.names(type);
      if (names) [this.lastType, this.lastNames] = [type, names];
    }
    return names?.get(text.slice(dot + 1, to));
  }

  /** A type's resources by name, indexed on first need. */
  private names(type: string): Map<string, RawResource> | undefined {
    const names = this.byType.get(type);
    if (!Array.isArray(names)) return names;
    const indexed = new Map<string, RawResource>();
    for (let i = 0; i < names.length; i++) indexed.set(names[i].name, names[i]);
    this.byType.set(type, indexed);
    return indexed;
  }

  has(address: string): boolean {
    return this.get(address) !== undefined;
  }
}

export class StackResolver {
  readonly dangling: DanglingReference[] = [];
  private readonly byAddress = new AddressIndex();
  /** Instances by their address without the instance key (`x.y` → x.y[0], x.y[1]). */
  private readonly families = new Map<string, RawResource[]>();
  /** Locals, variables and module outputs already evaluated (by guarded key). */
  private readonly settled = new Map<string, Value>();
  private readonly settledAttributes = new Map<string, Resolved>();
  /** The keys being resolved, outermost first: a key met again is in a cycle, which they name. At most MAX_CHAIN long. */
  private readonly chain: string[] = [];
  private readonly dataSources: ReadonlySet<RawResource>;
  private lastAttribute = '';

  constructor(readonly stack: RawStack) {
    this.dataSources = new Set(stack.dataSources);
    for (const list of [stack.resources, stack.dataSources]) {
      for (let i = 0; i < list.length; i++) {
        const r = list[i];
        this.byAddress.add(r);
        if (!r.instance) continue;
        const family = r.address.slice(0, r.address.lastIndexOf('['));
        const members = this.families.get(family);
        if (members) members.push(r);
        else this.families.set(family, [r]);
      }
    }
  }

  resource(address: string): RawResource | undefined {
    return this.byAddress.get(address);
  }

  /** An attribute of a resource, resolved. */
  attribute(r: RawResource, attribute: string): Resolved {
    if (this.stack.kind === 'plan') return this.planAttribute(r, attribute);
    const raw = r.values[attribute];
    if (typeof raw === 'string') {
      // Literal text, most values of all, is itself: no key, no cycle bookkeeping.
      if (isLiteralText(raw)) return { known: true, value: raw };
      const direct = this.directReference(raw, r);
      if (direct !== undefined) return { known: true, value: direct };
    }
    if (raw === undefined) {
      if (this.dataSources.has(r)) {
        const computed = dataSourceAttribute(this, r, attribute);
        if (computed) return computed;
      }
      return { known: false, reason: `${r.address}.${attribute} is known only after apply`, ref: { address: r.address, attribute } };
    }
    const key = `${r.address}.${attribute}`;
    // Attributes read by other expressions are kept (as guarded() keeps locals): chains of resources that each use
    // the previous one twice stay linear. Top-level reads are not kept: most are read once.
    const nested = this.chain.length > 0;
    const settled = nested ? this.settledAttributes.get(key) : undefined;
    if (settled) return settled;
    if (this.chain.includes(key)) return { known: false, reason: `${key} ${this.cycle(key)}` };
    if (this.chain.length >= MAX_CHAIN) return { known: false, reason: `${key}: references nest deeper than ${MAX_CHAIN} levels` };
    this.chain.push(key);
    let result: Resolved;
    try {
      result = this.value(raw, r, attribute);
    } finally {
      this.chain.pop();
    }
    if (nested) this.settledAttributes.set(key, result);
    return result;
  }

  /**
   * `${type.name.attr}` in a root-module resource, naming a resource whose attribute is literal text: that text, found
   * without allocating a parse (a link's reference to its user or group, hundreds of thousands at scale). Undefined
   * for anything else, which the general path evaluates to the same result (test/model/resolve-fast-path.test.ts).
   */
  private directReference(raw: string, from: RawResource): string | undefined {
    const end = raw.length - 1;
    if (from.module || raw.charCodeAt(0) !== DOLLAR || raw.charCodeAt(1) !== OPEN || raw.charCodeAt(end) !== CLOSE) return undefined;
    const dot1 = identifierEnd(raw, 2);
    if (dot1 < 0 || raw.charCodeAt(dot1) !== DOT) return undefined;
    const dot2 = identifierEnd(raw, dot1 + 1);
    if (dot2 < 0 || raw.charCodeAt(dot2) !== DOT || identifierEnd(raw, dot2 + 1) !== end) return undefined;
    for (const root of NOT_RESOURCE_ROOTS) if (dot1 - 2 === root.length && raw.startsWith(root, 2)) return undefined;
    const target = this.byAddress.getWritten(raw, 2, dot1, dot2);
    if (!target) return undefined;
    // The attribute named last time, when it is the same (`name` for 100k links in a row): a key already interned.
    const last = this.lastAttribute;
    const attribute = end - dot2 - 1 === last.length && raw.startsWith(last, dot2 + 1) ? last : (this.lastAttribute = raw.slice(dot2 + 1, end));
    const value = target.values[attribute];
    return typeof value === 'string' && isLiteralText(value) ? value : undefined;
  }

  /**
   * A configuration value holding no expression at all, as written (ordinary JSON objects, not copies): settings
   * entries of 100k members are read without evaluating every field. Undefined when there is anything to evaluate.
   */
  literal(r: RawResource, attribute: string): Resolved | undefined {
    if (this.stack.kind === 'plan') return undefined;
    const raw = r.values[attribute];
    return raw !== undefined && isLiteral(raw, 0) ? { known: true, value: raw } : undefined;
  }

  /** Why `key`, met again while it is resolved, is unknown: the cycle, named (`local.a -> local.b -> local.a`). */
  private cycle(key: string): string {
    // Keys are `<module>|local.x`, `<module>|var.x`, `<module>|output.x` or `<address>.<attribute>`.
    const name = (k: string) => k.replace(/^\|/, '').replace('|', '.');
    const loop = [...this.chain.slice(this.chain.lastIndexOf(key)), key];
    return `is part of a reference cycle: ${loop.map(name).join(' -> ')}`;
  }

  /** An attribute as a string, with unknown parts replaced by unknown markers the evaluator understands. */
  text(r: RawResource, attribute: string): { text?: string; resolved: Resolved } {
    const resolved = this.attribute(r, attribute);
    if (resolved.known) return { text: typeof resolved.value === 'string' ? resolved.value : resolved.value === undefined ? undefined : JSON.stringify(resolved.value), resolved };
    return { text: undefined, resolved };
  }

  /** Resolves one raw configuration value as if it were `from.attribute` (list elements, nested objects). */
  valueOf(raw: unknown, from: RawResource, attribute: string): Resolved {
    return this.value(raw, from, attribute);
  }

  /** Evaluates a raw configuration value (strings are templates) in the module and instance of `from`. */
  evaluate(raw: unknown, from: RawResource, attribute = ''): Value {
    return this.evaluateIn(raw, { module: from.module ?? '', from, attribute });
  }

  /** The system policy a data source at `address` names (a Huawei role by display name), when the catalog knows it. */
  systemPolicyOf(address: string): string | undefined {
    const r = this.byAddress.get(address);
    return r ? dataSourceSystemPolicy(this, r) : undefined;
  }

  /**
   * Configurations: each element of a list attribute, resolved on its own so every reference keeps its target
   * (`[a.id, b.id]`, `u[*].id`); undefined when the value is not a known list.
   */
  elements(r: RawResource, attribute: string): Resolved[] | undefined {
    if (this.stack.kind === 'plan' || r.values[attribute] === undefined) return undefined;
    const v = this.evaluate(r.values[attribute], r, attribute);
    return Array.isArray(v) ? v.map(toResolved) : undefined;
  }

  /** Evaluates a raw value with extra names bound (the iterator of a `dynamic` block). */
  evaluateWith(raw: unknown, from: RawResource, bindings: ReadonlyMap<string, Value>, attribute = ''): Value {
    return this.evaluateIn(raw, { module: from.module ?? '', from, attribute, bindings });
  }

  /**
   * Plans: the resources a list attribute known only after apply holds, from its configuration references
   * (`users = [huaweicloud_identity_user.u[0].id]`), with instance keys and module paths as Terraform resolved them.
   */
  planTargets(r: RawResource, attribute: string): ResourceRef[] {
    const prefix = modulePrefixOf(r.address);
    const out: ResourceRef[] = [];
    for (const ref of r.references.get(attribute) ?? []) {
      const t = this.planReference(prefix, ref, 0);
      if (t && !out.some(x => x.address === t.address)) out.push(t);
    }
    return out;
  }

  private planAttribute(r: RawResource, attribute: string): Resolved {
    if (r.sensitiveAttributes?.has(attribute)) return { known: false, reason: `${r.address}.${attribute} is sensitive in the plan: its value is not read` };
    if (r.unknownAttributes.has(attribute) || (r.values[attribute] === undefined && r.references.has(attribute))) {
      const ref = this.planTargets(r, attribute)[0];
      // A known value at the referenced attribute (planned) resolves the link even though this one is unknown.
      if (ref) {
        const to = this.byAddress.get(ref.address);
        const value = to && !to.unknownAttributes.has(ref.attribute) ? to.values[ref.attribute] : undefined;
        if (value !== undefined) return { known: true, value };
      }
      return { known: false, reason: `${r.address}.${attribute} is known only after apply${ref ? ` (from ${ref.address}.${ref.attribute})` : ''}`, ref };
    }
    return { known: true, value: r.values[attribute] };
  }

  /** One plan configuration reference, relative to a module instance prefix, followed to the resource it names. */
  private planReference(prefix: string, ref: string, depth: number): ResourceRef | undefined {
    if (depth > 16) return undefined;
    const refs = this.stack.planReferences;
    const module = stripKeys(prefix.replace(/\.$/, ''));
    const follow = (list: readonly string[] | undefined, at: string) => {
      for (const x of list ?? []) {
        const t = this.planReference(at, x, depth + 1);
        if (t) return t;
      }
      return undefined;
    };
    const v = /^var\.([\w-]+)/.exec(ref);
    if (v) {
      // A module input: the references of the call's argument, in the calling module.
      const parent = /^(.*?)(?:^|\.)module\.[\w-]+(?:\[[^\]]*\])?\.$/.exec(prefix);
      return parent ? follow(refs?.moduleInputs.get(module)?.get(v[1]), parent[1] ? `${parent[1]}.` : '') : undefined;
    }
    const m = /^module\.([\w-]+)(\[[^\]]*\])?\.([\w-]+)/.exec(ref);
    if (m) {
      const child = module ? `${module}.module.${m[1]}` : `module.${m[1]}`;
      return follow(refs?.moduleOutputs.get(child)?.get(m[3]), `${prefix}module.${m[1]}${m[2] ?? ''}.`);
    }
    const r = /^((?:data\.)?[A-Za-z_][\w-]*\.[A-Za-z_][\w-]*)(\[[^\]]*\])?(?:\.([A-Za-z_][\w-]*))?/.exec(ref);
    if (!r || /^(count|each|local|path|terraform|self)\./.test(ref)) return undefined;
    const attribute = r[3] ?? 'id';
    const exact = `${prefix}${r[1]}${r[2] ?? ''}`;
    if (this.byAddress.has(exact)) return { address: exact, attribute };
    // Terraform lists `x.y` beside `x.y[0]`; without a key, only a resource that has no instances is meant.
    const bare = `${prefix}${r[1]}`;
    if (!r[2] && this.byAddress.has(bare)) return { address: bare, attribute };
    return undefined;
  }

  /** Resolves a raw configuration value: templates evaluated; unknown parts of lists make the list unknown. */
  private value(raw: unknown, from: RawResource, attribute: string): Resolved {
    const v = this.evaluateIn(raw, { module: from.module ?? '', from, attribute });
    if (Array.isArray(v)) {
      const unknown = v.find((x): x is Unknown => x instanceof Unknown);
      if (unknown) return toResolved(unknown);
    }
    return toResolved(v);
  }

  private evaluateIn(raw: unknown, ctx: Context, nesting = 0): Value {
    if (typeof raw === 'string') {
      // `${type.name.attr}` alone, the most common value of all, without parsing: exactly what the parser and
      // evaluator make of it (a single interpolation is its value; literal roots are not references).
      const m = PLAIN_REFERENCE.exec(raw);
      if (m && !LITERAL_ROOTS.has(m[1])) {
        const steps: EvalStep[] = [{ kind: 'attr', name: m[2] }, { kind: 'attr', name: m[3] }];
        const src = raw.slice(2, -1);
        const { value, used } = this.reference(ctx, m[1], steps, src);
        return used === steps.length ? value : applySteps(value, steps.slice(used), src);
      }
      return evaluateTemplate(raw, this.scope(ctx));
    }
    if (nesting > MAX_NESTING) return new Unknown('(value)', `${ctx.from?.address ?? 'a value'}: nested deeper than ${MAX_NESTING} levels`);
    if (Array.isArray(raw)) return raw.map(x => this.evaluateIn(x, ctx, nesting + 1));
    if (typeof raw === 'object' && raw !== null) {
      const out: { [key: string]: Value } = Object.create(null);
      for (const [k, x] of Object.entries(raw)) out[k] = this.evaluateIn(x, ctx, nesting + 1);
      return out;
    }
    return raw === undefined ? null : raw as Value;
  }

  private scope(ctx: Context): Scope {
    return { reference: (root, steps, src) => this.reference(ctx, root, steps, src) };
  }

  /**
   * Evaluates `raw` once per key: a cycle or a too long chain is unknown, never a stack overflow, and the value is
   * kept, so locals that each use the previous one twice cost linear time, not exponential. (A key met again while it
   * is resolved is in a cycle with every key between, so what they settle to holds for every path.)
   */
  private guarded(key: string, src: string, run: () => Value): Value {
    const settled = this.settled.get(key);
    if (settled !== undefined) return settled;
    if (this.chain.includes(key)) return new Unknown(src, `\`${src}\` ${this.cycle(key)}`);
    if (this.chain.length >= MAX_CHAIN) return new Unknown(src, `\`${src}\`: references nest deeper than ${MAX_CHAIN} levels`);
    this.chain.push(key);
    let value: Value;
    try {
      value = run();
    } finally {
      this.chain.pop();
    }
    this.settled.set(key, value);
    return value;
  }

  private reference(ctx: Context, root: string, steps: readonly EvalStep[], src: string): { value: Value; used: number } {
    const bound = ctx.bindings?.get(root);
    if (bound !== undefined) return { value: bound, used: 0 };
    const name = steps[0]?.kind === 'attr' ? steps[0].name : undefined;
    const module = this.stack.modules?.get(ctx.module);
    switch (root) {
      case 'var':
        return { value: name === undefined ? new Unknown(src, `\`${src}\` is not a variable reference`) : this.variable(ctx, module, name, src), used: 1 };
      case 'local': {
        const raw = name === undefined ? undefined : ctx.module === '' && !module ? own(this.stack.locals, name) : module ? own(module.locals, name) : undefined;
        if (raw === undefined) return { value: new Unknown(src, `\`${src}\`: no such local value`), used: 1 };
        return { value: this.guarded(`${ctx.module}|local.${name}`, src, () => this.evaluateIn(raw, { module: ctx.module, attribute: ctx.attribute })), used: 1 };
      }
      case 'count':
      case 'each': {
        const inst = ctx.from?.instance;
        const what = root === 'count' ? (name === 'index' ? 'key' : undefined) : name === 'key' ? 'key' : name === 'value' ? 'value' : undefined;
        if (!inst || !what) return { value: new Unknown(src, `\`${src}\` is used outside a resource with ${root === 'count' ? 'count' : 'for_each'}`), used: 1 };
        if (inst.unknown) return { value: new Unknown(src, inst.unknown), used: 1 };
        return { value: what === 'key' ? inst.key ?? null : fromPlain(inst.value), used: 1 };
      }
      case 'module':
        return this.moduleOutput(ctx, module, steps, src);
      case 'data':
        return this.resourceReference(ctx, 'data.', steps, 0, src);
      case 'path':
      case 'terraform':
      case 'self':
        return { value: new Unknown(src, `\`${src}\` is not evaluated`), used: steps.length };
      default:
        return this.resourceReference(ctx, `${root}.`, steps, -1, src);
    }
  }

  private variable(ctx: Context, module: ModuleConfig | undefined, name: string, src: string): Value {
    if (!module) return new Unknown(src, `\`${src}\` is an input variable, set only at plan time`);
    const given = Object.prototype.hasOwnProperty.call(module.inputs, name);
    if (given && module.inputsArePlain) return fromPlain(module.inputs[name]);
    if (given) {
      const parent = parentModule(module.path);
      // In the call's arguments, count.index / each.* name the module instance.
      const inst = module.instance;
      const bindings = inst ? new Map<string, Value>([['count', { index: inst.key ?? null }], ['each', { key: inst.key ?? null, value: fromPlain(inst.value) }]]) : undefined;
      return this.guarded(`${module.path}|var.${name}`, src, () => this.evaluateIn(module.inputs[name], { module: parent, attribute: ctx.attribute, bindings }));
    }
    const declared = own(module.variables, name);
    if (declared?.hasDefault) return fromPlain(declared.default);
    const how = module.path ? `the call of ${module.path} does not set it` : `pass --var ${name}=... or --var-file`;
    return new Unknown(src, `\`${src}\` has no value here (${how})`);
  }

  private moduleOutput(ctx: Context, module: ModuleConfig | undefined, steps: readonly EvalStep[], src: string): { value: Value; used: number } {
    const name = steps[0]?.kind === 'attr' ? steps[0].name : undefined;
    if (name === undefined) return { value: new Unknown(src, `\`${src}\` is not a module reference`), used: 0 };
    if (module && module.unloaded[name] !== undefined) {
      return { value: new Unknown(src, `\`${src}\` is an output of module ${name} (source ${JSON.stringify(module.unloaded[name])}), which is not read: check the plan`), used: steps.length };
    }
    const childPath = ctx.module ? `${ctx.module}.module.${name}` : `module.${name}`;
    let child = this.stack.modules?.get(childPath);
    let at = 1;
    if (!child && steps[1]?.kind === 'index') {
      // module.m[0].out / module.m["k"].out: one instance of a call with count/for_each.
      const key = steps[1].key;
      if (key instanceof Unknown) return { value: new Unknown(src, key.reason, key.ref), used: steps.length };
      if (typeof key === 'number' || typeof key === 'string') child = this.stack.modules?.get(`${childPath}${instanceSuffix(key)}`);
      at = 2;
      if (!child) return { value: new Unknown(src, `\`${src}\`: module ${name} has no instance ${JSON.stringify(key)}`), used: steps.length };
    } else if (!child && steps[1]?.kind === 'splat') {
      const output = steps[2]?.kind === 'attr' ? steps[2].name : undefined;
      const instances = [...(this.stack.modules?.values() ?? [])].filter(m => m.path.startsWith(`${childPath}[`) && !m.path.slice(childPath.length).includes('.'));
      if (output === undefined || !instances.length) return { value: new Unknown(src, `\`${src}\` is not evaluated`), used: steps.length };
      return { value: instances.map(m => this.output(m, output, src, ctx)), used: 3 };
    }
    if (!child) {
      if (this.stack.modules && ctx.from) this.dangling.push({ from: ctx.from, attribute: ctx.attribute, reference: src });
      return { value: new Unknown(src, `\`${src}\` refers to module ${name}, which this ${ctx.module ? 'module' : 'stack'} does not call`), used: steps.length };
    }
    const output = steps[at]?.kind === 'attr' ? (steps[at] as { name: string }).name : undefined;
    if (output === undefined) return { value: new Unknown(src, `\`${src}\`: the whole module object is not evaluated`), used: at };
    return { value: this.output(child, output, src, ctx), used: at + 1 };
  }

  private output(child: ModuleConfig, output: string, src: string, ctx: Context): Value {
    const raw = child.outputs[output];
    if (raw === undefined) return new Unknown(src, `\`${src}\`: ${child.path} has no output "${output}"`);
    return this.guarded(`${child.path}|output.${output}`, src, () => this.evaluateIn(raw, { module: child.path, attribute: ctx.attribute }));
  }

  /**
   * `type.name[.attr]`, `type.name[key].attr`, `type.name[*].attr` (root already consumed for resources: offset -1;
   * `data` passes offset 0 with the type in steps[0]).
   */
  private resourceReference(ctx: Context, base: string, steps: readonly EvalStep[], offset: number, src: string): { value: Value; used: number } {
    let typeAndName = base;
    let i = offset + 1;
    if (base === 'data.') {
      if (steps[0]?.kind !== 'attr') return { value: new Unknown(src, `\`${src}\` is not a data source reference`), used: 0 };
      typeAndName += `${steps[0].name}.`;
      i = 1;
    }
    const nameStep = steps[i];
    if (nameStep?.kind !== 'attr') return { value: new Unknown(src, `\`${src}\` is not a resource reference`), used: i };
    const family = `${ctx.module ? `${ctx.module}.` : ''}${typeAndName}${nameStep.name}`;
    i++;
    const attr = (target: RawResource, at: number): { value: Value; used: number } => {
      const step = steps[at];
      if (step?.kind !== 'attr') {
        return { value: new Unknown(src, `\`${src}\` is the whole resource ${target.address}`, { address: target.address, attribute: 'id' }), used: at };
      }
      const ref = { address: target.address, attribute: step.name };
      return { value: toValue(this.attribute(target, step.name), src, ref), used: at + 1 };
    };
    const direct = this.byAddress.get(family);
    if (direct) return attr(direct, i);
    const instances = this.families.get(family);
    if (!instances) {
      if (ctx.from) this.dangling.push({ from: ctx.from, attribute: ctx.attribute, reference: src });
      return { value: new Unknown(src, `\`${src}\` refers to ${family}, which this ${ctx.module ? 'module' : 'stack'} does not define`), used: steps.length };
    }
    const symbolic = instances.find(x => x.instance?.unknown);
    const step = steps[i];
    if (step?.kind === 'splat') {
      if (symbolic) return { value: new Unknown(src, symbolic.instance!.unknown!, { address: symbolic.address, attribute: 'id' }), used: steps.length };
      return { value: instances.map(x => attr(x, i + 1).value), used: i + 2 };
    }
    if (step?.kind !== 'index') return { value: new Unknown(src, `\`${src}\`: ${family} has count or for_each; name an instance (${family}[0])`), used: steps.length };
    if (step.key instanceof Unknown) return { value: new Unknown(src, step.key.reason, symbolic ? { address: symbolic.address, attribute: 'id' } : undefined), used: steps.length };
    if (typeof step.key !== 'number' && typeof step.key !== 'string') return { value: new Unknown(src, `\`${src}\`: not an instance key`), used: steps.length };
    const target = this.byAddress.get(`${family}${instanceSuffix(step.key)}`);
    if (target) return attr(target, i + 1);
    if (symbolic) {
      const a = steps[i + 1]?.kind === 'attr' ? (steps[i + 1] as { name: string }).name : 'id';
      return { value: new Unknown(src, symbolic.instance!.unknown!, { address: symbolic.address, attribute: a }), used: steps.length };
    }
    return { value: new Unknown(src, `\`${src}\`: ${family} has no instance ${instanceSuffix(step.key)}`), used: steps.length };
  }
}
