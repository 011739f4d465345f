/**
 * Parser for the Terraform expression subset IAM code uses: literals, templates, tuples and objects (HCL `Key = value`
 * and `"key": value`, comments, trailing commas), references with `.attr`, `[index]`, `[*]` and `.*`, function
 * calls, conditionals and the usual operators. Constructs outside the subset (`for` expressions, template
 * directives, heredocs) become `unsupported` nodes holding their source text, so only that part is unknown.
 * Nesting is bounded (MAX_DEPTH): hostile input fails with a syntax error instead of exhausting the stack.
 */
import { ExpressionSyntaxError, Scanner, Token } from './tokenizer';

export const MAX_DEPTH = 64;

export type Step =
  | { readonly kind: 'attr'; readonly name: string }
  | { readonly kind: 'index'; readonly key: Node }
  | { readonly kind: 'splat' };

interface Base { readonly src: string }
export type Node = Base & (
  | { readonly kind: 'literal'; readonly value: string | number | boolean | null }
  | { readonly kind: 'template'; readonly parts: ReadonlyArray<string | Node> }
  | { readonly kind: 'tuple'; readonly items: readonly Node[] }
  | { readonly kind: 'object'; readonly items: ReadonlyArray<{ readonly key: Node; readonly value: Node }> }
  | { readonly kind: 'reference'; readonly root: string; readonly steps: readonly Step[] }
  | { readonly kind: 'postfix'; readonly target: Node; readonly steps: readonly Step[] }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Node[]; readonly expand: boolean }
  | { readonly kind: 'conditional'; readonly test: Node; readonly then: Node; readonly otherwise: Node }
  | { readonly kind: 'binary'; readonly op: string; readonly left: Node; readonly right: Node }
  | { readonly kind: 'unary'; readonly op: string; readonly operand: Node }
  | { readonly kind: 'unsupported'; readonly what: string }
);

const BINARY: ReadonlyArray<readonly string[]> = [['||'], ['&&'], ['==', '!='], ['<', '>', '<=', '>='], ['+', '-'], ['*', '/', '%']];

class Parser {
  private depth = 0;
  constructor(private readonly s: Scanner) {}

  private src(start: number): string {
    return this.s.text.slice(start, this.s.pos).trim();
  }

  private enter(at: number): void {
    if (++this.depth > MAX_DEPTH) throw new ExpressionSyntaxError(`nested deeper than ${MAX_DEPTH} levels`, at);
  }

  private expect(value: string): Token {
    const t = this.s.next();
    if (t.value !== value || (t.kind !== 'punct' && t.kind !== 'quote')) {
      throw new ExpressionSyntaxError(`expected "${value}" but found ${t.kind === 'eof' ? 'the end' : JSON.stringify(t.value)}`, t.start);
    }
    return t;
  }

  expression(): Node {
    const start = this.s.peek().start;
    this.enter(start);
    try {
      const test = this.binary(0);
      const q = this.s.peek();
      if (q.kind === 'punct' && q.value === '?') {
        this.s.next();
        const then = this.expression();
        this.expect(':');
        const otherwise = this.expression();
        return { kind: 'conditional', test, then, otherwise, src: this.src(start) };
      }
      return test;
    } finally {
      this.depth--;
    }
  }

  private binary(level: number): Node {
    if (level >= BINARY.length) return this.unary();
    const start = this.s.peek().start;
    let left = this.binary(level + 1);
    for (;;) {
      const t = this.s.peek();
      if (t.kind !== 'punct' || !BINARY[level].includes(t.value)) return left;
      this.s.next();
      const right = this.binary(level + 1);
      left = { kind: 'binary', op: t.value, left, right, src: this.src(start) };
    }
  }

  private unary(): Node {
    const t = this.s.peek();
    if (t.kind === 'punct' && (t.value === '!' || t.value === '-')) {
      this.s.next();
      this.enter(t.start);
      try {
        const operand = this.unary();
        return { kind: 'unary', op: t.value, operand, src: this.src(t.start) };
      } finally {
        this.depth--;
      }
    }
    return this.postfix();
  }

  private postfix(): Node {
    const start = this.s.peek().start;
    const primary = this.primary();
    const steps = this.steps();
    if (!steps.length) return primary;
    if (primary.kind === 'reference') return { kind: 'reference', root: primary.root, steps: [...primary.steps, ...steps], src: this.src(start) };
    return { kind: 'postfix', target: primary, steps, src: this.src(start) };
  }

  private steps(): Step[] {
    const steps: Step[] = [];
    for (;;) {
      const t = this.s.peek();
      if (steps.length > MAX_DEPTH) throw new ExpressionSyntaxError(`more than ${MAX_DEPTH} attribute or index steps`, t.start);
      if (t.kind === 'punct' && t.value === '.') {
        this.s.next();
        const n = this.s.next();
        if (n.kind === 'ident') steps.push({ kind: 'attr', name: n.value });
        else if (n.kind === 'number') steps.push({ kind: 'index', key: { kind: 'literal', value: Number(n.value), src: n.value } });
        else if (n.kind === 'punct' && n.value === '*') steps.push({ kind: 'splat' });
        else throw new ExpressionSyntaxError('expected an attribute name after "."', n.start);
      } else if (t.kind === 'punct' && t.value === '[') {
        this.s.next();
        const n = this.s.peek();
        if (n.kind === 'punct' && n.value === '*') {
          this.s.next();
          this.expect(']');
          steps.push({ kind: 'splat' });
        } else {
          const key = this.expression();
          this.expect(']');
          steps.push({ kind: 'index', key });
        }
      } else {
        return steps;
      }
    }
  }

  private primary(): Node {
    const t = this.s.next();
    switch (t.kind) {
      case 'number':
        return { kind: 'literal', value: Number(t.value), src: t.value };
      case 'quote':
        return this.template(true, t.start);
      case 'heredoc':
        throw new ExpressionSyntaxError('heredoc strings are outside the supported subset', t.start);
      case 'ident': {
        if (t.value === 'true' || t.value === 'false') return { kind: 'literal', value: t.value === 'true', src: t.value };
        if (t.value === 'null') return { kind: 'literal', value: null, src: t.value };
        const n = this.s.peek();
        if (n.kind === 'punct' && n.value === '(') return this.call(t);
        // `provider::name::fn(...)` calls are not in the subset.
        if (n.kind === 'punct' && n.value === ':' && this.s.text.startsWith('::', n.start)) {
          throw new ExpressionSyntaxError('provider functions are outside the supported subset', t.start);
        }
        return { kind: 'reference', root: t.value, steps: [], src: t.value };
      }
      case 'punct':
        if (t.value === '(') {
          const inner = this.expression();
          this.expect(')');
          return inner;
        }
        if (t.value === '[' || t.value === '{') {
          const after = this.s.peek();
          if (after.kind === 'ident' && after.value === 'for') {
            this.s.pos = this.s.skipBalanced(t.start);
            return { kind: 'unsupported', what: '`for` expressions are outside the supported subset', src: this.src(t.start) };
          }
          return t.value === '[' ? this.tuple(t.start) : this.object(t.start);
        }
        break;
      default:
        break;
    }
    throw new ExpressionSyntaxError(t.kind === 'eof' ? 'the expression ends too early' : `unexpected ${JSON.stringify(t.value)}`, t.start);
  }

  private call(name: Token): Node {
    this.expect('(');
    const args: Node[] = [];
    let expand = false;
    this.enter(name.start);
    try {
      for (;;) {
        const t = this.s.peek();
        if (t.kind === 'punct' && t.value === ')') break;
        args.push(this.expression());
        const sep = this.s.next();
        if (sep.kind === 'punct' && sep.value === '...') {
          expand = true;
          this.expect(')');
          return { kind: 'call', name: name.value, args, expand, src: this.src(name.start) };
        }
        if (sep.kind === 'punct' && sep.value === ')') return { kind: 'call', name: name.value, args, expand, src: this.src(name.start) };
        if (sep.kind !== 'punct' || sep.value !== ',') throw new ExpressionSyntaxError(`expected "," or ")" in the call of ${name.value}`, sep.start);
      }
      this.s.next();
      return { kind: 'call', name: name.value, args, expand, src: this.src(name.start) };
    } finally {
      this.depth--;
    }
  }

  private tuple(start: number): Node {
    const items: Node[] = [];
    this.enter(start);
    try {
      for (;;) {
        const t = this.s.peek();
        if (t.kind === 'punct' && t.value === ']') {
          this.s.next();
          return { kind: 'tuple', items, src: this.src(start) };
        }
        items.push(this.expression());
        const sep = this.s.peek();
        if (sep.kind === 'punct' && sep.value === ',') this.s.next();
        else if (!(sep.kind === 'punct' && sep.value === ']')) throw new ExpressionSyntaxError('expected "," or "]" in a list', sep.start);
      }
    } finally {
      this.depth--;
    }
  }

  private object(start: number): Node {
    const items: Array<{ key: Node; value: Node }> = [];
    this.enter(start);
    try {
      for (;;) {
        const t = this.s.peek();
        if (t.kind === 'punct' && t.value === '}') {
          this.s.next();
          return { kind: 'object', items, src: this.src(start) };
        }
        let key: Node;
        if (t.kind === 'ident') {
          // A bare name is the key itself (HCL), unless it is a whole expression such as `(var.k)` (parenthesised).
          this.s.next();
          key = { kind: 'literal', value: t.value, src: t.value };
        } else {
          key = this.expression();
        }
        const eq = this.s.next();
        if (eq.kind !== 'punct' || (eq.value !== '=' && eq.value !== ':')) throw new ExpressionSyntaxError('expected "=" or ":" after an object key', eq.start);
        items.push({ key, value: this.expression() });
        // Items are separated by commas or newlines (skipped as blanks).
        const sep = this.s.peek();
        if (sep.kind === 'punct' && sep.value === ',') this.s.next();
      }
    } finally {
      this.depth--;
    }
  }

  /** A template: quoted (`"..."` in expressions) or bare (a whole JSON string value). */
  template(quoted: boolean, start: number): Node {
    const parts: Array<string | Node> = [];
    this.enter(start);
    try {
      for (;;) {
        const chunk = this.s.templateChunk(quoted);
        if (chunk.text) parts.push(chunk.text);
        if (chunk.stop === 'quote' || chunk.stop === 'end') break;
        const at = this.s.pos - 2;
        if (chunk.stop === 'directive') {
          // `%{if}` / `%{for}`: set aside up to the matching brace; the whole template is then unknown.
          this.s.pos = this.s.skipBalanced(at + 1);
          parts.push({ kind: 'unsupported', what: 'template directives (%{...}) are outside the supported subset', src: this.s.text.slice(at, this.s.pos) });
          continue;
        }
        const policyVariable = /^[A-Za-z0-9_-]+:[^}]*\}/.exec(this.s.text.slice(this.s.pos, this.s.pos + 200));
        if (policyVariable) {
          // `${acs:CurrentTime}` unescaped: Terraform rejects it (write `$${...}`); only this part is unknown.
          this.s.pos += policyVariable[0].length;
          parts.push({ kind: 'unsupported', what: 'a policy variable must be escaped as $${...} in Terraform', src: this.s.text.slice(at + 2, this.s.pos - 1) });
          continue;
        }
        // `${~ expr ~}` strip markers only affect whitespace.
        if (this.s.text[this.s.pos] === '~') this.s.pos++;
        parts.push(this.expression());
        this.s.skipSpace();
        if (this.s.text[this.s.pos] === '~') this.s.pos++;
        this.expect('}');
      }
      return { kind: 'template', parts, src: quoted ? this.src(start) : this.s.text };
    } finally {
      this.depth--;
    }
  }

  end(): void {
    const t = this.s.next();
    if (t.kind !== 'eof') throw new ExpressionSyntaxError(`unexpected ${JSON.stringify(t.value)} after the expression`, t.start);
  }
}

/** Parses a native-syntax expression (`jsonencode({...})`, `var.x`, `a ? b : c`). */
export function parseExpression(text: string): Node {
  const p = new Parser(new Scanner(text));
  const node = p.expression();
  p.end();
  return node;
}

/** Parses a JSON-syntax string value as a template: literal text with `${...}` interpolations. */
export function parseTemplate(text: string): Node {
  const s = new Scanner(text);
  return new Parser(s).template(false, 0);
}
