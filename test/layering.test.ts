import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findLayerViolations, importsOf } from './layering';

describe('layering', () => {
  test('src/ follows the layer order of DESIGN.md', () => {
    expect(findLayerViolations(path.join(__dirname, '..', 'src'))).toEqual([]);
  });

  test('the checker catches forbidden imports (fixture)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aiam-layering-'));
    const write = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    };
    write('policy/bad.ts', "import { App } from 'cdktf';\nimport { load } from '../model/load';\n");
    write('model/bad.ts', "import type { Rule } from '../checks/rule';\nexport * from '../constructs/x';\nconst c = require('../cli/index');\n");
    write('model/good.ts', "import { evaluate } from '../policy/evaluate';\nimport { Catalog } from '../catalog';\nimport * as fs from 'fs';\n");
    write('checks/root.ts', "import { x } from '../index';\n");
    write('constructs/ok.ts', "import { Construct } from 'constructs';\nimport { x } from '../model/y';\n");
    const found = findLayerViolations(dir).map(v => `${path.relative(dir, v.file)} -> ${v.imported}`).sort();
    expect(found).toEqual([
      'checks/root.ts -> ../index',
      'model/bad.ts -> ../checks/rule',
      'model/bad.ts -> ../cli/index',
      'model/bad.ts -> ../constructs/x',
      'policy/bad.ts -> ../model/load',
      'policy/bad.ts -> cdktf',
    ]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('import forms are all seen', () => {
    expect(importsOf("import a from 'a';\nimport type { B } from \"b\";\nexport { c } from './c';\nconst d = require('d');\nawait import('e');"))
      .toEqual(['a', 'b', './c', 'd', 'e']);
  });
});
