import { TerraformResource, TerraformStack, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { Grant } from './grant';
import { IPrincipal, PrincipalCloud, PrincipalKind } from './principal';

/** Where a grant puts what it creates. */
export interface AttachOptions {
  /**
   * The construct that owns the attachment. Personas pass themselves, so `Node.of(persona)` lists what they granted
   * and a suppression on the persona covers it.
   * @default - the principal
   */
  readonly owner?: Construct;
}

const LOGICAL_IDS = new WeakMap<TerraformStack, Set<string>>();

/** Terraform resource names: letters, digits, `_` and `-`, not starting with a digit. */
function sanitize(text: string): string {
  const s = text.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return /^[0-9-]/.test(s) ? `_${s}` : s;
}

/**
 * What the principals of every cloud share: one attachment per policy (the cloud rejects two identical ones),
 * created under the caller's scope, with a readable construct id and a readable, stable Terraform name
 * (`user_bob_AliyunBailianFullAccess`) that does not change when the grant moves to another persona.
 * @internal
 */
export abstract class PrincipalBase extends Construct implements IPrincipal {
  public abstract readonly cloud: PrincipalCloud;
  public abstract readonly principalKind: PrincipalKind;
  public abstract readonly principalName: string;
  public abstract readonly declaredName: string;
  private readonly attachedKeys = new Set<string>();

  /** @internal */
  protected _attachOnce(label: string, policyName: string, options: AttachOptions | undefined,
    create: (scope: Construct, id: string) => TerraformResource): Grant {
    const key = sanitize(label);
    if (this.attachedKeys.has(key)) return Grant._of(this, [], [policyName]);
    this.attachedKeys.add(key);
    const scope = options?.owner ?? this;
    const resource = create(scope, uniqueChildId(scope, scope === this ? key : `${sanitize(this.node.id)}-${key}`));
    readableLogicalId(resource, `${this.principalKind}_${this.declaredName}_${key}`);
    return Grant._of(this, [resource], [policyName]);
  }
}

/** A child id not yet taken under `scope` (`id`, then `id-2`, ...). @internal */
export function uniqueChildId(scope: IConstruct, id: string): string {
  let candidate = id;
  for (let i = 2; scope.node.tryFindChild(candidate); i++) candidate = `${id}-${i}`;
  return candidate;
}

/**
 * Gives a resource a readable Terraform name when the name is free in its stack (per resource type) and is not
 * built from a value known only after apply.
 * @internal
 */
export function readableLogicalId(resource: TerraformResource, name: string): void {
  if (Token.isUnresolved(name) || name.includes('${')) return;
  const stack = TerraformStack.of(resource);
  const used = LOGICAL_IDS.get(stack) ?? new Set<string>();
  LOGICAL_IDS.set(stack, used);
  const id = sanitize(name);
  const key = `${resource.terraformResourceType}.${id}`;
  if (used.has(key)) return;
  used.add(key);
  resource.overrideLogicalId(id);
}
