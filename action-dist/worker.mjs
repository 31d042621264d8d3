import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  storedText
} from "./shared-7ZG2VCCI.mjs";
import {
  summariseBytes
} from "./shared-AL5UJYVG.mjs";
import "./shared-DIJAFYFB.mjs";
import "./shared-ZYG3IDYS.mjs";
import "./shared-PMYI2HPO.mjs";
import "./shared-WIBISVNQ.mjs";
import "./shared-2BFWLXK6.mjs";
import "./shared-OK3D7NJJ.mjs";
import "./shared-RKF6PH7O.mjs";

// src/extract/worker.ts
import { parentPort } from "node:worker_threads";
parentPort?.on("message", (request) => {
  if (process.env.IMPORTLEAK_FAULT === `worker-exit:${request.relative}`) process.exit(70);
  summariseBytes(request.relative, request.bytes, request.target).then(
    (result) => {
      if (result.transient) return parentPort.postMessage({ id: request.id, result });
      const stored = storedText(result);
      if (!stored.packed) return parentPort.postMessage({ id: request.id, stored: stored.text });
      const packed = new Uint8Array(stored.packed);
      parentPort.postMessage({ id: request.id, stored: stored.text, packed }, [packed.buffer]);
    },
    (error) => parentPort.postMessage({ id: request.id, error: error instanceof Error ? error.stack ?? error.message : String(error) })
  );
});
