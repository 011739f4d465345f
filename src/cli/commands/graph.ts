import { Command, Option } from 'commander';
import { renderGraph } from '../../model';
import type { SetExit } from '../commands';
import { CliIo } from '../io';
import { loadModel, verboseOption } from '../model-input';

/** `aiam graph PATH --format mermaid|dot`: principals, groups, policies and workspaces/queues. */
export function registerGraph(program: Command, io: CliIo, setExit: SetExit): void {
  program.command('graph')
    .description('principals, groups, policies and workspaces as mermaid or dot')
    .argument('<path>', 'cdktf.out folder, cdk.tf.json or `terraform show -json` plan')
    .addOption(new Option('--format <format>', 'output format').choices(['mermaid', 'dot']).default('mermaid'))
    .addOption(verboseOption())
    .action((path: string, opts: { verbose?: boolean; format: 'mermaid' | 'dot' }) => {
      io.stdout(renderGraph(loadModel(path, io, opts.verbose), opts.format));
      setExit(0);
    });
}
