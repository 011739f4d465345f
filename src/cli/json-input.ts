import * as fs from 'fs';
import { UsageError } from './io';

/** Reads and parses a JSON file; failures name the file and the fix, with exit code 2. */
export function readJsonFile(file: string, what: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`${file}: cannot be read (${code === 'ENOENT' ? 'no such file' : code ?? (e as Error).message}). Fix: pass the path of ${what}.`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${file}: not valid JSON (${(e as Error).message}). Fix: correct the JSON syntax of ${what}.`);
  }
}
