import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, PROJECT, writeProject, type CliRun } from './support.js';

/**
 * Issue 14, guarantee 2 and the file-system part of 4: importleak never executes the analyzed code,
 * reads nothing outside the project unless asked (--follow-external-links), never opens a pipe, a
 * socket or a device, caps what it reads from configuration, ignore and deployment files, and writes
 * its output files atomically, never through a link the repository committed. Each test reproduces
 * a defect the hostile-input probe measured. Everything runs the built CLI (`npm run build` first).
 */

const POSIX = process.platform !== 'win32';
const HAS_MKFIFO = POSIX && spawnSync('mkfifo', ['--version']).status === 0;
const HAS_PROC_ENVIRON = process.platform === 'linux' && existsSync('/proc/self/environ');

const POOL = 'from concurrent.futures import ThreadPoolExecutor\nPOOL = ThreadPoolExecutor(max_workers=2)\n';
const WEB = 'from flask import Flask\nimport jobs\napp = Flask(__name__)\n';
const BASE: Record<string, string> = { 'jobs.py': POOL, 'web.py': WEB };

const project = writeProject;

interface Problem {
  kind: string;
  path: string;
  line?: number;
  message: string;
}
interface Report {
  findings: Array<{ rule: string; path: string; line: number; message: string }>;
  problems: Problem[];
  summary: { files: number };
}

/** Any command, from inside `root`, killed after `timeout` ms (a hang is a failure, not a stuck suite). */
function run(root: string, args: string[], env: NodeJS.ProcessEnv = process.env, timeout = 30_000): CliRun & { signal: NodeJS.Signals | null } {
  const child = spawnSync(process.execPath, [CLI, ...args], { cwd: root, env, encoding: 'utf8', timeout });
  return { code: child.status ?? -1, stdout: child.stdout, stderr: child.stderr, signal: child.signal };
}

function checkJson(root: string, args: string[] = [], env: NodeJS.ProcessEnv = process.env): CliRun & { report: Report } {
  const result = run(root, ['check', '.', '--format', 'json', ...args], env);
  expect(result.signal, `importleak check ${args.join(' ')} did not finish`).toBeNull();
  try {
    return { ...result, report: JSON.parse(result.stdout) as Report };
  } catch {
    throw new Error(`not JSON (exit ${result.code}):\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
  }
}

const problemsOf = (report: Report): string[] => report.problems.map((p) => `${p.kind} ${p.path}`).sort();

describe('links out of the project are not followed unless asked', () => {
  it('a symlinked folder outside the root is not scanned, is reported as outside-root, and leaves the exit code alone', () => {
    const outside = project({ 'leak.py': POOL, 'sub/deeper.py': POOL });
    const root = project(BASE);
    symlinkSync(outside, path.join(root, 'vendored'));

    const result = checkJson(root);
    expect(result.report.findings.map((f) => f.path)).toEqual(['jobs.py']);
    expect(result.report.findings.some((f) => f.path.startsWith('vendored'))).toBe(false);
    expect(problemsOf(result.report)).toEqual(['outside-root vendored']);
    const notice = result.report.problems[0]!;
    expect(notice.message).toContain('outside the project; not followed');
    expect(notice.message).toContain('--follow-external-links');
    expect(result.report.summary.files).toBe(2);
    // A notice, not an incomplete analysis: the one error decides (1); without it the scan is clean (0).
    expect(result.code).toBe(1);
    const clean = project({ 'ok.py': 'import os\n' });
    symlinkSync(outside, path.join(clean, 'vendored'));
    expect(checkJson(clean).code).toBe(0);

    // Asked for, the folder is scanned like any other.
    const followed = checkJson(root, ['--follow-external-links']);
    expect(followed.report.findings.map((f) => f.path).sort()).toEqual(['jobs.py', 'vendored/leak.py', 'vendored/sub/deeper.py']);
    expect(followed.report.problems).toEqual([]);
  });

  it('links to /etc and to a .py file elsewhere are reported and not read; in text and SARIF too', () => {
    const outside = project({ 'secret_module.py': 'TOKEN_LOOKALIKE = "do-not-quote-me"\nfrom x import (\n' });
    const root = project(BASE);
    symlinkSync('/etc', path.join(root, 'etc'));
    symlinkSync(path.join(outside, 'secret_module.py'), path.join(root, 'module.py'));
    const result = checkJson(root);
    expect(problemsOf(result.report)).toEqual(['outside-root etc', 'outside-root module.py']);
    expect(result.stdout).not.toContain('do-not-quote-me');
    for (const format of ['text', 'sarif', 'github', 'concise']) {
      const other = run(root, ['check', '.', '--format', format]);
      expect(other.stdout + other.stderr).not.toContain('do-not-quote-me');
      expect(other.stdout).toContain('module.py');
    }
  });

  it.skipIf(!HAS_PROC_ENVIRON)('environ.py -> /proc/self/environ is never read: nothing of the environment reaches text, JSON or SARIF', () => {
    const root = project(BASE);
    symlinkSync('/proc/self/environ', path.join(root, 'environ.py'));
    const secret = `ghs_${'x'.repeat(12)}importleak_test_secret`;
    const env = { ...process.env, IMPORTLEAK_TEST_TOKEN: secret };
    for (const format of ['text', 'json', 'sarif', 'github', 'concise']) {
      const result = run(root, ['check', '.', '--format', format], env);
      expect(result.signal).toBeNull();
      expect(result.stdout + result.stderr, `--format ${format}`).not.toContain(secret);
      expect(result.stdout + result.stderr, `--format ${format}`).not.toContain('IMPORTLEAK_TEST_TOKEN');
      expect(result.stdout, `--format ${format} names the link`).toContain('environ.py');
    }
    const sarif = JSON.parse(run(root, ['check', '.', '--format', 'sarif'], env).stdout) as {
      runs: Array<{ invocations: Array<{ toolExecutionNotifications?: Array<{ level: string; message: { text: string }; locations?: unknown[] }> }> }>;
    };
    const notifications = sarif.runs[0]!.invocations[0]!.toolExecutionNotifications ?? [];
    expect(notifications.map((n) => n.message.text).join('\n')).toContain('outside the project');
    expect(notifications.every((n) => n.level !== 'error')).toBe(true);
    expect(checkJson(root, [], env).code).toBe(1);
  });

  it('a link to / does not walk the file system, with or without --follow-external-links', () => {
    const root = project(BASE);
    symlinkSync('/', path.join(root, 'everything'));
    const started = Date.now();
    const result = checkJson(root);
    expect(problemsOf(result.report)).toEqual(['outside-root everything']);
    expect(result.report.summary.files).toBe(2);
    // Followed, / holds the project itself: a loop, reported, not walked.
    const followed = checkJson(root, ['--follow-external-links']);
    expect(problemsOf(followed.report)).toEqual(['symlink-loop everything']);
    expect(followed.report.summary.files).toBe(2);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('links inside the project are still followed, and a folder given explicitly counts as the project', () => {
    const root = project({ ...BASE, 'real/mod.py': POOL });
    symlinkSync('real', path.join(root, 'alias'));
    const result = checkJson(root);
    expect(result.report.problems).toEqual([]);
    expect(result.report.findings.map((f) => f.path).sort()).toEqual(['alias/mod.py', 'jobs.py', 'real/mod.py']);
  });

  it('graph and entries take --follow-external-links too', () => {
    const outside = project({ 'leak.py': POOL });
    const root = project(BASE);
    symlinkSync(outside, path.join(root, 'vendored'));
    const graph = run(root, ['graph', '.', '--format', 'json']);
    expect(graph.stderr).toContain('vendored: outside-root:');
    expect(graph.code).toBe(0);
    const graphFollowed = run(root, ['graph', '.', '--format', 'json', '--follow-external-links']);
    expect(graphFollowed.stderr).toBe('');
    expect(JSON.parse(graphFollowed.stdout).modules.map((m: { path: string }) => m.path)).toContain('vendored/leak.py');
    const entries = JSON.parse(run(root, ['entries', '.', '--format', 'json']).stdout) as { problems: Problem[] };
    expect(problemsOf(entries as unknown as Report)).toEqual(['outside-root vendored']);
    const entriesFollowed = JSON.parse(run(root, ['entries', '.', '--format', 'json', '--follow-external-links']).stdout) as { problems: Problem[] };
    expect(entriesFollowed.problems).toEqual([]);
  });
});

describe('pipes, devices and odd names are reported, never opened', () => {
  it.skipIf(!HAS_MKFIFO)('a FIFO named pyproject.toml or importleak.toml: every command exits 2 at once, naming the file', () => {
    for (const name of ['pyproject.toml', 'importleak.toml']) {
      const root = project(BASE);
      expect(spawnSync('mkfifo', [path.join(root, name)]).status).toBe(0);
      for (const command of [['check', '.'], ['graph', '.'], ['entries', '.']]) {
        const result = run(root, command, process.env, 15_000);
        expect(result.signal, `${command[0]} was still blocked on the FIFO ${name} after 15 s`).toBeNull();
        expect(result.code).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr).toMatch(new RegExp(`^importleak: .*${name.replace('.', '\\.')}: cannot read the configuration: not a regular file \\(a named pipe \\(FIFO\\)\\); not opened\\n$`));
      }
    }
  });

  it.skipIf(!HAS_MKFIFO)('a FIFO .py file, a FIFO .gitignore and a FIFO Procfile or gunicorn.conf.py are reported; the rest is analyzed', () => {
    const root = project({ ...BASE, 'pkg/__init__.py': '' });
    for (const name of ['pkg/pipe.py', '.gitignore', 'Procfile', 'gunicorn.conf.py']) expect(spawnSync('mkfifo', [path.join(root, name)]).status).toBe(0);
    const result = checkJson(root);
    expect(result.report.findings.map((f) => f.path)).toEqual(['jobs.py']);
    // gunicorn.conf.py is a Python file too: reported once.
    expect(problemsOf(result.report)).toEqual(['deployment Procfile', 'read-error .gitignore', 'read-error gunicorn.conf.py', 'read-error pkg/pipe.py']);
    for (const problem of result.report.problems) expect(problem.message).toContain('named pipe (FIFO)');
    expect(result.code).toBe(1);
  });

  it.skipIf(!POSIX)('a file and a folder whose names hold a line break are reported, not skipped without a word', () => {
    const root = project({ 'ok.py': 'import os\n', 'new\nline.py': POOL, 'odd\rfolder/inner.py': POOL });
    const result = checkJson(root);
    // The reporters may show the control characters escaped (`\n`): either way, both are named.
    expect(result.report.problems.map((p) => p.kind)).toEqual(['read-error', 'read-error']);
    const [file, folder] = result.report.problems.map((p) => p.path).sort();
    expect(file).toMatch(/^new(\n|\\n)line\.py$/);
    expect(folder).toMatch(/^odd(\r|\\r)folder$/);
    expect(result.report.problems.map((p) => p.message).join('\n')).toContain('line break');
    expect(result.code).toBe(3);
  });

  it.skipIf(process.platform !== 'linux')('a file name that is not valid UTF-8 is reported as such, not as a missing file', () => {
    const root = project({ 'ok.py': 'import os\n' });
    writeFileSync(Buffer.concat([Buffer.from(`${root}/bad`), Buffer.from([0xff, 0xfe]), Buffer.from('.py')]), POOL);
    const result = checkJson(root);
    expect(result.report.problems).toEqual([expect.objectContaining({ kind: 'read-error', message: expect.stringContaining('not valid UTF-8') as unknown as string })]);
    expect(result.code).toBe(3);
  });

  it('a configuration file over 1 MiB (a sparse 100 MB pyproject.toml) exits 2 naming the file and the limit', () => {
    const root = project(BASE);
    const file = path.join(root, 'pyproject.toml');
    writeFileSync(file, '[tool.importleak]\n');
    truncateSync(file, 100 * 1024 * 1024);
    const result = run(root, ['check', '.']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`importleak: ${file}: cannot read the configuration: 104857600 bytes is over the 1 MiB limit for a configuration file\n`);
  });

  it.skipIf(!POSIX)('a pyproject.toml linked to /dev/urandom is not read: refused as a link out of the project, then as a device', () => {
    const root = project(BASE);
    symlinkSync('/dev/urandom', path.join(root, 'pyproject.toml'));
    const result = run(root, ['check', '.'], process.env, 15_000);
    expect(result.signal).toBeNull();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('pyproject.toml: cannot read the configuration: it is a symbolic link to "/dev/urandom", outside the project');
    const followed = run(root, ['check', '.', '--follow-external-links'], process.env, 15_000);
    expect(followed.signal).toBeNull();
    expect(followed.code).toBe(2);
    expect(followed.stderr).toContain('pyproject.toml: cannot read the configuration: not a regular file (a character device); not opened');
    // Named with --config, the link is followed (the user asked), and the device still refused.
    const named = run(root, ['check', '.', '--config', 'pyproject.toml'], process.env, 15_000);
    expect(named.code).toBe(2);
    expect(named.stderr).toContain('not a regular file (a character device)');
  });

  it('a .gitignore over 1 MiB is reported and not applied; the scan goes on', () => {
    const root = project({ ...BASE, 'gen/leak.py': POOL });
    const file = path.join(root, '.gitignore');
    writeFileSync(file, 'gen/\n');
    truncateSync(file, 2 * 1024 * 1024);
    const result = checkJson(root);
    expect(problemsOf(result.report)).toEqual(['read-error .gitignore']);
    expect(result.report.problems[0]!.message).toContain('1048576-byte limit');
    expect(result.report.findings.map((f) => f.path).sort()).toEqual(['gen/leak.py', 'jobs.py']);
  });
});

describe('deployment files', () => {
  const APP = { 'app.py': 'from flask import Flask\nimport jobs\napp = Flask(__name__)\n', 'jobs.py': POOL };

  it('a gunicorn.conf.py is parsed, never run: the code in it that would write a file does not run', () => {
    const markers = project({});
    const marker = path.join(markers, 'gunicorn-conf-ran');
    const conf = [
      'import pathlib, os, subprocess',
      `pathlib.Path(${JSON.stringify(marker)}).write_text("ran")`,
      `os.system("touch ${marker}")`,
      `exec(open(${JSON.stringify(marker)}, "w").write("ran") or "")`,
      'workers = 3',
      'wsgi_app = "app:app"',
      '',
    ].join('\n');
    const root = project({ ...APP, 'gunicorn.conf.py': conf, Procfile: 'web: gunicorn -c gunicorn.conf.py\n' });
    const entries = JSON.parse(run(root, ['entries', '.', '--format', 'json']).stdout) as { deployment: { read: string[]; processes: Array<{ workers?: { value: number } }> } };
    expect(entries.deployment.read).toEqual(['Procfile', 'gunicorn.conf.py']);
    expect(entries.deployment.processes[0]!.workers?.value).toBe(3);
    run(root, ['check', '.']);
    expect(existsSync(marker), 'gunicorn.conf.py was executed').toBe(false);
  });

  it('a gunicorn.conf.py, Procfile, Dockerfile or start script linked out of the project is not read; each is reported', () => {
    const outside = project({
      'conf.py': 'workers = 17\nwsgi_app = "app:app"\nSECRET = "outside-gunicorn-conf"\n',
      Procfile: 'web: gunicorn app:app --workers 19 # outside-procfile\n',
      Dockerfile: 'FROM python:3.12\nCMD ["gunicorn", "app:app", "-w", "23"]\n# outside-dockerfile\n',
      'start.sh': '#!/bin/sh\nexec gunicorn app:app -w 29 # outside-script\n',
    });
    const root = project({ ...APP, 'deploy/Dockerfile': 'FROM python:3.12\nCOPY . /app\nWORKDIR /app\nCMD ["./start.sh"]\n' });
    symlinkSync(path.join(outside, 'conf.py'), path.join(root, 'gunicorn.conf.py'));
    symlinkSync(path.join(outside, 'Procfile'), path.join(root, 'Procfile'));
    symlinkSync(path.join(outside, 'Dockerfile'), path.join(root, 'Dockerfile'));
    symlinkSync(path.join(outside, 'start.sh'), path.join(root, 'deploy', 'start.sh'));
    const result = run(root, ['entries', '.', '--format', 'json']);
    const entries = JSON.parse(result.stdout) as { deployment: { read: string[]; processes: unknown[] }; problems: Problem[] };
    expect(entries.deployment.read).toEqual(['deploy/Dockerfile']);
    expect(JSON.stringify(entries)).not.toMatch(/outside-(gunicorn-conf|procfile|dockerfile|script)/);
    expect(entries.deployment.processes).toEqual([]);
    expect(entries.problems.filter((p) => p.kind === 'outside-root').map((p) => p.path).sort()).toEqual(['Dockerfile', 'Procfile', 'deploy/start.sh', 'gunicorn.conf.py']);
    for (const format of ['text', 'json', 'sarif']) {
      const check = run(root, ['check', '.', '--format', format]);
      expect(check.stdout).not.toMatch(/outside-(gunicorn-conf|procfile|dockerfile|script)/);
    }
    // Links inside the project are read; a link to a file already read is not read twice.
    const inside = project({ ...APP, 'deploy/Procfile': 'web: gunicorn app:app -w 5\n' });
    symlinkSync('deploy/Procfile', path.join(inside, 'Procfile'));
    const insideEntries = JSON.parse(run(inside, ['entries', '.', '--format', 'json']).stdout) as { deployment: { read: string[] }; problems: Problem[] };
    expect(insideEntries.deployment.read).toEqual(['Procfile']);
    expect(insideEntries.problems).toEqual([]);
  });

  it('with some paths given, deployment files are looked for below them only; module names still start at the root', () => {
    const root = project({
      'svc_a/__init__.py': '',
      'svc_a/app.py': 'from flask import Flask\nfrom svc_a import jobs\napp = Flask(__name__)\n',
      'svc_a/jobs.py': POOL,
      'svc_a/Procfile': 'web: gunicorn svc_a.app:app -w 2\n',
      'svc_b/__init__.py': '',
      'svc_b/app.py': 'import os\n',
      'svc_b/Procfile': 'web: gunicorn svc_b.app:app -w 9\n',
      Dockerfile: 'FROM python:3.12\nCMD ["gunicorn", "-w", "7", "svc_b.app:app"]\n',
    });
    const only = JSON.parse(run(root, ['entries', 'svc_a', '--root', '.', '--format', 'json']).stdout) as { deployment: { read: string[] }; entries: Array<{ path: string }> };
    expect(only.deployment.read).toEqual(['svc_a/Procfile']);
    expect(only.entries.map((e) => e.path)).toContain('svc_a/app.py');
    const check = run(root, ['check', 'svc_a', '--root', '.']);
    expect(check.stdout).toContain('2 gunicorn workers (svc_a/Procfile:1)');
    expect(check.stdout).not.toMatch(/9 gunicorn workers|7 gunicorn workers/);
    // A deployment file given by name is read; the whole root (`.`) reads them all.
    const named = JSON.parse(run(root, ['entries', 'svc_a', 'Dockerfile', '--root', '.', '--format', 'json']).stdout) as { deployment: { read: string[] } };
    expect(named.deployment.read).toEqual(['Dockerfile', 'svc_a/Procfile']);
    const all = JSON.parse(run(root, ['entries', '.', '--format', 'json']).stdout) as { deployment: { read: string[] } };
    expect(all.deployment.read).toEqual(['Dockerfile', 'svc_a/Procfile', 'svc_b/Procfile']);
  });
});

describe('output files', () => {
  // What is in the project besides its two modules and the cache importleak keeps there.
  const othersIn = (folder: string): string[] => readdirSync(folder).filter((name) => name !== 'jobs.py' && name !== 'web.py' && name !== '.importleak_cache');

  it.skipIf(!POSIX)('-o / --write-baseline through a symlink committed under the output name is refused (exit 2); the target is untouched', () => {
    const victimFolder = project({ 'victim.txt': 'precious\n' });
    const victim = path.join(victimFolder, 'victim.txt');
    const root = project(BASE);
    symlinkSync(victim, path.join(root, 'importleak.sarif'));
    symlinkSync(victim, path.join(root, 'baseline.json'));
    symlinkSync(victim, path.join(root, 'graph.mmd'));
    symlinkSync(victim, path.join(root, 'entries.txt'));
    const cases: Array<[string[], string]> = [
      [['check', '.', '--format', 'sarif', '--output', 'importleak.sarif'], 'importleak: cannot write the report to importleak.sarif: it is a symbolic link'],
      [['check', '.', '--write-baseline', 'baseline.json'], 'importleak: cannot write the baseline to baseline.json: it is a symbolic link'],
      [['graph', '.', '-o', 'graph.mmd'], 'importleak: cannot write the graph to graph.mmd: it is a symbolic link'],
      [['entries', '.', '-o', 'entries.txt'], 'importleak: cannot write the entries to entries.txt: it is a symbolic link'],
    ];
    for (const [args, message] of cases) {
      const result = run(root, args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(readFileSync(victim, 'utf8')).toBe('precious\n');
      expect(lstatSync(path.join(root, args.at(-1)!)).isSymbolicLink()).toBe(true);
    }
    expect(othersIn(root).sort()).toEqual(['baseline.json', 'entries.txt', 'graph.mmd', 'importleak.sarif']);
  });

  it('onto a folder, into a missing folder, or onto /dev/full: exit 2, a message without a stack trace, no file left behind', () => {
    const root = project(BASE);
    mkdirSync(path.join(root, 'out'));
    const targets: Array<[string, RegExp]> = [
      ['out', /cannot write the report to out: it is a folder, not a regular file/],
      ['missing/report.sarif', /cannot write the report to missing\/report\.sarif: the folder missing does not exist/],
      ...(existsSync('/dev/full') ? ([['/dev/full', /cannot write the report to \/dev\/full: it is a character device, not a regular file/]] as Array<[string, RegExp]>) : []),
    ];
    for (const [target, message] of targets) {
      const result = run(root, ['check', '.', '--format', 'sarif', '-o', target]);
      expect(result.code, target).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.stdout).toBe('');
    }
    expect(readdirSync(path.join(root, 'out'))).toEqual([]);
    expect(existsSync(path.join(root, 'missing'))).toBe(false);
    expect(othersIn(root)).toEqual(['out']);
  });

  it('a successful write replaces the file in one step, keeps its permissions, and leaves no temporary file', () => {
    const root = project(BASE);
    const report = path.join(root, 'importleak.sarif');
    writeFileSync(report, 'old\n');
    if (POSIX) chmodSync(report, 0o640);
    const result = run(root, ['check', '.', '--format', 'sarif', '-o', 'importleak.sarif']);
    expect(result.code).toBe(1);
    expect(JSON.parse(readFileSync(report, 'utf8')).version).toBe('2.1.0');
    if (POSIX) expect(statSync(report).mode & 0o777).toBe(0o640);
    expect(othersIn(root)).toEqual(['importleak.sarif']);
  });
});

describe('a closed pipe', () => {
  it('`importleak check . | head -1`: the reader going away ends the run quietly with exit 0, not 1 and no stack trace', async () => {
    const files: Record<string, string> = { ...BASE };
    for (let i = 0; i < 200; i++) files[`m${i}.py`] = POOL;
    const root = project(files);
    for (const format of ['text', 'sarif']) {
      const child = spawn(process.execPath, [CLI, 'check', '.', '--format', format], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      // The reader is gone before the first byte: every write meets a closed pipe (EPIPE).
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
      expect(stderr, format).toBe('');
      expect(code, format).toBe(0);
    }
  });
});

describe('the commands the README gives for CI', () => {
  it('never resolve importleak from the analyzed workspace (npx would run a committed node_modules/.bin/importleak)', () => {
    const readme = readFileSync(path.join(PROJECT, 'README.md'), 'utf8');
    const workflows = [...readme.matchAll(/```ya?ml\n([\s\S]*?)```/g)].map((m) => m[1]!);
    const runs = workflows.flatMap((yaml) => [...yaml.matchAll(/^\s*-?\s*run: (.*)$/gm)].map((m) => m[1]!));
    expect(runs.length).toBeGreaterThan(0);
    for (const command of runs) expect(command, command).not.toMatch(/\bnpx\b|\bnpm exec\b(?!.*--prefix)/);
    expect(readme).toContain('npm install --global importleak@0.1.0');
    // The Action runs its own bundle from the action's folder, nothing from the workspace.
    const action = readFileSync(path.join(PROJECT, 'action.yml'), 'utf8');
    expect(action).toContain('node "$GITHUB_ACTION_PATH/action-dist/index.mjs"');
    expect(action).not.toMatch(/\bnpx\b|npm (exec|install|ci)|node_modules/);
  });
});

describe('reading a file (readRegularFile)', () => {
  it('gives a regular file its exact bytes, an empty one none, a /proc file that says it is empty all it holds, and refuses one over the cap', async () => {
    const { readRegularFile } = await import('../src/files.js');
    const root = project({});
    const sizes = [0, 1, 4095, 4096, 70_000];
    for (const size of sizes) {
      const bytes = Buffer.from(Array.from({ length: size }, (_, i) => (i * 7) % 251));
      writeFileSync(path.join(root, `f${size}.py`), bytes);
      const read = await readRegularFile(path.join(root, `f${size}.py`), 1 << 20);
      expect(read.ok && Buffer.compare(read.bytes, bytes)).toBe(0);
      expect(read.ok && read.bytes.length).toBe(size);
    }
    if (process.platform === 'linux' && existsSync('/proc/self/status')) {
      // stat says 0 bytes; the read goes on to the end all the same.
      const status = await readRegularFile('/proc/self/status', 1 << 20);
      expect(status.ok && statSync('/proc/self/status').size).toBe(0);
      expect(status.ok && status.bytes.toString('utf8')).toMatch(/^Name:[\s\S]*\nPid:\s+\d+\n[\s\S]*\n$/);
    }
    const over = await readRegularFile(path.join(root, 'f70000.py'), 69_999);
    expect(over).toMatchObject({ ok: false, reason: 'too-large', size: 70_000 });
  });
});
