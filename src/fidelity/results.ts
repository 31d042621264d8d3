import type { PythonTarget } from '../extract/target.js';

/** What the fidelity harness found, as plain data: `measureTree` produces it, the report reads it. */

/** One module on which the analyzer and CPython disagree, for one measured module. */
export interface Miss {
  /** The measured module (its label: `django.setup()` for the set-up target). */
  target: string;
  /** `missing`: CPython loaded it, the analyzer did not predict it (hurts recall). `extra`: the reverse (hurts precision). */
  side: 'missing' | 'extra';
  /** Dotted name of the missing or extra module. */
  module: string;
  path: string;
  /** Reason group: misses with the same group have the same kind of cause. */
  group: string;
  /** The cause in words. */
  reason: string;
  /** The statement (or call) the cause is at. */
  at?: SourcePoint;
  /**
   * Set when the first wrong link is not one statement but one fact that many statements
   * run into (a tree file the analyzer gives a second name): misses with the same key share a cause.
   */
  causeKey?: string;
  /**
   * Set when the cause is another module's: the first module on the way that the analyzer
   * missed (missing) or wrongly added (extra); this module follows from it.
   */
  via?: string;
}

export interface SourcePoint {
  /** Relative to the tree root. */
  path: string;
  line: number;
  text: string;
}

export interface ModuleFidelity {
  /** Label of the measured module. */
  target: string;
  module: string;
  path: string;
  /** Tree modules CPython executed for `import module` (itself and the start-up ones left out). */
  cpython: number;
  /** Tree modules the analyzer predicts (same exclusions). */
  analyzer: number;
  /** In both. */
  hits: number;
  misses: Miss[];
  /** Interpreter wall time, ms. */
  millis: number;
}

export interface Figures {
  /** Pairs (measured module, loaded module) CPython executed. */
  cpython: number;
  /** Pairs the analyzer predicted. */
  analyzer: number;
  hits: number;
  /** hits / cpython (1 when CPython loaded nothing). */
  recall: number;
  /** hits / analyzer (1 when the analyzer predicted nothing). */
  precision: number;
  /** Measured modules with every loaded module predicted / with no extra prediction. */
  perfectRecall: number;
  perfectPrecision: number;
  modules: number;
}

export interface ToolComparison {
  tool: string;
  command: string;
  figures: Figures;
  /** Modules in exactly one of the two closures, judged by CPython, by reason. */
  differences: Array<{ kind: 'only-ruff' | 'only-importleak'; rightSide: 'ruff' | 'importleak'; reason: string; count: number; examples: string[] }>;
  millis: number;
  /** What was compared. */
  scope: string;
}

export interface TreeFidelity {
  id: string;
  title: string;
  root: string;
  notes: string[];
  /** Interpreter binary and its version. */
  python: string;
  pythonVersion: string;
  /** The target the analyzer evaluated conditions for (the probes' interpreter). */
  analyzerTarget?: PythonTarget;
  /** .py files in the tree / indexed by the analyzer. */
  files: number;
  analyzedFiles: number;
  /** Tree files the analyzer has no module for. */
  unindexed: string[];
  /** Tree paths executed at interpreter start-up: left out of both sides. */
  baseline: string[];
  measured: ModuleFidelity[];
  /** Labels of measured targets that are not plain modules of the tree (`django.setup()`). */
  extraTargets: string[];
  /** Modules that could not be imported in a fresh headless interpreter: left out. */
  notImportable: Array<{ module: string; error: string }>;
  /** Modules the harness does not import, and why. */
  skipped: Array<{ module: string; why: string }>;
  figures: Figures;
  timings: { analyzeMillis: number; probeMillis: number; totalMillis: number; concurrency: number };
  ruff?: ToolComparison;
}

export function figuresOf(modules: readonly ModuleFidelity[]): Figures {
  let cpython = 0;
  let analyzer = 0;
  let hits = 0;
  let perfectRecall = 0;
  let perfectPrecision = 0;
  for (const m of modules) {
    cpython += m.cpython;
    analyzer += m.analyzer;
    hits += m.hits;
    if (m.hits === m.cpython) perfectRecall++;
    if (m.hits === m.analyzer) perfectPrecision++;
  }
  return {
    cpython,
    analyzer,
    hits,
    recall: cpython === 0 ? 1 : hits / cpython,
    precision: analyzer === 0 ? 1 : hits / analyzer,
    perfectRecall,
    perfectPrecision,
    modules: modules.length,
  };
}
