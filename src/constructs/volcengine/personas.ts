import { Construct } from 'constructs';
import { IVolcPrincipal, VolcIamPolicy } from './iam';
import { QUEUE_CREATOR_ACTIONS } from '../../catalog/vemlp';
import { designateAdmins } from '../core/designated-admins';
import { Grant } from '../core/grant';
import { principalSpec } from '../core/principal';

/** Which file storage the resource admin manages (seed 001: CFSFullAccess / vePFSFullAccess only when used). */
export enum VemlpStorage {
  NONE = 'none',
  CLOUDFS = 'cloudfs',
  VEPFS = 'vepfs',
  CLOUDFS_AND_VEPFS = 'cloudfs-and-vepfs',
}

/** How a resource admin gets the IAM rights that queue creation needs. */
export enum QueueCreatorIamAccess {
  /** `IAMFullAccess`, as the guide lists first. */
  IAM_FULL_ACCESS = 'iam-full-access',
  /** The guide's narrower custom policy (QueueCreatorPolicy). */
  QUEUE_CREATOR_POLICY = 'queue-creator-policy',
}

/** Properties of MlPlatformResourceAdmin. */
export interface MlPlatformResourceAdminProps {
  /** The user or group that administers veMLP resources. */
  readonly principal: IVolcPrincipal;
  /** @default VemlpStorage.NONE */
  readonly storage?: VemlpStorage;
  /** @default QueueCreatorIamAccess.QUEUE_CREATOR_POLICY */
  readonly iamAccess?: QueueCreatorIamAccess;
  /**
   * Name of the queue-creator policy when one is created.
   * @default 'vemlp-queue-creator'
   */
  readonly queueCreatorPolicyName?: string;
}

/**
 * The guide's "resource admin" persona: MLPlatformAdminAccess, IAM rights to create queues, CR, TOS, TLS and VMP full
 * access, and CloudFS / vePFS full access only when that storage is used.
 *
 * @example
 * new MlPlatformResourceAdmin(stack, 'ops', { principal: opsGroup, storage: VemlpStorage.VEPFS });
 */
export class MlPlatformResourceAdmin extends Construct {
  /** The system policies attached, in the guide's order. */
  public readonly systemPolicies: string[];
  /** The queue-creator policy, when one was created. */
  public readonly queueCreatorPolicy?: QueueCreatorPolicy;
  /** The attachments (and the queue-creator policy) this persona created. */
  public readonly grant: Grant;

  constructor(scope: Construct, id: string, props: MlPlatformResourceAdminProps) {
    super(scope, id);
    const storage = props.storage ?? VemlpStorage.NONE;
    const iam = props.iamAccess ?? QueueCreatorIamAccess.QUEUE_CREATOR_POLICY;
    this.systemPolicies = [
      'MLPlatformAdminAccess',
      ...(iam === QueueCreatorIamAccess.IAM_FULL_ACCESS ? ['IAMFullAccess'] : []),
      'CRFullAccess', 'TOSFullAccess', 'TLSFullAccess', 'VMPFullAccess',
      ...(storage === VemlpStorage.CLOUDFS || storage === VemlpStorage.CLOUDFS_AND_VEPFS ? ['CFSFullAccess'] : []),
      ...(storage === VemlpStorage.VEPFS || storage === VemlpStorage.CLOUDFS_AND_VEPFS ? ['vePFSFullAccess'] : []),
    ];
    const grants = this.systemPolicies.map(p => props.principal.attachSystemPolicy(p, { owner: this }));
    designateAdmins(this, [principalSpec(props.principal)]);
    if (iam === QueueCreatorIamAccess.QUEUE_CREATOR_POLICY) {
      this.queueCreatorPolicy = new QueueCreatorPolicy(this, 'QueueCreator', { policyName: props.queueCreatorPolicyName });
      grants.push(Grant._of(props.principal, [this.queueCreatorPolicy.policy], []),
        props.principal.attachPolicy(this.queueCreatorPolicy.policy, { owner: this }));
    }
    this.grant = Grant.combine(grants);
  }
}

/** Properties of MlPlatformDeveloper. */
export interface MlPlatformDeveloperProps {
  readonly principal: IVolcPrincipal;
}

/**
 * The guide's "algorithm developer" persona: MLPlatformDeveloperAccess (read everything; write only the dev
 * instances, jobs, services and deployments the user created).
 *
 * @example
 * new MlPlatformDeveloper(stack, 'devs', { principal: devGroup });
 */
export class MlPlatformDeveloper extends Construct {
  public readonly grant: Grant;

  constructor(scope: Construct, id: string, props: MlPlatformDeveloperProps) {
    super(scope, id);
    this.grant = props.principal.attachSystemPolicy('MLPlatformDeveloperAccess', { owner: this });
  }
}

/** Properties of QueueCreatorPolicy. */
export interface QueueCreatorPolicyProps {
  /** @default 'vemlp-queue-creator' */
  readonly policyName?: string;
}

/**
 * The guide's custom IAM policy for queue creators and queue admins, narrower than IAMFullAccess.
 *
 * @example
 * const creator = new QueueCreatorPolicy(stack, 'creator');
 * opsGroup.attachPolicy(creator.policy);
 */
export class QueueCreatorPolicy extends Construct {
  public readonly policy: VolcIamPolicy;

  constructor(scope: Construct, id: string, props: QueueCreatorPolicyProps = {}) {
    super(scope, id);
    this.policy = new VolcIamPolicy(this, 'Policy', {
      policyName: props.policyName ?? 'vemlp-queue-creator',
      description: 'veMLP queue creation and member management (replaces IAMFullAccess)',
      statements: [{ actions: QUEUE_CREATOR_ACTIONS, resources: ['*'] }],
    });
  }
}
