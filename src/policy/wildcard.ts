/* eslint-disable no-bitwise */ // Shift-And is bit arithmetic
/**
 * Glob matching with `*` (any run of characters, including none and including `:` and `/`) and `?` (exactly one
 * character: one Unicode code point, so `ml-?` matches `ml-😀`), as all three clouds document for actions, resources
 * and String*Like values.
 *
 * Linear time for every pattern, no backtracking: a pattern is split at its stars into segments; the first segment
 * must match at the start, the last at the end, and each middle one is taken at its leftmost occurrence after the
 * previous one (greedy leftmost is exact for globs). Literal segments are found with `indexOf` (short) or KMP (long),
 * both linear; segments holding `?` with a bit-parallel Shift-And scan over code points, O(|value| · ⌈|segment|/32⌉)
 * in the worst case and linear on ordinary text (only words holding live partial matches are updated).
 */
export type StringMatcher = (value: string) => boolean;

/** One piece of a pattern: `glob` text honours `*` and `?`; `literal` text (a substituted variable) never does. */
export interface PatternPiece {
  readonly text: string;
  readonly literal: boolean;
}

const STAR = -2;
const ONE = -1;

/** A run between stars: code points (ONE for `?`), plus the UTF-16 text when it has no `?`. */
interface Segment {
  readonly cps: readonly number[];
  readonly text?: string;
}

function atomsOf(pieces: readonly PatternPiece[]): number[] {
  const atoms: number[] = [];
  for (const p of pieces) {
    for (const ch of p.text) {
      const cp = ch.codePointAt(0)!;
      atoms.push(!p.literal && cp === 42 ? STAR : !p.literal && cp === 63 ? ONE : cp);
    }
  }
  return atoms;
}

function segmentsOf(atoms: readonly number[]): { segments: Segment[]; stars: boolean } {
  const segments: Segment[] = [];
  let cur: number[] = [];
  let stars = false;
  const flush = () => {
    segments.push({ cps: cur, text: cur.includes(ONE) ? undefined : codePointsToString(cur) });
    cur = [];
  };
  for (const a of atoms) {
    if (a === STAR) {
      stars = true;
      flush();
    } else {
      cur.push(a);
    }
  }
  flush();
  return { segments, stars };
}

function codePointsToString(cps: readonly number[]): string {
  let s = '';
  for (let i = 0; i < cps.length; i += 4096) s += String.fromCodePoint(...cps.slice(i, i + 4096));
  return s;
}

/** Matchers are pure, and policies repeat the same patterns (`*`, `ecs:Describe*`): each is compiled once. */
const compiledExact = new Map<string, StringMatcher>();
const compiledFolded = new Map<string, StringMatcher>();

export function compileWildcard(pattern: string, caseInsensitive = false): StringMatcher {
  const cache = caseInsensitive ? compiledFolded : compiledExact;
  let m = cache.get(pattern);
  if (!m) {
    m = compileUncached(pattern, caseInsensitive);
    // Bounded: a hostile input of distinct patterns must not grow this without end.
    if (cache.size >= 100_000) cache.clear();
    cache.set(pattern, m);
  }
  return m;
}

function compileUncached(pattern: string, caseInsensitive: boolean): StringMatcher {
  const p = caseInsensitive ? pattern.toLowerCase() : pattern;
  // Fast paths for the shapes policies use most; the general matcher decides all of them too.
  if (p.indexOf('*') < 0 && p.indexOf('?') < 0) return caseInsensitive ? v => v.toLowerCase() === p : v => v === p;
  if (p === '*') return () => true;
  if (p.indexOf('?') < 0) return literalSegments(p.split('*'), caseInsensitive);
  return compilePieces([{ text: p, literal: false }], caseInsensitive);
}

/** A pattern assembled from glob text and literal text (policy variables are substituted as literals). */
export function compilePieces(pieces: readonly PatternPiece[], caseInsensitive = false): StringMatcher {
  const ps = caseInsensitive ? pieces.map(x => ({ text: x.text.toLowerCase(), literal: x.literal })) : pieces;
  const { segments, stars } = segmentsOf(atomsOf(ps));
  const fold = caseInsensitive ? (v: string) => v.toLowerCase() : (v: string) => v;
  if (segments.every(s => s.text !== undefined)) return literalSegments(segments.map(s => s.text!), caseInsensitive, stars);
  const searchers = segments.map(s => new ShiftAnd(s.cps));
  return raw => matchCodePoints(segments, searchers, stars, toCodePoints(fold(raw)));
}

/** Segments without `?` (split at the stars): UTF-16 comparison is exact, since a literal run of a valid string
 * cannot start or end inside a surrogate pair. */
function literalSegments(texts: readonly string[], caseInsensitive: boolean, stars = texts.length > 1): StringMatcher {
  const fold = caseInsensitive ? (v: string) => v.toLowerCase() : (v: string) => v;
  if (!stars) return v => fold(v) === texts[0];
  const head = texts[0];
  const tail = texts[texts.length - 1];
  // The shapes policies use most, without the general loop: `svc:Get*`, `*Describe`, `*Instance*`.
  if (!caseInsensitive && texts.length === 2) {
    if (tail === '') return v => v.startsWith(head);
    if (head === '') return v => v.endsWith(tail);
  }
  if (!caseInsensitive && texts.length === 3 && head === '' && tail === '' && texts[1].length <= 32) {
    const middle = texts[1];
    return v => v.includes(middle);
  }
  const middles = texts.slice(1, -1).filter(t => t !== '');
  // indexOf is fastest for short needles but not linear for long ones (V8 can go quadratic): KMP for those.
  const finders = middles.map(m => (m.length <= 32 ? (v: string, from: number) => v.indexOf(m, from) : kmpFinder(m)));
  const minLength = head.length + tail.length;
  return raw => {
    const v = fold(raw);
    if (v.length < minLength || !v.startsWith(head) || !v.endsWith(tail)) return false;
    let at = head.length;
    const end = v.length - tail.length;
    for (let i = 0; i < finders.length; i++) {
      const found = finders[i](v, at);
      if (found < 0 || found + middles[i].length > end) return false;
      at = found + middles[i].length;
    }
    return true;
  };
}

/** The one wildcard matcher for one-off use; `caseInsensitive` folds both sides to lower case. */
export function matchesWildcard(pattern: string, value: string, caseInsensitive: boolean): boolean {
  return compileWildcard(pattern, caseInsensitive)(value);
}

/** Knuth–Morris–Pratt: leftmost occurrence in O(|value| + |needle|), table built once per pattern. */
function kmpFinder(needle: string): (v: string, from: number) => number {
  const fail = new Int32Array(needle.length);
  for (let i = 1, k = 0; i < needle.length; i++) {
    while (k > 0 && needle.charCodeAt(i) !== needle.charCodeAt(k)) k = fail[k - 1];
    if (needle.charCodeAt(i) === needle.charCodeAt(k)) k++;
    fail[i] = k;
  }
  return (v, from) => {
    for (let i = from, k = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      while (k > 0 && c !== needle.charCodeAt(k)) k = fail[k - 1];
      if (c === needle.charCodeAt(k)) k++;
      if (k === needle.length) return i - k + 1;
    }
    return -1;
  };
}

function toCodePoints(v: string): Int32Array {
  const out = new Int32Array(v.length);
  let n = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < v.length) {
      const d = v.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        out[n++] = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
        i++;
        continue;
      }
    }
    out[n++] = c;
  }
  return out.subarray(0, n);
}

function segmentAt(cps: readonly number[], v: Int32Array, at: number): boolean {
  for (let i = 0; i < cps.length; i++) if (cps[i] !== ONE && cps[i] !== v[at + i]) return false;
  return true;
}

function matchCodePoints(segments: readonly Segment[], searchers: readonly ShiftAnd[], stars: boolean, v: Int32Array): boolean {
  const head = segments[0].cps;
  if (!stars) return v.length === head.length && segmentAt(head, v, 0);
  const tail = segments[segments.length - 1].cps;
  if (v.length < head.length + tail.length || !segmentAt(head, v, 0) || !segmentAt(tail, v, v.length - tail.length)) return false;
  let at = head.length;
  const end = v.length - tail.length;
  for (let i = 1; i < segments.length - 1; i++) {
    const found = searchers[i].find(v, at, end);
    if (found < 0) return false;
    at = found + segments[i].cps.length;
  }
  return true;
}

/** Leftmost occurrence of a segment (with `?` = any code point) in v[from, to): Shift-And over 32-bit words. */
class ShiftAnd {
  private readonly words: number;
  private readonly masks = new Map<number, Uint32Array>();
  private readonly anyMask: Uint32Array;
  constructor(private readonly cps: readonly number[]) {
    this.words = Math.max(1, Math.ceil(cps.length / 32));
    this.anyMask = new Uint32Array(this.words);
    cps.forEach((c, i) => {
      if (c === ONE) this.anyMask[i >>> 5] |= 1 << (i & 31);
    });
    cps.forEach((c, i) => {
      if (c === ONE) return;
      let m = this.masks.get(c);
      if (!m) this.masks.set(c, (m = this.anyMask.slice()));
      m[i >>> 5] |= 1 << (i & 31);
    });
  }

  find(v: Int32Array, from: number, to: number): number {
    const k = this.cps.length;
    if (k === 0) return from;
    const words = this.words;
    const state = new Uint32Array(words);
    const lastWord = (k - 1) >>> 5;
    const lastBit = 1 << ((k - 1) & 31);
    // Only words up to the highest live partial match can change: on ordinary text that is the first one or two.
    let live = 0;
    for (let i = from; i < to; i++) {
      const mask = this.masks.get(v[i]) ?? this.anyMask;
      let carry = 1;
      const top = Math.min(words - 1, live + 1);
      live = 0;
      for (let w = 0; w <= top; w++) {
        const s = state[w];
        const next = s >>> 31;
        const n = ((s << 1) | carry) & mask[w];
        state[w] = n;
        if (n) live = w;
        carry = next;
      }
      if (state[lastWord] & lastBit) return i - k + 1;
    }
    return -1;
  }
}
