import * as fs from 'fs';
import * as path from 'path';

/** The ```ts blocks of README.md, in order. */
export function readmeTsBlocks(): string[] {
  const text = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
  return [...text.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map(m => m[1]);
}

/**
 * Writes each block as its own module plus a strict tsconfig into `dir`; `paths` maps module names (for the in-repo
 * test, `cdktf-aiam` to the sources). Returns the tsconfig path.
 */
export function writeStrictProject(dir: string, blocks: string[], paths: Record<string, string[]> = {}, typeRoots?: string[]): string {
  const files = blocks.map((b, i) => {
    const f = path.join(dir, `readme-${i + 1}.ts`);
    // Each block is a module of its own (top-level names may repeat between blocks).
    fs.writeFileSync(f, `${b}\nexport {};\n`);
    return path.basename(f);
  });
  const tsconfig = path.join(dir, 'tsconfig.readme.json');
  fs.writeFileSync(tsconfig, JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      module: 'commonjs',
      strict: true,
      noEmit: true,
      esModuleInterop: true,
      skipLibCheck: true,
      types: ['node'],
      ...(typeRoots ? { typeRoots } : {}),
      ...(Object.keys(paths).length ? { baseUrl: '.', paths } : {}),
    },
    files,
  }, null, 2));
  return tsconfig;
}
