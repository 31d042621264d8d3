import { describe, expect, it } from 'vitest';
import { runCli, writeProject } from './support.js';

/** A Flask blueprint importing a module with a pool at import time: one IL001 error by default. */
const APP = {
  'app/__init__.py': '',
  'app/views.py': 'from flask import Blueprint\nfrom .jobs import submit\nbp = Blueprint("v", __name__)\n@bp.route("/")\ndef index():\n    return submit()\n',
  'app/jobs.py': 'from concurrent.futures import ThreadPoolExecutor\nPOOL = ThreadPoolExecutor(max_workers=2)\ndef submit():\n    return POOL.submit(print)\n',
};

function check(files: Record<string, string>, extra: string[] = []) {
  const root = writeProject(files);
  const run = runCli(['check', root, '--format', 'json', ...extra]);
  const report = JSON.parse(run.stdout);
  return {
    code: run.code,
    findings: report.findings.map((f: { rule: string; level: string; path: string; line: number }) => `${f.rule} ${f.level} ${f.path}:${f.line}`),
    messages: report.findings.map((f: { message: string }) => f.message),
    fixes: report.findings.map((f: { fix?: string }) => f.fix),
  };
}

describe('suppression comments', () => {
  it('without a comment, the pool is an error', () => {
    expect(check(APP).findings).toEqual(['IL001 error app/jobs.py:2']);
  });

  it.each([
    ['# importleak: ignore[IL001]'],
    ['# importleak: ignore[IL001, IL004]'],
    ['# importleak: ignore'],
    ['# noqa: IL001'],
    ['# noqa: E501, IL001'],
    ['# noqa'],
  ])('`%s` on the resource line suppresses it', (comment) => {
    const files = { ...APP, 'app/jobs.py': APP['app/jobs.py'].replace('max_workers=2)', `max_workers=2)  ${comment}`) };
    expect(check(files)).toMatchObject({ code: 0, findings: [] });
  });

  it('a comment naming another rule does not suppress it, and is itself reported as unused', () => {
    const files = { ...APP, 'app/jobs.py': APP['app/jobs.py'].replace('max_workers=2)', 'max_workers=2)  # importleak: ignore[IL004]') };
    const result = check(files);
    expect(result.findings).toEqual(['IL001 error app/jobs.py:2', 'IL100 warning app/jobs.py:2']);
    expect(result.messages[1]).toBe(
      'Unused suppression `# importleak: ignore[IL004]`: no finding of IL004 is reported on this line, and no import chain for IL004 goes through it.',
    );
    expect(result.fixes[1]).toBe('Remove the comment, or correct the rule code it names.');
  });

  it('on an import line it marks the edge as intended: no chain goes through it, so the error becomes a warning', () => {
    const files = { ...APP, 'app/views.py': APP['app/views.py'].replace('from .jobs import submit', 'from .jobs import submit  # importleak: ignore[IL001]') };
    const result = check(files);
    expect(result.findings).toEqual(['IL001 warning app/jobs.py:2']);
  });

  it('an import line cuts the chains of the rules it names only; a bare `# noqa` there cuts them all', () => {
    const jobs = `${APP['app/jobs.py']}import requests\nSESSION = requests.Session()\n`;
    const named = { ...APP, 'app/jobs.py': jobs, 'app/views.py': APP['app/views.py'].replace('from .jobs import submit', 'from .jobs import submit  # noqa: IL001') };
    expect(check(named).findings).toEqual(['IL001 warning app/jobs.py:2', 'IL004 error app/jobs.py:6']);
    const bare = { ...APP, 'app/jobs.py': jobs, 'app/views.py': APP['app/views.py'].replace('from .jobs import submit', 'from .jobs import submit  # noqa') };
    expect(check(bare).findings).toEqual(['IL001 warning app/jobs.py:2', 'IL004 warning app/jobs.py:6']);
  });

  it('`# importleak: ignore-file` silences the whole file; with nothing to silence it is reported', () => {
    const files = { ...APP, 'app/jobs.py': `# importleak: ignore-file\n${APP['app/jobs.py']}` };
    expect(check(files).findings).toEqual([]);
    const clean = { ...APP, 'app/views.py': `# importleak: ignore-file\n${APP['app/views.py']}` };
    expect(check(clean).findings).toEqual(['IL001 error app/jobs.py:2', 'IL100 warning app/views.py:1']);
  });

  it('a bare `# noqa` that suppresses nothing is left alone (it may be for another linter)', () => {
    const files = { ...APP, 'app/views.py': APP['app/views.py'].replace('bp = Blueprint("v", __name__)', 'bp = Blueprint("v", __name__)  # noqa') };
    expect(check(files).findings).toEqual(['IL001 error app/jobs.py:2']);
  });

  it('a `# importleak:` inside a string is not a comment', () => {
    const files = { ...APP, 'app/jobs.py': APP['app/jobs.py'].replace('max_workers=2)', 'max_workers=2); NOTE = "# importleak: ignore"') };
    expect(check(files).findings).toEqual(['IL001 error app/jobs.py:2']);
  });
});
