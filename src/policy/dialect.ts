import { Dialect } from './types';

/**
 * What differs between the three policy languages. Every rule cites reference/<dialect>.md; the evaluator is one.
 */
export interface DialectRules {
  readonly dialect: Dialect;
  /** Accepted `Version` values; `required` when the key must be present. */
  readonly versions: readonly string[];
  readonly versionRequired: boolean;
  /** JSON keys compared case-insensitively (huawei-iam.md §2: lower-case keys seen in official copies). */
  readonly keysCaseInsensitive: boolean;
  /** Effect compared case-insensitively (huawei-iam.md §2: official example writes "deny"). */
  readonly effectCaseInsensitive: boolean;
  /** A bare statement object is accepted as a one-element array (volcengine-iam.md §1.1, BytePlus text). */
  readonly bareStatement: boolean;
  /** Resource must be present (alibaba-ram.md §1.2); otherwise absent means every resource. */
  readonly resourceRequired: boolean;
  /**
   * `replace`: NotAction instead of Action, AWS meaning (alibaba-ram.md §1.2).
   * `subtract`: NotAction narrows Action and needs it (volcengine-iam.md §1.3). `none`: rejected (huawei-iam.md §2).
   */
  readonly notAction: 'replace' | 'subtract' | 'none';
  readonly notResource: 'subtract' | 'none';
  /** Condition operator names, compared as given unless `operatorsCaseInsensitive`. */
  readonly operators: ReadonlySet<string>;
  readonly operatorsCaseInsensitive: boolean;
  /** `...IfExists` suffix accepted on these base operators. */
  readonly ifExists: boolean;
  /** `ForAnyValue:` / `ForAllValues:` prefixes accepted. */
  readonly setQualifiers: boolean;
  /** Wildcards honoured in StringEquals values too (volcengine-iam.md §2.2, official example). */
  readonly wildcardsInStringEquals: boolean;
  /** Policy variables `${key}` substituted from the request (volcengine-iam.md §4.4). */
  readonly policyVariables: boolean;
  /**
   * A negated operator (StringNotEquals, NotIpAddress, ...) on a key the request lacks: true (AWS rule, which the
   * Alibaba OSS `StringNotLike acs:SourceVpc` example relies on) or false (Huawei: only IfExists makes an absent or
   * empty value pass). See docs/semantics.md.
   */
  readonly negatedTrueOnMissingKey: boolean;
  /** A key present with only empty values counts as absent (Huawei: IfExists "请求值为空", H-SCP-OPS). */
  readonly emptyIsMissing: boolean;
  /** Resource ARN prefix, lower case. */
  readonly resourcePrefix: string;
  /** Shape of an action: `svc:Action` (2 parts) or Huawei `svc:type:op` (3 parts). */
  readonly actionParts: 2 | 3;
}

const STRING_OPS = ['StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike'];
const NUMERIC_OPS = ['NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals'];
const DATE_OPS = ['DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals'];
const IP_OPS = ['IpAddress', 'NotIpAddress'];

export const DIALECTS: Record<Dialect, DialectRules> = {
  // alibaba-ram.md §1, §4.1: 21 documented operators; no IfExists / Null. ForAnyValue:/ForAllValues: are not in the
  // operator pages but Alibaba's own system policies use them (PowerUserAccess, docs/semantics.md), so they parse.
  [Dialect.ALIBABA_RAM]: {
    dialect: Dialect.ALIBABA_RAM,
    versions: ['1'],
    versionRequired: true,
    keysCaseInsensitive: false,
    effectCaseInsensitive: false,
    bareStatement: false,
    resourceRequired: true,
    notAction: 'replace',
    notResource: 'none',
    operators: new Set([...STRING_OPS, ...NUMERIC_OPS, ...DATE_OPS, 'Bool', ...IP_OPS]),
    operatorsCaseInsensitive: false,
    ifExists: false,
    setQualifiers: true,
    wildcardsInStringEquals: false,
    policyVariables: false,
    negatedTrueOnMissingKey: true,
    emptyIsMissing: false,
    resourcePrefix: 'acs:',
    actionParts: 2,
  },
  // volcengine-iam.md §1–4: no Version (a "1" is tolerated), AWS-style operator set (recommended there).
  [Dialect.VOLCENGINE_IAM]: {
    dialect: Dialect.VOLCENGINE_IAM,
    versions: ['1'],
    versionRequired: false,
    keysCaseInsensitive: false,
    effectCaseInsensitive: false,
    bareStatement: true,
    resourceRequired: false,
    notAction: 'subtract',
    notResource: 'subtract',
    operators: new Set([...STRING_OPS, ...NUMERIC_OPS, ...DATE_OPS, 'Bool', ...IP_OPS, 'Null']),
    operatorsCaseInsensitive: false,
    ifExists: true,
    setQualifiers: true,
    wildcardsInStringEquals: true,
    policyVariables: true,
    negatedTrueOnMissingKey: true,
    emptyIsMissing: false,
    resourcePrefix: 'trn:',
    actionParts: 2,
  },
  // huawei-iam.md §2, §5.2: Version "1.1" (1.0 roles share the grammar), operator names case-insensitive.
  [Dialect.HUAWEI_IAM]: {
    dialect: Dialect.HUAWEI_IAM,
    versions: ['1.1', '1.0'],
    versionRequired: true,
    keysCaseInsensitive: true,
    effectCaseInsensitive: true,
    bareStatement: false,
    resourceRequired: false,
    notAction: 'none',
    notResource: 'none',
    operators: new Set([
      ...STRING_OPS, 'StringStartWith', 'StringEndWith', 'StringMatch', 'StringNotMatch',
      'StringEqualsAnyOf', 'StringNotEqualsAnyOf', 'StringEqualsIgnoreCaseAnyOf', 'StringNotEqualsIgnoreCaseAnyOf',
      'StringLikeAnyOf', 'StringNotLikeAnyOf', 'StringStartWithAnyOf', 'StringEndWithAnyOf', 'IsNullOrEmpty',
      'NumberEquals', 'NumberNotEquals', 'NumberLessThan', 'NumberLessThanEquals', 'NumberGreaterThan', 'NumberGreaterThanEquals',
      'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals', 'Bool', 'Null', ...IP_OPS,
    ].map(o => o.toLowerCase())),
    operatorsCaseInsensitive: true,
    ifExists: true,
    setQualifiers: false,
    wildcardsInStringEquals: false,
    policyVariables: false,
    negatedTrueOnMissingKey: false,
    emptyIsMissing: true,
    resourcePrefix: '',
    actionParts: 3,
  },
};
