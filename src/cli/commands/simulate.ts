import { Command, Option } from 'commander';
import { AccessRequest, compilePolicies, Decision, Dialect, parsePolicy, PolicyError, pointerJoin } from '../../policy';
import type { SetExit } from '../commands';
import { table } from '../format/table';
import { CliIo, UsageError } from '../io';
import { readJsonFile } from '../json-input';

/**
 * `aiam simulate --batch FILE`: the DESIGN.md contract. FILE holds one dialect, the identity policies of one
 * principal and the requests; JSON output is one array with `{decision, matched}` per request, in order.
 */
export function registerSimulate(program: Command, io: CliIo, setExit: SetExit): void {
  program.command('simulate')
    .description('evaluate a batch of requests against one principal\'s policies')
    .requiredOption('--batch <file>', 'JSON file: { dialect, policies: [{name, document}], requests: [{action, resource?, context?}] }')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'text']).default('text'))
    .action((opts: { batch: string; format: 'json' | 'text' }) => {
      const results = simulateBatch(opts.batch, readJsonFile(opts.batch, 'a simulate batch file'));
      if (opts.format === 'json') {
        io.stdout(JSON.stringify(results.map(r => ({ decision: r.decision, matched: r.matched })), null, 2) + '\n');
      } else {
        io.stdout(table(['#', 'action', 'resource', 'decision', 'decided by'], results.map((r, i) => [
          String(i), r.request.action, r.request.resource ?? '-', r.decision,
          [...r.matched.map(m => `${m.policy}#${m.statement}`), ...r.unresolved].join(', ') || '-',
        ])));
      }
      setExit(0);
    });
}

interface SimulateResult {
  readonly request: AccessRequest;
  readonly decision: Decision;
  readonly matched: ReadonlyArray<{ policy: string; statement: number }>;
  readonly unresolved: readonly string[];
}

export function simulateBatch(file: string, batch: unknown): SimulateResult[] {
  const fail = (pointer: string, problem: string, fix: string) => new UsageError(`${file}: ${pointer || '/'}: ${problem}. Fix: ${fix}`);
  if (typeof batch !== 'object' || batch === null || Array.isArray(batch)) {
    throw fail('', 'the batch must be a JSON object', 'write { "dialect": ..., "policies": [...], "requests": [...] }');
  }
  const b = batch as Record<string, unknown>;
  const dialects = Object.values(Dialect) as string[];
  if (typeof b.dialect !== 'string' || !dialects.includes(b.dialect)) {
    throw fail('/dialect', `unknown dialect ${JSON.stringify(b.dialect)}`, `use one of ${dialects.join(', ')}`);
  }
  const dialect = b.dialect as Dialect;
  if (!Array.isArray(b.policies)) throw fail('/policies', 'policies must be an array', 'write "policies": [ { "name": "p1", "document": {...} } ]');
  if (!Array.isArray(b.requests)) throw fail('/requests', 'requests must be an array', 'write "requests": [ { "action": "svc:Action" } ]');
  const names = new Set<string>();
  const policies = b.policies.map((p: unknown, i: number) => {
    const at = `/policies/${i}`;
    if (typeof p !== 'object' || p === null) throw fail(at, 'a policy must be an object', 'write { "name": "p1", "document": {...} }');
    const { name, document } = p as Record<string, unknown>;
    if (typeof name !== 'string' || name === '') throw fail(`${at}/name`, 'policy name missing', 'give each policy a unique "name"');
    if (names.has(name)) throw fail(`${at}/name`, `duplicate policy name "${name}"`, 'give each policy a unique "name"');
    names.add(name);
    if (document === undefined) throw fail(`${at}/document`, 'policy document missing', 'add "document": { "Statement": [...] }');
    try {
      return parsePolicy(dialect, name, document, { file, pointer: `${at}/document` });
    } catch (e) {
      if (e instanceof PolicyError) throw new UsageError(e.message);
      throw e;
    }
  });
  const compiled = compilePolicies(dialect, policies);
  return b.requests.map((r: unknown, i: number) => {
    const request = parseRequest(r, `/requests/${i}`, fail);
    let result;
    try {
      result = compiled.evaluate(request);
    } catch (e) {
      // A malformed context value (a date that does not exist, "0x10" as a number) is bad input, not a bug.
      if (e instanceof PolicyError) throw fail(`/requests/${i}${e.pointer}`, e.problem, e.fix);
      throw e;
    }
    return { request, decision: result.decision, matched: result.matched, unresolved: result.unresolved };
  });
}

function parseRequest(raw: unknown, at: string, fail: (p: string, problem: string, fix: string) => Error): AccessRequest {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw fail(at, 'a request must be an object', 'write { "action": "svc:Action", "resource": "...", "context": {} }');
  const r = raw as Record<string, unknown>;
  for (const k of Object.keys(r)) {
    if (!['action', 'resource', 'context'].includes(k)) throw fail(pointerJoin(at, k), `unknown key "${k}"`, 'use only action, resource and context');
  }
  if (typeof r.action !== 'string' || r.action === '') throw fail(`${at}/action`, 'action missing', 'give "action": "service:Action"');
  if (r.resource !== undefined && (typeof r.resource !== 'string' || r.resource === '')) {
    throw fail(`${at}/resource`, 'resource must be a non-empty string', 'omit resource for actions without resource-level authorization');
  }
  const context: Record<string, string | string[]> = {};
  if (r.context !== undefined) {
    if (typeof r.context !== 'object' || r.context === null || Array.isArray(r.context)) {
      throw fail(`${at}/context`, 'context must be an object', 'write "context": { "acs:SourceIp": "10.0.0.1" }');
    }
    for (const [k, v] of Object.entries(r.context)) {
      const ok = typeof v === 'string' || (Array.isArray(v) && v.every(x => typeof x === 'string'));
      if (!ok) throw fail(pointerJoin(`${at}/context`, k), 'context values must be strings or arrays of strings', `write "${k}": "value"`);
      context[k] = v as string | string[];
    }
  }
  return { action: r.action, resource: r.resource as string | undefined, context };
}
