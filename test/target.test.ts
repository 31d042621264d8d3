import { spawnSync } from 'node:child_process';
import { chmodSync } from 'node:fs';
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
    // What the interpreter answers decides; the project's requires-python decides the version before it.
    const older = { ...process.env, IMPORTLEAK_PYTHON: fakePython('3.10 win32') };
    expect(edges([], PROJECT, older)).toEqual(['main -> pkg', 'main -> pkg.win', 'main -> pkg', 'main -> pkg.tomli']);
    const requires = { ...PROJECT, 'pyproject.toml': '[project]\nname = "x"\nrequires-python = ">=3.12"\n' };
    expect(edges([], requires, older)).toEqual(['main -> pkg', 'main -> pkg.win']);
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
