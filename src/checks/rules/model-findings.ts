import type { ModelFindingCode } from '../../model/types';
import { Severity } from '../finding';
import { locationOf, Rule } from '../rule';

function fromModel(id: string, code: ModelFindingCode, severity: Severity, title: string, description: string, fix: string): Rule {
  return {
    id,
    severity,
    title,
    description,
    fix,
    check: ({ model }) => model.findings.filter(f => f.code === code).map(f => ({ message: f.message, fix: f.fix, location: locationOf(f) })),
  };
}

export const danglingReference = fromModel('AIAM-REF-001', 'dangling-reference', Severity.ERROR, 'Reference to a resource the stack does not define',
  'A `${type.name.attr}` reference names a resource missing from its stack; Terraform rejects the configuration.', 'reference a resource of the same stack');
export const unknownSystemPolicy = fromModel('AIAM-REF-002', 'unknown-system-policy', Severity.WARNING, 'System policy not in the catalog',
  'The attached system policy is unknown to the catalog: a typo, or a policy whose grants cannot be checked.', 'check the name against the cloud\'s system policy list');
export const invalidPolicyDocument = fromModel('AIAM-REF-003', 'invalid-policy-document', Severity.ERROR, 'Invalid policy document',
  'The policy document breaks the cloud\'s policy grammar; the cloud rejects it at apply.', 'fix the document as the message says');
export const unresolvedAttachment = fromModel('AIAM-REF-004', 'unresolved-attachment', Severity.WARNING, 'Attachment to a principal that cannot be identified',
  'An attachment or membership names its principal through a value that is only known after apply and cannot be traced.', 'reference the principal resource of the same stack');
export const unmodelledResource = fromModel('AIAM-COV-001', 'unmodelled-resource', Severity.WARNING, 'Access-granting resource not in the access model',
  'The resource grants access (or is an identity resource type) that the access model does not read, or reads only in part: answers leave that access out. The classification of every provider resource type is in docs/coverage.md.',
  'review the resource\'s access by hand; suppress the finding with the reason once reviewed');
export const unknownResourceType = fromModel('AIAM-COV-002', 'unknown-resource-type', Severity.INFO, 'Resource type not in the coverage table',
  'A resource type that none of the three providers\' type lists (docs/coverage.md) holds: a newer provider, another provider, or a typo. If it grants access, answers leave it out.',
  'check what the type does; if it grants access, review it by hand');
export const unmodelledModule = fromModel('AIAM-REF-005', 'unmodelled-module', Severity.WARNING, 'Module not read from the configuration',
  'A module call whose source is a registry or git module (or that uses count/for_each) is not loaded from a configuration: the access it grants is missing from the model.',
  'check the plan instead (`terraform show -json tfplan`), which holds every module\'s resources');
export const unknownConditionKey = fromModel('AIAM-REF-006', 'unknown-condition-key', Severity.WARNING, 'Condition key no catalog knows',
  'A condition on a key that requests never carry as written (a bare key such as "Action", or a key the service\'s catalog does not list): the condition is treated as unknown, not as a missing key.',
  'use the key as the service documents it (global keys: acs:, volc:, g:)');
