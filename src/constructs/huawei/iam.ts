import { TerraformResource, TerraformStack, Token } from 'cdktf';
import { Construct } from 'constructs';
import { LIMITS } from '../../catalog/limits';
import { HUAWEI_GLOBAL_POLICIES, HUAWEI_GLOBAL_SERVICES } from '../../catalog/modelarts';
import { Dialect } from '../../policy/types';
import { huaweicloud } from '../../providers';
import { Grant } from '../core/grant';
import { validateName } from '../core/naming';
import { IPrincipal, PrincipalCloud, PrincipalKind } from '../core/principal';
import { AttachOptions, PrincipalBase, readableLogicalId } from '../core/principal-base';
import { PolicyStatement, renderPolicyDocument } from '../core/statements';

const NAMES = LIMITS[Dialect.HUAWEI_IAM].names;

/** A Huawei Cloud IAM user, created here (HuaweiIamUser) or imported (HuaweiIamUser.fromUserId). */
export interface IHuaweiUser extends IPrincipal {
  readonly userName: string;
  /** The user id; group memberships refer to it. */
  readonly userId: string;
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

/** How a policy is assigned to a group. */
export interface HuaweiAssignmentOptions extends AttachOptions {
  /** @default HuaweiScope.allResources() */
  readonly scope?: HuaweiScope;
}

/** How a system policy is assigned to a group. */
export interface HuaweiSystemPolicyOptions extends HuaweiAssignmentOptions {
  /** The system policy's role id. @default - looked up by display name (`huaweicloud_identity_role` data source) */
  readonly roleId?: string;
  /** Account (domain) id: assigns a global-service policy globally when `scope` is one project. @default - none */
  readonly domainId?: string;
}

/**
 * A Huawei Cloud IAM user group, created here (HuaweiIamGroup) or imported (HuaweiIamGroup.fromGroupId). Users get
 * permissions only through groups, so policies are assigned to groups.
 */
export interface IHuaweiGroup extends IPrincipal {
  readonly groupName: string;
  readonly groupId: string;
  /** Adds a user (huaweicloud_identity_group_membership). */
  addUser(user: IHuaweiUser): Grant;
  /** Assigns a custom policy (huaweicloud_identity_group_role_assignment). */
  assignCustomPolicy(policy: HuaweiCustomPolicy, options?: HuaweiAssignmentOptions): Grant;
  /** Assigns a system policy or role by its display name, e.g. `ModelArts CommonOperations`. */
  assignSystemPolicy(policyName: string, options?: HuaweiSystemPolicyOptions): Grant;
}

class ImportedHuaweiUser extends Construct implements IHuaweiUser {
  public readonly cloud = PrincipalCloud.HUAWEI;
  public readonly principalKind = PrincipalKind.USER;
  constructor(scope: Construct, id: string, public readonly userId: string, public readonly userName: string) {
    super(scope, id);
    validateName(this, NAMES.user, userName);
  }
  public get principalName(): string { return this.userName; }
  public get declaredName(): string { return this.userName; }
}

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
export class HuaweiIamUser extends Construct implements IHuaweiUser {
  /** An existing user, by id (memberships need it) and name; nothing is created. */
  public static fromUserId(scope: Construct, id: string, userId: string, userName: string): IHuaweiUser {
    return new ImportedHuaweiUser(scope, id, userId, userName);
  }

  public readonly cloud = PrincipalCloud.HUAWEI;
  public readonly principalKind = PrincipalKind.USER;
  public readonly userName: string;
  public readonly principalName: string;
  public readonly declaredName: string;
  /** The user id, known after apply; memberships refer to it. */
  public readonly userId: string;
  public readonly resource: huaweicloud.identityUser.IdentityUser;

  constructor(scope: Construct, id: string, props: HuaweiIamUserProps) {
    super(scope, id);
    validateName(this, NAMES.user, props.userName);
    this.resource = new huaweicloud.identityUser.IdentityUser(this, 'Resource', { name: props.userName });
    readableLogicalId(this.resource, props.userName);
    this.userName = props.userName;
    this.principalName = this.resource.name;
    this.declaredName = props.userName;
    this.userId = this.resource.id;
  }
}

/** Role assignments and membership, shared by created and imported groups. */
abstract class HuaweiGroupBase extends PrincipalBase implements IHuaweiGroup {
  public readonly cloud = PrincipalCloud.HUAWEI;
  public readonly principalKind = PrincipalKind.GROUP;
  public abstract readonly groupName: string;
  public abstract readonly groupId: string;
  private readonly users: IHuaweiUser[] = [];
  private membership?: huaweicloud.identityGroupMembership.IdentityGroupMembership;

  public addUser(user: IHuaweiUser): Grant {
    if (this.users.includes(user)) throw new Error(`${this.node.path}: ${user.node.path} is already a member. Fix: add each user once`);
    this.users.push(user);
    if (!this.membership) {
      // One membership resource per group; members added later are rendered at synth.
      this.membership = new huaweicloud.identityGroupMembership.IdentityGroupMembership(this, 'Members', { group: this.groupId, users: [] });
      this.membership.addOverride('users', Token.asList({ resolve: () => this.users.map(u => u.userId) }));
      readableLogicalId(this.membership, `${this.declaredName}_members`);
    }
    return Grant._of(user, [this.membership], []);
  }

  public assignCustomPolicy(policy: HuaweiCustomPolicy, options: HuaweiAssignmentOptions = {}): Grant {
    const where = options.scope ?? HuaweiScope.allResources();
    return this.assignRaw(`${policy.declaredName}-${where.projectId}`, policy.declaredName, policy.roleId, { projectId: where.projectId }, options);
  }

  public assignSystemPolicy(policyName: string, options: HuaweiSystemPolicyOptions = {}): Grant {
    const where = options.scope ?? HuaweiScope.allResources();
    const id = options.roleId ?? systemRoleLookup(this, policyName);
    const global = HUAWEI_GLOBAL_POLICIES.has(policyName);
    let target: { projectId?: string; domainId?: string } = { projectId: where.projectId };
    if (global && where.projectId !== 'all') {
      if (!options.domainId) {
        throw new Error(`${this.node.path}: ${policyName} is a global-service policy and cannot be assigned in project ${where.projectId}. ` +
          'Fix: use HuaweiScope.allResources(), or pass domainId to assign it globally');
      }
      target = { domainId: options.domainId };
    }
    const grant = this.assignRaw(`${policyName}-${target.projectId ?? 'domain'}`, policyName, id, target, options);
    // The access model reads the name back from this metadata: the id alone does not say which policy it is.
    for (const c of grant.created) (c as TerraformResource).addOverride('//.aiam.systemPolicy', policyName);
    return grant;
  }

  private assignRaw(label: string, policyName: string, roleId: string, where: { projectId?: string; domainId?: string },
    options: AttachOptions): Grant {
    return this._attachOnce(label, policyName, options, (scope, id) =>
      new huaweicloud.identityGroupRoleAssignment.IdentityGroupRoleAssignment(scope, id, { groupId: this.groupId, roleId, ...where }));
  }
}

class ImportedHuaweiGroup extends HuaweiGroupBase {
  constructor(scope: Construct, id: string, public readonly groupId: string, public readonly groupName: string) {
    super(scope, id);
    validateName(this, NAMES.group, groupName);
  }
  public get principalName(): string { return this.groupName; }
  public get declaredName(): string { return this.groupName; }
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
 * team.assignCustomPolicy(noPools, { scope: HuaweiScope.allResources() });
 */
export class HuaweiIamGroup extends HuaweiGroupBase {
  /** An existing group, by id (role assignments need it) and name; nothing is created. */
  public static fromGroupId(scope: Construct, id: string, groupId: string, groupName: string): IHuaweiGroup {
    return new ImportedHuaweiGroup(scope, id, groupId, groupName);
  }

  public readonly groupName: string;
  public readonly groupId: string;
  public readonly principalName: string;
  public readonly declaredName: string;
  public readonly resource: huaweicloud.identityGroup.IdentityGroup;

  constructor(scope: Construct, id: string, props: HuaweiIamGroupProps) {
    super(scope, id);
    validateName(this, NAMES.group, props.groupName);
    this.resource = new huaweicloud.identityGroup.IdentityGroup(this, 'Resource', { name: props.groupName, description: props.description });
    readableLogicalId(this.resource, props.groupName);
    this.groupName = props.groupName;
    this.principalName = this.resource.name;
    this.declaredName = props.groupName;
    this.groupId = this.resource.id;
  }
}

/**
 * The id of a system policy or role, looked up by display name with the provider's `huaweicloud_identity_role` data
 * source (one per stack and name): Terraform resolves it at plan time, and the access model reads the name back.
 */
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
  /** The policy name as written in code. */
  public readonly declaredName: string;
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
    const limit = LIMITS[Dialect.HUAWEI_IAM].policyDocumentMaxChars;
    if (!Token.isUnresolved(this.document) && this.document.length > limit) {
      throw fail(`policy document is ${this.document.length} characters; Huawei Cloud accepts ${limit}`, 'split the statements into two policies');
    }
    const r = new huaweicloud.identityRole.IdentityRole(this, 'Resource', {
      name: props.policyName, description: props.description ?? props.policyName, type: this.displayMode, policy: this.document,
    });
    readableLogicalId(r, props.policyName);
    this.roleId = r.id;
    this.declaredName = props.policyName;
  }
}
