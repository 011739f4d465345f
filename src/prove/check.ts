/**
 * `aiam check --prove`: the properties some rules approximate syntactically, proven over every request or broken
 * by a witness. Each property names what it quantifies over; docs/prove.md lists them.
 */
import type { Bool } from 'z3-solver';
import { effectivePolicies } from './diff';
import type { RequestSpace } from './encode';
import { refersTo } from './platform';
import { globsMeet, policySetKey, ProofResult, ProofStatus, ProveOptions, solve } from './prove';
import type { Z3 } from './z3';
import { DIALECT_OF } from '../model/build';
import { AccessModel, describePrincipal } from '../model/model';
import type { Principal } from '../model/types';
import { compilePolicies, isOpaquePolicy, PolicyInput } from '../policy/evaluate';
import { compareText } from '../policy/order';
import type { ParsedPolicy } from '../policy/parse';
import { AccessRequest, Decision, Dialect } from '../policy/types';

export enum PropertyId {
  /** No principal outside the designated admins is allowed every request. */
  FULL_ADMIN = 'no-full-admin',
  /** No non-admin may call an IAM write action on a principal other than itself. */
  IAM_WRITE = 'no-iam-write-on-others',
  /** Nobody but a veMLP queue's admins manages its members. */
  QUEUE_MEMBERS = 'queue-members-by-admins-only',
}

export type PropertyStatus = 'holds' | 'violated' | 'not-proven';

export interface PropertyResult {
  readonly property: PropertyId;
  readonly principal: string;
  readonly status: PropertyStatus;
  readonly message: string;
  readonly witness?: AccessRequest;
  readonly reason?: string;
}

export interface CheckProofReport {
  readonly results: readonly PropertyResult[];
  readonly holds: number;
  readonly violated: number;
  readonly notProven: number;
}

interface QueueSettings {
  readonly queueId: string;
  readonly developerGroup: string;
  readonly adminGroup: string;
  readonly admins?: Array<{ kind: string; name: string }>;
}

/** IAM write actions, as lower-case globs per dialect. */
const IAM_WRITE: Record<Dialect, string[]> = {
  [Dialect.ALIBABA_RAM]: ['create', 'update', 'delete', 'attach', 'detach', 'add', 'remove', 'set', 'bind', 'unbind', 'change', 'reset', 'put']
    .map(v => `ram:${v}*`),
  [Dialect.VOLCENGINE_IAM]: ['create', 'update', 'delete', 'attach', 'detach', 'add', 'remove', 'set', 'reset', 'put']
    .map(v => `iam:${v}*`),
  [Dialect.HUAWEI_IAM]: ['create', 'update', 'delete', 'add', 'remove', 'grant', 'revoke', 'put', 'set', 'reset']
    .map(v => `iam:*:${v}*`),
};

/** Principal resources of another principal; Huawei IAM has no resource-level authorization (any request). */
function principalResources(dialect: Dialect): string[] | undefined {
  if (dialect === Dialect.ALIBABA_RAM) return ['acs:ram:*:*:user/*', 'acs:ram:*:*:group/*', 'acs:ram:*:*:role/*'];
  if (dialect === Dialect.VOLCENGINE_IAM) return ['trn:iam::*:user/*', 'trn:iam::*:group/*', 'trn:iam::*:role/*'];
  return undefined;
}

function selfResources(dialect: Dialect, p: Principal): string[] {
  if (!p.name) return [];
  if (dialect === Dialect.ALIBABA_RAM) return [`acs:ram:*:*:${p.kind}/${p.name}`];
  if (dialect === Dialect.VOLCENGINE_IAM) return [`trn:iam::*:${p.kind}/${p.name}`];
  return [];
}

function isAdmin(model: AccessModel, admins: ReadonlySet<string>, p: Principal): boolean {
  const specs = [p, ...(p.kind === 'user' ? model.groups(p) : [])].flatMap(x => [x.key, `${x.kind}/${x.name}`]);
  return specs.some(s => admins.has(s));
}

function parsed(ps: readonly PolicyInput[]): ParsedPolicy[] {
  return ps.filter((p): p is ParsedPolicy => !isOpaquePolicy(p));
}

const unknownIn = (ps: readonly PolicyInput[]) => ps.find(isOpaquePolicy);

/** "Some request of this shape is allowed": a witness is a violation, a proof that none is means the property holds. */
async function findAllowed(dialect: Dialect, policies: readonly PolicyInput[], actions: readonly string[],
  shape: (z: Z3, sp: RequestSpace) => Bool<'main'>[], options: ProveOptions): Promise<ProofResult> {
  const opaque = unknownIn(policies);
  if (opaque) return { status: ProofStatus.NOT_PROVEN, reason: `content unknown: policy ${opaque.name}` };
  // Statements whose actions cannot be among `actions` are false for every request asked about: leave them out.
  const set = parsed(policies).map(p => ({
    ...p,
    statements: p.statements.filter(st => !st.actions
    || st.actions.some(a => actions.some(g => globsMeet(g, a.normalized)))),
  })).filter(p => p.statements.length > 0);
  const compiled = compilePolicies(dialect, policies);
  const confirm = (r: AccessRequest) => compiled.evaluate(r).decision === Decision.ALLOW;
  return solve({ dialect, sets: [set], goal: (z, sp) => [sp.allows(set), ...shape(z, sp)], confirm }, options);
}

export async function proveProperties(model: AccessModel, designatedAdmins: readonly string[] = [],
  options: ProveOptions = {}): Promise<CheckProofReport> {
  const admins = new Set([...designatedAdmins, ...model.designatedAdmins]);
  const results: PropertyResult[] = [];
  const cache = new Map<string, Promise<ProofResult>>();
  const cached = (key: string, run: () => Promise<ProofResult>) => {
    let p = cache.get(key);
    if (!p) cache.set(key, p = run());
    return p;
  };
  const push = (property: PropertyId, p: Principal, r: ProofResult, violatedWhen: ProofStatus, messages: { holds: string; violated: string }) => {
    const principal = describePrincipal(p);
    if (r.status === ProofStatus.NOT_PROVEN) {
      results.push({ property, principal, status: 'not-proven', message: `not proven (${r.reason})`, reason: r.reason });
    } else if (r.status === violatedWhen) {
      results.push({ property, principal, status: 'violated', message: messages.violated, ...(r.witness ? { witness: r.witness } : {}) });
    } else {
      results.push({ property, principal, status: 'holds', message: messages.holds });
    }
  };

  for (const p of model.principals) {
    if (p.kind === 'group' || isAdmin(model, admins, p)) continue;
    const dialect = DIALECT_OF[p.cloud];
    const policies = effectivePolicies(model, p);
    const setKey = policySetKey(dialect, policies);

    // 1. Allowed every request (no context): violated when no request is denied.
    const denied = await cached(`1 ${setKey}`, async () => {
      const opaque = unknownIn(policies);
      if (opaque) return { status: ProofStatus.NOT_PROVEN, reason: `content unknown: policy ${opaque.name}` };
      const set = parsed(policies);
      const compiled = compilePolicies(dialect, policies);
      return solve({
        dialect,
        sets: [set],
        goal: (z, sp) => [z.Not(sp.allows(set)), ...sp.absentContext()],
        confirm: r => compiled.evaluate(r).decision !== Decision.ALLOW,
      }, options);
    });
    push(PropertyId.FULL_ADMIN, p, denied, ProofStatus.PROVEN, {
      holds: 'some request is denied',
      violated: 'every action on every resource is allowed (proven), and the principal is not a designated admin',
    });

    // 2. IAM writes on other principals. Without the self exclusion first: the answer is then shared by equal sets.
    const writes = IAM_WRITE[dialect];
    const targets = principalResources(dialect);
    const shape = (self: string[]) => (z: Z3, sp: RequestSpace) => [
      sp.actionIn(writes),
      ...(targets ? [sp.hasResource, sp.resourceIn(targets)] : []),
      ...(self.length ? [z.Not(sp.resourceIn(self))] : []),
    ];
    let iam = await cached(`2 ${setKey}`, () => findAllowed(dialect, policies, writes, shape([]), options));
    const self = selfResources(dialect, p);
    if (iam.status === ProofStatus.WITNESS && self.length) iam = await findAllowed(dialect, policies, writes, shape(self), options);
    push(PropertyId.IAM_WRITE, p, iam, ProofStatus.WITNESS, {
      holds: 'no IAM write action on another principal is allowed',
      violated: `an IAM write action on another principal is allowed, e.g. ${iam.witness ? `${iam.witness.action} on ${iam.witness.resource ?? '(no resource)'}` : ''}`,
    });

    // 3. veMLP queues: managing the members (the developer group, the queue itself) is for the queue's admins.
    if (dialect !== Dialect.VOLCENGINE_IAM) continue;
    for (const e of model.settings) {
      if (e.envelope.kind !== 'vemlp-queue') continue;
      const s = e.envelope.settings as unknown as QueueSettings;
      if ((s.admins ?? []).some(r => refersTo(model, r, p)) || model.groups(p).some(g => g.name === s.adminGroup)) continue;
      const manage = ['vemlp-platform:queueadmin', 'iam:addusertogroup', 'iam:removeuserfromgroup'];
      const r = await cached(`3 ${s.queueId} ${setKey}`, () => findAllowed(dialect, policies, manage, (z, sp) => [z.Or(
        z.And(sp.actionIn([manage[0]]), sp.hasResource, sp.resourceIn([`trn:vemlp-platform:*:*:queue/${s.queueId}`])),
        z.And(sp.actionIn(manage.slice(1)), sp.hasResource, sp.resourceIn([`trn:iam::*:group/${s.developerGroup}`])),
      )], options));
      push(PropertyId.QUEUE_MEMBERS, p, r, ProofStatus.WITNESS, {
        holds: `cannot manage the members of queue ${s.queueId}`,
        violated: `can manage the members of queue ${s.queueId} without being its admin, e.g. ${r.witness ? `${r.witness.action} on ${r.witness.resource ?? '(no resource)'}` : ''}`,
      });
    }
  }
  results.sort((a, b) => compareText(a.property, b.property) || compareText(a.principal, b.principal));
  return {
    results,
    holds: results.filter(r => r.status === 'holds').length,
    violated: results.filter(r => r.status === 'violated').length,
    notProven: results.filter(r => r.status === 'not-proven').length,
  };
}
