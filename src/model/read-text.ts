/**
 * Reads an input file as text, bounded and honest about encodings: a size limit (a device such as /dev/zero, or a
 * runaway plan, stops at the limit instead of filling memory), a UTF-8 BOM accepted, UTF-16 and invalid UTF-8 named
 * in the error instead of surfacing as a baffling JSON syntax error.
 */
import { isAscii, isUtf8 } from 'buffer';
import * as fs from 'fs';
import * as v8 from 'v8';
import { ModelInputError } from './errors';

/**
 * Heap a loaded input takes per byte of its JSON, with room for the checks: the generated 100k-user organisation
 * (85 MiB) loads in a 1,000 MiB heap and not in 900 MiB, as the raw input and the model (about 330 MiB once built,
 * `npm run bench scale`) are both held while it is built.
 */
export const HEAP_PER_INPUT_BYTE = 12;

/** This process's heap limit (Node's default, or `--max-old-space-size`). */
const HEAP_LIMIT_BYTES = v8.getHeapStatistics().heap_size_limit;

/**
 * Default input size limit: 512 MiB, or less when this process's heap could not hold the model of a larger input (it
 * would end in an out-of-memory crash, not an answer). `--max-input-mib` raises it.
 */
export const DEFAULT_MAX_INPUT_BYTES = Math.min(512 * 1048576, Math.floor(HEAP_LIMIT_BYTES / HEAP_PER_INPUT_BYTE / 1048576) * 1048576);

/** The limit in force for every input file read by the model (the CLI sets it per run from `--max-input-mib`). */
export const inputLimits = { maxBytes: DEFAULT_MAX_INPUT_BYTES };

export function readInputText(file: string, what: string, maxBytes = inputLimits.maxBytes): string {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ModelInputError(file, '', `cannot be read (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder' : code ?? (e as Error).message})`,
      `pass the path of ${what}`);
  }
  let bytes: Buffer;
  let total = 0;
  try {
    // One buffer, read into in place: the size of a regular file up front, doubled as a device or pipe keeps giving.
    const stat = fs.fstatSync(fd);
    if (stat.isFile() && stat.size > maxBytes) throw tooLarge(file, maxBytes, stat.size);
    bytes = Buffer.allocUnsafe(stat.isFile() ? Math.max(stat.size, 1) : 1_048_576);
    const read = (into: Buffer, at: number, length: number): number => {
      try {
        return fs.readSync(fd, into, at, length, null);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new ModelInputError(file, '', `cannot be read (${code === 'EISDIR' ? 'a folder' : code ?? (e as Error).message})`, `pass the path of ${what}`);
      }
    };
    for (;;) {
      if (total === bytes.length) {
        // Full: one byte more tells whether there is more. A regular file read to its size has none, and is not
        // copied into a doubled buffer to find that out.
        const probe = Buffer.allocUnsafe(1);
        if (read(probe, 0, 1) === 0) break;
        if (total >= maxBytes) throw tooLarge(file, maxBytes, stat.size);
        const grown = Buffer.allocUnsafe(Math.min(maxBytes, bytes.length * 2));
        bytes.copy(grown, 0, 0, total);
        grown[total++] = probe[0];
        bytes = grown;
        continue;
      }
      const n = read(bytes, total, bytes.length - total);
      if (n === 0) break;
      total += n;
    }
  } finally {
    fs.closeSync(fd);
  }
  return decode(file, bytes.subarray(0, total));
}

function tooLarge(file: string, maxBytes: number, size: number): ModelInputError {
  const mib = (bytes: number) => Math.ceil(bytes / 1048576);
  // A device or pipe has no size: say only what the limit is.
  const needed = size > maxBytes ? `--max-input-mib ${mib(size)}` : '--max-input-mib N';
  const heap = size > maxBytes && size * HEAP_PER_INPUT_BYTE > HEAP_LIMIT_BYTES
    ? `, and give Node the heap it needs: NODE_OPTIONS=--max-old-space-size=${mib(size * HEAP_PER_INPUT_BYTE)}` : '';
  return new ModelInputError(file, '', `larger than the input limit of ${mib(maxBytes)} MiB`, `check that this is the right file; raise the limit with ${needed}${heap}`);
}

function decode(file: string, bytes: Buffer): string {
  const bom16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (bom16 || (bytes.length >= 2 && (bytes[0] === 0 || bytes[1] === 0))) {
    throw new ModelInputError(file, '', 'is UTF-16 encoded (PowerShell\'s `>` writes UTF-16)', 'convert it to UTF-8, e.g. `terraform show -json tfplan | Out-File -Encoding utf8 plan.json`');
  }
  const text = bytes.subarray(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0);
  // ASCII (most Terraform JSON) becomes a one-byte string directly; both checks are vectorised in Node.
  if (isAscii(text)) return text.toString('latin1');
  if (isUtf8(text)) return text.toString('utf8');
  // The replacement character marks the first bad sequence in a lenient decode.
  const at = new TextDecoder('utf-8').decode(text).indexOf('\ufffd');
  throw new ModelInputError(file, '', `is not valid UTF-8 (first bad byte near character ${at})`, 'save the file as UTF-8');
}
