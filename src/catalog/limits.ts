/**
 * Per-cloud limits and naming rules, each with its source (see ../shared/reference). Data, not logic: the rule pack
 * and the constructs read the same table.
 */
import { Dialect } from '../policy/types';

export interface NameRuleData {
  readonly what: string;
  readonly pattern: RegExp;
  readonly maxLength: number;
  readonly description: string;
  readonly source: string;
}

export interface CloudLimits {
  readonly dialect: Dialect;
  /** Characters in one custom policy document. */
  readonly policyDocumentMaxChars: number;
  /** How the size is counted, in words. */
  readonly policyDocumentCounting: string;
  /** Custom and system policies attachable to one principal (user, group or role). */
  readonly customPoliciesPerPrincipal: number;
  readonly systemPoliciesPerPrincipal: number;
  readonly groupsPerUser: number;
  readonly names: { readonly user: NameRuleData; readonly group: NameRuleData; readonly role: NameRuleData; readonly policy: NameRuleData };
  readonly source: string;
}

export const LIMITS: Record<Dialect, CloudLimits> = {
  [Dialect.ALIBABA_RAM]: {
    dialect: Dialect.ALIBABA_RAM,
    policyDocumentMaxChars: 6144,
    policyDocumentCounting: 'characters of the document string as sent (alibaba-ram.md §5.1)',
    customPoliciesPerPrincipal: 10,
    systemPoliciesPerPrincipal: 20,
    groupsPerUser: 10,
    names: {
      user: { what: 'RAM user name', pattern: /^[A-Za-z0-9._-]{1,64}$/, maxLength: 64, description: "1-64 characters: letters, digits, '.', '_' and '-'", source: 'alibaba-ram.md §5.2 (CreateUser)' },
      group: { what: 'RAM user group name', pattern: /^[A-Za-z0-9._-]{1,64}$/, maxLength: 64, description: "1-64 characters: letters, digits, '.', '_' and '-'", source: 'alibaba-ram.md §5.2 (CreateGroup)' },
      role: { what: 'RAM role name', pattern: /^[A-Za-z0-9.-]{1,64}$/, maxLength: 64, description: "1-64 characters: letters, digits, '.' and '-'", source: 'alibaba-ram.md §5.2 (CreateRole)' },
      policy: { what: 'RAM policy name', pattern: /^[A-Za-z0-9-]{1,128}$/, maxLength: 128, description: "1-128 characters: letters, digits and '-'", source: 'alibaba-ram.md §5.2 (CreatePolicy)' },
    },
    source: 'alibaba-ram.md §5 (RAM limits page, Dec 2025)',
  },
  [Dialect.VOLCENGINE_IAM]: {
    dialect: Dialect.VOLCENGINE_IAM,
    policyDocumentMaxChars: 6144,
    policyDocumentCounting: 'characters of the minified document (volcengine-iam.md §5: unit unknown)',
    customPoliciesPerPrincipal: 20,
    systemPoliciesPerPrincipal: 40,
    groupsPerUser: 20,
    names: {
      // CreateGroup: "长度1~64,支持英文、数字和.-_符号" (volcengine.com/docs/6257/201360); users assumed the same.
      user: { what: 'IAM user name', pattern: /^[A-Za-z0-9._-]{1,64}$/, maxLength: 64, description: "1-64 characters: letters, digits, '.', '_' and '-'", source: 'volcengine docs 6257/201360 (group rule, assumed for users)' },
      group: { what: 'IAM user group name', pattern: /^[A-Za-z0-9._-]{1,64}$/, maxLength: 64, description: "1-64 characters: letters, digits, '.', '_' and '-'", source: 'volcengine docs 6257/201360 (CreateGroup)' },
      role: { what: 'IAM role name', pattern: /^[A-Za-z0-9._-]{1,64}$/, maxLength: 64, description: "1-64 characters: letters, digits, '.', '_' and '-'", source: 'assumed as for groups' },
      policy: { what: 'IAM policy name', pattern: /^[A-Za-z0-9+=,.@_-]{1,64}$/, maxLength: 64, description: "1-64 characters: letters, digits and '+=,.@-_'", source: 'volcengine-iam.md §5 (CreatePolicy)' },
    },
    source: 'volcengine-iam.md §5 (quota page)',
  },
  [Dialect.HUAWEI_IAM]: {
    dialect: Dialect.HUAWEI_IAM,
    policyDocumentMaxChars: 6144,
    policyDocumentCounting: 'characters with whitespace outside strings removed (huawei-iam.md §6)',
    customPoliciesPerPrincipal: 200,
    systemPoliciesPerPrincipal: 200,
    groupsPerUser: 10,
    names: {
      user: { what: 'IAM user name', pattern: /^[A-Za-z0-9 _.-]{1,32}$/, maxLength: 32, description: "1-32 characters: letters, digits, spaces, '_', '-' and '.'", source: 'Huawei IAM CreateUser (assumed; not in reference)' },
      group: { what: 'IAM user group name', pattern: /^[A-Za-z0-9 _-]{1,64}$/, maxLength: 64, description: "1-64 characters: letters, digits, spaces, '_' and '-'", source: 'Huawei IAM user group (TOSCA IAM.UserGroup page)' },
      role: { what: 'IAM agency name', pattern: /^[A-Za-z0-9 _.-]{1,64}$/, maxLength: 64, description: '1-64 characters', source: 'assumed' },
      policy: { what: 'custom policy name', pattern: /^.{1,128}$/, maxLength: 128, description: '1-128 characters', source: 'huawei-iam.md §6 (H-LIMITS)' },
    },
    source: 'huawei-iam.md §6',
  },
};
