/** Escapes one JSON pointer reference token (RFC 6901): `~` → `~0`, `/` → `~1`. */
export function pointerToken(token: string | number): string {
  const s = String(token);
  return s.includes('~') || s.includes('/') ? s.replace(/~/g, '~0').replace(/\//g, '~1') : s;
}

/** Appends reference tokens to a JSON pointer. */
export function pointerJoin(base: string, ...tokens: Array<string | number>): string {
  let out = base;
  for (const t of tokens) out += '/' + pointerToken(t);
  return out;
}

/**
 * Bad policy or request input. The message names where (file and JSON pointer), what is wrong and how to fix it:
 * `file: /Statement/2/Effect: "allow" is not a valid Effect. Fix: use "Allow" or "Deny"`.
 */
export class PolicyError extends Error {
  constructor(
    readonly pointer: string,
    readonly problem: string,
    readonly fix: string,
    readonly file?: string,
  ) {
    super(`${file ?? '(policy)'}: ${pointer || '/'}: ${problem}. Fix: ${fix}`);
    this.name = 'PolicyError';
  }
}
