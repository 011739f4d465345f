import { Command, Option } from 'commander';
import { Catalog, editDistance } from '../catalog';
import { AccessModel, loadAccessModel, loadPriorModel, LoadOptions, PrincipalNotFoundError, Principal } from '../model';
import { CliIo, UsageError } from './io';
import { withInputErrors } from './json-input';
import { compareText } from '../policy/order';
import { Dialect } from '../policy/types';

export const formatOption = () => new Option('--format <format>', 'output format').choices(['text', 'json']).default('text');

/**
 * Loads the access model for a command. Bad input becomes a UsageError (exit 2) naming the file, JSON pointer and
 * fix. On a terminal, loading that takes over a second shows progress on stderr.
 */
export function loadModel(paths: string | string[], io: CliIo, verbose = false): AccessModel {
  const done = progress(io, `loading ${Array.isArray(paths) ? paths.join(', ') : paths}`);
  try {
    const model = withInputErrors(() => loadAccessModel(paths, Catalog.load(), current));
    if (verbose) {
      for (const s of model.skipped) io.stderr(`skipped ${s.address} (${s.type}: carries no access the model reads) in ${s.stack}\n`);
      for (const f of model.findings) io.stderr(`note: ${f.address ?? ''} ${f.message}\n`);
    }
    return model;
  } finally {
    done();
  }
}

export function loadPrior(path: string): AccessModel | undefined {
  return withInputErrors(() => loadPriorModel(path, Catalog.load(), current));
}

/** Commands that read PATHs: each takes `--var` and `--var-file`, as `terraform plan` does. */
const PATH_COMMANDS = new Set(['check', 'explain', 'who-can', 'what-can', 'diff', 'graph', 'report', 'preflight']);

/** The variable values of the command being run (set before its action runs; one command per runCli). */
let current: LoadOptions = {};

export function loadOptions(): LoadOptions {
  return current;
}

/** Adds `--var NAME=VALUE` and `--var-file FILE` to every PATH command; their values apply to every PATH it loads. */
export function addInputOptions(program: Command): void {
  for (const cmd of program.commands) {
    if (!PATH_COMMANDS.has(cmd.name())) continue;
    cmd.option('--var <name=value>', 'value of a Terraform input variable for folders of .tf files and cdk.tf.json (repeatable)', collect, [])
      .option('--var-file <file>', '.tfvars or .tfvars.json file with input variable values (repeatable)', collect, []);
  }
  program.hook('preAction', (_program, action) => {
    const opts = action.opts() as { var?: string[]; varFile?: string[] };
    const vars: Record<string, string> = {};
    for (const pair of opts.var ?? []) {
      const eq = pair.indexOf('=');
      if (eq <= 0) throw new UsageError(`--var ${pair}: expected NAME=VALUE. Fix: write e.g. --var region=cn-hangzhou or --var 'users=["a","b"]'`);
      vars[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
    current = { vars, varFiles: opts.varFile ?? [] };
  });
}

export function findPrincipal(model: AccessModel, spec: string): Principal {
  try {
    return model.findPrincipal(spec);
  } catch (e) {
    if (e instanceof PrincipalNotFoundError) {
      throw new UsageError(`--principal ${spec}: ${e.message}. Fix: use user/NAME, group/NAME, role/NAME (prefix alibaba:, volcengine: or huawei: to choose a cloud) or a Terraform address`);
    }
    throw e;
  }
}

/** `--context k=v` (repeatable; the same key twice makes a multi-valued key). */
export function parseContext(pairs: readonly string[]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--context ${pair}: expected KEY=VALUE. Fix: write e.g. --context acs:SourceIp=10.0.0.1`);
    const k = pair.slice(0, eq);
    const v = pair.slice(eq + 1);
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

export const verboseOption = () => new Option('--verbose', 'list skipped resource types and input notes on stderr');

export const collect = (value: string, previous: string[]) => [...previous, value];

/** A progress line on stderr after one second, cleared when done; nothing when not a terminal. */
function progress(io: CliIo, what: string): () => void {
  if (!io.isTty) return () => undefined;
  const frames = ['|', '/', '-', '\\'];
  let i = 0;
  let shown = false;
  const start = Date.now();
  const timer = setInterval(() => {
    shown = true;
    io.stderr(`\r${frames[i++ % frames.length]} ${what} (${((Date.now() - start) / 1000).toFixed(1)}s)`);
  }, 1000);
  timer.unref();
  return () => {
    clearInterval(timer);
    if (shown) io.stderr('\r\u001b[K');
  };
}

/** Longer input is never compared to the catalog: a 20,000-character action costs nothing. */
const MAX_ACTION_LENGTH = 256;
const MAX_SUGGEST_LENGTH = 128;
const ACTION_SHAPE = /^[A-Za-z0-9][A-Za-z0-9_.-]*(?::[A-Za-z0-9*?][A-Za-z0-9_.*?-]*){1,2}$/;

/**
 * Checks `--action`. Not an action at all (no service prefix, bad characters, too long): exit 2 with a
 * did-you-mean. Well formed but not in a catalog that lists its service in full: a warning on stderr with a
 * did-you-mean; the answer is still given (catalogs can lag behind the cloud).
 */
export function checkAction(model: AccessModel, action: string, io: CliIo): void {
  if (action.length > MAX_ACTION_LENGTH) {
    throw new UsageError(`--action: ${action.length} characters is not an action (at most ${MAX_ACTION_LENGTH}). Fix: write service:Action, e.g. ml_platform:StopJob`);
  }
  if (!ACTION_SHAPE.test(action)) {
    const hint = suggestAction(model, action, [Dialect.ALIBABA_RAM, Dialect.VOLCENGINE_IAM, Dialect.HUAWEI_IAM]);
    throw new UsageError(`--action ${action}: not an action: ${action.includes(':') ? 'unexpected characters or parts' : 'no service prefix'}` +
      `${hint ? `; did you mean ${hint}?` : ''}. Fix: write service:Action (Alibaba, Volcengine) or service:type:operation (Huawei)`);
  }
  if (/[*?]/.test(action)) return;
  const parts = action.split(':');
  const dialects = parts.length === 3 ? [Dialect.HUAWEI_IAM] : [Dialect.ALIBABA_RAM, Dialect.VOLCENGINE_IAM];
  const catalog = model.catalog;
  if (dialects.some(d => catalog.action(d, action))) return;
  const services = dialects.map(d => catalog.service(d, parts[0])).filter(s => !!s);
  if (services.length) {
    // A complete catalog tells a typo from an action; an incomplete one only when a listed action is close.
    const hint = suggestAction(model, action, dialects);
    const complete = services.some(s => s!.complete);
    if (!complete && !hint) return;
    io.stderr(`aiam: warning: --action ${action} is not an action of ${parts[0]} in the catalog${complete ? '' : ' (which may not list every action)'}` +
      `${hint ? `; did you mean ${hint}?` : ''} (answering as given)\n`);
    return;
  }
  const known = model.serviceClouds(parts[0]).length > 0;
  if (known) return;
  const hint = suggestAction(model, action, dialects);
  io.stderr(`aiam: warning: --action ${action}: no catalog or policy of this input names service ${parts[0]}${hint ? `; did you mean ${hint}?` : ''} (answering as given)\n`);
}

/** The closest catalog action: same service when it is known, else by the part after the prefix, else any. */
function suggestAction(model: AccessModel, action: string, dialects: readonly Dialect[]): string | undefined {
  if (action.length > MAX_SUGGEST_LENGTH) return undefined;
  const lower = action.toLowerCase();
  const named = lower.includes(':');
  const tail = named ? lower.slice(lower.indexOf(':') + 1) : lower;
  let best: string[] = [];
  let bestD = Infinity;
  for (const d of dialects) {
    for (const s of model.catalog.services(d)) {
      for (const a of s.actions) {
        const name = a.name.toLowerCase();
        // Compare whole names when a prefix was given (a typo may be in the service), else the action part only.
        const dist = named ? editDistance(lower, name, bestD + 1) : editDistance(tail, name.slice(name.indexOf(':') + 1), bestD + 1);
        if (dist < bestD) {
          bestD = dist;
          best = [a.name];
        } else if (dist === bestD) {
          best.push(a.name);
        }
      }
    }
  }
  if (!best.length || bestD > Math.max(2, Math.floor(tail.length / 4))) return undefined;
  // Ties: services this input's policies use first.
  const used = (name: string) => model.serviceClouds(name.split(':')[0]).length > 0 && model.policies.some(p => p.kind !== 'platform' &&
    p.parsed?.statements.some(st => st.actions?.some(x => x.service === name.split(':')[0].toLowerCase())));
  const ranked = [...new Set(best)].sort((x, y) => Number(used(y)) - Number(used(x)) || compareText(x, y));
  return ranked.slice(0, 3).join(' or ');
}


