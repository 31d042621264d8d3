import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SummaryCache } from './cache.js';
import { projectTargets } from './config/projectTargets.js';
import { deploymentFileListing } from './deploy/deploymentFiles.js';
import { discoverPythonFiles, type DiscoverOptions, type Discovery } from './discover/discover.js';
import { newTreeWatch, statNow, watchHolds, type TreeWatch } from './watch.js';
import type { PythonTarget } from './extract/target.js';
import { expectParses, waitsForSecondTier } from './extract/compileTier.js';
import type { QuickHandoff } from './handoff.js';
import { jsonChunks } from './jsonChunks.js';
import { codeId, commandLineOf, INDEX_FORMAT, invocationFile, readRecordFile, RECORD_FORMAT, recordFile, recordsFolder, type InvocationEntry, type RecordFile, type StoredRecord } from './quickReplay.js';
import type { Rule } from './rules/rules.js';
import { inLanes, pathKindUnrecorded, readDigest, readRegularFile, statSignature, type DeploymentListing, type RecordedInput } from './files.js';

/**
 * The run record: what one command printed, and everything it read to print it, kept in the cache
 * folder so that the next run of the same command on the same files prints it again without
 * analyzing anything (as `make` or Bazel skip a step whose inputs did not change).
 *
 * A record is found by the run's key: the analyzer's own code, the command and its options, the
 * folder it runs from, the configuration and the Python target. It holds:
 * - what the discovery found: the Python files (in order) and its diagnostics;
 * - each Python file's cache key (the hash of its path and bytes) and the hash of its summary;
 * - every other input the run had: each file read after the discovery (deployment files, scripts
 *   they name, pyproject.toml, the lines hashed for findings) with what the read gave and where the
 *   path leads, each path whose kind was looked at, and the list of deployment files found;
 * - the output: standard output, standard error, the report file and the exit code.
 *
 * The record is used when the discovery finds the same, every other input reads the same, and each
 * Python file either has the same bytes or, changed, gives the same summary (a comment or blank
 * lines added at its end): the analysis reads nothing of a file but its summary, so its outcome is
 * the same. A changed file whose lines a finding quotes was read for its line hashes: that read no
 * longer matches, and the run analyzes. Anything else, and the run analyzes as usual and writes a
 * new record.
 */
export interface RunRecord {
  format: typeof RECORD_FORMAT;
  discovery: string;
  /** What the discovery looked at: when it all looks the same, the discovery is this record's (see `TreeWatch`). */
  watch?: TreeWatch;
  files: FileFingerprint[];
  inputs: RecordedInput[];
  output: RunOutput;
}

/**
 * A Python file's relative path, cache key (or `!<why>` when it could not be read), summary hash,
 * and stat signature (see `statSignature`; empty: compare the bytes).
 */
export type FileFingerprint = [relative: string, key: string, digest: string, signature: string];

export interface RunOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** `-o <file>`: the file and what was written to it. */
  outputFile?: { path: string; text: string };
}


/** A run record file's text, in pieces (see `readRecordFile`). */
function* recordPieces(record: RunRecord): Generator<string> {
  const { stdout, outputFile, ...output } = record.output;
  const stored: StoredRecord = {
    ...record,
    output: { ...output, stdoutBytes: Buffer.byteLength(stdout), ...(outputFile ? { outputFile: { path: outputFile.path, bytes: Buffer.byteLength(outputFile.text) } } : {}) },
  };
  yield* jsonChunks(stored);
  yield '\n';
  yield stdout;
  if (outputFile) yield outputFile.text;
}

/** A rule as `RunRecords.rules` keeps it: the fields every reader of a rule takes for granted. */
function isRule(value: unknown): value is Rule {
  const rule = value as Partial<Rule> | null;
  return (
    typeof rule === 'object' &&
    rule !== null &&
    typeof rule.id === 'string' &&
    typeof rule.name === 'string' &&
    typeof rule.title === 'string' &&
    typeof rule.fix === 'string' &&
    Array.isArray(rule.matches) &&
    typeof rule.docs === 'object' &&
    rule.docs !== null
  );
}

/** What the discovery found, as the record compares it. */
export function discoveryFingerprint(discovery: Discovery): string {
  return JSON.stringify([discovery.files.map((f) => f.relative), discovery.diagnostics]);
}


/**
 * The run records, in `<cache dir>/runs-<analyzer>/<key>.run.json`, beside the summaries and under
 * the same rules: none in a cache folder that is a symbolic link or not a folder.
 */
export class RunRecords {
  private readonly folder: string;

  constructor(private readonly cache: SummaryCache) {
    this.folder = recordsFolder(cache.root);
  }

  /** The key of a run: the hash of everything that shapes its output besides the files it reads. */
  key(parts: unknown): string {
    return createHash('sha256').update(codeId(this.cache.root)).update('\0').update(JSON.stringify(parts)).digest('hex');
  }

  /** The record of `key`; `read`: its file as read a moment ago (see handoff.ts). */
  async load(key: string, read?: RecordFile): Promise<RunRecord | undefined> {
    if (!(await this.cache.usable(false))) return undefined;
    try {
      read ??= readRecordFile(this.file(key));
      if (!read) return undefined;
      const { stdoutBytes: _stdoutBytes, outputFile, ...output } = read.record.output;
      return {
        ...read.record,
        output: { ...output, stdout: read.stdout.toString('utf8'), ...(outputFile && read.outputFile ? { outputFile: { path: outputFile.path, text: read.outputFile.bytes.toString('utf8') } } : {}) },
      };
    } catch {
      return undefined;
    }
  }

  /**
   * Written whole (see `SummaryCache.writeWhole`): a concurrent run reads the old record or the new
   * one. In pieces (see `jsonChunks`): the record of a large tree is tens of MB of JSON. The output
   * after the JSON, as bytes (see `readRecordFile`).
   */
  async save(key: string, record: RunRecord): Promise<void> {
    if (await this.cache.usable(true)) this.cache.writeWhole(this.file(key), () => recordPieces(record));
  }

  /**
   * The rules (rules/*.md), parsed from their YAML headers once per version of importleak and kept
   * as JSON in the records folder, whose name is the hash of importleak's code and rules. Read
   * back, they take a millisecond; parsing the YAML takes 40 ms, a twentieth of a small project's
   * analysis. When none are kept (or the file is damaged) they are parsed, and `keep` writes them:
   * after the analysis, so that the cache folder is not made before the discovery lists the tree.
   */
  async rules(): Promise<{ rules: Rule[]; keep?: () => Promise<void> }> {
    const file = path.join(this.folder, 'rules.json');
    if (await this.cache.usable(false)) {
      try {
        const kept = JSON.parse(readFileSync(file, 'utf8')) as unknown;
        if (Array.isArray(kept) && kept.length > 0 && kept.every(isRule)) return { rules: kept };
      } catch {
        // None yet, or damaged: parsed below.
      }
    }
    const { loadRules } = await import('./rules/rules.js');
    const rules = loadRules();
    return { rules, keep: async () => void ((await this.cache.usable(true)) && this.cache.writeWhole(file, JSON.stringify(rules))) };
  }

  /**
   * Files the command line's entry (see quickReplay.ts) that leads the next run of the same command
   * line to the record `entry.key`; not written again when it is already there as it would be.
   */
  async saveInvocation(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv, entry: Omit<InvocationEntry, 'format' | 'commandLine' | 'cacheDir'>): Promise<void> {
    if (!(await this.cache.usable(true))) return;
    const commandLine = commandLineOf(codeId(this.cache.root), argv, cwd, env);
    const file = invocationFile(this.folder, commandLine);
    const text = JSON.stringify({ format: INDEX_FORMAT, commandLine, cacheDir: this.cache.root, ...entry } satisfies InvocationEntry);
    try {
      if (readFileSync(file, 'utf8') === text) return;
    } catch {
      // Not there yet.
    }
    this.cache.writeWhole(file, text);
  }

  /** The name of the records folder in the cache folder. */
  get folderName(): string {
    return path.basename(this.folder);
  }

  /**
   * The record last written by a run that finds its files as runs of `scope` do (see `filesScope`).
   * A run with no record of its own (another command on the same tree, `graph` after `check`, or
   * `check` with another format or report file) takes that record's file keys by their stat data,
   * instead of reading and hashing every file again (see `stillHolds`, `borrowed`).
   */
  async latest(scope: string): Promise<RunRecord | undefined> {
    if (!(await this.cache.usable(false))) return undefined;
    try {
      const key = readFileSync(this.latestFile(scope), 'utf8').trim();
      return /^[0-9a-f]{64}$/.test(key) ? await this.load(key) : undefined;
    } catch {
      return undefined;
    }
  }

  /** Notes `key` as the record last written for `scope` (see `latest`). */
  async saveLatest(scope: string, key: string): Promise<void> {
    if (await this.cache.usable(true)) this.cache.writeWhole(this.latestFile(scope), key);
  }

  /** The file of the record `key`. */
  file(key: string): string {
    return recordFile(this.folder, key);
  }

  private latestFile(scope: string): string {
    return path.join(this.folder, `${scope}.latest`);
  }
}

export interface ReplayInput {
  record: RunRecord;
  discover: DiscoverOptions;
  maxFileBytes: number;
  target: PythonTarget;
  /** The target is `python-version` (configured or a flag): every file's, whatever pyproject.toml it is under (see config/projectTargets.ts). */
  explicitVersion?: boolean;
  cache: SummaryCache;
  /** Filled in with the keys of the changed files summarised here (and cached): the run's stats count them as parsed. */
  parsedKeys: Set<string>;
  /**
   * The record is another command's, with the same files (see `RunRecords.latest`): it never holds,
   * but its discovery and the keys of the files whose stat data is unchanged are taken.
   */
  borrowed?: boolean;
  /** The tree listed a moment ago with these options (see cli.ts `targetKnown`): taken instead of listing it again. */
  listed?: { discovery: Discovery; watch: TreeWatch };
  /** Called before a changed file is parsed here, when the parse would hold up loading the analysis that is then likely to follow (see cli.ts `loadAnalyzer`). */
  parsing?: () => void;
  /** What the quick replay found of this record a moment ago (see handoff.ts): the folders it found unchanged, and the files whose stat data is the record's. */
  handoff?: Pick<QuickHandoff, 'confirmed' | 'matched' | 'renewed'>;
}

/** What checking a run record found. */
export interface RecordCheck {
  /** The record holds: the fingerprints of the files as they are now (changed files with unchanged summaries get their new keys), to keep in the record. */
  holds?: FileFingerprint[];
  /** The discovery it made: the analysis that follows, when the record does not hold, uses it instead of walking the tree again. */
  discovery: Discovery;
  /** What that discovery looked at (the record's, when the discovery is the record's). */
  watch: TreeWatch;
  /** A watch was made anew (an input's, whose old one did not hold while the input did), or learned new signatures of folders it listed again: worth keeping. */
  inputsWatched: boolean;
  /** The record's searches for deployment files that would find the same now: the analysis that follows takes them (see `ReadDeploymentOptions.listings`). */
  listings: DeploymentListing[];
  /**
   * The files whose cache key is known, by relative path: those whose stat signature is the
   * record's (as git trusts an index entry whose stat data has not changed), and those read here.
   * The analysis that follows reads their summaries from the cache by these keys without reading
   * and hashing their bytes again.
   */
  known: Map<string, FileFingerprint>;
}

/**
 * Whether `record` still holds (see `RecordCheck`). Every file is compared by its stat signature;
 * once the record is known not to hold, no more files are read, and only their signatures are
 * looked at, for the analysis that follows.
 */
export async function stillHolds({ record, discover, maxFileBytes, target, explicitVersion = false, cache, parsedKeys, borrowed = false, listed, parsing, handoff }: ReplayInput): Promise<RecordCheck> {
  let watch = record.watch;
  // The folders found unchanged: each looked at once, whichever of the record's watches lists it.
  const confirmed = handoff?.confirmed ?? new Set<string>();
  let discovery: Discovery;
  // A watch made anew, or with new signatures of folders it listed again: the record is worth keeping again.
  let inputsWatched = handoff?.renewed ?? false;
  const renewed = (): void => void (inputsWatched = true);
  if (listed) ({ discovery, watch } = listed);
  else if (watch && (await watchHolds(watch, confirmed, renewed))) discovery = recordedDiscovery(record, discover.root);
  else {
    watch = newTreeWatch();
    discovery = await discoverPythonFiles({ ...discover, watch });
  }
  const known = new Map<string, FileFingerprint>();
  const sameFiles = discoveryFingerprint(discovery) === record.discovery && discovery.files.length === record.files.length;
  const listings: DeploymentListing[] = [];
  let holds = !borrowed && sameFiles && (await inputsHold(record.inputs, renewed, listings, confirmed));
  // Python files came or went (or the record is another command's): the searches for deployment files are still worth checking.
  if (!sameFiles || borrowed) for (const input of record.inputs) if (input.kind === 'deployment-files' && (await watchHolds(input.watch, confirmed))) listings.push(input);
  // Other files found: the record's fingerprints found by path, for the signatures.
  const byPath = sameFiles ? undefined : new Map(record.files.map((f) => [f[0], f]));
  const now: FileFingerprint[] = new Array(discovery.files.length);
  // Their stat data first, one file after another (tens of thousands of them: a lane's promise for
  // each cost more than the stat); then, in lanes, the files that are read.
  const toRead: Array<[index: number, fingerprint: FileFingerprint]> = [];
  let unrecorded = 0;
  for (let index = 0; index < discovery.files.length; index++) {
    const file = discovery.files[index]!;
    const fingerprint = byPath ? byPath.get(file.relative) : record.files[index]!;
    if (!fingerprint) {
      unrecorded++;
      continue;
    }
    const signature = fingerprint[3];
    // Its stat data the record's: found so by the quick replay a moment ago, or looked at now.
    if (signature && ((!byPath && handoff?.matched?.[index] === 1) || sameStat(file.absolute, signature))) {
      now[index] = fingerprint;
      known.set(file.relative, fingerprint);
    } else toRead.push([index, fingerprint]);
  }
  // Those read may be parsed, here or by the analysis, and so may the files the record has not.
  if (toRead.length) expectParses(toRead.length + unrecorded);
  // The analyzer loaded before a parse only when the parse would hold its loading up (see
  // `waitsForSecondTier`): for a file or two, the run often holds after all (a comment added, the
  // same summary), and loading it for nothing was a fifth of such a run.
  const loadFirst = waitsForSecondTier(toRead.length + unrecorded);
  await inLanes(toRead.length, async (position) => {
    if (!holds) return;
    const [index, [, key, digest]] = toRead[position]!;
    const file = discovery.files[index]!;
    const read = await readRegularFile(file.absolute, maxFileBytes, { record: false });
    const currentKey = SummaryCache.keyOfRead(file.relative, read);
    const currentSignature = read.ok ? statSignature(read.stat) : '';
    if (currentKey === key) {
      known.set(file.relative, (now[index] = [file.relative, key, digest, currentSignature]));
      return;
    }
    // Changed: the run holds if the summary is the same (from the cache, else parsed here).
    if (!read.ok) {
      holds = false;
      return;
    }
    // The file's own target: that of the pyproject.toml of the project it is in, as the analysis takes it.
    const fileTarget = (await projectTargets(discover.root, [file], target, explicitVersion)).of(file.relative);
    const fileCache = fileTarget === target ? cache : new SummaryCache(cache.root, fileTarget);
    const cached = await fileCache.getEntry(currentKey, file.relative);
    let currentDigest = cached?.digest;
    if (!cached) {
      // Loaded when needed: a run with nothing changed never loads the parser.
      if (loadFirst) parsing?.();
      const { summariseBytes } = await import('./extract/fileSummary.js');
      const fresh = await summariseBytes(file.relative, read.bytes, fileTarget);
      if (fresh.transient) {
        holds = false;
        return;
      }
      currentDigest = await fileCache.set(currentKey, fresh);
      if (fileCache !== cache) fileCache.finish();
      parsedKeys.add(currentKey);
    }
    if (currentDigest !== digest) {
      holds = false;
      return;
    }
    known.set(file.relative, (now[index] = [file.relative, currentKey, digest, currentSignature]));
  });
  cache.finish();
  return { discovery, watch, known, inputsWatched, listings, ...(holds ? { holds: now } : {}) };
}

/** Whether `file` is a regular file with the stat signature `signature`. */
function sameStat(file: string, signature: string): boolean {
  const stat = statNow(file);
  return stat !== undefined && stat.isFile() && statSignature(stat) === signature;
}

/** The discovery a record's run made, back from what the record keeps of it. */
function recordedDiscovery(record: RunRecord, root: string): Discovery {
  const [, diagnostics] = JSON.parse(record.discovery) as [string[], Discovery['diagnostics']];
  return { files: record.files.map(([relative]) => ({ relative, absolute: path.resolve(root, relative) })), diagnostics };
}

/**
 * Whether the inputs read the same; `renewed` is called when an input's watch was made anew (kept in
 * the record). The searches for deployment files that would find the same now go to `listings`.
 */
async function inputsHold(inputs: readonly RecordedInput[], renewed: () => void, listings: DeploymentListing[], confirmed: Set<string>): Promise<boolean> {
  const checks = await Promise.all(
    inputs.map(async (input) => {
      switch (input.kind) {
        case 'read':
          return (await readDigest(input.file, input.maxBytes)) === input.digest;
        case 'stat':
          return (await pathKindUnrecorded(input.file)) === input.value;
        case 'deployment-files': {
          if (!(await watchHolds(input.watch, confirmed, renewed))) {
            // Listed again, with a new watch: kept in the record when the listing is the same.
            const watch = newTreeWatch();
            if ((await deploymentFileListing(input.root, input.searchIn, watch)) !== input.value) return false;
            input.watch = watch;
            renewed();
          }
          listings.push(input);
          return true;
        }
        default:
          return false;
      }
    }),
  );
  return checks.every(Boolean);
}

/** The inputs of a run, once each (a file read twice is one input). */
export function distinctInputs(inputs: readonly RecordedInput[]): RecordedInput[] {
  const seen = new Map<string, RecordedInput>();
  for (const input of inputs) seen.set(JSON.stringify(input.kind === 'read' ? [input.kind, input.file, input.maxBytes] : input.kind === 'stat' ? [input.kind, input.file] : [input.kind, input.root, input.searchIn, input.followExternalLinks]), input);
  return [...seen.values()];
}
