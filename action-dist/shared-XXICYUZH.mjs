import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  forLog,
  forTerminal
} from "./shared-OK3D7NJJ.mjs";

// src/diagnostics.ts
var INCOMPLETE_KINDS = /* @__PURE__ */ new Set([
  "read-error",
  "too-large",
  "decode-error",
  "syntax-error",
  "symlink-loop",
  "broken-symlink",
  "deployment",
  "too-deep",
  "internal-error",
  "limit"
]);
var BUG_REPORT_HINT = "this is a bug in importleak; please report it with this file";
function internalError(component, path, error) {
  if (process.env.IMPORTLEAK_DEBUG) process.stderr.write(forLog(`importleak: internal error in ${component} (${forTerminal(path)}): ${error?.stack ?? String(error)}
`));
  return { kind: "internal-error", path, message: `internal error in ${component}: ${describeInternalError(error)}; ${BUG_REPORT_HINT}` };
}
function describeInternalError(error) {
  if (error instanceof RangeError && /call stack/i.test(error.message)) return "importleak ran out of stack space (RangeError: Maximum call stack size exceeded)";
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const line = text.split("\n", 1)[0];
  return line.length > 200 ? `${line.slice(0, 199)}\u2026` : line;
}
function injectedFault(component, name) {
  const fault = process.env.IMPORTLEAK_FAULT;
  if (fault && fault === `${component}:${name}`) throw new Error(`fault injected by IMPORTLEAK_FAULT=${fault}`);
}

export {
  INCOMPLETE_KINDS,
  internalError,
  describeInternalError,
  injectedFault
};
