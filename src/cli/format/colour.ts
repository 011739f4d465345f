import { Decision } from '../../policy/types';

const CODES: Record<Decision, string> = {
  [Decision.ALLOW]: '\u001b[32m', [Decision.EXPLICIT_DENY]: '\u001b[31m', [Decision.IMPLICIT_DENY]: '\u001b[2m', [Decision.UNKNOWN]: '\u001b[33m',
};

/** A decision word, coloured only on a terminal. */
export function decisionText(d: Decision, colour: boolean): string {
  return colour ? `${CODES[d]}${d}\u001b[0m` : d;
}
