/**
 * Values known only after apply. The access model replaces them with `unknownValue(reason)`; a Terraform
 * reference left in a document (`${alicloud_ram_user.a.name}`) counts as unknown too. Policy variables such as
 * `${volc:ResourceTag/sys:ml_platform:createdby}` are not references: their name starts with a condition-key
 * prefix and a colon, which no Terraform expression does (references are `type.name.attr`, `var.x`, `data.t.n.a`).
 */
// Printable delimiters (not control characters): the marker may sit inside a JSON policy document string.
const MARK = '\u2983aiam-unknown:';
const END = '\u2984';

export function unknownValue(reason: string): string {
  // No quotes, backslashes or delimiters in the reason, so the marker never breaks the JSON around it.
  return `${MARK}${reason.replace(/["\\\u0000-\u001f\u2983\u2984]/g, ' ')}${END}`;
}

export function isUnknownValue(value: string): boolean {
  // Cheap pre-check: this runs on every request value a condition reads.
  if (value.indexOf('\u2983') < 0 && value.indexOf('${') < 0) return false;
  return value.includes(MARK) || TERRAFORM_REF.test(value);
}

/** The reasons inside a value that is (or contains) unknown parts, for explanations. */
export function unknownReasons(value: string): string[] {
  const out: string[] = [];
  let i = value.indexOf(MARK);
  while (i >= 0) {
    const end = value.indexOf(END, i + MARK.length);
    out.push(value.slice(i + MARK.length, end < 0 ? undefined : end));
    i = end < 0 ? -1 : value.indexOf(MARK, end + 1);
  }
  for (const m of value.matchAll(TERRAFORM_REF_G)) out.push(`\${${m[1]}} is known only after apply`);
  return out;
}

/** `${...}` whose content is not a policy variable (policy variables start with `prefix:`). */
const TERRAFORM_REF = /(?<!\$)\$\{(?![A-Za-z0-9_-]+:)([^}]*)\}/;
const TERRAFORM_REF_G = new RegExp(TERRAFORM_REF.source, 'g');

/** Policy variables `${key}` in a value (only where the dialect substitutes them). */
export const POLICY_VARIABLE = /\$\{([A-Za-z0-9_-]+:[^}]*)\}/g;

/** A value split into known text and parts known only after apply (in order; adjacent known text merged). */
export function splitUnknown(value: string): Array<{ text: string; unknown: boolean }> {
  const out: Array<{ text: string; unknown: boolean }> = [];
  const re = new RegExp(`${MARK}[^${END}]*(?:${END}|$)|${TERRAFORM_REF.source}`, 'g');
  let last = 0;
  for (const m of value.matchAll(re)) {
    if (m.index! > last) out.push({ text: value.slice(last, m.index), unknown: false });
    out.push({ text: m[0], unknown: true });
    last = m.index! + m[0].length;
  }
  if (last < value.length) out.push({ text: value.slice(last), unknown: false });
  return out;
}

/** The known text around the unknown parts of a value (`tf-${random_integer.x.result}-a` gives `tf-`, `-a`). */
export function knownParts(value: string): string[] {
  return splitUnknown(value).filter(p => !p.unknown && p.text !== '').map(p => p.text);
}
