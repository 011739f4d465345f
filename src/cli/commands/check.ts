import * as fs from 'fs';
import * as path from 'path';
import { Command } from 'commander';
import type { SetExit } from '../commands';
import { CliIo, UsageError } from '../io';

/** Minimal check: every input loads as Terraform JSON. Rule packs replace this. */
export function registerCheck(program: Command, io: CliIo, setExit: SetExit): void {
  program.command('check')
    .description('run the rule packs on a cdktf.out folder, a cdk.tf.json or a plan JSON')
    .argument('<paths...>', 'cdktf.out folder, cdk.tf.json or `terraform show -json` plan')
    .action((paths: string[]) => {
      for (const p of paths) {
        const files = stackFiles(p);
        for (const f of files) {
          const doc = readJson(f);
          const resources = Object.values((doc.resource ?? {}) as Record<string, object>)
            .reduce((n, byName) => n + Object.keys(byName).length, 0);
          io.stdout(`${f}: ${resources} resources loaded\n`);
        }
      }
      setExit(0);
    });
}

function stackFiles(p: string): string[] {
  if (!fs.existsSync(p)) throw new UsageError(`${p}: no such file or folder. Fix: pass a cdktf.out folder, a cdk.tf.json or a plan JSON.`);
  if (!fs.statSync(p).isDirectory()) return [p];
  const manifestPath = path.join(p, 'manifest.json');
  const manifest = readJson(manifestPath);
  return Object.values((manifest.stacks ?? {}) as Record<string, { synthesizedStackPath: string }>)
    .map(s => path.join(p, s.synthesizedStackPath));
}

function readJson(file: string): any {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`${file}: cannot be read. Fix: run \`cdktf synth\` first or pass the right path.`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${file}: not valid JSON (${(e as Error).message}). Fix: pass the file cdktf or \`terraform show -json\` wrote.`);
  }
}
