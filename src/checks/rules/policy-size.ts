import { LIMITS } from '../../catalog/limits';
import { minifiedDocument } from '../../policy/parse';
import { Severity } from '../finding';
import { locationOf, Rule } from '../rule';

/** Documents larger than the cloud accepts fail at apply, after part of a change may have landed. */
export const policySize: Rule = {
  id: 'AIAM-POL-001',
  severity: Severity.ERROR,
  title: 'Policy document over the cloud\'s size limit',
  description: 'Alibaba RAM, Volcengine IAM and Huawei IAM each reject custom policy documents over 6,144 characters.',
  fix: 'split the statements into two policies, or use wildcards such as "service:Get*" to shorten action lists',
  check: ({ model }) => model.policies.filter(p => p.kind === 'custom' && p.parsed).flatMap(p => {
    const limits = LIMITS[p.dialect];
    const size = minifiedDocument(p.parsed!).length;
    return size > limits.policyDocumentMaxChars ? [{
      message: `policy ${p.name} is ${size} characters minified; ${p.cloud} accepts at most ${limits.policyDocumentMaxChars} (${limits.policyDocumentCounting})`,
      location: locationOf(p),
    }] : [];
  }),
};
