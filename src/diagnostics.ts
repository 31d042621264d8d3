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
  | 'config';

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
]);
