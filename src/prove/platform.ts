/**
 * Platform grants (Model Studio workspace admin, console pages, model allowlists, API keys; veMLP queue admins and
 * members) as extra Allow statements on pseudo-actions, so proofs see them like any other access.
 * The one place that turns platform facts into statements: align it when the model records them as facts.
 */
import type { AccessModel } from '../model/model';
import type { PlatformSettingsEntry, Principal } from '../model/types';
import { parsePolicy, ParsedPolicy } from '../policy/parse';
import { Dialect } from '../policy/types';

/** Pseudo-service of platform grants; no cloud action starts with it. */
export const PLATFORM_SERVICE = 'aiam-platform';

interface Ref { kind: string; name: string }

export function refersTo(model: AccessModel, ref: Ref | undefined, principal: Principal): boolean {
  if (!ref) return false;
  if (ref.kind === principal.kind && ref.name === principal.name) return true;
  // A group reference covers its members.
  return principal.kind === 'user' && ref.kind === 'group' && model.groups(principal).some(g => g.name === ref.name);
}

function statement(action: string, resources: string[]): object {
  return { Effect: 'Allow', Action: [`${PLATFORM_SERVICE}:${action}`], Resource: resources };
}

function settingsOf(e: PlatformSettingsEntry): Record<string, unknown> {
  return e.envelope.settings;
}

/** The platform grants of one principal, as policies in its cloud's dialect (none for Huawei today). */
export function platformStatements(model: AccessModel, principal: Principal): ParsedPolicy[] {
  const out: ParsedPolicy[] = [];
  if (principal.cloud === 'alibaba') {
    for (const e of model.settings) {
      const s = settingsOf(e) as {
        name?: string;
        region?: string;
        workspace?: string;
        owner?: { kind: string; name?: string };
        members?: Array<{ principal: Ref; admin: boolean; apiKeyManagement: boolean; pages: string[] }>;
        allowlists?: Record<string, string[] | null>;
      };
      const statements: object[] = [];
      if (e.envelope.kind === 'bailian-workspace') {
        const ws = `acs:${PLATFORM_SERVICE}:${s.region}:*:workspace/${s.name}`;
        const m = (s.members ?? []).find(x => refersTo(model, x.principal, principal));
        if (!m) continue;
        if (m.admin) statements.push(statement('AdministerWorkspace', [ws]));
        if (m.apiKeyManagement) statements.push(statement('ManageApiKeys', [ws]));
        if (m.pages.length) statements.push(statement('UsePage', m.pages.map(p => `${ws}/page/${p}`)));
        for (const [use, models] of Object.entries(s.allowlists ?? {})) {
          const verb = `${use[0].toUpperCase()}${use.slice(1)}Model`;
          const list = models === null ? ['*'] : models;
          if (list.length) statements.push(statement(verb, list.map(x => `${ws}/model/${x}`)));
        }
      } else if (e.envelope.kind === 'bailian-api-key') {
        const owner = s.owner;
        const kind = owner?.kind === 'ram-user' ? 'user' : owner?.kind === 'ram-role' ? 'role' : undefined;
        if (!kind || !refersTo(model, { kind, name: owner!.name ?? '' }, principal)) continue;
        statements.push(statement('UseApiKey', [`acs:${PLATFORM_SERVICE}:${s.region}:*:workspace/${s.workspace}/apikey/${s.name}`]));
      }
      if (statements.length) {
        out.push(parsePolicy(Dialect.ALIBABA_RAM, `platform ${e.address ?? e.envelope.kind}`, { Version: '1', Statement: statements }, e.file ? { file: e.file, pointer: e.pointer ?? '' } : undefined));
      }
    }
  } else if (principal.cloud === 'volcengine') {
    for (const e of model.settings) {
      if (e.envelope.kind !== 'vemlp-queue') continue;
      const s = settingsOf(e) as { queueId: string; region: string; accountId: string; admins?: Ref[]; members?: Ref[] };
      const queue = `trn:${PLATFORM_SERVICE}:${s.region}:${s.accountId}:queue/${s.queueId}`;
      const statements: object[] = [];
      if ((s.admins ?? []).some(r => refersTo(model, r, principal))) statements.push(statement('AdministerQueue', [queue]));
      if ((s.members ?? []).some(r => refersTo(model, r, principal))) statements.push(statement('UseQueue', [queue]));
      if (statements.length) {
        out.push(parsePolicy(Dialect.VOLCENGINE_IAM, `platform ${e.address ?? e.envelope.kind}`, { Statement: statements }, e.file ? { file: e.file, pointer: e.pointer ?? '' } : undefined));
      }
    }
  }
  return out;
}
