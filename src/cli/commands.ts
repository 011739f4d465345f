import { Command } from 'commander';
import { registerCheck } from './commands/check';
import { CliIo } from './io';

/** Sets the process exit code; commands call it instead of exiting so the CLI runs in-process in tests. */
export type SetExit = (code: number) => void;

/** Subcommands not implemented yet: they answer "not yet available" with exit 2. */
const PLANNED: Array<[string, string]> = [
  ['simulate', 'evaluate a batch of requests against one principal\'s policies'],
  ['explain', 'explain one decision: principal -> group -> attachment -> policy -> statement'],
  ['who-can', 'list every principal that can perform an action'],
  ['what-can', 'list the effective permissions of one principal'],
  ['diff', 'effective access granted and revoked between two inputs'],
  ['graph', 'principals, groups, policies and workspaces as mermaid or dot'],
  ['preflight', 'permissions the deploying identity lacks for a plan'],
  ['report', 'self-contained HTML access report'],
];

export function registerCommands(program: Command, io: CliIo, setExit: SetExit): void {
  registerCheck(program, io, setExit);
  for (const [name, description] of PLANNED) {
    program.command(name)
      .description(`${description} (not yet available)`)
      .allowUnknownOption(true)
      .allowExcessArguments(true)
      .action(() => {
        io.stderr(`aiam ${name}: not yet available in this version.\n`);
        setExit(2);
      });
  }
}
