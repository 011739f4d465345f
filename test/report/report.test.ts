import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { chromium } from 'playwright-core';
import { buildOrg } from '../../examples/org/main';
import { aiam } from '../cli/run';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(p => fs.existsSync(p));
const ARTIFACTS = path.join(__dirname, '..', 'artifacts');

describe('aiam report', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aiam-report-'));
  const outdir = path.join(dir, 'cdktf.out');
  const app = new App({ outdir });
  buildOrg(app);
  app.synth();
  const html = path.join(dir, 'report.html');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('writes one self-contained file: no external script, style or link', async () => {
    const r = await aiam('report', outdir, outdir, '--out', html);
    expect(r.code).toBe(0);
    const text = fs.readFileSync(html, 'utf8');
    expect(text).not.toMatch(/<script[^>]+src=|<link[^>]+href=|@import/);
    expect(text).toContain("default-src 'none'");
  });

  (CHROMIUM ? test : test.skip)(`renders in headless Chromium with the matrices, charts, findings and diff${CHROMIUM ? '' : ' (skipped: no Chromium installed; .ci/run installs Debian\'s chromium)'}`, async () => {
    await aiam('report', outdir, outdir, '--out', html);
    const browser = await chromium.launch({
      executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 2400 } });
      const errors: string[] = [];
      page.on('pageerror', e => errors.push(e.message));
      await page.goto(`file://${html}`);
      const body = await page.innerText('body');
      for (const text of ['Findings', 'Principals × services', 'chatbot-prod-workspace (cn-beijing) · 600 QPM', 'q-20250415-train · capacity 16', 'user/frank', 'suppressed warning',
        'Access diff: 0 granted, 0 revoked']) {
        expect(body).toContain(text);
      }
      // Platform grants: allowlists, rate limits (with units), API keys with owner, workspace and lifecycle.
      for (const text of ['Model allowlists', 'Rate limits', 'API keys', 'chatbot-prod-key', 'lifecycle']) expect(body).toContain(text);
      // Charts print their numbers; caps carry units; the matrix scrolls inside the page.
      expect(body).toMatch(/: \d+ QPM/);
      expect(body).toMatch(/\d+ % of capacity/);
      expect(await page.evaluate("getComputedStyle(document.getElementById('matrix-scroll')).overflow")).toBe('auto');
      expect(await page.evaluate('Object.keys(Chart.instances).length')).toBe(2);
      expect(await page.locator('canvas').count()).toBe(2);
      expect(errors).toEqual([]);
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, 'report.png'), fullPage: true });
      expect(fs.statSync(path.join(ARTIFACTS, 'report.png')).size).toBeGreaterThan(10_000);
    } finally {
      await browser.close();
    }
  });

  test('bad --out path is exit 2 with the fix', async () => {
    const r = await aiam('report', outdir, '--out', path.join(dir, 'missing', 'dir', 'r.html'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out .*r\.html: the folder .* does not exist\. Fix:/);
  });
});
