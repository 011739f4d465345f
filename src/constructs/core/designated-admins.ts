import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';

const ADMINS = new WeakMap<TerraformStack, Set<string>>();

/**
 * Records principals that are administrators by design (a veMLP queue admin, a Model Studio super admin) in the
 * stack's top-level `//` metadata, which Terraform ignores and the access model reads: the full-admin and
 * privilege-escalation rules do not report them.
 * @internal
 */
export function designateAdmins(scope: IConstruct, principals: string[]): void {
  const stack = TerraformStack.of(scope);
  const set = ADMINS.get(stack) ?? new Set<string>();
  principals.forEach(p => set.add(p));
  ADMINS.set(stack, set);
  stack.addOverride('//.aiam.designatedAdmins', [...set].sort());
}
