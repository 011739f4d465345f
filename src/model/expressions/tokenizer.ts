/**
 * Scanner for the Terraform expression syntax (HCL native syntax, the subset IAM code uses). Position based: the
 * parser asks for the next token in expression mode, or for the next literal chunk in template mode, so templates
 * and the expressions inside them share one cursor.
 */

export type TokenKind = 'ident' | 'number' | 'punct' | 'quote' | 'heredoc' | 'eof';

export interface Token {
  readonly kind: TokenKind;
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

/** Input the engine does not read (syntax error, or syntax outside the supported subset). */
export class ExpressionSyntaxError extends Error {
  constructor(message: string, readonly position: number) {
    super(message);
  }
}

const PUNCT = ['...', '=>', '==', '!=', '<=', '>=', '&&', '||', '{', '}', '[', ']', '(', ')', ',', '.', '=', ':', '?', '<', '>', '!', '+', '-', '*', '/', '%'];

export class Scanner {
  pos = 0;
  constructor(readonly text: string) {}

  /** Skips blanks, newlines and `#`, `//`, `/* *\/` comments. */
  skipSpace(): void {
    const t = this.text;
    for (;;) {
      const c = t[this.pos];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
        this.pos++;
      } else if (c === '#' || (c === '/' && t[this.pos + 1] === '/')) {
        while (this.pos < t.length && t[this.pos] !== '\n') this.pos++;
      } else if (c === '/' && t[this.pos + 1] === '*') {
        const end = t.indexOf('*/', this.pos + 2);
        if (end < 0) throw new ExpressionSyntaxError('unterminated comment', this.pos);
        this.pos = end + 2;
      } else {
        return;
      }
    }
  }

  peek(): Token {
    const save = this.pos;
    const tok = this.next();
    this.pos = save;
    return tok;
  }

  next(): Token {
    this.skipSpace();
    const t = this.text;
    const start = this.pos;
    if (start >= t.length) return { kind: 'eof', value: '', start, end: start };
    const c = t[start];
    if (/[A-Za-z_]/.test(c)) {
      let i = start + 1;
      while (i < t.length && /[\w-]/.test(t[i])) i++;
      this.pos = i;
      return { kind: 'ident', value: t.slice(start, i), start, end: i };
    }
    if (/[0-9]/.test(c)) {
      const m = /^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(t.slice(start, start + 64))!;
      this.pos = start + m[0].length;
      return { kind: 'number', value: m[0], start, end: this.pos };
    }
    if (c === '"') {
      this.pos = start + 1;
      return { kind: 'quote', value: '"', start, end: start + 1 };
    }
    if (c === '<' && t[start + 1] === '<') {
      this.pos = start + 2;
      return { kind: 'heredoc', value: '<<', start, end: start + 2 };
    }
    for (const p of PUNCT) {
      if (t.startsWith(p, start)) {
        this.pos = start + p.length;
        return { kind: 'punct', value: p, start, end: this.pos };
      }
    }
    throw new ExpressionSyntaxError(`unexpected character ${JSON.stringify(c)}`, start);
  }

  /**
   * The literal text of a template up to the next `${`, `%{` or (quoted) the closing quote. Quoted templates use
   * HCL escapes (`\n`, `\"`, `\uXXXX`); both kinds unescape `$${` and `%%{`.
   */
  templateChunk(quoted: boolean): { text: string; stop: 'interp' | 'directive' | 'quote' | 'end' } {
    const t = this.text;
    let out = '';
    while (this.pos < t.length) {
      const c = t[this.pos];
      if ((c === '$' || c === '%') && t[this.pos + 1] === c && t[this.pos + 2] === '{') {
        out += `${c}{`;
        this.pos += 3;
      } else if (c === '$' && t[this.pos + 1] === '{') {
        this.pos += 2;
        return { text: out, stop: 'interp' };
      } else if (c === '%' && t[this.pos + 1] === '{') {
        this.pos += 2;
        return { text: out, stop: 'directive' };
      } else if (quoted && c === '"') {
        this.pos++;
        return { text: out, stop: 'quote' };
      } else if (quoted && c === '\\') {
        const e = t[this.pos + 1];
        const simple: Record<string, string> = { 'n': '\n', 'r': '\r', 't': '\t', '"': '"', '\\': '\\' };
        if (simple[e] !== undefined) {
          out += simple[e];
          this.pos += 2;
        } else if (e === 'u' || e === 'U') {
          const len = e === 'u' ? 4 : 8;
          const hex = t.slice(this.pos + 2, this.pos + 2 + len);
          if (!/^[0-9A-Fa-f]+$/.test(hex) || hex.length !== len) throw new ExpressionSyntaxError('invalid unicode escape', this.pos);
          out += String.fromCodePoint(parseInt(hex, 16));
          this.pos += 2 + len;
        } else {
          throw new ExpressionSyntaxError(`invalid escape \\${e ?? ''}`, this.pos);
        }
      } else if (quoted && c === '\n') {
        throw new ExpressionSyntaxError('unterminated string', this.pos);
      } else {
        out += c;
        this.pos++;
      }
    }
    if (quoted) throw new ExpressionSyntaxError('unterminated string', this.pos);
    return { text: out, stop: 'end' };
  }

  /**
   * From an opening bracket at `pos`, the position after its matching close (strings and templates skipped):
   * lets the parser set aside a construct it does not evaluate (a `for` expression) as one unknown part.
   */
  skipBalanced(open: number): number {
    const t = this.text;
    let depth = 0;
    let i = open;
    while (i < t.length) {
      const c = t[i];
      if (c === '"') {
        i++;
        while (i < t.length && t[i] !== '"') i += t[i] === '\\' ? 2 : 1;
      } else if (c === '{' || c === '[' || c === '(') {
        depth++;
      } else if (c === '}' || c === ']' || c === ')') {
        depth--;
        if (depth === 0) return i + 1;
      }
      i++;
    }
    throw new ExpressionSyntaxError('unbalanced brackets', open);
  }
}
