import { appendFileSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SummaryCache } from '../src/cache.js';
import { readDeployment } from '../src/deploy/index.js';
import { extractFiles } from '../src/extract/stage.js';
import { loadRules } from '../src/rules/rules.js';
import type { PythonTarget } from '../src/extract/target.js';
import { readRecordFile, RECORD_FORMAT } from '../src/quickReplay.js';
import { RunRecords, type RunRecord } from '../src/replay.js';
import { newTreeWatch } from '../src/watch.js';
import { runCli, writeProject } from './support.js';

/**
 * Issue 13, the warm scan: a run whose inputs are all as the last run of the same command read them
 * prints that run's output again without analyzing (src/replay.ts); any input that changed, and it
 * analyzes. Each case: a project, a first run, a change, and whether the next run replays.
 */

function project(): string {
  return writeProject({
    'app/__init__.py': '',
    'app/web.py': 'from flask import Flask\nfrom app import pools\n\napp = Flask(__name__)\n\n\n@app.route("/")\ndef index():\n    return "ok"\n',
    'app/pools.py': 'from concurrent.futures import ThreadPoolExecutor\n\nPOOL = ThreadPoolExecutor(max_workers=3)\n',
    'app/util.py': 'import os\n\nHOME = os.environ.get("HOME")\n',
    Procfile: 'web: gunicorn app.web:app --workers 4\n',
  });
}

/** Whether --stats says the output was the last run's. */
const replayed = (stderr: string): boolean => /^importleak stats \(the output of the last run, whose inputs are unchanged\):$/m.test(stderr);
/** `2 parsed, 3 from the cache`, when the run analyzed. */
const analyzed = (stderr: string): string | undefined => /^importleak stats \((\d+ parsed, \d+ from the cache)/m.exec(stderr)?.[1];

describe('the run record', () => {
  it('prints the same output and exit code again when nothing changed, in every format and command', () => {
    const root = project();
    for (const args of [['check'], ['check', '--format', 'json'], ['check', '--format', 'sarif'], ['graph'], ['entries', '--format', 'json']]) {
      const first = runCli([...args, '--stats', '.'], root);
      expect(replayed(first.stderr), args.join(' ')).toBe(false);
      const again = runCli([...args, '--stats', '.'], root);
      expect(replayed(again.stderr), args.join(' ')).toBe(true);
      expect(again.stdout).toBe(first.stdout);
      expect(again.code).toBe(first.code);
    }
    expect(runCli(['check', '.'], root).code).toBe(1);
  });

  it("keeps the output after the record's JSON, as bytes (neither escaped nor parsed): read back whole, and a file cut short is no record", async () => {
    const root = writeProject({});
    const records = new RunRecords(new SummaryCache(path.join(root, '.importleak_cache'), { version: [3, 12], platform: 'linux' }));
    const record: RunRecord = {
      format: RECORD_FORMAT,
      discovery: '[[],[]]',
      files: [['a.py', 'k', 'd', '']],
      inputs: [],
      output: { stdout: 'line one\n{"é": "\u2028 \\n"}\n'.repeat(3), stderr: 'a note\n', exitCode: 1, outputFile: { path: 'out.sarif', text: '{"runs": ["ü"]}\n' } },
    };
    const key = 'a'.repeat(64);
    await records.save(key, record);
    expect(await records.load(key)).toEqual(record);
    const [folder] = readdirSync(path.join(root, '.importleak_cache')).filter((name) => name.startsWith('runs-'));
    const file = path.join(root, '.importleak_cache', folder!, `${key}.run.json`);
    const bytes = readFileSync(file);
    // One line of JSON, then the bytes of standard output and of the report file, one after the other.
    expect(bytes.subarray(bytes.indexOf(10) + 1).toString('utf8')).toBe(record.output.stdout + record.output.outputFile!.text);
    const read = readRecordFile(file)!;
    expect(read.record.output).toEqual({ stderr: 'a note\n', exitCode: 1, stdoutBytes: Buffer.byteLength(record.output.stdout), outputFile: { path: 'out.sarif', bytes: 17 } });
    expect(read.stdout.toString('utf8')).toBe(record.output.stdout);
    writeFileSync(file, bytes.subarray(0, bytes.length - 1));
    expect(readRecordFile(file)).toBeUndefined();
    expect(await records.load(key)).toBeUndefined();
    writeFileSync(file, bytes.subarray(0, bytes.indexOf(10)));
    expect(readRecordFile(file)).toBeUndefined();
  });

  it('keeps the rules it parsed beside its records, and parses them again when that file is damaged', () => {
    const root = project();
    const plain = runCli(['check', '--format', 'sarif', '--no-cache', '.'], root);
    const first = runCli(['check', '--format', 'sarif', '.'], root);
    const cache = path.join(root, '.importleak_cache');
    const [records] = readdirSync(cache).filter((name) => name.startsWith('runs-'));
    const kept = path.join(cache, records!, 'rules.json');
    expect(JSON.parse(readFileSync(kept, 'utf8'))).toEqual(JSON.parse(JSON.stringify(loadRules())));
    // The SARIF carries every rule's title and help: the kept rules give the report the parsed ones give.
    expect(first.stdout).toBe(plain.stdout);
    writeFileSync(kept, '[{"id": "IL001"');
    appendFileSync(path.join(root, 'app/util.py'), '\nimport json\n');
    const again = runCli(['check', '--format', 'sarif', '--stats', '.'], root);
    expect(analyzed(again.stderr)).toBe('1 parsed, 3 from the cache');
    expect(again.stdout).toBe(runCli(['check', '--format', 'sarif', '--no-cache', '.'], root).stdout);
    expect(JSON.parse(readFileSync(kept, 'utf8'))).toEqual(JSON.parse(JSON.stringify(loadRules())));
  });

  it('replays when a changed file gives the same summary (a comment added at its end), and remembers the new bytes', () => {
    const root = project();
    const first = runCli(['check', '--format', 'json', '.'], root);
    appendFileSync(path.join(root, 'app/util.py'), '\n# a note\n');
    const again = runCli(['check', '--format', 'json', '--stats', '.'], root);
    expect(replayed(again.stderr)).toBe(true);
    expect(again.stdout).toBe(first.stdout);
    // The record now holds the new bytes: the next run has nothing to parse.
    const third = runCli(['check', '--format', 'json', '--stats', '.'], root);
    expect(replayed(third.stderr)).toBe(true);
  });

  it('analyzes again when a summary changes, and reports the change', () => {
    const root = project();
    runCli(['check', '.'], root);
    writeFileSync(path.join(root, 'app/pools.py'), 'from concurrent.futures import ThreadPoolExecutor\n\nPOOL = ThreadPoolExecutor(max_workers=5)\n');
    const run = runCli(['check', '--stats', '.'], root);
    expect(analyzed(run.stderr)).toBe('1 parsed, 3 from the cache');
    expect(run.stdout).toContain('ThreadPoolExecutor(max_workers=5)');
  });

  it('analyzes again when a file with a finding changes, even where its summary does not: the finding quotes its lines', () => {
    const root = project();
    runCli(['check', '--format', 'sarif', '.'], root);
    appendFileSync(path.join(root, 'app/pools.py'), '\n# a note\n');
    expect(replayed(runCli(['check', '--format', 'sarif', '--stats', '.'], root).stderr)).toBe(false);
  });

  it('analyzes again when a Python file is added or removed, a deployment file changes or appears, or the configuration changes', () => {
    const changes: Array<[string, (root: string) => void]> = [
      ['a module added', (root) => writeFileSync(path.join(root, 'app/extra.py'), 'X = 1\n')],
      ['the Procfile changed', (root) => writeFileSync(path.join(root, 'Procfile'), 'web: gunicorn app.web:app --workers 8 --preload\n')],
      ['a Dockerfile added', (root) => writeFileSync(path.join(root, 'Dockerfile'), 'FROM python:3.12\nCMD ["gunicorn", "app.web:app"]\n')],
      ['a pyproject.toml added', (root) => writeFileSync(path.join(root, 'pyproject.toml'), '[tool.importleak]\nignore = ["IL001"]\n')],
      ['a .gitignore added', (root) => writeFileSync(path.join(root, '.gitignore'), 'app/util.py\n')],
    ];
    for (const [what, change] of changes) {
      const root = project();
      const first = runCli(['check', '--format', 'json', '.'], root);
      change(root);
      const next = runCli(['check', '--format', 'json', '--stats', '.'], root);
      expect(replayed(next.stderr), what).toBe(false);
      expect(next.stdout, what).not.toBe(first.stdout);
    }
  });

  it('takes the baseline given as an input: a changed baseline is a new run', () => {
    const root = project();
    runCli(['check', '--write-baseline', 'baseline.json', '.'], root);
    const first = runCli(['check', '--baseline', 'baseline.json', '--stats', '.'], root);
    expect(first.code).toBe(0);
    expect(replayed(runCli(['check', '--baseline', 'baseline.json', '--stats', '.'], root).stderr)).toBe(true);
    writeFileSync(path.join(root, 'baseline.json'), readFileSync(path.join(root, 'baseline.json'), 'utf8').replace(/"IL001"/g, '"IL004"'));
    const changed = runCli(['check', '--baseline', 'baseline.json', '--stats', '.'], root);
    expect(replayed(changed.stderr)).toBe(false);
  });

  it('writes the report file again with -o, and keeps no record without a cache', () => {
    const root = project();
    runCli(['check', '--format', 'sarif', '-o', 'out.sarif', '.'], root);
    const report = readFileSync(path.join(root, 'out.sarif'), 'utf8');
    writeFileSync(path.join(root, 'out.sarif'), '');
    const again = runCli(['check', '--format', 'sarif', '-o', 'out.sarif', '--stats', '.'], root);
    expect(replayed(again.stderr)).toBe(true);
    expect(readFileSync(path.join(root, 'out.sarif'), 'utf8')).toBe(report);
    const bare = project();
    runCli(['check', '--no-cache', '.'], bare);
    expect(readdirSync(bare)).not.toContain('.importleak_cache');
    expect(replayed(runCli(['check', '--no-cache', '--stats', '.'], bare).stderr)).toBe(false);
  });

  it('after a change, the analysis reads each summary by the key the check found, without reading the file; a key whose entry is gone has its file read', async () => {
    const root = writeProject({ 'a.py': 'import os\n', 'b.py': 'import sys\n' });
    const target: PythonTarget = { version: [3, 11], platform: 'linux' };
    const cache = new SummaryCache(path.join(root, '.importleak_cache'), target);
    const files = ['a.py', 'b.py'].map((relative) => ({ relative, absolute: path.join(root, relative) }));
    const first = await extractFiles({ files, target, maxFileBytes: 1 << 20, cache });
    const known = new Map(first.fingerprints!.map((f) => [f[0], f]));
    // a.py's key is known: its entry is what is read (its bytes here are never looked at).
    writeFileSync(path.join(root, 'a.py'), 'import threading\n');
    // b.py's entry is gone: b.py is read and parsed again.
    const bKey = SummaryCache.keyOf('b.py', readFileSync(path.join(root, 'b.py')));
    const entries = readdirSync(path.join(root, '.importleak_cache'), { recursive: true, encoding: 'utf8' });
    rmSync(path.join(root, '.importleak_cache', entries.find((e) => e.endsWith(`${bKey}.json`))!));
    const second = await extractFiles({ files, target, maxFileBytes: 1 << 20, cache: new SummaryCache(cache.root, target), known });
    expect(second.summaries.get('a.py')!.imports.map((i) => i.module)).toEqual(['os']);
    expect(second.summaries.get('b.py')!.imports.map((i) => i.module)).toEqual(['sys']);
    expect(second.fingerprints).toEqual(first.fingerprints);
    // The digest of an entry read by a known key is the record's: the entry is not hashed again.
    const [aKnown, bKnown] = first.fingerprints!;
    const third = await extractFiles({ files, target, maxFileBytes: 1 << 20, cache: new SummaryCache(cache.root, target), known: new Map([['a.py', [aKnown![0], aKnown![1], 'the-record-s', aKnown![3]]]]) });
    expect(third.fingerprints).toEqual([[aKnown![0], aKnown![1], 'the-record-s', aKnown![3]], bKnown]);
  });

  it('a command with no record of its own (graph after check) takes the file keys of the last run that found the same files: a file whose stat data is unchanged is not read', async () => {
    const root = project();
    // Stat data is trusted only once it is two seconds old (see statSignature).
    await new Promise((done) => setTimeout(done, 2100));
    runCli(['check', '.'], root);
    // The record says app/util.py has app/web.py's bytes: a run that takes its keys reads web.py's
    // summary for util.py (which imports app.pools), without reading util.py.
    const records = path.join(root, '.importleak_cache', readdirSync(path.join(root, '.importleak_cache')).find((f) => f.startsWith('runs-'))!);
    const file = path.join(records, readdirSync(records).find((name) => name.endsWith('.run.json'))!);
    const bytes = readFileSync(file);
    const { record } = readRecordFile(file)!;
    const web = record.files.find((f) => f[0] === 'app/web.py')!;
    const util = record.files.find((f) => f[0] === 'app/util.py')!;
    expect(util[3]).not.toBe('');
    util[1] = web[1]!;
    util[2] = web[2]!;
    // The record's JSON again, and the output after it as it was.
    writeFileSync(file, Buffer.concat([Buffer.from(JSON.stringify(record)), bytes.subarray(bytes.indexOf(10))]));
    const edgesOfUtil = (stdout: string): string[] =>
      (JSON.parse(stdout) as { edges: Array<{ from: string; to: string }> }).edges.filter((e) => e.from === 'app.util').map((e) => e.to).filter((to, at, all) => all.indexOf(to) === at);
    expect(edgesOfUtil(runCli(['graph', '--format', 'json', '.'], root).stdout)).toEqual(['app', 'app.pools']);
    // Runs that find files otherwise (another exclusion) take nothing from it: util.py is read.
    expect(edgesOfUtil(runCli(['graph', '--format', 'json', '--exclude', 'nothing/', '.'], root).stdout)).toEqual(['app']);
    expect(edgesOfUtil(runCli(['graph', '--format', 'json', '--no-cache', '.'], root).stdout)).toEqual(['app']);
  });

  it('after a Python file changes, takes the last search for deployment files while the folders it looked in are unchanged, and searches again when one changed', async () => {
    const root = project();
    const ownReport = (): string => runCli(['check', '--format', 'json', '--no-cache', '.'], root).stdout;
    // Folders changed in the two seconds before a run are listed again each time: let them settle.
    await new Promise((done) => setTimeout(done, 2100));
    runCli(['check', '--format', 'json', '.'], root);
    appendFileSync(path.join(root, 'app/util.py'), 'import threading\n');
    const changed = runCli(['check', '--format', 'json', '--stats', '.'], root);
    expect(analyzed(changed.stderr)).toBe('1 parsed, 3 from the cache');
    expect(JSON.parse(changed.stdout).deployment).toHaveLength(1);
    expect(changed.stdout).toBe(ownReport());
    // Changed again, with a deployment file added in a folder of its own: searched again, and read.
    appendFileSync(path.join(root, 'app/util.py'), 'import json\n');
    mkdirSync(path.join(root, 'deploy'));
    writeFileSync(path.join(root, 'deploy/Procfile'), 'worker: celery -A app.web worker\n');
    const deployed = runCli(['check', '--format', 'json', '--stats', '.'], root);
    expect(replayed(deployed.stderr)).toBe(false);
    expect(JSON.parse(deployed.stdout).deployment).toHaveLength(2);
    expect(deployed.stdout).toBe(ownReport());
  });

  it('a search for deployment files that the run record hands on is taken as it is: the tree is not searched again', async () => {
    const root = project();
    const searched = await readDeployment(root);
    expect(searched.processes.map((p) => p.file)).toEqual(['Procfile']);
    const listing = { kind: 'deployment-files' as const, root, searchIn: [''], followExternalLinks: false, watch: newTreeWatch() };
    // The record's search found no deployment file: the Procfile on disk is not looked for.
    expect((await readDeployment(root, undefined, { listings: [{ ...listing, value: JSON.stringify([[], []]) }] })).processes).toEqual([]);
    // Made with other options (here: following links), it is not this search's.
    expect((await readDeployment(root, undefined, { listings: [{ ...listing, followExternalLinks: true, value: JSON.stringify([[], []]) }] })).processes).toHaveLength(1);
  });

  it('trusts the folders it listed while their stat data is unchanged (as git\'s untracked cache does), and sees a file added or removed, a .gitignore edited in place, a deployment file added, a link', async () => {
    const root = project();
    writeFileSync(path.join(root, '.gitignore'), '# nothing yet\n');
    // A folder the Python discovery skips and the search for deployment files does not.
    mkdirSync(path.join(root, 'build'));
    // Folders changed in the two seconds before a run are listed again each time: let them settle.
    const settle = (): Promise<void> => new Promise((done) => setTimeout(done, 2100));
    await settle();
    const first = runCli(['check', '--format', 'json', '.'], root);
    const records = path.join(root, '.importleak_cache', readdirSync(path.join(root, '.importleak_cache')).find((f) => f.startsWith('runs-'))!);
    const watch = readRecordFile(path.join(records, readdirSync(records).find((f) => f.endsWith('.run.json'))!))!.record.watch!;
    expect(watch.complete).toBe(true);
    expect(watch.folders.map(([folder]) => path.relative(root, folder)).sort()).toEqual(['', 'app']);
    expect(replayed(runCli(['check', '--format', 'json', '--stats', '.'], root).stderr)).toBe(true);
    // The .gitignore written in place: no folder changes, its text does.
    writeFileSync(path.join(root, '.gitignore'), 'app/util.py\n');
    const ignoring = runCli(['check', '--format', 'json', '--stats', '.'], root);
    expect(replayed(ignoring.stderr)).toBe(false);
    expect(JSON.parse(ignoring.stdout).summary.files).toBe(JSON.parse(first.stdout).summary.files - 1);
    await settle();
    runCli(['check', '--format', 'json', '.'], root);
    expect(replayed(runCli(['check', '--format', 'json', '--stats', '.'], root).stderr)).toBe(true);
    // A module added in a folder below the root.
    writeFileSync(path.join(root, 'app/extra.py'), 'import threading\n\nthreading.Thread(target=print).start()\n');
    const added = runCli(['check', '--format', 'json', '--stats', '.'], root);
    expect(replayed(added.stderr)).toBe(false);
    expect(JSON.parse(added.stdout).findings.map((f: { path: string }) => f.path)).toContain('app/extra.py');
    await settle();
    runCli(['check', '--format', 'json', '.'], root);
    // Removed again.
    rmSync(path.join(root, 'app/extra.py'));
    const removed = runCli(['check', '--format', 'json', '--stats', '.'], root);
    expect(replayed(removed.stderr)).toBe(false);
    expect(removed.stdout).toBe(ignoring.stdout);
    await settle();
    runCli(['check', '--format', 'json', '.'], root);
    const { record } = readRecordFile(path.join(records, readdirSync(records).find((name) => name.endsWith('.run.json'))!))!;
    expect(record.watch!.complete).toBe(true);
    expect(record.inputs.find((i) => i.kind === 'deployment-files')!).toMatchObject({ watch: { complete: true } });
    // A deployment file where only the search for them looks: its own watch sees it.
    writeFileSync(path.join(root, 'build/Procfile'), 'worker: celery -A app.web worker\n');
    const deployed = runCli(['check', '--format', 'json', '--stats', '.'], root);
    expect(replayed(deployed.stderr)).toBe(false);
    expect(JSON.parse(deployed.stdout).deployment).not.toEqual(JSON.parse(removed.stdout).deployment);
    // A link (here to a folder already scanned): where it leads is watched too.
    symlinkSync(path.join(root, 'app'), path.join(root, 'linked'));
    await settle();
    runCli(['check', '--format', 'json', '.'], root);
    const linked = readRecordFile(path.join(records, readdirSync(records).find((name) => name.endsWith('.run.json'))!))!.record.watch!;
    expect(linked.complete).toBe(true);
    expect(linked.looks).toContainEqual(['realpath', path.join(root, 'linked'), path.join(realpathSync(root), 'app')]);
    expect(replayed(runCli(['check', '--format', 'json', '--stats', '.'], root).stderr)).toBe(true);
  });

  it('sees what happens where a link leads: a module added in the folder it leads to, the link made to lead elsewhere, a linked module gone', async () => {
    const root = project();
    const outside = writeProject({
      'lib/__init__.py': '',
      'lib/one.py': '',
      'other/__init__.py': '',
      'other/two.py': 'import threading\n\nthreading.Thread(target=print).start()\n',
      'single.py': '',
    });
    symlinkSync(path.join(outside, 'lib'), path.join(root, 'lib'));
    symlinkSync(path.join(outside, 'single.py'), path.join(root, 'single.py'));
    const settle = (): Promise<void> => new Promise((done) => setTimeout(done, 2100));
    await settle();
    const args = ['check', '--format', 'json', '--follow-external-links', '--stats', '.'];
    const paths = (stdout: string): string[] => JSON.parse(stdout).findings.map((f: { path: string }) => f.path);
    const first = runCli(args, root);
    expect(replayed(first.stderr)).toBe(false);
    expect(replayed(runCli(args, root).stderr)).toBe(true);
    // A module added in the folder the link leads to, outside the project.
    writeFileSync(path.join(outside, 'lib/three.py'), 'import threading\n\nthreading.Thread(target=print).start()\n');
    const added = runCli(args, root);
    expect(replayed(added.stderr)).toBe(false);
    expect(paths(added.stdout)).toContain('lib/three.py');
    await settle();
    runCli(args, root);
    expect(replayed(runCli(args, root).stderr)).toBe(true);
    // The link made again, to lead elsewhere.
    rmSync(path.join(root, 'lib'));
    symlinkSync(path.join(outside, 'other'), path.join(root, 'lib'));
    const moved = runCli(args, root);
    expect(replayed(moved.stderr)).toBe(false);
    expect(paths(moved.stdout)).toContain('lib/two.py');
    expect(paths(moved.stdout)).not.toContain('lib/three.py');
    await settle();
    runCli(args, root);
    expect(replayed(runCli(args, root).stderr)).toBe(true);
    // The module a link to a file leads to, removed: the link is broken now.
    rmSync(path.join(outside, 'single.py'));
    const broken = runCli(args, root);
    expect(replayed(broken.stderr)).toBe(false);
    expect(JSON.parse(broken.stdout).problems).toEqual([{ kind: 'broken-symlink', path: 'single.py', message: 'broken symlink: no such file or directory; skipped' }]);
  });
});
