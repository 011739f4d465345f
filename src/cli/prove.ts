/** The `--prove` side of `aiam diff` and `aiam check`: options, running, output, exit codes (docs/prove.md). */
import { Option } from 'commander';
import type { AccessModel } from '../model';
import type { SetExit } from './commands';
import { CliIo, UsageError } from './io';
import { proveProperties } from '../prove/check';
import { proofExitCode, proveDiff } from '../prove/diff';
import { formatCheckProof, formatDiffProof } from '../prove/format';
import { DEFAULT_TIMEOUT_MS } from '../prove/prove';
import { z3 } from '../prove/z3';

export const proveOptions = {
  timeout: () => new Option('--prove-timeout <seconds>', 'solver time limit per proof; past it the answer is "not proven"')
    .default(String(DEFAULT_TIMEOUT_MS / 1000)),
};

/** Starts the solver's (slow) initialisation while the inputs load. */
export function warmUp(): void {
  z3().catch(() => undefined);
}

export function timeoutMs(text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--prove-timeout ${text}: expected a positive number of seconds. Fix: write e.g. --prove-timeout 30`);
  return Math.round(n * 1000);
}

export async function proveDiffCommand(before: AccessModel, after: AccessModel, opts: { format: string; proveTimeout: string },
  io: CliIo, setExit: SetExit): Promise<void> {
  const report = await proveDiff(before, after, { timeoutMs: timeoutMs(opts.proveTimeout) });
  io.stdout(formatDiffProof(report, opts.format));
  setExit(proofExitCode(report));
}

export async function proveCheckCommand(model: AccessModel, admins: readonly string[], opts: { format: string; proveTimeout: string },
  io: CliIo, setExit: SetExit): Promise<void> {
  if (opts.format !== 'text' && opts.format !== 'json') throw new UsageError(`--format ${opts.format} with --prove: use text or json`);
  const report = await proveProperties(model, admins, { timeoutMs: timeoutMs(opts.proveTimeout) });
  io.stdout(formatCheckProof(report, opts.format));
  setExit(report.violated > 0 ? 1 : report.notProven > 0 ? 4 : 0);
}
