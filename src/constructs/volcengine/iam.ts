import { TerraformStack, TerraformVariable, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { LIMITS } from '../../catalog/limits';
import { Dialect } from '../../policy/types';
import { volcengine } from '../../providers';
import { AttachmentTarget } from '../core/attachment-target';
import { validateName } from '../core/naming';
import { PolicyStatement, renderPolicyDocument } from '../core/statements';

const NAMES = LIMITS[Dialect.VOLCENGINE_IAM].names;

/** What a Volcengine IAM principal is. */
export enum VolcPrincipalKind {
  USER = 'user',
  GROUP = 'group',
}

/** A user or user group that policies can be attached to. */
export interface IVolcPrincipal extends IConstruct {
  readonly principalKind: VolcPrincipalKind;
  /** The IAM name, as a reference to the resource when it is created here (so Terraform orders the changes). */
  readonly principalName: string;
  /** The name as written in code (may itself be a token when given one). */
  readonly declaredName: string;
  /** Attaches a custom policy. */
  attachPolicy(policy: VolcIamPolicy): void;
  /** Attaches a system policy by name, e.g. `MLPlatformDeveloperAccess`. */
  attachSystemPolicy(policyName: string): void;
}

abstract class VolcPrincipalBase extends AttachmentTarget implements IVolcPrincipal {
  public abstract readonly principalKind: VolcPrincipalKind;
  public abstract readonly principalName: string;
  public abstract readonly declaredName: string;

  public attachPolicy(policy: VolcIamPolicy): void {
    this.attach(policy.policyName, 'Custom', `policy-${policy.node.addr.slice(0, 8)}`);
  }

  public attachSystemPolicy(policyName: string): void {
    this.attach(policyName, 'System', `system-${policyName}`);
  }

  private attach(policyName: string, policyType: string, id: string): void {
    this._attachOnce(id, () => {
      if (this.principalKind === VolcPrincipalKind.USER) {
        new volcengine.iamUserPolicyAttachment.IamUserPolicyAttachment(this, id, { userName: this.principalName, policyName, policyType });
      } else {
        new volcengine.iamUserGroupPolicyAttachment.IamUserGroupPolicyAttachment(this, id, {
          userGroupName: this.principalName, policyName, policyType,
        });
      }
    });
  }
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
export class VolcIamUser extends VolcPrincipalBase {
  /** An existing user, by name; nothing is created. */
  public static fromUserName(scope: Construct, id: string, userName: string): IVolcPrincipal {
    return new ImportedVolcPrincipal(scope, id, VolcPrincipalKind.USER, userName);
  }

  public readonly principalKind = VolcPrincipalKind.USER;
  public readonly principalName: string;
  public readonly declaredName: string;
  public readonly resource: volcengine.iamUser.IamUser;

  constructor(scope: Construct, id: string, props: VolcIamUserProps) {
    super(scope, id);
    validateName(this, NAMES.user, props.userName);
    this.resource = new volcengine.iamUser.IamUser(this, 'Resource', { userName: props.userName, displayName: props.displayName });
    this.principalName = this.resource.userName;
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

/**
 * A Volcengine IAM user group (volcengine_iam_user_group) with its members.
 *
 * @example
 * const team = new VolcIamGroup(stack, 'team', { groupName: 'ml-team' });
 * team.addUser(bob);
 */
export class VolcIamGroup extends VolcPrincipalBase {
  /** An existing group, by name; nothing is created. */
  public static fromGroupName(scope: Construct, id: string, groupName: string): IVolcPrincipal {
    return new ImportedVolcPrincipal(scope, id, VolcPrincipalKind.GROUP, groupName);
  }

  public readonly principalKind = VolcPrincipalKind.GROUP;
  public readonly principalName: string;
  public readonly declaredName: string;
  public readonly resource: volcengine.iamUserGroup.IamUserGroup;
  private readonly members = new Set<IVolcPrincipal>();

  constructor(scope: Construct, id: string, props: VolcIamGroupProps) {
    super(scope, id);
    validateName(this, NAMES.group, props.groupName);
    this.resource = new volcengine.iamUserGroup.IamUserGroup(this, 'Resource', { userGroupName: props.groupName, description: props.description });
    this.principalName = this.resource.userGroupName;
    this.declaredName = props.groupName;
  }

  /** Adds a user to the group (volcengine_iam_user_group_attachment). */
  public addUser(user: IVolcPrincipal): void {
    if (user.principalKind !== VolcPrincipalKind.USER) {
      throw new Error(`${this.node.path}: ${user.node.path} is a group; only users can join a group. Fix: attach the policies to ${user.node.path} instead`);
    }
    if (this.members.has(user)) {
      throw new Error(`${this.node.path}: ${user.node.path} is already a member. Fix: add each user once`);
    }
    this.members.add(user);
    new volcengine.iamUserGroupAttachment.IamUserGroupAttachment(this, `member-${user.node.addr.slice(0, 8)}`, {
      userGroupName: this.principalName, userName: user.principalName,
    });
  }
}

class ImportedVolcPrincipal extends VolcPrincipalBase {
  public readonly declaredName: string;
  constructor(scope: Construct, id: string, public readonly principalKind: VolcPrincipalKind, public readonly principalName: string) {
    super(scope, id);
    this.declaredName = principalName;
    validateName(this, principalKind === VolcPrincipalKind.USER ? NAMES.user : NAMES.group, principalName);
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
  public readonly policyName: string;
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
