import { settingsOf } from '../../model/platform-settings';
import { Severity } from '../finding';
import { locationOf, Rule } from '../rule';

/** Caps are validated at synth; plans edited by hand or produced elsewhere are checked here. */
export const queueCapsOverQueue: Rule = {
  id: 'AIAM-VEMLP-002',
  severity: Severity.ERROR,
  title: 'veMLP user cap over the queue',
  description: 'A per-user usage cap above 100% or above the queue\'s capacity cannot be applied.',
  fix: 'lower the cap to at most 100% or the queue capacity',
  check: ({ model }) => settingsOf(model, 'vemlp-queue').flatMap(({ entry: q, settings }) => {
    const capacity = settings.capacity;
    // The schema allows a percent or an absolute cap per user (oneOf), which the generated type leaves open.
    const caps = settings.userCaps as Array<{ user: string; percent?: number; absolute?: number }>;
    return caps.filter(c => (c.percent ?? 0) > 100 || (capacity != null && (c.absolute ?? 0) > capacity)).map(c => ({
      message: `queue ${settings.queueId}: cap for ${c.user} is ${c.percent !== undefined ? `${c.percent}%` : c.absolute}` +
        `${capacity != null ? ` (capacity ${capacity})` : ''}`,
      location: locationOf(q),
    }));
  }),
};
