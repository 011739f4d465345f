import { Command } from 'commander';
import type { SetExit } from '../commands';
import { CliIo } from '../io';
import { notYetAvailable } from './not-yet-available';

export function registerSimulate(program: Command, io: CliIo, setExit: SetExit): void {
  notYetAvailable(program, io, setExit, 'simulate', "evaluate a batch of requests against one principal's policies");
}
