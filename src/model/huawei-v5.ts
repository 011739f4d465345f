/**
 * Huawei IAM v5 identity policies (`huaweicloud_identityv5_policy`, Version "5.0") are their own dialect: actions are
 * named per v5 API (`service:resource:verb` families differ from the v3 role catalog), resources are URNs
 * (`iam::<account>:user:<name>`), and conditions use `g:`/service keys. The evaluator does not model that dialect.
 * What it can decide exactly is carried over into a v3 document the evaluator reads:
 * - an Action `"*"` (every action) becomes `*:*:*`, with Resource `"*"` (or none) and no condition;
 * - every other action, a URN resource, a condition, NotAction/NotResource make the statement's actions unknown, so
 *   an Allow there is "maybe" (unknown, never a silent deny) and a Deny there makes answers unknown (never a false allow).
 */
import { parseJsonStrict } from '../policy/json';
import { unknownValue } from '../policy/unknown';

export interface V5Translation {
  /** A Huawei v3 (Version 1.1) document with the same decided effect. */
  readonly document: { Version: string; Statement: object[] };
  /** What could not be carried over, in words (empty when the translation is exact). */
  readonly untranslated: readonly string[];
  /** An unconditional Allow of every action on every resource. */
  readonly fullAdmin: boolean;
}

const asList = (v: unknown): unknown[] => Array.isArray(v) ? v : v === undefined ? [] : [v];

/** Translates a parsed v5 document; throws a message when it is not a v5 document at all. */
export function translateV5(doc: unknown, label: string): V5Translation {
  const parsed = typeof doc === 'string' ? parseJsonStrict(doc) : doc;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('the document is not a JSON object');
  const statements = asList((parsed as Record<string, unknown>).Statement);
  if (!statements.length) throw new Error('the document has no Statement');
  const untranslated: string[] = [];
  let fullAdmin = false;
  const out = statements.map((raw, i) => {
    const st = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const effect = String(st.Effect ?? '').toLowerCase() === 'deny' ? 'Deny' : 'Allow';
    const actions = asList(st.Action).map(String);
    const resources = asList(st.Resource).map(String);
    const problems: string[] = [];
    if (st.NotAction !== undefined) problems.push('NotAction');
    if (st.NotResource !== undefined) problems.push('NotResource');
    if (st.Condition !== undefined) problems.push('a Condition');
    if (resources.some(r => r !== '*')) problems.push(`resource ${resources.filter(r => r !== '*').join(', ')}`);
    const others = actions.filter(a => a !== '*');
    if (others.length) problems.push(`action ${others.join(', ')}`);
    if (!actions.length && st.NotAction === undefined) problems.push('no Action');
    if (!problems.length) {
      if (effect === 'Allow') fullAdmin = true;
      return { Effect: effect, Action: ['*:*:*'] };
    }
    const why = `${label} statement ${i} is IAM v5 with ${problems.join(', ')}, which the evaluator does not model`;
    untranslated.push(why);
    // Unknown actions: the statement may or may not apply to any request.
    return { Effect: effect, Action: [unknownValue(why)] };
  });
  return { document: { Version: '1.1', Statement: out }, untranslated, fullAdmin };
}
