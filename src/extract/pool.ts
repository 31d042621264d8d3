import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { internalError } from '../diagnostics.js';
import type { FileSummary } from './fileSummary.js';
import type { PythonTarget } from './target.js';
import type { ExtractAnswer, ExtractRequest } from './worker.js';
import { reviveStored, type Sharing, type Stored } from './stored.js';
import { MIN_FILES_FOR_THREADS } from './compileTier.js';

/**
 * A small pool of worker threads for the extract stage, each with a parser of its own. Small and
 * ours rather than piscina's: its one job is to send bytes and get a `FileSummary` back, and it has
 * to find its worker script in the three layouts importleak runs from (dist/, the Action's bundle,
 * and src/ under vitest, where there is no JavaScript worker to start and `workerScript` says so).
 */
export class ExtractPool {
  private readonly workers: Worker[] = [];
  private readonly waiting: Job[] = [];
  /** The jobs sent to each worker and not answered yet, in the order sent (a worker answers in that order). */
  private readonly running = new Map<Worker, Job[]>();
  private nextId = 0;
  private closed = false;

  constructor(
    private readonly script: string,
    readonly size: number,
    /** The run's shared values, for the outcomes revived (see `reviveStored`). */
    private readonly sharing?: Sharing,
  ) {
    for (let i = 0; i < size; i++) this.spawn();
  }

  /** Summarises one file on a worker thread. Never rejects: a crashed worker is the file's internal error. */
  summarise(relative: string, bytes: Uint8Array, target: PythonTarget): Promise<Summarised> {
    return new Promise((done) => {
      this.waiting.push({ id: -1, request: { relative, bytes, target }, done });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  /**
   * Sends waiting jobs to the workers with fewer than IN_FLIGHT unanswered. With one more queued
   * behind the one it works on, a worker starts its next file at once, instead of idling while its
   * answer crosses to the main thread and the next request crosses back.
   */
  private dispatch(): void {
    while (this.waiting.length) {
      let worker: Worker | undefined;
      for (const candidate of this.workers) {
        const load = this.running.get(candidate)!.length;
        if (load < IN_FLIGHT && (!worker || load < this.running.get(worker)!.length)) worker = candidate;
      }
      if (!worker) return;
      const job = this.waiting.shift()!;
      job.id = this.nextId++;
      this.running.get(worker)!.push(job);
      // Copied, not transferred: a small Buffer's memory is a slice of Node's shared pool.
      worker.postMessage({ id: job.id, ...job.request } satisfies ExtractRequest);
    }
  }

  private spawn(): void {
    // Not unref()'d: the stage awaits their answers, and closes the pool when it is done.
    const worker = new Worker(this.script, { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
    this.workers.push(worker);
    this.running.set(worker, []);
    worker.on('message', (message: ExtractAnswer) => {
      const jobs = this.running.get(worker);
      if (!jobs?.length || jobs[0]!.id !== message.id) return;
      const job = jobs.shift()!;
      // The next file goes out before this answer is revived.
      this.dispatch();
      job.done(answerOf(message, job.request.relative, this.sharing));
    });
    let gone = false;
    const lost = (error: unknown): void => {
      if (gone) return;
      gone = true;
      const jobs = this.running.get(worker) ?? [];
      this.running.delete(worker);
      this.workers.splice(this.workers.indexOf(worker), 1);
      // The file it was working on is the one that killed it; those queued behind it go to another.
      const [failed, ...queued] = jobs;
      if (failed) failed.done({ result: { diagnostics: [internalError('extract', failed.request.relative, error)], transient: true } });
      this.waiting.unshift(...queued);
      if (this.closed) return;
      // A worker that died (out of memory, a crash in the runtime) is replaced; the scan goes on.
      this.spawn();
      this.dispatch();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => {
      if (!this.closed) lost(new Error(`the worker thread exited with code ${code}`));
    });
  }
}

/** How many files a worker is sent before it answers the first. */
const IN_FLIGHT = 2;

interface Job {
  id: number;
  request: Omit<ExtractRequest, 'id'>;
  done: (result: Summarised) => void;
}

/** A file's outcome, and its stored text when the worker sent that (see `ExtractAnswer`). */
export interface Summarised {
  result: FileSummary;
  stored?: Stored;
}

function answerOf(message: ExtractAnswer, relative: string, sharing?: Sharing): Summarised {
  if ('stored' in message) {
    try {
      const stored: Stored = message.packed ? { text: message.stored, packed: message.packed } : { text: message.stored };
      return { result: reviveStored(stored, relative, sharing), stored };
    } catch (error) {
      return { result: { diagnostics: [internalError('extract', relative, error)], transient: true } };
    }
  }
  if ('result' in message) return { result: message.result };
  return { result: { diagnostics: [internalError('extract', relative, new Error(message.error))], transient: true } };
}

/**
 * The worker script beside this module: `worker.js` in dist/extract/, `worker.mjs` beside the
 * Action's bundle. Undefined under vitest (src/extract/worker.ts cannot be started as a thread).
 */
export function workerScript(): string | undefined {
  for (const name of ['worker.js', 'worker.mjs']) {
    const file = fileURLToPath(new URL(`./${name}`, import.meta.url));
    if (existsSync(file)) return file;
  }
  return undefined;
}

/**
 * The young generation of each worker thread's heap, at most: what Node 20 gives by default (16 MiB
 * semi-spaces). Node 24 gives more, and its workers, which make short-lived trees and texts, grew
 * their young generation to it: a cold run of 20,000 generated modules peaked at 788 MiB under
 * Node 24, against 550 MiB with this limit, in the same time (the standard library: 378 to 463 MiB
 * in 3.2 s, against 310 MiB in 3.0 s). No change under Node 20 or 22.
 */
export const WORKER_YOUNG_GENERATION_MB = 48;


/**
 * How many worker threads: `IMPORTLEAK_THREADS` when set (1: none, on the main thread), else one a
 * core, at most 8, and none for a few files or on one core.
 */
export function threadCount(files: number, env: NodeJS.ProcessEnv = process.env): number {
  const asked = Number(env.IMPORTLEAK_THREADS);
  if (Number.isInteger(asked) && asked >= 1) return Math.min(asked, 64);
  if (files < MIN_FILES_FOR_THREADS) return 1;
  return Math.max(1, Math.min(availableParallelism(), 8, Math.ceil(files / 24)));
}
