import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { boundMessage, chainStepsPerFinding, elideChain, escapeMessageText, excerpt, forJson, forLog, forSarifMessage, forTerminal, forWorkflowCommand, oneLine } from '../src/report/neutralise.js';
import { pathDisplay } from '../src/report/paths.js';
import { renderStepSummary } from '../src/report/summary.js';
import { analyze } from '../src/pipeline.js';
import { messageLinks, expectValidSarif, validateSarif } from './sarifValidator.js';
import { CLI, runCli, writeProject, type CliRun } from './support.js';

/**
 * Issue 14, guarantee 1: "Output cannot be used against the reader." Text quoted from the analyzed
 * project (code, file names, configuration) reaches no terminal, CI log, Markdown page or code
 * scanning alert raw: control, bidirectional and invisible characters are shown escaped, no
 * workflow command can start, no Markdown or HTML renders, JSON is valid UTF-16, excerpts are
 * bounded, and a report does not grow with the square of the project. Each test reproduces one
 * of the defects the hostile-input probe measured, through the built CLI (`npm run build` first).
 */

const project = writeProject;

const check = (root: string, ...args: string[]): CliRun => runCli(['check', '.', ...args], root);
/** As `check`, for outputs larger than spawnSync's default 1 MiB buffer. */
function checkLarge(root: string, ...args: string[]): CliRun {
  const run = spawnSync(process.execPath, [CLI, 'check', '.', ...args], { cwd: root, encoding: 'utf8', timeout: 120_000, maxBuffer: 256 * 1024 * 1024 });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

/** C0 controls but LF and TAB, DEL, C1, bidi overrides and isolates, zero-width and other format characters, U+2028/U+2029. */
const RAW_INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u2028\u2029]/;
/** The same in a line-oriented output, CR included: the runner reads a CR as a line break. */
const expectNoRawInvisible = (output: string, what: string): void => {
  const match = RAW_INVISIBLE.exec(output);
  expect(match, `${what}: raw U+${match?.[0].codePointAt(0)!.toString(16).padStart(4, '0')} at ${match?.index}: ${JSON.stringify(output.slice(Math.max(0, (match?.index ?? 0) - 40), (match?.index ?? 0) + 40))}`).toBeNull();
};
/** A line a GitHub Actions runner would take as a workflow command: `::` first (after blanks), or the older `##[` anywhere. */
const isWorkflowCommand = (line: string): boolean => /^\s*::/.test(line) || line.includes('##[');

const WEB = 'from flask import Flask\nimport jobs\napp = Flask(__name__)\n';
const TAIL = ' creates a thread pool while `jobs` is imported, imported directly by the Flask app `app` in `web`.';
const EXECUTOR_FIX = '  fix: Create it on first use (a getter that builds it once, e.g. behind `functools.cache`), or in a post-fork hook, not at module level.';

/** Every string of a parsed JSON value. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) strings(item, out);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) strings(item, out);
  return out;
}
const LONE_SURROGATE = /[\ud800-\udfff]/u;

/** Every message text of a SARIF log: results, related locations, code flows, notifications. */
function sarifMessages(log: any): string[] {
  const texts: string[] = [];
  for (const run of log.runs) {
    for (const result of run.results) {
      texts.push(result.message.text);
      for (const related of result.relatedLocations ?? []) if (related.message) texts.push(related.message.text);
      for (const flow of result.codeFlows ?? []) for (const thread of flow.threadFlows) for (const step of thread.locations) if (step.location.message) texts.push(step.location.message.text);
    }
    for (const notification of run.invocations[0].toolExecutionNotifications) texts.push(notification.message.text);
  }
  return texts;
}
/** The parts of a message outside its backtick-quoted code spans (which render as written). */
const outsideCodeSpans = (text: string): string => text.split('`').filter((_, i) => i % 2 === 0).join(' ');

describe('control characters from the project are shown escaped', () => {
  it('escape sequences in a string argument: \\x1b in text, concise, github; none raw in JSON or SARIF', () => {
    const root = project({
      'web.py': WEB,
      'jobs.py': 'from concurrent.futures import ThreadPoolExecutor\nPOOL = ThreadPoolExecutor(thread_name_prefix="\u001b[31mred\u001b]0;title\u0007\b\b")\n',
    });
    const quoted = 'ThreadPoolExecutor(thread_name_prefix="\\x1b[31mred\\x1b]0;title\\x07\\x08\\x08")';
    const text = check(root);
    expect(text.code).toBe(1);
    const lines = text.stdout.split('\n');
    expect(lines[0]).toBe(`jobs.py:2:8: IL001 [error] \`${quoted}\`${TAIL}`);
    expect(lines.slice(1, 6)).toEqual([
      '  import chain from the Flask app `app` (web.py:3):',
      '    web.py:2  import jobs',
      `    jobs.py:2  POOL = ${quoted}`,
      '  cost: It starts no thread until its first `submit()`; from then on up to `min(32, os.cpu_count() + 4)` (the default) threads live for the life of each process that imported it.',
      EXECUTOR_FIX,
    ]);
    expectNoRawInvisible(text.stdout, 'text');

    const concise = check(root, '--format', 'concise');
    expect(concise.stdout.split('\n')[0]).toBe(`jobs.py:2:8: IL001 [error] \`${quoted}\`${TAIL}`);
    const github = check(root, '--format', 'github');
    expect(github.stdout).toMatch(new RegExp(`^::error file=jobs\\.py,line=2,endLine=2,col=8,endColumn=\\d+,title=IL001 Executor created at import time::${escapeRegExp(`\`${quoted}\``)}`));
    for (const [format, run] of [['concise', concise], ['github', github]] as const) expectNoRawInvisible(run.stdout, format);

    const json = check(root, '--format', 'json');
    expectNoRawInvisible(json.stdout, 'json');
    const report = JSON.parse(json.stdout);
    expect(report.findings[0].message.startsWith(`\`${quoted}\``)).toBe(true);
    expect(report.findings[0].resource.text).toBe(quoted);
    for (const s of strings(report)) expectNoRawInvisible(s, 'a JSON string');

    const sarif = check(root, '--format', 'sarif');
    expectNoRawInvisible(sarif.stdout, 'sarif');
    const log = expectValidSarif(sarif.stdout, 'safety-escape-sequences');
    // SARIF escapes the brackets too: `[31m` is no link text.
    expect(log.runs[0].results[0].message.text.startsWith(`\`${escapeMessageText(quoted)}\``)).toBe(true);
    for (const s of sarifMessages(log)) expectNoRawInvisible(s, 'a SARIF message');
  });

  it('the \\r of a CRLF file never reaches a quoted line, nor does a lone CR', () => {
    const root = project({
      'web.py': 'from flask import Flask\r\nimport jobs\r\napp = Flask(__name__)\r\n',
      // The lone CR last: CPython counts it as a line break, tree-sitter does not.
      'jobs.py': 'from concurrent.futures import (\r\n    ThreadPoolExecutor,\r\n)\r\nPOOL = ThreadPoolExecutor(\r\n    max_workers=2,\r\n)\r\nimport requests\r\nS = requests.Session(x="""a\rb""")\r\n',
    });
    const text = check(root);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('\n    web.py:2  import jobs\n    jobs.py:4  POOL = ThreadPoolExecutor( max_workers=2, )\n');
    expect(text.stdout).toContain('\n    jobs.py:8  S = requests.Session(x="""a b""")\n');
    expect(text.stdout.split('\n')[0]).toBe(`jobs.py:4:8: IL001 [error] \`ThreadPoolExecutor( max_workers=2, )\`${TAIL}`);
    for (const format of ['text', 'concise', 'github', 'json', 'sarif']) {
      const run = check(root, '--format', format);
      expect(run.stdout, format).not.toContain('\r');
    }
  });

  it('bidirectional overrides and isolates, zero-width characters, a BOM and NUL are shown as \\u202e, \\u2066, \\u200b, \\ufeff, \\x00', () => {
    const root = project({
      'web.py': WEB,
      'jobs.py': 'import requests\nS = requests.Session(x="admin\u202e\u2066 //\u2069\u2066 check\u200b\ufeff\u0000")\n',
    });
    const quoted = 'requests.Session(x="admin\\u202e\\u2066 //\\u2069\\u2066 check\\u200b\\ufeff\\x00")';
    for (const format of ['text', 'concise', 'github']) {
      const run = check(root, '--format', format);
      expect(run.stdout, format).toContain(`\`${quoted}\` creates an HTTP session while \`jobs\` is imported`);
      expectNoRawInvisible(run.stdout, format);
    }
    const json = JSON.parse(check(root, '--format', 'json').stdout);
    expect(json.findings[0].resource.statement).toBe(`S = ${quoted}`);
    expect(json.findings[0].chain.at(-1).code).toBe(`S = ${quoted}`);
  });

  it('an unknown configuration key spelled with escape sequences, a line break and :: is echoed escaped, on one line', () => {
    const root = project({
      'app.py': 'import os\n',
      'importleak.toml': '"\\u001b]0;pwned\\u0007\\n::error::gotcha\\r::add-mask::x\\u202e" = 1\n',
    });
    const run = check(root);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.endsWith('\n')).toBe(true);
    expect(run.stderr.split('\n')).toHaveLength(2);
    expect(run.stderr).toMatch(/^importleak: /);
    expect(run.stderr).toContain('unknown key `\\x1b]0;pwned\\x07\\n::error::gotcha\\r::add-mask::x\\u202e`');
    expectNoRawInvisible(run.stderr, 'stderr');
  });

  it('entry-points and extend-resources values with escape sequences are shown escaped', () => {
    const root = project({
      'pkg/__init__.py': '',
      'pkg/web.py': 'import pkg.use\n',
      'pkg/cache.py': 'def connect():\n    pass\n',
      'pkg/use.py': 'from pkg.cache import connect\n\nCACHE = connect()\n',
      'importleak.toml':
        'entry-points = ["pkg.web:\\u001b[31mapp\\u202e", "\\u001b]0;x\\u0007.nothing"]\n' +
        '[[extend-resources]]\nname = "pkg.cache.connect"\nkind = "client"\nmessage = "opens \\u001b[2J a socket\\u202e\\n::add-mask::x"\n',
    });
    const text = check(root);
    expect(text.code).toBe(2); // an entry point that names no module is a configuration error
    expect(text.stdout).toContain(
      '`connect()` creates a client (`pkg.cache.connect`, configured in extend-resources) while `pkg.use` is imported, imported directly by the configured entry point `pkg.web:\\x1b[31mapp\\u202e` in `pkg.web`.\n',
    );
    expect(text.stdout).toContain('\n  cost: Opens \\x1b[2J a socket\\u202e ::add-mask::x.\n');
    expect(text.stdout).toContain('  import chain from the configured entry point `pkg.web:\\x1b[31mapp\\u202e` (pkg/web.py:1):\n');
    expectNoRawInvisible(text.stdout, 'text');
    const entries = runCli(['entries', '.'], root);
    expect(entries.stdout).toContain('[configured] configured entry point `pkg.web:\\x1b[31mapp\\u202e`');
    expectNoRawInvisible(entries.stdout, 'entries');
    for (const line of [...text.stdout.split('\n'), ...entries.stdout.split('\n')]) expect(isWorkflowCommand(line), line).toBe(false);
  });
});

describe('no workflow command can start from quoted text', () => {
  const root = (): string =>
    project({
      'web.py': WEB,
      'jobs.py': 'import requests\nS = requests.Session(x="""\n::error file=web.py,line=1::pwned\n  ::add-mask::secret\n::stop-commands::tok\n##[add-mask]abc\n""")\n',
      // File names are quoted at the start of lines.
      '::add-mask::x.py': 'def (:\n',
      '##[stop-commands]y.py': 'def (:\n',
    });

  it('in text, concise, statistics, entries and on the stderr of graph no line is a workflow command', () => {
    const dir = root();
    const runs: Array<[string, CliRun]> = [
      ['text', check(dir)],
      ['concise', check(dir, '--format', 'concise')],
      ['statistics', check(dir, '--statistics')],
      ['entries', runCli(['entries', '.'], dir)],
      ['graph', runCli(['graph', '.'], dir)],
      ['sarif to a file', check(dir, '--format', 'sarif', '--output', 'out.sarif')],
    ];
    for (const [what, run] of runs) {
      for (const line of [...run.stdout.split('\n'), ...run.stderr.split('\n')]) expect(isWorkflowCommand(line), `${what}: ${line}`).toBe(false);
      expectNoRawInvisible(run.stdout + run.stderr, what);
    }
    const text = runs[0]![1].stdout;
    // The message quotes the call's first 80 characters; the chain line quotes the whole statement.
    expect(text).toContain('`requests.Session(x=""" ::error file=web.py,line=1::pwned ::add-mask::secret ::s…` creates an HTTP session');
    expect(text).toContain('\n    jobs.py:2  S = requests.Session(x=""" ::error file=web.py,line=1::pwned ::add-mask::secret ::stop-commands::tok #\\x23[add-mask]abc """)\n');
    expect(text).toMatch(/^\\x3a:add-mask::x\.py:1:1: syntax-error: /m);
    expect(text).toMatch(/^#\\x23\[stop-commands\]y\.py:1:1: syntax-error: /m);
  });

  it('in the github format every line is one annotation of importleak', () => {
    const run = check(root(), '--format', 'github');
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=/);
    expect(lines[0]).toBe(
      '::error file=jobs.py,line=2,endLine=7,title=IL004 Network client created at import time::`requests.Session(x=""" ::error file=web.py,line=1::pwned ::add-mask::secret ::s…` creates an HTTP session while `jobs` is imported, imported directly by the Flask app `app` in `web`.',
    );
    expect(lines).toContain('::warning file=%3A%3Aadd-mask%3A%3Ax.py,line=1,col=1,title=importleak syntax-error::syntax error: unexpected "def (:"; CPython cannot import this file. The rest of it was still analyzed');
  });
});

describe('SARIF and the step summary render no Markdown or HTML from the project', () => {
  const HOSTILE = '<script>alert(1)</script>[x](javascript:alert(1))<img src=x onerror=alert(1)>[see](99)![i](https://e.example/t.png)';
  const files = {
    'web.py': WEB,
    'jobs.py': `import requests\nS = requests.Session(x="${HOSTILE}")\nT = requests.Session(y="\`<img src=x onerror=alert(2)>\`")\n`,
    '<b>[see](7)<i>.py': 'def (:\n',
  };

  it('SARIF: quoted brackets escaped, so the only links are importleak\'s; HTML outside code spans escaped', () => {
    const run = check(project(files), '--format', 'sarif');
    const log = expectValidSarif(run.stdout, 'safety-markup');
    const [first, second] = log.runs[0].results;
    // Inside the code span the quoted text is as written, its brackets escaped; links: the entry and the creation site.
    expect(first.message.text).toBe(
      '`requests.Session(x="<script>alert(1)</script>\\[x\\](javascript:alert(1))<img src=x…` creates an HTTP session while `jobs` is imported, imported directly by the Flask app `app` in `web`. Entry: [web.py:3](1). Created at [jobs.py:2](2).',
    );
    expect(messageLinks(first.message.text)).toEqual({ links: [{ text: 'web.py:3', id: 1 }, { text: 'jobs.py:2', id: 2 }], unescaped: [] });
    // Backticks in the quoted code would move where a code span ends: the message quotes them as '.
    expect(second.message.text.startsWith('`requests.Session(y="\'<img src=x onerror=alert(2)>\'")` creates')).toBe(true);
    for (const text of sarifMessages(log)) {
      expect(messageLinks(text).unescaped, text).toEqual([]);
      expect(outsideCodeSpans(text), text).not.toMatch(/(?<!\\)<[A-Za-z/!?]/);
    }
    // The related location and the code flow quote the statement without a code span: escaped there too.
    expect(first.relatedLocations[1].message.text).toBe(
      'created here: S = requests.Session(x="\\<script>alert(1)\\</script>\\[x\\](javascript:alert(1))\\<img src=x onerror=alert(1)>\\[see\\](99)!\\[i\\](https://e.example/t.png)")',
    );
    const notification = log.runs[0].invocations[0].toolExecutionNotifications.find((n: any) => n.message.text.includes('syntax error'));
    expect(notification.message.text.startsWith('\\<b>\\[see\\](7)\\<i>.py: syntax error')).toBe(true);
  });

  it('step summary: no HTML, link or image outside code spans, bidi shown escaped', async () => {
    const root = project({ ...files, 'more.py': 'import requests\nS = requests.Session(x="\u202e\u001b[2J")\n' });
    const result = await analyze({ root, paths: ['.'] });
    const paths = pathDisplay(root, root);
    const summary = renderStepSummary({ findings: result.findings, diagnostics: result.diagnostics, rules: result.rules, paths, moduleOf: () => undefined, fileCount: result.fileCount, deployment: 'no deployment file found' });
    const outside = summary.replace(/```mermaid[\s\S]*?```/g, '').replace(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, '');
    expect(outside).not.toMatch(/<(script|img)\b/);
    expect(outside).not.toContain('<b>[see]');
    expect(outside).not.toMatch(/\]\((javascript|https|\d)/);
    expect(summary).toContain('`requests.Session(x="\\u202e\\x1b[2J")`');
    expectNoRawInvisible(summary, 'summary');
  });
});

describe('JSON is valid UTF-16', () => {
  it('undecodable bytes, a file name that is not UTF-8 and an excerpt cut inside a surrogate pair give no lone surrogate', () => {
    const statement = `S = requests.Session(x="${'a'.repeat(134)}${'\u{1F600}'.repeat(20)}")`;
    const root = project({
      'web.py': WEB,
      'jobs.py': Buffer.concat([Buffer.from(`import requests\n${statement}\nT = requests.Session(y="`), Buffer.from([0xff, 0xfe, 0xed, 0xa0, 0x80]), Buffer.from('")\n')]),
    });
    // A file name that is not UTF-8 (Linux allows any bytes but `/` and NUL).
    writeFileSync(Buffer.concat([Buffer.from(`${root}/bad`), Buffer.from([0xff]), Buffer.from('.py')]), 'def (:\n');
    for (const format of ['json', 'sarif']) {
      const run = check(root, '--format', format);
      // JSON.stringify writes a lone surrogate as a \u escape, and a pair as the character itself.
      expect(run.stdout, format).not.toMatch(/\\u[dD][89a-fA-F][0-9a-fA-F]{2}/);
      const value = JSON.parse(run.stdout);
      for (const s of strings(value)) expect(LONE_SURROGATE.test(s), JSON.stringify(s)).toBe(false);
      if (format === 'json') {
        expect(value.problems).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'decode-error', path: 'jobs.py', line: 3 })]));
        // The statement the extractor cut inside the 20th character pair: the half left became U+FFFD.
        const s = value.findings.find((f: { line: number }) => f.line === 2);
        expect(s.resource.statement).toBe(`S = requests.Session(x="${'a'.repeat(134)}\ufffd…`);
      }
    }
    const text = check(root);
    expect(LONE_SURROGATE.test(text.stdout)).toBe(false);
  });
});

describe('excerpts are bounded', () => {
  it('a 1 MB argument and a 1 MB identifier are cut at 200 characters with an ellipsis, in every format', () => {
    const x = 'x'.repeat(1_000_000);
    const root = project({
      'web.py': WEB,
      'jobs.py': `from concurrent.futures import ThreadPoolExecutor\nimport threading\nP = ThreadPoolExecutor(max_workers=f("${x}"))\n${x} = ThreadPoolExecutor()\ndef ${x}(): pass\nt = threading.Thread(target=${x}, name="${x}")\nt.start()\n`,
    });
    for (const format of ['text', 'concise', 'json', 'sarif', 'github']) {
      const run = check(root, '--format', format, '--max-file-size', '8M');
      expect(run.code, `${format}: ${run.stderr}`).toBe(1);
      const longest = Math.max(...(run.stdout.match(/x+/g) ?? []).map((m) => m.length));
      expect(longest, format).toBeLessThanOrEqual(200);
      expect(run.stdout.length, format).toBeLessThan(100_000);
      const cost = `up to \`f("${'x'.repeat(196)}…\` threads`;
      // The cost is on its own line (text), a field (json), a property (sarif); not in the short message.
      if (format === 'text') expect(run.stdout, format).toContain(`\n  cost: It starts no thread until its first \`submit()\`; from then on ${cost} live`);
      if (format === 'json') expect(JSON.parse(run.stdout).findings[0].cost, format).toContain(cost);
      if (format === 'sarif') expect(JSON.parse(run.stdout).runs[0].results[0].properties.cost, format).toContain(cost);
    }
  });

  it('a chain of 1,500 imports, a resource in every module: each finding shows its first and last steps, and the reports stay small', () => {
    const files: Record<string, string> = { 'web.py': 'from flask import Flask\nimport m0000\napp = Flask(__name__)\n' };
    for (let i = 0; i < 1500; i++) {
      const name = (n: number): string => `m${String(n).padStart(4, '0')}`;
      files[`${name(i)}.py`] = `import requests\n${i < 1499 ? `import ${name(i + 1)}\n` : ''}s = requests.Session()\n`;
    }
    const root = project(files);

    const text = checkLarge(root);
    expect(text.code, text.stderr).toBe(1);
    expect(text.stdout.length).toBeLessThan(3_000_000);
    const last = text.stdout.slice(text.stdout.indexOf('m1499.py:2:5: IL004'));
    const chain = last.split('\n').slice(2, 24);
    expect(chain.slice(0, 3)).toEqual(['    web.py:2  import m0000', '    m0000.py:2  import m0001', '    m0001.py:2  import m0002']);
    expect(chain[10]).toBe('    … 1,481 more steps');
    expect(chain.slice(19)).toEqual([
      '    m1498.py:2  import m1499',
      '    m1499.py:2  s = requests.Session()',
      '  cost: It opens no connection until its first request; from then on it keeps up to 10 idle connections per host (`pool_maxsize`) open for the life of each process that imported it, and connections it opened before a fork are shared by every forked worker.',
    ]);

    const json = checkLarge(root, '--format', 'json');
    expect(json.stdout.length).toBeLessThan(6_000_000);
    const report = JSON.parse(json.stdout);
    expect(report.findings).toHaveLength(1500);
    const deepest = report.findings.find((f: { path: string }) => f.path === 'm1499.py');
    // 1,500 findings share 10,000 chain steps: 6 each, the first 3 and the last 3.
    expect(deepest.chain.map((s: { path: string }) => s.path)).toEqual(['web.py', 'web.py', 'm0000.py', 'm1497.py', 'm1498.py', 'm1499.py']);
    expect(deepest.chainOmitted).toBe(1496);

    const sarif = checkLarge(root, '--format', 'sarif');
    expect(sarif.code, sarif.stderr).toBe(1);
    expect(sarif.stdout.length).toBeLessThan(16_000_000);
    expect(validateSarif(sarif.stdout)).toEqual([]);
    const log = JSON.parse(sarif.stdout);
    expect(log.runs[0].results).toHaveLength(1500);
    expect(Math.max(...log.runs[0].results.map((r: any) => r.codeFlows[0].threadFlows[0].locations.length))).toBe(6);
    expect(log.runs[0].properties.truncated.threadFlowLocations).toBeGreaterThan(1_000_000);

    const github = checkLarge(root, '--format', 'github');
    expect(github.stdout.length).toBeLessThan(3_000_000);
    expect(github.stdout).toContain('m0007.py:2 → … 1,482 more steps → m1490.py:2');
  }, 180_000);
});

describe('src/report/neutralise.ts', () => {
  it('cuts an excerpt with an ellipsis, never inside a surrogate pair, and each quoted part of a message on its own', () => {
    expect(excerpt('abcdef', 4)).toBe('abc…');
    expect(excerpt('ab\u{1F600}cd', 4)).toBe('ab…');
    expect(excerpt('abc', 3)).toBe('abc');
    const message = `\`${'a'.repeat(300)}\` creates ${'b'.repeat(300)} \`${'c'.repeat(10)}\``;
    expect(boundMessage(message)).toBe(`\`${'a'.repeat(199)}…\` creates ${'b'.repeat(300)} \`${'c'.repeat(10)}\``);
    // Backticks in the quoted code can hide where it ends: the whole is bounded all the same.
    expect(boundMessage(`\`f("\`${'x'.repeat(1_000_000)}\`")\` creates`).length).toBeLessThanOrEqual(4_000);
  });

  it('puts a message on one line: CRLF, CR, LF and the blanks around them become one space', () => {
    expect(oneLine('f(\r\n    a,\r    b,\n\u2028)')).toBe('f( a, b, )');
    expect(oneLine('no break\there')).toBe('no break\there');
  });

  it('shows invisible characters escaped, for a field, a whole output, a workflow command, JSON and SARIF', () => {
    expect(forTerminal('a\u001b[31m\u0007\u009b\u007f\t\r\n\u202e\u2066\u200b\ufeff\u00ad\u2028\u{E0041}\ud800b')).toBe(
      'a\\x1b[31m\\x07\\x9b\\x7f\\t\\r\\n\\u202e\\u2066\\u200b\\ufeff\\xad\\u2028\\u{e0041}\ufffdb',
    );
    expect(forLog('ok\tcolumn\n::add-mask::x\n  ::error::y\nsee ##[add-mask]z\na::b\n\u001b[2J\n')).toBe(
      'ok\tcolumn\n\\x3a:add-mask::x\n  \\x3a:error::y\nsee #\\x23[add-mask]z\na::b\n\\x1b[2J\n',
    );
    expect(forWorkflowCommand('a\r\nb\u001b\u202e')).toBe('a\r\nb\\x1b\\u202e');
    expect(forJson({ s: 'a\u001b\ud800' })).toBe('{\n  "s": "a\\\\x1b\ufffd"\n}\n');
    expect(forSarifMessage('`<img src=x>[a](1)` <b>x</b> < 3 [see](2)')).toBe('`<img src=x>\\[a\\](1)` \\<b>x\\</b> < 3 \\[see\\](2)');
    expect(escapeMessageText('\\[x]')).toBe('\\\\\\[x\\]');
  });

  it('elides the middle of a long chain, and shares a report\'s steps among its findings', () => {
    expect(elideChain([1, 2, 3], 20)).toEqual({ head: [1, 2, 3], omitted: 0, tail: [] });
    expect(elideChain(Array.from({ length: 25 }, (_, i) => i), 20)).toEqual({ head: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], omitted: 5, tail: [15, 16, 17, 18, 19, 20, 21, 22, 23, 24] });
    expect(chainStepsPerFinding(1)).toBe(20);
    expect(chainStepsPerFinding(500)).toBe(20);
    expect(chainStepsPerFinding(1_500)).toBe(6);
    expect(chainStepsPerFinding(25_000)).toBe(4);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('reports with very many file problems', () => {
  it('render 150,000 diagnostics in text and statistics without overflowing the stack', async () => {
    const { renderText } = await import('../src/report/text.js');
    const { renderStatistics } = await import('../src/report/statistics.js');
    const diagnostics = Array.from({ length: 150_000 }, (_, i) => ({ kind: 'syntax-error' as const, path: `m${i}.py`, line: 1, message: 'syntax error' }));
    const input = { findings: [], diagnostics, entries: [], fileCount: 150_000, paths: pathDisplay('/w', '/w') };
    expect(renderText(input).split('\n').filter((l) => l.endsWith(': syntax-error: syntax error'))).toHaveLength(150_000);
    expect(renderStatistics({ ...input, rules: [] })).toContain('150000 file problems');
  });
});
