import { injectedFault, internalError, type Diagnostic } from '../diagnostics.js';
import { decodePythonSource } from './decode.js';
import { extractModule } from './extract.js';
import { MAX_PARSE_CHARS, ParserAbort, ParserUnavailable, withPythonParser } from './parser.js';
import type { ModuleSummary } from './summary.js';
import type { PythonTarget } from './target.js';

/**
 * What one file's bytes give: its summary (absent when it could not be parsed at all) and the
 * problems found on the way, decoding, syntax and parts nested too deeply. Plain data, the same
 * whether it was made on the main thread, in a worker thread, or read back from the cache.
 */
export interface FileSummary {
  summary?: ModuleSummary;
  diagnostics: Diagnostic[];
  /**
   * The problem is with this run, not with the file (the parser ran out of memory, or is unavailable
   * after doing so): the outcome is not cached, and the next run tries the file again.
   */
  transient?: boolean;
}

/** Decodes, parses and extracts one file. Never throws: a failure is the file's diagnostic. */
export async function summariseBytes(relative: string, bytes: Uint8Array, target: PythonTarget): Promise<FileSummary> {
  const diagnostics: Diagnostic[] = [];
  const decoded = decodePythonSource(bytes);
  if (decoded.problem) diagnostics.push({ kind: 'decode-error', path: relative, line: decoded.problem.line, message: decoded.problem.message });
  const text = decoded.text;
  if (text.length > MAX_PARSE_CHARS) {
    diagnostics.push({ kind: 'too-large', path: relative, message: `skipped: ${formatBytes(text.length)} of text is over the ${formatBytes(MAX_PARSE_CHARS)} the parser is given, whatever --max-file-size allows` });
    return { diagnostics };
  }
  let summary: ModuleSummary;
  try {
    summary = await withPythonParser(relative, (parser) => {
      injectedFault('extract', relative);
      return extractModule(parser, relative, text, target);
    });
  } catch (error) {
    // Not a syntax error: CPython may well import the file. The next file is analyzed as usual.
    if (error instanceof ParserAbort) return { diagnostics: [...diagnostics, { kind: 'too-large', path: relative, message: `could not be parsed: ${error.message}` }], transient: true };
    if (error instanceof ParserUnavailable) return { diagnostics: [...diagnostics, { kind: 'limit', path: relative, message: error.message }], transient: true };
    return { diagnostics: [...diagnostics, internalError('extract', relative, error)], transient: true };
  }
  for (const part of summary.skippedParts ?? []) {
    diagnostics.push({ kind: 'too-deep', path: relative, line: part.span.line, column: part.span.column, message: part.message });
  }
  for (const problem of summary.syntaxProblems) {
    diagnostics.push({
      kind: 'syntax-error',
      path: relative,
      line: problem.span.line,
      column: problem.span.column,
      message: `${problem.message}; CPython cannot import this file. The rest of it was still analyzed`,
    });
  }
  return { summary, diagnostics };
}

/** `1.5 MiB`, `512 KiB`, `300 bytes`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

/** `5.0 MiB is over the 4.0 MiB`, in bytes when the two would read the same. */
export function sizePair(size: number, limit: number): string {
  const [a, b] = formatBytes(size) === formatBytes(limit) ? [`${size} bytes`, `${limit}-byte`] : [formatBytes(size), formatBytes(limit)];
  return `${a} is over the ${b}`;
}
