/**
 * Glob matching with `*` (any run of characters, including none and including `:` and `/`) and `?` (exactly
 * one character), as all three clouds document for actions, resources and String*Like values. Patterns are
 * compiled once into the cheapest test that decides them; the general case is the linear-time greedy matcher
 * (no regular expressions, so no catastrophic backtracking on adversarial patterns).
 */
export type StringMatcher = (value: string) => boolean;

export function compileWildcard(pattern: string): StringMatcher {
  if (!/[*?]/.test(pattern)) return v => v === pattern;
  if (pattern === '*') return () => true;
  if (!pattern.includes('?')) {
    const parts = pattern.split('*');
    if (parts.length === 2) {
      const [head, tail] = parts;
      if (tail === '') return v => v.startsWith(head);
      if (head === '') return v => v.endsWith(tail);
      return v => v.length >= head.length + tail.length && v.startsWith(head) && v.endsWith(tail);
    }
    if (parts.length === 3 && parts[0] === '' && parts[2] === '') {
      const middle = parts[1];
      return v => v.includes(middle);
    }
  }
  return v => globMatch(pattern, v);
}

/** The one wildcard matcher; `caseInsensitive` folds both sides to lower case. */
export function matchesWildcard(pattern: string, value: string, caseInsensitive: boolean): boolean {
  return caseInsensitive ? globMatch(pattern.toLowerCase(), value.toLowerCase()) : globMatch(pattern, value);
}

/** Greedy glob with backtracking to the last star only: O(|p|·|v|) worst case, linear typically. */
function globMatch(p: string, v: string): boolean {
  let pi = 0;
  let vi = 0;
  let starP = -1;
  let starV = 0;
  while (vi < v.length) {
    const c = p.charCodeAt(pi);
    if (pi < p.length && (c === 63 /* ? */ || c === v.charCodeAt(vi))) {
      pi++;
      vi++;
    } else if (pi < p.length && c === 42 /* * */) {
      starP = pi++;
      starV = vi;
    } else if (starP >= 0) {
      pi = starP + 1;
      vi = ++starV;
    } else {
      return false;
    }
  }
  while (pi < p.length && p.charCodeAt(pi) === 42) pi++;
  return pi === p.length;
}
