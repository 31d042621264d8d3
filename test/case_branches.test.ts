import { describe, expect, it } from 'vitest';
import { selectCaseBranches } from '../src/deploy/caseBranches.js';

/** The script with the blanked branches' spaces folded, to read what is left. */
const left = (script: string, argument?: string, expands = false): string =>
  selectCaseBranches(script, argument === undefined ? undefined : { text: argument, expands })
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join(' / ');

const ONE_LINE = 'case "$1" in server) exec gunicorn -w 4 app.wsgi:app;; manage) shift; exec python -m flask "$@";; esac';

const ENTRYPOINT = [
  '#!/bin/bash',
  'set -e',
  'case "${1}" in',
  '  # the web server',
  '  "server"|web)',
  '    exec gunicorn -w 4 app.wsgi:app',
  '    ;;',
  '  worker*)',
  '    case "$2" in',
  '      beat) exec celery -A app beat ;;',
  '      *) exec celery -A app worker ;;',
  '    esac',
  '    ;;',
  '  *)',
  '    exec "$@"',
  '    ;;',
  'esac',
].join('\n');

describe('case "$1" in an entrypoint script: the branch its first argument selects', () => {
  it('keeps only that branch, on one line or many, with quoted patterns, alternatives, globs and a nested case', () => {
    expect(left(ONE_LINE, 'server')).toBe('case "$1" in server) exec gunicorn -w 4 app.wsgi:app;; esac');
    expect(left(ONE_LINE, 'manage')).toBe('case "$1" in manage) shift; exec python -m flask "$@";; esac');
    expect(left(ONE_LINE, 'version')).toBe('case "$1" in esac');
    expect(left(ENTRYPOINT, 'web')).toBe('#!/bin/bash / set -e / case "${1}" in / # the web server / "server"|web) / exec gunicorn -w 4 app.wsgi:app / ;; / esac');
    expect(left(ENTRYPOINT, 'worker-default')).toBe(
      '#!/bin/bash / set -e / case "${1}" in / # the web server / worker*) / case "$2" in / beat) exec celery -A app beat ;; / *) exec celery -A app worker ;; / esac / ;; / esac',
    );
    expect(left(ENTRYPOINT, 'celery')).toBe('#!/bin/bash / set -e / case "${1}" in / # the web server / *) / exec "$@" / ;; / esac');
  });

  it('takes no argument as an empty $1, and keeps every branch when $1 is known only at run time', () => {
    expect(left(ENTRYPOINT)).toBe('#!/bin/bash / set -e / case "${1}" in / # the web server / *) / exec "$@" / ;; / esac');
    expect(selectCaseBranches(ENTRYPOINT, { text: '$MODE', expands: true })).toBe(ENTRYPOINT);
    // A case on another variable, and bash's fall-through, are left as they are.
    const other = 'case "$MODE" in server) exec gunicorn app:app;; esac';
    expect(selectCaseBranches(other, { text: 'x', expands: false })).toBe(other);
    const fallThrough = 'case "$1" in server) echo web;& worker) exec celery -A app worker;; esac';
    expect(selectCaseBranches(fallThrough, { text: 'server', expands: false })).toBe(fallThrough);
  });

  it('keeps every offset: what is left is on its own lines', () => {
    const selected = selectCaseBranches(ENTRYPOINT, { text: 'worker', expands: false });
    expect(selected.length).toBe(ENTRYPOINT.length);
    expect(selected.split('\n').map((line, i) => (line.trim() ? i + 1 : 0)).filter(Boolean)).toEqual([1, 2, 3, 4, 8, 9, 10, 11, 12, 13, 17]);
  });
});
