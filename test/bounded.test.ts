import { spawnSync } from 'node:child_process';
import { rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli.js';
import type { Diagnostic } from '../src/diagnostics.js';
import { analyze } from '../src/pipeline.js';
import { lineHashes } from '../src/report/lineHash.js';
import { analyzeProject, CLI, runCli, writeProject } from './support.js';

/**
 * Issue 14, guarantee 3 ("bounded work on any input") and the analysis side of guarantee 4 (an
 * internal error is one file's diagnostic, and the scan goes on). Each input is one the probe found
 * to crash, stall or take minutes; the sizes are those where the old code took many seconds (noted
 * with each test) and this one well under the bound asserted, which is generous for a 2-core CI.
 */

const THREAD = 'import threading\nt = threading.Thread(target=print)\nt.start()\n';

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = Date.now();
  const value = await run();
  return { value, ms: Date.now() - start };
}

const ofKind = (diagnostics: readonly Diagnostic[], kind: string): Diagnostic[] => diagnostics.filter((d) => d.kind === kind);
const findingLines = (result: { findings: ReadonlyArray<{ path: string; span: { line: number } }> }, file: string): number[] =>
  result.findings.filter((f) => f.path === file).map((f) => f.span.line);

describe('deep nesting never overflows the stack', () => {
  it('100,000 brackets, operator, attribute and call chains: the deep part is skipped as too-deep, the rest of the file analyzed', async () => {
    const n = 100_000;
    const root = writeProject({
      'brackets.py': `x = ${'('.repeat(n)}1${')'.repeat(n)}\n${THREAD}`,
      'chains.py': `y = ${'a + '.repeat(n)}b\nz = a${'.b'.repeat(n)}()\nw = f${'()'.repeat(n)}\nv = ${'not '.repeat(n)}a\n${THREAD}`,
      'literal.py': `X = ${'['.repeat(n)}${']'.repeat(n)}\nif ${'('.repeat(n)}x${')'.repeat(n)}:\n    import os\n${THREAD}`,
    });
    const { value: result, ms } = await timed(() => analyzeProject(root));
    expect(ms).toBeLessThan(20_000);
    for (const file of ['brackets.py', 'chains.py', 'literal.py']) {
      const deep = result.diagnostics.filter((d) => d.path === file && d.kind === 'too-deep');
      expect(deep.length, file).toBeGreaterThan(0);
      expect(deep[0]!.message).toMatch(/nested more than 1000 levels deep; importleak did not analyze this part/);
    }
    expect(result.diagnostics.filter((d) => /could not be parsed|stack/.test(d.message))).toEqual([]);
    expect(findingLines(result, 'brackets.py')).toEqual([4]);
    expect(findingLines(result, 'chains.py')).toEqual([7]);
    expect(findingLines(result, 'literal.py')).toEqual([6]);
  });

  it('blocks nested 300 deep (class and if bodies) are cut at 200, reported, and the file analyzed', async () => {
    const depth = 300;
    const nested = Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}${i % 2 ? 'class C:' : 'if x:'}\n`).join('') + `${' '.repeat(depth)}import os\n`;
    const root = writeProject({ 'deep.py': `${THREAD}${nested}` });
    const result = await analyzeProject(root);
    expect(ofKind(result.diagnostics, 'too-deep')).toEqual([
      expect.objectContaining({ path: 'deep.py', message: expect.stringMatching(/^blocks nested more than 200 levels deep/) }),
    ]);
    expect(findingLines(result, 'deep.py')).toEqual([3]);
  });

  it('10,000 nested ifs (50 MB) are skipped without being parsed, under a raised --max-file-size too', async () => {
    const ifs = Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i)}if x:\n`).join('') + `${' '.repeat(10_000)}pass\n`;
    const root = writeProject({ 'ifs.py': ifs, 'b.py': THREAD });
    const { value: result, ms } = await timed(() => analyze({ root, paths: ['.'], maxFileBytes: 100 * 1024 * 1024 }));
    expect(ms).toBeLessThan(20_000);
    expect(ofKind(result.diagnostics, 'too-large')).toEqual([expect.objectContaining({ path: 'ifs.py', message: expect.stringMatching(/over the 8\.0 MiB the parser is given/) })]);
    expect(findingLines(result, 'b.py')).toEqual([3]);
    rmSync(root, { recursive: true, force: true });
  });

  it('a gunicorn.conf.py of 5,000 nested brackets (a stack overflow in extract/conditions, exit 2) is read: the app and its process', () => {
    const root = writeProject({
      'gunicorn.conf.py': `workers = ${'('.repeat(5000)}1${')'.repeat(5000)}\nwsgi_app = "app:app"\n`,
      'app.py': THREAD,
    });
    const run = runCli(['check', '.'], root);
    expect(run.stderr).not.toMatch(/internal error|RangeError|    at /);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("gunicorn app `app:app`");
    expect(run.stdout).toMatch(/gunicorn\.conf\.py:1:\d+: too-deep: an expression nested more than 1000 levels deep/);
  });

  it('a stack overflow in extraction (here forced with a small stack) is an internal error of that file, not a syntax error; the others are analyzed', () => {
    const root = writeProject({ 'a.py': `x = ${'f('.repeat(400)}${')'.repeat(400)}\n`, 'b.py': THREAD });
    const run = spawnSync(process.execPath, ['--stack-size=150', CLI, 'check', '.'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(run.stdout).toContain('a.py: internal-error: internal error in extract: importleak ran out of stack space (RangeError: Maximum call stack size exceeded); this is a bug in importleak; please report it with this file');
    expect(run.stdout).not.toMatch(/syntax-error/);
    expect(run.stdout).toMatch(/^b\.py:3:1: IL002 /m);
    expect(run.status).toBe(3);
  });
});

describe('size', () => {
  it('a 50 MB file under --max-file-size 100M is skipped with a diagnostic, never parsed; the other files are analyzed', () => {
    const root = writeProject({ 'big.py': 'x = 1\n'.repeat((50 * 1024 * 1024) / 6), 'b.py': THREAD });
    const start = Date.now();
    const run = runCli(['check', '.', '--max-file-size', '100M'], root);
    expect(Date.now() - start).toBeLessThan(30_000);
    expect(run.stdout).toMatch(/^big\.py: too-large: skipped: 50\.0 MiB of text is over the 8\.0 MiB the parser is given, whatever --max-file-size allows$/m);
    expect(run.stdout).toMatch(/^b\.py:3:1: IL002 /m);
    expect(run.code).toBe(3);
    rmSync(root, { recursive: true, force: true });
  });

  it('a 5 MB line is parsed within the limits, and what follows it analyzed', async () => {
    const root = writeProject({ 'line.py': `x = "${'a'.repeat(5 * 1024 * 1024)}"\n${THREAD}` });
    const { value: result, ms } = await timed(() => analyze({ root, paths: ['.'], maxFileBytes: 8 * 1024 * 1024 }));
    expect(ms).toBeLessThan(30_000);
    expect(result.diagnostics).toEqual([]);
    expect(findingLines(result, 'line.py')).toEqual([4]);
    rmSync(root, { recursive: true, force: true });
  });

  it('when the parser runs out of memory on one file, that file is reported and a fresh parser reads the next ones', () => {
    // Before: every later file "could not be parsed: Aborted()", no finding, exit 3. The memory is
    // lowered (a debugging aid) so an ordinary file does what a 50 MB one under a raised limit did.
    const root = writeProject({ 'a_big.py': 'x = 1\n'.repeat(200_000), 'b.py': THREAD, 'c.py': THREAD });
    const run = runCli(['check', '.'], root, { ...process.env, IMPORTLEAK_PARSER_MEMORY: '64' });
    expect(run.stdout).toMatch(/^a_big\.py: too-large: could not be parsed: the parser ran out of memory \(tree-sitter aborted\); importleak restarted it for the next files$/m);
    expect(run.stdout).toMatch(/^b\.py:3:1: IL002 /m);
    expect(run.stdout).toMatch(/^c\.py:3:1: IL002 /m);
    expect(run.stdout).not.toMatch(/Aborted/);
    expect(run.stderr).not.toMatch(/Aborted/);
    expect(run.code).toBe(3);
  });
});

describe('no quadratic or backtracking work', () => {
  it('an unclosed list of 50,000 calls (old: 43 s for 250 KB)', async () => {
    const root = writeProject({ 'a.py': `x = [${'f(), '.repeat(50_000)}\n` });
    const { value: result, ms } = await timed(() => analyzeProject(root));
    expect(ms).toBeLessThan(10_000);
    expect(result.summaries.get('a.py')!.calls.length).toBe(50_000);
    expect(ofKind(result.diagnostics, 'syntax-error')).toHaveLength(1);
  });

  it('a call with a run of 160,000 spaces between its arguments (old: 18 s for 80,000, 4 times that for 160,000)', async () => {
    const root = writeProject({ 'a.py': `import threading\nthreading.Thread(target=print,${' '.repeat(160_000)}daemon=True).start()\n` });
    const { value: result, ms } = await timed(() => analyzeProject(root));
    expect(ms).toBeLessThan(5_000);
    const call = result.summaries.get('a.py')!.calls.find((c) => c.callee === 'threading.Thread')!;
    expect(call.text.length).toBeLessThanOrEqual(160);
    expect(findingLines(result, 'a.py')).toEqual([2]);
  });

  it('a gunicorn.conf.py value with a run of 300,000 spaces (old: 2.6 s for 40,000, about a minute and a half for 300,000)', async () => {
    const root = writeProject({ 'gunicorn.conf.py': `workers = (${' '.repeat(300_000)}4)\nwsgi_app = "app:app"\n`, 'app.py': THREAD });
    const { value: result, ms } = await timed(() => analyzeProject(root));
    expect(ms).toBeLessThan(5_000);
    expect(result.deployment!.deployment.processes[0]).toMatchObject({ server: 'gunicorn', workers: { value: 4 } });
  });

  it('a Dockerfile with a run of 200,000 spaces in its CMD (old: 20 s for 100,000)', async () => {
    const root = writeProject({ Dockerfile: `FROM python\nCMD gunicorn${' '.repeat(200_000)}app:app\n`, 'app.py': THREAD });
    const { value: result, ms } = await timed(() => analyzeProject(root));
    expect(ms).toBeLessThan(5_000);
    expect(result.deployment!.deployment.processes).toEqual([expect.objectContaining({ server: 'gunicorn', appSpec: expect.objectContaining({ written: 'app:app' }) })]);
  });

  it('a fly.toml with 3,000 processes and a line of `[` and 50,000 spaces (old: 6.5 s, and over 200 s with the line)', async () => {
    const processes = Array.from({ length: 3000 }, (_, i) => `p${i} = "gunicorn app:app"\n`).join('');
    const root = writeProject({ 'fly.toml': `[env]\nX = """\n[${' '.repeat(50_000)}\n"""\n[processes]\n${processes}`, 'app.py': THREAD });
    const { value: result, ms } = await timed(() => analyzeProject(root));
    expect(ms).toBeLessThan(10_000);
    const processesRead = result.deployment!.deployment.processes;
    expect(processesRead).toHaveLength(3000);
    expect(processesRead[2999]).toMatchObject({ name: 'p2999', line: 3005 });
  });

  it('a systemd unit with 20,000 continuation lines (old: 10.5 s)', async () => {
    const root = writeProject({ 'app.service': `[Service]\nExecStart=gunicorn \\\n${'  --reload \\\n'.repeat(20_000)}  app:app\n`, 'app.py': THREAD });
    const { value: result, ms } = await timed(() => analyzeProject(root));
    expect(ms).toBeLessThan(5_000);
    expect(result.deployment!.deployment.processes).toEqual([expect.objectContaining({ server: 'gunicorn', line: 2, appSpec: expect.objectContaining({ written: 'app:app' }) })]);
  });

  it('a Procfile of 8,000 roles running one app (old: 6 s) names a few in each finding, and one of 500,000 bad lines lists 20 problems (old: a crash)', async () => {
    const roles = Array.from({ length: 8000 }, (_, i) => `web${i}: gunicorn app:app\n`).join('');
    const root = writeProject({ Procfile: roles, 'app.py': THREAD, 'other/Procfile': 'x\n'.repeat(500_000) });
    const { value: result, ms } = await timed(() => analyzeProject(root));
    expect(ms).toBeLessThan(15_000);
    expect(result.deployment!.deployment.processes).toHaveLength(8000);
    const [finding] = result.findings;
    expect(finding!.message).toBe('`t.start()` starts a thread (created on line 2) while `app` is imported, which is itself the gunicorn app `app:app` (Procfile:1) in `app`. Deployed as 1 gunicorn worker: 1 thread.');
    expect(finding!.deployment).toContain('(or 7995 more definitions of this role)');
    expect(finding!.deployment!.length).toBeLessThan(2000);
    const bad = result.diagnostics.filter((d) => d.path === 'other/Procfile');
    expect(bad).toHaveLength(21);
    expect(bad[20]!.message).toBe('and 499980 more problems in this file, not listed');
  });

  it('a module of 20,000 classes each called at module level (old: 45 s)', async () => {
    const n = 20_000;
    const source = Array.from({ length: n }, (_, i) => `class C${i}:\n    pass\n`).join('') + Array.from({ length: n }, (_, i) => `C${i}()\n`).join('');
    const root = writeProject({ 'a.py': source });
    const { ms } = await timed(() => analyzeProject(root));
    expect(ms).toBeLessThan(10_000);
  });

  it('20,000 thread starts on one line (old: 29 s)', async () => {
    const root = writeProject({ 'line.py': `import threading; ${'threading.Thread(target=print).start(); '.repeat(20_000)}\n` });
    const { value: result, ms } = await timed(() => analyzeProject(root));
    expect(ms).toBeLessThan(15_000);
    expect(findingLines(result, 'line.py')).toHaveLength(20_000);
    expect(result.findings.every((f) => f.lineHash !== undefined)).toBe(true);
  });

  it('line hashes for findings on 200,000 lines (old: a stack overflow, spreading the lines into Math.max)', () => {
    const hashes = lineHashes('x\n'.repeat(200_000), new Set(Array.from({ length: 200_000 }, (_, i) => i + 1)));
    expect(hashes.size).toBe(200_000);
  });
});

describe('YAML and TOML deployment files', () => {
  const laughs = (indent: string): string => {
    const lines = [`${indent}a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]`];
    for (let i = 1; i <= 12; i++) lines.push(`${indent}a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
    return `${lines.join('\n')}\n`;
  };

  it('an alias bomb ("billion laughs") in docker-compose.yml, render.yaml and app.yaml is refused with a diagnostic, the Procfile still read', async () => {
    const root = writeProject({
      'docker-compose.yml': `x-bomb:\n${laughs('  ')}services:\n  web:\n    command: gunicorn app:app\n    environment: *a12\n`,
      'render.yaml': `${laughs('')}services:\n  - type: web\n    startCommand: *a12\n`,
      'app.yaml': `${laughs('')}entrypoint: *a12\n`,
      Procfile: 'web: gunicorn app:app\n',
      'app.py': THREAD,
    });
    const { value: result, ms } = await timed(() => analyzeProject(root));
    expect(ms).toBeLessThan(5_000);
    const refused = ofKind(result.diagnostics, 'deployment').filter((d) => /alias bomb/.test(d.message));
    expect(refused.map((d) => d.path).sort()).toEqual(['app.yaml', 'docker-compose.yml', 'render.yaml']);
    expect(refused[0]!.message).toMatch(/^YAML aliases expand this file to more than 1,000,000 values \(an alias bomb, "billion laughs"\)/);
    expect(result.deployment!.deployment.processes.map((p) => p.file)).toEqual(['Procfile']);
  });

  it('YAML and TOML nested 100,000 deep are errors of their file, in bounded time', async () => {
    const root = writeProject({
      'docker-compose.yml': `services: ${'['.repeat(100_000)}\n`,
      'fly.toml': `a = ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`,
      'app.py': THREAD,
    });
    const { value: result, ms } = await timed(() => analyzeProject(root));
    expect(ms).toBeLessThan(10_000);
    const problems = ofKind(result.diagnostics, 'deployment');
    expect(problems.find((d) => d.path === 'docker-compose.yml')!.message).toMatch(/^YAML syntax error: nested too deeply to read; nothing was read from this file$/);
    expect(problems.find((d) => d.path === 'fly.toml')!.message).toMatch(/^TOML syntax error: .*nested/);
  });
});

describe('ignore patterns that cannot be compiled', () => {
  it('a .gitignore line too long for a regular expression (old: SyntaxError, exit 2) is reported with its line; the other patterns apply', async () => {
    const root = writeProject({
      '.gitignore': `ignored.py\n${'a'.repeat(500_000)}\n!${'\\'.repeat(400_000)}\n*.log\n`,
      'ignored.py': THREAD,
      'app.py': THREAD,
      'sub/x.py': THREAD,
    });
    const result = await analyzeProject(root);
    expect(ofKind(result.diagnostics, 'read-error')).toEqual([
      expect.objectContaining({ path: '.gitignore', line: 2, message: expect.stringMatching(/^\.gitignore pattern "a{40}"… \(500000 characters\) is too long to match with/) }),
      expect.objectContaining({ path: '.gitignore', line: 3 }),
    ]);
    expect([...result.summaries.keys()].sort()).toEqual(['app.py', 'sub/x.py']);
  });

  it('an --exclude pattern too long to compile is a configuration error naming it, and is not applied', async () => {
    const root = writeProject({ 'app.py': THREAD });
    const result = await analyze({ root, paths: ['.'], exclude: ['b'.repeat(500_000)] });
    expect(ofKind(result.diagnostics, 'config')).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/^exclude pattern "b{40}"… \(500000 characters\) \(--exclude or the configuration's `exclude`\) is too long to match with/) }),
    ]);
    expect([...result.summaries.keys()]).toEqual(['app.py']);
  });
});

describe('combinatorial growth', () => {
  it('24 levels of symbolic-link diamonds are walked once per real folder (old: 14 levels took 2 minutes, 24 never ended)', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i <= 24; i++) files[`levels/d${i}/m${i}.py`] = 'x = 1\n';
    const root = writeProject(files);
    for (let i = 0; i < 24; i++) {
      symlinkSync(`../d${i + 1}`, path.join(root, 'levels', `d${i}`, 'l1'));
      symlinkSync(`../d${i + 1}`, path.join(root, 'levels', `d${i}`, 'l2'));
    }
    const { value: result, ms } = await timed(() => analyze({ root, paths: ['levels/d0'] }));
    expect(ms).toBeLessThan(10_000);
    expect(result.fileCount).toBe(25);
    const duplicates = ofKind(result.diagnostics, 'duplicate-module');
    expect(duplicates).toHaveLength(24);
    expect(duplicates[0]!.message).toMatch(/^symbolic link to \S+\/levels\/d\d+, a folder already scanned as levels\/d0(\/l1)+; not followed again/);
  });

  it('a fan of star imports 40 levels deep, each module star-importing the next two, stays linear', async () => {
    const files: Record<string, string> = { 'pkg/__init__.py': '', 'pkg/m40.py': `${THREAD}__all__ = ["t"]\n`, 'pkg/m41.py': '__all__ = ["x"]\nx = 1\n' };
    for (let i = 0; i < 40; i++) files[`pkg/m${i}.py`] = `from pkg.m${i + 1} import *\nfrom pkg.m${i + 2} import *\n__all__ = ["a", "b"]\n`;
    files['app.py'] = 'from flask import Flask\nfrom pkg.m0 import *\napp = Flask(__name__)\n@app.route("/")\ndef index():\n    return "x"\n';
    const { value: result, ms } = await timed(() => analyzeProject(writeProject(files)));
    expect(ms).toBeLessThan(5_000);
    expect(result.findings.find((f) => f.path === 'pkg/m40.py')).toMatchObject({ level: 'error', reach: { kind: 'entry' } });
  });

  it('a registry imported by 1,000 modules that reach one another stops at its bound with a limit diagnostic (old: 38 s)', async () => {
    const files: Record<string, string> = {
      'plugins/__init__.py':
        'import importlib\n_PLUGINS = []\ndef register(name):\n    _PLUGINS.append(name)\ndef load_all():\n    for name in sorted(_PLUGINS):\n        importlib.import_module(f"plugins.builtin.{name}")\n',
      'plugins/builtin/__init__.py': '',
    };
    for (let i = 0; i < 1000; i++) {
      files[`plugins/builtin/p${i}.py`] = '';
      files[`m${i}.py`] = `${i ? `import m${i - 1}\n` : ''}import plugins\nplugins.register("p${i}")\nplugins.load_all()\n`;
    }
    const root = writeProject(files);
    const { value: result, ms } = await timed(() => analyzeProject(root));
    expect(ms).toBeLessThan(20_000);
    expect(ofKind(result.diagnostics, 'limit')).toEqual([
      expect.objectContaining({ path: '.', message: expect.stringMatching(/^the imports of registry items .* need more than 100,000 import edges; the 100,\d{3} edges found until then are kept/) }),
    ]);
  });
});

describe('line ends', () => {
  it('a file with CR-only line ends reports real lines (old: everything on line 1, and a syntax error)', async () => {
    const root = writeProject({ 'cr.py': THREAD.replace(/\n/g, '\r'), 'crlf.py': THREAD.replace(/\n/g, '\r\n') });
    const result = await analyzeProject(root);
    expect(result.diagnostics).toEqual([]);
    expect(findingLines(result, 'cr.py')).toEqual([3]);
    expect(findingLines(result, 'crlf.py')).toEqual([3]);
    expect(result.findings.find((f) => f.path === 'cr.py')!.message).toContain('(created on line 2)');
  });
});

describe('an internal error is one diagnostic, and the analysis goes on', () => {
  afterEach(() => {
    delete process.env.IMPORTLEAK_FAULT;
  });

  const project = (): string =>
    writeProject({
      'a.py': THREAD,
      'b.py': THREAD,
      'web.py': 'from flask import Flask\nimport a\napp = Flask(__name__)\n@app.route("/")\ndef index():\n    return "x"\n',
      Procfile: 'web: gunicorn web:app\n',
      'app.service': '[Service]\nExecStart=gunicorn web:app\n',
    });

  const HINT = 'this is a bug in importleak; please report it with this file';

  it.each([
    ['extract:b.py', 'b.py', 'extract'],
    ['resolve:b.py', 'b.py', 'resolve'],
    ['check:b.py', 'b.py', 'the checks'],
    ['deployment:Procfile', 'Procfile', 'the Procfile reader'],
    ['entries:Flask', '.', 'the Flask entry detector'],
  ])('IMPORTLEAK_FAULT=%s: an internal-error of %s naming %s, with the bug-report hint', async (fault, file, component) => {
    process.env.IMPORTLEAK_FAULT = fault;
    const result = await analyzeProject(project());
    // A part that handles the whole project has no one file to send: the hint asks for the command and the files.
    const hint = file === '.' ? 'this is a bug in importleak; please report it with the command and the files it ran on' : HINT;
    expect(ofKind(result.diagnostics, 'internal-error')).toEqual([
      { kind: 'internal-error', path: file, message: `internal error in ${component}: Error: fault injected by IMPORTLEAK_FAULT=${fault}; ${hint}` },
    ]);
    // a.py's finding is still there, through web.py: the Flask app, or (when the Flask detector is the
    // one that failed) the gunicorn app the Procfile names.
    expect(result.findings.find((f) => f.path === 'a.py')).toMatchObject({ ruleId: 'IL002', level: 'error' });
    expect(result.entries.some((e) => e.framework === 'Flask')).toBe(fault !== 'entries:Flask');
    if (fault !== 'deployment:Procfile') expect(result.deployment!.deployment.processes.map((p) => p.file).sort()).toEqual(['Procfile', 'app.service']);
    else expect(result.deployment!.deployment.processes.map((p) => p.file)).toEqual(['app.service']);
  });

  it('on the command line: the line names the file, the component and the hint, and the exit code is 3', () => {
    const root = writeProject({ 'a.py': 'x = 1\n', 'b.py': THREAD });
    const run = runCli(['check', '.'], root, { ...process.env, IMPORTLEAK_FAULT: 'extract:a.py' });
    expect(run.stdout).toContain(`a.py: internal-error: internal error in extract: Error: fault injected by IMPORTLEAK_FAULT=extract:a.py; ${HINT}`);
    expect(run.stdout).toMatch(/^b\.py:3:1: IL002 \[warning\]/m);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(3);
  });

  it('one of the whole project is shown as `.`, not as nothing', () => {
    const root = writeProject({ 'b.py': THREAD, 'web.py': 'from flask import Flask\nimport b\napp = Flask(__name__)\n' });
    const run = runCli(['check', '.'], root, { ...process.env, IMPORTLEAK_FAULT: 'entries:Flask' });
    expect(run.stdout).toContain('\n.: internal-error: internal error in the Flask entry detector: Error: fault injected by IMPORTLEAK_FAULT=entries:Flask; this is a bug in importleak; please report it with the command and the files it ran on\n');
    expect(run.code).toBe(3);
  });

  it('one that no component catches ends the run with one line and the hint, exit 3; the stack only with IMPORTLEAK_DEBUG', async () => {
    const root = writeProject({ 'a.py': THREAD });
    const written: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const failing = { onCheck: () => { throw new TypeError('something is undefined'); } };
    try {
      expect(await main(['node', 'importleak', 'check', root], failing)).toBe(3);
      expect(written.join('')).toBe(
        'importleak: internal error: TypeError: something is undefined; this is a bug in importleak; please report it with the command and the files it ran on (IMPORTLEAK_DEBUG=1 shows where it happened)\n',
      );
      written.length = 0;
      process.env.IMPORTLEAK_DEBUG = '1';
      expect(await main(['node', 'importleak', 'check', root], failing)).toBe(3);
      expect(written.join('')).toMatch(/^importleak: internal error: TypeError: something is undefined; this is a bug in importleak; [^\n]*files it ran on\nTypeError: something is undefined\n    at /);
    } finally {
      delete process.env.IMPORTLEAK_DEBUG;
      spy.mockRestore();
      stdout.mockRestore();
      process.exitCode = undefined;
    }
  });
});
