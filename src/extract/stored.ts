import { isAscii } from 'node:buffer';
import type { Diagnostic } from '../diagnostics.js';
import type { FileSummary } from './fileSummary.js';
import { namesFromKey, namesKey, spanFromKey, spanKey } from './compact.js';
import { attachPacked, bodyCallIndex, boundNames, deflateBodies, inFunctionBody, topLevelFunctions, type BodyCallIndex } from './packed.js';
import type { CallArgument, CallPlacement, CallRecord, ClassRecord, ExecutionScope, ImportedName, ImportRecord, ModuleSummary, SourceSpan } from './summary.js';
import type { PythonTarget } from './target.js';

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
  target(target: PythonTarget): PythonTarget;
  scope(scope: ExecutionScope): ExecutionScope;
  placement(placement: CallPlacement): CallPlacement;
  string(value: string): string;
  span(span: SourceSpan): SourceSpan;
  /** The span a `spanKey` names. */
  spanOf(key: string): SourceSpan;
  importedNames(names: ImportedName[]): ImportedName[];
  /** The names a `namesKey` names (not empty). */
  importedNamesOf(key: string): ImportedName[];
}

/** The call fields held in `Tables.strings`. */
const STRING_FIELDS = ['statementText', 'calleeText', 'callee', 'condition'] as const;

/**
 * An outcome as stored: `text`, ASCII JSON, its path left out; and, when the summary has calls in
 * function bodies, `packed`, the deflated JSON of those calls (see packed.ts), which the text
 * indexes. The cache writes the text, a newline, then the packed bytes (see `storedBytes`).
 */
export interface Stored {
  text: string;
  packed?: Uint8Array;
}

/** The packed calls as the stored text describes them. */
interface PackedHead extends BodyCallIndex {
  /** How many calls the summary has in all. */
  count: number;
  /** The length of the packed bytes. */
  bytes: number;
}

/** The outcome as stored: JSON, its path left out, the calls in function bodies packed. */
export function storedText(value: FileSummary): Stored {
  const diagnostics = value.diagnostics.map((d) => ({ ...d, path: '' }));
  const summary = value.summary;
  if (!summary) return { text: ascii(JSON.stringify({ diagnostics })) };
  const all = summary.calls;
  const outside: CallRecord[] = [];
  const bodies: CallRecord[] = [];
  for (const call of all) (inFunctionBody(call) ? bodies : outside).push(call);
  let packed: Uint8Array | undefined;
  let head: PackedHead | undefined;
  if (bodies.length) {
    packed = deflateBodies(withPlaces(bodies, bodiesText));
    head = { count: all.length, ...bodyCallIndex(bodies, boundNames(all), topLevelFunctions(summary)), bytes: packed.length };
  }
  const text = withPlaces(outside, (calls, tables, scopeOf) => {
    const imports = summary.imports.map((record) => importRow(record, scopeOf(record.scope)));
    return ascii(JSON.stringify({ summary: { ...summary, path: '', imports, calls }, tables, diagnostics, ...(head ? { packed: head } : {}) }));
  });
  return packed ? { text, packed } : { text };
}

/**
 * The text of the calls in function bodies, before it is deflated: a line of JSON, the tables and
 * where each function's calls are (`[scope place, start, end]`, offsets into what follows the line),
 * then each function's calls as a JSON list, one after the other, in the order of their first call.
 * A function's calls are read back without the others' (see `callsInFunction`): the analysis asks
 * for the few functions a module's import runs, and a module such as a test suite's support
 * package has thousands of calls in the rest.
 */
function bodiesText(calls: readonly CallRecord[], tables: Tables): string {
  const byScope = new Map<number, CallRecord[]>();
  for (const call of calls) {
    // In place: `withPlaces` has made each call's scope its place in the tables.
    const place = call.scope as unknown as number;
    const list = byScope.get(place);
    if (list) list.push(call);
    else byScope.set(place, [call]);
  }
  const functions: Array<[place: number, start: number, end: number]> = [];
  let lists = '';
  for (const [place, list] of byScope) {
    const text = ascii(JSON.stringify(list));
    functions.push([place, lists.length, lists.length + text.length]);
    lists += text;
  }
  return `${ascii(JSON.stringify({ tables, functions }))}\n${lists}`;
}

/** The head of a `bodiesText`, read: its tables, and where each function's calls are (offsets into the text). */
interface BodiesHead {
  tables: Tables;
  /** In the order of the text; `function` undefined for a scope that is no function's. */
  functions: Array<{ function: string | undefined; start: number; end: number }>;
  /** The place in `functions` of each function, by qualified name. */
  byFunction: Map<string, number>;
}

/** The head line of a `bodiesText`, read and checked; throws when the text is not such. */
function headOf(text: string): BodiesHead {
  const newline = text.indexOf('\n');
  if (newline < 0) throw new Error('no packed head');
  const head = JSON.parse(text.slice(0, newline)) as { tables?: Tables; functions?: unknown };
  const tables = validTables(head.tables);
  if (!Array.isArray(head.functions)) throw new Error('no packed functions');
  const lists = newline + 1;
  const functions: BodiesHead['functions'] = [];
  const byFunction = new Map<string, number>();
  for (const where of head.functions as unknown[]) {
    const [place, start, end] = Array.isArray(where) ? (where as unknown[]) : [];
    if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < 0 || (end as number) < (start as number) || lists + (end as number) > text.length) throw new Error('a packed function out of range');
    const scope = placeIn(tables.scopes, place);
    const name = scope.kind === 'function' ? scope.function : undefined;
    if (name !== undefined && !byFunction.has(name)) byFunction.set(name, functions.length);
    functions.push({ function: name, start: lists + (start as number), end: lists + (end as number) });
  }
  return { tables, functions, byFunction };
}

/**
 * The calls of `bodiesText` back, each with its id: every one, or with `only`, those written
 * directly in the body of that function (none when it has no calls). Throws when the text is not
 * such. `memo` keeps the head read while the text is kept (see packed.ts): a module asked for
 * several of its functions reads its head once, and its tables are most of it.
 */
function bodiesOf(text: string, only?: string, memo?: { head?: unknown }): CallRecord[] {
  const head = (memo?.head as BodiesHead | undefined) ?? headOf(text);
  if (memo) memo.head = head;
  const out: CallRecord[] = [];
  const wanted = only === undefined ? head.functions : head.byFunction.has(only) ? [head.functions[head.byFunction.get(only)!]!] : [];
  for (const { start, end } of wanted) {
    const calls = JSON.parse(text.slice(start, end)) as unknown;
    if (!Array.isArray(calls)) throw new Error('no packed calls');
    // A loop, not push(...): a function can hold tens of thousands of calls.
    for (const call of withValues(calls as CallRecord[], head.tables)) out.push(call);
  }
  return out;
}

/** The bytes the cache keeps of a stored outcome: the text, then a newline and the packed bytes. */
export function storedBytes(stored: Stored): Uint8Array {
  if (!stored.packed) return Buffer.from(stored.text, 'latin1');
  const bytes = Buffer.allocUnsafe(stored.text.length + 1 + stored.packed.length);
  bytes.write(stored.text, 0, 'latin1');
  bytes[stored.text.length] = 0x0a;
  bytes.set(stored.packed, stored.text.length + 1);
  return bytes;
}

/** `storedBytes` read back: the text before the first newline (JSON text never holds one raw), the packed bytes after. */
export function storedOf(bytes: Buffer): Stored {
  const newline = bytes.indexOf(0x0a);
  const head = newline < 0 ? bytes : bytes.subarray(0, newline);
  // Entries are ASCII (see above): copied as one-byte text, not decoded; anything else is decoded.
  const text = isAscii(head) ? head.toString('latin1') : head.toString('utf8');
  return newline < 0 ? { text } : { text, packed: bytes.subarray(newline + 1) };
}

/**
 * Writes `calls` with places instead of values, in place (a copy of each call costs more than the
 * text), hands them and their tables to `write`, and gives them their values back after.
 */
function withPlaces(calls: readonly CallRecord[], write: (calls: readonly CallRecord[], tables: Tables, scopeOf: (scope: ExecutionScope) => number) => string): string {
  const scopes = new Places<ExecutionScope>((s) => (s.kind === 'module' ? 'module' : s.kind === 'function' ? `f ${s.function}` : JSON.stringify(s)));
  const placements = new Places<CallPlacement>((p) => (p.kind === 'statement' ? 'statement' : JSON.stringify(p)));
  const strings = new Places<string>((s) => s);
  const stored = calls as unknown as Array<Record<string, unknown>>;
  const spans = calls.map((call) => call.span);
  try {
    for (const call of calls) {
      const record = call as unknown as Record<string, unknown>;
      record.span = spanKey(call.span);
      record.scope = scopes.of(call.scope);
      record.placement = placements.of(call.placement);
      for (const field of STRING_FIELDS) if (call[field] !== undefined) record[field] = strings.of(call[field]);
    }
    // Live lists: the scopes `scopeOf` adds (the imports') are in the tables written after.
    return write(calls, { scopes: scopes.values, placements: placements.values, strings: strings.values }, (scope) => scopes.of(scope));
  } finally {
    stored.forEach((call, i) => (call.span = spans[i]));
    for (const call of stored) {
      if (typeof call.scope === 'number') call.scope = scopes.values[call.scope];
      if (typeof call.placement === 'number') call.placement = placements.values[call.placement];
      for (const field of STRING_FIELDS) if (typeof call[field] === 'number') call[field] = strings.values[call[field] as number];
    }
  }
}

/** JSON text with every character beyond ASCII written as its escape (`\u00e9`): the same value. */
function ascii(json: string): string {
  return json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A stored outcome back as a `FileSummary` for `relative`; throws when it is not one. With
 * `sharing`, the tables' values are the run's shared ones. Its calls in function bodies stay
 * packed until `summary.calls` is read (see packed.ts); `damaged` is called should they not unpack.
 */
export function reviveStored(stored: Stored, relative: string, sharing?: Sharing, damaged?: () => void): FileSummary {
  const value = JSON.parse(stored.text) as unknown;
  const entry = value as { summary?: Record<string, unknown>; tables?: Tables; diagnostics?: unknown; packed?: PackedHead };
  if (!entry || typeof entry !== 'object' || !Array.isArray(entry.diagnostics)) throw new Error('not a cache entry');
  const diagnostics = (entry.diagnostics as Diagnostic[]).map((d) => {
    if (!d || typeof d.kind !== 'string' || typeof d.message !== 'string') throw new Error('not a diagnostic');
    return { ...d, path: relative };
  });
  if (entry.summary === undefined) return { diagnostics };
  const summary = entry.summary;
  for (const field of ['imports', 'calls', 'classes', 'assignments', 'definedNames', 'importedNames', 'syntaxProblems', 'suppressions']) {
    if (!Array.isArray(summary[field])) throw new Error(`no ${field}`);
  }
  if (typeof summary.functions !== 'string') throw new Error('no functions');
  const tables = shared(validTables(entry.tables), sharing);
  const revivedCalls = withValues(summary.calls as CallRecord[], tables, sharing ? (key) => sharing.spanOf(key) : spanFromKey);
  const calls = revivedCalls.length ? revivedCalls : (NONE as unknown as CallRecord[]);
  const imports = summary.imports as unknown[];
  for (let i = 0; i < imports.length; i++) imports[i] = importOfRow(imports[i], tables.scopes, sharing);
  for (const field of SUMMARY_LISTS) if ((summary[field] as unknown[]).length === 0) summary[field] = NONE;
  for (const record of summary.classes as ClassRecord[]) {
    if (record.bases.length === 0) record.bases = NONE;
    if (sharing) record.span = sharing.span(record.span);
  }
  const head = entry.packed;
  // Packed, `calls` is added as an accessor to an object without it: V8 keeps such an object in
  // its fast form, where turning a data property into an accessor makes it a dictionary. Copied
  // field by field, in the stored order: summaries alike then share one hidden class, where
  // `{ ...rest }` gave nearly each its own (9 MB of hidden classes on 20,000 modules).
  const copy: Record<string, unknown> = {};
  for (const key in summary) if (key !== 'calls' && key !== '__proto__') copy[key] = summary[key];
  copy.path = relative;
  if (head === undefined) copy.calls = calls;
  const revived = copy as unknown as ModuleSummary;
  if (sharing && revived.target) revived.target = sharing.target(revived.target);
  if (head !== undefined) {
    const packed = stored.packed;
    if (!packed || typeof head !== 'object' || packed.length !== head.bytes || !Number.isInteger(head.count)) throw new Error('the packed calls are missing or cut short');
    // Set in one order: every index has the same fields in the same order (one hidden class).
    const index = {} as BodyCallIndex;
    for (const field of INDEX_FIELDS) {
      if (!Array.isArray(head[field])) throw new Error(`no packed ${field}`);
      index[field] = some(head[field]);
    }
    attachPacked(revived, {
      count: head.count,
      outside: calls,
      index,
      bytes: Buffer.from(packed.buffer, packed.byteOffset, packed.length).toString('latin1'),
      revive: bodiesOf,
      ...(damaged ? { damaged } : {}),
    });
  }
  return { summary: revived, diagnostics };
}

/** `ImportRecord.kind` as an import row writes it: its place here. */
const IMPORT_KINDS = ['import', 'from', 'dynamic'] as const;

/** The fields of an `ImportRecord` that most have not: an import row's last item holds those it has. */
const IMPORT_EXTRAS = new Set(['itemsOf', 'eachSubmodule', 'registryOf', 'alias', 'fallback', 'written']);

/**
 * An import as its stored text writes it: `[kind, module, level, names, star, scope place, span]`,
 * then an object of the fields most imports have not, when it has some. The names are a `namesKey`
 * ('' for none), or the list itself when they cannot be one; the span a `spanKey`. Lists of strings
 * and numbers parse in half the time of the objects they stand for, and the keys are what the run's
 * sharing looks them up by: an import block at the top of many modules revives as the same values
 * without building them again.
 */
function importRow(record: ImportRecord, scope: number): unknown[] {
  const key = namesKey(record.names);
  const row: unknown[] = [IMPORT_KINDS.indexOf(record.kind), record.module, record.level, key ?? record.names, record.star ? 1 : 0, scope, spanKey(record.span)];
  let extras: Record<string, unknown> | undefined;
  for (const field of IMPORT_EXTRAS) {
    const value = (record as unknown as Record<string, unknown>)[field];
    if (value !== undefined) (extras ??= {})[field] = value;
  }
  if (extras) row.push(extras);
  return row;
}

/** An `importRow` read back; throws when it is not one. */
function importOfRow(row: unknown, scopes: readonly ExecutionScope[], sharing: Sharing | undefined): ImportRecord {
  if (!Array.isArray(row) || row.length < 7 || row.length > 8) throw new Error('not an import');
  const [kind, module, level, names, star, scope, span, extras] = row as unknown[];
  const kindName = Number.isInteger(kind) ? IMPORT_KINDS[kind as number] : undefined;
  if (kindName === undefined || typeof module !== 'string' || !Number.isInteger(level) || (star !== 0 && star !== 1) || typeof span !== 'string') throw new Error('not an import');
  let importedNames: ImportedName[];
  if (names === '') importedNames = NONE as unknown as ImportedName[];
  else if (typeof names === 'string') importedNames = sharing ? sharing.importedNamesOf(names) : namesFromKey(names);
  else if (Array.isArray(names) && names.every((n) => n && typeof (n as ImportedName).name === 'string')) importedNames = names as ImportedName[];
  else throw new Error('not an import');
  const record: ImportRecord = {
    kind: kindName,
    module: sharing ? sharing.string(module) : module,
    level: level as number,
    names: importedNames,
    star: star === 1,
    scope: placeIn(scopes, scope),
    span: sharing ? sharing.spanOf(span) : spanFromKey(span),
  };
  if (extras !== undefined) {
    if (!extras || typeof extras !== 'object' || Array.isArray(extras)) throw new Error('not an import');
    for (const field of Object.keys(extras)) {
      if (!IMPORT_EXTRAS.has(field)) throw new Error('not an import');
      (record as unknown as Record<string, unknown>)[field] = (extras as Record<string, unknown>)[field];
    }
  }
  return record;
}

/** The lists of a `BodyCallIndex`, as the stored head has them. */
const INDEX_FIELDS = ['callees', 'localCallees', 'members', 'onObjects', 'decoratorsOnObjects', 'onLocalObjects', 'inModuleFunctions'] as const satisfies ReadonlyArray<keyof BodyCallIndex>;

/** Most of a module's index lists, and many of its other lists, are empty: one empty list for them all (frozen: nothing adds to it). */
const NONE: string[] = Object.freeze([]) as unknown as string[];

function some(list: string[]): string[] {
  return list.length ? list : NONE;
}

function validTables(tables: Tables | undefined): Tables {
  if (!tables || !Array.isArray(tables.scopes) || !Array.isArray(tables.placements) || !Array.isArray(tables.strings)) throw new Error('no tables');
  return tables;
}

/** The value at a table place; throws when there is none. */
function placeIn<T>(list: readonly T[], place: unknown): T {
  const found = list[place as number];
  if (found === undefined) throw new Error('a table place out of range');
  return found;
}

/** The tables with the run's shared values in them, with `sharing`. */
function shared(tables: Tables, sharing?: Sharing): Tables {
  if (!sharing) return tables;
  return { scopes: tables.scopes.map((s) => sharing.scope(s)), placements: tables.placements.map((p) => sharing.placement(p)), strings: tables.strings.map((s) => sharing.string(s)) };
}

/**
 * The lists of a summary that are empty in most modules. Revived empty, each is the one frozen empty
 * list: an empty array is 32 bytes, about a tenth of what a generated module's summary holds in
 * lists, and nothing changes a summary once it is made.
 */
const SUMMARY_LISTS = ['imports', 'classes', 'assignments', 'definedNames', 'importedNames', 'syntaxProblems', 'suppressions'] as const;

/** Calls read with places, given their values. */
function withValues(calls: CallRecord[], { scopes, placements, strings }: Tables, spanOf: (key: string) => SourceSpan = spanFromKey): CallRecord[] {
  for (const call of calls) {
    if (call.args.length === 0) call.args = NONE as unknown as CallArgument[];
    if (typeof call.span !== 'string') throw new Error('a call without its span');
    call.span = spanOf(call.span);
    call.scope = placeIn(scopes, call.scope);
    call.placement = placeIn(placements, call.placement);
    call.statementText = placeIn(strings, call.statementText);
    call.calleeText = placeIn(strings, call.calleeText);
    if (call.callee !== undefined) call.callee = placeIn(strings, call.callee);
    if (call.condition !== undefined) call.condition = placeIn(strings, call.condition);
  }
  return calls;
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
