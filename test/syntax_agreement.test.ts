import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pythonCodec } from '../src/extract/decode.js';
import { measureSyntax, SYNTAX_END, SYNTAX_START } from '../src/fidelity/syntax.js';
import { FIXTURES, PROJECT, runCli, writeProject } from './support.js';

/**
 * Issue 11, item 4: a file is called a syntax error only when CPython agrees. Each case asks the
 * local python3 (`compile()`, `codecs.lookup`) what CPython says, then checks importleak says the same.
 */

/** Whether the local python3 compiles each source (bytes, decoded as CPython decodes a source file). */
function cpythonCompiles(sources: Record<string, string>): Record<string, boolean> {
  const script = [
    'import importlib.util, json, sys',
    'out = {}',
    'for name, source in json.load(sys.stdin).items():',
    '    try:',
    '        compile(importlib.util.decode_source(source.encode("latin-1")), name, "exec", dont_inherit=True)',
    '        out[name] = True',
    '    except (SyntaxError, ValueError, UnicodeDecodeError, LookupError):',
    '        out[name] = False',
    'print(json.dumps(out))',
  ].join('\n');
  const run = spawnSync('python3', ['-I', '-S', '-B', '-c', script], { input: JSON.stringify(sources), encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as Record<string, boolean>;
}

function localPythonMinor(): number {
  return Number(spawnSync('python3', ['-c', 'import sys; print(sys.version_info[1])'], { encoding: 'utf8' }).stdout.trim());
}

const PEP758 = 'try:\n    pass\nexcept ValueError, TypeError:\n    pass\ntry:\n    pass\nexcept* ValueError, TypeError:\n    pass\n';
const PRINT_CHEVRON = 'import sys\nprint >> sys.stderr, "message"\nprint >>sys.stderr, "x", 1,\n';
const CODING_UTF = '# -*- coding: utf -*-\nx = "caf\u00e9"\n';

/** The file problems of `check --format json`. */
function problems(root: string, args: string[] = []): { code: number; problems: Array<{ kind: string; path: string; line?: number; message: string }> } {
  const run = runCli(['check', '--format', 'json', ...args, root]);
  const report = JSON.parse(run.stdout) as { problems: Array<{ kind: string; path: string; line?: number; message: string }> };
  return { code: run.code, problems: report.problems };
}

describe('syntax errors that CPython agrees with', () => {
  it('PEP 758 `except A, B:` is valid from 3.14: no file problem with --python-version 3.14 or requires-python >=3.14', () => {
    const root = writeProject({ 'app.py': PEP758 });
    expect(problems(root, ['--python-version', '3.14'])).toEqual({ code: 0, problems: [] });
    const required = writeProject({ 'app.py': PEP758, 'pyproject.toml': '[project]\nname = "x"\nrequires-python = ">=3.14"\n' });
    expect(problems(required)).toEqual({ code: 0, problems: [] });
  });

  it('before 3.14 the same clauses are syntax errors, as the local CPython (older than 3.14) says, and not called Python 2', () => {
    const root = writeProject({ 'app.py': PEP758 });
    const { code, problems: found } = problems(root, ['--python-version', '3.11']);
    expect(code).toBe(3);
    expect(found.map((p) => `${p.kind} ${p.line}`)).toEqual(['syntax-error 3', 'syntax-error 7']);
    expect(found[0]!.message).toContain('`except A, B:` without parentheses is valid from Python 3.14 only (PEP 758)');
    expect(found[1]!.message).toContain('`except* A, B:`');
    expect(found[0]!.message).not.toMatch(/^syntax error: Python 2/);
    if (localPythonMinor() < 14) expect(cpythonCompiles({ 'app.py': PEP758 })).toEqual({ 'app.py': false });
  });

  it("a bare `except:` whose comment lines end with a comma is no `except A, B:` (SQLAlchemy's langhelpers.py), as CPython says", () => {
    const source = 'import sys\ntry:\n    frame = sys._getframe(1)\nexcept ValueError:\n    pass\nexcept:\n    # weird interpreter, weird,\n    # ok, but do not crash\n    frame = None\n';
    const root = writeProject({ 'app.py': source });
    expect(problems(root, ['--python-version', '3.11'])).toEqual({ code: 0, problems: [] });
    expect(cpythonCompiles({ 'app.py': source })).toEqual({ 'app.py': true });
  });

  it('a continuation line dedented inside brackets (CPython\'s test_compile.py) is no file problem, and the rest of the file is analyzed', () => {
    const source = [
      'from concurrent.futures import ThreadPoolExecutor',
      'def test():',
      '    def f():',
      '        (bar.',
      '    baz)',
      '    return f',
      'POOL = ThreadPoolExecutor(2)',
      '',
    ].join('\n');
    expect(cpythonCompiles({ 'app.py': source })).toEqual({ 'app.py': true });
    const run = runCli(['check', '--format', 'json', writeProject({ 'app.py': source })]);
    const report = JSON.parse(run.stdout) as { problems: unknown[]; findings: Array<{ rule: string; line: number; column: number }> };
    expect(report.problems).toEqual([]);
    expect(report.findings.map((f) => `${f.rule} ${f.line}:${f.column}`)).toEqual(['IL001 7:8']);
  });

  it('`except A, B as e:` needs parentheses even in 3.14', () => {
    const root = writeProject({ 'app.py': 'try:\n    pass\nexcept A, B as e:\n    pass\n' });
    const { code, problems: found } = problems(root, ['--python-version', '3.14']);
    expect(code).toBe(3);
    expect(found.map((p) => p.message)).toEqual([
      'syntax error: `except A, B as e:` needs parentheses even in Python 3.14 (`except (A, B) as e:`); CPython cannot import this file. The rest of it was still analyzed',
    ]);
  });

  it('`print >> sys.stderr, "message"` is a Python 3 expression and `# coding: utf` an alias CPython accepts: no file problem, exit 0', () => {
    const sources = { 'tool.py': PRINT_CHEVRON, 'coded.py': CODING_UTF };
    expect(cpythonCompiles(Object.fromEntries(Object.entries(sources).map(([k, v]) => [k, Buffer.from(v, 'utf8').toString('latin1')])))).toEqual({
      'tool.py': true,
      'coded.py': true,
    });
    expect(problems(writeProject(sources))).toEqual({ code: 0, problems: [] });
    // The Python 2 statement without `>>` is still one.
    const py2 = writeProject({ 'old.py': 'print "x"\n' });
    expect(problems(py2).problems.map((p) => p.message)).toEqual([
      'syntax error: Python 2 `print` statement (Python 3 calls print() as a function); CPython cannot import this file. The rest of it was still analyzed',
    ]);
    expect(cpythonCompiles({ 'old.py': 'print "x"\n' })).toEqual({ 'old.py': false });
  });

  it('coding declarations name codecs the way CPython\'s tokenizer and codec registry do (CPython compiles a file with each, or refuses it)', () => {
    const names = [
      'utf', 'UTF8', 'u8', 'utf-8', 'utf_8', 'UTF-8-unix', 'utf8_ucs4', 'cp65001', 'latin-1', 'Latin_1', 'latin1', 'l1', 'ISO-8859-1',
      'iso8859-1', 'iso_latin_1', 'ascii', 'US-ASCII', '646', 'cp1252', 'windows-1252', '1252', 'iso-8859-15', 'latin9', 'koi8-r', 'koi8_u',
      'euc-jp', 'sjis', 'shift-jis', 'gbk', 'gb2312', 'big5', 'euc-kr', 'cp866', 'macintosh', 'mac-roman', 'iso8859_2', 'latin2',
      'bogus', 'utf-9', 'cp-1252', 'latin-99',
    ];
    const script = [
      'import codecs, io, json, sys, tokenize',
      'out = {}',
      'for name in json.load(sys.stdin):',
      '    source = ("# -*- coding: " + name + " -*-\\nx = 1\\n").encode("ascii")',
      '    try:',
      '        compile(source, "t.py", "exec", dont_inherit=True)',
      '    except SyntaxError:',
      '        out[name] = None',
      '        continue',
      '    # The tokenizer\'s shortcuts (utf-8-*, latin-1-*), then the codec registry.',
      '    out[name] = codecs.lookup(tokenize.detect_encoding(io.BytesIO(source).readline)[0]).name',
      'print(json.dumps(out))',
    ].join('\n');
    const run = spawnSync('python3', ['-I', '-S', '-B', '-c', script], { input: JSON.stringify(names), encoding: 'utf8' });
    const cpython = JSON.parse(run.stdout) as Record<string, string | null>;
    // codecs.lookup(...).name spells the codec with `-` (`utf-8`, `iso8859-1`, `mac-roman`); ours with `_`.
    const spell = (codec: string | undefined | null): string | null => (codec ? codec.replace(/-/g, '_').replace(/^latin_1$/, 'iso8859_1') : null);
    const ours = Object.fromEntries(names.map((name) => [name, spell(pythonCodec(name)?.codec)]));
    expect(ours).toEqual(Object.fromEntries(names.map((name) => [name, spell(cpython[name])])));
  });
});

describe('syntax agreement with CPython (the CI-speed version of `npm run fidelity`\'s syntax section)', () => {
  it('on a sample of tricky files, importleak calls broken exactly the files the local CPython does not compile', async () => {
    const root = path.join(FIXTURES, 'syntax_agreement');
    const measurement = await measureSyntax([{ label: 'sample', root }]);
    const [sample] = measurement.trees;
    expect(sample!.importleakOnly).toEqual([]);
    expect(sample!.cpythonOnly).toEqual([]);
    // PEP 758's file is broken before 3.14 only.
    const pep758Broken = measurement.target.version[1]! < 14 ? 1 : 0;
    expect(sample!.bothBroken).toBe(8 + pep758Broken);
    expect(sample!.files).toBe(15);
  });

  it('docs/fidelity.md gives the figures over the standard library and the venvs: 0 files called broken that CPython compiles', () => {
    const doc = readFileSync(path.join(PROJECT, 'docs', 'fidelity.md'), 'utf8');
    const section = doc.slice(doc.indexOf(SYNTAX_START), doc.indexOf(SYNTAX_END));
    expect(section).toContain('## Syntax errors: importleak against CPython');
    const rows = section.split('\n').filter((line) => /^\| [^-T]/.test(line) && /\| \d+ \|$/.test(line));
    expect(rows.map((row) => row.split('|')[1]!.trim())).toEqual(
      expect.arrayContaining(['CPython standard library (Lib/, with its tests)', '.venv-frameworks site-packages']),
    );
    for (const row of rows) {
      const cells = row.split('|').slice(2, -1).map((c) => Number(c.trim()));
      const [files, bothOk, bothBroken, importleakOnly, cpythonOnly] = cells as [number, number, number, number, number];
      expect(importleakOnly).toBe(0);
      expect(bothOk + bothBroken + importleakOnly + cpythonOnly).toBe(files);
    }
  });
});
