/**
 * `npm run bench [name...]`: runs each benchmark in its own Node process (so peak RSS is its own)
 * and prints where its JSON result was written. Targets are judged in the results (bench/targets.ts), not asserted in
 * tests; the README's benchmark table is regenerated from the results afterwards.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { updateReadme } from './table';

const BENCHES: Record<string, string> = {
  evaluator: 'runEvaluatorBench',
  model: 'runModelBench',
  checks: 'runChecksBench',
  prove: 'runProveBench',
  scale: 'runScaleBench',
};

function main(): void {
  const requested = process.argv.slice(2);
  const names = requested.length > 0 ? requested : Object.keys(BENCHES);
  let failed = false;
  for (const name of names) {
    const fn = BENCHES[name];
    const file = path.join(__dirname, `${name}.ts`);
    if (!fn || !fs.existsSync(file)) {
      console.error(`bench: no benchmark "${name}" (known: ${Object.keys(BENCHES).join(', ')})`);
      failed = true;
      continue;
    }
    const script = `require(${JSON.stringify(file)}).${fn}().then(r => { console.log(JSON.stringify(r, null, 2)); }, e => { console.error(e); process.exit(1); })`;
    const r = spawnSync(process.execPath, ['--expose-gc', '-r', 'ts-node/register/transpile-only', '-e', script], {
      stdio: 'inherit', env: { ...process.env, TS_NODE_PROJECT: path.join(__dirname, '..', 'test', 'tsconfig.json') },
    });
    if (r.status !== 0) failed = true;
    console.log(`bench ${name}: ${r.status === 0 ? `wrote bench/results/${name}.json` : 'FAILED'}`);
  }
  console.log(updateReadme() ? 'README.md: benchmark table regenerated' : 'README.md: benchmark table unchanged');
  process.exitCode = failed ? 1 : 0;
}

main();
