import { lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeFiles, keptCodeDigest } from './codeDigest.js';
import { nameHash } from './digest.js';
import { knownLocalPython, type LocalPython } from './config/localPython.js';
import { fileKeyOfRead, looksUnchanged, readDigest, readRegularFile, statSignature, writeOutputFile, type RecordedInput } from './files.js';
import type { RunRecord } from './replay.js';
import { leaveHandoff } from './handoff.js';
import { endQuietlyOnClosedPipe } from './pipes.js';
import { StageTimes } from './stats.js';
import { statNow, watchHolds } from './watch.js';

/**
 * The quick replay: the package's `importleak` command (bin.ts) prints the last output of the same
 * command line again without loading the rest of importleak, when nothing it read has changed.
 *
 * A warm run of the full CLI spends most of its time before it looks at a single file: loading
 * commander, the configuration reader, the discovery and the cache (300 KB of JavaScript), and
 * parsing the command line. The run record (replay.ts) is found by a key made of the parsed options,
 * the configuration and the Python target, which only that code can work out. So each run that
 * writes or replays a record also writes an index entry, found by the command line itself (its
 * arguments, folder and the environment variables that choose the interpreter), that names the
 * record's key and lists what the key was worked out from: the files read on the way (the
 * configuration files up to `/`, a baseline), the kinds of the paths given, and the local
 * interpreter's answer. When the entry is there and all of that reads the same, the record's key is
 * the one the full CLI would work out; the record is then checked as the full CLI checks it, but
 * strictly: a file whose stat data differs is read again and must have the same bytes (a few files
 * at most, see `QUICK_RECHECKS`), and any folder that differs, any other difference, and the full
 * CLI takes over, which analyzes what changed or learns the new stat data. Then the record's output
 * is written.
 *
 * Nothing here may fail the run: anything unexpected, and the full CLI runs as if there were no
 * entry. Only the command line's own runs are indexed: `--stats` ones too (the stats then say the
 * analyzer was not loaded), never a run with `--no-cache`, `--write-baseline` or injected faults.
 */

/** The cache folder's default name, in the project root (`--cache-dir` chooses another). */
export const DEFAULT_CACHE_DIR = '.importleak_cache';

/** What a run that wrote or replayed a record keeps of its command line (`argv-<hash>.json` in the records folder). */
export interface InvocationEntry {
  format: typeof INDEX_FORMAT;
  /** What the entry is filed under (see `commandLineOf`): a file found under another's name is not taken. */
  commandLine: string;
  /** The cache folder the run used: the entry is taken only from there. */
  cacheDir: string;
  /** The project root: where the record's relative paths start. */
  root: string;
  /** The run record's key (see `RunRecords.key`). */
  key: string;
  /** `--max-file-size`: how a Python file whose stat data changed is read again. */
  maxFileBytes: number;
  /** What the key was worked out from, besides the command line: the configuration files, a baseline, the paths given. */
  inputs: RecordedInput[];
  /** The local interpreter's answer (`knownAnswer`) when the target was taken from it; absent when the configuration set it. */
  python?: string;
}

export const INDEX_FORMAT = 1;

/** The commands whose runs are recorded (see cli.ts `recorded`). */
const RECORDED_COMMANDS = new Set(['check', 'graph', 'entries']);

/** The local interpreter's answer as an entry keeps it: what of it shapes the target. */
export function knownAnswer(local: LocalPython | undefined): string {
  return JSON.stringify(local ? [local.version, local.platform ?? null] : null);
}

/**
 * What an entry is filed under: the code, the arguments, the folder they are given in, and the
 * environment variables that choose the interpreter asked for the target (see `localPython`).
 */
export function commandLineOf(code: string, argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv): string {
  return JSON.stringify([code, argv.slice(2), cwd, env.IMPORTLEAK_PYTHON ?? null, env.PATH ?? env.Path ?? null, env.PATHEXT ?? null]);
}

/** The file of the entry of `commandLine` in the records folder `records`. */
export function invocationFile(records: string, commandLine: string): string {
  return path.join(records, `argv-${nameHash(commandLine)}.json`);
}

/** The records folder of the cache folder `cacheRoot`: one per version of importleak's code and rules. */
export function recordsFolder(cacheRoot: string): string {
  return path.join(cacheRoot, `runs-${codeId(cacheRoot).slice(0, 12)}`);
}

/**
 * The analyzer's code: every script of the folder this module is in (dist/, src/ under vitest, the
 * Action's bundle) and below, and the rules. A rebuilt analyzer never replays another's record.
 */
let codeIdKnown: string | undefined;

/** The id of importleak's code and rules, kept in the cache's root `root` (see `keptCodeDigest`). */
export function codeId(root: string): string {
  if (codeIdKnown === undefined) {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const rules = [path.resolve(here, '../rules'), path.resolve(here, '../../rules')].find((folder) => codeFiles(folder, /^IL001\.md$/, false).length);
    codeIdKnown = keptCodeDigest(root, [here, ...(rules ? [rules] : [])], here, /\.([cm]?js|ts|md)$/, true);
  }
  return codeIdKnown;
}

/** The file of the run record `key` in the records folder `records`. */
export function recordFile(records: string, key: string): string {
  return path.join(records, `${key}.run.json`);
}

/** The format of a run record file (see `readRecordFile`); a file of another is not read. */
export const RECORD_FORMAT = 3;

/** A run record as its file keeps it: the output's texts by their length in bytes, after the JSON. */
export interface StoredRecord extends Omit<RunRecord, 'output'> {
  output: { stderr: string; exitCode: number; stdoutBytes: number; outputFile?: { path: string; bytes: number } };
}

/** What a run record file holds: the record, and the output's bytes as they are to be written. */
export interface RecordFile {
  record: StoredRecord;
  stdout: Buffer;
  outputFile?: { path: string; bytes: Buffer };
}

/**
 * Reads a run record file: one line of JSON (`StoredRecord`), then the bytes of the standard output
 * and of the report file `-o` wrote, one after the other (see `RunRecords.save`). The output is kept
 * out of the JSON because it can be most of the file (`graph --format json` of 20,000 modules prints
 * 130 MB): that way it is neither escaped, nor parsed, nor made a string again when it is printed.
 * Undefined when the file is of another format, damaged or cut short; an error when it cannot be read.
 */
export function readRecordFile(file: string): RecordFile | undefined {
  const bytes = readFileSync(file);
  const end = bytes.indexOf(10);
  if (end < 0) return undefined;
  let record: StoredRecord;
  try {
    record = JSON.parse(bytes.toString('utf8', 0, end)) as StoredRecord;
  } catch {
    return undefined;
  }
  const output = record?.output;
  if (record.format !== RECORD_FORMAT || !Array.isArray(record.files) || !Array.isArray(record.inputs) || typeof output?.stdoutBytes !== 'number' || typeof output.stderr !== 'string') return undefined;
  const fileBytes = output.outputFile?.bytes ?? 0;
  if (typeof fileBytes !== 'number' || end + 1 + output.stdoutBytes + fileBytes !== bytes.length) return undefined;
  const stdoutEnd = end + 1 + output.stdoutBytes;
  return {
    record,
    stdout: bytes.subarray(end + 1, stdoutEnd),
    ...(output.outputFile ? { outputFile: { path: output.outputFile.path, bytes: bytes.subarray(stdoutEnd) } } : {}),
  };
}

/**
 * The exit code of the last run of this command line, its output written again, when its entry is
 * there and everything it read is unchanged; undefined when the full CLI has to run (nothing written).
 */
export async function quickReplay(argv: readonly string[]): Promise<number | undefined> {
  const env = process.env;
  const args = argv.slice(2);
  if (env.IMPORTLEAK_FAULT || !RECORDED_COMMANDS.has(args[0] ?? '') || args.includes('--no-cache') || args.includes('--write-baseline')) return undefined;
  const stats = args.includes('--stats') ? new StageTimes() : undefined;
  const cwd = process.cwd();
  let output: RecordFile | undefined;
  try {
    output = await holdingRecord(args, argv, env, cwd);
    // The report file first: one that cannot be written leaves the full CLI to say why, nothing printed yet.
    if (output?.outputFile) await writeOutputFile(output.outputFile.path, output.outputFile.bytes);
  } catch {
    // Anything unexpected: the full CLI runs, and says what went wrong.
    return undefined;
  }
  if (!output) return undefined;
  stats?.addSinceLast('run record');
  endQuietlyOnClosedPipe();
  const { stderr, exitCode } = output.record.output;
  if (stderr) process.stderr.write(stderr);
  if (output.stdout.length) process.stdout.write(output.stdout);
  if (stats) {
    stats.addSinceLast('report');
    stats.replayed = 'quick';
    process.stderr.write(`${stats.format()}\n`);
  }
  return exitCode;
}

/** The output of the record the command line's entry names, in the first cache folder that has the entry, when all holds. */
async function holdingRecord(args: readonly string[], argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string): Promise<RecordFile | undefined> {
  for (const cacheDir of cacheFolders(args, cwd)) {
    const found = entryIn(cacheDir, argv, cwd, env);
    if (found) return holdingOutput(found.entry, found.records, env, cwd);
  }
  return undefined;
}

/**
 * The cache folders the command line may have used: the one `--cache-dir` names, else the default
 * one in the folder `--root` names, in each argument that may be a folder given, and in the current
 * folder. An entry is filed under the whole command line, so one found in any of them is this
 * command line's; the entry says which folder it was written to, and is taken only from there.
 */
function cacheFolders(args: readonly string[], cwd: string): string[] {
  const named = valuesOf(args, '--cache-dir');
  if (named.length) return [path.resolve(cwd, named[named.length - 1]!)];
  const roots = valuesOf(args, '--root');
  const folders = roots.length ? [roots[roots.length - 1]!] : [...args.slice(1).filter((arg) => !arg.startsWith('-')), '.'];
  return [...new Set(folders.map((folder) => path.resolve(cwd, folder, DEFAULT_CACHE_DIR)))];
}

/** The values given to `option` (`--option value` or `--option=value`). */
function valuesOf(args: readonly string[], option: string): string[] {
  const values: string[] = [];
  for (const [index, arg] of args.entries()) {
    if (arg === option && index + 1 < args.length) values.push(args[index + 1]!);
    else if (arg.startsWith(`${option}=`)) values.push(arg.slice(option.length + 1));
  }
  return values;
}

function entryIn(cacheDir: string, argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv): { entry: InvocationEntry; records: string } | undefined {
  // A cache folder that is a link, or not a folder, is never used (see `SummaryCache.usable`); an
  // argument that is a file has none (ENOTDIR).
  try {
    if (!lstatSync(cacheDir).isDirectory()) return undefined;
  } catch {
    return undefined;
  }
  const records = recordsFolder(cacheDir);
  const commandLine = commandLineOf(codeId(cacheDir), argv, cwd, env);
  let entry: InvocationEntry;
  try {
    entry = JSON.parse(readFileSync(invocationFile(records, commandLine), 'utf8')) as InvocationEntry;
  } catch {
    return undefined;
  }
  if (entry.format !== INDEX_FORMAT || entry.commandLine !== commandLine || entry.cacheDir !== cacheDir || !/^[0-9a-f]{64}$/.test(entry.key) || !Array.isArray(entry.inputs)) return undefined;
  return { entry, records };
}

/**
 * How many files whose stat data changed the quick replay reads again, at most, to compare their
 * bytes (a file touched, saved unchanged, or checked out again as it was). It does not write the
 * record again, so such a file is read again by each quick replay until the full CLI runs (when
 * something else changed) and keeps its new stat data; with more than this, the full CLI runs now.
 */
export const QUICK_RECHECKS = 32;

/** The record's output, when the entry and the record still hold. */
async function holdingOutput(entry: InvocationEntry, records: string, env: NodeJS.ProcessEnv, cwd: string): Promise<RecordFile | undefined> {
  let rechecks = QUICK_RECHECKS;
  /** Whether a read input whose stat data changed reads the same (within the budget). */
  const readsSame = async (input: RecordedInput): Promise<boolean> => {
    if (looksUnchanged(input)) return true;
    return input.kind === 'read' && rechecks-- > 0 && (await readDigest(input.file, input.maxBytes)) === input.digest;
  };
  for (const input of entry.inputs) if (!(await readsSame(input))) return undefined;
  if (entry.python !== undefined) {
    const local = knownLocalPython(env, cwd, entry.cacheDir);
    if (local === 'unknown' || knownAnswer(local) !== entry.python) return undefined;
  }
  const file = recordFile(records, entry.key);
  const read = readRecordFile(file);
  if (!read) return undefined;
  const { record } = read;
  // The same Python files, found the same way: the folders the discovery listed are unchanged.
  const confirmed = new Set<string>();
  let renewed = false;
  const renew = (): void => void (renewed = true);
  /** Hands over to the full CLI what was found so far (see handoff.ts). */
  const handOver = (matched?: Uint8Array): undefined => void leaveHandoff({ file, read, confirmed, renewed, ...(matched ? { matched } : {}) });
  if (!(await watchHolds(record.watch, confirmed, renew))) return handOver();
  // Deployment files: found by a search whose folders are unchanged (else the full CLI searches again).
  for (const input of record.inputs) if (input.kind === 'deployment-files' ? !(await watchHolds(input.watch, confirmed, renew)) : !(await readsSame(input))) return handOver();
  // Once a file differs, the others' stat data is still looked at, for the full CLI to take.
  const matched = new Uint8Array(record.files.length);
  let holds = true;
  for (let index = 0; index < record.files.length; index++) {
    const [relative, key, , signature] = record.files[index]!;
    const file = path.resolve(entry.root, relative);
    if (signature) {
      const stat = statNow(file);
      if (stat?.isFile() && statSignature(stat) === signature) {
        matched[index] = 1;
        continue;
      }
      // Touched: its bytes are compared, as for a file changed too recently when it was recorded.
      if (!stat?.isFile() || rechecks-- <= 0) holds = false;
    }
    if (holds && fileKeyOfRead(relative, await readRegularFile(file, entry.maxFileBytes, { record: false })) !== key) holds = false;
  }
  return holds ? read : handOver(matched);
}
