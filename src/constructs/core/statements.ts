/** Typed policy statements shared by the clouds' policy constructs (the document shape differs only in Version). */

/** Allow or Deny. */
export enum PolicyEffect {
  ALLOW = 'Allow',
  DENY = 'Deny',
}

/** One condition: operator, key and values (several values = OR). */
export interface PolicyCondition {
  /** Condition operator, e.g. `StringEquals`, `IpAddress`. */
  readonly operator: string;
  /** Condition key, e.g. `acs:SourceIp`, `volc:ResourceTag/sys:ml_platform:resource_queue_id`. */
  readonly key: string;
  readonly values: string[];
}

/** One statement of an identity policy. */
export interface PolicyStatement {
  /** @default PolicyEffect.ALLOW */
  readonly effect?: PolicyEffect;
  /** Actions, wildcards allowed (e.g. `ml_platform:*DevInstance*`, `pairec:List*`). */
  readonly actions: string[];
  /** Resource names (ARN / TRN) or `*`. @default ["*"] */
  readonly resources?: string[];
  /** @default - none */
  readonly conditions?: PolicyCondition[];
}

/** Policy variables (`${volc:...}`) must reach the cloud literally: Terraform would interpolate a bare `${`. */
function escapePolicyVariables(text: string): string {
  return text.replace(/\$\{(?=[A-Za-z0-9_-]+:)/g, () => '$${');
}

/**
 * The document for statements, keys in a stable order, as the Terraform string (policy variables escaped).
 * `version` is "1" for Alibaba RAM and "1.1" for Huawei; Volcengine policies have none. `resourceOptional` omits
 * Resource when no resources are given (Huawei).
 * @internal
 */
export function renderPolicyDocument(statements: PolicyStatement[], version?: string, resourceOptional = false): string {
  const doc = {
    ...(version ? { Version: version } : {}),
    Statement: statements.map(s => {
      const conditions: Record<string, Record<string, string | string[]>> = {};
      for (const c of s.conditions ?? []) {
        conditions[c.operator] ??= {};
        conditions[c.operator][c.key] = c.values.length === 1 ? c.values[0] : c.values;
      }
      return {
        Effect: s.effect ?? PolicyEffect.ALLOW,
        Action: s.actions,
        // Huawei's Resource is optional (absent = every resource); the others write "*".
        ...(resourceOptional && !s.resources?.length ? {} : { Resource: s.resources ?? ['*'] }),
        ...(s.conditions?.length ? { Condition: conditions } : {}),
      };
    }),
  };
  return escapePolicyVariables(JSON.stringify(doc));
}
