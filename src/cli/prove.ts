/** The `--prove` side of `aiam diff` and `aiam check`: options, running, output, exit codes (docs/prove.md). */
import { Option } from 'commander';
import type { AccessModel } from '../model';
import { proofExitCode, proveDiff } from '../prove/diff';
import { formatDiffProof } from '../prove/format';
import { DEFAULT_TIMEOUT_MS } from '../prove/prove';
import type { SetExit } from './commands';
import { CliIo, UsageError } from './io';

export const proveOptions = {
  timeout: () => new Option('--prove-timeout <seconds>', 'solver time limit per proof; past it the answer is "not proven"')
    .default(String(DEFAULT_TIMEOUT_MS / 1000)),
};

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
