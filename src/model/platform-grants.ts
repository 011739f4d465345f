/**
 * Platform grants as access facts. Model Studio workspace membership, admins, console pages, API keys, model
 * allowlists and rate limits; PAI workspace member roles; veMLP queue admins, members and usage caps. None of these
 * is an IAM policy, yet each one is access. They become generated "platform" policies attached to the principals,
 * written in the cloud's own policy language under pseudo-services (`bailian-platform`, `pai-platform`,
 * `vemlp-platform`; see docs/platform-grants.md) and parsed by the same parser, so explain, who-can, what-can, diff,
 * graph and report see them without a second code path. Principals that share the same grant share one policy, so
 * a 10k-member workspace compiles a handful of policies, not 10k.
 */
import type { ModelParts } from './build';
import { attachmentOfStoredKeys, LinkSource, sharedLinkSource } from './links';
import { joined } from './own';
import type { Cloud, Origin, PlatformSettingsEntry, PrincipalKind } from './types';
import { PolicyError } from '../policy/errors';
import { parsePolicy } from '../policy/parse';
import { Dialect } from '../policy/types';

export const BAILIAN_PLATFORM = 'bailian-platform';
export const PAI_PLATFORM = 'pai-platform';
export const VEMLP_PLATFORM = 'vemlp-platform';
export const PLATFORM_SERVICES: ReadonlySet<string> = new Set([BAILIAN_PLATFORM, PAI_PLATFORM, VEMLP_PLATFORM]);

/**
 * Limits rather than access: a raised rate limit or cap is a change `diff` reports, but not new access
 * (`--fail-on-new-access` does not fail on it). Lower case, as actions compare.
 */
export const LIMIT_ACTIONS: ReadonlySet<string> = new Set([`${BAILIAN_PLATFORM}:consumemodelquota`, `${VEMLP_PLATFORM}:usequeuecapacity`]);

/** Condition keys of the limit grants; the unit is in the name. */
export const LIMIT_KEYS = {
  qpm: `${BAILIAN_PLATFORM}:QPM`,
  tpm: `${BAILIAN_PLATFORM}:TPM`,
  capPercent: `${VEMLP_PLATFORM}:CapPercentOfQueue`,
  capAbsolute: `${VEMLP_PLATFORM}:CapAbsoluteUnits`,
} as const;

/** `acs:bailian-platform:<region>:*:workspace/<name>`: the resource of a Model Studio workspace. */
export function bailianWorkspaceArn(region: string, workspace: string): string {
  return `acs:${BAILIAN_PLATFORM}:${region}:*:workspace/${workspace}`;
}

export function paiWorkspaceArn(workspace: string): string {
  return `acs:${PAI_PLATFORM}:*:*:workspace/${workspace}`;
}

export function vemlpQueueTrn(region: string, account: string, queue: string): string {
  return `trn:${VEMLP_PLATFORM}:${region}:${account}:queue/${queue}`;
}

interface Statement {
  readonly Effect: 'Allow';
  readonly Action: string[];
  readonly Resource: string[];
  readonly Condition?: Record<string, Record<string, string>>;
}

interface Ref { kind: string; name?: string }

const DIALECT: Record<Cloud, Dialect> = { alibaba: Dialect.ALIBABA_RAM, volcengine: Dialect.VOLCENGINE_IAM, huawei: Dialect.HUAWEI_IAM };

/** Adds platform policies and their attachments to the parts (after every stack was built). */
export function addPlatformGrants(parts: ModelParts): void {
  const g = new Grants(parts);
  for (const s of parts.settings) {
    try {
      if (s.envelope.kind === 'bailian-workspace') g.bailianWorkspace(s);
      else if (s.envelope.kind === 'bailian-api-key') g.bailianApiKey(s);
      else if (s.envelope.kind === 'vemlp-queue') g.vemlpQueue(s);
    } catch (e) {
      // Entries are schema-checked when written; a hand-edited one must still not crash the model.
      parts.findings.push({
        code: 'invalid-policy-document',
        ...originOf(s),
        message: `platform settings ${s.envelope.kind} cannot be read as grants: ${e instanceof PolicyError ? e.message : (e as Error).message}`,
        fix: `write the entry as schemas/platform-settings.v1.schema.json defines ${s.envelope.kind}`,
      });
    }
  }
  for (const m of parts.paiMembers) g.paiMember(m);
  g.superAdmins();
}

function originOf(o: Origin): Origin {
  return { address: o.address, constructPath: o.constructPath, stack: o.stack, file: o.file, pointer: o.pointer };
}

class Grants {
  /** RAM users by Terraform address and by name, built on first use. */
  private ramUsers?: Map<string, string>;
  constructor(private readonly parts: ModelParts) {}

  bailianWorkspace(s: PlatformSettingsEntry): void {
    const st = s.envelope.settings as {
      name: string;
      region: string;
      allowlists?: { invoke?: string[] | null; tune?: string[] | null; deploy?: string[] | null };
      rateLimits?: Array<{ model: string; qpm?: number; tpm?: number }>;
      members?: Array<{ principal: Ref; admin?: boolean; apiKeyManagement?: boolean; pages?: string[] }>;
    };
    const ws = bailianWorkspaceArn(st.region, st.name);
    const models = (list: string[] | null | undefined) => list === null || list === undefined ? [`${ws}/model/*`] : list.map(m => `${ws}/model/${m}`);
    // Members act for the workspace: its allowlists (invoke, tune, deploy) and rate limits are theirs.
    const memberStatements: Statement[] = [allow(['WorkspaceMember'], [ws], BAILIAN_PLATFORM)];
    const al = st.allowlists ?? {};
    for (const [action, list] of [['InvokeModel', al.invoke], ['TuneModel', al.tune], ['DeployModel', al.deploy]] as const) {
      if (list === null || list === undefined || list.length > 0) memberStatements.push(allow([action], models(list), BAILIAN_PLATFORM));
    }
    for (const rl of st.rateLimits ?? []) {
      for (const [key, value] of [[LIMIT_KEYS.qpm, rl.qpm], [LIMIT_KEYS.tpm, rl.tpm]] as const) {
        if (value === undefined) continue;
        memberStatements.push({ ...allow(['ConsumeModelQuota'], [`${ws}/model/${rl.model}`], BAILIAN_PLATFORM), Condition: { NumericLessThanEquals: { [key]: String(value) } } });
      }
    }
    const base = `${BAILIAN_PLATFORM}/${st.region}/${st.name}`;
    const member = this.policy('alibaba', `${base}/member`, memberStatements, s);
    const admin = this.policy('alibaba', `${base}/admin`, [
      allow(['WorkspaceAdmin'], [ws], BAILIAN_PLATFORM),
      allow(['ManageApiKeys'], [`${ws}/apikey/*`], BAILIAN_PLATFORM),
      allow(['UsePage'], [`${ws}/page/*`], BAILIAN_PLATFORM),
    ], s);
    const keys = this.policy('alibaba', `${base}/api-key-management`, [allow(['ManageApiKeys'], [`${ws}/apikey/*`], BAILIAN_PLATFORM)], s);
    // A member's pages are one grant, as they are one setting: one policy per set of pages (a statement per page),
    // built on the first member with that set. Workspaces have a few page profiles; members are many.
    const pageSets = new Map<string, string>();
    const pagesPolicy = (pages: readonly string[]) => {
      const written = pages.join('\u0000');
      let key = pageSets.get(written);
      if (key === undefined) {
        const set = [...new Set(pages)].sort();
        key = this.policy('alibaba', `${base}/pages/${set.map(encodeURIComponent).join('+')}`,
          set.map(page => allow(['UsePage'], [`${ws}/page/${page}`], BAILIAN_PLATFORM)), s);
        pageSets.set(written, key);
      }
      return key;
    };
    const from = sharedLinkSource(s);
    for (const m of st.members ?? []) {
      const principal = this.principal('alibaba', m.principal.kind, m.principal.name);
      if (!principal) continue;
      this.attach(principal, member, from);
      if (m.admin) this.attach(principal, admin, from);
      if (m.apiKeyManagement) this.attach(principal, keys, from);
      if (m.pages?.length) this.attach(principal, pagesPolicy(m.pages), from);
    }
  }

  bailianApiKey(s: PlatformSettingsEntry): void {
    const st = s.envelope.settings as { name: string; workspace: string; region: string; owner: { kind: string; name?: string } };
    // The main account is not a RAM principal: its keys are recorded (report) but have no principal to attach to.
    if (st.owner.kind === 'main-account') return;
    const kind = st.owner.kind === 'ram-role' ? 'role' : 'user';
    const principal = this.principal('alibaba', kind, st.owner.name);
    if (!principal) return;
    const ws = bailianWorkspaceArn(st.region, st.workspace);
    this.attach(principal, this.policy('alibaba', `${BAILIAN_PLATFORM}/${st.region}/${st.workspace}/api-key/${st.name}`,
      [allow(['UseApiKey'], [`${ws}/apikey/${st.name}`], BAILIAN_PLATFORM)], s), s);
  }

  vemlpQueue(s: PlatformSettingsEntry): void {
    const st = s.envelope.settings as {
      queueId: string;
      region: string;
      accountId: string;
      admins?: Ref[];
      members?: Ref[];
      userCaps?: Array<{ user: string; percent?: number; absolute?: number }>;
    };
    // An account id known only after apply: the queue id is unique enough to name the queue.
    const account = /^\d+$/.test(String(st.accountId)) ? String(st.accountId) : '*';
    const q = vemlpQueueTrn(st.region, account, st.queueId);
    const base = `${VEMLP_PLATFORM}/${st.region}/${st.queueId}`;
    const member = this.policy('volcengine', `${base}/member`, [allow(['QueueMember'], [q], VEMLP_PLATFORM)], s);
    const admin = this.policy('volcengine', `${base}/admin`, [allow(['QueueAdmin', 'QueueMember'], [q], VEMLP_PLATFORM)], s);
    const from = sharedLinkSource(s);
    for (const a of st.admins ?? []) {
      const p = this.principal('volcengine', a.kind, a.name);
      if (p) this.attach(p, admin, from);
    }
    for (const m of st.members ?? []) {
      const p = this.principal('volcengine', m.kind, m.name);
      if (p) this.attach(p, member, from);
    }
    for (const cap of st.userCaps ?? []) {
      const p = this.principal('volcengine', 'user', cap.user);
      if (!p) continue;
      const [key, value] = cap.percent !== undefined ? [LIMIT_KEYS.capPercent, cap.percent] : [LIMIT_KEYS.capAbsolute, cap.absolute];
      this.attach(p, this.policy('volcengine', `${base}/cap/${key.split(':')[1]}/${value}`,
        [{ ...allow(['UseQueueCapacity'], [q], VEMLP_PLATFORM), Condition: { NumericLessThanEquals: { [key]: String(value) } } }], s), s);
    }
  }

  paiMember(m: { workspace: string; userId: string; roles: readonly string[] } & Origin): void {
    // user_id is a RAM user id, usually a reference to a user of the same input (then its address). Only the users
    // members name are kept: a map of every user is two entries per user, hundreds of megabytes at a million.
    if (!this.ramUsers) {
      const named = new Set(this.parts.paiMembers.map(x => x.userId));
      this.ramUsers = new Map();
      for (const p of this.parts.principals.values()) {
        if (p.cloud !== 'alibaba' || p.kind !== 'user') continue;
        if (p.address && named.has(p.address)) this.ramUsers.set(p.address, p.key);
        if (p.name && named.has(p.name) && !this.ramUsers.has(p.name)) this.ramUsers.set(p.name, p.key);
      }
    }
    const key = this.ramUsers.get(m.userId) ?? this.principal('alibaba', 'user', m.userId);
    if (!key) return;
    const ws = paiWorkspaceArn(m.workspace);
    const roles = m.roles.map(r => r.replace(/^PAI\./i, '').replace(/[^A-Za-z0-9]/g, '')).filter(r => r !== '');
    const name = `${PAI_PLATFORM}/${m.workspace}/${roles.length ? roles.join('+') : 'member'}`;
    const statements = [allow(['WorkspaceMember'], [ws], PAI_PLATFORM)];
    if (roles.length) statements.push(allow(roles.map(r => `Role${r}`), [ws], PAI_PLATFORM));
    this.attach(key, this.policy('alibaba', name, statements, m), m);
  }

  /**
   * AliyunBailianFullAccess makes its holder a Model Studio super admin: every workspace of every region, its
   * members, pages, keys and models (seed 000, 设置超级管理员). Attached where the system policy is.
   */
  superAdmins(): void {
    const holders = this.parts.attachments.filter(a => a.policyKey === 'alibaba:system/AliyunBailianFullAccess');
    if (!holders.length) return;
    const all = `acs:${BAILIAN_PLATFORM}:*:*:workspace/*`;
    for (const a of holders) {
      const key = this.policy('alibaba', `${BAILIAN_PLATFORM}/super-admin`, [allow(['*'], [all], BAILIAN_PLATFORM)], a);
      this.attach(a.principalKey, key, a);
    }
  }

  /**
   * The stored key of the principal a settings entry names, created as external when the input does not define it.
   * Keys given out here and by policy() are the stored strings, which attach() links without looking them up again.
   */
  private principal(cloud: Cloud, kind: string, name: string | undefined): string | undefined {
    if (!name || (kind !== 'user' && kind !== 'group' && kind !== 'role')) return undefined;
    const key = joined(cloud, ':', kind, '/', name);
    const stored = this.parts.principals.get(key)?.key;
    if (stored !== undefined) return stored;
    this.parts.principals.set(key, { key, cloud, kind: kind as PrincipalKind, name, external: true });
    return key;
  }

  private policy(cloud: Cloud, name: string, statements: Statement[], origin: Origin): string {
    const key = joined(cloud, ':platform/', name);
    const stored = this.parts.policies.get(key)?.key;
    if (stored !== undefined) return stored;
    const dialect = DIALECT[cloud];
    const document = cloud === 'alibaba' ? { Version: '1', Statement: statements } : { Statement: statements };
    this.parts.policies.set(key, { key, cloud, dialect, kind: 'platform', name, parsed: parsePolicy(dialect, name, document), ...originOf(origin) });
    return key;
  }

  private attach(principalKey: string, policyKey: string, origin: LinkSource): void {
    this.parts.attachments.push(attachmentOfStoredKeys(principalKey, policyKey, origin));
  }
}

function allow(actions: string[], resources: string[], service: string): Statement {
  return { Effect: 'Allow', Action: actions.map(a => `${service}:${a}`), Resource: resources };
}
