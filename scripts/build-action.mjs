#!/usr/bin/env node
// Builds the committed bundle, action-dist/, that runs importleak from a checkout of this repository
// with nothing installed: index.mjs is the GitHub Action's step (src/action/index.ts), importleak.cjs
// the command line (src/bin.ts, the package's bin, which the pre-commit hook runs too) with the
// quick replay, cli-main.mjs the rest of the command line, and the chunks they share hold the
// analyzer and its dependencies. Beside them: the two WebAssembly files the parser loads, and the
// licences of the bundled packages.
//
//   node scripts/build-action.mjs           write action-dist/
//   node scripts/build-action.mjs --check   build into a temporary folder and fail (exit 1) when
//                                           the committed action-dist/ differs from it
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const committed = path.join(root, 'action-dist');
const check = process.argv.includes('--check');
const out = check ? mkdtempSync(path.join(tmpdir(), 'importleak-action-')) : committed;

if (!check) rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const result = await build({
  absWorkingDir: root,
  // worker: the extract stage's worker thread (src/extract/pool.ts looks for worker.mjs beside the chunk).
  // cli-main: the command line, which importleak.cjs loads when it has no quick answer.
  entryPoints: { index: 'src/action/index.ts', 'cli-main': 'src/cli.ts', worker: 'src/extract/worker.ts' },
  outdir: out,
  outExtension: { '.js': '.mjs' },
  splitting: true,
  chunkNames: 'shared-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // CommonJS dependencies (fast-glob, ignore…) call require() for Node's own modules.
  banner: { js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
});

// importleak.cjs, the package's bin: src/bin.ts and the quick replay (src/quickReplay.ts) alone, in
// one file, importing the command line from cli-main.mjs only when it runs it. A replayed run loads
// nothing else, so what loading costs is most of its own time: CommonJS, which Node loads without
// its ES module loader (and without making every export of node:fs ready for an \`import\`), and
// one file, not a chunk for each part shared with the rest, each a few milliseconds less.
const bin = await build({
  absWorkingDir: root,
  entryPoints: { importleak: 'src/bin.ts' },
  outdir: out,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // import.meta.url (where the code is, for its id and for createRequire) as CommonJS knows it.
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'cli-apart',
      setup(build) {
        build.onResolve({ filter: /^\.\/cli\.js$/ }, () => ({ path: './cli-main.mjs', external: true }));
      },
    },
  ],
});
for (const [input, value] of Object.entries(bin.metafile.inputs)) result.metafile.inputs[input] ??= value;

cpSync(path.join(root, 'grammar', 'tree-sitter-python.wasm'), path.join(out, 'tree-sitter-python.wasm'));
cpSync(require.resolve('web-tree-sitter/tree-sitter.wasm'), path.join(out, 'tree-sitter.wasm'));
for (const f of ['tree-sitter-python.wasm', 'tree-sitter.wasm']) chmodSync(path.join(out, f), 0o644);
// pre-commit's `language: script` runs the file itself.
chmodSync(path.join(out, 'importleak.cjs'), 0o755);

// One licence file: each bundled package's own LICENSE, then the grammar's.
const packages = new Map();
for (const input of Object.keys(result.metafile.inputs)) {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (match) packages.set(match[1], path.join(root, input.slice(0, match.index + match[0].length)));
}
const licences = [...packages]
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([name, folder]) => {
    const { version, license } = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8'));
    const file = readdirSync(folder).find((f) => /^(licen[sc]e|copying)(\.|$)/i.test(f));
    const text = file ? readFileSync(path.join(folder, file), 'utf8').trim() : `(${license}; no licence file in the package)`;
    return `## ${name} ${version} (${license})\n\n${text}\n`;
  });
licences.push(`## tree-sitter-python grammar (grammar/tree-sitter-python.wasm)\n\n${readFileSync(path.join(root, 'grammar', 'LICENSE'), 'utf8').trim()}\n`);
writeFileSync(
  path.join(out, 'THIRD-PARTY-LICENSES.md'),
  `# Licences of the code bundled in action-dist/\n\nGenerated by scripts/build-action.mjs.\n\n${licences.join('\n')}`,
);

if (check) {
  const digest = (folder) =>
    existsSync(folder)
      ? Object.fromEntries(readdirSync(folder).sort().map((f) => [f, createHash('sha256').update(readFileSync(path.join(folder, f))).digest('hex')]))
      : {};
  const want = digest(out);
  const have = digest(committed);
  const stale = [...new Set([...Object.keys(want), ...Object.keys(have)])].filter((f) => want[f] !== have[f]);
  rmSync(out, { recursive: true, force: true });
  if (stale.length) {
    console.error(`action-dist/ is stale (${stale.join(', ')} differ from a fresh build): run \`npm run build:action\` and commit action-dist/.`);
    process.exit(1);
  }
  console.log('action-dist/ matches a fresh build.');
}
