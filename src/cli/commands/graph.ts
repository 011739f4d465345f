import { Command } from 'commander';
import type { SetExit } from '../commands';
import { CliIo } from '../io';
import { notYetAvailable } from './not-yet-available';

export function registerGraph(program: Command, io: CliIo, setExit: SetExit): void {
  notYetAvailable(program, io, setExit, 'graph', 'principals, groups, policies and workspaces as mermaid or dot');
}
