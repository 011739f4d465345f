/** Request values the evaluator rejects as ambiguous (issue 19 item 10) are bad input: exit 2 with the JSON pointer. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { aiam } from './run';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aiam-simulate-ctx-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const batch = (context: Record<string, string>) => {
  const f = path.join(dir, `b-${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(f, JSON.stringify({
    dialect: 'alibaba-ram',
    policies: [{ name: 'p', document: { Version: '1', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: { NumericLessThan: { 'acs:MFAAge': '3600' } } }] } }],
    requests: [{ action: 'ecs:DescribeInstances', resource: '*', context: { 'acs:MFAAge': '60' } }, { action: 'ecs:DescribeInstances', resource: '*', context }],
  }));
  return f;
};

test.each(['0x10', ' 7', '1e3', 'Infinity'])('simulate --batch: MFAAge %j exits 2 naming the request and key', async v => {
  const r = await aiam('simulate', '--batch', batch({ 'acs:MFAAge': v }), '--format', 'json');
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/\/requests\/1\/context\/acs:MFAAge/);
  expect(r.stderr).not.toMatch(/internal error/);
});
