/**
 * Reads `.tf` files (HCL native syntax) into Terraform JSON with @cdktn/hcl2json (HashiCorp's HCL parser compiled to
 * WebAssembly; works offline). Its API is asynchronous, the model's loading is not: the conversion runs in a child
 * Node process that this process waits for. Output is the array form (`"resource": {"t": {"n": [{...}]}}`), which
 * input.ts normalizes like any array-form Terraform JSON.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ModelInputError } from './errors';

export interface TerraformFile {
  readonly file: string;
  readonly doc: Record<string, unknown>;
}

// Runs in the child: parses each file on its own so an error names its file; prints one JSON array.
const CHILD = `
const hcl = require(process.argv[1]);
let input = '';
process.stdin.on('data', c => input += c);
process.stdin.on('end', async () => {
  const out = [];
  for (const f of JSON.parse(input)) {
    try { out.push({ doc: await hcl.parse(f.name, f.text) }); }
    catch (e) { out.push({ error: String(e && e.message || e) }); }
  }
  process.stdout.write(JSON.stringify(out), () => process.exit(0));
});`;

/** The `.tf` and `.tf.json` files of a folder (not its subfolders: those are modules), sorted by name. */
export function terraformFilesIn(dir: string): string[] {
  return fs.readdirSync(dir).filter(f => /\.tf(\.json)?$/.test(f) && fs.statSync(path.join(dir, f)).isFile()).sort().map(f => path.join(dir, f));
}

/** Parses HCL files (`.tf`, `.tfvars`); JSON files are read as they are. Syntax errors name the file and line. */
export function readTerraformFiles(files: readonly string[]): TerraformFile[] {
  const hclFiles = files.filter(f => !f.endsWith('.json'));
  const texts = hclFiles.map(file => {
    try {
      return { name: path.basename(file), text: fs.readFileSync(file, 'utf8') };
    } catch (e) {
      throw new ModelInputError(file, '', `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, 'pass a readable folder of .tf files');
    }
  });
  const parsed = new Map<string, Record<string, unknown>>();
  if (texts.length) {
    let raw: string;
    try {
      raw = execFileSync(process.execPath, ['-e', CHILD, require.resolve('@cdktn/hcl2json')], {
        input: JSON.stringify(texts), maxBuffer: 1 << 30, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'],
      });
    } catch (e) {
      throw new ModelInputError(hclFiles[0], '', `the HCL reader failed (${(e as Error).message.split('\n')[0]})`, 'check that @cdktn/hcl2json is installed with cdktf-aiam');
    }
    const results = JSON.parse(raw) as Array<{ doc?: Record<string, unknown>; error?: string }>;
    results.forEach((r, i) => {
      if (r.error !== undefined) throw syntaxError(hclFiles[i], r.error);
      parsed.set(hclFiles[i], r.doc ?? {});
    });
  }
  return files.map(file => {
    if (parsed.has(file)) return { file, doc: parsed.get(file)! };
    let doc: unknown;
    try {
      doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      throw new ModelInputError(file, '', `not valid JSON (${(e as Error).message})`, 'correct the JSON syntax');
    }
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new ModelInputError(file, '', 'the top level is not a JSON object', 'write Terraform JSON');
    return { file, doc: doc as Record<string, unknown> };
  });
}

/** `parse config: [main.tf:2,6-3,1: Invalid expression; Expected ...]` → `main.tf:2: Invalid expression; ...`. */
function syntaxError(file: string, message: string): ModelInputError {
  const m = /:(\d+),(\d+)(?:-\d+(?:,\d+)?)?: ([^\]]*)/.exec(message);
  if (!m) return new ModelInputError(file, '', `not valid HCL (${message})`, 'correct the Terraform syntax');
  return new ModelInputError(`${file}:${m[1]}`, '', `not valid HCL at line ${m[1]}, column ${m[2]}: ${m[3].trim()}`, 'correct the Terraform syntax (`terraform validate` shows the same error)');
}
