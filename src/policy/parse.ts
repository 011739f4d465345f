import { ParsedCondition, parseConditionBlock, TemplatePiece, templatePieces } from './conditions';
import { DIALECTS, DialectRules } from './dialect';
import { PolicyError, pointerJoin } from './errors';
import { JsonSyntaxError, parseJsonCounted } from './json';
import { Dialect, PolicySource, StatementRef } from './types';
import { isUnknownValue, POLICY_VARIABLE, splitUnknown } from './unknown';
import { compilePieces, compileWildcard, StringMatcher } from './wildcard';

/** An Action / Resource pattern, compiled once. */
export interface Pattern {
  /** As written in the document. */
  readonly text: string;
  /** Normalized form that is matched (actions lower-cased, resource prefixes lower-cased). */
  readonly normalized: string;
  readonly match: StringMatcher;
  /** Holds a value known only after apply. */
  readonly unknown: boolean;
  /** Holds policy variables, substituted per request (Volcengine resources). */
  readonly variables: boolean;
  /** Lower-case service prefix when it is literal, for the per-service index. */
  readonly service?: string;
  /** With `unknown`: matches every value the finished pattern could match (each unknown part read as `*`). */
  readonly skeleton?: StringMatcher;
  /** With `unknown`: the skeleton's text (unknown parts as `*`). */
  readonly skeletonText?: string;
  /** With `variables`: the pattern split around its policy variables. */
  readonly pieces?: readonly TemplatePiece[];
}

export interface ParsedStatement {
  readonly index: number;
  readonly effect: 'Allow' | 'Deny';
  /** Undefined with Alibaba's NotAction (which replaces Action). */
  readonly actions?: readonly Pattern[];
  readonly notActions?: readonly Pattern[];
  /** Undefined: every resource (Volcengine, Huawei without Resource). */
  readonly resources?: readonly Pattern[];
  readonly notResources?: readonly Pattern[];
  readonly conditions: readonly ParsedCondition[];
  /** JSON pointer of the statement in its source file. */
  readonly pointer: string;
  /** Set when every Resource pattern is known text without variables and there is no NotResource: one test. */
  readonly resourceTest?: StringMatcher;
}

export interface ParsedPolicy {
  readonly name: string;
  readonly dialect: Dialect;
  readonly statements: readonly ParsedStatement[];
  readonly source?: PolicySource;
  /** The document as parsed (object form), parsed again on each read: prefer `text`. */
  readonly document: unknown;
  /** The document as given, or as JSON when it was given as an object (parsePolicy sets it; hand-built policies may not). */
  readonly text?: string;
}

/** Lower-cases what the dialect compares case-insensitively: `acs:svc:` / `trn:svc:` prefixes, Huawei's service. */
export function normalizeResource(rules: DialectRules, text: string): string {
  if (text === '*') return text;
  if (rules.actionParts === 3) {
    const parts = text.split(':');
    // huawei-iam.md §3.2: service:region:domainId:type:path; empty region/domain act as "*".
    if (parts.length >= 5) {
      parts[0] = parts[0].toLowerCase();
      if (parts[1] === '') parts[1] = '*';
      if (parts[2] === '') parts[2] = '*';
      parts[3] = parts[3].toLowerCase();
    }
    return parts.join(':');
  }
  // `acs:svc:` / `trn:svc:`: lower-case the first two segments; no copy when they already are (the usual case).
  const first = text.indexOf(':');
  if (first < 0) return text;
  const second = text.indexOf(':', first + 1);
  const head = second < 0 ? text : text.slice(0, second);
  const lower = head.toLowerCase();
  return lower === head ? text : second < 0 ? lower : lower + text.slice(second);
}

function actionService(normalized: string): string | undefined {
  const colon = normalized.indexOf(':');
  const service = colon < 0 ? normalized : normalized.slice(0, colon);
  return /[*?]/.test(service) || colon < 0 ? undefined : service;
}

export function parsePolicy(dialect: Dialect, name: string, document: unknown, source?: PolicySource): ParsedPolicy {
  const rules = DIALECTS[dialect];
  if (!rules) throw new PolicyError('', `unknown dialect "${dialect}"`, 'use alibaba-ram, volcengine-iam or huawei-iam', source?.file);
  if (typeof document !== 'string') return policyOf(rules, name, document, source);
  // Strict: a duplicate key (`"Effect": "Deny", "Effect": "Allow"`) is an error, not "the last one wins". The walk
  // counts the keys it reads, which proves there is none; a duplicate comes first among a document's errors.
  try {
    const json = parseJsonCounted(document);
    const keys = new KeyCount();
    let policy: ParsedPolicy;
    try {
      policy = policyOf(rules, name, json.value, source, document, keys);
    } catch (e) {
      json.verify();
      throw e;
    }
    json.verify(keys.n);
    return policy;
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    throw new PolicyError((source?.pointer ?? '') + e.pointer, `policy document is not valid JSON (${e.problem})`,
      e.problem.startsWith('duplicate key') ? 'keep one of the two keys: readers disagree on which one counts' : 'fix the JSON syntax', source?.file);
  }
}

/** Keys of the document's objects read by the walk (policyOf), to compare with the keys written in its text. */
class KeyCount {
  n = 0;
}

function policyOf(rules: DialectRules, name: string, doc: unknown, source: PolicySource | undefined, text?: string, keys?: KeyCount): ParsedPolicy {
  const { dialect } = rules;
  const file = source?.file;
  const base = source?.pointer ?? '';
  const fail = (pointer: string, problem: string, fix: string) => new PolicyError(pointer, problem, fix, file);
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw fail(base, 'policy document must be a JSON object', 'write {"Version": ..., "Statement": [...]}');
  }
  const top = keyed(rules, doc as Record<string, unknown>, () => base, DOCUMENT_KEYS, file, NONE_REJECTED, keys);
  if (top.Version === undefined) {
    if (rules.versionRequired) throw fail(pointerJoin(base, 'Version'), 'Version is missing', `add "Version": "${rules.versions[0]}"`);
  } else if (typeof top.Version !== 'string' || !rules.versions.includes(top.Version)) {
    throw fail(pointerJoin(base, 'Version'), `Version ${JSON.stringify(top.Version)} is not valid for ${dialect}`,
      rules.versionRequired ? `use "Version": "${rules.versions[0]}"` : 'remove Version (Volcengine policies have none)');
  }
  let statements = top.Statement;
  const stPointer = pointerJoin(base, 'Statement');
  if (statements === undefined) throw fail(stPointer, 'Statement is missing', 'add "Statement": [ { "Effect": "Allow", ... } ]');
  const bare = !Array.isArray(statements);
  if (bare) {
    if (!rules.bareStatement || typeof statements !== 'object' || statements === null) {
      throw fail(stPointer, 'Statement must be an array', 'wrap the statement in [ ]');
    }
    statements = [statements];
  }
  const parsed = (statements as unknown[]).map((raw, i) => parseStatement(rules, raw, stPointer, bare, i, file, keys));
  const policy = new Policy(name, dialect, parsed, source, text ?? JSON.stringify(doc), stPointer, bare);
  for (const st of parsed) st.adopt(policy);
  return policy;
}

/**
 * A parsed policy keeps its document as text, not as objects: text is about half the size, and only a few readers
 * (size check, report, diff, proofs) want the document at all.
 */
class Policy implements ParsedPolicy {
  constructor(readonly name: string, readonly dialect: Dialect, readonly statements: readonly ParsedStatement[],
    readonly source: PolicySource | undefined, readonly text: string,
    /** The pointer of the Statement element; `bare` when that is the statement itself (a lone object). */
    readonly statementsPointer: string, readonly bare: boolean) {}

  get document(): unknown {
    return JSON.parse(this.text);
  }

  /** Serialized as the plain parsed policy it stands for. */
  toJSON(): object {
    return { name: this.name, dialect: this.dialect, statements: this.statements, source: this.source, document: this.document };
  }
}

/** A statement of a compiled policy set, with its policy's name (what answers cite). */
export interface StatementEntry {
  readonly policy: string;
  readonly statement: ParsedStatement;
  readonly ref: StatementRef;
}

/**
 * A parsed statement. It knows its policy, so it is its own entry in compiled sets, and builds its pointer when read
 * (findings, explanations): at 400,000 statements every per-statement object and string is megabytes.
 */
class Statement implements ParsedStatement, StatementEntry {
  /** Set once its policy is built; private, so serializing or walking a statement never loops back to its policy. */
  #owner!: Policy;

  constructor(
    readonly index: number,
    readonly effect: 'Allow' | 'Deny',
    readonly actions: readonly Pattern[] | undefined,
    readonly notActions: readonly Pattern[] | undefined,
    readonly resources: readonly Pattern[] | undefined,
    readonly notResources: readonly Pattern[] | undefined,
    readonly conditions: readonly ParsedCondition[],
    readonly resourceTest: StringMatcher | undefined,
  ) {}

  adopt(owner: Policy): void {
    this.#owner = owner;
  }

  get pointer(): string {
    return this.#owner.bare ? this.#owner.statementsPointer : pointerJoin(this.#owner.statementsPointer, this.index);
  }

  get policy(): string {
    return this.#owner.name;
  }

  get statement(): ParsedStatement {
    return this;
  }

  get ref(): StatementRef {
    return { policy: this.#owner.name, statement: this.index };
  }

  /** Whether this statement is the one parsePolicy made for the policy named `policy`. */
  isOf(policy: string): boolean {
    return this.#owner?.name === policy;
  }

  toJSON(): object {
    const { index, effect, actions, notActions, resources, notResources, conditions, resourceTest } = this;
    return { index, effect, actions, notActions, resources, notResources, conditions, pointer: this.pointer, resourceTest };
  }
}

/** A statement written by hand (not by parsePolicy), or used under another policy's name. */
class ForeignStatement implements StatementEntry {
  constructor(readonly policy: string, readonly statement: ParsedStatement) {}

  get ref(): StatementRef {
    return { policy: this.policy, statement: this.statement.index };
  }
}

/** The entry of a statement in a compiled set of the policy named `policy`. */
export function statementEntry(policy: string, st: ParsedStatement): StatementEntry {
  return st instanceof Statement && st.isOf(policy) ? st : new ForeignStatement(policy, st);
}

const NO_CONDITIONS: readonly ParsedCondition[] = [];

/**
 * The document as `JSON.stringify` writes it (minified): the form size limits count and fingerprints compare. Most
 * documents are written that way already: no whitespace, no escapes, no numbers (whose spelling JSON may change).
 */
export function minifiedDocument(p: ParsedPolicy): string {
  const t = p.text;
  if (t === undefined) return JSON.stringify(p.document);
  return /[\s\\]|[:,[]-?\d/.test(t) ? JSON.stringify(JSON.parse(t)) : t;
}

/** Where a value is in the document: built only for an error message (a statement has a dozen such places). */
type Where = () => string;

/** Reads an object's keys the dialect's way: exact (Alibaba, Volcengine) or case-insensitive (Huawei). */
function keyed(rules: DialectRules, obj: Record<string, unknown>, where: Where, allowed: readonly string[], file?: string,
  rejected: ReadonlyMap<string, string> = NONE_REJECTED, keys?: KeyCount): Record<string, unknown> {
  // Exact keys: the object itself, once every key is known (no copy per statement).
  const out: Record<string, unknown> = rules.keysCaseInsensitive ? {} : obj;
  const names = Object.keys(obj);
  if (keys) keys.n += names.length;
  for (const k of names) {
    const canonical = rules.keysCaseInsensitive
      ? [...allowed, ...rejected.keys()].find(a => a.toLowerCase() === k.toLowerCase()) ?? k : k;
    const why = rejected.get(canonical);
    if (why !== undefined) throw new PolicyError(pointerJoin(where(), k), `"${k}" is not allowed here: ${why}`, `remove "${k}"`, file);
    if (!allowed.includes(canonical)) {
      const near = allowed.find(a => a.toLowerCase() === k.toLowerCase());
      throw new PolicyError(pointerJoin(where(), k), `unknown key "${k}"`, near ? `write "${near}" (keys are case-sensitive in ${rules.dialect})` : `use only ${allowed.join(', ')}`, file);
    }
    if (out !== obj) out[canonical] = obj[k];
  }
  return out;
}

const NONE_REJECTED: ReadonlyMap<string, string> = new Map();
const DOCUMENT_KEYS: readonly string[] = ['Version', 'Statement'];

/** The keys a statement may have in a dialect, and those it must not (with why). */
const statementKeysByDialect = new Map<Dialect, { allowed: readonly string[]; rejected: ReadonlyMap<string, string> }>();

function statementKeys(rules: DialectRules): { allowed: readonly string[]; rejected: ReadonlyMap<string, string> } {
  let keys = statementKeysByDialect.get(rules.dialect);
  if (keys) return keys;
  const allowed = ['Effect', 'Action', 'Resource', 'Condition', 'Sid'];
  const rejected = new Map([['Principal', 'Principal belongs in resource-based or trust policies, not identity policies']]);
  if (rules.notAction !== 'none') allowed.push('NotAction');
  else rejected.set('NotAction', `${rules.dialect} has no NotAction`);
  if (rules.notResource !== 'none') allowed.push('NotResource');
  else rejected.set('NotResource', `${rules.dialect} has no NotResource`);
  if (rules.actionParts === 3) {
    rejected.set('Sid', 'Sid is a 5.0 identity-policy element, not part of 1.1 policies');
    allowed.splice(allowed.indexOf('Sid'), 1);
  }
  statementKeysByDialect.set(rules.dialect, keys = { allowed, rejected });
  return keys;
}

function parseStatement(rules: DialectRules, raw: unknown, listPointer: string, bare: boolean, index: number, file?: string,
  keys?: KeyCount): Statement {
  // Pointers are for error messages only: built from `here` when one is thrown, never per statement.
  const here: Where = () => (bare ? listPointer : pointerJoin(listPointer, index));
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new PolicyError(here(), 'a statement must be a JSON object', 'write {"Effect": "Allow", "Action": [...], "Resource": [...]}', file);
  }
  const { allowed, rejected } = statementKeys(rules);
  const st = keyed(rules, raw as Record<string, unknown>, here, allowed, file, rejected, keys);

  const effectRaw = st.Effect;
  if (typeof effectRaw !== 'string') throw new PolicyError(pointerJoin(here(), 'Effect'), 'Effect is missing', 'add "Effect": "Allow" or "Deny"', file);
  const effectNorm = rules.effectCaseInsensitive ? effectRaw.toLowerCase() : effectRaw;
  const effect = effectNorm === (rules.effectCaseInsensitive ? 'allow' : 'Allow') ? 'Allow'
    : effectNorm === (rules.effectCaseInsensitive ? 'deny' : 'Deny') ? 'Deny' : undefined;
  if (!effect) throw new PolicyError(pointerJoin(here(), 'Effect'), `"${effectRaw}" is not a valid Effect`, 'use "Allow" or "Deny"', file);

  if (rules.notAction === 'replace') {
    if ((st.Action === undefined) === (st.NotAction === undefined)) {
      throw new PolicyError(here(), 'a statement needs exactly one of Action and NotAction', 'keep Action (or NotAction), not both and not neither', file);
    }
  } else if (st.Action === undefined) {
    throw new PolicyError(pointerJoin(here(), 'Action'), 'Action is missing', rules.notAction === 'subtract'
      ? 'add "Action" (NotAction only subtracts from Action in Volcengine policies)' : 'add "Action": ["service:type:operation"]', file);
  }
  const actions = st.Action === undefined ? undefined : patternList('a', rules, st.Action, here, 'Action', file);
  const notActions = st.NotAction === undefined ? undefined : patternList('a', rules, st.NotAction, here, 'NotAction', file);
  if (st.Resource === undefined && rules.resourceRequired) {
    throw new PolicyError(pointerJoin(here(), 'Resource'), 'Resource is missing', 'add "Resource": "*" or the ARNs the statement is for', file);
  }
  const resources = st.Resource === undefined ? undefined : patternList('r', rules, st.Resource, here, 'Resource', file);
  if (st.NotResource !== undefined && st.Resource === undefined) {
    throw new PolicyError(pointerJoin(here(), 'NotResource'), 'NotResource needs Resource', 'add "Resource" (NotResource subtracts from it)', file);
  }
  const notResources = st.NotResource === undefined ? undefined : patternList('r', rules, st.NotResource, here, 'NotResource', file);
  const conditions = st.Condition === undefined ? NO_CONDITIONS : parseConditionBlock(rules, st.Condition, () => pointerJoin(here(), 'Condition'), file);
  if (keys && st.Condition !== undefined) keys.n += conditionKeys(st.Condition as Record<string, Record<string, unknown>>);
  const simple = resources && !notResources && resources.every(r => !r.unknown && !r.variables);
  const resourceTest = simple && resources ? anyOf(resources.map(r => r.match)) : undefined;
  return new Statement(index, effect, actions, notActions, resources, notResources, conditions, resourceTest);
}

/** Keys of a valid Condition block: its operators and their condition keys (values hold no objects). */
function conditionKeys(block: Record<string, Record<string, unknown>>): number {
  let n = 0;
  for (const operator in block) n += 1 + Object.keys(block[operator]).length;
  return n;
}

function anyOf(ms: readonly StringMatcher[]): StringMatcher {
  if (ms.length === 1) return ms[0];
  return v => {
    for (let i = 0; i < ms.length; i++) if (ms[i](v)) return true;
    return false;
  };
}

/**
 * A string or list of strings (Action, Resource ...) at `key` of a statement, each non-empty, as patterns (`a` actions,
 * `r` resources). A list of one is the one shared list for that pattern.
 */
function patternList(kind: 'a' | 'r', rules: DialectRules, raw: unknown, statement: Where, key: string, file?: string): readonly Pattern[] {
  if (!Array.isArray(raw)) return soleList(patternAt(kind, rules, raw, statement, key, undefined, file));
  if (raw.length === 0) throw new PolicyError(pointerJoin(statement(), key), 'empty list', 'give at least one value or remove the element', file);
  if (raw.length === 1) return soleList(patternAt(kind, rules, raw[0], statement, key, 0, file));
  return raw.map((text, i) => patternAt(kind, rules, text, statement, key, i, file));
}

function patternAt(kind: 'a' | 'r', rules: DialectRules, text: unknown, statement: Where, key: string, index: number | undefined, file?: string): Pattern {
  const where = () => (index === undefined ? pointerJoin(statement(), key) : pointerJoin(statement(), key, index));
  if (typeof text !== 'string' || text === '') throw new PolicyError(where(), `expected a non-empty string, got ${JSON.stringify(text)}`, 'write the value as a string', file);
  return cachedPattern(kind, rules, text)
    ?? keepPattern(kind, rules, text, kind === 'a' ? newActionPattern(rules, text, where, file) : newResourcePattern(rules, text, where, file));
}

function newActionPattern(rules: DialectRules, text: string, where: Where, file?: string): Pattern {
  const unknown = isUnknownValue(text);
  if (!unknown && text !== '*') {
    const parts = text.split(':');
    if (parts.length !== rules.actionParts) {
      const shape = rules.actionParts === 3 ? 'service:resourceType:operation (e.g. "modelarts:notebook:list")' : 'service:Action (e.g. "ecs:DescribeInstances")';
      throw new PolicyError(where(), `"${text}" is not an action of the form ${shape}`, `write ${shape} or "*"`, file);
    }
    // huawei-iam.md §3.1: the service name must be lower case.
    if (rules.actionParts === 3 && parts[0] !== parts[0].toLowerCase()) {
      throw new PolicyError(where(), `service "${parts[0]}" must be lower case`, `write "${[parts[0].toLowerCase(), ...parts.slice(1)].join(':')}"`, file);
    }
  }
  // Actions compare case-insensitively in all three dialects (alibaba-ram.md §3.1, volcengine-iam.md §2.3, huawei-iam.md §3.1).
  const normalized = text.toLowerCase();
  const service = unknown ? undefined : actionService(normalized);
  return { text, normalized, match: compileWildcard(normalized), unknown, variables: false, service, ...skeletonOf(normalized, unknown) };
}

function newResourcePattern(rules: DialectRules, text: string, where: Where, file?: string): Pattern {
  const unknown = isUnknownValue(text);
  const variables = rules.policyVariables && text.search(POLICY_VARIABLE) >= 0;
  if (!unknown && text !== '*' && rules.resourcePrefix && !text.toLowerCase().startsWith(rules.resourcePrefix)) {
    throw new PolicyError(where(), `"${text}" is not a ${rules.resourcePrefix.slice(0, -1)} resource name`,
      `write "${rules.resourcePrefix}service:region:account:relative-id" or "*"`, file);
  }
  const normalized = normalizeResource(rules, text);
  return {
    text,
    normalized,
    match: compileWildcard(normalized),
    unknown,
    variables,
    ...skeletonOf(normalized, unknown),
    ...(variables && !unknown ? { pieces: templatePieces(normalized) } : {}),
  };
}

/** Lists of one pattern, shared like the patterns themselves: most statements name one action and one resource. */
const soleLists = new WeakMap<Pattern, readonly Pattern[]>();

function soleList(p: Pattern): readonly Pattern[] {
  let shared = soleLists.get(p);
  if (!shared) soleLists.set(p, shared = [p]);
  return shared;
}

/**
 * Patterns are immutable and policies repeat them (`*`, `ecs:Describe*`, one workspace ARN in 10,000 statements):
 * each distinct one is built once and shared, which keeps 100k-user organisations to a fraction of the memory.
 * Only valid patterns are kept, so a bad one still fails at its own pointer.
 */
const patterns = { a: new Map<Dialect, Map<string, Pattern>>(), r: new Map<Dialect, Map<string, Pattern>>() };
let patternCount = 0;

/** The shared pattern for a text, if built already (keyed by the text itself, under one map per kind and dialect). */
function cachedPattern(kind: 'a' | 'r', rules: DialectRules, text: string): Pattern | undefined {
  return patterns[kind].get(rules.dialect)?.get(text);
}

function keepPattern(kind: 'a' | 'r', rules: DialectRules, text: string, p: Pattern): Pattern {
  // Bounded: distinct patterns beyond this are built per statement, as before.
  if (patternCount >= 200_000) {
    patterns.a.clear();
    patterns.r.clear();
    patternCount = 0;
  }
  const byDialect = patterns[kind];
  let byText = byDialect.get(rules.dialect);
  if (!byText) byDialect.set(rules.dialect, byText = new Map());
  byText.set(text, p);
  patternCount++;
  return p;
}

/** Over-approximation of a pattern with unknown parts, so the known text can still rule a request out. */
function skeletonOf(normalized: string, unknown: boolean): Pick<Pattern, 'skeleton' | 'skeletonText'> {
  if (!unknown) return {};
  const parts = splitUnknown(normalized).map(p => (p.unknown ? { text: '*', literal: false } : { text: p.text, literal: false }));
  return { skeleton: compilePieces(parts), skeletonText: parts.map(p => p.text).join('') };
}

/** A resource pattern that is nothing but wildcards matches requests without a resource. */
export function isWildcardOnly(p: Pattern): boolean {
  return isWildcardOnlyText(p.normalized);
}

export function isWildcardOnlyText(normalized: string): boolean {
  return /^(?:[a-z]+:)?[*?:]*$/.test(normalized) && /[*]/.test(normalized);
}

/** The condition keys a policy's statements use, as written (first spelling), for coverage reports. */
export function policyConditionKeys(policy: ParsedPolicy): string[] {
  const seen = new Map<string, string>();
  for (const st of policy.statements) for (const c of st.conditions) if (!seen.has(c.keyLower)) seen.set(c.keyLower, c.key);
  return [...seen.values()];
}
