/**
 * `npm run demo`: synthesize the bundled example organisation into cdktf.out/ and check it with `aiam check`.
 */
import * as path from 'path';
import { App } from 'cdktf';
import { buildOrg } from '../examples/org/main';
import { runCli } from '../src/cli';

async function main(): Promise<void> {
  const outdir = path.resolve(__dirname, '..', 'cdktf.out');
  const app = new App({ outdir });
  buildOrg(app);
  app.synth();
  process.stdout.write(`synthesized ${path.relative(process.cwd(), outdir)}/\n`);
  process.exitCode = await runCli(['check', outdir]);
}

main().catch(e => { console.error(e instanceof Error ? e.message : e); process.exitCode = 1; });
