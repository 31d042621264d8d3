import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { FIXTURES, PROJECT } from './support.js';

/**
 * The pre-commit hook as pre-commit runs a `language: script` hook: the entry's first word is a
 * file of the hook's repository, run with the rest of the entry as arguments, in the user's
 * repository, when a changed file matches `files`. (Checked by hand with pre-commit 4.6 on a real
 * repository; this pins what it relies on.)
 */
interface Hook {
  id: string;
  entry: string;
  language: string;
  pass_filenames: boolean;
  files: string;
}
const hooks = parse(readFileSync(path.join(PROJECT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const hook = hooks.find((h) => h.id === 'importleak')!;

describe('.pre-commit-hooks.yaml', () => {
  it('runs the committed command line on the whole repository and fails on the incident', () => {
    expect(hook).toMatchObject({ language: 'script', pass_filenames: false });
    const [file, ...args] = hook.entry.split(' ');
    const run = spawnSync(path.join(PROJECT, file!), args, { cwd: path.join(FIXTURES, 'movie_lottery'), encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('movie_lottery/utils/magnet_search.py:11:20: IL001 [error]');
  });

  it('runs when a Python or deployment file changes, not for other files', () => {
    const files = new RegExp(hook.files);
    for (const changed of ['app/views.py', 'stubs/x.pyi', 'Procfile', 'backend/Procfile', 'Dockerfile', 'docker/Dockerfile.prod', 'gunicorn.conf.py', 'pyproject.toml', 'docker-compose.yml', 'uwsgi.ini', 'deploy/app.service']) {
      expect(files.test(changed), changed).toBe(true);
    }
    for (const changed of ['README.md', 'static/app.js', 'docs/Procfile.md']) expect(files.test(changed), changed).toBe(false);
  });
});
