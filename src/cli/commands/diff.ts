import { Command } from 'commander';
import type { SetExit } from '../commands';
import { CliIo } from '../io';
import { notYetAvailable } from './not-yet-available';

export function registerDiff(program: Command, io: CliIo, setExit: SetExit): void {
  notYetAvailable(program, io, setExit, 'diff', 'effective access granted and revoked between two inputs');
}
