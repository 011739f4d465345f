import { Construct } from 'constructs';
import { IVolcPrincipal, VolcIamPolicy, volcRegionAndAccount } from './iam';
import { Grant } from '../core/grant';

/** Workload kinds for an owner grant, with the guide's resource name and action keyword (seed 001 table). */
export enum VemlpResourceKind {
  RESOURCE_GROUP = 'resourcegroup',
  SERVICE = 'service',
  DEPLOYMENT = 'deployment',
  DEV_INSTANCE = 'devinstance',
  /** Custom task, API v2. */
  JOB = 'job',
  /** Custom task, API v1: resource name `job`, action keyword CustomTask. */
  CUSTOM_TASK = 'customtask',
  RESOURCE_QUEUE = 'resourcequeue',
}

const KIND: Record<VemlpResourceKind, { resource: string; keyword: string }> = {
  [VemlpResourceKind.RESOURCE_GROUP]: { resource: 'resourcegroup', keyword: 'ResourceGroup' },
  [VemlpResourceKind.SERVICE]: { resource: 'service', keyword: 'Service' },
  [VemlpResourceKind.DEPLOYMENT]: { resource: 'deployment', keyword: 'Deployment' },
  [VemlpResourceKind.DEV_INSTANCE]: { resource: 'devinstance', keyword: 'DevInstance' },
  [VemlpResourceKind.JOB]: { resource: 'job', keyword: 'Job' },
  [VemlpResourceKind.CUSTOM_TASK]: { resource: 'job', keyword: 'CustomTask' },
  [VemlpResourceKind.RESOURCE_QUEUE]: { resource: 'resourcequeue', keyword: 'ResourceQueue' },
};

/** Properties of ResourceOwnerGrant. */
export interface ResourceOwnerGrantProps {
  /** Who gets the workload. */
  readonly principal: IVolcPrincipal;
  readonly resourceKind: VemlpResourceKind;
  /** The workload's id, e.g. `di-20250301-abc`. */
  readonly resourceId: string;
  /** Custom policy name. @default `owner-<resourceId>` */
  readonly policyName?: string;
  /** @default - the region of the stack's VolcengineProvider */
  readonly region?: string;
  /** @default - a Terraform variable `volcengine_account_id` */
  readonly accountId?: string;
}

/**
 * The guide's "change resource owner" policy: read/write on one workload for one principal, action
 * `ml_platform:*<Keyword>*` on `trn:ml_platform:<region>:<account>:<resource>/<id>`.
 *
 * @example
 * new ResourceOwnerGrant(stack, 'hand-over', { principal: carol, resourceKind: VemlpResourceKind.DEV_INSTANCE, resourceId: 'di-20250301-abc' });
 */
export class ResourceOwnerGrant extends Construct {
  public readonly policy: VolcIamPolicy;
  /** The policy and its attachment. */
  public readonly grant: Grant;

  constructor(scope: Construct, id: string, props: ResourceOwnerGrantProps) {
    super(scope, id);
    const { region, accountId } = volcRegionAndAccount(this, props.region, props.accountId);
    const k = KIND[props.resourceKind];
    this.policy = new VolcIamPolicy(this, 'Policy', {
      policyName: props.policyName ?? `owner-${props.resourceId}`,
      statements: [{ actions: [`ml_platform:*${k.keyword}*`], resources: [`trn:ml_platform:${region}:${accountId}:${k.resource}/${props.resourceId}`] }],
    });
    this.grant = Grant.combine([Grant._of(props.principal, [this.policy], []), props.principal.attachPolicy(this.policy, { owner: this })]);
  }
}
