import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { aiam } from './run';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aiam-simulate-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function batchFile(batch: unknown): string {
  const f = path.join(dir, `batch-${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(f, typeof batch === 'string' ? batch : JSON.stringify(batch));
  return f;
}

// The DESIGN.md contract example.
const designBatch = {
  dialect: 'alibaba-ram',
  policies: [{
    name: 'p1',
    document: {
      Version: '1',
      Statement: [
        { Effect: 'Allow', Action: 'oss:GetObject', Resource: 'acs:oss:*:123456789:training-data/*', Condition: { IpAddress: { 'acs:SourceIp': '10.0.0.0/8' } } },
      ],
    },
  }],
  requests: [
    { action: 'oss:GetObject', resource: 'acs:oss:*:123456789:training-data/prod/q1.jsonl', context: { 'acs:SourceIp': '10.0.0.1' } },
    { action: 'oss:GetObject', resource: 'acs:oss:*:123456789:training-data/prod/q1.jsonl', context: { 'acs:SourceIp': '1.2.3.4' } },
    { action: 'pairec:ListInstances' },
  ],
};

test('JSON output: one array, one element per request, in order', async () => {
  const r = await aiam('simulate', '--batch', batchFile(designBatch), '--format', 'json');
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout)).toEqual([
    { decision: 'allow', matched: [{ policy: 'p1', statement: 0 }] },
    { decision: 'implicit-deny', matched: [] },
    { decision: 'implicit-deny', matched: [] },
  ]);
});

test('text output is a readable table', async () => {
  const r = await aiam('simulate', '--batch', batchFile(designBatch));
  expect(r.code).toBe(0);
  expect(r.stdout.split('\n')[0]).toMatch(/^#\s+action\s+resource\s+decision\s+decided by$/);
  expect(r.stdout).toMatch(/oss:GetObject .* allow +p1#0/);
});

test.each([
  ['not JSON', '{"dialect":', /not valid JSON/],
  ['unknown dialect', { dialect: 'aws', policies: [], requests: [] }, /\/dialect: unknown dialect "aws"\. Fix: use one of alibaba-ram, volcengine-iam, huawei-iam/],
  ['bad statement', { ...designBatch, policies: [{ name: 'p1', document: { Version: '1', Statement: [{ Effect: 'Permit', Action: '*', Resource: '*' }] } }] },
    /\/policies\/0\/document\/Statement\/0\/Effect: "Permit" is not a valid Effect/],
  ['bad context value', { ...designBatch, requests: [{ action: 'a:b', context: { 'acs:SourceIp': 1 } }] }, /\/requests\/0\/context\/acs:SourceIp: context values must be strings/],
])('bad input (%s): exit 2, file and JSON pointer, no stack trace', async (_name, batch, message) => {
  const file = batchFile(batch);
  const r = await aiam('simulate', '--batch', file, '--format', 'json');
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toContain(file);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at /);
});

test('a missing file is exit 2 with the fix', async () => {
  const r = await aiam('simulate', '--batch', path.join(dir, 'nope.json'));
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/nope\.json: cannot be read \(no such file\)\. Fix:/);
});
