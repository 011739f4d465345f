/**
 * Compares the recorded platform settings with what a person or a script observed in the consoles or through the
 * OpenAPI (`aiam settings verify PATH --observed FILE`). The observed export's format is
 * `schemas/observed-settings.v1.schema.json`: items of the same kinds and shapes as the recorded settings, where a
 * field left out means "not observed" (never drift), so a partial export checks what it covers.
 */
import { ModelInputError } from './errors';
import { isObject } from './own';
import type { PlatformSettingsEntry } from './types';

export const OBSERVED_SETTINGS_SCHEMA_V1 = 'cdktf-aiam/observed-settings/v1';

/** Kinds a person applies, with the fields that identify an item of the kind. */
const IDENTITY: Record<string, readonly string[]> = {
  'bailian-workspace': ['region', 'name'],
  'bailian-api-key': ['region', 'name'],
  'bailian-quota-split': ['region'],
  'vemlp-queue': ['queueId'],
};
export const VERIFIABLE_KINDS = Object.keys(IDENTITY);

export interface ObservedItem {
  readonly kind: string;
  readonly settings: Record<string, unknown>;
  /** JSON pointer of the item in the export, for messages. */
  readonly pointer: string;
}

export interface Difference {
  /** JSON-pointer-like path inside the settings, e.g. `/members/user:bob/pages`. */
  readonly path: string;
  readonly recorded: unknown;
  readonly observed: unknown;
}

export type ItemStatus = 'in-sync' | 'drift' | 'missing' | 'not-recorded';

export interface ItemReport {
  readonly kind: string;
  /** e.g. `cn-beijing/prod`. */
  readonly id: string;
  readonly status: ItemStatus;
  readonly differences: readonly Difference[];
  readonly recordedBy?: string;
  readonly observedAt?: string;
}

export interface VerifyReport {
  readonly items: readonly ItemReport[];
  readonly drifted: number;
  readonly inSync: number;
}

/**
 * Reads an observed export. Throws ModelInputError naming the file, the JSON pointer and the fix; the checks mirror
 * the JSON schema (test/model/settings-verify.test.ts holds both to the same examples).
 */
export function parseObserved(file: string, doc: unknown): ObservedItem[] {
  const fail = (pointer: string, problem: string, fix: string): never => { throw new ModelInputError(file, pointer, problem, fix); };
  if (!isObject(doc)) fail('', 'not a JSON object', `write { "schema": "${OBSERVED_SETTINGS_SCHEMA_V1}", "items": [...] } (schemas/observed-settings.v1.schema.json)`);
  const d = doc as Record<string, unknown>;
  if (d.schema !== OBSERVED_SETTINGS_SCHEMA_V1) fail('/schema', `expected "${OBSERVED_SETTINGS_SCHEMA_V1}", found ${JSON.stringify(d.schema)}`, `set "schema": "${OBSERVED_SETTINGS_SCHEMA_V1}"`);
  if (!Array.isArray(d.items)) fail('/items', 'missing or not an array', 'list the observed items under "items"');
  for (const key of Object.keys(d)) if (!['schema', 'items', 'observedAt', 'source'].includes(key)) fail(`/${key}`, 'unknown property', 'remove it (allowed: schema, items, observedAt, source)');
  for (const key of ['observedAt', 'source']) if (d[key] !== undefined && typeof d[key] !== 'string') fail(`/${key}`, 'not a string', `give ${key} as text`);
  return (d.items as unknown[]).map((item, i) => {
    const at = `/items/${i}`;
    if (!isObject(item)) return fail(at, 'not an object', 'write { "kind": ..., "settings": {...} }');
    const it = item as Record<string, unknown>;
    for (const key of Object.keys(it)) if (key !== 'kind' && key !== 'settings') fail(`${at}/${key}`, 'unknown property', 'an item has only "kind" and "settings"');
    if (typeof it.kind !== 'string' || !IDENTITY[it.kind]) fail(`${at}/kind`, `unknown kind ${JSON.stringify(it.kind)}`, `use one of ${VERIFIABLE_KINDS.join(', ')}`);
    if (!isObject(it.settings)) fail(`${at}/settings`, 'missing or not an object', 'put the observed fields under "settings"');
    const settings = it.settings as Record<string, unknown>;
    for (const f of IDENTITY[it.kind as string]) {
      if (typeof settings[f] !== 'string' || settings[f] === '') fail(`${at}/settings/${f}`, 'missing or not a string', `give the ${f} that identifies the ${it.kind as string}`);
    }
    checkShapes(it.kind as string, settings, `${at}/settings`, fail);
    return { kind: it.kind as string, settings, pointer: at };
  });
}

type Fail = (pointer: string, problem: string, fix: string) => never;

/** Types of the compared fields; anything else in an item is ignored. */
function checkShapes(kind: string, s: Record<string, unknown>, at: string, fail: Fail): void {
  const list = (key: string, each: (v: unknown, p: string) => void) => {
    if (s[key] === undefined) return;
    if (!Array.isArray(s[key])) fail(`${at}/${key}`, 'not an array', `give ${key} as a JSON array, or leave it out when not observed`);
    (s[key] as unknown[]).forEach((v, i) => each(v, `${at}/${key}/${i}`));
  };
  const principal = (v: unknown, p: string) => {
    if (!isObject(v) || !['user', 'group', 'role'].includes(v.kind as string) || typeof v.name !== 'string') fail(p, 'not a principal', 'write { "kind": "user" | "group" | "role", "name": "..." }');
  };
  const num = (v: unknown, p: string) => { if (v !== undefined && (typeof v !== 'number' || v < 0)) fail(p, 'not a non-negative number', 'give a number'); };
  const amounts = (key: string, nullable: boolean) => {
    const v = s[key];
    if (v === undefined || (nullable && v === null)) return;
    if (!isObject(v)) fail(`${at}/${key}`, `not an object${nullable ? ' or null' : ''}`, 'write { "qpm": N, "tpm": N }');
    num((v as Record<string, unknown>).qpm, `${at}/${key}/qpm`);
    num((v as Record<string, unknown>).tpm, `${at}/${key}/tpm`);
  };
  switch (kind) {
    case 'bailian-workspace':
      if (s.default !== undefined && typeof s.default !== 'boolean') fail(`${at}/default`, 'not a boolean', 'true for the region\'s default workspace');
      if (s.allowlists !== undefined) {
        if (!isObject(s.allowlists)) fail(`${at}/allowlists`, 'not an object', 'write { "invoke": [...], "tune": [...], "deploy": [...] }');
        for (const [k, v] of Object.entries(s.allowlists as object)) {
          if (v !== null && !(Array.isArray(v) && v.every(x => typeof x === 'string'))) fail(`${at}/allowlists/${k}`, 'not a list of model names or null', 'list model names; null means every model');
        }
      }
      amounts('quota', true);
      list('rateLimits', (v, p) => {
        if (!isObject(v) || typeof v.model !== 'string') fail(p, 'not a rate limit', 'write { "model": "...", "qpm": N, "tpm": N }');
        num((v as Record<string, unknown>).qpm, `${p}/qpm`);
        num((v as Record<string, unknown>).tpm, `${p}/tpm`);
      });
      list('members', (v, p) => {
        if (!isObject(v)) fail(p, 'not a member', 'write { "principal": {...}, "admin": bool, "apiKeyManagement": bool, "pages": [...] }');
        principal((v as Record<string, unknown>).principal, `${p}/principal`);
        for (const b of ['admin', 'apiKeyManagement']) {
          const x = (v as Record<string, unknown>)[b];
          if (x !== undefined && typeof x !== 'boolean') fail(`${p}/${b}`, 'not a boolean', 'true or false');
        }
        const pages = (v as Record<string, unknown>).pages;
        if (pages !== undefined && !(Array.isArray(pages) && pages.every(x => typeof x === 'string'))) fail(`${p}/pages`, 'not a list of page ids', 'list page ids (model-experience, ...)');
      });
      break;
    case 'bailian-api-key':
      if (s.workspace !== undefined && typeof s.workspace !== 'string') fail(`${at}/workspace`, 'not a string', 'give the workspace name');
      if (s.owner !== undefined && !(isObject(s.owner) && ['main-account', 'ram-user', 'ram-role'].includes(s.owner.kind as string) &&
        (s.owner.name === undefined || typeof s.owner.name === 'string'))) {
        fail(`${at}/owner`, 'not an owner', 'write { "kind": "main-account" } or { "kind": "ram-user" | "ram-role", "name": "..." }');
      }
      break;
    case 'vemlp-queue':
      if (s.capacity !== undefined && s.capacity !== null && typeof s.capacity !== 'number') fail(`${at}/capacity`, 'not a number or null', 'give the queue capacity, or null');
      list('admins', principal);
      list('members', principal);
      list('userCaps', (v, p) => {
        if (!isObject(v) || typeof v.user !== 'string') fail(p, 'not a user cap', 'write { "user": "...", "percent": N } or { "user": "...", "absolute": N }');
        num((v as Record<string, unknown>).percent, `${p}/percent`);
        num((v as Record<string, unknown>).absolute, `${p}/absolute`);
      });
      break;
    case 'bailian-quota-split':
      amounts('buffer', false);
      list('allocations', (v, p) => {
        if (!isObject(v) || typeof v.workspace !== 'string') fail(p, 'not an allocation', 'write { "workspace": "...", "qpm": N, "tpm": N }');
        num((v as Record<string, unknown>).qpm, `${p}/qpm`);
        num((v as Record<string, unknown>).tpm, `${p}/tpm`);
      });
      break;
  }
}

const idOf = (kind: string, s: Record<string, unknown>) => IDENTITY[kind].map(f => String(s[f])).join('/');
const sorted = (v: unknown) => Array.isArray(v) ? [...v].map(String).sort() : v;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const principalKey = (p: unknown) => isObject(p) ? `${String(p.kind)}:${String(p.name)}` : String(p);

/** Differences between a recorded and an observed item; fields the export leaves out are not compared. */
function compare(kind: string, rec: Record<string, unknown>, obs: Record<string, unknown>): Difference[] {
  const out: Difference[] = [];
  const field = (path: string, r: unknown, o: unknown) => {
    if (o !== undefined && !same(r ?? null, o)) out.push({ path, recorded: r ?? null, observed: o });
  };
  /** Lists keyed by one field, compared entry by entry. */
  type Norm = (f: string, v: unknown) => unknown;
  const keyed = (name: string, key: (v: Record<string, unknown>) => string, fields: string[], norm: Norm = (_f, v) => v) => {
    if (obs[name] === undefined) return;
    const r = new Map(((rec[name] ?? []) as Array<Record<string, unknown>>).map(v => [key(v), v]));
    const o = new Map(((obs[name] ?? []) as Array<Record<string, unknown>>).map(v => [key(v), v]));
    for (const [k, v] of r) {
      const seen = o.get(k);
      if (!seen) out.push({ path: `/${name}/${k}`, recorded: v, observed: null });
      else for (const f of fields) field(`/${name}/${k}/${f}`, norm(f, v[f]), seen[f] === undefined ? undefined : norm(f, seen[f]));
    }
    for (const [k, v] of o) if (!r.has(k)) out.push({ path: `/${name}/${k}`, recorded: null, observed: v });
  };
  switch (kind) {
    case 'bailian-workspace': {
      field('/default', rec.default, obs.default);
      const ra = (rec.allowlists ?? {}) as Record<string, unknown>;
      const oa = (obs.allowlists ?? {}) as Record<string, unknown>;
      for (const k of ['invoke', 'tune', 'deploy']) field(`/allowlists/${k}`, sorted(ra[k]), oa[k] === undefined ? undefined : sorted(oa[k]));
      if (obs.quota !== undefined) field('/quota', rec.quota, obs.quota);
      keyed('rateLimits', v => String(v.model), ['qpm', 'tpm']);
      keyed('members', v => principalKey(v.principal), ['admin', 'apiKeyManagement', 'pages'], (f, v) => f === 'pages' ? sorted(v) : v);
      break;
    }
    case 'bailian-api-key':
      field('/workspace', rec.workspace, obs.workspace);
      if (obs.owner !== undefined) field('/owner', principalKey(rec.owner), principalKey(obs.owner));
      break;
    case 'vemlp-queue':
      for (const k of ['admins', 'members']) field(`/${k}`, sorted(((rec[k] ?? []) as unknown[]).map(principalKey)), obs[k] === undefined ? undefined : sorted((obs[k] as unknown[]).map(principalKey)));
      if (obs.capacity !== undefined) field('/capacity', rec.capacity, obs.capacity);
      keyed('userCaps', v => String(v.user), ['percent', 'absolute']);
      break;
    case 'bailian-quota-split':
      keyed('allocations', v => String(v.workspace), ['qpm', 'tpm']);
      if (obs.buffer !== undefined) field('/buffer', rec.buffer, obs.buffer);
      break;
  }
  return out;
}

/** Drift per item: recorded and observed, recorded only (missing), observed only (not recorded). */
export function verifySettings(recorded: readonly PlatformSettingsEntry[], observed: readonly ObservedItem[]): VerifyReport {
  const items: ItemReport[] = [];
  const used = new Set<ObservedItem>();
  for (const e of recorded) {
    const kind = e.envelope.kind;
    if (!IDENTITY[kind]) continue; // applied by Terraform (modelarts-access) or unknown: nothing a person verifies
    const s = e.envelope.settings as Record<string, unknown>;
    const id = idOf(kind, s);
    const o = observed.find(x => x.kind === kind && !used.has(x) && idOf(kind, x.settings) === id);
    if (!o) {
      items.push({ kind, id, status: 'missing', differences: [], recordedBy: e.address });
      continue;
    }
    used.add(o);
    const differences = compare(kind, s, o.settings);
    items.push({ kind, id, status: differences.length ? 'drift' : 'in-sync', differences, recordedBy: e.address, observedAt: o.pointer });
  }
  for (const o of observed) {
    if (!used.has(o)) items.push({ kind: o.kind, id: idOf(o.kind, o.settings), status: 'not-recorded', differences: [], observedAt: o.pointer });
  }
  const inSync = items.filter(i => i.status === 'in-sync').length;
  return { items, inSync, drifted: items.length - inSync };
}
