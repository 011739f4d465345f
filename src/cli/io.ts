import * as fs from 'fs';
import * as path from 'path';

/** Where the CLI writes; tests pass buffers, `main.ts` passes the process streams. */
export interface CliIo {
  /** True when stdout is a terminal: colour and progress only then. */
  readonly isTty: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
}

export function processIo(): CliIo {
  return {
    stdout: t => { process.stdout.write(t); },
    stderr: t => { process.stderr.write(t); },
    isTty: Boolean(process.stdout.isTTY),
  };
}

/** Bad input or usage. The message names the file, JSON pointer or flag, and the fix; exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * Writes a value exactly as `JSON.stringify(value, null, 2) + '\n'` would, streaming arrays and objects one member at
 * a time (buffered in chunks), so an answer with any number of rows never needs one string that holds it all.
 */
export function writeJson(value: unknown, write: (text: string) => void): void {
  let buffer = '';
  const out = (t: string) => {
    buffer += t;
    if (buffer.length > 65_536) {
      write(buffer);
      buffer = '';
    }
  };
  // Containers are walked with an explicit stack; leaves (and small members) go through JSON.stringify.
  const emit = (v: unknown, indent: string) => {
    if (Array.isArray(v) || (typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON !== 'function')) {
      const entries: Array<[string | undefined, unknown]> = Array.isArray(v)
        ? v.map(x => [undefined, x === undefined || typeof x === 'function' ? null : x])
        : Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined && typeof x !== 'function');
      const [open, close] = Array.isArray(v) ? ['[', ']'] : ['{', '}'];
      if (entries.length === 0) return out(open + close);
      out(open + '\n');
      entries.forEach(([k, x], i) => {
        out(indent + '  ' + (k === undefined ? '' : JSON.stringify(k) + ': '));
        if (entries.length > 64 || Array.isArray(x) && x.length > 64) emit(x, indent + '  ');
        else out(JSON.stringify(x, null, 2).replace(/\n/g, '\n' + indent + '  '));
        out(i === entries.length - 1 ? '\n' : ',\n');
      });
      out(indent + close);
      return undefined;
    }
    return out(JSON.stringify(v, null, 2).replace(/\n/g, '\n' + indent));
  };
  emit(value, '');
  out('\n');
  write(buffer);
}

/**
 * Writes an output file atomically (a temporary file in the same folder, then a rename), so a reader never sees half
 * a report and a full disk leaves the old file intact. The rename replaces a symlink at the target instead of
 * following it out of the folder. Refuses a folder, a missing parent, and any of the command's input files.
 */
export function writeOutputFile(flag: string, target: string, text: string, inputs: readonly string[] = []): void {
  const fail = (problem: string, fix: string) => new UsageError(`${flag} ${target}: ${problem}. Fix: ${fix}`);
  const resolved = path.resolve(target);
  const parent = path.dirname(resolved);
  let parentStat: fs.Stats | undefined;
  try {
    parentStat = fs.statSync(parent);
  } catch {
    throw fail(`the folder ${parent} does not exist`, 'create the folder first or choose another path');
  }
  if (!parentStat.isDirectory()) throw fail(`${parent} is not a folder`, 'choose a path inside a folder');
  const existing = fs.lstatSync(resolved, { throwIfNoEntry: false });
  if (existing?.isDirectory()) throw fail('is a folder', 'name a file, e.g. add /report.html');
  const real = (p: string) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  const targetReal = existing && !existing.isSymbolicLink() ? real(resolved) : resolved;
  for (const input of inputs) {
    const inputReal = real(input);
    if (inputReal === targetReal || inputReal === resolved) throw fail('is one of the input files', 'write the output to another file');
  }
  const temp = path.join(parent, `.${path.basename(resolved)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(temp, text, { flag: 'wx' });
    fs.renameSync(temp, resolved);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    throw fail(`cannot write (${code === 'ENOSPC' ? 'the disk is full' : code ?? (e as Error).message})`, 'free space or choose a writable path');
  }
}
