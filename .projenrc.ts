import { cdktf, javascript } from 'projen';

const project = new cdktf.ConstructLibraryCdktf({
  name: 'cdktf-aiam',
  description:
    'CDK for Terraform constructs for access on cloud AI platforms (Alibaba Model Studio, PAI, PAI-Rec, Volcengine veMLP, Huawei ModelArts), with an embedded policy evaluator that checks plans before apply.',
  author: 'cdktf-aiam developers',
  authorAddress: 'dev@cdktf-aiam.invalid',
  repositoryUrl: 'https://example.invalid/cdktf-aiam.git',
  defaultReleaseBranch: 'main',
  license: 'Apache-2.0',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  projenVersion: '0.103.25',
  cdktfVersion: '0.21.0',
  constructsVersion: '^10.4.2',
  jsiiVersion: '~5.9',
  typescriptVersion: '~5.9.3',
  minNodeVersion: '20.0.0',
  github: false,
  release: false,
  buildWorkflow: false,
  depsUpgrade: false,
  pullRequestTemplate: false,
  // Runtime deps of the CLI and evaluator; bundled so jsii consumers get them inside the tarball.
  // z3-solver is pinned: --prove is tested against its WASM build; 4.16 timed out on plain wildcard membership where 5.2 answers (loaded lazily, only by --prove).
  bundledDeps: ['commander@^14.0.0', 'chart.js@^4', '@cdktn/hcl2json@^0.24.0', 'z3-solver@5.2.0'],
  devDeps: [
    '@cdktf/provider-generator@0.21.0',
    'jsii-pacmak',
    'fast-check@^4',
    '@cloud-copilot/iam-simulate@^0.1.173',
    'ajv@^8',
    'ajv-formats@^3',
    'ajv-draft-04@^1',
    'playwright-core',
    '@microsoft/jest-sarif@1.0.0-beta.0',
    'json-schema-to-typescript@^15',
  ],
  keywords: ['cdktf', 'terraform', 'iam', 'ram', 'alibaba', 'volcengine', 'huaweicloud', 'policy', 'evaluator'],
  bin: { aiam: 'lib/cli/main.js' },
  eslint: true,
  // `npm test` must not rewrite sources: lint reports; `npx projen eslint:fix` fixes.
  eslintOptions: { dirs: ['src'], devdirs: ['test', 'build-tools'], commandOptions: { fix: false } },
  prettier: false,
  jestOptions: {
    jestVersion: '^29',
    // `npm test` (and CI) never accepts new snapshots; `npx projen test:update` does.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      // Type checking happens in the jsii/tsc compile; transpile-only keeps the suite fast.
      transform: {
        '^.+\\.[t]sx?$': new javascript.Transform('ts-jest', { tsconfig: 'test/tsconfig.json' }),
      },
      testTimeout: 120_000,
      collectCoverage: false,
    },
  },
  tsconfigDev: {
    compilerOptions: { resolveJsonModule: true, esModuleInterop: true },
    include: ['../bench/**/*.ts', '../examples/**/*.ts', '../scripts/**/*.ts', '../src/**/*.ts'],
  },
  gitignore: ['/cdktf.out', '/bench/results/*.tmp', '/test/artifacts', '/examples/**/cdktf.out', '.demo-out'],
});

// Catalog and schema data ship inside the package so an installed library works without ../shared.
for (const p of ['/scripts', '/bench', '/test', '/examples', '/.ci', 'cdktf.out', '/cdktf.json', '/docs']) {
  project.addPackageIgnore(p);
}

const tsNode = 'ts-node --transpile-only --project test/tsconfig.json';

// Provider bindings are generated from the committed schema subsets (see README: "Provider bindings").
const genProviders = project.addTask('generate-providers', {
  description: 'Generate cdktf provider bindings from schemas/ into src/providers/',
  exec: `${tsNode} scripts/generate-providers.ts`,
});
project.addTask('check-providers', {
  description: 'Fail when src/providers/ differs from what schemas/ generates',
  exec: `${tsNode} scripts/generate-providers.ts --check`,
});
void genProviders;

project.addTask('generate-settings-types', {
  description: 'Generate src/model/platform-settings.generated.ts from schemas/platform-settings.v1.schema.json',
  exec: `${tsNode} scripts/generate-settings-types.ts`,
});

// The access model validates settings entries with ajv's standalone code, generated here: no ajv at run time.
project.addTask('generate-settings-validator', {
  description: 'Generate src/model/platform-settings.validate.generated.ts (ajv standalone code) from schemas/platform-settings.v1.schema.json',
  exec: `${tsNode} scripts/generate-settings-validator.ts`,
});

project.addTask('demo', {
  description: 'Synthesize the bundled example organisation and check it with the evaluator',
  exec: `${tsNode} scripts/demo.ts`,
});
// `npm run aiam -- <command>` runs the CLI from source in this repository (installed users run `npx aiam`).
project.addTask('aiam', {
  description: 'Run the aiam CLI from source',
  exec: `${tsNode} src/cli/main.ts`,
  receiveArgs: true,
});
const docsTask = project.addTask('docs', {
  description: 'Generate docs/rules.md (rule metadata), docs/coverage.md (resource type table) and docs/semantics.md (evaluator semantics table)',
  exec: `${tsNode} scripts/generate-rules-doc.ts`,
});
docsTask.exec(`${tsNode} scripts/generate-coverage-doc.ts`);
docsTask.exec(`${tsNode} scripts/generate-semantics-doc.ts`);
project.addTask('bench', {
  description: 'Run benchmarks; results are written to bench/results/*.json and the README benchmark table is regenerated',
  exec: `${tsNode} bench/run.ts`,
  receiveArgs: true,
});
project.addTask('bench:table', {
  description: 'Regenerate the README benchmark table from bench/results/*.json (runs no benchmark)',
  exec: `${tsNode} bench/table.ts`,
});

// jest 30 and eslint-import-resolver-typescript 4 need unrs-resolver, whose optional platform binaries this registry
// lacks: npm then writes a lock file that `npm ci` rejects. jest 29 and resolver 3.8 (enhanced-resolve) resolve without it.
project.deps.removeDependency('eslint-import-resolver-typescript');
project.addDevDeps('eslint-import-resolver-typescript@~3.8.0');

// `npm pack` from a fresh clone (after `npm ci`) ships a built lib/: nothing else builds before packing.
project.package.setScript('prepack', 'npx projen compile');
project.addTask('eslint:fix', {
  description: 'Lint and fix what can be fixed',
  exec: 'eslint --ext .ts,.tsx --fix --no-error-on-unmatched-pattern src test build-tools projenrc .projenrc.ts',
  env: { ESLINT_USE_FLAT_CONFIG: 'false', NODE_NO_WARNINGS: '1' },
});

// API.md documents the library's own API (root + one page per product submodule), not the generated bindings.
project.tasks.tryFind('docgen')?.reset(`${tsNode} scripts/generate-api-docs.ts`);

// Test artifacts (the report screenshot) are outputs, not sources.
project.gitignore.exclude('/test/artifacts/');

// Generated bindings are checked for drift, not linted.
project.eslint?.addIgnorePattern('src/providers/');
project.eslint?.addIgnorePattern('src/model/platform-settings.generated.ts');
project.eslint?.addIgnorePattern('src/model/platform-settings.validate.generated.ts');
// jsii prints a banner on every run under Node 20; the project supports Node >= 20.
project.tasks.addEnvironment('JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION', '1');

project.synth();
