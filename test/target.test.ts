import { describe, expect, it } from 'vitest';
import { runCli, writeProject } from './support.js';

/**
 * The target interpreter conditions are evaluated for (issue 5): `--python-version` / `--platform`
 * on `check` and `graph`, `python-version` / `platform` in [tool.importleak], `requires-python`.
 */
const PROJECT = {
  'pkg/__init__.py': '',
  'pkg/win.py': '',
  'pkg/tomli.py': '',
  'main.py': 'import sys\nif sys.platform == "win32":\n    import pkg.win\ntry:\n    import tomllib\nexcept ImportError:\n    import pkg.tomli\n',
};

/** `from -> to` of the import-time import edges (not enclosing-package ones) `graph --format json` prints. */
function edges(args: string[], files: Record<string, string> = PROJECT): string[] {
  const root = writeProject(files);
  const run = runCli(['graph', '--format', 'json', ...args, root]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const graph = JSON.parse(run.stdout) as { edges: Array<{ from: string; to: string; importTime: boolean; kind: string }> };
  return graph.edges.filter((e) => e.importTime && e.kind === 'import').map((e) => `${e.from} -> ${e.to}`);
}

describe('target interpreter', () => {
  it('defaults to Python 3.12 on Linux: no win32 branch, tomllib found', () => {
    expect(edges([])).toEqual([]);
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
