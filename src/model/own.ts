/** A JSON object (not an array, not null): the shape every block of Terraform JSON and every settings entry has. */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A table lookup by a key from the input. Plain objects inherit `constructor`, `toString`, `__proto__`...: an input
 * that names a resource type, local or variable so must read as absent, never as Object's own members.
 */
export function own<T>(table: { readonly [key: string]: T }, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/**
 * Text joined into one flat string. A template literal or `+` builds a chain of rope nodes (32 bytes each), which V8
 * flattens into a second copy when the text is hashed: for keys, addresses and pointers kept per resource this is
 * about 50 bytes each, tens of megabytes at 100k users.
 */
export function joined(...parts: string[]): string {
  return parts.join('');
}
