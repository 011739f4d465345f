import { Token } from 'cdktf';
import { Construct } from 'constructs';

/** A cloud's naming rule for one kind of name. @internal */
export interface NameRule {
  /** What is named, e.g. "RAM user name". */
  readonly what: string;
  readonly pattern: RegExp;
  readonly maxLength: number;
  /** The rule in words, used as the fix, e.g. "1-64 characters: letters, digits, '.', '_' and '-'". */
  readonly description: string;
  /** Where the rule comes from (reference file and source). */
  readonly source: string;
}

/**
 * Throws a synth-time error naming the construct path and the fix when `value` breaks `rule`.
 * Tokens (values known only after apply) are not checked: the cloud checks them at apply.
 * @internal
 */
export function validateName(scope: Construct, rule: NameRule, value: string): void {
  if (Token.isUnresolved(value)) return;
  if (value.length >= 1 && value.length <= rule.maxLength && rule.pattern.test(value)) return;
  throw new Error(
    `${scope.node.path}: invalid ${rule.what} "${value}". ` +
    `Fix: use ${rule.description}.`,
  );
}
