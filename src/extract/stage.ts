import { SummaryCache } from '../cache.js';
import type { Diagnostic } from '../diagnostics.js';
import { inLanes, readRegularFile, statSignature } from '../files.js';
import type { StageTimes } from '../stats.js';
import { describeError } from '../discover/discover.js';
import { formatBytes, sizePair, summariseBytes, type FileSummary } from './fileSummary.js';
import { ExtractPool, threadCount, workerScript } from './pool.js';
import type { ModuleSummary } from './summary.js';
import { SummaryCompactor } from './compact.js';
import { spillPacked } from './spill.js';
import type { PythonTarget } from './target.js';
import type { FileFingerprint } from '../replay.js';

export interface ExtractInput {
  files: ReadonlyArray<{ absolute: string; relative: string }>;
  target: PythonTarget;
  maxFileBytes: number;
  cache?: SummaryCache;
  stats?: StageTimes;
  /** Called as files are done: how many of how many. */
  progress?: (done: number, total: number) => void;
  /** Cache keys of files summarised a moment ago (by the run record's check): counted as parsed. */
  justParsed?: ReadonlySet<string>;
  /**
   * Files whose cache key is known without reading them (their stat signature is the run record's):
   * their summaries are read from the cache by that key. A file whose entry is not there is read.
   */
  known?: ReadonlyMap<string, FileFingerprint>;
  /** The target of each file, when not all are `target` (see config/projectTargets.ts). */
  targetOf?: (relative: string) => PythonTarget;
}

export interface ExtractOutput {
  /** In the order of `files`. */
  summaries: Map<string, ModuleSummary>;
  diagnostics: Diagnostic[];
  /**
   * With a cache: each file's cache key and the hash of its outcome (see replay.ts), in the order of
   * `files`; undefined when some outcome was transient (it says nothing about the file).
   */
  fingerprints?: FileFingerprint[];
}

/**
 * The extract stage: each file read, hashed, and summarised (from the cache when its key is there,
 * else parsed, on worker threads when there are enough files to be worth it). Results and
 * diagnostics come out in the order of `files`, however the work was spread.
 */
export async function extractFiles(input: ExtractInput): Promise<ExtractOutput> {
  const { files, target, maxFileBytes, cache, stats, progress } = input;
  const results: Array<FileSummary | undefined> = new Array(files.length);
  const fingerprints: Array<FileFingerprint | undefined> = new Array(files.length);
  // Each summary compacted as it comes in: the uncompacted copies never pile up.
  const compactor = new SummaryCompactor();
  const script = workerScript();
  let pool: ExtractPool | undefined;
  const poolFor = (): ExtractPool | undefined => {
    if (pool || !script) return pool;
    // One thread is the main thread: no worker to start.
    const threads = threadCount(files.length);
    if (threads < 2) return undefined;
    pool ??= new ExtractPool(script, threads, compactor);
    if (stats) stats.workers = pool.size;
    return pool;
  };
  let done = 0;
  // A file of a project of another Python version has its summary in that target's cache.
  const otherCaches = new Map<PythonTarget, SummaryCache>();
  const cacheOf = (fileTarget: PythonTarget): SummaryCache | undefined => {
    if (!cache || fileTarget === target) return cache;
    let other = otherCaches.get(fileTarget);
    if (!other) otherCaches.set(fileTarget, (other = new SummaryCache(cache.root, fileTarget)));
    return other;
  };
  /** The file's outcome from the cache entry of `key`, when there is one; `digest`, that entry's, when the run record knows it. */
  const fromCache = async (index: number, key: string, signature: string, fileCache: SummaryCache, digest?: string): Promise<boolean> => {
    const file = files[index]!;
    const cached = await fileCache.getEntry(key, file.relative, compactor, digest);
    if (!cached) return false;
    if (stats && input.justParsed?.has(key)) stats.parsed++;
    else if (stats) stats.cached++;
    results[index] = cached.value;
    fingerprints[index] = [file.relative, key, cached.digest, signature];
    return true;
  };
  const one = async (index: number): Promise<void> => {
    const file = files[index]!;
    const fileTarget = input.targetOf?.(file.relative) ?? target;
    const fileCache = cacheOf(fileTarget);
    const known = fileCache ? input.known?.get(file.relative) : undefined;
    if (known && !known[1].startsWith('!') && (await fromCache(index, known[1], known[3], fileCache!, known[2]))) return;
    // Not an input the run record notes: its files are compared by their keys and summaries.
    const read = await readRegularFile(file.absolute, maxFileBytes, { record: false });
    if (!read.ok) {
      const result = { diagnostics: [readProblem(file.relative, read, maxFileBytes)] };
      results[index] = result;
      if (fileCache) fingerprints[index] = [file.relative, SummaryCache.keyOfRead(file.relative, read), SummaryCache.digestOf(result), ''];
      return;
    }
    const key = fileCache ? SummaryCache.keyOf(file.relative, read.bytes) : undefined;
    if (key && (await fromCache(index, key, statSignature(read.stat), fileCache!))) return;
    const workers = poolFor();
    const { result, stored } = workers ? await workers.summarise(file.relative, read.bytes, fileTarget) : { result: await summariseBytes(file.relative, read.bytes, fileTarget), stored: undefined };
    if (stats) stats.parsed++;
    // Revived from a worker's text, it shares the run's values already.
    if (result.summary && stored === undefined) compactor.compact(result.summary);
    results[index] = result;
    if (key) {
      const digest = await fileCache!.set(key, result, stored);
      if (digest) fingerprints[index] = [file.relative, key, digest, statSignature(read.stat)];
    }
    // Not written to the cache (none, or it failed): its packed calls go to the spill file.
    if (result.summary) spillPacked(result.summary);
  };
  try {
    await inLanes(files.length, async (index) => {
      await one(index);
      progress?.(++done, files.length);
    });
  } finally {
    await pool?.close();
    // The entries stored here in a pack are found by the runs that follow once it is finished.
    cache?.finish();
    for (const other of otherCaches.values()) other.finish();
  }
  const summaries = new Map<string, ModuleSummary>();
  const diagnostics: Diagnostic[] = [];
  files.forEach((file, index) => {
    const result = results[index]!;
    diagnostics.push(...result.diagnostics);
    if (result.summary) summaries.set(file.relative, result.summary);
  });
  // (A sparse array: `every` would skip the holes.)
  let complete = cache !== undefined;
  for (let index = 0; complete && index < files.length; index++) complete = fingerprints[index] !== undefined;
  return { summaries, diagnostics, ...(complete ? { fingerprints: fingerprints as FileFingerprint[] } : {}) };
}

function readProblem(relative: string, read: Exclude<Awaited<ReturnType<typeof readRegularFile>>, { ok: true }>, maxFileBytes: number): Diagnostic {
  if (read.reason === 'too-large') {
    return {
      kind: 'too-large',
      path: relative,
      message: `skipped: ${read.size !== undefined ? sizePair(read.size, maxFileBytes) : `over the ${formatBytes(maxFileBytes)}`} limit for one file (--max-file-size)`,
    };
  }
  return { kind: 'read-error', path: relative, message: `cannot read: ${read.reason === 'not-regular' ? `${read.message}; not opened` : describeError(read.error)}` };
}
