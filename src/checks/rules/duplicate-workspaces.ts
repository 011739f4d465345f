import { entries } from '../../model/platform';
import type { PlatformSettingsEntry } from '../../model/types';
import { Severity } from '../finding';
import { FindingDraft, locationOf, Rule } from '../rule';

/**
 * Each region has exactly one default workspace (seed 000: 默认业务空间), and workspace names identify workspaces in
 * the console, in API keys and in quota splits: two records for one of them cannot both be applied.
 */
export const duplicateWorkspaces: Rule = {
  id: 'AIAM-BAILIAN-008',
  severity: Severity.ERROR,
  title: 'Two default workspaces, or two workspaces with one name, in a region',
  description: 'A region has one default workspace; workspace names are unique within a region.',
  fix: 'keep one default workspace per region and give every other workspace its own name',
  check: ({ model }) => {
    const out: FindingDraft[] = [];
    const byRegion = new Map<string, PlatformSettingsEntry[]>();
    for (const e of entries(model, 'bailian-workspace')) {
      const region = String(e.envelope.settings.region);
      byRegion.set(region, [...(byRegion.get(region) ?? []), e]);
    }
    const where = (list: PlatformSettingsEntry[]) => list.map(e => e.constructPath ?? e.address).join(', ');
    for (const [region, list] of byRegion) {
      const defaults = list.filter(e => e.envelope.settings.default === true);
      if (defaults.length > 1) out.push({ message: `${defaults.length} default workspaces in ${region}: ${where(defaults)}`, location: locationOf(defaults[1]) });
      const byName = new Map<string, PlatformSettingsEntry[]>();
      for (const e of list) byName.set(String(e.envelope.settings.name), [...(byName.get(String(e.envelope.settings.name)) ?? []), e]);
      for (const [name, same] of byName) {
        if (same.length > 1 && !same.every(e => e.envelope.settings.default === true)) out.push({ message: `${same.length} workspaces named ${name} in ${region}: ${where(same)}`, location: locationOf(same[1]) });
      }
    }
    return out;
  },
};
