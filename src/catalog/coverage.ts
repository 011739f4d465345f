/**
 * Which resource types the access model reads: one table (data/resource-coverage/resource-types.json) classifying every
 * resource type of the three providers, so that nothing that grants access is skipped silently.
 */
import * as fs from 'fs';
import * as path from 'path';

/** How the model treats a resource type. */
export type CoverageClass =
  /** Read into the access model. */
  | 'modelled'
  /** Grants access, but the model does not read it: reported by a coverage finding. */
  | 'access'
  /** Carries no IAM grant. */
  | 'passive'
  /** Not in the table: reported (a warning when the name is in an IAM namespace). */
  | 'unknown';

/** An attribute that grants access when set (to a value other than `unless`). */
export interface CoverageCondition {
  readonly attribute: string;
  readonly unless?: readonly string[];
}

export interface TypeCoverage {
  readonly type: string;
  readonly class: CoverageClass;
  readonly note?: string;
  /** When present, the resource is reported only if one of these attributes grants access; otherwise it is passive. */
  readonly when?: readonly CoverageCondition[];
  /** The type's name is in an IAM namespace (`alicloud_ram_`, `huaweicloud_identity`...). */
  readonly iamNamespace: boolean;
}

export interface CoverageProvider {
  readonly repository: string;
  readonly commit: string;
  readonly file: string;
  readonly count: number;
}

export interface CoverageTable {
  readonly providers: Readonly<Record<string, CoverageProvider>>;
  readonly iamNamespaces: readonly string[];
  readonly types: ReadonlyMap<string, { readonly class: Exclude<CoverageClass, 'unknown'>; readonly note?: string; readonly when?: readonly CoverageCondition[] }>;
}

const FILE = path.join(__dirname, '..', '..', 'data', 'resource-coverage', 'resource-types.json');
let cached: CoverageTable | undefined;

export function coverageTable(): CoverageTable {
  if (cached) return cached;
  let raw: any;
  try {
    raw = JSON.parse(fs.readFileSync(FILE, 'utf8'));
  } catch (e) {
    throw new Error(`${FILE}: cannot read the coverage table (${(e as Error).message}). Fix: reinstall cdktf-aiam; its data/ folder is incomplete.`);
  }
  cached = { providers: raw.providers, iamNamespaces: raw.iamNamespaces, types: new Map(Object.entries(raw.types)) as CoverageTable['types'] };
  return cached;
}

/** The classification of one resource type. */
export function coverageOf(type: string): TypeCoverage {
  const table = coverageTable();
  const iamNamespace = table.iamNamespaces.some(p => type.startsWith(p));
  const entry = table.types.get(type);
  return entry ? { type, class: entry.class, note: entry.note, when: entry.when, iamNamespace } : { type, class: 'unknown', iamNamespace };
}
