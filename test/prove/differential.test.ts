import fc from 'fast-check';
import { AccessRequest, Decision, Dialect, evaluate, parsePolicy } from '../../src/policy';
import { PolicyError } from '../../src/policy/errors';
import { decideConcrete } from '../../src/prove/prove';
import { shutdownZ3 } from '../../src/prove/z3';

/**
 * The SMT model as a second oracle: on generated policy sets and concrete requests (inside the modelled space,
 * docs/prove.md), it and the evaluator decide alike. Cases that once disagreed are kept below.
 */
afterAll(() => shutdownZ3());

const ACTIONS: Record<string, string[]> = {
  [Dialect.ALIBABA_RAM]: ['pairec:GetInstance', 'pairec:ListInstances', 'pairec:DeleteInstance', 'eas:CreateService'],
  [Dialect.VOLCENGINE_IAM]: ['ml_platform:GetJob', 'ml_platform:ListJobs', 'ml_platform:DeleteJob', 'iam:CreateUser'],
  [Dialect.HUAWEI_IAM]: ['modelarts:notebook:list', 'modelarts:notebook:delete', 'modelarts:job:create', 'iam:users:create'],
};
const PATTERNS: Record<string, string[]> = {
  [Dialect.ALIBABA_RAM]: ['pairec:Get*', 'pairec:*', 'pairec:?etInstance', '*', 'eas:CreateService'],
  [Dialect.VOLCENGINE_IAM]: ['ml_platform:Get*', 'ml_platform:*', '*', 'iam:CreateUser', 'ml_platform:*Job'],
  [Dialect.HUAWEI_IAM]: ['modelarts:notebook:*', 'modelarts:*:*', 'modelarts:*:list', 'iam:*:*'],
};
const RESOURCES: Record<string, string[]> = {
  [Dialect.ALIBABA_RAM]: ['acs:pairec:cn-beijing:1:instance/a', 'acs:pairec:cn-beijing:1:instance/b', 'acs:eas:cn-beijing:1:service/x'],
  [Dialect.VOLCENGINE_IAM]: ['trn:ml_platform:cn-beijing:1:job/a', 'trn:ml_platform:cn-beijing:1:job/b', 'trn:iam::1:user/u'],
  [Dialect.HUAWEI_IAM]: ['modelarts:cn-north-4:d1:notebook:a', 'modelarts:cn-north-4:d1:notebook:b'],
};
const RESOURCE_PATTERNS: Record<string, string[]> = {
  [Dialect.ALIBABA_RAM]: ['*', 'acs:pairec:*:*:instance/a', 'acs:pairec:*:*:*', 'acs:*:*:*:service/?'],
  [Dialect.VOLCENGINE_IAM]: ['*', 'trn:ml_platform:*:*:job/a', 'trn:ml_platform:*:*:job/${volc:UserName}', 'trn:iam::*:user/*'],
  [Dialect.HUAWEI_IAM]: ['*', 'modelarts:*:*:notebook:a', 'modelarts:*:*:notebook:*'],
};
const KEY: Record<string, string> = { [Dialect.ALIBABA_RAM]: 'acs:', [Dialect.VOLCENGINE_IAM]: 'volc:', [Dialect.HUAWEI_IAM]: 'g:' };

function conditionArb(d: Dialect): fc.Arbitrary<Record<string, Record<string, string[]>>> {
  const k = KEY[d];
  const neg = d === Dialect.ALIBABA_RAM ? '' : 'IfExists';
  const ops: Array<fc.Arbitrary<[string, string, string[]]>> = [
    fc.tuple(fc.constantFrom('IpAddress', 'NotIpAddress', `IpAddress${neg}`), fc.constant(`${k}SourceIp`), fc.subarray(['10.0.0.0/8', '192.168.1.0/24', '2001:db8::/32'], { minLength: 1 })),
    fc.tuple(fc.constantFrom('StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringLike', 'StringNotLike'), fc.constant(`${k}UserName`), fc.subarray(['alice', 'b*', 'Carol'], { minLength: 1 })),
    fc.tuple(fc.constantFrom(d === Dialect.HUAWEI_IAM ? 'NumberLessThan' : 'NumericLessThan', d === Dialect.HUAWEI_IAM ? 'NumberGreaterThanEquals' : 'NumericGreaterThanEquals'), fc.constant(`${k}Age`), fc.constantFrom(['300'], ['3600', '10.5'])),
    fc.tuple(fc.constantFrom('DateLessThan', 'DateGreaterThan'), fc.constant(`${k}CurrentTime`), fc.constant(['2026-01-01T00:00:00Z'])),
    fc.tuple(fc.constant('Bool'), fc.constant(`${k}SecureTransport`), fc.constantFrom(['true'], ['false'])),
  ];
  if (d !== Dialect.ALIBABA_RAM) ops.push(fc.tuple(fc.constant('Null'), fc.constant(`${k}Tag`), fc.constantFrom(['true'], ['false'])));
  if (d === Dialect.VOLCENGINE_IAM) {
    ops.push(fc.tuple(fc.constantFrom('StringEquals', 'StringNotEquals', 'StringLike', 'ForAnyValue:StringEquals', 'StringEqualsIfExists'), fc.constant(`${k}Tag`), fc.constantFrom(['${volc:UserName}'], ['x${volc:UserName}*'])));
    ops.push(fc.tuple(fc.constantFrom('NumericEqualsIfExists', 'NumericNotEquals', 'ForAllValues:NumericLessThan', 'ForAnyValue:NumericGreaterThan'), fc.constant(`${k}Age`), fc.constantFrom(['300'], ['-4', '100'])));
    ops.push(fc.tuple(fc.constantFrom('NotIpAddressIfExists', 'ForAllValues:IpAddress'), fc.constant(`${k}SourceIp`), fc.constantFrom(['10.0.0.0/8'], ['0.0.0.0/0'])));
    ops.push(fc.tuple(fc.constantFrom('ForAnyValue:StringEquals', 'ForAllValues:StringLike'), fc.constant(`${k}Tag`), fc.subarray(['x', 'y*'], { minLength: 1 })));
  }
  if (d === Dialect.HUAWEI_IAM) ops.push(fc.tuple(fc.constantFrom('StringStartWith', 'StringEndWith', 'IsNullOrEmpty'), fc.constant(`${k}Tag`), fc.constantFrom(['x'], ['true'])));
  return fc.array(fc.oneof(...ops), { maxLength: 2 }).map(list => {
    const out: Record<string, Record<string, string[]>> = {};
    for (const [op, key, vals] of list) {
      const v = op === 'IsNullOrEmpty' ? [vals[0] === 'x' ? 'false' : 'true'] : vals;
      (out[op] ??= {})[key] = v;
    }
    return out;
  });
}

function docArb(d: Dialect): fc.Arbitrary<object> {
  const st = fc.record({
    Effect: fc.constantFrom('Allow', 'Allow', 'Deny'),
    Action: fc.subarray(PATTERNS[d], { minLength: 1 }),
    Resource: fc.subarray(RESOURCE_PATTERNS[d], { minLength: 1 }),
    Condition: conditionArb(d),
    not: fc.constantFrom(false, false, true),
  }).map(s => {
    const out: Record<string, unknown> = { Effect: s.Effect, Action: s.Action, Resource: s.Resource };
    // NotAction replaces Action (Alibaba) or subtracts from it, as NotResource does (Volcengine); Huawei has neither.
    if (s.not && d === Dialect.ALIBABA_RAM) {
      delete out.Action;
      out.NotAction = s.Action.slice(0, 1);
    }
    if (s.not && d === Dialect.VOLCENGINE_IAM) Object.assign(out, { NotAction: ['ml_platform:Delete*'], NotResource: ['trn:ml_platform:*:*:job/b'] });
    if (Object.keys(s.Condition).length) out.Condition = s.Condition;
    return out;
  });
  return fc.array(st, { minLength: 1, maxLength: 4 }).map(sts => d === Dialect.ALIBABA_RAM ? { Version: '1', Statement: sts }
    : d === Dialect.HUAWEI_IAM ? { Version: '1.1', Statement: sts } : { Statement: sts });
}

function requestArb(d: Dialect): fc.Arbitrary<AccessRequest> {
  const k = KEY[d];
  return fc.record({
    action: fc.constantFrom(...ACTIONS[d]).map(a => a.toLowerCase()),
    resource: fc.option(fc.constantFrom(...RESOURCES[d]), { nil: undefined }),
    context: fc.record({
      [`${k}SourceIp`]: fc.constantFrom<string | string[]>('10.1.2.3', '192.168.1.7', '8.8.8.8', 'abc', ['10.0.0.1', '8.8.8.8'], '0.0.0.0', '255.255.255.255'),
      [`${k}UserName`]: fc.constantFrom<string | string[]>('alice', 'bob', 'carol', 'Carol', 'a', 'x', ['a', 'b'], ''),
      [`${k}Age`]: fc.constantFrom<string | string[]>('100', '300', '-4', '3601', 'x', ['100', '400'], ['x', '5'], '0'),
      [`${k}CurrentTime`]: fc.constantFrom('2025-12-31T23:59:59Z', '2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z'),
      [`${k}SecureTransport`]: fc.constantFrom('true', 'false'),
      [`${k}Tag`]: fc.constantFrom<string | string[]>('x', 'y1', '', ['x', 'y2'], ['z', 'x']),
    }, { requiredKeys: [] }),
  }, { requiredKeys: ['action'] });
}

let compared = 0;
let allowed = 0;

async function agree(d: Dialect, doc: object, request: AccessRequest): Promise<void> {
  const policy = parsePolicy(d, 'p', doc);
  // A request value the evaluator rejects as bad input (a word for a number, a date that is not ISO 8601) is in
  // neither model's domain.
  try {
    evaluate(d, [policy], request);
  } catch (e) {
    if (e instanceof PolicyError) return;
    throw e;
  }
  const smt = await decideConcrete(d, [policy], request);
  if (smt === 'outside') return;
  compared++;
  if (smt) allowed++;
  const evaluator = evaluate(d, [policy], request).decision === Decision.ALLOW;
  expect({ doc, request, smt }).toEqual({ doc, request, smt: evaluator });
}

describe('the SMT model and the evaluator agree on concrete requests', () => {
  for (const d of [Dialect.ALIBABA_RAM, Dialect.VOLCENGINE_IAM, Dialect.HUAWEI_IAM]) {
    test(d, async () => {
      compared = 0;
      allowed = 0;
      await fc.assert(fc.asyncProperty(docArb(d), requestArb(d), (doc, req) => agree(d, doc, req)), { numRuns: 30, seed: 18 });
      // The generators stay inside the modelled space, and both answers occur: the comparison has teeth.
      expect(compared).toBeGreaterThanOrEqual(20);
      expect(allowed).toBeGreaterThan(0);
      expect(compared - allowed).toBeGreaterThan(0);
    });
  }
});
