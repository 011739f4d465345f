import { settingsOf } from '../../model/platform-settings';
import { Severity } from '../finding';
import { FindingDraft, locationOf, Rule } from '../rule';

export const apiKeyOwnerNotMember: Rule = {
  id: 'AIAM-BAILIAN-003',
  severity: Severity.ERROR,
  title: 'API key whose owner is not a workspace member, or in another region',
  description: 'A RAM user\'s key is invalid while the user is not a member of its workspace; a key and its workspace share one region.',
  fix: 'add the owner to the workspace (grantPages / grantModelInvoke), or create the key in the workspace\'s region',
  check: ({ model }) => {
    // Indexed once: a workspace can have thousands of members and thousands of keys.
    const ws = new Map<string, { region: string; users: Set<string | undefined> }>();
    for (const { settings: w } of settingsOf(model, 'bailian-workspace')) {
      if (!ws.has(w.name)) ws.set(w.name, { region: w.region, users: new Set(w.members.filter(m => m.principal.kind === 'user').map(m => m.principal.name)) });
    }
    return settingsOf(model, 'bailian-api-key').flatMap(({ entry: e, settings: k }) => {
      const w = ws.get(k.workspace);
      const out: FindingDraft[] = [];
      if (w && w.region !== k.region) out.push({ message: `API key ${k.name} is in ${k.region}, its workspace ${k.workspace} in ${w.region}`, location: locationOf(e) });
      if (w && k.owner.kind === 'ram-user' && !w.users.has(k.owner.name)) {
        out.push({ message: `API key ${k.name} belongs to RAM user ${k.owner.name}, who is not a member of ${k.workspace}: the key does not work`, location: locationOf(e) });
      }
      return out;
    });
  },
};
