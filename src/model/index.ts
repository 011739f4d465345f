/**
 * The access model: who can do what, read from synthesized stacks (a cdktf.out folder or one cdk.tf.json) or from a
 * plan in the `terraform show -json` format. Pure TypeScript, no cdktf.
 */
import { Catalog } from '../catalog';
import { buildModel, ModelParts } from './build';
import { loadInput, loadJsonDocument, LoadedInput, LoadOptions, RawStack } from './input';
import { collectGarbage, inputBytes, LARGE_INPUT_BYTES } from './memory';
import { AccessModel, describePrincipal, InputSummary, PrincipalPermissions, summarizeInput } from './model';
import { addPlatformGrants } from './platform-grants';
import { policyConditionKeys } from '../policy/parse';

export * from './types';
export * from './platform-settings';
export { ModelInputError } from './errors';
export { AccessModel, describePrincipal, openDecisionText, PrincipalNotFoundError } from './model';
export * from './platform-grants';
export { changeEntryText, diffModels } from './diff';
export type { AccessChangeEntry, AccessDiff, DiffCoverage, PrincipalAccessChange, Witness } from './diff';
export type { InputSummary, WhoCanEntry, WhoCanResult } from './model';
export type { AccessAnswer, ChainStep, Grant, PolicyBinding, PrincipalPermissions, QueryOptions, ServicePermissions } from './model';
export type { InputKind, InstanceKey, LoadedInput, LoadOptions, ModuleConfig, PlannedChange, PlanReferences, RawResource, RawStack } from './input';
export { loadInput, plannedChanges } from './input';
export { DIALECT_OF } from './build';
export { bailianMemberships, entries as settingsEntries } from './platform';
export type { WorkspaceMembership } from './platform';

/** Loads one or more inputs into one model; a plan's planned values are "after". */
export function loadAccessModel(paths: string | readonly string[], catalog: Catalog = Catalog.load(), options: LoadOptions = {}): AccessModel {
  const list = typeof paths === 'string' ? [paths] : paths;
  const { parts, summary } = readParts(list, catalog, options);
  if (inputBytes(list) >= LARGE_INPUT_BYTES) collectGarbage();
  return finishModel(parts, catalog, summary);
}

/**
 * The inputs read and resolved into parts. The raw input (gigabytes at a million users) lives only in this call: once
 * it returns, nothing, not even a temporary of the caller's frame, keeps it from being collected while the rest of
 * the model is built.
 */
function readParts(paths: readonly string[], catalog: Catalog, options: LoadOptions): { parts: ModelParts; summary?: InputSummary } {
  const inputs = paths.map(p => loadInput(p, options));
  return { parts: partsOf(inputs.flatMap(i => i.stacks), catalog), summary: inputs.length === 1 ? summarizeInput(inputs[0]) : undefined };
}

/** A plan's prior state as a model (the "before" side of `aiam diff PLAN`); undefined when the input has none. */
export function loadPriorModel(path: string, catalog: Catalog = Catalog.load(), options: LoadOptions = {}): AccessModel | undefined {
  const input = loadInput(path, options);
  return input.priorStacks ? modelFromStacks(input.priorStacks, catalog, input) : undefined;
}

/** Builds a model from Terraform JSON already in memory (synth-time checks pass `stack.toTerraform()`). */
export function modelFromJson(label: string, doc: unknown, stackName?: string, catalog: Catalog = Catalog.load()): AccessModel {
  const input = loadJsonDocument(label, doc, stackName);
  return modelFromStacks(input.stacks, catalog, input);
}

export function modelFromStacks(stacks: readonly RawStack[], catalog: Catalog, input?: LoadedInput): AccessModel {
  return finishModel(partsOf(stacks, catalog), catalog, summarizeInput(input));
}

/** What the stacks hold, resolved: everything that needs the raw input. */
function partsOf(stacks: readonly RawStack[], catalog: Catalog): ModelParts {
  const parts = buildModel(stacks, catalog);
  // Findings about the input itself (modules not read), found while loading.
  for (const s of stacks) for (const f of s.findings ?? []) parts.findings.push(f);
  return parts;
}

/** The rest of the model, from the parts alone. */
function finishModel(parts: ModelParts, catalog: Catalog, summary: InputSummary | undefined): AccessModel {
  addPlatformGrants(parts);
  reportUnknownConditionKeys(parts, catalog);
  return new AccessModel(summary, parts, catalog);
}

/** What a principal can do, as comparable lines ("pairec:ListInstances on * if ..."). */
export function accessLines(perms: PrincipalPermissions): Set<string> {
  const lines = new Set<string>();
  for (const s of perms.services) {
    for (const g of s.grants) {
      const on = g.resources.length === 1 && g.resources[0] === '*' ? '' : ` on ${[...g.resources].sort().join(', ')}`;
      const when = g.conditions.length ? ` if ${[...g.conditions].sort().join(' and ')}` : '';
      // A scope widened (one project to every project) is a grant: the line names where it applies.
      const where = g.scopes?.length ? ` in ${g.scopes.join(', ')}` : '';
      lines.add(`${g.action}${on}${when}${where}`);
    }
    // A pattern whose listed actions are already lines adds only what the catalog cannot list.
    for (const p of s.unlistedPatterns) lines.add(`${p} (and actions the catalog does not list)`);
  }
  for (const u of perms.unknownPolicies) lines.add(`unknown access from ${u}`);
  return lines;
}

/** Principals, groups, policies and platform-settings entities as a mermaid flowchart or a Graphviz digraph. */
export function renderGraph(model: AccessModel, format: 'mermaid' | 'dot'): string {
  const ids = new Map<string, string>();
  const id = (key: string) => {
    let v = ids.get(key);
    if (!v) ids.set(key, v = `n${ids.size}`);
    return v;
  };
  const nodes: Array<{ id: string; label: string; shape: 'principal' | 'group' | 'policy' | 'setting' }> = [];
  for (const p of model.principals) nodes.push({ id: id(p.key), label: describePrincipal(p), shape: p.kind === 'group' ? 'group' : 'principal' });
  for (const p of model.policies) nodes.push({ id: id(p.key), label: `${p.kind} policy ${p.name}`, shape: 'policy' });
  for (const s of model.settings) {
    const name = (s.envelope.settings.name ?? s.envelope.settings.queueId ?? s.envelope.settings.workspace ?? s.address) as string;
    nodes.push({ id: id(`setting:${s.address}`), label: `${s.envelope.kind} ${name}`, shape: 'setting' });
  }
  const edges: Array<{ from: string; to: string; label: string }> = [
    ...model.memberships.map(m => ({ from: id(m.userKey), to: id(m.groupKey), label: 'member of' })),
    ...model.attachments.map(a => ({ from: id(a.principalKey), to: id(a.policyKey), label: a.scope ? `attached (${a.scope.kind})` : 'attached' })),
    // Platform policies come from a settings entry (docs/platform-grants.md).
    ...model.policies.filter(p => p.kind === 'platform' && p.address && ids.has(`setting:${p.address}`))
      .map(p => ({ from: id(`setting:${p.address}`), to: id(p.key), label: 'grants' })),
  ];
  // Labels come from the input: quotes, backslashes and line breaks must not end a label or inject graph syntax.
  const esc = (s: string) => format === 'dot'
    ? s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n|\r/g, '\\n').replace(/[\u0000-\u001f\u007f]/g, ' ')
    : s.replace(/[\\"<>#|`\u0000-\u001f\u007f]/g, c => `#${c.charCodeAt(0)};`);
  if (format === 'mermaid') {
    const shape = (n: typeof nodes[number]) => n.shape === 'group' ? `${n.id}[["${esc(n.label)}"]]` : n.shape === 'policy' ? `${n.id}[/"${esc(n.label)}"/]`
      : n.shape === 'setting' ? `${n.id}[("${esc(n.label)}")]` : `${n.id}["${esc(n.label)}"]`;
    return ['flowchart LR', ...nodes.map(n => `  ${shape(n)}`), ...edges.map(e => `  ${e.from} -->|"${esc(e.label)}"| ${e.to}`)].join('\n') + '\n';
  }
  const dotShape = { principal: 'ellipse', group: 'box3d', policy: 'note', setting: 'cylinder' };
  return ['digraph access {', '  rankdir=LR;', ...nodes.map(n => `  ${n.id} [label="${esc(n.label)}", shape=${dotShape[n.shape]}];`),
    ...edges.map(e => `  ${e.from} -> ${e.to} [label="${esc(e.label)}"];`), '}'].join('\n') + '\n';
}

/** Condition keys a request can never carry as written: the decisions that depend on them are unknown. */
function reportUnknownConditionKeys(parts: ModelParts, catalog: Catalog): void {
  for (const p of parts.policies.values()) {
    if (!p.parsed || p.kind !== 'custom') continue;
    const unknown = policyConditionKeys(p.parsed).filter(k => !catalog.isKnownConditionKey(p.dialect, k));
    if (!unknown.length) continue;
    parts.findings.push({
      code: 'unknown-condition-key',
      address: p.address,
      constructPath: p.constructPath,
      stack: p.stack,
      file: p.file,
      pointer: p.pointer,
      message: `policy ${p.name} has conditions on ${unknown.map(k => `"${k}"`).join(', ')}, which no catalog knows: decisions that depend on them are unknown`,
      fix: 'check the key against the service\'s condition keys (global keys start with acs:, volc: or g:); correct the spelling',
    });
  }
}
