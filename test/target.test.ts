import { pinnedVersionOf } from '../src/config/projectTargets.js';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, writeProject } from './support.js';

/**
 * The target interpreter conditions are evaluated for (issue 5): `--python-version` / `--platform`
 * on `check` and `graph`, `python-version` / `platform` in [tool.importleak], `requires-python`, and
 * the local `python3`.
 */
const PROJECT = {
  'pkg/__init__.py': '',
  'pkg/win.py': '',
  'pkg/tomli.py': '',
  'main.py': 'import sys\nif sys.platform == "win32":\n    import pkg.win\ntry:\n    import tomllib\nexcept ImportError:\n    import pkg.tomli\n',
};

/** `from -> to` of the import-time import edges (not enclosing-package ones) `graph --format json` prints. */
function edges(args: string[], files: Record<string, string> = PROJECT, env: NodeJS.ProcessEnv = process.env): string[] {
  const root = writeProject(files);
  const run = runCli(['graph', '--format', 'json', ...args, root], undefined, env);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const graph = JSON.parse(run.stdout) as { edges: Array<{ from: string; to: string; importTime: boolean; kind: string }> };
  return graph.edges.filter((e) => e.importTime && e.kind === 'import').map((e) => `${e.from} -> ${e.to}`);
}

/** A stand-in interpreter that answers the version probe as the given Python would. */
function fakePython(answer: string): string {
  const root = writeProject({ python: `#!/bin/sh\necho "${answer}"\n` });
  chmodSync(path.join(root, 'python'), 0o755);
  return path.join(root, 'python');
}

describe('target interpreter', () => {
  it('defaults to the local python3, which the analyzer asks for its version and platform (and nothing else)', () => {
    const local = spawnSync('python3', ['-c', 'import sys; print(sys.version_info >= (3, 11), sys.platform)'], { encoding: 'utf8' }).stdout.trim();
    // tomllib is there from 3.11: the fallback runs on older interpreters only, as CPython would have it.
    const expected = [...(local.endsWith('win32') ? ['main -> pkg', 'main -> pkg.win'] : []), ...(local.startsWith('False') ? ['main -> pkg', 'main -> pkg.tomli'] : [])];
    expect(edges([])).toEqual(expected);
    // What the interpreter answers decides; the project's requires-python decides the version before it,
    // and then the interpreter is not asked at all: the platform is Linux unless configured.
    const older = { ...process.env, IMPORTLEAK_PYTHON: fakePython('3.10 win32') };
    expect(edges([], PROJECT, older)).toEqual(['main -> pkg', 'main -> pkg.win', 'main -> pkg', 'main -> pkg.tomli']);
    const requires = { ...PROJECT, 'pyproject.toml': '[project]\nname = "x"\nrequires-python = ">=3.12"\n' };
    expect(edges([], requires, older)).toEqual([]);
  });

  it('without a usable interpreter: Python 3.12 on Linux', () => {
    for (const python of [path.join(writeProject({}), 'missing'), fakePython('not a version')]) {
      expect(edges([], PROJECT, { ...process.env, IMPORTLEAK_PYTHON: python })).toEqual([]);
      expect(edges(['--python-version', '3.10'], PROJECT, { ...process.env, IMPORTLEAK_PYTHON: python })).toEqual(['main -> pkg', 'main -> pkg.tomli']);
    }
  });

  it('--platform win32 and --python-version 3.10 take the other branches', () => {
    expect(edges(['--platform', 'win32'])).toEqual(['main -> pkg', 'main -> pkg.win']);
    expect(edges(['--python-version', '3.10'])).toEqual(['main -> pkg', 'main -> pkg.tomli']);
  });

  it('python-version / platform in [tool.importleak], and the requires-python lower bound', () => {
    const configured = { ...PROJECT, 'pyproject.toml': '[tool.importleak]\npython-version = "3.10"\nplatform = "win32"\n' };
    expect(edges([], configured)).toEqual(['main -> pkg', 'main -> pkg.win', 'main -> pkg', 'main -> pkg.tomli']);
    const requires = { ...PROJECT, 'pyproject.toml': '[project]\nname = "x"\nrequires-python = ">=3.9"\n' };
    expect(edges([], requires)).toEqual(['main -> pkg', 'main -> pkg.tomli']);
    // The flag wins over the configuration.
    expect(edges(['--python-version', '3.12'], requires)).toEqual([]);
  });

  it('a bad value exits 2 naming the key or flag and what is expected', () => {
    const root = writeProject({ ...PROJECT, 'pyproject.toml': '[tool.importleak]\nplatform = "beos"\n' });
    const bad = runCli(['graph', root]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('`tool.importleak.platform` must be one of "linux", "darwin", "win32", not string "beos"');
    const version = runCli(['check', '--python-version', '3', writeProject(PROJECT)]);
    expect(version.code).toBe(2);
    expect(version.stderr).toContain('--python-version must be a "MAJOR.MINOR" string such as "3.12", not "3"');
    const platform = runCli(['graph', '--platform', 'beos', writeProject(PROJECT)]);
    expect(platform.code).toBe(2);
  });
});

/**
 * A repository of several projects: `backend/pyproject.toml` says `requires-python = ">=3.14"`, the
 * root has no pyproject.toml (the FastAPI full-stack template's layout). The backend's files are
 * analyzed for 3.14, as uv and pip read that file for the project they are in; the others for the
 * run's target.
 */
describe('the nearest pyproject.toml\'s requires-python, for the files below it', () => {
  const PEP_758 = 'try:\n    pass\nexcept ValueError, TypeError:\n    pass\n';
  const layout = (backendPyproject: string): Record<string, string> => ({
    'backend/pyproject.toml': backendPyproject,
    'backend/app/__init__.py': '',
    'backend/app/deps.py': PEP_758,
    'backend/app/compat.py': '',
    'backend/app/main.py': 'import sys\nif sys.version_info < (3, 12):\n    import app.compat\n',
    'scripts/check.py': PEP_758,
  });
  const older = { ...process.env, IMPORTLEAK_PYTHON: fakePython('3.11 linux') };
  /** `path:line kind` of each problem `check --format json` reports, and the exit code. */
  const problems = (root: string, args: string[] = []): { code: number; problems: string[] } => {
    const run = runCli(['check', '--format', 'json', ...args, root], undefined, older);
    const report = JSON.parse(run.stdout) as { problems: Array<{ path: string; line?: number; kind: string }> };
    return { code: run.code, problems: report.problems.map((p) => `${p.path}${p.line ? `:${p.line}` : ''} ${p.kind}`) };
  };

  const compatImports = (root: string): string[] => {
    const graph = runCli(['graph', '--format', 'json', root], undefined, older);
    const edges = (JSON.parse(graph.stdout) as { edges: Array<{ from: string; to: string; importTime: boolean; kind: string }> }).edges;
    return edges.filter((e) => e.importTime && e.kind === 'import' && e.to.endsWith('compat')).map((e) => `${e.from} -> ${e.to}`);
  };

  it('analyzes backend/ for 3.14 (no syntax error, no 3.11 branch) and the rest for the interpreter\'s 3.11', () => {
    const root = writeProject(layout('[project]\nname = "app"\nrequires-python = ">=3.14,<4.0"\n'));
    expect(problems(root)).toEqual({ code: 3, problems: ['scripts/check.py:3 syntax-error'] });
    // `if sys.version_info < (3, 12): import app.compat` does not run on 3.14.
    expect(compatImports(root)).toEqual([]);
    // `python-version` configured for the whole repository holds for every file.
    const configured = writeProject({ ...layout('[project]\nname = "app"\nrequires-python = ">=3.14"\n'), 'importleak.toml': 'python-version = "3.11"\n' });
    expect(problems(configured).problems).toEqual(['backend/app/deps.py:3 syntax-error', 'scripts/check.py:3 syntax-error']);
    expect(compatImports(configured)).toEqual(['app.main -> app.compat']);
  });

  it('a pyproject.toml without requires-python, or one that is not TOML (said, exit 3), leaves the run\'s target', () => {
    expect(problems(writeProject(layout('[project]\nname = "app"\n'))).problems).toEqual(['backend/app/deps.py:3 syntax-error', 'scripts/check.py:3 syntax-error']);
    expect(problems(writeProject(layout('[project\nrequires-python = ">=3.14"\n')))).toEqual({
      code: 3,
      problems: ['backend/pyproject.toml read-error', 'backend/app/deps.py:3 syntax-error', 'scripts/check.py:3 syntax-error'],
    });
  });

  it('a run that printed its output again analyzes anew once the pyproject.toml changes, comes or goes', () => {
    const root = writeProject(layout('[project]\nname = "app"\nrequires-python = ">=3.14"\n'));
    const backend = ['scripts/check.py:3 syntax-error'];
    const both = ['backend/app/deps.py:3 syntax-error', 'scripts/check.py:3 syntax-error'];
    expect(problems(root).problems).toEqual(backend);
    expect(problems(root).problems).toEqual(backend);
    writeFileSync(path.join(root, 'backend/pyproject.toml'), '[project]\nname = "app"\nrequires-python = ">=3.11"\n');
    expect(problems(root).problems).toEqual(both);
    writeFileSync(path.join(root, 'backend/pyproject.toml'), '[project]\nname = "app"\nrequires-python = ">=3.14"\n');
    expect(problems(root).problems).toEqual(backend);
    rmSync(path.join(root, 'backend/pyproject.toml'));
    expect(problems(root).problems).toEqual(both);
    writeFileSync(path.join(root, 'backend/app/pyproject.toml'), '[project]\nname = "app"\nrequires-python = ">=3.14"\n');
    expect(problems(root).problems).toEqual(backend);
  });
});

/**
 * warehouse pins its interpreter in `.python-version` (3.14.7), has no `requires-python`, and writes
 * PEP 758 `except A, B:`: analyzed for the local 3.11, 28 of its files were syntax errors CPython
 * 3.14 accepts. A folder's `.python-version` is read where its pyproject.toml does not say.
 */
describe('a .python-version, where no pyproject.toml says', () => {
  const PEP_758 = 'try:\n    pass\nexcept ValueError, TypeError:\n    pass\n';
  const older = { ...process.env, IMPORTLEAK_PYTHON: fakePython('3.11 linux') };
  const problems = (files: Record<string, string>): string[] => {
    const run = runCli(['check', '--format', 'json', writeProject(files)], undefined, older);
    return (JSON.parse(run.stdout) as { problems: Array<{ path: string; line?: number; kind: string }> }).problems.map((p) => `${p.path}${p.line ? `:${p.line}` : ''} ${p.kind}`);
  };
  const project = { 'warehouse/__init__.py': '', 'warehouse/sessions.py': PEP_758, 'scripts/check.py': PEP_758 };

  it('analyzes the files below it for the version it pins', () => {
    expect(problems({ ...project, '.python-version': '3.14.7\n', 'pyproject.toml': '[tool.mypy]\npython_version = "3.14"\n' })).toEqual([]);
    expect(problems({ ...project, 'warehouse/.python-version': '3.14\n' })).toEqual(['scripts/check.py:3 syntax-error']);
  });

  it('a run that printed its output again analyzes anew once the .python-version changes or comes', () => {
    const root = writeProject({ ...project, 'warehouse/.python-version': '3.14\n' });
    const problemsOf = (): string[] =>
      (JSON.parse(runCli(['check', '--format', 'json', root], undefined, older).stdout) as { problems: Array<{ path: string }> }).problems.map((p) => p.path);
    expect(problemsOf()).toEqual(['scripts/check.py']);
    expect(problemsOf()).toEqual(['scripts/check.py']);
    writeFileSync(path.join(root, 'warehouse/.python-version'), '3.11\n');
    expect(problemsOf()).toEqual(['scripts/check.py', 'warehouse/sessions.py']);
    writeFileSync(path.join(root, 'scripts/.python-version'), '3.14.0\n');
    expect(problemsOf()).toEqual(['warehouse/sessions.py']);
  });

  it('gives way to requires-python, and is passed over when it names no CPython version', () => {
    expect(problems({ ...project, '.python-version': '3.14\n', 'pyproject.toml': '[project]\nname = "w"\nrequires-python = ">=3.11"\n' })).toEqual([
      'scripts/check.py:3 syntax-error',
      'warehouse/sessions.py:3 syntax-error',
    ]);
    expect(problems({ ...project, '.python-version': 'system\n' })).toEqual(['scripts/check.py:3 syntax-error', 'warehouse/sessions.py:3 syntax-error']);
  });

  it('reads the first version of the file, as pyenv does', () => {
    expect(['3.14.7', '3.12', '3.13t', 'cpython-3.12.1', '3.12-dev', '# pinned\n\n3.10.4\n3.9', 'pypy3.10-7.3.12', 'system', '2.7.18', ''].map((text) => pinnedVersionOf(text)?.join('.') ?? null)).toEqual([
      '3.14',
      '3.12',
      '3.13',
      '3.12',
      '3.12',
      '3.10',
      null,
      null,
      null,
      null,
    ]);
  });
});

/**
 * The interpreter asked for its version is the one the user's environment names, never one the
 * repository provides; it runs isolated, and only when nothing else gives the version (issue 14).
 */
describe('the local interpreter, safely', () => {
  /** A stand-in `python3` that records that it ran (its arguments and folder) in `marker`, then answers. */
  function recordingPython(folder: string, marker: string, answer: string): string {
    mkdirSync(folder, { recursive: true });
    const file = path.join(folder, 'python3');
    writeFileSync(file, `#!/bin/sh\necho "$PWD $*" >> '${marker}'\necho "${answer}"\n`);
    chmodSync(file, 0o755);
    return file;
  }

  /** `graph --format json .` run from inside `root`: the import-time import edges. */
  function edgesFrom(root: string, env: NodeJS.ProcessEnv, args: string[] = []): string[] {
    const run = runCli(['graph', '--format', 'json', ...args, '.'], root, env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const graph = JSON.parse(run.stdout) as { edges: Array<{ from: string; to: string; importTime: boolean; kind: string }> };
    return graph.edges.filter((e) => e.importTime && e.kind === 'import').map((e) => `${e.from} -> ${e.to}`);
  }

  const withoutOverride = (): NodeJS.ProcessEnv => {
    const env = { ...process.env };
    delete env.IMPORTLEAK_PYTHON;
    return env;
  };

  it.skipIf(process.platform === 'win32')('a python3 in the project, the current folder or node_modules/.bin is never run; the one on the user\'s PATH is, from outside the project', () => {
    const root = writeProject(PROJECT);
    const markers = writeProject({});
    const repoMarker = path.join(markers, 'repository-python-ran');
    // What a repository can commit: python3 at its top and in node_modules/.bin (npx and npm exec put
    // that folder on the PATH); and a .python-version a version manager's shim would obey.
    recordingPython(root, repoMarker, '3.9 darwin');
    recordingPython(path.join(root, 'node_modules', '.bin'), repoMarker, '3.9 darwin');
    writeFileSync(path.join(root, '.python-version'), '3.9\n');
    // The user's interpreter: a shim that, like pyenv's, answers for a .python-version in its folder.
    const userMarker = path.join(markers, 'user-python-ran');
    const userBin = path.join(markers, 'bin');
    mkdirSync(userBin);
    writeFileSync(
      path.join(userBin, 'python3'),
      `#!/bin/sh\necho "$PWD $*" >> '${userMarker}'\nif [ -f .python-version ]; then echo "$(cat .python-version) darwin"; else echo "3.10 win32"; fi\n`,
    );
    chmodSync(path.join(userBin, 'python3'), 0o755);

    // Empty and relative entries mean the current folder; the folder itself, spelled absolute, too.
    const env = { ...withoutOverride(), PATH: ['', '.', root, path.join(root, 'node_modules', '.bin'), userBin, process.env.PATH ?? ''].join(path.delimiter) };
    expect(edgesFrom(root, env)).toEqual(['main -> pkg', 'main -> pkg.win', 'main -> pkg', 'main -> pkg.tomli']);
    expect(existsSync(repoMarker), 'a python3 of the repository ran').toBe(false);
    const [folder, ...args] = readFileSync(userMarker, 'utf8').trim().split(' ');
    // Run from the file-system root, so no shim sees the project's .python-version; isolated.
    expect(folder).toBe('/');
    expect(args.slice(0, 3)).toEqual(['-I', '-S', '-E']);
    expect(args[3]).toBe('-c');
  });

  it.skipIf(process.platform === 'win32')('is not run at all when the version is known from the flag, the configuration or requires-python', () => {
    const markers = writeProject({});
    const marker = path.join(markers, 'ran');
    const env = { ...process.env, IMPORTLEAK_PYTHON: recordingPython(path.join(markers, 'bin'), marker, '3.10 win32') };
    const configured = writeProject({ ...PROJECT, 'pyproject.toml': '[tool.importleak]\npython-version = "3.10"\n' });
    expect(edgesFrom(configured, env)).toEqual(['main -> pkg', 'main -> pkg.tomli']);
    const requires = writeProject({ ...PROJECT, 'pyproject.toml': '[project]\nname = "x"\nrequires-python = ">=3.12"\n' });
    expect(edgesFrom(requires, env)).toEqual([]);
    const plain = writeProject(PROJECT);
    expect(edgesFrom(plain, env, ['--python-version', '3.12'])).toEqual([]);
    expect(existsSync(marker), 'the interpreter ran although the version was known').toBe(false);
    // Without any of them it is asked (and its platform counts).
    expect(edgesFrom(plain, env)).toEqual(['main -> pkg', 'main -> pkg.win', 'main -> pkg', 'main -> pkg.tomli']);
    expect(existsSync(marker)).toBe(true);
  });
});
