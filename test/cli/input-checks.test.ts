import * as fs from 'fs';
import { aiam } from './run';
import { alibabaTeam, huaweiTeam, synthesize, volcengineTeam } from '../model/fixtures';

describe('CLI input checks', () => {
  const out = synthesize(app => { alibabaTeam(app); volcengineTeam(app); huaweiTeam(app); });
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  test.each([
    ['ml_platform:ListJbos', 'ml_platform:ListJobs'],
    ['modelarts:notebok:list', 'modelarts:notebook:list'],
  ])('a typo in %s warns with did-you-mean on stderr and still answers', async (action, hint) => {
    const r = await aiam('who-can', out, '--action', action);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`did you mean ${hint}?`);
    expect(r.stdout).toMatch(/^assumed:/);
  });

  test('an action without a service prefix exits 2 with did-you-mean', async () => {
    const r = await aiam('explain', out, '--principal', 'user/alice', '--action', 'ListInstances');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no service prefix; did you mean pairec:ListInstances( or [a-z_:A-Za-z]+)*\?/);
  });

  test('a 20,000-character action is refused at once', async () => {
    const r = await aiam('who-can', out, '--action', `pairec:${'x'.repeat(20_000)}`);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/20007 characters is not an action/);
    expect(r.stderr.length).toBeLessThan(500);
  });

  test('an unknown principal exits 2 with did-you-mean across clouds', async () => {
    const r = await aiam('explain', out, '--principal', 'user/carl', '--action', 'pairec:ListInstances');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/did you mean huawei:user\/carol/);
  });

  test('a known action raises no warning', async () => {
    const r = await aiam('who-can', out, '--action', 'pairec:ListInstances');
    expect(r.stderr).toBe('');
  });
});
