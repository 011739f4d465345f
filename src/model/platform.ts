/**
 * Queries over the platform-settings manifest: Model Studio workspace membership and API keys, as the constructs
 * record them (kinds `bailian-workspace`, `bailian-api-key`, `bailian-quota-split`, `vemlp-queue`).
 */
import type { AccessModel } from './model';
import type { PlatformSettingsEntry, Principal } from './types';

export interface WorkspaceMembership {
  readonly workspace: string;
  readonly region: string;
  readonly admin: boolean;
  readonly apiKeyManagement: boolean;
  readonly pages: readonly string[];
}

export function entries(model: AccessModel, kind: string): PlatformSettingsEntry[] {
  return model.settings.filter(s => s.envelope.kind === kind);
}

interface MemberRecord { principal: { kind: string; name: string }; admin: boolean; apiKeyManagement: boolean; pages: string[] }

/** The Model Studio workspaces a principal belongs to, with its console pages. */
export function bailianMemberships(model: AccessModel, principal: Principal): WorkspaceMembership[] {
  if (principal.cloud !== 'alibaba') return [];
  return entries(model, 'bailian-workspace').flatMap(w => {
    const s = w.envelope.settings as { name: string; region: string; members?: MemberRecord[] };
    const m = (s.members ?? []).find(x => x.principal.kind === principal.kind && x.principal.name === principal.name);
    return m ? [{ workspace: s.name, region: s.region, admin: m.admin, apiKeyManagement: m.apiKeyManagement, pages: m.pages }] : [];
  });
}
