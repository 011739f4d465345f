/**
 * Differential test against @cloud-copilot/iam-simulate (AWS semantics; AGPL, devDependency only) on the semantics
 * the clouds share with AWS: wildcards, deny precedence, String/Numeric/Date/Bool/IpAddress conditions, IfExists
 * (Volcengine only: RAM has none, alibaba-ram.md §4.1), multi-value OR and multi-key AND, missing keys.
 * Left out because the clouds differ (covered by unit tests): Volcengine NotAction subtraction and wildcards in
 * StringEquals values (volcengine-iam.md §1.3, §2.2), RAM's missing IfExists/Null, Huawei's own operators.
 */
import { runSimulation } from '@cloud-copilot/iam-simulate';
import * as fc from 'fast-check';
import { Decision, Dialect, evaluate, parsePolicy } from '../../src/policy';

const ACCOUNT = '123456789012';
const OBJECT_ACTIONS = ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'];
const BUCKET_ACTIONS = ['s3:ListBucket', 's3:GetBucketPolicy'];

interface Case {
  readonly statements: any[];
  readonly action: string;
  readonly resource: string;
  readonly context: Record<string, string>;
  readonly dialect: Dialect;
}

const keyCondition = (ifExists: boolean) => fc.oneof(
  fc.tuple(fc.constantFrom('IpAddress', 'NotIpAddress'), fc.subarray(['10.0.0.0/8', '192.168.1.0/24', '2001:db8::/32'], { minLength: 1 }))
    .map(([op, v]) => [op, 'SourceIp', v] as const),
  fc.tuple(fc.constantFrom('DateLessThan', 'DateGreaterThan', 'DateLessThanEquals', 'DateGreaterThanEquals', 'DateEquals', 'DateNotEquals'),
    fc.constantFrom('2026-01-01T00:00:00Z', '2026-06-01T00:00:00Z')).map(([op, v]) => [op, 'CurrentTime', [v]] as const),
  fc.constantFrom('true', 'false').map(v => ['Bool', 'SecureTransport', [v]] as const),
  fc.tuple(fc.constantFrom('StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase'),
    fc.subarray(['ml', 'ML', 'data'], { minLength: 1 })).map(([op, v]) => [op, 'PrincipalTag/team', v] as const),
  fc.tuple(fc.constantFrom('StringLike', 'StringNotLike'), fc.subarray(['m*', 'd?ta', '*a'], { minLength: 1 }))
    .map(([op, v]) => [op, 'PrincipalTag/team', v] as const),
  fc.tuple(fc.constantFrom('NumericLessThan', 'NumericGreaterThan', 'NumericEquals', 'NumericNotEquals', 'NumericLessThanEquals', 'NumericGreaterThanEquals'),
    fc.constantFrom('300', '3600')).map(([op, v]) => [op, 'MultiFactorAuthAge', [v]] as const),
).chain(([op, key, values]) => fc.boolean().map(ie => [ifExists && ie ? `${op}IfExists` : op, key, values] as const));

const statementArb = (ifExists: boolean) => fc.record({
  Effect: fc.constantFrom('Allow', 'Allow', 'Deny'),
  Action: fc.subarray(['s3:Get*', 's3:*Object', 's3:?utObject', 's3:List*', 's3:*', '*', 's3:DeleteObject', 's3:GetBucketPolicy'], { minLength: 1, maxLength: 3 }),
  Resource: fc.subarray(['bucketA/*', 'bucket?/prod/*', '*', 'bucketB', 'bucketA', 'bucket*'], { minLength: 1, maxLength: 2 }),
  Condition: fc.array(keyCondition(ifExists), { maxLength: 2 }),
});

const caseArb: fc.Arbitrary<Case> = fc.constantFrom(Dialect.VOLCENGINE_IAM, Dialect.ALIBABA_RAM).chain(dialect => fc.record({
  dialect: fc.constant(dialect),
  statements: fc.array(statementArb(dialect === Dialect.VOLCENGINE_IAM), { minLength: 1, maxLength: 3 }),
  target: fc.oneof(
    fc.tuple(fc.constantFrom(...OBJECT_ACTIONS), fc.constantFrom('bucketA/prod/x.txt', 'bucketB/prod/y', 'bucketA/dev/z')),
    fc.tuple(fc.constantFrom(...BUCKET_ACTIONS), fc.constantFrom('bucketA', 'bucketB')),
  ),
  context: fc.record({
    'SourceIp': fc.constantFrom('10.1.2.3', '192.168.1.7', '8.8.8.8', '2001:db8::1'),
    'CurrentTime': fc.constantFrom('2025-12-31T23:59:59Z', '2026-01-01T00:00:00Z', '2026-03-01T12:00:00Z', '2026-07-01T00:00:00Z'),
    'SecureTransport': fc.constantFrom('true', 'false'),
    'PrincipalTag/team': fc.constantFrom('ml', 'ML', 'data', 'dXta'),
    'MultiFactorAuthAge': fc.constantFrom('100', '300', '5000'),
  }, { requiredKeys: [] }),
})).map(({ dialect, statements, target, context }) => ({
  dialect, statements, action: target[0], resource: target[1], context: context as Record<string, string>,
}));

function conditionBlock(conds: ReadonlyArray<readonly [string, string, readonly string[]]>, prefix: string): object | undefined {
  if (conds.length === 0) return undefined;
  const block: Record<string, Record<string, string[]>> = {};
  for (const [op, key, values] of conds) {
    block[op] ??= {};
    block[op][`${prefix}:${key}`] = [...new Set([...(block[op][`${prefix}:${key}`] ?? []), ...values])];
  }
  return block;
}

function awsPolicy(c: Case): object {
  return {
    Version: '2012-10-17',
    Statement: c.statements.map(s => ({
      Effect: s.Effect,
      Action: s.Action,
      Resource: s.Resource.map((r: string) => (r === '*' ? '*' : `arn:aws:s3:::${r}`)),
      ...(s.Condition.length ? { Condition: conditionBlock(s.Condition, 'aws') } : {}),
    })),
  };
}

function ourPolicy(c: Case): object {
  const [arn, key] = c.dialect === Dialect.VOLCENGINE_IAM ? ['trn', 'volc'] : ['acs', 'acs'];
  const statements = c.statements.map(s => ({
    Effect: s.Effect,
    Action: s.Action,
    Resource: s.Resource.map((r: string) => (r === '*' ? '*' : `${arn}:s3:::${r}`)),
    ...(s.Condition.length ? { Condition: conditionBlock(s.Condition, key) } : {}),
  }));
  return c.dialect === Dialect.VOLCENGINE_IAM ? { Statement: statements } : { Version: '1', Statement: statements };
}

const AWS_DECISION: Record<string, Decision> = {
  Allowed: Decision.ALLOW, ExplicitlyDenied: Decision.EXPLICIT_DENY, ImplicitlyDenied: Decision.IMPLICIT_DENY,
};

test('agrees with @cloud-copilot/iam-simulate on 10,000 generated cases', async () => {
  const seed = Number(process.env.DIFF_SEED ?? Date.now() % 2147483647);
  const cases = fc.sample(caseArb, { numRuns: 10_000, seed });
  const divergences: string[] = [];
  let evaluated = 0;
  const seen = new Map<Decision, number>();
  for (const c of cases) {
    const aws = await runSimulation({
      request: {
        principal: `arn:aws:iam::${ACCOUNT}:user/alice`,
        action: c.action,
        resource: { resource: `arn:aws:s3:::${c.resource}`, accountId: ACCOUNT },
        contextVariables: Object.fromEntries(Object.entries(c.context).map(([k, v]) => [`aws:${k}`, v])),
      },
      identityPolicies: [{ name: 'p', policy: awsPolicy(c) }],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
    }, {});
    if (aws.resultType !== 'single') {
      divergences.push(`iam-simulate could not run: ${JSON.stringify(aws).slice(0, 300)}`);
      continue;
    }
    const keyPrefix = c.dialect === Dialect.VOLCENGINE_IAM ? 'volc' : 'acs';
    const ours = evaluate(c.dialect, [parsePolicy(c.dialect, 'p', ourPolicy(c))], {
      action: c.action,
      resource: `${c.dialect === Dialect.VOLCENGINE_IAM ? 'trn' : 'acs'}:s3:::${c.resource}`,
      context: Object.fromEntries(Object.entries(c.context).map(([k, v]) => [`${keyPrefix}:${k}`, v])),
    }).decision;
    evaluated++;
    seen.set(ours, (seen.get(ours) ?? 0) + 1);
    if (ours !== AWS_DECISION[aws.overallResult]) {
      divergences.push(`${c.dialect} ${c.action} ${c.resource} ${JSON.stringify(c.context)}: ours ${ours}, iam-simulate ${aws.overallResult}; policy ${JSON.stringify(ourPolicy(c))}`);
    }
  }
  if (divergences.length) console.error(`seed ${seed}: ${divergences.length} divergences\n${divergences.slice(0, 10).join('\n')}`);
  expect(evaluated).toBe(10_000);
  // Not vacuous: every outcome is exercised many times.
  for (const d of [Decision.ALLOW, Decision.EXPLICIT_DENY, Decision.IMPLICIT_DENY]) expect(seen.get(d) ?? 0).toBeGreaterThan(500);
  expect(divergences).toEqual([]);
});
