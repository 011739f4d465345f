import { settingsOf } from '../../model/platform-settings';
import { Severity } from '../finding';
import { FindingDraft, locationOf, Rule } from '../rule';

export const quotaOverAllocated: Rule = {
  id: 'AIAM-BAILIAN-001',
  severity: Severity.ERROR,
  title: 'Model Studio quota split over 100% or over the account quota',
  description: 'Workspace allocations must fit in the account quota; the guide keeps a buffer for bursts.',
  fix: 'lower the shares so allocations plus buffer equal the account quota',
  check: ({ model }) => settingsOf(model, 'bailian-quota-split').flatMap(({ entry: e, settings: s }) => {
    const out: FindingDraft[] = [];
    for (const metric of ['qpm', 'tpm'] as const) {
      const quota = s.accountQuota[metric];
      const sum = s.allocations.reduce((n, a) => n + (a[metric] ?? 0), 0);
      if (quota !== undefined && sum > quota) out.push({ message: `${metric.toUpperCase()} allocations add up to ${sum}, over the account quota of ${quota}`, location: locationOf(e) });
    }
    return out;
  }),
};
