import * as fc from 'fast-check';
import { AccessRequest, combineResults, compileWildcard, Decision, Dialect, evaluate, matchesWildcard, minifiedDocument, parsePolicy } from '../../src/policy';

/** Reference wildcard semantics: a regular expression built character by character. */
function referenceGlob(pattern: string, value: string): boolean {
  const re = pattern.split('').map(c => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${re}$`, 's').test(value);
}

const alphabet = fc.constantFrom('a', 'b', 'c', ':', '/', '-');
const patternChar = fc.oneof(alphabet, fc.constant('*'), fc.constant('?'));
const word = fc.array(alphabet, { maxLength: 10 }).map(a => a.join(''));
const pattern = fc.array(patternChar, { maxLength: 10 }).map(a => a.join(''));

describe('wildcard matcher equals a regex reference on random patterns and strings', () => {
  test('matchesWildcard', () => {
    fc.assert(fc.property(pattern, word, (p, v) => matchesWildcard(p, v, false) === referenceGlob(p, v)), { numRuns: 20000 });
  });
  test('compiled matchers (with their fast paths) agree too', () => {
    fc.assert(fc.property(pattern, word, (p, v) => compileWildcard(p)(v) === referenceGlob(p, v)), { numRuns: 20000 });
  });
  test('patterns derived from the value match it', () => {
    fc.assert(fc.property(word, fc.nat(10), fc.nat(10), (v, i, j) => {
      const a = Math.min(i, v.length);
      const b = Math.min(a + j, v.length);
      return matchesWildcard(v.slice(0, a) + '*' + v.slice(b), v, false);
    }));
  });
});

// Random Volcengine statements over a small vocabulary, so that matches are frequent.
const services = ['ml_platform', 'iam', 'tos'];
const verbs = ['Get', 'List', 'Create', 'Delete'];
const nouns = ['Job', 'DevInstance', 'User'];
const actionArb = fc.tuple(fc.constantFrom(...services), fc.constantFrom(...verbs), fc.constantFrom(...nouns)).map(([s, v, n]) => `${s}:${v}${n}`);
const actionPatternArb = fc.oneof(
  actionArb,
  fc.tuple(fc.constantFrom(...services), fc.constantFrom(...verbs)).map(([s, v]) => `${s}:${v}*`),
  fc.tuple(fc.constantFrom(...services), fc.constantFrom(...nouns)).map(([s, n]) => `${s}:*${n}*`),
  fc.constant('*'),
);
const resourceArb = fc.tuple(fc.constantFrom('q1', 'q2'), fc.constantFrom('a', 'b')).map(([q, id]) => `trn:ml_platform:cn-beijing:1:job/${q}-${id}`);
const resourcePatternArb = fc.oneof(resourceArb, fc.constant('trn:ml_platform:cn-beijing:1:job/q1-*'), fc.constant('*'));
const conditionArb = fc.option(fc.oneof(
  fc.constantFrom('team-a', 'team-b').map(v => ({ StringEquals: { 'volc:PrincipalTag/team': v } })),
  fc.constantFrom('10.0.0.0/8', '192.168.0.0/16').map(v => ({ IpAddress: { 'volc:SourceIp': v } })),
  fc.constantFrom('10.0.0.0/8').map(v => ({ NotIpAddress: { 'volc:SourceIp': v } })),
), { nil: undefined });
const statementArb = (effect?: 'Allow' | 'Deny') => fc.record({
  Effect: effect ? fc.constant(effect) : fc.constantFrom('Allow', 'Deny'),
  Action: fc.array(actionPatternArb, { minLength: 1, maxLength: 3 }),
  Resource: fc.array(resourcePatternArb, { minLength: 1, maxLength: 2 }),
  Condition: conditionArb,
}).map(s => (s.Condition ? s : { Effect: s.Effect, Action: s.Action, Resource: s.Resource }));
const policiesArb = fc.array(fc.array(statementArb(), { minLength: 1, maxLength: 4 }), { minLength: 0, maxLength: 3 });
const requestArb: fc.Arbitrary<AccessRequest> = fc.record({
  action: actionArb,
  resource: resourceArb,
  context: fc.record({ 'volc:PrincipalTag/team': fc.constantFrom('team-a', 'team-b'), 'volc:SourceIp': fc.constantFrom('10.1.1.1', '192.168.1.1', '8.8.8.8') }, { requiredKeys: [] }),
});

const V = Dialect.VOLCENGINE_IAM;
const run = (policies: object[][], request: AccessRequest) =>
  evaluate(V, policies.map((st, i) => parsePolicy(V, `p${i}`, { Statement: st })), request).decision;

describe('decision properties', () => {
  test('adding a Deny statement never turns a deny into allow', () => {
    fc.assert(fc.property(policiesArb, statementArb('Deny'), requestArb, (policies, deny, request) => {
      const before = run(policies, request);
      const after = run([...policies, [deny]], request);
      return before === Decision.ALLOW || after !== Decision.ALLOW;
    }), { numRuns: 2000 });
  });

  test('adding an Allow statement never turns an allow into deny', () => {
    fc.assert(fc.property(policiesArb, statementArb('Allow'), requestArb, (policies, allow, request) => {
      const before = run(policies, request);
      const after = run([...policies, [allow]], request);
      return before !== Decision.ALLOW || after === Decision.ALLOW;
    }), { numRuns: 2000 });
  });

  test('statement and policy order never change the decision', () => {
    fc.assert(fc.property(policiesArb, requestArb, fc.nat(), (policies, request, seed) => {
      const shuffle = <T>(xs: T[], s: number) => xs.map((x, i) => [x, (s * 31 + i * 17) % 101] as const).sort((a, b) => a[1] - b[1]).map(p => p[0]);
      const reordered = shuffle(policies.map(st => shuffle(st, seed + 1)), seed);
      return run(policies, request) === run(reordered, request);
    }), { numRuns: 2000 });
  });

  test('explicit deny wins whenever any matching Deny statement exists', () => {
    fc.assert(fc.property(policiesArb, requestArb, (policies, request) => {
      const d = run(policies, request);
      const denyOnly = policies.map(st => st.filter((s: any) => s.Effect === 'Deny')).filter(st => st.length > 0);
      const denied = run(denyOnly, request) === Decision.ALLOW; // never: deny statements alone cannot allow
      return !denied && (d !== Decision.EXPLICIT_DENY || denyOnly.length > 0);
    }), { numRuns: 1000 });
  });
});

describe('combining per-policy results (how the access model evaluates principals)', () => {
  test('equals evaluating all policies in one set', () => {
    fc.assert(fc.property(policiesArb, requestArb, fc.boolean(), (policies, request, open) => {
      const parsed = policies.map((st, i) => parsePolicy(V, `p${i}`, { Statement: st }));
      const one = evaluate(V, parsed, request, { openContext: open });
      const combined = combineResults(parsed.map(p => evaluate(V, [p], request, { openContext: open })));
      return one.decision === combined.decision &&
        JSON.stringify([...one.matched].sort(byRef)) === JSON.stringify([...combined.matched].sort(byRef));
    }), { numRuns: 2000 });
  });
});

function byRef(a: { policy: string; statement: number }, b: { policy: string; statement: number }): number {
  return a.policy.localeCompare(b.policy) || a.statement - b.statement;
}

describe('a policy keeps its document as text', () => {
  // Documents as people write them: spacing, escapes, numbers spelt several ways, text that looks like numbers.
  const text = fc.constantFrom('ecs:Describe*', 'acs:ecs:cn-beijing:1234:instance/*', 'a b', 'é', 'x"y', 'a\\b', '10', '/');
  const num = fc.constantFrom('10', '1.50', '1e2', '-0', '0.10', '2E-1');
  const written = fc.record({
    actions: fc.array(fc.constantFrom('Describe*', 'Get', 'List Ñ', 'Run"x"', 'A\\B', '10'), { minLength: 1, maxLength: 3 }),
    resource: text,
    numeric: fc.option(num, { nil: undefined, freq: 2 }),
    indent: fc.constantFrom(undefined, undefined, 1, '\t'),
    escapeSlashes: fc.boolean(),
  }).map(({ actions, resource, numeric, indent, escapeSlashes }) => {
    const st: Record<string, unknown> = { Effect: 'Allow', Action: actions.map(a => `ecs:${a}`), Resource: `acs:ecs:*:*:${resource}` };
    if (numeric !== undefined) st.Condition = { NumericLessThan: { 'acs:MFAAge': '__N__' } };
    let t = JSON.stringify({ Version: '1', Statement: [st] }, null, indent).replace('"__N__"', numeric ?? '');
    if (escapeSlashes) t = t.replace(/\//g, '\\/').replace(/é/g, '\\u00e9');
    return t;
  });
  test('minifiedDocument is JSON.stringify of the parsed document, however the text was written', () => {
    fc.assert(fc.property(written, t => {
      const p = parsePolicy(Dialect.ALIBABA_RAM, 'p', t);
      expect(minifiedDocument(p)).toBe(JSON.stringify(JSON.parse(t)));
      expect(p.document).toEqual(JSON.parse(t));
      // A policy built by hand, without text, is minified from its document.
      expect(minifiedDocument({ ...p, text: undefined, document: JSON.parse(t) })).toBe(JSON.stringify(JSON.parse(t)));
    }), { numRuns: 2000 });
  });
});
