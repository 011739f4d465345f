import { runCli } from '../../src/cli';

/** Runs the CLI in-process and captures its output. */
export async function aiam(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { isTty: false, stdout: t => { stdout += t; }, stderr: t => { stderr += t; } });
  return { code, stdout, stderr };
}
