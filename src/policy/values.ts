/**
 * Strict readers for typed condition values (numbers, dates) and their exact comparison. Policy and request values
 * go through the same readers: anything ambiguous ("0x10", " 7", "1e3", "Infinity", "2026-02-30", epoch seconds)
 * is rejected, never guessed.
 */

/** A decimal number, compared exactly. `n` is exact enough for ordering when `safe` (≤ 15 significant digits). */
export interface Decimal {
  readonly n: number;
  readonly safe: boolean;
  readonly negative: boolean;
  /** Integer digits without leading zeros ("" for zero). */
  readonly int: string;
  /** Fraction digits without trailing zeros. */
  readonly frac: string;
}

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

export function parseDecimal(text: string): Decimal | undefined {
  const m = DECIMAL.exec(text);
  if (!m) return undefined;
  const int = m[2].replace(/^0+/, '');
  const frac = (m[3] ?? '').replace(/0+$/, '');
  const zero = int === '' && frac === '';
  const significant = (int + frac).replace(/^0+/, '').length;
  // Distinct decimals of at most 15 significant digits map to distinct doubles, in order.
  return { n: Number(text), safe: significant <= 15, negative: m[1] === '-' && !zero, int, frac };
}

export function compareDecimal(a: Decimal, b: Decimal): number {
  if (a.safe && b.safe) return a.n < b.n ? -1 : a.n > b.n ? 1 : 0;
  if (a.negative !== b.negative) return a.negative ? -1 : 1;
  const sign = a.negative ? -1 : 1;
  if (a.int.length !== b.int.length) return sign * (a.int.length < b.int.length ? -1 : 1);
  if (a.int !== b.int) return sign * (a.int < b.int ? -1 : 1);
  const len = Math.max(a.frac.length, b.frac.length);
  const fa = a.frac.padEnd(len, '0');
  const fb = b.frac.padEnd(len, '0');
  return fa === fb ? 0 : sign * (fa < fb ? -1 : 1);
}

/** An instant: whole milliseconds since the epoch, plus the fraction digits beyond milliseconds (exact). */
export interface Instant {
  readonly ms: number;
  readonly sub: string;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * ISO 8601 calendar date or date-time. Without an offset the time is read as UTC (docs/semantics.md: the clouds'
 * documented values all carry `Z` or an offset, and a reading that depends on the host's time zone is never right).
 */
export function parseInstant(text: string): Instant | undefined {
  const m = ISO.exec(text);
  if (!m) return undefined;
  const year = +m[1];
  const month = +m[2];
  const day = +m[3];
  const hour = m[4] === undefined ? 0 : +m[4];
  const minute = m[5] === undefined ? 0 : +m[5];
  const second = m[6] === undefined ? 0 : +m[6];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59) return undefined;
  let offsetMinutes = 0;
  const zone = m[8];
  if (zone && zone !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2));
    if (oh > 23 || om > 59) return undefined;
    offsetMinutes = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const fraction = m[7] ?? '';
  let base = Date.UTC(year, month - 1, day, hour, minute, second);
  if (year < 100) {
    // Date.UTC maps years 0–99 to 1900–1999: build in a leap year, then move.
    const d = new Date(Date.UTC(2000, month - 1, day, hour, minute, second));
    d.setUTCFullYear(year);
    base = d.getTime();
  }
  const ms = base - offsetMinutes * 60_000 + (fraction === '' ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0')));
  return { ms, sub: fraction.slice(3).replace(/0+$/, '') };
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function compareInstant(a: Instant, b: Instant): number {
  if (a.ms !== b.ms) return a.ms < b.ms ? -1 : 1;
  if (a.sub === b.sub) return 0;
  const len = Math.max(a.sub.length, b.sub.length);
  return a.sub.padEnd(len, '0') < b.sub.padEnd(len, '0') ? -1 : 1;
}
