import { Decision, parsePolicy, ParsedPolicy } from '../../src/policy';
import { decideConcrete, proveNoNewAccess, ProofStatus } from '../../src/prove/prove';
import { shutdownZ3 } from '../../src/prove/z3';
import { ali, ALI, decide, HW, hw, volc, VOLC } from '../policy/helpers';

afterAll(() => shutdownZ3());

const set = (dialect: typeof ALI, ...docs: object[]): ParsedPolicy[] => docs.map((d, i) => parsePolicy(dialect, `p${i}`, d));

describe('proveNoNewAccess', () => {
  test('a widened wildcard yields a witness the evaluator confirms', async () => {
    const before = set(ALI, ali({ Effect: 'Allow', Action: 'oss:GetObject', Resource: 'acs:oss:*:*:bucket/prod/*' }));
    const after = set(ALI, ali({ Effect: 'Allow', Action: 'oss:Get*', Resource: 'acs:oss:*:*:bucket/prod/*' }));
    const r = await proveNoNewAccess(ALI, before, after);
    expect(r.status).toBe(ProofStatus.WITNESS);
    expect(decide(ALI, after.map(p => p.document), r.witness!)).toBe(Decision.ALLOW);
    expect(decide(ALI, before.map(p => p.document), r.witness!)).not.toBe(Decision.ALLOW);
    expect(r.witness!.action).toMatch(/^oss:get/);
  });

  test('reordering statements is proven', async () => {
    const a = { Effect: 'Allow', Action: ['ecs:Describe*'], Resource: '*' };
    const d = { Effect: 'Deny', Action: ['ecs:DescribeInstances'], Resource: 'acs:ecs:*:*:instance/i-1' };
    const r = await proveNoNewAccess(ALI, set(ALI, ali(a, d)), set(ALI, ali(d), ali(a)));
    expect(r).toEqual({ status: ProofStatus.PROVEN });
  });

  test('a relaxed IP condition yields a witness', async () => {
    const st = (cidr: string) => ({ Effect: 'Allow', Action: ['ml_platform:*'], Resource: ['*'], Condition: { IpAddress: { 'volc:SourceIp': [cidr] } } });
    const r = await proveNoNewAccess(VOLC, set(VOLC, volc(st('10.0.0.0/16'))), set(VOLC, volc(st('10.0.0.0/8'))));
    expect(r.status).toBe(ProofStatus.WITNESS);
    const v = r.witness!.context!['volc:SourceIp'];
    const ip = [v].flat().find(x => x.startsWith('10.'))!;
    expect(ip).toMatch(/^10\./);
    expect(ip).not.toMatch(/^10\.0\./);
  });

  test('huawei removed deny', async () => {
    const allow = { Effect: 'Allow', Action: ['modelarts:*:*'] };
    const deny = { Effect: 'Deny', Action: ['modelarts:notebook:delete'] };
    const r = await proveNoNewAccess(HW, set(HW, hw(allow, deny)), set(HW, hw(allow)));
    expect(r.status).toBe(ProofStatus.WITNESS);
    expect(r.witness!.action).toBe('modelarts:notebook:delete');
  });

  test('a solver time-out is "not proven", never "proven"', async () => {
    const st = (actions: string[]) => ({ Effect: 'Allow', Action: actions, Resource: ['acs:oss:*:*:bucket/*/logs/*'], Condition: { IpAddress: { 'acs:SourceIp': ['10.0.0.0/8'] } } });
    const r = await proveNoNewAccess(ALI, set(ALI, ali(st(['oss:Get*', 'oss:List*']))), set(ALI, ali(st(['oss:*Object*']))), { timeoutMs: 1 });
    expect(r.status).toBe(ProofStatus.NOT_PROVEN);
    expect(r.reason).toMatch(/timeout|gave up/);
  });

  test('a key compared as two types is not encoded: "not proven"', async () => {
    const st = (cond: object) => ({ Effect: 'Allow', Action: ['ml_platform:*'], Resource: ['*'], Condition: cond });
    const r = await proveNoNewAccess(VOLC, set(VOLC, volc(st({ NumericLessThan: { 'volc:X': ['3'] } }))), set(VOLC, volc(st({ IpAddress: { 'volc:X': ['10.0.0.0/8'] } }))));
    expect(r).toMatchObject({ status: ProofStatus.NOT_PROVEN, reason: expect.stringMatching(/volc:X.*numeric and ip|ip and numeric/) });
  });

  test('concrete oracle', async () => {
    const p = set(VOLC, volc({ Effect: 'Allow', Action: ['ml_platform:Get*'], Resource: ['*'], Condition: { NumericLessThan: { 'volc:Age': ['300'] } } }));
    expect(await decideConcrete(VOLC, p, { action: 'ml_platform:getjob', context: { 'volc:Age': '200' } })).toBe(true);
    expect(await decideConcrete(VOLC, p, { action: 'ml_platform:getjob', context: { 'volc:Age': '-5' } })).toBe(true);
    expect(await decideConcrete(VOLC, p, { action: 'ml_platform:getjob', context: { 'volc:Age': '300' } })).toBe(false);
    expect(await decideConcrete(VOLC, p, { action: 'ml_platform:getjob', context: { 'volc:Age': 'abc' } })).toBe(false);
  });
});
