import { ALI, HW, VOLC } from './helpers';
import { Dialect, parsePolicy, PolicyError } from '../../src/policy';

function error(dialect: Dialect, doc: unknown): PolicyError {
  try {
    parsePolicy(dialect, 'p', doc, { file: 'policies.json', pointer: '/policies/0/document' });
  } catch (e) {
    if (e instanceof PolicyError) return e;
    throw e;
  }
  throw new Error('expected a PolicyError');
}

describe('parsing: accepted forms', () => {
  test('single string and array are equivalent for Action/Resource (alibaba-ram.md §1.3, SYNTAX conventions)', () => {
    const a = parsePolicy(ALI, 'a', { Version: '1', Statement: [{ Effect: 'Allow', Action: 'ecs:Describe*', Resource: '*' }] });
    const b = parsePolicy(ALI, 'b', { Version: '1', Statement: [{ Effect: 'Allow', Action: ['ecs:Describe*'], Resource: ['*'] }] });
    expect(a.statements[0].actions!.map(x => x.normalized)).toEqual(b.statements[0].actions!.map(x => x.normalized));
  });

  test('a JSON string document is parsed (Terraform policy_document is a string)', () => {
    expect(parsePolicy(ALI, 'a', '{"Version":"1","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}').statements).toHaveLength(1);
  });

  test('Volcengine has no Version and accepts a bare statement object (volcengine-iam.md §1.1)', () => {
    expect(parsePolicy(VOLC, 'v', { Statement: { Effect: 'Allow', Action: ['ml_platform:List*'] } }).statements).toHaveLength(1);
  });

  test('Volcengine Resource is optional and means every resource (volcengine-iam.md §1.2)', () => {
    expect(parsePolicy(VOLC, 'v', { Statement: [{ Effect: 'Allow', Action: ['*'] }] }).statements[0].resources).toBeUndefined();
  });

  test('Huawei keys and Effect are case-insensitive (huawei-iam.md §2: seed 003 prints them lower-cased)', () => {
    const p = parsePolicy(HW, 'h', { version: '1.1', statement: [{ effect: 'deny', action: ['modelarts:pool:create'] }] });
    expect(p.statements[0].effect).toBe('Deny');
  });

  test('Sid is accepted and ignored in RAM (alibaba-ram.md §1.1)', () => {
    expect(() => parsePolicy(ALI, 'a', { Version: '1', Statement: [{ Sid: 'x', Effect: 'Allow', Action: '*', Resource: '*' }] })).not.toThrow();
  });
});

describe('parsing: rejected forms name the file, JSON pointer and fix', () => {
  test('unknown Effect', () => {
    const e = error(ALI, { Version: '1', Statement: [{ Effect: 'allow', Action: '*', Resource: '*' }] });
    expect(e.message).toBe('policies.json: /policies/0/document/Statement/0/Effect: "allow" is not a valid Effect. Fix: use "Allow" or "Deny"');
  });

  test('unknown condition operator, pointer escapes "/" in keys (RFC 6901)', () => {
    const e = error(VOLC, { Statement: [{ Effect: 'Allow', Action: ['*'], Condition: { StringEqualz: { 'volc:ResourceTag/team': 'a' } } }] });
    expect(e.pointer).toBe('/policies/0/document/Statement/0/Condition/StringEqualz');
    expect(e.problem).toMatch(/unknown condition operator "StringEqualz"/);
  });

  test('malformed CIDR names the exact value pointer', () => {
    const e = error(ALI, { Version: '1', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: { IpAddress: { 'acs:SourceIp': ['10.0.0.0/8', '300.1.1.1'] } } }] });
    expect(e.pointer).toBe('/policies/0/document/Statement/0/Condition/IpAddress/acs:SourceIp/1');
  });

  test('malformed date and number', () => {
    expect(error(ALI, { Version: '1', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: { DateLessThan: { 'acs:CurrentTime': 'tomorrow' } } }] }).problem).toMatch(/ISO 8601/);
    expect(error(VOLC, { Statement: [{ Effect: 'Allow', Action: ['*'], Condition: { NumericLessThan: { 'x:n': 'ten' } } }] }).problem).toMatch(/not a decimal number/);
  });

  test('Principal in an identity policy (alibaba-ram.md §1.2, volcengine-iam.md §1.2)', () => {
    expect(error(ALI, { Version: '1', Statement: [{ Effect: 'Allow', Principal: { RAM: ['acs:ram::1:root'] }, Action: '*', Resource: '*' }] }).problem).toMatch(/Principal/);
    expect(error(VOLC, { Statement: [{ Effect: 'Allow', Principal: { Service: ['ml_platform'] }, Action: ['*'] }] }).problem).toMatch(/Principal/);
  });

  test('RAM: Version must be "1", Statement an array, Resource required, NotResource unsupported (alibaba-ram.md §1.5)', () => {
    expect(error(ALI, { Version: 1, Statement: [] }).pointer).toBe('/policies/0/document/Version');
    expect(error(ALI, { Version: '1', Statement: { Effect: 'Allow', Action: '*', Resource: '*' } }).problem).toMatch(/must be an array/);
    expect(error(ALI, { Version: '1', Statement: [{ Effect: 'Allow', Action: '*' }] }).pointer).toMatch(/Resource$/);
    expect(error(ALI, { Version: '1', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', NotResource: 'acs:oss:*:*:x' }] }).problem).toMatch(/NotResource/);
  });

  test('RAM: exactly one of Action/NotAction (alibaba-ram.md §1.2)', () => {
    expect(error(ALI, { Version: '1', Statement: [{ Effect: 'Allow', Action: '*', NotAction: 'ram:*', Resource: '*' }] }).problem).toMatch(/exactly one/);
  });

  test('RAM: keys are case-sensitive, with a hint (alibaba-ram.md §1.1)', () => {
    expect(error(ALI, { Version: '1', Statement: [{ effect: 'Allow', Action: '*', Resource: '*' }] }).fix).toMatch(/write "Effect"/);
  });

  test('RAM: IfExists / Null are not documented operators (alibaba-ram.md §4.1); set qualifiers are (system policies use them)', () => {
    expect(error(ALI, { Version: '1', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEqualsIfExists: { 'acs:SourceVpc': 'v' } } }] }).problem).toMatch(/unknown condition operator/);
    expect(error(ALI, { Version: '1', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: { Null: { 'acs:x': 'true' } } }] }).problem).toMatch(/unknown condition operator/);
  });

  test('RAM: resources must be acs: ARNs', () => {
    expect(error(ALI, { Version: '1', Statement: [{ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::b' }] }).fix).toMatch(/acs:service/);
  });

  test('Volcengine: NotAction needs Action (volcengine-iam.md §1.3); a Version other than "1" is rejected', () => {
    expect(error(VOLC, { Statement: [{ Effect: 'Allow', NotAction: ['vpc:*'] }] }).fix).toMatch(/NotAction only subtracts/);
    expect(error(VOLC, { Version: '2012-10-17', Statement: [] }).fix).toMatch(/remove Version/);
  });

  test('Huawei: Version 1.1, no NotAction/NotResource/Sid, three-part actions, lower-case service (huawei-iam.md §2, §3.1)', () => {
    expect(error(HW, { Version: '1', Statement: [] }).fix).toMatch(/"1.1"/);
    expect(error(HW, { Version: '1.1', Statement: [{ Effect: 'Allow', NotAction: ['obs:*:*'] }] }).problem).toMatch(/NotAction/);
    expect(error(HW, { Version: '1.1', Statement: [{ Effect: 'Allow', Action: ['modelarts:list'] }] }).problem).toMatch(/service:resourceType:operation/);
    expect(error(HW, { Version: '1.1', Statement: [{ Effect: 'Allow', Action: ['ModelArts:notebook:list'] }] }).fix).toMatch(/modelarts:notebook:list/);
  });

  test('not JSON at all', () => {
    expect(error(ALI, '{"Version": "1",').problem).toMatch(/not valid JSON/);
  });
});
