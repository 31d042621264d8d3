import type { Diagnostic } from '../diagnostics.js';
import type { FileSummary } from './fileSummary.js';

/*
 * A file's outcome as text: how the cache stores it (without its path, which the key holds) and how
 * a worker thread hands it to the main thread, which stores it as it came.
 */

/** The outcome as stored: JSON, its path left out. */
export function storedText(value: FileSummary): string {
  return JSON.stringify({
    ...(value.summary ? { summary: { ...value.summary, path: '' } } : {}),
    diagnostics: value.diagnostics.map((d) => ({ ...d, path: '' })),
  });
}

/** A stored outcome back as a `FileSummary` for `relative`; throws when it is not one. */
export function reviveStored(text: string, relative: string): FileSummary {
  const value = JSON.parse(text) as unknown;
  const entry = value as { summary?: Record<string, unknown>; diagnostics?: unknown };
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
  return { summary: { ...(summary as unknown as FileSummary['summary'] & object), path: relative }, diagnostics };
}
