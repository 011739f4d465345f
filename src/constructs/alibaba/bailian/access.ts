import { Construct } from 'constructs';
import { BAILIAN_POLICIES } from '../../../catalog/bailian';
import { designateAdmins } from '../../core/designated-admins';
import { Grant } from '../../core/grant';
import { principalSpec } from '../../core/principal';
import { IRamIdentity, IRamPrincipal, IRamUser } from '../ram';
import { BailianWorkspace } from './workspace';

/** Properties of SuperAdmin. */
export interface SuperAdminProps {
  /** The RAM user to make super admin. Omit for the main account, which needs nothing. @default - the main account */
  readonly user?: IRamUser;
  /** Also allow buying prepaid products (AliyunBSSOrderAccess), as the guide's setup does. @default false */
  readonly purchasePrepaid?: boolean;
}

/**
 * A Model Studio super admin: AliyunBailianFullAccess manages every workspace in every region (models, rate
 * limits, users, API keys). The identity that deploys this stack must be the main account or hold
 * AliyunRAMFullAccess (seed 000, 设置超级管理员).
 *
 * @example
 * new SuperAdmin(stack, 'platform-admin', { user: RamUser.fromUserName(stack, 'alice', 'alice'), purchasePrepaid: true });
 */
export class SuperAdmin extends Construct {
  public readonly systemPolicies: string[];
  /** The attachments this persona created (none for the main account). */
  public readonly grant: Grant;

  constructor(scope: Construct, id: string, props: SuperAdminProps = {}) {
    super(scope, id);
    const user = props.user;
    this.systemPolicies = user ? [BAILIAN_POLICIES.superAdmin, ...(props.purchasePrepaid ? [BAILIAN_POLICIES.prepaidOrders] : [])] : [];
    this.grant = Grant.combine(user ? this.systemPolicies.map(p => user.attachSystemPolicy(p, { owner: this })) : []);
    if (user) designateAdmins(this, [principalSpec(user)]);
  }
}

/** Properties of WorkspaceAdmin. */
export interface WorkspaceAdminProps {
  readonly workspace: BailianWorkspace;
  /** A RAM user or role. */
  readonly user: IRamIdentity;
}

/**
 * A workspace admin: every page of the workspace, its users and its API keys (set in the console's 权限管理).
 *
 * @example
 * new WorkspaceAdmin(stack, 'prod-admin', { workspace: envs.prod, user: bob });
 */
export class WorkspaceAdmin extends Construct {
  public readonly grant: Grant;

  constructor(scope: Construct, id: string, props: WorkspaceAdminProps) {
    super(scope, id);
    this.grant = props.workspace.addAdmin(props.user);
  }
}

/** OpenAPI data access level (seed 000, OpenAPI 接口权限). */
export enum BailianDataAccessLevel {
  /** AliyunBailianDataFullAccess: every API of the app API directory. */
  FULL = 'AliyunBailianDataFullAccess',
  /** AliyunBailianDataReadOnlyAccess: read-only APIs such as DescribeFile, GetIndexJobStatus. */
  READ_ONLY = 'AliyunBailianDataReadOnlyAccess',
}

/** Properties of OpenApiDataAccess. */
export interface OpenApiDataAccessProps {
  readonly principal: IRamPrincipal;
  /** @default BailianDataAccessLevel.READ_ONLY */
  readonly level?: BailianDataAccessLevel;
}

/**
 * Access to Model Studio's application data, knowledge base, prompt and memory OpenAPIs. Only the main account can
 * grant these: deploy this stack with the main account's credentials.
 *
 * @example
 * new OpenApiDataAccess(stack, 'rag-data', { principal: ragService, level: BailianDataAccessLevel.READ_ONLY });
 */
export class OpenApiDataAccess extends Construct {
  public readonly grant: Grant;

  constructor(scope: Construct, id: string, props: OpenApiDataAccessProps) {
    super(scope, id);
    this.grant = props.principal.attachSystemPolicy(props.level ?? BailianDataAccessLevel.READ_ONLY, { owner: this });
  }
}

/** Properties of BillingAccess. */
export interface BillingAccessProps {
  readonly principal: IRamPrincipal;
  /** View the bills of every product (AliyunBSSReadOnlyAccess). @default true */
  readonly viewBills?: boolean;
  /** Buy prepaid products (AliyunBSSOrderAccess). @default false */
  readonly purchasePrepaid?: boolean;
}

/**
 * Billing rights. These cover every Alibaba Cloud product, not only Model Studio: grant with care (seed 000).
 *
 * @example
 * new BillingAccess(stack, 'finance', { principal: financeGroup, viewBills: true });
 */
export class BillingAccess extends Construct {
  public readonly grant: Grant;

  constructor(scope: Construct, id: string, props: BillingAccessProps) {
    super(scope, id);
    const policies = [
      ...(props.viewBills ?? true ? [BAILIAN_POLICIES.billsReadOnly] : []),
      ...(props.purchasePrepaid ? [BAILIAN_POLICIES.prepaidOrders] : []),
    ];
    this.grant = Grant.combine(policies.map(p => props.principal.attachSystemPolicy(p, { owner: this })));
  }
}
