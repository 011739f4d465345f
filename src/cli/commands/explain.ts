import { Command } from 'commander';
import type { SetExit } from '../commands';
import { CliIo } from '../io';
import { notYetAvailable } from './not-yet-available';

export function registerExplain(program: Command, io: CliIo, setExit: SetExit): void {
  notYetAvailable(program, io, setExit, 'explain', 'explain one decision: principal -> group -> attachment -> policy -> statement');
}
