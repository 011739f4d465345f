/**
 * Proofs over every request: "nothing AFTER allows is new" (diff) and "no request of this shape is allowed" (checks).
 * A witness from the solver is replayed through the evaluator before anyone sees it; the two models disagreeing is
 * reported as "not proven" with the disagreement, never as a proof or a finding.
 */
import { createHash } from 'crypto';
import type { Bool } from 'z3-solver';
import { NotEncodable, RequestSpace } from './encode';
import { z3, Z3 } from './z3';
import { compilePolicies, isOpaquePolicy, PolicyInput } from '../policy/evaluate';
import { minifiedDocument } from '../policy/parse';
import type { ParsedPolicy, ParsedStatement } from '../policy/parse';
import { AccessRequest, Decision, Dialect } from '../policy/types';

export enum ProofStatus {
  /** Holds for every request in the modelled space (docs/prove.md). */
  PROVEN = 'proven',
  /** A request that breaks the property, confirmed by the evaluator. */
  WITNESS = 'witness',
  /** Neither: the solver gave up or timed out, the input is not fully known, or the two models disagree. */
  NOT_PROVEN = 'not-proven',
}

export interface ProofResult {
  readonly status: ProofStatus;
  /** Why not proven. */
  readonly reason?: string;
  readonly witness?: AccessRequest;
  /** The solver's request was not confirmed by the evaluator: a bug in one of the two models. */
  readonly disagreement?: boolean;
}

export interface ProveOptions {
  /** Per proof, in milliseconds (default 10 s). */
  readonly timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

/** A fingerprint of a policy set: its documents, in any order, under any names. */
export function policySetKey(dialect: Dialect, policies: readonly PolicyInput[]): string {
  const parts = policies.map(policyKey).sort();
  return createHash('sha256').update(dialect).update('\0').update(parts.join('\0')).digest('hex');
}

// Per policy object, once: a principal's set key is then a hash of a few short strings.
const policyKeys = new WeakMap<object, string>();
function policyKey(p: PolicyInput): string {
  let k = policyKeys.get(p);
  if (k === undefined) {
    k = isOpaquePolicy(p) ? `?${p.name}:${p.unknownReason}` : createHash('sha256').update(minifiedDocument(p)).digest('base64');
    policyKeys.set(p, k);
  }
  return k;
}

/** Policies whose content is unknown make every proof about them "not proven". */
function opaqueReason(policies: readonly PolicyInput[]): string | undefined {
  const o = policies.find(isOpaquePolicy);
  return o && isOpaquePolicy(o) ? `policy ${o.name}: ${o.unknownReason}` : undefined;
}

// z3's JavaScript API runs one check at a time per context: proofs queue here.
let queue: Promise<unknown> = Promise.resolve();
function serial<T>(job: () => Promise<T>): Promise<T> {
  const next = queue.then(job, job);
  queue = next.catch(() => undefined);
  return next;
}

export interface Query {
  readonly dialect: Dialect;
  /** The policy sets the goal speaks about, in order. */
  readonly sets: readonly (readonly ParsedPolicy[])[];
  /** Equal keys, equal formulas: the answer is cached. */
  readonly key?: string;
  /** The formula a counterexample satisfies. */
  goal(z: Z3, space: RequestSpace): Bool<'main'>[];
  /** Replays a candidate through the evaluator: true when it is a real counterexample. */
  confirm(request: AccessRequest): boolean;
}

/** Looks for a counterexample: none → proven; one confirmed → witness; otherwise not proven. */
export async function solve(query: Query, options: ProveOptions = {}): Promise<ProofResult> {
  const relaxed = await attempt(query, options, false);
  // Outside the modelled alphabet the relaxed encoding may differ from the evaluator: look again inside it.
  return relaxed.disagreement ? attempt(query, options, true) : relaxed;
}

async function attempt(query: Query, options: ProveOptions, strict: boolean): Promise<ProofResult> {
  const z = await z3();
  return serial(async () => {
    let space: RequestSpace;
    let goal: Bool<'main'>[];
    try {
      space = new RequestSpace(z, query.dialect, query.sets.flat(), strict);
      goal = query.goal(z, space);
    } catch (e) {
      if (e instanceof NotEncodable) return { status: ProofStatus.NOT_PROVEN, reason: `not encoded: ${e.reason}` };
      throw e;
    }
    const solver = new z.Solver();
    solver.set('timeout', options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    solver.add(...space.constraints, ...goal);
    const answer = await solver.check();
    if (answer === 'unsat') return { status: ProofStatus.PROVEN };
    if (answer === 'unknown') {
      const why = solver.reasonUnknown();
      return { status: ProofStatus.NOT_PROVEN, reason: `the solver gave up (${/timeout|canceled/i.test(why) ? 'timeout' : why})` };
    }
    const witness = space.witness(solver.model() as never);
    let confirmed = false;
    try {
      confirmed = query.confirm(witness);
    } catch {
      // e.g. an empty action, which the relaxed encoding allows and the evaluator rejects
    }
    if (!confirmed) {
      return {
        status: ProofStatus.NOT_PROVEN,
        reason: `the SMT model and the evaluator disagree on ${JSON.stringify(witness)}; please report this`,
        witness,
        disagreement: true,
      };
    }
    return { status: ProofStatus.WITNESS, witness };
  });
}

// Principals in the same groups pose the same query once the statements that cannot matter are left out.
const queryCache = new Map<string, Promise<ProofResult>>();

async function cachedSolve(q: Query, options: ProveOptions): Promise<ProofResult> {
  if (!q.key) return solve(q, options);
  const key = `${options.timeoutMs ?? DEFAULT_TIMEOUT_MS}\n${q.key}`;
  let p = queryCache.get(key);
  if (!p) {
    if (queryCache.size >= 10_000) queryCache.clear();
    p = solve(q, options);
    queryCache.set(key, p);
  }
  const r = await p;
  // A witness is replayed for this principal too; the pruned query is the same, so it should hold.
  if (r.status === ProofStatus.WITNESS && !q.confirm(r.witness!)) return solve(q, options);
  return r;
}

function parsedOnly(policies: readonly PolicyInput[]): ParsedPolicy[] {
  return policies.filter((p): p is ParsedPolicy => !isOpaquePolicy(p));
}

/** A statement's meaning as text: equal keys, equal statements (names, order and Sid do not matter). */
function statementKey(st: ParsedStatement): string {
  const list = (ps?: readonly { normalized: string }[]) => ps ? [...new Set(ps.map(p => p.normalized))].sort() : null;
  return JSON.stringify([st.effect, list(st.actions), list(st.notActions), list(st.resources), list(st.notResources),
    st.conditions.map(c => [c.operator, c.keyLower, c.values.map(v => v.text)]).map(x => JSON.stringify(x)).sort()]);
}

/** A filter: statements whose Action patterns share some action with `focus`'s (NotAction: kept). */
function actionsMeet(focus: ParsedStatement): (st: ParsedStatement) => boolean {
  if (!focus.actions || focus.notActions) return () => true;
  const mine = focus.actions.map(p => p.normalized);
  return st => !st.actions || st.actions.some(p => mine.some(m => globsMeet(m, p.normalized)));
}

/**
 * Whether two globs (`*` any run, `?` one character) match some string in common: a search over the product of
 * their automata, states (i, j) = positions in each pattern.
 */
export function globsMeet(p: string, q: string): boolean {
  const seen = new Set<number>();
  const stack: Array<[number, number]> = [[0, 0]];
  const w = q.length + 1;
  while (stack.length) {
    const [i, j] = stack.pop()!;
    if (seen.has(i * w + j)) continue;
    seen.add(i * w + j);
    if (i === p.length && j === q.length) return true;
    if (p[i] === '*') stack.push([i + 1, j]);
    if (q[j] === '*') stack.push([i, j + 1]);
    if (i < p.length && j < q.length) {
      const a = p[i];
      const b = q[j];
      // One character both sides accept: a star stays, anything else moves on.
      if (a === '*' || b === '*' || a === '?' || b === '?' || a === b) {
        stack.push([a === '*' ? i : i + 1, b === '*' ? j : j + 1]);
      }
    }
  }
  return false;
}

function single(dialect: Dialect, name: string, st: ParsedStatement): ParsedPolicy {
  return { name, dialect, statements: [st], document: {} };
}

/**
 * "Every request AFTER allows, BEFORE allows too", or a request AFTER allows and BEFORE does not.
 * A new request can only come from an Allow statement BEFORE lacks or a Deny AFTER lacks: when there is none the
 * proof is immediate (statements compare by meaning); otherwise each such statement is one smaller solver query.
 */
export async function proveNoNewAccess(dialect: Dialect, before: readonly PolicyInput[], after: readonly PolicyInput[],
  options: ProveOptions = {}): Promise<ProofResult> {
  const unknown = opaqueReason(after) ?? opaqueReason(before);
  if (unknown) return { status: ProofStatus.NOT_PROVEN, reason: `content unknown: ${unknown}` };
  if (policySetKey(dialect, before) === policySetKey(dialect, after)) return { status: ProofStatus.PROVEN };
  const was = parsedOnly(before);
  const now = parsedOnly(after);
  const keys = (ps: ParsedPolicy[], effect: string) => new Set(ps.flatMap(p => p.statements.filter(s => s.effect === effect).map(statementKey)));
  const oldAllows = keys(was, 'Allow');
  const newDenies = keys(now, 'Deny');
  const added = now.flatMap(p => p.statements.filter(s => s.effect === 'Allow' && !oldAllows.has(statementKey(s))).map(s => single(dialect, p.name, s)));
  const dropped = was.flatMap(p => p.statements.filter(s => s.effect === 'Deny' && !newDenies.has(statementKey(s))).map(s => single(dialect, p.name, s)));
  const wasSet = compilePolicies(dialect, before);
  const nowSet = compilePolicies(dialect, after);
  const confirm = (r: AccessRequest) => {
    const b = wasSet.evaluate(r).decision;
    return nowSet.evaluate(r).decision === Decision.ALLOW && b !== Decision.ALLOW && b !== Decision.UNKNOWN;
  };
  const reasons: string[] = [];
  let disagreement: ProofResult | undefined;
  const query = (focus: ParsedPolicy, goal: (z: Z3, sp: RequestSpace, f: ParsedPolicy, was: ParsedPolicy[], now: ParsedPolicy[]) => Bool<'main'>[]): Query => {
    // Statements whose actions cannot meet the focus statement's are false wherever it applies: leave them out.
    const meets = actionsMeet(focus.statements[0]);
    const prune = (ps: ParsedPolicy[]) => ps.map(p => ({ ...p, statements: p.statements.filter(meets) })).filter(p => p.statements.length > 0);
    const w = prune(was);
    const n = prune(now);
    const sig = (ps: ParsedPolicy[]) => ps.flatMap(p => p.statements.map(statementKey)).sort().join('\n');
    const key = `${dialect}\n${goal.name}\n${statementKey(focus.statements[0])}\n${sig(w)}\n--\n${sig(n)}`;
    return { dialect, sets: [w, n, [focus]], goal: (z, sp) => goal(z, sp, focus, w, n), confirm, key };
  };
  const queries: Query[] = [
    ...added.map(a => query(a, function newAllow(z, sp, f, w, n) { return [sp.applies([f], 'Allow'), z.Not(sp.applies(n, 'Deny')), z.Not(sp.allows(w))]; })),
    ...dropped.map(d => query(d, function droppedDeny(z, sp, f, w, n) { return [sp.applies([f], 'Deny'), sp.allows(n), z.Not(sp.allows(w))]; })),
  ];
  for (const q of queries) {
    const r = await cachedSolve(q, options);
    if (r.status === ProofStatus.WITNESS) return r;
    if (r.status === ProofStatus.NOT_PROVEN) {
      if (r.disagreement) disagreement ??= r;
      reasons.push(r.reason!);
    }
  }
  if (disagreement) return disagreement;
  return reasons.length ? { status: ProofStatus.NOT_PROVEN, reason: [...new Set(reasons)].join('; ') } : { status: ProofStatus.PROVEN };
}

/** Caches proofs per distinct (before, after) pair of policy sets. */
export class DiffProver {
  private readonly cache = new Map<string, Promise<ProofResult>>();
  hits = 0;
  constructor(private readonly options: ProveOptions = {}) {}

  get distinct(): number {
    return this.cache.size;
  }

  prove(dialect: Dialect, before: readonly PolicyInput[], after: readonly PolicyInput[]): Promise<ProofResult> {
    const key = `${policySetKey(dialect, before)}>${policySetKey(dialect, after)}`;
    let p = this.cache.get(key);
    if (p) {
      this.hits++;
      return p;
    }
    p = proveNoNewAccess(dialect, before, after, this.options);
    this.cache.set(key, p);
    return p;
  }
}

/**
 * The SMT model as a second oracle on one concrete request: true/false for its decision (allow or not), or
 * `outside` when the request is not in the modelled space (docs/prove.md) or the policies are not encoded.
 */
export async function decideConcrete(dialect: Dialect, policies: readonly ParsedPolicy[], request: AccessRequest,
  options: ProveOptions = {}): Promise<boolean | 'outside'> {
  const z = await z3();
  return serial(async () => {
    let space: RequestSpace;
    let allows: Bool<'main'>;
    let fixed: Bool<'main'>[];
    try {
      space = new RequestSpace(z, dialect, policies, false);
      allows = space.allows(policies);
      fixed = space.fix(request);
    } catch (e) {
      if (e instanceof NotEncodable) return 'outside';
      throw e;
    }
    const run = async (f: Bool<'main'>) => {
      const solver = new z.Solver();
      solver.set('timeout', options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      solver.add(...space.constraints, ...fixed, f);
      return solver.check();
    };
    const yes = await run(allows);
    const no = await run(z.Not(allows));
    if (yes === 'sat' && no === 'unsat') return true;
    if (yes === 'unsat' && no === 'sat') return false;
    if (yes === 'unsat' && no === 'unsat') return 'outside';
    throw new Error(`SMT oracle undecided on ${JSON.stringify(request)}: allow ${yes}, deny ${no}`);
  });
}
