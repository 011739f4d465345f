/**
 * Platform-settings entries are validated against schemas/platform-settings.v1.schema.json before use (issue 16 §5):
 * by ajv's standalone code, generated at build time, so the runtime needs no ajv.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv2020 from 'ajv/dist/2020';
import { App } from 'cdktf';
import * as fc from 'fast-check';
import { build as buildModelArtsTeam } from '../../examples/modelarts-team/main';
import { buildOrg } from '../../examples/org/main';
import { settingsValidator, VALIDATOR_FILE } from '../../scripts/generate-settings-validator';
import { loadAccessModel, PLATFORM_SETTINGS_NOTE, PLATFORM_SETTINGS_SCHEMA_V1, settingsProblem } from '../../src/model';
import { ModelInputError } from '../../src/model/errors';
import { aiam } from '../cli/run';

const ROOT = path.join(__dirname, '..', '..');
const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'platform-settings.v1.schema.json'), 'utf8'));
const ajv = new Ajv2020({ strict: false }).compile(schema);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aiam-settings-schema-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The entries the example organisation and ModelArts team write, one per kind: valid by construction. */
const examples: Record<string, Record<string, unknown>> = (() => {
  const out = path.join(tmp, 'org');
  const app = new App({ outdir: out });
  buildOrg(app);
  buildModelArtsTeam(app);
  app.synth();
  const byKind: Record<string, Record<string, unknown>> = {};
  for (const stack of fs.readdirSync(path.join(out, 'stacks'))) {
    const doc = JSON.parse(fs.readFileSync(path.join(out, 'stacks', stack, 'cdk.tf.json'), 'utf8'));
    for (const r of Object.values<{ input?: Record<string, unknown> }>(doc.resource?.terraform_data ?? {})) {
      // The fullest entry of each kind: the most fields to mutate.
      const kind = r.input?.kind as string;
      if (r.input?.schema === PLATFORM_SETTINGS_SCHEMA_V1 && JSON.stringify(r.input).length > JSON.stringify(byKind[kind] ?? '').length) byKind[kind] = r.input;
    }
  }
  return byKind;
})();

const workspace = () => structuredClone(examples['bailian-workspace']) as any;

let n = 0;
function stackWith(input: unknown): string {
  const file = path.join(tmp, `s${n++}.tf.json`);
  fs.writeFileSync(file, JSON.stringify({ variable: { cap: {} }, resource: { terraform_data: { ws0: { input } } } }));
  return file;
}

function inputError(file: string): ModelInputError {
  try {
    loadAccessModel(file);
  } catch (e) {
    if (e instanceof ModelInputError) return e;
    throw e;
  }
  throw new Error(`${file} loaded without an error`);
}

describe('platform-settings schema validation', () => {
  test('the generated validator is up to date with the schema (npx projen generate-settings-validator)', () => {
    expect(fs.readFileSync(VALIDATOR_FILE, 'utf8')).toBe(settingsValidator());
  });

  test('the examples write every kind, and each is valid', () => {
    expect(Object.keys(examples).sort()).toEqual(['bailian-api-key', 'bailian-quota-split', 'bailian-workspace', 'modelarts-access', 'vemlp-queue']);
    for (const entry of Object.values(examples)) expect(settingsProblem(entry)).toBeUndefined();
  });

  test('a wrong type in a synthesized stack: exit 2 with the file, the JSON pointer of the field and the fix', async () => {
    const ws = workspace();
    ws.settings.members = [0, 1, 2, 3].map(i => ({ ...ws.settings.members[0], principal: { kind: 'user', name: `u${i}` } }));
    ws.settings.members[3].admin = 'yes';
    const file = stackWith(ws);
    const e = inputError(file);
    expect(e.file).toBe(file);
    expect(e.pointer).toBe('/resource/terraform_data/ws0/input/settings/members/3/admin');
    expect(e.message).toMatch(/terraform_data\.ws0 does not follow schemas\/platform-settings\.v1\.schema\.json: this value must be boolean\. Fix: correct the entry/);
    const run = await aiam('check', file);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('/resource/terraform_data/ws0/input/settings/members/3/admin: ');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  test('in a plan, the pointer is into the plan file', () => {
    const ws = workspace();
    ws.settings.quota = { qpm: -5 };
    const plan = path.join(tmp, 'plan.json');
    const resource = { address: 'terraform_data.ws0', mode: 'managed', type: 'terraform_data', name: 'ws0', values: { input: ws }, sensitive_values: {} };
    fs.writeFileSync(plan, JSON.stringify({ format_version: '1.2', planned_values: { root_module: { resources: [resource] } } }));
    const e = inputError(plan);
    expect(e.pointer).toBe('/planned_values/root_module/resources/0/values/input/settings/quota/qpm');
    expect(e.message).toMatch(/must be >= 0/);
  });

  test('an extra field (a token pasted in by hand) is refused at its pointer, its value never printed', async () => {
    const ws = workspace();
    ws.settings.members[0].token = 'sk-PASTED-0a9f';
    const file = stackWith(ws);
    expect(inputError(file).pointer).toBe('/resource/terraform_data/ws0/input/settings/members/0/token');
    const top = workspace();
    top.token = 'sk-PASTED-0a9f';
    expect(inputError(stackWith(top)).pointer).toBe('/resource/terraform_data/ws0/input/token');
    const run = await aiam('check', file);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is not a field of this entry/);
    expect(run.stdout + run.stderr).not.toContain('sk-PASTED');
  });

  test('a missing field, an enum and both cap forms at once are named', () => {
    const ws = workspace();
    delete ws.settings.region;
    expect(inputError(stackWith(ws)).message).toMatch(/\/input\/settings: .*misses the required field "region"/);
    const pages = workspace();
    pages.settings.members[0].pages = ['model-experience', 'everything'];
    expect(inputError(stackWith(pages)).message).toMatch(/\/members\/0\/pages\/1: .*must be one of "model-experience", /);
    const queue = structuredClone(examples['vemlp-queue']) as any;
    queue.settings.userCaps = [{ user: 'bob', percent: 10, absolute: 2 }];
    expect(inputError(stackWith(queue)).message).toMatch(/\/settings\/userCaps\/0: .*exactly one of the forms/);
  });

  test('a value known only after apply is not judged: not an input error, whatever type belongs there', () => {
    const queue = structuredClone(examples['vemlp-queue']) as any;
    queue.settings.accountId = '${var.cap}';
    queue.settings.queueId = '${var.cap}';
    expect(loadAccessModel(stackWith(queue)).settings).toHaveLength(1);
    // A number readers would compute with: the entry is left out, and said so.
    queue.settings.capacity = '${var.cap}';
    const model = loadAccessModel(stackWith(queue));
    expect(model.settings).toHaveLength(0);
    expect(model.findings.find(f => f.code === 'unmodelled-resource')?.message).toMatch(/parts not known here .*\(input\/settings\/capacity\)/);
  });

  test('any part known only after apply: never a crash; an entry readers cannot use is left out with a finding', async () => {
    const paths = (v: unknown, at: string[] = []): string[][] => (typeof v === 'object' && v !== null
      ? [at, ...Object.entries(v).flatMap(([k, x]) => paths(x, [...at, k]))] : [at]);
    let left = 0;
    let kept = 0;
    for (const base of Object.values(examples)) {
      for (const at of paths((base as any).settings).filter(p => p.length)) {
        const entry = structuredClone(base) as any;
        at.slice(0, -1).reduce((o, k) => o[k], entry.settings)[at[at.length - 1]] = '${var.cap}';
        const file = stackWith(entry);
        const model = loadAccessModel(file);
        if (model.settings.length) {
          kept++;
        } else {
          left++;
          expect(model.findings.map(f => f.message).join('\n')).toMatch(new RegExp(`parts not known here \\(known only after apply, or sensitive\\) .*input/settings/${at.join('/')}`));
        }
        for (const argv of [['check', file], ['report', file, '--out', path.join(tmp, 'r.html')], ['settings', 'runbook', file], ['graph', file]]) {
          const run = await aiam(...argv);
          if (![0, 1].includes(run.code)) throw new Error(`${argv.join(' ')} with ${at.join('/')} unknown: exit ${run.code} ${run.stderr.slice(0, 300)}`);
        }
      }
    }
    expect(left).toBeGreaterThan(10);
    expect(kept).toBeGreaterThan(10);
  });

  test('an entry of a kind this version does not know keeps free settings (the schema leaves them open)', () => {
    const entry = { schema: PLATFORM_SETTINGS_SCHEMA_V1, kind: 'future-kind', cloud: 'alibaba', constructPath: 'x', note: PLATFORM_SETTINGS_NOTE, settings: { anything: [1] } };
    expect(loadAccessModel(stackWith(entry)).settings).toHaveLength(1);
  });

  test('differential: the generated validator agrees with ajv compiling the schema, on mutated entries', () => {
    const kinds = Object.keys(examples);
    const paths = (v: unknown, at: string[] = []): string[][] => (typeof v === 'object' && v !== null
      ? [at, ...Object.entries(v).flatMap(([k, x]) => paths(x, [...at, k]))] : [at]);
    fc.assert(fc.property(fc.constantFrom(...kinds), fc.nat(), fc.jsonValue({ maxDepth: 2 }), fc.boolean(), (kind, pick, value, remove) => {
      const entry = structuredClone(examples[kind]) as any;
      const all = paths(entry).filter(p => p.length);
      const at = all[pick % all.length];
      const parent = at.slice(0, -1).reduce((o, k) => o[k], entry);
      if (remove && !Array.isArray(parent)) delete parent[at[at.length - 1]];
      else parent[at[at.length - 1]] = value;
      // Unknown markers are judged differently on purpose; plain JSON values from fast-check never hold one.
      expect(settingsProblem(entry) === undefined).toBe(ajv(entry) === true);
    }), { numRuns: 1500 });
  });
});

describe('terraform_data that is not a v1 entry', () => {
  test('an entry of another schema version is reported, never read as v1; any other terraform_data is listed as skipped', () => {
    const file = path.join(tmp, 'versions.tf.json');
    fs.writeFileSync(file, JSON.stringify({
      variable: { later: {} },
      resource: {
        terraform_data: {
          v2: { input: { schema: 'cdktf-aiam/platform-settings/v2', kind: 'bailian-workspace', cloud: 'alibaba', constructPath: 'x', settings: {} } },
          later: { input: '${var.later}' },
          other: { input: { anything: 1 } },
        },
      },
    }));
    const model = loadAccessModel(file);
    const v2 = model.findings.filter(f => f.address === 'terraform_data.v2');
    expect(v2.map(f => f.code)).toEqual(['unmodelled-resource']);
    expect(v2[0].message).toMatch(/schema "cdktf-aiam\/platform-settings\/v2", which this version of cdktf-aiam does not read/);
    expect(v2[0].pointer).toBe('/resource/terraform_data/v2/input/schema');
    expect(model.skipped.map(s => s.address).sort()).toEqual(['terraform_data.later', 'terraform_data.other']);
    expect(model.settings).toEqual([]);
  });
});

test('a plan\'s prior-state entries are validated as the planned ones are: check exits 2 at the pointer, never 3', async () => {
  const entry = (settings: object) => ({
    address: 'terraform_data.k',
    mode: 'managed',
    type: 'terraform_data',
    name: 'k',
    values: { input: { schema: PLATFORM_SETTINGS_SCHEMA_V1, kind: 'bailian-api-key', cloud: 'alibaba', constructPath: 'a/k', settings } },
  });
  const file = path.join(tmp, 'prior-plan.json');
  fs.writeFileSync(file, JSON.stringify({
    format_version: '1.2',
    terraform_version: '1.9.0',
    planned_values: { root_module: { resources: [entry({ name: 'k1', workspace: 'prod', region: 'cn-beijing', owner: { kind: 'ram-user', name: 'alice' }, lifecycle: { state: 'valid' } })] } },
    prior_state: { values: { root_module: { resources: [entry({ name: 'k1', workspace: 'test' })] } } },
  }));
  for (const command of ['check', 'diff']) {
    const run = await aiam(command, file);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\/prior_state\/values\/root_module\/resources\/0\/values\/input\/settings: .*misses the required fields "region", "owner", "lifecycle"/);
  }
});
