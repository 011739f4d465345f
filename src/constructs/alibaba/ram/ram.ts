import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { Catalog } from '../../../catalog';
import { LIMITS } from '../../../catalog/limits';
import { Dialect } from '../../../policy/types';
import { alicloud } from '../../../providers';
import { Grant } from '../../core/grant';
import { validateName } from '../../core/naming';
import { IPrincipal, PrincipalCloud, PrincipalKind } from '../../core/principal';
import { AttachOptions, PrincipalBase, readableLogicalId, uniqueChildId } from '../../core/principal-base';
import { PolicyStatement, renderPolicyDocument } from '../../core/statements';

const NAMES = LIMITS[Dialect.ALIBABA_RAM].names;

/** A RAM user, group or role that policies can be attached to. */
export interface IRamPrincipal extends IPrincipal {
  /** Attaches a custom policy. */
  attachPolicy(policy: RamCustomPolicy, options?: AttachOptions): Grant;
  /** Attaches a system policy by name, e.g. `AliyunBailianFullAccess`. */
  attachSystemPolicy(policyName: string, options?: AttachOptions): Grant;
}

/**
 * A RAM user or role: an identity that signs in or is assumed and calls APIs. Groups are not identities, so
 * Model Studio members and API key owners are `IRamIdentity`s.
 */
export interface IRamIdentity extends IRamPrincipal {
  /** The user or role name (a reference when it is created here). */
  readonly identityName: string;
}

/** A RAM user, created here (RamUser) or imported (RamUser.fromUserName). */
export interface IRamUser extends IRamIdentity {
  /** The user name (a reference when the user is created here). */
  readonly userName: string;
}

/** A RAM user group, created here (RamGroup) or imported (RamGroup.fromGroupName). */
export interface IRamGroup extends IRamPrincipal {
  /** The group name (a reference when the group is created here). */
  readonly groupName: string;
  /** Adds a RAM user to the group (alicloud_ram_user_group_attachment). */
  addUser(user: IRamUser, options?: AttachOptions): Grant;
}

/** A RAM role, created here (RamRole) or imported (RamRole.fromRoleName). */
export interface IRamRole extends IRamIdentity {
  /** The role name (a reference when the role is created here). */
  readonly roleName: string;
}

abstract class RamPrincipalBase extends PrincipalBase implements IRamPrincipal {
  public readonly cloud = PrincipalCloud.ALIBABA;

  public attachPolicy(policy: RamCustomPolicy, options?: AttachOptions): Grant {
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
          return new alicloud.ramUserPolicyAttachment.RamUserPolicyAttachment(scope, id, { userName: name, policyName, policyType });
        case PrincipalKind.GROUP:
          return new alicloud.ramGroupPolicyAttachment.RamGroupPolicyAttachment(scope, id, { groupName: name, policyName, policyType });
        default:
          return new alicloud.ramRolePolicyAttachment.RamRolePolicyAttachment(scope, id, { roleName: name, policyName, policyType });
      }
    });
  }
}

class ImportedRamUser extends RamPrincipalBase implements IRamUser {
  public readonly principalKind = PrincipalKind.USER;
  constructor(scope: Construct, id: string, public readonly userName: string) {
    super(scope, id);
    validateName(this, NAMES.user, userName);
  }
  public get principalName(): string { return this.userName; }
  public get identityName(): string { return this.userName; }
  public get declaredName(): string { return this.userName; }
}

class ImportedRamRole extends RamPrincipalBase implements IRamRole {
  public readonly principalKind = PrincipalKind.ROLE;
  constructor(scope: Construct, id: string, public readonly roleName: string) {
    super(scope, id);
    validateName(this, NAMES.role, roleName);
  }
  public get principalName(): string { return this.roleName; }
  public get identityName(): string { return this.roleName; }
  public get declaredName(): string { return this.roleName; }
}

/** Properties of a RamUser. */
export interface RamUserProps {
  /** RAM user name: 1-64 letters, digits, `.`, `_`, `-`. */
  readonly userName: string;
  /** @default - none */
  readonly displayName?: string;
}

/**
 * A RAM user (alicloud_ram_user).
 *
 * @example
 * const bob = new RamUser(stack, 'bob', { userName: 'bob' });
 * const grant = workspace.grantModelInvoke(bob, { models: ['qwen-max'] });
 */
export class RamUser extends RamPrincipalBase implements IRamUser {
  /** An existing RAM user, by name; nothing is created. */
  public static fromUserName(scope: Construct, id: string, userName: string): IRamUser {
    return new ImportedRamUser(scope, id, userName);
  }

  public readonly principalKind = PrincipalKind.USER;
  public readonly principalName: string;
  public readonly declaredName: string;
  public readonly userName: string;
  public readonly identityName: string;
  public readonly resource: alicloud.ramUser.RamUser;

  constructor(scope: Construct, id: string, props: RamUserProps) {
    super(scope, id);
    validateName(this, NAMES.user, props.userName);
    this.resource = new alicloud.ramUser.RamUser(this, 'Resource', { name: props.userName, displayName: props.displayName });
    readableLogicalId(this.resource, props.userName);
    this.principalName = this.resource.name;
    this.userName = this.resource.name;
    this.identityName = this.resource.name;
    this.declaredName = props.userName;
  }
}

/** Properties of a RamGroup. */
export interface RamGroupProps {
  /** Group name: 1-64 letters, digits, `.`, `_`, `-`. */
  readonly groupName: string;
  /** @default - none */
  readonly comments?: string;
}

/** Group membership, shared by created and imported groups. */
abstract class RamGroupBase extends RamPrincipalBase implements IRamGroup {
  public readonly principalKind = PrincipalKind.GROUP;
  public abstract readonly groupName: string;
  private readonly members = new Set<IRamUser>();

  public addUser(user: IRamUser, options?: AttachOptions): Grant {
    if (this.members.has(user)) throw new Error(`${this.node.path}: ${user.node.path} is already a member. Fix: add each user once`);
    this.members.add(user);
    const scope = options?.owner ?? this;
    const m = new alicloud.ramUserGroupAttachment.RamUserGroupAttachment(scope, uniqueChildId(scope, `Member-${user.node.id}`), {
      groupName: this.principalName, userName: user.principalName,
    });
    readableLogicalId(m, `${this.declaredName}_${user.declaredName}`);
    return Grant._of(user, [m], []);
  }
}

class ImportedRamGroup extends RamGroupBase {
  constructor(scope: Construct, id: string, public readonly groupName: string) {
    super(scope, id);
    validateName(this, NAMES.group, groupName);
  }
  public get principalName(): string { return this.groupName; }
  public get declaredName(): string { return this.groupName; }
}

/**
 * A RAM user group (alicloud_ram_group) with its members (alicloud_ram_user_group_attachment).
 *
 * @example
 * const team = new RamGroup(stack, 'team', { groupName: 'pairec-analysts' });
 * team.addUser(bob);
 */
export class RamGroup extends RamGroupBase {
  /** An existing RAM group, by name; nothing is created. */
  public static fromGroupName(scope: Construct, id: string, groupName: string): IRamGroup {
    return new ImportedRamGroup(scope, id, groupName);
  }

  public readonly principalName: string;
  public readonly declaredName: string;
  public readonly groupName: string;
  public readonly resource: alicloud.ramGroup.RamGroup;

  constructor(scope: Construct, id: string, props: RamGroupProps) {
    super(scope, id);
    validateName(this, NAMES.group, props.groupName);
    this.resource = new alicloud.ramGroup.RamGroup(this, 'Resource', { groupName: props.groupName, comments: props.comments });
    readableLogicalId(this.resource, props.groupName);
    this.principalName = this.resource.groupName;
    this.groupName = this.resource.groupName;
    this.declaredName = props.groupName;
  }
}

/** Properties of a RamRole. */
export interface RamRoleProps {
  /** Role name: 1-64 letters, digits, `.`, `-`. */
  readonly roleName: string;
  /** Services that may assume the role, e.g. `pai.aliyuncs.com`. @default - none */
  readonly trustedServices?: string[];
  /** RAM principals (ARNs) that may assume the role, e.g. `acs:ram::123456789012****:root`. @default - none */
  readonly trustedPrincipals?: string[];
  /** @default - none */
  readonly description?: string;
}

/**
 * A RAM role (alicloud_ram_role) with its trust policy.
 *
 * @example
 * const app = new RamRole(stack, 'app', { roleName: 'chatbot-app', trustedServices: ['ecs.aliyuncs.com'] });
 */
export class RamRole extends RamPrincipalBase implements IRamRole {
  /** An existing RAM role, by name; nothing is created. */
  public static fromRoleName(scope: Construct, id: string, roleName: string): IRamRole {
    return new ImportedRamRole(scope, id, roleName);
  }

  public readonly principalKind = PrincipalKind.ROLE;
  public readonly principalName: string;
  public readonly declaredName: string;
  public readonly roleName: string;
  public readonly identityName: string;
  public readonly resource: alicloud.ramRole.RamRole;

  constructor(scope: Construct, id: string, props: RamRoleProps) {
    super(scope, id);
    validateName(this, NAMES.role, props.roleName);
    const principal: Record<string, string[]> = {};
    if (props.trustedServices?.length) principal.Service = props.trustedServices;
    if (props.trustedPrincipals?.length) principal.RAM = props.trustedPrincipals;
    if (Object.keys(principal).length === 0) {
      throw new Error(`${this.node.path}: a role needs someone to assume it. Fix: set trustedServices or trustedPrincipals`);
    }
    this.resource = new alicloud.ramRole.RamRole(this, 'Resource', {
      roleName: props.roleName,
      description: props.description,
      assumeRolePolicyDocument: JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: principal }] }),
    });
    readableLogicalId(this.resource, props.roleName);
    this.principalName = this.resource.roleName;
    this.roleName = this.resource.roleName;
    this.identityName = this.resource.roleName;
    this.declaredName = props.roleName;
  }
}

/** Properties of a RamCustomPolicy. */
export interface RamCustomPolicyProps {
  /** Policy name: 1-128 letters, digits, `-`. */
  readonly policyName: string;
  readonly statements: PolicyStatement[];
  /** @default - none */
  readonly description?: string;
}

/**
 * A custom RAM policy (alicloud_ram_policy, Version "1") built from typed statements.
 *
 * @example
 * const read = new RamCustomPolicy(stack, 'read', { policyName: 'pairec-read', statements: [{ actions: ['pairec:Get*', 'pairec:List*'] }] });
 * team.attachPolicy(read);
 */
export class RamCustomPolicy extends Construct {
  /** The policy name, as a reference to the resource (so attachments wait for the policy). */
  public readonly policyName: string;
  /** The name as written in code. */
  public readonly declaredName: string;
  public readonly document: string;
  public readonly resource: alicloud.ramPolicy.RamPolicy;

  constructor(scope: Construct, id: string, props: RamCustomPolicyProps) {
    super(scope, id);
    validateName(this, NAMES.policy, props.policyName);
    if (props.statements.length === 0) throw new Error(`${this.node.path}: a policy needs at least one statement. Fix: add a statement`);
    const catalog = Catalog.load();
    props.statements.forEach((s, i) => {
      // Operation-level services (pairec, sfm) never match a statement that names resources (alibaba-ram.md §3.3).
      const scoped = (s.resources ?? ['*']).filter(r => r !== '*');
      const operationLevel = [...new Set(s.actions.map(a => a.split(':')[0].toLowerCase()))]
        .filter(svc => catalog.service(Dialect.ALIBABA_RAM, svc)?.resourceLevel === false);
      if (scoped.length && operationLevel.length) {
        throw new Error(`${this.node.path}: statement ${i} scopes ${operationLevel.join(', ')} actions to ${scoped.join(', ')}, but ${operationLevel.join(', ')} ` +
          'has no resource-level authorization, so the statement would never match. Fix: use resources ["*"] and narrow by action');
      }
    });
    this.document = renderPolicyDocument(props.statements, '1');
    const limit = LIMITS[Dialect.ALIBABA_RAM].policyDocumentMaxChars;
    if (!Token.isUnresolved(this.document) && this.document.length > limit) {
      throw new Error(`${this.node.path}: policy document is ${this.document.length} characters; RAM accepts ${limit}. Fix: split the statements into two policies`);
    }
    this.resource = new alicloud.ramPolicy.RamPolicy(this, 'Resource', { policyName: props.policyName, policyDocument: this.document, description: props.description });
    this.policyName = this.resource.policyName;
    this.declaredName = props.policyName;
    readableLogicalId(this.resource, props.policyName);
  }
}
