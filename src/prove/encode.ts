/**
 * A second, independent model of the three policy languages: a policy set as an SMT predicate over requests.
 * It shares only the parser with the evaluator (src/policy/parse.ts and the parsed condition values); the meaning
 * of every element is written again here, from the references, so the two can check each other.
 * The encoding and its assumptions are in docs/prove.md; keep the two in step.
 */
import type { Arith, Bool, Re, Seq } from 'z3-solver';
import type { Z3 } from './z3';
import type { ParsedCondition } from '../policy/conditions';
import { DIALECTS, DialectRules } from '../policy/dialect';
import { isWildcardOnly, normalizeResource, ParsedPolicy, ParsedStatement, Pattern } from '../policy/parse';
import { AccessRequest, Dialect } from '../policy/types';
import { parseInstant } from '../policy/values';

type B = Bool<'main'>;
type S = Seq<'main'>;
type R = Re<'main'>;
type I = Arith<'main'>;

/** Something the encoding does not cover: the answer is then "not proven", never "proven". */
export class NotEncodable extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'NotEncodable';
  }
}

/** Values a multi-valued context key may carry in the modelled request space (docs/prove.md, "bounds"). */
export const MAX_VALUES = 2;
const NUMBER_BOUND = 1e15;
const DATE_BOUND = 99_999_999_999; // epoch seconds, year 5138

type KeyType = 'string' | 'numeric' | 'date' | 'bool' | 'ip';

interface Slot {
  /** The value as the request carries it. */
  readonly text: S;
  /** numeric/date: the number (dates in milliseconds) when `typed`; ip: the IPv4 address as an integer. */
  readonly value?: I;
  /** The integers the text is written from (the number, the epoch seconds, the four octets). */
  readonly parts?: readonly I[];
  /** No condition reads the text: `text` is unconstrained and the witness writes it from `parts`. */
  readonly abstract?: boolean;
  /** The value has the key's type (a number, an epoch time, an IPv4 address); otherwise it is a word. */
  readonly typed?: B;
}

interface KeyVars {
  readonly name: string;
  readonly type: KeyType;
  readonly present: B;
  readonly count: I;
  readonly slots: readonly Slot[];
  /** Used in a policy variable: values keep to a plain alphabet (no case, colons or wildcards). */
  readonly variable: boolean;
}

const SAFE_TEXT = /^[ !#%-\[\]-~]*$/;
const OCTET = '(?:0|[1-9]\\d?|1\\d\\d|2[0-4]\\d|25[0-5])';
const TYPED_TEXT: Partial<Record<KeyType, RegExp>> = {
  numeric: /^-?(?:0|[1-9]\d{0,14})$/,
  ip: new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}$`),
};

const POLICY_VARIABLE = /\$\{([A-Za-z0-9_-]+:[^}]*)\}/g;

/** The request variables shared by every policy set encoded in one space, and the constraints that bound them. */
export class RequestSpace {
  readonly rules: DialectRules;
  readonly action: S;
  readonly resource: S;
  readonly hasResource: B;
  private readonly keys = new Map<string, KeyVars>();
  private readonly bounds: B[] = [];
  private readonly regexCache = new Map<string, R>();
  private readonly any: R;
  private readonly char: R;
  private fromInt?: B;
  private texts = 0;

  /**
   * `policies`: every policy that will be encoded in this space (key types are read from all of them).
   * `strict`: bound strings to the modelled alphabet. Character ranges make z3 slow, so proofs first run without
   * them (a larger space: no counterexample there means none in the modelled space either) and add them only when
   * a witness falls outside the modelled space.
   */
  constructor(private readonly z: Z3, readonly dialect: Dialect, policies: readonly ParsedPolicy[], private readonly strict = true) {
    this.rules = DIALECTS[dialect];
    this.char = z.AllChar(z.Re.sort(z.String.sort()));
    this.any = z.Star(this.char);
    this.action = z.String.const('action');
    this.resource = z.String.const('resource');
    this.hasResource = z.Bool.const('hasResource');
    // Printable ASCII without `$` (a `${...}` reads as a Terraform reference), `\` and `"`: the request space.
    // Character classes are unions of ranges: complements and intersections of regexes cost the solver dearly.
    const safe = this.chars(() => true);
    // No `action != ""` or `resource = ""` here: z3 slows down by orders of magnitude with such disequalities.
    if (strict) {
      this.bounds.push(z.InRe(this.action, z.Plus(this.chars(c => !isUpper(c)))));
      this.bounds.push(z.Implies(this.hasResource, z.InRe(this.resource, this.normalizedResources())));
    }
    const types = new Map<string, { names: Set<KeyType>; spelled: string; variable: boolean; text: boolean }>();
    const note = (key: string, type: KeyType | undefined, variable: boolean) => {
      const k = key.toLowerCase();
      let t = types.get(k);
      if (!t) types.set(k, t = { names: new Set(), spelled: key, variable: false, text: false });
      if (type) t.names.add(type);
      if (variable) t.variable = true;
      if (variable || type === 'string' || type === undefined) t.text = true;
    };
    for (const p of policies) {
      for (const st of p.statements) {
        for (const c of st.conditions) {
          const f = c.meaning.family;
          if (f !== 'null') note(c.key, f === 'numeric' || f === 'date' || f === 'bool' || f === 'ip' || f === 'string' ? f : undefined, false);
          else note(c.key, 'string', false);
          for (const v of c.values) for (const m of v.text.matchAll(POLICY_VARIABLE)) note(m[1], undefined, true);
        }
        for (const r of [...st.resources ?? [], ...st.notResources ?? []]) {
          if (r.variables) for (const m of r.text.matchAll(POLICY_VARIABLE)) note(m[1], undefined, true);
        }
      }
    }
    for (const [k, t] of types) {
      const typed = [...t.names].filter(n => n !== 'string');
      if (typed.length > 1) throw new NotEncodable(`condition key ${t.spelled} is compared as ${typed.join(' and ')}`);
      const type: KeyType = typed.length ? typed[0] : 'string';
      if (t.variable && type !== 'string') throw new NotEncodable(`condition key ${t.spelled} is a policy variable and compared as ${type}`);
      this.keys.set(k, this.declareKey(k, t.spelled, type, t.variable, safe, t.text));
    }
  }

  /** Constraints every modelled request satisfies. */
  get constraints(): readonly B[] {
    return this.bounds;
  }

  /** The safe printable characters that satisfy `keep`, as a union of ranges. */
  private chars(keep: (c: string) => boolean): R {
    const z = this.z;
    const ranges: R[] = [];
    let start: string | undefined;
    let prev = '';
    for (let code = 0x20; code <= 0x7f; code++) {
      const c = String.fromCharCode(code);
      const ok = code < 0x7f && c !== '$' && c !== '\\' && c !== '"' && keep(c);
      if (ok && start === undefined) start = c;
      if (!ok && start !== undefined) {
        ranges.push(z.Range(start, prev));
        start = undefined;
      }
      prev = c;
    }
    return ranges.length === 1 ? ranges[0] : z.Union(...ranges);
  }

  /**
   * Resources that the dialect's normalization leaves as they are (the evaluator lower-cases the first segments
   * of the request's resource; modelling only fixed points keeps the encoding exact).
   */
  private normalizedResources(): R {
    const z = this.z;
    const colon = z.Re.toRe(':');
    const seg = z.Star(this.chars(c => c !== ':'));
    const lowSeg = z.Star(this.chars(c => c !== ':' && !isUpper(c)));
    const anyText = z.Star(this.chars(() => true));
    if (this.rules.actionParts === 3) {
      // Huawei: with 4+ colons, segment 0 and 3 lower-case, 1 and 2 non-empty (empty ones read as `*`).
      const few = z.ReConcat(seg, z.Loop(z.ReConcat(colon, seg), 0, 3));
      const segPlus = z.Plus(this.chars(c => c !== ':'));
      const many = z.ReConcat(lowSeg, colon, segPlus, colon, segPlus, colon, lowSeg, colon, anyText);
      return z.Union(few, many);
    }
    return z.Union(seg, z.ReConcat(lowSeg, colon, lowSeg, z.Option(z.ReConcat(colon, anyText))));
  }

  /**
   * `text`: some condition reads the value as text. When none does, a typed key's text is left out of the formula
   * (`str.from_int` is costly for z3) and the witness writes it from the integers.
   */
  private declareKey(k: string, name: string, type: KeyType, variable: boolean, safe: R, text: boolean): KeyVars {
    const z = this.z;
    const id = JSON.stringify(k);
    const present = z.Bool.const(`present ${id}`);
    const count = z.Int.const(`count ${id}`);
    this.bounds.push(count.ge(0), count.le(MAX_VALUES), z.Implies(z.Not(present), count.eq(0)));
    const word = z.Star(z.Range('a', 'z'));
    const plain = this.chars(c => !isUpper(c) && c !== ':' && c !== '*' && c !== '?');
    const slots: Slot[] = [];
    for (let i = 0; i < MAX_VALUES; i++) {
      const w = z.String.const(`value ${id} ${i}`);
      const n = z.Int.const(`number ${id} ${i}`);
      const typed = z.Bool.const(`typed ${id} ${i}`);
      switch (type) {
        case 'string':
          if (this.strict) this.bounds.push(z.InRe(w, variable ? z.Star(plain) : z.Star(safe)));
          slots.push({ text: w });
          break;
        case 'bool':
          if (this.strict) this.bounds.push(z.InRe(w, word));
          slots.push({ text: w });
          break;
        case 'numeric': {
          // Integers written in decimal, or a lower-case word (not a number).
          this.bounds.push(n.ge(-NUMBER_BOUND), n.le(NUMBER_BOUND));
          if (this.strict) this.bounds.push(z.InRe(w, word));
          if (!text) {
            slots.push({ text: w, value: n, typed, parts: [n], abstract: true });
            break;
          }
          const abs = z.If(n.ge(0), n, n.neg()) as I;
          const digits = this.intText(abs);
          const shown = z.If(n.ge(0), digits, z.String.val('-').concat(digits)) as S;
          slots.push({ text: z.If(typed, shown, w) as S, value: n, typed, parts: [n] });
          break;
        }
        case 'date': {
          // Whole seconds since the epoch; the request carries them as ISO 8601 text (the evaluator accepts nothing
          // else), which the formula does not spell out: a string condition on a date key is not encoded.
          if (text) throw new NotEncodable(`condition key ${name} is compared as a date and as text`);
          this.bounds.push(n.ge(0), n.le(DATE_BOUND), typed);
          slots.push({ text: w, value: n.mul(1000), typed, parts: [n], abstract: true });
          break;
        }
        case 'ip': {
          // IPv4 dotted quads, or a word.
          const octets = [0, 1, 2, 3].map(j => z.Int.const(`octet ${id} ${i} ${j}`));
          for (const o of octets) this.bounds.push(o.ge(0), o.le(255));
          if (this.strict) this.bounds.push(z.InRe(w, word));
          const value = octets[0].mul(16777216).add(octets[1].mul(65536)).add(octets[2].mul(256)).add(octets[3]);
          if (!text) {
            slots.push({ text: w, value, typed, parts: octets, abstract: true });
            break;
          }
          const dot = z.String.val('.');
          const dotted = this.intText(octets[0]).concat(dot).concat(this.intText(octets[1])).concat(dot)
            .concat(this.intText(octets[2])).concat(dot).concat(this.intText(octets[3]));
          slots.push({ text: z.If(typed, dotted, w) as S, value, typed, parts: octets });
          break;
        }
      }
    }
    return { name, type, present, count, slots, variable };
  }

  /**
   * The decimal text of a non-negative integer term: a fresh string defined as `str.from_int(n)` (the high-level
   * API has no such function; the SMT-LIB text is parsed once and instantiated by substitution).
   */
  private intText(n: I): S {
    const z = this.z;
    this.fromInt ??= z.ast_from_string('(declare-const n Int)(declare-const s String)(assert (= s (str.from_int n)))') as B;
    const s = z.String.const(`text ${this.texts++}`);
    this.bounds.push(z.substitute(this.fromInt, [z.Int.const('n'), n], [z.String.const('s'), s]) as B);
    return s;
  }

  /** The regular expression of a glob (`*` any run, `?` one character), cached per text. */
  glob(pattern: string): R {
    let re = this.regexCache.get(pattern);
    if (re) return re;
    const z = this.z;
    const parts: R[] = [];
    let literal = '';
    const flush = () => {
      if (literal) parts.push(z.Re.toRe(literal));
      literal = '';
    };
    for (const ch of pattern) {
      if (ch === '*' || ch === '?') {
        flush();
        parts.push(ch === '*' ? this.any : this.char);
      } else {
        literal += ch;
      }
    }
    flush();
    re = parts.length === 0 ? z.Re.toRe('') : parts.length === 1 ? parts[0] : z.ReConcat(...parts);
    this.regexCache.set(pattern, re);
    return re;
  }

  key(name: string): KeyVars | undefined {
    return this.keys.get(name.toLowerCase());
  }

  /** The request a solver model describes. */
  witness(model: { eval(e: S | B | I, complete?: boolean): { toString(): string } }): AccessRequest {
    const str = (e: S) => (model.eval(e, true) as unknown as S).asString();
    const truth = (e: B) => model.eval(e, true).toString() === 'true';
    const context: Record<string, string | string[]> = {};
    for (const k of this.keys.values()) {
      if (!truth(k.present)) continue;
      const n = Number(model.eval(k.count, true).toString());
      const values = k.slots.slice(0, n).map(s => {
        if (!s.abstract) return str(s.text);
        // No condition reads the text: write it from the integers, or a word that is no number, date or address.
        if (!truth(s.typed!)) return 'none';
        const ints = s.parts!.map(x => model.eval(x, true).toString().replace(/^\(- (\d+)\)$/, '-$1'));
        if (k.type === 'date') return new Date(Number(ints[0]) * 1000).toISOString().replace(/\.000Z$/, 'Z');
        return k.type === 'ip' ? ints.join('.') : ints[0];
      });
      context[k.name] = values.length === 1 ? values[0] : values;
    }
    return {
      action: str(this.action),
      ...(truth(this.hasResource) ? { resource: str(this.resource) } : {}),
      ...(Object.keys(context).length ? { context } : {}),
    };
  }

  /**
   * Constraints that pin the request variables to one concrete request (keys no condition reads are irrelevant).
   * Unsatisfiable together with `constraints` when the request is outside the modelled space.
   */
  fix(request: AccessRequest): B[] {
    const z = this.z;
    const outside = (why: string) => new NotEncodable(`outside the modelled requests: ${why}`);
    if (!SAFE_TEXT.test(request.action) || /[A-Z]/.test(request.action)) throw outside('action');
    if (request.resource !== undefined && (!SAFE_TEXT.test(request.resource) || normalizeResource(this.rules, request.resource) !== request.resource)) throw outside('resource');
    const out: B[] = [this.action.eq(z.String.val(request.action))];
    out.push(request.resource === undefined ? z.Not(this.hasResource) : z.And(this.hasResource, this.resource.eq(z.String.val(request.resource))));
    const given = new Map<string, string[]>();
    for (const [k, v] of Object.entries(request.context ?? {})) given.set(k.toLowerCase(), Array.isArray(v) ? v : [v]);
    for (const [k, key] of this.keys) {
      const values = given.get(k);
      if (values === undefined) {
        out.push(z.Not(key.present));
        continue;
      }
      if (values.length > MAX_VALUES) throw new NotEncodable(`${key.name} has more than ${MAX_VALUES} values`);
      out.push(key.present, key.count.eq(values.length));
      values.forEach((v, i) => {
        const slot = key.slots[i];
        if (!SAFE_TEXT.test(v) || (key.variable && /[A-Z:*?]/.test(v))) throw outside(`value of ${key.name}`);
        if (!slot.abstract) out.push(slot.text.eq(z.String.val(v)));
        // Typed keys: the value is the typed form exactly when it is written canonically, else a lower-case word.
        if (slot.typed) {
          const instant = key.type === 'date' ? parseInstant(v) : undefined;
          if (key.type === 'date' && (!instant || instant.sub !== '' || instant.ms % 1000 !== 0 || instant.ms < 0)) throw outside(`value of ${key.name}`);
          const typed = key.type === 'date' || (TYPED_TEXT[key.type]!.test(v) && !(key.type === 'numeric' && v === '-0'));
          if (!typed && !/^[a-z]*$/.test(v)) throw outside(`value of ${key.name}`);
          out.push(typed ? slot.typed : z.Not(slot.typed));
          // The integers behind the text, given outright: the solver would otherwise search for them.
          const ints = !typed ? [] : key.type === 'ip' ? v.split('.').map(Number) : key.type === 'date' ? [instant!.ms / 1000] : [Number(v)];
          ints.forEach((x, j) => out.push(slot.parts![j].eq(x)));
        } else if (key.type === 'bool' && !/^[a-z]*$/.test(v)) {
          throw outside(`value of ${key.name}`);
        }
      });
    }
    return out;
  }

  /** The request's action matches one of these (lower-case) globs. */
  actionIn(globs: readonly string[]): B {
    return this.z.InRe(this.action, this.union(globs));
  }

  /** The request's resource matches one of these globs (say `hasResource` as well where it matters). */
  resourceIn(globs: readonly string[]): B {
    return this.z.InRe(this.resource, this.union(globs));
  }

  /** Every condition key is absent: a request without context. */
  absentContext(): B[] {
    return [...this.keys.values()].map(k => this.z.Not(k.present));
  }

  /** The predicate "this policy set allows the request": some Allow applies and no Deny does. */
  allows(policies: readonly ParsedPolicy[]): B {
    return this.z.And(this.applies(policies, 'Allow'), this.z.Not(this.applies(policies, 'Deny')));
  }

  /** Some statement of this effect applies to the request. */
  applies(policies: readonly ParsedPolicy[], effect: 'Allow' | 'Deny'): B {
    const list: B[] = [];
    for (const p of policies) {
      if (p.dialect !== this.dialect) throw new NotEncodable(`policy ${p.name} is ${p.dialect}, not ${this.dialect}`);
      for (const st of p.statements) if (st.effect === effect) list.push(this.statement(p, st));
    }
    return orAll(this.z, list);
  }

  private statement(p: ParsedPolicy, st: ParsedStatement): B {
    const z = this.z;
    const where = `policy ${p.name} statement ${st.index}`;
    const action = st.actions === undefined
      ? z.Not(this.matchAction(st.notActions!, where))
      : st.notActions ? z.And(this.matchAction(st.actions, where), z.Not(this.matchAction(st.notActions, where)))
        : this.matchAction(st.actions, where);
    return z.And(action, this.resourceApplies(st, where), ...st.conditions.map(c => this.condition(c, where)));
  }

  private matchAction(patterns: readonly Pattern[], where: string): B {
    if (patterns.some(p => p.unknown)) throw new NotEncodable(`${where}: an action is known only after apply`);
    return this.z.InRe(this.action, this.union(patterns.map(p => p.normalized)));
  }

  private union(globs: readonly string[]): R {
    const res = [...new Set(globs)].map(g => this.glob(g));
    return res.length === 1 ? res[0] : this.z.Union(...res);
  }

  private resourceApplies(st: ParsedStatement, where: string): B {
    const z = this.z;
    if (st.resources === undefined) return z.Bool.val(true);
    const all = [...st.resources, ...st.notResources ?? []];
    if (all.some(p => p.unknown)) throw new NotEncodable(`${where}: a resource is known only after apply`);
    // A request without a resource matches only wildcard-only patterns; NotResource does not apply to it.
    const without = z.Bool.val(st.resources.some(isWildcardOnly));
    let inResource = this.matchResource(st.resources, where);
    if (st.notResources) inResource = z.And(inResource, z.Not(this.matchResource(st.notResources, where)));
    return z.If(this.hasResource, inResource, without) as B;
  }

  private matchResource(patterns: readonly Pattern[], where: string): B {
    const z = this.z;
    const plain = patterns.filter(p => !p.variables);
    const parts: B[] = plain.length ? [z.InRe(this.resource, this.union(plain.map(p => p.normalized)))] : [];
    for (const p of patterns) if (p.variables) parts.push(this.substituted(p.normalized, where, text => z.InRe(this.resource, text), true));
    return orAll(z, parts);
  }

  /**
   * A text with policy variables: each `${key}` needs the key with exactly one value (otherwise the pattern or
   * value matches nothing), and the values keep to a plain alphabet, so wildcards and case come from the text only.
   */
  private substituted(text: string, where: string, test: (glob: R, literal: S) => B, resource: boolean): B {
    const z = this.z;
    if (resource && normalizeResource(this.rules, text.replace(POLICY_VARIABLE, 'x')) !== text.replace(POLICY_VARIABLE, 'x')) {
      throw new NotEncodable(`${where}: a policy variable sits next to upper-case text in the resource's service or type`);
    }
    const res: R[] = [];
    let literal: S = z.String.val('');
    const need: B[] = [];
    let last = 0;
    for (const m of text.matchAll(POLICY_VARIABLE)) {
      const before = text.slice(last, m.index);
      if (before) {
        res.push(this.glob(before));
        literal = literal.concat(before);
      }
      const key = this.key(m[1]);
      if (!key) throw new NotEncodable(`${where}: policy variable ${m[1]} was not declared`);
      need.push(key.present, key.count.eq(1));
      res.push(z.Re.toRe(key.slots[0].text));
      literal = literal.concat(key.slots[0].text);
      last = m.index! + m[0].length;
    }
    const tail = text.slice(last);
    if (tail) {
      res.push(this.glob(tail));
      literal = literal.concat(tail);
    }
    const re = res.length === 0 ? z.Re.toRe('') : res.length === 1 ? res[0] : z.ReConcat(...res);
    return z.And(...need, test(re, literal));
  }

  private condition(c: ParsedCondition, where: string): B {
    const z = this.z;
    const m = c.meaning;
    if (c.hasUnknown) throw new NotEncodable(`${where}: a value of ${c.key} is known only after apply`);
    const key = this.key(c.key)!;
    const whenAbsent = m.family === 'null' || m.family === 'nullOrEmpty'
      ? c.values.some(v => v.bool === true)
      : m.ifExists || m.set === 'all' ? true : m.set === 'any' ? false : m.negated;
    let whenPresent: B;
    const active = (i: number) => key.count.gt(i);
    if (m.family === 'null') {
      whenPresent = z.Bool.val(c.values.some(v => v.bool === false));
    } else if (m.family === 'nullOrEmpty') {
      const empty = z.And(...key.slots.map((s, i) => z.Implies(active(i), s.text.eq(z.String.val('')))));
      const wanted = new Set(c.values.map(v => v.bool));
      whenPresent = wanted.has(true) && wanted.has(false) ? z.Bool.val(true) : wanted.has(true) ? empty : z.Not(empty);
    } else {
      // Per request value: "some condition value matches it", inverted by a negated operator. ForAllValues (and
      // negated operators without a qualifier) need every value to pass; the others need one.
      const every = m.set === 'all' || (m.set !== 'any' && m.negated);
      const pass = key.slots.map(s => {
        const hit = orAll(z, c.knownValues.map(v => this.valueMatches(c, v, s, where)));
        return m.negated ? z.Not(hit) : hit;
      });
      whenPresent = every
        ? z.And(...pass.map((p, i) => z.Implies(active(i), p)))
        : orAll(z, pass.map((p, i) => z.And(active(i), p)));
    }
    return z.If(key.present, whenPresent, z.Bool.val(whenAbsent)) as B;
  }

  private valueMatches(c: ParsedCondition, v: ParsedCondition['values'][number], slot: Slot, where: string): B {
    const z = this.z;
    const m = c.meaning;
    const r = slot.text;
    if (v.variables) {
      if (m.family !== 'string' || m.comparison === 'eqi') {
        throw new NotEncodable(`${where}: policy variable in a ${m.family}${m.comparison === 'eqi' ? ' IgnoreCase' : ''} condition`);
      }
      const glob = m.comparison === 'like' || (m.comparison === 'eq' && this.rules.wildcardsInStringEquals);
      return this.substituted(v.text, where, (re, literal) => glob ? z.InRe(r, re)
        : m.comparison === 'start' ? literal.prefixOf(r) : m.comparison === 'end' ? literal.suffixOf(r) : r.eq(literal), false);
    }
    switch (m.family) {
      case 'string':
        switch (m.comparison) {
          case 'eqi': return z.InRe(r, this.caseless(v.text.toLowerCase()));
          case 'like': return z.InRe(r, this.glob(v.text));
          case 'start': return z.String.val(v.text).prefixOf(r);
          case 'end': return z.String.val(v.text).suffixOf(r);
          default: return this.rules.wildcardsInStringEquals ? z.InRe(r, this.glob(v.text)) : r.eq(z.String.val(v.text));
        }
      case 'numeric':
      case 'date': {
        // The evaluator keeps numbers as exact decimals and dates as instants; requests are encoded as integers
        // (dates in milliseconds), so a fraction or a sub-millisecond date cannot be encoded exactly.
        if (v.decimal && (v.decimal.frac !== '' || !v.decimal.safe)) throw new NotEncodable(`${where}: number ${v.text} is not a safe integer`);
        if (v.instant && v.instant.sub !== '') throw new NotEncodable(`${where}: date ${v.text} has sub-millisecond digits`);
        const number = m.family === 'date' ? v.instant?.ms : v.decimal?.n;
        if (!slot.value || number === undefined) return z.Bool.val(false);
        return z.And(slot.typed!, compareInt(z, m.comparison, slot.value, number));
      }
      case 'ip': {
        const cidr = v.cidr;
        if (!slot.value || !cidr || cidr.v6) return z.Bool.val(false);
        const size = Number(2n ** 32n - cidr.mask); // addresses in the block: 2^(32 - prefix)
        const base = Number(cidr.base);
        return z.And(slot.typed!, slot.value.ge(base), slot.value.lt(base + size));
      }
      case 'bool': return r.eq(z.String.val(String(v.bool)));
      default: return z.Bool.val(false);
    }
  }

  /** Strings whose lower case is `lower` (request text is ASCII, so only A–Z fold). */
  private caseless(lower: string): R {
    const z = this.z;
    const parts: R[] = [];
    for (const ch of lower) parts.push(ch >= 'a' && ch <= 'z' ? z.Union(z.Re.toRe(ch), z.Re.toRe(ch.toUpperCase())) : z.Re.toRe(ch));
    return parts.length === 0 ? z.Re.toRe('') : parts.length === 1 ? parts[0] : z.ReConcat(...parts);
  }
}

function isUpper(c: string): boolean {
  return c >= 'A' && c <= 'Z';
}

function orAll(z: Z3, list: readonly B[]): B {
  return list.length === 0 ? z.Bool.val(false) : list.length === 1 ? list[0] : z.Or(...list);
}

/** An integer request value against a JavaScript number: exact for any constant, integral or not. */
function compareInt(z: Z3, c: string, n: I, k: number): B {
  switch (c) {
    case 'lt': return n.le(Math.ceil(k) - 1);
    case 'le': return n.le(Math.floor(k));
    case 'gt': return n.ge(Math.floor(k) + 1);
    case 'ge': return n.ge(Math.ceil(k));
    default: return Number.isInteger(k) ? n.eq(k) : z.Bool.val(false);
  }
}
