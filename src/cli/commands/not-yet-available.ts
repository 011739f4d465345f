import { Command } from 'commander';
import type { SetExit } from '../commands';
import { CliIo } from '../io';

/** A command that is planned but not built yet: says so with exit 2. */
export function notYetAvailable(program: Command, io: CliIo, setExit: SetExit, name: string, description: string): void {
  program.command(name)
    .description(`${description} (not yet available)`)
    .allowUnknownOption(true)
    .allowExcessArguments(true)
    .action(() => {
      io.stderr(`aiam ${name}: not yet available in this version.\n`);
      setExit(2);
    });
}
