import { parentPort } from 'node:worker_threads';
import { summariseBytes } from './fileSummary.js';
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

parentPort?.on('message', (request: ExtractRequest) => {
  summariseBytes(request.relative, request.bytes, request.target).then(
    (result) => parentPort!.postMessage({ id: request.id, result }),
    (error: unknown) => parentPort!.postMessage({ id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
