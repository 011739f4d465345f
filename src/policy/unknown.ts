/**
 * Values known only after apply. The access model replaces them with `unknownValue(reason)`; a Terraform
 * reference left in a document (`${alicloud_ram_user.a.name}`) counts as unknown too. Policy variables such as
 * `${volc:ResourceTag/sys:ml_platform:createdby}` are not references: their name starts with a condition-key
 * prefix and a colon, which no Terraform expression does (references are `type.name.attr`, `var.x`, `data.t.n.a`).
 */
// Printable delimiters (not control characters): the marker may sit inside a JSON policy document string.
const MARK = '\u2983aiam-unknown:';
const END = '\u2984';
/** Separates the reason from the expression as Terraform wrote it. */
const SOURCE = '\u2980';

// No quotes, backslashes or delimiters inside a marker, so it never breaks the JSON around it: they are %-escaped.
const encode = (s: string) => s.replace(/[%"\\\u0000-\u001f\u2980\u2983\u2984]/g, c => `%${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const decode = (s: string) => s.replace(/%([0-9a-f]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

/**
 * A value known only after apply (or not given), as a marker the evaluator understands. `expression` is the Terraform
 * text it stands for (`var.cluster_id`), which output shows in its place (see renderUnknowns).
 */
export function unknownValue(reason: string, expression?: string): string {
  return `${MARK}${encode(reason)}${expression ? SOURCE + encode(expression) : ''}${END}`;
}

/** How rendered expressions are escaped for the text around them. */
export type RenderMode = 'text' | 'json' | 'xml';

const ESCAPE: Record<RenderMode, (s: string) => string> = {
  text: s => s,
  // Inside a JSON string literal (markers pass JSON.stringify unchanged: they hold no quotes or backslashes).
  json: s => JSON.stringify(s).slice(1, -1),
  xml: s => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;'),
};

/**
 * A value for people: every unknown marker replaced by the Terraform expression it stands for (`${var.cluster_id}`),
 * or by `(unknown: reason)` when it has none. The one place markers are rendered: every output goes through it
 * (the CLI's output streams, report files), so internal markers never leak.
 */
export function renderUnknowns(value: string, mode: RenderMode = 'text'): string {
  if (value.indexOf('\u2983') < 0) return value;
  return value.replace(MARKER_G, (_, body: string) => {
    const sep = body.indexOf(SOURCE);
    return ESCAPE[mode](sep >= 0 ? `\${${decode(body.slice(sep + 1))}}` : `(unknown: ${decode(body)})`);
  });
}

/** Renders markers in a whole output text, choosing the escaping from its format (JSON, XML, plain text). */
export function renderOutput(text: string): string {
  if (text.indexOf('\u2983') < 0) return text;
  const start = /^\s*(.)/.exec(text)?.[1];
  return renderUnknowns(text, start === '{' || start === '[' ? 'json' : start === '<' ? 'xml' : 'text');
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
    const body = value.slice(i + MARK.length, end < 0 ? undefined : end);
    const sep = body.indexOf(SOURCE);
    out.push(decode(sep >= 0 ? body.slice(0, sep) : body));
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

const MARKER_G = /\u2983aiam-unknown:([^\u2984]*)\u2984/g;
