import { forLog, forTerminal } from './report/neutralise.js';

/**
 * Problems with the input rather than findings about it: a file that could not be read,
 * decoded or parsed, a symlink that loops. Each names the file and the cause; the scan goes on.
 */
export type DiagnosticKind =
  | 'read-error'
  | 'too-large'
  | 'decode-error'
  | 'syntax-error'
  | 'symlink-loop'
  | 'broken-symlink'
  | 'outside-root'
  | 'duplicate-module'
  /** A deployment file (Procfile, Dockerfile, gunicorn.conf.py...) that could not be read as the platform reads it. */
  | 'deployment'
  /** A configuration value that points at nothing (an entry point naming no module). */
  | 'config'
  /** Part of a file nested deeper than importleak walks (see the README's Limits): skipped, the rest analyzed. */
  | 'too-deep'
  /** An exception in one of importleak's own components, caught: the file or detector named was not (fully) analyzed. */
  | 'internal-error'
  /** A bound on work that grows combinatorially was reached (see the README's Limits): the part the message names was left out. */
  | 'limit';

export interface Diagnostic {
  kind: DiagnosticKind;
  /** Path relative to the scan root, '/'-separated (or as given, when outside it). */
  path: string;
  line?: number;
  column?: number;
  message: string;
}

/** Kinds after which the file was not analyzed at all, or only in part. */
export const INCOMPLETE_KINDS: ReadonlySet<DiagnosticKind> = new Set([
  'read-error',
  'too-large',
  'decode-error',
  'syntax-error',
  'symlink-loop',
  'broken-symlink',
  'deployment',
  'too-deep',
  'internal-error',
  'limit',
]);

/**
 * A file's cache entry found damaged while the analysis read it (see extract/packed.ts): no bug of
 * importleak's; the file named was not fully analyzed, and its entry is gone for the next run.
 */
export class DamagedCacheEntry extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

/** What every internal error tells the reader to do. */
export const BUG_REPORT_HINT = 'this is a bug in importleak; please report it with this file';

/** The same, for a part of the analysis that handles the whole project. */
export const PROJECT_BUG_REPORT_HINT = 'this is a bug in importleak; please report it with the command and the files it ran on';

/**
 * An exception thrown by one of importleak's components (`extract`, `the Django entry detector`...)
 * while it handled `path`, as a diagnostic: one line, the cause and the bug-report hint; the stack
 * goes to stderr only with IMPORTLEAK_DEBUG set. The caller goes on with the rest of the analysis.
 */
export function internalError(component: string, path: string, error: unknown): Diagnostic {
  if (error instanceof DamagedCacheEntry) return { kind: 'read-error', path: error.path, message: error.message };
  if (process.env.IMPORTLEAK_DEBUG) process.stderr.write(forLog(`importleak: internal error in ${component} (${forTerminal(path)}): ${(error as Error)?.stack ?? String(error)}\n`));
  // A part that handles the whole project (an entry detector, the import graph) has no one file to send.
  const hint = path === '.' ? PROJECT_BUG_REPORT_HINT : BUG_REPORT_HINT;
  return { kind: 'internal-error', path, message: `internal error in ${component}: ${describeInternalError(error)}; ${hint}` };
}

/** `TypeError: x is undefined`, one line; a stack overflow said in words. */
export function describeInternalError(error: unknown): string {
  if (error instanceof RangeError && /call stack/i.test(error.message)) return 'importleak ran out of stack space (RangeError: Maximum call stack size exceeded)';
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const line = text.split('\n', 1)[0]!;
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/**
 * IMPORTLEAK_FAULT=<component>:<name> (a debugging aid, see the README): makes `component` throw when
 * it handles `name` (a file's path, or a framework for `entries`), to see that an internal error there
 * is reported and the rest of the analysis goes on. Components: extract, resolve, entries, check, deployment.
 */
export function injectedFault(component: string, name: string): void {
  const fault = process.env.IMPORTLEAK_FAULT;
  if (fault && fault === `${component}:${name}`) throw new Error(`fault injected by IMPORTLEAK_FAULT=${fault}`);
}
