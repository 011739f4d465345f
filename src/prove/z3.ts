/**
 * The SMT engine: z3-solver (WebAssembly), loaded on first use only, because its start-up costs a few hundred
 * milliseconds and only `--prove` needs it. One context per process; every proof gets its own solver.
 */
import type { Context } from 'z3-solver';

export type Z3 = Context<'main'>;

interface Engine {
  readonly ctx: Z3;
  readonly shutdown: () => void;
}

let engine: Promise<Engine> | undefined;

/** The shared context, initialised once. */
export async function z3(): Promise<Z3> {
  engine ??= (async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { init } = require('z3-solver') as typeof import('z3-solver');
    const { Context: Ctx, em } = await init();
    return { ctx: Ctx('main') as Z3, shutdown: () => (em as { PThread?: { terminateAllThreads(): void } }).PThread?.terminateAllThreads() };
  })();
  return (await engine).ctx;
}

/** Stops z3's worker threads so the process (or a jest worker) can exit. Safe to call when z3 never started. */
export async function shutdownZ3(): Promise<void> {
  if (!engine) return;
  const e = await engine;
  engine = undefined;
  e.shutdown();
}

/** Whether anything asked for the engine in this process. */
export function z3Started(): boolean {
  return engine !== undefined;
}
