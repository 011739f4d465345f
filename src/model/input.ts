/**
 * Reads Terraform JSON into resources: a cdktf.out folder (manifest.json, every stack), one cdk.tf.json, or a plan in
 * the `terraform show -json` format (planned_values + resource_changes[].change.after_unknown + configuration
 * references; prior_state as the "before" side). The kind is detected from the content.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ModelInputError } from './errors';
import { validatePlanShape } from './plan-shape';
import { readInputText } from './read-text';
import { pointerJoin } from '../policy/errors';

export type InputKind = 'cdktf-out' | 'stack' | 'plan';

/** One resource as read, before references are resolved. */
export interface RawResource {
  readonly address: string;
  readonly type: string;
  readonly name: string;
  /** Attribute values: synthesized config (may hold `${...}` references) or planned/prior values. */
  readonly values: Record<string, unknown>;
  /** Attributes known only after apply (plan after_unknown). */
  readonly unknownAttributes: ReadonlySet<string>;
  /** Plan configuration references per attribute, e.g. user_name → ["alicloud_ram_user.alice.name", ...]. */
  readonly references: ReadonlyMap<string, readonly string[]>;
  readonly constructPath?: string;
  /** `//` metadata that cdktf-aiam constructs write (synthesized input only). */
  readonly comment?: Record<string, unknown>;
  readonly file: string;
  readonly pointer: string;
  readonly stack: string;
}

/** The resources of one Terraform configuration (a stack, or one side of a plan). */
export interface RawStack {
  readonly name: string;
  readonly file: string;
  readonly resources: readonly RawResource[];
  readonly dataSources: readonly RawResource[];
  /** Terraform `locals` of a synthesized stack, for reference resolution. */
  readonly locals: Record<string, unknown>;
  readonly kind: 'synth' | 'plan';
  /** Principals (`user/NAME` ...) that constructs declared administrators by design (top-level `//` metadata). */
  readonly designatedAdmins: readonly string[];
}

/** A resource change the apply would make: from a plan's resource_changes, or "create" for synthesized stacks. */
export interface PlannedChange {
  readonly address: string;
  readonly type: string;
  readonly actions: readonly string[];
  readonly file: string;
  readonly pointer: string;
  readonly constructPath?: string;
}

/** Every change an apply of this input would make. */
export function plannedChanges(input: LoadedInput): PlannedChange[] {
  if (input.changes) return [...input.changes];
  return input.stacks.flatMap(s => s.resources.map(r => ({
    address: r.address, type: r.type, actions: ['create'], file: r.file, pointer: r.pointer, constructPath: r.constructPath,
  })));
}

export interface LoadedInput {
  readonly kind: InputKind;
  readonly path: string;
  /** What will exist after apply (synth output, or the plan's planned values). */
  readonly stacks: readonly RawStack[];
  /** A plan's prior state, when it has one: the "before" side for `aiam diff PLAN`. */
  readonly priorStacks?: readonly RawStack[];
  /** A plan's resource_changes (absent for synthesized input: everything is created). */
  readonly changes?: readonly PlannedChange[];
}

/** Reads a JSON file; `what` names the expected content in the fix. */
export function readJson(file: string, what = 'the file `cdktf synth` or `terraform show -json` wrote'): unknown {
  const text = readInputText(file, what);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ModelInputError(file, '', `not valid JSON (${(e as Error).message})`, `correct the JSON syntax of ${what}`);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function loadInput(inputPath: string): LoadedInput {
  if (!fs.existsSync(inputPath)) {
    throw new ModelInputError(inputPath, '', 'no such file or folder', 'pass a cdktf.out folder, a cdk.tf.json or a `terraform show -json` plan');
  }
  if (fs.statSync(inputPath).isDirectory()) return loadCdktfOut(inputPath);
  return loadJsonDocument(inputPath, readJson(inputPath));
}

/** Detects a single JSON document's kind: plan or synthesized stack. */
export function loadJsonDocument(file: string, doc: unknown, stackName?: string): LoadedInput {
  if (!isObject(doc)) throw new ModelInputError(file, '', 'the top level is not a JSON object', 'pass a cdk.tf.json or a `terraform show -json` plan');
  if ('planned_values' in doc || 'resource_changes' in doc || ('format_version' in doc && 'prior_state' in doc)) {
    return loadPlan(file, doc);
  }
  if ('resource' in doc || 'terraform' in doc || 'provider' in doc || 'data' in doc) {
    return { kind: 'stack', path: file, stacks: [readStack(file, doc, stackName ?? path.basename(path.dirname(path.resolve(file))))] };
  }
  if ('values' in doc && 'format_version' in doc) {
    throw new ModelInputError(file, '', 'this is a state file (`terraform show -json` without a plan)',
      'run `terraform plan -out tfplan && terraform show -json tfplan > plan.json` and pass plan.json');
  }
  throw new ModelInputError(file, '', 'neither a synthesized stack (no "resource"/"terraform") nor a plan (no "planned_values")',
    'pass cdktf.out, cdktf.out/stacks/<stack>/cdk.tf.json or the output of `terraform show -json tfplan`');
}

function loadCdktfOut(dir: string): LoadedInput {
  const manifestPath = path.join(dir, 'manifest.json');
  if (!fs.existsSync(manifestPath)) {
    throw new ModelInputError(dir, '', 'no manifest.json in this folder', 'pass the cdktf.out folder that `cdktf synth` wrote (or a single cdk.tf.json)');
  }
  const manifest = readJson(manifestPath);
  if (!isObject(manifest) || !isObject(manifest.stacks)) {
    throw new ModelInputError(manifestPath, '/stacks', 'missing or not an object', 'synthesize again with cdktf 0.21');
  }
  const stacks: RawStack[] = [];
  for (const [name, s] of Object.entries(manifest.stacks)) {
    const rel = isObject(s) ? s.synthesizedStackPath : undefined;
    if (typeof rel !== 'string') {
      throw new ModelInputError(manifestPath, pointerJoin('/stacks', name, 'synthesizedStackPath'), 'missing', 'synthesize again with cdktf 0.21');
    }
    const file = path.join(dir, rel);
    const doc = readJson(file);
    if (!isObject(doc)) throw new ModelInputError(file, '', 'the top level is not a JSON object', 'synthesize again');
    stacks.push(readStack(file, doc, name));
  }
  return { kind: 'cdktf-out', path: dir, stacks };
}

function readStack(file: string, doc: Record<string, unknown>, stack: string): RawStack {
  const read = (section: 'resource' | 'data') => {
    const out: RawResource[] = [];
    const block = doc[section];
    if (block === undefined) return out;
    if (!isObject(block)) throw new ModelInputError(file, `/${section}`, 'not an object', `"${section}" maps resource types to named blocks`);
    for (const [type, byName] of Object.entries(block)) {
      if (!isObject(byName)) throw new ModelInputError(file, pointerJoin(`/${section}`, type), 'not an object', 'each resource type maps names to blocks');
      for (const [name, values] of Object.entries(byName)) {
        const pointer = pointerJoin(`/${section}`, type, name);
        if (!isObject(values)) throw new ModelInputError(file, pointer, 'not an object', 'each resource block is a JSON object');
        const meta = isObject(values['//']) ? values['//'] as Record<string, unknown> : undefined;
        const metadata = meta && isObject(meta.metadata) ? meta.metadata : undefined;
        out.push({
          address: section === 'data' ? `data.${type}.${name}` : `${type}.${name}`,
          type,
          name,
          values,
          unknownAttributes: new Set(),
          references: new Map(),
          constructPath: typeof metadata?.path === 'string' ? metadata.path : undefined,
          comment: meta && isObject(meta.aiam) ? meta.aiam : undefined,
          file,
          pointer,
          stack,
        });
      }
    }
    return out;
  };
  const meta = isObject(doc['//']) && isObject((doc['//'] as Record<string, unknown>).aiam) ? (doc['//'] as any).aiam : {};
  const designatedAdmins = Array.isArray(meta.designatedAdmins) ? meta.designatedAdmins.filter((x: unknown): x is string => typeof x === 'string') : [];
  return {
    name: stack, file, resources: read('resource'), dataSources: read('data'), locals: isObject(doc.locals) ? doc.locals : {}, kind: 'synth', designatedAdmins,
  };
}

interface PlanModule { resources?: unknown[]; child_modules?: unknown[] }

function loadPlan(file: string, doc: Record<string, unknown>): LoadedInput {
  validatePlanShape(file, doc);
  const changes = new Map<string, Record<string, unknown>>();
  if (doc.resource_changes !== undefined && !Array.isArray(doc.resource_changes)) {
    throw new ModelInputError(file, '/resource_changes', 'not an array', 'pass the unmodified output of `terraform show -json`');
  }
  const changeList: PlannedChange[] = [];
  ((doc.resource_changes as unknown[] | undefined) ?? []).forEach((c, i) => {
    if (!isObject(c) || typeof c.address !== 'string' || !isObject(c.change)) return;
    changes.set(c.address, c.change);
    const actions = Array.isArray(c.change.actions) ? c.change.actions.filter((a): a is string => typeof a === 'string') : [];
    if (c.mode !== 'data') changeList.push({ address: c.address, type: String(c.type ?? ''), actions, file, pointer: `/resource_changes/${i}` });
  });
  const references = new Map<string, Map<string, string[]>>();
  const config = isObject(doc.configuration) ? doc.configuration : undefined;
  collectReferences(isObject(config?.root_module) ? config!.root_module as Record<string, unknown> : undefined, '', references);

  const walk = (module: unknown, pointer: string, stack: string, prior: boolean): RawResource[] => {
    if (module === undefined) return [];
    if (!isObject(module)) throw new ModelInputError(file, pointer, 'not an object', 'pass the unmodified output of `terraform show -json`');
    const m = module as PlanModule;
    const out: RawResource[] = [];
    (m.resources ?? []).forEach((r, i) => {
      const at = `${pointer}/resources/${i}`;
      if (!isObject(r) || typeof r.address !== 'string' || typeof r.type !== 'string') {
        throw new ModelInputError(file, at, 'a resource needs address and type', 'pass the unmodified output of `terraform show -json`');
      }
      const change = prior ? undefined : changes.get(r.address);
      const afterUnknown = isObject(change?.after_unknown) ? change!.after_unknown : {};
      out.push({
        address: r.address,
        type: r.type,
        name: String(r.name ?? ''),
        values: isObject(r.values) ? r.values : {},
        unknownAttributes: new Set(Object.entries(afterUnknown).filter(([, v]) => v === true).map(([k]) => k)),
        references: prior ? new Map() : references.get(configAddress(r.address)) ?? new Map(),
        file,
        pointer: `${at}/values`,
        stack,
      });
    });
    (m.child_modules ?? []).forEach((c, i) => out.push(...walk(c, `${pointer}/child_modules/${i}`, stack, prior)));
    return out;
  };
  const split = (all: RawResource[]) => ({
    resources: all.filter(r => !/(^|\.)data\./.test(r.address)),
    dataSources: all.filter(r => /(^|\.)data\./.test(r.address)),
  });
  const planned = isObject(doc.planned_values) ? doc.planned_values : undefined;
  const after = split(walk(planned?.root_module, '/planned_values/root_module', 'plan', false));
  const stacks: RawStack[] = [{ name: 'plan', file, ...after, locals: {}, kind: 'plan', designatedAdmins: [] }];
  let priorStacks: RawStack[] | undefined;
  const prior = isObject(doc.prior_state) && isObject(doc.prior_state.values) ? doc.prior_state.values : undefined;
  if (prior) {
    const before = split(walk(prior.root_module, '/prior_state/values/root_module', 'prior_state', true));
    priorStacks = [{ name: 'prior_state', file, ...before, locals: {}, kind: 'plan', designatedAdmins: [] }];
  }
  return { kind: 'plan', path: file, stacks, priorStacks, changes: changeList };
}

/** Addresses in configuration drop instance keys (`a.b[0]` → `a.b`). */
function configAddress(address: string): string {
  return address.replace(/\[[^\]]*\]/g, '');
}

function collectReferences(module: Record<string, unknown> | undefined, prefix: string, out: Map<string, Map<string, string[]>>): void {
  if (!module) return;
  for (const r of (Array.isArray(module.resources) ? module.resources : [])) {
    if (!isObject(r) || typeof r.address !== 'string' || !isObject(r.expressions)) continue;
    const refs = new Map<string, string[]>();
    for (const [attr, expr] of Object.entries(r.expressions)) {
      if (isObject(expr) && Array.isArray(expr.references)) refs.set(attr, expr.references.filter((x): x is string => typeof x === 'string'));
    }
    out.set(prefix + r.address, refs);
  }
  const calls = isObject(module.module_calls) ? module.module_calls : {};
  for (const [name, call] of Object.entries(calls)) {
    if (isObject(call) && isObject(call.module)) collectReferences(call.module, `${prefix}module.${name}.`, out);
  }
}
