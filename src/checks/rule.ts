import type { Catalog } from '../catalog';
import { FindingLocation, Severity } from './finding';
import type { AccessModel } from '../model/model';
import type { Origin } from '../model/types';
import { minifiedDocument } from '../policy/parse';
import { Decision } from '../policy/types';

/** What a built-in rule reads: the model, the catalog, and who is allowed to be an administrator. */
export interface RuleContext {
  readonly model: AccessModel;
  readonly catalog: Catalog;
  /** Principals (`alibaba:user/alice` keys or `user/alice` specs) allowed full-admin grants. */
  readonly designatedAdmins: ReadonlySet<string>;
}

/** A finding as a rule reports it; the engine adds the rule id, the title and the suppression that covers it. */
export interface RuleFinding {
  /** What is wrong here, naming the principal, policy or statement. */
  readonly message: string;
  /** What to change. @default - the rule's fix */
  readonly fix?: string;
  /** @default - the rule's severity */
  readonly severity?: Severity;
  /** Where the finding points; the construct path makes synth annotate that construct. */
  readonly location: FindingLocation;
}

/** @deprecated use RuleFinding (kept for the built-in rules' signatures). */
export type FindingDraft = RuleFinding;

/** A built-in rule: TypeScript, reading the access model directly. Packs hold them as `IRule`s (see `builtInRule`). */
export interface Rule {
  /** Stable id, e.g. `AIAM-IAM-001`; suppressions and SARIF use it. */
  readonly id: string;
  readonly severity: Severity;
  readonly title: string;
  readonly description: string;
  readonly fix: string;
  check(ctx: RuleContext): FindingDraft[];
}

/**
 * A rule, in any jsii language: metadata plus a check over the access model of one stack (or one plan).
 *
 * @example
 * class NoWildcardPolicyNames implements IRule {
 *   public readonly id = 'ACME-001';
 *   public readonly severity = Severity.WARNING;
 *   public readonly title = 'Policy name without the team prefix';
 *   public readonly description = 'Custom policies are named acme-*.';
 *   public readonly fix = 'rename the policy to acme-...';
 *   public check(context: CheckContext): RuleFinding[] {
 *     return context.policies.filter(p => p.custom && !p.name.startsWith('acme-'))
 *       .map(p => ({ message: `policy ${p.name} lacks the acme- prefix`, location: p.location }));
 *   }
 * }
 */
export interface IRule {
  /** Stable id, e.g. `AIAM-IAM-001`; suppressions, SARIF and JUnit use it. */
  readonly id: string;
  /** Severity of the rule's findings unless a finding sets its own. */
  readonly severity: Severity;
  readonly title: string;
  readonly description: string;
  /** The fix, unless a finding sets its own. */
  readonly fix: string;
  /** The findings on this input; an empty list when there is nothing to report. */
  check(context: CheckContext): RuleFinding[];
}

/** A user, group or role, as a custom rule sees it. */
export interface PrincipalInfo {
  /** Model key, e.g. `alibaba:user/alice`; pass it to `CheckContext.can`. */
  readonly key: string;
  /** `alibaba`, `volcengine` or `huawei`. */
  readonly cloud: string;
  /** `user`, `group` or `role`. */
  readonly kind: string;
  /** The cloud-side name. @default - known only after apply */
  readonly name?: string;
  /** Referenced by name but not created in this input. */
  readonly external: boolean;
  readonly location: FindingLocation;
}

/** A custom or system policy, as a custom rule sees it. */
export interface PolicyInfo {
  /** Model key, e.g. `alibaba:custom/pairec-read`. */
  readonly key: string;
  readonly cloud: string;
  readonly name: string;
  /** A custom policy (false: a system policy). */
  readonly custom: boolean;
  /** The policy document as JSON text. @default - unknown (system policy not in the catalog, or known only after apply) */
  readonly document?: string;
  readonly location: FindingLocation;
}

/** A policy attached to a principal (Huawei: assigned at a scope). */
export interface AttachmentInfo {
  readonly principalKey: string;
  readonly policyKey: string;
  readonly location: FindingLocation;
}

/**
 * What a rule reads: the principals, policies and attachments of one stack (or plan), who is a designated
 * administrator, and the evaluator (`can`). The same object backs the built-in rules.
 */
export class CheckContext {
  /** @internal */
  public static _create(ctx: RuleContext): CheckContext {
    return new CheckContext(ctx);
  }

  private constructor(private readonly ctx: RuleContext) {}

  /** @internal the full TypeScript model, for built-in rules. */
  public get _ruleContext(): RuleContext {
    return this.ctx;
  }

  public get principals(): PrincipalInfo[] {
    return this.ctx.model.principals.map(p => ({
      key: p.key, cloud: p.cloud, kind: p.kind, name: p.name, external: p.external, location: locationOf(p),
    }));
  }

  public get policies(): PolicyInfo[] {
    return this.ctx.model.policies.map(p => ({
      key: p.key,
      cloud: p.cloud,
      name: p.name,
      custom: p.kind === 'custom',
      document: p.parsed ? minifiedDocument(p.parsed) : undefined,
      location: locationOf(p),
    }));
  }

  public get attachments(): AttachmentInfo[] {
    return this.ctx.model.attachments.map(a => ({ principalKey: a.principalKey, policyKey: a.policyKey, location: locationOf(a) }));
  }

  /** True when the principal (a model key, or `KIND/NAME`) is an administrator by design. */
  public isDesignatedAdmin(principal: string): boolean {
    if (this.ctx.designatedAdmins.has(principal)) return true;
    const p = this.ctx.model.principal(principal);
    return !!p && this.ctx.designatedAdmins.has(`${p.kind}/${p.name}`);
  }

  /**
   * The evaluator's decision for a principal (model key) on an action and resource.
   * @param resource @default - the action's every resource (`*`)
   */
  public can(principalKey: string, action: string, resource?: string): Decision {
    const p = this.ctx.model.principal(principalKey);
    if (!p) throw new Error(`no principal "${principalKey}". Fix: use a key from CheckContext.principals`);
    return this.ctx.model.can(p, { action, resource }).decision;
  }
}

export function locationOf(o: Origin): FindingLocation {
  return { constructPath: o.constructPath, address: o.address, file: o.file, pointer: o.pointer, stack: o.stack };
}
