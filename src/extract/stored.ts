import type { Diagnostic } from '../diagnostics.js';
import type { FileSummary } from './fileSummary.js';
import type { CallPlacement, CallRecord, ExecutionScope, ImportRecord } from './summary.js';

/*
 * A file's outcome as text: how the cache stores it (without its path, which the key holds) and how
 * a worker thread hands it to the main thread, which stores it as it came.
 *
 * What the calls of a file repeat is written once, in `tables`, and each call names it by its
 * place there: the scopes (most calls of a function share its scope), the placements, and the
 * statement texts, callee texts, callees and conditions (every call of a statement repeats its
 * text). A third less text to parse, and the revived summary shares those values as
 * `SummaryCompactor` would.
 *
 * The text is ASCII: other characters are written as JSON escapes, so that it reads back as a
 * one-byte string, copied from the file's bytes instead of decoded from UTF-8.
 */

/** The values the calls and imports of one stored outcome name by their place. */
interface Tables {
  scopes: ExecutionScope[];
  placements: CallPlacement[];
  strings: string[];
}

/** Shares values across the outcomes of a run (see `SummaryCompactor`). */
export interface Sharing {
  scope(scope: ExecutionScope): ExecutionScope;
  placement(placement: CallPlacement): CallPlacement;
  string(value: string): string;
}

/** The call fields held in `Tables.strings`. */
const STRING_FIELDS = ['statementText', 'calleeText', 'callee', 'condition'] as const;

/** The outcome as stored: JSON, its path left out. */
export function storedText(value: FileSummary): string {
  const diagnostics = value.diagnostics.map((d) => ({ ...d, path: '' }));
  const summary = value.summary;
  if (!summary) return ascii(JSON.stringify({ diagnostics }));
  const scopes = new Places<ExecutionScope>((s) => (s.kind === 'module' ? 'module' : s.kind === 'function' ? `f ${s.function}` : JSON.stringify(s)));
  const placements = new Places<CallPlacement>((p) => (p.kind === 'statement' ? 'statement' : JSON.stringify(p)));
  const strings = new Places<string>((s) => s);
  // The calls and imports are written with places instead of values, in place (a copy of each
  // call costs more than the text), and given their values back, the tables' equal ones, after.
  const calls = summary.calls as unknown as Array<Record<string, unknown>>;
  const imports = summary.imports as unknown as Array<Record<string, unknown>>;
  try {
    for (const call of summary.calls) {
      const stored = call as unknown as Record<string, unknown>;
      stored.scope = scopes.of(call.scope);
      stored.placement = placements.of(call.placement);
      for (const field of STRING_FIELDS) if (call[field] !== undefined) stored[field] = strings.of(call[field]);
    }
    for (const record of summary.imports) (record as unknown as Record<string, unknown>).scope = scopes.of(record.scope);
    const tables: Tables = { scopes: scopes.values, placements: placements.values, strings: strings.values };
    return ascii(JSON.stringify({ summary: { ...summary, path: '' }, tables, diagnostics }));
  } finally {
    for (const call of calls) {
      if (typeof call.scope === 'number') call.scope = scopes.values[call.scope];
      if (typeof call.placement === 'number') call.placement = placements.values[call.placement];
      for (const field of STRING_FIELDS) if (typeof call[field] === 'number') call[field] = strings.values[call[field] as number];
    }
    for (const record of imports) if (typeof record.scope === 'number') record.scope = scopes.values[record.scope];
  }
}

/** JSON text with every character beyond ASCII written as its escape (`\u00e9`): the same value. */
function ascii(json: string): string {
  return json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A stored outcome back as a `FileSummary` for `relative`; throws when it is not one. With
 * `sharing`, the tables' values are the run's shared ones.
 */
export function reviveStored(text: string, relative: string, sharing?: Sharing): FileSummary {
  const value = JSON.parse(text) as unknown;
  const entry = value as { summary?: Record<string, unknown>; tables?: Tables; diagnostics?: unknown };
  if (!entry || typeof entry !== 'object' || !Array.isArray(entry.diagnostics)) throw new Error('not a cache entry');
  const diagnostics = (entry.diagnostics as Diagnostic[]).map((d) => {
    if (!d || typeof d.kind !== 'string' || typeof d.message !== 'string') throw new Error('not a diagnostic');
    return { ...d, path: relative };
  });
  if (entry.summary === undefined) return { diagnostics };
  const summary = entry.summary;
  for (const field of ['imports', 'calls', 'classes', 'functions', 'assignments', 'definedNames', 'importedNames', 'syntaxProblems', 'suppressions']) {
    if (!Array.isArray(summary[field])) throw new Error(`no ${field}`);
  }
  const tables = entry.tables;
  if (!tables || !Array.isArray(tables.scopes) || !Array.isArray(tables.placements) || !Array.isArray(tables.strings)) throw new Error('no tables');
  const scopes = sharing ? tables.scopes.map((s) => sharing.scope(s)) : tables.scopes;
  const placements = sharing ? tables.placements.map((p) => sharing.placement(p)) : tables.placements;
  const strings = sharing ? tables.strings.map((s) => sharing.string(s)) : tables.strings;
  const at = <T>(list: readonly T[], place: unknown): T => {
    const found = list[place as number];
    if (found === undefined) throw new Error('a table place out of range');
    return found;
  };
  for (const call of summary.calls as CallRecord[]) {
    call.scope = at(scopes, call.scope);
    call.placement = at(placements, call.placement);
    call.statementText = at(strings, call.statementText);
    call.calleeText = at(strings, call.calleeText);
    if (call.callee !== undefined) call.callee = at(strings, call.callee);
    if (call.condition !== undefined) call.condition = at(strings, call.condition);
  }
  for (const record of summary.imports as ImportRecord[]) record.scope = at(scopes, record.scope);
  return { summary: { ...(summary as unknown as FileSummary['summary'] & object), path: relative }, diagnostics };
}

/** Distinct values in the order first seen, each with its place. */
class Places<T> {
  readonly values: T[] = [];
  private readonly places = new Map<string, number>();

  constructor(private readonly keyOf: (value: T) => string) {}

  of(value: T): number {
    const key = this.keyOf(value);
    let place = this.places.get(key);
    if (place === undefined) {
      place = this.values.push(value) - 1;
      this.places.set(key, place);
    }
    return place;
  }
}
