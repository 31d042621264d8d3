import { parentPort } from 'node:worker_threads';
import { summariseBytes, type FileSummary } from './fileSummary.js';
import { storedText } from './stored.js';
import type { PythonTarget } from './target.js';

/**
 * A worker thread of the extract stage (see `ExtractPool`): one WebAssembly parser of its own,
 * files in as bytes, summaries out as plain data. Nothing here touches the graph or the rules.
 */
export interface ExtractRequest {
  id: number;
  relative: string;
  bytes: Uint8Array;
  target: PythonTarget;
}

/**
 * What a worker answers: the outcome as stored text (see stored.ts: one string is copied between
 * threads far faster than the object graph, and the main thread caches it as it came), or, for a
 * transient outcome, which is never cached, the outcome itself; or the error that stopped it.
 */
export type ExtractAnswer = { id: number; stored: string; packed?: Uint8Array } | { id: number; result: FileSummary } | { id: number; error: string };

parentPort?.on('message', (request: ExtractRequest) => {
  // For the tests: this thread dies on that file, as one does when the runtime crashes on it.
  if (process.env.IMPORTLEAK_FAULT === `worker-exit:${request.relative}`) process.exit(70);
  summariseBytes(request.relative, request.bytes, request.target).then(
    (result) => {
      if (result.transient) return parentPort!.postMessage({ id: request.id, result });
      const stored = storedText(result);
      if (!stored.packed) return parentPort!.postMessage({ id: request.id, stored: stored.text });
      // zlib's output is a view of a buffer of 16 KiB or more, which a message would copy whole (and
      // which Node 24 cannot move): a copy of its own size, moved. (Buffer#slice would be a view.)
      const packed = new Uint8Array(stored.packed);
      parentPort!.postMessage({ id: request.id, stored: stored.text, packed }, [packed.buffer]);
    },
    (error: unknown) => parentPort!.postMessage({ id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
