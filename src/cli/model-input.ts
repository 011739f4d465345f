import { Command, Option } from 'commander';
import { Catalog } from '../catalog';
import { AccessModel, loadAccessModel, loadPriorModel, LoadOptions, PrincipalNotFoundError, Principal } from '../model';
import { CliIo, UsageError } from './io';
import { withInputErrors } from './json-input';

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
