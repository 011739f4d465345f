/**
 * `npm run demo`: synthesize the bundled example organisation into cdktf.out/, run `aiam check` on it, and print a
 * short access summary from the access model.
 */
import * as path from 'path';
import { App } from 'cdktf';
import { buildOrg, VOLCENGINE_ACCOUNT } from '../examples/org/main';
import { runCli } from '../src/cli';
import { bailianMemberships, describePrincipal, loadAccessModel } from '../src/model';

async function main(): Promise<void> {
  const outdir = path.resolve(__dirname, '..', 'cdktf.out');
  const app = new App({ outdir });
  buildOrg(app);
  app.synth();
  const rel = path.relative(process.cwd(), outdir) || '.';
  process.stdout.write(`synthesized ${rel}/ (${app.node.children.length} stacks)\n\n$ aiam check ${rel}\n`);
  const code = await runCli(['check', outdir]);
  if (code !== 0) {
    process.exitCode = code;
    return;
  }
  const model = loadAccessModel(outdir);
  const queue = (id: string) => `trn:ml_platform:cn-beijing:${VOLCENGINE_ACCOUNT}:resourcequeue/${id}`;
  const questions: Array<[string, string, string | undefined, Record<string, string>?]> = [
    ['user/alice', 'pairec:ListInstances', undefined],
    ['user/alice', 'pairec:DeleteInstanceResource', undefined],
    ['user/grace', 'bailiancontrol:CreateWorkspace', undefined],
    ['user/frank', 'bailiancontrol:CreateWorkspace', undefined],
    ['user/carol', 'ml_platform:CreateDevInstance', queue('q-20250415-train')],
    ['user/carol', 'ml_platform:CreateDevInstance', queue('q-20250415-infer')],
    ['user/bob', 'ml_platform:StopJob', `trn:ml_platform:cn-beijing:${VOLCENGINE_ACCOUNT}:job/j-1`,
      { 'volc:ResourceTag/sys:ml_platform:resource_queue_id': 'q-20250415-train' }],
    ['user/erin', 'modelarts:notebook:list', undefined],
    ['user/erin', 'modelarts:pool:create', undefined],
  ];
  process.stdout.write(`\naccess summary (${model.principals.length} principals, ${model.policies.length} policies, ${model.attachments.length} attachments):\n`);
  for (const [who, action, resource, context] of questions) {
    const a = model.can(model.findPrincipal(who), { action, resource, context });
    const via = a.chain[0] ? ` via ${a.chain[0].viaGroup ? `${a.chain[0].viaGroup} -> ` : ''}${a.chain[0].policy}#${a.chain[0].statement}` : '';
    process.stdout.write(`  ${describePrincipal(a.principal).padEnd(28)} ${`${action}${resource ? ` on ${resource.split(':').pop()}` : ''}`.padEnd(62)} ${a.decision}${via}\n`);
  }
  const split = model.settings.find(s => s.envelope.kind === 'bailian-quota-split')?.envelope.settings as
    { allocations: Array<{ workspace: string; qpm: number }>; buffer: { qpm: number } } | undefined;
  if (split) {
    process.stdout.write(`\nModel Studio quota split: ${split.allocations.map(a => `${a.workspace} ${a.qpm} QPM`).join(', ')}, buffer ${split.buffer.qpm} QPM\n`);
  }
  for (const m of bailianMemberships(model, model.findPrincipal('user/frank'))) {
    process.stdout.write(`  user/frank in ${m.workspace}: pages ${m.pages.join(', ')}\n`);
  }
  process.stdout.write(`\nexplore: npm run aiam -- explain ${rel} --principal user/carol --action ml_platform:CreateDevInstance --resource ${queue('q-20250415-train')}\n`);
}

main().catch(e => { console.error(e instanceof Error ? e.message : e); process.exitCode = 1; });
