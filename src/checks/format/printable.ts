/**
 * Text from the input (names, messages, addresses) made safe for a terminal: control characters, which could move
 * the cursor or recolour the screen, are shown as escapes. Our own colour codes are added after this.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Like printable, for a single-line cell: newlines and tabs are escaped too. */
export function printableLine(text: string): string {
  return printable(text).replace(/\n/g, '\\n').replace(/\t/g, '\\t');
}
