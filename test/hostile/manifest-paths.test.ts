/** A cdktf.out manifest's stack paths stay inside the folder (issue 16 §5): never any file on the machine. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ModelInputError } from '../../src/model/errors';
import { loadInput } from '../../src/model/input';
import { aiam } from '../cli/run';

describe('manifest stack paths', () => {
  let root: string;
  let out: string;
  const stack = { resource: { alicloud_ram_user: { u: { name: 'u' } } } };
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'aiam-manifest-'));
    out = path.join(root, 'cdktf.out');
    fs.mkdirSync(path.join(out, 'stacks', 'a'), { recursive: true });
    fs.writeFileSync(path.join(out, 'stacks', 'a', 'cdk.tf.json'), JSON.stringify(stack));
    // The same stack outside the folder: were it read, loading would succeed.
    fs.writeFileSync(path.join(root, 'outside.json'), JSON.stringify(stack));
    fs.symlinkSync(path.join(root, 'outside.json'), path.join(out, 'stacks', 'link.json'));
    fs.symlinkSync(path.join(out, 'stacks', 'a', 'cdk.tf.json'), path.join(out, 'stacks', 'inner-link.json'));
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  const manifest = (rel: string) => fs.writeFileSync(path.join(out, 'manifest.json'),
    JSON.stringify({ version: '0.21.0', stacks: { a: { name: 'a', synthesizedStackPath: rel } } }));

  test('a path inside the folder (also through a symlink that stays inside) loads', () => {
    manifest('stacks/a/cdk.tf.json');
    expect(loadInput(out).stacks[0].resources.map(r => r.address)).toEqual(['alicloud_ram_user.u']);
    manifest('stacks/inner-link.json');
    expect(loadInput(out).stacks[0].resources).toHaveLength(1);
  });

  test.each([
    ['../outside.json', /leads outside the cdktf.out folder/],
    ['stacks/../../outside.json', /leads outside the cdktf.out folder/],
    ['ABS', /is an absolute path/],
    ['stacks/link.json', /symlink to a file outside/],
  ])('%s is refused with the manifest, the JSON pointer and the fix', async (rel, problem) => {
    manifest(rel === 'ABS' ? path.join(root, 'outside.json') : rel);
    let error: unknown;
    try {
      loadInput(out);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ModelInputError);
    const e = error as ModelInputError;
    expect(e.file).toBe(path.join(out, 'manifest.json'));
    expect(e.pointer).toBe('/stacks/a/synthesizedStackPath');
    expect(e.message).toMatch(problem);
    expect(e.message).toMatch(/Fix: give a path relative to the cdktf.out folder/);
    const run = await aiam('check', out);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/manifest\.json: \/stacks\/a\/synthesizedStackPath: /);
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
