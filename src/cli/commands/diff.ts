import { Command } from 'commander';
import { diffModels } from '../../model';
import type { SetExit } from '../commands';
import { CliIo, UsageError } from '../io';
import { formatOption, loadModel, loadPrior, verboseOption } from '../model-input';
import { proveDiffCommand, proveOptions, warmUp } from '../prove';

/**
 * `aiam diff BEFORE AFTER` or `aiam diff PLAN` (prior_state → planned_values): effective access granted and revoked
 * per principal. Exit 1 with --fail-on-new-access when anything was granted.
 * JSON: { changes: [{principal, granted, revoked}], grantedCount, revokedCount }.
 */
export function registerDiff(program: Command, io: CliIo, setExit: SetExit): void {
  program.command('diff')
    .description('effective access granted and revoked between two inputs, or across one plan')
    .argument('<before>', 'synth output or plan before the change (or one plan with a prior_state)')
    .argument('[after]', 'synth output or plan after the change')
    .option('--fail-on-new-access', 'exit 1 when any access is granted')
    .addOption(formatOption())
    .addOption(verboseOption())
    .option('--prove', 'prove with an SMT solver that no principal gains access, or show a request that is new (docs/prove.md)')
    .addOption(proveOptions.timeout())
    .action(async (beforePath: string, afterPath: string | undefined,
      opts: { verbose?: boolean; failOnNewAccess?: boolean; format: string; prove?: boolean; proveTimeout: string }) => {
      if (opts.prove) warmUp();
      let before;
      let after;
      if (afterPath) {
        before = loadModel(beforePath, io, opts.verbose);
        after = loadModel(afterPath, io, opts.verbose);
      } else {
        after = loadModel(beforePath, io, opts.verbose);
        before = loadPrior(beforePath);
        if (!before) throw new UsageError(`${beforePath}: one input needs to be a plan with a prior_state. Fix: pass BEFORE and AFTER, or a \`terraform show -json\` plan`);
      }
      if (opts.prove) return proveDiffCommand(before, after, opts, io, setExit);
      const diff = diffModels(before, after);
      if (opts.format === 'json') {
        io.stdout(JSON.stringify(diff, null, 2) + '\n');
      } else if (diff.changes.length === 0) {
        io.stdout('no change in effective access\n');
      } else {
        const lines: string[] = [];
        for (const c of diff.changes) {
          lines.push(c.principal);
          for (const g of c.granted) lines.push(`  + ${g}`);
          for (const r of c.revoked) lines.push(`  - ${r}`);
        }
        lines.push(`${diff.grantedCount} granted, ${diff.revokedCount} revoked`);
        io.stdout(lines.join('\n') + '\n');
      }
      setExit(opts.failOnNewAccess && diff.grantedCount > 0 ? 1 : 0);
    });
}
