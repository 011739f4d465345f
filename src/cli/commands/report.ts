import { Command } from 'commander';
import { diffModels } from '../../model';
import type { SetExit } from '../commands';
import { CliIo, writeOutputFile } from '../io';
import { loadModel } from '../model-input';
import { buildReportData, renderReport } from '../report';

/** `aiam report PATH [AFTER] --out report.html`: a self-contained HTML access report (with the diff for two inputs). */
export function registerReport(program: Command, io: CliIo, setExit: SetExit): void {
  program.command('report')
    .description('self-contained HTML access report (principals x capabilities, quota charts, findings, diff)')
    .argument('<path>', 'cdktf.out folder, cdk.tf.json or `terraform show -json` plan')
    .argument('[after]', 'a second input: the report shows it, with the diff from the first')
    .requiredOption('--out <file>', 'where to write the HTML file')
    .action((path: string, after: string | undefined, opts: { out: string }) => {
      const first = loadModel(path, io);
      const model = after ? loadModel(after, io) : first;
      const html = renderReport(buildReportData(model, after ? [path, after] : [path], after ? diffModels(first, model) : undefined));
      writeOutputFile('--out', opts.out, html, after ? [path, after] : [path]);
      io.stdout(`wrote ${opts.out} (${Math.round(html.length / 1024)} KiB)\n`);
      setExit(0);
    });
}
