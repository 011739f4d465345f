import { Command } from 'commander';
import { describePrincipal, PrincipalPermissions } from '../../model';
import type { SetExit } from '../commands';
import { CliIo } from '../io';
import { findPrincipal, formatOption, loadModel, verboseOption } from '../model-input';

/**
 * `aiam what-can PATH --principal KIND/NAME`: effective permissions by service and access level.
 * JSON: { principal, services: [{service, inCatalog, catalogComplete, grants: [{action, accessLevel, resources,
 * conditions, policies}], unlistedPatterns}], unknownPolicies, unknownActionCount }.
 */
export function registerWhatCan(program: Command, io: CliIo, setExit: SetExit): void {
  program.command('what-can')
    .description('list the effective permissions of one principal')
    .argument('<path>', 'cdktf.out folder, cdk.tf.json or `terraform show -json` plan')
    .requiredOption('--principal <principal>', 'user/NAME, group/NAME, role/NAME or a Terraform address')
    .addOption(formatOption())
    .addOption(verboseOption())
    .action((path: string, opts: { verbose?: boolean; principal: string; format: string }) => {
      const model = loadModel(path, io, opts.verbose);
      const perms = model.whatCan(findPrincipal(model, opts.principal));
      io.stdout(opts.format === 'json' ? JSON.stringify({ ...perms, principal: describePrincipal(perms.principal) }, null, 2) + '\n' : whatCanText(perms));
      setExit(0);
    });
}

function whatCanText(p: PrincipalPermissions): string {
  const lines = [`${describePrincipal(p.principal)} can:`];
  if (p.services.length === 0 && p.unknownPolicies.length === 0) lines.push('  nothing (no attached policy allows anything)');
  for (const s of p.services) {
    lines.push(`  ${s.service}${s.inCatalog ? '' : ' (not in the catalog)'}`);
    const levels = new Map<string, string[]>();
    for (const g of s.grants) {
      const on = g.resources.length === 1 && g.resources[0] === '*' ? '' : ` on ${g.resources.join(', ')}`;
      const when = g.conditions.length ? ` if ${g.conditions.join(' and ')}` : '';
      const level = g.accessLevel ?? 'Unknown level';
      levels.set(level, [...(levels.get(level) ?? []), `${g.action.split(':').slice(1).join(':')}${on}${when}`]);
    }
    for (const [level, actions] of levels) lines.push(`    ${level} (${actions.length}): ${actions.join(', ')}`);
    if (s.unlistedPatterns.length) {
      lines.push(`    and ${s.unlistedPatterns.length} pattern(s) whose actions the catalog cannot list in full: ${s.unlistedPatterns.join(', ')}`);
    }
  }
  for (const u of p.unknownPolicies) lines.push(`  and unknown actions from ${u}`);
  return lines.join('\n') + '\n';
}
