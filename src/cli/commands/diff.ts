import { Command } from 'commander';
import { AccessChangeEntry, AccessDiff, changeEntryText, diffModels } from '../../model';
import { apiKeyReplacements } from '../../model/settings-changes';
import { compareText } from '../../policy/order';
import type { SetExit } from '../commands';
import { CliIo, UsageError } from '../io';
import { formatOption, loadModel, loadPrior, verboseOption } from '../model-input';
import { proveDiffCommand, proveOptions, warmUp } from '../prove';

/**
 * `aiam diff BEFORE AFTER` or `aiam diff PLAN` (prior_state → planned_values): effective access granted and revoked
 * per principal, compared by evaluator decisions (model/diff.ts). Exit 1 with --fail-on-new-access when anything
 * was granted or possibly granted (a new policy of unknown content); rate limits and caps never fail it.
 * JSON: { changes: [{principal, granted, revoked, possiblyGranted, conditionsChanged, limitChanges}] (entries:
 * {service, action, resource?, conditions, representative?, witness}), grantedCount, revokedCount,
 * possiblyGrantedCount, conditionsChangedCount, limitChangeCount, coverage }.
 * API keys whose workspace, region or owner change are listed as replacements (keys cannot be transferred):
 * JSON `apiKeyReplacements: [{name, changes}]`.
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
      const replacements = apiKeyReplacements(before.settings, after.settings).map(r => ({ name: r.name, changes: r.changes }));
      const keyLines = replacements.map(r => `API key ${r.name} is replaced (keys cannot be transferred): ${r.changes.join(', ')}\n`);
      io.stdout(opts.format === 'json' ? JSON.stringify({ ...diff, apiKeyReplacements: replacements }, null, 2) + '\n' : diffText(diff) + keyLines.join(''));
      setExit(opts.failOnNewAccess && diff.grantedCount + diff.possiblyGrantedCount > 0 ? 1 : 0);
    });
}

const MARKS: Array<[keyof Omit<AccessDiff['changes'][number], 'principal'>, string]> = [
  ['granted', '+'], ['possiblyGranted', '?'], ['revoked', '-'], ['conditionsChanged', '~'], ['limitChanges', '='],
];

/** Grouped by principal, then service; then the totals and what the comparison covered. */
function diffText(diff: AccessDiff): string {
  const lines: string[] = [];
  for (const c of diff.changes) {
    lines.push(c.principal);
    const byService = new Map<string, Array<[string, AccessChangeEntry]>>();
    for (const [key, mark] of MARKS) {
      for (const e of c[key]) byService.set(e.service, [...(byService.get(e.service) ?? []), [mark, e]]);
    }
    for (const [service, entries] of [...byService].sort((a, b) => compareText(a[0], b[0]))) {
      lines.push(`  ${service}`);
      for (const [mark, e] of entries) lines.push(`    ${mark} ${changeEntryText(e)}${mark === '=' || mark === '~' ? ` (was: ${e.witness.beforeConditions.join('; ') || e.witness.before})` : ''}`);
    }
  }
  const cov = diff.coverage;
  const counts = `${diff.grantedCount} granted, ${diff.possiblyGrantedCount} possibly granted, ${diff.revokedCount} revoked, ` +
    `${diff.conditionsChangedCount} with other conditions, ${diff.limitChangeCount} limit changes`;
  const scope = `compared ${cov.requestsDecided} requests (${cov.actions} actions, ${cov.resourcePatterns} resource patterns) ` +
    `for ${cov.principalsWithChangedPolicies} of ${cov.principalsCompared} principals whose policies changed`;
  if (diff.changes.length === 0) {
    lines.push(cov.complete ? `no change in effective access: no new access (${scope})` : `no change found in effective access (${scope})`);
  } else {
    lines.push(`${counts} (${scope})`);
  }
  if (!cov.complete) {
    lines.push('not covered:');
    for (const n of cov.notCovered) lines.push(`  ${n}`);
  }
  return lines.join('\n') + '\n';
}
