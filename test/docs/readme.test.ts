import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readmeTsBlocks, writeStrictProject } from '../readme-blocks';

const ROOT = path.join(__dirname, '..', '..');

test('every ts block of README.md compiles under --strict against the sources', () => {
  const blocks = readmeTsBlocks();
  expect(blocks.length).toBeGreaterThanOrEqual(3);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aiam-readme-'));
  try {
    const tsconfig = writeStrictProject(dir, blocks, {
      'cdktf-aiam': [path.join(ROOT, 'src', 'index.ts')],
      'cdktf-aiam/lib/*': [path.join(ROOT, 'src', '*')],
      'cdktf': [path.join(ROOT, 'node_modules', 'cdktf')],
      'constructs': [path.join(ROOT, 'node_modules', 'constructs')],
    }, [path.join(ROOT, 'node_modules', '@types')]);
    let out = '';
    try {
      execFileSync(path.join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', tsconfig], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      out = `${(e as { stdout?: string }).stdout ?? ''}${(e as { stderr?: string }).stderr ?? ''}`;
    }
    expect(out).toBe('');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 180_000);
