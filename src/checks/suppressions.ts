import { Suppression } from './finding';
import { matchesWildcard } from '../policy/wildcard';

/**
 * A suppressions file for plan-only users (no constructs to annotate):
 * ```json
 * { "version": 1, "suppressions": [ { "rule": "AIAM-IAM-001", "address": "alicloud_ram_policy.admin", "reason": "break-glass admin" } ] }
 * ```
 * `address` (a Terraform address, `*` and `?` wildcards allowed) or `constructPath` (prefix) scopes the suppression;
 * neither means the whole input. A reason is mandatory.
 */
export interface SuppressionsFileEntry {
  readonly rule: string;
  readonly reason: string;
  readonly address?: string;
  readonly constructPath?: string;
}

export class SuppressionsFileError extends Error {
  constructor(readonly file: string, readonly pointer: string, problem: string, readonly fix: string) {
    super(`${file}: ${pointer || '/'}: ${problem}. Fix: ${fix}`);
    this.name = 'SuppressionsFileError';
  }
}

export interface ScopedSuppression extends Suppression {
  readonly address?: string;
  readonly constructPath?: string;
}

/** Parses a suppressions file's JSON; every error names the file, the JSON pointer and the fix. */
export function parseSuppressionsFile(file: string, json: unknown): ScopedSuppression[] {
  const fail = (pointer: string, problem: string, fix: string) => new SuppressionsFileError(file, pointer, problem, fix);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw fail('', 'not a JSON object', 'write { "version": 1, "suppressions": [ ... ] }');
  }
  const doc = json as Record<string, unknown>;
  if (doc.version !== 1) throw fail('/version', `unsupported version ${JSON.stringify(doc.version)}`, 'set "version": 1');
  if (!Array.isArray(doc.suppressions)) throw fail('/suppressions', 'missing or not an array', 'add "suppressions": [ { "rule": ..., "reason": ... } ]');
  return doc.suppressions.map((raw, i) => {
    const at = `/suppressions/${i}`;
    if (typeof raw !== 'object' || raw === null) throw fail(at, 'not an object', 'write { "rule": "AIAM-...", "reason": "..." }');
    const e = raw as Record<string, unknown>;
    for (const key of Object.keys(e)) {
      if (!['rule', 'reason', 'address', 'constructPath'].includes(key)) {
        throw fail(`${at}/${key}`, `unknown key "${key}"`, 'use only rule, reason, address and constructPath');
      }
    }
    if (typeof e.rule !== 'string' || e.rule === '') throw fail(`${at}/rule`, 'missing rule id', 'name the rule, e.g. "rule": "AIAM-IAM-001"');
    // A blanket suppression would hide every future rule too; each accepted risk is named on its own.
    if (/[*?]/.test(e.rule)) throw fail(`${at}/rule`, `"${e.rule}" is not a rule id (wildcards are not accepted)`, 'name one rule per suppression, e.g. "rule": "AIAM-IAM-001"');
    if (typeof e.reason !== 'string' || e.reason.trim().length < 3) {
      throw fail(`${at}/reason`, 'missing reason', 'every suppression needs a reason that says why the finding is acceptable');
    }
    for (const k of ['address', 'constructPath'] as const) {
      if (e[k] !== undefined && typeof e[k] !== 'string') throw fail(`${at}/${k}`, `${k} must be a string`, `write "${k}": "..."`);
    }
    return {
      ruleId: e.rule,
      reason: e.reason,
      declaredAt: `${file}#${at}`,
      address: e.address as string | undefined,
      constructPath: e.constructPath as string | undefined,
    };
  });
}


/** The first suppression that covers a finding of `ruleId` at this address / construct path. */
export function findSuppression(
  suppressions: readonly ScopedSuppression[], ruleId: string, address?: string, constructPath?: string,
): Suppression | undefined {
  return suppressions.find(s => {
    if (s.ruleId !== ruleId) return false;
    if (s.address !== undefined && (address === undefined || !matchesWildcard(s.address, address, false))) return false;
    if (s.constructPath !== undefined) {
      if (constructPath === undefined) return false;
      if (constructPath !== s.constructPath && !constructPath.startsWith(s.constructPath + '/')) return false;
    }
    return true;
  });
}
