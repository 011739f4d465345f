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

describe('explain shows ways in and unknown scopes', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aiam-explain-'));
  const file = path.join(dir, 'main.tf.json');
  fs.writeFileSync(file, JSON.stringify({
    resource: {
      huaweicloud_identity_user: { u: { name: 'carol' } },
      huaweicloud_identity_group: { g: { name: 'ml' } },
      huaweicloud_identity_group_membership: { m: { group: '${huaweicloud_identity_group.g.id}', users: ['${huaweicloud_identity_user.u.id}'] } },
      huaweicloud_identity_access_key: { k: { user_id: '${huaweicloud_identity_user.u.id}' } },
      huaweicloud_identity_role: { r: { name: 'obs-read', type: 'XA', description: 'd', policy: JSON.stringify({ Version: '1.1', Statement: [{ Effect: 'Allow', Action: ['obs:object:GetObject'] }] }) } },
      huaweicloud_identity_role_assignment: { a: { group_id: '${huaweicloud_identity_group.g.id}', role_id: '${huaweicloud_identity_role.r.id}', project_id: '${var.project_id}' } },
    },
  }));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('text: the access key and the unknown project scope; --project answers unknown', async () => {
    const r = await aiam('explain', file, '--principal', 'user/carol', '--action', 'obs:object:GetObject', '--project', 'p-1');
    expect(r.stdout).toMatch(/huawei:user\/carol obs:object:GetObject: unknown/);
    expect(r.stdout).toMatch(/way in: API access key \(active\) \(huaweicloud_identity_access_key\.k\)/);
    expect(r.stdout).toMatch(/\[unknown scope \(project_id .*var\.project_id.*\)\]/);
    expect(r.stdout).toMatch(/may or may not cover project p-1/);
  });

  test('json: credentials listed with the principal', async () => {
    const r = await aiam('explain', file, '--principal', 'user/carol', '--action', 'obs:object:GetObject', '--format', 'json');
    expect(JSON.parse(r.stdout).credentials).toEqual([{ kind: 'access-key', detail: 'API access key (active)', address: 'huaweicloud_identity_access_key.k' }]);
  });
});

test('who-can shows the scope of a project-scoped grant', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aiam-whocan-'));
  const file = path.join(dir, 'main.tf.json');
  fs.writeFileSync(file, JSON.stringify({
    resource: {
      volcengine_iam_user: { u: { user_name: 'dev' } },
      volcengine_iam_policy_project: { p: { principal_type: 'User', principal_name: '${volcengine_iam_user.u.user_name}', policy_type: 'System', policy_name: 'AdministratorAccess', project_names: ['ml'] } },
    },
  }));
  try {
    const r = await aiam('who-can', file, '--action', 'ecs:RunInstances');
    expect(r.stdout).toMatch(/volcengine:user\/dev\s+allow\s+any \(\*\)\s+AdministratorAccess#0 \[project ml\]/);
    expect((await aiam('who-can', file, '--action', 'ecs:RunInstances', '--project', 'web')).stdout).toMatch(/no principal can ecs:RunInstances/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
