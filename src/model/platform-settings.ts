import { ModelInputError } from './errors';
import type { PlatformSettingsByKind, PlatformSettingsKind } from './platform-settings.generated';
import { validatePlatformSettings } from './platform-settings.validate.generated';
import type { PlatformSettingsEntry } from './types';
import { pointerJoin } from '../policy/errors';
import { isUnknownValue } from '../policy/unknown';

/**
 * The platform-settings manifest: settings that no Terraform provider can apply (Model Studio
 * workspaces, model allowlists, rate limits, console page permissions, API keys; veMLP queue user caps).
 *
 * Constructs write each entity as one built-in `terraform_data` resource whose `input` is an envelope
 * below, so every change shows in `terraform plan` ("prod QPM 600 -> 700") and the access model reads
 * the same data from a synthesized stack or from a plan. The JSON schema is
 * `schemas/platform-settings.v1.schema.json`; bump the version on any incompatible change.
 */

/** Value of `input.schema` that marks a `terraform_data` resource as a platform-settings entry. */
export const PLATFORM_SETTINGS_SCHEMA_V1 = 'cdktf-aiam/platform-settings/v1';

/** What every version's `input.schema` starts with: an entry of another version is reported, never read as v1. */
export const PLATFORM_SETTINGS_SCHEMA_PREFIX = 'cdktf-aiam/platform-settings/';

/** The clouds whose settings live in the manifest. */
export type SettingsCloud = 'alibaba' | 'volcengine' | 'huawei';

/** One manifest entry, as found in `terraform_data.<name>.input`. */
export interface PlatformSettingsEnvelope {
  readonly schema: typeof PLATFORM_SETTINGS_SCHEMA_V1;
  /** What the settings describe, e.g. `bailian-workspace`, `bailian-api-key`, `vemlp-queue`. */
  readonly kind: string;
  readonly cloud: SettingsCloud;
  /** Construct path of the construct that wrote the entry (for findings). */
  readonly constructPath: string;
  /** Kind-specific settings; see the schema's `$defs`. */
  readonly settings: Record<string, unknown>;
  /** Says, in every plan that shows the entry, that Terraform records it and a person applies it (PLATFORM_SETTINGS_NOTE). */
  readonly note?: string;
}

/**
 * The note every entry carries: `terraform apply` prints "Apply complete" for these resources while nothing changed
 * in the consoles.
 */
export const PLATFORM_SETTINGS_NOTE = 'Recorded only: Terraform stores these settings and does not apply them. A person applies them in the console; ' +
  'run `aiam settings runbook` for the steps and `aiam settings verify` to check them.';

export function isPlatformSettingsEnvelope(value: unknown): value is PlatformSettingsEnvelope {
  return typeof value === 'object' && value !== null &&
    (value as { schema?: unknown }).schema === PLATFORM_SETTINGS_SCHEMA_V1;
}

export type { PlatformSettingsByKind, PlatformSettingsKind } from './platform-settings.generated';

/**
 * The entries of one kind, each with its settings typed by the schema (src/model/platform-settings.generated.ts).
 * The constructs write them to the schema; a plan edited by hand may not follow it, so readers keep to optional use
 * of what the schema marks optional.
 */
export function settingsOf<K extends PlatformSettingsKind>(model: { readonly settings: readonly PlatformSettingsEntry[] }, kind: K):
Array<{ readonly entry: PlatformSettingsEntry; readonly settings: PlatformSettingsByKind[K] }> {
  return model.settings.filter(s => s.envelope.kind === kind)
    .map(entry => ({ entry, settings: entry.envelope.settings as unknown as PlatformSettingsByKind[K] }));
}

/** One error of the generated validator (ajv's error object, the fields read here). */
interface SchemaError {
  readonly keyword: string;
  readonly instancePath: string;
  readonly params: Record<string, unknown>;
  readonly message?: string;
}
const validate = validatePlatformSettings as unknown as { (data: unknown): boolean; errors?: readonly SchemaError[] | null };

/** Keywords that only combine others: their own error adds nothing when an error under them says what is wrong. */
const COMBINATORS = new Set(['if', 'then', 'else', 'oneOf', 'anyOf', 'allOf', 'not']);

/** What is wrong with an entry, where (a JSON pointer inside the entry), and how many other places in it are wrong. */
export interface SettingsProblem {
  readonly pointer: string;
  readonly problem: string;
  readonly others: number;
}

/** What validation says of an entry: a problem (the entry is refused), or parts whose type is not known yet. */
export interface SettingsCheck {
  readonly problem?: SettingsProblem;
  /**
   * JSON pointers of values known only after apply where the schema wants a number, boolean, list, object or one of
   * a fixed set of names: readers cannot use the entry as it stands (free strings known later are fine: markers).
   */
  readonly unknownParts: readonly string[];
}

/**
 * Validates one entry against schemas/platform-settings.v1.schema.json (src/model/platform-settings.validate.generated.ts,
 * no ajv at run time). A value known only after apply (an unknown marker) is not judged: only what is known is. Values
 * are never quoted in the problem: a hand-edited entry may hold a secret.
 */
export function checkSettings(entry: unknown): SettingsCheck {
  if (validate(entry)) return { unknownParts: [] };
  const errors = validate.errors ?? [];
  const tokens = (p: string) => (p ? p.slice(1).split('/').map(t => t.replace(/~1/g, '/').replace(/~0/g, '~')) : []);
  /** The value is, or sits inside, a value known only after apply. */
  const unknownAt = (p: string) => {
    let v: unknown = entry;
    for (const t of [undefined, ...tokens(p)]) {
      if (t !== undefined) v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[t] : undefined;
      if (typeof v === 'string' && isUnknownValue(v)) return true;
    }
    return false;
  };
  const under = (p: string, at: string) => p === at || p.startsWith(`${at}/`);
  const unknown = errors.filter(e => unknownAt(e.instancePath));
  // An unknown where a number, list or object belongs, or one of a fixed set of names (readers look names up).
  const unusable = (e: SchemaError) => e.keyword === 'enum' || e.keyword === 'const' || (e.keyword === 'type' && !String(e.params.type).split(',').includes('string'));
  const unknownParts = [...new Set(unknown.filter(unusable).map(e => e.instancePath))];
  // A oneOf/anyOf with an unknown value beneath may hold once it is known: its branches' errors are not judged.
  const open = errors.filter(e => (e.keyword === 'oneOf' || e.keyword === 'anyOf') && unknown.some(x => under(x.instancePath, e.instancePath)));
  const real = errors.filter(e => !unknownAt(e.instancePath) && !open.some(o => under(e.instancePath, o.instancePath)) && (!COMBINATORS.has(e.keyword)
    // A combinator failing with nothing wrong beneath it (two oneOf branches both match) is the problem itself.
    || !errors.some(x => x !== e && !COMBINATORS.has(x.keyword) && under(x.instancePath, e.instancePath))));
  if (!real.length) return { unknownParts };
  const described = real.map(e => describeError(e));
  // The deepest pointer says most precisely where to look; its problems are listed together (a oneOf's branches).
  const depth = (p: string) => tokens(p).length;
  const at = described.reduce((best, d) => (depth(d.pointer) > depth(best.pointer) ? d : best)).pointer;
  const missing = real.filter(e => e.keyword === 'required' && e.instancePath === at).map(e => JSON.stringify(String(e.params.missingProperty)));
  const here = [...new Set(described.filter((d, i) => d.pointer === at && real[i].keyword !== 'required').map(d => d.problem))];
  if (missing.length) here.unshift(`misses the required field${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  // Branches of a oneOf at this value are alternatives; other problems all hold.
  const alternatives = errors.some(e => (e.keyword === 'oneOf' || e.keyword === 'anyOf') && e.instancePath === at);
  const others = new Set(described.map(d => d.pointer).filter(p => !under(at, p))).size;
  return { problem: { pointer: at, problem: here.join(alternatives ? ', or ' : '; '), others }, unknownParts };
}

/**
 * Validates the entry a resource's `input` holds, for every reader of entries (the model, and a plan's prior state):
 * an invalid entry is a ModelInputError at its JSON pointer. Returns the parts known only after apply (or sensitive)
 * that readers cannot use; empty when the entry can be read.
 */
export function checkedSettings(entry: unknown, r: { readonly address: string; readonly file: string; readonly pointer: string }): readonly string[] {
  const { problem: bad, unknownParts } = checkSettings(entry);
  if (bad) {
    throw new ModelInputError(r.file, `${r.pointer}/input${bad.pointer}`,
      `the platform-settings entry ${r.address} does not follow schemas/platform-settings.v1.schema.json: this value ${bad.problem}${bad.others ? ` (and ${bad.others} more place${bad.others > 1 ? 's' : ''} in the entry)` : ''}`,
      'correct the entry to the schema; cdktf-aiam constructs write valid entries, so synthesize again rather than editing the stack or plan by hand');
  }
  return unknownParts;
}

/**
 * A validated entry as the model keeps it: ordinary JSON objects, and one string for each short text that repeats
 * (page names, principal kinds). Resolved values are null-prototype copies, which V8 holds as hash tables, about five
 * times the size: at 100k workspace members that is tens of megabytes. Ordinary objects are safe here: the schema
 * allows no field that readers look up by a name taken from the input.
 */
export function keptSettings(entry: PlatformSettingsEnvelope): PlatformSettingsEnvelope {
  const texts = new Map<string, string>();
  // Validated, so only as deep as the schema: recursion is bounded.
  const copy = (v: unknown): unknown => {
    if (typeof v === 'string') {
      if (v.length > 32) return v;
      const kept = texts.get(v);
      if (kept !== undefined) return kept;
      texts.set(v, v);
      return v;
    }
    if (typeof v !== 'object' || v === null) return v;
    if (Array.isArray(v)) return v.map(copy);
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) {
      const x = copy((v as Record<string, unknown>)[k]);
      // A map key such as `__proto__` (API-key lifecycles) is a field, never the object's prototype.
      if (k === '__proto__') Object.defineProperty(out, k, { value: x, enumerable: true, writable: true, configurable: true });
      else out[k] = x;
    }
    return out;
  };
  return copy(entry) as PlatformSettingsEnvelope;
}

/** The problem that makes an entry invalid, if any (see checkSettings). */
export function settingsProblem(entry: unknown): SettingsProblem | undefined {
  return checkSettings(entry).problem;
}

function describeError(e: SchemaError): { pointer: string; problem: string } {
  const p = e.params;
  switch (e.keyword) {
    case 'additionalProperties':
      return { pointer: pointerJoin(e.instancePath, String(p.additionalProperty)), problem: 'is not a field of this entry' };
    case 'required':
      return { pointer: e.instancePath, problem: `misses the required field ${JSON.stringify(String(p.missingProperty))}` };
    case 'type':
      return { pointer: e.instancePath, problem: `must be ${String(p.type).split(',').join(' or ')}` };
    case 'enum':
      return { pointer: e.instancePath, problem: `must be one of ${(p.allowedValues as unknown[]).map(v => JSON.stringify(v)).join(', ')}` };
    case 'const':
      return { pointer: e.instancePath, problem: `must be ${JSON.stringify(p.allowedValue)}` };
    case 'pattern':
      return { pointer: e.instancePath, problem: `must match ${String(p.pattern)}` };
    case 'oneOf':
      return { pointer: e.instancePath, problem: 'must match exactly one of the forms the schema allows (e.g. a cap sets percent or absolute, not both)' };
    default:
      return { pointer: e.instancePath, problem: e.message ?? `fails the schema keyword ${e.keyword}` };
  }
}
