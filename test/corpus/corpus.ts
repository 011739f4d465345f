/**
 * The corpus of public Terraform configurations (test/fixtures/corpus) and how one is judged: loaded through a route,
 * every intended decision asked, the rule packs run, every access-granting resource looked for.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Catalog } from '../../src/catalog';
import { AiPlatformPack, runChecks, Severity } from '../../src/checks';
import { DIALECT_OF, loadAccessModel } from '../../src/model';
import type { AccessModel, Cloud } from '../../src/model';
import type { Dialect } from '../../src/policy';
import { aiam } from '../cli/run';

export const CORPUS_DIR = path.join(__dirname, '..', 'fixtures', 'corpus');
export const CORPUS_JSON_DIR = path.join(__dirname, '..', 'fixtures', 'corpus-json');
export const LICENCES = ['Apache-2.0', 'MPL-2.0', 'MIT'];
export const DECISIONS = ['allow', 'implicit-deny', 'explicit-deny', 'unknown'];

/** How a configuration is read: the folder of .tf files, or the array-form Terraform JSON that @cdktn/hcl2json writes. */
export type Route = 'hcl' | 'json';
export const ROUTES: readonly Route[] = ['hcl', 'json'];

export interface Question {
  /** `user/NAME`, `group/NAME`, `role/NAME` or the Terraform address of the principal's resource. */
  readonly principal: string;
  readonly action: string;
  readonly resource?: string;
  readonly context?: Record<string, string | string[]>;
  readonly decision: 'allow' | 'implicit-deny' | 'explicit-deny' | 'unknown';
  /**
   * The system policies the answer rests on (every one attached to the principal). When the catalog has no document
   * for one, `unknown` is the honest answer too: the model cannot know what a policy it has never seen says.
   */
  readonly needsSystemPolicy?: string | readonly string[];
  readonly why: string;
}

export interface Expected {
  /** The folder Terraform is run in, relative to the config folder (modules' examples); default the folder itself. */
  readonly root?: string;
  /** Input variable values (also in terraform.tfvars, which Terraform and the loader read by themselves). */
  readonly variables?: Record<string, unknown>;
  readonly questions: readonly Question[];
  /** Addresses of every access-granting resource (without instance keys; `x.y[0]` counts for `x.y`). */
  readonly accessGranting: readonly string[];
  /** Error findings beyond `expectedErrorFindings` that are acceptable: 0 unless the configuration is really broken. */
  readonly maxErrorFindings: number;
  /** Error findings the configuration rightly earns (true positives, e.g. a deliberate AdministratorAccess grant). */
  readonly expectedErrorFindings?: readonly ExpectedFinding[];
  /** Symptoms of issue 13 the configuration exercises (for the report). */
  readonly symptoms: readonly string[];
}

export interface ExpectedFinding {
  readonly ruleId: string;
  readonly address: string;
  readonly why: string;
  /** While the catalog lacks the content of one of these system policies, the finding cannot be expected. */
  readonly needsSystemPolicy?: string | readonly string[];
  /** True when the finding is right but need not be reported (e.g. escalation paths of a principal already full admin). */
  readonly optional?: boolean;
}

export interface Provenance {
  readonly repo: string;
  readonly commit: string;
  readonly licence: string;
  readonly paths: ReadonlyArray<{ path: string; codeBlock?: number; savedAs: string }>;
  readonly description: string;
}

export interface CorpusConfig {
  readonly id: string;
  readonly dir: string;
  readonly expected: Expected;
  readonly provenance: Provenance;
}

export function corpusConfigs(): CorpusConfig[] {
  return fs.readdirSync(CORPUS_DIR, { withFileTypes: true })
    .filter(e => e.isDirectory() && fs.existsSync(path.join(CORPUS_DIR, e.name, 'expected.json')))
    .map(e => {
      const dir = path.join(CORPUS_DIR, e.name);
      return {
        id: e.name,
        dir,
        expected: JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')),
        provenance: JSON.parse(fs.readFileSync(path.join(dir, 'PROVENANCE.json'), 'utf8')),
      };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** What a route hands to the loader. */
export function routeInput(config: CorpusConfig, route: Route): string {
  const root = config.expected.root ?? '.';
  return route === 'hcl' ? path.join(config.dir, root) : path.join(CORPUS_JSON_DIR, config.id, root, `${config.id}.tf.json`);
}

/**
 * Load options for a route input: a single JSON file does not pick up terraform.tfvars(.json) by itself (a folder
 * does, as Terraform does), so the JSON route passes its terraform.tfvars.json as a var file.
 */
export interface CorpusLoadOptions {
  readonly varFiles?: readonly string[];
}

export function loadOptions(input: string): CorpusLoadOptions {
  const tfvars = path.join(path.dirname(input), 'terraform.tfvars.json');
  return input.endsWith('.tf.json') && fs.existsSync(tfvars) ? { varFiles: [tfvars] } : {};
}

/** The library's loader; the options parameter is the `LoadOptions` of the HCL route (ignored by older loaders). */
const load: (input: string, catalog: Catalog, options: CorpusLoadOptions) => AccessModel = loadAccessModel;

const CLOUD_OF_TYPE: ReadonlyArray<[string, Cloud]> = [['alicloud_', 'alibaba'], ['volcengine_', 'volcengine'], ['huaweicloud_', 'huawei']];

/** True when the catalog has the content of every named system policy (a policy with unknown content makes answers unknown). */
function catalogKnows(catalog: Catalog, dialect: Dialect, names: string | readonly string[] | undefined): boolean {
  const list = names === undefined ? [] : typeof names === 'string' ? [names] : names;
  return list.every(n => catalog.systemPolicy(dialect, n)?.known === true);
}

const baseAddress = (address: string) => address.replace(/\[[^\]]*\]/g, '');
const names = (address: string | undefined, wanted: string) => address !== undefined && baseAddress(address) === wanted;

/** True when the address is the origin of something the model holds. */
export function modelled(model: AccessModel, address: string): boolean {
  // Access keys and console sign-in are facts of the principal they belong to (`explain` shows them as ways in).
  const credentials = model.principals.flatMap(p => p.credentials ?? []);
  // Resources read and found to grant nothing here (a permission set without policies, a version that is not the
  // default) are listed as skipped.
  const origins = [...model.principals, ...model.policies, ...model.attachments, ...model.memberships, ...credentials, ...model.skipped];
  return origins.some(o => names(o.address, address));
}

/** Everything wrong with one configuration read through one route; empty when it meets the issue's "Done when". */
export async function judge(config: CorpusConfig, route: Route, catalog = Catalog.load(), input = routeInput(config, route)): Promise<string[]> {
  const problems: string[] = [];
  let model: AccessModel;
  try {
    model = load(input, catalog, loadOptions(input));
  } catch (e) {
    return [`load: ${(e as Error).message.split('\n')[0]}`];
  }
  for (const q of config.expected.questions) {
    let principal;
    try {
      principal = model.findPrincipal(q.principal);
    } catch (e) {
      problems.push(`${q.principal}: ${(e as Error).message}`);
      continue;
    }
    const answer = model.can(principal, { action: q.action, resource: q.resource, context: q.context });
    const accepted: string[] = [q.decision];
    if (!catalogKnows(catalog, DIALECT_OF[principal.cloud], q.needsSystemPolicy)) accepted.push('unknown');
    if (!accepted.includes(answer.decision)) {
      problems.push(`${q.principal} ${q.action}${q.resource ? ` on ${q.resource}` : ''}: ${answer.decision}, intended ${q.decision} (${q.why})`);
    }
  }
  const findings = runChecks(model, [new AiPlatformPack()]).findings;
  const errors = findings.filter(f => f.severity === Severity.ERROR && !f.suppressed);
  const expectedErrors = config.expected.expectedErrorFindings ?? [];
  const isExpected = (f: typeof errors[number]) => expectedErrors.some(x => x.ruleId === f.ruleId && names(f.location.address, x.address));
  const unexpected = errors.filter(f => !isExpected(f));
  if (unexpected.length > config.expected.maxErrorFindings) {
    problems.push(...unexpected.map(f => `error finding ${f.ruleId} at ${f.location.address ?? f.location.pointer ?? '?'}: ${f.message}`));
  }
  for (const x of expectedErrors) {
    const dialect = DIALECT_OF[CLOUD_OF_TYPE.find(([prefix]) => x.address.replace(/^(module\.[^.]+\.)+/, '').startsWith(prefix))![1]];
    const reported = errors.some(f => f.ruleId === x.ruleId && names(f.location.address, x.address));
    if (!x.optional && !reported && catalogKnows(catalog, dialect, x.needsSystemPolicy)) {
      problems.push(`missing error finding ${x.ruleId} at ${x.address} (${x.why})`);
    }
  }
  for (const address of config.expected.accessGranting) {
    const reported = findings.some(f => names(f.location.address, address) || f.message.includes(address))
      || model.findings.some(f => names(f.address, address));
    if (!modelled(model, address) && !reported) problems.push(`${address}: neither modelled nor reported by a finding`);
  }
  problems.push(...await cliProblems(config, input));
  return problems;
}

/**
 * The same input through the CLI, as a user runs it: `check` in every format and `explain` for every question read
 * the input (exit 0 or 1, never 2) and print no internal placeholder for unknown values (issue 13, "readable
 * unknowns": they print as Terraform wrote them).
 */
async function cliProblems(config: CorpusConfig, input: string): Promise<string[]> {
  const vars = (loadOptions(input).varFiles ?? []).flatMap(f => ['--var-file', f]);
  const runs: Array<{ what: string; argv: string[] }> = [
    ...['text', 'json', 'sarif'].map(format => ({ what: `check --format ${format}`, argv: ['check', input, ...vars, '--format', format] })),
    // Text only: every output passes the same rendering, and each run loads the configuration again.
    ...config.expected.questions.map(q => ({
      what: `explain ${q.principal} ${q.action}`,
      argv: ['explain', input, ...vars, '--principal', q.principal, '--action', q.action, ...(q.resource ? ['--resource', q.resource] : []),
        ...Object.entries(q.context ?? {}).flatMap(([k, v]) => ['--context', `${k}=${Array.isArray(v) ? v.join(',') : v}`])],
    })),
  ];
  const problems: string[] = [];
  for (const run of runs) {
    const { code, stdout, stderr } = await aiam(...run.argv);
    if (code === 2) problems.push(`aiam ${run.what}: exit 2: ${stderr.trim().split('\n')[0]}`);
    const leaked = /\u2983[^\u2984]*\u2984/.exec(stdout + stderr);
    if (leaked) problems.push(`aiam ${run.what}: internal placeholder in the output: ${leaked[0]}`);
  }
  return problems;
}

/**
 * Diagnostics only (AIAM_CORPUS_REPORT): the JSON route's document rewritten from array form to the object form
 * cdktf writes, so the report can tell what else fails once array form is accepted. Not a route of the issue.
 */
export function objectForm(doc: Record<string, unknown>): Record<string, unknown> {
  const one = (v: unknown) => Array.isArray(v) && v.length === 1 ? v[0] : v;
  const out: Record<string, unknown> = {};
  for (const [kind, body] of Object.entries(doc)) {
    if (kind === 'resource' || kind === 'data') {
      out[kind] = Object.fromEntries(Object.entries(body as Record<string, Record<string, unknown>>)
        .map(([type, byName]) => [type, Object.fromEntries(Object.entries(byName).map(([n, b]) => [n, one(b)]))]));
    } else if (kind === 'locals' && Array.isArray(body)) {
      out[kind] = Object.assign({}, ...body);
    } else if (body && typeof body === 'object' && !Array.isArray(body)) {
      out[kind] = Object.fromEntries(Object.entries(body).map(([n, b]) => [n, one(b)]));
    } else {
      out[kind] = body;
    }
  }
  return out;
}
