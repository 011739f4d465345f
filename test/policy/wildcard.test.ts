/**
 * The wildcard matcher against a regular-expression reference (code-point `.` with the `u` flag), and its
 * linear-time behaviour on inputs that made the old backtracking matcher quadratic.
 */
import * as fc from 'fast-check';
import { compilePieces, compileWildcard, matchesWildcard } from '../../src/policy';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function reference(pieces: Array<{ text: string; literal: boolean }>, value: string, ci: boolean): boolean {
  const source = pieces.map(p => (p.literal ? escape(p.text) : [...p.text].map(c => (c === '*' ? '.*' : c === '?' ? '.' : escape(c))).join(''))).join('');
  return new RegExp(`^${source}$`, ci ? 'su' : 'su').test(ci ? value.toLowerCase() : value);
}

const ALPHABET = ['a', 'b', 'A', '😀', ':', '/'];
const patternChar = fc.constantFrom(...ALPHABET, '*', '?', '*', '?');
const valueArb = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 12 }).map(xs => xs.join(''));
const globArb = fc.array(patternChar, { maxLength: 10 }).map(xs => xs.join(''));

describe('wildcard matching agrees with a regular-expression reference', () => {
  test('glob patterns, case-sensitive and case-insensitive', () => {
    fc.assert(fc.property(globArb, valueArb, fc.boolean(), (p, v, ci) => {
      const pieces = [{ text: ci ? p.toLowerCase() : p, literal: false }];
      expect(compileWildcard(p, ci)(v)).toBe(reference(pieces, v, ci));
      expect(matchesWildcard(p, v, ci)).toBe(reference(pieces, v, ci));
    }), { numRuns: 3000 });
  });

  test('patterns mixing glob text and literal text (substituted variables are never wildcards)', () => {
    const piece = fc.record({ text: globArb, literal: fc.boolean() });
    fc.assert(fc.property(fc.array(piece, { maxLength: 4 }), valueArb, (pieces, v) => {
      expect(compilePieces(pieces)(v)).toBe(reference(pieces, v, false));
    }), { numRuns: 2000 });
  });

  test('long literal segments (the KMP path) agree too', () => {
    const ab = (min: number, max: number) => fc.array(fc.constantFrom('a', 'b'), { minLength: min, maxLength: max }).map(xs => xs.join(''));
    fc.assert(fc.property(ab(33, 60), ab(0, 3), ab(0, 160), (needle, head, v) => {
      const p = `${head}*${needle}*`;
      expect(compileWildcard(p)(v)).toBe(reference([{ text: p, literal: false }], v, false));
      const inside = v.slice(0, 3) + '*' + v.slice(10, 50) + '*';
      expect(compileWildcard(inside)(v)).toBe(reference([{ text: inside, literal: false }], v, false));
    }), { numRuns: 1000 });
  });

  test('? is one code point: ml-? matches ml-😀 and not ml-😀😀', () => {
    expect(compileWildcard('ml-?')('ml-😀')).toBe(true);
    expect(compileWildcard('ml-?')('ml-😀😀')).toBe(false);
    expect(compileWildcard('*?b')('😀b')).toBe(true);
  });
});

describe('wildcard matching is linear: no backtracking on adversarial patterns (would not finish otherwise)', () => {
  const literal = 'x'.repeat(300_000);
  test('a 300 KB literal between two stars, against a 600 KB value', () => {
    const value = 'a' + 'x'.repeat(299_999) + 'y' + literal.slice(1) + 'b';
    expect(compileWildcard('a*' + literal + '*b')(value)).toBe(false);
    expect(compileWildcard('a*' + literal + '*b')('a' + literal + 'b')).toBe(true);
  });
  test('many stars over a long run of the same character', () => {
    const pattern = '*' + 'a*'.repeat(2000) + 'b';
    expect(compileWildcard(pattern)('a'.repeat(200_000))).toBe(false);
  });
});
