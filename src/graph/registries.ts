import { callsOutsideFunctions } from '../extract/packed.js';
import type { CallRecord, RegistryAdder } from '../extract/summary.js';
import { parsePythonLiteral, stringsOf } from '../extract/pythonLiteral.js';
import type { CallResolver } from '../resolve/calls.js';
import type { ModuleIndex } from '../resolve/moduleIndex.js';
import { resolveItem } from '../resolve/resolveImports.js';
import { edgeThroughCalls, type ImportEdge, type ImportReached } from './edges.js';

/**
 * An import of each item of a registry (`for module in self.module_registry: __import__(module)`),
 * run while `from` is imported: at its module level, or in a function its module-level code calls.
 */
export type PendingRegistryImport = ImportReached;

/** Rounds of adding registry imports; each can make more modules run, which register more items. */
const MAX_ROUNDS = 8;
/**
 * Bounds on what registries add: edges in all, and steps of work (modules and edges walked, items
 * looked at). Registries imported from by many modules that reach one another make edges and work
 * grow with the square and the cube of the modules (1,000 such modules: half a million edges, 40 s).
 * Real registries (SQLAlchemy's) stay far below; beyond, the rest is left out and said so.
 */
export const MAX_REGISTRY_EDGES = 100_000;
export const MAX_REGISTRY_STEPS = 50_000_000;

/**
 * Registries filled at import time and imported from later, the way SQLAlchemy breaks its import
 * cycles: `@util.preload_module("sqlalchemy.sql.util")` on functions all over the package adds module
 * names to a set, and `sqlalchemy/__init__.py` ends with `import_prefix("sqlalchemy")`, which imports
 * every name registered so far. The items an import sees are the literal strings passed to the
 * registry's adders (`RegistryAdder`) by module-level code of the modules that have run by then:
 * approximated as those the importing module reaches at import time, found again after each round
 * of new edges, since the modules a round adds can register more.
 */
export function registryEdges(
  index: ModuleIndex,
  calls: CallResolver,
  pending: readonly PendingRegistryImport[],
  importTimeEdges: ReadonlyMap<string, readonly ImportEdge[]>,
  onLimit?: (message: string) => void,
): ImportEdge[] {
  if (pending.length === 0) return [];
  const registrations = registeredItems(index, calls);
  const added: ImportEdge[] = [];
  const extra = new Map<string, ImportEdge[]>();
  const done = pending.map(() => new Set<string>());
  const budget = { steps: 0 };
  let limited: string | undefined;
  for (let round = 0; round < MAX_ROUNDS && limited === undefined; round++) {
    let grew = false;
    for (let i = 0; i < pending.length && limited === undefined; i++) {
      const item = pending[i]!;
      const { record } = item;
      const registry = record.registryOf!;
      const items = registrations.get(`${item.at}::${registry.registry}`);
      if (!items) continue;
      const reached = reach(item.from, budget, importTimeEdges, extra);
      budget.steps += items.length;
      if (budget.steps > MAX_REGISTRY_STEPS) {
        limited = `more work than importleak does for registries (${MAX_REGISTRY_STEPS.toLocaleString('en')} steps)`;
        break;
      }
      const prefix = prefixOf(item, registry.prefixParameter);
      const importer = index.byPath.get(item.from);
      const writtenIn = index.byPath.get(item.at);
      if (!importer || !writtenIn) continue;
      for (const { name, module } of items) {
        if (added.length >= MAX_REGISTRY_EDGES) {
          limited = `more than ${MAX_REGISTRY_EDGES.toLocaleString('en')} import edges`;
          break;
        }
        if (!reached.has(module) || done[i]!.has(name) || (prefix !== undefined && !name.startsWith(prefix))) continue;
        done[i]!.add(name);
        for (const executed of resolveItem(writtenIn, record, name, index, calls.summaries).executes) {
          if (executed.module.path === item.from) continue;
          const edge = edgeThroughCalls(item, executed.module.path, executed.reason);
          added.push(edge);
          const list = extra.get(edge.from) ?? [];
          list.push(edge);
          extra.set(edge.from, list);
          grew = true;
        }
      }
    }
    if (!grew) break;
  }
  if (limited !== undefined) {
    onLimit?.(
      `the imports of registry items (names registered at import time, then imported in a loop) need ${limited}; ` +
        `the ${added.length.toLocaleString('en')} edges found until then are kept, the rest left out, so a module reached only through them is not seen`,
    );
  }
  return added;
}

/** registry (`<path>::<name>`) → the literal items module-level code of each module passes to its adders. */
function registeredItems(index: ModuleIndex, calls: CallResolver): Map<string, Array<{ name: string; module: string }>> {
  const adders = new Map<string, RegistryAdder>();
  for (const [path, summary] of calls.summaries) {
    for (const adder of summary.registryAdders ?? []) adders.set(`${path}::${adder.function}`, adder);
  }
  const out = new Map<string, Array<{ name: string; module: string }>>();
  if (adders.size === 0) return out;
  for (const module of index.entries()) {
    const summary = calls.summaries.get(module.path);
    for (const call of summary ? callsOutsideFunctions(summary) : []) {
      if (call.scope.kind !== 'module' || call.args.length === 0) continue;
      for (const { body } of calls.targetsOf(module.path, call)) {
        const adder = adders.get(`${body.path}::${body.qualname}`);
        if (!adder) continue;
        const key = `${body.path}::${adder.registry}`;
        const list = out.get(key) ?? [];
        for (const name of argumentItems(call, adder)) list.push({ name, module: module.path });
        out.set(key, list);
      }
    }
  }
  return out;
}

/** The strings a call hands its adder: only literals count. */
function argumentItems(call: CallRecord, adder: RegistryAdder): string[] {
  const positional = call.args.filter((a) => a.keyword === undefined);
  const strings = (values: ReadonlyArray<{ literal?: unknown }>): string[] =>
    values.flatMap((a) => (typeof a.literal === 'string' ? [a.literal] : []));
  if (adder.takes === 'each-argument') return strings(positional.slice(adder.parameter));
  const argument = positional[adder.parameter];
  if (!argument) return [];
  if (adder.takes === 'argument') return strings([argument]);
  const literal = parsePythonLiteral(argument.text);
  return literal.kind === 'list' || literal.kind === 'tuple' ? (stringsOf(literal) ?? []) : [];
}

/** The literal the call into the importing function passes for its prefix parameter, when it does. */
function prefixOf(item: PendingRegistryImport, parameter: { index: number; name: string } | undefined): string | undefined {
  if (!parameter) return undefined;
  const last = item.steps[item.steps.length - 1];
  if (!last || last.target.kind !== 'function') return undefined;
  const argument =
    last.call.args.find((a) => a.keyword === parameter.name) ??
    last.call.args.filter((a) => a.keyword === undefined)[parameter.index];
  return typeof argument?.literal === 'string' ? argument.literal : undefined;
}

/** Every module `start` runs at import time, itself included; each edge looked at counts as a step of `budget`. */
function reach(start: string, budget: { steps: number }, ...edgeMaps: Array<ReadonlyMap<string, readonly ImportEdge[]>>): Set<string> {
  const seen = new Set([start]);
  const queue = [start];
  for (let head = 0; head < queue.length && budget.steps <= MAX_REGISTRY_STEPS; head++) {
    for (const edges of edgeMaps) {
      const out = edges.get(queue[head]!) ?? [];
      budget.steps += out.length;
      for (const edge of out) {
        if (seen.has(edge.to)) continue;
        seen.add(edge.to);
        queue.push(edge.to);
      }
    }
  }
  return seen;
}
