import { Command } from 'commander';
import type { SetExit } from '../commands';
import { CliIo } from '../io';
import { notYetAvailable } from './not-yet-available';

export function registerPreflight(program: Command, io: CliIo, setExit: SetExit): void {
  notYetAvailable(program, io, setExit, 'preflight', 'permissions the deploying identity lacks for a plan');
}
