/**
 * Resolves attribute values of one stack: `${type.name.attr}` references between resources (synthesized JSON) or
 * plan values with after_unknown + configuration references. A value known only after apply stays symbolic —
 * never guessed — but keeps the resource it points at, so links (an attachment to a user) still resolve.
 */
import type { RawResource, RawStack } from './input';
import { unknownValue } from '../policy/unknown';

export interface ResourceRef {
  readonly address: string;
  readonly attribute: string;
}

export type Resolved =
  | { readonly known: true; readonly value: unknown }
  | { readonly known: false; readonly reason: string; readonly ref?: ResourceRef };

export interface DanglingReference {
  readonly from: RawResource;
  readonly attribute: string;
  readonly reference: string;
}

const WHOLE_REF = /^\$\{([^{}]*)\}$/;
const EMBEDDED_REF = /(?<!\$)\$\{([^{}]*)\}/g;
const SIMPLE_REF = /^([A-Za-z_][\w-]*)\.([A-Za-z_][\w-]*)\.([A-Za-z_][\w-]*)$/;

export class StackResolver {
  readonly dangling: DanglingReference[] = [];
  private readonly byAddress = new Map<string, RawResource>();
  private readonly resolving = new Set<string>();

  constructor(readonly stack: RawStack) {
    for (const r of [...stack.resources, ...stack.dataSources]) this.byAddress.set(r.address, r);
  }

  resource(address: string): RawResource | undefined {
    return this.byAddress.get(address);
  }

  /** An attribute of a resource, resolved. */
  attribute(r: RawResource, attribute: string): Resolved {
    if (this.stack.kind === 'plan') return this.planAttribute(r, attribute);
    const raw = r.values[attribute];
    if (raw === undefined) return { known: false, reason: `${r.address}.${attribute} is known only after apply`, ref: { address: r.address, attribute } };
    const key = `${r.address}.${attribute}`;
    if (this.resolving.has(key)) return { known: false, reason: `${key} refers to itself` };
    this.resolving.add(key);
    try {
      return this.value(raw, r, attribute);
    } finally {
      this.resolving.delete(key);
    }
  }

  /** An attribute as a string, with unknown parts replaced by unknown markers the evaluator understands. */
  text(r: RawResource, attribute: string): { text?: string; resolved: Resolved } {
    const resolved = this.attribute(r, attribute);
    if (resolved.known) return { text: typeof resolved.value === 'string' ? resolved.value : resolved.value === undefined ? undefined : JSON.stringify(resolved.value), resolved };
    return { text: undefined, resolved };
  }

  private planAttribute(r: RawResource, attribute: string): Resolved {
    if (r.unknownAttributes.has(attribute) || (r.values[attribute] === undefined && r.references.has(attribute))) {
      const refs = r.references.get(attribute) ?? [];
      const target = refs.map(x => SIMPLE_REF.exec(x.replace(/\[[^\]]*\]/g, ''))).find(Boolean);
      const ref = target ? { address: `${target[1]}.${target[2]}`, attribute: target[3] } : undefined;
      // A known value at the referenced attribute (planned) resolves the link even though this one is unknown.
      if (ref) {
        const to = this.byAddress.get(ref.address);
        const value = to && !to.unknownAttributes.has(ref.attribute) ? to.values[ref.attribute] : undefined;
        if (value !== undefined) return { known: true, value };
      }
      return { known: false, reason: `${r.address}.${attribute} is known only after apply${ref ? ` (from ${ref.address}.${ref.attribute})` : ''}`, ref };
    }
    return { known: true, value: r.values[attribute] };
  }

  /** Resolves one raw synthesized value as if it were `from.attribute` (list elements, nested objects). */
  valueOf(raw: unknown, from: RawResource, attribute: string): Resolved {
    return this.value(raw, from, attribute);
  }

  /** Resolves a synthesized value: whole references, embedded interpolations, then `$${` escapes. */
  private value(raw: unknown, from: RawResource, attribute: string): Resolved {
    if (typeof raw === 'string') {
      const whole = WHOLE_REF.exec(raw);
      if (whole) return this.expression(whole[1].trim(), from, attribute);
      if (!raw.includes('${')) return { known: true, value: raw };
      const text = raw.replace(EMBEDDED_REF, (_, expr: string) => {
        const r = this.expression(expr.trim(), from, attribute);
        if (r.known && (typeof r.value === 'string' || typeof r.value === 'number' || typeof r.value === 'boolean')) return String(r.value);
        return unknownValue(r.known ? `\${${expr}} is not a plain value` : r.reason);
      }).replace(/\$\$\{/g, '${');
      // The text keeps its known parts: the evaluator sees the unknown markers where they stand.
      return { known: true, value: text };
    }
    if (Array.isArray(raw)) {
      const out: unknown[] = [];
      for (const v of raw) {
        const r = this.value(v, from, attribute);
        if (!r.known) return r;
        out.push(r.value);
      }
      return { known: true, value: out };
    }
    if (typeof raw === 'object' && raw !== null) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(raw)) {
        const r = this.value(v, from, attribute);
        out[k] = r.known ? r.value : unknownValue(r.reason);
      }
      return { known: true, value: out };
    }
    return { known: true, value: raw };
  }

  private expression(expr: string, from: RawResource, attribute: string): Resolved {
    const parts = expr.split('.');
    if (parts[0] === 'local' && parts.length === 2 && this.stack.locals[parts[1]] !== undefined) {
      return this.value(this.stack.locals[parts[1]], from, attribute);
    }
    if (parts[0] === 'var') return { known: false, reason: `\${${expr}} is an input variable, set only at plan time` };
    if (parts[0] === 'data' && parts.length >= 4) {
      return { known: false, reason: `\${${expr}} is read from a data source at plan time`, ref: { address: parts.slice(0, 3).join('.'), attribute: parts[3] } };
    }
    const m = SIMPLE_REF.exec(expr);
    if (!m) return { known: false, reason: `\${${expr}} is an expression evaluated by Terraform` };
    const address = `${m[1]}.${m[2]}`;
    const target = this.byAddress.get(address);
    if (!target) {
      this.dangling.push({ from, attribute, reference: expr });
      return { known: false, reason: `\${${expr}} refers to ${address}, which this stack does not define` };
    }
    if (target.values[m[3]] === undefined) {
      return { known: false, reason: `${address}.${m[3]} is known only after apply`, ref: { address, attribute: m[3] } };
    }
    const inner = this.attribute(target, m[3]);
    return inner.known ? inner : { ...inner, ref: inner.ref ?? { address, attribute: m[3] } };
  }
}
