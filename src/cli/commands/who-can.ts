import { Command } from 'commander';
import { describePrincipal } from '../../model';
import type { SetExit } from '../commands';
import { decisionText } from '../format/colour';
import { writeTable } from '../format/table';
import { CliIo, writeJsonArray } from '../io';
import { collect, formatOption, loadModel, parseContext, verboseOption } from '../model-input';
import { answerJson } from './explain';

/**
 * `aiam who-can PATH --action A [--resource R]`: every principal whose decision is not implicit-deny. Without
 * `--context`, conditions are left open and reported ("allow if ..."). JSON: an array of explain answers.
 */
export function registerWhoCan(program: Command, io: CliIo, setExit: SetExit): void {
  program.command('who-can')
    .description('list every principal that can perform an action')
    .argument('<path>', 'cdktf.out folder, cdk.tf.json or `terraform show -json` plan')
    .requiredOption('--action <action>', 'the action, e.g. ml_platform:StopJob')
    .option('--resource <resource>', 'the resource ARN/TRN')
    .option('--project <id>', 'Huawei: the region project of the request (assignments to other projects do not apply)')
    .option('--context <key=value>', 'request context (repeatable); without it conditions are reported, not decided', collect, [])
    .addOption(formatOption())
    .addOption(verboseOption())
    .action((path: string, opts: { verbose?: boolean; project?: string; action: string; resource?: string; context: string[]; format: string }) => {
      const model = loadModel(path, io, opts.verbose);
      const context = parseContext(opts.context);
      const request = { action: opts.action, resource: opts.resource, context };
      const answers = model.whoCan(request, { openContext: opts.context.length === 0, project: opts.project });
      if (opts.format === 'json') {
        writeJsonArray(answers.map(answerJson), t => io.stdout(t));
      } else if (answers.length === 0) {
        io.stdout(`no principal can ${opts.action}${opts.resource ? ` on ${opts.resource}` : ''}\n`);
      } else {
        writeTable(['principal', 'decision', 'path', 'conditions'], answers.map(a => [
          describePrincipal(a.principal), decisionText(a.decision, false),
          a.chain.map(c => `${c.viaGroup ? `${c.viaGroup} -> ` : ''}${c.policy}#${c.statement}`).join(', ') || a.unresolved.join('; '),
          a.openConditions.join('; '),
        ]), t => io.stdout(t));
      }
      setExit(0);
    });
}
