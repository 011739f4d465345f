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
