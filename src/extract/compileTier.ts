import { setFlagsFromString } from 'node:v8';

/** Below this many files to parse, starting worker threads costs more than it saves (see pool.ts). */
export const MIN_FILES_FOR_THREADS = 48;

/**
 * How V8 compiles the parser's WebAssembly, chosen once per process, before it is first compiled.
 *
 * By default V8 compiles it quickly (Liftoff) and compiles the functions that get hot again, for
 * speed, on background threads. On Node 20 and 22, a process that has parsed even one file then
 * waits for that second compilation before it exits (and its module loads wait behind it): 110 to
 * 150 ms on this machine, more than a changed file's whole analysis on a small project. Node 24 does
 * not wait. Compiled by Liftoff alone, the parse is a quarter slower on Node 20 (the standard
 * library: 3.0 s against 2.35 s) and half as fast on Node 24, which is worth it only for a few files.
 *
 * So Liftoff alone when, on Node 20 or 22, this thread is about to parse fewer files than make worker
 * threads worth starting: a changed file, a small project. V8's flags hold for the whole process,
 * worker threads included, and a compiled module is shared by the threads that load the same bytes:
 * when more files than guessed need parsing after all, the worker threads parse them with the
 * Liftoff code too (a quarter slower, never wrong).
 */
export function liftoffOnly(filesToParse: number, nodeMajor: number = Number(process.versions.node.split('.')[0])): boolean {
  return nodeMajor < 24 && filesToParse < MIN_FILES_FOR_THREADS;
}

let chosen = false;

/**
 * Says how many files this thread is about to parse, before the parser is first made (see
 * `liftoffOnly`). Only the first word counts: after that the code is compiled, or about to be.
 */
export function expectParses(filesToParse: number): void {
  if (chosen) return;
  chosen = true;
  if (liftoffOnly(filesToParse)) setFlagsFromString('--liftoff-only');
}
