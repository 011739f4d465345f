import { Command, Option } from 'commander';
import { Catalog } from '../../catalog';
import { DEPLOY_ACTIONS } from '../../catalog/deploy-actions';
import { loadInput, plannedChanges } from '../../model';
import { combineResults, compilePolicies, Decision, Dialect, parsePolicy, PolicyError, PolicyInput } from '../../policy';
import type { SetExit } from '../commands';
import { table } from '../format/table';
import { CliIo, UsageError } from '../io';
import { readJsonFile, withInputErrors } from '../json-input';
import { findPrincipal, loadModel, loadOptions } from '../model-input';

interface Needed { address: string; change: string; action: string; dialect: Dialect; decision: Decision; detail: string }

/**
 * `aiam preflight PATH --deployer-policies FILE` (or `--deployer KIND/NAME` for a principal in the same input): every
 * resource change the deploying identity lacks permission for, with the action it needs. Exit 1 when one is missing.
 * FILE: `{ "policies": [ { "dialect": "alibaba-ram", "name": "deployer", "document": {...} }, { "dialect": "alibaba-ram", "systemPolicy": "AliyunRAMFullAccess" } ] }`.
 */
export function registerPreflight(program: Command, io: CliIo, setExit: SetExit): void {
  program.command('preflight')
    .description('permissions the deploying identity lacks for a plan or synthesized stacks')
    .argument('<path>', 'cdktf.out folder, cdk.tf.json or `terraform show -json` plan')
    .option('--deployer-policies <file>', 'the deploying identity\'s policies')
    .option('--deployer <principal>', 'a principal defined in the same input, e.g. user/ci-deployer')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((path: string, opts: { deployerPolicies?: string; deployer?: string; format: string }) => {
      if (!opts.deployerPolicies === !opts.deployer) throw new UsageError('preflight: give exactly one of --deployer-policies FILE and --deployer KIND/NAME');
      const input = withInputErrors(() => loadInput(path, loadOptions()));
      const evaluate = opts.deployer ? principalEvaluator(path, opts.deployer, io) : fileEvaluator(opts.deployerPolicies!);
      const needed: Needed[] = [];
      for (const c of plannedChanges(input)) {
        const actions = DEPLOY_ACTIONS[c.type];
        if (!actions) continue;
        for (const change of c.actions) {
          const action = change === 'create' ? actions.create : change === 'delete' ? actions.delete : change === 'update' ? (actions.update ?? actions.create) : undefined;
          if (!action) continue;
          const { decision, detail } = evaluate(actions.dialect, action);
          if (decision !== Decision.ALLOW) needed.push({ address: c.address, change, action, dialect: actions.dialect, decision, detail });
        }
      }
      if (opts.format === 'json') io.stdout(JSON.stringify({ missing: needed }, null, 2) + '\n');
      else if (needed.length === 0) io.stdout('the deployer can make every change\n');
      else io.stdout(table(['resource', 'change', 'needs', 'decision', 'detail'], needed.map(n => [n.address, n.change, n.action, n.decision, n.detail])));
      setExit(needed.length ? 1 : 0);
    });
}

type Evaluator = (dialect: Dialect, action: string) => { decision: Decision; detail: string };

function principalEvaluator(path: string, spec: string, io: CliIo): Evaluator {
  const model = loadModel(path, io);
  const p = findPrincipal(model, spec);
  return (_dialect, action) => {
    const a = model.can(p, { action }, { openContext: true });
    return { decision: a.decision, detail: [...a.unresolved, ...a.openConditions].join('; ') };
  };
}

function fileEvaluator(file: string): Evaluator {
  const doc = readJsonFile(file, 'a deployer policies file') as { policies?: unknown };
  if (!Array.isArray(doc?.policies)) throw new UsageError(`${file}: /policies: missing or not an array. Fix: write { "policies": [ { "dialect": ..., "name": ..., "document": {...} } ] }`);
  const byDialect = new Map<Dialect, PolicyInput[]>();
  const catalog = Catalog.load();
  doc.policies.forEach((raw: any, i: number) => {
    const at = `/policies/${i}`;
    const dialect = raw?.dialect as Dialect;
    if (!(Object.values(Dialect) as string[]).includes(dialect)) {
      throw new UsageError(`${file}: ${at}/dialect: unknown dialect ${JSON.stringify(raw?.dialect)}. Fix: use ${Object.values(Dialect).join(', ')}`);
    }
    let policy: PolicyInput;
    if (typeof raw.systemPolicy === 'string') {
      const sys = catalog.systemPolicy(dialect, raw.systemPolicy);
      policy = sys?.known ? parsePolicy(dialect, raw.systemPolicy, sys.document) : { name: raw.systemPolicy, unknownReason: `system policy ${raw.systemPolicy} has no document in the catalog` };
    } else {
      try {
        policy = parsePolicy(dialect, String(raw.name ?? `policy-${i}`), raw.document, { file, pointer: `${at}/document` });
      } catch (e) {
        if (e instanceof PolicyError) throw new UsageError(e.message);
        throw e;
      }
    }
    byDialect.set(dialect, [...(byDialect.get(dialect) ?? []), policy]);
  });
  const compiled = new Map([...byDialect].map(([d, ps]) => [d, ps.map(p => compilePolicies(d, [p]))]));
  return (dialect, action) => {
    const r = combineResults((compiled.get(dialect) ?? []).map(c => c.evaluate({ action }, { openContext: true })));
    return { decision: r.decision, detail: [...r.unresolved, ...r.openConditions].join('; ') };
  };
}
