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
import { readInputText } from './read-text';

export interface TerraformFile {
  readonly file: string;
  readonly doc: Record<string, unknown>;
}

// Runs in the child. "files": parses each file on its own so an error names its file. "tree": every .tf/.tf.json
// file of a folder and of the local-path modules it calls, recursively (one process for a whole configuration).
const CHILD = `
const hcl = require(process.argv[1]);
const fs = require('fs');
const path = require('path');
const parse = async (file, text) => file.endsWith('.json') ? JSON.parse(text) : hcl.parse(path.basename(file), text);
const sources = doc => {
  const out = [];
  for (const calls of [].concat(doc && doc.module || [])) {
    for (const call of Object.values(calls || {})) for (const c of [].concat(call || [])) if (c && typeof c.source === 'string') out.push(c.source);
  }
  return out;
};
let input = '';
process.stdin.on('data', c => input += c);
process.stdin.on('end', async () => {
  const req = JSON.parse(input);
  const out = [];
  if (req.files) {
    for (const f of req.files) {
      try { out.push({ file: f.file, doc: await parse(f.file, f.text) }); }
      catch (e) { out.push({ file: f.file, error: String(e && e.message || e) }); }
    }
  } else {
    const queue = [req.dir];
    const seen = new Set();
    while (queue.length && seen.size < 256) {
      const dir = queue.shift();
      if (seen.has(dir) || !fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) continue;
      seen.add(dir);
      const files = fs.readdirSync(dir).filter(f => /\\.tf(\\.json)?$/.test(f)).sort().map(f => path.join(dir, f)).filter(f => fs.statSync(f).isFile());
      for (const file of files) {
        try {
          const doc = await parse(file, fs.readFileSync(file, 'utf8'));
          out.push({ dir, file, doc });
          for (const s of sources(doc)) if (/^\\.\\.?[\\\\/]/.test(s)) queue.push(path.resolve(dir, s));
        } catch (e) { out.push({ dir, file, error: String(e && e.message || e), json: file.endsWith('.json') }); }
      }
    }
  }
  process.stdout.write(JSON.stringify(out), () => process.exit(0));
});`;

interface ChildResult { dir?: string; file: string; doc?: Record<string, unknown>; error?: string; json?: boolean }

function runChild(request: object, firstFile: string): ChildResult[] {
  let raw: string;
  try {
    raw = execFileSync(process.execPath, ['-e', CHILD, require.resolve('@cdktn/hcl2json')], {
      input: JSON.stringify(request), maxBuffer: 1024 * 1024 * 1024, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'],
    });
  } catch (e) {
    throw new ModelInputError(firstFile, '', `the HCL reader failed (${(e as Error).message.split('\n')[0]})`, 'check that @cdktn/hcl2json is installed with cdktf-aiam');
  }
  const results = JSON.parse(raw) as ChildResult[];
  for (const r of results) {
    if (r.error === undefined) continue;
    if (r.json) throw new ModelInputError(r.file, '', `not valid JSON (${r.error})`, 'correct the JSON syntax');
    throw syntaxError(r.file, r.error);
  }
  return results;
}

/**
 * Every Terraform file of a folder and of the local-path modules it calls (recursively), by folder: one child
 * process for the whole configuration.
 */
export function readTerraformTree(dir: string): Map<string, TerraformFile[]> {
  const out = new Map<string, TerraformFile[]>();
  for (const r of runChild({ dir: path.resolve(dir) }, dir)) {
    const doc = r.doc;
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new ModelInputError(r.file, '', 'the top level is not an object', 'write a Terraform configuration');
    const list = out.get(r.dir!) ?? [];
    list.push({ file: r.file, doc });
    out.set(r.dir!, list);
  }
  return out;
}

/** The `.tf` and `.tf.json` files of a folder (not its subfolders: those are modules), sorted by name. */
export function terraformFilesIn(dir: string): string[] {
  return fs.readdirSync(dir).filter(f => /\.tf(\.json)?$/.test(f) && fs.statSync(path.join(dir, f)).isFile()).sort().map(f => path.join(dir, f));
}

/** Parses HCL files (`.tf`, `.tfvars`); JSON files are read as they are. Syntax errors name the file and line. */
export function readTerraformFiles(files: readonly string[]): TerraformFile[] {
  const hclFiles = files.filter(f => !f.endsWith('.json'));
  const texts = hclFiles.map(file => ({ name: path.basename(file), text: readInputText(file, 'a readable .tf file') }));
  const parsed = new Map<string, Record<string, unknown>>();
  if (texts.length) {
    runChild({ files: texts.map((t, i) => ({ file: hclFiles[i], text: t.text })) }, hclFiles[0]).forEach(r => parsed.set(r.file, r.doc ?? {}));
  }
  return files.map(file => {
    if (parsed.has(file)) return { file, doc: parsed.get(file)! };
    let doc: unknown;
    const text = readInputText(file, 'a Terraform JSON file');
    try {
      doc = JSON.parse(text);
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
  return new ModelInputError(`${file}:${m[1]}`, '', `not valid HCL at line ${m[1]}, column ${m[2]}: ${m[3].trim().replace(/\.+$/, '')}`, 'correct the Terraform syntax (`terraform validate` shows the same error)');
}
