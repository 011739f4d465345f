import { conditionUnknownReasons, describeCondition, evaluateCondition, NormalizedContext, substituteVariables } from './conditions';
import { DIALECTS, DialectRules } from './dialect';
import { PolicyError } from './errors';
import { isWildcardOnly, normalizeResource, ParsedPolicy, ParsedStatement, Pattern } from './parse';
import { and, or, Tri } from './tri';
import { AccessRequest, Decision, Dialect, StatementRef } from './types';
import { isUnknownValue, unknownReasons } from './unknown';
import { matchesWildcard } from './wildcard';

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
}

export interface EvaluationResult {
  readonly decision: Decision;
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

interface IndexedStatement {
  readonly policy: string;
  readonly statement: ParsedStatement;
  readonly ref: StatementRef;
}

const EMPTY: readonly string[] = [];

function normalizeContext(context: AccessRequest['context']): NormalizedContext {
  const out = new Map<string, readonly string[]>();
  if (!context) return out;
  for (const [k, v] of Object.entries(context)) out.set(k.toLowerCase(), Array.isArray(v) ? v : [v]);
  return out;
}

function matchPatterns(patterns: readonly Pattern[], value: string, rules: DialectRules, ctx: NormalizedContext): Tri {
  let state = Tri.FALSE;
  for (const p of patterns) {
    if (p.unknown) {
      state = or(state, Tri.UNKNOWN);
    } else if (p.variables) {
      const text = substituteVariables(p.normalized, ctx);
      if (text !== undefined && matchesWildcard(normalizeResource(rules, text), value, false)) return Tri.TRUE;
    } else if (p.match(value)) {
      return Tri.TRUE;
    }
  }
  return state;
}

function not(t: Tri): Tri {
  return t === Tri.TRUE ? Tri.FALSE : t === Tri.FALSE ? Tri.TRUE : t;
}

function actionState(st: ParsedStatement, action: string, rules: DialectRules, ctx: NormalizedContext): Tri {
  if (st.actions === undefined) return not(matchPatterns(st.notActions!, action, rules, ctx)); // Alibaba NotAction
  const inAction = matchPatterns(st.actions, action, rules, ctx);
  if (inAction === Tri.FALSE || !st.notActions) return inAction;
  return and(inAction, not(matchPatterns(st.notActions, action, rules, ctx))); // Volcengine: Action minus NotAction
}

function resourceState(st: ParsedStatement, resource: string | undefined, rules: DialectRules, ctx: NormalizedContext): Tri {
  if (st.resources === undefined) return Tri.TRUE;
  if (resource === undefined) {
    // A request without a resource is matched only by wildcard-only patterns (alibaba-ram.md §3.2).
    return st.resources.some(isWildcardOnly) ? Tri.TRUE : st.resources.some(p => p.unknown) ? Tri.UNKNOWN : Tri.FALSE;
  }
  const inResource = matchPatterns(st.resources, resource, rules, ctx);
  if (inResource === Tri.FALSE || !st.notResources) return inResource;
  return and(inResource, not(matchPatterns(st.notResources, resource, rules, ctx)));
}

/** Applicability of a statement whose action already matched (`actionMatch` is TRUE or UNKNOWN). */
function statementState(st: ParsedStatement, actionMatch: Tri, resource: string | undefined, rules: DialectRules,
  ctx: NormalizedContext, open: boolean): Tri {
  let state = and(actionMatch, resourceState(st, resource, rules, ctx));
  for (const c of st.conditions) {
    if (state === Tri.FALSE) return state;
    state = and(state, evaluateCondition(c, ctx, rules, open));
  }
  return state;
}

class PolicySet implements CompiledPolicySet {
  readonly policyCount: number;
  private readonly rules: DialectRules;
  /** Statements whose every action pattern names its service literally, by lower-case service. */
  private readonly byService = new Map<string, IndexedStatement[]>();
  /** Statements with a wildcard service, `*`, NotAction-only, or unknown actions: checked for every request. */
  private readonly anyService: IndexedStatement[] = [];
  private readonly opaque: readonly OpaquePolicy[];

  constructor(readonly dialect: Dialect, policies: readonly PolicyInput[]) {
    const rules = DIALECTS[dialect];
    if (!rules) throw new PolicyError('', `unknown dialect "${dialect}"`, 'use alibaba-ram, volcengine-iam or huawei-iam');
    this.rules = rules;
    this.policyCount = policies.length;
    const opaque: OpaquePolicy[] = [];
    for (const p of policies) {
      if (isOpaquePolicy(p)) {
        opaque.push(p);
        continue;
      }
      if (p.dialect !== dialect) {
        throw new PolicyError('', `policy "${p.name}" is ${p.dialect}, not ${dialect}`, 'evaluate each cloud\'s policies separately');
      }
      for (const st of p.statements) {
        const entry: IndexedStatement = { policy: p.name, statement: st, ref: { policy: p.name, statement: st.index } };
        const services = st.actions?.map(a => (a.unknown ? undefined : a.service));
        if (!services || services.some(s => s === undefined)) {
          this.anyService.push(entry);
        } else {
          for (const s of new Set(services as string[])) {
            const list = this.byService.get(s);
            if (list) list.push(entry);
            else this.byService.set(s, [entry]);
          }
        }
      }
    }
    this.opaque = opaque;
  }

  evaluate(request: AccessRequest, options?: EvaluateOptions): EvaluationResult {
    if (typeof request.action !== 'string' || request.action === '') {
      throw new PolicyError('/action', 'the request has no action', 'give "action": "service:Action"');
    }
    const open = options?.openContext === true;
    const rules = this.rules;
    const action = request.action.toLowerCase();
    const resource = request.resource === undefined ? undefined : normalizeResource(rules, request.resource);
    const ctx = normalizeContext(request.context);
    const colon = action.indexOf(':');
    const service = colon < 0 ? action : action.slice(0, colon);
    const candidates = this.byService.get(service);

    let deny = Tri.FALSE;
    let allow = Tri.FALSE;
    const hits: Array<{ entry: IndexedStatement; state: Tri }> = [];
    const visit = (list: readonly IndexedStatement[]) => {
      for (const entry of list) {
        const actionMatch = actionState(entry.statement, action, rules, ctx);
        if (actionMatch === Tri.FALSE) continue;
        const state = statementState(entry.statement, actionMatch, resource, rules, ctx, open);
        // Kept even when it does not apply, so explanations can say why.
        hits.push({ entry, state });
        if (state === Tri.FALSE) continue;
        if (entry.statement.effect === 'Deny') deny = or(deny, state);
        else allow = or(allow, state);
      }
    };
    if (candidates) visit(candidates);
    visit(this.anyService);
    for (const p of this.opaque) {
      void p;
      deny = or(deny, Tri.UNKNOWN);
      allow = or(allow, Tri.UNKNOWN);
    }
    return this.result(deny, allow, hits, request, ctx, open);
  }

  private result(deny: Tri, allow: Tri, hits: Array<{ entry: IndexedStatement; state: Tri }>, request: AccessRequest,
    ctx: NormalizedContext, open: boolean): EvaluationResult {
    const refs = (effect: 'Allow' | 'Deny', states: Tri[]) =>
      hits.filter(h => h.entry.statement.effect === effect && states.includes(h.state)).map(h => h.entry.ref);
    let decision: Decision;
    let matched: StatementRef[];
    if (deny === Tri.TRUE) {
      decision = Decision.EXPLICIT_DENY;
      matched = refs('Deny', [Tri.TRUE]);
    } else if (allow === Tri.FALSE) {
      // Nothing can allow: an unknown or conditional deny does not change the answer.
      decision = Decision.IMPLICIT_DENY;
      matched = [];
    } else if (deny === Tri.UNKNOWN || allow === Tri.UNKNOWN) {
      decision = Decision.UNKNOWN;
      matched = hits.filter(h => h.state === Tri.UNKNOWN).map(h => h.entry.ref);
    } else {
      decision = Decision.ALLOW;
      matched = refs('Allow', allow === Tri.TRUE ? [Tri.TRUE] : [Tri.OPEN]);
    }
    const unresolved: string[] = [];
    if (decision === Decision.UNKNOWN) {
      for (const p of this.opaque) unresolved.push(`policy ${p.name}: ${p.unknownReason}`);
      for (const h of hits) if (h.state === Tri.UNKNOWN) unresolved.push(...statementUnknowns(h.entry));
    }
    const openConditions: string[] = [];
    if (open && decision === Decision.ALLOW) {
      if (allow === Tri.OPEN) {
        for (const h of hits) {
          if (h.state === Tri.OPEN && h.entry.statement.effect === 'Allow') {
            openConditions.push(`allow if ${openText(h.entry.statement, ctx)} (${h.entry.ref.policy}#${h.entry.ref.statement})`);
          }
        }
      }
      for (const h of hits) {
        if (h.state === Tri.OPEN && h.entry.statement.effect === 'Deny') {
          openConditions.push(`denied when ${openText(h.entry.statement, ctx)} (${h.entry.ref.policy}#${h.entry.ref.statement})`);
        }
      }
    }
    const rules = this.rules;
    let reasons: readonly string[] | undefined;
    return {
      decision, matched, unresolved: unresolved.length ? unresolved : EMPTY, openConditions: openConditions.length ? openConditions : EMPTY,
      get reasons() {
        reasons ??= hits.map(h => explainStatement(h.entry, h.state, request, rules, ctx));
        return reasons;
      },
    };
  }
}

function openText(st: ParsedStatement, ctx: NormalizedContext): string {
  return st.conditions.filter(c => !ctx.has(c.key.toLowerCase())).map(describeCondition).join(' and ');
}

function statementUnknowns(entry: IndexedStatement): string[] {
  const st = entry.statement;
  const where = `${entry.ref.policy}#${entry.ref.statement}`;
  const out: string[] = [];
  for (const p of [...(st.actions ?? []), ...(st.notActions ?? []), ...(st.resources ?? []), ...(st.notResources ?? [])]) {
    if (p.unknown) out.push(...unknownReasons(p.text).map(r => `${where}: ${r}`));
  }
  for (const c of st.conditions) out.push(...conditionUnknownReasons(c).map(r => `${where}: ${r}`));
  return out.length ? out : [`${where}: depends on a value known only after apply`];
}

const STATE_WORD: Record<Tri, string> = { [Tri.TRUE]: 'applies', [Tri.FALSE]: 'does not apply', [Tri.UNKNOWN]: 'may apply (unknown until apply)', [Tri.OPEN]: 'applies only if its conditions hold' };

function explainStatement(entry: IndexedStatement, state: Tri, request: AccessRequest, rules: DialectRules, ctx: NormalizedContext): string {
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
