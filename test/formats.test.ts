import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/check/findings.js';
import { shortMessage } from '../src/report/concise.js';
import { escapeData, escapeProperty, renderGithub } from '../src/report/github.js';
import { pathDisplay } from '../src/report/paths.js';
import { runCli, writeProject } from './support.js';

/** The first sentence of the movie_lottery message (test/movie_lottery.test.ts has it whole). */
const MOVIE_LOTTERY_FIRST_SENTENCE =
  '`ThreadPoolExecutor(max_workers=3)` creates a thread pool while `movie_lottery.utils.magnet_search` is imported, reached from the entry in `movie_lottery.routes.api_routes`.';
const MOVIE_LOTTERY_MESSAGE = `${MOVIE_LOTTERY_FIRST_SENTENCE} 3 gunicorn workers each create it: up to 9 threads.`;

describe('check --format github', () => {
  it('prints one workflow-command annotation per finding, with the rule code and title, paths relative to where it ran', () => {
    const run = runCli(['check', 'fixtures/movie_lottery', '--format', 'github']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      `::error file=fixtures/movie_lottery/movie_lottery/utils/magnet_search.py,line=11,endLine=11,col=20,endColumn=53,title=IL001 Executor created at import time::${MOVIE_LOTTERY_MESSAGE}\n`,
    );
  });

  it('escapes what the scanned project wrote: % in a call, a line break in a configured message, , and : in a file name', () => {
    const root = writeProject({
      'pkg/__init__.py': '',
      // A call over three lines: GitHub takes no columns for it, only the lines.
      'pkg/pool.py': 'from concurrent.futures import ThreadPoolExecutor\n\nPOOL = ThreadPoolExecutor(thread_name_prefix="""100%\n::add-mask::x\n""")\n',
      'pkg/cache.py': 'def connect():\n    pass\n',
      'pkg/use.py': 'from pkg.cache import connect\n\nCACHE = connect()\n',
      'bad,name:1.py': 'def (:\n',
      'importleak.toml': '[[extend-resources]]\nname = "pkg.cache.connect"\nkind = "client"\nmessage = """opens 2 sockets\n::add-mask::x"""\n',
    });
    const run = runCli(['check', '.', '--format', 'github'], root);
    expect(run.code).toBe(3);
    expect(run.stdout).toBe(
      [
        '::warning file=pkg/pool.py,line=3,endLine=5,title=IL001 Executor created at import time::`ThreadPoolExecutor(thread_name_prefix="""100%25 ::add-mask::x """)` creates a thread pool while `pkg.pool` is imported, but no entry found imports it at start-up.',
        '::warning file=pkg/use.py,line=3,endLine=3,col=9,endColumn=18,title=IL004 Network client created at import time::`connect()` creates a client (`pkg.cache.connect`, configured in extend-resources) while `pkg.use` is imported, but no entry found imports it at start-up.',
        '::warning file=bad%2Cname%3A1.py,line=1,col=1,title=importleak syntax-error::syntax error: unexpected "def (:"; CPython cannot import this file. The rest of it was still analyzed',
        '',
      ].join('\n'),
    );
    // Every line is one of ours: nothing quoted from the project starts a line of its own.
    for (const line of run.stdout.trimEnd().split('\n')) expect(line).toMatch(/^::(error|warning|notice) file=/);
  });

  it('keeps a resource text with a line break inert: ::add-mask:: and ::stop-commands:: cannot start a line', () => {
    const text = 'connect(\n::add-mask::x,\r\n::stop-commands::tok)';
    const finding: Finding = {
      ruleId: 'IL004',
      level: 'note',
      path: 'a,b:c.py',
      span: { line: 2, column: 5, endLine: 2, endColumn: 9 },
      module: 'a',
      message: `\`${text}\` creates a client at 100%.`,
      resource: { callee: 'a.connect', text, statement: `C = ${text}` },
      reach: { kind: 'unreached' },
      related: [],
    };
    const out = renderGithub({ findings: [finding], diagnostics: [], rules: [{ id: 'IL004', title: 'Client: at import, now' }], paths: pathDisplay('/p', '/p') });
    expect(out).toBe(
      '::notice file=a%2Cb%3Ac.py,line=2,endLine=2,col=5,endColumn=9,title=IL004 Client%3A at import%2C now::`connect(%0A::add-mask::x,%0D%0A::stop-commands::tok)` creates a client at 100%25.\n',
    );
    expect(out.split('\n')).toHaveLength(2);
  });

  it('escapes as @actions/core does', () => {
    expect(escapeData('50%\r\n::x, y: z')).toBe('50%25%0D%0A::x, y: z');
    expect(escapeProperty('50%\r\n::x, y: z')).toBe('50%25%0D%0A%3A%3Ax%2C y%3A z');
  });

  it('adds the import chain to the message when it runs through more than one import', () => {
    const root = writeProject({
      'app/__init__.py': '',
      'app/wsgi.py': 'from app import views\n',
      'app/views.py': 'from app import services\n',
      'app/services.py': 'import requests\n\nSESSION = requests.Session()\n',
      'importleak.toml': 'entry-points = ["app.wsgi"]\n',
    });
    const run = runCli(['check', '.', '--format', 'github'], root);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      '::error file=app/services.py,line=3,endLine=3,col=11,endColumn=29,title=IL004 Network client created at import time::`requests.Session()` creates an HTTP session while `app.services` is imported, imported through 2 imports from the configured entry point `app.wsgi` in `app.wsgi`.%0AImport chain: app/wsgi.py:1 → app/views.py:1 → app/services.py:3\n',
    );
  });
});

describe('check --format concise', () => {
  it('prints one line per finding with the first sentence of its message, no chain, then the summary', () => {
    const run = runCli(['check', 'fixtures/movie_lottery', '--format', 'concise']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        `fixtures/movie_lottery/movie_lottery/utils/magnet_search.py:11:20: IL001 [error] ${MOVIE_LOTTERY_FIRST_SENTENCE}`,
        'Found 1 error (13 Python files scanned, 5 entries).',
        '',
      ].join('\n'),
    );
  });

  it('lists the file problems one a line before the summary', () => {
    const root = writeProject({
      'pkg/__init__.py': '',
      'pkg/pool.py': 'from concurrent.futures import ThreadPoolExecutor\n\nPOOL = ThreadPoolExecutor(\n    max_workers=2,\n)\n',
      'broken.py': 'def (:\n',
    });
    const run = runCli(['check', '.', '--format', 'concise'], root);
    expect(run.code).toBe(3);
    expect(run.stdout).toBe(
      [
        'pkg/pool.py:3:8: IL001 [warning] `ThreadPoolExecutor( max_workers=2, )` creates a thread pool while `pkg.pool` is imported, but no entry found imports it at start-up.',
        'broken.py:1:1: syntax-error: syntax error: unexpected "def (:"; CPython cannot import this file. The rest of it was still analyzed',
        'Found 1 warning (3 Python files scanned, 0 entries, 1 file problem (see above)).',
        '',
      ].join('\n'),
    );
  });

  it('shortens a message to its first sentence, never inside code, parentheses or after an abbreviation', () => {
    expect(shortMessage(MOVIE_LOTTERY_MESSAGE)).toBe(MOVIE_LOTTERY_FIRST_SENTENCE);
    expect(shortMessage('`open("a. B")` opens a file. It stays open.')).toBe('`open("a. B")` opens a file.');
    expect(shortMessage('Use a getter (e.g. Behind a cache. Or not) instead. Then more.')).toBe('Use a getter (e.g. Behind a cache. Or not) instead.');
    expect(shortMessage('Build it once, e.g. Behind `functools.cache`. Then more.')).toBe('Build it once, e.g. Behind `functools.cache`.');
    expect(shortMessage('`f(\n    x,\n)` runs at import. 2 workers pay.')).toBe('`f( x, )` runs at import.');
    expect(shortMessage('no sentence end at all')).toBe('no sentence end at all');
    expect(shortMessage('version 3.12 is read. Next.')).toBe('version 3.12 is read.');
  });
});

describe('check --statistics', () => {
  it('prints count, code, [level] and rule name per rule and level, most first, counts right-aligned, then the summary', () => {
    const sessions = Array.from({ length: 10 }, (_, i) => `S${i} = requests.Session()\n`).join('');
    const root = writeProject({
      'app/__init__.py': '',
      'app/wsgi.py': 'from app import services\n',
      'app/services.py': `import requests\nfrom concurrent.futures import ThreadPoolExecutor\n\nPOOL = ThreadPoolExecutor(2)\n${sessions}`,
      // Not imported by the entry: warnings.
      'app/tools.py': 'import subprocess\n\nimport requests\n\nSESSION = requests.Session()\nsubprocess.run(["true"])\n',
      'importleak.toml': 'entry-points = ["app.wsgi"]\n',
    });
    const run = runCli(['check', '.', '--statistics'], root);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        '10\tIL004\t[error]   client-at-import',
        ' 1\tIL001\t[error]   executor-at-import',
        ' 1\tIL004\t[warning] client-at-import',
        ' 1\tIL007\t[warning] subprocess-at-import',
        '',
        'No deployment file found: assuming one process per worker.',
        'Found 11 errors, 2 warnings (4 Python files scanned, 1 entry).',
        '',
      ].join('\n'),
    );
  });

  it('prints only the summary when nothing is found', () => {
    const run = runCli(['check', 'fixtures/movie_lottery_fixed', '--statistics']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Deployment read: .*\nNo import-time resource leaks found \(\d+ Python files scanned, \d+ entries\)\.\n$/);
  });

  it('is a usage error with a format other than text', () => {
    const run = runCli(['check', 'fixtures/movie_lottery', '--statistics', '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('importleak: --statistics prints a table in the text format; it does not go with --format json\n');
  });
});
