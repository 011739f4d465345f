import { Command } from 'commander';
import { registerCheck } from './commands/check';
import { registerDiff } from './commands/diff';
import { registerExplain } from './commands/explain';
import { registerGraph } from './commands/graph';
import { registerPreflight } from './commands/preflight';
import { registerReport } from './commands/report';
import { registerSettings } from './commands/settings';
import { registerSimulate } from './commands/simulate';
import { registerWhatCan } from './commands/what-can';
import { registerWhoCan } from './commands/who-can';
import { CliIo } from './io';

/** Sets the process exit code; commands call it instead of exiting so the CLI runs in-process in tests. */
export type SetExit = (code: number) => void;

/** Each command lives in its own file under commands/. */
export function registerCommands(program: Command, io: CliIo, setExit: SetExit): void {
  registerCheck(program, io, setExit);
  registerSimulate(program, io, setExit);
  registerExplain(program, io, setExit);
  registerWhoCan(program, io, setExit);
  registerWhatCan(program, io, setExit);
  registerDiff(program, io, setExit);
  registerGraph(program, io, setExit);
  registerPreflight(program, io, setExit);
  registerReport(program, io, setExit);
  registerSettings(program, io, setExit);
}
