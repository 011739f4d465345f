import { TerraformStack, Token } from 'cdktf';
import { Construct } from 'constructs';
import { LIMITS } from '../../catalog/limits';
import { HUAWEI_GLOBAL_POLICIES, HUAWEI_GLOBAL_SERVICES } from '../../catalog/modelarts';
import { Dialect } from '../../policy/types';
import { huaweicloud } from '../../providers';
import { validateName } from '../core/naming';
import { PolicyStatement, renderPolicyDocument } from '../core/statements';

const NAMES = LIMITS[Dialect.HUAWEI_IAM].names;

/** Properties of a HuaweiIamUser. */
export interface HuaweiIamUserProps {
  /** IAM user name. */
  readonly userName: string;
}

/**
 * A Huawei Cloud IAM user (huaweicloud_identity_user). Users get permissions only through groups.
 *
 * @example
 * const erin = new HuaweiIamUser(stack, 'erin', { userName: 'erin' });
 * team.addUser(erin);
 */
export class HuaweiIamUser extends Construct {
  public readonly userName: string;
  /** The user id, known after apply; memberships refer to it. */
  public readonly userId: string;

  constructor(scope: Construct, id: string, props: HuaweiIamUserProps) {
    super(scope, id);
    validateName(this, NAMES.user, props.userName);
    const r = new huaweicloud.identityUser.IdentityUser(this, 'Resource', { name: props.userName });
    this.userName = props.userName;
    this.userId = r.id;
  }
}

/** Where a role assignment applies (huawei-iam.md §4: authorization scope). */
export class HuaweiScope {
  /** Every region project and the global services ("所有资源"). */
  public static allResources(): HuaweiScope {
    return new HuaweiScope('all');
  }

  /** One region project ("指定区域项目资源"), e.g. the project id of cn-north-4. */
  public static project(projectId: string): HuaweiScope {
    return new HuaweiScope(projectId);
  }

  private constructor(public readonly projectId: string) {}
}

/** Properties of a HuaweiIamGroup. */
export interface HuaweiIamGroupProps {
  /** User group name. */
  readonly groupName: string;
  /** @default - none */
  readonly description?: string;
}

/**
 * A Huawei Cloud IAM user group (huaweicloud_identity_group) with its members and role assignments.
 *
 * @example
 * const team = new HuaweiIamGroup(stack, 'team', { groupName: 'modelarts-users' });
 * team.addUser(erin);
 * team.assignCustomPolicy(noPools, HuaweiScope.allResources());
 */
export class HuaweiIamGroup extends Construct {
  public readonly groupName: string;
  public readonly groupId: string;
  private readonly users: HuaweiIamUser[] = [];
  private readonly assigned = new Set<string>();

  constructor(scope: Construct, id: string, props: HuaweiIamGroupProps) {
    super(scope, id);
    validateName(this, NAMES.group, props.groupName);
    const r = new huaweicloud.identityGroup.IdentityGroup(this, 'Resource', { name: props.groupName, description: props.description });
    this.groupName = props.groupName;
    this.groupId = r.id;
    const membership = new huaweicloud.identityGroupMembership.IdentityGroupMembership(this, 'Members', { group: r.id, users: [] });
    // Members added after construction are rendered at synth.
    membership.addOverride('users', Token.asList({ resolve: () => this.users.map(u => u.userId) }));
  }

  /** Adds a user (huaweicloud_identity_group_membership). */
  public addUser(user: HuaweiIamUser): void {
    if (this.users.includes(user)) throw new Error(`${this.node.path}: ${user.node.path} is already a member. Fix: add each user once`);
    this.users.push(user);
  }

  /** Assigns a custom policy at a scope (huaweicloud_identity_group_role_assignment). */
  public assignCustomPolicy(policy: HuaweiCustomPolicy, scope: HuaweiScope): void {
    this.assign(`custom-${policy.node.addr.slice(0, 8)}-${scope.projectId}`, policy.roleId, scope);
  }

  /**
   * Assigns a system policy or role by its display name, e.g. `ModelArts CommonOperations`. Terraform needs its id:
   * the stack looks it up by display name with the `huaweicloud_identity_role` data source, unless `roleId` is given.
   */
  public assignSystemPolicy(policyName: string, scope: HuaweiScope, roleId?: string, domainId?: string): void {
    const id = roleId ?? systemRoleLookup(this, policyName);
    const global = HUAWEI_GLOBAL_POLICIES.has(policyName);
    const key = `system-${policyName.replace(/[^A-Za-z0-9]/g, '-')}-${scope.projectId}`;
    if (global && scope.projectId !== 'all') {
      if (!domainId) {
        throw new Error(`${this.node.path}: ${policyName} is a global-service policy and cannot be assigned in project ${scope.projectId}. ` +
          'Fix: use HuaweiScope.allResources(), or pass domainId to assign it globally');
      }
      const a = this.assignRaw(key, id, { domainId });
      a?.addOverride('//.aiam.systemPolicy', policyName);
      return;
    }
    const a = this.assignRaw(key, id, { projectId: scope.projectId });
    // The access model reads the name back from this metadata: the id alone does not say which policy it is.
    a?.addOverride('//.aiam.systemPolicy', policyName);
  }

  private assign(key: string, roleId: string, scope: HuaweiScope): void {
    this.assignRaw(key, roleId, { projectId: scope.projectId });
  }

  private assignRaw(key: string, roleId: string, where: { projectId?: string; domainId?: string }) {
    if (this.assigned.has(key)) return undefined;
    this.assigned.add(key);
    return new huaweicloud.identityGroupRoleAssignment.IdentityGroupRoleAssignment(this, key, { groupId: this.groupId, roleId, ...where });
  }
}

/** The id of a system role or policy, looked up by display name at plan time (one data source per stack and name). */
function systemRoleLookup(scope: Construct, policyName: string): string {
  const stack = TerraformStack.of(scope);
  const id = `huawei_role_${policyName.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`;
  const existing = stack.node.tryFindChild(id) as huaweicloud.dataHuaweicloudIdentityRole.DataHuaweicloudIdentityRole | undefined;
  return (existing ?? new huaweicloud.dataHuaweicloudIdentityRole.DataHuaweicloudIdentityRole(stack, id, { displayName: policyName })).id;
}

/** Properties of a HuaweiCustomPolicy. */
export interface HuaweiCustomPolicyProps {
  /** Policy name (1-128 characters). */
  readonly policyName: string;
  readonly statements: PolicyStatement[];
  /** @default - the policy name */
  readonly description?: string;
}

/**
 * A Huawei Cloud custom policy (huaweicloud_identity_role, Version "1.1") from typed statements. Its display mode is
 * derived from its services: XA (project-level) or AX (global). Mixing the two is a synth error, as ModelArts' guide
 * says (seed 003, 示例3), and ModelArts statements cannot name resources ("modelarts的授权不支持指定具体资源路径").
 *
 * @example
 * const noPools = new HuaweiCustomPolicy(stack, 'no-pools', { policyName: 'modelarts-no-pools', statements: [
 *   { actions: ['modelarts:*:*'] },
 *   { effect: PolicyEffect.DENY, actions: ['modelarts:pool:create', 'modelarts:pool:update', 'modelarts:pool:delete'] },
 * ] });
 */
export class HuaweiCustomPolicy extends Construct {
  public readonly roleId: string;
  /** AX (global services) or XA (project-level services). */
  public readonly displayMode: string;
  public readonly document: string;

  constructor(scope: Construct, id: string, props: HuaweiCustomPolicyProps) {
    super(scope, id);
    validateName(this, NAMES.policy, props.policyName);
    const fail = (msg: string, fix: string) => new Error(`${this.node.path}: ${msg}. Fix: ${fix}`);
    if (props.statements.length === 0) throw fail('a policy needs at least one statement', 'add a statement');
    const services = new Set<string>();
    props.statements.forEach((s, i) => {
      for (const a of s.actions) {
        const service = a.split(':')[0];
        if (a !== '*' && a.split(':').length !== 3) throw fail(`statement ${i}: "${a}" is not service:resourceType:operation`, 'write e.g. "modelarts:notebook:list"');
        if (service !== '*') services.add(service);
      }
      if (s.resources && s.resources.some(r => r !== '*') && s.actions.some(a => a.startsWith('modelarts:'))) {
        throw fail(`statement ${i} names resources for ModelArts actions, which do not support resource paths`, 'remove resources from the ModelArts statement');
      }
    });
    const global = [...services].filter(s => HUAWEI_GLOBAL_SERVICES.includes(s));
    const project = [...services].filter(s => !HUAWEI_GLOBAL_SERVICES.includes(s));
    if (global.length && project.length) {
      throw fail(`mixes global services (${global.join(', ')}) with project-level services (${project.join(', ')})`,
        'create two custom policies, one per scope (the guide: services in one policy must share one scope)');
    }
    this.displayMode = global.length ? 'AX' : 'XA';
    this.document = renderPolicyDocument(props.statements, '1.1', true);
    const r = new huaweicloud.identityRole.IdentityRole(this, 'Resource', {
      name: props.policyName, description: props.description ?? props.policyName, type: this.displayMode, policy: this.document,
    });
    this.roleId = r.id;
  }
}
