/**
 * Platform grants (Model Studio workspace admin, console pages, model allowlists, API keys; PAI roles; veMLP queue
 * admins and members) are policies of the access model itself (src/model/platform-grants.ts, docs/platform-grants.md),
 * attached to the principals they name: proofs read them with the principal's other policies, under the same
 * pseudo-actions (`bailian-platform:WorkspaceAdmin`, `vemlp-platform:QueueAdmin`, ...). This file keeps only how a
 * settings entry names a principal.
 */
import type { AccessModel } from '../model/model';
import type { Principal } from '../model/types';

interface Ref { kind: string; name: string }

export function refersTo(model: AccessModel, ref: Ref | undefined, principal: Principal): boolean {
  if (!ref) return false;
  if (ref.kind === principal.kind && ref.name === principal.name) return true;
  // A group reference covers its members.
  return principal.kind === 'user' && ref.kind === 'group' && model.groups(principal).some(g => g.name === ref.name);
}
