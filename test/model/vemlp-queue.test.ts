import * as fs from 'fs';
import { App, TerraformStack } from 'cdktf';
import { synthesize } from './fixtures';
import { PolicyEffect, vemlp, volcengine, volcengine_iam } from '../../src';
import { describePrincipal, diffModels, loadAccessModel } from '../../src/model';
import { Decision } from '../../src/policy';
import { aiam } from '../cli/run';

/** The veMLP guide (seed 001): a queue with admin and developer groups; optionally a second path (a system policy). */
function queueApp(opts: { secondPath?: boolean; denyStop?: boolean; cap?: number } = {}) {
  return (app: App) => {
    const s = new TerraformStack(app, 'mlp');
    new volcengine.provider.VolcengineProvider(s, 'p', { region: 'cn-beijing' });
    const alice = new volcengine_iam.VolcIamUser(s, 'alice', { userName: 'alice' });
    const bob = new volcengine_iam.VolcIamUser(s, 'bob', { userName: 'bob' });
    const eve = new volcengine_iam.VolcIamUser(s, 'eve', { userName: 'eve' });
    new vemlp.ResourceQueueWithGroups(s, 'q', {
      queueId: 'q-train',
      region: 'cn-beijing',
      accountId: '2100000001',
      admins: [alice],
      members: [bob, eve],
      capacity: 16,
      userCaps: [{ user: 'bob', percent: opts.cap ?? 50 }],
    });
    if (opts.secondPath) bob.attachSystemPolicy('MLPlatformDeveloperAccess');
    if (opts.denyStop) {
      const g = new volcengine_iam.VolcIamGroup(s, 'frozen', { groupName: 'frozen' });
      g.addUser(eve);
      g.attachPolicy(new volcengine_iam.VolcIamPolicy(s, 'no-stop', { policyName: 'no-stop', statements: [{ effect: PolicyEffect.DENY, actions: ['ml_platform:StopJob'], resources: ['*'] }] }));
    }
  };
}

const dirs: string[] = [];
const synth = (o: Parameters<typeof queueApp>[0] = {}) => {
  const d = synthesize(queueApp(o));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach(d => fs.rmSync(d, { recursive: true, force: true })));

describe('veMLP queue: diff by decisions', () => {
  test('a second grant path (a system policy) revokes nothing and duplicates nothing', async () => {
    const before = loadAccessModel(synth());
    const after = loadAccessModel(synth({ secondPath: true }));
    const diff = diffModels(before, after);
    expect(diff.revokedCount).toBe(0);
    const bob = diff.changes.find(c => c.principal === 'volcengine:user/bob');
    // Every witness is decided differently before and after, and no (action, resource) appears twice.
    for (const e of bob?.granted ?? []) {
      expect(e.witness.before).not.toBe(Decision.ALLOW);
      expect(after.can(after.findPrincipal('user/bob'), { action: e.witness.action, resource: e.witness.resource }, { openContext: true }).decision).toBe(e.witness.after);
    }
    const keys = (bob?.granted ?? []).map(e => `${e.action}|${e.resource ?? ''}`);
    expect(new Set(keys).size).toBe(keys.length);
    // Every revocation claim of the old diff is contradicted by explain: nothing bob could do before is lost.
    const b = before.findPrincipal('user/bob');
    const a = after.findPrincipal('user/bob');
    for (const action of ['ml_platform:StopJob', 'ml_platform:CreateJob', 'ml_platform:ListJobs']) {
      const req = { action, resource: 'trn:ml_platform:cn-beijing:2100000001:resourcequeue/q-train' };
      if (before.can(b, req).decision === Decision.ALLOW) expect(after.can(a, req).decision).toBe(Decision.ALLOW);
    }
    const r = await aiam('diff', dirs[0], dirs[1]);
    expect(r.stdout).not.toMatch(/^\s+- /m);
  });

  test('what-can with two grant paths: no duplicate lines, unconditional and conditional grants apart', () => {
    const model = loadAccessModel(synth({ secondPath: true }));
    const perms = model.whatCan(model.findPrincipal('user/bob'));
    for (const svc of perms.services) {
      const keys = svc.grants.map(g => `${g.action}|${g.conditions.join('&')}`);
      expect(new Set(keys).size).toBe(keys.length);
      // A literal action the catalog lists is never also reported as "not all in the catalog".
      for (const p of svc.unlistedPatterns) expect(p).toMatch(/[*?]|^[^:]+:[^:]+$/);
      for (const g of svc.grants) expect(svc.unlistedPatterns).not.toContain(g.action);
    }
  });

  test('a raised cap is a limit change, not new access', () => {
    const diff = diffModels(loadAccessModel(synth()), loadAccessModel(synth({ cap: 80 })));
    expect(diff.grantedCount).toBe(0);
    expect(diff.limitChangeCount).toBe(1);
    expect(diff.changes[0].limitChanges[0].conditions.join()).toMatch(/CapPercentOfQueue/);
  });
});

describe('who-can is complete', () => {
  const out = synth({ denyStop: true });
  const model = loadAccessModel(out);

  test('without --resource, the queue admin granted on the queue resources is listed with the patterns', () => {
    const r = model.whoCanComplete({ action: 'ml_platform:StopJob' }, { openContext: true });
    const able = r.able.map(e => describePrincipal(e.answer.principal));
    expect(able).toEqual(expect.arrayContaining(['volcengine:user/alice', 'volcengine:user/bob']));
    const alice = r.able.find(e => e.answer.principal.name === 'alice')!;
    expect(alice.resources!.join()).toMatch(/q-train/);
  });

  test('explicit-deny principals are never listed as able', async () => {
    const r = model.whoCanComplete({ action: 'ml_platform:StopJob' }, { openContext: true });
    expect(r.able.map(e => e.answer.principal.name)).not.toContain('eve');
    expect(r.denied.map(a => a.principal.name)).toContain('eve');
    const t = await aiam('who-can', out, '--action', 'ml_platform:StopJob');
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/^assumed: resource none given/);
    expect(t.stdout).toMatch(/explicitly denied \(not able\): volcengine:user\/eve/);
    expect(t.stdout).toMatch(/volcengine:user\/alice .*resource-scoped/);
    const j = JSON.parse((await aiam('who-can', out, '--action', 'ml_platform:StopJob', '--format', 'json')).stdout);
    expect(j.explicitlyDenied.map((a: any) => a.principal).sort()).toEqual(['volcengine:group/frozen', 'volcengine:user/eve']);
  });

  test('platform grants of the queue: admin and member', () => {
    const q = 'trn:vemlp-platform:cn-beijing:2100000001:queue/q-train';
    expect(model.whoCan({ action: 'vemlp-platform:QueueAdmin', resource: q }).map(a => a.principal.name)).toEqual(['alice']);
    expect(model.whoCan({ action: 'vemlp-platform:QueueMember', resource: q }).map(a => a.principal.name).sort()).toEqual(['alice', 'bob', 'eve']);
  });
});
