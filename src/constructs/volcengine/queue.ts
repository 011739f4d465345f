import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { IVolcPrincipal, IVolcUser, VolcIamGroup, VolcIamPolicy, volcRegionAndAccount } from './iam';
import { queueAdminPolicyStatements, queueMemberPolicyStatements } from '../../catalog/vemlp';
import { designateAdmins } from '../core/designated-admins';
import { Grant } from '../core/grant';
import { recordPlatformSettings } from '../core/platform-settings';
import { PrincipalKind, principalSpec } from '../core/principal';
import { PolicyStatement } from '../core/statements';

/** The admin and member policy statements of a queue, exactly as the veMLP console creates them (seed 001). */
export function queueAdminStatements(region: string, accountId: string, queueId: string): PolicyStatement[] {
  return queueAdminPolicyStatements(region, accountId, queueId);
}

export function queueMemberStatements(region: string, accountId: string, queueId: string): PolicyStatement[] {
  return queueMemberPolicyStatements(region, accountId, queueId);
}

/** A per-user usage cap, as a percentage of the queue or an absolute amount (one of the two). */
export interface QueueUserCap {
  /** User name of an admin or member of the queue. */
  readonly user: string;
  /** Percent of the queue's capacity, 0-100. @default - not set */
  readonly percent?: number;
  /** Absolute amount in the queue's capacity unit. @default - not set */
  readonly absolute?: number;
}

/** Who maintains a queue's IAM groups, policies and membership. */
export enum QueueIamMode {
  /**
   * The veMLP console, as the guide describes (seed 001): it creates `q-<id>-admin-group`, `-developer-group`,
   * `-admin-policy` and `-developer-policy` itself, and membership is edited in the console only. Terraform records
   * admins and members as platform settings; the access model knows the console's groups and policies.
   */
  CONSOLE = 'console',
  /** Terraform creates the same groups and policies in IAM and edits membership there (for accounts that want it). */
  TERRAFORM = 'terraform',
}

/** Properties of ResourceQueueWithGroups. */
export interface ResourceQueueWithGroupsProps {
  /** The queue id as the console shows it, e.g. `q-20250415-abcd`. */
  readonly queueId: string;
  /** @default - the region of the stack's VolcengineProvider */
  readonly region?: string;
  /** @default - a Terraform variable `volcengine_account_id`: known at plan time, never guessed */
  readonly accountId?: string;
  /** Queue admins: users join `<queueId>-admin-group`; groups and roles get the admin policy directly. @default - none */
  readonly admins?: IVolcPrincipal[];
  /** Queue members: users join `<queueId>-developer-group`; groups and roles get the member policy directly. @default - none */
  readonly members?: IVolcPrincipal[];
  /** Capacity of the queue in the unit of `QueueUserCap.absolute` (e.g. GPUs). @default - absolute caps cannot be checked */
  readonly capacity?: number;
  /** Per-user usage caps (platform settings: no Terraform resource). @default - none */
  readonly userCaps?: QueueUserCap[];
  /**
   * Who maintains the queue's IAM groups and membership. The console does by default, as the guide says; TERRAFORM
   * creates them in IAM, which collides with the console's own objects in accounts where the console made the queue.
   * @default QueueIamMode.CONSOLE
   */
  readonly iamMode?: QueueIamMode;
}

/**
 * A veMLP resource queue's permission set, as the console builds it: groups `q-<id>-admin-group` and
 * `q-<id>-developer-group`, policies `q-<id>-admin-policy` and `q-<id>-developer-policy`, attachments, and
 * memberships. By default the console owns them (QueueIamMode.CONSOLE): admins and members are recorded and the
 * access model knows the console's groups and policies; QueueIamMode.TERRAFORM creates them in IAM. Per-user caps go
 * to the platform-settings manifest (kind `vemlp-queue`) as a plan-visible `terraform_data`: Terraform records them
 * and a person applies them in the veMLP console (`aiam settings runbook`).
 *
 * @example
 * new ResourceQueueWithGroups(stack, 'train', {
 *   queueId: 'q-20250415-train', accountId: '2100000001',
 *   admins: [alice], members: [bob, carol],
 *   capacity: 16, userCaps: [{ user: 'bob', percent: 50 }],
 * });
 */
export class ResourceQueueWithGroups extends Construct {
  /** The admin group, when Terraform maintains it (QueueIamMode.TERRAFORM). */
  public readonly adminGroup?: VolcIamGroup;
  /** The member group, when Terraform maintains it (QueueIamMode.TERRAFORM). */
  public readonly developerGroup?: VolcIamGroup;
  /** The admin policy, when Terraform maintains it (QueueIamMode.TERRAFORM). */
  public readonly adminPolicy?: VolcIamPolicy;
  /** The member policy, when Terraform maintains it (QueueIamMode.TERRAFORM). */
  public readonly developerPolicy?: VolcIamPolicy;
  public readonly queueId: string;
  public readonly iamMode: QueueIamMode;
  /** What this queue granted its admins and members: memberships and attachments (TERRAFORM) or the recorded settings (CONSOLE). */
  public readonly grant: Grant;

  constructor(scope: Construct, id: string, props: ResourceQueueWithGroupsProps) {
    super(scope, id);
    const queueId = props.queueId;
    if (!Token.isUnresolved(queueId) && !/^q-[a-z0-9][a-z0-9-]*$/.test(queueId)) {
      throw new Error(`${this.node.path}: invalid queue id "${queueId}". Fix: use the id the veMLP console shows, "q-" followed by lower-case letters, digits and "-"`);
    }
    this.queueId = queueId;
    const { region, accountId } = volcRegionAndAccount(this, props.region, props.accountId);
    this.iamMode = props.iamMode ?? QueueIamMode.CONSOLE;
    const inTerraform = this.iamMode === QueueIamMode.TERRAFORM;
    if (inTerraform) {
      // Group and policy names are validated by VolcIamGroup / VolcIamPolicy (length 64 and characters).
      this.adminGroup = new VolcIamGroup(this, 'AdminGroup', { groupName: `${queueId}-admin-group`, description: `veMLP queue ${queueId} admins` });
      this.developerGroup = new VolcIamGroup(this, 'DeveloperGroup', { groupName: `${queueId}-developer-group`, description: `veMLP queue ${queueId} members` });
      this.adminPolicy = new VolcIamPolicy(this, 'AdminPolicy', { policyName: `${queueId}-admin-policy`, statements: queueAdminStatements(region, accountId, queueId) });
      this.developerPolicy = new VolcIamPolicy(this, 'DeveloperPolicy', { policyName: `${queueId}-developer-policy`, statements: queueMemberStatements(region, accountId, queueId) });
      this.adminGroup.attachPolicy(this.adminPolicy);
      this.developerGroup.attachPolicy(this.developerPolicy);
    }

    const admins = props.admins ?? [];
    const members = props.members ?? [];
    const seen = new Map<IVolcPrincipal, string>();
    const grants: Grant[] = [];
    for (const [list, role] of [[admins, 'admin'], [members, 'member']] as const) {
      for (const p of list) {
        const previous = seen.get(p);
        if (previous) {
          throw new Error(`${this.node.path}: ${p.node.path} is listed as ${previous} and as ${role}. Fix: list each principal once (admins can already use the queue)`);
        }
        seen.set(p, role);
        if (!inTerraform) continue; // the console adds them (recorded below)
        grants.push(p.principalKind === PrincipalKind.USER
          ? (role === 'admin' ? this.adminGroup! : this.developerGroup!).addUser(p as unknown as IVolcUser, { owner: this })
          : p.attachPolicy(role === 'admin' ? this.adminPolicy! : this.developerPolicy!, { owner: this }));
      }
    }
    // Queue admins manage members through IAM by the guide's design (its admin policy grants iam:AddUserToGroup).
    designateAdmins(this, [`group/${queueId}-admin-group`, ...admins.map(principalSpec)]);
    const users = new Set([...seen.keys()].filter(p => p.principalKind === PrincipalKind.USER).map(p => p.declaredName));
    const caps = this.validateCaps(props.userCaps ?? [], users, props.capacity);
    const record = recordPlatformSettings(this, 'Settings', 'vemlp-queue', 'volcengine', {
      queueId,
      region,
      accountId,
      capacity: props.capacity ?? null,
      adminGroup: `${queueId}-admin-group`,
      developerGroup: `${queueId}-developer-group`,
      admins: admins.map(p => ({ kind: p.principalKind, name: p.declaredName })),
      members: members.map(p => ({ kind: p.principalKind, name: p.declaredName })),
      userCaps: caps,
      iamMode: this.iamMode,
    });
    // In console mode the recorded settings are the grant: a person adds the members in the veMLP console.
    this.grant = inTerraform ? Grant.combine(grants) : Grant.combine([...seen.keys()].map(p => Grant._of(p, [record], [])));
  }

  private validateCaps(caps: QueueUserCap[], users: Set<string>, capacity?: number): Array<Record<string, unknown>> {
    const fail = (msg: string, fix: string) => new Error(`${this.node.path}: ${msg}. Fix: ${fix}`);
    const seen = new Set<string>();
    return caps.map(c => {
      if (seen.has(c.user)) throw fail(`two caps for user "${c.user}"`, 'give each user one cap');
      seen.add(c.user);
      if (!users.has(c.user)) throw fail(`cap for "${c.user}", who is not an admin or member of the queue`, 'add the user to admins or members, or remove the cap');
      if ((c.percent === undefined) === (c.absolute === undefined)) throw fail(`cap for "${c.user}" needs exactly one of percent and absolute`, 'set percent (0-100) or absolute');
      if (c.percent !== undefined && !(c.percent > 0 && c.percent <= 100)) throw fail(`cap for "${c.user}" is ${c.percent}%`, 'use a percentage above 0 and at most 100');
      if (c.absolute !== undefined) {
        if (!(c.absolute > 0)) throw fail(`cap for "${c.user}" is ${c.absolute}`, 'use a positive amount');
        if (capacity !== undefined && c.absolute > capacity) throw fail(`cap for "${c.user}" is ${c.absolute}, over the queue capacity ${capacity}`, `use at most ${capacity}, or a percentage`);
      }
      return c.percent !== undefined ? { user: c.user, percent: c.percent } : { user: c.user, absolute: c.absolute };
    });
  }
}
