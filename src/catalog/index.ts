/**
 * Service action catalogs and system policy documents, read from the package's data/ folder (copied from the
 * researched references, each fact with its source). Catalogs are incomplete unless `complete` is true: unknown
 * actions still evaluate, the API only reports them.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Dialect } from '../policy/types';
import { compileWildcard } from '../policy/wildcard';

export enum AccessLevel {
  LIST = 'List',
  READ = 'Read',
  WRITE = 'Write',
  PERMISSIONS = 'Permissions management',
  TAGGING = 'Tagging',
}

export interface CatalogAction {
  readonly service: string;
  /** Full name, `svc:Action` (Huawei `svc:type:op`). */
  readonly name: string;
  readonly accessLevel: AccessLevel;
  /** Resource types; `["*"]` means the action only takes `Resource: "*"`. */
  readonly resourceTypes: readonly string[];
  /** false: Resource must be `*`; true: ARNs allowed; undefined: no source says. */
  readonly resourceLevel: boolean | undefined;
  readonly conditionKeys: readonly string[];
}

export interface ServiceCatalog {
  readonly cloud: string;
  readonly dialect: Dialect;
  readonly service: string;
  readonly productName?: string;
  /** True when every action of the service is listed, so an unmatched action is a typo. */
  readonly complete: boolean;
  /** Whether the service supports resource-level authorization at all (false: Resource must be `*`). */
  readonly resourceLevel: boolean;
  readonly actions: readonly CatalogAction[];
  /** Condition keys of the service itself (the product's authorization page), besides those listed per action. */
  readonly conditionKeys: readonly string[];
}

/** Global condition key namespaces per dialect (reference: alibaba-ram.md §4.5, volcengine-iam.md, huawei-iam.md). */
const GLOBAL_KEY_PREFIXES: Record<Dialect, readonly string[]> = {
  [Dialect.ALIBABA_RAM]: ['acs'],
  [Dialect.VOLCENGINE_IAM]: ['volc'],
  [Dialect.HUAWEI_IAM]: ['g'],
};

export interface SystemPolicy {
  readonly name: string;
  readonly dialect: Dialect;
  /** The policy document when its content is known. */
  readonly document?: unknown;
  readonly known: boolean;
  readonly description?: string;
  readonly source?: string;
  readonly version?: string;
  /**
   * For a policy known by name only: the service prefixes it covers, when a source says (wildcards allowed).
   * Its unknown content then affects only requests of those services.
   */
  readonly services?: readonly string[];
}

export interface ActionExpansion {
  readonly actions: readonly CatalogAction[];
  /** Every service the pattern can name has a complete catalog: `actions` is exactly what it grants. */
  readonly catalogComplete: boolean;
  /** At least one service the pattern names is in the catalogs. */
  readonly serviceKnown: boolean;
}

const CLOUD_DIALECT: Record<string, Dialect> = {
  alibaba: Dialect.ALIBABA_RAM, volcengine: Dialect.VOLCENGINE_IAM, huawei: Dialect.HUAWEI_IAM,
};

const LEVELS = new Map(Object.values(AccessLevel).map(l => [l.toLowerCase(), l as AccessLevel]));

/** Where data/ is, from src/catalog or lib/catalog alike. */
export const DATA_DIR = path.join(__dirname, '..', '..', 'data');

function readJson(file: string): any {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: cannot read catalog data (${(e as Error).message}). Fix: reinstall cdktf-aiam; its data/ folder is incomplete.`);
  }
}

let cached: Catalog | undefined;

export class Catalog {
  /** Loads data/ once per process. */
  static load(): Catalog {
    cached ??= Catalog.fromDirectory(DATA_DIR);
    return cached;
  }

  static fromDirectory(dir: string): Catalog {
    const services: ServiceCatalog[] = [];
    const catalogDir = path.join(dir, 'catalogs');
    for (const f of fs.readdirSync(catalogDir).filter(n => n.endsWith('.json')).sort()) {
      const raw = readJson(path.join(catalogDir, f));
      const dialect = CLOUD_DIALECT[raw.cloud];
      if (!dialect) continue;
      const actions: CatalogAction[] = (raw.actions as any[]).map(a => {
        const resourceTypes: string[] = a.resourceTypes ?? ['*'];
        const starOnly = resourceTypes.length === 1 && resourceTypes[0] === '*';
        return {
          service: String(a.name).split(':')[0],
          name: a.name,
          accessLevel: LEVELS.get(String(a.accessLevel).toLowerCase()) ?? AccessLevel.WRITE,
          resourceTypes,
          resourceLevel: a.resourceTypesKnown === false ? undefined : !starOnly,
          conditionKeys: a.conditionKeys ?? [],
        };
      });
      // One file may hold several RAM codes (paiworkspace, paidataset, ...): one ServiceCatalog per prefix.
      const byPrefix = new Map<string, CatalogAction[]>();
      for (const a of actions) {
        const key = a.service.toLowerCase();
        (byPrefix.get(key) ?? byPrefix.set(key, []).get(key)!).push(a);
      }
      const granularity = String(raw.authorizationGranularity ?? '').toUpperCase();
      for (const [prefix, list] of byPrefix) {
        services.push({
          cloud: raw.cloud,
          dialect,
          service: prefix,
          productName: raw.productName,
          complete: raw.complete === true,
          resourceLevel: granularity === 'OPERATION' ? false : list.some(a => a.resourceLevel !== false),
          actions: list,
          conditionKeys: (Array.isArray(raw.conditionKeys) ? raw.conditionKeys : []).map((k: { name?: string } | string) => String(typeof k === 'string' ? k : k.name))
            .filter((k: string) => k.toLowerCase().startsWith(`${prefix}:`)),
        });
      }
    }
    const policies: SystemPolicy[] = [];
    const ali = readJson(path.join(dir, 'system-policies', 'alibaba-system-policies.json'));
    for (const [name, p] of Object.entries<any>(ali)) {
      if (name.startsWith('_')) continue;
      policies.push(systemPolicy(name, Dialect.ALIBABA_RAM, p));
    }
    const vh = readJson(path.join(dir, 'system-policies', 'volcengine-huawei-system-policies.json'));
    for (const [cloud, dialect] of [['volcengine', Dialect.VOLCENGINE_IAM], ['huawei', Dialect.HUAWEI_IAM]] as const) {
      for (const [name, p] of Object.entries<any>(vh[cloud] ?? {})) {
        if (p.kind === 'system') policies.push(systemPolicy(name, dialect, p));
      }
    }
    const names = readJson(path.join(dir, 'system-policies', 'known-names.json'));
    for (const dialect of [Dialect.ALIBABA_RAM, Dialect.VOLCENGINE_IAM, Dialect.HUAWEI_IAM]) {
      for (const entry of (names[dialect] ?? []) as Array<{ name: string; source: string; services?: string[] }>) {
        const existing = policies.findIndex(p => p.dialect === dialect && p.name === entry.name);
        if (existing < 0) {
          policies.push({ name: entry.name, dialect, known: false, source: entry.source, services: entry.services, description: 'known by name only; document not published in the sources read' });
        } else if (!policies[existing].known && entry.services) {
          policies[existing] = { ...policies[existing], services: entry.services };
        }
      }
    }
    return new Catalog(services, policies);
  }

  private readonly serviceIndex = new Map<string, ServiceCatalog>();
  private readonly lowerName = new Map<CatalogAction, string>();
  private readonly expansions = new Map<string, ActionExpansion>();
  private readonly actionIndex = new Map<string, CatalogAction>();
  private readonly policyIndex = new Map<string, SystemPolicy>();

  private readonly conditionKeyIndex = new WeakMap<ServiceCatalog, Set<string>>();

  private constructor(private readonly allServices: readonly ServiceCatalog[], private readonly allPolicies: readonly SystemPolicy[]) {
    for (const s of allServices) {
      this.serviceIndex.set(`${s.dialect}|${s.service}`, s);
      for (const a of s.actions) {
        this.lowerName.set(a, a.name.toLowerCase());
        this.actionIndex.set(`${s.dialect}|${a.name.toLowerCase()}`, a);
      }
    }
    for (const p of allPolicies) this.policyIndex.set(`${p.dialect}|${p.name}`, p);
  }

  services(dialect?: Dialect): readonly ServiceCatalog[] {
    return dialect ? this.allServices.filter(s => s.dialect === dialect) : this.allServices;
  }

  service(dialect: Dialect, prefix: string): ServiceCatalog | undefined {
    return this.serviceIndex.get(`${dialect}|${prefix.toLowerCase()}`);
  }

  /**
   * Whether a condition key can be present in a request (issue 13): a bare key (`Action`) never is; a global key of
   * the dialect is; a key of a service whose catalog is complete is when the catalog lists it. Keys of services this
   * catalog does not describe are taken as written (nothing here can say otherwise).
   */
  isKnownConditionKey(dialect: Dialect, key: string): boolean {
    const colon = key.indexOf(':');
    if (colon <= 0) return false;
    const prefix = key.slice(0, colon).toLowerCase();
    if (GLOBAL_KEY_PREFIXES[dialect].includes(prefix)) return true;
    const service = this.service(dialect, prefix);
    if (!service?.complete) return true;
    let keys = this.conditionKeyIndex.get(service);
    if (!keys) {
      keys = new Set([...service.conditionKeys, ...service.actions.flatMap(a => a.conditionKeys)].map(k => k.toLowerCase()));
      this.conditionKeyIndex.set(service, keys);
    }
    return keys.has(key.toLowerCase());
  }

  action(dialect: Dialect, name: string): CatalogAction | undefined {
    return this.actionIndex.get(`${dialect}|${name.toLowerCase()}`);
  }

  /** The catalog actions an action pattern (wildcards allowed) grants. Memoized: policies repeat their patterns. */
  expandAction(dialect: Dialect, pattern: string): ActionExpansion {
    const memoKey = `${dialect}|${pattern.toLowerCase()}`;
    let hit = this.expansions.get(memoKey);
    if (!hit) {
      hit = this.expand(dialect, pattern);
      if (this.expansions.size > 100_000) this.expansions.clear();
      this.expansions.set(memoKey, hit);
    }
    return hit;
  }

  private expand(dialect: Dialect, pattern: string): ActionExpansion {
    const lower = pattern.toLowerCase();
    const colon = lower.indexOf(':');
    const servicePattern = colon < 0 ? lower : lower.slice(0, colon);
    const matchService = compileWildcard(servicePattern);
    const matchAction = compileWildcard(lower);
    const services = this.services(dialect).filter(s => matchService(s.service));
    const actions = services.flatMap(s => s.actions.filter(a => matchAction(this.lowerName.get(a)!)));
    // A wildcard service can also name services no catalog lists: then the expansion is never complete.
    const literalService = !/[*?]/.test(servicePattern);
    return {
      actions,
      catalogComplete: literalService && services.length === 1 && services[0].complete,
      serviceKnown: services.length > 0,
    };
  }

  systemPolicy(dialect: Dialect, name: string): SystemPolicy | undefined {
    return this.policyIndex.get(`${dialect}|${name}`);
  }

  systemPolicies(dialect?: Dialect): readonly SystemPolicy[] {
    return dialect ? this.allPolicies.filter(p => p.dialect === dialect) : this.allPolicies;
  }

  /** "Did you mean": the closest catalog action of the same service, if close enough to be a typo. */
  suggest(dialect: Dialect, unknownAction: string): string | undefined {
    const lower = unknownAction.toLowerCase();
    const service = this.service(dialect, lower.split(':')[0]);
    const pool = service ? service.actions : this.services(dialect).flatMap(s => s.actions);
    let best: string | undefined;
    let bestDistance = Infinity;
    for (const a of pool) {
      const d = editDistance(lower, a.name.toLowerCase(), bestDistance);
      if (d < bestDistance) {
        bestDistance = d;
        best = a.name;
      }
    }
    return best !== undefined && bestDistance <= Math.max(2, Math.floor(lower.length / 6)) ? best : undefined;
  }
}

function systemPolicy(name: string, dialect: Dialect, raw: any): SystemPolicy {
  let document = raw.document ?? undefined;
  if (typeof document === 'string') document = JSON.parse(document);
  // A partial document (complete: false) would under-state what the policy grants: treat it as unknown content.
  const known = document !== undefined && document !== null && raw.complete !== false;
  return {
    name,
    dialect,
    document: known ? document : undefined,
    known,
    description: raw.note ?? raw.description,
    source: raw.source ?? undefined,
    version: raw.version,
  };
}

/** Levenshtein distance, stopping early once it cannot beat `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, cur[j]);
    }
    if (rowMin >= limit) return limit;
    prev = cur;
  }
  return prev[b.length];
}
