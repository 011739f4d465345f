/**
 * `aiam diff --prove`: on the example organisation (a real edit: a widened wildcard), and on two generated
 * 10,000-user organisations (bench/model.ts) that differ by one group policy, with proofs cached per distinct
 * (before, after) policy-set pair. 3 runs, each in a fresh Node process (so each includes the z3 start): CPU and wall
 * time, peak RSS.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { buildOrg } from '../examples/org/main';
import { runCli } from '../src/cli';
import { shutdownZ3 } from '../src/prove/z3';
import { failed, inFreshProcess, peakRssMiB, spread, Spread, timedAsync, timings } from './measure';
import { generateOrg } from './model';
import { writeResult } from './results';

interface ProveRun { code: number; wallMs: number; cpuMs: number; peakRssMiB: number; report: { proven: number; witnesses: number; notProven: number; distinctPairs: number } }

/** One `diff --prove` run, in its own process. */
export async function measureProveRun(argv: string[]): Promise<ProveRun> {
  let out = '';
  try {
    const t = await timedAsync(() => runCli(argv, { isTty: false, stdout: x => { out += x; }, stderr: () => undefined }));
    const r = JSON.parse(out);
    return { code: t.value, wallMs: Math.round(t.wallMs), cpuMs: Math.round(t.cpuMs), peakRssMiB: peakRssMiB(),
      report: { proven: r.proven, witnesses: r.witnesses, notProven: r.notProven, distinctPairs: r.distinctPairs } };
  } finally {
    await shutdownZ3();
  }
}

function timed(argv: string[]): { code: number } & ReturnType<typeof timings> & { peakRssMiB: Spread; report: ProveRun['report'] } {
  const runs = [0, 1, 2].map(i => {
    const r = inFreshProcess<ProveRun>(__filename, 'measureProveRun', [argv]);
    if (failed(r)) throw new Error(`prove bench run ${i + 1} (${argv.join(' ')}) failed: ${r.error}`);
    return r;
  });
  return { code: runs[0].code, ...timings(runs), peakRssMiB: spread(runs.map(r => r.peakRssMiB)), report: runs[0].report };
}

export async function runProveBench(): Promise<object> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aiam-bench-prove-'));
  try {
    const app = new App({ outdir: path.join(dir, 'org') });
    buildOrg(app);
    app.synth();
    const ali = path.join(dir, 'org', 'stacks', 'alibaba-ai', 'cdk.tf.json');
    const edited = JSON.parse(fs.readFileSync(ali, 'utf8'));
    const doc = JSON.parse(edited.resource.alicloud_ram_policy['pairec-read'].policy_document);
    doc.Statement[0].Action.push('pairec:Describe*');
    edited.resource.alicloud_ram_policy['pairec-read'].policy_document = JSON.stringify(doc);
    // The whole organisation (three clouds), before and after.
    const after = path.join(dir, 'org-after');
    fs.cpSync(path.join(dir, 'org'), after, { recursive: true });
    fs.writeFileSync(path.join(after, 'stacks', 'alibaba-ai', 'cdk.tf.json'), JSON.stringify(edited));
    const example = timed(['diff', '--prove', path.join(dir, 'org'), after, '--format', 'json']);

    const big = generateOrg(path.join(fs.mkdtempSync(path.join(dir, 'big-'))));
    const bigDoc = JSON.parse(fs.readFileSync(big.file, 'utf8'));
    // One group policy gains a statement; one Deny is dropped from another: real solver work for their members.
    const p0 = JSON.parse(bigDoc.resource.alicloud_ram_policy.p0.policy_document);
    p0.Statement.push({ Effect: 'Allow', Action: ['pairec:Update*'], Resource: '*' });
    bigDoc.resource.alicloud_ram_policy.p0.policy_document = JSON.stringify(p0);
    const p1 = JSON.parse(bigDoc.resource.alicloud_ram_policy.p1.policy_document);
    p1.Statement = p1.Statement.filter((s: { Effect: string }) => s.Effect !== 'Deny');
    bigDoc.resource.alicloud_ram_policy.p1.policy_document = JSON.stringify(p1);
    const bigAfter = path.join(dir, 'big-after.tf.json');
    fs.writeFileSync(bigAfter, JSON.stringify(bigDoc));
    const large = timed(['diff', '--prove', big.file, bigAfter, '--format', 'json']);

    const result = {
      benchmark: 'prove',
      command: 'npm run bench prove',
      machine: { cpus: os.cpus().length, node: process.version },
      example: { command: 'aiam diff --prove (example org, three clouds; one widened wildcard), in-process, includes loading and z3 start', exitCode: example.code, wallMs: example.wallMs, cpuMs: example.cpuMs, peakRssMiB: example.peakRssMiB, ...example.report },
      large: {
        command: 'aiam diff --prove (two generated 10,000-user orgs; one policy widened, one Deny dropped), includes loading',
        org: { users: big.users, groups: big.groups, customPolicies: big.customPolicies },
        exitCode: large.code, wallMs: large.wallMs, cpuMs: large.cpuMs, peakRssMiB: large.peakRssMiB, ...large.report,
      },
    };
    writeResult('prove', result);
    return result;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
