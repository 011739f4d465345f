/**
 * Packs the library (`npm pack`), installs the tarball into a fresh cdktf app outside the repository, imports the
 * constructs, synthesizes and checks: a consumer needs nothing but the package (and its peers cdktf + constructs).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const run = (cmd: string, args: string[], cwd: string) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION: '1' } });

test('a consumer app installs the packed tarball, synthesizes and checks', () => {
  // `npm test` may run before a build: compile the jsii output the tarball ships.
  if (!fs.existsSync(path.join(ROOT, 'lib', 'index.js')) || !fs.existsSync(path.join(ROOT, 'lib', 'cli', 'main.js'))) run('npx', ['projen', 'compile'], ROOT);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aiam-consumer-'));
  try {
    const tarball = run('npm', ['pack', '--silent', '--pack-destination', dir], ROOT).trim().split('\n').pop()!;
    const peer = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).peerDependencies;
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({
      name: 'consumer',
      private: true,
      dependencies: { 'cdktf-aiam': `file:./${tarball}`, 'cdktf': peer.cdktf, 'constructs': peer.constructs },
    }));
    run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], dir);
    fs.writeFileSync(path.join(dir, 'main.js'), `
const { App, TerraformStack } = require('cdktf');
const { AiPlatformPack, Checks, ResourceQueueWithGroups, VolcIamUser, volcengine, ProductionWorkspaceSet, alicloud, RamUser } = require('cdktf-aiam');
const app = new App({ outdir: 'cdktf.out' });
const volc = new TerraformStack(app, 'volc');
new volcengine.provider.VolcengineProvider(volc, 'p', { region: 'cn-beijing' });
new ResourceQueueWithGroups(volc, 'q', { queueId: 'q-1', accountId: '2100000001', members: [new VolcIamUser(volc, 'bob', { userName: 'bob' })] });
const ali = new TerraformStack(app, 'ali');
new alicloud.provider.AlicloudProvider(ali, 'p', { region: 'cn-beijing' });
const envs = new ProductionWorkspaceSet(ali, 'envs', { project: 'demo', region: 'cn-beijing', accountQuota: { qpm: 1000 }, split: { prod: 60, test: 20, dev: 10 } });
envs.prod.grantModelInvoke(new RamUser(ali, 'u', { userName: 'u' }), { models: ['qwen-max'] });
Checks.of(app).add(new AiPlatformPack());
app.synth();
const { loadAccessModel } = require('cdktf-aiam/lib/model');
const m = loadAccessModel('cdktf.out');
console.log(JSON.stringify({ principals: m.principals.length, decision: m.can(m.findPrincipal('user/bob'), { action: 'ml_platform:CreateJob', resource: 'trn:ml_platform:cn-beijing:2100000001:resourcequeue/q-1' }).decision }));
`);
    const out = JSON.parse(run('node', ['main.js'], dir));
    expect(out).toEqual({ principals: expect.any(Number), decision: 'allow' });
    const check = JSON.parse(run(path.join(dir, 'node_modules', '.bin', 'aiam'), ['check', 'cdktf.out', '--format', 'json'], dir));
    expect(check.summary.errors).toBe(0);
    // The bundled z3 WebAssembly loads from the installed package and finds a witness.
    const prove = `const { parsePolicy } = require('cdktf-aiam/lib/policy'); const { proveNoNewAccess } = require('cdktf-aiam/lib/prove/prove');
const doc = a => ({ Version: '1', Statement: [{ Effect: 'Allow', Action: a, Resource: '*' }] });
proveNoNewAccess('alibaba-ram', [parsePolicy('alibaba-ram', 'b', doc('ecs:Describe*'))], [parsePolicy('alibaba-ram', 'a', doc('ecs:*'))])
  .then(r => { console.log(JSON.stringify(r.status)); process.exit(0); });`;
    expect(JSON.parse(run('node', ['-e', prove], dir))).toBe('witness');
    expect(run(path.join(dir, 'node_modules', '.bin', 'aiam'), ['--version'], dir).trim()).toBe(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 300_000);
