import { Construct } from 'constructs';
import { API_KEY_LIFECYCLE } from '../../../catalog/bailian';
import { recordPlatformSettings } from '../../core/platform-settings';
import { PrincipalKind } from '../../core/principal';
import { IRamIdentity } from '../ram';
import { BailianWorkspace } from './workspace';

/** Who owns an API key. */
export enum ApiKeyOwnerKind {
  MAIN_ACCOUNT = 'main-account',
  RAM_USER = 'ram-user',
  RAM_ROLE = 'ram-role',
}


/** Properties of ApiKeyGrant. */
export interface ApiKeyGrantProps {
  /** The one workspace the key belongs to (it can never move). */
  readonly workspace: BailianWorkspace;
  /** The owner: a RAM user or (better: it survives people leaving) a RAM role. @default - the main account */
  readonly owner?: IRamIdentity;
  /** The key's region; must be the workspace's. @default - the workspace's region */
  readonly region?: string;
  /** A name for the key in reviews and reports (never the key value). @default - the construct id */
  readonly keyName?: string;
}

/**
 * Records that an API key exists for one workspace, one owner and one region. The key's abilities and limits are
 * the workspace's, not the owner's console permissions. No key value or secret is ever synthesized: keys are
 * created in the console or by the OpenAPI, and this record lets the checks warn about keys that break when their
 * owner leaves the workspace. Terraform records the key and a person creates it (`aiam settings runbook`).
 *
 * @example
 * new ApiKeyGrant(stack, 'bob-prod-key', { workspace: envs.prod, owner: bob });
 */
export class ApiKeyGrant extends Construct {
  public readonly ownerKind: ApiKeyOwnerKind;

  constructor(scope: Construct, id: string, props: ApiKeyGrantProps) {
    super(scope, id);
    const region = props.region ?? props.workspace.region;
    if (region !== props.workspace.region) {
      throw new Error(`${this.node.path}: the key is in ${region} but workspace ${props.workspace.workspaceName} is in ${props.workspace.region}. ` +
        'Fix: a key belongs to one workspace in one region; create it in the workspace\'s region');
    }
    this.ownerKind = !props.owner ? ApiKeyOwnerKind.MAIN_ACCOUNT
      : props.owner.principalKind === PrincipalKind.ROLE ? ApiKeyOwnerKind.RAM_ROLE : ApiKeyOwnerKind.RAM_USER;
    recordPlatformSettings(this, 'Settings', 'bailian-api-key', 'alibaba', {
      name: props.keyName ?? id,
      workspace: props.workspace.workspaceName,
      region,
      owner: { kind: this.ownerKind, ...(props.owner ? { name: props.owner.declaredName } : {}) },
      lifecycle: API_KEY_LIFECYCLE[this.ownerKind],
    });
  }
}
