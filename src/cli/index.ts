import { Command, CommanderError } from 'commander';
import { registerCommands } from './commands';
import { CliIo, UsageError, processIo } from './io';
import { addInputOptions } from './model-input';
import { VERSION } from './version';
import { DEFAULT_MAX_INPUT_BYTES, inputLimits } from '../model/read-text';
import { PolicyError } from '../policy/errors';
import { renderOutput } from '../policy/unknown';

export { processIo } from './io';
export type { CliIo } from './io';


/**
 * Runs the `aiam` command line in-process and returns its exit code:
 * 0 success, 1 findings or policy failure (per command), 2 bad input or usage.
 */
export async function runCli(argv: string[], rawIo: CliIo = processIo()): Promise<number> {
  // Every output shows unknown values as Terraform wrote them, never as internal markers.
  const io: CliIo = { isTty: rawIo.isTty, stdout: t => rawIo.stdout(renderOutput(t)), stderr: t => rawIo.stderr(renderOutput(t)) };
  const program = new Command('aiam')
    .description('Access for cloud AI platforms as code: simulate, explain and check RAM/IAM policies before apply.')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: s => io.stdout(s), writeErr: s => io.stderr(s) })
    .showHelpAfterError('(run `aiam --help` for usage)')
    .option('--max-input-mib <n>', `largest input file read, in MiB (default ${DEFAULT_MAX_INPUT_BYTES / 1048576})`);
  inputLimits.maxBytes = DEFAULT_MAX_INPUT_BYTES;
  program.hook('preAction', () => {
    const raw = program.opts<{ maxInputMib?: string }>().maxInputMib;
    if (raw === undefined) return;
    if (!/^[1-9]\d{0,6}$/.test(raw)) throw new UsageError(`--max-input-mib ${raw}: not a whole number of MiB. Fix: e.g. --max-input-mib 2048`);
    inputLimits.maxBytes = Number(raw) * 1048576;
  });
  let exitCode = 0;
  registerCommands(program, io, code => { exitCode = code; });
  addInputOptions(program);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // help and version exit 0; every other parse failure is a usage error.
      return e.exitCode === 0 ? 0 : 2;
    }
    // PolicyError: bad request input found while evaluating (e.g. `--context acs:CurrentTime=2026-02-30`).
    if (e instanceof UsageError || e instanceof PolicyError) {
      io.stderr(`aiam: ${e.message}\n`);
      return 2;
    }
    io.stderr(`aiam: internal error: ${e instanceof Error ? e.message : String(e)}\n` +
      'This is a bug in cdktf-aiam; please report it with the command you ran.\n');
    return 3;
  }
}
