import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PACK_AFTER, SummaryCache } from '../src/cache.js';
import { forgetReadAhead, MAX_PACKS, openPacks, PackWriter, type PackPlace } from '../src/cachePack.js';
import { DamagedCacheEntry } from '../src/diagnostics.js';
import { summariseBytes } from '../src/extract/fileSummary.js';
import { isPacked } from '../src/extract/packed.js';
import type { ModuleSummary } from '../src/extract/summary.js';
import type { PythonTarget } from '../src/extract/target.js';
import { terminalProgress } from '../src/report/progress.js';
import { CLI, forgetRuns, runCli, scratchFolder, writeProject } from './support.js';

/**
 * Issue 13, the cache, the worker threads and --stats: a warm scan reads summaries instead of
 * parsing, and says the same as a cold one, however the work was spread.
 */
const TARGET: PythonTarget = { version: [3, 11], platform: 'linux' };

/** 65 files: an entry, a leak it reaches, a syntax error, an undecodable file, and 60 more. */
function leakyProject(): string {
  return writeProject({
    'app/__init__.py': '',
    'app/web.py': 'from flask import Flask\nfrom app import pools\n\napp = Flask(__name__)\n\n\n@app.route("/")\ndef index():\n    return "ok"\n',
    'app/pools.py': 'from concurrent.futures import ThreadPoolExecutor\n\nPOOL = ThreadPoolExecutor(max_workers=3)\n',
    'app/broken.py': 'def f(:\n    pass\n',
    'app/latin.py': Buffer.from([0x78, 0x20, 0x3d, 0x20, 0x22, 0xe9, 0x22, 0x0a]),
    ...Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`app/m${i}.py`, `import os\nfrom app import m${(i + 1) % 60}\nX${i} = os.environ.get("X")\n`])),
  });
}

/** Cache entry files below a cache folder. */
function entries(cacheDir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/^[0-9a-f]{64}\.json$/.test(entry.name)) found.push(file);
    }
  };
  if (existsSync(cacheDir)) walk(cacheDir);
  return found.sort();
}

/** The JSON reports of two `check` runs of `root` started at once. */
function twoRunsAtOnce(root: string): Promise<string[]> {
  const once = (): Promise<string> =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [CLI, 'check', '--format', 'json', '.'], { cwd: root });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.on('error', reject);
      child.on('close', () => resolve(out));
    });
  return Promise.all([once(), once()]);
}

/** `64 parsed, 1 from the cache` of --stats (without the worker threads, which depend on the machine). */
const statsLine = (stderr: string): string => /^importleak stats \((\d+ parsed, \d+ from the cache)(, \d+ worker threads)?\):$/m.exec(stderr)?.[1] ?? `no stats in: ${stderr}`;

describe('the cache of per-file summaries', () => {
  it('is written in .importleak_cache/ of the project root, git-ignored, and a warm scan reads it and reports the same', () => {
    const root = leakyProject();
    const cold = runCli(['check', '--format', 'json', '--stats', '.'], root, { ...process.env, IMPORTLEAK_THREADS: '1' });
    expect(cold.code).toBe(1);
    expect(statsLine(cold.stderr)).toBe('65 parsed, 0 from the cache');
    const cacheDir = path.join(root, '.importleak_cache');
    expect(readFileSync(path.join(cacheDir, '.gitignore'), 'utf8')).toMatch(/^\*$/m);
    expect(readFileSync(path.join(cacheDir, 'CACHEDIR.TAG'), 'utf8')).toMatch(/^Signature: 8a477f597d28d172789f06886806bc55$/m);
    expect(entries(cacheDir)).toHaveLength(65);
    // Without the run's record, which would print the last output again without reading a summary.
    forgetRuns(cacheDir);
    const warm = runCli(['check', '--format', 'json', '--stats', '.'], root);
    expect(statsLine(warm.stderr)).toBe('0 parsed, 65 from the cache');
    expect(warm.code).toBe(1);
    expect(warm.stdout).toBe(cold.stdout);
    // The syntax error and the decoding problem come back from the cache too.
    const report = JSON.parse(warm.stdout) as { findings: Array<{ rule: string; path: string }>; problems: Array<{ kind: string; path: string }> };
    expect(report.findings.map((f) => [f.rule, f.path])).toEqual([['IL001', 'app/pools.py']]);
    expect(report.problems.map((d) => [d.kind, d.path])).toEqual([
      ['syntax-error', 'app/broken.py'],
      ['decode-error', 'app/latin.py'],
    ]);
  });

  it('parses again only the file that changed', () => {
    const root = leakyProject();
    runCli(['check', '.'], root);
    writeFileSync(path.join(root, 'app/pools.py'), 'from concurrent.futures import ThreadPoolExecutor\n\nPOOL = ThreadPoolExecutor(max_workers=5)\n');
    const run = runCli(['check', '--stats', '.'], root);
    expect(statsLine(run.stderr)).toBe('1 parsed, 64 from the cache');
    expect(run.stdout).toContain('ThreadPoolExecutor(max_workers=5)');
  });

  it('ignores a corrupt or truncated entry, and writes it again', () => {
    const root = leakyProject();
    const cold = runCli(['check', '--format', 'json', '.'], root);
    const [first, second] = entries(path.join(root, '.importleak_cache'));
    writeFileSync(first!, '{"summary": {"imports": [');
    writeFileSync(second!, JSON.stringify({ summary: { imports: 'not a list' }, diagnostics: [] }));
    forgetRuns(path.join(root, '.importleak_cache'));
    const run = runCli(['check', '--format', 'json', '--stats', '.'], root);
    expect(statsLine(run.stderr)).toBe('2 parsed, 63 from the cache');
    expect(run.stdout).toBe(cold.stdout);
    expect(() => JSON.parse(readFileSync(first!, 'utf8'))).not.toThrow();
    forgetRuns(path.join(root, '.importleak_cache'));
    expect(statsLine(runCli(['check', '--stats', '.'], root).stderr)).toBe('0 parsed, 65 from the cache');
  });

  it('takes an entry cut short (by a run killed while writing it) as missing, and writes it whole again', () => {
    const root = writeProject({
      'app/__init__.py': '',
      'app/jobs.py': 'import os\n\n\ndef work():\n    os.getcwd()\n    print("done")\n',
      'app/pools.py': 'from concurrent.futures import ThreadPoolExecutor\n\nPOOL = ThreadPoolExecutor(max_workers=3)\n',
    });
    const cold = runCli(['check', '--format', 'json', '.'], root);
    const cacheDir = path.join(root, '.importleak_cache');
    // The entry with packed calls (after a newline), and one without.
    const [packed, ...others] = entries(cacheDir).sort((a, b) => Number(readFileSync(b).includes(0x0a)) - Number(readFileSync(a).includes(0x0a)));
    expect(readFileSync(packed!).includes(0x0a)).toBe(true);
    const whole = readFileSync(packed!);
    const plain = readFileSync(others[0]!);
    writeFileSync(packed!, whole.subarray(0, whole.length - 5));
    writeFileSync(others[0]!, plain.subarray(0, plain.length - 1));
    forgetRuns(cacheDir);
    const run = runCli(['check', '--format', 'json', '--stats', '.'], root);
    expect(statsLine(run.stderr)).toBe('2 parsed, 1 from the cache');
    expect(run.stdout).toBe(cold.stdout);
    expect(readFileSync(packed!)).toEqual(whole);
    expect(readFileSync(others[0]!)).toEqual(plain);
    // Written whole: no temporary file is left beside the entries.
    expect(readdirSync(cacheDir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('removes an entry whose packed calls are damaged inside, says which file, and parses it again on the next run', () => {
    // `configure()` runs at import time: its body's calls are unpacked.
    const root = writeProject({
      'app/__init__.py': '',
      'app/web.py': 'from flask import Flask\nfrom app.setup import configure\n\napp = Flask(__name__)\nconfigure()\n',
      'app/setup.py': 'from concurrent.futures import ThreadPoolExecutor\n\nPOOLS = []\n\n\ndef configure():\n    POOLS.append(ThreadPoolExecutor(max_workers=2))\n',
    });
    const cacheDir = path.join(root, '.importleak_cache');
    const cold = runCli(['check', '--format', 'json', '.'], root);
    expect(cold.stdout).toContain('ThreadPoolExecutor(max_workers=2)');
    // The length is right; a byte in the middle of the deflated calls is not.
    const damaged: string[] = [];
    for (const file of entries(cacheDir)) {
      const bytes = readFileSync(file);
      const newline = bytes.indexOf(10);
      if (newline < 0) continue;
      const middle = newline + 1 + Math.floor((bytes.length - newline - 1) / 2);
      bytes[middle] = bytes[middle]! ^ 0xff;
      writeFileSync(file, bytes);
      damaged.push(file);
    }
    expect(damaged.length).toBeGreaterThan(0);
    forgetRuns(cacheDir);
    const run = runCli(['check', '--format', 'json', '.'], root);
    expect(run.code).toBe(3);
    const problems = (JSON.parse(run.stdout) as { problems: Array<{ kind: string; path: string; message: string }> }).problems;
    // Said once, of the damaged file, as a problem reading it (not as a bug of importleak's).
    expect(problems).toEqual([
      {
        kind: 'read-error',
        path: 'app/setup.py',
        message: expect.stringMatching(/^the calls in its function bodies could not be read back from the cache \(.+\): what reads them was left out; the entry is removed, and the next run parses the file again$/),
      },
    ]);
    const removed = damaged.filter((file) => !existsSync(file));
    expect(removed.length).toBeGreaterThan(0);
    forgetRuns(cacheDir);
    const again = runCli(['check', '--format', 'json', '--stats', '.'], root);
    expect(statsLine(again.stderr)).toBe(`${removed.length} parsed, ${3 - removed.length} from the cache`);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe(cold.stdout);
  });

  it('leaves the packed calls of an entry in the entry: read back from it when unpacked, a damaged entry once it is gone', async () => {
    const source = new TextEncoder().encode('import os\n\n\ndef make():\n    return os.cpu_count()\n\n\nLIMIT = make()\n');
    const outcome = await summariseBytes('app.py', source, TARGET);
    const cache = new SummaryCache(path.join(writeProject({}), 'cache'), TARGET);
    const key = SummaryCache.keyOf('app.py', source);
    await cache.set(key, outcome);
    const read = async (): Promise<ModuleSummary> => (await cache.getEntry(key, 'app.py'))!.value.summary!;
    const first = await read();
    expect(isPacked(first)).toBe(true);
    expect(first.calls).toEqual(outcome.summary!.calls);
    // Read, then its entry removed (a cache folder deleted during the run): the calls are not in memory.
    const second = await read();
    const [file, ...others] = entries(cache.root);
    expect(others).toEqual([]);
    rmSync(file!);
    expect(() => second.calls).toThrow(DamagedCacheEntry);
    expect(() => second.calls).toThrow(/^the calls in its function bodies could not be read back from the cache \(ENOENT/);
  });

  it("removes what other versions of importleak left and have not used for a week, and nothing else", () => {
    const root = writeProject({ 'app.py': 'import threading\nthreading.Thread(target=print).start()\n' });
    expect(runCli(['check', '.', '--format', 'json'], root).code).toBe(0);
    const cacheDir = path.join(root, '.importleak_cache');
    // This version's folders (its kept code hashes, made again when missing, aside).
    const ours = readdirSync(cacheDir).filter((name) => !name.startsWith('code-'));
    const outside = scratchFolder();
    writeFileSync(path.join(outside, 'keep.txt'), 'not the cache');
    const weeksAgo = new Date(Date.now() - 15 * 24 * 3600 * 1000);
    const yesterday = new Date(Date.now() - 24 * 3600 * 1000);
    const make = (name: string, kind: 'folder' | 'file' | 'link', when: Date): void => {
      const entry = path.join(cacheDir, name);
      if (kind === 'folder') {
        mkdirSync(path.join(entry, 'ab'), { recursive: true });
        writeFileSync(path.join(entry, 'ab', `${'ab'.repeat(32)}.json`), '{}');
        utimesSync(entry, when, when);
      } else if (kind === 'file') {
        writeFileSync(entry, 'a'.repeat(64));
        utimesSync(entry, when, when);
      } else symlinkSync(outside, entry);
    };
    make('aaaaaaaaaaaa-bbbbbbbb', 'folder', weeksAgo);
    make('runs-cccccccccccc', 'folder', weeksAgo);
    make(`code-${'d'.repeat(32)}`, 'file', weeksAgo);
    make('eeeeeeeeeeee-ffffffff', 'folder', yesterday);
    make('runs-111111111111', 'link', weeksAgo);
    make('notes', 'folder', weeksAgo);
    // The folders this version uses are kept however old they look.
    for (const name of ours) utimesSync(path.join(cacheDir, name), weeksAgo, weeksAgo);
    // A warm run that only replays writes nothing, and so removes nothing.
    expect(runCli(['check', '.', '--format', 'json'], root).code).toBe(0);
    expect(readdirSync(cacheDir)).toContain('aaaaaaaaaaaa-bbbbbbbb');
    writeFileSync(path.join(root, 'app.py'), 'import threading\nthreading.Thread(target=print).start()\nimport os\n');
    expect(runCli(['check', '.', '--format', 'json'], root).code).toBe(0);
    const after = readdirSync(cacheDir);
    expect(after.filter((name) => !name.startsWith('code-')).sort()).toEqual([...ours, 'eeeeeeeeeeee-ffffffff', 'notes', 'runs-111111111111'].sort());
    expect(after).not.toContain(`code-${'d'.repeat(32)}`);
    expect(lstatSync(path.join(cacheDir, 'runs-111111111111')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(outside, 'keep.txt'), 'utf8')).toBe('not the cache');
    // The summaries folder this run wrote to is marked as used.
    const summaries = ours.find((name) => /^[0-9a-f]{12}-[0-9a-f]{8}$/.test(name))!;
    expect(Date.now() - statSync(path.join(cacheDir, summaries)).mtimeMs).toBeLessThan(3600 * 1000);
  });

  it('writes nothing with --no-cache, and where --cache-dir says otherwise', () => {
    const root = leakyProject();
    expect(statsLine(runCli(['check', '--no-cache', '--stats', '.'], root).stderr)).toBe('65 parsed, 0 from the cache');
    expect(existsSync(path.join(root, '.importleak_cache'))).toBe(false);
    const elsewhere = path.join(writeProject({}), 'cache');
    runCli(['check', '--cache-dir', elsewhere, '.'], root);
    expect(existsSync(path.join(root, '.importleak_cache'))).toBe(false);
    expect(entries(elsewhere)).toHaveLength(65);
    expect(statsLine(runCli(['graph', '--cache-dir', elsewhere, '--stats', '.'], root).stderr)).toBe('0 parsed, 65 from the cache');
  });

  it('does not use a cache folder that is a symbolic link (a repository could commit one pointing anywhere)', () => {
    const root = leakyProject();
    const outside = writeProject({});
    symlinkSync(outside, path.join(root, '.importleak_cache'));
    const run = runCli(['check', '--stats', '.'], root);
    expect(run.code).toBe(1);
    expect(statsLine(run.stderr)).toBe('65 parsed, 0 from the cache');
    expect(readdirSync(outside)).toEqual([]);
  });

  it('stays whole under two runs at once', async () => {
    const root = leakyProject();
    const [a, b] = await twoRunsAtOnce(root);
    expect(a).toBe(b);
    forgetRuns(path.join(root, '.importleak_cache'));
    expect(statsLine(runCli(['check', '--stats', '.'], root).stderr)).toBe('0 parsed, 65 from the cache');
    expect(runCli(['check', '--format', 'json', '.'], root).stdout).toBe(a);
    // No temporary file is left behind.
    expect(entries(path.join(root, '.importleak_cache')).every((file) => file.endsWith('.json'))).toBe(true);
  });

  it('lists the tree while the local python3 is asked, and reports what a run that knew its answer reports', () => {
    const root = leakyProject();
    const bin = path.join(writeProject({}), 'bin');
    mkdirSync(bin);
    const python = path.join(bin, 'python3');
    // A slow answer, as from a version manager's shim: the listing is done by the time it comes.
    writeFileSync(python, '#!/bin/sh\nsleep 0.5\necho "3.10 linux"\n');
    chmodSync(python, 0o755);
    const env = { ...process.env, IMPORTLEAK_PYTHON: python };
    const cacheDir = path.join(root, '.importleak_cache');
    const forgetPython = (): void => rmSync(path.join(cacheDir, 'python.json'));
    // A pool made on Python 3.11 and later only: the answer decides whether it is reported.
    writeFileSync(path.join(root, 'app/newer.py'), 'import sys\nfrom concurrent.futures import ThreadPoolExecutor\n\nif sys.version_info >= (3, 11):\n    NEWER = ThreadPoolExecutor()\n');
    writeFileSync(path.join(root, 'app/web.py'), readFileSync(path.join(root, 'app/web.py'), 'utf8') + 'from app import newer\n');
    const told = (version: string): string => runCli(['check', '--format', 'json', '--no-cache', '--python-version', version, '.'], root, env).stdout;
    const first = runCli(['check', '--format', 'json', '--stats', '.'], root, env);
    expect(first.code).toBe(1);
    expect(first.stdout).toBe(told('3.10'));
    expect(first.stdout).not.toBe(told('3.12'));
    // Asked again (its answer forgotten): the last run's output, from the listing made meanwhile.
    forgetPython();
    const again = runCli(['check', '--format', 'json', '--stats', '.'], root, env);
    expect(again.stderr).toContain('importleak stats (the output of the last run, whose inputs are unchanged)');
    expect(again.stdout).toBe(first.stdout);
    // A module added and one changed: analyzed, from that listing, as without a cache at all.
    writeFileSync(path.join(root, 'app/extra.py'), 'import threading\n\nWORKER = threading.Thread(target=print)\nWORKER.start()\n');
    writeFileSync(path.join(root, 'app/web.py'), readFileSync(path.join(root, 'app/web.py'), 'utf8') + 'from app import extra\n');
    forgetPython();
    const changed = runCli(['check', '--format', 'json', '--stats', '.'], root, env);
    expect(statsLine(changed.stderr)).toMatch(/^2 parsed, \d+ from the cache$/);
    const uncached = runCli(['check', '--format', 'json', '--no-cache', '.'], root, env);
    expect(changed.stdout).toBe(uncached.stdout);
    expect(JSON.parse(changed.stdout).findings.map((f: { path: string }) => f.path)).toContain('app/extra.py');
  });

  it('remembers what the local python3 said, and asks again when the interpreter changes', () => {
    const root = leakyProject();
    const bin = path.join(writeProject({}), 'bin');
    mkdirSync(bin);
    const marker = path.join(bin, 'asked');
    const python = path.join(bin, 'python3');
    writeFileSync(python, `#!/bin/sh\necho asked >> '${marker}'\necho "3.10 linux"\n`);
    chmodSync(python, 0o755);
    const env = { ...process.env, IMPORTLEAK_PYTHON: python };
    const asked = (): number => (existsSync(marker) ? readFileSync(marker, 'utf8').split('\n').filter(Boolean).length : 0);
    // The first run asks, and keeps the answer in the cache folder it makes: the next runs do not ask.
    runCli(['check', '.'], root, env);
    const before = asked();
    expect(before).toBe(1);
    runCli(['check', '.'], root, env);
    runCli(['check', '--format', 'json', '.'], root, env);
    expect(asked()).toBe(before);
    writeFileSync(python, `#!/bin/sh\necho asked >> '${marker}'\necho "3.12 linux"\n# another build\n`);
    runCli(['check', '.'], root, env);
    expect(asked()).toBe(before + 1);
  });

  it('remembers the answers of several interpreters: runs that alternate between two (a virtual environment active or not) ask each once', () => {
    const root = leakyProject();
    const bin = path.join(writeProject({}), 'bin');
    mkdirSync(bin);
    const marker = path.join(bin, 'asked');
    const interpreter = (name: string, version: string): string => {
      const file = path.join(bin, name);
      writeFileSync(file, `#!/bin/sh\necho ${name} >> '${marker}'\necho "${version} linux"\n`);
      chmodSync(file, 0o755);
      return file;
    };
    const venv = interpreter('venv-python3', '3.10');
    const system = interpreter('system-python3', '3.12');
    const asked = (): string[] => (existsSync(marker) ? readFileSync(marker, 'utf8').split('\n').filter(Boolean) : []);
    const run = (python: string): string => runCli(['check', '--format', 'json', '.'], root, { ...process.env, IMPORTLEAK_PYTHON: python }).stdout;
    const outputs = [venv, system, venv, system, venv].map(run);
    expect(asked()).toEqual(['venv-python3', 'system-python3']);
    // Each run took its own interpreter's answer: the two targets' outputs, each time.
    expect(outputs[2]).toBe(outputs[0]);
    expect(outputs[3]).toBe(outputs[1]);
    expect(outputs[4]).toBe(outputs[0]);
    // Newest first: the last asked.
    expect(JSON.parse(readFileSync(path.join(root, '.importleak_cache', 'python.json'), 'utf8')).answers.map((a: { version: number[] }) => a.version)).toEqual([
      [3, 12],
      [3, 10],
    ]);
    // An answer file of an earlier version (one answer) is read as one.
    writeFileSync(path.join(root, '.importleak_cache', 'python.json'), JSON.stringify({ identity: 'elsewhere', version: [3, 9] }));
    run(system);
    expect(asked()).toEqual(['venv-python3', 'system-python3', 'system-python3']);
  });
});

describe('packs: the entries of a run that stores many, in one file', () => {
  /** 160 files: the leaky project's entry and leak, and 158 more modules. */
  const bigProject = (): string =>
    writeProject({
      'app/__init__.py': '',
      'app/web.py': 'from flask import Flask\nfrom app import pools\n\napp = Flask(__name__)\n\n\n@app.route("/")\ndef index():\n    return "ok"\n',
      'app/pools.py': 'from concurrent.futures import ThreadPoolExecutor\n\nPOOL = ThreadPoolExecutor(max_workers=3)\n',
      ...Object.fromEntries(Array.from({ length: 157 }, (_, i) => [`app/m${i}.py`, `import os\nfrom app import m${(i + 1) % 157}\n\n\ndef f${i}():\n    return os.getcwd()\n`])),
    });
  const packsOf = (cacheDir: string): string[] =>
    readdirSync(cacheDir, { recursive: true, encoding: 'utf8' })
      .filter((name) => /(^|\/)packs\/[^/]+$/.test(name))
      .map((name) => path.join(cacheDir, name))
      .sort();

  it(`writes a run's entries after the first ${PACK_AFTER} into one pack, which a later run reads them from`, () => {
    const root = bigProject();
    const cacheDir = path.join(root, '.importleak_cache');
    const cold = runCli(['check', '--format', 'json', '--stats', '.'], root);
    expect(cold.code).toBe(1);
    expect(statsLine(cold.stderr)).toBe('160 parsed, 0 from the cache');
    expect(entries(cacheDir)).toHaveLength(PACK_AFTER);
    const [pack, ...more] = packsOf(cacheDir);
    expect(more).toEqual([]);
    expect(path.basename(pack!)).toMatch(/^\d{13}-\d+-[0-9a-f]{8}\.pack$/);
    forgetRuns(cacheDir);
    const warm = runCli(['check', '--format', 'json', '--stats', '.'], root);
    expect(statsLine(warm.stderr)).toBe('0 parsed, 160 from the cache');
    expect(warm.stdout).toBe(cold.stdout);
    // Nothing new stored: no new pack.
    expect(packsOf(cacheDir)).toEqual([pack]);
  });

  it('removes a pack cut short, or one with an entry that does not read back, and parses its files again', () => {
    const root = bigProject();
    const cacheDir = path.join(root, '.importleak_cache');
    const cold = runCli(['check', '--format', 'json', '.'], root);
    const [pack] = packsOf(cacheDir);
    const whole = readFileSync(pack!);
    const entryFiles = entries(cacheDir);
    // Cut short (a disk that lost its end): its index is not found.
    writeFileSync(pack!, whole.subarray(0, whole.length - 3));
    forgetRuns(cacheDir);
    const cut = runCli(['check', '--format', 'json', '--stats', '.'], root);
    expect(statsLine(cut.stderr)).toBe(`${160 - PACK_AFTER} parsed, ${PACK_AFTER} from the cache`);
    expect(cut.stdout).toBe(cold.stdout);
    expect(existsSync(pack!)).toBe(false);
    // Written again as entry files: this run stored fewer than PACK_AFTER.
    expect(entries(cacheDir)).toHaveLength(160);
    // The same pack whole again, its first entry's first byte changed: that file is parsed again, and the pack removed.
    for (const file of entries(cacheDir)) if (!entryFiles.includes(file)) rmSync(file);
    const bad = Buffer.from(whole);
    bad[0] = 0x78;
    writeFileSync(pack!, bad);
    forgetRuns(cacheDir);
    const one = runCli(['check', '--format', 'json', '--stats', '.'], root);
    expect(statsLine(one.stderr)).toBe(`1 parsed, 159 from the cache`);
    expect(one.stdout).toBe(cold.stdout);
    expect(existsSync(pack!)).toBe(false);
    forgetRuns(cacheDir);
    expect(statsLine(runCli(['check', '--stats', '.'], root).stderr)).toBe(`${160 - PACK_AFTER - 1} parsed, ${PACK_AFTER + 1} from the cache`);
    forgetRuns(cacheDir);
    expect(statsLine(runCli(['check', '--stats', '.'], root).stderr)).toBe('0 parsed, 160 from the cache');
  });

  it('reads packed calls back from the pack, and takes the pack as damaged when they do not unpack', async () => {
    const filler = await summariseBytes('filler.py', new TextEncoder().encode('import os\n'), TARGET);
    const source = new TextEncoder().encode('import os\n\n\ndef make():\n    return os.cpu_count()\n\n\nLIMIT = make()\n');
    const outcome = await summariseBytes('app.py', source, TARGET);
    const root = path.join(writeProject({}), 'cache');
    const writing = new SummaryCache(root, TARGET);
    for (let i = 0; i < PACK_AFTER; i++) await writing.set(SummaryCache.keyOf(`filler${i}.py`, new Uint8Array([i])), filler);
    const key = SummaryCache.keyOf('app.py', source);
    await writing.set(key, outcome);
    // Read back before the pack is finished: what it holds unwritten is written first.
    expect((await writing.getEntry(key, 'app.py'))!.value.summary!.calls).toEqual(outcome.summary!.calls);
    writing.finish();
    expect(entries(root)).toHaveLength(PACK_AFTER);
    const [pack, ...more] = packsOf(root);
    expect(more).toEqual([]);
    const cache = new SummaryCache(root, TARGET);
    const read = async (): Promise<ModuleSummary> => (await cache.getEntry(key, 'app.py'))!.value.summary!;
    const first = await read();
    expect(isPacked(first)).toBe(true);
    expect(first.calls).toEqual(outcome.summary!.calls);
    // The last byte of the packed calls (the entry ends just before the pack's index).
    const second = await read();
    const bytes = readFileSync(pack!);
    const indexAt = parseInt(/importleak-pack 2 ([0-9a-f]{12}) /.exec(bytes.subarray(bytes.length - 44).toString('latin1'))![1]!, 16);
    bytes[indexAt - 2] = bytes[indexAt - 2]! ^ 0xff;
    writeFileSync(pack!, bytes);
    forgetReadAhead();
    expect(() => second.calls).toThrow(DamagedCacheEntry);
    expect(existsSync(pack!)).toBe(false);
  });

  it(`keeps the ${MAX_PACKS} newest packs`, async () => {
    const filler = await summariseBytes('filler.py', new TextEncoder().encode('import os\n'), TARGET);
    const root = path.join(writeProject({}), 'cache');
    const written: string[] = [];
    for (let round = 0; round <= MAX_PACKS; round++) {
      const cache = new SummaryCache(root, TARGET);
      for (let i = 0; i <= PACK_AFTER; i++) await cache.set(SummaryCache.keyOf(`m${round}_${i}.py`, new Uint8Array([i])), filler);
      cache.finish();
      written.push(packsOf(root).find((file) => !written.includes(file))!);
      // Packs are named by the time they were begun, to the millisecond.
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
    expect(packsOf(root)).toEqual(written.slice(1));
    // What another process finds there: the entries of the packs kept, not those of the one removed.
    const indexes = openPacks(path.dirname(written[0]!));
    const found = (round: number): boolean => indexes.some((index) => index.find(SummaryCache.keyOf(`m${round}_${PACK_AFTER}.py`, new Uint8Array([PACK_AFTER]))) !== undefined);
    expect(indexes).toHaveLength(MAX_PACKS);
    expect([found(MAX_PACKS), found(1), found(0)]).toEqual([true, true, false]);
  });

  it('reads only whole packs with their keys in order, and removes what a killed run left a day ago', () => {
    const folder = writeProject({});
    const pack = (keys: string[]): Buffer => {
      const body = Buffer.from(keys.map(() => '{}').join(''), 'latin1');
      // The keys, then the offsets, then the lengths (float64, little-endian).
      const numbers = Buffer.alloc(keys.length * 16);
      keys.forEach((_, i) => {
        numbers.writeDoubleLE(i * 2, 8 * i);
        numbers.writeDoubleLE(2, 8 * (keys.length + i));
      });
      const hex = (n: number): string => n.toString(16).padStart(12, '0');
      return Buffer.concat([body, Buffer.from(keys.join(''), 'latin1'), numbers, Buffer.from(`importleak-pack 2 ${hex(body.length)} ${hex(keys.length)}\n`, 'latin1')]);
    };
    const [a, b] = ['a'.repeat(64), 'b'.repeat(64)];
    writeFileSync(path.join(folder, '1700000000000-1-00000000.pack'), pack([a, b]));
    writeFileSync(path.join(folder, '1700000000001-1-00000000.pack'), pack([b, a]));
    writeFileSync(path.join(folder, '1700000000002-1-00000000.pack.tmp'), 'left by a killed run');
    writeFileSync(path.join(folder, '1700000000003-1-00000000.pack.tmp'), 'being written');
    const dayAgo = new Date(Date.now() - 25 * 3600 * 1000);
    utimesSync(path.join(folder, '1700000000002-1-00000000.pack.tmp'), dayAgo, dayAgo);
    const indexes = openPacks(folder);
    expect(indexes).toHaveLength(1);
    expect(indexes[0]!.find(b)).toEqual({ pack: indexes[0]!.pack, offset: 2, length: 2 });
    expect(indexes[0]!.find('c'.repeat(64))).toBeUndefined();
    expect(readdirSync(folder).sort()).toEqual(['1700000000000-1-00000000.pack', '1700000000003-1-00000000.pack.tmp']);
  });

  it('reads each entry right in any order: from two packs in turn, larger than a read ahead, and written after the pack was read', () => {
    const folder = path.join(writeProject({}), 'packs');
    // Entries of every size up to 700 KiB (larger than one read ahead), each byte telling its entry and place.
    const sizes = Array.from({ length: 120 }, (_, i) => (i % 17 === 0 ? 700 * 1024 + i : (i * 7919) % 9000));
    const entryOf = (pack: number, i: number): Buffer => Buffer.from(Array.from({ length: sizes[i]! }, (_, at) => (pack * 131 + i * 31 + at) % 256));
    const keyOf = (pack: number, i: number): string => SummaryCache.keyOf(`p${pack}`, new Uint8Array([i]));
    for (const pack of [0, 1]) {
      const writer = new PackWriter(folder);
      sizes.forEach((_, i) => writer.append(keyOf(pack, i), entryOf(pack, i)));
      writer.finish();
    }
    const indexes = openPacks(folder);
    expect(indexes).toHaveLength(2);
    const place = (pack: number, i: number): PackPlace => indexes.map((index) => index.find(keyOf(pack, i))).find(Boolean)!;
    // Forwards, backwards, then shuffled; the two packs in turn.
    const order = [...sizes.keys(), ...[...sizes.keys()].reverse(), ...[...sizes.keys()].sort((a, b) => ((a * 37) % 120) - ((b * 37) % 120))];
    for (const i of order) {
      for (const pack of [0, 1]) {
        const { pack: file, offset, length } = place(pack, i);
        expect(file.view(offset, length).equals(entryOf(pack, i))).toBe(true);
      }
    }
    // A pack being written: an entry appended after a read ahead that took the pack's end.
    const writer = new PackWriter(folder);
    const first = writer.append(keyOf(2, 0), entryOf(2, 1));
    expect(writer.pack.view(first.offset, first.length).equals(entryOf(2, 1))).toBe(true);
    const second = writer.append(keyOf(2, 1), entryOf(2, 2));
    expect(writer.pack.view(second.offset, second.length).equals(entryOf(2, 2))).toBe(true);
    expect(writer.pack.view(first.offset, first.length).equals(entryOf(2, 1))).toBe(true);
    writer.abandon();
  });

  it('stays whole under two runs at once that both write a pack', async () => {
    const root = bigProject();
    const [a, b] = await twoRunsAtOnce(root);
    expect(a).toBe(b);
    const cacheDir = path.join(root, '.importleak_cache');
    forgetRuns(cacheDir);
    expect(statsLine(runCli(['check', '--stats', '.'], root).stderr)).toBe('0 parsed, 160 from the cache');
    expect(runCli(['check', '--format', 'json', '.'], root).stdout).toBe(a);
    expect(packsOf(cacheDir).every((file) => file.endsWith('.pack'))).toBe(true);
  });
});

describe("importleak's own code, by which entries and run records are keyed", () => {
  it('is hashed once while its files keep their stat data: the hash is kept in the cache folder, and a changed file is hashed again', async () => {
    const code = writeProject({ 'a.js': 'export const a = 1;\n', 'extract/b.js': 'export const b = 2;\n', 'notes.txt': 'not code\n' });
    const keep = writeProject({});
    const kept = (): string[] => readdirSync(keep).filter((name) => name.startsWith('code-'));
    // In a process of its own: a file changed after a process started is never trusted by its stat data in it (see statSignature).
    const module = pathToFileURL(path.join(path.dirname(CLI), 'codeDigest.js')).href;
    const inChild = (call: string): string => {
      const script = `import { codeDigest, keptCodeDigest } from ${JSON.stringify(module)}; process.stdout.write(${call});`;
      const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      return run.stdout;
    };
    const hashOf = (folder = keep): string => inChild(`keptCodeDigest(${JSON.stringify(folder)}, [${JSON.stringify(code)}], ${JSON.stringify(code)}, /\\.js$/, true)`);
    const computed = (): string => inChild(`codeDigest([${JSON.stringify(code)}], ${JSON.stringify(code)}, /\\.js$/, true)`);
    const settle = (): Promise<void> => new Promise((done) => setTimeout(done, 2100));
    // Files changed in the two seconds before: not trusted by their stat data, so nothing is kept.
    const digest = computed();
    expect(hashOf()).toBe(digest);
    expect(kept()).toEqual([]);
    await settle();
    expect(hashOf()).toBe(digest);
    expect(kept()).toHaveLength(1);
    // The hash, then the files it was computed for, each with its stat signature.
    const text = readFileSync(path.join(keep, kept()[0]!), 'utf8');
    const lines = text.split('\n');
    expect(lines[0]).toBe(digest);
    expect(lines.slice(2, 4).map((line) => line.split(' ')[0])).toEqual(['"a.js"', '"extract/b.js"']);
    // Read back, not computed: what the kept file says is the answer while the files are as they were.
    writeFileSync(path.join(keep, kept()[0]!), `${'f'.repeat(64)}${text.slice(64)}`);
    expect(hashOf()).toBe('f'.repeat(64));
    // A damaged kept file is not believed, nor one that lists other files or signatures (a file
    // that its name, a short hash, would give to other signatures too).
    writeFileSync(path.join(keep, kept()[0]!), 'not a hash');
    expect(hashOf()).toBe(digest);
    writeFileSync(path.join(keep, kept()[0]!), `${'f'.repeat(64)}${text.slice(64).replace('"a.js" ', '"a.js" 1')}`);
    expect(hashOf()).toBe(digest);
    // A code file changed: its stat data differ, and the code is hashed again.
    writeFileSync(path.join(code, 'extract/b.js'), 'export const b = 3;\n');
    await settle();
    const changed = hashOf();
    expect(changed).not.toBe(digest);
    expect(changed).toBe(computed());
    expect(kept()).toHaveLength(2);
    // Computed before the cache folder was made (a first run): kept once it is there, when the run is done.
    const later = path.join(writeProject({}), 'cache');
    const script = `import { mkdirSync, readdirSync } from 'node:fs'; import { keepCodeDigests, keptCodeDigest } from ${JSON.stringify(module)};
      const digest = keptCodeDigest(${JSON.stringify(later)}, [${JSON.stringify(code)}], ${JSON.stringify(code)}, /\\.js$/, true);
      mkdirSync(${JSON.stringify(later)}); const before = readdirSync(${JSON.stringify(later)}).length; keepCodeDigests();
      process.stdout.write(JSON.stringify([digest, before, readdirSync(${JSON.stringify(later)})]));`;
    const [keptDigest, before, after] = JSON.parse(spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).stdout) as [string, number, string[]];
    expect(keptDigest).toBe(changed);
    expect(before).toBe(0);
    expect(after).toEqual([expect.stringMatching(/^code-[0-9a-f]{16}$/)]);
    expect(readFileSync(path.join(later, after[0]!), 'utf8').slice(0, 64)).toBe(changed);
    // Nothing is kept in a folder that is a symbolic link.
    const linked = path.join(writeProject({}), 'linked');
    symlinkSync(keep, linked);
    writeFileSync(path.join(code, 'a.js'), 'export const a = 2;\n');
    await settle();
    expect(hashOf(linked)).toBe(computed());
    expect(kept()).toHaveLength(2);
  });
});

describe('worker threads', () => {
  it('give the same report as the main thread alone, and the same diagnostics for a file that fails', () => {
    const root = leakyProject();
    const fault = { IMPORTLEAK_FAULT: 'extract:app/m7.py' };
    const alone = runCli(['check', '--no-cache', '--format', 'json', '.'], root, { ...process.env, ...fault, IMPORTLEAK_THREADS: '1' });
    const threads = runCli(['check', '--no-cache', '--format', 'json', '--stats', '.'], root, { ...process.env, ...fault, IMPORTLEAK_THREADS: '2' });
    expect(threads.stderr).toMatch(/^importleak stats \(65 parsed, 0 from the cache, 2 worker threads\):$/m);
    expect(threads.code).toBe(alone.code);
    expect(threads.stdout).toBe(alone.stdout);
    expect((JSON.parse(threads.stdout) as { problems: Array<{ kind: string; path: string }> }).problems.map((d) => [d.kind, d.path])).toContainEqual(['internal-error', 'app/m7.py']);
  });
});

describe('a worker thread that dies', () => {
  it('costs only the file it was working on: the files queued behind it go to another thread', () => {
    const root = leakyProject();
    const failing = runCli(['check', '--no-cache', '--format', 'json', '.'], root, { ...process.env, IMPORTLEAK_FAULT: 'extract:app/m7.py', IMPORTLEAK_THREADS: '1' });
    const dying = runCli(['check', '--no-cache', '--format', 'json', '--stats', '.'], root, { ...process.env, IMPORTLEAK_FAULT: 'worker-exit:app/m7.py', IMPORTLEAK_THREADS: '2' });
    expect(dying.stderr).toMatch(/^importleak stats \(65 parsed, 0 from the cache, 2 worker threads\):$/m);
    expect(dying.code).toBe(failing.code);
    type Report = { findings: unknown[]; problems: Array<{ kind: string; path: string; message: string }> };
    const [expected, got] = [JSON.parse(failing.stdout) as Report, JSON.parse(dying.stdout) as Report];
    expect(got.findings).toEqual(expected.findings);
    expect(got.problems.map((d) => [d.kind, d.path])).toEqual(expected.problems.map((d) => [d.kind, d.path]));
    expect(got.problems.find((d) => d.path === 'app/m7.py')?.message).toMatch(/the worker thread exited with code 70/);
  });
});

describe('--stats and progress', () => {
  it('--stats prints the time of each stage on stderr, never on stdout', () => {
    const root = leakyProject();
    const run = runCli(['check', '--no-cache', '--format', 'json', '--stats', '.'], root);
    expect(() => JSON.parse(run.stdout)).not.toThrow();
    const stages = run.stderr.split('\n').filter((line) => /^ {2}\S/.test(line)).map((line) => line.trim().replace(/\s+\d+\.\d{3} s$/, ''));
    expect(stages).toEqual(['discovery', 'parse and extract', 'resolve and graph', 'entries', 'deployment', 'rules', 'report', 'total']);
  });

  it('shows progress on an interactive terminal only, after a second, and erases it', () => {
    const written: string[] = [];
    const tty = { isTTY: true, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream;
    expect(terminalProgress({ ...tty, isTTY: false } as NodeJS.WriteStream, {})).toBeUndefined();
    expect(terminalProgress(tty, { CI: 'true' })).toBeUndefined();
    expect(terminalProgress(tty, { TERM: 'dumb' })).toBeUndefined();
    const progress = terminalProgress(tty, {})!;
    progress.update(1, 10);
    expect(written).toEqual([]); // under a second: nothing
    const start = Date.now();
    while (Date.now() - start < 1050) {
      // a scan that takes over a second
    }
    progress.update(10, 10);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^\r\x1b\[2Kimportleak: 10\/10 files \(\d+ files\/s\)$/);
    progress.clear();
    expect(written[1]).toBe('\r\x1b[2K');
  });
});
