import { Command } from 'commander';
import type { SetExit } from '../commands';
import { CliIo } from '../io';
import { notYetAvailable } from './not-yet-available';

export function registerReport(program: Command, io: CliIo, setExit: SetExit): void {
  notYetAvailable(program, io, setExit, 'report', 'self-contained HTML access report');
}
