/** Shared by semantics.test.ts and the time-zone probe it runs in child processes (tz-probe.ts). */
import * as path from 'path';
import { ALI, decide, HW, VOLC } from './helpers';
import { AccessRequest, Decision, Dialect, evaluate, parsePolicy, PolicyError, unknownValue } from '../../src/policy';
import { OperatorRow, Outcome, RequestShape } from '../../src/policy/semantics';

export const TZ_PROBE_SCRIPT = path.join(__dirname, 'tz-probe.ts');

const ACTION: Record<Dialect, string> = { [ALI]: 'ecs:DescribeInstances', [VOLC]: 'ecs:DescribeInstances', [HW]: 'ecs:servers:list' };

export function contextFor(r: OperatorRow, shape: RequestShape): AccessRequest['context'] {
  switch (shape) {
    case 'match': return { [r.key]: r.hit };
    case 'noMatch': return { [r.key]: r.miss };
    case 'missing': return {};
    case 'empty': return { [r.key]: '' };
    case 'multi': return { [r.key]: [r.hit, r.miss] };
    default: return { [r.key]: unknownValue('set after apply') };
  }
}

/** The condition alone decides: one Allow statement on every action and resource. */
export function outcome(r: OperatorRow, shape: RequestShape): Outcome {
  const doc = {
    ...(r.dialect === ALI ? { Version: '1' } : r.dialect === HW ? { Version: '1.1' } : {}),
    Statement: [{ Effect: 'Allow', Action: ['*'], Resource: ['*'], Condition: { [r.operator]: { [r.key]: [r.value] } } }],
  };
  try {
    const d = evaluate(r.dialect, [parsePolicy(r.dialect, 'p', doc)], { action: ACTION[r.dialect], resource: '*', context: contextFor(r, shape) }).decision;
    return d === Decision.ALLOW ? 'true' : d === Decision.IMPLICIT_DENY ? 'false' : d === Decision.UNKNOWN ? 'unknown' : (`unexpected ${d}` as Outcome);
  } catch (e) {
    if (e instanceof PolicyError) return 'error';
    throw e;
  }
}


/** A date-time without offset in the policy: read as UTC, so 07:30Z is before it and 08:30 (UTC) is not. */
export function noOffsetDecisions(): Decision[] {
  const doc = { Version: '1', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: { DateLessThan: { 'acs:CurrentTime': '2026-01-01T08:00:00' } } }] };
  return ['2026-01-01T07:30:00Z', '2026-01-01T08:30:00'].map(t => decide(ALI, [doc], { action: 'ecs:X', resource: '*', context: { 'acs:CurrentTime': t } }));
}
