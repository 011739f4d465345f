import { Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { Catalog } from '../../../catalog';
import { LIMITS } from '../../../catalog/limits';
import { Dialect } from '../../../policy/types';
import { alicloud } from '../../../providers';
import { AttachmentTarget } from '../../core/attachment-target';
import { validateName } from '../../core/naming';
import { PolicyStatement, renderPolicyDocument } from '../../core/statements';

const NAMES = LIMITS[Dialect.ALIBABA_RAM].names;

/** What a RAM principal is. */
export enum RamPrincipalKind {
  USER = 'user',
  GROUP = 'group',
  ROLE = 'role',
}

/** A RAM user, group or role that policies can be attached to. */
export interface IRamPrincipal extends IConstruct {
  readonly principalKind: RamPrincipalKind;
  /** The RAM name, as a reference to the resource when it is created here (so Terraform orders the changes). */
  readonly principalName: string;
  /** The name as written in code. */
  readonly declaredName: string;
  /** Attaches a custom policy. */
  attachPolicy(policy: RamCustomPolicy): void;
  /** Attaches a system policy by name, e.g. `AliyunBailianFullAccess`. */
  attachSystemPolicy(policyName: string): void;
}

abstract class RamPrincipalBase extends AttachmentTarget implements IRamPrincipal {
  public abstract readonly principalKind: RamPrincipalKind;
  public abstract readonly principalName: string;
  public abstract readonly declaredName: string;

  public attachPolicy(policy: RamCustomPolicy): void {
    this.attach(policy.policyName, 'Custom', `policy-${policy.node.addr.slice(0, 8)}`);
  }

  public attachSystemPolicy(policyName: string): void {
    this.attach(policyName, 'System', `system-${policyName}`);
  }

  private attach(policyName: string, policyType: string, id: string): void {
    const name = this.principalName;
    this._attachOnce(id, () => {
      switch (this.principalKind) {
        case RamPrincipalKind.USER:
          new alicloud.ramUserPolicyAttachment.RamUserPolicyAttachment(this, id, { userName: name, policyName, policyType });
          break;
        case RamPrincipalKind.GROUP:
          new alicloud.ramGroupPolicyAttachment.RamGroupPolicyAttachment(this, id, { groupName: name, policyName, policyType });
          break;
        default:
          new alicloud.ramRolePolicyAttachment.RamRolePolicyAttachment(this, id, { roleName: name, policyName, policyType });
      }
    });
  }
}

class ImportedRamPrincipal extends RamPrincipalBase {
  public readonly declaredName: string;
  constructor(scope: Construct, id: string, public readonly principalKind: RamPrincipalKind, public readonly principalName: string) {
    super(scope, id);
    validateName(this, NAMES[principalKind], principalName);
    this.declaredName = principalName;
  }
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
 * workspace.grantModelInvoke(bob, { models: ['qwen-max'] });
 */
export class RamUser extends RamPrincipalBase {
  /** An existing RAM user, by name; nothing is created. */
  public static fromUserName(scope: Construct, id: string, userName: string): IRamPrincipal {
    return new ImportedRamPrincipal(scope, id, RamPrincipalKind.USER, userName);
  }

  public readonly principalKind = RamPrincipalKind.USER;
  public readonly principalName: string;
  public readonly declaredName: string;
  public readonly resource: alicloud.ramUser.RamUser;

  constructor(scope: Construct, id: string, props: RamUserProps) {
    super(scope, id);
    validateName(this, NAMES.user, props.userName);
    this.resource = new alicloud.ramUser.RamUser(this, 'Resource', { name: props.userName, displayName: props.displayName });
    this.principalName = this.resource.name;
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

/**
 * A RAM user group (alicloud_ram_group) with its members (alicloud_ram_user_group_attachment).
 *
 * @example
 * const team = new RamGroup(stack, 'team', { groupName: 'pairec-analysts' });
 * team.addUser(bob);
 */
export class RamGroup extends RamPrincipalBase {
  /** An existing RAM group, by name; nothing is created. */
  public static fromGroupName(scope: Construct, id: string, groupName: string): IRamPrincipal {
    return new ImportedRamPrincipal(scope, id, RamPrincipalKind.GROUP, groupName);
  }

  public readonly principalKind = RamPrincipalKind.GROUP;
  public readonly principalName: string;
  public readonly declaredName: string;
  public readonly resource: alicloud.ramGroup.RamGroup;
  private readonly members = new Set<IRamPrincipal>();

  constructor(scope: Construct, id: string, props: RamGroupProps) {
    super(scope, id);
    validateName(this, NAMES.group, props.groupName);
    this.resource = new alicloud.ramGroup.RamGroup(this, 'Resource', { groupName: props.groupName, comments: props.comments });
    this.principalName = this.resource.groupName;
    this.declaredName = props.groupName;
  }

  /** Adds a RAM user to the group. */
  public addUser(user: IRamPrincipal): void {
    if (user.principalKind !== RamPrincipalKind.USER) {
      throw new Error(`${this.node.path}: ${user.node.path} is a ${user.principalKind}; only users join groups. Fix: attach the policies to it directly`);
    }
    if (this.members.has(user)) throw new Error(`${this.node.path}: ${user.node.path} is already a member. Fix: add each user once`);
    this.members.add(user);
    new alicloud.ramUserGroupAttachment.RamUserGroupAttachment(this, `member-${user.node.addr.slice(0, 8)}`, {
      groupName: this.principalName, userName: user.principalName,
    });
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
export class RamRole extends RamPrincipalBase {
  /** An existing RAM role, by name; nothing is created. */
  public static fromRoleName(scope: Construct, id: string, roleName: string): IRamPrincipal {
    return new ImportedRamPrincipal(scope, id, RamPrincipalKind.ROLE, roleName);
  }

  public readonly principalKind = RamPrincipalKind.ROLE;
  public readonly principalName: string;
  public readonly declaredName: string;
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
    this.principalName = this.resource.roleName;
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
  public readonly policyName: string;
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
  }
}
