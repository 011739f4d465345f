import { DIALECT_OF } from '../../model/build';
import { Severity } from '../finding';
import { FindingDraft, locationOf, Rule } from '../rule';

/** In a complete catalog, an action that matches nothing is a typo: the grant (or deny) does nothing. */
export const unknownActions: Rule = {
  id: 'AIAM-ACT-001',
  severity: Severity.ERROR,
  title: 'Action that matches nothing in a complete catalog',
  description: 'For services whose catalog is complete (pairec), an action name or pattern that matches no action is a typo.',
  fix: 'correct the action name (see the suggestion) or remove it',
  check: ({ model, catalog }) => {
    const out: FindingDraft[] = [];
    for (const p of model.policies) {
      if (p.kind !== 'custom' || !p.parsed) continue;
      const dialect = DIALECT_OF[p.cloud];
      for (const st of p.parsed.statements) {
        for (const a of [...(st.actions ?? []), ...(st.notActions ?? [])]) {
          if (!a.service || a.unknown) continue;
          const service = catalog.service(dialect, a.service);
          if (!service?.complete) continue;
          if (catalog.expandAction(dialect, a.normalized).actions.length > 0) continue;
          const suggestion = /[*?]/.test(a.text) ? undefined : catalog.suggest(dialect, a.text);
          out.push({
            severity: /[*?]/.test(a.text) ? Severity.WARNING : Severity.ERROR,
            message: `policy ${p.name} statement ${st.index}: "${a.text}" matches no ${a.service} action${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
            fix: suggestion ? `write "${suggestion}"` : `use an action from the ${a.service} catalog`,
            location: locationOf(p),
          });
        }
      }
    }
    return out;
  },
};
