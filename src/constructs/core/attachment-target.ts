import { Construct } from 'constructs';

/**
 * A principal that policies are attached to. Attaching the same policy twice would create two identical
 * attachment resources, which the cloud rejects; `attachOnce` keeps one per key.
 * @internal
 */
export abstract class AttachmentTarget extends Construct {
  private readonly attachedKeys = new Set<string>();

  /** @internal */
  protected _attachOnce(key: string, create: () => void): void {
    if (this.attachedKeys.has(key)) return;
    this.attachedKeys.add(key);
    create();
  }
}
