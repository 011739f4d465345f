/**
 * The access model and its queries. Every policy is compiled once, on its own, and shared by every principal it is
 * attached to; a principal's decision combines the results of its policies (combineResults), so who-can over
 * thousands of principals evaluates each policy once per question.
 */
import { AccessLevel, Catalog, editDistance } from '../catalog';
import { DIALECT_OF, ModelParts } from './build';
import type { InputKind, LoadedInput } from './input';
import { PLATFORM_SERVICES } from './platform-grants';
import { settingsOfStacks } from './settings-changes';
import {
  AssignmentScope, Attachment, Cloud, DeclaredSuppression, Membership, ModelFinding, PaiWorkspaceMember, PlatformSettingsEntry,
  PolicyEntity, Principal, SkippedResource,
} from './types';
import { describeCondition } from '../policy/conditions';
import { applicabilityRank, combineDecision, combineResults, compilePolicies, CompiledPolicySet, decisionOfRanks, EvaluateOptions, EvaluationResult } from '../policy/evaluate';
import { compareText } from '../policy/order';
import { isWildcardOnly } from '../policy/parse';
import { AccessRequest, Decision, Dialect, StatementRef } from '../policy/types';
import { renderUnknowns } from '../policy/unknown';
import { compileWildcard } from '../policy/wildcard';

/** How a policy reaches a principal: directly, or through a group. */
export interface PolicyBinding {
  readonly policy: PolicyEntity;
  readonly attachment: Attachment;
  /** The group the policy is attached to, when inherited. */
  readonly viaGroup?: Principal;
  readonly membership?: Membership;
}

/** One link of "principal → group → attachment → policy → statement". */
export interface ChainStep {
  readonly principal: string;
  readonly viaGroup?: string;
  readonly membership?: string;
  readonly attachment: string;
  readonly scope?: string;
  readonly policy: string;
  readonly policyKind: PolicyEntity['kind'];
  readonly statement: number;
  readonly effect?: 'Allow' | 'Deny';
}

export interface AccessAnswer {
  readonly principal: Principal;
  readonly request: AccessRequest;
  readonly decision: Decision;
  /**
   * Policies whose content is unknown (system policy without a document, document known only after apply) that
   * can still apply to this request: only those of the principal's cloud, and of the services the catalog says
   * they cover. Empty when none is open.
   */
  readonly openPolicies: readonly string[];
  /**
   * With open policies, the decision of every other policy: `allow` reads "allow unless <open> denies",
   * `implicit-deny` "deny unless <open> allows". Undefined when the other policies are undecided too.
   */
  readonly decisionWithoutOpenPolicies?: Decision;
  readonly chain: readonly ChainStep[];
  readonly unresolved: readonly string[];
  readonly openConditions: readonly string[];
  readonly reasons: readonly string[];
}

export interface Grant {
  readonly action: string;
  readonly accessLevel?: AccessLevel;
  /** Resource patterns the grant covers. */
  readonly resources: readonly string[];
  /** Conditions that must hold, in words; empty when unconditional. */
  readonly conditions: readonly string[];
  readonly policies: readonly string[];
  /** Where the grant applies, when every policy granting it is scoped (`project ml`, `resource-group rg-1`...). */
  readonly scopes?: readonly string[];
}

export interface ServicePermissions {
  readonly service: string;
  readonly inCatalog: boolean;
  readonly catalogComplete: boolean;
  readonly grants: readonly Grant[];
  /** Action patterns whose actions the catalog cannot list in full ("and N unknown actions"). */
  readonly unlistedPatterns: readonly string[];
}

export interface PrincipalPermissions {
  readonly principal: Principal;
  readonly services: readonly ServicePermissions[];
  /** Policies whose content is unknown: what they grant cannot be listed. */
  readonly unknownPolicies: readonly string[];
  readonly unknownActionCount: number;
}

export interface WhoCanEntry {
  readonly answer: AccessAnswer;
  /** The request named no resource and the grant is only on these resource patterns. */
  readonly resources?: readonly string[];
}

export interface WhoCanResult {
  /** Allowed (or unknown) principals. */
  readonly able: readonly WhoCanEntry[];
  /** Principals an explicit Deny stops: never listed as able. */
  readonly denied: readonly AccessAnswer[];
  /** What the answer assumed about the request. */
  readonly assumed: { readonly resource: string; readonly context: string | { readonly [key: string]: string | string[] } };
}

/** A request resource for a resource pattern: each wildcard run stands for the segment `ANY`. */
export function concreteResource(pattern: string): string {
  return pattern.replace(/[*?]+/g, 'ANY');
}

/** Options of a question to the model. */
export interface QueryOptions extends EvaluateOptions {
  /**
   * The project the request is made in (a Huawei region project, a Volcengine project). Grants scoped to another
   * project do not apply; grants to all projects, the domain or an enterprise project do (huawei-iam.md §4); a grant
   * whose scope is unknown (a variable) makes what it would decide unknown. Unset: every scope.
   */
  readonly project?: string;
}

/** Whether a binding applies to a request in `project`: undefined when its scope is unknown (a variable, known after apply). */
function inScope(b: PolicyBinding, project: string): boolean | undefined {
  const scope = b.attachment.scope;
  if (scope?.kind === 'unknown') return undefined;
  return scope === undefined || scope.kind !== 'project' || scope.id === project;
}

/** A policy that may or may not apply (unknown scope): what it would decide becomes unknown. */
function uncertain(r: EvaluationResult, reason: string): EvaluationResult {
  if (r.allow === 'no' && r.deny === 'no') return r;
  return {
    decision: Decision.UNKNOWN,
    allow: r.allow === 'no' ? 'no' : 'unknown',
    deny: r.deny === 'no' ? 'no' : 'unknown',
    matched: r.matched,
    unresolved: [...r.unresolved, reason],
    openConditions: [],
    get reasons() {
      return r.reasons;
    },
  };
}

export function describeScope(scope: AssignmentScope): string {
  return scope.kind === 'unknown' ? `unknown scope (${scope.reason ?? 'known only after apply'})` : `${scope.kind}${scope.id ? ` ${scope.id}` : ''}`;
}

/** What a model keeps of its input: the raw resources are released once the model is built (issue 16). */
export interface InputSummary {
  readonly kind: InputKind;
  readonly path: string;
  /** A plan's prior settings entries (the "before" side of API-key moves); undefined for other inputs. */
  readonly priorSettings?: readonly PlatformSettingsEntry[];
}

export function summarizeInput(input: LoadedInput | InputSummary | undefined): InputSummary | undefined {
  if (!input || !('stacks' in input)) return input;
  return { kind: input.kind, path: input.path, ...(input.priorStacks ? { priorSettings: settingsOfStacks(input.priorStacks) } : {}) };
}

export class PrincipalNotFoundError extends Error {
  constructor(readonly spec: string, readonly candidates: readonly string[]) {
    super(`no principal "${spec}" in this input${candidates.length ? `; did you mean ${candidates.slice(0, 3).join(', ')}?` : ''}`);
    this.name = 'PrincipalNotFoundError';
  }
}

export class AccessModel {
  readonly principals: readonly Principal[];
  readonly policies: readonly PolicyEntity[];
  readonly attachments: readonly Attachment[];
  readonly memberships: readonly Membership[];
  readonly paiMembers: readonly PaiWorkspaceMember[];
  readonly settings: readonly PlatformSettingsEntry[];
  readonly findings: readonly ModelFinding[];
  readonly skipped: readonly SkippedResource[];
  readonly suppressions: readonly DeclaredSuppression[];
  /** Principals declared administrators by design by the constructs (`user/NAME`, `group/NAME`). */
  readonly designatedAdmins: ReadonlySet<string>;
  private readonly principalIndex: Map<string, Principal>;
  private readonly policyIndex: Map<string, PolicyEntity>;
  /** Per principal, the ordinals of policiesOf(): the who-can loop reads only these and the memo. */
  private readonly ordinalsOf = new Map<string, readonly number[]>();
  /** policyOrdinals of each principal, by its position in `principals`: built by the first who-can. */
  private ordinalsByPosition?: ReadonlyArray<readonly number[]>;
  /** By ordinal: 1 for a policy of unknown content. */
  private opaqueByOrdinal = new Uint8Array(0);
  /** By ordinal: the last principal whose list took the policy (dedupe without a Set per principal). */
  private seenBy = new Int32Array(0);
  private seenStamp = 0;
  private readonly compiled = new Map<string, CompiledPolicySet>();
  private readonly keyChecks = new Map<Dialect, (key: string) => boolean>();
  private readonly keyCheckOnly = new Map<Dialect, QueryOptions>();
  private readonly withKeyChecks = new WeakMap<QueryOptions, Map<Dialect, QueryOptions>>();
  /** Dense index per policy, so per-question memos are arrays. */
  private readonly policyOrdinal = new Map<string, number>();
  /** Memberships by user and attachments by principal: built by the first question, like the lists below. */
  private linksByPrincipal?: { readonly groupsOf: Map<string, Membership[]>; readonly attachmentsOf: Map<string, Attachment[]> };
  private readonly opaqueScopes = new Map<string, Array<(s: string) => boolean> | null>();
  private knownServices?: Map<string, Cloud[]>;
  private lastAction?: string;
  private lastActionIsPlatform = false;

  readonly input?: InputSummary;

  constructor(input: LoadedInput | InputSummary | undefined, parts: ModelParts, readonly catalog: Catalog) {
    this.input = summarizeInput(input);
    this.principalIndex = parts.principals;
    this.policyIndex = parts.policies;
    this.principals = [...parts.principals.values()];
    this.policies = [...parts.policies.values()];
    this.attachments = parts.attachments;
    this.memberships = parts.memberships;
    this.paiMembers = parts.paiMembers;
    this.settings = parts.settings;
    this.findings = parts.findings;
    this.skipped = parts.skipped;
    this.suppressions = parts.suppressions;
    this.designatedAdmins = parts.designatedAdmins;
    // Policies are compiled, and every principal's policies resolved, by the first question that needs them: loading
    // for a graph, a diff of settings or one principal's question does not pay for all of them.
    this.opaqueByOrdinal = new Uint8Array(this.policies.length);
    this.seenBy = new Int32Array(this.policies.length);
    this.policies.forEach((p, i) => {
      this.policyOrdinal.set(p.key, i);
      if (!p.parsed) this.opaqueByOrdinal[i] = 1;
    });
  }

  private get groupsOf(): ReadonlyMap<string, readonly Membership[]> {
    return this.indexedLinks().groupsOf;
  }

  private get attachmentsOf(): ReadonlyMap<string, readonly Attachment[]> {
    return this.indexedLinks().attachmentsOf;
  }

  private indexedLinks(): { readonly groupsOf: Map<string, Membership[]>; readonly attachmentsOf: Map<string, Attachment[]> } {
    if (!this.linksByPrincipal) {
      const groupsOf = new Map<string, Membership[]>();
      const attachmentsOf = new Map<string, Attachment[]>();
      // Indexed loops: iterators allocate a result per step where a function is too large to optimize.
      for (let i = 0; i < this.memberships.length; i++) pushTo(groupsOf, this.memberships[i].userKey, this.memberships[i]);
      for (let i = 0; i < this.attachments.length; i++) pushTo(attachmentsOf, this.attachments[i].principalKey, this.attachments[i]);
      trimLists(groupsOf);
      trimLists(attachmentsOf);
      this.linksByPrincipal = { groupsOf, attachmentsOf };
    }
    return this.linksByPrincipal;
  }

  /** Every principal's policy ordinals, by position in `principals` (who-can reads them all). */
  private get principalOrdinals(): ReadonlyArray<readonly number[]> {
    return (this.ordinalsByPosition ??= this.principals.map(p => this.policyOrdinals(p)));
  }

  principal(key: string): Principal | undefined {
    return this.principalIndex.get(key);
  }

  policy(key: string): PolicyEntity | undefined {
    return this.policyIndex.get(key);
  }

  /**
   * Finds a principal by `user/NAME`, `group/NAME`, `role/NAME` (cloud inferred; `alibaba:user/NAME` to choose),
   * or by Terraform address. Throws PrincipalNotFoundError with suggestions.
   */
  findPrincipal(spec: string): Principal {
    const byAddress = this.principals.filter(p => p.address === spec);
    if (byAddress.length === 1) return byAddress[0];
    const m = /^(?:(alibaba|volcengine|huawei):)?(user|group|role)\/(.+)$/.exec(spec);
    if (m) {
      const found = this.principals.filter(p => p.kind === m[2] && p.name === m[3] && (!m[1] || p.cloud === m[1]));
      if (found.length === 1) return found[0];
      if (found.length > 1) {
        throw new PrincipalNotFoundError(spec, found.map(p => `${p.cloud}:${p.kind}/${p.name}`));
      }
    }
    const needle = spec.split('/').pop()!.toLowerCase();
    let candidates = this.principals.filter(p => (p.name ?? p.address ?? '').toLowerCase().includes(needle)).map(describePrincipal);
    // Typos: the closest names of every cloud (bounded, so long input costs nothing).
    if (!candidates.length && needle.length <= 128) {
      const scored = this.principals.filter(p => p.name)
        .map(p => ({ p, d: editDistance(needle, p.name!.toLowerCase(), 4) }))
        .filter(x => x.d <= Math.max(1, Math.min(3, Math.floor(needle.length / 3))))
        .sort((x, y) => x.d - y.d || compareText(describePrincipal(x.p), describePrincipal(y.p)));
      candidates = scored.map(x => describePrincipal(x.p));
    }
    throw new PrincipalNotFoundError(spec, candidates);
  }

  /** Groups a user belongs to. */
  groups(principal: Principal): Principal[] {
    return (this.groupsOf.get(principal.key) ?? []).map(m => this.principalIndex.get(m.groupKey)).filter((g): g is Principal => !!g);
  }

  /**
   * Every policy that applies to a principal, with how it gets there. Built on demand and not kept: at 100k users
   * the bindings of everyone would hold millions of objects, and only explanations and some rules read them.
   */
  bindings(principal: Principal): readonly PolicyBinding[] {
    const list = this.directBindings(principal);
    if (principal.kind === 'user') {
      for (const m of this.groupsOf.get(principal.key) ?? []) {
        const group = this.principalIndex.get(m.groupKey);
        for (const a of this.attachmentsOf.get(m.groupKey) ?? []) {
          const policy = this.policyIndex.get(a.policyKey);
          if (policy) list.push({ policy, attachment: a, viaGroup: group, membership: m });
        }
      }
    }
    return list;
  }

  /** The policies attached to the principal itself (not through its groups). */
  directBindings(principal: Principal): PolicyBinding[] {
    const list: PolicyBinding[] = [];
    for (const a of this.attachmentsOf.get(principal.key) ?? []) {
      const policy = this.policyIndex.get(a.policyKey);
      if (policy) list.push({ policy, attachment: a });
    }
    return list;
  }

  /** Evaluation options that treat a condition key no catalog knows as unknown, not absent (issue 13). */
  private withKeyCheck(dialect: Dialect, options: QueryOptions | undefined): QueryOptions {
    const check = this.keyChecks.get(dialect) ?? this.keyChecks.set(dialect, k => this.catalog.isKnownConditionKey(dialect, k)).get(dialect)!;
    if (!options) return this.keyCheckOnly.get(dialect) ?? this.keyCheckOnly.set(dialect, { isKnownConditionKey: check }).get(dialect)!;
    if (options.isKnownConditionKey) return options;
    // Kept per options object: rules ask thousands of questions with one options object.
    let byDialect = this.withKeyChecks.get(options);
    if (!byDialect) this.withKeyChecks.set(options, byDialect = new Map());
    return byDialect.get(dialect) ?? byDialect.set(dialect, { ...options, isKnownConditionKey: check }).get(dialect)!;
  }

  /** The compiled form of one policy, built once. */
  compiledPolicy(policy: PolicyEntity): CompiledPolicySet {
    let c = this.compiled.get(policy.key);
    if (!c) {
      c = compilePolicies(policy.dialect, [policy.parsed ?? { name: policy.name, unknownReason: policy.unknownReason ?? 'content unknown' }]);
      this.compiled.set(policy.key, c);
    }
    return c;
  }

  /** The distinct policies that apply to a principal, in the order of its bindings. */
  policiesOf(principal: Principal): readonly PolicyEntity[] {
    return this.policyOrdinals(principal).map(o => this.policies[o]);
  }

  /**
   * policiesOf as policy ordinals, kept per principal: a user's list is its own attachments, then each group's
   * list (kept too, so a group's attachments are looked up once, not once per member).
   */
  private policyOrdinals(principal: Principal): readonly number[] {
    // Kept for groups and roles; a user's list is kept by position (principalOrdinals) and otherwise built again,
    // which is a few lookups: a map of every user would be megabytes at 100k users.
    const user = principal.kind === 'user';
    const cached = user ? undefined : this.ordinalsOf.get(principal.key);
    if (cached) return cached;
    const groups = user ? (this.groupsOf.get(principal.key) ?? []).map(m => this.groupOrdinals(m.groupKey)) : [];
    const stamp = ++this.seenStamp;
    const list: number[] = [];
    const take = (o: number) => {
      if (this.seenBy[o] === stamp) return;
      this.seenBy[o] = stamp;
      list.push(o);
    };
    for (const a of this.attachmentsOf.get(principal.key) ?? []) {
      const o = this.policyOrdinal.get(a.policyKey);
      if (o !== undefined) take(o);
    }
    for (const g of groups) for (const o of g) take(o);
    const result = list.length ? list.slice() : NO_ORDINALS;
    if (!user) this.ordinalsOf.set(principal.key, result);
    return result;
  }

  /** A group's policy ordinals by key (a membership may name a group this input does not define). */
  private groupOrdinals(groupKey: string): readonly number[] {
    const group = this.principalIndex.get(groupKey);
    if (group) return this.policyOrdinals(group);
    const cached = this.ordinalsOf.get(groupKey);
    if (cached) return cached;
    const ordinals = (this.attachmentsOf.get(groupKey) ?? []).map(a => this.policyOrdinal.get(a.policyKey));
    const list = [...new Set(ordinals.filter((o): o is number => o !== undefined))];
    this.ordinalsOf.set(groupKey, list);
    return list;
  }

  /**
   * Can this principal do this? With the chain of every deciding statement. `memo` shares per-policy results
   * between principals asked the same question (who-can).
   */
  can(principal: Principal, request: AccessRequest, options?: QueryOptions,
    memo?: Array<EvaluationResult | undefined> | Map<number, EvaluationResult>): AccessAnswer {
    return this.answer(principal, this.policyOrdinals(principal), request, options, memo);
  }

  /** can() for a principal whose policy ordinals the caller has (who-can walks them by position). */
  private answer(principal: Principal, principalOrdinals: readonly number[], request: AccessRequest, options?: QueryOptions,
    memo?: Array<EvaluationResult | undefined> | Map<number, EvaluationResult>): AccessAnswer {
    const project = options?.project;
    // Bindings are read only with a project (scopes) or for the chain, which is built when first read.
    let bindings = project !== undefined ? this.bindings(principal) : undefined;
    let ordinals = principalOrdinals;
    /** Policies that reach the principal only through bindings of unknown scope, with why. */
    let unsure: Map<string, string> | undefined;
    if (project !== undefined && bindings) {
      const applies = bindings.map(b => inScope(b, project));
      const inProject = bindings.filter((_, i) => applies[i] !== false);
      bindings = inProject;
      ordinals = [...new Set(inProject.map(b => this.policyOrdinal.get(b.policy.key)!))];
      const sure = new Set(inProject.filter(b => inScope(b, project) === true).map(b => b.policy.key));
      for (const b of inProject) {
        if (sure.has(b.policy.key)) continue;
        unsure ??= new Map();
        unsure.set(b.policy.key, `${b.attachment.address ?? b.policy.name}: ${describeScope(b.attachment.scope!)}; it may or may not cover project ${project}`);
      }
    }
    const results: EvaluationResult[] = new Array(ordinals.length);
    let open: PolicyEntity[] | undefined;
    // Pseudo-actions of platform grants are decided by platform policies only: no IAM policy speaks about them.
    const platformAction = this.isPlatformAction(request.action);
    const memoMap = memo instanceof Map ? memo : undefined;
    const memoArray = memo instanceof Map ? undefined : memo;
    // The who-can loop: per policy only its ordinal, the memo and a byte; the entity is read on a memo miss.
    for (let i = 0; i < ordinals.length; i++) {
      const ordinal = ordinals[i];
      let r = memoMap ? memoMap.get(ordinal) : memoArray?.[ordinal];
      if (!r) {
        r = this.policyResult(ordinal, request, options, platformAction);
        if (memoMap) memoMap.set(ordinal, r);
        else if (memoArray) memoArray[ordinal] = r;
      }
      if (this.opaqueByOrdinal[ordinal] && r !== NOT_APPLICABLE) (open ??= []).push(this.policies[ordinal]);
      const why = unsure?.get(this.policies[ordinal].key);
      results[i] = why ? uncertain(r, why) : r;
    }
    const decision = combineDecision(results);
    let without: Decision | undefined;
    if (open && decision === Decision.UNKNOWN) {
      const rest = combineDecision(results.filter((_, i) => this.policies[ordinals[i]].parsed));
      if (rest === Decision.ALLOW || rest === Decision.IMPLICIT_DENY) without = rest;
    }
    // The decision now; what explains it (matched statements, open conditions, the chain) when first read.
    const openNames = open && decision === Decision.UNKNOWN ? open.map(p => p.name) : EMPTY;
    return new Answer(this, principal, request, decision, results, undefined, bindings, openNames, without);
  }

  /** What one policy (by ordinal) says about the request. */
  private policyResult(ordinal: number, request: AccessRequest, options: QueryOptions | undefined, platformAction: boolean): EvaluationResult {
    const p = this.policies[ordinal];
    // An opaque policy answers "unknown" to everything: keep that to its own cloud and services.
    return (platformAction && p.kind !== 'platform') || (!p.parsed && !this.opaqueApplies(p, request)) ? NOT_APPLICABLE
      : this.compiledPolicy(p).evaluate(request, this.withKeyCheck(p.dialect, options));
  }

  /**
   * who-can's answer for one principal, with no project to scope by: the decision folded from per-policy ranks
   * (`ranks`: allow rank + 1 at 2·ordinal, 0 until the policy's result is in `memo`; deny rank at 2·ordinal + 1), so a
   * principal that cannot allocates nothing and one that can gets an answer that reads its results from the memo when
   * explained. Policies of unknown content go the full way (answer()).
   */
  private quickAnswer(principal: Principal, ordinals: readonly number[], request: AccessRequest, options: QueryOptions | undefined,
    memo: Array<EvaluationResult | undefined>, ranks: Uint8Array): AccessAnswer | undefined {
    let allow = 0;
    let deny = 0;
    for (let i = 0; i < ordinals.length; i++) {
      const at = 2 * ordinals[i];
      if (ranks[at] === 0) {
        const r = memo[ordinals[i]] ??= this.policyResult(ordinals[i], request, options, this.isPlatformAction(request.action));
        if (this.opaqueByOrdinal[ordinals[i]] && r !== NOT_APPLICABLE) return this.answer(principal, ordinals, request, options, memo);
        ranks[at] = 1 + applicabilityRank(r.allow);
        ranks[at + 1] = applicabilityRank(r.deny);
      }
      if (ranks[at] - 1 > allow) allow = ranks[at] - 1;
      if (ranks[at + 1] > deny) deny = ranks[at + 1];
    }
    const decision = decisionOfRanks(allow, deny);
    if (decision === Decision.IMPLICIT_DENY) return undefined;
    return new Answer(this, principal, request, decision, ordinals, memo, undefined, EMPTY, undefined);
  }

  /** Pseudo-actions of platform grants (`bailian-platform:...`); the last answer is kept, as who-can asks 100k times. */
  private isPlatformAction(action: string): boolean {
    if (action !== this.lastAction) {
      this.lastAction = action;
      this.lastActionIsPlatform = PLATFORM_SERVICES.has(action.slice(0, Math.max(0, action.indexOf(':'))).toLowerCase());
    }
    return this.lastActionIsPlatform;
  }

  /**
   * Whether a policy of unknown content can apply to a request: only requests of its own cloud (resource prefix,
   * action shape, services known to that cloud) and, when the catalog lists the services a name-only system
   * policy covers, only those.
   */
  opaqueApplies(policy: PolicyEntity, request: AccessRequest): boolean {
    // No IAM policy, known or not, grants the pseudo-actions of platform grants (docs/platform-grants.md).
    if (PLATFORM_SERVICES.has(request.action.split(':')[0].toLowerCase())) return false;
    const resource = request.resource;
    if (resource?.startsWith('acs:') && policy.cloud !== 'alibaba') return false;
    if (resource?.startsWith('trn:') && policy.cloud !== 'volcengine') return false;
    const parts = request.action.split(':').length;
    if ((parts === 3) !== (policy.cloud === 'huawei')) return false;
    const service = request.action.split(':')[0].toLowerCase();
    const scope = this.opaqueScope(policy);
    if (scope) return scope.some(match => match(service));
    // The catalogs list only some services of each cloud: a service named only by another cloud's catalog may still
    // be this cloud's (vpc, ecs, oss...), so an opaque policy of the principal's cloud stays open for it. Requests are
    // kept to their cloud by who-can (cloudsFor), by the resource prefix and by the action's shape above.
    return true;
  }

  /** The clouds whose catalogs, system policies or this input's policies name a service (lower case). */
  serviceClouds(service: string): readonly Cloud[] {
    this.knownServices ??= knownServices(this.catalog, this.policies);
    return this.knownServices.get(service.toLowerCase()) ?? EMPTY_CLOUDS;
  }

  private opaqueScope(policy: PolicyEntity): Array<(s: string) => boolean> | undefined {
    if (policy.kind !== 'system') return undefined;
    let scope = this.opaqueScopes.get(policy.key);
    if (scope === undefined) {
      const services = this.catalog.systemPolicy(DIALECT_OF[policy.cloud], policy.name)?.services;
      scope = services ? services.map(s => compileWildcard(s.toLowerCase())) : null;
      this.opaqueScopes.set(policy.key, scope);
    }
    return scope ?? undefined;
  }

  /** @internal The chain of an answer, built when first read. */
  chainFor(principal: Principal, bindings: readonly PolicyBinding[], matched: readonly StatementRef[]): ChainStep[] {
    const chain: ChainStep[] = [];
    for (const ref of matched) {
      for (const b of bindings) {
        if (b.policy.name !== ref.policy) continue;
        chain.push({
          principal: describePrincipal(principal),
          viaGroup: b.viaGroup ? describePrincipal(b.viaGroup) : undefined,
          membership: b.membership?.address,
          attachment: b.attachment.address ?? '(attachment)',
          scope: b.attachment.scope ? describeScope(b.attachment.scope) : undefined,
          policy: b.policy.name,
          policyKind: b.policy.kind,
          statement: ref.statement,
          effect: b.policy.parsed?.statements[ref.statement]?.effect,
        });
      }
    }
    return chain;
  }

  /** The clouds a request can be about: from the action's shape and prefix, and the resource prefix. */
  cloudsFor(request: AccessRequest): Cloud[] {
    if (request.resource?.startsWith('acs:')) return ['alibaba'];
    if (request.resource?.startsWith('trn:')) return ['volcengine'];
    if (request.action.split(':').length === 3) return ['huawei'];
    const clouds = this.serviceClouds(request.action.split(':')[0]).filter(c => c !== 'huawei');
    return clouds.length ? [...clouds] : ['alibaba', 'volcengine'];
  }

  /** Every principal of the request's cloud whose decision is not implicit-deny. */
  whoCan(request: AccessRequest, options?: QueryOptions & { clouds?: Cloud[] }): AccessAnswer[] {
    const clouds = new Set(options?.clouds ?? this.cloudsFor(request));
    const memo: Array<EvaluationResult | undefined> = new Array(this.policies.length);
    const ranks = new Uint8Array(2 * this.policies.length);
    const scoped = options?.project !== undefined;
    const out: AccessAnswer[] = [];
    const principals = this.principals;
    const ordinalsAt = this.principalOrdinals;
    for (let i = 0; i < principals.length; i++) {
      const p = principals[i];
      if (!clouds.has(p.cloud)) continue;
      const a = scoped ? this.answer(p, ordinalsAt[i], request, options, memo) : this.quickAnswer(p, ordinalsAt[i], request, options, memo, ranks);
      if (a && a.decision !== Decision.IMPLICIT_DENY) out.push(a);
    }
    return out;
  }

  /**
   * who-can, complete. Principals explicitly denied are returned apart, never as able. Without a resource in the
   * request, a grant on `*` answers for every resource; grants scoped to resource patterns are found too (each
   * pattern decided on a request for that pattern) and returned with those patterns.
   */
  whoCanComplete(request: AccessRequest, options?: QueryOptions & { clouds?: Cloud[] }): WhoCanResult {
    const answers = this.whoCan(request, options);
    const able: WhoCanEntry[] = [];
    const denied: AccessAnswer[] = [];
    for (const a of answers) {
      if (a.decision === Decision.EXPLICIT_DENY) denied.push(a);
      else able.push({ answer: a });
    }
    if (request.resource === undefined) {
      const decided = new Set(answers.map(a => a.principal.key));
      const clouds = new Set(options?.clouds ?? this.cloudsFor(request));
      const scoped = this.resourceScopedGrants(request.action);
      const memos = new Map<string, Array<EvaluationResult | undefined>>();
      for (const p of this.principals) {
        if (decided.has(p.key) || !clouds.has(p.cloud)) continue;
        const patterns = new Set<string>();
        for (const pol of this.policiesOf(p)) scoped.get(pol.key)?.forEach(x => patterns.add(x));
        if (!patterns.size) continue;
        const allowed: string[] = [];
        let first: AccessAnswer | undefined;
        for (const pattern of [...patterns].sort()) {
          let memo = memos.get(pattern);
          if (!memo) memos.set(pattern, memo = new Array(this.policies.length));
          const a = this.can(p, { ...request, resource: concreteResource(pattern) }, options, memo);
          if (a.decision === Decision.ALLOW || a.decision === Decision.UNKNOWN) {
            allowed.push(pattern);
            first ??= a;
          }
        }
        if (first) able.push({ answer: first, resources: allowed });
      }
    }
    return {
      able,
      denied,
      assumed: {
        resource: request.resource ?? 'none given: grants on every resource (`*`) answer for any resource; grants on resource patterns are listed with them',
        context: request.context && Object.keys(request.context).length ? request.context : 'none given: conditions are left open and listed',
      },
    };
  }

  /**
   * Per policy key: the resource patterns (not `*`) of its Allow statements that match the action. A policy absent
   * here allows the action on no particular resource beyond what a request without a resource already shows.
   */
  resourceScopedGrants(action: string): Map<string, string[]> {
    const lower = action.toLowerCase();
    const out = new Map<string, string[]>();
    for (const p of this.policies) {
      for (const st of p.parsed?.statements ?? []) {
        if (st.effect !== 'Allow' || !st.resources) continue;
        const inAction = st.actions ? st.actions.some(a => a.match(lower)) : !st.notActions!.some(a => a.match(lower));
        if (!inAction || (st.actions && st.notActions?.some(a => a.match(lower)))) continue;
        const patterns = st.resources.filter(r => !isWildcardOnly(r)).map(r => r.text);
        if (patterns.length) out.set(p.key, [...(out.get(p.key) ?? []), ...patterns]);
      }
    }
    return out;
  }

  /**
   * Effective permissions of a principal, grouped by service and access level. Allow statements are expanded
   * through the catalog; a Deny that applies to every resource without conditions removes the actions it matches.
   */
  whatCan(principal: Principal): PrincipalPermissions {
    const dialect = DIALECT_OF[principal.cloud];
    const denied: Array<{ match: (action: string) => boolean }> = [];
    /** `scopes` null: some policy grants the action unscoped. */
    const grants = new Map<string, {
      action: string; level?: AccessLevel; resources: Set<string>; conditions: Set<string>; policies: Set<string>; scopes: Set<string> | null;
    }>();
    const unlisted = new Map<string, Set<string>>();
    const unknownPolicies = new Set<string>();
    const policies = new Map<string, PolicyEntity>();
    /** Where each policy applies, when every binding of it is scoped (project, resource group, account...). */
    const scopes = new Map<string, Set<string> | null>();
    for (const b of this.bindings(principal)) {
      policies.set(b.policy.key, b.policy);
      const seen = scopes.get(b.policy.key);
      if (seen === null) continue;
      if (!b.attachment.scope || b.attachment.scope.kind === 'domain') scopes.set(b.policy.key, null);
      else scopes.set(b.policy.key, new Set([...(seen ?? []), describeScope(b.attachment.scope)]));
    }
    const shown = (p: PolicyEntity) => {
      const where = scopes.get(p.key);
      return where ? `${p.name} (in ${[...where].sort().join(', ')})` : p.name;
    };
    for (const p of policies.values()) {
      if (!p.parsed) {
        unknownPolicies.add(`${p.name}: ${p.unknownReason}`);
        continue;
      }
      for (const st of p.parsed.statements) {
        if (st.effect !== 'Deny' || st.conditions.length > 0 || !st.actions) continue;
        if (st.resources && !st.resources.some(r => /^(?:[a-z]+:)?[*:]*$/.test(r.normalized))) continue;
        for (const a of st.actions) denied.push({ match: a.match });
      }
    }
    const allCatalogActions = () => this.catalog.services(dialect).flatMap(sv => sv.actions);
    for (const p of policies.values()) {
      for (const st of p.parsed?.statements ?? []) {
        if (st.effect !== 'Allow') continue;
        const resources = st.resources?.map(r => r.text) ?? ['*'];
        const conditions = st.conditions.map(describeCondition);
        // Alibaba NotAction grants everything but the listed actions; Volcengine NotAction subtracts from Action.
        const patterns = st.actions ?? [];
        const candidates = st.actions === undefined ? allCatalogActions()
          : patterns.flatMap(pattern => this.catalog.expandAction(dialect, pattern.normalized).actions);
        for (const action of candidates) {
          if (p.kind !== 'platform' && PLATFORM_SERVICES.has(action.service.toLowerCase())) continue;
          const lower = action.name.toLowerCase();
          if (st.notActions?.some(n => n.match(lower)) || denied.some(d => d.match(lower))) continue;
          // Unconditional and conditional grants of one action stay apart: merging them would read as conditional.
          const key = conditions.length ? `${lower}|${[...conditions].sort().join('|')}` : lower;
          let g = grants.get(key);
          if (!g) {
            g = {
              action: action.name, level: action.accessLevel, resources: new Set(), conditions: new Set(), policies: new Set(), scopes: new Set(),
            };
            grants.set(key, g);
          }
          resources.forEach(r => g!.resources.add(r));
          conditions.forEach(c => g!.conditions.add(c));
          g.policies.add(shown(p));
          const where = scopes.get(p.key);
          if (!where) g.scopes = null;
          else if (g.scopes) where.forEach(x => g!.scopes!.add(x));
        }
        if (st.actions === undefined) addTo(unlisted, '*', `all actions except ${st.notActions!.map(n => n.text).join(', ')}`);
        for (const pattern of patterns) {
          const exp = this.catalog.expandAction(dialect, pattern.normalized);
          // A literal action the catalog lists is listed in full; only wildcards or unlisted names add unknown actions.
          if (!exp.catalogComplete && (/[*?]/.test(pattern.text) || exp.actions.length === 0)) addTo(unlisted, pattern.normalized.split(':')[0], pattern.text);
        }
      }
    }
    const byService = new Map<string, Grant[]>();
    for (const g of grants.values()) {
      pushTo(byService, g.action.split(':')[0].toLowerCase(), {
        action: g.action,
        accessLevel: g.level,
        resources: [...g.resources],
        conditions: [...g.conditions],
        policies: [...g.policies],
        ...(g.scopes?.size ? { scopes: [...g.scopes].sort() } : {}),
      });
    }
    const services: ServicePermissions[] = [];
    for (const service of new Set([...byService.keys(), ...unlisted.keys()])) {
      const cat = service.includes('*') ? undefined : this.catalog.service(dialect, service);
      services.push({
        service,
        inCatalog: !!cat,
        catalogComplete: cat?.complete ?? false,
        grants: (byService.get(service) ?? []).sort((a, b) => compareText(a.action, b.action)),
        unlistedPatterns: [...(unlisted.get(service) ?? [])].sort(),
      });
    }
    services.sort((a, b) => compareText(a.service, b.service));
    return {
      principal,
      services,
      unknownPolicies: [...unknownPolicies],
      unknownActionCount: services.reduce((n, s) => n + s.unlistedPatterns.length, 0),
    };
  }
}

/** The chain (paths) is built when first read: who-can decides for every principal, output reads fewer. */
class Answer implements AccessAnswer {
  private combined?: EvaluationResult;
  private builtChain?: readonly ChainStep[];
  /**
   * `given`: the results of the principal's policies; or, with `memo`, their ordinals, whose results are in the memo of
   * the who-can question (no array per answer: most answers are never explained).
   */
  constructor(private readonly model: AccessModel, readonly principal: Principal, readonly request: AccessRequest, readonly decision: Decision,
    private readonly given: readonly EvaluationResult[] | readonly number[],
    private readonly memo: ReadonlyArray<EvaluationResult | undefined> | undefined,
    private readonly bindings: readonly PolicyBinding[] | undefined,
    readonly openPolicies: readonly string[], readonly decisionWithoutOpenPolicies: Decision | undefined) {}
  private get result(): EvaluationResult {
    if (!this.combined) {
      const memo = this.memo;
      const results = memo ? (this.given as readonly number[]).map(o => memo[o]!) : this.given as readonly EvaluationResult[];
      this.combined = combineResults(results);
    }
    return this.combined;
  }
  get unresolved(): readonly string[] {
    return this.result.unresolved;
  }
  get openConditions(): readonly string[] {
    return this.result.openConditions;
  }
  get chain(): readonly ChainStep[] {
    return (this.builtChain ??= this.model.chainFor(this.principal, this.bindings ?? this.model.bindings(this.principal), this.result.matched));
  }
  get reasons(): readonly string[] {
    return this.result.reasons;
  }
  toJSON(): object {
    const { principal, request, decision, chain, unresolved, openConditions, reasons, openPolicies, decisionWithoutOpenPolicies } = this;
    return { principal, request, decision, openPolicies, decisionWithoutOpenPolicies, chain, unresolved, openConditions, reasons };
  }
}

const EMPTY: readonly string[] = [];
const EMPTY_CLOUDS: readonly Cloud[] = [];
const NO_ORDINALS: readonly number[] = [];
/** The result of a policy that cannot apply to the request. */
const NOT_APPLICABLE: EvaluationResult = compilePolicies(Dialect.ALIBABA_RAM, []).evaluate({ action: 'none:None' });

/**
 * "allow unless AliyunBSSOrderAccess denies" / "deny unless X allows": an unknown answer said with what is known.
 * Undefined when the answer is not of that form.
 */
export function openDecisionText(a: AccessAnswer): string | undefined {
  if (a.decision !== Decision.UNKNOWN || !a.openPolicies.length || !a.decisionWithoutOpenPolicies) return undefined;
  const names = a.openPolicies.join(' or ');
  return a.decisionWithoutOpenPolicies === Decision.ALLOW ? `allow unless ${names} denies` : `deny unless ${names} allows`;
}

const servicesCache = new WeakMap<Catalog, Map<string, Cloud[]>>();

/** Service prefix → clouds, from the catalogs, the system policies (documents and declared services) and the input. */
function knownServices(catalog: Catalog, policies: readonly PolicyEntity[]): Map<string, Cloud[]> {
  let base = servicesCache.get(catalog);
  if (!base) {
    base = new Map();
    for (const cloud of ['alibaba', 'volcengine', 'huawei'] as Cloud[]) {
      const dialect = DIALECT_OF[cloud];
      const add = (svc: string) => {
        const key = svc.toLowerCase();
        if (/[*?]/.test(key) || key === '') return;
        const list = base!.get(key);
        if (!list) base!.set(key, [cloud]);
        else if (!list.includes(cloud)) list.push(cloud);
      };
      catalog.services(dialect).forEach(s => add(s.service));
      for (const sp of catalog.systemPolicies(dialect)) {
        sp.services?.forEach(add);
        for (const st of (sp.document as { Statement?: Array<{ Action?: unknown; action?: unknown }> } | undefined)?.Statement ?? []) {
          const actions = st.Action ?? st.action;
          for (const a of Array.isArray(actions) ? actions : [actions]) if (typeof a === 'string' && a.includes(':')) add(a.split(':')[0]);
        }
      }
    }
    servicesCache.set(catalog, base);
  }
  const out = new Map([...base].map(([k, v]) => [k, [...v]]));
  for (const p of policies) {
    for (const st of p.parsed?.statements ?? []) {
      for (const a of st.actions ?? []) {
        // A literal service is on the pattern already; a value known only after apply may still name one.
        const svc = a.service ?? (a.unknown ? a.normalized.split(':')[0] : undefined);
        if (!svc || /[*?]/.test(svc)) continue;
        const list = out.get(svc);
        if (!list) out.set(svc, [p.cloud]);
        else if (!list.includes(p.cloud)) list.push(p.cloud);
      }
    }
  }
  return out;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Lists grown by push keep spare capacity (17 slots after the second element): a copy is exact. */
function trimLists<K, V>(map: Map<K, V[]>): void {
  // forEach, not entries(): no [key, value] pair per entry.
  map.forEach((list, k) => {
    if (list.length > 1) map.set(k, list.slice());
  });
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

export function describePrincipal(p: Principal): string {
  // A partly known name prints as Terraform wrote it (`tf-${random_integer.x.result}`), never as an internal marker.
  return `${p.cloud}:${p.kind}/${p.name ?? (p.writtenName !== undefined ? renderUnknowns(p.writtenName) : `(${p.address ?? p.key})`)}`;
}
