import { ALI, ali, decide, decideWith, HW, hw, VOLC, volc } from './helpers';
import { Decision, evaluate, parsePolicy, unknownValue } from '../../src/policy';

const A = Decision.ALLOW;
const D = Decision.EXPLICIT_DENY;
const N = Decision.IMPLICIT_DENY;
const U = Decision.UNKNOWN;

describe('decision order: explicit deny > allow > implicit deny (alibaba-ram.md §2.1, volcengine-iam.md §3, huawei-iam.md §4)', () => {
  test.each([ALI, VOLC, HW])('%s', dialect => {
    const wrap = dialect === ALI ? ali : dialect === VOLC ? volc : hw;
    const action = dialect === HW ? 'modelarts:notebook:list' : 'svc:DoThing';
    const allow = { Effect: 'Allow', Action: [dialect === HW ? 'modelarts:*:*' : 'svc:*'], Resource: ['*'] };
    const deny = { Effect: 'Deny', Action: [action], Resource: ['*'] };
    expect(decide(dialect, [wrap(allow)], { action })).toBe(A);
    expect(decide(dialect, [wrap(allow), wrap(deny)], { action })).toBe(D);
    expect(decide(dialect, [wrap(deny, allow)], { action })).toBe(D);
    expect(decide(dialect, [], { action })).toBe(N);
  });

  test('matched lists the deciding statements with policy name and index', () => {
    const p = parsePolicy(ALI, 'admin', ali({ Effect: 'Allow', Action: 'ecs:*', Resource: '*' }, { Effect: 'Deny', Action: 'ecs:Delete*', Resource: '*' }));
    expect(evaluate(ALI, [p], { action: 'ecs:DeleteInstance' }).matched).toEqual([{ policy: 'admin', statement: 1 }]);
    expect(evaluate(ALI, [p], { action: 'ecs:StartInstance' }).matched).toEqual([{ policy: 'admin', statement: 0 }]);
  });
});

describe('action matching', () => {
  test('wildcards anywhere, infix included (seed 001: ml_platform:*DevInstance*; alibaba-ram.md §3.1 paiitag:*Get*)', () => {
    const p = volc({ Effect: 'Allow', Action: ['ml_platform:*DevInstance*'] });
    expect(decide(VOLC, [p], { action: 'ml_platform:StopDevInstance' })).toBe(A);
    expect(decide(VOLC, [p], { action: 'ml_platform:CreateDevInstanceSnapshot' })).toBe(A);
    expect(decide(VOLC, [p], { action: 'ml_platform:StopJob' })).toBe(N);
  });

  test('? is exactly one character (volcengine-iam.md §2.2)', () => {
    const p = ali({ Effect: 'Allow', Action: 'ecs:?topInstance', Resource: '*' });
    expect(decide(ALI, [p], { action: 'ecs:StopInstance' })).toBe(A);
    expect(decide(ALI, [p], { action: 'ecs:topInstance' })).toBe(N);
  });

  test('actions are case-insensitive (alibaba-ram.md §3.1 "not case-sensitive in most cases")', () => {
    expect(decide(ALI, [ali({ Effect: 'Allow', Action: 'PaiWorkspace:GetWorkspace', Resource: '*' })], { action: 'paiworkspace:getworkspace' })).toBe(A);
  });

  test('pai:* does not cover paidataset:* (alibaba-ram.md §3.1: separate RAM codes)', () => {
    expect(decide(ALI, [ali({ Effect: 'Allow', Action: 'pai:*', Resource: '*' })], { action: 'paidataset:DeleteDataset' })).toBe(N);
  });

  test('RAM NotAction replaces Action: everything except RAM (alibaba-ram.md §1.2 official example)', () => {
    const p = ali({ Effect: 'Allow', NotAction: 'ram:*', Resource: '*' });
    expect(decide(ALI, [p], { action: 'ecs:StartInstance' })).toBe(A);
    expect(decide(ALI, [p], { action: 'ram:CreateUser' })).toBe(N);
  });

  test('Volcengine NotAction subtracts from Action (volcengine-iam.md §1.3 official example)', () => {
    const p = volc({ Effect: 'Allow', Action: ['*'], NotAction: ['vpc:*'], Resource: ['*'] });
    expect(decide(VOLC, [p], { action: 'ecs:RunInstances' })).toBe(A);
    expect(decide(VOLC, [p], { action: 'vpc:CreateVpc' })).toBe(N);
    const narrow = volc({ Effect: 'Allow', Action: ['vpc:*'], NotAction: ['vpc:Delete*'] });
    expect(decide(VOLC, [narrow], { action: 'ecs:RunInstances' })).toBe(N); // not AWS semantics
  });

  test('Huawei resourceType and operation are case-insensitive (huawei-iam.md §3.1: listgroup ≡ listGroup)', () => {
    expect(decide(HW, [hw({ Effect: 'Allow', Action: ['modelarts:image:listgroup'] })], { action: 'modelarts:image:listGroup' })).toBe(A);
    expect(decide(HW, [hw({ Effect: 'Allow', Action: ['modelarts:*:*delete*'] })], { action: 'modelarts:notebook:deleteNotebook' })).toBe(A);
  });
});

describe('resource matching', () => {
  test('whole-string glob, * crosses / and : (alibaba-ram.md §3.2)', () => {
    const p = ali({ Effect: 'Allow', Action: 'oss:GetObject', Resource: 'acs:oss:*:*:mybucket/*' });
    expect(decide(ALI, [p], { action: 'oss:GetObject', resource: 'acs:oss:*:123:mybucket/a/b/c.jpg' })).toBe(A);
    expect(decide(ALI, [p], { action: 'oss:GetObject', resource: 'acs:oss:*:123:other/a' })).toBe(N);
  });

  test('relative id is case-sensitive, acs:service prefix is not (alibaba-ram.md §3.2 recommendation)', () => {
    const p = ali({ Effect: 'Allow', Action: 'oss:GetObject', Resource: 'acs:OSS:*:*:Bucket/*' });
    expect(decide(ALI, [p], { action: 'oss:GetObject', resource: 'acs:oss:*:1:Bucket/x' })).toBe(A);
    expect(decide(ALI, [p], { action: 'oss:GetObject', resource: 'acs:oss:*:1:bucket/x' })).toBe(N);
  });

  test('a request without a resource matches only wildcard-only Resource (alibaba-ram.md §3.2 "All Resources")', () => {
    expect(decide(ALI, [ali({ Effect: 'Allow', Action: 'pairec:ListInstances', Resource: '*' })], { action: 'pairec:ListInstances' })).toBe(A);
    expect(decide(ALI, [ali({ Effect: 'Allow', Action: 'pairec:ListInstances', Resource: 'acs:pairec:*:*:instance/x' })], { action: 'pairec:ListInstances' })).toBe(N);
  });

  test('Volcengine NotResource subtracts (volcengine-iam.md §1.3)', () => {
    const p = volc({ Effect: 'Allow', Action: ['vpc:*'], Resource: ['*'], NotResource: ['trn:vpc:cn-beijing:2000001234:vpc/vpc-1'] });
    expect(decide(VOLC, [p], { action: 'vpc:DeleteVpc', resource: 'trn:vpc:cn-beijing:2000001234:vpc/vpc-2' })).toBe(A);
    expect(decide(VOLC, [p], { action: 'vpc:DeleteVpc', resource: 'trn:vpc:cn-beijing:2000001234:vpc/vpc-1' })).toBe(N);
  });

  test('Huawei empty region/domain segments act as * (huawei-iam.md §3.2 obs:::bucket:*)', () => {
    const p = hw({ Effect: 'Allow', Action: ['obs:bucket:get*'], Resource: ['obs:::bucket:*'] });
    expect(decide(HW, [p], { action: 'obs:bucket:getBucketPolicy', resource: 'obs:cn-north-4:abc:bucket:b1' })).toBe(A);
  });
});

describe('conditions', () => {
  const withCond = (cond: object) => ali({ Effect: 'Allow', Action: 'oss:GetObject', Resource: '*', Condition: cond });
  const req = (context: Record<string, string | string[]>) => ({ action: 'oss:GetObject', resource: 'acs:oss:*:1:b/k', context });

  test.each([
    // [operator, condition value, request value, expected] — operator semantics from alibaba-ram.md §4.1
    ['StringEquals', 'abc', 'abc', A], ['StringEquals', 'abc', 'ABC', N], ['StringEquals', 'a*', 'abc', N],
    ['StringNotEquals', 'abc', 'abd', A], ['StringNotEquals', 'abc', 'abc', N],
    ['StringEqualsIgnoreCase', 'abc', 'ABC', A], ['StringNotEqualsIgnoreCase', 'abc', 'ABC', N],
    ['StringLike', 'vpc-*', 'vpc-123', A], ['StringLike', 'vpc-?', 'vpc-12', N], ['StringNotLike', 'vpc-*', 'eip-1', A],
    ['NumericEquals', '10', '10.0', A], ['NumericNotEquals', '10', '11', A], ['NumericLessThan', '10', '9', A],
    ['NumericLessThanEquals', '10', '10', A], ['NumericGreaterThan', '10', '10', N], ['NumericGreaterThanEquals', '10', '10', A],
    ['DateLessThan', '2019-08-12T17:00:00+08:00', '2019-08-12T08:59:59Z', A], ['DateLessThan', '2019-08-12T17:00:00+08:00', '2019-08-12T09:00:00Z', N],
    ['DateGreaterThan', '2026-01-01T00:00:00Z', '2026-06-01T00:00:00Z', A], ['DateEquals', '2026-01-01T00:00:00Z', '2026-01-01T08:00:00+08:00', A],
    ['DateNotEquals', '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z', A], ['DateLessThanEquals', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', A],
    ['DateGreaterThanEquals', '2026-01-01T00:00:00Z', '2025-12-31T23:59:59Z', N],
    ['Bool', 'true', 'true', A], ['Bool', 'true', 'false', N], ['Bool', 'false', 'FALSE', A],
    ['IpAddress', '10.0.0.0/8', '10.1.2.3', A], ['IpAddress', '10.0.0.0/8', '11.0.0.1', N], ['IpAddress', '192.168.1.1', '192.168.1.1', A],
    ['IpAddress', '2001:db8::/32', '2001:0db8:85a3::8a2e:370:7334', A], ['IpAddress', '2001:db8::/32', '2001:db9::1', N],
    ['NotIpAddress', '10.0.0.0/8', '8.8.8.8', A], ['NotIpAddress', '10.0.0.0/8', '10.0.0.1', N],
  ])('%s %s vs %s → %s', (op, value, requestValue, expected) => {
    expect(decide(ALI, [withCond({ [op]: { 'x:k': value } })], req({ 'x:k': requestValue }))).toBe(expected);
  });

  test('several values of one key are OR; several keys and operators are AND (alibaba-ram.md §4.2)', () => {
    const p = withCond({ StringEquals: { 'x:a': ['1', '2'], 'x:b': '3' }, Bool: { 'acs:SecureTransport': 'true' } });
    expect(decide(ALI, [p], req({ 'x:a': '2', 'x:b': '3', 'acs:SecureTransport': 'true' }))).toBe(A);
    expect(decide(ALI, [p], req({ 'x:a': '2', 'x:b': '4', 'acs:SecureTransport': 'true' }))).toBe(N);
    expect(decide(ALI, [p], req({ 'x:a': '2', 'x:b': '3', 'acs:SecureTransport': 'false' }))).toBe(N);
  });

  test('negated operator with several values is NOR (alibaba-ram.md §4.2, inferred)', () => {
    const p = withCond({ StringNotEquals: { 'x:a': ['1', '2'] } });
    expect(decide(ALI, [p], req({ 'x:a': '2' }))).toBe(N);
    expect(decide(ALI, [p], req({ 'x:a': '3' }))).toBe(A);
  });

  test('missing key: positive false, negated true (DESIGN.md; alibaba-ram.md §4.3 OSS StringNotLike acs:SourceVpc example)', () => {
    expect(decide(ALI, [withCond({ StringLike: { 'acs:SourceVpc': 'vpc-*' } })], req({}))).toBe(N);
    expect(decide(ALI, [withCond({ StringNotLike: { 'acs:SourceVpc': 'vpc-*' } })], req({}))).toBe(A);
    expect(decide(ALI, [withCond({ NotIpAddress: { 'acs:SourceIp': '10.0.0.0/8' } })], req({}))).toBe(A);
  });

  test('condition key names are case-insensitive (alibaba-ram.md §4.4: acs:PrincipalARN / acs:PrincipalArn)', () => {
    expect(decide(ALI, [withCond({ StringLike: { 'acs:PrincipalARN': 'acs:ram::1:role/*' } })], req({ 'acs:PrincipalArn': 'acs:ram::1:role/x' }))).toBe(A);
  });

  test('IfExists: absent key → true (volcengine-iam.md §4.2 AWS semantics; huawei-iam.md §5.2 H-SCP-OPS)', () => {
    const p = volc({ Effect: 'Allow', Action: ['*'], Condition: { StringEqualsIfExists: { 'volc:RequestTag/env': 'dev' } } });
    expect(decide(VOLC, [p], { action: 'ecs:RunInstances' })).toBe(A);
    expect(decide(VOLC, [p], { action: 'ecs:RunInstances', context: { 'volc:RequestTag/env': 'prod' } })).toBe(N);
  });

  test('Null tests presence (volcengine-iam.md §4.2; huawei-iam.md §5.2)', () => {
    const absent = volc({ Effect: 'Allow', Action: ['*'], Condition: { Null: { 'volc:RequestTag/env': 'true' } } });
    expect(decide(VOLC, [absent], { action: 'x:Y' })).toBe(A);
    expect(decide(VOLC, [absent], { action: 'x:Y', context: { 'volc:RequestTag/env': 'a' } })).toBe(N);
  });

  test('ForAnyValue / ForAllValues over multi-valued keys (Volcengine, AWS semantics)', () => {
    const any = volc({ Effect: 'Allow', Action: ['*'], Condition: { 'ForAnyValue:StringEquals': { 'volc:TagKeys': ['a', 'b'] } } });
    const all = volc({ Effect: 'Allow', Action: ['*'], Condition: { 'ForAllValues:StringEquals': { 'volc:TagKeys': ['a', 'b'] } } });
    expect(decide(VOLC, [any], { action: 'x:Y', context: { 'volc:TagKeys': ['c', 'b'] } })).toBe(A);
    expect(decide(VOLC, [all], { action: 'x:Y', context: { 'volc:TagKeys': ['c', 'b'] } })).toBe(N);
    expect(decide(VOLC, [all], { action: 'x:Y', context: { 'volc:TagKeys': ['a', 'b'] } })).toBe(A);
    expect(decide(VOLC, [all], { action: 'x:Y' })).toBe(A); // vacuous truth when absent
    expect(decide(VOLC, [any], { action: 'x:Y' })).toBe(N);
  });

  test('Volcengine honours wildcards in StringEquals values (volcengine-iam.md §2.2 official example)', () => {
    const p = volc({ Effect: 'Allow', Action: ['*'], Condition: { StringEquals: { 'volc:PrincipalTrn': 'trn:iam::2000000001:role/*' } } });
    expect(decide(VOLC, [p], { action: 'x:Y', context: { 'volc:PrincipalTrn': 'trn:iam::2000000001:role/ops' } })).toBe(A);
  });

  test('Huawei StringStartWith / StringEndWith / StringMatch / AnyOf / IsNullOrEmpty, case-insensitive names (huawei-iam.md §5.2)', () => {
    const h = (cond: object) => hw({ Effect: 'Allow', Action: ['obs:*:*'], Condition: cond });
    const r = (ctx: Record<string, string | string[]>) => ({ action: 'obs:bucket:list', context: ctx });
    expect(decide(HW, [h({ StringStartWith: { 'g:UserName': ['TestUser'] } })], r({ 'g:UserName': 'TestUser01' }))).toBe(A);
    expect(decide(HW, [h({ stringendwithifexists: { 'g:UserName': ['specialCharacter'] } })], r({}))).toBe(A);
    expect(decide(HW, [h({ StringEndWith: { 'g:UserName': ['x'] } })], r({ 'g:UserName': 'abc' }))).toBe(N);
    expect(decide(HW, [h({ StringMatch: { 'g:ProjectName': ['cn-*-4'] } })], r({ 'g:ProjectName': 'cn-north-4' }))).toBe(A);
    expect(decide(HW, [h({ StringEqualsAnyOf: { 'g:TagKeys': ['a'] } })], r({ 'g:TagKeys': ['b', 'a'] }))).toBe(A);
    expect(decide(HW, [h({ IsNullOrEmpty: { 'g:UserName': ['true'] } })], r({ 'g:UserName': '' }))).toBe(A);
    expect(decide(HW, [h({ NumberGreaterThan: { 'g:MFAAge': ['60'] } })], r({ 'g:MFAAge': '61' }))).toBe(A);
  });
});

describe('policy variables (volcengine-iam.md §4.4)', () => {
  const ownOnly = volc({
    Effect: 'Allow',
    Action: ['ml_platform:*DevInstance*'],
    Resource: ['*'],
    Condition: { StringEquals: { 'volc:PrincipalTrn': '${volc:ResourceTag/sys:ml_platform:createdby}' } },
  });
  const base = { action: 'ml_platform:DeleteDevInstance', resource: 'trn:ml_platform:cn-beijing:1:devinstance/di-1' };

  test('substituted from the request context', () => {
    expect(decide(VOLC, [ownOnly], { ...base, context: { 'volc:PrincipalTrn': 'trn:iam::1:user/bob', 'volc:ResourceTag/sys:ml_platform:createdby': 'trn:iam::1:user/bob' } })).toBe(A);
    expect(decide(VOLC, [ownOnly], { ...base, context: { 'volc:PrincipalTrn': 'trn:iam::1:user/bob', 'volc:ResourceTag/sys:ml_platform:createdby': 'trn:iam::1:user/eve' } })).toBe(N);
  });

  test('unresolvable variable: the statement does not apply, and the explanation says why', () => {
    const r = evaluate(VOLC, [parsePolicy(VOLC, 'dev', ownOnly)], { ...base, context: { 'volc:PrincipalTrn': 'trn:iam::1:user/bob' } });
    expect(r.decision).toBe(N);
    expect(r.reasons.join('\n')).toMatch(/policy variables substituted from the request; an absent key matches nothing/);
  });

  test('in a Resource path', () => {
    const p = volc({ Effect: 'Allow', Action: ['iam:GetUser'], Resource: ['trn:iam::*:user/${volc:UserName}'] });
    expect(decide(VOLC, [p], { action: 'iam:GetUser', resource: 'trn:iam::1:user/bob', context: { 'volc:UserName': 'bob' } })).toBe(A);
    expect(decide(VOLC, [p], { action: 'iam:GetUser', resource: 'trn:iam::1:user/eve', context: { 'volc:UserName': 'bob' } })).toBe(N);
    expect(decide(VOLC, [p], { action: 'iam:GetUser', resource: 'trn:iam::1:user/eve' })).toBe(N);
  });
});

describe('unknown: values known only after apply (DESIGN.md "Evaluation result")', () => {
  test('a Terraform reference in a Resource gives unknown, with the reference named', () => {
    const p = parsePolicy(ALI, 'p', ali({ Effect: 'Allow', Action: 'oss:GetObject', Resource: 'acs:oss:*:${data.alicloud_account.current.id}:b/*' }));
    const r = evaluate(ALI, [p], { action: 'oss:GetObject', resource: 'acs:oss:*:123:b/k' });
    expect(r.decision).toBe(U);
    expect(r.unresolved.join()).toMatch(/data\.alicloud_account\.current\.id/);
  });

  test('an explicit unknown marker in a condition value', () => {
    const p = parsePolicy(ALI, 'p', ali({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { IpAddress: { 'acs:SourceIp': unknownValue('vpc cidr known after apply') } } }));
    const r = evaluate(ALI, [p], { action: 'x:Y', context: { 'acs:SourceIp': '10.0.0.1' } });
    expect(r.decision).toBe(U);
    expect(r.unresolved.join()).toMatch(/vpc cidr known after apply/);
  });

  test('a known explicit deny still decides', () => {
    const p = parsePolicy(ALI, 'p', ali({ Effect: 'Allow', Action: '*', Resource: 'acs:oss:*:${var.account}:*' }, { Effect: 'Deny', Action: 'oss:*', Resource: '*' }));
    expect(evaluate(ALI, [p], { action: 'oss:GetObject', resource: 'acs:oss:*:1:b' }).decision).toBe(D);
  });

  test('an opaque policy (content unknown) gives unknown unless a known deny decides; never a guess', () => {
    const opaque = { name: 'AliyunPAIFullAccess', unknownReason: 'system policy document not in the catalog' };
    expect(decideWith(ALI, [opaque], { action: 'pai:CreateJob' })).toBe(U);
    expect(decideWith(ALI, [opaque, parsePolicy(ALI, 'd', ali({ Effect: 'Deny', Action: 'pai:*', Resource: '*' }))], { action: 'pai:CreateJob' })).toBe(D);
    expect(evaluate(ALI, [opaque], { action: 'pai:CreateJob' }).unresolved).toEqual(['policy AliyunPAIFullAccess: system policy document not in the catalog']);
  });

  test('policy variables are not mistaken for Terraform references', () => {
    const p = volc({ Effect: 'Allow', Action: ['*'], Condition: { StringEquals: { 'volc:PrincipalTrn': '${volc:ResourceTag/sys:ml_platform:createdby}' } } });
    expect(decide(VOLC, [p], { action: 'x:Y' })).toBe(N);
  });
});

describe('open context (who-can / what-can report conditional grants)', () => {
  test('allow if the open condition holds', () => {
    const p = parsePolicy(ALI, 'ip', ali({ Effect: 'Allow', Action: 'oss:*', Resource: '*', Condition: { IpAddress: { 'acs:SourceIp': '10.0.0.0/8' } } }));
    const r = evaluate(ALI, [p], { action: 'oss:GetObject' }, { openContext: true });
    expect(r.decision).toBe(A);
    expect(r.openConditions).toEqual(['allow if acs:SourceIp IpAddress 10.0.0.0/8 (ip#0)']);
  });

  test('a conditional deny is listed, not applied', () => {
    const p = parsePolicy(ALI, 'p', ali({ Effect: 'Allow', Action: 'oss:*', Resource: '*' }, { Effect: 'Deny', Action: 'oss:*', Resource: '*', Condition: { Bool: { 'acs:SecureTransport': 'false' } } }));
    const r = evaluate(ALI, [p], { action: 'oss:GetObject' }, { openContext: true });
    expect(r.decision).toBe(A);
    expect(r.openConditions).toEqual(['denied when acs:SecureTransport Bool false (p#1)']);
  });
});
