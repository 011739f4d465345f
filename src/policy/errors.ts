/** Escapes one JSON pointer reference token (RFC 6901): `~` → `~0`, `/` → `~1`. */
export function pointerToken(token: string | number): string {
  const s = String(token);
  return s.includes('~') || s.includes('/') ? s.replace(/~/g, '~0').replace(/\//g, '~1') : s;
}

/** Appends reference tokens to a JSON pointer (one flat string: pointers are kept per resource, and ropes are larger). */
export function pointerJoin(base: string, ...tokens: Array<string | number>): string {
  const parts = [base];
  for (const t of tokens) parts.push(pointerToken(t));
  return parts.join('/');
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
