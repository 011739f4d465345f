/**
 * Changes between two sets of platform-settings entries that a plan shows as edits but the cloud can only do as
 * replacements. Model Studio API keys cannot be transferred (seed 000): a key whose workspace or owner changes is a
 * new key, and the old one stops working for its callers.
 */
import type { RawStack } from './input';
import { checkedSettings, isPlatformSettingsEnvelope } from './platform-settings';
import type { PlatformSettingsEntry } from './types';

export interface ApiKeyReplacement {
  /** The key's name as recorded. */
  readonly name: string;
  /** What changed, e.g. `workspace prod -> test`, `owner ram-user/alice -> ram-role/app`. */
  readonly changes: readonly string[];
  readonly before: PlatformSettingsEntry;
  readonly after: PlatformSettingsEntry;
}

/** The settings entries of raw stacks (e.g. a plan's prior_state), read the way the model reads them. */
export function settingsOfStacks(stacks: readonly RawStack[]): PlatformSettingsEntry[] {
  const out: PlatformSettingsEntry[] = [];
  for (const s of stacks) {
    for (const r of s.resources) {
      const input = r.type === 'terraform_data' ? r.values.input : undefined;
      // Validated as the model validates the entries it reads; one with parts not known here is not compared.
      if (isPlatformSettingsEnvelope(input) && !checkedSettings(input, r).length) {
        out.push({ envelope: input, address: r.address, constructPath: r.constructPath, stack: r.stack, file: r.file, pointer: r.pointer });
      }
    }
  }
  return out;
}

interface KeySettings { name: string; workspace: string; region: string; owner: { kind: string; name?: string } }

const ownerText = (o: KeySettings['owner']) => o.kind === 'main-account' ? 'main-account' : `${o.kind}/${o.name ?? '?'}`;

/**
 * API keys present on both sides (matched by resource address, else by name and region) whose workspace, region or
 * owner differ.
 */
export function apiKeyReplacements(before: readonly PlatformSettingsEntry[], after: readonly PlatformSettingsEntry[]): ApiKeyReplacement[] {
  const keys = (list: readonly PlatformSettingsEntry[]) => list.filter(e => e.envelope.kind === 'bailian-api-key');
  const was = keys(before);
  const out: ApiKeyReplacement[] = [];
  for (const a of keys(after)) {
    const k = a.envelope.settings as unknown as KeySettings;
    const settingsOf = (x: PlatformSettingsEntry) => x.envelope.settings as unknown as KeySettings;
    const b = was.find(x => x.address !== undefined && x.address === a.address) ??
      was.find(x => settingsOf(x).name === k.name && settingsOf(x).region === k.region);
    if (!b) continue;
    const o = b.envelope.settings as unknown as KeySettings;
    const changes: string[] = [];
    if (o.workspace !== k.workspace) changes.push(`workspace ${o.workspace} -> ${k.workspace}`);
    if (o.region !== k.region) changes.push(`region ${o.region} -> ${k.region}`);
    if (ownerText(o.owner) !== ownerText(k.owner)) changes.push(`owner ${ownerText(o.owner)} -> ${ownerText(k.owner)}`);
    if (changes.length) out.push({ name: k.name, changes, before: b, after: a });
  }
  return out;
}
