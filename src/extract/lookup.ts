import { callsOutsideFunctions, inFunctionBody } from './packed.js';
import { functionLines, type CallRecord, type ClassRecord, type ImportRecord, type ModuleSummary } from './summary.js';

/**
 * Lookups by name into one module's summary, built on first use and kept with the summary (which
 * does not change once extracted). Scanning the summary's lists for each lookup was quadratic on a
 * module of thousands of classes and calls: 100,000 of each, four megabytes, ran for hours.
 */
export interface SummaryLookup {
  /** The line of the `def` of the first function of that qualified name (`f`, `Cls.method`). */
  functionLine(qualname: string): number | undefined;
  /** The first class of that qualified name. */
  classNamed(name: string): ClassRecord | undefined;
  /** The first module-level `from ... import` that binds `name` (as itself or as an alias). */
  fromImportBinding(name: string): ImportRecord | undefined;
  /** The first module-level call whose result is bound to `name`. */
  moduleCallBoundTo(name: string): CallRecord | undefined;
  /** The calls decorating the definition `target`, in source order. */
  decoratorsOf(target: string): readonly CallRecord[];
}

const lookups = new WeakMap<ModuleSummary, SummaryLookup>();

export function summaryLookup(summary: ModuleSummary): SummaryLookup {
  let lookup = lookups.get(summary);
  if (!lookup) {
    lookup = new Lookup(summary);
    lookups.set(summary, lookup);
  }
  return lookup;
}

/**
 * Each map is built the first time it is asked for: most modules are asked one or two kinds of
 * name (a class's bases, a from-import), and a map a module, held to the end of the run, is memory
 * that grows with the project. Methods, not closures: one lookup is one object and its maps.
 */
class Lookup implements SummaryLookup {
  private functions?: ReadonlyMap<string, [qualname: string, line: number]>;
  private classes?: ReadonlyMap<string, ClassRecord>;
  private fromImports?: ReadonlyMap<string, ImportRecord>;
  private boundCalls?: ReadonlyMap<string, CallRecord>;
  private decorators?: ReadonlyMap<string, CallRecord[]>;
  private nested?: ReadonlyMap<string, CallRecord[]>;

  constructor(private readonly summary: ModuleSummary) {}

  functionLine(qualname: string): number | undefined {
    const functions = this.summary.functions;
    // A few functions: found in the text. More, a map: the call resolver asks a module for names
    // many times over (every prefix of every dotted callee), and each ask would read them all.
    if (functions.length <= SCANNED_FUNCTIONS) return lineIn(functions, qualname);
    return (this.functions ??= firstBy(functionLines(functions), ([name]) => [name])).get(qualname)?.[1];
  }

  classNamed(name: string): ClassRecord | undefined {
    const classes = this.summary.classes;
    // Most modules define a class or two: a map for each, held to the end, cost more than a look.
    if (classes.length <= SCANNED_CLASSES) return classes.find((c) => c.name === name);
    return (this.classes ??= firstBy(classes, (c) => [c.name])).get(name);
  }

  fromImportBinding(name: string): ImportRecord | undefined {
    this.fromImports ??= firstBy(this.summary.imports, (record) => (record.scope.kind === 'module' && record.kind === 'from' ? record.names.map((n) => n.alias ?? n.name) : []));
    return this.fromImports.get(name);
  }

  moduleCallBoundTo(name: string): CallRecord | undefined {
    this.boundCalls ??= firstBy(callsOutsideFunctions(this.summary), (call) => (call.scope.kind === 'module' && call.boundTo !== undefined ? [call.boundTo] : []));
    return this.boundCalls.get(name);
  }

  decoratorsOf(target: string): readonly CallRecord[] {
    this.decorators ??= decoratorsBy(callsOutsideFunctions(this.summary));
    // A definition's decorators run where its statement does: all outside function bodies, or all in
    // one. Those in function bodies are unpacked (see packed.ts) only when asked for.
    return this.decorators.get(target) ?? (this.nested ??= decoratorsBy(this.summary.calls.filter(inFunctionBody))).get(target) ?? NONE;
  }
}

const NONE: readonly CallRecord[] = Object.freeze([]);

/**
 * The length of `ModuleSummary.functions` up to which a lookup reads the text instead of making a
 * map: about thirty functions. On the standard library with its tests, 4 KiB took 4 % longer
 * (61 ms in `lineIn`) for 3 MiB less; a generated module's handful of functions stays text.
 */
const SCANNED_FUNCTIONS = 512;
/** The number of classes up to which a lookup looks through them instead of making a map. */
const SCANNED_CLASSES = 16;

/** The line of the first function `qualname` in `ModuleSummary.functions`. */
function lineIn(functions: string, qualname: string): number | undefined {
  const key = `\n${qualname} `;
  const at = functions.indexOf(key);
  if (at < 0) return undefined;
  const end = functions.indexOf('\n', at + key.length);
  return Number(functions.slice(at + key.length, end < 0 ? undefined : end));
}

/** One empty map for every lookup that finds nothing of a kind (most modules have no decorators). */
const EMPTY: ReadonlyMap<string, never> = new Map<string, never>();

/** The first item under each of its keys; the shared empty map when there is none. */
function firstBy<T>(items: Iterable<T>, keys: (item: T) => readonly string[]): ReadonlyMap<string, T> {
  let map: Map<string, T> | undefined;
  for (const item of items) {
    for (const key of keys(item)) {
      map ??= new Map();
      if (!map.has(key)) map.set(key, item);
    }
  }
  return map ?? EMPTY;
}

/** The decorator calls among `calls`, by the definition they decorate. */
function decoratorsBy(calls: Iterable<CallRecord>): ReadonlyMap<string, CallRecord[]> {
  let map: Map<string, CallRecord[]> | undefined;
  for (const call of calls) {
    if (call.placement.kind !== 'decorator') continue;
    map ??= new Map();
    const list = map.get(call.placement.target);
    if (list) list.push(call);
    else map.set(call.placement.target, [call]);
  }
  return map ?? EMPTY;
}
