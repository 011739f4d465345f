import { DataResource, Token } from 'cdktf';
import { Construct } from 'constructs';
import { PLATFORM_SETTINGS_NOTE, PLATFORM_SETTINGS_SCHEMA_V1, PlatformSettingsByKind, PlatformSettingsEnvelope, PlatformSettingsKind, SettingsCloud } from '../../model/platform-settings';

/**
 * Writes one platform-settings entry as a built-in `terraform_data` resource (see src/model/platform-settings.ts),
 * typed by the schema's definition of its kind. Terraform records the entry and applies nothing; its `note` says so
 * in every plan. `settings` may be a function: it is then rendered at synth, so grants made after construction are
 * included. Never put a secret in `settings`: it is stored in plan and state.
 * @internal
 */
export function recordPlatformSettings<K extends PlatformSettingsKind>(
  scope: Construct, id: string, kind: K, cloud: SettingsCloud, settings: PlatformSettingsByKind[K] | (() => PlatformSettingsByKind[K]),
): DataResource {
  const input: PlatformSettingsEnvelope = {
    schema: PLATFORM_SETTINGS_SCHEMA_V1,
    kind,
    cloud,
    constructPath: scope.node.path,
    settings: typeof settings === 'function' ? {} : settings as unknown as Record<string, unknown>,
    note: PLATFORM_SETTINGS_NOTE,
  };
  const record = new DataResource(scope, id, { input });
  if (typeof settings === 'function') record.addOverride('input.settings', Token.asAny({ resolve: settings }));
  return record;
}
