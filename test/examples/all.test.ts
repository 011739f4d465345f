import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { build as byLine } from '../../examples/model-studio-by-business-line/main';
import { build as byEnvironment } from '../../examples/model-studio-by-environment/main';
import { build as modelarts } from '../../examples/modelarts-team/main';
import { build as paiEas } from '../../examples/pai-eas/main';
import { build as pairec } from '../../examples/pairec-team/main';
import { build as vemlp } from '../../examples/vemlp-team/main';
import { AiPlatformPack, Checks } from '../../src';
import { aiam } from '../cli/run';

const EXAMPLES: Array<[string, (app: Construct) => TerraformStack]> = [
  ['model-studio-by-environment', byEnvironment], ['model-studio-by-business-line', byLine], ['vemlp-team', vemlp],
  ['pairec-team', pairec], ['modelarts-team', modelarts], ['pai-eas', paiEas],
];

test.each(EXAMPLES)('example %s synthesizes with synth-time checks and `aiam check` finds no error or warning', async (_name, build) => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'aiam-example-'));
  const app = new App({ outdir });
  build(app);
  Checks.of(app).add(new AiPlatformPack());
  app.synth();
  const r = await aiam('check', outdir, '--format', 'json', '--min-severity', 'warning');
  expect(JSON.parse(r.stdout).findings).toEqual([]);
  expect(r.code).toBe(0);
  fs.rmSync(outdir, { recursive: true, force: true });
});
