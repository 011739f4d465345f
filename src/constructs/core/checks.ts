import { Annotations, Aspects, IAspect, TerraformResource, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { IPrincipal, principalSpec } from './principal';
import { runChecks } from '../../checks/engine';
import { Finding, Severity } from '../../checks/finding';
import { RulePack } from '../../checks/packs';
import { modelFromJson } from '../../model';
import { renderUnknowns } from '../../policy/unknown';

const CHECKS = Symbol.for('cdktf-aiam.Checks');

/**
 * Runs rule packs as a validation of every stack under a scope, so `app.synth()`, `cdktf synth`,
 * `Testing.fullSynth(stack)` and `Testing.synth(stack, true)` all run them, whether the pack was added before or
 * after the stacks were built (stacks that exist when `of` is first called, the scope's own stack, and stacks added
 * later directly under the scope, as `new TerraformStack(app, ...)` does). Each stack is turned into the access model and checked: error findings fail
 * validation with one line per finding, prefixed by the path of the construct that caused it; warnings and infos
 * are annotations on that construct.
 *
 * @example
 * Checks.of(app).add(new AiPlatformPack());
 */
export class Checks {
  /** The checks of a scope (an App, a stack, or any construct holding stacks). */
  public static of(scope: IConstruct): Checks {
    const holder = scope as unknown as { [CHECKS]?: Checks };
    if (!holder[CHECKS]) holder[CHECKS] = new Checks(scope);
    return holder[CHECKS]!;
  }

  private readonly packs: RulePack[] = [];
  private readonly admins: string[] = [];
  private readonly attached = new WeakSet<TerraformStack>();
  private readonly annotated = new WeakMap<IConstruct, Set<string>>();

  private constructor(scope: IConstruct) {
    // cdktf runs aspects and validations per stack, never from the App down: a stack created later under the scope
    // gets an aspect as it is added, and the aspect attaches the validation when synthesis visits the stack.
    const attacher: IAspect = { visit: node => { if (TerraformStack.isStack(node)) this.attach(node); } };
    const node = scope.node as unknown as { addChild(child: IConstruct, id: string): void };
    const addChild = node.addChild.bind(node);
    node.addChild = (child, id) => {
      addChild(child, id);
      Aspects.of(child).add(attacher);
    };
    for (const n of scope.node.findAll()) if (TerraformStack.isStack(n)) this.attach(n);
    const enclosing = scope.node.scopes.find(TerraformStack.isStack);
    if (enclosing) this.attach(enclosing);
  }

  /** Adds a rule pack; its rules run on every stack under the scope. */
  public add(pack: RulePack): Checks {
    this.packs.push(pack);
    return this;
  }

  /** Marks a principal as an administrator by design: the full-admin and privilege-escalation rules accept it. */
  public addDesignatedAdmin(principal: IPrincipal): Checks {
    this.admins.push(principalSpec(principal));
    return this;
  }

  private attach(stack: TerraformStack): void {
    if (this.attached.has(stack)) return;
    this.attached.add(stack);
    stack.node.addValidation({ validate: () => this.validateStack(stack) });
  }

  private validateStack(stack: TerraformStack): string[] {
    if (this.packs.length === 0) return [];
    const json = stack.toTerraform() as { resource?: object };
    if (!json.resource) return []; // nothing to check in a stack without resources
    let model;
    try {
      model = modelFromJson(`stack ${stack.node.path} (synthesized)`, json, stack.node.id);
    } catch (e) {
      return [`cdktf-aiam cannot read stack ${stack.node.path}: ${(e as Error).message}`];
    }
    const report = runChecks(model, this.packs, { designatedAdmins: this.admins });
    const byPath = new Map(stack.node.findAll().map(c => [c.node.path, c] as const));
    const errors: string[] = [];
    for (const f of report.findings) {
      if (f.suppressed) continue;
      const path = f.location.constructPath;
      // A finding on a resource's "Resource" child is shown on the construct the user wrote.
      const construct = (path && (byPath.get(path.replace(/\/Resource$/, '')) ?? byPath.get(path))) || stack;
      const text = renderUnknowns(`${f.ruleId} ${f.title}: ${f.message}. Fix: ${f.fix}`);
      if (f.severity === Severity.ERROR) errors.push(`[${construct.node.path}] ${text}`);
      else this.annotate(construct, f, text);
    }
    return errors;
  }

  private annotate(construct: IConstruct, f: Finding, text: string): void {
    const done = this.annotated.get(construct) ?? new Set<string>();
    this.annotated.set(construct, done);
    if (done.has(text)) return;
    done.add(text);
    if (f.severity === Severity.WARNING) Annotations.of(construct).addWarning(text);
    else Annotations.of(construct).addInfo(text);
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
 * still appear in reports, marked suppressed with the reason. A persona (MlPlatformDeveloper, PaiAccess, ...) owns
 * the attachments it creates, so a suppression on the persona covers its grants.
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
