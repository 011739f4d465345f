import { DataResource } from 'cdktf';
import { Construct } from 'constructs';
import { PLATFORM_SETTINGS_NOTE, PLATFORM_SETTINGS_SCHEMA_V1, PlatformSettingsEnvelope, SettingsCloud } from '../../model/platform-settings';

/**
 * Writes one platform-settings entry as a built-in `terraform_data` resource (see
 * src/model/platform-settings.ts). Terraform records the entry and applies nothing; its `note` says so in every plan. Never put a secret in `settings`: it is stored in plan and state.
 * @internal
 */
export function recordPlatformSettings(
  scope: Construct, id: string, kind: string, cloud: SettingsCloud, settings: Record<string, unknown>,
): DataResource {
  const input: PlatformSettingsEnvelope = {
    schema: PLATFORM_SETTINGS_SCHEMA_V1, kind, cloud, constructPath: scope.node.path, settings, note: PLATFORM_SETTINGS_NOTE,
  };
  return new DataResource(scope, id, { input });
}
