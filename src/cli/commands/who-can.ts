import { Command } from 'commander';
import { describePrincipal } from '../../model';
import type { SetExit } from '../commands';
import { writeTable } from '../format/table';
import { CliIo, writeJson } from '../io';
import { checkAction, collect, formatOption, loadModel, parseContext, verboseOption } from '../model-input';
import { answerDecisionText, answerJson } from './explain';

/**
 * `aiam who-can PATH --action A [--resource R]`: every principal allowed (or unknown), with the resource and context
 * assumed. Without `--resource`, grants scoped to resource patterns are listed with their patterns; principals an
 * explicit Deny stops are listed apart, never as able. Without `--context`, conditions are left open and reported.
 * JSON: { assumed: {resource, context}, able: [explain answer + {resources, resourceScoped}], explicitlyDenied: [explain answer] }.
 */
export function registerWhoCan(program: Command, io: CliIo, setExit: SetExit): void {
  program.command('who-can')
    .description('list every principal that can perform an action')
    .argument('<path>', 'cdktf.out folder, cdk.tf.json or `terraform show -json` plan')
    .requiredOption('--action <action>', 'the action, e.g. ml_platform:StopJob')
    .option('--resource <resource>', 'the resource ARN/TRN')
    .option('--project <id>', 'the project of the request (Huawei region project, Volcengine project): grants scoped to other projects do not apply, grants of unknown scope answer unknown')
    .option('--context <key=value>', 'request context (repeatable); without it conditions are reported, not decided', collect, [])
    .addOption(formatOption())
    .addOption(verboseOption())
    .action((path: string, opts: { verbose?: boolean; project?: string; action: string; resource?: string; context: string[]; format: string }) => {
      const model = loadModel(path, io, opts.verbose);
      const context = parseContext(opts.context);
      checkAction(model, opts.action, io);
      const request = { action: opts.action, resource: opts.resource, context };
      const result = model.whoCanComplete(request, { openContext: opts.context.length === 0, project: opts.project });
      if (opts.format === 'json') {
        writeJson({
          assumed: result.assumed,
          able: result.able.map(e => ({ ...answerJson(e.answer), resources: e.resources ?? ['*'], resourceScoped: !!e.resources })),
          explicitlyDenied: result.denied.map(answerJson),
        }, t => io.stdout(t));
      } else {
        io.stdout(`assumed: resource ${result.assumed.resource}; context ${typeof result.assumed.context === 'string' ? result.assumed.context
          : Object.entries(result.assumed.context).map(([k, v]) => `${k}=${v}`).join(', ')}\n`);
        if (result.able.length === 0) {
          io.stdout(`no principal can ${opts.action}${opts.resource ? ` on ${opts.resource}` : ''}\n`);
        } else {
          writeTable(['principal', 'decision', 'resources', 'path', 'conditions'], result.able.map(({ answer: a, resources }) => [
            describePrincipal(a.principal), answerDecisionText(a, false),
            resources ? `only ${resources.join(', ')} (resource-scoped)` : (opts.resource ?? 'any (*)'),
            a.chain.map(c => `${c.viaGroup ? `${c.viaGroup} -> ` : ''}${c.policy}#${c.statement}${c.scope ? ` [${c.scope}]` : ''}`).join(', ') || a.unresolved.join('; '),
            a.openConditions.join('; '),
          ]), t => io.stdout(t));
        }
        if (result.denied.length) {
          io.stdout(`explicitly denied (not able): ${result.denied.map(a => `${describePrincipal(a.principal)} (${a.chain.map(c => `${c.policy}#${c.statement}`).join(', ')})`).join(', ')}\n`);
        }
      }
      setExit(0);
    });
}
