import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { aiam } from '../cli/run';

/** Coverage findings travel the findings pipeline: every output format and the HTML report name the resource. */
describe('coverage findings in every output', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aiam-coverage-'));
  const file = path.join(dir, 'main.tf.json');
  fs.writeFileSync(file, JSON.stringify({
    resource: {
      alicloud_ram_user: { u: { name: 'ops' } },
      alicloud_oss_bucket_policy: { open: { bucket: 'b', policy: '{}' } },
      acme_widget: { w: {} },
    },
  }));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test.each(['text', 'json', 'sarif', 'junit'])('%s: AIAM-COV-001 with the address; warnings and info do not fail the check', async format => {
    const r = await aiam('check', file, '--format', format);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('AIAM-COV-001');
    expect(r.stdout).toContain('alicloud_oss_bucket_policy.open');
    expect(r.stdout).toContain('AIAM-COV-002');
  });

  test('the HTML report lists the coverage finding', async () => {
    const html = path.join(dir, 'report.html');
    const r = await aiam('report', file, '--out', html);
    expect(r.code).toBe(0);
    const text = fs.readFileSync(html, 'utf8');
    expect(text).toContain('AIAM-COV-001');
    expect(text).toContain('alicloud_oss_bucket_policy.open');
  });
});
