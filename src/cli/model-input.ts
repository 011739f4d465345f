import { Option } from 'commander';
import { AccessModel, loadAccessModel, loadPriorModel, PrincipalNotFoundError, Principal } from '../model';
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
    const model = withInputErrors(() => loadAccessModel(paths));
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
  return withInputErrors(() => loadPriorModel(path));
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
