import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { looksUnchanged } from '../src/files.js';
import { discoverPythonFiles } from '../src/discover/discover.js';
import { newTreeWatch, watchHolds } from '../src/watch.js';
import { QUICK_RECHECKS } from '../src/quickReplay.js';
import { CLI, PROJECT, scratchFolder, writeProject, type CliRun } from './support.js';

/**
 * Issue 13, the warm scan at Node's floor: the package's bin (action-dist/importleak.cjs) prints the
 * last output of the same command line again without loading the CLI when nothing it read changed
 * (src/quickReplay.ts). Each case: a project, a first run, a change (or none), and what the next run
 * of the same command line does: `quick` (the analyzer not loaded), `replayed` (the full CLI found
 * the record holds) or `analyzed`; whatever it does, it prints what `--no-cache` prints.
 */

const BIN = path.join(PROJECT, (JSON.parse(readFileSync(path.join(PROJECT, 'package.json'), 'utf8')) as { bin: { importleak: string } }).bin.importleak);

function runBin(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): CliRun {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd, env, encoding: 'utf8', timeout: 60_000 });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

/** What `--stats` says the run did. */
function how(stderr: string): 'quick' | 'replayed' | 'analyzed' | undefined {
  const header = /^importleak stats \((.*)\):$/m.exec(stderr)?.[1];
  if (header === undefined) return undefined;
  if (header === 'the output of the last run, whose inputs are unchanged; the analyzer not loaded') return 'quick';
  if (header === 'the output of the last run, whose inputs are unchanged') return 'replayed';
  return /^\d+ parsed, \d+ from the cache/.test(header) ? 'analyzed' : undefined;
}

/** The stats lines left out: what the output would be without `--stats`. */
const withoutStats = (stderr: string): string => stderr.replace(/^importleak stats \(.*\):\n(?: {2}.*\n)*/m, '');

/**
 * A file changed in the two seconds before a run is compared by its bytes, not its stat data (see
 * `statSignature`), and a folder changed then makes the run list the tree again: the quick replay
 * takes neither, so a case waits that long after it writes.
 */
const settle = (): void => void spawnSync('sleep', ['2.2']);

function project(): string {
  const root = writeProject({
    'app/__init__.py': '',
    'app/web.py': 'from flask import Flask\nfrom app import pools\n\napp = Flask(__name__)\n\n\n@app.route("/")\ndef index():\n    return "ok"\n',
    'app/pools.py': 'from concurrent.futures import ThreadPoolExecutor\n\nPOOL = ThreadPoolExecutor(max_workers=3)\n',
    'app/util.py': 'import os\n\nHOME = os.environ.get("HOME")\n',
    Procfile: 'web: gunicorn app.web:app --workers 4\n',
  });
  settle();
  return root;
}

/**
 * The first runs of a command line: one that analyzes and makes the cache folder in the project
 * (which changes the project folder the discovery had just listed), and, once that change is two
 * seconds old, one that lists that folder again, finds the same names, and replays quickly.
 */
function prime(args: string[], cwd: string, env?: NodeJS.ProcessEnv): CliRun {
  const first = runBin(args, cwd, env);
  settle();
  runBin(args, cwd, env);
  return first;
}

/** The run, and what `node dist/cli.js` with `--no-cache` prints for the same arguments: the output to expect. */
function expectTruthful(run: CliRun, args: string[], cwd: string, what: string): void {
  const plain = spawnSync(process.execPath, [CLI, ...args.filter((a) => a !== '--stats'), '--no-cache'], { cwd, encoding: 'utf8', timeout: 60_000 });
  expect(run.stdout, what).toBe(plain.stdout);
  expect(withoutStats(run.stderr), what).toBe(plain.stderr);
  expect(run.code, what).toBe(plain.status);
}

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npm run build:action\``);
});

describe('the quick replay of the package bin', () => {
  it('prints the last output and exit code of the same command line again without loading the analyzer, for each command and format', () => {
    const root = project();
    for (const args of [['check', '--stats'], ['check', '--stats', '--format', 'sarif', '.'], ['graph', '--stats', '--format', 'json'], ['entries', '--stats', root]]) {
      const first = prime(args, root);
      expect(how(first.stderr), args.join(' ')).toBe('analyzed');
      const again = runBin(args, root);
      expect(how(again.stderr), args.join(' ')).toBe('quick');
      expect(again.stdout, args.join(' ')).toBe(first.stdout);
      expect(withoutStats(again.stderr)).toBe(withoutStats(first.stderr));
      expect(again.code, args.join(' ')).toBe(first.code);
      expectTruthful(again, args, root, args.join(' '));
    }
    // Without --stats, a command line of its own: its first run is the full CLI's replay of the
    // record the `--stats` runs wrote, and files the entry the next one takes.
    expect(runBin(['check'], root).code).toBe(1);
    expect(runBin(['check'], root).code).toBe(1);
    const records = readdirSync(path.join(root, '.importleak_cache')).find((name) => name.startsWith('runs-'))!;
    expect(readdirSync(path.join(root, '.importleak_cache', records)).filter((name) => name.startsWith('argv-'))).toHaveLength(5);
  }, 120_000);

  it('takes the cache folder --cache-dir names, and the project a file given belongs to', () => {
    const root = project();
    const cacheDir = path.join(scratchFolder(), 'cache');
    for (const args of [['check', '--stats', '--cache-dir', cacheDir, '.'], ['check', '--stats', `--cache-dir=${cacheDir}`], ['check', '--stats', 'app/pools.py']]) {
      prime(args, root);
      const again = runBin(args, root);
      expect(how(again.stderr), args.join(' ')).toBe('quick');
      expectTruthful(again, args.filter((a) => !a.includes('cache-dir') && a !== cacheDir), root, args.join(' '));
    }
    expect(existsSync(path.join(root, '.importleak_cache'))).toBe(true);
    expect(readdirSync(cacheDir).some((name) => name.startsWith('runs-'))).toBe(true);
  }, 120_000);

  // One test a change: each waits for its project's stat data to settle, several seconds.
  const changes: Array<[string, (root: string) => void, 'replayed' | 'analyzed']> = [
    ['a module edited', (root) => writeFileSync(path.join(root, 'app/pools.py'), 'from concurrent.futures import ThreadPoolExecutor\n\nPOOL = ThreadPoolExecutor(max_workers=5)\n'), 'analyzed'],
    ['a comment added to a module: its summary is the same', (root) => appendFileSync(path.join(root, 'app/util.py'), '\n# a note\n'), 'replayed'],
    ['a module added', (root) => writeFileSync(path.join(root, 'app/extra.py'), 'X = 1\n'), 'analyzed'],
    ['a module removed', (root) => rmSync(path.join(root, 'app/util.py')), 'analyzed'],
    ['the Procfile changed', (root) => writeFileSync(path.join(root, 'Procfile'), 'web: gunicorn app.web:app --workers 8 --preload\n'), 'analyzed'],
    ['a pyproject.toml added', (root) => writeFileSync(path.join(root, 'pyproject.toml'), '[tool.importleak]\nignore = ["IL001"]\n'), 'analyzed'],
    ['a .gitignore added', (root) => writeFileSync(path.join(root, '.gitignore'), 'app/util.py\n'), 'analyzed'],
  ];
  for (const [what, change, then] of changes) {
    it(`hands over to the full CLI when anything it read changed, which then prints what is true: ${what}`, () => {
      const args = ['check', '--stats', '--format', 'json'];
      const root = project();
      prime(args, root);
      expect(how(runBin(args, root).stderr)).toBe('quick');
      change(root);
      const next = runBin(args, root);
      expect(how(next.stderr)).toBe(then);
      expectTruthful(next, args, root, what);
    }, 120_000);
  }

  it('a file touched, saved unchanged or checked out again as it was, is compared by its bytes: the run stays quick', () => {
    const root = project();
    writeFileSync(path.join(root, 'pyproject.toml'), '[tool.importleak]\nignore = []\n');
    settle();
    const args = ['check', '--stats', '--format', 'json'];
    const first = prime(args, root);
    expect(how(runBin(args, root).stderr)).toBe('quick');
    // `touch`: new times, the same bytes; a module, a deployment file and a configuration file.
    const now = new Date();
    for (const file of ['app/pools.py', 'Procfile', 'pyproject.toml']) utimesSync(path.join(root, file), now, now);
    // Written again with the same bytes: a new change time too.
    writeFileSync(path.join(root, 'app/util.py'), readFileSync(path.join(root, 'app/util.py')));
    const touched = runBin(args, root);
    expect(how(touched.stderr)).toBe('quick');
    expect(touched.stdout).toBe(first.stdout);
    expectTruthful(touched, args, root, 'files touched');
    // And again, settled: the record keeps the old stat data (only the full CLI writes it), so the bytes are compared again.
    settle();
    expect(how(runBin(args, root).stderr)).toBe('quick');
    // A touched file whose bytes did change is not taken for one that did not.
    writeFileSync(path.join(root, 'app/util.py'), 'import os\n\nHOME = os.environ.get("USER")\n');
    const changed = runBin(args, root);
    expect(how(changed.stderr)).toBe('analyzed');
    expectTruthful(changed, args, root, 'a touched file changed');
  }, 120_000);

  it(`more than ${QUICK_RECHECKS} files touched: the full CLI replays, and keeps their new stat data for the next quick replay`, () => {
    const modules = Object.fromEntries(Array.from({ length: QUICK_RECHECKS + 1 }, (_, i) => [`app/m${i}.py`, `X${i} = ${i}\n`]));
    const root = writeProject({ 'app/__init__.py': '', ...modules });
    settle();
    const args = ['check', '--stats'];
    prime(args, root);
    expect(how(runBin(args, root).stderr)).toBe('quick');
    const now = new Date();
    for (const file of Object.keys(modules)) utimesSync(path.join(root, file), now, now);
    settle();
    const next = runBin(args, root);
    expect(how(next.stderr)).toBe('replayed');
    expectTruthful(next, args, root, 'many files touched');
    expect(how(runBin(args, root).stderr)).toBe('quick');
  }, 120_000);

  it('the second run is quick: the cache folder the first made in the folder it listed is no name a walk takes', () => {
    const root = project();
    const args = ['check', '--stats', '--format', 'json'];
    const first = runBin(args, root);
    expect(how(first.stderr)).toBe('analyzed');
    const second = runBin(args, root);
    expect(how(second.stderr)).toBe('quick');
    expect(second.stdout).toBe(first.stdout);
    // The full CLI (here for another PATH, under which no entry is filed) lists the project folder again too, and keeps its new stat data.
    const records = path.join(root, '.importleak_cache', readdirSync(path.join(root, '.importleak_cache')).find((name) => name.startsWith('runs-'))!);
    const rootFolder = (): [string, string, string?] => {
      const record = readdirSync(records).find((name) => name.endsWith('.run.json'))!;
      const json = JSON.parse(readFileSync(path.join(records, record), 'utf8').split('\n')[0]!) as { watch: { folders: Array<[string, string, string?]> } };
      return json.watch.folders.find(([folder]) => folder === root)!;
    };
    const before = rootFolder();
    expect(typeof before[2]).toBe('string');
    settle();
    expect(how(runBin(args, root, { ...process.env, PATH: `${scratchFolder()}${path.delimiter}${process.env.PATH ?? ''}` }).stderr)).toBe('replayed');
    const after = rootFolder();
    expect(after[1]).not.toBe(before[1]);
    expect(after[2]).toBe(before[2]);
    expect(how(runBin(args, root).stderr)).toBe('quick');
  }, 120_000);

  it('a folder whose names are the same is listed again, not walked: a __pycache__ made, a module saved by renaming a copy over it', () => {
    const root = project();
    const args = ['check', '--stats', '--format', 'json'];
    const first = prime(args, root);
    expect(how(runBin(args, root).stderr)).toBe('quick');
    // Python importing the package; an editor saving a file unchanged by writing a copy and renaming it over the file.
    mkdirSync(path.join(root, 'app', '__pycache__'));
    writeFileSync(path.join(root, 'app', '__pycache__', 'util.cpython-311.pyc'), 'x');
    writeFileSync(path.join(root, 'app', '.util.py.swp'), readFileSync(path.join(root, 'app/util.py')));
    renameSync(path.join(root, 'app', '.util.py.swp'), path.join(root, 'app/util.py'));
    const saved = runBin(args, root);
    expect(how(saved.stderr)).toBe('quick');
    expect(saved.stdout).toBe(first.stdout);
    expectTruthful(saved, args, root, 'a folder with the same names');
    // A name added that no walk takes still changes the names: the full CLI lists the tree again, and finds the same.
    writeFileSync(path.join(root, 'app', 'notes.txt'), 'to do\n');
    const noted = runBin(args, root);
    expect(how(noted.stderr)).toBe('replayed');
    expectTruthful(noted, args, root, 'a text file added');
    // A __pycache__ that is a file, not a folder, is a name like any other.
    writeFileSync(path.join(root, '__pycache__'), '');
    settle();
    expect(how(runBin(args, root).stderr)).toBe('replayed');
    expect(how(runBin(args, root).stderr)).toBe('quick');
    // A module added under the same conditions is found.
    writeFileSync(path.join(root, 'app', 'extra.py'), 'import threading\n\nthreading.Thread(target=print).start()\n');
    const added = runBin(args, root);
    expect(how(added.stderr)).toBe('analyzed');
    expectTruthful(added, args, root, 'a module added');
  }, 120_000);

  it('in a git repository, compares the .gitignore files by their stat data: node:crypto is not loaded unless one changed', () => {
    const root = project();
    mkdirSync(path.join(root, '.git'));
    writeFileSync(path.join(root, '.gitignore'), '*.log\n');
    settle();
    // Says, as the process ends, whether it loaded node:crypto (what hashing costs a quick replay: 8 ms).
    const probe = path.join(scratchFolder(), 'probe.cjs');
    writeFileSync(probe, "process.on('exit', () => process.stderr.write(process.moduleLoadList.includes('NativeModule crypto') ? 'crypto loaded\\n' : 'crypto not loaded\\n'));\n");
    const args = ['check', '--stats', '--format', 'json'];
    const probed = (): CliRun => {
      const run = spawnSync(process.execPath, ['--require', probe, BIN, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
      return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
    };
    prime(args, root);
    // (The project folder, where the first run made the cache folder, is listed again by each quick
    // replay until a run of the full CLI keeps its new stat data: its names are compared as they are.)
    const quick = probed();
    expect(how(quick.stderr)).toBe('quick');
    expect(quick.stderr).toContain('crypto not loaded');
    // Touched: read again, and hashed.
    const now = new Date();
    utimesSync(path.join(root, '.gitignore'), now, now);
    const touched = probed();
    expect(how(touched.stderr)).toBe('quick');
    expect(touched.stderr).toContain('crypto loaded');
    // Edited: the full CLI walks again with the new patterns.
    writeFileSync(path.join(root, '.gitignore'), 'app/util.py\n');
    const edited = runBin(args, root);
    expect(how(edited.stderr)).toBe('analyzed');
    expectTruthful(edited, args, root, '.gitignore edited');
  }, 120_000);

  it('a configuration file edited in place is seen by its stat data, and the run is analyzed with it', () => {
    const root = project();
    writeFileSync(path.join(root, 'pyproject.toml'), '[tool.importleak]\nignore = []\n');
    settle();
    const args = ['check', '--stats'];
    prime(args, root);
    expect(how(runBin(args, root).stderr)).toBe('quick');
    writeFileSync(path.join(root, 'pyproject.toml'), '[tool.importleak]\nignore = ["IL001"]\n');
    const next = runBin(args, root);
    expect(how(next.stderr)).toBe('analyzed');
    expectTruthful(next, args, root, 'pyproject.toml edited');
    expect(next.code).toBe(0);
  }, 120_000);

  it('is filed under the command line, its folder and the interpreter it names: another of them is not taken for it', () => {
    const root = project();
    const args = ['check', '--stats', '--format', 'json'];
    prime(args, root);
    expect(how(runBin(args, root).stderr)).toBe('quick');
    // Another PATH may find another python3, whose version is the target: the entry is not this run's.
    const elsewhere = runBin(args, root, { ...process.env, PATH: `${scratchFolder()}${path.delimiter}${process.env.PATH ?? ''}` });
    expect(how(elsewhere.stderr)).toBe('replayed');
    // Another folder given the same arguments.
    const app = path.join(root, 'app');
    prime(args, app);
    expect(how(runBin(args, app).stderr)).toBe('quick');
    expect(runBin(args, app).stdout).not.toBe(runBin(args, root).stdout);
  }, 120_000);

  it('a damaged entry or record, or a faulty run, hands over to the full CLI', () => {
    const root = project();
    const args = ['check', '--stats'];
    prime(args, root);
    const records = path.join(root, '.importleak_cache', readdirSync(path.join(root, '.importleak_cache')).find((name) => name.startsWith('runs-'))!);
    const [entry] = readdirSync(records).filter((name) => name.startsWith('argv-'));
    const [record] = readdirSync(records).filter((name) => name.endsWith('.run.json'));
    writeFileSync(path.join(records, entry!), '{"format": 1, "commandLine"');
    const afterEntry = runBin(args, root);
    expect(how(afterEntry.stderr)).toBe('replayed');
    expectTruthful(afterEntry, args, root, 'damaged entry');
    expect(how(runBin(args, root).stderr)).toBe('quick');
    writeFileSync(path.join(records, record!), readFileSync(path.join(records, record!), 'utf8').slice(0, 100));
    const afterRecord = runBin(args, root);
    expect(how(afterRecord.stderr)).toBe('analyzed');
    expectTruthful(afterRecord, args, root, 'damaged record');
    // A run told to inject a fault never replays: its outcome is the fault's.
    expect(how(runBin(args, root, { ...process.env, IMPORTLEAK_FAULT: 'none' }).stderr)).toBe('analyzed');
  }, 120_000);

  it('writes the report file of -o again; one written in the project changes the folder it lists, and the full CLI replays', () => {
    const root = project();
    const reports = scratchFolder();
    const outside = ['check', '--stats', '--format', 'sarif', '-o', path.join(reports, 'out.sarif')];
    prime(outside, root);
    const report = readFileSync(path.join(reports, 'out.sarif'), 'utf8');
    rmSync(path.join(reports, 'out.sarif'));
    const again = runBin(outside, root);
    expect(how(again.stderr)).toBe('quick');
    expect(readFileSync(path.join(reports, 'out.sarif'), 'utf8')).toBe(report);
    const inside = ['check', '--stats', '--format', 'sarif', '-o', 'out.sarif'];
    prime(inside, root);
    rmSync(path.join(root, 'out.sarif'));
    settle();
    const replayed = runBin(inside, root);
    expect(how(replayed.stderr)).toBe('replayed');
    expect(readFileSync(path.join(root, 'out.sarif'), 'utf8')).toBe(report);
  }, 120_000);

  it('tells a path looked at by its stat data as the full CLI does: a path below a file is absent (ENOTDIR), as one that is not there', () => {
    const root = writeProject({ 'requirements.txt': 'flask\n' });
    // The search for deployment files looks for gunicorn.conf.py in each folder a Dockerfile names, whatever it is.
    expect(looksUnchanged({ kind: 'stat', file: path.join(root, 'requirements.txt', 'gunicorn.conf.py'), value: 'absent' })).toBe(true);
    expect(looksUnchanged({ kind: 'stat', file: path.join(root, 'nothing', 'gunicorn.conf.py'), value: 'absent' })).toBe(true);
    expect(looksUnchanged({ kind: 'stat', file: path.join(root, 'requirements.txt'), value: 'file' })).toBe(true);
    expect(looksUnchanged({ kind: 'stat', file: path.join(root, 'requirements.txt'), value: 'absent' })).toBe(false);
    // A read without a stat signature (made by an older version, or of a file changed just before) cannot be told.
    expect(looksUnchanged({ kind: 'read', file: path.join(root, 'requirements.txt'), maxBytes: 100, digest: 'x' })).toBe(false);
    expect(looksUnchanged({ kind: 'read', file: path.join(root, 'requirements.txt', 'x.toml'), maxBytes: 100, digest: 'x', signature: '!absent' })).toBe(true);
    expect(looksUnchanged({ kind: 'read', file: path.join(root, 'requirements.txt'), maxBytes: 100, digest: 'x', signature: '!absent' })).toBe(false);
    expect(looksUnchanged({ kind: 'read', file: path.join(root, 'pyproject.toml'), maxBytes: 100, digest: 'x', signature: '!absent' })).toBe(true);
  });

  it('a walk keeps what each folder listed: a folder changed too recently for its stat data to be trusted is listed again, and holds while its names are the same', async () => {
    const root = writeProject({ 'pkg/__init__.py': '', 'pkg/a.py': 'A = 1\n' });
    const watch = newTreeWatch();
    await discoverPythonFiles({ root, paths: [root], exclude: [], respectGitignore: false, watch });
    // Written a moment ago: no signature to trust, but the names listed.
    expect(watch.complete).toBe(true);
    expect(watch.folders.every(([, signature, listing]) => signature === '' && typeof listing === 'string')).toBe(true);
    let renewed = 0;
    expect(await watchHolds(watch, new Set(), () => renewed++)).toBe(true);
    expect(renewed).toBe(0);
    writeFileSync(path.join(root, 'pkg', 'b.py'), '');
    expect(await watchHolds(watch)).toBe(false);
    rmSync(path.join(root, 'pkg', 'b.py'));
    mkdirSync(path.join(root, 'pkg', '__pycache__'));
    expect(await watchHolds(watch)).toBe(true);
    // A folder where a file was: another kind, the same name.
    rmSync(path.join(root, 'pkg', 'a.py'));
    mkdirSync(path.join(root, 'pkg', 'a.py'));
    expect(await watchHolds(watch)).toBe(false);
    rmSync(path.join(root, 'pkg', 'a.py'), { recursive: true });
    writeFileSync(path.join(root, 'pkg', 'a.py'), 'A = 2\n');
    // Changed since this process started: still no signature to trust, nothing renewed.
    expect(await watchHolds(watch, new Set(), () => renewed++)).toBe(true);
    expect(renewed).toBe(0);
    // The names as they are, or their hash for a folder of many.
    const many = writeProject(Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`big/module_number_${i}.py`, ''])));
    const bigWatch = newTreeWatch();
    await discoverPythonFiles({ root: many, paths: [many], exclude: [], respectGitignore: false, watch: bigWatch });
    expect(watch.folders.find(([folder]) => folder === path.join(root, 'pkg'))?.[2]).toBe('f__init__.py/fa.py');
    expect(bigWatch.folders.find(([folder]) => folder === path.join(many, 'big'))?.[2]).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(await watchHolds(bigWatch)).toBe(true);
    writeFileSync(path.join(many, 'big', 'module_number_400.py'), '');
    expect(await watchHolds(bigWatch)).toBe(false);
  });
});
