import { DialectRules } from './dialect';
import { PolicyError, pointerJoin } from './errors';
import { cidrContains, parseCidr, parseIp, Cidr } from './ip';
import { Tri } from './tri';
import { isUnknownValue, POLICY_VARIABLE, unknownReasons } from './unknown';
import { compileWildcard, StringMatcher } from './wildcard';

type Family = 'string' | 'numeric' | 'date' | 'bool' | 'ip' | 'null' | 'nullOrEmpty';
type Comparison = 'eq' | 'eqi' | 'like' | 'start' | 'end' | 'lt' | 'le' | 'gt' | 'ge';

/** The meaning of one operator name, after qualifiers and suffixes are taken off. */
interface OperatorMeaning {
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
  return { ...base, ifExists, set };
}

/** One condition value, parsed for its family. */
interface ConditionValue {
  readonly text: string;
  readonly unknown: boolean;
  /** Contains policy variables substituted from the request (Volcengine). */
  readonly variables: boolean;
  readonly match?: StringMatcher;
  readonly number?: number;
  readonly cidr?: Cidr;
  readonly bool?: boolean;
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
  readonly pointer: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export function parseDate(text: string): number | undefined {
  if (!ISO_DATE.test(text)) return undefined;
  const t = Date.parse(text);
  return Number.isNaN(t) ? undefined : t;
}

function parseValue(rules: DialectRules, meaning: OperatorMeaning, raw: unknown, pointer: string, file?: string): ConditionValue {
  if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') {
    throw new PolicyError(pointer, `condition value must be a string (got ${raw === null ? 'null' : typeof raw})`, 'write the value as a JSON string, e.g. "10.0.0.0/8"', file);
  }
  const text = String(raw);
  const unknown = isUnknownValue(text);
  const variables = rules.policyVariables && text.search(POLICY_VARIABLE) >= 0;
  if (unknown || variables) return { text, unknown, variables };
  switch (meaning.family) {
    case 'string':
      return { text, unknown, variables, match: stringMatcher(rules, meaning.comparison, text) };
    case 'numeric': {
      const n = text.trim() === '' ? NaN : Number(text);
      if (Number.isNaN(n)) throw new PolicyError(pointer, `"${text}" is not a number`, 'write a decimal number such as "10"', file);
      return { text, unknown, variables, number: n };
    }
    case 'date': {
      const d = parseDate(text);
      if (d === undefined) throw new PolicyError(pointer, `"${text}" is not an ISO 8601 date-time`, 'write e.g. "2026-01-31T23:59:59Z" or "2019-08-12T17:00:00+08:00"', file);
      return { text, unknown, variables, number: d };
    }
    case 'ip': {
      const cidr = parseCidr(text);
      if (!cidr) throw new PolicyError(pointer, `"${text}" is not an IP address or CIDR block`, 'write e.g. "10.0.0.0/8", "192.168.1.1" or "2001:db8::/32"', file);
      return { text, unknown, variables, cidr };
    }
    default: {
      const lower = text.toLowerCase();
      if (lower !== 'true' && lower !== 'false') throw new PolicyError(pointer, `"${text}" is not a boolean`, 'write "true" or "false"', file);
      return { text, unknown, variables, bool: lower === 'true' };
    }
  }
}

function stringMatcher(rules: DialectRules, comparison: Comparison, text: string): StringMatcher {
  switch (comparison) {
    case 'eqi': {
      const lower = text.toLowerCase();
      return v => v.toLowerCase() === lower;
    }
    case 'like': return compileWildcard(text);
    case 'start': return v => v.startsWith(text);
    case 'end': return v => v.endsWith(text);
    default: return rules.wildcardsInStringEquals ? compileWildcard(text) : v => v === text;
  }
}

export function parseConditionBlock(rules: DialectRules, raw: unknown, pointer: string, file?: string): ParsedCondition[] {
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
    for (const [key, vals] of Object.entries(keys)) {
      const keyPointer = pointerJoin(opPointer, key);
      const list = Array.isArray(vals) ? vals : [vals];
      if (list.length === 0) throw new PolicyError(keyPointer, 'empty value list', 'give at least one value', file);
      const values = list.map((v, i) => parseValue(rules, meaning, v, Array.isArray(vals) ? pointerJoin(keyPointer, i) : keyPointer, file));
      const knownValues = values.filter(v => !v.unknown);
      const hasUnknown = knownValues.length !== values.length;
      out.push({ operator, key, keyLower: key.toLowerCase(), values, knownValues, hasUnknown, meaning, pointer: keyPointer });
    }
  }
  return out;
}

/** Request context by lower-cased key (key names compare case-insensitively in all three references). */
export interface NormalizedContext {
  get(keyLower: string): readonly string[] | undefined;
  has(keyLower: string): boolean;
}

export function substituteVariables(text: string, ctx: NormalizedContext): string | undefined {
  let failed = false;
  const out = text.replace(POLICY_VARIABLE, (_, key: string) => {
    const v = ctx.get(key.toLowerCase());
    // Absent or multi-valued: substitution fails and the pattern matches nothing (volcengine-iam.md §4.4).
    if (!v || v.length !== 1) {
      failed = true;
      return '';
    }
    return v[0];
  });
  return failed ? undefined : out;
}

function valueMatches(meaning: OperatorMeaning, cv: ConditionValue, reqValue: string, rules: DialectRules, ctx: NormalizedContext): boolean {
  let v = cv;
  if (cv.variables) {
    const text = substituteVariables(cv.text, ctx);
    if (text === undefined) return false;
    v = parseValueLenient(rules, meaning, text);
  }
  switch (meaning.family) {
    case 'string': return v.match ? v.match(reqValue) : false;
    case 'numeric': {
      const n = reqValue.trim() === '' ? NaN : Number(reqValue);
      return !Number.isNaN(n) && v.number !== undefined && compare(meaning.comparison, n, v.number);
    }
    case 'date': {
      const d = parseDate(reqValue) ?? (/^\d+$/.test(reqValue) ? Number(reqValue) * 1000 : undefined);
      return d !== undefined && v.number !== undefined && compare(meaning.comparison, d, v.number);
    }
    case 'ip': {
      const ip = parseIp(reqValue.trim());
      return ip !== undefined && v.cidr !== undefined && cidrContains(v.cidr, ip);
    }
    case 'bool': return reqValue.toLowerCase() === String(v.bool);
    default: return false;
  }
}

function parseValueLenient(rules: DialectRules, meaning: OperatorMeaning, text: string): ConditionValue {
  try {
    return parseValue({ ...rules, policyVariables: false }, meaning, text, '');
  } catch {
    return { text, unknown: false, variables: false };
  }
}

function compare(c: Comparison, a: number, b: number): boolean {
  switch (c) {
    case 'lt': return a < b;
    case 'le': return a <= b;
    case 'gt': return a > b;
    case 'ge': return a >= b;
    default: return a === b;
  }
}

function anyValueMatches(c: ParsedCondition, r: string, rules: DialectRules, ctx: NormalizedContext): boolean {
  const vals = c.knownValues;
  for (let i = 0; i < vals.length; i++) if (valueMatches(c.meaning, vals[i], r, rules, ctx)) return true;
  return false;
}

/** Evaluates one operator/key pair against the request context. */
export function evaluateCondition(c: ParsedCondition, ctx: NormalizedContext, rules: DialectRules, openContext: boolean): Tri {
  const m = c.meaning;
  const req = ctx.get(c.keyLower);
  if (req === undefined) {
    if (openContext) return Tri.OPEN;
    if (m.family === 'null' || m.family === 'nullOrEmpty') return c.values.some(v => v.bool === true) ? Tri.TRUE : Tri.FALSE;
    // Missing key: positive false, negated true, IfExists true; ForAllValues vacuously true (DESIGN.md, references).
    if (m.ifExists || m.set === 'all') return Tri.TRUE;
    if (m.set === 'any') return Tri.FALSE;
    return m.negated ? Tri.TRUE : Tri.FALSE;
  }
  if (m.family === 'null') return c.values.some(v => v.bool === false) ? Tri.TRUE : Tri.FALSE;
  if (m.family === 'nullOrEmpty') {
    const empty = req.every(r => r === '');
    return c.values.some(v => v.bool === empty) ? Tri.TRUE : Tri.FALSE;
  }
  for (let i = 0; i < req.length; i++) if (isUnknownValue(req[i])) return Tri.UNKNOWN;
  // Per request value, the positive test is "some condition value matches it"; a negated operator inverts it.
  // ForAllValues: every request value passes; otherwise (and for ForAnyValue) positive operators need some value
  // to pass and negated ones need every value to pass (no request value matches any condition value).
  const every = m.set === 'all' || (m.set !== 'any' && m.negated);
  let result = every;
  for (let i = 0; i < req.length; i++) {
    const pass = anyValueMatches(c, req[i], rules, ctx) !== m.negated;
    if (every && !pass) { result = false; break; }
    if (!every && pass) { result = true; break; }
  }
  if (!c.hasUnknown) return result ? Tri.TRUE : Tri.FALSE;
  // An unknown value could still match: only an outcome the known values already force is definite.
  if (!m.negated && result && m.set !== 'all') return Tri.TRUE;
  if (m.negated && !result && m.set !== 'all') return Tri.FALSE;
  return Tri.UNKNOWN;
}

export function describeCondition(c: ParsedCondition): string {
  return `${c.key} ${c.operator} ${c.values.map(v => v.text).join(' | ')}`;
}

export function conditionUnknownReasons(c: ParsedCondition): string[] {
  return c.values.filter(v => v.unknown).flatMap(v => unknownReasons(v.text).map(r => `${c.key}: ${r}`));
}
