/** Three-valued logic for statement applicability; OPEN only in open-context queries (who-can, what-can). */
export const enum Tri { FALSE = 0, TRUE = 1, UNKNOWN = 2, OPEN = 3 }

/** AND: FALSE dominates, then UNKNOWN, then OPEN. */
export function and(a: Tri, b: Tri): Tri {
  if (a === Tri.FALSE || b === Tri.FALSE) return Tri.FALSE;
  if (a === Tri.UNKNOWN || b === Tri.UNKNOWN) return Tri.UNKNOWN;
  if (a === Tri.OPEN || b === Tri.OPEN) return Tri.OPEN;
  return Tri.TRUE;
}

/** OR: TRUE dominates, then UNKNOWN, then OPEN. */
export function or(a: Tri, b: Tri): Tri {
  if (a === Tri.TRUE || b === Tri.TRUE) return Tri.TRUE;
  if (a === Tri.UNKNOWN || b === Tri.UNKNOWN) return Tri.UNKNOWN;
  if (a === Tri.OPEN || b === Tri.OPEN) return Tri.OPEN;
  return Tri.FALSE;
}
