/**
 * JSON.parse with the strictness policy documents need: a duplicate key is an error (JSON.parse keeps the last one,
 * so `{"Effect":"Deny","Effect":"Allow"}` would silently become Allow), and errors carry the JSON pointer of the
 * value being read. Iterative (an explicit stack), so deep nesting cannot exhaust the call stack.
 */
import { pointerJoin } from './errors';

export class JsonSyntaxError extends Error {
  constructor(readonly pointer: string, readonly problem: string, readonly offset: number) {
    super(`${pointer || '/'}: ${problem} (at character ${offset})`);
    this.name = 'JsonSyntaxError';
  }
}

type Frame =
  | { kind: 'object'; value: Record<string, unknown>; pointer: string; key?: string; seen: Set<string> }
  | { kind: 'array'; value: unknown[]; pointer: string };

const WS = /[ \t\n\r]*/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

export function parseJsonStrict(text: string): unknown {
  const { value, verify } = parseJsonCounted(text);
  verify();
  return value;
}

/**
 * parseJsonStrict in two steps, for a reader that walks the value and counts the keys of the objects it visits.
 * Fast path: JSON.parse is an order of magnitude faster than the full parser; it agrees with it whenever no object
 * repeats a key, which counting keys in the text against keys in the value proves. `verify(keysVisited)` throws the
 * full parser's error when the text repeats a key: a count of visited keys equal to the text's proves none is repeated
 * with no walk of its own; any other (objects the reader skipped, or none given) is settled by counting every key.
 */
export function parseJsonCounted(text: string): { value: unknown; verify: (keysVisited?: number) => void } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { value: parseSlowly(text), verify: () => undefined };
  }
  const written = keyTokens(text);
  return {
    value,
    verify: keysVisited => {
      if (keysVisited !== written && written !== ownKeyCount(value)) parseSlowly(text);
    },
  };
}

/** Object keys written in a valid JSON text: strings followed by `:`. Jumps from quote to quote with indexOf. */
function keyTokens(text: string): number {
  let n = 0;
  let open = text.indexOf('"');
  while (open >= 0) {
    // The closing quote is the next one not escaped, i.e. not after an odd run of backslashes.
    let close = text.indexOf('"', open + 1);
    for (;;) {
      if (close < 0) return n; // unterminated: not valid JSON, which JSON.parse has ruled out
      let before = close - 1;
      while (text.charCodeAt(before) === 92 /* \ */) before--;
      if ((close - 1 - before) % 2 === 0) break;
      close = text.indexOf('"', close + 1);
    }
    let j = close + 1;
    let c = text.charCodeAt(j);
    while (c === 32 || c === 9 || c === 10 || c === 13) c = text.charCodeAt(++j);
    if (c === 58 /* : */) n++;
    open = text.indexOf('"', j);
  }
  return n;
}

/** Own keys of every object in a parsed JSON value (iterative: nesting depth is the input's). */
function ownKeyCount(value: unknown): number {
  let n = 0;
  const todo: unknown[] = [value];
  while (todo.length) {
    const v = todo.pop();
    if (typeof v !== 'object' || v === null) continue;
    if (Array.isArray(v)) {
      for (const x of v) if (typeof x === 'object' && x !== null) todo.push(x);
      continue;
    }
    for (const k in v) {
      n++;
      const x = (v as Record<string, unknown>)[k];
      if (typeof x === 'object' && x !== null) todo.push(x);
    }
  }
  return n;
}

/** The full parser, without the fast path (exported for the differential test). */
export function parseSlowly(text: string): unknown {
  let i = 0;
  const stack: Frame[] = [];
  let result: unknown;
  let done = false;
  const fail = (problem: string): never => {
    const top = stack[stack.length - 1];
    const where = top ? (top.kind === 'object' ? (top.key !== undefined ? pointerJoin(top.pointer, top.key) : top.pointer) : pointerJoin(top.pointer, top.value.length)) : '';
    throw new JsonSyntaxError(where, problem, i);
  };
  const skip = () => {
    WS.lastIndex = i;
    WS.exec(text);
    i = WS.lastIndex;
  };
  const readString = (): string => {
    STRING.lastIndex = i;
    const m = STRING.exec(text);
    if (!m) fail('invalid string');
    i = STRING.lastIndex;
    return JSON.parse(m![0]) as string;
  };
  const pointerOfNext = (): string => {
    const top = stack[stack.length - 1];
    if (!top) return '';
    return top.kind === 'object' ? pointerJoin(top.pointer, top.key!) : pointerJoin(top.pointer, top.value.length);
  };
  /** Stores a finished value in its parent, or as the result. */
  const store = (v: unknown) => {
    const top = stack[stack.length - 1];
    if (!top) {
      result = v;
      done = true;
    } else if (top.kind === 'array') {
      top.value.push(v);
    } else {
      Object.defineProperty(top.value, top.key!, { value: v, enumerable: true, writable: true, configurable: true });
      top.key = undefined;
    }
  };
  // Reads one value start; containers push a frame, scalars are stored at once.
  const readValue = () => {
    skip();
    const c = text[i];
    if (c === '{') {
      i++;
      stack.push({ kind: 'object', value: {}, pointer: pointerOfNext(), seen: new Set() });
      return;
    }
    if (c === '[') {
      i++;
      stack.push({ kind: 'array', value: [], pointer: pointerOfNext() });
      return;
    }
    if (c === '"') return store(readString());
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return store(v);
      }
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (m && m[0] !== '') {
      i = NUMBER.lastIndex;
      return store(Number(m[0]));
    }
    return fail(i >= text.length ? 'unexpected end of input' : `unexpected character ${JSON.stringify(c)}`);
  };

  readValue();
  while (!done) {
    const top = stack[stack.length - 1];
    skip();
    const c = text[i];
    if (top.kind === 'array') {
      if (c === ']') {
        i++;
        stack.pop();
        store(top.value);
        continue;
      }
      if (top.value.length > 0) {
        if (c !== ',') fail('expected , or ]');
        i++;
      }
      readValue();
      continue;
    }
    if (c === '}') {
      i++;
      stack.pop();
      store(top.value);
      continue;
    }
    if (top.seen.size > 0) {
      if (c !== ',') fail('expected , or }');
      i++;
      skip();
    }
    if (text[i] !== '"') fail('expected a "key"');
    const key = readString();
    if (top.seen.has(key)) {
      top.key = key;
      fail(`duplicate key "${key}": JSON readers disagree on which value wins`);
    }
    top.seen.add(key);
    top.key = key;
    skip();
    if (text[i] !== ':') fail('expected :');
    i++;
    readValue();
  }
  skip();
  if (i < text.length) throw new JsonSyntaxError('', 'unexpected text after the JSON value', i);
  return result;
}
