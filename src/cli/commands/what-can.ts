import { Command } from 'commander';
import type { SetExit } from '../commands';
import { CliIo } from '../io';
import { notYetAvailable } from './not-yet-available';

export function registerWhatCan(program: Command, io: CliIo, setExit: SetExit): void {
  notYetAvailable(program, io, setExit, 'what-can', 'list the effective permissions of one principal');
}
