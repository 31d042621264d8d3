import type { Sharing } from './stored.js';
import type { CallPlacement, CallRecord, ClassRecord, ExecutionScope, ImportedName, ImportRecord, ModuleSummary, SourceSpan } from './summary.js';
import type { PythonTarget } from './target.js';

/**
 * Shares what the summaries of a run repeat, as they come in: one object for each distinct call
 * scope and placement (`{ kind: "module" }` is most of them), one string for each distinct
 * statement text, callee, condition and imported module name (every call of a statement repeats
 * its text), one object for each distinct span and list of names a `from` import binds. Summaries
 * come from worker threads and the cache as fresh copies; on a generated monorepo of 20,000 modules
 * the sharing takes more than a third off the memory they hold. The summaries are the same data: nothing
 * changes them after this. Stored outcomes are revived sharing its values (see `reviveStored`).
 */
export class SummaryCompactor implements Sharing {
  private readonly objects = new Map<string, object>();
  private readonly strings = new Map<string, string>();
  private moduleScope: ExecutionScope | undefined;
  private statement: CallPlacement | undefined;
  private readonly functionScopes = new Map<string, ExecutionScope>();
  private readonly targets = new Map<string, PythonTarget>();
  private readonly spans = new Map<string, SourceSpan>();
  private readonly names = new Map<string, ImportedName[]>();

  compact(summary: ModuleSummary): ModuleSummary {
    if (summary.target) summary.target = this.target(summary.target);
    for (const call of summary.calls) {
      call.scope = this.scope(call.scope);
      call.placement = this.placement(call.placement);
      call.statementText = this.string(call.statementText);
      call.calleeText = this.string(call.calleeText);
      if (call.callee !== undefined) call.callee = this.string(call.callee);
      if (call.condition !== undefined) call.condition = this.string(call.condition);
    }
    for (const record of summary.imports) record.scope = this.scope(record.scope);
    shareRecords(this, summary.imports, summary.classes, summary.calls);
    return summary;
  }

  /** Every summary of a run has the same target. */
  target(target: PythonTarget): PythonTarget {
    const key = `${target.version.join('.')} ${target.platform}`;
    const known = this.targets.get(key);
    if (known) return known;
    this.targets.set(key, target);
    return target;
  }

  scope(scope: ExecutionScope): ExecutionScope {
    // Most are the module's or a function's: keyed without building a key.
    if (scope.kind === 'module') return (this.moduleScope ??= scope);
    if (scope.kind === 'function') {
      const known = this.functionScopes.get(scope.function);
      if (known) return known;
      this.functionScopes.set(scope.function, scope);
      return scope;
    }
    return this.object(scope);
  }

  placement(placement: CallPlacement): CallPlacement {
    if (placement.kind === 'statement') return (this.statement ??= placement);
    return this.object(placement);
  }

  /** Scopes and placements hold strings only: their fields, in order, are their identity. */
  private object<T extends object>(value: T): T {
    let key = '';
    for (const field in value) key += `${field}\0${String(value[field])}\0`;
    const known = this.objects.get(key);
    if (known) return known as T;
    this.objects.set(key, value);
    return value;
  }

  /**
   * Spans are never changed once made, and many repeat across files: an import block at the top of
   * a module (`import os` is line 1, columns 1 to 10, in many of a project's files).
   */
  span(span: SourceSpan): SourceSpan {
    const key = spanKey(span);
    const known = this.spans.get(key);
    if (known) return known;
    this.spans.set(key, span);
    return span;
  }

  /** The span a `spanKey` names: the run's one, made from the key only the first time. */
  spanOf(key: string): SourceSpan {
    const known = this.spans.get(key);
    if (known) return known;
    const span = spanFromKey(key);
    this.spans.set(key, span);
    return span;
  }

  /** The names of a `from` import (`from typing import Any, Optional` heads many modules): one list for each distinct one. */
  importedNames(names: ImportedName[]): ImportedName[] {
    if (names.length === 0) return names;
    const key = namesKey(names) ?? JSON.stringify(names);
    const known = this.names.get(key);
    if (known) return known;
    this.names.set(key, names);
    return names;
  }

  /** The names a `namesKey` (not empty) gives: the run's one list, made from the key only the first time. */
  importedNamesOf(key: string): ImportedName[] {
    const known = this.names.get(key);
    if (known) return known;
    const names = namesFromKey(key);
    this.names.set(key, names);
    return names;
  }

  string(value: string): string {
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    this.strings.set(value, value);
    return value;
  }
}

/**
 * What the imports, classes and calls of a summary share with the run's other summaries besides
 * scopes, placements and the calls' texts: spans, imported module names, the names of `from`
 * imports. For a summary made on this thread (`compact`) and one revived from its stored text.
 */
export function shareRecords(sharing: Sharing, imports: readonly ImportRecord[], classes: readonly ClassRecord[], calls: readonly CallRecord[]): void {
  for (const record of imports) {
    record.module = sharing.string(record.module);
    record.span = sharing.span(record.span);
    record.names = sharing.importedNames(record.names);
  }
  for (const record of classes) record.span = sharing.span(record.span);
  for (const call of calls) call.span = sharing.span(call.span);
}

/** A span as one string, `line column endLine endColumn`: how the run's sharing keys it, and how stored outcomes write it. */
export function spanKey(span: SourceSpan): string {
  return `${span.line} ${span.column} ${span.endLine} ${span.endColumn}`;
}

/** The span a `spanKey` writes; throws when the text is not one. */
export function spanFromKey(key: string): SourceSpan {
  // By hand, not split(' ').map(Number): each call of a function body unpacked reads one.
  const a = key.indexOf(' ');
  const b = key.indexOf(' ', a + 1);
  const c = key.indexOf(' ', b + 1);
  if (a < 1 || b < a + 2 || c < b + 2 || c > key.length - 2 || key.indexOf(' ', c + 1) >= 0) throw new Error('not a span');
  const line = Number(key.slice(0, a));
  const column = Number(key.slice(a + 1, b));
  const endLine = Number(key.slice(b + 1, c));
  const endColumn = Number(key.slice(c + 1));
  if (!Number.isInteger(line) || !Number.isInteger(column) || !Number.isInteger(endLine) || !Number.isInteger(endColumn)) throw new Error('not a span');
  return { line, column, endLine, endColumn };
}

/**
 * The names of a `from` import as one string, `name,` or `name alias,` each (`Any,Optional,`): how
 * the run's sharing keys them and how stored outcomes write them. Undefined when a name or alias
 * holds a space or a comma (never a Python identifier; text a syntax error left, perhaps).
 */
export function namesKey(names: readonly ImportedName[]): string | undefined {
  let key = '';
  for (const { name, alias } of names) {
    if (/[ ,]/.test(name) || (alias !== undefined && /[ ,]/.test(alias))) return undefined;
    key += alias === undefined ? `${name},` : `${name} ${alias},`;
  }
  return key;
}

/** The names a `namesKey` writes. */
export function namesFromKey(key: string): ImportedName[] {
  if (!key.endsWith(',')) throw new Error('not a list of imported names');
  return key.slice(0, -1).split(',').map((item) => {
    const space = item.indexOf(' ');
    return space < 0 ? { name: item } : { name: item.slice(0, space), alias: item.slice(space + 1) };
  });
}
