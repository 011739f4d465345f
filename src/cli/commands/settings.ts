import { Command, Option } from 'commander';
import { buildRunbook, runbookMarkdown } from '../../model/settings-runbook';
import { parseObserved, verifySettings, VerifyReport } from '../../model/settings-verify';
import type { SetExit } from '../commands';
import { CliIo } from '../io';
import { readJsonFile, withInputErrors } from '../json-input';
import { loadModel } from '../model-input';

/**
 * `aiam settings runbook PATH [--before PATH]` and `aiam settings verify PATH --observed FILE`: Terraform records
 * platform settings and applies none of them; these commands tell a person what to do and check what was done.
 */
export function registerSettings(program: Command, io: CliIo, setExit: SetExit): void {
  const settings = program.command('settings')
    .description('platform settings Terraform records but does not apply: the console steps, and drift against what was observed');

  settings.command('runbook')
    .description('ordered console steps that reach the recorded settings, grouped by who may perform them')
    .argument('<path>', 'cdktf.out folder, cdk.tf.json or `terraform show -json` plan')
    .option('--before <path>', 'an earlier recording: list only the steps that change it')
    .addOption(new Option('--format <format>', 'output format').choices(['markdown', 'json']).default('markdown'))
    .action((path: string, opts: { before?: string; format: 'markdown' | 'json' }) => {
      const after = loadModel(path, io).settings;
      const before = opts.before ? loadModel(opts.before, io).settings : undefined;
      const book = buildRunbook(after, before);
      io.stdout(opts.format === 'json' ? JSON.stringify({ source: path, before: opts.before ?? null, ...book }, null, 2) + '\n' : runbookMarkdown(book, path, opts.before));
      setExit(0);
    });

  settings.command('verify')
    .description('compare the recorded settings with an observed export (schemas/observed-settings.v1.schema.json); exit 1 on drift')
    .argument('<path>', 'cdktf.out folder, cdk.tf.json or `terraform show -json` plan')
    .requiredOption('--observed <file>', 'the observed export, JSON')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((path: string, opts: { observed: string; format: 'text' | 'json' }) => {
      const recorded = loadModel(path, io).settings;
      const doc = readJsonFile(opts.observed, 'the observed settings export (schemas/observed-settings.v1.schema.json)');
      const observed = withInputErrors(() => parseObserved(opts.observed, doc));
      const report = verifySettings(recorded, observed);
      io.stdout(opts.format === 'json' ? JSON.stringify(report, null, 2) + '\n' : verifyText(report));
      setExit(report.drifted > 0 ? 1 : 0);
    });
}

function verifyText(r: VerifyReport): string {
  const lines: string[] = [];
  for (const i of r.items) {
    const where = i.recordedBy ?? i.observedAt ?? '';
    if (i.status === 'in-sync') {lines.push(`in sync      ${i.kind} ${i.id}`);} else if (i.status === 'missing') {lines.push(`MISSING      ${i.kind} ${i.id}: recorded (${where}) but not in the observed export`);} else if (i.status === 'not-recorded') {lines.push(`NOT RECORDED ${i.kind} ${i.id}: observed (${where}) but not recorded`);} else {
      lines.push(`DRIFT        ${i.kind} ${i.id} (${where})`);
      for (const d of i.differences) lines.push(`  ${d.path}: recorded ${JSON.stringify(d.recorded)}, observed ${JSON.stringify(d.observed)}`);
    }
  }
  lines.push(`${r.inSync} in sync, ${r.drifted} drifted`);
  return lines.join('\n') + '\n';
}
