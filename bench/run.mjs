// npm run bench: how fast importleak is, as ratios measured in the same run (issue 13).
//
//   npm run bench                       the default targets, 3 runs each, docs/benchmarks.md rewritten
//   npm run bench -- --runs 5           more runs (each figure is the median)
//   npm run bench -- --targets stdlib,mono20k
//   npm run bench -- --large            also the 100,000-module generated tree
//   npm run bench -- /path/to/project   any folder (its figures are printed, not written to the docs)
//
// Targets: the local CPython standard library without and with its tests; the site-packages of a
// scratch venv (.venv-bench: Django, SQLAlchemy, Celery, FastAPI and their dependencies, the pinned
// set of test/python/requirements-frameworks.txt, from the index pip is configured for; skipped
// when it cannot be made); generated monorepos of 20,000 and
// 100,000 modules (bench/generate.mjs), where every planted leak must be reported. For each: files,
// MB, wall time cold (empty cache), warm, and after touching one file, `graph` warm, peak RSS, and
// the ratios to a bare one-thread parse of the same files (bench/bareParse.mjs) and to
// `ruff analyze graph` when ruff is installed. Speed is measured here, never asserted in tests.
// Trees other than the generated ones are measured on a copy in the scratch folder (--scratch, else
// a new temporary folder), so that the runs that touch and change a file never write into them.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { discoverPythonFiles } from '../dist/discover/discover.js';

const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// What users run: the package's bin, the bundle (`npm run bench` builds it first).
const CLI = path.join(PROJECT, JSON.parse(readFileSync(path.join(PROJECT, 'package.json'), 'utf8')).bin.importleak);
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '3' }, targets: { type: 'string' }, large: { type: 'boolean', default: false }, scratch: { type: 'string' } },
});
const RUNS = Math.max(1, Number(values.runs));
const scratch = values.scratch ?? mkdtempSync(path.join(tmpdir(), 'importleak-bench-'));
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

const python = (code) => spawnSync('python3', ['-c', code], { encoding: 'utf8' }).stdout.trim();
const stdlib = python('import sysconfig; print(sysconfig.get_paths()["stdlib"])');
const STDLIB_TESTS_EXCLUDED = ['test/', 'tests/', 'idle_test/', 'site-packages/'];

/** The targets, by name: where, what to exclude, and whether the docs get its row. */
function targets() {
  const all = {
    stdlib: () => ({ title: `CPython ${python('import sys; print("%d.%d" % sys.version_info[:2])')} standard library, no tests`, root: stdlib, exclude: STDLIB_TESTS_EXCLUDED }),
    'stdlib-tests': () => ({ title: 'the same, with its tests', root: stdlib, exclude: ['site-packages/'] }),
    'site-packages': () => {
      const site = benchVenv();
      return site ? { title: 'site-packages of a venv with Django, SQLAlchemy, Celery, FastAPI, Flask and their dependencies', root: site, exclude: [] } : undefined;
    },
    mono20k: () => generated(20_000),
    // With the heap Node gives by default, as a user runs it (see the README's Limits).
    mono100k: () => generated(100_000),
  };
  const chosen = values.targets ? values.targets.split(',') : ['stdlib', 'stdlib-tests', 'site-packages', 'mono20k', ...(values.large ? ['mono100k'] : [])];
  const list = [];
  for (const name of chosen) {
    if (!all[name]) throw new Error(`unknown target ${name}: ${Object.keys(all).join(', ')}`);
    const target = all[name]();
    if (target) list.push({ name, ...target });
  }
  for (const folder of positionals) list.push({ name: folder, title: folder, root: path.resolve(folder), exclude: [], adHoc: true });
  return list;
}

/**
 * .venv-bench: made once, from the configured index, with the complete pinned set the framework
 * tests use (Django, SQLAlchemy, Celery, FastAPI and their dependencies; installed with --no-deps
 * because it is complete); undefined (and said) when pip cannot.
 */
function benchVenv() {
  const venv = path.join(PROJECT, '.venv-bench');
  const site = () => spawnSync(path.join(venv, 'bin', 'python'), ['-c', 'import sysconfig; print(sysconfig.get_paths()["purelib"])'], { encoding: 'utf8' }).stdout.trim();
  if (existsSync(path.join(venv, '.installed'))) return site();
  spawnSync('python3', ['-m', 'venv', venv], { stdio: 'inherit' });
  const requirements = path.join(PROJECT, 'test', 'python', 'requirements-frameworks.txt');
  const pip = spawnSync(path.join(venv, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', '--retries', '0', '--no-deps', '-r', requirements], { stdio: 'inherit' });
  if (pip.status !== 0) {
    console.error('bench: pip could not install test/python/requirements-frameworks.txt into .venv-bench; the site-packages target is skipped');
    return undefined;
  }
  writeFileSync(path.join(venv, '.installed'), '');
  return site();
}

/** Folders a copy of a tree leaves out: caches and version control, which no run reads. */
const NOT_COPIED = new Set(['__pycache__', '.git', '.hg', '.svn', 'node_modules', '.importleak_cache', '.ruff_cache', '.mypy_cache', '.pytest_cache']);

/**
 * A copy of `root` in the scratch folder, made anew for each bench, where the runs that touch and
 * change a file write: the tree measured (the standard library, a venv's site-packages, a project
 * of yours) is only read, even when the bench is killed half way. Left out: NOT_COPIED, and
 * `site-packages` folders below the root, which no scan reads (see discover.ts).
 */
function copyOf(root) {
  const copy = path.join(scratch, 'trees', root.replace(/^\/+/, '').replace(/[^\w.-]+/g, '_'));
  rmSync(copy, { recursive: true, force: true });
  cpSync(root, copy, {
    recursive: true,
    verbatimSymlinks: true,
    filter: (source) => source === root || !(NOT_COPIED.has(path.basename(source)) || path.basename(source) === 'site-packages'),
  });
  return copy;
}

function generated(modules) {
  const root = path.join(scratch, `mono${modules / 1000}k`);
  if (!existsSync(path.join(root, 'bench-manifest.json'))) {
    const run = spawnSync(process.execPath, [path.join(PROJECT, 'bench', 'generate.mjs'), '--modules', String(modules), '--out', root], { stdio: 'inherit' });
    if (run.status !== 0) throw new Error('bench/generate.mjs failed');
  }
  return { title: `generated monorepo, ${modules.toLocaleString('en')} modules`, root, exclude: [], manifest: JSON.parse(readFileSync(path.join(root, 'bench-manifest.json'), 'utf8')) };
}

/**
 * The environment Node runs in here: without NODE_EXTRA_CA_CERTS, which this machine sets for its
 * package registries. Node reads and parses every certificate of that file when it starts, before
 * any script runs (`nodeStart` measures it); importleak opens no connection, and a user's machine
 * seldom sets it. Every other variable is kept.
 */
const NODE_ENV_DROPPED = ['NODE_EXTRA_CA_CERTS'].filter((name) => process.env[name] !== undefined);
function nodeEnv(env) {
  const kept = { ...env };
  for (const name of NODE_ENV_DROPPED) delete kept[name];
  return kept;
}

/** Runs a command; its wall time (s) and peak RSS (MiB, from GNU time when present), and its stdout when asked. */
function timed(command, args, { cwd, keepStdout = false, env = process.env } = {}) {
  if (command === process.execPath) env = nodeEnv(env);
  const out = path.join(scratch, 'stdout');
  const stats = path.join(scratch, 'time');
  const argv = TIME ? [TIME, '-f', '%e %M', '-o', stats, command, ...args] : [command, ...args];
  const started = process.hrtime.bigint();
  const run = spawnSync(argv[0], argv.slice(1), { cwd, env, stdio: ['ignore', keepStdout ? 'pipe' : 'ignore', 'pipe'], maxBuffer: 1 << 30, encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0 && run.status !== 1 && run.status !== 3) throw new Error(`${command} ${args.join(' ')} exited with ${run.status}: ${run.stderr}`);
  const rss = TIME && existsSync(stats) ? Number(readFileSync(stats, 'utf8').trim().split(/\s+/).pop()) / 1024 : undefined;
  return { seconds, rss, stdout: keepStdout ? run.stdout : undefined };
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

/** ruff's command once looked for: undefined before, null when there is none. */
let ruffFound;
/** ruff from .venv-fidelity (`npm run fidelity` makes it), else from PATH; said once when there is none. */
function ruffCommand() {
  if (ruffFound !== undefined) return ruffFound;
  const candidates = [path.join(PROJECT, '.venv-fidelity', 'bin', 'ruff'), 'ruff'];
  ruffFound = candidates.find((candidate) => spawnSync(candidate, ['--version'], { encoding: 'utf8' }).status === 0) ?? null;
  if (!ruffFound) console.error(`bench: ruff is neither in ${candidates[0]} nor on PATH, so the ruff columns say "not installed": \`npm run fidelity\` installs it there, or \`pip install ruff\` puts it on PATH`);
  return ruffFound;
}

async function measure(measured) {
  // Generated trees are the bench's own; any other is measured on a copy (see copyOf), made once.
  let target = measured;
  if (!measured.manifest) {
    if (!copiedRoots.has(measured.root)) copiedRoots.set(measured.root, copyOf(measured.root));
    target = { ...measured, root: copiedRoots.get(measured.root) };
  }
  const excludeArgs = ['--no-gitignore', ...target.exclude.flatMap((e) => ['--exclude', e])];
  const ruffArgs = ['--config', 'respect-gitignore = false', ...(target.exclude.length ? ['--config', `extend-exclude = [${target.exclude.map((e) => JSON.stringify(e.replace(/\/$/, ''))).join(', ')}]`] : [])];
  // Trees inside another checkout (pyenv's versions/ are in pyenv's git repository, which ignores
  // them) are measured whole: no .gitignore is read, by importleak or by ruff.
  const discovery = await discoverPythonFiles({ root: target.root, paths: [target.root], exclude: target.exclude, respectGitignore: false });
  const files = discovery.files.map((f) => f.absolute);
  const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
  const list = path.join(scratch, 'files.txt');
  writeFileSync(list, files.join('\n') + '\n');
  const cacheDir = path.join(scratch, 'cache');
  // Run from the tree's root: the report's paths are then relative to it, as the manifest's are.
  const env = target.env ?? process.env;
  const check = (extra = [], keep = false) => timed(process.execPath, [CLI, 'check', '--format', 'json', '--cache-dir', cacheDir, ...excludeArgs, ...extra, '.'], { cwd: target.root, keepStdout: keep, env });
  const ruff = ruffCommand();
  const touched = files[Math.floor(files.length / 2)];
  const original = readFileSync(touched);
  const samples = { bare: [], cold: [], warm: [], touched: [], comment: [], changed: [], graph: [], ruff: [], rss: [] };
  let found;
  try {
    // Interleaved, so a slow minute of the machine falls on every measure alike.
    for (let i = 0; i < RUNS; i++) {
      samples.bare.push(JSON.parse(timed(process.execPath, [path.join(PROJECT, 'bench', 'bareParse.mjs'), list], { keepStdout: true }).stdout).seconds);
      rmSync(cacheDir, { recursive: true, force: true });
      const cold = check([], i === 0);
      samples.cold.push(cold.seconds);
      if (cold.rss !== undefined) samples.rss.push(cold.rss);
      if (i === 0) found = JSON.parse(cold.stdout);
      samples.warm.push(check().seconds);
      // Touched, as \`touch\` does: new times, the same bytes (as an editor's save of an unchanged file, or a checkout of it again).
      const now = new Date();
      utimesSync(touched, now, now);
      samples.touched.push(check().seconds);
      // A comment appended: the file's summary is the same, so the last output holds.
      appendFileSync(touched, '\n# touched by the benchmark\n');
      samples.comment.push(check().seconds);
      // An import appended: the summary changes, so the project is analyzed (from the cached summaries).
      writeFileSync(touched, Buffer.concat([original, Buffer.from('\nimport os  # changed by the benchmark\n')]));
      samples.changed.push(check().seconds);
      writeFileSync(touched, original);
      check(); // the original back in the cache, and the record of the run
      const graph = () => timed(process.execPath, [CLI, 'graph', '--format', 'json', '--cache-dir', cacheDir, ...excludeArgs, target.root], { env });
      graph(); // the record of the graph's run (the cache, records with it, is emptied before each cold run)
      samples.graph.push(graph().seconds);
      if (ruff) samples.ruff.push(timed(ruff, ['analyze', 'graph', ...ruffArgs, target.root]).seconds);
    }
  } finally {
    writeFileSync(touched, original);
  }
  const result = { files: files.length, mb: bytes / 1024 / 1024 };
  for (const [key, list] of Object.entries(samples)) if (list.length) result[key] = key === 'rss' ? Math.max(...list) : median(list);
  if (target.manifest) {
    const reported = new Set(found.findings.filter((f) => f.level === 'error').map((f) => `${f.rule}:${f.path}:${f.line}`));
    result.leaks = { planted: target.manifest.leaks.length, found: target.manifest.leaks.filter((l) => reported.has(`${l.rule}:${l.path}:${l.line}`)).length };
  }
  return result;
}

/** The single-statement module alone: time and memory above a one-line module's. */
function bigModule(generatedRoot, manifest) {
  const alone = path.join(scratch, 'big');
  const small = path.join(scratch, 'small');
  rmSync(alone, { recursive: true, force: true });
  rmSync(small, { recursive: true, force: true });
  mkdirSync(alone, { recursive: true });
  mkdirSync(small, { recursive: true });
  writeFileSync(path.join(alone, 'm.py'), readFileSync(path.join(generatedRoot, manifest.bigModule)));
  writeFileSync(path.join(small, 'm.py'), 'x = 1\n');
  const runs = (folder) => Array.from({ length: RUNS }, () => timed(process.execPath, [CLI, 'check', '--no-cache', folder]));
  const big = runs(alone);
  const base = runs(small);
  return {
    kb: statSync(path.join(alone, 'm.py')).size / 1024,
    seconds: median(big.map((r) => r.seconds)) - median(base.map((r) => r.seconds)),
    rssAbove: TIME ? Math.max(...big.map((r) => r.rss)) - Math.min(...base.map((r) => r.rss)) : undefined,
  };
}

/** The copies made in this bench, by the real tree's root (the standard library is measured twice). */
const copiedRoots = new Map();

const fmt = (n, digits = 2) => (n === undefined ? 'n/a' : n.toFixed(digits));

/** `node -e 0` with this machine's environment and with the one the bench runs Node in: what the variables left out cost each start. */
function nodeStart() {
  if (!NODE_ENV_DROPPED.length) return undefined;
  const kept = [];
  const dropped = [];
  for (let i = 0; i < Math.max(5, RUNS); i++) {
    for (const [env, list] of [[process.env, kept], [nodeEnv(process.env), dropped]]) {
      const started = process.hrtime.bigint();
      spawnSync(process.execPath, ['-e', '0'], { env });
      list.push(Number(process.hrtime.bigint() - started) / 1e9);
    }
  }
  return { kept: median(kept), dropped: median(dropped) };
}
const start = nodeStart();

const rows = [];
let big;
for (const target of targets()) {
  console.error(`bench: ${target.title} (${target.root})`);
  let r;
  try {
    r = await measure(target);
  } catch (error) {
    // A run that does not complete (out of memory) is a result too: said in the table.
    console.error(`bench: ${target.title}: ${error.message.split('\n')[0]}`);
    r = { failed: error.message.split('\n').find((line) => /heap|memory|exited/i.test(line)) ?? error.message.split('\n')[0] };
  }
  rows.push({ target, r });
  console.log(JSON.stringify({ target: target.name, ...r }));
  if (target.manifest && !big) big = bigModule(target.root, target.manifest);
}
if (big) console.log(JSON.stringify({ bigModule: big }));

const header = [
  '| Tree | Files | MB | Bare parse, 1 thread | `check` cold | × parse | `check` warm | `check` one file touched | `check` one comment added | `check` one file changed | `graph` warm | ruff `analyze graph` | warm ÷ ruff | touched ÷ ruff | comment ÷ ruff | changed ÷ ruff | Peak RSS (MiB) | Planted leaks found |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
];
const lines = rows.map(({ target, r }) =>
  r.failed ? `| ${target.title} | did not complete: ${r.failed.replace(/\|/g, '\\|').slice(0, 200)} |` : `| ${target.title} | ${r.files.toLocaleString('en')} | ${fmt(r.mb, 1)} | ${fmt(r.bare)} s | ${fmt(r.cold)} s | ${fmt(r.cold / r.bare)} | ${fmt(r.warm)} s | ${fmt(r.touched)} s | ${fmt(r.comment)} s | ${fmt(r.changed)} s | ${fmt(r.graph)} s | ${r.ruff ? `${fmt(r.ruff)} s` : 'not installed'} | ${r.ruff ? fmt(r.warm / r.ruff) : 'n/a'} | ${r.ruff ? fmt(r.touched / r.ruff) : 'n/a'} | ${r.ruff ? fmt(r.comment / r.ruff) : 'n/a'} | ${r.ruff ? fmt(r.changed / r.ruff) : 'n/a'} | ${fmt(r.rss, 0)} | ${r.leaks ? `${r.leaks.found} of ${r.leaks.planted}` : ''} |`,
);
console.log([...header, ...lines].join('\n'));
if (positionals.length === 0) {
  const doc = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` (bench/run.mjs); do not edit by hand. Each figure is ${RUNS === 1 ? 'one run' : `the median of ${RUNS} interleaved runs`}`,
    `of the whole process, on ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB),`,
    `Node ${process.version}, ${new Date().toISOString().slice(0, 10)}. Absolute times vary by machine; the ratios are measured in the same run.`,
    '',
    `- **importleak**: the package's bin as npm installs it, \`${path.relative(PROJECT, CLI)}\` (\`npm run bench\` builds it).`,
    ...(start
      ? [
          `- **Node** (importleak and the bare parse) runs without ${NODE_ENV_DROPPED.join(', ')}, which this machine sets for its package`,
          `  registries: Node reads every certificate of that file when it starts, before any script runs (\`node -e 0\`: ${fmt(start.kept, 3)} s with it,`,
          `  ${fmt(start.dropped, 3)} s without). importleak opens no connection; ruff does not read it.`,
        ]
      : []),
    '- **Bare parse**: every file of the tree read and parsed with the same web-tree-sitter grammar on one',
    '  thread, each tree deleted at once (bench/bareParse.mjs): the floor of a cold scan.',
    '- **cold**: an empty cache; **warm**: nothing changed since the same command last ran; **one file touched**: its',
    '  times made new, its bytes the same (as `touch` does); **one comment added**: a comment appended to one file (its',
    '  summary is the same, so the last output holds); **one file changed**: an import appended to one file (its summary',
    '  changes: the project is analyzed, from the cached summaries).',
    '- **ruff**: `ruff analyze graph` of the same folder (no .gitignore, the same exclusions), when ruff is installed.',
    '- **Peak RSS**: of the cold `check`, from GNU time.',
    '- Each tree is measured on a copy in a scratch folder (the generated ones are made there): the runs that',
    '  touch and change a file write to the copy, never to the standard library or the venv.',
    '',
    ...header,
    ...lines,
    '',
    ...(big
      ? [
          `The ${fmt(big.kb, 0)} KB module of one statement (a migration's \`operations = [...]\`), alone: ${fmt(big.seconds)} s and ${fmt(big.rssAbove, 0)} MiB above a one-line module's run.`,
          '',
        ]
      : []),
  ];
  writeFileSync(path.join(PROJECT, 'docs', 'benchmarks.md'), doc.join('\n'));
  console.error('bench: docs/benchmarks.md written');
}
if (!values.scratch) rmSync(scratch, { recursive: true, force: true });
