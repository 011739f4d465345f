/**
 * Data sources whose result the model can compute without calling the cloud. Everything else a data source reads is
 * unknown (with the reason), never guessed.
 * - alicloud_ram_policy_document: its `document`, built as the provider builds it (terraform-provider-alicloud
 *   data_source_alicloud_ram_policy_document.go: one-element lists become strings, principal identifiers sorted in
 *   reverse, conditions as `{operator: {variable: values}}`, Resource omitted when empty).
 * - alicloud_ram_policies (type System, name_regex "^Name$") and huaweicloud_identity_role (system roles by name
 *   or display_name): from the catalog of system policies.
 * - alicloud_ram_roles: the account's roles are not in any catalog: unknown.
 */
import { Catalog } from '../catalog';
import { isObjectValue, toPlain, Unknown, Value } from './expressions';
import type { RawResource } from './input';
import { own } from './own';
import type { Resolved, StackResolver } from './resolve';
import { Dialect } from '../policy/types';

type Computer = (res: StackResolver, r: RawResource, attribute: string) => Resolved | undefined;

/** Go's json.Marshal of `getOneStringOrAllStringSlice`: one element as a string, else the list. */
function oneOrAll(list: unknown[]): unknown {
  return list.length === 1 ? list[0] : list;
}

function blocks(v: unknown): Record<string, unknown>[] {
  const list = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
  return list.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x));
}

const strings = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

/**
 * `dynamic "statement" { for_each = ...; iterator = x; content {...} }`: one block per element, the iterator bound to
 * `{key, value}`. An unknown for_each makes the result unknown (returned as the reason).
 */
function dynamicBlocks(res: StackResolver, r: RawResource, label: string): Record<string, unknown>[] | { unknown: string } {
  const dyn = blocks(r.values.dynamic).flatMap(d => blocks(d[label]));
  const out: Record<string, unknown>[] = [];
  for (const d of dyn) {
    const each = res.evaluate(d.for_each, r, 'document');
    if (each instanceof Unknown) return { unknown: `dynamic "${label}" of ${r.address}: ${each.reason}` };
    const iterator = typeof d.iterator === 'string' ? d.iterator.replace(/^\$\{(.*)\}$/, '$1') : label;
    const entries: Array<[Value, Value]> = Array.isArray(each) ? each.map((v, i) => [i, v])
      : isObjectValue(each) ? Object.keys(each).sort().map(k => [k, each[k]]) : [];
    if (!Array.isArray(each) && !isObjectValue(each)) return { unknown: `dynamic "${label}" of ${r.address}: for_each is not a collection` };
    for (const [key, value] of entries) {
      for (const content of blocks(d.content)) {
        const v = res.evaluateWith(content, r, new Map([[iterator, { key, value }]]), 'document');
        if (v instanceof Unknown) return { unknown: v.reason };
        out.push(toPlain(v) as Record<string, unknown>);
      }
    }
  }
  return out;
}

function ramPolicyDocument(res: StackResolver, r: RawResource): Resolved {
  const resolved = res.valueOf({ version: r.values.version ?? '1', statement: r.values.statement ?? [] }, r, 'document');
  if (!resolved.known) return resolved;
  const dynamic = dynamicBlocks(res, r, 'statement');
  if (!Array.isArray(dynamic)) return { known: false, reason: dynamic.unknown, ref: { address: r.address, attribute: 'document' } };
  const { version, statement } = resolved.value as { version: unknown; statement: unknown };
  const statements = [...blocks(statement), ...dynamic].map(s => {
    const out: Record<string, unknown> = { Effect: s.effect ?? 'Allow', Action: oneOrAll(strings(s.action)) };
    const resources = strings(s.resource);
    if (resources.length) out.Resource = oneOrAll(resources);
    const principals = blocks(s.principal);
    if (principals.length) {
      const p: Record<string, unknown> = Object.create(null);
      for (const x of principals) {
        const ids = strings(x.identifiers).map(String).sort().reverse();
        const entity = String(x.entity);
        const prev = p[entity];
        p[entity] = prev === undefined ? ids : [...strings(prev), ...ids];
      }
      out.Principal = p;
    }
    const conditions = blocks(s.condition);
    if (conditions.length) {
      const c: Record<string, Record<string, unknown>> = Object.create(null);
      for (const x of conditions) {
        const op = String(x.operator);
        const values = strings(x.values);
        const byVar = (c[op] ??= {});
        const prev = byVar[String(x.variable)];
        byVar[String(x.variable)] = values.length === 1 && prev === undefined ? values[0] : [...strings(prev), ...values];
      }
      out.Condition = c;
    }
    return out;
  });
  return { known: true, value: JSON.stringify({ Statement: statements, Version: version }) };
}

function known(res: StackResolver, r: RawResource, attr: string): string | undefined {
  if (r.values[attr] === undefined) return undefined;
  const v = res.attribute(r, attr);
  return v.known && typeof v.value === 'string' && v.value !== '' ? v.value : undefined;
}

const COMPUTERS: Record<string, Computer> = {
  alicloud_ram_policy_document: (res, r, attribute) => (attribute === 'document' ? ramPolicyDocument(res, r) : undefined),
  alicloud_ram_policies: (res, r, attribute) => {
    const type = known(res, r, 'type') ?? known(res, r, 'policy_type');
    if (type?.toLowerCase() !== 'system') {
      return { known: false, reason: `${r.address} lists the account's policies (custom ones included), read only at plan time: set type = "System" or check the plan`, ref: { address: r.address, attribute } };
    }
    // The catalog holds some system policies, not all: only an exact name (`^Name$`) gives a list known to be complete.
    const regexText = known(res, r, 'name_regex');
    const exact = regexText === undefined ? undefined : /^\^([A-Za-z0-9_-]+)\$$/.exec(regexText)?.[1];
    if (!exact || !Catalog.load().systemPolicy(Dialect.ALIBABA_RAM, exact)) {
      return {
        known: false,
        reason: `${r.address} lists system policies matching ${regexText === undefined ? 'anything' : JSON.stringify(regexText)}, which only the cloud knows in full: use name_regex = "^Name$" with a catalog policy, or check the plan`,
        ref: { address: r.address, attribute },
      };
    }
    if (attribute === 'names') return { known: true, value: [exact] };
    if (attribute === 'policies') return { known: true, value: [{ name: exact, policy_name: exact, type: 'System', policy_type: 'System' }] };
    return undefined;
  },
  alicloud_ram_roles: (_res, r, attribute) => ({
    known: false, reason: `${r.address} lists the account's RAM roles, which only the cloud knows: check the plan`, ref: { address: r.address, attribute },
  }),
};

/** The computed attribute of a data source in a configuration, when the model can compute it. */
export function dataSourceAttribute(res: StackResolver, r: RawResource, attribute: string): Resolved | undefined {
  const compute = own(COMPUTERS, r.type);
  return compute ? compute(res, r, attribute) : { known: false, reason: `${r.address}.${attribute} is read from a data source at plan time`, ref: { address: r.address, attribute } };
}

/**
 * The system policy a data source names (huaweicloud_identity_role by `display_name` or `name`), when the catalog
 * knows it: role assignments that take its id then grant that policy.
 */
export function dataSourceSystemPolicy(res: StackResolver, r: RawResource): string | undefined {
  if (r.type !== 'huaweicloud_identity_role') return undefined;
  const catalog = Catalog.load();
  for (const attr of ['display_name', 'name']) {
    const name = known(res, r, attr);
    if (name && catalog.systemPolicy(Dialect.HUAWEI_IAM, name)) return name;
  }
  return undefined;
}
