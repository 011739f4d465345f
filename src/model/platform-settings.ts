import type { PlatformSettingsByKind, PlatformSettingsKind } from './platform-settings.generated';
import type { PlatformSettingsEntry } from './types';

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
