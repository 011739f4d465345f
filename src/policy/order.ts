/**
 * The one text order of every output: what String#localeCompare gives in English, from one collator. localeCompare
 * builds a collator per call (slow in sorts of thousands of rows) and follows the machine's locale, so output order
 * would differ between machines.
 */
const collator = new Intl.Collator('en');

export function compareText(a: string, b: string): number {
  return collator.compare(a, b);
}
