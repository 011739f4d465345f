import { Annotations, App, Aspects, TerraformResource, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { runChecks } from '../../checks/engine';
import { describeLocation, Severity } from '../../checks/finding';
import { RulePack } from '../../checks/packs';
import { modelFromJson } from '../../model';
import { renderUnknowns } from '../../policy/unknown';

/** Options for synth-time checks. */
export interface ChecksOptions {
  /**
   * Principals allowed full-admin grants, as `user/NAME`, `group/NAME` or `role/NAME`.
   * @default - none
   */
  readonly designatedAdmins?: string[];
}

const CHECKS = Symbol.for('cdktf-aiam.Checks');

/**
 * Runs rule packs when the app synthesizes: every stack is turned into the access model and checked; error
 * findings fail synth with a readable list, warnings become construct warnings.
 *
 * @example
 * Checks.of(app).add(new AiPlatformPack());
 */
export class Checks {
  /** The checks of an app (or any scope: they apply to the stacks beneath it). */
  public static of(scope: IConstruct): Checks {
    const holder = scope as unknown as { [CHECKS]?: Checks };
    if (!holder[CHECKS]) holder[CHECKS] = new Checks(scope);
    return holder[CHECKS]!;
  }

  private readonly packs: RulePack[] = [];
  private readonly admins: string[] = [];

  private readonly attached = new WeakSet<TerraformStack>();

  private constructor(private readonly scope: IConstruct) {
    // cdktf runs aspects and validations per stack, never from the App down, so a validation is attached to every
    // stack under the scope: those that exist now, and (for an App) those created before synth.
    if (scope instanceof App) {
      const synth = scope.synth.bind(scope);
      scope.synth = () => {
        this.attachToStacks();
        synth();
      };
    }
  }

  private attachToStacks(): void {
    for (const node of this.scope.node.findAll()) {
      if (node instanceof TerraformStack && !this.attached.has(node)) {
        this.attached.add(node);
        node.node.addValidation({ validate: () => this.validateStack(node) });
      }
    }
  }

  /** Adds a rule pack. */
  public add(pack: RulePack, options: ChecksOptions = {}): Checks {
    this.attachToStacks();
    this.packs.push(pack);
    this.admins.push(...(options.designatedAdmins ?? []));
    return this;
  }

  /** Marks a principal (`user/NAME`, `group/NAME`, `role/NAME`) as a designated administrator. */
  public addDesignatedAdmin(principal: string): Checks {
    this.admins.push(principal);
    return this;
  }

  private validateStack(stack: TerraformStack): string[] {
    if (this.packs.length === 0) return [];
    const model = modelFromJson(`stack ${stack.node.path} (synthesized)`, stack.toTerraform(), stack.node.id);
    const report = runChecks(model, this.packs, { designatedAdmins: this.admins });
    const errors: string[] = [];
    for (const f of report.findings) {
      if (f.suppressed) continue;
      const line = renderUnknowns(`${f.ruleId} ${f.title}: ${f.message} [at ${describeLocation(f.location)}] Fix: ${f.fix}`);
      if (f.severity === Severity.ERROR) errors.push(line);
      else if (f.severity === Severity.WARNING) Annotations.of(stack).addWarning(line);
    }
    return errors;
  }
}

/** One suppression: a rule id and the reason it is acceptable here. */
export interface AiamSuppression {
  /** The rule id, e.g. `AIAM-IAM-001`. */
  readonly id: string;
  /** Why the finding is acceptable; mandatory. */
  readonly reason: string;
}

const SUPPRESSIONS = new WeakMap<TerraformResource, Array<{ id: string; reason: string; scope: string }>>();

/**
 * Suppresses findings on a construct and everything beneath it, like cdk-nag's NagSuppressions. Suppressed findings
 * still appear in reports, marked suppressed with the reason.
 *
 * @example
 * AiamSuppressions.addSuppressions(breakGlassUser, [{ id: 'AIAM-IAM-001', reason: 'break-glass account, reviewed monthly' }]);
 */
export class AiamSuppressions {
  /** Adds suppressions to a construct (and its children). Throws when a reason is missing. */
  public static addSuppressions(construct: IConstruct, suppressions: AiamSuppression[]): void {
    for (const s of suppressions) {
      if (!s.id || !s.reason || s.reason.trim().length < 3) {
        throw new Error(`${construct.node.path}: suppression of "${s.id}" has no reason. Fix: say why the finding is acceptable, e.g. { id: "${s.id}", reason: "break-glass admin, reviewed quarterly" }`);
      }
    }
    const scope = construct.node.path;
    Aspects.of(construct).add({
      visit(node: IConstruct): void {
        if (!(node instanceof TerraformResource)) return;
        const list = SUPPRESSIONS.get(node) ?? [];
        for (const s of suppressions) if (!list.some(x => x.id === s.id && x.scope === scope)) list.push({ id: s.id, reason: s.reason, scope });
        SUPPRESSIONS.set(node, list);
        // Terraform ignores "//" keys; the access model reads them back.
        node.addOverride('//.aiam.suppressions', list);
      },
    });
  }
}
