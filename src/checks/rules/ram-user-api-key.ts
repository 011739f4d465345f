import { settingsOf } from '../../model/platform-settings';
import { Severity } from '../finding';
import { locationOf, Rule } from '../rule';

export const ramUserApiKey: Rule = {
  id: 'AIAM-BAILIAN-004',
  severity: Severity.INFO,
  title: 'API key owned by a RAM user',
  description: 'A RAM user\'s key stops working when the user leaves the workspace and is lost for good when the user is deleted; a RAM role\'s key survives both (seed 000).',
  fix: 'own long-lived application keys with a RAM role',
  check: ({ model }) => settingsOf(model, 'bailian-api-key').filter(({ settings: k }) => k.owner.kind === 'ram-user')
    .map(({ entry, settings: k }) => ({ message: `API key ${k.name} breaks when RAM user ${k.owner.name} leaves`, location: locationOf(entry) })),
};
