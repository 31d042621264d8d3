import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { shortestChains } from '../src/graph/importGraph.js';
import { analyze, type AnalysisResult } from '../src/pipeline.js';

export const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES = path.join(PROJECT, 'fixtures');
export const CLI = path.join(PROJECT, 'dist', 'cli.js');
export const PROBE = path.join(PROJECT, 'test', 'python', 'probe.py');
/** The venv `npm test` prepares (test/setup-python.sh), with Flask in it. */
export const VENV_PYTHON = path.join(PROJECT, '.venv-test', 'bin', 'python');

/**
 * A file of one of the venvs test/setup-python.sh prepares (`npm test` runs it first), or a clear
 * error when it has not run: `venvFile('.venv-deploy', 'bin', 'gunicorn')`.
 */
export function venvFile(venv: '.venv-test' | '.venv-frameworks' | '.venv-deploy' | '.venv-packaging', ...parts: string[]): string {
  const file = path.join(PROJECT, venv, ...parts);
  if (!existsSync(file)) throw new Error(`${venv}/${parts.join('/')} is missing: run \`bash test/setup-python.sh\` (npm test runs it first)`);
  return file;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built command the way a user does. */
export function runCli(args: string[], cwd: string = PROJECT, env: NodeJS.ProcessEnv = process.env): CliRun {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, env, encoding: 'utf8', timeout: 60_000 });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

/**
 * The scratch folders the tests of this file made: removed after them. A test file imports this
 * module afresh (vitest isolates files), so the hook belongs to the file that made the folders.
 */
const scratch: string[] = [];
afterAll(() => {
  for (const folder of scratch.splice(0)) {
    // chmod 000 folders would stop rmSync for a non-root user.
    spawnSync('chmod', ['-R', 'u+rwX', folder]);
    rmSync(folder, { recursive: true, force: true });
  }
});

/** A new empty folder under the system's temporary folder, removed after the tests of the file. */
export function scratchFolder(prefix = 'importleak-'): string {
  const folder = mkdtempSync(path.join(tmpdir(), prefix));
  scratch.push(folder);
  return folder;
}

/** Writes a throwaway project (removed after the file's tests): `{ 'pkg/__init__.py': '', ... }`. Bytes are written as given. */
export function writeProject(files: Record<string, string | Uint8Array>): string {
  const root = scratchFolder();
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return root;
}

export async function analyzeProject(root: string): Promise<AnalysisResult> {
  return analyze({ root, paths: ['.'] });
}

/** Dotted names of the project modules that `import <module>` runs, per the analyzer. */
export function analyzerClosure(result: AnalysisResult, module: string): string[] {
  const start = [...result.index.entries()].find((m) => m.name === module);
  if (!start) throw new Error(`no project module named ${module}`);
  const reached = shortestChains(result.graph, [start.path]);
  return [...reached.keys()].map((p) => result.index.byPath.get(p)!.name).sort();
}

export interface ProbeReport {
  python: string;
  imported: Record<string, { ok: boolean; error: string | null }>;
  loaded: Record<string, string | null>;
  threads_started: Array<{ name: string; target: string | null }>;
  attrs: Record<string, { exists: boolean; type: string | null; max_workers?: number }>;
  instances: Record<string, number>;
}

/**
 * Asks CPython: imports `modules` in a fresh interpreter with `root` first on sys.path and
 * reports what got loaded, started and created. The analyzer never does this; tests do.
 */
export function probe(root: string, modules: string[], attrs: string[] = [], python = 'python3'): ProbeReport {
  const args = [PROBE, root, ...modules, ...(attrs.length ? ['--attr', ...attrs] : [])];
  const run = spawnSync(python, args, { encoding: 'utf8', timeout: 60_000, env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
  if (run.status !== 0) throw new Error(`probe failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as ProbeReport;
}

/** Project modules CPython loaded (namespace packages, which run no code, left out). */
export function cpythonClosure(root: string, module: string, python = 'python3'): string[] {
  const report = probe(root, [module], [], python);
  const outcome = report.imported[module];
  if (!outcome?.ok) throw new Error(`CPython could not import ${module}: ${outcome?.error}`);
  return Object.entries(report.loaded)
    .filter(([, file]) => file !== null)
    .map(([name]) => name)
    .sort();
}

export function requireVenv(): void {
  if (!existsSync(VENV_PYTHON)) throw new Error(`${VENV_PYTHON} is missing: run \`npm test\` (it runs test/setup-python.sh first)`);
}

/** Removes the run records (see src/replay.ts), so that the next run analyzes and reads the summaries. */
export function forgetRuns(cacheDir: string): void {
  for (const name of existsSync(cacheDir) ? readdirSync(cacheDir) : []) if (name.startsWith('runs-')) rmSync(path.join(cacheDir, name), { recursive: true });
}
