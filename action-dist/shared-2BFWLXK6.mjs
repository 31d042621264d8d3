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
var DamagedCacheEntry = class extends Error {
  constructor(path, message) {
    super(message);
    this.path = path;
  }
  path;
};
var BUG_REPORT_HINT = "this is a bug in importleak; please report it with this file";
var PROJECT_BUG_REPORT_HINT = "this is a bug in importleak; please report it with the command and the files it ran on";
function internalError(component, path, error) {
  if (error instanceof DamagedCacheEntry) return { kind: "read-error", path: error.path, message: error.message };
  if (process.env.IMPORTLEAK_DEBUG) process.stderr.write(forLog(`importleak: internal error in ${component} (${forTerminal(path)}): ${error?.stack ?? String(error)}
`));
  const hint = path === "." ? PROJECT_BUG_REPORT_HINT : BUG_REPORT_HINT;
  return { kind: "internal-error", path, message: `internal error in ${component}: ${describeInternalError(error)}; ${hint}` };
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

// src/extract/target.ts
var PLATFORMS = ["linux", "darwin", "win32"];
var DEFAULT_TARGET = { version: [3, 12], platform: "linux" };
function parsePythonVersion(text) {
  const match = /^\s*(\d+)\.(\d+)\s*$/.exec(text);
  if (!match) return void 0;
  const major = Number(match[1]);
  const minor = Number(match[2]);
  return major >= 2 && major <= 3 ? [major, minor] : void 0;
}
function versionFromRequiresPython(specifier) {
  for (const clause of specifier.split(",")) {
    const match = /^\s*(>=|~=|==|>)\s*(\d+)(?:\.(\d+))?/.exec(clause);
    if (!match) continue;
    const major = Number(match[2]);
    let minor = Number(match[3] ?? 0);
    if (match[1] === ">" && match[3] === void 0) minor += 1;
    return [major, minor];
  }
  return void 0;
}
function describeTarget(target) {
  return `Python ${target.version.join(".")} on ${target.platform}`;
}

// src/extract/summary.ts
var MAX_MAIN_CALLS = 16;
function* functionLines(functions) {
  for (const entry of functions.split("\n")) {
    const space = entry.lastIndexOf(" ");
    if (space > 0) yield [entry.slice(0, space), Number(entry.slice(space + 1))];
  }
}
function byEnclosingFunction(items) {
  const byName = /* @__PURE__ */ new Map();
  for (const item of items) {
    if (item.scope.kind !== "function") continue;
    const list = byName.get(item.scope.function);
    if (list) list.push(item);
    else byName.set(item.scope.function, [item]);
  }
  return byName;
}
function importText(record) {
  return record.written ?? plainImportText(record);
}
function plainImportText(record) {
  if (record.kind === "import") return record.alias === void 0 ? `import ${record.module}` : `import ${record.module} as ${record.alias}`;
  const names = record.star ? "*" : record.names.map((n) => n.alias === void 0 ? n.name : `${n.name} as ${n.alias}`).join(", ");
  return `from ${".".repeat(record.level)}${record.module} import ${names}`;
}
function withWritten(record, text) {
  if (record.kind === "dynamic" || plainImportText(record) !== text) record.written = text;
  return record;
}

export {
  PLATFORMS,
  DEFAULT_TARGET,
  parsePythonVersion,
  versionFromRequiresPython,
  describeTarget,
  INCOMPLETE_KINDS,
  DamagedCacheEntry,
  internalError,
  describeInternalError,
  injectedFault,
  MAX_MAIN_CALLS,
  functionLines,
  byEnclosingFunction,
  importText,
  withWritten
};
