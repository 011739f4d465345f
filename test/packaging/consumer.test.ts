/**
 * Packs the library (`npm pack`, which builds lib/ first), installs the tarball into fresh apps outside the
 * repository, and checks what a consumer sees: the README's TypeScript compiles under --strict against the package;
 * grants; persona suppressions; checks in Testing.fullSynth; a custom rule in a custom pack; the CLI. The same app
 * runs with cdktn 0.24 installed under the name `cdktf` (npm alias).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readmeTsBlocks, writeStrictProject } from '../readme-blocks';

const ROOT = path.join(__dirname, '..', '..');
const run = (cmd: string, args: string[], cwd: string) => execFileSync(cmd, args, {
  cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION: '1' },
});
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

let work: string;
let tarball: string;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'aiam-consumer-'));
  tarball = path.join(work, run('npm', ['pack', '--silent', '--pack-destination', work], ROOT).trim().split('\n').pop()!);
}, 300_000);
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function consumer(name: string, deps: Record<string, string>, extra: object = {}): string {
  const dir = path.join(work, name);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({
    name, private: true, dependencies: { 'cdktf-aiam': `file:${tarball}`, ...deps }, ...extra,
  }));
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], dir);
  fs.copyFileSync(path.join(__dirname, 'consumer-app.js'), path.join(dir, 'main.js'));
  return dir;
}

function expectConsumerBehaviour(dir: string) {
  const out = JSON.parse(run('node', ['main.js'], dir));
  expect(out.grants).toEqual({ invoke: ['ali/envs/prod/Settings'], queue: ['volc/q/Settings'], pai: ['AliyunPAIEASFullAccess'] });
  expect(out.decision).toBe('allow');
  expect(out.fullSynthStar).toMatch(/\[later\/intern\/everything\] AIAM-IAM-001 Full-admin grant/);
  expect(out.persona).toEqual({ unsuppressed: ['rec/ops/bob-pairec-admin: AIAM-IAM-001'], suppressed: [] });
  expect(out.customRule).toMatch(/\[team\/read\] ACME-001 Policy without the acme- prefix: policy pairec-read/);
  expect(out.customRule).not.toMatch(/AIAM-IAM-/);
}

test('a cdktf app: README compiles under --strict, grants, suppressions, checks, custom rules, CLI', () => {
  const dir = consumer('with-cdktf', { cdktf: pkg.peerDependencies.cdktf, constructs: pkg.peerDependencies.constructs });
  const tsconfig = writeStrictProject(dir, readmeTsBlocks(), {}, [path.join(ROOT, 'node_modules', '@types')]);
  let errors = '';
  try { run(path.join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', tsconfig], dir); } catch (e) { errors = String((e as { stdout?: string }).stdout); }
  expect(errors).toBe('');
  expectConsumerBehaviour(dir);
  const aiam = path.join(dir, 'node_modules', '.bin', 'aiam');
  expect(JSON.parse(run(aiam, ['check', 'cdktf.out', '--format', 'json'], dir)).summary.errors).toBe(0);
  expect(run(aiam, ['--version'], dir).trim()).toBe(pkg.version);
  // Plain .tf folders: the HCL reader is bundled in the tarball and works offline.
  fs.mkdirSync(path.join(dir, 'infra'));
  fs.writeFileSync(path.join(dir, 'infra', 'main.tf'), [
    'resource "alicloud_ram_user" "u" { name = "carol" }',
    'resource "alicloud_ram_policy" "p" {',
    '  policy_name     = "read"',
    '  policy_document = jsonencode({ Version = "1", Statement = [{ Effect = "Allow", Action = "pai:List*", Resource = "*" }] })',
    '}',
    'resource "alicloud_ram_user_policy_attachment" "a" {',
    '  user_name   = alicloud_ram_user.u.name',
    '  policy_name = alicloud_ram_policy.p.policy_name',
    '  policy_type = "Custom"',
    '}',
  ].join('\n'));
  // The bundled z3 WebAssembly loads from the installed package and finds a witness.
  const prove = `const { parsePolicy } = require('cdktf-aiam/lib/policy'); const { proveNoNewAccess } = require('cdktf-aiam/lib/prove/prove');
const doc = a => ({ Version: '1', Statement: [{ Effect: 'Allow', Action: a, Resource: '*' }] });
proveNoNewAccess('alibaba-ram', [parsePolicy('alibaba-ram', 'b', doc('ecs:Describe*'))], [parsePolicy('alibaba-ram', 'a', doc('ecs:*'))])
  .then(r => { console.log(JSON.stringify(r.status)); process.exit(0); });`;
  expect(JSON.parse(run('node', ['-e', prove], dir))).toBe('witness');
  const who = JSON.parse(run(aiam, ['who-can', 'infra', '--action', 'pai:ListQuotas', '--format', 'json'], dir));
  expect(who.able.map((a: { principal: string; decision: string }) => `${a.principal} ${a.decision}`)).toEqual(['alibaba:user/carol allow']);
}, 600_000);

test('a cdktn 0.24 app (cdktn installed as cdktf) runs the same checks', () => {
  // cdktn is CDKTF's community fork with the same API; the alias keeps one copy of the core library, so the
  // constructs' instanceof and aspect machinery see the app's classes. `overrides` satisfies the cdktf peer.
  const dir = consumer('with-cdktn', { cdktf: 'npm:cdktn@0.24.0', constructs: '>=10.6.0 <10.8.0' }, { overrides: { cdktf: '$cdktf' } });
  expect(JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', 'cdktf', 'package.json'), 'utf8')).name).toBe('cdktn');
  expectConsumerBehaviour(dir);
}, 600_000);
