import { spawnSync } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodePythonSource } from '../extract/decode.js';
import { extractModule } from '../extract/extract.js';
import { pythonParser } from '../extract/parser.js';
import { parsePythonVersion, type PythonTarget } from '../extract/target.js';

/**
 * Issue 11, item 4: does importleak call a file broken (a syntax or decode error) exactly when
 * CPython of the target version refuses to compile it? Each file is compiled by CPython with
 * `compile(source, path, 'exec', dont_inherit=True)` after decoding it as the import system does
 * (`importlib.util.decode_source`: BOM, PEP 263 coding declaration, universal newlines), in an
 * interpreter run with -I -S -B, and read by importleak the way `check` reads it.
 */

export interface SyntaxTree {
  label: string;
  root: string;
}

export interface SyntaxDisagreement {
  path: string;
  /** importleak's first problem, when it calls the file broken. */
  importleak?: string;
  /** CPython's error, when it refuses the file. */
  cpython?: string;
}

export interface SyntaxFigures {
  label: string;
  root: string;
  files: number;
  bothOk: number;
  bothBroken: number;
  /** importleak calls the file broken, CPython compiles it: must be 0. */
  importleakOnly: SyntaxDisagreement[];
  /** CPython refuses the file, importleak reads it as valid (missed). */
  cpythonOnly: SyntaxDisagreement[];
}

export interface SyntaxMeasurement {
  python: string;
  target: PythonTarget;
  trees: SyntaxFigures[];
}

/** The CPython side: one verdict per file (null: compiles; else "SyntaxError: msg (line N)"). */
const COMPILE_PROBE = `
import importlib.util, json, sys
out = {}
for path in json.load(sys.stdin):
    try:
        with open(path, 'rb') as f:
            data = f.read()
        compile(importlib.util.decode_source(data), path, 'exec', dont_inherit=True)
        out[path] = None
    except (SyntaxError, ValueError, UnicodeDecodeError, LookupError) as e:
        line = getattr(e, 'lineno', None)
        out[path] = type(e).__name__ + ': ' + str(getattr(e, 'msg', e)) + (' (line %d)' % line if line else '')
    except RecursionError as e:
        out[path] = 'RecursionError: ' + str(e)
json.dump(out, sys.stdout)
`;

/** Every `.py` file below `root` (symbolic links not followed, site-packages folders below it left out), sorted. */
export function pythonFiles(root: string): string[] {
  const files: string[] = [];
  const pending = [root];
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of entries) {
      const full = path.join(dir, name);
      const stat = lstatSync(full);
      // A site-packages folder inside a tree (the interpreter's own, below its Lib/) is not part of it.
      if (stat.isDirectory()) {
        if (name !== 'site-packages') pending.push(full);
      }
      else if (stat.isFile() && name.endsWith('.py')) files.push(full);
    }
  }
  return files.sort();
}

/** CPython's verdict on each file, in batches (one interpreter per batch). */
export function cpythonVerdicts(files: string[], python = 'python3'): Map<string, string | null> {
  const verdicts = new Map<string, string | null>();
  const batch = 2000;
  for (let i = 0; i < files.length; i += batch) {
    const run = spawnSync(python, ['-I', '-S', '-B', '-c', COMPILE_PROBE], {
      input: JSON.stringify(files.slice(i, i + batch)),
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    if (run.status !== 0) throw new Error(`the compile probe failed: ${run.stderr || run.error?.message}`);
    for (const [file, verdict] of Object.entries(JSON.parse(run.stdout) as Record<string, string | null>)) verdicts.set(file, verdict);
  }
  return verdicts;
}

/** importleak's verdict on one file: its first decode or syntax problem, or null. */
export async function importleakVerdict(file: string, target: PythonTarget): Promise<string | null> {
  const decoded = decodePythonSource(readFileSync(file));
  if (decoded.problem) return `line ${decoded.problem.line}: ${decoded.problem.message}`;
  const parser = await pythonParser();
  const summary = extractModule(parser, file, decoded.text, target);
  const first = summary.syntaxProblems[0];
  return first ? `line ${first.span.line}: ${first.message}` : null;
}

/** The local interpreter's version as a target (its platform does not matter for syntax). */
export function pythonTarget(python = 'python3'): { version: string; target: PythonTarget } {
  const run = spawnSync(python, ['-I', '-S', '-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])'], { encoding: 'utf8' });
  const version = run.stdout.trim();
  const parsed = parsePythonVersion(version.split('.').slice(0, 2).join('.'));
  if (!parsed) throw new Error(`cannot ask ${python} for its version`);
  return { version, target: { version: parsed, platform: 'linux' } };
}

export async function measureSyntax(trees: SyntaxTree[], python = 'python3', log: (line: string) => void = () => {}): Promise<SyntaxMeasurement> {
  const { version, target } = pythonTarget(python);
  const results: SyntaxFigures[] = [];
  for (const tree of trees) {
    const files = pythonFiles(tree.root);
    log(`syntax: ${tree.label}: ${files.length} files under ${tree.root}`);
    const cpython = cpythonVerdicts(files, python);
    const figures: SyntaxFigures = { label: tree.label, root: tree.root, files: files.length, bothOk: 0, bothBroken: 0, importleakOnly: [], cpythonOnly: [] };
    for (const file of files) {
      const ours = await importleakVerdict(file, target);
      const theirs = cpython.get(file) ?? null;
      const relative = path.relative(tree.root, file);
      if (ours === null && theirs === null) figures.bothOk++;
      else if (ours !== null && theirs !== null) figures.bothBroken++;
      else if (ours !== null) figures.importleakOnly.push({ path: relative, importleak: ours });
      else figures.cpythonOnly.push({ path: relative, cpython: theirs! });
    }
    results.push(figures);
  }
  return { python: version, target, trees: results };
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/`/g, "'").replace(/\s+/g, ' ').slice(0, 200);

/** The Markdown section of docs/fidelity.md (between SYNTAX_START and SYNTAX_END). */
export function syntaxMarkdown(measurement: SyntaxMeasurement): string {
  const lines: string[] = [
    SYNTAX_START,
    '## Syntax errors: importleak against CPython',
    '',
    `Every \`.py\` file of each tree is compiled by CPython ${measurement.python} (\`compile(source, path, 'exec', dont_inherit=True)\` after`,
    "`importlib.util.decode_source`, run with `-I -S -B`) and read by importleak for the same target (decode, parse,",
    "structural checks). A file is *broken* for importleak when it reports a `decode-error` or `syntax-error` for it.",
    'importleak must never call broken a file CPython compiles; a file CPython refuses that importleak reads is a miss.',
    'Regenerate with `npm run fidelity` (or only this section: `node scripts/fidelity.mjs --tree syntax`).',
    '',
    '| Tree | Files | Both ok | Both broken | importleak only (must be 0) | CPython only (missed) |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const t of measurement.trees) {
    lines.push(`| ${t.label} | ${t.files} | ${t.bothOk} | ${t.bothBroken} | ${t.importleakOnly.length} | ${t.cpythonOnly.length} |`);
  }
  if (measurement.trees.every((t) => !t.importleakOnly.length && !t.cpythonOnly.length)) lines.push('', 'They agree on every file.');
  for (const t of measurement.trees) {
    if (!t.importleakOnly.length && !t.cpythonOnly.length) continue;
    lines.push('', `### Disagreements: ${t.label}`, '', '| File | importleak | CPython |', '| --- | --- | --- |');
    for (const d of [...t.importleakOnly, ...t.cpythonOnly]) {
      lines.push(`| \`${d.path}\` | ${d.importleak ? cell(d.importleak) : 'compiles'} | ${d.cpython ? cell(d.cpython) : 'compiles'} |`);
    }
  }
  lines.push(SYNTAX_END);
  return lines.join('\n');
}

export const SYNTAX_START = '<!-- syntax:start (generated by scripts/fidelity.mjs; do not edit by hand) -->';
export const SYNTAX_END = '<!-- syntax:end -->';

/** `markdown` with its syntax section replaced by `section` (appended when it has none). */
export function withSyntaxSection(markdown: string, section: string): string {
  const start = markdown.indexOf(SYNTAX_START);
  const end = markdown.indexOf(SYNTAX_END);
  if (start >= 0 && end > start) return markdown.slice(0, start) + section + markdown.slice(end + SYNTAX_END.length);
  return `${markdown.trimEnd()}\n\n${section}\n`;
}

/**
 * The trees `npm run fidelity` measures: the interpreter's standard library with its tests (Lib/,
 * lib2to3's test data included, which holds deliberately invalid files) and the site-packages of
 * the test venvs that exist.
 */
export function syntaxTrees(project: string, python = 'python3'): SyntaxTree[] {
  const run = spawnSync(python, ['-I', '-S', '-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'], { encoding: 'utf8' });
  const trees: SyntaxTree[] = [{ label: 'CPython standard library (Lib/, with its tests)', root: run.stdout.trim() }];
  for (const venv of ['.venv-frameworks', '.venv-deploy', '.venv-test']) {
    const lib = path.join(project, venv, 'lib');
    let versions: string[] = [];
    try {
      versions = readdirSync(lib).filter((name) => name.startsWith('python3'));
    } catch {
      continue;
    }
    for (const version of versions) trees.push({ label: `${venv} site-packages`, root: path.join(lib, version, 'site-packages') });
  }
  return trees;
}
