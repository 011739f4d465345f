/**
 * The evaluator's condition semantics as data: one row per dialect and operator, one outcome per request shape.
 * test/policy/semantics.test.ts evaluates every row and docs/semantics.md is generated from this file
 * (scripts/generate-semantics-doc.ts), so the page, the tests and the code cannot disagree.
 */
import { Dialect } from './types';

/** What the condition evaluates to: true, false, unknown (depends on an after-apply value), or a bad-input error. */
export type Outcome = 'true' | 'false' | 'unknown' | 'error';

/** The request shapes every row is tried with. */
export const REQUEST_SHAPES = ['match', 'noMatch', 'missing', 'empty', 'multi', 'unknown'] as const;
export type RequestShape = typeof REQUEST_SHAPES[number];

export const SHAPE_TITLES: Record<RequestShape, string> = {
  match: 'present, satisfies the positive test',
  noMatch: 'present, does not',
  missing: 'key missing',
  empty: 'key present, value ""',
  multi: 'multi-valued [match, noMatch]',
  unknown: 'value known only after apply',
};

export interface OperatorRow {
  readonly dialect: Dialect;
  readonly operator: string;
  readonly key: string;
  readonly value: string;
  /** Request values that do and do not satisfy the operator's positive (un-negated) test. */
  readonly hit: string;
  readonly miss: string;
  readonly outcomes: Record<RequestShape, Outcome>;
  /** Where the rule comes from; "our decision: ..." where no source settles it. */
  readonly source: string;
}

/** Sources, cited by short name in rows and points. */
export const SOURCES: Record<string, string> = {
  'AWS-OPS': 'AWS IAM "Condition operators" (docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html): a key missing from the request makes a condition false, and a negated one (StringNotEquals, NotIpAddress, ...) true, except ...IfExists and Null; set operators ForAnyValue/ForAllValues',
  'ALI-OPS': 'Alibaba RAM "Policy elements" / operators (alibaba-ram.md §4.1): 21 operators; StringEquals has no wildcards; StringLike has * and ?; IgnoreCase pair case-insensitive',
  'ALI-MISSING': 'alibaba-ram.md §4.3: OSS examples write StringNotLike {"acs:SourceVpc": ["vpc-*"]} to mean "not from a VPC", i.e. a negated operator on a missing key is true (AWS rule)',
  'ALI-POWERUSER': 'Alibaba system policy PowerUserAccess (alibaba.com/help/en/ram/developer-reference/poweruseraccess, issue 13): the vendor\'s own template uses ForAllValues:StringEquals, so RAM accepts the set qualifiers',
  'ALI-RES': 'alibaba-ram.md §3.2 (per-product RAM pages): actions without resource-level authorisation take "Resource": "*"; "the specified resource must be compatible with the action, otherwise the policy will be ineffective"',
  'VOLC-VARS': 'Volcengine "Variables and wildcards" (volcengine.com/docs/6257/1134943, volcengine-iam.md §2.2, §4.4): * and ? in condition values even under StringEquals; ${key} variables in TRN paths and condition values',
  'VOLC-COND': 'volcengine-iam.md §3: operator table not readable; AWS operator set and missing-key rule recommended',
  'HW-IEF': 'Huawei IEF request conditions (support.huaweicloud.com/usermanual-ief/ief_01_0067.html, huawei-iam.md §5.2): the 1.1 string operator list: ...AnyOf forms and an IfExists form of every operator except IsNullOrEmpty',
  'HW-SCP-OPS': 'Huawei Organizations SCP operators (huaweicloud.com guide copy of the org operator page, huawei-iam.md §5.2): "IfExists: a request value that is empty or satisfies the condition makes the policy take effect"; StringNotEquals "differs from all condition values"; StringMatch wildcards * and ?; Null',
  'HW-5.0': 'Huawei IAM 5.0 / SCP syntax pages (huawei-iam.md §3.1): wildcards * and ? in actions',
  'HW-VARS': 'Huawei policy variables (iam_01_0902, huawei-iam.md §5.4): resources written OBS:*:*:bucket:${g:UserName} (upper-case service)',
  'ISO-8601': 'ISO 8601 / RFC 3339 date-time grammar; the clouds document values with Z or an offset (alibaba-ram.md §4.1, volcengine-iam.md §4.3 "ISO 8601 UTC Z", huawei-iam.md §5.3)',
  'UNICODE': 'The clouds define ? as "exactly one character"; a character is a Unicode code point, not a UTF-16 code unit',
};

type Code = 'T' | 'F' | 'U' | 'E';
const OUT: Record<Code, Outcome> = { T: 'true', F: 'false', U: 'unknown', E: 'error' };

function row(dialect: Dialect, operator: string, key: string, value: string, hit: string, miss: string, codes: string, source: string): OperatorRow {
  const letters = codes.split('') as Code[];
  if (letters.length !== REQUEST_SHAPES.length) throw new Error(`semantics row ${operator}: ${codes}`);
  const outcomes = Object.fromEntries(REQUEST_SHAPES.map((s, i) => [s, OUT[letters[i]]])) as Record<RequestShape, Outcome>;
  return { dialect, operator, key, value, hit, miss, outcomes, source };
}

/** Rows shared by the two dialects that follow the AWS condition rules (Alibaba RAM, Volcengine IAM). */
function awsStyle(d: Dialect, p: string, src: string): OperatorRow[] {
  const tag = `${p}:PrincipalTag/team`;
  return [
    row(d, 'StringEquals', tag, 'ml', 'ml', 'data', 'TFFFTU', src),
    row(d, 'StringNotEquals', tag, 'ml', 'ml', 'data', 'FTTTFU', `${src}; ALI-MISSING`),
    row(d, 'StringEqualsIgnoreCase', tag, 'ML', 'ml', 'data', 'TFFFTU', src),
    row(d, 'StringNotEqualsIgnoreCase', tag, 'ML', 'ml', 'data', 'FTTTFU', src),
    row(d, 'StringLike', tag, 'm?', 'm😀', 'data', 'TFFFTU', `${src}; UNICODE`),
    row(d, 'StringNotLike', tag, 'm*', 'ml', 'data', 'FTTTFU', `${src}; ALI-MISSING`),
    row(d, 'NumericLessThan', `${p}:MFAAge`, '3600', '300', '3600', 'TFFETU', `${src}; our decision: a request value that is not a strict decimal is bad input`),
    row(d, 'NumericNotEquals', `${p}:MFAAge`, '3600', '3600.0', '300', 'FTTEFU', src),
    row(d, 'NumericGreaterThan', `${p}:MFAAge`, '9007199254740992', '9007199254740993', '9007199254740992', 'TFFETU', 'our decision: decimals compare exactly (2^53 + 1 > 2^53)'),
    row(d, 'DateLessThan', `${p}:CurrentTime`, '2026-01-01T00:00:00Z', '2025-12-31T23:59:59.9999Z', '2026-01-01T08:00:00+08:00', 'TFFETU', `${src}; ISO-8601`),
    row(d, 'DateGreaterThan', `${p}:CurrentTime`, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.0001Z', '2026-01-01T00:00:00Z', 'TFFETU', 'ISO-8601; our decision: fractions compare exactly, beyond milliseconds'),
    row(d, 'DateNotEquals', `${p}:CurrentTime`, '2026-01-01', '2026-01-01T00:00:00Z', '2026-01-02', 'FTTEFU', `${src}; our decision: no offset means UTC`),
    row(d, 'Bool', `${p}:SecureTransport`, 'true', 'true', 'false', 'TFFETU', src),
    row(d, 'IpAddress', `${p}:SourceIp`, '10.0.0.0/8', '10.1.2.3', '8.8.8.8', 'TFFETU', src),
    row(d, 'NotIpAddress', `${p}:SourceIp`, '10.0.0.0/8', '10.1.2.3', '8.8.8.8', 'FTTEFU', `${src}; ALI-MISSING`),
    row(d, 'ForAnyValue:StringEquals', `${p}:TagKeys`, 'ml', 'ml', 'data', 'TFFFTU', d === Dialect.ALIBABA_RAM ? 'ALI-POWERUSER; AWS-OPS' : src),
    row(d, 'ForAllValues:StringEquals', `${p}:TagKeys`, 'ml', 'ml', 'data', 'TFTFFU', d === Dialect.ALIBABA_RAM ? 'ALI-POWERUSER; AWS-OPS' : src),
    row(d, 'ForAnyValue:StringNotEquals', `${p}:TagKeys`, 'ml', 'ml', 'data', 'FTFTTU', d === Dialect.ALIBABA_RAM ? 'ALI-POWERUSER; AWS-OPS' : src),
    row(d, 'ForAllValues:StringNotEquals', `${p}:TagKeys`, 'ml', 'ml', 'data', 'FTTTFU', d === Dialect.ALIBABA_RAM ? 'ALI-POWERUSER; AWS-OPS' : src),
  ];
}

const V = Dialect.VOLCENGINE_IAM;
const H = Dialect.HUAWEI_IAM;

export const OPERATOR_ROWS: readonly OperatorRow[] = [
  ...awsStyle(Dialect.ALIBABA_RAM, 'acs', 'ALI-OPS; AWS-OPS'),
  row(Dialect.ALIBABA_RAM, 'StringEquals', 'acs:PrincipalARN', 'acs:ram::1:role/*', 'acs:ram::1:role/*', 'acs:ram::1:role/a', 'TFFFTU', 'ALI-OPS (StringEquals has no wildcards)'),
  ...awsStyle(V, 'volc', 'VOLC-COND; AWS-OPS'),
  row(V, 'StringEquals', 'volc:PrincipalTrn', 'trn:iam::1:role/*', 'trn:iam::1:role/a', 'trn:iam::2:role/a', 'TFFFTU', 'VOLC-VARS (wildcards under StringEquals)'),
  row(V, 'StringEqualsIgnoreCase', 'volc:PrincipalTrn', 'TRN:IAM::1:ROLE/*', 'trn:iam::1:role/a', 'trn:iam::2:role/a', 'TFFFTU', 'VOLC-VARS; our decision: the IgnoreCase pair honours wildcards like the other String operators'),
  row(V, 'StringNotEqualsIgnoreCase', 'volc:PrincipalTrn', 'TRN:IAM::1:ROLE/*', 'trn:iam::1:role/a', 'trn:iam::2:role/a', 'FTTTFU', 'VOLC-VARS; our decision (as above)'),
  row(V, 'StringEqualsIfExists', 'volc:PrincipalTag/team', 'ml', 'ml', 'data', 'TFTFTU', 'VOLC-COND; AWS-OPS'),
  row(V, 'StringNotEqualsIfExists', 'volc:PrincipalTag/team', 'ml', 'ml', 'data', 'FTTTFU', 'VOLC-COND; AWS-OPS'),
  row(V, 'NumericLessThanIfExists', 'volc:MFAAge', '3600', '300', '3600', 'TFTETU', 'VOLC-COND; AWS-OPS'),
  row(V, 'Null', 'volc:PrincipalTag/team', 'true', 'ml', 'data', 'FFTFFF', 'VOLC-COND; AWS-OPS (presence is known even when the value is not)'),
  row(V, 'Null', 'volc:PrincipalTag/team', 'false', 'ml', 'data', 'TTFTTT', 'VOLC-COND; AWS-OPS'),
  row(H, 'StringEquals', 'g:UserName', 'alice', 'alice', 'bob', 'TFFFTU', 'HW-SCP-OPS'),
  row(H, 'StringNotEquals', 'g:UserName', 'alice', 'alice', 'bob', 'FTFFFU', 'HW-SCP-OPS: without IfExists an absent or empty value never makes the policy take effect (one rule for every operator)'),
  row(H, 'StringEqualsIgnoreCase', 'g:UserName', 'ALICE', 'alice', 'bob', 'TFFFTU', 'HW-SCP-OPS'),
  row(H, 'StringNotEqualsIgnoreCase', 'g:UserName', 'ALICE', 'alice', 'bob', 'FTFFFU', 'HW-SCP-OPS'),
  row(H, 'StringEqualsAnyOf', 'g:UserName', 'alice', 'alice', 'bob', 'TFFFTU', 'HW-IEF; our decision: AnyOf = ForAnyValue'),
  row(H, 'StringNotEqualsAnyOf', 'g:UserName', 'alice', 'alice', 'bob', 'FTFFTU', 'HW-IEF; HW-SCP-OPS; our decision: AnyOf = ForAnyValue'),
  row(H, 'StringLike', 'g:UserName', 'al?ce', 'alice', 'bob', 'TFFFTU', 'HW-SCP-OPS (StringMatch: * and ?)'),
  row(H, 'StringLike', 'g:UserName', 'ali', 'ali', 'alice', 'TFFFTU', 'our decision: without a wildcard StringLike is an exact match (the OBS "contains" wording is not followed)'),
  row(H, 'StringStartWith', 'g:UserName', 'al', 'alice', 'bob', 'TFFFTU', 'HW-IEF'),
  row(H, 'StringEndWith', 'g:UserName', 'ce', 'alice', 'bob', 'TFFFTU', 'HW-IEF'),
  row(H, 'StringEqualsIfExists', 'g:UserName', 'alice', 'alice', 'bob', 'TFTTTU', 'HW-SCP-OPS ("empty or satisfies")'),
  row(H, 'StringNotEqualsIfExists', 'g:UserName', 'alice', 'alice', 'bob', 'FTTTFU', 'HW-SCP-OPS'),
  row(H, 'IsNullOrEmpty', 'g:UserName', 'true', 'alice', 'bob', 'FFTTFU', 'HW-IEF; our decision: true when absent or every value is ""'),
  row(H, 'NumberLessThan', 'g:MFAAge', '3600', '300', '3600', 'TFFFTU', 'HW-SCP-OPS'),
  row(H, 'DateLessThan', 'g:CurrentTime', '2026-01-01T00:00:00Z', '2025-12-31T23:59:59Z', '2026-01-01T00:00:00Z', 'TFFFTU', 'HW-SCP-OPS; ISO-8601'),
  row(H, 'Bool', 'g:MFAPresent', 'true', 'true', 'false', 'TFFFTU', 'HW-SCP-OPS'),
  row(H, 'IpAddress', 'g:SourceIp', '10.0.0.0/8', '10.1.2.3', '8.8.8.8', 'TFFFTU', 'HW-SCP-OPS'),
  row(H, 'NotIpAddress', 'g:SourceIp', '10.0.0.0/8', '10.1.2.3', '8.8.8.8', 'FTFFFU', 'HW-SCP-OPS (one missing-key rule for every operator)'),
  row(H, 'Null', 'g:UserName', 'true', 'alice', 'bob', 'FFTFFF', 'HW-SCP-OPS (Null tests presence; "" is present)'),
];

/** Decisions beyond single operators: each has a test named by its id in test/policy/semantics.test.ts. */
export interface SemanticPoint {
  readonly id: string;
  readonly topic: string;
  readonly rule: string;
  readonly source: string;
}

export const SEMANTIC_POINTS: readonly SemanticPoint[] = [
  { id: 'unknown-known-part', topic: 'Unknown values', rule: '`unknown` means the decision depends on an after-apply value. Known text still decides: a pattern whose known parts cannot fit the request (an `acs:oss:` pattern against a `ram` resource) does not match, and a multi-valued key where a known element already decides does not wait for the unknown one.', source: 'our decision (DESIGN.md: judge only what is known)' },
  { id: 'dates-utc', topic: 'Dates', rule: 'ISO 8601 dates and date-times; without an offset they are UTC, whatever the host\'s time zone. Impossible dates (`2026-02-30`), epoch numbers and other forms are bad input (exit 2, JSON pointer). Fractions of a second compare exactly, beyond milliseconds.', source: 'ISO-8601; our decision for the missing offset' },
  { id: 'question-mark', topic: 'Wildcards', rule: '`*` matches any run of characters (including `:` and `/`), `?` exactly one character, i.e. one Unicode code point (`ml-?` matches `ml-😀`). No backtracking: linear time for patterns without `?`; a run holding `?` costs at most ⌈length/32⌉ steps per character.', source: 'ALI-OPS; VOLC-VARS; HW-5.0; UNICODE' },
  { id: 'variable-unknown', topic: 'Policy variables (Volcengine)', rule: 'A variable whose request value is known only after apply makes the pattern `unknown` (unless the known text already rules the request out); an absent or multi-valued key makes the pattern match nothing.', source: 'VOLC-VARS; HW-VARS ("substitution fails")' },
  { id: 'variable-literal', topic: 'Policy variables (Volcengine)', rule: 'A substituted value is literal text, never a pattern: with `volc:UserName = "*"`, `trn:iam::*:user/${volc:UserName}` matches only the user named `*`.', source: 'our decision (security: a request value must not widen a grant)' },
  { id: 'strict-values', topic: 'Typed values', rule: 'Numbers are strict decimals (`-2.5`, `10`; no spaces, `0x`, exponents, `Infinity`) compared exactly; IPv4 octets have no leading zeros (`010.1.2.3` is rejected); condition keys that differ only by case, in a policy or a request, are rejected as ambiguous.', source: 'our decision' },
  { id: 'huawei-ifexists', topic: 'Huawei operators', rule: '`IsNullOrEmpty` has no IfExists form; every other 1.1 operator has one. `ForAnyValue:`/`ForAllValues:` are 5.0 syntax and rejected in 1.1.', source: 'HW-IEF' },
  { id: 'huawei-missing', topic: 'Huawei missing keys', rule: 'For every Huawei operator a missing or empty key makes the condition false, negated operators included, unless the operator ends in IfExists (true) or tests presence (Null, IsNullOrEmpty).', source: 'HW-SCP-OPS' },
  { id: 'volc-ignorecase-wildcards', topic: 'Volcengine IgnoreCase', rule: '`StringEqualsIgnoreCase` / `StringNotEqualsIgnoreCase` honour `*` and `?` like the other Volcengine String operators.', source: 'VOLC-VARS; our decision' },
  { id: 'alibaba-set-qualifiers', topic: 'Alibaba set qualifiers', rule: '`ForAnyValue:` and `ForAllValues:` are accepted with AWS meaning; IfExists and Null stay rejected.', source: 'ALI-POWERUSER' },
  { id: 'unknown-condition-key', topic: 'Unknown condition keys', rule: 'With `isKnownConditionKey`, a condition on a key no catalog knows (e.g. a bare `Action`) is `unknown`, with the key named in the reason, not read as absent.', source: 'our decision (issue 13)' },
  { id: 'wildcard-only-no-resource', topic: 'Requests without a resource', rule: 'A request without a resource is matched by a Resource pattern made only of wildcards (`*`, `acs:*:*:*:*`), not by any other pattern.', source: 'ALI-RES; our decision for patterns equivalent to `*`' },
  { id: 'alibaba-no-resource-deny', topic: 'Requests without a resource (Alibaba)', rule: 'An ARN-scoped Deny does not apply to a request without a resource: the resource is not compatible with the action, so the statement is ineffective.', source: 'ALI-RES' },
  { id: 'huawei-action-question-mark', topic: 'Huawei actions', rule: '`?` in a 1.1 action is a one-character wildcard, as in 5.0 actions.', source: 'HW-5.0; our decision for 1.1 (not documented there)' },
  { id: 'huawei-case', topic: 'Huawei case', rule: 'Actions compare case-insensitively but the service in an action must be written in lower case (parse error otherwise); in resources the service and resource-type segments compare case-insensitively, the path case-sensitively.', source: 'huawei-iam.md §3.1; HW-VARS (`OBS:*:*:bucket:...`)' },
];
