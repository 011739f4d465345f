import { DialectRules } from './dialect';
import { PolicyError, pointerJoin } from './errors';
import { cidrContains, parseCidr, Cidr, IpAddress } from './ip';
import { and, or, Tri } from './tri';
import { isUnknownValue, POLICY_VARIABLE, splitUnknown, unknownReasons } from './unknown';
import { compareDecimal, compareInstant, Decimal, Instant, parseDecimal, parseInstant } from './values';
import { compilePieces, compileWildcard, PatternPiece, StringMatcher } from './wildcard';

export type Family = 'string' | 'numeric' | 'date' | 'bool' | 'ip' | 'null' | 'nullOrEmpty';
type Comparison = 'eq' | 'eqi' | 'like' | 'start' | 'end' | 'lt' | 'le' | 'gt' | 'ge';

/** The meaning of one operator name, after qualifiers and suffixes are taken off. */
export interface OperatorMeaning {
  readonly family: Family;
  readonly comparison: Comparison;
  /** Not-operators: true when no condition value matches. */
  readonly negated: boolean;
  readonly ifExists: boolean;
  /** ForAnyValue / ForAllValues (Huawei `...AnyOf` = any). */
  readonly set?: 'any' | 'all';
}

const BASE: Record<string, Omit<OperatorMeaning, 'ifExists' | 'set'>> = {
  stringequals: { family: 'string', comparison: 'eq', negated: false },
  stringnotequals: { family: 'string', comparison: 'eq', negated: true },
  stringequalsignorecase: { family: 'string', comparison: 'eqi', negated: false },
  stringnotequalsignorecase: { family: 'string', comparison: 'eqi', negated: true },
  stringlike: { family: 'string', comparison: 'like', negated: false },
  stringnotlike: { family: 'string', comparison: 'like', negated: true },
  stringmatch: { family: 'string', comparison: 'like', negated: false },
  stringnotmatch: { family: 'string', comparison: 'like', negated: true },
  stringstartwith: { family: 'string', comparison: 'start', negated: false },
  stringendwith: { family: 'string', comparison: 'end', negated: false },
  numericequals: { family: 'numeric', comparison: 'eq', negated: false },
  numericnotequals: { family: 'numeric', comparison: 'eq', negated: true },
  numericlessthan: { family: 'numeric', comparison: 'lt', negated: false },
  numericlessthanequals: { family: 'numeric', comparison: 'le', negated: false },
  numericgreaterthan: { family: 'numeric', comparison: 'gt', negated: false },
  numericgreaterthanequals: { family: 'numeric', comparison: 'ge', negated: false },
  dateequals: { family: 'date', comparison: 'eq', negated: false },
  datenotequals: { family: 'date', comparison: 'eq', negated: true },
  datelessthan: { family: 'date', comparison: 'lt', negated: false },
  datelessthanequals: { family: 'date', comparison: 'le', negated: false },
  dategreaterthan: { family: 'date', comparison: 'gt', negated: false },
  dategreaterthanequals: { family: 'date', comparison: 'ge', negated: false },
  bool: { family: 'bool', comparison: 'eq', negated: false },
  ipaddress: { family: 'ip', comparison: 'eq', negated: false },
  notipaddress: { family: 'ip', comparison: 'eq', negated: true },
  null: { family: 'null', comparison: 'eq', negated: false },
  isnullorempty: { family: 'nullOrEmpty', comparison: 'eq', negated: false },
};
// Huawei names the numeric family Number* (huawei-iam.md §5.2).
for (const k of Object.keys(BASE)) if (k.startsWith('numeric')) BASE['number' + k.slice('numeric'.length)] = BASE[k];

function operatorMeaning(rules: DialectRules, written: string, pointer: string, file?: string): OperatorMeaning {
  let name = written;
  let set: 'any' | 'all' | undefined;
  const qualifier = /^(ForAnyValue|ForAllValues):(.+)$/.exec(name);
  if (qualifier) {
    if (!rules.setQualifiers) {
      throw new PolicyError(pointer, `"${written}": ${qualifier[1]} is not supported in ${rules.dialect} policies`, 'remove the qualifier; a key with several request values matches when any value matches', file);
    }
    set = qualifier[1] === 'ForAnyValue' ? 'any' : 'all';
    name = qualifier[2];
  }
  const known = (n: string) => rules.operators.has(rules.operatorsCaseInsensitive ? n.toLowerCase() : n);
  let ifExists = false;
  if (rules.ifExists && !known(name) && /IfExists$/i.test(name) && known(name.slice(0, -'IfExists'.length))) {
    ifExists = true;
    name = name.slice(0, -'IfExists'.length);
  }
  if (!known(name)) {
    const list = [...rules.operators].slice(0, 8).join(', ');
    throw new PolicyError(pointer, `unknown condition operator "${written}" for ${rules.dialect}`, `use one of the documented operators (${list}, ...)`, file);
  }
  // Huawei's ...AnyOf operators test multi-valued request keys like ForAnyValue (huawei-iam.md §5.2).
  if (/AnyOf$/i.test(name)) {
    set = 'any';
    name = name.slice(0, -'AnyOf'.length);
  }
  const base = BASE[name.toLowerCase()];
  if (base.family === 'null' && (ifExists || set)) {
    throw new PolicyError(pointer, `"${written}" cannot be qualified`, 'use Null alone', file);
  }
  // huawei-iam.md §5.2 (H-IEF): every operator has an IfExists form except IsNullOrEmpty, which tests absence itself.
  if (base.family === 'nullOrEmpty' && ifExists) {
    throw new PolicyError(pointer, `"${written}" does not exist: IsNullOrEmpty has no IfExists form`, 'write "IsNullOrEmpty"', file);
  }
  return { ...base, ifExists, set };
}

/** One condition value, parsed for its family. */
interface ConditionValue {
  readonly text: string;
  /** Holds a part known only after apply. */
  readonly unknown: boolean;
  /** Contains policy variables substituted from the request (Volcengine); `pieces` splits them out. */
  readonly variables: boolean;
  readonly pieces?: readonly TemplatePiece[];
  readonly match?: StringMatcher;
  /** For a string value with unknown parts: matches every value the finished value could match (unknown → `*`). */
  readonly skeleton?: StringMatcher;
  readonly decimal?: Decimal;
  readonly instant?: Instant;
  readonly cidr?: Cidr;
  readonly bool?: boolean;
}

/** Text of a condition value or resource pattern around its policy variables. */
export type TemplatePiece = { readonly text: string; readonly variable?: undefined } | { readonly text: string; readonly variable: string };

export function templatePieces(text: string): TemplatePiece[] {
  const out: TemplatePiece[] = [];
  let last = 0;
  for (const m of text.matchAll(POLICY_VARIABLE)) {
    if (m.index! > last) out.push({ text: text.slice(last, m.index) });
    out.push({ text: m[0], variable: m[1].toLowerCase() });
    last = m.index! + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}

export interface ParsedCondition {
  readonly operator: string;
  readonly key: string;
  /** Lower-cased key, for context lookups. */
  readonly keyLower: string;
  readonly values: readonly ConditionValue[];
  /** The values known before apply (all of them unless `hasUnknown`). */
  readonly knownValues: readonly ConditionValue[];
  readonly hasUnknown: boolean;
  readonly meaning: OperatorMeaning;
  /**
   * The positive test for one known request value, precompiled when every condition value is known text without
   * variables (the usual case): the hot path of evaluation. Absent otherwise.
   */
  readonly fast?: (r: TypedValue) => boolean;
}

/** Kept for callers: the strict ISO 8601 reader, as epoch milliseconds. */
export function parseDate(text: string): number | undefined {
  return parseInstant(text)?.ms;
}

/** Whether `*`/`?` in a string condition value are wildcards (reference §4.1 / §2.2 / §5.2). */
function globbing(rules: DialectRules, comparison: Comparison): boolean {
  return comparison === 'like' || ((comparison === 'eq' || comparison === 'eqi') && rules.wildcardsInStringEquals);
}

/** Pieces of a string pattern; `rest` glob text around them (start/end comparisons) ; literal text stays literal. */
function stringPieces(rules: DialectRules, comparison: Comparison, parts: ReadonlyArray<{ text: string; wild: boolean }>): PatternPiece[] {
  const glob = globbing(rules, comparison);
  const pieces: PatternPiece[] = parts.map(p => (p.wild ? { text: '*', literal: false } : { text: p.text, literal: !glob }));
  if (comparison === 'start') pieces.push({ text: '*', literal: false });
  if (comparison === 'end') pieces.unshift({ text: '*', literal: false });
  return pieces;
}

function parseValue(rules: DialectRules, meaning: OperatorMeaning, raw: unknown, pointer: string, file?: string): ConditionValue {
  if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') {
    throw new PolicyError(pointer, `condition value must be a string (got ${raw === null ? 'null' : typeof raw})`, 'write the value as a JSON string, e.g. "10.0.0.0/8"', file);
  }
  const text = String(raw);
  const unknown = isUnknownValue(text);
  const variables = rules.policyVariables && text.search(POLICY_VARIABLE) >= 0;
  if (unknown) {
    const skeleton = meaning.family === 'string'
      ? compilePieces(stringPieces(rules, meaning.comparison, splitUnknown(text).map(p => ({ text: p.text, wild: p.unknown }))), meaning.comparison === 'eqi')
      : undefined;
    return { text, unknown, variables: false, skeleton };
  }
  if (variables) return { text, unknown, variables, pieces: templatePieces(text) };
  return { text, unknown, variables, ...typedValue(rules, meaning, text, pointer, file) };
}

function typedValue(rules: DialectRules, meaning: OperatorMeaning, text: string, pointer: string, file?: string): Partial<ConditionValue> {
  switch (meaning.family) {
    case 'string':
      return { match: stringMatcher(rules, meaning.comparison, text) };
    case 'numeric': {
      const decimal = parseDecimal(text);
      if (!decimal) throw new PolicyError(pointer, `"${text}" is not a decimal number`, 'write digits with an optional sign and fraction, such as "10" or "-2.5" (no spaces, exponents or hex)', file);
      return { decimal };
    }
    case 'date': {
      const instant = parseInstant(text);
      if (!instant) throw new PolicyError(pointer, `"${text}" is not a valid ISO 8601 date-time`, 'write e.g. "2026-01-31T23:59:59Z" or "2019-08-12T17:00:00+08:00" (a real calendar date)', file);
      return { instant };
    }
    case 'ip': {
      const cidr = parseCidr(text);
      if (!cidr) throw new PolicyError(pointer, `"${text}" is not an IP address or CIDR block`, 'write e.g. "10.0.0.0/8", "192.168.1.1" or "2001:db8::/32" (no leading zeros or spaces)', file);
      return { cidr };
    }
    default: {
      const lower = text.toLowerCase();
      if (lower !== 'true' && lower !== 'false') throw new PolicyError(pointer, `"${text}" is not a boolean`, 'write "true" or "false"', file);
      return { bool: lower === 'true' };
    }
  }
}

function stringMatcher(rules: DialectRules, comparison: Comparison, text: string): StringMatcher {
  switch (comparison) {
    case 'start': return v => v.startsWith(text);
    case 'end': return v => v.endsWith(text);
    default: {
      // Volcengine honours wildcards in StringEquals values, and so in the IgnoreCase pair too (volcengine-iam.md §2.2).
      if (globbing(rules, comparison)) return compileWildcard(text, comparison === 'eqi');
      if (comparison === 'eqi') {
        const lower = text.toLowerCase();
        return v => v.toLowerCase() === lower;
      }
      return v => v === text;
    }
  }
}

/**
 * Condition blocks repeat across statements (an office IP range, an MFA age in every policy of a team) and are
 * immutable once parsed: each distinct block, as JSON per dialect, is parsed once and shared. Only valid blocks are
 * kept, so a bad one still fails at its own pointer. Bounded, as the pattern cache is.
 */
const conditionBlocks = new Map<string, readonly ParsedCondition[]>();

/** `pointer` is built only for a block parsed the first time (for its errors). */
export function parseConditionBlock(rules: DialectRules, raw: unknown, pointer: () => string, file?: string): readonly ParsedCondition[] {
  const key = `${rules.dialect}\u0000${JSON.stringify(raw)}`;
  let block = conditionBlocks.get(key);
  if (!block) {
    block = parseNewConditionBlock(rules, raw, pointer(), file);
    if (conditionBlocks.size >= 100_000) conditionBlocks.clear();
    conditionBlocks.set(key, block);
  }
  return block;
}

function parseNewConditionBlock(rules: DialectRules, raw: unknown, pointer: string, file?: string): ParsedCondition[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new PolicyError(pointer, 'Condition must be an object of operator → { key → values }', 'write e.g. {"IpAddress": {"acs:SourceIp": ["10.0.0.0/8"]}}', file);
  }
  const out: ParsedCondition[] = [];
  for (const [operator, keys] of Object.entries(raw)) {
    const opPointer = pointerJoin(pointer, operator);
    const meaning = operatorMeaning(rules, operator, opPointer, file);
    if (typeof keys !== 'object' || keys === null || Array.isArray(keys)) {
      throw new PolicyError(opPointer, `"${operator}" must map condition keys to values`, `write {"${operator}": {"<key>": ["<value>"]}}`, file);
    }
    const seen = new Map<string, string>();
    for (const [key, vals] of Object.entries(keys)) {
      const keyPointer = pointerJoin(opPointer, key);
      const twin = seen.get(key.toLowerCase());
      if (twin !== undefined) {
        throw new PolicyError(keyPointer, `condition keys "${twin}" and "${key}" differ only by case (key names compare case-insensitively)`, 'merge them into one key', file);
      }
      seen.set(key.toLowerCase(), key);
      const list = Array.isArray(vals) ? vals : [vals];
      if (list.length === 0) throw new PolicyError(keyPointer, 'empty value list', 'give at least one value', file);
      const values = list.map((v, i) => parseValue(rules, meaning, v, Array.isArray(vals) ? pointerJoin(keyPointer, i) : keyPointer, file));
      const hasUnknown = values.some(v => v.unknown);
      const knownValues = hasUnknown ? values.filter(v => !v.unknown) : values;
      const fast = hasUnknown || values.some(v => v.variables) ? undefined : fastTest(meaning, values);
      out.push({ operator, key, keyLower: key.toLowerCase(), values, knownValues, hasUnknown, meaning, fast });
    }
  }
  // Exactly as long as it is: a list grown by push keeps room for 16 more, and statements are many.
  return out.slice();
}

function fastTest(m: OperatorMeaning, values: readonly ConditionValue[]): ((r: TypedValue) => boolean) | undefined {
  const n = values.length;
  switch (m.family) {
    case 'string': {
      const ms = values.map(v => v.match!);
      if (n === 1) return ms[0] as (r: TypedValue) => boolean;
      return r => {
        for (let i = 0; i < n; i++) if (ms[i](r as string)) return true;
        return false;
      };
    }
    case 'numeric': {
      const ds = values.map(v => v.decimal!);
      return r => ds.some(d => compare(m.comparison, compareDecimal(r as Decimal, d)));
    }
    case 'date': {
      const ts = values.map(v => v.instant!);
      return r => ts.some(t => compare(m.comparison, compareInstant(r as Instant, t)));
    }
    case 'ip': {
      const cs = values.map(v => v.cidr!);
      return r => cs.some(c => cidrContains(c, r as IpAddress));
    }
    case 'bool': {
      const bs = values.map(v => v.bool!);
      return r => bs.includes(r as boolean);
    }
    default: return undefined;
  }
}

/** A request value read for one operator family; UNKNOWN_ELEMENT when it is known only after apply. */
export type TypedValue = string | Decimal | Instant | IpAddress | boolean | typeof UNKNOWN_ELEMENT;
export const UNKNOWN_ELEMENT: unique symbol = Symbol('unknown');

/** Request context by lower-cased key (key names compare case-insensitively in all three references). */
export interface NormalizedContext {
  get(keyLower: string): readonly string[] | undefined;
  has(keyLower: string): boolean;
  /** The key's values read for a family, once per request; malformed values throw a PolicyError at /context/<key>. */
  typed(keyLower: string, family: Family): readonly TypedValue[];
  /** Whether any of the key's values is known only after apply (once per request). */
  hasUnknown(keyLower: string): boolean;
}

/** The value of a policy variable: a text, unknown (after apply), or absent/multi-valued (substitution fails). */
function variableValue(key: string, ctx: NormalizedContext): string | typeof UNKNOWN_ELEMENT | undefined {
  const v = ctx.get(key);
  // Absent or multi-valued: substitution fails and the pattern matches nothing (volcengine-iam.md §4.4, H-VARS).
  if (!v || v.length !== 1) return undefined;
  return isUnknownValue(v[0]) ? UNKNOWN_ELEMENT : v[0];
}

/**
 * Substitutes policy variables into a pattern: the substituted values are literal text, never wildcards (a user
 * named `*` must not match every user). Returns undefined when a variable cannot be substituted; `unknown` when a
 * variable's value is known only after apply (its place then matches anything: an over-approximation).
 */
export function substitutePattern(pieces: readonly TemplatePiece[], ctx: NormalizedContext, glob: boolean, caseInsensitive = false,
  around?: 'start' | 'end'): { match: StringMatcher; unknown: boolean } | undefined {
  const out: PatternPiece[] = [];
  let unknown = false;
  for (const p of pieces) {
    if (p.variable === undefined) {
      out.push({ text: p.text, literal: !glob });
      continue;
    }
    const v = variableValue(p.variable, ctx);
    if (v === undefined) return undefined;
    if (v === UNKNOWN_ELEMENT) {
      unknown = true;
      out.push({ text: '*', literal: false });
    } else {
      out.push({ text: v, literal: true });
    }
  }
  if (around === 'start') out.push({ text: '*', literal: false });
  if (around === 'end') out.unshift({ text: '*', literal: false });
  return { match: compilePieces(out, caseInsensitive), unknown };
}

/** The policy variable substituted as plain text (for non-string families). */
function substituteText(pieces: readonly TemplatePiece[], ctx: NormalizedContext): string | typeof UNKNOWN_ELEMENT | undefined {
  let text = '';
  for (const p of pieces) {
    if (p.variable === undefined) {
      text += p.text;
      continue;
    }
    const v = variableValue(p.variable, ctx);
    if (v === undefined || v === UNKNOWN_ELEMENT) return v;
    text += v;
  }
  return text;
}

function compare(c: Comparison, order: number): boolean {
  switch (c) {
    case 'lt': return order < 0;
    case 'le': return order <= 0;
    case 'gt': return order > 0;
    case 'ge': return order >= 0;
    default: return order === 0;
  }
}

/** Does the request value satisfy the positive form of the operator against this one condition value? */
function valueTri(m: OperatorMeaning, cv: ConditionValue, r: TypedValue, rules: DialectRules, ctx: NormalizedContext): Tri {
  if (cv.unknown) {
    // Only a string pattern can rule a value out before apply: its known text must still fit.
    return cv.skeleton && typeof r === 'string' && !cv.skeleton(r) ? Tri.FALSE : Tri.UNKNOWN;
  }
  let v: Partial<ConditionValue> = cv;
  if (cv.variables) {
    if (m.family === 'string') {
      const around = m.comparison === 'start' || m.comparison === 'end' ? m.comparison : undefined;
      const sub = substitutePattern(cv.pieces!, ctx, globbing(rules, m.comparison), m.comparison === 'eqi', around);
      if (!sub) return Tri.FALSE;
      if (!sub.match(r as string)) return Tri.FALSE;
      return sub.unknown ? Tri.UNKNOWN : Tri.TRUE;
    }
    const text = substituteText(cv.pieces!, ctx);
    if (text === undefined) return Tri.FALSE;
    if (text === UNKNOWN_ELEMENT) return Tri.UNKNOWN;
    try {
      v = typedValue(rules, m, text, '');
    } catch {
      return Tri.FALSE; // a substituted value that is not of the operator's type matches nothing
    }
  }
  switch (m.family) {
    case 'string': return v.match!(r as string) ? Tri.TRUE : Tri.FALSE;
    case 'numeric': return compare(m.comparison, compareDecimal(r as Decimal, v.decimal!)) ? Tri.TRUE : Tri.FALSE;
    case 'date': return compare(m.comparison, compareInstant(r as Instant, v.instant!)) ? Tri.TRUE : Tri.FALSE;
    case 'ip': return cidrContains(v.cidr!, r as IpAddress) ? Tri.TRUE : Tri.FALSE;
    case 'bool': return r === v.bool ? Tri.TRUE : Tri.FALSE;
    default: return Tri.FALSE;
  }
}

function positive(c: ParsedCondition, r: TypedValue, rules: DialectRules, ctx: NormalizedContext): Tri {
  if (r === UNKNOWN_ELEMENT) return Tri.UNKNOWN;
  let acc = Tri.FALSE;
  const vals = c.values;
  for (let i = 0; i < vals.length; i++) {
    acc = or(acc, valueTri(c.meaning, vals[i], r, rules, ctx));
    if (acc === Tri.TRUE) return acc;
  }
  return acc;
}

/** The outcome of an operator on a key the request does not carry (docs/semantics.md, "missing key"). */
export function missingKeyOutcome(m: OperatorMeaning, rules: DialectRules, values: readonly ConditionValue[]): Tri {
  if (m.family === 'null' || m.family === 'nullOrEmpty') return values.some(v => v.bool === true) ? Tri.TRUE : Tri.FALSE;
  if (m.ifExists) return Tri.TRUE;
  if (m.set === 'all') return Tri.TRUE;
  if (m.set === 'any') return Tri.FALSE;
  return m.negated && rules.negatedTrueOnMissingKey ? Tri.TRUE : Tri.FALSE;
}

/** Evaluates one operator/key pair against the request context. */
export function evaluateCondition(c: ParsedCondition, ctx: NormalizedContext, rules: DialectRules, openContext: boolean): Tri {
  const m = c.meaning;
  let req = ctx.get(c.keyLower);
  // Huawei: "IfExists: a request value that is empty or satisfies the condition" (H-SCP-OPS): empty reads as absent.
  if (req !== undefined && rules.emptyIsMissing && m.family !== 'null' && req.every(r => r === '')) req = undefined;
  if (req === undefined) return openContext ? Tri.OPEN : missingKeyOutcome(m, rules, c.values);
  if (m.family === 'null') return c.values.some(v => v.bool === false) ? Tri.TRUE : Tri.FALSE;
  if (m.family === 'nullOrEmpty') {
    let empty: Tri = Tri.TRUE;
    for (const r of req) empty = and(empty, isUnknownValue(r) ? Tri.UNKNOWN : r === '' ? Tri.TRUE : Tri.FALSE);
    const notEmpty = empty === Tri.UNKNOWN ? Tri.UNKNOWN : empty === Tri.TRUE ? Tri.FALSE : Tri.TRUE;
    let acc = Tri.FALSE;
    for (const v of c.values) acc = or(acc, v.bool === true ? empty : notEmpty);
    return acc;
  }
  const typed = ctx.typed(c.keyLower, m.family);
  const fast = c.fast;
  if (fast && !ctx.hasUnknown(c.keyLower)) {
    // Two-valued: every value is known on both sides.
    const negated = m.negated;
    if (m.set === 'all' || (m.set !== 'any' && negated)) {
      for (let i = 0; i < typed.length; i++) if (fast(typed[i]) === negated) return Tri.FALSE;
      return Tri.TRUE;
    }
    for (let i = 0; i < typed.length; i++) if (fast(typed[i]) !== negated) return Tri.TRUE;
    return Tri.FALSE;
  }
  // Per request value, the positive test is "some condition value matches it"; a negated operator inverts it.
  // ForAllValues: every request value passes; otherwise (and for ForAnyValue) positive operators need some value
  // to pass and negated ones need every value to pass (no request value matches any condition value).
  const every = m.set === 'all' || (m.set !== 'any' && m.negated);
  let acc = every ? Tri.TRUE : Tri.FALSE;
  for (let i = 0; i < typed.length; i++) {
    const pos = positive(c, typed[i], rules, ctx);
    const pass = m.negated ? (pos === Tri.TRUE ? Tri.FALSE : pos === Tri.FALSE ? Tri.TRUE : pos) : pos;
    acc = every ? and(acc, pass) : or(acc, pass);
    if (every ? acc === Tri.FALSE : acc === Tri.TRUE) break;
  }
  return acc;
}

export function describeCondition(c: ParsedCondition): string {
  return `${c.key} ${c.operator} ${c.values.map(v => v.text).join(' | ')}`;
}

export function conditionUnknownReasons(c: ParsedCondition): string[] {
  return c.values.filter(v => v.unknown).flatMap(v => unknownReasons(v.text).map(r => `${c.key}: ${r}`));
}
