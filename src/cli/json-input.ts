import { UsageError } from './io';
import { ModelInputError } from '../model/errors';
import { readJson } from '../model/input';

/** Runs `load`, turning input errors (file, JSON pointer, fix) into usage errors: exit 2, no stack trace. */
export function withInputErrors<T>(load: () => T): T {
  try {
    return load();
  } catch (e) {
    if (e instanceof ModelInputError) throw new UsageError(e.message);
    throw e;
  }
}

/** Reads and parses a JSON file; failures name the file and the fix (exit 2). */
export function readJsonFile(file: string, what: string): unknown {
  return withInputErrors(() => readJson(file, what));
}
