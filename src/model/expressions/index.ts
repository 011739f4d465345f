/**
 * The Terraform expression subset IAM code uses (see parser.ts for the syntax, evaluator.ts for the functions).
 * Input outside the subset is never read as text and never guessed: it evaluates to `Unknown` quoting it.
 */
import { evaluate, quote, Scope, Unknown, Value } from './evaluator';
import { Node, parseExpression, parseTemplate } from './parser';
import { ExpressionSyntaxError } from './tokenizer';

export * from './evaluator';
export { parseExpression, parseTemplate, MAX_DEPTH } from './parser';
export type { Node, Step } from './parser';
export { ExpressionSyntaxError } from './tokenizer';

const cache = new Map<string, Node | ExpressionSyntaxError>();

/** `${a.b.c}`: most values in synthesized stacks are one plain reference; they skip the tokenizer (and the cache). */
const SIMPLE_REFERENCE = /^\$\{([A-Za-z_][\w-]*)((?:\.[A-Za-z_][\w-]*)+)\}$/;

function parsed(text: string, template: boolean): Node | ExpressionSyntaxError {
  const simple = template ? SIMPLE_REFERENCE.exec(text) : null;
  if (simple && !['true', 'false', 'null'].includes(simple[1])) {
    const src = text.slice(2, -1);
    return { kind: 'reference', root: simple[1], steps: simple[2].slice(1).split('.').map(name => ({ kind: 'attr' as const, name })), src };
  }
  const key = (template ? 't' : 'e') + text;
  let n = cache.get(key);
  if (!n) {
    try {
      n = template ? parseTemplate(text) : parseExpression(text);
    } catch (e) {
      if (!(e instanceof ExpressionSyntaxError)) throw e;
      n = e;
    }
    // Bounded: configurations repeat the same few expressions; a huge input should not keep everything.
    if (cache.size > 50_000) cache.clear();
    cache.set(key, n);
  }
  return n;
}

/** Evaluates a JSON-syntax string (`"tf-${var.name}"`, `"${jsonencode({...})}"`) in a scope. */
/** Text with no interpolation or directive: a template that is itself (escapes `$${`, `%%{` start like one). */
export function isLiteralText(text: string): boolean {
  return !text.includes('${') && !text.includes('%{');
}

export function evaluateTemplate(text: string, scope: Scope): Value {
  if (isLiteralText(text)) return text;
  const n = parsed(text, true);
  if (n instanceof ExpressionSyntaxError) return new Unknown(text, `\`${quote(text)}\` cannot be read: ${n.message}`);
  return evaluate(n, scope);
}

/** Evaluates a native-syntax expression (`--var` values, `count`). */
export function evaluateExpression(text: string, scope: Scope): Value {
  const n = parsed(text, false);
  if (n instanceof ExpressionSyntaxError) return new Unknown(text, `\`${quote(text)}\` cannot be read: ${n.message}`);
  return evaluate(n, scope);
}

/** A scope with no references: literals only. */
export const EMPTY_SCOPE: Scope = {
  reference: (_root, _steps, src) => ({ value: new Unknown(src, `\`${src}\` is a reference, not a literal value`), used: 0 }),
};
