import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseResource, parseBaseline } from '../src/check/baseline.js';
import { FIXTURES, runCli, scratchFolder, writeProject } from './support.js';

/** A copy of fixtures/movie_lottery to change: the incident, with one executor found at import. */
function movieLotteryCopy(): string {
  const root = path.join(scratchFolder('importleak-baseline-'), 'movie_lottery');
  cpSync(path.join(FIXTURES, 'movie_lottery'), root, { recursive: true });
  return root;
}

function edit(file: string, change: (text: string) => string): void {
  const text = readFileSync(file, 'utf8');
  const changed = change(text);
  expect(changed).not.toBe(text);
  writeFileSync(file, changed);
}

const MAGNET_SEARCH = 'movie_lottery/utils/magnet_search.py';
const HELPERS = 'movie_lottery/utils/helpers.py';
const EXECUTOR = '_search_executor = ThreadPoolExecutor(max_workers=3)\n';

describe('check --write-baseline / --baseline on fixtures/movie_lottery', () => {
  it('records today\'s findings (exit 0, report still printed), then fails only on a new one, then lists the fixed one', () => {
    const root = movieLotteryCopy();

    // 1. Adopt: record the executor.
    const written = runCli(['check', '.', '--write-baseline', 'importleak-baseline.json'], root);
    expect(written.code).toBe(0);
    expect(written.stderr).toBe('importleak: 1 finding recorded in the baseline importleak-baseline.json\n');
    expect(written.stdout).toContain('movie_lottery/utils/magnet_search.py:11:20: IL001 [error] `ThreadPoolExecutor(max_workers=3)` creates a thread pool');
    expect(written.stdout).toMatch(/\nFound 1 error \(13 Python files scanned, 5 entries\)\.\n$/);
    expect(readFileSync(path.join(root, 'importleak-baseline.json'), 'utf8')).toBe(
      [
        '{',
        '  "version": 1,',
        '  "tool": "importleak",',
        '  "findings": [',
        '    {',
        '      "rule": "IL001",',
        '      "module": "movie_lottery.utils.magnet_search",',
        '      "resource": "ThreadPoolExecutor(max_workers=3)",',
        '      "path": "movie_lottery/utils/magnet_search.py",',
        '      "fingerprint": "fd2181e36f940ffb:1"',
        '    }',
        '  ]',
        '}',
        '',
      ].join('\n'),
    );
    const clean = runCli(['check', '.', '--baseline', 'importleak-baseline.json', '--format', 'concise'], root);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toBe('No import-time resource leaks found beyond the baseline (13 Python files scanned, 5 entries, 1 baseline finding not shown).\n');

    // 2. Lines move above the known executor, and the blueprint's helpers module starts a thread.
    edit(path.join(root, MAGNET_SEARCH), (text) => `# Two lines added\n# above the executor.\n${text}`);
    edit(path.join(root, HELPERS), (text) => `${text}\nimport threading\n\n_warmup = threading.Thread(target=normalize_title, args=("",), daemon=True)\n_warmup.start()\n`);
    const fresh = runCli(['check', '.', '--baseline', 'importleak-baseline.json', '--format', 'concise'], root);
    expect(fresh.code).toBe(1);
    expect(fresh.stdout).toBe(
      [
        'movie_lottery/utils/helpers.py:25:1: IL002 [error] `_warmup.start()` starts a thread (created on line 24) while `movie_lottery.utils.helpers` is imported, reached from the entry in `movie_lottery.routes.api_routes`.',
        'Found 1 error not in the baseline (13 Python files scanned, 5 entries, 1 baseline finding not shown).',
        '',
      ].join('\n'),
    );
    const json = JSON.parse(runCli(['check', '.', '--baseline', 'importleak-baseline.json', '--format', 'json'], root).stdout);
    expect(json.baseline).toEqual({ new: 1, known: 1, fixed: [] });
    expect(json.findings.map((f: { rule: string; path: string; line: number }) => `${f.rule} ${f.path}:${f.line}`)).toEqual(['IL002 movie_lottery/utils/helpers.py:25']);
    // Without the baseline both are there, the executor two lines lower.
    expect(runCli(['check', '.', '--format', 'concise'], root).stdout).toMatch(/^movie_lottery\/utils\/helpers\.py:25:1: IL002 .*\nmovie_lottery\/utils\/magnet_search\.py:13:20: IL001 /);

    // 3. The executor is fixed: its entry is listed as fixed; the thread still fails the run.
    edit(path.join(root, MAGNET_SEARCH), (text) => text.replace(EXECUTOR, '_search_executor = None\n'));
    const fixed = runCli(['check', '.', '--baseline', 'importleak-baseline.json'], root);
    expect(fixed.code).toBe(1);
    expect(fixed.stdout).toMatch(
      /\n {4}movie_lottery\/utils\/helpers\.py:25 {2}_warmup\.start\(\)\n  cost: The thread runs from that moment in each process that imported the module; under gunicorn `preload_app` or Celery prefork it is started in the master and is simply absent from the forked workers\.\n  deployment: 3 gunicorn workers \(gunicorn\.conf\.py:4\) each create this thread: 3 threads in all\.\n  fix: Start it from a function the server calls once per process \(gunicorn `post_fork`, Celery `worker_process_init`, an app factory or a lifespan handler\), or lazily on first use\.\n\n1 baseline entry no longer occurs \(fixed\); run with --write-baseline to prune it:\n {2}movie_lottery\/utils\/magnet_search\.py: IL001 `ThreadPoolExecutor\(max_workers=3\)`\n\nDeployment read: gunicorn `wsgi:app` \(Procfile:1\): 3 gunicorn workers \(gunicorn\.conf\.py:4\)\.\nFound 1 error not in the baseline \(13 Python files scanned, 5 entries\)\.\n$/,
    );
    expect(JSON.parse(runCli(['check', '.', '--baseline', 'importleak-baseline.json', '--format', 'json'], root).stdout).baseline).toEqual({
      new: 1,
      known: 0,
      fixed: [
        {
          rule: 'IL001',
          module: 'movie_lottery.utils.magnet_search',
          resource: 'ThreadPoolExecutor(max_workers=3)',
          path: 'movie_lottery/utils/magnet_search.py',
          fingerprint: 'fd2181e36f940ffb:1',
        },
      ],
    });
  });

  it('keys entries by rule, module and call text, not by line: moving code writes the same file', () => {
    const root = movieLotteryCopy();
    expect(runCli(['check', '.', '--write-baseline', 'before.json'], root).code).toBe(0);
    edit(path.join(root, MAGNET_SEARCH), (text) => `"""Ten lines added at the top."""\n${'\n'.repeat(9)}${text}`);
    expect(runCli(['check', '.', '--write-baseline', 'after.json'], root).code).toBe(0);
    const before = readFileSync(path.join(root, 'before.json'), 'utf8');
    expect(readFileSync(path.join(root, 'after.json'), 'utf8')).toBe(before);
    expect(before).not.toMatch(/"line"|"column"|:11\b|:20\b/);
    // And the finding did move.
    expect(runCli(['check', '.', '--format', 'concise'], root).stdout).toMatch(/^movie_lottery\/utils\/magnet_search\.py:21:20: IL001 /);
  });

  it('reports paths relative to where it runs, and writes the baseline relative to it too', () => {
    const root = movieLotteryCopy();
    const parent = path.dirname(root);
    expect(runCli(['check', 'movie_lottery', '--write-baseline', 'b.json'], parent).code).toBe(0);
    const fixed = runCli(['check', 'movie_lottery', '--baseline', 'b.json', '--format', 'concise'], parent);
    expect(fixed.code).toBe(0);
    edit(path.join(root, MAGNET_SEARCH), (text) => text.replace(EXECUTOR, ''));
    expect(runCli(['check', 'movie_lottery', '--baseline', 'b.json'], parent).stdout).toContain(
      '1 baseline entry no longer occurs (fixed); run with --write-baseline to prune it:\n  movie_lottery/movie_lottery/utils/magnet_search.py: IL001 `ThreadPoolExecutor(max_workers=3)`\n',
    );
  });
});

describe('baseline entries', () => {
  it('counts identical creations in one module as separate entries, and a removed one as fixed', () => {
    const root = writeProject({
      'pkg/__init__.py': '',
      'pkg/pools.py': 'from concurrent.futures import ThreadPoolExecutor\n\nA = ThreadPoolExecutor(2)\nB = ThreadPoolExecutor( 2 )\n',
    });
    expect(runCli(['check', '.', '--write-baseline', 'baseline.json'], root).code).toBe(0);
    const baseline = parseBaseline(readFileSync(path.join(root, 'baseline.json'), 'utf8'), 'baseline.json');
    expect(baseline.findings.map((e) => [e.rule, e.module, e.resource, e.fingerprint.replace(/^[0-9a-f]{16}/, 'HASH')])).toEqual([
      ['IL001', 'pkg.pools', 'ThreadPoolExecutor(2)', 'HASH:1'],
      ['IL001', 'pkg.pools', 'ThreadPoolExecutor(2)', 'HASH:2'],
    ]);
    writeFileSync(path.join(root, 'pkg/pools.py'), 'from concurrent.futures import ThreadPoolExecutor\n\nB = ThreadPoolExecutor(2)\n');
    const run = runCli(['check', '.', '--baseline', 'baseline.json', '--fail-on', 'warning', '--format', 'json'], root);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.baseline).toMatchObject({ new: 0, known: 1, fixed: [{ resource: 'ThreadPoolExecutor(2)', fingerprint: expect.stringMatching(/:2$/) }] });
  });

  it('normalises the call text: whitespace, comments, line continuations and a trailing comma do not count; strings do', () => {
    expect(normaliseResource('ThreadPoolExecutor(\n    max_workers=3,  # three\n)')).toBe('ThreadPoolExecutor(max_workers=3)');
    expect(normaliseResource('ThreadPoolExecutor( max_workers = 3 )')).toBe('ThreadPoolExecutor(max_workers=3)');
    expect(normaliseResource('Thread(target=lambda x: x if x else None, \\\n args=(1,))')).toBe('Thread(target=lambda x:x if x else None,args=(1))');
    expect(normaliseResource('open("a  b.txt", \'r\')')).toBe('open("a  b.txt",\'r\')');
    expect(normaliseResource('f("""x\n  # not a comment\n""")')).toBe('f("""x\n  # not a comment\n""")');
  });

  it('is a usage error (exit 2) when the baseline is missing or invalid, naming the file and the cause', () => {
    const root = writeProject({ 'pkg/__init__.py': '', 'broken.json': '{"version": 1,', 'v2.json': '{"version": 2, "tool": "importleak", "findings": []}' });
    const cases: Array<[string, string]> = [
      ['missing.json', 'importleak: missing.json: cannot read the baseline: no such file\n'],
      ['broken.json', expect.stringMatching(/^importleak: broken\.json: invalid baseline: not JSON \(.+\)\n$/) as unknown as string],
      ['v2.json', 'importleak: v2.json: invalid baseline: "version" must be 1, not 2 (write one with `importleak check --write-baseline v2.json`)\n'],
    ];
    for (const [file, stderr] of cases) {
      const run = runCli(['check', '.', '--baseline', file], root);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toEqual(stderr);
    }
    const both = runCli(['check', '.', '--baseline', 'v2.json', '--write-baseline', 'v2.json'], root);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("option '--write-baseline <file>' cannot be used with option '--baseline <file>'");
  });
});
