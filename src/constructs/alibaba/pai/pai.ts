import { Construct } from 'constructs';
import { AccessLevel, Catalog } from '../../../catalog';
import { activationPolicies, PaiFeature } from '../../../catalog/pai';
import { Dialect } from '../../../policy/types';
import { alicloud } from '../../../providers';
import { Grant } from '../../core/grant';
import { IRamPrincipal, IRamUser, RamCustomPolicy, RamUser } from '../ram';

/** How much of PAI-Rec a principal gets (all from the pairec catalog, seed 002). */
export enum PaiRecAccessLevel {
  /** Every List and Read action. */
  READ_ONLY = 'read-only',
  /** Every action except Delete*: run experiments, engines and traffic control, but remove nothing. */
  OPERATOR = 'operator',
  /** `pairec:*`. */
  ADMIN = 'admin',
}

/** Properties of PaiRecAccess. */
export interface PaiRecAccessProps {
  readonly principal: IRamPrincipal;
  /** @default PaiRecAccessLevel.READ_ONLY unless actions are given */
  readonly level?: PaiRecAccessLevel;
  /** Explicit actions instead of a level, e.g. `pairec:ListInstances`. @default - from the level */
  readonly actions?: string[];
  /** Must be `["*"]`: PAI-Rec has no resource-level authorization (seed 002). @default ["*"] */
  readonly resources?: string[];
  /** @default `pairec-<level>` */
  readonly policyName?: string;
}

/**
 * A custom RAM policy for PAI-Rec built from the action catalog, by access level or explicit action list.
 * Resource is always "*": PAI-Rec authorizes per operation only.
 *
 * @example
 * new PaiRecAccess(stack, 'analysts', { principal: analysts, level: PaiRecAccessLevel.READ_ONLY });
 */
export class PaiRecAccess extends Construct {
  public readonly policy: RamCustomPolicy;
  public readonly actions: string[];
  /** The policy and its attachment. */
  public readonly grant: Grant;

  constructor(scope: Construct, id: string, props: PaiRecAccessProps) {
    super(scope, id);
    if (props.resources?.some(r => r !== '*')) {
      throw new Error(`${this.node.path}: PAI-Rec has no resource-level authorization, so a statement scoped to ${props.resources.join(', ')} never matches. ` +
        'Fix: drop resources (Resource "*") and narrow access by action or level instead');
    }
    const catalog = Catalog.load().service(Dialect.ALIBABA_RAM, 'pairec')!;
    const level = props.level ?? PaiRecAccessLevel.READ_ONLY;
    if (props.actions) {
      const unknown = props.actions.filter(a => !/[*?]/.test(a) && !Catalog.load().action(Dialect.ALIBABA_RAM, a));
      if (unknown.length) {
        const hints = unknown.map(a => `${a}${Catalog.load().suggest(Dialect.ALIBABA_RAM, a) ? ` (did you mean ${Catalog.load().suggest(Dialect.ALIBABA_RAM, a)}?)` : ''}`);
        throw new Error(`${this.node.path}: not PAI-Rec actions: ${hints.join(', ')}. Fix: use actions from the pairec catalog`);
      }
      this.actions = props.actions;
    } else if (level === PaiRecAccessLevel.ADMIN) {
      this.actions = ['pairec:*'];
    } else {
      this.actions = catalog.actions.filter(a => level === PaiRecAccessLevel.READ_ONLY
        ? a.accessLevel === AccessLevel.LIST || a.accessLevel === AccessLevel.READ
        : !/^pairec:Delete/.test(a.name)).map(a => a.name);
    }
    this.policy = new RamCustomPolicy(this, 'Policy', {
      policyName: props.policyName ?? `pairec-${props.actions ? 'custom' : level}`,
      statements: [{ actions: this.actions, resources: ['*'] }],
    });
    this.grant = Grant.combine([Grant._of(props.principal, [this.policy], []), props.principal.attachPolicy(this.policy, { owner: this })]);
  }
}

/** Workspace member roles PAI accepts (alibaba-ram.md §8; the AIWorkSpace API's role ids). */
export enum PaiWorkspaceRole {
  ADMIN = 'PAI.WorkspaceAdmin',
  ALGO_DEVELOPER = 'PAI.AlgoDeveloper',
  ALGO_OPERATOR = 'PAI.AlgoOperator',
  LABEL_MANAGER = 'PAI.LabelManager',
  MAXCOMPUTE_DEVELOPER = 'PAI.MaxComputeDeveloper',
  GUEST = 'PAI.WorkspaceGuest',
  /** Set when the workspace is created; the member API may not accept it (alibaba-ram.md §8). */
  OWNER = 'PAI.WorkspaceOwner',
}

/** Environments of a PAI workspace. */
export enum PaiEnvType {
  DEV = 'dev',
  PROD = 'prod',
}

/** A PAI workspace member by user id. */
export interface PaiMemberOptions {
  readonly roles: PaiWorkspaceRole[];
  /** A name for the member in construct ids and errors. @default - the user id */
  readonly label?: string;
}

/** Properties of PaiWorkspace. */
export interface PaiWorkspaceProps {
  readonly workspaceName: string;
  readonly description: string;
  /** @default [PaiEnvType.PROD] */
  readonly envTypes?: PaiEnvType[];
}

/**
 * A PAI workspace (alicloud_pai_workspace_workspace) and its members with roles (alicloud_pai_workspace_member).
 * Workspace roles are PAI's own layer next to RAM: members still need RAM grants (PaiAccess) for account-level work.
 *
 * @example
 * const ws = new PaiWorkspace(stack, 'ws', { workspaceName: 'recsys', description: 'recommendation models' });
 * ws.addMember(bob, [PaiWorkspaceRole.ALGO_DEVELOPER]);
 */
export class PaiWorkspace extends Construct {
  public readonly workspaceId: string;
  private readonly memberKeys = new Set<string>();

  constructor(scope: Construct, id: string, props: PaiWorkspaceProps) {
    super(scope, id);
    if (!/^[A-Za-z][A-Za-z0-9_]{2,22}$/.test(props.workspaceName)) {
      throw new Error(`${this.node.path}: invalid PAI workspace name "${props.workspaceName}". Fix: start with a letter; 3-23 letters, digits and '_'`);
    }
    const r = new alicloud.paiWorkspaceWorkspace.PaiWorkspaceWorkspace(this, 'Resource', {
      workspaceName: props.workspaceName, description: props.description, envTypes: props.envTypes ?? [PaiEnvType.PROD],
    });
    this.workspaceId = r.id;
  }

  /** Adds a RAM user created in this app as a member with roles. */
  public addMember(user: IRamUser, roles: PaiWorkspaceRole[]): Grant {
    if (!(user instanceof RamUser)) {
      throw new Error(`${this.node.path}: ${user.node.path} is not a RamUser created here, so its user id is unknown. Fix: use addMemberById(userId, { roles })`);
    }
    return Grant._of(user, this.addMemberById(user.resource.id, { roles, label: user.declaredName }).created, []);
  }

  /** Adds a member by RAM user id. */
  public addMemberById(userId: string, options: PaiMemberOptions): Grant {
    const roles = options.roles;
    const name = options.label ?? userId;
    if (roles.length === 0) throw new Error(`${this.node.path}: member ${name} has no role. Fix: give at least one PaiWorkspaceRole`);
    if (roles.includes(PaiWorkspaceRole.OWNER)) {
      throw new Error(`${this.node.path}: ${name} cannot be made owner through membership. Fix: the owner is set when the workspace is created; use PaiWorkspaceRole.ADMIN`);
    }
    if (this.memberKeys.has(name)) throw new Error(`${this.node.path}: ${name} is already a member. Fix: list each member once, with all its roles`);
    this.memberKeys.add(name);
    const m = new alicloud.paiWorkspaceMember.PaiWorkspaceMember(this, `Member-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`, {
      workspaceId: this.workspaceId, userId, roles: [...new Set(roles)],
    });
    return Grant._of(undefined, [m], []);
  }
}

/** What a PaiAccess grants on the account (seed 004). */
export enum PaiAccessBundle {
  /** AliyunPAIFullAccess: activate PAI, buy resources, admin of every workspace. The guide advises the main account instead. */
  FULL = 'full',
  /** AliyunPAIEASFullAccess: manage EAS services. */
  EAS_FULL = 'eas-full',
  /** AliyunPAIEASReadOnlyAccess: view EAS services. */
  EAS_READ_ONLY = 'eas-read-only',
  /** Dataset acceleration: AliyunPAIFullAccess and AliyunDatasetAccFullAccess. */
  DATASET_ACCELERATION = 'dataset-acceleration',
  /** No PAI system policy: only the dependent-service activation policies of the features. */
  NONE = 'none',
}

const BUNDLE_POLICIES: Record<PaiAccessBundle, string[]> = {
  [PaiAccessBundle.FULL]: ['AliyunPAIFullAccess'],
  [PaiAccessBundle.EAS_FULL]: ['AliyunPAIEASFullAccess'],
  [PaiAccessBundle.EAS_READ_ONLY]: ['AliyunPAIEASReadOnlyAccess'],
  [PaiAccessBundle.DATASET_ACCELERATION]: ['AliyunPAIFullAccess', 'AliyunDatasetAccFullAccess'],
  [PaiAccessBundle.NONE]: [],
};

/** Properties of PaiAccess. */
export interface PaiAccessProps {
  readonly principal: IRamPrincipal;
  readonly bundle: PaiAccessBundle;
  /** Sub-services whose dependent cloud services the principal may activate (seed 004 tables). @default - none */
  readonly activateFeatures?: PaiFeature[];
}

/**
 * PAI's system policies for a RAM principal, plus the policies to activate the cloud services the chosen PAI
 * features depend on.
 *
 * @example
 * new PaiAccess(stack, 'eas-deployers', { principal: deployers, bundle: PaiAccessBundle.EAS_FULL, activateFeatures: [PaiFeature.EAS] });
 */
export class PaiAccess extends Construct {
  public readonly policies: string[];
  /** The attachments this persona created. */
  public readonly grant: Grant;

  constructor(scope: Construct, id: string, props: PaiAccessProps) {
    super(scope, id);
    this.policies = [...new Set([...BUNDLE_POLICIES[props.bundle], ...activationPolicies(props.activateFeatures ?? [])])];
    this.grant = Grant.combine(this.policies.map(p => props.principal.attachSystemPolicy(p, { owner: this })));
  }
}
