/**
 * Access diff by decisions. For each principal whose policies changed (added, removed, or a different document),
 * the requests those policies speak about (every catalog action of their action patterns, on every resource
 * pattern they name) are decided by the evaluator in both models. Only a different decision is a change, so a
 * grant that another path still gives is never reported revoked, and each reported entry carries the request
 * (witness) decided differently, re-checked before the diff is returned.
 */
import { DIALECT_OF } from './build';
import type { AccessAnswer, AccessModel } from './model';
import { concreteResource, describePrincipal } from './model';
import { LIMIT_ACTIONS, PLATFORM_SERVICES } from './platform-grants';
import type { PolicyEntity, Principal } from './types';
import type { EvaluationResult } from '../policy/evaluate';
import { compareText } from '../policy/order';
import { minifiedDocument } from '../policy/parse';
import { AccessRequest, Decision } from '../policy/types';

/** A request both models were asked, and what each answered (conditions left open: no context is assumed). */
export interface Witness {
  readonly action: string;
  /** Absent: a request without a resource, matched only by `*` (the grant covers every resource). */
  readonly resource?: string;
  readonly context: { readonly [key: string]: string };
  readonly openContext: true;
  /** The project the request was made in, when project-scoped grants make it matter (`--project`). */
  readonly project?: string;
  readonly before: Decision;
  readonly after: Decision;
  readonly beforeConditions: readonly string[];
  readonly afterConditions: readonly string[];
}

export interface AccessChangeEntry {
  readonly service: string;
  readonly action: string;
  /** The resource pattern of the policy that names it; absent for every resource. */
  readonly resource?: string;
  /** Conditions under which the side that allows allows ("allow if ..."); empty when unconditional. */
  readonly conditions: readonly string[];
  /** The action stands for a pattern whose actions the catalog cannot list (e.g. `oss:ANY` for `oss:*`). */
  readonly representative?: string;
  readonly witness: Witness;
}

export interface PrincipalAccessChange {
  readonly principal: string;
  readonly granted: readonly AccessChangeEntry[];
  readonly revoked: readonly AccessChangeEntry[];
  /** The answer after is unknown (a policy of unknown content) where before it was not allow. */
  readonly possiblyGranted: readonly AccessChangeEntry[];
  /** Allowed before and after, under different conditions. */
  readonly conditionsChanged: readonly AccessChangeEntry[];
  /** Rate limits and caps (platform grants): a change, not new access. */
  readonly limitChanges: readonly AccessChangeEntry[];
}

export interface DiffCoverage {
  readonly principalsCompared: number;
  readonly principalsWithChangedPolicies: number;
  readonly requestsDecided: number;
  readonly actions: number;
  readonly resourcePatterns: number;
  /** What the comparison could not decide in full; empty when every action and resource pattern was covered. */
  readonly notCovered: readonly string[];
  readonly complete: boolean;
  /** Witnesses re-evaluated before returning: all still decided differently. */
  readonly witnessesRechecked: number;
}

export interface AccessDiff {
  readonly changes: readonly PrincipalAccessChange[];
  readonly grantedCount: number;
  readonly revokedCount: number;
  readonly possiblyGrantedCount: number;
  readonly conditionsChangedCount: number;
  readonly limitChangeCount: number;
  readonly coverage: DiffCoverage;
}

/** Placeholder for one action or resource segment the catalog cannot list. */
const ANY = 'ANY';
const OPEN = { openContext: true } as const;
const MAX_DENY_PATTERNS = 4;

interface Candidate {
  readonly key: string;
  readonly request: AccessRequest;
  readonly pattern?: string;
  readonly representative?: string;
}

/** How much a decision allows: unconditional > allowed unless a deny condition holds > allowed if conditions hold > not. */
function level(a: AccessAnswer, strict: boolean): number | undefined {
  // Unknown only because of a policy of unknown content: compare what every other policy decides (unless the
  // question is about that policy: the request that stands for what it may grant).
  if (a.decision === Decision.UNKNOWN) {
    if (strict) return undefined;
    return a.decisionWithoutOpenPolicies === Decision.ALLOW ? 3 : a.decisionWithoutOpenPolicies === Decision.IMPLICIT_DENY ? 0 : undefined;
  }
  if (a.decision !== Decision.ALLOW) return 0;
  if (a.openConditions.some(c => c.startsWith('allow if'))) return 1;
  return a.openConditions.length ? 2 : 3;
}

/** Conditions without the "(policy#statement)" that says where they come from: moving a statement is no change. */
function conditionsOf(a: { openConditions: readonly string[] }): string[] {
  return [...new Set(a.openConditions.map(c => c.replace(/ \([^()]*#\d+\)$/, '')))].sort();
}

export function diffModels(before: AccessModel, after: AccessModel): AccessDiff {
  const keys = new Map<string, { before?: Principal; after?: Principal }>();
  for (const p of before.principals) keys.set(p.key, { before: p });
  for (const p of after.principals) keys.set(p.key, { ...keys.get(p.key), after: p });
  const fpBefore = new Map<string, string>();
  const fpAfter = new Map<string, string>();
  const candidatesOf = new Map<string, Candidate[]>();
  const notCovered = new Set<string>();
  const memoBefore = new Map<string, Map<number, EvaluationResult>>();
  const memoAfter = new Map<string, Map<number, EvaluationResult>>();
  const actionsSeen = new Set<string>();
  const patternsSeen = new Set<string>();
  let decided = 0;
  let changedPrincipals = 0;
  const changes: PrincipalAccessChange[] = [];
  const toRecheck: Array<{ entry: AccessChangeEntry; b?: Principal; a?: Principal }> = [];

  for (const { before: b, after: a } of keys.values()) {
    const pb = b ? before.policiesOf(b) : [];
    const pa = a ? after.policiesOf(a) : [];
    const sb = b ? projectScopes(before, b) : new Map<string, string>();
    const sa = a ? projectScopes(after, a) : new Map<string, string>();
    const delta = changedPolicies(pb, pa, fpBefore, fpAfter, sb, sa);
    if (!delta.length) continue;
    // Project-scoped grants decide differently per project: ask in each project named, and in any other one.
    const projects: Array<string | undefined> = [undefined];
    const named = new Set([...sb.values(), ...sa.values()].flatMap(v => v.split('\n')).filter(x => x.startsWith('project ')).map(x => x.slice(8)));
    if (named.size) projects.push(...[...named].sort(), OTHER_PROJECT);
    changedPrincipals++;
    const seen = new Set<string>();
    const cands: Candidate[] = [];
    for (const d of delta) {
      let list = candidatesOf.get(d.key);
      if (!list) {
        list = relevantCandidates(d, before, after, notCovered);
        candidatesOf.set(d.key, list);
      }
      for (const c of list) {
        if (!seen.has(c.key)) {
          seen.add(c.key);
          cands.push(c);
        }
      }
    }
    const entry: Record<Exclude<keyof PrincipalAccessChange, 'principal'>, AccessChangeEntry[]> = {
      granted: [], revoked: [], possiblyGranted: [], conditionsChanged: [], limitChanges: [],
    };
    const reported = new Set<string>();
    for (const project of projects) {
      for (const c of cands) {
        if (project !== undefined && reported.has(c.key)) continue;
        decided++;
        actionsSeen.add(c.request.action.toLowerCase());
        if (c.pattern) patternsSeen.add(c.pattern);
        const opts = project === undefined ? OPEN : { ...OPEN, project };
        const x = b ? before.can(b, c.request, opts, project === undefined ? memo(memoBefore, c.key) : undefined) : undefined;
        const y = a ? after.can(a, c.request, opts, project === undefined ? memo(memoAfter, c.key) : undefined) : undefined;
        const strict = c.representative === '*';
        const lx = x ? level(x, strict) : 0;
        const ly = y ? level(y, strict) : 0;
        const cx = x ? conditionsOf(x) : [];
        const cy = y ? conditionsOf(y) : [];
        if (lx === ly && cx.join('\n') === cy.join('\n')) continue;
        const dx = x?.decision ?? Decision.IMPLICIT_DENY;
        const dy = y?.decision ?? Decision.IMPLICIT_DENY;
        const witness: Witness = {
          action: c.request.action,
          resource: c.request.resource,
          context: {},
          openContext: true,
          ...(project !== undefined ? { project } : {}),
          before: dx,
          after: dy,
          beforeConditions: cx,
          afterConditions: cy,
        };
        const base = { service: c.request.action.split(':')[0].toLowerCase(), action: c.request.action, resource: c.pattern, representative: c.representative, witness };
        let e: AccessChangeEntry;
        if (LIMIT_ACTIONS.has(c.request.action.toLowerCase())) {
          entry.limitChanges.push(e = { ...base, conditions: cy.length ? cy : cx });
        } else if (ly === undefined || lx === undefined) {
          if (ly === undefined && lx !== 3) entry.possiblyGranted.push(e = { ...base, conditions: cy });
          else continue; // unknown before: what changed cannot be told; reported through coverage
        } else if (ly > lx) {
          entry.granted.push(e = { ...base, conditions: cy });
        } else if (ly < lx) {
          entry.revoked.push(e = { ...base, conditions: cx });
        } else {
          entry.conditionsChanged.push(e = { ...base, conditions: cy });
        }
        reported.add(c.key);
        toRecheck.push({ entry: e, b, a });
      }
    }
    const sort = (l: AccessChangeEntry[]) => l.sort((p, q) => compareText(p.action, q.action) || compareText(p.resource ?? '', q.resource ?? ''));
    if (Object.values(entry).some(l => l.length)) {
      changes.push({
        principal: describePrincipal((a ?? b)!),
        granted: sort(entry.granted),
        revoked: sort(entry.revoked),
        possiblyGranted: sort(entry.possiblyGranted),
        conditionsChanged: sort(entry.conditionsChanged),
        limitChanges: sort(entry.limitChanges),
      });
    }
  }
  // Re-check every witness without the memos: the same evaluator must still decide it differently.
  for (const { entry, b, a } of toRecheck) {
    const req = { action: entry.witness.action, resource: entry.witness.resource };
    const opts = entry.witness.project === undefined ? OPEN : { ...OPEN, project: entry.witness.project };
    const dx = b ? before.can(b, req, opts).decision : Decision.IMPLICIT_DENY;
    const dy = a ? after.can(a, req, opts).decision : Decision.IMPLICIT_DENY;
    if (dx !== entry.witness.before || dy !== entry.witness.after) {
      throw new Error(`internal error: diff witness ${entry.action} ${entry.resource ?? ''} is not reproducible (${dx}/${dy})`);
    }
  }
  changes.sort((x, y) => compareText(x.principal, y.principal));
  const count = (k: keyof Omit<PrincipalAccessChange, 'principal'>) => changes.reduce((n, c) => n + c[k].length, 0);
  return {
    changes,
    grantedCount: count('granted'),
    revokedCount: count('revoked'),
    possiblyGrantedCount: count('possiblyGranted'),
    conditionsChangedCount: count('conditionsChanged'),
    limitChangeCount: count('limitChanges'),
    coverage: {
      principalsCompared: keys.size,
      principalsWithChangedPolicies: changedPrincipals,
      requestsDecided: decided,
      actions: actionsSeen.size,
      resourcePatterns: patternsSeen.size,
      notCovered: [...notCovered].sort(),
      complete: notCovered.size === 0,
      witnessesRechecked: toRecheck.length,
    },
  };
}

/** Per request, the result of each policy (sparse: a request meets few of the policies). */
function memo(map: Map<string, Map<number, EvaluationResult>>, key: string): Map<number, EvaluationResult> {
  let m = map.get(key);
  if (!m) map.set(key, m = new Map());
  return m;
}

function fingerprint(p: PolicyEntity): string {
  return p.parsed ? minifiedDocument(p.parsed) : `opaque:${p.unknownReason ?? ''}`;
}

interface PolicyDelta {
  readonly key: string;
  readonly before?: PolicyEntity;
  readonly after?: PolicyEntity;
  /** Same document, other scopes: every request it speaks about may be decided differently somewhere. */
  readonly scopeOnly?: boolean;
}

/** A request made in a project that no scoped grant names. */
const OTHER_PROJECT = '(any other project)';

/** Per policy, the scopes it reaches the principal in (sorted, one per line; `all` when a binding has none). */
function projectScopes(model: AccessModel, principal: Principal): Map<string, string> {
  const out = new Map<string, Set<string>>();
  for (const b of model.bindings(principal)) {
    const sc = b.attachment.scope;
    const text = !sc || sc.kind !== 'project' ? 'all' : `project ${sc.id ?? ''}`;
    let set = out.get(b.policy.key);
    if (!set) out.set(b.policy.key, set = new Set());
    set.add(text);
  }
  return new Map([...out].map(([k, v]) => [k, v.has('all') ? 'all' : [...v].sort().join('\n')]));
}

/**
 * The requests on which a changed policy answers differently before and after (an added or removed policy: where
 * it answers anything). Only there can a principal's decision change because of it. Shared by every principal.
 */
function relevantCandidates(d: PolicyDelta, before: AccessModel, after: AccessModel, notCovered: Set<string>): Candidate[] {
  const all = new Map<string, Candidate>();
  if (d.before) for (const c of policyCandidates(before, d.before, notCovered)) all.set(c.key, c);
  if (d.after) for (const c of policyCandidates(after, d.after, notCovered)) all.set(c.key, c);
  // Added or removed: every request its statements name is one it answers (a statement always matches its own).
  if (!d.before || !d.after || d.scopeOnly) return [...all.values()];
  const out: Candidate[] = [];
  for (const c of all.values()) {
    const x = d.before ? before.compiledPolicy(d.before).evaluate(c.request, OPEN) : undefined;
    const y = d.after ? after.compiledPolicy(d.after).evaluate(c.request, OPEN) : undefined;
    const silent = (r?: EvaluationResult) => !r || (r.allow === 'no' && r.deny === 'no');
    if (x && y ? !sameResult(x, y) : !silent(x ?? y)) out.push(c);
  }
  return out;
}

/** Policies on one side only, or with a different document on the two sides. */
function changedPolicies(pb: readonly PolicyEntity[], pa: readonly PolicyEntity[],
  fpBefore: Map<string, string>, fpAfter: Map<string, string>,
  scopesBefore: ReadonlyMap<string, string>, scopesAfter: ReadonlyMap<string, string>): PolicyDelta[] {
  const fp = (cache: Map<string, string>, p: PolicyEntity) => {
    let f = cache.get(p.key);
    if (f === undefined) cache.set(p.key, f = fingerprint(p));
    return f;
  };
  const inA = new Map(pa.map(p => [p.key, p]));
  const inB = new Map(pb.map(p => [p.key, p]));
  const out: PolicyDelta[] = [];
  for (const p of pb) {
    const q = inA.get(p.key);
    if (!q) out.push({ key: `b|${p.key}`, before: p });
    else if (fp(fpBefore, p) !== fp(fpAfter, q)) out.push({ key: `ba|${p.key}`, before: p, after: q });
    // The same document reaching the principal in other scopes (one project to every project) is a change too.
    else if ((scopesBefore.get(p.key) ?? '') !== (scopesAfter.get(p.key) ?? '')) out.push({ key: `s|${p.key}`, before: p, after: q, scopeOnly: true });
  }
  for (const p of pa) if (!inB.has(p.key)) out.push({ key: `a|${p.key}`, after: p });
  return out;
}


/**
 * Every request a policy speaks about: each statement's actions (expanded through the catalog) on that statement's
 * resource patterns; a Deny's actions also on every resource pattern of its policy (a Deny on `*` removes grants on
 * narrower patterns).
 */
function policyCandidates(model: AccessModel, p: PolicyEntity, notCovered: Set<string>): Candidate[] {
  const dialect = DIALECT_OF[p.cloud];
  const out = new Map<string, Candidate>();
  const anyAction = p.cloud === 'huawei' ? `${ANY}:${ANY}:${ANY}` : `${ANY}:${ANY}`;
  const add = (action: string, resource: string, representative?: string) => {
    const concrete = resource === '*' ? undefined : concreteResource(resource);
    const key = `${action.toLowerCase()}\u0000${concrete ?? ''}`;
    if (!out.has(key)) out.set(key, { key, request: { action, resource: concrete }, pattern: concrete ? resource : undefined, representative });
  };
  if (!p.parsed) {
    // Unknown content: one request stands for all it may grant.
    notCovered.add(`${p.cloud} policy ${p.name}: ${p.unknownReason ?? 'content unknown'}`);
    add(anyAction, '*', '*');
    return [...out.values()];
  }
  const allResources = new Set<string>();
  for (const st of p.parsed.statements) for (const r of [...(st.resources ?? []), ...(st.notResources ?? [])]) allResources.add(r.text);
  for (const st of p.parsed.statements) {
    const actions = new Map<string, string | undefined>();
    if (st.actions === undefined) {
      model.catalog.services(dialect).forEach(s => s.actions.forEach(a => actions.set(a.name, undefined)));
      actions.set(anyAction, `all actions but ${st.notActions!.map(n => n.text).join(', ')}`);
      notCovered.add(`${p.name}: NotAction grants actions the catalog does not list; checked by one representative action`);
    }
    for (const pat of [...(st.actions ?? []), ...(st.notActions ?? [])]) {
      const exp = model.catalog.expandAction(dialect, pat.normalized);
      exp.actions.forEach(a => {
        if (p.kind === 'platform' || !PLATFORM_SERVICES.has(a.service.toLowerCase())) actions.set(a.name, undefined);
      });
      if (!exp.catalogComplete) {
        if (/[*?]/.test(pat.text)) {
          actions.set(concreteResource(pat.text), pat.text);
          notCovered.add(`${pat.text}: the catalog cannot list its actions; checked by one representative action (${concreteResource(pat.text)})`);
        } else if (!exp.actions.length) {
          actions.set(pat.text, undefined);
        }
      }
    }
    const own = [...(st.resources ?? []), ...(st.notResources ?? [])].map(r => r.text);
    // A Deny on every resource also removes grants on narrower patterns of its policy (bounded: few patterns).
    const widen = st.effect === 'Deny' && own.some(r => /^[*:]*$/.test(r.replace(/^acs:|^trn:/, '')));
    if (widen && allResources.size > MAX_DENY_PATTERNS) notCovered.add(`${p.name}#${st.index}: a Deny on every resource compared on ${MAX_DENY_PATTERNS}+ narrower patterns of its policy only as "every resource"`);
    const resources = widen && allResources.size <= MAX_DENY_PATTERNS ? ['*', ...allResources] : own;
    if (!resources.length) resources.push('*');
    for (const [action, representative] of actions) for (const r of resources) add(action, r, representative);
  }
  return [...out.values()];
}

/** Whether two per-policy results can lead to different decisions. */
function sameResult(x: EvaluationResult, y: EvaluationResult): boolean {
  return x.allow === y.allow && x.deny === y.deny && conditionsOf(x).join('\n') === conditionsOf(y).join('\n');
}

/** One line of text for an entry: "pairec:ListInstances on acs:... if ...". */
export function changeEntryText(e: AccessChangeEntry): string {
  const on = e.resource ? ` on ${e.resource}` : '';
  const rep = e.representative ? ` (stands for ${e.representative})` : '';
  const when = e.conditions.length ? ` ${e.conditions.join('; ')}` : '';
  return `${e.action}${rep}${on}${when}`;
}
