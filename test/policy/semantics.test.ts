/**
 * The semantics table (src/policy/semantics.ts) run row by row, the numbered points of issue 19 (each fails on the
 * evaluator before it), and the check that docs/semantics.md is generated from the same table.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ALI, decide, HW, VOLC } from './helpers';
import { noOffsetDecisions, outcome, TZ_PROBE_SCRIPT } from './semantics-harness';
import { semanticsMarkdown } from '../../scripts/generate-semantics-doc';
import { AccessRequest, Decision, Dialect, evaluate, parsePolicy, PolicyError, policyConditionKeys, unknownValue } from '../../src/policy';
import { OPERATOR_ROWS, REQUEST_SHAPES, SEMANTIC_POINTS, SOURCES } from '../../src/policy/semantics';

describe('semantics table: every dialect × operator × request shape', () => {
  for (const r of OPERATOR_ROWS) {
    test(`${r.dialect} ${r.operator} ${JSON.stringify(r.value)}`, () => {
      const got = Object.fromEntries(REQUEST_SHAPES.map(s => [s, outcome(r, s)]));
      expect(got).toEqual(r.outcomes);
    });
  }

  test('every row names a source, and every cited short name is defined', () => {
    const cited = [...OPERATOR_ROWS.map(r => r.source), ...SEMANTIC_POINTS.map(p => p.source)];
    for (const source of cited) {
      expect(source.length).toBeGreaterThan(0);
      for (const part of source.split(';')) {
        const name = part.trim().split(/[\s:(]/)[0];
        if (/^[A-Z][A-Z0-9.]*-[A-Z0-9.-]+$/.test(name)) expect([name, SOURCES[name] !== undefined]).toEqual([name, true]);
      }
    }
  });

  test('every Date row decides the same under three time zones', () => {
    const expected = JSON.stringify(OPERATOR_ROWS.filter(r => r.operator.startsWith('Date')).map(r => r.outcomes));
    for (const [tz, probe] of zoneProbes()) expect([tz, JSON.stringify(probe.rows)]).toEqual([tz, expected]);
  });
});

/**
 * Jest gives each test file its own copy of process.env, so the zone is set where it counts: in child processes
 * (test/policy/tz-probe.ts), once per zone, shared by the tests that need them.
 */
let probes: Array<[string, { offset: number; rows: unknown; noOffset: string[] }]> | undefined;
function zoneProbes(): NonNullable<typeof probes> {
  if (probes) return probes;
  probes = ['UTC', 'Asia/Shanghai', 'America/Los_Angeles'].map(tz => {
    const run = spawnSync(process.execPath, ['-r', 'ts-node/register', TZ_PROBE_SCRIPT], {
      cwd: path.join(__dirname, '..', '..'),
      encoding: 'utf8',
      env: { ...process.env, TZ: tz, TS_NODE_TRANSPILE_ONLY: 'true', TS_NODE_PROJECT: 'test/tsconfig.json' },
    });
    if (run.status !== 0) throw new Error(`tz probe under ${tz} failed: ${run.stderr}`);
    return [tz, JSON.parse(run.stdout)];
  });
  expect(new Set(probes.map(([, p]) => p.offset)).size).toBe(3); // the zones really differ
  return probes;
}

test('docs/semantics.md is generated from the table and up to date (npx projen docs)', () => {
  expect(fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'semantics.md'), 'utf8')).toBe(semanticsMarkdown());
});

const point = (id: string) => {
  const p = SEMANTIC_POINTS.find(x => x.id === id);
  if (!p) throw new Error(`no semantic point ${id}`);
  return `${id}: ${p.rule.slice(0, 60)}`;
};
const ali = (...statements: object[]) => ({ Version: '1', Statement: statements });
const volc = (...statements: object[]) => ({ Statement: statements });
const hw = (...statements: object[]) => ({ Version: '1.1', Statement: statements });
const parseError = (dialect: Dialect, doc: unknown): PolicyError => {
  try {
    parsePolicy(dialect, 'p', doc);
  } catch (e) {
    if (e instanceof PolicyError) return e;
    throw e;
  }
  throw new Error('expected a PolicyError');
};
const requestError = (dialect: Dialect, doc: unknown, request: AccessRequest): PolicyError => {
  try {
    decide(dialect, [doc], request);
  } catch (e) {
    if (e instanceof PolicyError) return e;
    throw e;
  }
  throw new Error('expected a PolicyError');
};

describe('issue 19: numbered points', () => {
  test(`1 ${point('unknown-known-part')}`, () => {
    const allowAll = { Effect: 'Allow', Action: '*', Resource: '*' };
    const denyBucket = { Effect: 'Deny', Action: '*', Resource: 'acs:oss:*:1:${alicloud_oss_bucket.b.bucket}/*' };
    expect(decide(ALI, [ali(allowAll, denyBucket)], { action: 'ram:CreateUser', resource: 'acs:ram::1:user/bob' })).toBe(Decision.ALLOW);
    // The known text fits: still unknown.
    expect(decide(ALI, [ali(allowAll, denyBucket)], { action: 'oss:GetObject', resource: 'acs:oss:*:1:b/k' })).toBe(Decision.UNKNOWN);
    const tagged = { Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEquals: { 'acs:ResourceTag/env': 'dev' } } };
    expect(decide(ALI, [ali(tagged)], { action: 'ecs:StartInstance', resource: 'acs:ecs:*:1:instance/i', context: { 'acs:ResourceTag/env': ['dev', unknownValue('x.y.tag')] } })).toBe(Decision.ALLOW);
    expect(decide(ALI, [ali(tagged)], { action: 'ecs:StartInstance', resource: 'acs:ecs:*:1:instance/i', context: { 'acs:ResourceTag/env': ['prod', unknownValue('x.y.tag')] } })).toBe(Decision.UNKNOWN);
    // A condition value with unknown parts: known text that cannot fit decides.
    const prefixed = { Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringLike: { 'acs:ResourceTag/env': 'team-${var.team}-*' } } };
    expect(decide(ALI, [ali(prefixed)], { action: 'ecs:StartInstance', resource: 'acs:ecs:*:1:instance/i', context: { 'acs:ResourceTag/env': 'prod' } })).toBe(Decision.IMPLICIT_DENY);
    expect(decide(ALI, [ali(prefixed)], { action: 'ecs:StartInstance', resource: 'acs:ecs:*:1:instance/i', context: { 'acs:ResourceTag/env': 'team-a-1' } })).toBe(Decision.UNKNOWN);
  });

  test(`2 ${point('dates-utc')}`, () => {
    expect(noOffsetDecisions()).toEqual([Decision.ALLOW, Decision.IMPLICIT_DENY]);
    for (const [tz, probe] of zoneProbes()) expect([tz, probe.noOffset]).toEqual([tz, [Decision.ALLOW, Decision.IMPLICIT_DENY]]);
  });

  test(`3 ${point('question-mark')}`, () => {
    const doc = ali({ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringLike: { 'acs:ResourceTag/name': 'ml-?' } } });
    expect(decide(ALI, [doc], { action: 'ecs:X', resource: '*', context: { 'acs:ResourceTag/name': 'ml-😀' } })).toBe(Decision.EXPLICIT_DENY);
    expect(decide(ALI, [doc], { action: 'ecs:X', resource: '*', context: { 'acs:ResourceTag/name': 'ml-😀😀' } })).toBe(Decision.ALLOW);
  });

  test(`4 ${point('variable-unknown')}`, () => {
    const doc = volc({ Effect: 'Allow', Action: ['iam:*'], Resource: ['trn:iam::*:user/${volc:UserName}'] });
    expect(decide(VOLC, [doc], { action: 'iam:GetUser', resource: 'trn:iam::1:user/bob', context: { 'volc:UserName': unknownValue('user name') } })).toBe(Decision.UNKNOWN);
    const cond = volc({ Effect: 'Allow', Action: ['*'], Condition: { StringEquals: { 'volc:ResourceTag/project': '${volc:PrincipalTag/project}' } } });
    expect(decide(VOLC, [cond], { action: 'ecs:X', context: { 'volc:ResourceTag/project': 'a', 'volc:PrincipalTag/project': unknownValue('tag') } })).toBe(Decision.UNKNOWN);
    // Absent variable: the pattern matches nothing.
    expect(decide(VOLC, [doc], { action: 'iam:GetUser', resource: 'trn:iam::1:user/bob' })).toBe(Decision.IMPLICIT_DENY);
  });

  test(`5 ${point('dates-utc')} (impossible dates, fractions)`, () => {
    expect(parseError(ALI, ali({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { DateLessThan: { 'acs:CurrentTime': '2026-02-30T00:00:00Z' } } })).pointer)
      .toBe('/Statement/0/Condition/DateLessThan/acs:CurrentTime');
    const doc = ali({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { DateLessThan: { 'acs:CurrentTime': '2026-01-01T00:00:00.0001Z' } } });
    expect(decide(ALI, [doc], { action: 'ecs:X', resource: '*', context: { 'acs:CurrentTime': '2026-01-01T00:00:00.00005Z' } })).toBe(Decision.ALLOW);
    expect(requestError(ALI, doc, { action: 'ecs:X', resource: '*', context: { 'acs:CurrentTime': '2024-02-30T00:00:00Z' } }).pointer).toBe('/context/acs:CurrentTime');
  });

  test(`6 ${point('huawei-ifexists')}`, () => {
    expect(parseError(HW, hw({ Effect: 'Allow', Action: ['ecs:*:*'], Condition: { IsNullOrEmptyIfExists: { 'g:UserName': ['true'] } } })).problem).toMatch(/no IfExists form/);
  });

  test(`7 ${point('huawei-missing')}`, () => {
    const allow = { Effect: 'Allow', Action: ['ecs:*:*'] };
    for (const [op, key, value] of [['StringNotEquals', 'g:UserName', 'a'], ['NotIpAddress', 'g:SourceIp', '10.0.0.0/8'], ['StringNotEqualsAnyOf', 'g:UserName', 'a'], ['NumberNotEquals', 'g:MFAAge', '1']]) {
      const doc = hw(allow, { Effect: 'Deny', Action: ['ecs:*:*'], Condition: { [op]: { [key]: [value] } } });
      expect([op, decide(HW, [doc], { action: 'ecs:servers:list' })]).toEqual([op, Decision.ALLOW]);
      expect([op, decide(HW, [doc], { action: 'ecs:servers:list', context: { [key]: '' } })]).toEqual([op, Decision.ALLOW]);
    }
  });

  test(`8 ${point('volc-ignorecase-wildcards')}`, () => {
    const doc = volc({ Effect: 'Allow', Action: ['*'], Condition: { StringEqualsIgnoreCase: { 'volc:PrincipalTag/team': 'ML-*' } } });
    expect(decide(VOLC, [doc], { action: 'ecs:X', context: { 'volc:PrincipalTag/team': 'ml-core' } })).toBe(Decision.ALLOW);
    const not = volc({ Effect: 'Allow', Action: ['*'] }, { Effect: 'Deny', Action: ['*'], Condition: { StringNotEqualsIgnoreCase: { 'volc:PrincipalTag/team': 'ML-?' } } });
    expect(decide(VOLC, [not], { action: 'ecs:X', context: { 'volc:PrincipalTag/team': 'ml-a' } })).toBe(Decision.ALLOW);
  });

  test(`9 ${point('variable-literal')}`, () => {
    const doc = volc({ Effect: 'Allow', Action: ['iam:*'], Resource: ['trn:iam::*:user/${volc:UserName}'] });
    expect(decide(VOLC, [doc], { action: 'iam:DeleteUser', resource: 'trn:iam::1:user/bob', context: { 'volc:UserName': '*' } })).toBe(Decision.IMPLICIT_DENY);
    expect(decide(VOLC, [doc], { action: 'iam:DeleteUser', resource: 'trn:iam::1:user/*', context: { 'volc:UserName': '*' } })).toBe(Decision.ALLOW);
    expect(decide(VOLC, [doc], { action: 'iam:DeleteUser', resource: 'trn:iam::1:user/bob', context: { 'volc:UserName': 'bob' } })).toBe(Decision.ALLOW);
    const cond = volc({ Effect: 'Allow', Action: ['*'], Condition: { StringLike: { 'volc:ResourceTag/owner': '${volc:UserName}' } } });
    expect(decide(VOLC, [cond], { action: 'ecs:X', context: { 'volc:ResourceTag/owner': 'bob', 'volc:UserName': '*' } })).toBe(Decision.IMPLICIT_DENY);
  });

  test(`10 ${point('strict-values')}`, () => {
    const numeric = (v: string) => ali({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { NumericLessThan: { 'acs:MFAAge': v } } });
    for (const bad of ['0x10', ' 7', '1e3', 'Infinity', '', '1.', '.5']) {
      expect([bad, parseError(ALI, numeric(bad)).pointer]).toEqual([bad, '/Statement/0/Condition/NumericLessThan/acs:MFAAge']);
      expect([bad, requestError(ALI, numeric('10'), { action: 'ecs:X', resource: '*', context: { 'acs:MFAAge': bad } }).pointer]).toEqual([bad, '/context/acs:MFAAge']);
    }
    const big = ali({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { NumericGreaterThan: { 'acs:MFAAge': '9007199254740992' } } });
    expect(decide(ALI, [big], { action: 'ecs:X', resource: '*', context: { 'acs:MFAAge': '9007199254740993' } })).toBe(Decision.ALLOW);
    expect(decide(ALI, [big], { action: 'ecs:X', resource: '*', context: { 'acs:MFAAge': '9007199254740992.5' } })).toBe(Decision.ALLOW);
    expect(decide(ALI, [big], { action: 'ecs:X', resource: '*', context: { 'acs:MFAAge': '9007199254740992.0' } })).toBe(Decision.IMPLICIT_DENY);
    const ip = ali({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { IpAddress: { 'acs:SourceIp': '10.0.0.0/8' } } });
    expect(parseError(ALI, ali({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { IpAddress: { 'acs:SourceIp': '010.0.0.0/8' } } })).problem).toMatch(/not an IP/);
    expect(requestError(ALI, ip, { action: 'ecs:X', resource: '*', context: { 'acs:SourceIp': '010.1.2.3' } }).pointer).toBe('/context/acs:SourceIp');
    const date = ali({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { DateLessThan: { 'acs:CurrentTime': '2026-01-01T00:00:00Z' } } });
    expect(requestError(ALI, date, { action: 'ecs:X', resource: '*', context: { 'acs:CurrentTime': '1700000000' } }).pointer).toBe('/context/acs:CurrentTime');
    const tag = ali({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEquals: { 'acs:ResourceTag/env': 'dev' } } });
    expect(requestError(ALI, tag, { action: 'ecs:X', resource: '*', context: { 'acs:ResourceTag/env': 'dev', 'ACS:ResourceTag/env': 'prod' } }).pointer).toBe('/context/ACS:ResourceTag~1env');
    expect(parseError(ALI, ali({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEquals: { 'acs:ResourceTag/env': 'dev', 'acs:resourcetag/env': 'prod' } } })).problem).toMatch(/differ only by case/);
  });
});

describe('issue 19: unsettled points, decided', () => {
  test(point('wildcard-only-no-resource'), () => {
    for (const r of ['*', 'acs:*:*:*:*']) expect(decide(ALI, [ali({ Effect: 'Allow', Action: 'pairec:*', Resource: r })], { action: 'pairec:ListInstances' })).toBe(Decision.ALLOW);
    expect(decide(ALI, [ali({ Effect: 'Allow', Action: 'pairec:*', Resource: 'acs:pairec:*:1:instance/*' })], { action: 'pairec:ListInstances' })).toBe(Decision.IMPLICIT_DENY);
    // Only a wholly unknown pattern could turn out to be `*`.
    expect(decide(ALI, [ali({ Effect: 'Allow', Action: 'pairec:*', Resource: '${var.arn}' })], { action: 'pairec:ListInstances' })).toBe(Decision.UNKNOWN);
    expect(decide(ALI, [ali({ Effect: 'Allow', Action: 'pairec:*', Resource: 'acs:pairec:*:1:instance/${var.id}' })], { action: 'pairec:ListInstances' })).toBe(Decision.IMPLICIT_DENY);
  });

  test(point('alibaba-no-resource-deny'), () => {
    const doc = ali({ Effect: 'Allow', Action: 'pairec:*', Resource: '*' }, { Effect: 'Deny', Action: 'pairec:*', Resource: 'acs:pairec:*:1:instance/prod' });
    expect(decide(ALI, [doc], { action: 'pairec:ListInstances' })).toBe(Decision.ALLOW);
  });

  test(point('huawei-action-question-mark'), () => {
    expect(decide(HW, [hw({ Effect: 'Allow', Action: ['ecs:server?:list'] })], { action: 'ecs:servers:list' })).toBe(Decision.ALLOW);
    expect(decide(HW, [hw({ Effect: 'Allow', Action: ['ecs:server?:list'] })], { action: 'ecs:server:list' })).toBe(Decision.IMPLICIT_DENY);
  });

  test(point('huawei-case'), () => {
    expect(parseError(HW, hw({ Effect: 'Allow', Action: ['ECS:servers:list'] })).problem).toMatch(/lower case/);
    expect(decide(HW, [hw({ Effect: 'Allow', Action: ['ecs:SERVERS:List'] })], { action: 'ecs:servers:list' })).toBe(Decision.ALLOW);
    const res = hw({ Effect: 'Allow', Action: ['obs:object:get'], Resource: ['OBS:*:*:Object:bucket/Key'] });
    expect(decide(HW, [res], { action: 'obs:object:get', resource: 'obs:cn-north-4:d1:object:bucket/Key' })).toBe(Decision.ALLOW);
    expect(decide(HW, [res], { action: 'obs:object:get', resource: 'obs:cn-north-4:d1:object:bucket/key' })).toBe(Decision.IMPLICIT_DENY);
  });
});

describe('issue 13 item 7: set qualifiers in Alibaba, unknown condition keys', () => {
  test(point('alibaba-set-qualifiers'), () => {
    const doc = ali({ Effect: 'Allow', Action: 'ecs:*', Resource: '*', Condition: { 'ForAllValues:StringEquals': { 'acs:TagKeys': ['env', 'team'] } } });
    expect(decide(ALI, [doc], { action: 'ecs:X', resource: '*', context: { 'acs:TagKeys': ['env'] } })).toBe(Decision.ALLOW);
    expect(decide(ALI, [doc], { action: 'ecs:X', resource: '*', context: { 'acs:TagKeys': ['env', 'owner'] } })).toBe(Decision.IMPLICIT_DENY);
  });

  test(point('unknown-condition-key'), () => {
    const doc = ali({ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringEquals: { Action: 'ecs:DeleteInstance' } } });
    const policies = [parsePolicy(ALI, 'p', doc)];
    const isKnownConditionKey = (k: string) => k.includes(':');
    const r = evaluate(ALI, policies, { action: 'ecs:DeleteInstance', resource: '*' }, { isKnownConditionKey });
    expect(r.decision).toBe(Decision.UNKNOWN);
    expect(r.unresolved.join('\n')).toMatch(/condition key "Action" is not known/);
    // Without the hook the key reads as absent (backwards compatible).
    expect(evaluate(ALI, policies, { action: 'ecs:DeleteInstance', resource: '*' }).decision).toBe(Decision.ALLOW);
    expect(policyConditionKeys(policies[0])).toEqual(['Action']);
  });
});

describe('every system policy and official example shipped in data/system-policies parses under the new rules', () => {
  type Entry = { document?: unknown; complete?: boolean };
  const dir = path.join(__dirname, '..', '..', 'data', 'system-policies');
  const read = (f: string) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
  const alibaba = read('alibaba-system-policies.json') as Record<string, Entry>;
  const vh = read('volcengine-huawei-system-policies.json') as Record<string, Record<string, Entry>>;
  const pick = (dialect: Dialect, entries: Record<string, Entry>): Array<[Dialect, string, unknown]> =>
    Object.entries(entries).filter(([, v]) => v.document && v.complete !== false).map(([k, v]) => [dialect, k, v.document]);
  const cases = [...pick(ALI, alibaba), ...pick(VOLC, vh.volcengine), ...pick(HW, vh.huawei)];
  test.each(cases)('%s %s', (dialect, name, document) => {
    const p = parsePolicy(dialect, name, document);
    expect(p.statements.length).toBeGreaterThan(0);
    expect(Array.isArray(policyConditionKeys(p))).toBe(true);
  });
});
