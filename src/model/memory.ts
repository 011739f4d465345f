/**
 * Memory of large inputs. At a million users the parsed input is gigabytes; once the model is built from it, it is
 * garbage, but V8 collects it only when the heap reaches a limit it set from the last collection, by then with the
 * finished model beside it. Collecting right away keeps peak memory near what the model holds.
 */
import * as fs from 'fs';
import * as v8 from 'v8';
import * as vm from 'vm';

/** Inputs from this size on are collected as soon as they are dropped (a full collection costs about 1 s per GB). */
export const LARGE_INPUT_BYTES = 256 * 1048576;

/** The bytes of the input files among `paths` (folders count 0: their files are read one by one, each smaller). */
export function inputBytes(paths: readonly string[]): number {
  let total = 0;
  for (const p of paths) {
    try {
      const stat = fs.statSync(p);
      if (stat.isFile()) total += stat.size;
    } catch {
      // A path that cannot be read fails where it is read, with its own message.
    }
  }
  return total;
}

/**
 * A full garbage collection now. Node offers none without --expose-gc: the flag is set for contexts created from now
 * on (the main one is unchanged) and the collection asked for through a new context, as the expose-gc package does.
 * Where the runtime refuses, V8 collects on its own schedule, which is only slower to give memory back.
 */
export function collectGarbage(): void {
  try {
    v8.setFlagsFromString('--expose-gc');
    (vm.runInNewContext('gc') as () => void)();
  } catch {
    // Nothing to do: see above.
  }
}
