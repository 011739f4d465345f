import { TerraformStack, TerraformVariable, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { LIMITS } from '../../catalog/limits';
import { Dialect } from '../../policy/types';
import { volcengine } from '../../providers';
import { Grant } from '../core/grant';
import { validateName } from '../core/naming';
import { IPrincipal, PrincipalCloud, PrincipalKind } from '../core/principal';
import { AttachOptions, PrincipalBase, readableLogicalId, uniqueChildId } from '../core/principal-base';
import { PolicyStatement, renderPolicyDocument } from '../core/statements';

const NAMES = LIMITS[Dialect.VOLCENGINE_IAM].names;

/** A Volcengine IAM user, group or role that policies can be attached to. */
export interface IVolcPrincipal extends IPrincipal {
  /** Attaches a custom policy. */
  attachPolicy(policy: VolcIamPolicy, options?: AttachOptions): Grant;
  /** Attaches a system policy by name, e.g. `MLPlatformDeveloperAccess`. */
  attachSystemPolicy(policyName: string, options?: AttachOptions): Grant;
}

/** A Volcengine IAM user, created here (VolcIamUser) or imported (VolcIamUser.fromUserName). */
export interface IVolcUser extends IVolcPrincipal {
  readonly userName: string;
}

/** A Volcengine IAM user group, created here (VolcIamGroup) or imported (VolcIamGroup.fromGroupName). */
export interface IVolcGroup extends IVolcPrincipal {
  readonly groupName: string;
  /** Adds a user to the group (volcengine_iam_user_group_attachment). */
  addUser(user: IVolcUser, options?: AttachOptions): Grant;
}

/** A Volcengine IAM role, created here (VolcIamRole) or imported (VolcIamRole.fromRoleName). */
export interface IVolcRole extends IVolcPrincipal {
  readonly roleName: string;
}

abstract class VolcPrincipalBase extends PrincipalBase implements IVolcPrincipal {
  public readonly cloud = PrincipalCloud.VOLCENGINE;

  public attachPolicy(policy: VolcIamPolicy, options?: AttachOptions): Grant {
    return this.attach(policy.policyName, 'Custom', policy.declaredName, options);
  }

  public attachSystemPolicy(policyName: string, options?: AttachOptions): Grant {
    return this.attach(policyName, 'System', policyName, options);
  }

  private attach(policyName: string, policyType: string, label: string, options?: AttachOptions): Grant {
    const name = this.principalName;
    return this._attachOnce(label, label, options, (scope, id) => {
      switch (this.principalKind) {
        case PrincipalKind.USER:
          return new volcengine.iamUserPolicyAttachment.IamUserPolicyAttachment(scope, id, { userName: name, policyName, policyType });
        case PrincipalKind.GROUP:
          return new volcengine.iamUserGroupPolicyAttachment.IamUserGroupPolicyAttachment(scope, id, { userGroupName: name, policyName, policyType });
        default:
          return new volcengine.iamRolePolicyAttachment.IamRolePolicyAttachment(scope, id, { roleName: name, policyName, policyType });
      }
    });
  }
}

class ImportedVolcUser extends VolcPrincipalBase implements IVolcUser {
  public readonly principalKind = PrincipalKind.USER;
  constructor(scope: Construct, id: string, public readonly userName: string) {
    super(scope, id);
    validateName(this, NAMES.user, userName);
  }
  public get principalName(): string { return this.userName; }
  public get declaredName(): string { return this.userName; }
}

class ImportedVolcRole extends VolcPrincipalBase implements IVolcRole {
  public readonly principalKind = PrincipalKind.ROLE;
  constructor(scope: Construct, id: string, public readonly roleName: string) {
    super(scope, id);
    validateName(this, NAMES.role, roleName);
  }
  public get principalName(): string { return this.roleName; }
  public get declaredName(): string { return this.roleName; }
}

/** Properties of a VolcIamUser. */
export interface VolcIamUserProps {
  /** IAM user name: 1-64 letters, digits, `.`, `_`, `-`. */
  readonly userName: string;
  /** @default - none */
  readonly displayName?: string;
}

/**
 * A Volcengine IAM user (volcengine_iam_user).
 *
 * @example
 * const bob = new VolcIamUser(stack, 'bob', { userName: 'bob' });
 * new MlPlatformDeveloper(stack, 'bob-dev', { principal: bob });
 */
export class VolcIamUser extends VolcPrincipalBase implements IVolcUser {
  /** An existing user, by name; nothing is created. */
  public static fromUserName(scope: Construct, id: string, userName: string): IVolcUser {
    return new ImportedVolcUser(scope, id, userName);
  }

  public readonly principalKind = PrincipalKind.USER;
  public readonly principalName: string;
  public readonly declaredName: string;
  public readonly userName: string;
  public readonly resource: volcengine.iamUser.IamUser;

  constructor(scope: Construct, id: string, props: VolcIamUserProps) {
    super(scope, id);
    validateName(this, NAMES.user, props.userName);
    this.resource = new volcengine.iamUser.IamUser(this, 'Resource', { userName: props.userName, displayName: props.displayName });
    readableLogicalId(this.resource, props.userName);
    this.principalName = this.resource.userName;
    this.userName = this.resource.userName;
    this.declaredName = props.userName;
  }
}

/** Properties of a VolcIamGroup. */
export interface VolcIamGroupProps {
  /** User group name: 1-64 letters, digits, `.`, `_`, `-`. */
  readonly groupName: string;
  /** @default - none */
  readonly description?: string;
}

/** Group membership, shared by created and imported groups. */
abstract class VolcGroupBase extends VolcPrincipalBase implements IVolcGroup {
  public readonly principalKind = PrincipalKind.GROUP;
  public abstract readonly groupName: string;
  private readonly members = new Set<IVolcUser>();

  public addUser(user: IVolcUser, options?: AttachOptions): Grant {
    if (this.members.has(user)) throw new Error(`${this.node.path}: ${user.node.path} is already a member. Fix: add each user once`);
    this.members.add(user);
    const scope = options?.owner ?? this;
    const m = new volcengine.iamUserGroupAttachment.IamUserGroupAttachment(scope, uniqueChildId(scope, `Member-${user.node.id}`), {
      userGroupName: this.principalName, userName: user.principalName,
    });
    readableLogicalId(m, `${this.declaredName}_${user.declaredName}`);
    return Grant._of(user, [m], []);
  }
}

class ImportedVolcGroup extends VolcGroupBase {
  constructor(scope: Construct, id: string, public readonly groupName: string) {
    super(scope, id);
    validateName(this, NAMES.group, groupName);
  }
  public get principalName(): string { return this.groupName; }
  public get declaredName(): string { return this.groupName; }
}

/**
 * A Volcengine IAM user group (volcengine_iam_user_group) with its members.
 *
 * @example
 * const team = new VolcIamGroup(stack, 'team', { groupName: 'ml-team' });
 * team.addUser(bob);
 */
export class VolcIamGroup extends VolcGroupBase {
  /** An existing group, by name; nothing is created. */
  public static fromGroupName(scope: Construct, id: string, groupName: string): IVolcGroup {
    return new ImportedVolcGroup(scope, id, groupName);
  }

  public readonly principalName: string;
  public readonly declaredName: string;
  public readonly groupName: string;
  public readonly resource: volcengine.iamUserGroup.IamUserGroup;

  constructor(scope: Construct, id: string, props: VolcIamGroupProps) {
    super(scope, id);
    validateName(this, NAMES.group, props.groupName);
    this.resource = new volcengine.iamUserGroup.IamUserGroup(this, 'Resource', { userGroupName: props.groupName, description: props.description });
    readableLogicalId(this.resource, props.groupName);
    this.principalName = this.resource.userGroupName;
    this.groupName = this.resource.userGroupName;
    this.declaredName = props.groupName;
  }
}

/** Properties of a VolcIamRole. */
export interface VolcIamRoleProps {
  /** Role name: 1-64 letters, digits, `.`, `_`, `-`. */
  readonly roleName: string;
  /** Services that may assume the role, e.g. `vke` (volcengine docs 6257/1134850). @default - none */
  readonly trustedServices?: string[];
  /** IAM TRNs that may assume the role, e.g. `trn:iam::2100000001:root`. @default - none */
  readonly trustedPrincipals?: string[];
  /** @default - the role name */
  readonly displayName?: string;
  /** @default - none */
  readonly description?: string;
}

/**
 * A Volcengine IAM role (volcengine_iam_role) with its trust policy.
 *
 * @example
 * const svc = new VolcIamRole(stack, 'svc', { roleName: 'vke-nodes', trustedServices: ['vke'] });
 * svc.attachSystemPolicy('TOSReadOnlyAccess');
 */
export class VolcIamRole extends VolcPrincipalBase implements IVolcRole {
  /** An existing role, by name; nothing is created. */
  public static fromRoleName(scope: Construct, id: string, roleName: string): IVolcRole {
    return new ImportedVolcRole(scope, id, roleName);
  }

  public readonly principalKind = PrincipalKind.ROLE;
  public readonly principalName: string;
  public readonly declaredName: string;
  public readonly roleName: string;
  public readonly resource: volcengine.iamRole.IamRole;

  constructor(scope: Construct, id: string, props: VolcIamRoleProps) {
    super(scope, id);
    validateName(this, NAMES.role, props.roleName);
    const principal: Record<string, string[]> = {};
    if (props.trustedServices?.length) principal.Service = props.trustedServices;
    if (props.trustedPrincipals?.length) principal.IAM = props.trustedPrincipals;
    if (Object.keys(principal).length === 0) {
      throw new Error(`${this.node.path}: a role needs someone to assume it. Fix: set trustedServices or trustedPrincipals`);
    }
    this.resource = new volcengine.iamRole.IamRole(this, 'Resource', {
      roleName: props.roleName,
      displayName: props.displayName ?? props.roleName,
      description: props.description,
      trustPolicyDocument: JSON.stringify({ Statement: [{ Effect: 'Allow', Action: ['sts:AssumeRole'], Principal: principal }] }),
    });
    readableLogicalId(this.resource, props.roleName);
    this.principalName = this.resource.roleName;
    this.roleName = this.resource.roleName;
    this.declaredName = props.roleName;
  }
}

/** Properties of a VolcIamPolicy. */
export interface VolcIamPolicyProps {
  /** Policy name: 1-64 letters, digits and `+=,.@-_`. */
  readonly policyName: string;
  readonly statements: PolicyStatement[];
  /** @default - none */
  readonly description?: string;
}

/**
 * A custom Volcengine IAM policy (volcengine_iam_policy) built from typed statements.
 *
 * @example
 * const policy = new VolcIamPolicy(stack, 'read', {
 *   policyName: 'ml-read',
 *   statements: [{ actions: ['ml_platform:Get*', 'ml_platform:List*'] }],
 * });
 * team.attachPolicy(policy);
 */
export class VolcIamPolicy extends Construct {
  /** The policy name, as a reference to the resource (so attachments wait for the policy). */
  public readonly policyName: string;
  /** The name as written in code. */
  public readonly declaredName: string;
  /** The document as synthesized (policy variables escaped for Terraform). */
  public readonly document: string;
  public readonly resource: volcengine.iamPolicy.IamPolicy;

  constructor(scope: Construct, id: string, props: VolcIamPolicyProps) {
    super(scope, id);
    validateName(this, NAMES.policy, props.policyName);
    if (props.statements.length === 0) throw new Error(`${this.node.path}: a policy needs at least one statement. Fix: add a statement`);
    // Volcengine policies have no Version element (volcengine-iam.md §1.1).
    this.document = renderPolicyDocument(props.statements);
    const limit = LIMITS[Dialect.VOLCENGINE_IAM].policyDocumentMaxChars;
    if (!Token.isUnresolved(this.document) && this.document.length > limit) {
      throw new Error(`${this.node.path}: policy document is ${this.document.length} characters; Volcengine accepts ${limit}. Fix: split the statements into two policies`);
    }
    this.resource = new volcengine.iamPolicy.IamPolicy(this, 'Resource', {
      policyName: props.policyName, policyDocument: this.document, description: props.description,
    });
    this.policyName = this.resource.policyName;
    this.declaredName = props.policyName;
    readableLogicalId(this.resource, props.policyName);
  }
}

/** Region and account of a stack's Volcengine resources: props first, then the provider; account ids unknown at synth stay references. @internal */
export function volcRegionAndAccount(scope: Construct, region?: string, accountId?: string): { region: string; accountId: string } {
  const stack = TerraformStack.of(scope);
  let r = region;
  if (!r) {
    const isProvider = (n: IConstruct): n is volcengine.provider.VolcengineProvider => n instanceof volcengine.provider.VolcengineProvider;
    const provider = stack.node.findAll().find(isProvider);
    r = provider?.region;
  }
  if (!r) throw new Error(`${scope.node.path}: no region. Fix: pass region, or set region on the VolcengineProvider of stack ${stack.node.id}`);
  let account = accountId;
  if (!account) {
    const existing = stack.node.tryFindChild('volcengine_account_id') as TerraformVariable | undefined;
    account = (existing ?? new TerraformVariable(stack, 'volcengine_account_id', {
      type: 'string', description: 'Volcengine account id (main account), used in resource TRNs',
    })).stringValue;
  }
  return { region: r, accountId: account };
}
