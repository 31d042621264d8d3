import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, runCli, writeProject, type CliRun } from './support.js';

/**
 * "A syntax error, undecodable bytes, a huge or unreadable file, a symlink loop or a bad config
 * names the file and the cause, the rest of the scan goes on, and the exit code says what
 * happened." Everything here goes through the built CLI (`npm run build` first).
 *
 * Exit codes: 0 clean, 1 findings at/above --fail-on, 2 usage error, 3 nothing at/above
 * --fail-on but some files could not be read, decoded or parsed.
 */

interface JsonFinding {
  rule: string;
  level: 'error' | 'warning' | 'note';
  path: string;
  line: number;
  column: number;
  module: string;
  message: string;
}

interface JsonProblem {
  kind: string;
  path: string;
  line?: number;
  column?: number;
  message: string;
}

interface JsonReport {
  summary: { files: number; entries: number; errors: number; warnings: number; notes: number; problems: number };
  findings: JsonFinding[];
  problems: JsonProblem[];
}

interface JsonRun extends CliRun {
  report: JsonReport;
}

const POOL_MODULE = 'from concurrent.futures import ThreadPoolExecutor\nPOOL = ThreadPoolExecutor(max_workers=2)\n';
const WEB = 'from flask import Flask\nimport jobs\napp = Flask(__name__)\n';
/** One real finding: `web` is a Flask entry that imports `jobs`, which builds a pool at import. */
const BASE: Record<string, string> = { 'jobs.py': POOL_MODULE, 'web.py': WEB };
const JOBS_FINDING = { rule: 'IL001', level: 'error', path: 'jobs.py', line: 2, module: 'jobs' } as const;

const project = writeProject;

function parseJson(run: CliRun): JsonRun {
  let report: JsonReport;
  try {
    report = JSON.parse(run.stdout) as JsonReport;
  } catch {
    throw new Error(`not JSON (exit ${run.code}):\nstdout: ${run.stdout}\nstderr: ${run.stderr}`);
  }
  return { ...run, report };
}

/** `importleak check . --format json <args>` from inside `root`. */
function checkJson(root: string, args: string[] = []): JsonRun {
  return parseJson(runCli(['check', '.', '--format', 'json', ...args], root));
}

/** `importleak check . <args>` (text output) from inside `root`. */
function checkText(root: string, args: string[] = []): CliRun {
  return runCli(['check', '.', ...args], root);
}

const findingPaths = (report: JsonReport): string[] => report.findings.map((f) => `${f.path}:${f.line}`);

describe('syntax errors', () => {
  const BROKEN = 'from concurrent.futures import ThreadPoolExecutor\nPOOL2 = ThreadPoolExecutor(4)\ndef f(:\n    pass\n';

  it('are reported with the file and line, the valid part of the file is still analyzed, and the other finding stays', () => {
    const root = project({ ...BASE, 'broken.py': BROKEN });
    const run = checkJson(root);

    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.report.problems).toHaveLength(1);
    expect(run.report.problems[0]).toMatchObject({ kind: 'syntax-error', path: 'broken.py', line: 3 });
    expect(run.report.problems[0]!.message).toContain('syntax error');
    // POOL2, above the broken def, is still found; the real finding in jobs.py is untouched.
    expect(run.report.findings).toHaveLength(2);
    expect(run.report.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: 'IL001', path: 'broken.py', line: 2, module: 'broken' }),
        expect.objectContaining(JOBS_FINDING),
      ]),
    );
    expect(run.report.summary).toMatchObject({ files: 3, problems: 1 });

    const text = checkText(root);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^broken\.py:3:\d+: syntax-error: /m);
    expect(text.stdout).toContain('CPython cannot import this file');
    expect(text.stdout).toMatch(/^jobs\.py:2:\d+: IL001 \[error\]/m);
    expect(text.stdout).toContain('1 file problem (see above)');
  });

  it('a finding in the broken file itself, reached from an entry, makes exit 1', () => {
    const root = project({ 'web.py': 'from flask import Flask\nimport broken\napp = Flask(__name__)\n', 'broken.py': BROKEN });
    const run = checkJson(root);
    expect(run.code).toBe(1);
    expect(run.report.findings).toEqual([expect.objectContaining({ rule: 'IL001', level: 'error', path: 'broken.py', line: 2 })]);
    expect(run.report.problems).toEqual([expect.objectContaining({ kind: 'syntax-error', path: 'broken.py', line: 3 })]);
  });

  it('exit 3 when the syntax error is the only problem and there is no finding', () => {
    const root = project({ 'ok.py': 'import os\n', 'broken.py': 'import os\nx = 1\ndef f(:\n    pass\n' });
    const run = checkJson(root);
    expect(run.code).toBe(3);
    expect(run.report.findings).toEqual([]);
    expect(run.report.problems).toEqual([expect.objectContaining({ kind: 'syntax-error', path: 'broken.py', line: 3 })]);
    expect(run.report.summary.files).toBe(2);
  });

  // Each of these is refused by CPython 3 (line as CPython reports it); the analyzer must say so.
  const REJECTED: Array<[string, string, number]> = [
    ['a broken def', 'import os\nx = 1\ndef f(:\n    pass\n', 3],
    ['a doubled operator', 'import os\nx = = 1\n', 2],
    ['an unclosed call', 'import os\nx = foo(1,\ny = 2\n', 2],
    ['an unterminated triple-quoted string', 'import os\ns = """abc\nx = 1\n', 2],
    ['a Python 2 print statement', 'import os\nprint "hi"\n', 2],
    ['a Python 2 except clause', 'import os\ntry:\n    pass\nexcept Exception, e:\n    pass\n', 4],
    ['an unexpected indent', 'import os\n  x = 1\n', 2],
    ['a missing indented block', 'import os\ndef f():\nreturn 1\n', 3],
    ['an inconsistent dedent', 'import os\nif True:\n    x = 1\n   y = 2\n', 4],
  ];
  it.each(REJECTED)('%s is a syntax-error on the line CPython reports, exit 3', (_what, source, line) => {
    const root = project({ 'ok.py': 'import os\n', 'bad.py': source });
    const run = checkJson(root);
    expect(run.report.problems).toEqual([expect.objectContaining({ kind: 'syntax-error', path: 'bad.py', line })]);
    expect(run.code).toBe(3);
  });
});

describe('undecodable bytes', () => {
  const INVALID_UTF8 = Buffer.from([0x78, 0x20, 0x3d, 0x20, 0x27, 0xff, 0xfe, 0x27, 0x0a]); // x = '\xff\xfe'

  it('are reported as decode-error with the file, line and byte; the rest of the scan goes on', () => {
    const bad = Buffer.concat([Buffer.from('import os\nimport sys\n'), INVALID_UTF8]);
    const root = project({ ...BASE, 'bad.py': bad });
    const run = checkJson(root);

    expect(run.code).toBe(1);
    expect(run.report.findings).toEqual([expect.objectContaining(JOBS_FINDING)]);
    expect(run.report.problems).toHaveLength(1);
    expect(run.report.problems[0]).toMatchObject({ kind: 'decode-error', path: 'bad.py', line: 3 });
    expect(run.report.problems[0]!.message).toContain('0xff');
    expect(run.report.problems[0]!.message).toContain('offset 26');
    expect(run.report.problems[0]!.message).toContain('UTF-8');

    const text = checkText(root);
    expect(text.stdout).toMatch(/^bad\.py:3: decode-error: undecodable bytes: byte 0xff at offset 26 \(line 3\)/m);
  });

  it('exit 3 when the decode error is the only problem and there is no finding', () => {
    const root = project({ 'ok.py': 'import os\n', 'bad.py': INVALID_UTF8 });
    const run = checkJson(root);
    expect(run.code).toBe(3);
    expect(run.report.findings).toEqual([]);
    expect(run.report.problems).toEqual([expect.objectContaining({ kind: 'decode-error', path: 'bad.py', line: 1 })]);
    expect(run.report.problems[0]!.message).toContain('byte 0xff at offset 5');
  });

  it('the rest of an undecodable file is still analyzed', () => {
    const bad = Buffer.concat([Buffer.from('from concurrent.futures import ThreadPoolExecutor\n'), INVALID_UTF8, Buffer.from('POOL = ThreadPoolExecutor(3)\n')]);
    const root = project({ 'bad.py': bad });
    const run = checkJson(root);
    expect(run.report.findings).toEqual([expect.objectContaining({ rule: 'IL001', level: 'warning', path: 'bad.py', line: 3 })]);
    expect(run.report.problems).toEqual([expect.objectContaining({ kind: 'decode-error', path: 'bad.py', line: 2 })]);
    expect(run.code).toBe(3);
  });

  it('a latin-1 file with a coding declaration is not an error, and is analyzed', () => {
    const latin = Buffer.concat([
      Buffer.from('# -*- coding: latin-1 -*-\nfrom concurrent.futures import ThreadPoolExecutor\nNAME = "caf'),
      Buffer.from([0xe9]),
      Buffer.from('"\nPOOL = ThreadPoolExecutor(2)\n'),
    ]);
    const root = project({ ...BASE, 'latin.py': latin });
    const run = checkJson(root);
    expect(run.report.problems).toEqual([]);
    expect(run.report.findings).toEqual(
      expect.arrayContaining([expect.objectContaining(JOBS_FINDING), expect.objectContaining({ rule: 'IL001', path: 'latin.py', line: 4 })]),
    );
    expect(run.code).toBe(1);
  });

  it('an undeclared latin-1 byte (a truncated UTF-8 sequence) names that byte and its offset, as CPython does', () => {
    // CPython: 'utf-8' codec can't decode byte 0xe9 in position 8: invalid continuation byte
    const root = project({ 'ok.py': 'import os\n', 'bad.py': Buffer.from("x = 'caf\u00e9'\n", 'latin1') });
    const run = checkJson(root);
    expect(run.code).toBe(3);
    expect(run.report.problems).toEqual([expect.objectContaining({ kind: 'decode-error', path: 'bad.py', line: 1 })]);
    expect(run.report.problems[0]!.message).toContain('byte 0xe9 at offset 8');
  });

  it('a non-ASCII byte in a file declared `coding: ascii` is a decode-error (CPython refuses it)', () => {
    // CPython: 'ascii' codec can't decode byte 0xe9 in position 27: ordinal not in range(128)
    const root = project({ 'ok.py': 'import os\n', 'bad.py': Buffer.from('# coding: ascii\nname = "caf\u00e9"\n', 'latin1') });
    const run = checkJson(root);
    expect(run.report.problems).toEqual([expect.objectContaining({ kind: 'decode-error', path: 'bad.py', line: 2 })]);
    expect(run.report.problems[0]!.message).toContain('0xe9');
    expect(run.code).toBe(3);
  });
});

/**
 * Root ignores permission bits, so these run the CLI as an unprivileged user. The probe runs
 * `--version` as that user, which also proves it can read dist/ and node_modules/.
 */
function unprivilegedPrefix(): { prefix: string[]; reason?: string } {
  if (process.platform === 'win32') return { prefix: [], reason: 'POSIX permissions are not available on Windows' };
  if (process.getuid?.() !== 0) return { prefix: [] };
  const candidates = [
    ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'],
    ['runuser', '-u', 'nobody', '--'],
  ];
  for (const candidate of candidates) {
    const probeRun = spawnSync(candidate[0]!, [...candidate.slice(1), process.execPath, CLI, '--version'], { encoding: 'utf8' });
    if (probeRun.status === 0) return { prefix: candidate };
  }
  return { prefix: [], reason: 'running as root and neither setpriv nor runuser can run the CLI as nobody' };
}

describe('unreadable files', () => {
  const { prefix, reason } = unprivilegedPrefix();
  if (reason) console.warn(`skipping the permission tests: ${reason}`);

  function runUnprivileged(args: string[], cwd: string): CliRun {
    if (prefix.length === 0) return runCli(args, cwd);
    const run = spawnSync(prefix[0]!, [...prefix.slice(1), process.execPath, CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
    return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
  }

  /** A project the unprivileged user can read, except what `lock` then makes mode 000. */
  function readableProject(files: Record<string, string | Uint8Array>, ...lock: string[]): string {
    const root = project(files);
    for (const dir of lock.filter((p) => !(p in files))) mkdirSync(path.join(root, dir), { recursive: true });
    const chmod = spawnSync('chmod', ['-R', 'a+rX', root]);
    expect(chmod.status).toBe(0);
    for (const p of lock) chmodSync(path.join(root, p), 0o000);
    return root;
  }

  it.skipIf(Boolean(reason))('a file without read permission: read-error "permission denied", the other files still analyzed', () => {
    const root = readableProject({ ...BASE, 'secret.py': 'import os\n' }, 'secret.py');
    const run = parseJson(runUnprivileged(['check', '.', '--format', 'json'], root));

    expect(run.code).toBe(1);
    expect(run.report.findings).toEqual([expect.objectContaining(JOBS_FINDING)]);
    expect(run.report.problems).toHaveLength(1);
    expect(run.report.problems[0]).toMatchObject({ kind: 'read-error', path: 'secret.py' });
    expect(run.report.problems[0]!.message).toContain('permission denied');

    const text = runUnprivileged(['check', '.'], root);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^secret\.py: read-error: .*permission denied/m);
  });

  it.skipIf(Boolean(reason))('exit 3 when the unreadable file is the only problem and there is no finding', () => {
    const root = readableProject({ 'ok.py': 'import os\n', 'secret.py': POOL_MODULE }, 'secret.py');
    const run = parseJson(runUnprivileged(['check', '.', '--format', 'json'], root));
    expect(run.code).toBe(3);
    expect(run.report.findings).toEqual([]);
    expect(run.report.problems).toEqual([expect.objectContaining({ kind: 'read-error', path: 'secret.py' })]);
  });

  it.skipIf(Boolean(reason))('a folder that cannot be listed is reported (not silently skipped), the rest still analyzed', () => {
    const root = readableProject({ ...BASE, 'locked/hidden.py': POOL_MODULE }, 'locked');
    const run = parseJson(runUnprivileged(['check', '.', '--format', 'json'], root));
    expect(run.report.findings).toEqual([expect.objectContaining(JOBS_FINDING)]);
    expect(run.report.problems).toEqual([expect.objectContaining({ kind: 'read-error', path: 'locked' })]);
    expect(run.report.problems[0]!.message).toContain('permission denied');
    expect(run.code).toBe(1);
  });

  it.skipIf(Boolean(reason))('an unreadable .gitignore (bad config) is named, and the scan goes on', () => {
    const root = readableProject({ ...BASE, '.gitignore': 'jobs.py\n' }, '.gitignore');
    const run = parseJson(runUnprivileged(['check', '.', '--format', 'json'], root));
    expect(run.report.problems).toEqual([expect.objectContaining({ kind: 'read-error', path: '.gitignore' })]);
    expect(run.report.problems[0]!.message).toContain('permission denied');
    expect(run.report.findings).toEqual([expect.objectContaining(JOBS_FINDING)]);
    expect(run.code).toBe(1);
  });

  it.skipIf(Boolean(reason))('an unreadable importleak.toml is a usage error naming the file and the cause', () => {
    const root = readableProject({ ...BASE, 'importleak.toml': 'select = ["IL001"]\n' }, 'importleak.toml');
    const run = runUnprivileged(['check', '.', '--format', 'json'], root);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^importleak: .*importleak\.toml: cannot read the configuration: .*permission denied/m);
  });

  const hasMkfifo = process.platform !== 'win32' && spawnSync('mkfifo', ['--version']).status === 0;
  it.skipIf(!hasMkfifo)('a named pipe given on the command line does not hang the scan', () => {
    const root = project({ 'ok.py': 'import os\n' });
    expect(spawnSync('mkfifo', [path.join(root, 'pipe.py')]).status).toBe(0);
    const run = spawnSync(process.execPath, [CLI, 'check', 'pipe.py', 'ok.py', '--format', 'json'], { cwd: root, encoding: 'utf8', timeout: 15_000 });
    expect(run.signal, 'the CLI was still blocked reading the FIFO after 15 s').toBeNull();
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.problems).toEqual([expect.objectContaining({ path: 'pipe.py' })]);
    expect(run.status).toBe(3);
  });
});

describe('huge files', () => {
  const big = (bytes: number): string => `${'x = 1\n'.repeat(Math.floor(bytes / 6))}${'#'.repeat(bytes % 6)}`;

  it('--max-file-size 1k with a 2 KiB file: too-large naming the file and both sizes, the rest still analyzed', () => {
    const root = project({ ...BASE, 'big.py': big(2048) });
    const run = checkJson(root, ['--max-file-size', '1k']);

    expect(run.code).toBe(1);
    expect(run.report.findings).toEqual([expect.objectContaining(JOBS_FINDING)]);
    expect(run.report.problems).toHaveLength(1);
    expect(run.report.problems[0]).toMatchObject({ kind: 'too-large', path: 'big.py' });
    expect(run.report.problems[0]!.message).toContain('2.0 KiB');
    expect(run.report.problems[0]!.message).toContain('1.0 KiB');
    expect(run.report.problems[0]!.message).toContain('--max-file-size');

    const text = checkText(root, ['--max-file-size', '1k']);
    expect(text.stdout).toMatch(/^big\.py: too-large: skipped: 2\.0 KiB is over the 1\.0 KiB limit/m);

    // Under the limit, the same file is simply read.
    expect(checkJson(root, ['--max-file-size', '4k']).report.problems).toEqual([]);
  });

  it('exit 3 when the too-large file is the only problem and there is no finding', () => {
    const root = project({ 'ok.py': 'import os\n', 'big.py': big(2048) });
    const run = checkJson(root, ['--max-file-size', '1k']);
    expect(run.code).toBe(3);
    expect(run.report.problems).toEqual([expect.objectContaining({ kind: 'too-large', path: 'big.py' })]);
  });

  it('the two sizes in the message can be told apart when the file is just over the limit', () => {
    const root = project({ 'ok.py': 'import os\n', 'big.py': big(2050) });
    const run = checkJson(root, ['--max-file-size', '2048']);
    expect(run.report.problems).toEqual([expect.objectContaining({ kind: 'too-large', path: 'big.py' })]);
    const sizes = /skipped: (.+) is over the (.+) limit/.exec(run.report.problems[0]!.message);
    expect(sizes, run.report.problems[0]!.message).not.toBeNull();
    expect(sizes![1], `"${run.report.problems[0]!.message}" gives the same size twice`).not.toBe(sizes![2]);
  });

  it('a malformed --max-file-size is a usage error', () => {
    const root = project(BASE);
    const run = checkText(root, ['--max-file-size', 'lots']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--max-file-size');
  });
});

describe('symbolic links', () => {
  it('a folder link to its own ancestor (pkg/loop -> ..) is a symlink-loop; each real file is scanned once', () => {
    const root = project({
      ...BASE,
      'web.py': 'from flask import Flask\nimport jobs\nfrom pkg import mod\napp = Flask(__name__)\n',
      'pkg/__init__.py': '',
      'pkg/mod.py': 'from concurrent.futures import ThreadPoolExecutor\nPOOL3 = ThreadPoolExecutor(3)\n',
    });
    symlinkSync('..', path.join(root, 'pkg', 'loop'));
    const run = checkJson(root);

    expect(run.code).toBe(1);
    expect(run.report.problems).toHaveLength(1);
    expect(run.report.problems[0]).toMatchObject({ kind: 'symlink-loop', path: 'pkg/loop' });
    expect(run.report.problems[0]!.message).toContain('symlink loop');
    expect(run.report.summary.files).toBe(4);
    expect(findingPaths(run.report).sort()).toEqual(['jobs.py:2', 'pkg/mod.py:2']);
    expect(run.report.findings.some((f) => f.path.includes('loop/'))).toBe(false);

    const text = checkText(root);
    expect(text.stdout).toMatch(/^pkg\/loop: symlink-loop: /m);
  });

  it('a self-referencing link is a symlink-loop and a dangling x.py is a broken-symlink; the rest goes on', () => {
    const root = project(BASE);
    symlinkSync('self', path.join(root, 'self'));
    symlinkSync('missing.py', path.join(root, 'x.py'));
    const run = checkJson(root);

    expect(run.code).toBe(1);
    expect(run.report.findings).toEqual([expect.objectContaining(JOBS_FINDING)]);
    expect(run.report.problems).toHaveLength(2);
    expect(run.report.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'symlink-loop', path: 'self' }),
        expect.objectContaining({ kind: 'broken-symlink', path: 'x.py' }),
      ]),
    );
    const broken = run.report.problems.find((p) => p.kind === 'broken-symlink')!;
    expect(broken.message).toContain('no such file or directory');

    const text = checkText(root);
    expect(text.stdout).toMatch(/^self: symlink-loop: /m);
    expect(text.stdout).toMatch(/^x\.py: broken-symlink: .*no such file or directory/m);
  });

  it('exit 3 when link problems are the only problems and there is no finding', () => {
    const root = project({ 'ok.py': 'import os\n' });
    symlinkSync('self.py', path.join(root, 'self.py'));
    symlinkSync('missing.py', path.join(root, 'x.py'));
    const run = checkJson(root);
    expect(run.code).toBe(3);
    expect(run.report.problems.map((p) => `${p.kind} ${p.path}`).sort()).toEqual(['broken-symlink x.py', 'symlink-loop self.py']);
  });

  it('two folders linking to each other (a/b -> ../c, c/d -> ../a): the link back to a folder already on the path is the loop', () => {
    const root = project({ 'a/x.py': POOL_MODULE, 'c/y.py': 'import os\n' });
    symlinkSync('../c', path.join(root, 'a', 'b'));
    symlinkSync('../a', path.join(root, 'c', 'd'));
    const run = checkJson(root);

    // a/b/d is a/ again and c/d/b is c/ again: both links lead back into a folder on their own path.
    expect(run.report.problems.map((p) => `${p.kind} ${p.path}`).sort()).toEqual(['symlink-loop a/b/d', 'symlink-loop c/d/b']);
    expect(findingPaths(run.report).sort()).toEqual(['a/x.py:2', 'c/d/x.py:2']);
    expect(run.report.summary.files).toBe(4);
  });

  it('an excluded or gitignored link is skipped like any excluded file: no diagnostic for it', () => {
    const root = project({ ...BASE, '.gitignore': 'ignored_link.py\n' });
    symlinkSync('gone.py', path.join(root, 'x_old.py'));
    symlinkSync('loop_old.py', path.join(root, 'loop_old.py'));
    symlinkSync('gone.py', path.join(root, 'ignored_link.py'));
    const run = checkJson(root, ['--exclude', '*_old.py']);
    expect(run.report.problems).toEqual([]);
    expect(run.report.findings).toEqual([expect.objectContaining(JOBS_FINDING)]);
    expect(run.code).toBe(1);
  });
});

describe("names that are JavaScript's own", () => {
  // A module, program or `python -m` name that an object literal has through its prototype
  // (`constructor`, `toString`) was once read as an entry of the tables that name compiled modules
  // and servers: an internal error in place of the file's imports, or of the Procfile's processes.
  it('a module named `constructor` is a module like any other; a Procfile running `constructor` or `python -m toString` starts no known server', () => {
    const root = project({
      ...BASE,
      'web.py': 'from flask import Flask\nimport constructor\nimport toString\nfrom hasOwnProperty import x\napp = Flask(__name__)\n',
      'constructor.py': 'import jobs\n',
      'Procfile': 'web: constructor web:app\nworker: python -m toString\n',
    });
    const run = checkJson(root);
    expect(run.report.problems.filter((p) => p.kind === 'internal-error')).toEqual([]);
    // `web` → `constructor` → `jobs`: the project module named `constructor` is in the chain.
    expect(run.report.findings.map((f) => `${f.rule} ${f.path}:${f.line}`)).toEqual(['IL001 jobs.py:2']);
    const chain = (JSON.parse(run.stdout) as { findings: Array<{ chain: Array<{ path: string; code: string }> }> }).findings[0]!.chain;
    expect(chain.map((step) => `${step.path}: ${step.code}`)).toEqual(['web.py: app = Flask(__name__)', 'web.py: import constructor', 'constructor.py: import jobs', 'jobs.py: POOL = ThreadPoolExecutor(max_workers=2)']);
    expect(run.code).toBe(1);
  });
});

describe('patterns no regular expression can be', () => {
  it('a Dockerfile COPY of `ap[z-a]` or `web[.py` copies nothing (Go\'s filepath.Match refuses the pattern), and the rest of the Dockerfile is read', () => {
    const root = project({
      ...BASE,
      Dockerfile: 'FROM python:3.11\nWORKDIR /app\nCOPY ap[z-a] /app/\nCOPY web[.py /app/\nCOPY . /app/\nCMD ["gunicorn", "-w", "2", "web:app"]\n',
    });
    const run = checkJson(root);
    expect(run.report.problems.filter((p) => p.kind === 'internal-error')).toEqual([]);
    const deployment = (JSON.parse(run.stdout) as { deployment: Array<{ server: string; line: number; app: string; workers: number }> }).deployment;
    expect(deployment.map((p) => `${p.server} ${p.app} line ${p.line}: ${p.workers} workers`)).toEqual(['gunicorn web:app line 6: 2 workers']);
    expect(findingPaths(run.report)).toEqual(['jobs.py:2']);
  });
});

describe('usage errors and bad configuration', () => {
  it('a path that does not exist: exit 2 and `importleak: <path>: no such file or directory`', () => {
    const root = project(BASE);
    const run = runCli(['check', 'nothere'], root);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('importleak: nothere: no such file or directory\n');

    const mixed = runCli(['check', 'web.py', 'nothere'], root);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('importleak: nothere: no such file or directory');
  });

  it.each([
    ['an unknown option', ['--bogus']],
    ['--format xml', ['--format', 'xml']],
    ['an unknown --fail-on level', ['--fail-on', 'sometimes']],
  ])('%s is a usage error (exit 2)', (_what, args) => {
    const root = project(BASE);
    const run = runCli(['check', '.', ...args], root);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toBe('');
  });

  it('a --root that does not exist is a usage error, not a clean scan', () => {
    const root = project(BASE);
    const run = runCli(['check', '.', '--root', 'nope'], root);
    expect(run.stderr).toContain('nope: no such file or directory');
    expect(run.code).toBe(2);
  });

  it('invalid TOML in pyproject.toml is a usage error naming the file, line and column', () => {
    const root = project({ ...BASE, 'pyproject.toml': '[tool.importleak]\nselect = ["IL001"\n' });
    const run = runCli(['check', '.', '--format', 'json'], root);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^importleak: .*pyproject\.toml:\d+:\d+: invalid TOML/m);
  });

  it('a configured entry point that names no module is reported, and the exit code does not say "clean"', () => {
    const files = { 'worker.py': 'import tasks\n', 'tasks.py': POOL_MODULE };
    // Spelled right, the pool is an error (exit 1); misspelled, the same project must not pass as clean.
    expect(checkJson(project({ ...files, 'importleak.toml': 'entry-points = ["worker"]\n' })).code).toBe(1);
    const run = checkJson(project({ ...files, 'importleak.toml': 'entry-points = ["wokrer"]\n' }));
    expect(run.report.problems).toEqual([expect.objectContaining({ kind: 'config', path: 'importleak.toml' })]);
    expect(run.report.problems[0]!.message).toContain('wokrer');
    expect(run.code).not.toBe(0);
  });

  it('files outside --root are still analyzed, as the outside-root diagnostic says', () => {
    const root = project({ ...BASE, 'sub/other.py': 'import os\n' });
    const run = checkJson(root, ['--root', 'sub']);
    expect(run.report.problems.filter((p) => p.kind === 'outside-root').map((p) => p.path).sort()).toEqual(['jobs.py', 'web.py']);
    // "its module name is guessed from its folder": jobs is still imported by the entry web.
    expect(run.report.findings).toEqual([expect.objectContaining({ rule: 'IL001', path: 'jobs.py', line: 2 })]);
    expect(run.code).toBe(1);
  });
});

describe('exclusions', () => {
  const SKIPPED_FOLDERS = ['node_modules/x', '__pycache__', 'build', 'dist', '.git', 'sub/build', 'sub/node_modules', 'env/lib', '.venv'];

  function excludedProject(): string {
    const files: Record<string, string> = {
      ...BASE,
      'legacy/leak.py': POOL_MODULE,
      'jobs_old.py': POOL_MODULE,
      'sub/jobs_old.py': POOL_MODULE,
      'gen/leak.py': POOL_MODULE,
      '.gitignore': 'gen/\n',
      // Any folder holding pyvenv.cfg is a virtualenv, whatever its name.
      'env/pyvenv.cfg': 'home = /usr/bin\n',
      '.venv/pyvenv.cfg': 'home = /usr/bin\n',
    };
    for (const folder of SKIPPED_FOLDERS) files[`${folder}/leak.py`] = POOL_MODULE;
    return project(files);
  }

  it('--exclude patterns, .gitignore, virtualenvs and the always-skipped folders yield no finding', () => {
    const root = excludedProject();
    const run = checkJson(root, ['--exclude', 'legacy/', '--exclude', '*_old.py']);
    expect(run.report.problems).toEqual([]);
    expect(findingPaths(run.report)).toEqual(['jobs.py:2']);
    expect(run.report.summary.files).toBe(2);
    expect(run.code).toBe(1);
  });

  it('--no-gitignore brings the gitignored files back (and only those)', () => {
    const root = excludedProject();
    const run = checkJson(root, ['--exclude', 'legacy/', '--exclude', '*_old.py', '--no-gitignore']);
    expect(findingPaths(run.report).sort()).toEqual(['gen/leak.py:2', 'jobs.py:2']);
  });

  it('without --exclude, the excluded files come back', () => {
    const root = excludedProject();
    const run = checkJson(root);
    expect(findingPaths(run.report).sort()).toEqual(['jobs.py:2', 'jobs_old.py:2', 'legacy/leak.py:2', 'sub/jobs_old.py:2']);
  });

  it('the .gitignore of the enclosing git repository applies when a subfolder is scanned', () => {
    const root = project({ '.gitignore': 'app/gen/\n', 'app/keep.py': 'import os\n', 'app/gen/leak.py': POOL_MODULE });
    if (spawnSync('git', ['init', '-q'], { cwd: root }).status !== 0) mkdirSync(path.join(root, '.git'));
    writeFileSync(path.join(root, 'app', '__init__.py'), '');

    const fromTop = parseJson(runCli(['check', 'app', '--format', 'json'], root));
    expect(findingPaths(fromTop.report)).toEqual([]);
    expect(fromTop.code).toBe(0);

    const fromInside = parseJson(runCli(['check', '.', '--format', 'json'], path.join(root, 'app')));
    expect(findingPaths(fromInside.report)).toEqual([]);
    expect(fromInside.code).toBe(0);
  });
});

describe('--fail-on', () => {
  // No entry imports jobs: its pool is a warning, not an error.
  const warningOnly = (): string => project({ 'jobs.py': POOL_MODULE, 'other.py': 'import os\n' });

  it('a warning-only project exits 0 by default and 1 with --fail-on warning or note', () => {
    const root = warningOnly();
    const byDefault = checkJson(root);
    expect(byDefault.report.findings).toEqual([expect.objectContaining({ rule: 'IL001', level: 'warning', path: 'jobs.py', line: 2 })]);
    expect(byDefault.code).toBe(0);
    expect(checkJson(root, ['--fail-on', 'error']).code).toBe(0);
    expect(checkJson(root, ['--fail-on', 'warning']).code).toBe(1);
    expect(checkJson(root, ['--fail-on', 'note']).code).toBe(1);
  });

  it('--fail-on never exits 0 and still reports the findings', () => {
    const withError = checkJson(project(BASE), ['--fail-on', 'never']);
    expect(withError.code).toBe(0);
    expect(withError.report.findings).toEqual([expect.objectContaining(JOBS_FINDING)]);

    const text = checkText(warningOnly(), ['--fail-on', 'never']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^jobs\.py:2:\d+: IL001 \[warning\]/m);
  });

  it('with --fail-on never, a file problem still gives exit 3', () => {
    const root = project({ ...BASE, 'broken.py': 'def f(:\n    pass\n' });
    const run = checkJson(root, ['--fail-on', 'never']);
    expect(run.report.findings).toHaveLength(1);
    expect(run.code).toBe(3);
  });
});
