import { conditionUnknownReasons, describeCondition, evaluateCondition, Family, NormalizedContext, ParsedCondition, substitutePattern, TypedValue, UNKNOWN_ELEMENT } from './conditions';
import { DIALECTS, DialectRules } from './dialect';
import { PolicyError, pointerJoin } from './errors';
import { parseIp } from './ip';
import { isWildcardOnly, isWildcardOnlyText, normalizeResource, ParsedPolicy, ParsedStatement, Pattern, statementEntry, StatementEntry } from './parse';
import { and, or, Tri } from './tri';
import { AccessRequest, Decision, Dialect, StatementRef } from './types';
import { isUnknownValue, unknownReasons } from './unknown';
import { parseDecimal, parseInstant } from './values';

/** A policy whose content is not known (system policy missing from the catalog, document known only after apply). */
export interface OpaquePolicy {
  readonly name: string;
  readonly unknownReason: string;
}

export type PolicyInput = ParsedPolicy | OpaquePolicy;

export function isOpaquePolicy(p: PolicyInput): p is OpaquePolicy {
  return (p as OpaquePolicy).unknownReason !== undefined;
}

export interface EvaluateOptions {
  /**
   * Queries without a context (who-can, what-can): a condition whose key is absent is left open instead of false;
   * the result is then `allow` with `openConditions` listing what must hold.
   */
  readonly openContext?: boolean;
  /**
   * Condition keys the caller's catalogs know. A condition on a key this rejects (e.g. a bare `Action`) cannot be
   * judged: it is `unknown`, with a reason naming the key, instead of reading as absent. Should be pure and cheap;
   * results are cached per function.
   */
  readonly isKnownConditionKey?: (key: string) => boolean;
}

/** Whether any Allow (or Deny) statement applies: the two inputs of the decision, kept so results can be combined. */
export type Applicability = 'no' | 'yes' | 'unknown' | 'conditional';

export interface EvaluationResult {
  readonly decision: Decision;
  readonly allow: Applicability;
  readonly deny: Applicability;
  /** The statements that decided it: denies for explicit-deny, allows for allow, undecided ones for unknown. */
  readonly matched: readonly StatementRef[];
  /** For unknown: what could not be resolved, in words. */
  readonly unresolved: readonly string[];
  /** With openContext: conditions that must hold ("allow if ...") or must not ("denied when ..."). */
  readonly openConditions: readonly string[];
  /** One line per statement whose action matched: why it applied or not. Computed on first read. */
  readonly reasons: readonly string[];
}

export interface CompiledPolicySet {
  readonly dialect: Dialect;
  readonly policyCount: number;
  evaluate(request: AccessRequest, options?: EvaluateOptions): EvaluationResult;
}

interface Hit {
  readonly entry: StatementEntry;
  readonly state: Tri;
}

interface ActionCandidate {
  readonly entry: StatementEntry;
  readonly actionMatch: Tri;
}

const NO_HITS: readonly Hit[] = [];

const EMPTY: readonly string[] = [];
const NO_OPAQUE: readonly OpaquePolicy[] = [];
const NO_ENTRIES: readonly StatementEntry[] = [];
const NO_SERVICES: readonly string[] = [];

/**
 * The request context, read once: keys lower-cased (keys differing only by case are ambiguous and rejected), and
 * each key's values parsed for an operator family on first use (IP as number, dates, decimals), then reused by every
 * statement of the request.
 */
class RequestContext implements NormalizedContext {
  // Per context key, in the order written: lower-case key, key as written, values. Built on first read: most
  // statements have no conditions. Arrays, not maps: a request carries a few keys, and this runs per request.
  private lower?: string[];
  private written?: string[];
  private values?: Array<readonly string[]>;
  /** Only for large contexts (hostile input): key positions, so lookups stay constant time. */
  private index?: Map<string, number>;
  private unknown?: Array<boolean | undefined>;
  private typedCache?: Array<Partial<Record<Family, readonly TypedValue[]>> | undefined>;
  constructor(private readonly context: AccessRequest['context']) {}
  get(keyLower: string): readonly string[] | undefined {
    const i = this.find(keyLower);
    return i < 0 ? undefined : this.values![i];
  }
  has(keyLower: string): boolean {
    return this.find(keyLower) >= 0;
  }
  private find(keyLower: string): number {
    if (!this.lower) this.build();
    return this.index ? this.index.get(keyLower) ?? -1 : this.lower!.indexOf(keyLower);
  }
  private build(): void {
    const lower: string[] = (this.lower = []);
    const written: string[] = (this.written = []);
    const values: Array<readonly string[]> = (this.values = []);
    const context = this.context;
    if (!context) return;
    const keys = Object.keys(context);
    const index = keys.length > SMALL_CONTEXT ? (this.index = new Map<string, number>()) : undefined;
    for (const k of keys) {
      const l = lowerKey(k);
      const twin = index ? index.get(l) : lower.indexOf(l);
      if (twin !== undefined && twin >= 0) {
        throw new PolicyError(pointerJoin('/context', k), `context keys "${written[twin]}" and "${k}" differ only by case (condition keys compare case-insensitively)`, 'give the key once');
      }
      index?.set(l, lower.length);
      lower.push(l);
      written.push(k);
      const v = context[k];
      values.push(Array.isArray(v) ? v : [v as string]);
    }
  }
  hasUnknown(keyLower: string): boolean {
    const i = this.find(keyLower);
    if (i < 0) return false;
    const cache = (this.unknown ??= []);
    let r = cache[i];
    if (r === undefined) r = cache[i] = this.values![i].some(isUnknownValue);
    return r;
  }
  typed(keyLower: string, family: Family): readonly TypedValue[] {
    const i = this.find(keyLower);
    const raw = i < 0 ? EMPTY : this.values![i];
    if (family === 'string') {
      // No copy unless a value is unknown: string values are used as given.
      return i >= 0 && this.hasUnknown(keyLower) ? raw.map(r => (isUnknownValue(r) ? UNKNOWN_ELEMENT : r)) : raw;
    }
    if (i < 0) return EMPTY;
    const byFamily = ((this.typedCache ??= [])[i] ??= {});
    let list = byFamily[family];
    if (!list) {
      const key = this.written![i];
      const where = (n: number) => (raw.length > 1 ? pointerJoin('/context', key, n) : pointerJoin('/context', key));
      list = byFamily[family] = raw.map((r, n) => readRequestValue(r, family, n, where));
    }
    return list;
  }
}

/** Contexts up to this many keys are searched; larger ones are indexed. */
const SMALL_CONTEXT = 16;

/** Condition keys repeat across requests (`acs:SourceIp`): each is lower-cased once (bounded). */
const lowerKeys = new Map<string, string>();
function lowerKey(k: string): string {
  let l = lowerKeys.get(k);
  if (l === undefined) {
    l = k.toLowerCase();
    if (lowerKeys.size >= 10_000) lowerKeys.clear();
    lowerKeys.set(k, l);
  }
  return l;
}

/** One request value read for a family; the JSON pointer for the error is built only when there is one. */
function readRequestValue(r: string, family: Family, index: number, where: (i: number) => string): TypedValue {
  if (typeof r !== 'string') throw new PolicyError(where(index), `context value must be a string (got ${JSON.stringify(r)})`, 'write the value as a JSON string');
  if (isUnknownValue(r)) return UNKNOWN_ELEMENT;
  switch (family) {
    case 'numeric': {
      const d = parseDecimal(r);
      if (!d) throw new PolicyError(where(index), `"${r}" is not a decimal number`, 'write digits with an optional sign and fraction, e.g. "3600" (no spaces, exponents or hex)');
      return d;
    }
    case 'date': {
      const t = parseInstant(r);
      if (!t) throw new PolicyError(where(index), `"${r}" is not a valid ISO 8601 date-time`, 'write e.g. "2026-06-01T00:00:00Z" (epoch numbers and impossible dates are not accepted)');
      return t;
    }
    case 'ip': {
      const ip = parseIp(r);
      if (!ip) throw new PolicyError(where(index), `"${r}" is not an IP address`, 'write e.g. "10.1.2.3" or "2001:db8::1" (no leading zeros, spaces or prefix length)');
      return ip;
    }
    case 'bool': {
      const lower = r.toLowerCase();
      if (lower !== 'true' && lower !== 'false') throw new PolicyError(where(index), `"${r}" is not a boolean`, 'write "true" or "false"');
      return lower === 'true';
    }
    default: return r;
  }
}

function matchPatterns(patterns: readonly Pattern[], value: string, ctx: NormalizedContext): Tri {
  let state = Tri.FALSE;
  for (const p of patterns) {
    if (p.unknown) {
      // The known text decides when it cannot fit: an oss pattern never matches a ram resource.
      if (!p.skeleton || p.skeleton(value)) state = or(state, Tri.UNKNOWN);
    } else if (p.variables) {
      // Substituted values are literal text: a user named `*` is not every user.
      const sub = substitutePattern(p.pieces!, ctx, true);
      if (sub && sub.match(value)) {
        if (!sub.unknown) return Tri.TRUE;
        state = or(state, Tri.UNKNOWN);
      }
    } else if (p.match(value)) {
      return Tri.TRUE;
    }
  }
  return state;
}

function not(t: Tri): Tri {
  return t === Tri.TRUE ? Tri.FALSE : t === Tri.FALSE ? Tri.TRUE : t;
}

const NO_CONTEXT: NormalizedContext = { get: () => undefined, has: () => false, typed: () => EMPTY, hasUnknown: () => false };

/** Action patterns never hold policy variables, so this depends on the action alone (see the action index). */
function actionState(st: ParsedStatement, action: string, rules: DialectRules): Tri {
  void rules;
  if (st.actions === undefined) return not(matchPatterns(st.notActions!, action, NO_CONTEXT)); // Alibaba NotAction
  const inAction = matchPatterns(st.actions, action, NO_CONTEXT);
  if (inAction === Tri.FALSE || !st.notActions) return inAction;
  return and(inAction, not(matchPatterns(st.notActions, action, NO_CONTEXT))); // Volcengine: Action minus NotAction
}

function resourceState(st: ParsedStatement, resource: string | undefined, rules: DialectRules, ctx: NormalizedContext): Tri {
  if (st.resources === undefined) return Tri.TRUE;
  if (st.resourceTest !== undefined && resource !== undefined) return st.resourceTest(resource) ? Tri.TRUE : Tri.FALSE;
  if (resource === undefined) {
    // A request without a resource is matched only by wildcard-only patterns (alibaba-ram.md §3.2, docs/semantics.md).
    void rules;
    if (st.resources.some(p => !p.unknown && isWildcardOnly(p))) return Tri.TRUE;
    return st.resources.some(p => p.unknown && isWildcardOnlyText(p.skeletonText!)) ? Tri.UNKNOWN : Tri.FALSE;
  }
  const inResource = matchPatterns(st.resources, resource, ctx);
  if (inResource === Tri.FALSE || !st.notResources) return inResource;
  return and(inResource, not(matchPatterns(st.notResources, resource, ctx)));
}

/** Applicability of a statement whose action already matched (`actionMatch` is TRUE or UNKNOWN). */
function statementState(st: ParsedStatement, actionMatch: Tri, resource: string | undefined, rules: DialectRules,
  ctx: NormalizedContext, open: boolean, known?: KeyCheck): Tri {
  let state = and(actionMatch, resourceState(st, resource, rules, ctx));
  for (const c of st.conditions) {
    if (state === Tri.FALSE) return state;
    state = and(state, known && !known(c.key) ? Tri.UNKNOWN : evaluateCondition(c, ctx, rules, open));
  }
  return state;
}

type KeyCheck = (key: string) => boolean;
const KEY_CHECKS = new WeakMap<KeyCheck, KeyCheck>();

/** The caller's key check, cached per key (it runs once per condition per request). */
function cachedKeyCheck(f: KeyCheck | undefined): KeyCheck | undefined {
  if (!f) return undefined;
  let cached = KEY_CHECKS.get(f);
  if (!cached) {
    const memo = new Map<string, boolean>();
    cached = key => {
      let r = memo.get(key);
      if (r === undefined) memo.set(key, (r = f(key) === true));
      return r;
    };
    KEY_CHECKS.set(f, cached);
  }
  return cached;
}

class PolicySet implements CompiledPolicySet {
  readonly policyCount: number;
  private readonly rules: DialectRules;
  /**
   * Statements whose every action pattern names its service literally, by lower-case service: the services and their
   * statements side by side (a policy names a few services; a map per policy is several times the size).
   */
  private readonly services: readonly string[];
  private readonly serviceStatements: ReadonlyArray<readonly StatementEntry[]>;
  /** The same as a map, for sets that name many services (a whole model's policies compiled together). */
  private readonly serviceIndex?: ReadonlyMap<string, readonly StatementEntry[]>;
  /** Statements with a wildcard service, `*`, NotAction-only, or unknown actions: checked for every request. */
  private readonly anyService: readonly StatementEntry[];
  private readonly opaque: readonly OpaquePolicy[];
  /** Statements whose actions match, per action as asked: an index over the action dimension, built lazily. */
  private actionIndex?: Map<string, ActionCandidate[]>;

  constructor(readonly dialect: Dialect, policies: readonly PolicyInput[]) {
    const rules = DIALECTS[dialect];
    if (!rules) throw new PolicyError('', `unknown dialect "${dialect}"`, 'use alibaba-ram, volcengine-iam or huawei-iam');
    this.rules = rules;
    this.policyCount = policies.length;
    const opaque: OpaquePolicy[] = [];
    const anyService: StatementEntry[] = [];
    const byService = new Map<string, StatementEntry[]>();
    for (const p of policies) {
      if (isOpaquePolicy(p)) {
        opaque.push(p);
        continue;
      }
      if (p.dialect !== dialect) {
        throw new PolicyError('', `policy "${p.name}" is ${p.dialect}, not ${dialect}`, 'evaluate each cloud\'s policies separately');
      }
      for (const st of p.statements) {
        const entry = statementEntry(p.name, st);
        const named = st.actions?.map(a => (a.unknown ? undefined : a.service));
        if (!named || named.some(s => s === undefined)) {
          anyService.push(entry);
        } else {
          for (const s of named.length === 1 ? named as string[] : new Set(named as string[])) {
            const list = byService.get(s);
            if (list) list.push(entry);
            else byService.set(s, [entry]);
          }
        }
      }
    }
    // A model compiles every policy on its own: shared empty lists, not two per policy.
    this.opaque = opaque.length ? opaque : NO_OPAQUE;
    this.anyService = anyService.length ? anyService : NO_ENTRIES;
    // Lists exactly as long as they are (grown by push, they keep room for more).
    for (const [service, list] of byService) if (list.length > 1) byService.set(service, list.slice());
    const few = byService.size <= 16;
    this.services = few ? [...byService.keys()] : NO_SERVICES;
    this.serviceStatements = few ? [...byService.values()] : [];
    this.serviceIndex = few ? undefined : byService;
  }

  evaluate(request: AccessRequest, options?: EvaluateOptions): EvaluationResult {
    if (typeof request.action !== 'string' || request.action === '') {
      throw new PolicyError('/action', 'the request has no action', 'give "action": "service:Action"');
    }
    // The action alone selects the candidate statements (cached per action as written); most requests stop here.
    const candidates = this.actionIndex?.get(request.action) ?? this.candidatesFor(request.action);
    if (candidates.length === 0 && this.opaque.length === 0) return NOTHING_APPLIES;
    const open = options?.openContext === true;
    const known = cachedKeyCheck(options?.isKnownConditionKey);
    const rules = this.rules;
    // Parsed once per request: the resource here, context values on first read by a condition.
    const resource = request.resource === undefined ? undefined : normalizeResource(rules, request.resource);
    const ctx = new RequestContext(request.context);

    let deny = Tri.FALSE;
    let allow = Tri.FALSE;
    let hits: Hit[] | undefined;
    for (let i = 0; i < candidates.length; i++) {
      const { entry, actionMatch } = candidates[i];
      const state = statementState(entry.statement, actionMatch, resource, rules, ctx, open, known);
      if (state === Tri.FALSE) continue;
      (hits ??= []).push({ entry, state });
      if (entry.statement.effect === 'Deny') deny = or(deny, state);
      else allow = or(allow, state);
    }
    if (this.opaque.length > 0) {
      deny = or(deny, Tri.UNKNOWN);
      allow = or(allow, Tri.UNKNOWN);
    }
    return this.result(deny, allow, hits ?? NO_HITS, request, resource, ctx, open, candidates, known);
  }

  /** The statements indexed under a lower-case service. */
  private statementsOf(service: string): readonly StatementEntry[] | undefined {
    if (this.serviceIndex) return this.serviceIndex.get(service);
    const at = this.services.indexOf(service);
    return at < 0 ? undefined : this.serviceStatements[at];
  }

  private candidatesFor(written: string): ActionCandidate[] {
    const action = written.toLowerCase();
    // Created on the first question: a model compiles every policy, and most are never asked about.
    const index = this.actionIndex ??= new Map();
    let list = index.get(action);
    if (list) {
      index.set(written, list);
      return list;
    }
    list = [];
    const colon = action.indexOf(':');
    const bucket = this.statementsOf(colon < 0 ? action : action.slice(0, colon));
    for (const group of bucket ? [bucket, this.anyService] : [this.anyService]) {
      for (const entry of group) {
        const actionMatch = actionState(entry.statement, action, this.rules);
        if (actionMatch !== Tri.FALSE) list.push({ entry, actionMatch });
      }
    }
    // Bounded: distinct actions are few (the catalogs), but input is not trusted.
    if (index.size >= 50_000) index.clear();
    index.set(action, list);
    index.set(written, list);
    return list;
  }

  private result(deny: Tri, allow: Tri, hits: readonly Hit[], request: AccessRequest, resource: string | undefined,
    ctx: NormalizedContext, open: boolean,
    candidates: readonly ActionCandidate[], known: KeyCheck | undefined): EvaluationResult {
    let decision: Decision;
    let effect: 'Allow' | 'Deny' | undefined;
    let state = Tri.TRUE;
    if (deny === Tri.TRUE) {
      decision = Decision.EXPLICIT_DENY;
      effect = 'Deny';
    } else if (allow === Tri.FALSE) {
      // Nothing can allow: an unknown or conditional deny does not change the answer.
      decision = Decision.IMPLICIT_DENY;
    } else if (deny === Tri.UNKNOWN || allow === Tri.UNKNOWN) {
      decision = Decision.UNKNOWN;
      state = Tri.UNKNOWN;
    } else {
      decision = Decision.ALLOW;
      effect = 'Allow';
      state = allow;
    }
    const matched: StatementRef[] = [];
    if (decision !== Decision.IMPLICIT_DENY) {
      for (const h of hits) if (h.state === state && (effect === undefined || h.entry.statement.effect === effect)) matched.push(h.entry.ref);
    }
    let unresolved = EMPTY;
    if (decision === Decision.UNKNOWN) {
      const list: string[] = this.opaque.map(p => `policy ${p.name}: ${p.unknownReason}`);
      for (const h of hits) if (h.state === Tri.UNKNOWN) list.push(...statementUnknowns(h.entry, ctx, known));
      unresolved = list;
    }
    let openConditions = EMPTY;
    if (open && decision === Decision.ALLOW) {
      const list: string[] = [];
      for (const h of hits) {
        if (h.state !== Tri.OPEN) continue;
        const where = `(${h.entry.ref.policy}#${h.entry.ref.statement})`;
        if (h.entry.statement.effect === 'Allow' && allow === Tri.OPEN) list.push(`allow if ${openText(h.entry.statement, ctx)} ${where}`);
        else if (h.entry.statement.effect === 'Deny') list.push(`denied when ${openText(h.entry.statement, ctx)} ${where}`);
      }
      openConditions = list;
    }
    const rules = this.rules;
    return new Result(decision, TRI_WORD[allow], TRI_WORD[deny], matched, unresolved, openConditions, () => candidates.map(c =>
      explainStatement(c.entry, statementState(c.entry.statement, c.actionMatch, resource, rules, ctx, open, known), request, rules, ctx)));
  }
}

/** Reasons are built only when read: evaluation is hot, explanation is not. */
class Result implements EvaluationResult {
  private explained?: readonly string[];
  constructor(
    readonly decision: Decision,
    readonly allow: Applicability,
    readonly deny: Applicability,
    readonly matched: readonly StatementRef[],
    readonly unresolved: readonly string[],
    readonly openConditions: readonly string[],
    private readonly explain: () => readonly string[],
  ) {}
  get reasons(): readonly string[] {
    return (this.explained ??= this.explain());
  }
  toJSON(): object {
    const { decision, matched, unresolved, openConditions, reasons } = this;
    return { decision, matched, unresolved, openConditions, reasons };
  }
}

/** The answer when no statement's action matches: shared, nothing to explain. */
const NOTHING_APPLIES: EvaluationResult = new Result(Decision.IMPLICIT_DENY, 'no', 'no', Object.freeze([]), EMPTY, EMPTY, () => EMPTY);

const TRI_WORD: Record<Tri, Applicability> = { [Tri.FALSE]: 'no', [Tri.TRUE]: 'yes', [Tri.UNKNOWN]: 'unknown', [Tri.OPEN]: 'conditional' };
const WORD_TRI: Record<Applicability, Tri> = { no: Tri.FALSE, yes: Tri.TRUE, unknown: Tri.UNKNOWN, conditional: Tri.OPEN };

/**
 * The decision for a principal whose policies were evaluated in separate sets (for instance one set per policy,
 * shared by every principal it is attached to): deny and allow combine by OR, then decide as in one set.
 */
export function combineResults(results: readonly EvaluationResult[]): EvaluationResult {
  const { decision, allow, deny } = combined(results);
  // This runs once per principal in who-can: plain loops, and shared empty arrays where nothing is to report.
  const matched: StatementRef[] = [];
  let unresolved = EMPTY;
  let openConditions = EMPTY;
  for (const r of results) {
    if (r.decision !== decision || decision === Decision.IMPLICIT_DENY) continue;
    if (decision === Decision.ALLOW && WORD_TRI[r.allow] !== allow) continue;
    for (const m of r.matched) matched.push(m);
  }
  for (const r of results) {
    if (decision === Decision.UNKNOWN && r.unresolved.length) unresolved = [...unresolved, ...r.unresolved];
    if (decision === Decision.ALLOW && r.openConditions.length) openConditions = [...openConditions, ...r.openConditions];
  }
  return new Result(decision, TRI_WORD[allow], TRI_WORD[deny], matched, unresolved, openConditions, () => results.flatMap(r => r.reasons));
}

/** The decision of several policies together (explicit deny wins, then allow), without building the explanation. */
export function combineDecision(results: readonly EvaluationResult[]): Decision {
  // combined() without its object: this runs once per principal in who-can.
  let deny = Tri.FALSE;
  let allow = Tri.FALSE;
  for (let i = 0; i < results.length; i++) {
    deny = or(deny, WORD_TRI[results[i].deny]);
    allow = or(allow, WORD_TRI[results[i].allow]);
  }
  return decisionOf(allow, deny);
}

function combined(results: readonly EvaluationResult[]): { decision: Decision; allow: Tri; deny: Tri } {
  let deny = Tri.FALSE;
  let allow = Tri.FALSE;
  for (const r of results) {
    deny = or(deny, WORD_TRI[r.deny]);
    allow = or(allow, WORD_TRI[r.allow]);
  }
  return { decision: decisionOf(allow, deny), allow, deny };
}

/** Tri as a rank where OR is the larger one (by Tri value: FALSE, TRUE, UNKNOWN, OPEN). */
const TRI_RANK = [0, 3, 2, 1];

/**
 * Applicability as a rank where OR is the larger one (no < conditional < unknown < yes): who-can folds a principal's
 * decision from the ranks of its policies' allow and deny, kept per policy, without reading a result per principal.
 */
export function applicabilityRank(a: Applicability): number {
  return TRI_RANK[WORD_TRI[a]];
}

/** combineDecision's decision from the largest allow and deny ranks of the results (applicabilityRank). */
export function decisionOfRanks(allow: number, deny: number): Decision {
  if (deny === 3) return Decision.EXPLICIT_DENY;
  if (allow === 0) return Decision.IMPLICIT_DENY;
  if (deny === 2 || allow === 2) return Decision.UNKNOWN;
  return Decision.ALLOW;
}

function decisionOf(allow: Tri, deny: Tri): Decision {
  return decisionOfRanks(TRI_RANK[allow], TRI_RANK[deny]);
}

function openText(st: ParsedStatement, ctx: NormalizedContext): string {
  return st.conditions.filter(c => !ctx.has(c.key.toLowerCase())).map(describeCondition).join(' and ');
}

function statementUnknowns(entry: StatementEntry, ctx: NormalizedContext, known: KeyCheck | undefined): string[] {
  const st = entry.statement;
  const where = `${entry.ref.policy}#${entry.ref.statement}`;
  const out: string[] = [];
  for (const p of [...(st.actions ?? []), ...(st.notActions ?? []), ...(st.resources ?? []), ...(st.notResources ?? [])]) {
    if (p.unknown) out.push(...unknownReasons(p.text).map(r => `${where}: ${r}`));
    for (const piece of p.pieces ?? []) {
      const v = piece.variable === undefined ? undefined : ctx.get(piece.variable);
      if (v?.length === 1 && isUnknownValue(v[0])) out.push(...unknownReasons(v[0]).map(r => `${where}: policy variable ${piece.text}: ${r}`));
    }
  }
  for (const c of st.conditions) {
    if (known && !known(c.key)) out.push(`${where}: condition key "${c.key}" is not known to any catalog, so its value cannot be judged`);
    out.push(...conditionUnknownReasons(c).map(r => `${where}: ${r}`));
    for (const v of contextUnknowns(c, ctx)) out.push(`${where}: ${c.key}: ${v}`);
  }
  return out.length ? out : [`${where}: depends on a value known only after apply`];
}

function contextUnknowns(c: ParsedCondition, ctx: NormalizedContext): string[] {
  const out: string[] = [];
  for (const r of ctx.get(c.keyLower) ?? EMPTY) if (isUnknownValue(r)) out.push(...unknownReasons(r));
  for (const v of c.values) {
    for (const m of v.pieces ?? []) {
      const x = m.variable === undefined ? undefined : ctx.get(m.variable);
      if (x?.length === 1 && isUnknownValue(x[0])) out.push(...unknownReasons(x[0]).map(r => `policy variable ${m.text}: ${r}`));
    }
  }
  return out;
}

const STATE_WORD: Record<Tri, string> = { [Tri.TRUE]: 'applies', [Tri.FALSE]: 'does not apply', [Tri.UNKNOWN]: 'may apply (unknown until apply)', [Tri.OPEN]: 'applies only if its conditions hold' };

function explainStatement(entry: StatementEntry, state: Tri, request: AccessRequest, rules: DialectRules, ctx: NormalizedContext): string {
  const st = entry.statement;
  const parts: string[] = [];
  const actions = st.actions?.map(a => a.text) ?? st.notActions!.map(a => `not ${a.text}`);
  parts.push(`action ${request.action} matches ${actions.join(', ')}`);
  if (st.resources) parts.push(`resource ${request.resource ?? '(none)'} vs ${st.resources.map(r => r.text).join(', ')}`);
  for (const c of st.conditions) {
    const t = evaluateCondition(c, ctx, rules, false);
    const vars = c.values.some(v => v.variables) ? ' (policy variables substituted from the request; an absent key matches nothing)' : '';
    parts.push(`${describeCondition(c)} is ${t === Tri.TRUE ? 'true' : t === Tri.FALSE ? (ctx.has(c.key.toLowerCase()) ? 'false' : 'false (key absent)') : 'unknown'}${vars}`);
  }
  return `${entry.ref.policy}#${entry.ref.statement} ${st.effect} ${STATE_WORD[state]}: ${parts.join('; ')}`;
}

export function compilePolicies(dialect: Dialect, policies: readonly PolicyInput[]): CompiledPolicySet {
  return new PolicySet(dialect, policies);
}

export function evaluate(dialect: Dialect, policies: readonly PolicyInput[], request: AccessRequest, options?: EvaluateOptions): EvaluationResult {
  return compilePolicies(dialect, policies).evaluate(request, options);
}

/** True when the value is unknown until apply; re-exported for callers that build requests. */
export { isUnknownValue };
