/**
 * Evaluates parsed expressions. Values are JSON-like (string, number, boolean, null, arrays, objects) or `Unknown`:
 * a part Terraform knows only at plan/apply time, or one outside the supported subset. Unknown parts stay where they
 * are — inside lists, objects and string templates — so a document is unknown only where it depends on them.
 */
import { Node, Step } from './parser';
import { unknownValue } from '../../policy/unknown';

/** Where an unknown value points, so links (an attachment to a user) still resolve. */
export interface ValueRef {
  readonly address: string;
  readonly attribute: string;
}

export class Unknown {
  /** `expression`: the Terraform text as written (`var.cluster_id`); `reason`: why it is unknown. */
  constructor(readonly expression: string, readonly reason: string, readonly ref?: ValueRef) {}

  /** The marker that stands for this value inside text (policy documents, names). */
  marker(): string {
    return unknownValue(this.reason, this.expression);
  }
}

export type Value = string | number | boolean | null | Unknown | Value[] | { [key: string]: Value };

export type EvalStep = { readonly kind: 'attr'; readonly name: string } | { readonly kind: 'index'; readonly key: Value } | { readonly kind: 'splat' };

/** Resolves the roots of references (`var`, `local`, `count`, `each`, `module`, `data`, resource types). */
export interface Scope {
  /**
   * The value a reference names, and how many of its steps that took (a resource reference takes name, instance key
   * and attribute); the evaluator applies the rest.
   */
  reference(root: string, steps: readonly EvalStep[], src: string): { value: Value; used: number };
}

export function isObjectValue(v: Value): v is { [key: string]: Value } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Unknown);
}

function typeName(v: Value): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'list';
  if (v instanceof Unknown) return 'unknown';
  return typeof v === 'object' ? 'object' : typeof v;
}

/** Applies attribute, index and splat steps to a value. */
export function applySteps(value: Value, steps: readonly EvalStep[], src: string): Value {
  let v = value;
  for (let i = 0; i < steps.length; i++) {
    if (v instanceof Unknown) return new Unknown(src, v.reason, v.ref);
    const step = steps[i];
    if (step.kind === 'splat') {
      const list = Array.isArray(v) ? v : v === null ? [] : [v];
      const rest = steps.slice(i + 1);
      return list.map(el => applySteps(el, rest, src));
    }
    if (step.kind === 'attr') {
      if (!isObjectValue(v) || !(step.name in v)) return new Unknown(src, `\`${src}\`: ${typeName(v)} has no attribute "${step.name}"`);
      v = v[step.name];
      continue;
    }
    const key = step.key;
    if (key instanceof Unknown) return new Unknown(src, key.reason, key.ref);
    if (Array.isArray(v) && typeof key === 'number' && Number.isInteger(key) && key >= 0 && key < v.length) v = v[key];
    else if (isObjectValue(v) && (typeof key === 'string' || typeof key === 'number') && String(key) in v) v = v[String(key)];
    else return new Unknown(src, `\`${src}\`: no element ${JSON.stringify(key)} in the ${typeName(v)}`);
  }
  return v instanceof Unknown ? new Unknown(src, v.reason, v.ref) : v;
}

/** Text of a value inside a template or string function: unknown parts become markers; undefined = not text. */
export function asText(v: Value): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Unknown) return v.marker();
  return undefined;
}

/** Values nested deeper than this are unknown: hostile input must not exhaust the stack. */
export const MAX_NESTING = 256;

/**
 * Values IAM code computes are small; an expression that builds more (locals that each double the previous one) is
 * unknown, not a string or list that exhausts memory.
 */
const MAX_TEXT = 1_048_576;
const MAX_ITEMS = 100_000;

function bounded(v: Value, src: string): Value {
  if (typeof v === 'string' && v.length > MAX_TEXT) return new Unknown(src, `\`${quote(src)}\` builds a text longer than ${MAX_TEXT} characters`);
  if (Array.isArray(v) && v.length > MAX_ITEMS) return new Unknown(src, `\`${quote(src)}\` builds a list longer than ${MAX_ITEMS} items`);
  return v;
}

/** An expression as quoted in a reason: long ones shortened. */
export function quote(src: string): string {
  return src.length > 200 ? `${src.slice(0, 197)}...` : src;
}

const tooDeep = () => new Unknown('(value)', `the value is nested deeper than ${MAX_NESTING} levels`);

/** A value with every unknown part replaced by its marker: for documents and attributes handed to the model. */
export function toPlain(v: Value, depth = 0): unknown {
  if (v instanceof Unknown) return v.marker();
  if (depth > MAX_NESTING) return tooDeep().marker();
  if (Array.isArray(v)) return v.map(x => toPlain(x, depth + 1));
  if (isObjectValue(v)) {
    const out: Record<string, unknown> = Object.create(null);
    for (const [k, x] of Object.entries(v)) out[k] = toPlain(x, depth + 1);
    return out;
  }
  return v;
}

/** A plain JSON value as an evaluator value. */
export function fromPlain(v: unknown, depth = 0): Value {
  if (v === undefined) return null;
  if (depth > MAX_NESTING) return tooDeep();
  if (Array.isArray(v)) return v.map(x => fromPlain(x, depth + 1));
  if (typeof v === 'object' && v !== null) {
    const out: { [key: string]: Value } = Object.create(null);
    for (const [k, x] of Object.entries(v)) out[k] = fromPlain(x, depth + 1);
    return out;
  }
  return v as Value;
}

/** Terraform's jsonencode: object keys sorted, unknown parts as markers. */
function jsonencode(v: Value): string {
  const sorted = (x: Value): unknown => {
    if (x instanceof Unknown) return x.marker();
    if (Array.isArray(x)) return x.map(sorted);
    if (isObjectValue(x)) {
      const out: Record<string, unknown> = Object.create(null);
      for (const k of Object.keys(x).sort()) out[k] = sorted(x[k]);
      return out;
    }
    return x;
  };
  return JSON.stringify(sorted(v));
}

function equal(a: Value, b: Value): boolean {
  return JSON.stringify(toPlain(a)) === JSON.stringify(toPlain(b));
}

function firstUnknown(values: readonly Value[]): Unknown | undefined {
  return values.find((v): v is Unknown => v instanceof Unknown);
}

/** `format` verbs the subset reads: %s %d %v %q %f %%; anything else makes the call unknown. */
function format(src: string, spec: string, args: readonly Value[]): Value {
  let i = 0;
  let bad: string | undefined;
  const out = spec.replace(/%(%|[-+ 0#]*\d*(?:\.\d+)?[sdvqft])/g, (m, verb: string) => {
    if (verb === '%') return '%';
    const v = args[i++];
    const kind = verb[verb.length - 1];
    if (verb.length > 1 && kind !== 'f') {
      // Widths and flags (`%03d`) are not rendered here.
      bad = `verb ${m}`;
      return '';
    }
    if (v === undefined) {
      bad = 'too few arguments';
      return '';
    }
    if (kind === 'q') return v instanceof Unknown ? v.marker() : JSON.stringify(asText(v) ?? '');
    if (kind === 'd' && typeof v === 'number') return String(Math.trunc(v));
    if (kind === 'f' && typeof v === 'number') {
      const p = /\.(\d+)/.exec(verb);
      return v.toFixed(p ? Number(p[1]) : 6);
    }
    const text = asText(v);
    if (text === undefined) bad = `verb ${m} with a ${typeName(v)}`;
    return text ?? '';
  });
  if (bad) return new Unknown(src, `\`${src}\`: format ${bad} is outside the supported subset`);
  return out;
}

type Fn = (args: Value[], src: string) => Value;

const listArg = (v: Value, src: string, what: string): Value[] | Unknown => {
  if (v instanceof Unknown) return new Unknown(src, v.reason, v.ref);
  if (Array.isArray(v)) return v;
  return new Unknown(src, `\`${src}\`: ${what} needs a list, not a ${typeName(v)}`);
};

/** The functions of the subset. Every other name is unknown with the call quoted. */
const FUNCTIONS: Record<string, Fn> = {
  jsonencode: ([v], src) => (v instanceof Unknown ? new Unknown(src, v.reason, v.ref) : jsonencode(v)),
  format: ([spec, ...args], src) => {
    if (spec instanceof Unknown) return new Unknown(src, spec.reason, spec.ref);
    return typeof spec === 'string' ? format(src, spec, args) : new Unknown(src, `\`${src}\`: the format is not a string`);
  },
  join: ([sep, ...lists], src) => {
    if (sep instanceof Unknown) return new Unknown(src, sep.reason, sep.ref);
    const items: string[] = [];
    for (const l of lists) {
      const list = listArg(l, src, 'join');
      if (list instanceof Unknown) return list;
      for (const el of list) {
        const t = asText(el);
        if (t === undefined) return new Unknown(src, `\`${src}\`: join of a ${typeName(el)}`);
        items.push(t);
      }
    }
    return items.join(asText(sep) ?? '');
  },
  concat: (lists, src) => {
    const out: Value[] = [];
    for (const l of lists) {
      const list = listArg(l, src, 'concat');
      if (list instanceof Unknown) return list;
      for (const x of list) out.push(x);
    }
    return out;
  },
  merge: (objects, src) => {
    const out: { [key: string]: Value } = Object.create(null);
    for (const o of objects) {
      if (o instanceof Unknown) return new Unknown(src, o.reason, o.ref);
      if (o === null) continue;
      if (!isObjectValue(o)) return new Unknown(src, `\`${src}\`: merge of a ${typeName(o)}`);
      Object.assign(out, o);
    }
    return out;
  },
  lookup: ([map, key, dflt], src) => {
    const u = firstUnknown([map, key]);
    if (u) return new Unknown(src, u.reason, u.ref);
    if (isObjectValue(map) && typeof key === 'string' && key in map) return map[key];
    if (dflt !== undefined) return dflt;
    return new Unknown(src, `\`${src}\`: no key ${JSON.stringify(key)} and no default`);
  },
  element: ([list, index], src) => {
    const l = listArg(list, src, 'element');
    if (l instanceof Unknown) return l;
    if (index instanceof Unknown) return new Unknown(src, index.reason, index.ref);
    if (typeof index !== 'number' || !l.length) return new Unknown(src, `\`${src}\`: element of an empty list or a non-number index`);
    return l[Math.trunc(index) % l.length];
  },
  tostring: ([v], src) => {
    if (v instanceof Unknown) return new Unknown(src, v.reason, v.ref);
    if (v === null) return null;
    return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : new Unknown(src, `\`${src}\`: tostring of a ${typeName(v)}`);
  },
  tolist: ([v], src) => listArg(v, src, 'tolist'),
  toset: ([v], src) => {
    const l = listArg(v, src, 'toset');
    if (l instanceof Unknown) return l;
    const out: Value[] = [];
    for (const el of l) if (!out.some(x => equal(x, el))) out.push(el);
    return out;
  },
  tomap: ([v], src) => (isObjectValue(v) ? v : v instanceof Unknown ? new Unknown(src, v.reason, v.ref) : new Unknown(src, `\`${src}\`: tomap of a ${typeName(v)}`)),
  length: ([v], src) => {
    if (v instanceof Unknown) return new Unknown(src, v.reason, v.ref);
    if (Array.isArray(v)) return v.length;
    if (isObjectValue(v)) return Object.keys(v).length;
    return typeof v === 'string' ? [...v].length : new Unknown(src, `\`${src}\`: length of a ${typeName(v)}`);
  },
  keys: ([v], src) => (isObjectValue(v) ? Object.keys(v).sort() : v instanceof Unknown ? new Unknown(src, v.reason, v.ref) : new Unknown(src, `\`${src}\`: keys of a ${typeName(v)}`)),
  values: ([v], src) => (isObjectValue(v) ? Object.keys(v).sort().map(k => v[k]) : v instanceof Unknown ? new Unknown(src, v.reason, v.ref) : new Unknown(src, `\`${src}\`: values of a ${typeName(v)}`)),
};

/** Unary and binary operators; any unknown operand makes the result unknown. */
function operate(op: string, a: Value, b: Value | undefined, src: string): Value {
  const u = firstUnknown(b === undefined ? [a] : [a, b]);
  if (u) return new Unknown(src, u.reason, u.ref);
  if (b === undefined) {
    if (op === '!' && typeof a === 'boolean') return !a;
    if (op === '-' && typeof a === 'number') return -a;
    return new Unknown(src, `\`${src}\`: operator ${op} on ${typeName(a)} is not evaluated`);
  }
  if (op === '==') return equal(a, b);
  if (op === '!=') return !equal(a, b);
  if ((op === '&&' || op === '||') && typeof a === 'boolean' && typeof b === 'boolean') return op === '&&' ? a && b : a || b;
  if (typeof a === 'number' && typeof b === 'number') {
    switch (op) {
      case '+': return a + b;
      case '-': return a - b;
      case '*': return a * b;
      case '/': return b === 0 ? new Unknown(src, `\`${src}\` divides by zero`) : a / b;
      case '%': return b === 0 ? new Unknown(src, `\`${src}\` divides by zero`) : a % b;
      case '<': return a < b;
      case '>': return a > b;
      case '<=': return a <= b;
      case '>=': return a >= b;
      default: break;
    }
  }
  return new Unknown(src, `\`${src}\`: operator ${op} on ${typeName(a)}${b === undefined ? '' : ` and ${typeName(b)}`} is not evaluated`);
}

export function evaluate(node: Node, scope: Scope): Value {
  const steps = (list: readonly Step[]): EvalStep[] => list.map(s => (s.kind === 'index' ? { kind: 'index', key: evaluate(s.key, scope) } : s));
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'unsupported':
      return new Unknown(node.src, `\`${node.src}\`: ${node.what}`);
    case 'template': {
      if (node.parts.length === 1 && typeof node.parts[0] !== 'string') return evaluate(node.parts[0], scope);
      let out = '';
      for (const p of node.parts) {
        if (typeof p === 'string') {
          out += p;
          continue;
        }
        const v = evaluate(p, scope);
        const text = asText(v);
        if (text === undefined) return new Unknown(node.src, `\`${p.src}\` is a ${typeName(v)}, not text`);
        out += text;
        if (out.length > MAX_TEXT) return bounded(out, node.src);
      }
      return out;
    }
    case 'tuple':
      return node.items.map(i => evaluate(i, scope));
    case 'object': {
      const out: { [key: string]: Value } = Object.create(null);
      for (const { key, value } of node.items) {
        const k = evaluate(key, scope);
        if (k instanceof Unknown) return new Unknown(node.src, `an object key \`${key.src}\` is unknown: ${k.reason}`, k.ref);
        const ks = asText(k);
        if (ks === undefined) return new Unknown(node.src, `an object key \`${key.src}\` is not text`);
        out[ks] = evaluate(value, scope);
      }
      return out;
    }
    case 'reference': {
      const evSteps = steps(node.steps);
      const { value, used } = scope.reference(node.root, evSteps, node.src);
      return applySteps(value, evSteps.slice(used), node.src);
    }
    case 'postfix':
      return applySteps(evaluate(node.target, scope), steps(node.steps), node.src);
    case 'call': {
      const fn = Object.prototype.hasOwnProperty.call(FUNCTIONS, node.name) ? FUNCTIONS[node.name] : undefined;
      if (!fn) return new Unknown(node.src, `\`${node.src}\`: the function ${node.name} is outside the supported subset`);
      let args = node.args.map(a => evaluate(a, scope));
      if (node.expand) {
        const last = args[args.length - 1];
        const list = listArg(last, node.src, `${node.name}(...)`);
        if (list instanceof Unknown) return list;
        args = [...args.slice(0, -1), ...list];
      }
      return bounded(fn(args, node.src), node.src);
    }
    case 'conditional': {
      const test = evaluate(node.test, scope);
      if (test instanceof Unknown) return new Unknown(node.src, test.reason, test.ref);
      if (typeof test !== 'boolean') return new Unknown(node.src, `\`${node.test.src}\` is not a boolean`);
      return evaluate(test ? node.then : node.otherwise, scope);
    }
    case 'binary': {
      const left = evaluate(node.left, scope);
      // Literal short-circuits: `false && x`, `true || x`.
      if (node.op === '&&' && left === false) return false;
      if (node.op === '||' && left === true) return true;
      return operate(node.op, left, evaluate(node.right, scope), node.src);
    }
    case 'unary':
      return operate(node.op, evaluate(node.operand, scope), undefined, node.src);
  }
}
