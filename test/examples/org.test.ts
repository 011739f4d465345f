import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { buildOrg } from '../../examples/org/main';
import { AiPlatformPack, Checks } from '../../src';
import { aiam } from '../cli/run';

describe('the bundled example organisation', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'aiam-org-'));
  const app = new App({ outdir });
  buildOrg(app);
  Checks.of(app).add(new AiPlatformPack());
  app.synth(); // synth-time checks pass
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  test('checks clean: no unsuppressed finding, exit 0; the suppressed one is reported as suppressed', async () => {
    const r = await aiam('check', outdir, '--format', 'json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.summary).toEqual({ errors: 0, warnings: 0, info: 0, suppressed: 1 });
    expect(json.findings[0].suppressed.reason).toMatch(/seed 003, example 2/);
  });

  test('synthesizes one stack per cloud, each pinning its provider', () => {
    for (const [stack, provider] of [['alibaba-ai', 'alicloud'], ['volcengine-ai', 'volcengine'], ['huawei-ai', 'huaweicloud']]) {
      const json = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8'));
      expect(json.terraform.required_providers[provider].version).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });
});
