import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, writeProject } from './support.js';

const APP = {
  'app/__init__.py': '',
  'app/views.py': 'from flask import Blueprint\nfrom .jobs import submit\nbp = Blueprint("v", __name__)\n@bp.route("/")\ndef index():\n    return submit()\n',
  'app/jobs.py': 'import threading\nfrom concurrent.futures import ThreadPoolExecutor\nPOOL = ThreadPoolExecutor(max_workers=2)\nthreading.Thread(target=print).start()\ndef submit():\n    return POOL.submit(print)\n',
  // A module nothing imports (a test module would be a program of the test run, not reported: see programs.test.ts).
  'legacy/old_jobs.py': 'from concurrent.futures import ThreadPoolExecutor\nPOOL = ThreadPoolExecutor(1)\n',
};

function check(files: Record<string, string>, extra: string[] = []) {
  const root = writeProject(files);
  const run = runCli(['check', root, '--format', 'json', ...extra]);
  const report = run.stdout ? JSON.parse(run.stdout) : { findings: [] };
  return {
    root,
    code: run.code,
    stderr: run.stderr,
    findings: report.findings.map((f: { rule: string; level: string; path: string; line: number }) => `${f.rule} ${f.level} ${f.path}:${f.line}`),
    report,
  };
}

describe('configuration in pyproject.toml [tool.importleak] or importleak.toml', () => {
  it('with no configuration every rule runs', () => {
    expect(check(APP).findings).toEqual(['IL001 error app/jobs.py:3', 'IL002 error app/jobs.py:4', 'IL001 warning legacy/old_jobs.py:2']);
  });

  it('select / ignore pick rules by code or prefix (the longer prefix wins, as in ruff)', () => {
    const select = check({ ...APP, 'pyproject.toml': '[tool.importleak]\nselect = ["IL002"]\n' });
    expect(select.findings).toEqual(['IL002 error app/jobs.py:4']);
    const ignore = check({ ...APP, 'importleak.toml': 'ignore = ["IL00"]\nselect = ["IL001"]\n' });
    expect(ignore.findings).toEqual(['IL001 error app/jobs.py:3', 'IL001 warning legacy/old_jobs.py:2']);
  });

  it('per-file-ignores and exclude take gitignore-style patterns relative to the project root', () => {
    const perFile = check({ ...APP, 'pyproject.toml': '[tool.importleak.per-file-ignores]\n"legacy/**" = ["IL"]\n"app/jobs.py" = ["IL002"]\n' });
    expect(perFile.findings).toEqual(['IL001 error app/jobs.py:3']);
    const exclude = check({ ...APP, 'pyproject.toml': '[tool.importleak]\nexclude = ["legacy/"]\n' });
    expect(exclude.findings).toEqual(['IL001 error app/jobs.py:3', 'IL002 error app/jobs.py:4']);
  });

  it('fail-on from the configuration sets the exit code; the command line wins over it', () => {
    const files = { ...APP, 'app/views.py': 'x = 1\n', 'pyproject.toml': '[tool.importleak]\nfail-on = "warning"\n' };
    expect(check(files).code).toBe(1);
    expect(check(files, ['--fail-on', 'error']).code).toBe(0);
  });

  it('extend-resources adds a team constructor to the rule of its kind, with its message', () => {
    const files = {
      'svc/__init__.py': '',
      'svc/api.py': 'from fastapi import FastAPI\nfrom .store import CACHE\napp = FastAPI()\n',
      'svc/store.py': 'from myco.cache import make_client\nCACHE = make_client("redis://cache")\n',
      'pyproject.toml': [
        '[tool.importleak]',
        '[[tool.importleak.extend-resources]]',
        'name = "myco.cache.make_client"',
        'kind = "executor"',
        'message = "it opens a pool of 10 connections to the cache cluster in every process"',
      ].join('\n'),
    };
    const result = check(files);
    expect(result.findings).toEqual(['IL001 error svc/store.py:2']);
    expect(result.report.findings[0].message).toBe(
      '`make_client("redis://cache")` creates an executor (`myco.cache.make_client`, configured in extend-resources) while `svc.store` is imported, imported directly by the FastAPI app `app` in `svc.api`.',
    );
    expect(result.report.findings[0].cost).toBe('It opens a pool of 10 connections to the cache cluster in every process.');
    expect(result.report.findings[0].fix).toBe(
      'Create it on first use (a getter that builds it once, e.g. behind `functools.cache`), or in a post-fork hook, not at module level.',
    );
  });

  it('entry-points name modules the deployment imports, making what they reach an error', () => {
    const files = {
      'worker.py': 'import tasks\n',
      'tasks.py': 'from concurrent.futures import ThreadPoolExecutor\nPOOL = ThreadPoolExecutor(4)\n',
    };
    expect(check(files).findings).toEqual(['IL001 warning tasks.py:2']);
    const configured = check({ ...files, 'importleak.toml': 'entry-points = ["worker"]\n' });
    expect(configured.findings).toEqual(['IL001 error tasks.py:2']);
    expect(configured.report.findings[0].entry.description).toBe('configured entry point `worker`');
  });

  it('src adds source roots, relative to the configuration file', () => {
    const files = {
      'backend/api/__init__.py': '',
      'backend/api/routes.py': 'from fastapi import APIRouter\nfrom core.pool import POOL\nrouter = APIRouter()\n@router.get("/")\ndef index():\n    return 1\n',
      // core is a namespace package: only a source root at lib/ makes `core.pool` importable.
      'lib/core/pool.py': 'from concurrent.futures import ThreadPoolExecutor\nPOOL = ThreadPoolExecutor(4)\n',
    };
    expect(check(files).findings).toEqual(['IL001 warning lib/core/pool.py:2']);
    const withSrc = check({ ...files, 'pyproject.toml': '[tool.importleak]\nsrc = ["lib"]\n' });
    expect(withSrc.findings).toEqual(['IL001 error lib/core/pool.py:2']);
  });

  it.each([
    ['an unknown key', '[tool.importleak]\nselekt = ["IL001"]\n', 'pyproject.toml: unknown key `tool.importleak.selekt` (known keys: select, ignore, per-file-ignores, exclude, src, entry-points, extend-resources, fail-on, python-version, platform, unreached-level)'],
    ['a wrong type', '[tool.importleak]\nselect = "IL001"\n', 'pyproject.toml: `tool.importleak.select` must be a list of rule codes or prefixes, e.g. ["IL"] or ["IL001", "IL004"], not string "IL001"'],
    ['a code that is not ours', '[tool.importleak]\nignore = ["E501"]\n', 'pyproject.toml: `tool.importleak.ignore` has "E501", which is not a rule code or prefix (IL, IL0, IL001...)'],
    ['a bad fail-on', '[tool.importleak]\nfail-on = "sometimes"\n', 'pyproject.toml: `tool.importleak.fail-on` must be "error", "warning", "note" or "never", not string "sometimes"'],
    ['a bad resource kind', '[[tool.importleak.extend-resources]]\nname = "a.b"\nkind = "gizmo"\nmessage = "x"\n', 'pyproject.toml: `tool.importleak.extend-resources[0].kind` must be one of "executor", "thread", "scheduler", "client", "connection", "model", "subprocess", "file", not string "gizmo"'],
    ['invalid TOML', '[tool.importleak\nselect = []\n', 'pyproject.toml:1:17: invalid TOML'],
  ])('%s exits 2 naming the file, the key and what was expected', (_, toml, expected) => {
    const result = check({ ...APP, 'pyproject.toml': toml });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`importleak: ${path.join(result.root, expected)}`);
  });

  it('--config names the file explicitly; a missing one exits 2', () => {
    const result = check({ ...APP, 'conf/strict.toml': 'select = ["IL002"]\n' }, []);
    const root = result.root;
    const run = runCli(['check', root, '--format', 'json', '--config', path.join(root, 'conf/strict.toml')]);
    expect(JSON.parse(run.stdout).findings.map((f: { rule: string }) => f.rule)).toEqual(['IL002']);
    const missing = runCli(['check', root, '--config', path.join(root, 'nope.toml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.toml: cannot read the configuration: no such file');
  });
});
