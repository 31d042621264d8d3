import { spawn } from 'node:child_process';
import type { ImportEdge } from '../graph/importGraph.js';
import type { AnalysisResult } from '../pipeline.js';
import { analyzerClosure } from './closure.js';
import { figuresOf, type Miss, type ModuleFidelity, type ToolComparison } from './results.js';
import type { TreeFiles } from './trees.js';

export const RUFF_ARGS = ['analyze', 'graph', '--isolated', '--target-version', 'py311', '--no-type-checking-imports'];

export interface RuffComparisonInput {
  ruff: string;
  root: string;
  excludes: string[];
  result: AnalysisResult;
  tree: TreeFiles;
  baseline: ReadonlySet<string>;
  targets: Array<{ label: string; path: string }>;
  /** Per measured module path: the tree modules CPython executed (start-up and itself left out). */
  cpython: ReadonlyMap<string, ReadonlySet<string>>;
  /** Per measured module path: .py files CPython ran compiled instead (left out, as for importleak). */
  compiled: ReadonlyMap<string, ReadonlySet<string>>;
  /** importleak's own misses, diagnosed: where importleak is the one that is wrong, its reason is the reason. */
  misses: ReadonlyMap<string, Miss>;
}

/** Key of `RuffComparisonInput.misses`. */
export function missKey(target: string, path: string): string {
  return `${target}\u0000${path}`;
}

/**
 * `ruff analyze graph` on the same files, its closure from each measured module (not expanded
 * past start-up modules, as for importleak), judged by CPython; and where the two closures
 * differ, which one CPython sides with and why.
 */
export async function compareWithRuff(input: RuffComparisonInput): Promise<ToolComparison> {
  const started = Date.now();
  const files = [...input.tree.files].filter((f) => input.result.index.byPath.has(f)).sort();
  const graph = await runRuff(input.ruff, input.root, files);
  const millis = Date.now() - started;

  const modules: ModuleFidelity[] = [];
  const buckets = new Map<string, ToolComparison['differences'][number]>();
  const note = (kind: 'only-ruff' | 'only-importleak', rightSide: 'ruff' | 'importleak', reason: string, example: string): void => {
    const key = `${kind}\u0000${rightSide}\u0000${reason}`;
    const bucket = buckets.get(key) ?? { kind, rightSide, reason, count: 0, examples: [] };
    bucket.count++;
    if (bucket.examples.length < 3) bucket.examples.push(example);
    buckets.set(key, bucket);
  };
  const ruffEdges = (from: string): readonly string[] => graph.get(from) ?? [];

  for (const target of input.targets) {
    const cpython = input.cpython.get(target.path) ?? new Set<string>();
    const compiled = input.compiled.get(target.path) ?? new Set<string>();
    const counted = (p: string): boolean => p !== target.path && !input.baseline.has(p) && !compiled.has(p) && input.tree.files.has(p);
    const ruffReach = ruffClosure(graph, target.path, input.baseline);
    const ruffSet = new Set([...ruffReach.keys()].filter(counted));
    const ours = analyzerClosure(input.result.graph, target.path, input.baseline);
    const oursSet = new Set([...ours.keys()].filter(counted));
    const hits = [...ruffSet].filter((p) => cpython.has(p)).length;
    modules.push({ target: target.label, module: target.label, path: target.path, cpython: cpython.size, analyzer: ruffSet.size, hits, misses: [], millis: 0 });

    for (const p of ruffSet) {
      if (oursSet.has(p)) continue;
      const miss = input.misses.get(missKey(target.label, p));
      if (cpython.has(p) && miss) {
        // importleak missed it: its own diagnosis says why.
        note('only-ruff', 'ruff', `importleak misses it: ${miss.group}`, `${target.label} → ${miss.module}${miss.at ? ` (${miss.at.path}:${miss.at.line} \`${miss.at.text}\`)` : ''}`);
        continue;
      }
      const [from, to] = firstRuffOnlyEdge(ruffReach, target.path, p, input.result, input.baseline);
      const reason = from ? ruffOnlyReason(input.result, from, to!) : 'other';
      note('only-ruff', cpython.has(p) ? 'ruff' : 'importleak', reason, `${target.label} → ${name(input, p)}${from ? ` (edge ${name(input, from)} → ${name(input, to!)})` : ''}`);
    }
    for (const p of oursSet) {
      if (ruffSet.has(p)) continue;
      const miss = input.misses.get(missKey(target.label, p));
      if (!cpython.has(p) && miss) {
        note('only-importleak', 'ruff', `importleak adds it: ${miss.group}`, `${target.label} → ${miss.module}${miss.at ? ` (${miss.at.path}:${miss.at.line} \`${miss.at.text}\`)` : ''}`);
        continue;
      }
      const edge = firstImportleakOnlyEdge(ours, target.path, p, ruffEdges);
      const reason = edge ? importleakOnlyReason(edge, ruffEdges(edge.from)) : 'other';
      note('only-importleak', cpython.has(p) ? 'importleak' : 'ruff', reason, `${target.label} → ${name(input, p)}${edge ? ` (${edgeText(input, edge)})` : ''}`);
    }
  }
  const differences = [...buckets.values()].sort((a, b) => b.count - a.count);
  return {
    tool: 'ruff',
    command: `ruff ${RUFF_ARGS.join(' ')} FILES...`,
    figures: figuresOf(modules),
    differences,
    millis,
    scope: `every measured module (${modules.length}), the same files as importleak (${files.length})`,
  };
}

function name(input: RuffComparisonInput, file: string): string {
  return input.tree.names.get(file) ?? file;
}

function edgeText(input: RuffComparisonInput, edge: ImportEdge): string {
  if (edge.kind === 'enclosing-package') return `${name(input, edge.from)} runs its package ${name(input, edge.to)}`;
  return `${edge.at ?? edge.from}:${edge.line} \`${edge.text}\``;
}

async function runRuff(ruff: string, root: string, files: string[]): Promise<Map<string, string[]>> {
  const chunks: Buffer[] = [];
  let stderr = '';
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(ruff, [...RUFF_ARGS, ...files], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new Error(`ruff analyze graph failed (${code}): ${stderr.trim()}`);
  const map = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, string[]>;
  return new Map(Object.entries(map).map(([from, deps]) => [from.split('\\').join('/'), deps.map((d) => d.split('\\').join('/'))]));
}

function ruffClosure(graph: ReadonlyMap<string, readonly string[]>, start: string, alreadyRun: ReadonlySet<string>): Map<string, string | null> {
  const reached = new Map<string, string | null>([[start, null]]);
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const current = queue[head]!;
    if (current !== start && alreadyRun.has(current)) continue;
    for (const next of graph.get(current) ?? []) {
      if (reached.has(next)) continue;
      reached.set(next, current);
      queue.push(next);
    }
  }
  return reached;
}

/** On ruff's path to `file`, the first edge importleak does not count as run at import time. */
function firstRuffOnlyEdge(reach: ReadonlyMap<string, string | null>, start: string, file: string, result: AnalysisResult, baseline: ReadonlySet<string>): [string?, string?] {
  const path: string[] = [file];
  for (let at = reach.get(file); at; at = reach.get(at)) path.unshift(at);
  if (path[0] !== start) return [];
  for (let i = 0; i + 1 < path.length; i++) {
    const from = path[i]!;
    const to = path[i + 1]!;
    if (from !== start && baseline.has(from)) continue;
    if (!(result.graph.importTimeEdges.get(from) ?? []).some((e) => e.to === to)) return [from, to];
  }
  return [];
}

function ruffOnlyReason(result: AnalysisResult, from: string, to: string): string {
  const lazy = result.graph.lazyEdges.some((e) => e.from === from && e.to === to);
  if (lazy) return 'import inside a function body (ruff lists every import; importleak only those run at import time)';
  const resolved = result.resolved.get(from) ?? [];
  const scoped = resolved.find((r) => r.executes.some((e) => e.module.path === to) && (r.record.scope.kind !== 'module' || r.notRun !== undefined));
  if (scoped) {
    const kind = scoped.record.scope.kind;
    if (kind === 'unreachable') return 'import under a condition false for the target (`sys.platform`, `sys.version_info`, a constant; importleak: never run on import)';
    if (kind === 'module') return '`except ImportError:` fallback whose `try` import succeeds (importleak: not run)';
    if (kind === 'lazy-import') return 'PEP 810 `lazy import` (importleak: runs on first use, not on import)';
    return `import under ${kind === 'main-guard' ? '`if __name__ == "__main__"`' : '`if TYPE_CHECKING`'} (importleak: never run on import)`;
  }
  const summary = result.summaries.get(from);
  const toModule = result.index.byPath.get(to);
  if (summary && toModule && summary.imports.some((r) => r.kind === 'from' && r.names.some((n) => toModule.name.endsWith(`.${n.name}`)))) {
    return '`from pkg import name`: ruff takes name for the submodule, importleak for an attribute';
  }
  return 'import ruff resolves to a tree file and importleak does not';
}

/** On importleak's path to `file`, the first edge ruff does not have. */
function firstImportleakOnlyEdge(closure: ReadonlyMap<string, ImportEdge | null>, start: string, file: string, ruffEdges: (from: string) => readonly string[]): ImportEdge | undefined {
  const hops: ImportEdge[] = [];
  for (let at = file, guard = 0; at !== start && guard < 10_000; guard++) {
    const edge = closure.get(at);
    if (!edge) return undefined;
    hops.unshift(edge);
    at = edge.from;
  }
  return hops.find((e) => !ruffEdges(e.from).includes(e.to));
}

function importleakOnlyReason(edge: ImportEdge, ruffTargets: readonly string[]): string {
  if (edge.kind === 'enclosing-package') return 'a module runs its enclosing package first (ruff has no edge to `__init__.py`)';
  if (edge.via?.length) return 'import in a function called at import time (importleak follows the call)';
  const packageFolder = edge.to.endsWith('/__init__.py') ? edge.to.slice(0, -'__init__.py'.length) : undefined;
  if (edge.reason === 'parent-package' || (packageFolder && ruffTargets.some((t) => t.startsWith(packageFolder)))) {
    return '`import a.b.c` / `from a.b import c` run the packages `a` and `a.b` first (ruff records only the module named last)';
  }
  if (edge.reason === 'submodule') return '`from pkg import sub`: importleak takes sub for the submodule, ruff does not';
  if (edge.reason === 'star-submodule') return '`from pkg import *` with submodules in `__all__`';
  if (edge.reason === 'lazy-attribute') return '`from pkg import name` that pkg\'s module `__getattr__` imports lazily (PEP 562)';
  if (edge.reason === 'compiled-init') return 'a compiled standard-library module imports it as it initialises (importleak\'s table of them)';
  return 'import ruff does not resolve to the tree file';
}
