import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';

/**
 * The CPython side of the fidelity harness: one fresh interpreter per module, running
 * `test/python/fidelity_probe.py`, which reports every module of the tree that `import M`
 * executed and who imported it. The analyzer never runs code; only this harness does.
 */

/** A Python frame between a module's importer and the moment the module was looked for. */
export interface ProbeFrame {
  /** `__file__` of the frame's globals: absolute, or null (generated code). */
  file: string | null;
  line: number;
  qualname: string;
  /** A function body (as opposed to module-level code or a class body). */
  isFunction: boolean;
  moduleName: string | null;
  codeFile: string;
}

export interface LoadedModule {
  name: string;
  /** Relative to the tree root, '/'-separated. */
  path: string;
  kind: 'source' | 'frozen' | 'extension';
  /** The module whose loading was under way when this one was first looked for (null: the probe). */
  parent: string | null;
  /** Innermost first; empty when the parent is a C extension; null when no finder saw the module. */
  frames: ProbeFrame[] | null;
}

export interface OutsideModule {
  kind: string;
  parent: string | null;
  frames: ProbeFrame[] | null;
}

export interface AttemptedModule {
  name: string;
  parent: string | null;
  frames: ProbeFrame[] | null;
}

export interface ProbeResult {
  module: string;
  ok: boolean;
  error: string | null;
  /** Tree paths executed before the import under test (interpreter start-up). */
  baseline: string[];
  loaded: LoadedModule[];
  outside: Record<string, OutsideModule>;
  attempted: AttemptedModule[];
  /** Time the module's own import took, without its enclosing packages (those were imported once for a batch). */
  millis: number;
}

export interface ProbeOptions {
  /** The interpreter binary itself (not a pyenv shim: a shim costs 0.3 s a start). */
  python: string;
  root: string;
  /** Appended to sys.path (site-packages: with -S, site.py does not add it). */
  sysPath: string[];
  env: Record<string, string>;
  probeScript: string;
  /** Seconds before the probe gives up on one import. */
  timeout: number;
  concurrency: number;
  /** Most modules one interpreter measures (it forks one child per module). */
  batchSize?: number;
  onResult?: (result: ProbeResult, done: number, total: number) => void;
}

/**
 * `-I`: no PYTHON* variables, no user site, no script folder or working directory on sys.path,
 * so nothing outside the interpreter and the tree can shadow a module. `-S`: no site.py; with it,
 * start-up would also run site.py and every `.pth` file (the base interpreter's load ~100 stdlib
 * modules: typing, re, zipfile, ...), and all of those would then be "already loaded" and never
 * measured. `-B`: write no .pyc into the trees.
 */
export const PYTHON_FLAGS = ['-I', '-S', '-B'];

/**
 * One fresh interpreter measures `modules`, forking a child per module from the state a fresh
 * interpreter would be in after importing the module's enclosing packages (see the probe).
 * Modules it could not measure that way (an enclosing package failed or started a thread) are
 * absent from the result.
 */
export function probeBatch(modules: readonly string[], options: ProbeOptions): Promise<{ results: Map<string, ProbeResult>; stderr: string }> {
  return new Promise((resolve) => {
    const args = [...PYTHON_FLAGS, options.probeScript, options.root, ...options.sysPath.flatMap((p) => ['--sys-path', p]), ...modules];
    const child = spawn(options.python, args, {
      // stdin closed, stdout (the imported code's) dropped, stderr kept for errors, fd 3 the reports.
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
      cwd: options.root,
      env: { ...options.env, FIDELITY_TIMEOUT: String(options.timeout) },
    });
    const results = new Map<string, ProbeResult>();
    let pending = '';
    const take = (text: string): void => {
      pending += text;
      let newline: number;
      while ((newline = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        if (!line.trim()) continue;
        const result = parseReport(JSON.parse(line) as RawReport);
        results.set(result.module, result);
        options.onResult?.(result, 0, 0);
      }
    };
    const decoder = new StringDecoder('utf8');
    child.stdio[3]!.on('data', (chunk: Buffer) => take(decoder.write(chunk)));
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      if (stderr.length < 20_000) stderr += chunk.toString('utf8');
    });
    // A batch may hold many modules; each import has its own alarm in the probe.
    const killer = setTimeout(() => child.kill('SIGKILL'), (options.timeout * modules.length + 60) * 1000);
    child.on('close', () => {
      clearTimeout(killer);
      take(decoder.end());
      resolve({ results, stderr });
    });
  });
}

/**
 * Measures every module: batches of modules that share enclosing packages go to one interpreter
 * each, `concurrency` interpreters at a time, biggest batches first; whatever a batch could not
 * measure is measured again alone, in a fresh interpreter of its own. Results in input order.
 */
export async function probeModules(modules: readonly string[], options: ProbeOptions): Promise<ProbeResult[]> {
  const batches = batchesOf(modules, options.batchSize ?? Math.max(8, Math.ceil(modules.length / (options.concurrency * 6))));
  const results = new Map<string, ProbeResult>();
  const total = modules.length;
  const report = (result: ProbeResult): void => {
    results.set(result.module, result);
    options.onResult?.(result, results.size, total);
  };
  const quiet = { ...options, onResult: (r: ProbeResult) => report(r) };
  await pool(batches, options.concurrency, async (batch) => {
    await probeBatch(batch, quiet);
  });
  const again = modules.filter((m) => !results.has(m));
  await pool(again, options.concurrency, async (module) => {
    const { stderr } = await probeBatch([module], quiet);
    if (!results.has(module)) {
      const why = stderr.trim() ? `: ${lastLine(stderr)}` : '';
      report({ module, ok: false, error: `the probe reported nothing${why}`, baseline: [], loaded: [], outside: {}, attempted: [], millis: 0 });
    }
  });
  return modules.map((m) => results.get(m)!);
}

async function pool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
}

/**
 * Splits dotted names into batches of at most `size` that keep a package's submodules together
 * (they share the imports of their enclosing packages), biggest first.
 */
export function batchesOf(modules: readonly string[], size: number): string[][] {
  interface Node {
    name: string;
    target: boolean;
    children: Map<string, Node>;
    count: number;
  }
  const root: Node = { name: '', target: false, children: new Map(), count: 0 };
  for (const module of modules) {
    let node = root;
    node.count++;
    for (const part of module.split('.')) {
      const name = node.name ? `${node.name}.${part}` : part;
      let child = node.children.get(part);
      if (!child) {
        child = { name, target: false, children: new Map(), count: 0 };
        node.children.set(part, child);
      }
      child.count++;
      node = child;
    }
    node.target = true;
  }
  const all = (node: Node): string[] => [...(node.target ? [node.name] : []), ...[...node.children.values()].flatMap(all)];
  const batches: string[][] = [];
  const split = (node: Node): void => {
    let pending: string[] = node.target ? [node.name] : [];
    for (const child of node.children.values()) {
      if (child.count > size) {
        split(child);
        continue;
      }
      if (pending.length + child.count > size) {
        batches.push(pending);
        pending = [];
      }
      pending.push(...all(child));
    }
    if (pending.length) batches.push(pending);
  };
  split(root);
  return batches.filter((b) => b.length > 0).sort((a, b) => b.length - a.length);
}

/** The real interpreter behind `python3` (pyenv's shim is a shell script: 0.3 s a start). */
export function realInterpreter(python: string): string {
  const run = spawnSync(python, ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' });
  if (run.status !== 0 || !run.stdout.trim()) throw new Error(`cannot run ${python}: ${run.stderr || run.error?.message}`);
  return run.stdout.trim();
}

export function pythonVersion(python: string): string {
  const run = spawnSync(python, ['-I', '-S', '-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])'], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout.trim() : 'unknown';
}

type RawFrame = [string | null, number, string, boolean, string | null, string];

interface RawReport {
  module: string;
  ok: boolean;
  seconds: number;
  error: string | null;
  baseline: string[];
  loaded: Array<Omit<LoadedModule, 'frames'> & { frames: RawFrame[] | null }>;
  outside: Record<string, { kind: string; parent: string | null; frames: RawFrame[] | null }>;
  attempted: Array<{ name: string; parent: string | null; frames: RawFrame[] | null }>;
}

function parseReport(raw: RawReport): ProbeResult {
  const frames = (list: RawFrame[] | null): ProbeFrame[] | null =>
    list === null ? null : list.map(([file, line, qualname, isFunction, moduleName, codeFile]) => ({ file, line, qualname, isFunction, moduleName, codeFile }));
  return {
    module: raw.module,
    millis: Math.round(raw.seconds * 1000),
    ok: raw.ok,
    error: raw.error,
    baseline: raw.baseline,
    loaded: raw.loaded.map((m) => ({ ...m, frames: frames(m.frames) })),
    outside: Object.fromEntries(Object.entries(raw.outside).map(([name, m]) => [name, { ...m, frames: frames(m.frames) }])),
    attempted: raw.attempted.map((m) => ({ ...m, frames: frames(m.frames) })),
  };
}

function lastLine(text: string): string {
  const lines = text.trim().split('\n');
  return lines[lines.length - 1]!.trim();
}

/** `root`-relative '/'-separated path of an absolute file, or undefined when outside `root`. */
export function underRoot(root: string, file: string | null): string | undefined {
  if (!file) return undefined;
  const relative = path.relative(root, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
}
