#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError, Option } from 'commander';
import { applyBaseline, readBaseline, writeBaseline } from './check/baseline.js';
import { LEVEL_ORDER, type Finding, type Level } from './check/findings.js';
import { asksLocalPython, ConfigError, loadConfig, targetSoon, withTargetFlags, type Config } from './config/config.js';
import { keepAnswer, knownLocalPython } from './config/localPython.js';
import { keepCodeDigests } from './codeDigest.js';
import { describeInternalError, INCOMPLETE_KINDS } from './diagnostics.js';
import { DEFAULT_MAX_FILE_BYTES, OutputError, pathKind, recordInputs, writeOutputFile, type RecordedInput } from './files.js';
import { isMainModule } from './mainModule.js';
import type { AnalysisResult, AnalyzeOptions } from './pipeline.js';
import { discoverOptionsOf, discoverPythonFiles, type Discovery } from './discover/discover.js';
import { newTreeWatch, type TreeWatch } from './watch.js';
import { takeHandoff } from './handoff.js';
import type { PythonTarget } from './extract/target.js';
import { DEFAULT_CACHE_DIR, SummaryCache } from './cache.js';
import { distinctInputs, RunRecords, stillHolds, type RunOutput } from './replay.js';
import { knownAnswer, RECORD_FORMAT } from './quickReplay.js';
import { endQuietlyOnClosedPipe } from './pipes.js';
import { terminalProgress } from './report/progress.js';
import { StageTimes } from './stats.js';
import { pathDisplay, type PathDisplay } from './report/paths.js';
import { excerpt, forLog, forTerminal, MAX_MESSAGE, shownMessage } from './report/neutralise.js';

/** Exit codes, as documented in the README. */
export const EXIT = {
  clean: 0,
  findings: 1,
  usage: 2,
  /** Nothing at or above --fail-on, but some files could not be read, decoded or parsed. */
  incomplete: 3,
} as const;

const VERSION = (
  JSON.parse(readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../package.json'), 'utf8')) as { version: string }
).version;

type FailOn = Level | 'never';

interface CheckOptions {
  cache?: boolean;
  cacheDir?: string;
  stats?: boolean;
  quiet?: boolean;
  format: 'text' | 'json' | 'sarif' | 'github' | 'concise';
  category?: string;
  statistics?: boolean;
  baseline?: string;
  writeBaseline?: string;
  output?: string;
  failOn?: FailOn;
  config?: string;
  exclude: string[];
  root?: string;
  src: string[];
  gitignore: boolean;
  maxFileSize: number;
  pythonVersion?: string;
  platform?: string;
  followExternalLinks?: boolean;
}

class UsageError extends Error {}

/** What `check` found and reported, for a caller that runs the CLI in-process (the GitHub Action). */
export interface CheckOutcome {
  exitCode: number;
  result: AnalysisResult;
  /** The findings reported: after the baseline, when one was given. */
  findings: Finding[];
  paths: PathDisplay;
  /** Set with --baseline: how many findings it already listed, and how many of its entries no longer occur. */
  baseline?: { known: number; fixed: number };
}

export interface CliHooks {
  onCheck?: (outcome: CheckOutcome) => void;
}

/** What every command takes to choose and read the project; a command without an option leaves it unset. */
interface ScanOptions {
  root?: string;
  config?: string;
  exclude?: string[];
  src?: string[];
  gitignore?: boolean;
  maxFileSize?: number;
  pythonVersion?: string;
  platform?: string;
  followExternalLinks?: boolean;
  /** `--no-cache` sets it false. */
  cache?: boolean;
  cacheDir?: string;
  stats?: boolean;
  quiet?: boolean;
}

/** The paths given (default: the current folder), the project root, its configuration: what a scan starts from. */
interface Prepared {
  cwd: string;
  root: string;
  config: Config;
  analyzeOptions: AnalyzeOptions;
  /**
   * The Python target while the local interpreter is asked what it is (its answer is not kept in
   * the cache folder yet): `analyzeOptions.target` is set once it answers (see `targetKnown`).
   */
  targetPending?: Promise<PythonTarget>;
  stats?: StageTimes;
  quiet: boolean;
  /**
   * What working out the run's options read: the configuration files, the kinds of the paths given
   * (and, for `check`, the baseline). The command line's entry for the quick replay lists them.
   */
  inputs: RecordedInput[];
}

async function prepareScan(paths: string[], options: ScanOptions): Promise<Prepared> {
  const cwd = process.cwd();
  const given = paths.length ? paths : ['.'];
  const inputs: RecordedInput[] = [];
  recordInputs(inputs);
  let root: string;
  let config: Config;
  const followExternalLinks = options.followExternalLinks ?? false;
  try {
    root = await projectRoot(cwd, given, options.root);
    config = withTargetFlags(await loadConfig(root, options.config, { followExternalLinks }), options);
  } finally {
    recordInputs(undefined);
  }
  const stats = options.stats ? new StageTimes() : undefined;
  const cacheDir = options.cache === false ? undefined : path.resolve(cwd, options.cacheDir ?? path.join(root, DEFAULT_CACHE_DIR));
  const analyzeOptions: AnalyzeOptions = {
    config,
    root,
    paths: given.map((p) => path.resolve(cwd, p)),
    exclude: options.exclude,
    respectGitignore: options.gitignore,
    sourceRoots: options.src,
    maxFileBytes: options.maxFileSize,
    followExternalLinks,
    ...(cacheDir ? { cacheDir } : {}),
    ...(stats ? { stats } : {}),
  };
  const target = targetSoon(config, cacheDir);
  if (!(target instanceof Promise)) analyzeOptions.target = target;
  return { cwd, root, config, analyzeOptions, ...(target instanceof Promise ? { targetPending: target } : {}), ...(stats ? { stats } : {}), quiet: options.quiet ?? false, inputs };
}

/**
 * Sets `analyzeOptions.target` when the interpreter is still being asked, and meanwhile lists the
 * tree (which does not depend on the target): the listing made, for the run to take instead of
 * walking the tree again. A first run no longer waits for the interpreter before doing anything.
 */
async function targetKnown(prepared: Prepared): Promise<{ discovery: Discovery; watch?: TreeWatch } | undefined> {
  const pending = prepared.targetPending;
  if (!pending) return undefined;
  const { analyzeOptions } = prepared;
  const watch = analyzeOptions.cacheDir ? newTreeWatch() : undefined;
  let discovery: Discovery;
  const started = performance.now();
  try {
    discovery = await discoverPythonFiles({ ...discoverOptionsOf(analyzeOptions), ...(watch ? { watch } : {}) });
    prepared.stats?.add('discovery', performance.now() - started);
  } finally {
    analyzeOptions.target = await pending;
    delete prepared.targetPending;
  }
  return { discovery, ...(watch ? { watch } : {}) };
}

/**
 * The analyzer's modules, loaded once: when the analysis starts, or before, when the run record's
 * check is about to parse many changed files (the analysis then likely follows). Not at start: a run
 * whose record holds (see `recorded`) never loads them. Not after parsing many files either: while
 * V8 compiles the parser's WebAssembly for its second tier, a trip through libuv's thread pool (which
 * the ES module loader takes to read each module's file) waited 100 to 150 ms on this machine (see
 * compileTier.ts `waitsForSecondTier`). A file or two is parsed by Liftoff alone, and often leaves the
 * run's output as it was (a comment added): loaded after, only when the analysis runs.
 */
function loadAnalyzer(): Promise<typeof import('./pipeline.js')> {
  return (analyzer ??= import('./pipeline.js'));
}
let analyzer: Promise<typeof import('./pipeline.js')> | undefined;

async function analyzePrepared(prepared: Prepared): Promise<AnalysisResult> {
  const progress = prepared.quiet ? undefined : terminalProgress(process.stderr, process.env);
  try {
    const { analyze } = await loadAnalyzer();
    return await analyze({ ...prepared.analyzeOptions, ...(progress ? { progress: progress.update } : {}) });
  } finally {
    progress?.clear();
  }
}

/**
 * Runs a command through its run record (see replay.ts): when the record of the same command on the
 * same inputs holds, its output is written again and nothing is analyzed; else `produce` runs with
 * its reads noted, its output is written, and a new record kept. No record without a cache, for
 * the Action (its hook wants the analysis), or when faults are injected for a test.
 */
async function recorded(command: string, commandOptions: object, prepared: Prepared, replayable: boolean, produce: () => Promise<{ output: RunOutput; result: AnalysisResult }>): Promise<number> {
  const { analyzeOptions, stats } = prepared;
  const listed = await targetKnown(prepared);
  const cacheDir = analyzeOptions.cacheDir;
  const cache = cacheDir ? new SummaryCache(cacheDir, analyzeOptions.target!) : undefined;
  const records = cache && replayable && !process.env.IMPORTLEAK_FAULT ? new RunRecords(cache) : undefined;
  const { cache: _cache, cacheDir: _cacheDir, stats: _stats, quiet: _quiet, ...shaping } = commandOptions as Record<string, unknown>;
  const key = records
    ? records.key([command, shaping, prepared.cwd, analyzeOptions.root, analyzeOptions.paths, prepared.config, analyzeOptions.target, analyzeOptions.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES])
    : undefined;
  const scope = records ? filesScope(records, prepared) : undefined;
  const parsedKeys = new Set<string>();
  if (records && key) {
    const started = performance.now();
    // What the quick replay found of this record, when it handed over to this run a moment ago.
    const handoff = takeHandoff(records.file(key));
    const record = await records.load(key, handoff?.read);
    // None of its own: the last record of a run that finds the same files lends its files' keys.
    const checking = record ?? (await records.latest(scope!));
    const checked = checking
      ? await stillHolds({ record: checking, discover: discoverOptionsOf(analyzeOptions), maxFileBytes: analyzeOptions.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, target: analyzeOptions.target!, explicitVersion: prepared.config.pythonVersion !== undefined, cache: cache!, parsedKeys, borrowed: checking !== record, parsing: () => void loadAnalyzer(), ...(handoff && checking === record ? { handoff } : {}), ...(listed?.watch ? { listed: { discovery: listed.discovery, watch: listed.watch } } : {}) })
      : undefined;
    stats?.add('run record', performance.now() - started);
    const now = checked?.holds;
    // Not holding: the analysis starts from what the check found (the discovery, the files' keys).
    if (checked && !now) prepared.analyzeOptions.known = { discovery: checked.discovery, watch: checked.watch, files: checked.known, listings: checked.listings };
    if (record && now) {
      if (stats) stats.replayed = true;
      // Kept again when it learned something: new stat data, new watches (see `TreeWatch`).
      if (checked.watch !== record.watch || checked.inputsWatched || now.some((file, index) => file.join('\0') !== record.files[index]!.join('\0'))) await records.save(key, { ...record, files: now, watch: checked.watch });
      const writing = performance.now();
      await emit(record.output, command);
      stats?.add('report', performance.now() - writing);
      if (stats) process.stderr.write(`${stats.format()}\n`);
      await fileCommandLine(records, key, prepared);
      return record.output.exitCode;
    }
  }
  // Listed while the interpreter was asked, and no record checked: the analysis takes that listing.
  if (listed && !prepared.analyzeOptions.known) prepared.analyzeOptions.known = { discovery: listed.discovery, ...(listed.watch ? { watch: listed.watch } : {}), files: new Map() };
  // The rules as this version of importleak kept them, instead of parsing their YAML again.
  const rules = cache && !prepared.analyzeOptions.rules ? await (records ?? new RunRecords(cache)).rules() : undefined;
  if (rules) prepared.analyzeOptions.rules = rules.rules;
  const inputs: RecordedInput[] = [];
  recordInputs(inputs);
  if (parsedKeys.size) prepared.analyzeOptions.justParsed = parsedKeys;
  let produced;
  try {
    produced = await produce();
  } finally {
    recordInputs(undefined);
  }
  await emit(produced.output, command);
  // The report rendered (after the rules, the last stage the analysis times) and written.
  stats?.addSinceLast('report');
  if (stats) process.stderr.write(`${stats.format()}\n`);
  const { output } = produced;
  const run = produced.result.run;
  // Let go of the analysis (the summaries, the graph) before the record is written: on 100,000
  // modules that is 800 MiB, which the garbage collector may then take back.
  produced = undefined;
  if (records && key && run) {
    await records.save(key, { format: RECORD_FORMAT, discovery: run.discovery, files: run.files, ...(run.watch ? { watch: run.watch } : {}), inputs: distinctInputs(inputs), output });
    await records.saveLatest(scope!, key);
  }
  await rules?.keep?.();
  // The entry names python3's answer as this process knows it (on a first run, kept in the cache folder just below).
  if (records && key && run) await fileCommandLine(records, key, prepared);
  // What other versions of importleak left in the cache and no longer use goes (see `pruneStale`).
  if (cache) await cache.pruneStale([(records ?? new RunRecords(cache)).folderName]);
  // The run made the cache folder: what python3 said, and the hash of importleak's code, worked out
  // before it was there, are kept in it now.
  if (cacheDir) {
    keepAnswer();
    keepCodeDigests();
  }
  return output.exitCode;
}

/** The command line of the run (see `main`): what its entry for the quick replay is filed under. */
let commandLine: readonly string[] | undefined;

/**
 * Files the command line's entry for the quick replay (see quickReplay.ts), which leads its next
 * run to the record `key`: not for a command line run in-process (the Action), nor when python3's
 * answer, which the target came from, is not known without asking it again.
 */
async function fileCommandLine(records: RunRecords, key: string, { cwd, config, analyzeOptions, inputs }: Prepared): Promise<void> {
  if (!commandLine) return;
  let python: string | undefined;
  if (asksLocalPython(config)) {
    const local = knownLocalPython(process.env, cwd, analyzeOptions.cacheDir);
    if (local === 'unknown') return;
    python = knownAnswer(local);
  }
  await records.saveInvocation(commandLine, cwd, process.env, {
    root: analyzeOptions.root,
    key,
    maxFileBytes: analyzeOptions.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
    inputs: distinctInputs(inputs),
    ...(python !== undefined ? { python } : {}),
  });
}

/**
 * What the files a run finds, and the keys and summaries it gives them, depend on: runs with the same
 * scope, whatever the command and its output options, can take each other's file keys (see `RunRecords.latest`).
 */
function filesScope(records: RunRecords, { cwd, analyzeOptions }: Prepared): string {
  return records.key(['files', cwd, discoverOptionsOf(analyzeOptions), analyzeOptions.target, analyzeOptions.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES]);
}

const OUTPUT_WHAT: Record<string, string> = { check: 'the report', graph: 'the graph', entries: 'the entries' };

async function emit(output: RunOutput, command: string): Promise<void> {
  if (output.outputFile) await writeOutputFile(output.outputFile.path, output.outputFile.text, OUTPUT_WHAT[command] ?? 'the output');
  if (output.stderr) process.stderr.write(output.stderr);
  if (output.stdout) process.stdout.write(output.stdout);
}

async function runCheck(paths: string[], options: CheckOptions, hooks: CliHooks = {}): Promise<number> {
  if (options.statistics && options.format !== 'text') throw new UsageError(`--statistics prints a table in the text format; it does not go with --format ${options.format}`);
  // A missing or invalid baseline is a usage error: say so before analyzing anything. What it read
  // is an input of the run: part of its record's key.
  const baselineInputs: RecordedInput[] = [];
  recordInputs(baselineInputs);
  let baseline: Awaited<ReturnType<typeof readBaseline>> | undefined;
  try {
    baseline = options.baseline !== undefined ? await readBaseline(options.baseline) : undefined;
  } finally {
    recordInputs(undefined);
  }
  const prepared = await prepareScan(paths, options);
  prepared.inputs.unshift(...baselineInputs);
  const replayable = options.writeBaseline === undefined && hooks.onCheck === undefined;
  return recorded('check', { ...options, baselineInputs }, prepared, replayable, async () => {
    const result = await analyzePrepared(prepared);
    const [{ deploymentSummary }, { renderSarif }, { renderJson }, { renderGithub }, { renderConcise }, { renderStatistics }, { renderText }] = await Promise.all([
      import('./check/deployment.js'),
      import('./report/sarif.js'),
      import('./report/json.js'),
      import('./report/github.js'),
      import('./report/concise.js'),
      import('./report/statistics.js'),
      import('./report/text.js'),
    ]);
    const { cwd, root, config } = prepared;
    const failOn: FailOn = options.failOn ?? config.failOn ?? 'error';
    const display = pathDisplay(root, cwd);
    // With --baseline, only the findings it does not list are reported and counted.
    const outcome = baseline ? applyBaseline(result.findings, baseline) : undefined;
    const findings = outcome ? outcome.fresh : result.findings;
    const baselineNote = outcome ? { baseline: { known: outcome.known.length, fixed: outcome.fixed } } : {};
    if (options.writeBaseline !== undefined) {
      const entries = await writeBaseline(options.writeBaseline, result.findings);
      process.stderr.write(`importleak: ${entries.length} finding${entries.length === 1 ? '' : 's'} recorded in the baseline ${forTerminal(options.writeBaseline)}\n`);
    }
    const textInput = { findings, diagnostics: result.diagnostics, entries: result.entries, fileCount: result.fileCount, paths: display, deployment: deploymentSummary(result.deployment), ...baselineNote };
    const report =
      options.format === 'sarif'
        ? renderSarif({ version: VERSION, rules: result.rules, findings, diagnostics: result.diagnostics, paths: display, ...(options.category !== undefined ? { category: options.category } : {}) })
        : options.format === 'json'
          ? renderJson({ version: VERSION, findings, diagnostics: result.diagnostics, entries: result.entries, fileCount: result.fileCount, paths: display, ...(result.deployment ? { deployment: result.deployment } : {}), ...baselineNote })
          : options.format === 'github'
            ? renderGithub({ findings, diagnostics: result.diagnostics, rules: result.rules, paths: display, ...baselineNote })
            : options.format === 'concise'
              ? renderConcise(textInput)
              : options.statistics
                ? renderStatistics({ ...textInput, rules: result.rules })
                : renderText(textInput);

    const exitCode = checkExitCode(result, findings, failOn, options.writeBaseline !== undefined);
    hooks.onCheck?.({ exitCode, result, findings, paths: display, ...(outcome ? { baseline: { known: outcome.known.length, fixed: outcome.fixed.length } } : {}) });
    const output: RunOutput = options.output
      ? {
          stdout: '',
          outputFile: { path: options.output, text: report },
          // Keep the terminal informative when the report goes to a file.
          stderr:
            options.format !== 'text'
              ? renderText({ findings: [], diagnostics: result.diagnostics, entries: result.entries, fileCount: result.fileCount, paths: display }).replace(/^No import-time resource leaks found/m, `${findings.length} finding(s) written to ${forTerminal(options.output)}`)
              : '',
          exitCode,
        }
      : { stdout: report, stderr: '', exitCode };
    return { output, result };
  });
}

function checkExitCode(result: AnalysisResult, findings: readonly Finding[], failOn: FailOn, writingBaseline: boolean): number {
  // A configuration that points at nothing is a configuration error, whatever else was found.
  if (result.diagnostics.some((d) => d.kind === 'config')) return EXIT.usage;
  // --write-baseline accepts today's findings: they do not fail this run.
  const failing = !writingBaseline && failOn !== 'never' && findings.some((f) => LEVEL_ORDER[f.level] >= LEVEL_ORDER[failOn]);
  if (failing) return EXIT.findings;
  if (result.diagnostics.some((d) => INCOMPLETE_KINDS.has(d.kind))) return EXIT.incomplete;
  return EXIT.clean;
}

interface GraphOptions {
  exclude: string[];
  src: string[];
  gitignore: boolean;
  cache?: boolean;
  cacheDir?: string;
  stats?: boolean;
  quiet?: boolean;
  format: 'mermaid' | 'dot' | 'json';
  from?: string;
  to?: string;
  lazy: boolean;
  output?: string;
  root?: string;
  config?: string;
  pythonVersion?: string;
  platform?: string;
  followExternalLinks?: boolean;
}

async function runGraph(paths: string[], options: GraphOptions): Promise<number> {
  const prepared = await prepareScan(paths, options);
  return recorded('graph', options, prepared, true, async () => {
    const result = await analyzePrepared(prepared);
    const { renderDot, renderGraphJson, renderMermaid, selectGraph } = await import('./report/graph.js');
    let view;
    try {
      view = selectGraph(result.graph, result.index, { from: options.from, to: options.to, lazy: options.lazy }, pathDisplay(prepared.root, prepared.cwd));
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const text = options.format === 'dot' ? renderDot(view) : options.format === 'json' ? renderGraphJson(view) : renderMermaid(view);
    const stderr = result.diagnostics.map((d) => forLog(`${forTerminal(d.path)}${d.line ? `:${d.line}` : ''}: ${d.kind}: ${forTerminal(shownMessage(d.message))}\n`)).join('');
    const exitCode = result.diagnostics.some((d) => INCOMPLETE_KINDS.has(d.kind)) ? EXIT.incomplete : EXIT.clean;
    return { output: { stdout: options.output ? '' : text, stderr, exitCode, ...(options.output ? { outputFile: { path: options.output, text } } : {}) }, result };
  });
}

interface EntriesOptions {
  cache?: boolean;
  cacheDir?: string;
  stats?: boolean;
  quiet?: boolean;
  format: 'text' | 'json';
  output?: string;
  root?: string;
  config?: string;
  exclude: string[];
  src: string[];
  gitignore: boolean;
  followExternalLinks?: boolean;
}

async function runEntries(paths: string[], options: EntriesOptions): Promise<number> {
  const prepared = await prepareScan(paths, options);
  return recorded('entries', options, prepared, true, async () => {
    const result = await analyzePrepared(prepared);
    const { renderEntriesJson, renderEntriesText } = await import('./report/entries.js');
    const input = {
      entries: result.entries,
      diagnostics: result.diagnostics,
      fileCount: result.fileCount,
      paths: pathDisplay(prepared.root, prepared.cwd),
      ...(result.deployment ? { deployment: result.deployment } : {}),
    };
    const text = options.format === 'json' ? renderEntriesJson(input) : renderEntriesText(input);
    const exitCode = result.diagnostics.some((d) => d.kind === 'config') ? EXIT.usage : result.diagnostics.some((d) => INCOMPLETE_KINDS.has(d.kind)) ? EXIT.incomplete : EXIT.clean;
    return { output: { stdout: options.output ? '' : text, stderr: '', exitCode, ...(options.output ? { outputFile: { path: options.output, text } } : {}) }, result };
  });
}

/** The project root: --root, else the single folder given, else the current folder. Paths must exist. */
async function projectRoot(cwd: string, given: string[], root: string | undefined): Promise<string> {
  for (const p of given) if ((await pathKind(path.resolve(cwd, p))) === 'absent') throw new UsageError(`${p}: no such file or directory`);
  if (root !== undefined && (await pathKind(path.resolve(cwd, root))) !== 'folder') throw new UsageError(`--root ${root}: no such file or directory`);
  return path.resolve(cwd, root ?? (given.length === 1 && (await pathKind(path.resolve(cwd, given[0]!))) === 'folder' ? given[0]! : '.'));
}

function parseSize(value: string): number {
  const match = /^(\d+)\s*(k|kb|kib|m|mb|mib)?$/i.exec(value.trim());
  if (!match) throw new InvalidArgumentError('expected a size in bytes, e.g. 4000000, 512k or 4M');
  const unit = (match[2] ?? '').toLowerCase();
  return Number(match[1]) * (unit.startsWith('k') ? 1024 : unit.startsWith('m') ? 1024 * 1024 : 1);
}

function parseCategory(value: string): string {
  if (!value.replace(/\/+$/, '').trim()) throw new InvalidArgumentError('expected a category name, e.g. importleak or importleak/backend');
  return value;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

const FOLLOW_EXTERNAL_LINKS =
  'follow symbolic links that lead out of the project (folders, .py files, configuration and deployment files); by default each is reported and not read';

export function buildProgram(hooks: CliHooks = {}): Command {
  const program = new Command();
  program
    .name('importleak')
    .description('Find threads, pools, clients and connections that Python modules create at import time, and the imports by which web and worker entries reach them.')
    .version(VERSION)
    .showHelpAfterError()
    .exitOverride();

  program
    .command('check')
    .description('analyze Python files and report import-time resources')
    .argument('[paths...]', 'files or folders to scan (default: .)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'sarif', 'github', 'concise']).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('--category <id>', 'SARIF: the code-scanning category, written as automationDetails.id "<id>/"', parseCategory)
    .option('--statistics', 'print the number of findings per rule and level instead of the findings (text format)')
    .addOption(new Option('--write-baseline <file>', "record today's findings in a baseline file; they do not fail this run").conflicts('baseline'))
    .option('--baseline <file>', 'report only findings that the baseline file does not list, and the entries of it that no longer occur')
    .addOption(new Option('--fail-on <level>', 'lowest level that makes the exit code 1 (default: error, or fail-on from the configuration)').choices(['error', 'warning', 'note', 'never']))
    .option('--config <file>', 'configuration file (default: the nearest importleak.toml, or pyproject.toml with [tool.importleak])')
    .option('--exclude <glob>', 'skip files and folders matching this gitignore-style pattern (repeatable)', collect, [])
    .option('--root <dir>', 'project root: where module names start (default: the folder given, or the current folder)')
    .option('--src <dir>', 'an extra source root, relative to the project root (repeatable)', collect, [])
    .option('--no-gitignore', 'do not skip files that .gitignore files ignore')
    .option('--max-file-size <bytes>', 'skip (and report) Python files larger than this', parseSize, DEFAULT_MAX_FILE_BYTES)
    .option('--python-version <x.y>', 'Python version that conditions on sys.version_info are evaluated for (default: python-version from the configuration, else the requires-python lower bound, else the local python3\'s, else 3.12)')
    .addOption(new Option('--platform <platform>', 'sys.platform that platform conditions are evaluated for (default: platform from the configuration, else the local python3\'s, else linux)').choices(['linux', 'darwin', 'win32']))
    .option('--follow-external-links', FOLLOW_EXTERNAL_LINKS)
    .option('--no-cache', `do not read or write the cache of per-file summaries (${DEFAULT_CACHE_DIR}/ in the project root)`)
    .option('--cache-dir <dir>', `keep the cache of per-file summaries in this folder (default: ${DEFAULT_CACHE_DIR}/ in the project root)`)
    .option('--stats', 'print the time each stage took on standard error')
    .option('-q, --quiet', 'no progress line on a terminal')
    .action(async (paths: string[], options: CheckOptions) => {
      process.exitCode = await runCheck(paths, options, hooks);
    });

  program
    .command('graph')
    .description('print the import-time graph of the project, or the part that reaches or is reached from a module')
    .argument('[paths...]', 'files or folders to scan (default: .)')
    .addOption(new Option('--format <format>', 'output format').choices(['mermaid', 'dot', 'json']).default('mermaid'))
    .option('--from <module>', 'only what this module runs at import time')
    .option('--to <module>', 'only what runs this module at import time')
    .option('--lazy', 'also show imports inside functions (dashed: they run only when the function is called)', false)
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .option('--root <dir>', 'project root (default: the single folder given, else the current folder)')
    .option('--config <file>', 'configuration file')
    .option('--exclude <glob>', 'skip files and folders matching this gitignore-style pattern (repeatable)', collect, [])
    .option('--src <dir>', 'an extra source root, relative to the project root (repeatable)', collect, [])
    .option('--no-gitignore', 'do not skip files that .gitignore files ignore')
    .option('--python-version <x.y>', 'Python version that conditions on sys.version_info are evaluated for (default: as for check)')
    .addOption(new Option('--platform <platform>', 'sys.platform that platform conditions are evaluated for (default: as for check)').choices(['linux', 'darwin', 'win32']))
    .option('--follow-external-links', FOLLOW_EXTERNAL_LINKS)
    .option('--no-cache', `do not read or write the cache of per-file summaries (${DEFAULT_CACHE_DIR}/ in the project root)`)
    .option('--cache-dir <dir>', `keep the cache of per-file summaries in this folder (default: ${DEFAULT_CACHE_DIR}/ in the project root)`)
    .option('--stats', 'print the time each stage took on standard error')
    .option('-q, --quiet', 'no progress line on a terminal')
    .action(async (paths: string[], options: GraphOptions) => {
      process.exitCode = await runGraph(paths, options);
    });

  program
    .command('entries')
    .description('list the entries found (web apps, routes, workers, the apps deployment files name) and what the deployment files say')
    .argument('[paths...]', 'files or folders to scan (default: .)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .option('--root <dir>', 'project root (default: the single folder given, else the current folder)')
    .option('--config <file>', 'configuration file')
    .option('--exclude <glob>', 'skip files and folders matching this gitignore-style pattern (repeatable)', collect, [])
    .option('--src <dir>', 'an extra source root, relative to the project root (repeatable)', collect, [])
    .option('--no-gitignore', 'do not skip files that .gitignore files ignore')
    .option('--follow-external-links', FOLLOW_EXTERNAL_LINKS)
    .option('--no-cache', `do not read or write the cache of per-file summaries (${DEFAULT_CACHE_DIR}/ in the project root)`)
    .option('--cache-dir <dir>', `keep the cache of per-file summaries in this folder (default: ${DEFAULT_CACHE_DIR}/ in the project root)`)
    .option('--stats', 'print the time each stage took on standard error')
    .option('-q, --quiet', 'no progress line on a terminal')
    .action(async (paths: string[], options: EntriesOptions) => {
      process.exitCode = await runEntries(paths, options);
    });

  program
    .command('rules')
    .description('list every rule')
    .action(async () => {
      const { loadRules } = await import('./rules/rules.js');
      for (const rule of loadRules()) process.stdout.write(`${rule.id}  ${rule.name.padEnd(28)} ${rule.title}\n`);
    });

  program
    .command('explain')
    .description("print a rule's documentation")
    .argument('<rule>', 'rule id, e.g. IL001, or its name')
    .action(async (id: string) => {
      const { loadRules, markdownToPlainText } = await import('./rules/rules.js');
      const rule = loadRules().find((r) => r.id.toLowerCase() === id.toLowerCase() || r.name === id);
      if (!rule) throw new UsageError(`unknown rule ${JSON.stringify(id)}; \`importleak rules\` lists them`);
      const matches = rule.matches
        .flatMap((m) => (m.methods ? [`.${m.methods.join('(), .')}() on objects of ${m.on!.join(', ')}`] : [m.callee, ...m.aliases]))
        .map((name) => `  ${name}`)
        .join('\n');
      process.stdout.write(`${rule.id} (${rule.name}): ${rule.title}\n\n${markdownToPlainText(rule.docs.markdown)}\n${matches ? `\nMatches:\n${matches}\n` : ''}`);
    });
  return program;
}

export async function main(argv: string[], hooks: CliHooks = {}): Promise<number> {
  endQuietlyOnClosedPipe();
  const program = buildProgram(hooks);
  // A command line run in-process with hooks (the Action) is not filed for the quick replay.
  commandLine = hooks.onCheck ? undefined : argv;
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.clean;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help') return EXIT.clean;
    if (code?.startsWith('commander.')) return EXIT.usage;
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof OutputError) {
      // The message may quote the configuration or a path from the project: one line, escaped.
      process.stderr.write(`importleak: ${forTerminal(excerpt(error.message, MAX_MESSAGE))}\n`);
      return EXIT.usage;
    }
    // A bug of importleak that no component caught: one line with what to do, the stack only when
    // asked for (IMPORTLEAK_DEBUG=1); "incomplete", since whatever was analyzed was not reported.
    const debug = Boolean(process.env.IMPORTLEAK_DEBUG);
    process.stderr.write(
      forLog(`importleak: internal error: ${forTerminal(excerpt(describeInternalError(error), MAX_MESSAGE))}; this is a bug in importleak; please report it with the command and the files it ran on${debug ? '' : ' (IMPORTLEAK_DEBUG=1 shows where it happened)'}\n`),
    );
    if (debug) process.stderr.write(forLog(`${(error as Error)?.stack ?? String(error)}\n`));
    return EXIT.incomplete;
  }
}

// `node dist/cli.js ...` (the README's and the tests' way). The package's `importleak` command is
// dist/bin.js, which runs main itself; this is false there, so main runs once. Only while this
// module is its own file: bundled into the Action (action-dist/index.mjs), import.meta.url is the
// bundle, which is the script node runs there, and the Action's entry runs instead.
if (/^cli\.[cm]?[jt]s$/.test(path.basename(fileURLToPath(import.meta.url))) && isMainModule(import.meta.url)) {
  main(process.argv).then((code) => {
    process.exitCode = code;
  });
}
