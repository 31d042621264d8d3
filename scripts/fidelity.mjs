// Issue 5's differential harness: importleak's import-time closures against what CPython loads.
// `npm run fidelity` measures the standard library and the packages in .venv-fidelity/ (created
// when missing) and rewrites docs/fidelity.md. Options:
//   --tree stdlib|packages|layouts   one tree only (docs/fidelity.md is then left alone unless --out is given)
//   --only a,b               only these packages/modules of the tree(s) (same)
//   --out FILE               where to write the Markdown report
//   --json FILE              every miss, as JSON (default: .venv-fidelity/fidelity-report.json)
//   --concurrency N          interpreters at a time (default: one per core)
//   --no-ruff                skip the comparison with `ruff analyze graph`
// `--tree syntax` measures only the syntax agreement (issue 11: files importleak calls broken
// against files CPython refuses to compile) and rewrites that section of docs/fidelity.md; the full
// run measures it too and appends the section.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { measureTree } from '../dist/fidelity/measure.js';
import { fidelityMarkdown, pct, sumFigures } from '../dist/fidelity/report.js';
import { layoutsTree, packagesTree, stdlibTree } from '../dist/fidelity/trees.js';
import { measureSyntax, syntaxMarkdown, syntaxTrees, withSyntaxSection } from '../dist/fidelity/syntax.js';

const project = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    tree: { type: 'string' },
    only: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'string' },
    concurrency: { type: 'string' },
    'no-ruff': { type: 'boolean', default: false },
  },
});
const partial = Boolean(values.tree || values.only);
const only = values.only ? values.only.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
const log = (line) => console.error(line);
const started = Date.now();

/** The syntax agreement, printed; the Markdown section. */
async function syntaxSection() {
  const measurement = await measureSyntax(syntaxTrees(project), 'python3', log);
  for (const t of measurement.trees) {
    console.log(`syntax, ${t.label}: ${t.files} files, ${t.bothOk} both ok, ${t.bothBroken} both broken, ${t.importleakOnly.length} importleak only, ${t.cpythonOnly.length} CPython only`);
  }
  return syntaxMarkdown(measurement);
}

if (values.tree === 'syntax') {
  const section = await syntaxSection();
  const out = values.out ?? path.join(project, 'docs', 'fidelity.md');
  const before = existsSync(out) ? readFileSync(out, 'utf8') : '';
  writeFileSync(out, withSyntaxSection(before, section));
  log(`wrote ${path.relative(process.cwd(), out)} (its syntax section)`);
  process.exit(0);
}

const specs = [];
if (!values.tree || values.tree === 'stdlib') specs.push(stdlibTree('python3', only));
if (!values.tree || values.tree === 'packages') {
  const spec = packagesTree({ project, log });
  if (only) {
    const selected = spec.target;
    spec.target = (m) => (only.some((p) => m === p || m.startsWith(`${p}.`)) ? selected(m) : 'not selected');
    spec.extraTargets = spec.extraTargets.filter((t) => only.includes('django') || only.includes(t.label));
  }
  specs.push(spec);
}
// Issue 12's layouts: a small tree of its own, measured whole (--only does not narrow it).
if (!values.tree || values.tree === 'layouts') specs.push(layoutsTree(project));
if (specs.length === 0) throw new Error(`--tree must be stdlib, packages or layouts, not ${values.tree}`);

const ruff = path.join(project, '.venv-fidelity', 'bin', 'ruff');
const trees = [];
for (const spec of specs) {
  trees.push(
    await measureTree(spec, {
      probeScript: path.join(project, 'test', 'python', 'fidelity_probe.py'),
      concurrency: values.concurrency ? Number(values.concurrency) : undefined,
      ruff: values['no-ruff'] || !existsSync(ruff) ? undefined : ruff,
      log,
    }),
  );
}
const wallMillis = Date.now() - started;

const version = JSON.parse(readFileSync(path.join(project, 'package.json'), 'utf8')).version;
const markdown = fidelityMarkdown(trees, {
  date: new Date().toISOString().slice(0, 10),
  python: [...new Set(trees.map((t) => t.pythonVersion))].join(', '),
  importleak: version,
  command: 'npm run fidelity',
  wallMillis,
});
const out = values.out ?? (partial ? undefined : path.join(project, 'docs', 'fidelity.md'));
if (out) {
  const full = partial ? markdown : withSyntaxSection(markdown, await syntaxSection());
  writeFileSync(out, full.endsWith('\n') ? full : `${full}\n`);
  log(`wrote ${path.relative(process.cwd(), out)}`);
}
const json = values.json ?? path.join(project, '.venv-fidelity', 'fidelity-report.json');
writeFileSync(json, JSON.stringify(trees.map(({ ruff: r, ...t }) => ({ ...t, ruff: r })), null, 1));
log(`wrote ${path.relative(process.cwd(), json)} (every miss, as JSON)`);

for (const t of trees) {
  const f = t.figures;
  console.log(`${t.title}: ${f.modules} modules, recall ${pct(f.recall)} (${f.hits}/${f.cpython}), precision ${pct(f.precision)} (${f.hits}/${f.analyzer}), ${(t.timings.totalMillis / 1000).toFixed(1)} s`);
  if (t.ruff) console.log(`  ruff analyze graph: recall ${pct(t.ruff.figures.recall)}, precision ${pct(t.ruff.figures.precision)}`);
}
if (trees.length > 1) {
  const f = sumFigures(trees.map((t) => t.figures));
  console.log(`overall: recall ${pct(f.recall)}, precision ${pct(f.precision)}, ${(wallMillis / 1000).toFixed(1)} s`);
}

