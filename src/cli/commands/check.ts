import { Command, Option } from 'commander';
import { atLeast, Finding, parseSeverity, PACK_NAMES, packByName, parseSuppressionsFile, runChecks, Severity, SuppressionsFileError, toJunit, toSarif, toText } from '../../checks';
import type { ScopedSuppression } from '../../checks';
import { renderOutput } from '../../policy/unknown';
import type { SetExit } from '../commands';
import { CliIo, UsageError, writeOutputFile } from '../io';
import { readJsonFile } from '../json-input';
import { collect, loadModel } from '../model-input';
import { proveCheckCommand, proveOptions, warmUp } from '../prove';
import { VERSION } from '../version';


interface CheckCliOptions {
  format: string;
  pack: string;
  minSeverity: string;
  admin: string[];
  suppressions?: string;
  output?: string;
  verbose?: boolean;
  prove?: boolean;
  proveTimeout: string;
}

/**
 * `aiam check PATH... --format text|json|sarif|junit [--pack NAME] [--min-severity LEVEL]`. Exit 1 when an unsuppressed
 * error finding remains. JSON: { findings: [{ruleId, severity, title, message, fix, location, suppressed?}], summary }.
 */
export function registerCheck(program: Command, io: CliIo, setExit: SetExit): void {
  program.command('check')
    .description('run the rule packs on cdktf.out folders, cdk.tf.json files or `terraform show -json` plans')
    .argument('<paths...>', 'cdktf.out folder, cdk.tf.json or `terraform show -json` plan')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'sarif', 'junit']).default('text'))
    .addOption(new Option('--pack <name>', 'rule pack').choices(PACK_NAMES).default('ai-platform'))
    .addOption(new Option('--min-severity <level>', 'report findings at or above this level').choices(['info', 'warning', 'error']).default('info'))
    .option('--admin <principal>', 'designated administrator allowed full-admin grants (repeatable), e.g. user/alice', collect, [])
    .option('--suppressions <file>', 'suppressions file: { "version": 1, "suppressions": [{ "rule", "reason", "address"? }] }')
    .option('--output <file>', 'write the report to a file instead of stdout')
    .option('--verbose', 'list skipped resource types on stderr')
    .option('--prove', 'prove the properties the rules approximate, or show a witness (docs/prove.md); text or json')
    .addOption(proveOptions.timeout())
    .action(async (paths: string[], opts: CheckCliOptions) => {
      if (opts.prove) warmUp();
      if (opts.prove) return proveCheckCommand(loadModel(paths, io, opts.verbose), opts.admin, opts, io, setExit);
      const pack = packByName(opts.pack)!;
      const min = parseSeverity(opts.minSeverity)!;
      let fileSuppressions: ScopedSuppression[] = [];
      if (opts.suppressions) {
        try {
          fileSuppressions = parseSuppressionsFile(opts.suppressions, readJsonFile(opts.suppressions, 'a suppressions file'));
        } catch (e) {
          if (e instanceof SuppressionsFileError) throw new UsageError(e.message);
          throw e;
        }
      }
      const model = loadModel(paths, io, opts.verbose);
      const report = runChecks(model, [pack], { designatedAdmins: opts.admin, suppressions: fileSuppressions });
      const findings = report.findings.filter(f => atLeast(f.severity, min));
      const text = render(opts.format, findings, report.rules, io.isTty && !opts.output);
      if (opts.output) writeOutputFile('--output', opts.output, renderOutput(text), [...paths, ...(opts.suppressions ? [opts.suppressions] : [])]);
      else io.stdout(text);
      const failing = findings.filter(f => f.severity === Severity.ERROR && !f.suppressed).length;
      if (opts.output || opts.format !== 'text') io.stderr(`aiam check: ${failing} unsuppressed error finding(s), ${findings.length} finding(s) in all\n`);
      setExit(failing > 0 ? 1 : 0);
    });
}

function render(format: string, findings: readonly Finding[], rules: ReturnType<typeof runChecks>['rules'], colour: boolean): string {
  switch (format) {
    case 'json': return JSON.stringify({
      findings,
      summary: {
        errors: findings.filter(f => f.severity === Severity.ERROR && !f.suppressed).length,
        warnings: findings.filter(f => f.severity === Severity.WARNING && !f.suppressed).length,
        info: findings.filter(f => f.severity === Severity.INFO && !f.suppressed).length,
        suppressed: findings.filter(f => f.suppressed).length,
      },
    }, null, 2) + '\n';
    case 'sarif': return JSON.stringify(toSarif(findings, rules.map(r => ({ id: r.id, title: r.title, description: r.description, severity: r.severity, fix: r.fix })), VERSION), null, 2) + '\n';
    case 'junit': return toJunit(findings, rules.map(r => r.id));
    default: return toText(findings, colour);
  }
}
