import { closeSync, constants, fstatSync, openSync, promises as fs, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { nodeCrypto, sha256Hex } from './digest.js';
import type { TreeWatch } from './watch.js';

/**
 * File access for input the analyzer does not trust: a repository can commit a named pipe called
 * `pyproject.toml`, a link to `/dev/urandom` or `/proc/self/environ`, or a link named like the
 * report it is about to be written to. Reads open only regular files, never block on a pipe and
 * stop at a size cap; writes go to a temporary file beside the target and are renamed over it,
 * never through a final symbolic link and never onto something that is not a regular file.
 */

/** Python files larger than this are reported and skipped (`--max-file-size`). */
export const DEFAULT_MAX_FILE_BYTES = 4 * 1024 * 1024;

/** Files read at once: enough to keep the disk and the threads busy, few enough to bound memory. */
const READ_AHEAD = 64;

/**
 * Runs `work` for each index below `count`, `READ_AHEAD` at a time, each next index taken by the
 * first lane free. `work` returning false stops every lane (the indexes not yet taken are skipped).
 */
export async function inLanes(count: number, work: (index: number) => Promise<boolean | void>): Promise<void> {
  let next = 0;
  let stopped = false;
  const lane = async (): Promise<void> => {
    for (let index = next++; !stopped && index < count; index = next++) if ((await work(index)) === false) stopped = true;
  };
  await Promise.all(Array.from({ length: Math.min(READ_AHEAD, count) }, lane));
}

/** Configuration (`pyproject.toml`, `importleak.toml`), `.gitignore` and deployment files larger than this are refused. */
export const MAX_SMALL_FILE_BYTES = 1024 * 1024;

export type ReadResult =
  | { ok: true; bytes: Buffer; stat: Stats }
  /** `missing`: no such file; `not-regular`: a folder, pipe, socket or device (never opened); `too-large`: over the cap; `error`: any other failure. */
  | { ok: false; reason: 'missing' | 'not-regular' | 'too-large' | 'error'; message: string; size?: number; error?: NodeJS.ErrnoException };

/** "a named pipe (FIFO)", "a folder"...: what a file that is not a regular file is. */
export function fileTypeName(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSymbolicLink()) return 'a symbolic link';
  return 'neither a file nor a folder';
}

/** `not a regular file (a named pipe (FIFO))`: the message for a file that is never opened. */
export function notRegularMessage(stat: Stats): string {
  return `not a regular file (${fileTypeName(stat)})`;
}

const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/**
 * The bytes of `file` (symbolic links followed: callers decide beforehand whether a link may be
 * followed), when it is a regular file of at most `maxBytes`. A pipe, socket or device is never
 * opened (checked before opening, and again on the opened handle, which is opened non-blocking so
 * a pipe swapped in meanwhile cannot block); a file that reports no size (`/proc`) is read only up
 * to the cap.
 */
export async function readRegularFile(file: string, maxBytes: number, { record = true }: { record?: boolean } = {}): Promise<ReadResult> {
  const result = await readUnrecorded(file, maxBytes);
  if (record && recorder) recorder.push({ kind: 'read', file: path.resolve(file), maxBytes, digest: await readDigest(file, maxBytes, result), signature: readSignature(result) });
  return result;
}

/**
 * Reads up to `length` bytes of `fd` at `position` into the start of `into`, as many reads as it
 * takes; fewer only where the file ends. How many were read.
 */
export function readAt(fd: number, into: Uint8Array, length: number, position: number): number {
  let read = 0;
  while (read < length) {
    const got = readSync(fd, into, read, length - read, position + read);
    if (got === 0) break;
    read += got;
  }
  return read;
}

/**
 * Read synchronously: the files are local and small, and each of fs/promises' stat, open, fstat,
 * read and close is a trip to libuv's thread pool and back, with the thread switches that go with
 * it. On 20,000 files that was seconds of the main thread's time, taken from the worker threads
 * that parse on the same cores. A pipe is still never opened or read (checked before opening, and
 * on the handle, which is opened non-blocking).
 */
async function readUnrecorded(file: string, maxBytes: number): Promise<ReadResult> {
  let descriptor: number | undefined;
  try {
    const before = statSync(file);
    if (!before.isFile()) return { ok: false, reason: 'not-regular', message: notRegularMessage(before) };
    if (before.size > maxBytes) return { ok: false, reason: 'too-large', size: before.size, message: `${before.size} bytes is over the ${maxBytes}-byte limit` };
    descriptor = openSync(file, READ_FLAGS);
    const opened = fstatSync(descriptor);
    if (!opened.isFile()) return { ok: false, reason: 'not-regular', message: notRegularMessage(opened) };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // The size stat gave, plus one byte to see a file that grew; /proc files say 0: 64 KiB at a time.
      // (Not 64 KiB for every file: a file's bytes are this buffer, when one read gives them all.)
      const chunk = Buffer.allocUnsafe(Math.min(opened.size > 0 ? opened.size + 1 : 64 * 1024, maxBytes + 1 - total));
      const bytesRead = readSync(descriptor, chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) return { ok: false, reason: 'too-large', message: `over the ${maxBytes}-byte limit` };
      // A regular file that said its size gives less than asked only at its end: no read to see that.
      if (opened.size > 0 && bytesRead < chunk.length) break;
    }
    return { ok: true, bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total), stat: opened };
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    return { ok: false, reason: e.code === 'ENOENT' || e.code === 'ENOTDIR' ? 'missing' : 'error', message: e.message ?? String(error), error: e };
  } finally {
    if (descriptor !== undefined) {
      try {
        closeSync(descriptor);
      } catch {
        // Closing a file only read from does not fail in a way that matters here.
      }
    }
  }
}

/** True when `child` is `parent` or lies below it (both absolute; real paths when links matter). */
export function isWithin(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/** The real path of `file`, or undefined when it cannot be resolved (missing, a loop); the native realpath, as fs/promises' (synchronously: see `readUnrecorded`). */
export async function realPath(file: string): Promise<string | undefined> {
  try {
    return realpathSync.native(file);
  } catch {
    return undefined;
  }
}

/** An output file that cannot be written: the message names the file and the cause (exit 2). */
export class OutputError extends Error {}

/**
 * Writes `text` to `file` atomically: into a new temporary file in the same folder, then renamed
 * over `file`, so a failed write (a full disk) leaves the old file, or none, never half a report.
 * Refused: a `file` that is a symbolic link (a repository can commit one named like the report,
 * pointing anywhere the user can write), and one that exists but is not a regular file (a folder,
 * a device such as /dev/full, a pipe). An existing regular file keeps its permissions.
 */
export async function writeOutputFile(file: string, text: string | Uint8Array, what = 'the output'): Promise<void> {
  const target = path.resolve(file);
  const fail = (cause: string): never => {
    throw new OutputError(`cannot write ${what} to ${file}: ${cause}`);
  };
  let mode = 0o666;
  let existing: Stats | undefined;
  try {
    existing = await fs.lstat(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') fail('a part of the path is not a folder');
    if (code !== 'ENOENT') fail(describeCode(error));
  }
  if (existing?.isSymbolicLink()) fail('it is a symbolic link; importleak does not write through one (remove it, or choose another file)');
  if (existing && !existing.isFile()) fail(`it is ${fileTypeName(existing)}, not a regular file, and is left as it is`);
  if (existing) mode = existing.mode & 0o7777;
  const folder = path.dirname(target);
  try {
    if (!(await fs.stat(folder)).isDirectory()) fail(`${path.dirname(file) || '.'} is not a folder`);
  } catch (error) {
    if (error instanceof OutputError) throw error;
    fail((error as NodeJS.ErrnoException).code === 'ENOENT' ? `the folder ${path.dirname(file) || '.'} does not exist` : describeCode(error));
  }
  const temporary = path.join(folder, `.${path.basename(target)}.${process.pid}.${nodeCrypto().randomBytes(6).toString('hex')}.tmp`);
  let handle: fs.FileHandle | undefined;
  try {
    // `wx`: created here, never an existing file or a link someone put in its place.
    handle = await fs.open(temporary, 'wx', mode);
    await handle.writeFile(text);
    if (existing) await handle.chmod(mode);
    await handle.sync().catch(() => undefined);
    await handle.close();
    handle = undefined;
    await fs.rename(temporary, target);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.rm(temporary, { force: true }).catch(() => undefined);
    fail(describeCode(error));
  }
}

function describeCode(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'EROFS':
      return 'read-only file system';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOENT':
      return 'no such file or directory';
    default:
      return e.message ?? String(error);
  }
}

/**
 * What a run read besides its Python files' bytes, as the run record keeps it (see replay.ts): each
 * file read with what it gave, and each path whose kind (file, folder, nothing) was looked at. Kept
 * only while a recorder is set.
 */
export type RecordedInput =
  /** `signature`: what the file was when read (see `readSignature`), for the quick replay, which compares no bytes. */
  | { kind: 'read'; file: string; maxBytes: number; digest: string; signature?: string }
  | { kind: 'stat'; file: string; value: PathKind }
  /** `watch`: what the search looked at; while it looks the same, the listing is the same (see `TreeWatch`). */
  | { kind: 'deployment-files'; root: string; searchIn: string[]; followExternalLinks: boolean; value: string; watch?: TreeWatch };

/** A search for deployment files as a run record keeps it: where it looked, what it found, what it looked at. */
export type DeploymentListing = Extract<RecordedInput, { kind: 'deployment-files' }>;

export type PathKind = 'file' | 'folder' | 'other' | 'absent';

let recorder: RecordedInput[] | undefined;

/** From now on, inputs are noted in `log` (undefined: no longer). */
export function recordInputs(log: RecordedInput[] | undefined): void {
  recorder = log;
}

/** Notes an input (when a recorder is set). */
export function noteInput(input: RecordedInput): void {
  recorder?.push(input);
}

/** What a path is, following links (as `fs.stat` does), noted as an input of the run. */
export async function pathKind(file: string): Promise<PathKind> {
  const value = await pathKindUnrecorded(file);
  recorder?.push({ kind: 'stat', file: path.resolve(file), value });
  return value;
}

export async function pathKindUnrecorded(file: string): Promise<PathKind> {
  return pathKindNow(file);
}

/** `pathKindUnrecorded`, synchronously (a stat is quicker than a trip through the thread pool). */
function pathKindNow(file: string): PathKind {
  try {
    const stat = statSync(file, { throwIfNoEntry: false });
    return stat ? kindOfStat(stat) : 'absent';
  } catch {
    return 'absent';
  }
}

/** What a path is, by its `Stats`. */
export function kindOfStat(stat: Stats): Exclude<PathKind, 'absent'> {
  return stat.isDirectory() ? 'folder' : stat.isFile() ? 'file' : 'other';
}

/** A read's outcome, and where the path leads, as one hash: what the run record compares. */
export async function readDigest(file: string, maxBytes: number, result?: ReadResult): Promise<string> {
  result ??= await readUnrecorded(file, maxBytes);
  // Nothing there: nowhere for the path to lead either (most reads a run records are of
  // configuration files that are not there, in every folder up to the root).
  const real = (result.ok || result.reason !== 'missing' ? await realPath(file) : undefined) ?? '';
  return result.ok ? sha256Hex(real, '\0', 'ok\0', result.bytes) : sha256Hex(real, '\0', `${result.reason}\0${result.size ?? ''}\0${result.error?.code ?? ''}`);
}

/** The cache key of a Python file: its path (an `__init__.py` reads differently) and its bytes. */
export function fileKeyOf(relative: string, bytes: Uint8Array): string {
  return nodeCrypto().createHash('sha256').update(relative).update('\0').update(bytes).digest('hex');
}

/**
 * The key of a read: `fileKeyOf` its bytes, or `!<why>:<size>` for a file that could not be read (no
 * summary is stored under it; the run record compares it).
 */
export function fileKeyOfRead(relative: string, read: ReadResult): string {
  return read.ok ? fileKeyOf(relative, read.bytes) : `!${read.reason}:${read.size ?? ''}`;
}

/** The `signature` of a read input for a file that was not there. */
const ABSENT = '!absent';

/**
 * What a read found, as the quick replay (quickReplay.ts) compares it without reading again: the
 * stat signature of the file read (empty when it cannot be trusted, or the read failed otherwise),
 * or `ABSENT`.
 */
export function readSignature(result: ReadResult): string {
  return result.ok ? statSignature(result.stat) : result.reason === 'missing' ? ABSENT : '';
}

/**
 * Whether `input`, read or looked at by an earlier run, would read or look the same now, told by the
 * stat data alone (see `readSignature`): false when that cannot tell (no signature, or a changed
 * one), never reading the file.
 */
export function looksUnchanged(input: RecordedInput): boolean {
  if (input.kind === 'stat') return pathKindNow(input.file) === input.value;
  if (input.kind !== 'read' || !input.signature) return false;
  try {
    const stat = statSync(input.file, { throwIfNoEntry: false });
    return input.signature === ABSENT ? stat === undefined : stat !== undefined && stat.isFile() && statSignature(stat) === input.signature;
  } catch (error) {
    // Not there, as `readRegularFile` calls it: a part of the path is a file.
    return input.signature === ABSENT && (error as NodeJS.ErrnoException).code === 'ENOTDIR';
  }
}

/** When this process started (as `performance.timeOrigin`, without loading perf_hooks for it). */
const STARTED = Date.now() - process.uptime() * 1000;

/**
 * Size, inode, modification and change times: what the run record (replay.ts) compares instead of
 * the bytes, as git's index does. Empty for a file changed in the two seconds before this process
 * started (or after): its times could be those of an older version still (coarse timestamps, a
 * write racing the run), so its bytes are compared.
 */
export function statSignature(stat: Stats): string {
  if (Math.max(stat.mtimeMs, stat.ctimeMs) >= STARTED - 2000) return '';
  return `${stat.size}:${stat.ino}:${stat.mtimeMs}:${stat.ctimeMs}`;
}
