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

/** Writes a JSON array as `JSON.stringify(items, null, 2)` would, one element at a time, for any number of items. */
export function writeJsonArray(items: readonly unknown[], write: (text: string) => void): void {
  if (items.length === 0) {
    write('[]\n');
    return;
  }
  write('[\n');
  const CHUNK = 500;
  for (let start = 0; start < items.length; start += CHUNK) {
    const end = Math.min(items.length, start + CHUNK);
    let text = '';
    for (let i = start; i < end; i++) {
      text += '  ' + JSON.stringify(items[i], null, 2).replace(/\n/g, '\n  ') + (i === items.length - 1 ? '\n' : ',\n');
    }
    write(text);
  }
  write(']\n');
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
