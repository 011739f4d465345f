import { Command } from 'commander';
import { AccessAnswer, describePrincipal, openDecisionText } from '../../model';
import type { SetExit } from '../commands';
import { decisionText } from '../format/colour';
import { CliIo } from '../io';
import { checkAction, collect, findPrincipal, formatOption, loadModel, parseContext, verboseOption } from '../model-input';

interface ExplainOptions {
  verbose?: boolean;
  project?: string;
  principal: string;
  action: string;
  resource?: string;
  context: string[];
  format: string;
}

/**
 * `aiam explain PATH --principal KIND/NAME --action A [--resource R] [--context k=v]...`
 * JSON: { principal, request, decision, chain: [{principal, viaGroup?, membership?, attachment, scope?, policy,
 * policyKind, statement, effect}], unresolved, openConditions, reasons }.
 */
export function registerExplain(program: Command, io: CliIo, setExit: SetExit): void {
  program.command('explain')
    .description('explain one decision: principal -> group -> attachment -> policy -> statement')
    .argument('<path>', 'cdktf.out folder, cdk.tf.json or `terraform show -json` plan')
    .requiredOption('--principal <principal>', 'user/NAME, group/NAME, role/NAME or a Terraform address')
    .requiredOption('--action <action>', 'the action, e.g. pairec:ListInstances')
    .option('--resource <resource>', 'the resource ARN/TRN (omit for actions without resource-level authorization)')
    .option('--project <id>', 'the project of the request (Huawei region project, Volcengine project): grants scoped to other projects do not apply, grants of unknown scope answer unknown')
    .option('--context <key=value>', 'request context (repeatable)', collect, [])
    .addOption(formatOption())
    .addOption(verboseOption())
    .action((path: string, opts: ExplainOptions) => {
      const model = loadModel(path, io, opts.verbose);
      const principal = findPrincipal(model, opts.principal);
      checkAction(model, opts.action, io);
      const request = { action: opts.action, resource: opts.resource, context: parseContext(opts.context) };
      const answer = model.can(principal, request, { project: opts.project });
      io.stdout(opts.format === 'json' ? JSON.stringify(answerJson(answer), null, 2) + '\n' : explainText(answer, io.isTty));
      setExit(0);
    });
}

export function answerJson(a: AccessAnswer): object {
  return {
    principal: describePrincipal(a.principal),
    ...(a.principal.credentials?.length
      ? { credentials: a.principal.credentials.map(c => ({ kind: c.kind, detail: c.detail, address: c.address })) } : {}),
    request: a.request,
    decision: a.decision,
    openPolicies: a.openPolicies,
    decisionWithoutOpenPolicies: a.decisionWithoutOpenPolicies,
    chain: a.chain,
    unresolved: a.unresolved,
    openConditions: a.openConditions,
    reasons: a.reasons,
  };
}

/** The decision in words; an unknown one says what is known ("allow unless X denies"). */
export function answerDecisionText(a: AccessAnswer, colour: boolean): string {
  const open = openDecisionText(a);
  return open ? `${decisionText(a.decision, colour)} (${open})` : decisionText(a.decision, colour);
}

function explainText(a: AccessAnswer, colour: boolean): string {
  const lines = [
    `${describePrincipal(a.principal)} ${a.request.action}${a.request.resource ? ` on ${a.request.resource}` : ''}: ${answerDecisionText(a, colour)}`,
  ];
  for (const c of a.principal.credentials ?? []) lines.push(`  way in: ${c.detail} (${c.address ?? c.kind})`);
  for (const c of a.chain) {
    const via = c.viaGroup ? ` -> member of ${c.viaGroup} (${c.membership})` : '';
    lines.push(`  ${c.principal}${via} -> ${c.attachment}${c.scope ? ` [${c.scope}]` : ''} -> ${c.policyKind} policy ${c.policy} -> statement ${c.statement} (${c.effect ?? '?'})`);
  }
  for (const u of a.unresolved) lines.push(`  unknown: ${u}`);
  for (const o of a.openConditions) lines.push(`  condition: ${o}`);
  if (a.reasons.length) {
    lines.push('  statements considered:');
    for (const r of a.reasons) lines.push(`    ${r}`);
  } else if (a.chain.length === 0) {
    lines.push('  no attached policy has a statement for this action');
  }
  return lines.join('\n') + '\n';
}
