import os from 'node:os';
import path from 'node:path';
import type { ImportEdge } from '../graph/importGraph.js';
import { pythonParser } from '../extract/parser.js';
import { parsePythonVersion, type TargetPlatform } from '../extract/target.js';
import { defaultConfig, targetOf, type Config } from '../config/config.js';
import { analyze, type AnalysisResult } from '../pipeline.js';
import { analyzerClosure } from './closure.js';
import { SourceContext } from './context.js';
import { probeModules, pythonVersion, type ProbeResult } from './cpython.js';
import { Diagnoser } from './diagnose.js';
import { figuresOf, type Miss, type ModuleFidelity, type TreeFidelity } from './results.js';
import { compareWithRuff, missKey } from './ruff.js';
import { analyzerExcludes, treeFiles, type TreeFiles, type TreeSpec } from './trees.js';

export interface MeasureOptions {
  /** The probe script (test/python/fidelity_probe.py). */
  probeScript: string;
  /** Interpreters run at once (default: the number of cores). */
  concurrency?: number;
  /** Seconds one import may take. */
  timeout?: number;
  /** `ruff` binary to compare with; no comparison when absent. */
  ruff?: string;
  log?: (line: string) => void;
}

export interface Target {
  label: string;
  module: string;
  path: string;
  /** The home it is probed from (see TreeSpec.homes), '' for the root. */
  home: string;
}

/** Runs the analyzer on the tree and CPython on each module of it, and compares. */
export async function measureTree(spec: TreeSpec, options: MeasureOptions): Promise<TreeFidelity> {
  const log = options.log ?? (() => {});
  const started = Date.now();
  const concurrency = options.concurrency ?? Math.max(1, os.availableParallelism());
  const tree = treeFiles(spec);

  const skipped: TreeFidelity['skipped'] = [];
  const targets: Target[] = [];
  for (const [label, file] of [...tree.modules].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const verdict = spec.target(label);
    if (verdict === true) targets.push({ label, module: tree.names.get(file)!, path: file, home: tree.homes.get(file)! });
    else if (verdict !== 'not selected' && verdict !== 'not a package under test') skipped.push({ module: label, why: verdict });
  }
  for (const extra of spec.extraTargets) {
    const file = tree.modules.get(extra.module);
    if (file) targets.push({ label: extra.label, module: extra.module, path: file, home: tree.homes.get(file)! });
  }

  log(`${spec.id}: analyzing ${tree.files.size} files under ${spec.root}`);
  const analyzeStarted = Date.now();
  // No rules: only the import graph matters here. Conditions are evaluated for the probes' interpreter.
  const version = parsePythonVersion(pythonVersion(spec.python).split('.').slice(0, 2).join('.'));
  const config: Config = { ...defaultConfig(), ...(version ? { pythonVersion: version } : {}), platform: hostPlatform() };
  const result = await analyze({ root: spec.root, paths: ['.'], exclude: analyzerExcludes(spec), respectGitignore: false, rules: [], config });
  const analyzeMillis = Date.now() - analyzeStarted;

  log(`${spec.id}: importing ${targets.length} modules, ${concurrency} interpreters at a time`);
  const probeStarted = Date.now();
  let lastShown = 0;
  // One set of probes per home, with that folder on sys.path (paths stay relative to the root).
  const probed = new Map<Target, ProbeResult>();
  for (const home of new Set(targets.map((t) => t.home))) {
    const group = targets.filter((t) => t.home === home);
    const results = await probeModules(
      group.map((t) => t.module),
      {
        python: spec.python,
        root: spec.root,
        sysPath: spec.homes ? [path.join(spec.root, home), ...spec.sysPath] : spec.sysPath,
        env: spec.env,
        probeScript: options.probeScript,
        timeout: options.timeout ?? 60,
        concurrency,
        onResult: (_r, done, total) => {
          if (done === total || Date.now() - lastShown > 10_000) {
            lastShown = Date.now();
            log(`${spec.id}: ${done}/${total} imported${home ? ` from ${home}/` : ''}`);
          }
        },
      },
    );
    group.forEach((t, i) => probed.set(t, results[i]!));
  }
  const probes = targets.map((t) => probed.get(t)!);
  const probeMillis = Date.now() - probeStarted;

  const diagnoser = new Diagnoser(result, tree, spec.root, new SourceContext(spec.root, await pythonParser()));
  const measured: ModuleFidelity[] = [];
  const notImportable: TreeFidelity['notImportable'] = [];
  const baseline = new Set<string>();
  const closures = new Map<string, ReadonlySet<string>>();
  const ignored = new Map<string, ReadonlySet<string>>();
  for (const [i, target] of targets.entries()) {
    const probe = probes[i]!;
    if (!probe.ok) {
      notImportable.push({ module: target.label, error: probe.error ?? 'unknown error' });
      continue;
    }
    probe.baseline.forEach((p) => baseline.add(p));
    const fidelity = compareModule(target, probe, result, tree, diagnoser);
    measured.push(fidelity.module);
    closures.set(target.path, fidelity.cpython);
    ignored.set(target.path, fidelity.compiled);
  }

  const fidelity: TreeFidelity = {
    id: spec.id,
    title: spec.title,
    root: spec.root,
    notes: spec.notes,
    python: spec.python,
    pythonVersion: pythonVersion(spec.python),
    analyzerTarget: targetOf(config),
    files: tree.files.size,
    analyzedFiles: result.index.byPath.size,
    unindexed: [...tree.files].filter((f) => !result.index.byPath.has(f)).sort(),
    baseline: [...baseline].sort(),
    measured,
    extraTargets: spec.extraTargets.map((t) => t.label),
    notImportable,
    skipped,
    figures: figuresOf(measured),
    timings: { analyzeMillis, probeMillis, totalMillis: 0, concurrency },
  };
  if (options.ruff) {
    log(`${spec.id}: comparing with ruff analyze graph`);
    fidelity.ruff = await compareWithRuff({
      ruff: options.ruff,
      root: spec.root,
      excludes: analyzerExcludes(spec),
      result,
      tree,
      baseline,
      targets: measured.map((m) => ({ label: m.target, path: m.path })),
      cpython: closures,
      compiled: ignored,
      misses: new Map(measured.flatMap((m) => m.misses.map((x) => [missKey(m.target, x.path), x] as const))),
    });
  }
  fidelity.timings.totalMillis = Date.now() - started;
  return fidelity;
}

function compareModule(
  target: Target,
  probe: ProbeResult,
  result: AnalysisResult,
  tree: TreeFiles,
  diagnoser: Diagnoser,
): { module: ModuleFidelity; cpython: Set<string>; compiled: Set<string> } {
  const baseline = new Set(probe.baseline);
  // A module CPython loaded from a compiled file beside its .py (mypyc, Cython) ran, but not from the tree.
  const compiled = new Set(probe.loaded.filter((m) => m.kind === 'extension').map((m) => tree.modules.get(m.name)).filter((p): p is string => p !== undefined));
  const counted = (p: string): boolean => p !== target.path && !baseline.has(p) && !compiled.has(p) && tree.files.has(p);
  // Compiled modules are not in the tree (only .py files are): left out on both sides.
  const loaded = probe.loaded.filter((m) => m.kind !== 'extension' && counted(m.path));
  const cpython = new Set(loaded.map((m) => m.path));
  const closure = result.index.byPath.has(target.path) ? analyzerClosure(result.graph, target.path, baseline) : new Map<string, ImportEdge | null>();
  const predicted = new Set([...closure.keys()].filter(counted));
  const misses: Miss[] = [];
  let hits = 0;
  for (const module of loaded) {
    if (predicted.has(module.path)) hits++;
    else misses.push(diagnoser.missing(target.label, target.path, probe, predicted, module));
  }
  for (const extra of predicted) {
    if (!cpython.has(extra)) misses.push(diagnoser.extra(target.label, target.path, probe, closure, extra));
  }
  return {
    module: { target: target.label, module: target.module, path: target.path, cpython: cpython.size, analyzer: predicted.size, hits, misses, millis: probe.millis },
    cpython,
    compiled,
  };
}

function hostPlatform(): TargetPlatform {
  return process.platform === 'win32' ? 'win32' : process.platform === 'darwin' ? 'darwin' : 'linux';
}
