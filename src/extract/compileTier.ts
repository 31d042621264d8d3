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

/**
 * Whether this process, about to parse `filesToParse` files, compiles the parser's WebAssembly a
 * second time (see `liftoffOnly`) and waits for that compilation: on Node 20 and 22, from as many
 * files as start worker threads. Meanwhile a module load, which reads its file through libuv's thread
 * pool, waited 100 to 150 ms: what is to be loaded after the parse is better loaded before it.
 */
export function waitsForSecondTier(filesToParse: number, nodeMajor: number = Number(process.versions.node.split('.')[0])): boolean {
  return nodeMajor < 24 && !liftoffOnly(filesToParse, nodeMajor);
}

/**
 * How V8 optimises the analyzer's own JavaScript, for a run that parses enough files to start worker
 * threads: TurboFan without inlining.
 *
 * Each worker thread is an isolate of its own, which compiles the extractor again; with inlining,
 * TurboFan folds the visitors into a few very large functions (`visitAssignment` took 60 to 100 ms to
 * compile, a dozen times a run) on the background threads that share the two cores with the workers.
 * On the standard library (734 files) that compilation was about a third of the run's CPU time. Without
 * inlining, a cold check there took 4.9 s instead of 5.65 s on Node 20 (median of six interleaved
 * runs); on Node 22 and 24, whose Maglev tier takes much of that work, 3 and 2 % less; on 20,000
 * generated modules and on the standard library with its tests, where the code runs long enough to
 * repay any compilation, the same within the noise.
 */
export function withoutInlining(filesToParse: number): boolean {
  return filesToParse >= MIN_FILES_FOR_THREADS;
}

/**
 * The V8 flag that has TurboFan wait for a function to run about ten times longer than by default,
 * in every run that analyzes (given with the first word of `expectParses`, before the analysis runs).
 *
 * A cold check of the standard library on one thread had TurboFan compile 321 functions, for 1.4 s of
 * the background threads' time (`--trace-opt`), in a run of 4.4 s on two cores; each worker thread
 * compiles the extractor again. Many of those functions ran hot for a moment (the rules' YAML, the
 * analysis, which runs once): their compiled code did not repay its compilation. Waiting longer
 * compiles only the code that runs long. Interleaved runs:
 * - cold, the standard library: Node 20 3.9 to 4.0 s against 4.1 to 4.4 s (CPU 5.9 to 6.0 s against
 *   6.4 to 6.9 s); Node 22 and 24 about 5 % less; 20,000 generated modules and the benchmark's
 *   site-packages, the same or less;
 * - one file changed (the analysis from cached summaries): the standard library 0.84 to 0.88 s
 *   against 0.94 to 1.03 s (CPU 0.74 s against 1.23 s); the site-packages 3.1 to 3.5 s against 3.5
 *   to 4.0 s; 20,000 generated modules the same (3.9 to 4.6 s against 3.7 to 4.1 s).
 * Node 20's V8 counts an interrupt budget (67,584 bytecodes by default), Node 22 and later count calls
 * (3,000); naming the other version's flag is an error.
 */
export function laterTurbofan(nodeMajor: number = Number(process.versions.node.split('.')[0])): string {
  return nodeMajor < 22 ? '--interrupt-budget=1000000' : '--invocation-count-for-turbofan=30000';
}

let chosen = false;

/**
 * Says how many files this thread is about to parse, before the parser is first made (see
 * `liftoffOnly`, `withoutInlining` and `laterTurbofan`). Only the first word counts: after that the code is compiled,
 * or about to be.
 */
export function expectParses(filesToParse: number): void {
  if (chosen) return;
  chosen = true;
  if (liftoffOnly(filesToParse)) setFlagsFromString('--liftoff-only');
  setFlagsFromString(laterTurbofan());
  if (withoutInlining(filesToParse)) setFlagsFromString('--no-turbo-inlining');
}
