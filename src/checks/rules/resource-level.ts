import { DIALECT_OF } from '../../model/build';
import { isWildcardOnly } from '../../policy/parse';
import { Severity } from '../finding';
import { FindingDraft, locationOf, Rule } from '../rule';

/**
 * Operation-level services (pairec, sfm: alibaba-ram.md §3.3; ModelArts: huawei-iam.md §3.2) never match a statement
 * whose Resource names ARNs: the grant silently does nothing.
 */
export const resourceScopedWithoutResourceLevel: Rule = {
  id: 'AIAM-RES-001',
  severity: Severity.ERROR,
  title: 'Resource-scoped statement for a service without resource-level authorization',
  description: 'PAI-Rec (pairec), Model Studio (sfm) and ModelArts authorize per operation only; a statement with specific resources never matches as intended.',
  fix: 'use "Resource": "*" (Huawei: omit Resource) and narrow access by action instead',
  check: ({ model, catalog }) => {
    const out: FindingDraft[] = [];
    for (const p of model.policies) {
      if (p.kind !== 'custom' || !p.parsed) continue;
      for (const st of p.parsed.statements) {
        if (!st.resources || st.resources.some(isWildcardOnly) || !st.actions) continue;
        const services = [...new Set(st.actions.map(a => a.service).filter((s): s is string => !!s))];
        const operationLevel = services.filter(s => {
          if (p.cloud === 'huawei') return s === 'modelarts';
          const svc = catalog.service(DIALECT_OF[p.cloud], s);
          return svc !== undefined && !svc.resourceLevel;
        });
        if (operationLevel.length === 0) continue;
        out.push({
          message: `policy ${p.name} statement ${st.index} scopes ${operationLevel.join(', ')} actions to ${st.resources.map(r => r.text).join(', ')}, ` +
            `but ${operationLevel.join(', ')} ${operationLevel.length > 1 ? 'have' : 'has'} no resource-level authorization: the statement never matches`,
          location: { ...locationOf(p), pointer: p.parsed.source ? `${p.parsed.source.pointer} (statement ${st.index})` : p.pointer },
        });
      }
    }
    return out;
  },
};
