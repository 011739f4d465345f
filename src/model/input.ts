/**
 * Reads Terraform JSON into resources: a cdktf.out folder (manifest.json, every stack), one cdk.tf.json, or a plan in
 * the `terraform show -json` format (planned_values + resource_changes[].change.after_unknown + configuration
 * references; prior_state as the "before" side). The kind is detected from the content.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ModelInputError } from './errors';
import { EMPTY_SCOPE, evaluateExpression, evaluateTemplate, isObjectValue, MAX_NESTING, toPlain, Unknown, Value } from './expressions';
import { readTerraformFiles, readTerraformTree, terraformFilesIn, TerraformFile } from './hcl';
import { expandInstances } from './instances';
import { isRebuildable } from './links';
import { isObject, joined, own } from './own';
import { validatePlanShape } from './plan-shape';
import { readInputText } from './read-text';
import { instanceSuffix, StackResolver } from './resolve';
import type { ModelFinding } from './types';
import { pointerJoin, pointerToken } from '../policy/errors';
import { isUnknownValue, unknownValue } from '../policy/unknown';

export type InputKind = 'cdktf-out' | 'stack' | 'plan' | 'terraform-dir';

/** Values for input variables, as `terraform plan` takes them. */
export interface LoadOptions {
  /** `--var name=value` (a value starting with `[`, `{` or `"` is read as an HCL expression, else as a string). */
  readonly vars?: Readonly<Record<string, string>>;
  /** `--var-file` files (`.tfvars` HCL or `.tfvars.json`), later ones win. */
  readonly varFiles?: readonly string[];
}

/** A count/for_each instance: `count.index` or `each.key`/`each.value`; `unknown` says why the set is not known. */
export interface InstanceKey {
  readonly key?: number | string;
  readonly value?: unknown;
  readonly unknown?: string;
}

/** One module of a configuration: its scope for `var.`, `local.` and `module.<m>.<output>` references. */
export interface ModuleConfig {
  /** '' for the root module, `module.a`, `module.a.module.b` for calls. */
  readonly path: string;
  readonly dir?: string;
  readonly file: string;
  readonly locals: Record<string, unknown>;
  /** Declared variables with their (raw) defaults. */
  readonly variables: Record<string, { readonly default?: unknown; readonly hasDefault: boolean }>;
  /** The arguments of the call (raw, evaluated in the parent module); the root's are the given variable values. */
  readonly inputs: Record<string, unknown>;
  /** Given root variable values are plain values, not expressions. */
  readonly inputsArePlain?: boolean;
  readonly outputs: Record<string, unknown>;
  /** Module calls whose source was not loaded (registry, git): name → source. */
  readonly unloaded: Record<string, string>;
  /** The count/for_each instance of this module call (`count.index`, `each.*` in its arguments). */
  readonly instance?: InstanceKey;
}

/** One resource as read, before references are resolved. */
export interface RawResource {
  readonly address: string;
  readonly type: string;
  readonly name: string;
  /** Attribute values: synthesized config (may hold `${...}` references) or planned/prior values. */
  readonly values: Record<string, unknown>;
  /** Attributes known only after apply (plan after_unknown). */
  readonly unknownAttributes: ReadonlySet<string>;
  /** Plans: attributes marked sensitive, whose values were replaced by unknown markers when read (see redactSensitive). */
  readonly sensitiveAttributes?: ReadonlySet<string>;
  /** Plan configuration references per attribute, e.g. user_name → ["alicloud_ram_user.alice.name", ...]. */
  readonly references: ReadonlyMap<string, readonly string[]>;
  readonly constructPath?: string;
  /** `//` metadata that cdktf-aiam constructs write (synthesized input only). */
  readonly comment?: Record<string, unknown>;
  readonly file: string;
  readonly pointer: string;
  readonly stack: string;
  /** Module path ('' or absent for the root module; `module.a` ...). */
  readonly module?: string;
  /** The count/for_each instance this resource is (configurations). */
  readonly instance?: InstanceKey;
  /** Set when `pointer` is `/resource/<type>/<name>` for the address `<type>.<name>`: readers may rebuild it (links). */
  readonly derivedPointer?: boolean;
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
  /** Every module of a configuration by path ('' = root); absent for plans and older callers. */
  readonly modules?: ReadonlyMap<string, ModuleConfig>;
  /** Findings about the input itself (a module that was not loaded). */
  readonly findings?: readonly ModelFinding[];
  /** Plans: references of module call arguments and outputs, to follow `var.x` / `module.m.out` as Terraform did. */
  readonly planReferences?: PlanReferences;
}

/** A plan's configuration references beyond resources: per module path, call arguments and outputs. */
export interface PlanReferences {
  /** `module.a` → variable name → references in the calling module. */
  readonly moduleInputs: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;
  /** `module.a` → output name → references inside module.a. */
  readonly moduleOutputs: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;
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

export function loadInput(inputPath: string, options: LoadOptions = {}): LoadedInput {
  if (!fs.existsSync(inputPath)) {
    throw new ModelInputError(inputPath, '', 'no such file or folder', 'pass a cdktf.out folder, a folder of .tf files, a cdk.tf.json or a `terraform show -json` plan');
  }
  if (fs.statSync(inputPath).isDirectory()) {
    if (fs.existsSync(path.join(inputPath, 'manifest.json'))) return loadCdktfOut(inputPath, options);
    if (!terraformFilesIn(inputPath).length) {
      throw new ModelInputError(inputPath, '', 'no manifest.json and no .tf or .tf.json files in this folder',
        'pass the cdktf.out folder that `cdktf synth` wrote, a folder of Terraform files, or a single cdk.tf.json');
    }
    const tree = readTerraformTree(inputPath);
    const root = tree.get(path.resolve(inputPath)) ?? [];
    const stack = readConfiguration(root, path.basename(path.resolve(inputPath)), inputPath, options, true, tree);
    return { kind: 'terraform-dir', path: inputPath, stacks: [stack] };
  }
  if (/\.tf$/.test(inputPath)) {
    const stackName = path.basename(path.dirname(path.resolve(inputPath)));
    const stack = readConfiguration(readTerraformFiles([inputPath]), stackName, path.dirname(inputPath), options, false);
    return { kind: 'terraform-dir', path: inputPath, stacks: [stack] };
  }
  return loadJsonDocument(inputPath, readJson(inputPath), undefined, options);
}

/** Top-level keys of a Terraform configuration in JSON. */
const CONFIG_KEYS = ['resource', 'terraform', 'provider', 'data', 'module', 'variable', 'locals', 'output'];

/** Detects a single JSON document's kind: plan or synthesized stack. */
export function loadJsonDocument(file: string, doc: unknown, stackName?: string, options: LoadOptions = {}): LoadedInput {
  if (!isObject(doc)) throw new ModelInputError(file, '', 'the top level is not a JSON object', 'pass a cdk.tf.json or a `terraform show -json` plan');
  if ('planned_values' in doc || 'resource_changes' in doc || ('format_version' in doc && 'prior_state' in doc)) {
    return loadPlan(file, doc);
  }
  if (CONFIG_KEYS.some(k => k in doc)) {
    const stack = stackName ?? path.basename(path.dirname(path.resolve(file)));
    // Local module sources are relative to the file; a document held in memory (synth-time checks) has no folder.
    const dir = fs.existsSync(file) ? path.dirname(file) : undefined;
    return { kind: 'stack', path: file, stacks: [readConfiguration([{ file, doc }], stack, dir, options, false)] };
  }
  if ('values' in doc && 'format_version' in doc) {
    throw new ModelInputError(file, '', 'this is a state file (`terraform show -json` without a plan)',
      'run `terraform plan -out tfplan && terraform show -json tfplan > plan.json` and pass plan.json');
  }
  throw new ModelInputError(file, '', 'neither a Terraform configuration (no "resource", "module" or "terraform") nor a plan (no "planned_values")',
    'pass cdktf.out, cdktf.out/stacks/<stack>/cdk.tf.json, a folder of .tf files or the output of `terraform show -json tfplan`');
}

function loadCdktfOut(dir: string, options: LoadOptions): LoadedInput {
  const manifestPath = path.join(dir, 'manifest.json');
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
    const file = containedStackPath(dir, manifestPath, name, rel);
    const doc = readJson(file);
    if (!isObject(doc)) throw new ModelInputError(file, '', 'the top level is not a JSON object', 'synthesize again');
    stacks.push(readConfiguration([{ file, doc }], name, path.dirname(file), options, false));
  }
  return { kind: 'cdktf-out', path: dir, stacks };
}

/**
 * A manifest's stack path, inside its cdktf.out folder: `../x`, an absolute path or a symlink that leads out would make
 * a hand-edited manifest read any file on the machine as a stack.
 */
function containedStackPath(dir: string, manifestPath: string, name: string, rel: string): string {
  const outside = (problem: string) => new ModelInputError(manifestPath, pointerJoin('/stacks', name, 'synthesizedStackPath'), problem,
    'give a path relative to the cdktf.out folder, such as stacks/<stack>/cdk.tf.json, or synthesize again with cdktf 0.21');
  if (path.isAbsolute(rel) || /^[A-Za-z]:/.test(rel)) throw outside(`${JSON.stringify(rel)} is an absolute path`);
  const inside = (root: string, p: string) => {
    const r = path.relative(root, p);
    return r !== '' && !r.startsWith('..') && !path.isAbsolute(r);
  };
  const file = path.join(dir, rel);
  if (!inside(path.resolve(dir), path.resolve(file))) throw outside(`${JSON.stringify(rel)} leads outside the cdktf.out folder`);
  // Symlinks: compare real paths (the folder itself may be reached through a symlink; that is fine).
  if (fs.existsSync(file) && !inside(fs.realpathSync(dir), fs.realpathSync(file))) {
    throw outside(`${JSON.stringify(rel)} is a symlink to a file outside the cdktf.out folder`);
  }
  return file;
}

/**
 * One block of array-form Terraform JSON (what HCL-to-JSON converters write: `"t": {"n": [{...}]}` or
 * `"t": [{"n": {...}}]`) as the object form. Several blocks of one name are an error Terraform reports too.
 */
function blocksOf(file: string, pointer: string, v: unknown, what: string): Record<string, unknown> {
  // The object form as it is (callers only enumerate its own keys): no copy of 100k-entry maps.
  if (isObject(v)) return v;
  const parts = Array.isArray(v) ? v : [v];
  const out: Record<string, unknown> = Object.create(null);
  parts.forEach((p, i) => {
    if (!isObject(p)) throw new ModelInputError(file, Array.isArray(v) ? `${pointer}/${i}` : pointer, 'not an object', what);
    for (const [k, x] of Object.entries(p)) {
      if (k in out && k !== '//') throw new ModelInputError(file, pointerJoin(pointer, k), 'defined twice', 'give each block a unique name');
      out[k] = x;
    }
  });
  return out;
}

/** A block body: `{...}` or a one-element array `[{...}]` (array form). */
function bodyOf(file: string, pointer: string, v: unknown, what: string): Record<string, unknown> {
  if (isObject(v)) return v;
  const list = Array.isArray(v) ? v : [v];
  if (list.length !== 1 || !isObject(list[0])) {
    // Several bodies under one name: Terraform refuses them too, and the fix is a name, not a shape.
    throw list.length > 1 ? new ModelInputError(file, pointer, 'defined more than once', 'give each block a unique name, or keep one of them')
      : new ModelInputError(file, pointer, 'not an object', what);
  }
  return list[0];
}

function rootVariableValues(dir: string | undefined, options: LoadOptions, autoFiles: boolean): Record<string, unknown> {
  const files: string[] = [];
  if (dir && autoFiles) {
    // Terraform's own order: terraform.tfvars(.json), then *.auto.tfvars(.json) by name, then -var-file, then -var.
    for (const f of ['terraform.tfvars', 'terraform.tfvars.json']) if (fs.existsSync(path.join(dir, f))) files.push(path.join(dir, f));
    files.push(...fs.readdirSync(dir).filter(f => /\.auto\.tfvars(\.json)?$/.test(f)).sort().map(f => path.join(dir, f)));
  }
  for (const f of options.varFiles ?? []) {
    if (!fs.existsSync(f)) throw new ModelInputError(f, '', 'no such file', 'pass an existing .tfvars or .tfvars.json file to --var-file');
    files.push(f);
  }
  const out: Record<string, unknown> = Object.create(null);
  for (const { file, doc } of readTerraformFiles(files)) {
    for (const [k, v] of Object.entries(doc)) {
      const value = toPlain(evaluateTemplateValue(v));
      if (typeof value === 'string' && isUnknownValue(value)) {
        throw new ModelInputError(file, `/${k}`, 'a variable value must be a literal', 'write the value itself, not an expression');
      }
      out[k] = value;
    }
  }
  for (const [k, text] of Object.entries(options.vars ?? {})) {
    if (/^\s*[\[{"]/.test(text)) {
      const v = evaluateExpression(text, EMPTY_SCOPE);
      if (v instanceof Unknown) throw new ModelInputError(`--var ${k}`, '', `cannot be read: ${v.reason}`, 'write a literal HCL value, e.g. --var \'names=["a","b"]\'');
      out[k] = toPlain(v);
    } else {
      out[k] = text;
    }
  }
  return out;
}

/** A literal value from a .tfvars file (HCL literals come through hcl2json as JSON; `${...}` would be an expression). */
function evaluateTemplateValue(v: unknown): Value {
  if (typeof v === 'string') return evaluateTemplate(v, EMPTY_SCOPE);
  if (Array.isArray(v)) return v.map(evaluateTemplateValue);
  if (isObject(v)) {
    const out: Record<string, Value> = Object.create(null);
    for (const [k, x] of Object.entries(v)) out[k] = evaluateTemplateValue(x);
    return out;
  }
  return v as Value;
}

const MAX_MODULE_DEPTH = 16;

/**
 * A configuration (one or more documents of the root module) with its local modules, loaded recursively: module
 * resources get module-qualified addresses (`module.iam.alicloud_ram_user.u`); known count/for_each expand.
 */
function readConfiguration(docs: readonly TerraformFile[], stack: string, dir: string | undefined, options: LoadOptions, autoVarFiles = true,
  tree?: ReadonlyMap<string, readonly TerraformFile[]>): RawStack {
  const resources: RawResource[] = [];
  const dataSources: RawResource[] = [];
  const modules = new Map<string, ModuleConfig>();
  const findings: ModelFinding[] = [];
  let designatedAdmins: string[] = [];

  const readModule = (moduleDocs: readonly TerraformFile[], modulePath: string, moduleDir: string | undefined, inputs: Record<string, unknown>,
    inputsArePlain: boolean, seen: readonly string[], instance?: InstanceKey) => {
    const config: ModuleConfig = {
      path: modulePath,
      dir: moduleDir,
      file: moduleDocs[0]?.file ?? moduleDir ?? stack,
      // Keyed by names from the input: no prototype, so `__proto__` or `constructor` is an ordinary name.
      locals: Object.create(null),
      variables: Object.create(null),
      inputs,
      inputsArePlain,
      outputs: Object.create(null),
      unloaded: Object.create(null),
      ...(instance ? { instance } : {}),
    };
    const calls: Array<{ file: string; pointer: string; name: string; call: Record<string, unknown> }> = [];
    modules.set(modulePath, config);
    const prefix = modulePath ? `${modulePath}.` : '';
    for (const { file, doc } of moduleDocs) {
      if (!modulePath) {
        const meta = isObject(doc['//']) && isObject((doc['//'] as Record<string, unknown>).aiam) ? (doc['//'] as any).aiam : {};
        if (Array.isArray(meta.designatedAdmins)) designatedAdmins = [...designatedAdmins, ...meta.designatedAdmins.filter((x: unknown): x is string => typeof x === 'string')];
      }
      // Appended one by one: spreading 100k+ resources into push() exceeds the call stack.
      const blocks = readBlocks(file, doc, 'resource', stack, modulePath);
      for (let i = 0; i < blocks.length; i++) resources.push(blocks[i]);
      const data = readBlocks(file, doc, 'data', stack, modulePath);
      for (let i = 0; i < data.length; i++) dataSources.push(data[i]);
      for (const [i, l] of (Array.isArray(doc.locals) ? doc.locals : doc.locals === undefined ? [] : [doc.locals]).entries()) {
        if (!isObject(l)) throw new ModelInputError(file, Array.isArray(doc.locals) ? `/locals/${i}` : '/locals', 'not an object', '"locals" maps names to values');
        Object.assign(config.locals, l);
      }
      if (doc.variable !== undefined) {
        for (const [name, v] of Object.entries(blocksOf(file, '/variable', doc.variable, '"variable" maps names to blocks'))) {
          const body = v === null || (isObject(v) && !Object.keys(v).length) ? {} : bodyOf(file, pointerJoin('/variable', name), v, 'a variable block is an object');
          config.variables[name] = { default: body.default, hasDefault: 'default' in body && body.default !== null };
        }
      }
      if (doc.output !== undefined) {
        for (const [name, v] of Object.entries(blocksOf(file, '/output', doc.output, '"output" maps names to blocks'))) {
          config.outputs[name] = bodyOf(file, pointerJoin('/output', name), v, 'an output block is an object').value;
        }
      }
      if (doc.module === undefined) continue;
      for (const [name, v] of Object.entries(blocksOf(file, '/module', doc.module, '"module" maps names to blocks'))) {
        const pointer = pointerJoin('/module', name);
        calls.push({ file, pointer, name, call: bodyOf(file, pointer, v, 'a module block is an object') });
      }
    }
    // Calls after every file of the module: their count/for_each and arguments may use any local or variable.
    for (const { file, pointer, name, call } of calls) {
      const source = typeof call.source === 'string' ? call.source : '';
      const childPath = `${prefix}module.${name}`;
      const childDir = moduleDir && /^\.\.?[\\/]/.test(source) ? path.resolve(moduleDir, source) : undefined;
      const loadable = childDir && fs.existsSync(childDir) && fs.statSync(childDir).isDirectory()
        && !seen.includes(childDir) && seen.length < MAX_MODULE_DEPTH;
      const keys = loadable ? moduleInstances(call, childPath, modulePath) : [];
      if (!loadable || !Array.isArray(keys)) {
        config.unloaded[name] = source;
        findings.push({
          code: 'unmodelled-module',
          address: childPath,
          stack,
          file,
          pointer,
          message: `module ${childPath} (source ${JSON.stringify(source)}) is not read: ${
            !childDir ? 'only local-path modules are loaded from a configuration' : !Array.isArray(keys) ? keys.unknown
              : !fs.existsSync(childDir) ? `the folder ${childDir} does not exist` : 'it calls itself or nests too deeply'
          }; the access it grants is not in this model`,
          fix: 'check the plan instead: `terraform plan -out tfplan && terraform show -json tfplan > plan.json`, then pass plan.json',
        });
        continue;
      }
      const args: Record<string, unknown> = Object.create(null);
      for (const [k, x] of Object.entries(call)) if (!MODULE_META.has(k)) args[k] = x;
      const childDocs = tree?.get(childDir!) ?? readTerraformFiles(terraformFilesIn(childDir!));
      for (const key of keys) {
        const at = key ? `${childPath}${instanceSuffix(key.key!)}` : childPath;
        readModule(childDocs, at, childDir, args, false, [...seen, childDir!], key);
      }
    }
  };
  /** A module call's instances: [undefined] without count/for_each; `unknown` when they cannot be known. */
  const moduleInstances = (call: Record<string, unknown>, childPath: string, modulePath: string)
  : Array<InstanceKey | undefined> | { unknown: string } => {
    if (call.count === undefined && call.for_each === undefined) return [undefined];
    const res = new StackResolver({ name: stack, file: stack, resources: [...resources], dataSources: [...dataSources], locals: modules.get('')?.locals ?? {}, kind: 'synth', designatedAdmins: [], modules });
    const caller: RawResource = { address: childPath, type: 'module', name: childPath, values: {}, unknownAttributes: new Set(), references: new Map(), file: stack, pointer: '', stack, module: modulePath };
    const isCount = call.count !== undefined;
    const v = res.evaluate(isCount ? call.count : call.for_each, caller);
    if (v instanceof Unknown) return { unknown: `its ${isCount ? 'count' : 'for_each'} is unknown (${v.reason})` };
    if (isCount) return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 1000 ? Array.from({ length: v }, (_, key) => ({ key })) : { unknown: 'its count is not a usable number' };
    if (isObjectValue(v)) return Object.keys(v).sort().map(key => ({ key, value: toPlain(v[key]) }));
    if (Array.isArray(v) && v.every(x => typeof x === 'string')) return [...new Set(v as string[])].sort().map(key => ({ key, value: key }));
    return { unknown: 'its for_each is neither a map nor a set of strings' };
  };
  const rootInputs = rootVariableValues(dir, options, autoVarFiles && !!dir);
  readModule(docs, '', dir, rootInputs, true, dir ? [path.resolve(dir)] : []);
  const root = modules.get('')!;
  const unexpanded: RawStack = {
    name: stack, file: docs[0]?.file ?? stack, resources, dataSources, locals: root.locals, kind: 'synth', designatedAdmins, modules, findings,
  };
  return expandInstances(unexpanded);
}

// Shared by every resource that has none: one empty Set and Map per resource would hold megabytes at 100k resources.
const NO_ATTRIBUTES: ReadonlySet<string> = new Set();
const NO_REFERENCES: ReadonlyMap<string, readonly string[]> = new Map();

function setOrNone(items: readonly string[]): ReadonlySet<string> {
  return items.length ? new Set(items) : NO_ATTRIBUTES;
}

const MODULE_META = new Set(['source', 'version', 'providers', 'count', 'for_each', 'depends_on', '//']);

function readBlocks(file: string, doc: Record<string, unknown>, section: 'resource' | 'data', stack: string, modulePath: string): RawResource[] {
  const out: RawResource[] = [];
  const block = doc[section];
  if (block === undefined) return out;
  if (!isObject(block) && !Array.isArray(block)) throw new ModelInputError(file, `/${section}`, 'not an object', `"${section}" maps resource types to named blocks`);
  const prefix = modulePath ? `${modulePath}.` : '';
  const place: BlockPlace = { file, stack, module: modulePath || undefined, section };
  for (const [type, byNameRaw] of Object.entries(blocksOf(file, `/${section}`, block, `"${section}" maps resource types to named blocks`))) {
    const byName = blocksOf(file, pointerJoin(`/${section}`, type), byNameRaw, 'each resource type maps names to blocks');
    const typePrefix = joined(prefix, section === 'data' ? 'data.' : '', type, '.');
    // A root resource of a plain type and name has the pointer links rebuild from its address.
    const plainType = section === 'resource' && !modulePath && isRebuildable(type);
    for (const name of Object.keys(byName)) {
      const raw = byName[name];
      const values = isObject(raw) ? raw : bodyOf(file, blockPointer(section, type, name, false), raw, 'each resource block is a JSON object');
      const meta = isObject(values['//']) ? values['//'] as Record<string, unknown> : undefined;
      const form = Array.isArray(raw) ? BlockForm.ARRAY : plainType && isRebuildable(name) ? BlockForm.DERIVED : BlockForm.OTHER;
      out.push(new ConfigBlock(form === BlockForm.DERIVED ? undefined : joined(typePrefix, name), type, name, values, meta, place, form));
    }
  }
  return out;
}

function blockPointer(section: 'resource' | 'data', type: string, name: string, arrayForm: boolean): string {
  // One flat string: kept by the entities and findings of the resource, where a rope would be twice the size.
  const pointer = joined('/', section, '/', pointerToken(type), '/', pointerToken(name));
  return arrayForm ? pointerJoin(pointer, 0) : pointer;
}

/** Where the blocks of one readBlocks call are: one object for all of them. */
interface BlockPlace {
  readonly file: string;
  readonly stack: string;
  readonly module: string | undefined;
  readonly section: 'resource' | 'data';
}

/** How a block is written: `{...}` under a root `<type>.<name>` (pointer and address derived), `[{...}]`, or other. */
enum BlockForm { DERIVED, ARRAY, OTHER }

/**
 * A block of a configuration as read. Its address, pointer, construct path and comment are read from what it keeps
 * (7 fields): a block lives until the model is built, and at 100k users there are nearly half a million of them.
 */
class ConfigBlock implements RawResource {
  constructor(
    /** Undefined for a root resource `<type>.<name>` (`derivedPointer`): built when read, which links never do. */
    private written: string | undefined,
    readonly type: string,
    readonly name: string,
    readonly values: Record<string, unknown>,
    /** The block's `//` object (cdktf metadata, aiam comments). */
    private readonly meta: Record<string, unknown> | undefined,
    private readonly place: BlockPlace,
    private readonly form: BlockForm,
  ) {}

  get address(): string {
    return this.written ??= joined(this.type, '.', this.name);
  }

  get pointer(): string {
    return blockPointer(this.place.section, this.type, this.name, this.form === BlockForm.ARRAY);
  }

  get derivedPointer(): boolean {
    return this.form === BlockForm.DERIVED;
  }

  get constructPath(): string | undefined {
    const metadata = this.meta?.metadata;
    return isObject(metadata) && typeof metadata.path === 'string' ? metadata.path : undefined;
  }

  get comment(): Record<string, unknown> | undefined {
    const aiam = this.meta?.aiam;
    return isObject(aiam) ? aiam : undefined;
  }

  get file(): string {
    return this.place.file;
  }

  get stack(): string {
    return this.place.stack;
  }

  get module(): string | undefined {
    return this.place.module;
  }

  get unknownAttributes(): ReadonlySet<string> {
    return NO_ATTRIBUTES;
  }

  get references(): ReadonlyMap<string, readonly string[]> {
    return NO_REFERENCES;
  }
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
  const planReferences = { moduleInputs: new Map<string, Map<string, string[]>>(), moduleOutputs: new Map<string, Map<string, string[]>>() };
  const config = isObject(doc.configuration) ? doc.configuration : undefined;
  collectReferences(isObject(config?.root_module) ? config!.root_module as Record<string, unknown> : undefined, '', references, planReferences);

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
      const known = markNestedUnknowns(r.address, isObject(r.values) ? r.values : {}, afterUnknown);
      // The prior state's own marks, and the change's before_sensitive for the same values.
      const changeMarks = prior ? changes.get(r.address)?.before_sensitive : change?.after_sensitive;
      const sensitive = redactSensitive(r.address, known, mergeMarks(r.sensitive_values, changeMarks));
      out.push({
        address: r.address,
        type: r.type,
        name: String(r.name ?? ''),
        values: sensitive.values,
        ...(sensitive.attributes.size ? { sensitiveAttributes: sensitive.attributes } : {}),
        unknownAttributes: setOrNone(Object.keys(afterUnknown).filter(k => afterUnknown[k] === true)),
        references: prior ? NO_REFERENCES : references.get(configAddress(r.address)) ?? NO_REFERENCES,
        file,
        pointer: `${at}/values`,
        stack,
      });
    });
    (m.child_modules ?? []).forEach((c, i) => {
      for (const r of walk(c, `${pointer}/child_modules/${i}`, stack, prior)) out.push(r);
    });
    return out;
  };
  const split = (all: RawResource[]) => ({
    resources: all.filter(r => !/(^|\.)data\./.test(r.address)),
    dataSources: all.filter(r => /(^|\.)data\./.test(r.address)),
  });
  const planned = isObject(doc.planned_values) ? doc.planned_values : undefined;
  const after = split(walk(planned?.root_module, '/planned_values/root_module', 'plan', false));
  const stacks: RawStack[] = [{ name: 'plan', file, ...after, locals: {}, kind: 'plan', designatedAdmins: [], planReferences }];
  let priorStacks: RawStack[] | undefined;
  const prior = isObject(doc.prior_state) && isObject(doc.prior_state.values) ? doc.prior_state.values : undefined;
  if (prior) {
    const before = split(walk(prior.root_module, '/prior_state/values/root_module', 'prior_state', true));
    priorStacks = [{ name: 'prior_state', file, ...before, locals: {}, kind: 'plan', designatedAdmins: [] }];
  }
  return { kind: 'plan', path: file, stacks, priorStacks, changes: changeList };
}

/**
 * Sensitivity marks (`sensitive_values`, `after_sensitive`) mirror a value: `true` marks it, an object or array marks
 * its parts. Both sources are honoured: a part either marks is sensitive.
 */
function mergeMarks(a: unknown, b: unknown, depth = 0): unknown {
  if (a === true || b === true) return true;
  if (depth > MAX_NESTING) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    const x = Array.isArray(a) ? a : [];
    const y = Array.isArray(b) ? b : [];
    return Array.from({ length: Math.max(x.length, y.length) }, (_, i) => mergeMarks(x[i], y[i], depth + 1));
  }
  if (isObject(a) || isObject(b)) {
    const out: Record<string, unknown> = Object.create(null);
    const part = (m: unknown, k: string) => (isObject(m) ? own(m, k) : undefined);
    for (const m of [a, b]) if (isObject(m)) for (const k of Object.keys(m)) out[k] = mergeMarks(part(a, k), part(b, k), depth + 1);
    return out;
  }
  return undefined;
}

/**
 * A plan holds sensitive values in clear text (`values`, `after`): each marked part becomes an unknown marker with the
 * reason "sensitive", so no output, report or graph can ever print it. Marked top-level attributes are listed too:
 * the resolver answers them as unknown, not as their marker text.
 */
function redactSensitive(address: string, values: Record<string, unknown>, marks: unknown)
  : { values: Record<string, unknown>; attributes: ReadonlySet<string> } {
  return markParts(address, values, marks, 'is sensitive in the plan: its value is not read', false);
}

/**
 * Parts of an attribute known only after apply (`after_unknown` below the top level): Terraform omits them from
 * `values`; they become unknown markers, so a settings entry or block reads "unknown" there, never "missing".
 * Wholly unknown top-level attributes stay with unknownAttributes.
 */
function markNestedUnknowns(address: string, values: Record<string, unknown>, afterUnknown: Record<string, unknown>): Record<string, unknown> {
  const nested = Object.entries(afterUnknown).filter(([, m]) => typeof m === 'object' && m !== null);
  if (!nested.length) return values;
  return markParts(address, values, Object.fromEntries(nested), 'is known only after apply', true).values;
}

/**
 * Replaces each part `marks` flags (`true`; an object or array of marks mirrors the value) with an unknown marker.
 * `fill`: flagged parts absent from the value are added. Too deep to follow: the whole part is replaced.
 */
function markParts(address: string, values: Record<string, unknown>, marks: unknown, reason: string, fill: boolean)
  : { values: Record<string, unknown>; attributes: ReadonlySet<string> } {
  const attributes = new Set<string>();
  if (marks === undefined || marks === false || (isObject(marks) && !Object.keys(marks).length)) return { values, attributes };
  const marker = (at: string) => unknownValue(`${at} ${reason}`);
  const mark = (v: unknown, m: unknown, at: string, depth: number): unknown => {
    if (m === true || (depth > MAX_NESTING && (Array.isArray(m) || isObject(m)))) return marker(at);
    if (Array.isArray(m) && (Array.isArray(v) || (fill && (v === undefined || v === null)))) {
      const list = Array.isArray(v) ? v : [];
      return Array.from({ length: fill ? Math.max(list.length, m.length) : list.length }, (_, i) => mark(list[i], m[i], `${at}[${i}]`, depth + 1));
    }
    if (isObject(m) && (isObject(v) || (fill && (v === undefined || v === null)))) {
      const obj = isObject(v) ? v : {};
      const out: Record<string, unknown> = Object.create(null);
      for (const k of new Set([...Object.keys(obj), ...(fill ? Object.keys(m) : [])])) {
        const x = mark(own(obj, k), own(m, k), `${at}.${k}`, depth + 1);
        if (x !== undefined) out[k] = x;
      }
      return out;
    }
    // A mark whose shape differs from the value (a hand-edited plan) flags all of it, when it flags anything.
    return v !== undefined && v !== null && flagsAny(m, depth) ? marker(at) : v;
  };
  const out: Record<string, unknown> = Object.create(null);
  for (const k of new Set([...Object.keys(values), ...(fill && isObject(marks) ? Object.keys(marks) : [])])) {
    const m = marks === true ? true : isObject(marks) ? own(marks, k) : undefined;
    if (m === true) attributes.add(k);
    const x = mark(own(values, k), m, `${address}.${k}`, 0);
    if (x !== undefined) out[k] = x;
  }
  return { values: out, attributes };
}

function flagsAny(m: unknown, depth: number): boolean {
  if (m === true || depth > MAX_NESTING) return m !== undefined && m !== false;
  return (Array.isArray(m) || isObject(m)) && Object.values(m).some(x => flagsAny(x, depth + 1));
}

/** Addresses in configuration drop instance keys (`a.b[0]` → `a.b`). */
function configAddress(address: string): string {
  return address.replace(/\[[^\]]*\]/g, '');
}

function collectReferences(module: Record<string, unknown> | undefined, prefix: string, out: Map<string, Map<string, string[]>>,
  plan: { moduleInputs: Map<string, Map<string, string[]>>; moduleOutputs: Map<string, Map<string, string[]>> }, depth = 0): void {
  if (!module || depth > 32) return;
  const refsOf = (expressions: unknown) => {
    const refs = new Map<string, string[]>();
    for (const [attr, expr] of Object.entries(isObject(expressions) ? expressions : {})) {
      if (isObject(expr) && Array.isArray(expr.references)) refs.set(attr, expr.references.filter((x): x is string => typeof x === 'string'));
    }
    return refs;
  };
  for (const r of (Array.isArray(module.resources) ? module.resources : [])) {
    if (!isObject(r) || typeof r.address !== 'string' || !isObject(r.expressions)) continue;
    out.set(prefix + r.address, refsOf(r.expressions));
  }
  const calls = isObject(module.module_calls) ? module.module_calls : {};
  for (const [name, call] of Object.entries(calls)) {
    if (!isObject(call)) continue;
    const child = `${prefix}module.${name}`;
    // Call arguments are the child's variables, referring to the calling module; outputs refer inside the child.
    plan.moduleInputs.set(child, refsOf(call.expressions));
    const outputs = new Map<string, string[]>();
    const childModule = isObject(call.module) ? call.module : undefined;
    for (const [o, def] of Object.entries(isObject(childModule?.outputs) ? childModule!.outputs as Record<string, unknown> : {})) {
      const expr = isObject(def) ? def.expression : undefined;
      if (isObject(expr) && Array.isArray(expr.references)) outputs.set(o, expr.references.filter((x): x is string => typeof x === 'string'));
    }
    plan.moduleOutputs.set(child, outputs);
    if (childModule) collectReferences(childModule, `${child}.`, out, plan, depth + 1);
  }
}
