#!/usr/bin/env node
const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;
"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// src/quickReplay.ts
var import_node_fs5 = require("node:fs");
var import_node_path4 = __toESM(require("node:path"), 1);
var import_node_url = require("node:url");

// src/codeDigest.ts
var import_node_fs2 = require("node:fs");
var import_node_path2 = __toESM(require("node:path"), 1);

// src/builtin.ts
var import_node_module = require("node:module");
var load = (0, import_node_module.createRequire)(__importMetaUrl);
function builtin(name) {
  return load(name);
}

// src/digest.ts
function nodeCrypto() {
  return crypto ??= builtin("node:crypto");
}
var crypto;
function sha256Hex(...parts) {
  const hash = nodeCrypto().createHash("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest("hex");
}
function nameHash(text) {
  let a = 2166136261;
  let b = 16777619 ^ 1540483477;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 16777619);
    b = Math.imul(b ^ c, 16777619) ^ b >>> 15;
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}

// src/files.ts
var import_node_fs = require("node:fs");
var import_node_path = __toESM(require("node:path"), 1);
var DEFAULT_MAX_FILE_BYTES = 4 * 1024 * 1024;
var READ_AHEAD = 64;
async function inLanes(count, work) {
  let next = 0;
  let stopped = false;
  const lane = async () => {
    for (let index = next++; !stopped && index < count; index = next++) if (await work(index) === false) stopped = true;
  };
  await Promise.all(Array.from({ length: Math.min(READ_AHEAD, count) }, lane));
}
var MAX_SMALL_FILE_BYTES = 1024 * 1024;
function fileTypeName(stat) {
  if (stat.isDirectory()) return "a folder";
  if (stat.isFIFO()) return "a named pipe (FIFO)";
  if (stat.isSocket()) return "a socket";
  if (stat.isCharacterDevice()) return "a character device";
  if (stat.isBlockDevice()) return "a block device";
  if (stat.isSymbolicLink()) return "a symbolic link";
  return "neither a file nor a folder";
}
function notRegularMessage(stat) {
  return `not a regular file (${fileTypeName(stat)})`;
}
var READ_FLAGS = import_node_fs.constants.O_RDONLY | (import_node_fs.constants.O_NONBLOCK ?? 0) | (import_node_fs.constants.O_NOCTTY ?? 0);
async function readRegularFile(file, maxBytes, { record = true } = {}) {
  const result = await readUnrecorded(file, maxBytes);
  if (record && recorder) recorder.push({ kind: "read", file: import_node_path.default.resolve(file), maxBytes, digest: await readDigest(file, maxBytes, result), signature: readSignature(result) });
  return result;
}
async function readUnrecorded(file, maxBytes) {
  let descriptor;
  try {
    const before = (0, import_node_fs.statSync)(file);
    if (!before.isFile()) return { ok: false, reason: "not-regular", message: notRegularMessage(before) };
    if (before.size > maxBytes) return { ok: false, reason: "too-large", size: before.size, message: `${before.size} bytes is over the ${maxBytes}-byte limit` };
    descriptor = (0, import_node_fs.openSync)(file, READ_FLAGS);
    const opened = (0, import_node_fs.fstatSync)(descriptor);
    if (!opened.isFile()) return { ok: false, reason: "not-regular", message: notRegularMessage(opened) };
    const chunks = [];
    let total = 0;
    for (; ; ) {
      const chunk = Buffer.allocUnsafe(Math.min(opened.size > 0 ? opened.size + 1 : 64 * 1024, maxBytes + 1 - total));
      const bytesRead = (0, import_node_fs.readSync)(descriptor, chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) return { ok: false, reason: "too-large", message: `over the ${maxBytes}-byte limit` };
      if (opened.size > 0 && bytesRead < chunk.length) break;
    }
    return { ok: true, bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total), stat: opened };
  } catch (error) {
    const e = error;
    return { ok: false, reason: e.code === "ENOENT" || e.code === "ENOTDIR" ? "missing" : "error", message: e.message ?? String(error), error: e };
  } finally {
    if (descriptor !== void 0) {
      try {
        (0, import_node_fs.closeSync)(descriptor);
      } catch {
      }
    }
  }
}
async function realPath(file) {
  try {
    return import_node_fs.realpathSync.native(file);
  } catch {
    return void 0;
  }
}
var OutputError = class extends Error {
};
async function writeOutputFile(file, text, what = "the output") {
  const target = import_node_path.default.resolve(file);
  const fail = (cause) => {
    throw new OutputError(`cannot write ${what} to ${file}: ${cause}`);
  };
  let mode = 438;
  let existing;
  try {
    existing = await import_node_fs.promises.lstat(target);
  } catch (error) {
    const code = error.code;
    if (code === "ENOTDIR") fail("a part of the path is not a folder");
    if (code !== "ENOENT") fail(describeCode(error));
  }
  if (existing?.isSymbolicLink()) fail("it is a symbolic link; importleak does not write through one (remove it, or choose another file)");
  if (existing && !existing.isFile()) fail(`it is ${fileTypeName(existing)}, not a regular file, and is left as it is`);
  if (existing) mode = existing.mode & 4095;
  const folder = import_node_path.default.dirname(target);
  try {
    if (!(await import_node_fs.promises.stat(folder)).isDirectory()) fail(`${import_node_path.default.dirname(file) || "."} is not a folder`);
  } catch (error) {
    if (error instanceof OutputError) throw error;
    fail(error.code === "ENOENT" ? `the folder ${import_node_path.default.dirname(file) || "."} does not exist` : describeCode(error));
  }
  const temporary = import_node_path.default.join(folder, `.${import_node_path.default.basename(target)}.${process.pid}.${nodeCrypto().randomBytes(6).toString("hex")}.tmp`);
  let handle;
  try {
    handle = await import_node_fs.promises.open(temporary, "wx", mode);
    await handle.writeFile(text);
    if (existing) await handle.chmod(mode);
    await handle.sync().catch(() => void 0);
    await handle.close();
    handle = void 0;
    await import_node_fs.promises.rename(temporary, target);
  } catch (error) {
    await handle?.close().catch(() => void 0);
    await import_node_fs.promises.rm(temporary, { force: true }).catch(() => void 0);
    fail(describeCode(error));
  }
}
function describeCode(error) {
  const e = error;
  switch (e.code) {
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ENOSPC":
      return "no space left on the device";
    case "EDQUOT":
      return "disk quota exceeded";
    case "EROFS":
      return "read-only file system";
    case "EISDIR":
      return "it is a folder";
    case "ENOENT":
      return "no such file or directory";
    default:
      return e.message ?? String(error);
  }
}
var recorder;
function pathKindNow(file) {
  try {
    const stat = (0, import_node_fs.statSync)(file, { throwIfNoEntry: false });
    return stat ? kindOfStat(stat) : "absent";
  } catch {
    return "absent";
  }
}
function kindOfStat(stat) {
  return stat.isDirectory() ? "folder" : stat.isFile() ? "file" : "other";
}
async function readDigest(file, maxBytes, result) {
  result ??= await readUnrecorded(file, maxBytes);
  const real = (result.ok || result.reason !== "missing" ? await realPath(file) : void 0) ?? "";
  return result.ok ? sha256Hex(real, "\0", "ok\0", result.bytes) : sha256Hex(real, "\0", `${result.reason}\0${result.size ?? ""}\0${result.error?.code ?? ""}`);
}
function fileKeyOf(relative, bytes) {
  return nodeCrypto().createHash("sha256").update(relative).update("\0").update(bytes).digest("hex");
}
function fileKeyOfRead(relative, read2) {
  return read2.ok ? fileKeyOf(relative, read2.bytes) : `!${read2.reason}:${read2.size ?? ""}`;
}
var ABSENT = "!absent";
function readSignature(result) {
  return result.ok ? statSignature(result.stat) : result.reason === "missing" ? ABSENT : "";
}
function looksUnchanged(input) {
  if (input.kind === "stat") return pathKindNow(input.file) === input.value;
  if (input.kind !== "read" || !input.signature) return false;
  try {
    const stat = (0, import_node_fs.statSync)(input.file, { throwIfNoEntry: false });
    return input.signature === ABSENT ? stat === void 0 : stat !== void 0 && stat.isFile() && statSignature(stat) === input.signature;
  } catch (error) {
    return input.signature === ABSENT && error.code === "ENOTDIR";
  }
}
var STARTED = Date.now() - process.uptime() * 1e3;
function statSignature(stat) {
  if (Math.max(stat.mtimeMs, stat.ctimeMs) >= STARTED - 2e3) return "";
  return `${stat.size}:${stat.ino}:${stat.mtimeMs}:${stat.ctimeMs}`;
}

// src/codeDigest.ts
function digestOf(files, base) {
  const digest = nodeCrypto().createHash("sha256");
  for (const file of files) digest.update(import_node_path2.default.relative(base, file)).update("\0").update(bytesOf(file)).update("\0");
  return digest.digest("hex");
}
function keptCodeDigest(keptIn, folders, base, pattern, recursive) {
  let signatures = `${JSON.stringify([base, pattern.source, recursive])}
`;
  let trusted = true;
  const files = folders.flatMap((folder) => codeFilesWithStats(folder, pattern, recursive));
  for (const [file, stat] of files) {
    const signature = statSignature(stat);
    if (!signature) trusted = false;
    signatures += `${JSON.stringify(import_node_path2.default.relative(base, file))} ${signature}
`;
  }
  const computed = () => digestOf(files.map(([file]) => file), base);
  if (!trusted) return computed();
  const kept = import_node_path2.default.join(keptIn, `code-${nameHash(signatures)}`);
  try {
    const text2 = (0, import_node_fs2.readFileSync)(kept, "utf8");
    if (/^[0-9a-f]{64}\n/.test(text2) && text2.slice(65) === signatures) return text2.slice(0, 64);
  } catch {
  }
  const digest = computed();
  const text = `${digest}
${signatures}`;
  if (!keep(keptIn, kept, text)) unkept.set(kept, { keptIn, text });
  return digest;
}
function keep(keptIn, kept, text) {
  try {
    if (!(0, import_node_fs2.lstatSync)(keptIn).isDirectory()) return false;
    const temporary = `${kept}.${process.pid}.tmp`;
    (0, import_node_fs2.writeFileSync)(temporary, text, { flag: "wx" });
    (0, import_node_fs2.renameSync)(temporary, kept);
    return true;
  } catch {
    return false;
  }
}
var unkept = /* @__PURE__ */ new Map();
function codeFiles(folder, pattern, recursive) {
  return codeFilesWithStats(folder, pattern, recursive).map(([file]) => file);
}
function codeFilesWithStats(folder, pattern, recursive) {
  let names;
  try {
    names = (0, import_node_fs2.readdirSync)(folder).sort();
  } catch {
    return [];
  }
  const files = [];
  for (const name of names) {
    const file = import_node_path2.default.join(folder, name);
    let stat;
    try {
      stat = (0, import_node_fs2.statSync)(file);
    } catch {
      continue;
    }
    if (stat.isDirectory()) {
      if (recursive && name !== "node_modules") files.push(...codeFilesWithStats(file, pattern, recursive));
    } else if (stat.isFile() && pattern.test(name)) files.push([file, stat]);
  }
  return files;
}
var read = /* @__PURE__ */ new Map();
function bytesOf(file) {
  let bytes = read.get(file);
  if (!bytes) read.set(file, bytes = (0, import_node_fs2.readFileSync)(file));
  return bytes;
}

// src/config/localPython.ts
var import_node_fs3 = require("node:fs");
var import_node_path3 = __toESM(require("node:path"), 1);

// src/extract/target.ts
var PLATFORMS = ["linux", "darwin", "win32"];

// src/config/localPython.ts
var cached;
function knownLocalPython(env = process.env, cwd = process.cwd(), cacheDir) {
  const looked = lookUp(env, cwd, cacheDir);
  return "known" in looked ? looked.known : "unknown";
}
function lookUp(env, cwd, cacheDir) {
  const command = env.IMPORTLEAK_PYTHON || "python3";
  const executable = findOnPath(command, env, cwd);
  const key = `${command}\0${executable ?? ""}`;
  if (cached?.key === key) return { known: cached.found };
  if (!executable) {
    cached = { key, found: void 0 };
    return { known: void 0 };
  }
  const identity = fileIdentity(executable);
  const remembered = identity && cacheDir ? rememberedAnswer(cacheDir, identity) : void 0;
  if (remembered) {
    cached = { key, found: { command, executable, ...remembered } };
    return { known: cached.found };
  }
  return { command, executable, key, identity, cacheDir };
}
var PYTHON_CACHE = "python.json";
function fileIdentity(executable) {
  try {
    const real = (0, import_node_fs3.realpathSync)(executable);
    const stat = (0, import_node_fs3.statSync)(real);
    return `${real}\0${stat.size}\0${stat.mtimeMs}`;
  } catch {
    return void 0;
  }
}
function keptAnswers(cacheDir) {
  let stored;
  try {
    stored = JSON.parse((0, import_node_fs3.readFileSync)(import_node_path3.default.join(cacheDir, PYTHON_CACHE), "utf8"));
  } catch {
    return [];
  }
  const list = Array.isArray(stored?.answers) ? stored.answers : [stored];
  const answers = [];
  for (const item of list) {
    const { identity, version, platform } = item ?? {};
    if (typeof identity !== "string" || !Array.isArray(version) || version.length !== 2 || !version.every((n) => Number.isInteger(n))) continue;
    answers.push({ identity, version: [version[0], version[1]], ...PLATFORMS.includes(platform) ? { platform } : {} });
  }
  return answers;
}
function rememberedAnswer(cacheDir, identity) {
  const kept = keptAnswers(cacheDir).find((answer) => answer.identity === identity);
  return kept ? { version: kept.version, ...kept.platform ? { platform: kept.platform } : {} } : void 0;
}
function findOnPath(command, env = process.env, cwd = process.cwd()) {
  if (command.includes("/") || process.platform === "win32" && command.includes("\\")) {
    const file = import_node_path3.default.resolve(cwd, command);
    return isExecutable(file) ? file : void 0;
  }
  const realCwd = realOrSelf(cwd);
  const extensions = process.platform === "win32" ? ["", ...(env.PATHEXT ?? ".EXE;.CMD;.BAT;.COM").split(";").filter(Boolean)] : [""];
  const pathValue = env.PATH ?? env.Path ?? "";
  for (const entry of pathValue.split(import_node_path3.default.delimiter)) {
    if (!entry || !import_node_path3.default.isAbsolute(entry)) continue;
    const folder = import_node_path3.default.normalize(entry);
    if (isNodeModulesBin(folder)) continue;
    if (realOrSelf(folder) === realCwd) continue;
    for (const extension of extensions) {
      const file = import_node_path3.default.join(folder, command + extension);
      if (isExecutable(file)) return file;
    }
  }
  return void 0;
}
function isNodeModulesBin(folder) {
  const parts = folder.split(/[\\/]+/).filter(Boolean);
  return parts.length >= 2 && parts[parts.length - 1] === ".bin" && parts[parts.length - 2] === "node_modules";
}
function isExecutable(file) {
  try {
    if (!(0, import_node_fs3.statSync)(file).isFile()) return false;
    (0, import_node_fs3.accessSync)(file, import_node_fs3.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
function realOrSelf(folder) {
  try {
    return (0, import_node_fs3.realpathSync)(folder);
  } catch {
    return import_node_path3.default.resolve(folder);
  }
}

// src/handoff.ts
var KEY = /* @__PURE__ */ Symbol.for("importleak.quick-replay-handoff");
function leaveHandoff(handoff) {
  globalThis[KEY] = handoff;
}

// src/pipes.ts
var closedPipeHandled = false;
function endQuietlyOnClosedPipe() {
  if (closedPipeHandled) return;
  closedPipeHandled = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error) => {
      if (error.code === "EPIPE") process.exit(0);
      throw error;
    });
  }
}

// src/stats.ts
var STAGES = ["run record", "discovery", "parse and extract", "resolve and graph", "entries", "deployment", "rules", "report"];
var StageTimes = class {
  totals = /* @__PURE__ */ new Map();
  started = performance.now();
  /** When the stage last added ended (taken as now, when it is added). */
  lastEnd = this.started;
  cached = 0;
  parsed = 0;
  workers = 0;
  /**
   * The output was the run record's (see replay.ts): nothing was analyzed. `quick`: found by the
   * command line's index entry, without loading the analyzer (see quickReplay.ts).
   */
  replayed = false;
  /** Runs `work` as part of `stage`, and adds its time. */
  async time(stage, work) {
    const start = performance.now();
    try {
      return await work();
    } finally {
      this.add(stage, performance.now() - start);
    }
  }
  timeSync(stage, work) {
    const start = performance.now();
    try {
      return work();
    } finally {
      this.add(stage, performance.now() - start);
    }
  }
  add(stage, milliseconds) {
    this.totals.set(stage, (this.totals.get(stage) ?? 0) + milliseconds);
    this.lastEnd = performance.now();
  }
  /** Adds to `stage` the time since the stage added last ended: what ran between them was this one. */
  addSinceLast(stage) {
    this.add(stage, performance.now() - this.lastEnd);
  }
  /** `--stats` output: one line a stage, then the total (stderr, so it never mixes with a report). */
  format() {
    const total = performance.now() - this.started;
    const width = Math.max(...STAGES.map((s) => s.length));
    const lines = STAGES.filter((s) => this.totals.has(s)).map((s) => `  ${s.padEnd(width)}  ${seconds(this.totals.get(s))}`);
    const files = this.replayed ? `the output of the last run, whose inputs are unchanged${this.replayed === "quick" ? "; the analyzer not loaded" : ""}` : `${this.parsed} parsed, ${this.cached} from the cache${this.workers > 1 ? `, ${this.workers} worker threads` : ""}`;
    return [`importleak stats (${files}):`, ...lines, `  ${"total".padEnd(width)}  ${seconds(total)}`].join("\n");
  }
};
function seconds(milliseconds) {
  return `${(milliseconds / 1e3).toFixed(3)} s`;
}

// src/watch.ts
var import_node_fs4 = __toESM(require("node:fs"), 1);
var SKIPPED_BY_EVERY_WALK = /* @__PURE__ */ new Set([".git", "node_modules", "site-packages", "__pycache__", ".tox", ".nox", ".mypy_cache", ".ruff_cache", ".importleak_cache", ".pytest_cache"]);
function listingDigest(entries) {
  const names = [];
  for (const entry of entries) {
    if (entry.isDirectory() && SKIPPED_BY_EVERY_WALK.has(entry.name)) continue;
    names.push(`${entry.isFile() ? "f" : entry.isDirectory() ? "d" : entry.isSymbolicLink() ? "l" : "o"}${entry.name}`);
  }
  const listing = names.sort().join("/");
  return listing.length <= MAX_KEPT_LISTING ? listing : `sha256:${sha256Hex(listing)}`;
}
var MAX_KEPT_LISTING = 4096;
function listingNow(folder) {
  try {
    return listingDigest(import_node_fs4.default.readdirSync(folder, { withFileTypes: true }));
  } catch {
    return void 0;
  }
}
function lookNow(how, p) {
  try {
    return how === "stat" ? kindOfStat(import_node_fs4.default.statSync(p)) : import_node_fs4.default.realpathSync.native(p);
  } catch (error) {
    return failure(error);
  }
}
async function watchHolds(watch, confirmed = /* @__PURE__ */ new Set(), renewed) {
  if (!watch?.complete || !Array.isArray(watch.folders) || !Array.isArray(watch.looks)) return false;
  for (const noted of watch.folders) {
    const [folder, signature, listing] = noted;
    const seen = `${folder}\0${signature}`;
    if (confirmed.has(seen)) continue;
    const stat = statNow(folder);
    if (stat === void 0) return false;
    const now = statSignature(stat);
    if (signature === "" || now !== signature) {
      if (typeof listing !== "string" || !stat.isDirectory() || listingNow(folder) !== listing) return false;
      if (now) {
        noted[1] = now;
        renewed?.();
      }
    }
    confirmed.add(seen);
  }
  const reads = [];
  for (const [how, p, answer, signature] of watch.looks) {
    if (how !== "read") {
      if (lookNow(how, p) !== answer) return false;
    } else if (!signature || !looksUnchanged({ kind: "read", file: p, maxBytes: MAX_SMALL_FILE_BYTES, digest: answer, signature })) {
      reads.push([p, answer]);
    }
  }
  let holds = true;
  await inLanes(reads.length, async (index) => {
    const [p, answer] = reads[index];
    if (await readDigest(p, MAX_SMALL_FILE_BYTES) !== answer) return holds = false;
  });
  return holds;
}
function statNow(p) {
  try {
    return import_node_fs4.default.statSync(p);
  } catch {
    return void 0;
  }
}
function failure(error) {
  return `!${error.code ?? "error"}`;
}

// src/quickReplay.ts
var DEFAULT_CACHE_DIR = ".importleak_cache";
var INDEX_FORMAT = 1;
var RECORDED_COMMANDS = /* @__PURE__ */ new Set(["check", "graph", "entries"]);
function knownAnswer(local) {
  return JSON.stringify(local ? [local.version, local.platform ?? null] : null);
}
function commandLineOf(code, argv, cwd, env) {
  return JSON.stringify([code, argv.slice(2), cwd, env.IMPORTLEAK_PYTHON ?? null, env.PATH ?? env.Path ?? null, env.PATHEXT ?? null]);
}
function invocationFile(records, commandLine) {
  return import_node_path4.default.join(records, `argv-${nameHash(commandLine)}.json`);
}
function recordsFolder(cacheRoot) {
  return import_node_path4.default.join(cacheRoot, `runs-${codeId(cacheRoot).slice(0, 12)}`);
}
var codeIdKnown;
function codeId(root) {
  if (codeIdKnown === void 0) {
    const here = import_node_path4.default.dirname((0, import_node_url.fileURLToPath)(__importMetaUrl));
    const rules = [import_node_path4.default.resolve(here, "../rules"), import_node_path4.default.resolve(here, "../../rules")].find((folder) => codeFiles(folder, /^IL001\.md$/, false).length);
    codeIdKnown = keptCodeDigest(root, [here, ...rules ? [rules] : []], here, /\.([cm]?js|ts|md)$/, true);
  }
  return codeIdKnown;
}
function recordFile(records, key) {
  return import_node_path4.default.join(records, `${key}.run.json`);
}
var RECORD_FORMAT = 3;
function readRecordFile(file) {
  const bytes = (0, import_node_fs5.readFileSync)(file);
  const end = bytes.indexOf(10);
  if (end < 0) return void 0;
  let record;
  try {
    record = JSON.parse(bytes.toString("utf8", 0, end));
  } catch {
    return void 0;
  }
  const output = record?.output;
  if (record.format !== RECORD_FORMAT || !Array.isArray(record.files) || !Array.isArray(record.inputs) || typeof output?.stdoutBytes !== "number" || typeof output.stderr !== "string") return void 0;
  const fileBytes = output.outputFile?.bytes ?? 0;
  if (typeof fileBytes !== "number" || end + 1 + output.stdoutBytes + fileBytes !== bytes.length) return void 0;
  const stdoutEnd = end + 1 + output.stdoutBytes;
  return {
    record,
    stdout: bytes.subarray(end + 1, stdoutEnd),
    ...output.outputFile ? { outputFile: { path: output.outputFile.path, bytes: bytes.subarray(stdoutEnd) } } : {}
  };
}
async function quickReplay(argv) {
  const env = process.env;
  const args = argv.slice(2);
  if (env.IMPORTLEAK_FAULT || !RECORDED_COMMANDS.has(args[0] ?? "") || args.includes("--no-cache") || args.includes("--write-baseline")) return void 0;
  const stats = args.includes("--stats") ? new StageTimes() : void 0;
  const cwd = process.cwd();
  let output;
  try {
    output = await holdingRecord(args, argv, env, cwd);
    if (output?.outputFile) await writeOutputFile(output.outputFile.path, output.outputFile.bytes);
  } catch {
    return void 0;
  }
  if (!output) return void 0;
  stats?.addSinceLast("run record");
  endQuietlyOnClosedPipe();
  const { stderr, exitCode } = output.record.output;
  if (stderr) process.stderr.write(stderr);
  if (output.stdout.length) process.stdout.write(output.stdout);
  if (stats) {
    stats.addSinceLast("report");
    stats.replayed = "quick";
    process.stderr.write(`${stats.format()}
`);
  }
  return exitCode;
}
async function holdingRecord(args, argv, env, cwd) {
  for (const cacheDir of cacheFolders(args, cwd)) {
    const found = entryIn(cacheDir, argv, cwd, env);
    if (found) return holdingOutput(found.entry, found.records, env, cwd);
  }
  return void 0;
}
function cacheFolders(args, cwd) {
  const named = valuesOf(args, "--cache-dir");
  if (named.length) return [import_node_path4.default.resolve(cwd, named[named.length - 1])];
  const roots = valuesOf(args, "--root");
  const folders = roots.length ? [roots[roots.length - 1]] : [...args.slice(1).filter((arg) => !arg.startsWith("-")), "."];
  return [...new Set(folders.map((folder) => import_node_path4.default.resolve(cwd, folder, DEFAULT_CACHE_DIR)))];
}
function valuesOf(args, option) {
  const values = [];
  for (const [index, arg] of args.entries()) {
    if (arg === option && index + 1 < args.length) values.push(args[index + 1]);
    else if (arg.startsWith(`${option}=`)) values.push(arg.slice(option.length + 1));
  }
  return values;
}
function entryIn(cacheDir, argv, cwd, env) {
  try {
    if (!(0, import_node_fs5.lstatSync)(cacheDir).isDirectory()) return void 0;
  } catch {
    return void 0;
  }
  const records = recordsFolder(cacheDir);
  const commandLine = commandLineOf(codeId(cacheDir), argv, cwd, env);
  let entry;
  try {
    entry = JSON.parse((0, import_node_fs5.readFileSync)(invocationFile(records, commandLine), "utf8"));
  } catch {
    return void 0;
  }
  if (entry.format !== INDEX_FORMAT || entry.commandLine !== commandLine || entry.cacheDir !== cacheDir || !/^[0-9a-f]{64}$/.test(entry.key) || !Array.isArray(entry.inputs)) return void 0;
  return { entry, records };
}
var QUICK_RECHECKS = 32;
async function holdingOutput(entry, records, env, cwd) {
  let rechecks = QUICK_RECHECKS;
  const readsSame = async (input) => {
    if (looksUnchanged(input)) return true;
    return input.kind === "read" && rechecks-- > 0 && await readDigest(input.file, input.maxBytes) === input.digest;
  };
  for (const input of entry.inputs) if (!await readsSame(input)) return void 0;
  if (entry.python !== void 0) {
    const local = knownLocalPython(env, cwd, entry.cacheDir);
    if (local === "unknown" || knownAnswer(local) !== entry.python) return void 0;
  }
  const file = recordFile(records, entry.key);
  const read2 = readRecordFile(file);
  if (!read2) return void 0;
  const { record } = read2;
  const confirmed = /* @__PURE__ */ new Set();
  let renewed = false;
  const renew = () => void (renewed = true);
  const handOver = (matched2) => void leaveHandoff({ file, read: read2, confirmed, renewed, ...matched2 ? { matched: matched2 } : {} });
  if (!await watchHolds(record.watch, confirmed, renew)) return handOver();
  for (const input of record.inputs) if (input.kind === "deployment-files" ? !await watchHolds(input.watch, confirmed, renew) : !await readsSame(input)) return handOver();
  const matched = new Uint8Array(record.files.length);
  let holds = true;
  for (let index = 0; index < record.files.length; index++) {
    const [relative, key, , signature] = record.files[index];
    const file2 = import_node_path4.default.resolve(entry.root, relative);
    if (signature) {
      const stat = statNow(file2);
      if (stat?.isFile() && statSignature(stat) === signature) {
        matched[index] = 1;
        continue;
      }
      if (!stat?.isFile() || rechecks-- <= 0) holds = false;
    }
    if (holds && fileKeyOfRead(relative, await readRegularFile(file2, entry.maxFileBytes, { record: false })) !== key) holds = false;
  }
  return holds ? read2 : handOver(matched);
}

// src/bin.ts
void quickReplay(process.argv).then(async (replayed) => {
  process.exitCode = replayed ?? await (await import("./cli-main.mjs")).main(process.argv);
});
