import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');

test('the platform-settings types are generated from the schema and up to date', () => {
  // json-schema-to-typescript loads prettier by dynamic import, which jest's VM does not run: check in a child.
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'ts-node'),
    ['--transpile-only', '--project', 'test/tsconfig.json', 'scripts/generate-settings-types.ts', '--check'], { cwd: ROOT, stdio: 'pipe' });
  expect(fs.readFileSync(path.join(ROOT, 'src', 'model', 'platform-settings.generated.ts'), 'utf8')).toMatch(/export interface BailianWorkspaceSettings \{/);
}, 60_000);
