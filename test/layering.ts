/**
 * The layer order of DESIGN.md, checked on import statements. `prove` (SMT proofs) sits beside checks: above model, below cli. Lower layers never import higher ones,
 * and the pure layers never import cdktf or constructs (so the evaluator runs anywhere, e.g. on a plan in CI).
 */
import * as fs from 'fs';
import * as path from 'path';

/** Bottom to top. A file may import its own layer or lower ones. */
export const LAYERS = ['policy', 'catalog', 'model', 'checks', 'prove', 'providers', 'constructs', 'testing', 'cli'];
const PURE_LAYERS = new Set(['policy', 'catalog', 'model', 'checks', 'prove']);
const CDKTF_PACKAGES = /^(cdktf|constructs|@cdktf\/.*)(\/.*)?$/;

export interface LayerViolation {
  readonly file: string;
  readonly imported: string;
  readonly reason: string;
}

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

export function importsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT)) out.push(m[1] ?? m[2]);
  return out;
}

/** Lists every import in `srcDir` that breaks the layer order. */
export function findLayerViolations(srcDir: string): LayerViolation[] {
  const violations: LayerViolation[] = [];
  for (const file of sourceFiles(srcDir)) {
    const rel = path.relative(srcDir, file).split(path.sep);
    const layer = rel.length > 1 ? rel[0] : undefined;
    if (!layer || !LAYERS.includes(layer)) continue; // src/index.ts re-exports everything
    const rank = LAYERS.indexOf(layer);
    for (const spec of importsOf(fs.readFileSync(file, 'utf8'))) {
      if (spec.startsWith('.')) {
        const target = path.relative(srcDir, path.resolve(path.dirname(file), spec)).split(path.sep);
        // `../model` (a layer's index) names the layer; only src/index itself is the package root.
        const targetLayer = LAYERS.includes(target[0]) ? target[0] : 'index';
        if (target[0] === '..') {
          if (!spec.endsWith('.json')) violations.push({ file, imported: spec, reason: `${layer} imports code outside src/` });
        } else if (targetLayer === 'index') {
          violations.push({ file, imported: spec, reason: `${layer} imports the package root; import the layer module directly` });
        } else if (LAYERS.indexOf(targetLayer) > rank) {
          violations.push({ file, imported: spec, reason: `${layer} may not import the higher layer ${targetLayer}` });
        }
      } else if (PURE_LAYERS.has(layer) && CDKTF_PACKAGES.test(spec)) {
        violations.push({ file, imported: spec, reason: `${layer} is pure and may not import ${spec}` });
      }
    }
  }
  return violations;
}
