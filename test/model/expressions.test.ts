import * as fc from 'fast-check';
import {
  EMPTY_SCOPE, EvalStep, evaluateExpression, evaluateTemplate, MAX_DEPTH, Scope, toPlain, Unknown, Value,
} from '../../src/model/expressions';
import { isUnknownValue, renderOutput, renderUnknowns, unknownReasons } from '../../src/policy/unknown';

/** Known variables from a map; every other reference is unknown, quoting itself (like a value known after apply). */
function scopeOf(vars: Record<string, Value>): Scope {
  return {
    reference: (root: string, steps: readonly EvalStep[], src: string) => {
      const name = steps[0]?.kind === 'attr' ? steps[0].name : '';
      if (root === 'var' && name in vars) return { value: vars[name], used: 1 };
      return { value: new Unknown(src, `${src} is known only after apply`), used: steps.length };
    },
  };
}

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

/** HCL literal text of a JSON value, in a random mix of the styles people write (comments, trailing commas, `=`/`:`). */
function hcl(v: Json, style: number): string {
  if (typeof v === 'string') return JSON.stringify(v).replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  const sep = style % 2 ? ',\n' : ', ';
  const trail = style % 3 === 0 ? ',' : '';
  const comment = style % 5 === 0 ? ' # note\n' : style % 7 === 0 ? ' // note\n' : '';
  if (Array.isArray(v)) return `[${comment}${v.map(x => hcl(x, style + 1)).join(sep)}${v.length ? trail : ''}]`;
  const entries = Object.entries(v).map(([k, x]) => {
    const key = /^[A-Za-z_][\w-]*$/.test(k) && !['true', 'false', 'null', 'for'].includes(k) ? k : JSON.stringify(k).replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
    return `${key} ${style % 4 === 0 ? ':' : '='} ${hcl(x, style + 1)}`;
  });
  return `{${comment}\n${entries.join(style % 2 ? '\n' : ',\n')}${entries.length ? trail : ''}\n}`;
}

const json: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>(tie => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string({ minLength: 1 }), tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('expression engine', () => {
  test('jsonencode of an HCL object/tuple literal is the JSON document it writes (any style)', () => {
    fc.assert(fc.property(json, fc.nat(1000), (doc, style) => {
      const text = `\${jsonencode(${hcl(doc, style)})}`;
      const v = evaluateTemplate(text, EMPTY_SCOPE);
      expect(typeof v).toBe('string');
      expect(JSON.parse(v as string)).toEqual(JSON.parse(JSON.stringify(doc)));
    }), { numRuns: 300 });
  });

  test('unknown references stay unknown and local: the rest of the document is known', () => {
    fc.assert(fc.property(fc.dictionary(fc.constantFrom('A', 'B', 'C', 'D'), fc.string(), { minKeys: 1 }), fc.constantFrom('A', 'B', 'C', 'D', 'E'), (known, hole) => {
      const fields = { ...Object.fromEntries(Object.entries(known).map(([k, v]) => [k, JSON.stringify(v).replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{')])), [hole]: 'var.secret' };
      const text = `\${jsonencode({${Object.entries(fields).map(([k, v]) => `${k} = ${v}`).join('\n')}})}`;
      const doc = JSON.parse(evaluateTemplate(text, scopeOf({})) as string);
      for (const [k, v] of Object.entries(known)) if (k !== hole) expect(doc[k]).toBe(v);
      expect(isUnknownValue(doc[hole])).toBe(true);
      expect(renderUnknowns(doc[hole])).toBe('${var.secret}');
    }), { numRuns: 200 });
  });

  test('string templates keep their known parts', () => {
    const v = evaluateTemplate('tf-example-${random_integer.default.result}', scopeOf({}));
    expect(typeof v).toBe('string');
    expect(renderUnknowns(v as string)).toBe('tf-example-${random_integer.default.result}');
    expect(unknownReasons(v as string)).toEqual(['random_integer.default.result is known only after apply']);
  });

  test.each([
    ['${format("%s-%03d-%v", var.a, 7, true)}', { a: 'x' }, 'x-%03d'],
    ['${format("%s-%d", var.a, 7)}', { a: 'x' }, 'x-7'],
    ['${join(",", concat(var.l, ["c"]))}', { l: ['a', 'b'] }, 'a,b,c'],
    ['${merge({a = 1}, var.m)["b"]}', { m: { b: 'two' } }, 'two'],
    ['${lookup(var.m, "x", "dflt")}', { m: {} }, 'dflt'],
    ['${element(var.l, 3)}', { l: ['a', 'b'] }, 'b'],
    ['${tostring(5)}', {}, '5'],
    ['${var.env == "prod" ? "strict" : "open"}', { env: 'prod' }, 'strict'],
    ['${var.l[*].name}', { l: [{ name: 'a' }, { name: 'b' }] }, ['a', 'b']],
    ['${var.m["k"][0]}', { m: { k: ['v'] } }, 'v'],
    ['a $${b} %%{c}', {}, 'a ${b} %{c}'],
    ['${"quoted \\"${var.a}\\""}', { a: 'x' }, 'quoted "x"'],
  ])('%s', (text, vars, expected) => {
    const v = evaluateTemplate(text, scopeOf(vars as Record<string, Value>));
    if (text.includes('%03d')) expect(v).toBeInstanceOf(Unknown);
    else expect(toPlain(v)).toEqual(expected);
  });

  test.each([
    ['${[for u in var.users : u.name]}', /`for` expressions are outside the supported subset/],
    ['${upper(var.a)}', /the function upper is outside the supported subset/],
    ['%{ if var.a }x%{ endif }', /template directives/],
    ['${jsonencode({a = 1}', /cannot be read/],
    ['${var.x == 1 ? "a" : "b"}', /var\.x is known only after apply/],
  ])('outside the subset or unknown: %s is unknown, with the expression in the reason', (text, reason) => {
    const v = evaluateTemplate(text, scopeOf({ a: 'x' }));
    const u = v instanceof Unknown ? v : undefined;
    const reasons = u ? [u.reason] : unknownReasons(String(v));
    expect(reasons.join(' ')).toMatch(reason);
  });

  test('a `for` inside a document makes only that part unknown', () => {
    const doc = JSON.parse(evaluateTemplate('${jsonencode({A = "x", B = [for x in var.l : x]})}', scopeOf({ l: ['a'] })) as string);
    expect(doc.A).toBe('x');
    expect(renderUnknowns(doc.B)).toBe('${[for x in var.l : x]}');
  });

  test('hostile nesting fails as unknown (depth bound), never a stack overflow', () => {
    for (const open of ['[', '{a = ', '(', '!', '-']) {
      const deep = `\${${open.repeat(100_000)}1}`;
      const v = evaluateTemplate(deep, EMPTY_SCOPE);
      expect(v).toBeInstanceOf(Unknown);
      expect((v as Unknown).reason).toMatch(new RegExp(`nested deeper than ${MAX_DEPTH}|cannot be read`));
    }
    expect(evaluateExpression('[[[1]]]', EMPTY_SCOPE)).toEqual([[[1]]]);
  });

  test('arbitrary text never throws', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), s => {
      evaluateTemplate(`\${${s}}`, scopeOf({}));
      evaluateTemplate(s, scopeOf({}));
    }), { numRuns: 500 });
  });

  test('rendering: JSON output stays valid JSON, XML stays escaped', () => {
    const v = evaluateTemplate('${var.m["k"]}-x', scopeOf({})) as string;
    const out = JSON.stringify({ name: v });
    expect(JSON.parse(renderOutput(out)).name).toBe('${var.m["k"]}-x');
    expect(renderOutput(`<a>${v}</a>`)).toBe('<a>${var.m[&quot;k&quot;]}-x</a>');
    expect(renderOutput(`name ${v}`)).not.toMatch(/\u2983/);
  });
});
