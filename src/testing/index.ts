/**
 * Jest matchers over the access model of a synthesized stack:
 *
 * ```ts
 * import { aiamMatchers } from 'cdktf-aiam/lib/testing';
 * expect.extend(aiamMatchers);
 * expect(stack).toAllow('user/alice', 'pairec:ListInstances');
 * expect(stack).toHaveNoFindings();
 * ```
 */
import * as fs from 'fs';
import * as path from 'path';
import { TerraformStack, Testing } from 'cdktf';
import { runChecks } from '../checks/engine';
import { describeLocation } from '../checks/finding';
import { AiPlatformPack, RulePack } from '../checks/packs';
import { AccessModel, loadAccessModel } from '../model';
import { AccessAnswer } from '../model/model';
import { Decision } from '../policy/types';

/** Synthesizes the stack's app in full (aspects, suppressions, validations) and loads it; cached per stack. */
const models = new WeakMap<TerraformStack, AccessModel>();
export function modelOf(stack: TerraformStack): AccessModel {
  let m = models.get(stack);
  if (!m) {
    const outdir = Testing.fullSynth(stack);
    const file = path.join(outdir, 'stacks', stack.node.id, 'cdk.tf.json');
    m = loadAccessModel(fs.existsSync(file) ? file : outdir);
    models.set(stack, m);
  }
  return m;
}

function answer(stack: TerraformStack, principal: string, action: string, resource?: string): AccessAnswer {
  const model = modelOf(stack);
  return model.can(model.findPrincipal(principal), { action, resource });
}

function explain(a: AccessAnswer): string {
  const chain = a.chain.map(c => `  ${c.viaGroup ? `${c.viaGroup} -> ` : ''}${c.attachment} -> ${c.policy}#${c.statement} (${c.effect})`);
  return [`decision: ${a.decision}`, ...chain, ...a.unresolved.map(u => `  unknown: ${u}`), ...a.reasons.map(r => `  ${r}`)].join('\n');
}

type MatcherResult = { pass: boolean; message: () => string };

export const aiamMatchers = {
  /** The principal is allowed the action (on the resource). */
  toAllow(stack: TerraformStack, principal: string, action: string, resource?: string): MatcherResult {
    const a = answer(stack, principal, action, resource);
    return {
      pass: a.decision === Decision.ALLOW,
      message: () => `expected ${principal} ${a.decision === Decision.ALLOW ? 'not ' : ''}to be allowed ${action}${resource ? ` on ${resource}` : ''}\n${explain(a)}`,
    };
  },

  /** The principal is denied the action (explicitly or implicitly). */
  toDeny(stack: TerraformStack, principal: string, action: string, resource?: string): MatcherResult {
    const a = answer(stack, principal, action, resource);
    const denied = a.decision === Decision.EXPLICIT_DENY || a.decision === Decision.IMPLICIT_DENY;
    return { pass: denied, message: () => `expected ${principal} ${denied ? 'not ' : ''}to be denied ${action}${resource ? ` on ${resource}` : ''}\n${explain(a)}` };
  },

  /** No unsuppressed finding at warning or error level from the pack (default: all rules). */
  toHaveNoFindings(stack: TerraformStack, pack: RulePack = new AiPlatformPack()): MatcherResult {
    const findings = runChecks(modelOf(stack), [pack]).findings.filter(f => !f.suppressed && f.severity !== 'info');
    return {
      pass: findings.length === 0,
      message: () => findings.length === 0 ? 'expected findings, found none'
        : `expected no findings, found ${findings.length}:\n${findings.map(f => `  ${f.ruleId} ${f.message} [${describeLocation(f.location)}]`).join('\n')}`,
    };
  },

  /**
   * The principal is allowed exactly these actions: each listed action is allowed, and every catalog action the
   * principal can perform is listed.
   */
  toGrantExactly(stack: TerraformStack, principal: string, actions: string[]): MatcherResult {
    const model = modelOf(stack);
    const p = model.findPrincipal(principal);
    const wanted = new Set(actions.map(a => a.toLowerCase()));
    const missing = actions.filter(a => model.can(p, { action: a }, { openContext: true }).decision !== Decision.ALLOW);
    const extra = model.whatCan(p).services.flatMap(s => s.grants.map(g => g.action)).filter(a => !wanted.has(a.toLowerCase()));
    return {
      pass: missing.length === 0 && extra.length === 0,
      message: () => `expected ${principal} to be granted exactly ${actions.join(', ')}` +
        (missing.length ? `\n  not allowed: ${missing.join(', ')}` : '') + (extra.length ? `\n  also allowed: ${extra.join(', ')}` : ''),
    };
  },
};

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      toAllow(principal: string, action: string, resource?: string): R;
      toDeny(principal: string, action: string, resource?: string): R;
      toHaveNoFindings(pack?: RulePack): R;
      toGrantExactly(principal: string, actions: string[]): R;
    }
  }
}
