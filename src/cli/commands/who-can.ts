import { Command } from 'commander';
import type { SetExit } from '../commands';
import { CliIo } from '../io';
import { notYetAvailable } from './not-yet-available';

export function registerWhoCan(program: Command, io: CliIo, setExit: SetExit): void {
  notYetAvailable(program, io, setExit, 'who-can', 'list every principal that can perform an action');
}
