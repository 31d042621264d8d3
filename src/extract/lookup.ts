import { callsOutsideFunctions, inFunctionBody } from './packed.js';
import type { CallRecord, ClassRecord, FunctionRecord, ImportRecord, ModuleSummary } from './summary.js';

/**
 * Lookups by name into one module's summary, built on first use and kept with the summary (which
 * does not change once extracted). Scanning the summary's lists for each lookup was quadratic on a
 * module of thousands of classes and calls: 100,000 of each, four megabytes, ran for hours.
 */
export interface SummaryLookup {
  /** The first function of that qualified name (`f`, `Cls.method`). */
  functionNamed(qualname: string): FunctionRecord | undefined;
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
    lookup = buildLookup(summary);
    lookups.set(summary, lookup);
  }
  return lookup;
}

function buildLookup(summary: ModuleSummary): SummaryLookup {
  const functions = new Map<string, FunctionRecord>();
  for (const f of summary.functions) if (!functions.has(f.qualname)) functions.set(f.qualname, f);
  const classes = new Map<string, ClassRecord>();
  for (const c of summary.classes) if (!classes.has(c.name)) classes.set(c.name, c);
  const fromImports = new Map<string, ImportRecord>();
  for (const record of summary.imports) {
    if (record.scope.kind !== 'module' || record.kind !== 'from') continue;
    for (const n of record.names) {
      const bound = n.alias ?? n.name;
      if (!fromImports.has(bound)) fromImports.set(bound, record);
    }
  }
  const boundCalls = new Map<string, CallRecord>();
  for (const call of callsOutsideFunctions(summary)) {
    if (call.scope.kind === 'module' && call.boundTo !== undefined && !boundCalls.has(call.boundTo)) boundCalls.set(call.boundTo, call);
  }
  // The decorators of definitions nested in functions are calls in function bodies: indexed, and
  // unpacked (see packed.ts), only when asked for.
  let decorators: Map<string, CallRecord[]> | undefined;
  const decoratorsOf = (target: string): readonly CallRecord[] => {
    if (!decorators) {
      decorators = new Map();
      for (const call of callsOutsideFunctions(summary)) if (call.placement.kind === 'decorator') add(decorators, call.placement.target, call);
    }
    // A definition's decorators run where its statement does: all outside function bodies, or all in one.
    return decorators.get(target) ?? nestedDecorators().get(target) ?? [];
  };
  let nested: Map<string, CallRecord[]> | undefined;
  const nestedDecorators = (): Map<string, CallRecord[]> => {
    if (!nested) {
      nested = new Map();
      for (const call of summary.calls) if (inFunctionBody(call) && call.placement.kind === 'decorator') add(nested, call.placement.target, call);
    }
    return nested;
  };
  return {
    functionNamed: (qualname) => functions.get(qualname),
    classNamed: (name) => classes.get(name),
    fromImportBinding: (name) => fromImports.get(name),
    moduleCallBoundTo: (name) => boundCalls.get(name),
    decoratorsOf,
  };
}

function add(map: Map<string, CallRecord[]>, key: string, call: CallRecord): void {
  const list = map.get(key);
  if (list) list.push(call);
  else map.set(key, [call]);
}
