/** `aiam check` on the generated 10,000-user organisation (see bench/model.ts): wall time and peak RSS. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../src/cli';
import { generateOrg } from './model';

export async function runChecksBench(): Promise<object> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aiam-bench-checks-'));
  try {
    const org = generateOrg(dir);
    let bytes = 0;
    const start = process.hrtime.bigint();
    const code = await runCli(['check', org.file, '--format', 'json'], { isTty: false, stdout: t => { bytes += t.length; }, stderr: () => undefined });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const result = {
      benchmark: 'checks',
      machine: { cpus: os.cpus().length, node: process.version },
      org: { users: org.users, groups: org.groups, customPolicies: org.customPolicies, systemPolicies: org.systemPolicies },
      command: 'aiam check <org>/cdk.tf.json --format json (in-process, includes loading)',
      exitCode: code, reportBytes: bytes, wallMs: Math.round(ms),
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      targets: { atMost5s: ms <= 5000, rssAtMost1GiB: process.resourceUsage().maxRSS <= 1024 * 1024 },
    };
    fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
    fs.writeFileSync(path.join(__dirname, 'results', 'checks.json'), JSON.stringify(result, null, 2) + '\n');
    return result;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
