/**
 * `aiam diff --prove`: per principal that makes requests (users and roles; a group's access reaches its members),
 * prove that every request allowed after the change was allowed before, or give a witness request.
 */
import { DiffProver, ProofResult, ProofStatus, ProveOptions } from './prove';
import { DIALECT_OF } from '../model/build';
import { AccessModel, describePrincipal } from '../model/model';
import type { Principal } from '../model/types';
import type { PolicyInput } from '../policy/evaluate';
import { compareText } from '../policy/order';
import type { AccessRequest } from '../policy/types';

export interface PrincipalProof {
  readonly principal: string;
  readonly status: ProofStatus;
  readonly reason?: string;
  readonly witness?: AccessRequest;
  readonly disagreement?: boolean;
}

export interface DiffProofReport {
  /** Every requesting principal of either side, sorted. */
  readonly proofs: readonly PrincipalProof[];
  readonly proven: number;
  readonly witnesses: number;
  readonly notProven: number;
  /** Distinct (before, after) policy-set pairs the solver saw; the rest came from the cache. */
  readonly distinctPairs: number;
}

/** The policies a principal's requests are decided by: IAM policies (all scopes) and the model's platform grants. */
export function effectivePolicies(model: AccessModel, principal: Principal): PolicyInput[] {
  return model.policiesOf(principal).map(p => p.parsed ?? { name: p.name, unknownReason: p.unknownReason ?? 'content unknown' });
}

export async function proveDiff(before: AccessModel, after: AccessModel, options: ProveOptions = {},
  prover = new DiffProver(options)): Promise<DiffProofReport> {
  const keys = new Map<string, { before?: Principal; after?: Principal }>();
  for (const p of before.principals) if (p.kind !== 'group') keys.set(p.key, { before: p });
  for (const p of after.principals) if (p.kind !== 'group') keys.set(p.key, { ...keys.get(p.key), after: p });
  const proofs: PrincipalProof[] = [];
  for (const { before: b, after: a } of keys.values()) {
    const principal = describePrincipal((a ?? b)!);
    if (!a) {
      proofs.push({ principal, status: ProofStatus.PROVEN, reason: 'removed' });
      continue;
    }
    const dialect = DIALECT_OF[a.cloud];
    const result: ProofResult = await prover.prove(dialect, b ? effectivePolicies(before, b) : [], effectivePolicies(after, a));
    proofs.push({ principal, ...result });
  }
  proofs.sort((x, y) => compareText(x.principal, y.principal));
  return {
    proofs,
    proven: proofs.filter(p => p.status === ProofStatus.PROVEN).length,
    witnesses: proofs.filter(p => p.status === ProofStatus.WITNESS).length,
    notProven: proofs.filter(p => p.status === ProofStatus.NOT_PROVEN).length,
    distinctPairs: prover.distinct,
  };
}

/** Exit codes of `--prove` (docs/prove.md): 0 proven, 1 a witness (new access), 4 not proven and no witness. */
export function proofExitCode(report: { witnesses: number; notProven: number }): number {
  return report.witnesses > 0 ? 1 : report.notProven > 0 ? 4 : 0;
}
