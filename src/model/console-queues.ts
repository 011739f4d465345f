/**
 * veMLP queues whose IAM the console maintains (QueueIamMode.CONSOLE): the console creates `q-<id>-admin-group`,
 * `q-<id>-developer-group` and their policies and edits membership itself (seed 001), so none of them is a Terraform
 * resource. The access model still has to know them: this adds them from the queue's settings entry, with the
 * documents the guide prints, marked external (managed by the console).
 */
import type { ModelParts } from './build';
import { newAttachment, newMembership } from './links';
import type { Origin, PlatformSettingsEntry, PolicyEntity } from './types';
import { queueAdminPolicyStatements, queueMemberPolicyStatements, volcPolicyDocument } from '../catalog/vemlp';
import { parsePolicy } from '../policy/parse';
import { Dialect } from '../policy/types';

interface QueueSettings {
  queueId: string;
  region: string;
  accountId: string;
  iamMode?: string;
  admins?: Array<{ kind: string; name: string }>;
  members?: Array<{ kind: string; name: string }>;
}

export function addConsoleQueue(entry: PlatformSettingsEntry, parts: ModelParts): void {
  if (entry.envelope.kind !== 'vemlp-queue') return;
  const q = entry.envelope.settings as unknown as QueueSettings;
  if (q.iamMode !== 'console') return; // absent: written before the console mode existed, when Terraform made the groups
  const origin: Origin = { address: entry.address, constructPath: entry.constructPath, stack: entry.stack, file: entry.file, pointer: entry.pointer };
  const principal = (kind: 'user' | 'group' | 'role', name: string) => {
    const key = `volcengine:${kind}/${name}`;
    if (!parts.principals.has(key)) parts.principals.set(key, { key, cloud: 'volcengine', kind, name, external: true, ...origin });
    return key;
  };
  const policy = (name: string, statements: ReturnType<typeof queueAdminPolicyStatements>): string => {
    const key = `volcengine:custom/${name}`;
    if (!parts.policies.has(key)) {
      const entity: PolicyEntity = {
        key,
        cloud: 'volcengine',
        dialect: Dialect.VOLCENGINE_IAM,
        kind: 'custom',
        name,
        ...origin,
        parsed: parsePolicy(Dialect.VOLCENGINE_IAM, name, volcPolicyDocument(statements), { file: entry.file ?? '', pointer: `${entry.pointer ?? ''}/input/settings` }),
      };
      parts.policies.set(key, entity);
    }
    return key;
  };
  for (const [role, list, statements] of [
    ['admin', q.admins ?? [], queueAdminPolicyStatements(q.region, q.accountId, q.queueId)],
    ['developer', q.members ?? [], queueMemberPolicyStatements(q.region, q.accountId, q.queueId)],
  ] as const) {
    const policyKey = policy(`${q.queueId}-${role}-policy`, statements);
    // The console makes the group when users are chosen, and attaches the policy to a chosen group directly.
    const users = list.filter(p => p.kind === 'user');
    if (users.length) {
      const groupKey = principal('group', `${q.queueId}-${role}-group`);
      parts.attachments.push(newAttachment(parts, groupKey, policyKey, origin));
      for (const u of users) parts.memberships.push(newMembership(parts, principal('user', u.name), groupKey, origin));
    }
    for (const g of list.filter(p => p.kind !== 'user')) parts.attachments.push(newAttachment(parts, principal(g.kind as 'group' | 'role', g.name), policyKey, origin));
  }
}
