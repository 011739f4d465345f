import { printableLine } from '../../checks/format/printable';

/**
 * Left-aligned columns separated by two spaces; the header underlined. For people, not for parsing.
 * Widths are found in one pass without spreading rows into Math.max (which overflows the stack past ~125k rows),
 * and rows go to `write` in chunks so no single string holds the whole table.
 */
export function writeTable(header: readonly string[], rows: readonly (readonly string[])[], write: (text: string) => void): void {
  const cell = (r: readonly string[], i: number) => printableLine(r[i] ?? '');
  const widths = header.map(h => h.length);
  for (const r of rows) {
    for (let i = 0; i < widths.length; i++) widths[i] = Math.max(widths[i], cell(r, i).length);
  }
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd();
  write(line(header.map(printableLine)) + '\n' + line(widths.map(w => '-'.repeat(w))) + '\n');
  const CHUNK = 1000;
  for (let start = 0; start < rows.length; start += CHUNK) {
    let text = '';
    for (let j = start; j < Math.min(rows.length, start + CHUNK); j++) text += line(header.map((_, i) => cell(rows[j], i))) + '\n';
    write(text);
  }
}

/** The table as one string, for small tables and tests. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const parts: string[] = [];
  writeTable(header, rows, t => parts.push(t));
  return parts.join('');
}
