import { callsOutsideFunctions } from './extract/packed.js';
import path from 'node:path';
import { checkProject } from './check/check.js';
import { deploymentEntries, type DeploymentContext } from './check/deployment.js';
import { namedScripts } from './check/namedScripts.js';
import { withCeleryConfig } from './check/celeryConfig.js';
import type { NamedScripts } from './check/programs.js';
import { readDeployment } from './deploy/index.js';
import { isDeploymentFileName } from './deploy/deploymentFiles.js';
import { DEFAULT_MAX_FILE_BYTES, isWithin, readRegularFile, type DeploymentListing } from './files.js';
import type { Finding } from './check/findings.js';
import { injectedFault, internalError, type Diagnostic } from './diagnostics.js';
import { compileIgnore, discoverOptionsOf, discoverPythonFiles, quotePattern, type Discovery } from './discover/discover.js';
import { newTreeWatch, type TreeWatch } from './watch.js';
import { discoveryFingerprint, type FileFingerprint } from './replay.js';
import type { PythonTarget } from './extract/target.js';
import { detectEntries, type EntryPoint } from './entries/entries.js';
import { decodePythonSource } from './extract/decode.js';
import { pythonParser } from './extract/parser.js';
import { expectParses } from './extract/compileTier.js';
import { extractFiles } from './extract/stage.js';
import { SummaryCache } from './cache.js';
import type { StageTimes } from './stats.js';
import type { ModuleSummary } from './extract/summary.js';
import { buildImportGraph, type ImportGraph } from './graph/importGraph.js';
import { lineHashes } from './report/lineHash.js';
import { CallResolver } from './resolve/calls.js';
import { scriptRoots } from './resolve/scriptRoots.js';
import { ModuleIndex } from './resolve/moduleIndex.js';
import { resolveImports, type ResolvedImport } from './resolve/resolveImports.js';
import { loadRules, type Rule } from './rules/rules.js';
import { defaultConfig, ruleSelected, targetOf, type Config } from './config/config.js';
import { projectTargets } from './config/projectTargets.js';

export interface AnalyzeOptions {
  /** Project root: paths are reported relative to it and module names start there. */
  root: string;
  /** Files or folders to scan, relative to `root` or absolute. */
  paths: string[];
  exclude?: string[];
  respectGitignore?: boolean;
  /** Extra source roots, relative to `root` (the root itself and `src/` are always roots). */
  sourceRoots?: string[];
  /** Files larger than this are reported and skipped. */
  maxFileBytes?: number;
  rules?: Rule[];
  /** From pyproject.toml / importleak.toml (already validated). */
  config?: Config;
  /** Read the deployment files below the paths given, within the root (default true). */
  readDeployment?: boolean;
  /**
   * Follow symbolic links that leave the project (`--follow-external-links`): folders and `.py`
   * files below the paths given, deployment files. Off (the default), each is reported and not read.
   */
  followExternalLinks?: boolean;
  /** Keep per-file summaries in this folder (relative to `root`) between runs; no cache when absent. */
  cacheDir?: string;
  /** Times each stage (`--stats`). */
  stats?: StageTimes;
  /** Called as files are summarised (progress on a terminal). */
  progress?: (done: number, total: number) => void;
  /** Keys of files summarised (and cached) a moment ago, by the run record's check: counted as parsed. */
  justParsed?: ReadonlySet<string>;
  /**
   * What the run record's check found a moment ago (see replay.ts `RecordCheck`): its discovery,
   * made with these same options, the files whose cache key it knows, and the last run's searches
   * for deployment files that would find the same now.
   */
  known?: { discovery: Discovery; watch?: TreeWatch; files: ReadonlyMap<string, FileFingerprint>; listings?: readonly DeploymentListing[] };
  /** The Python version and platform conditions are evaluated for (default: from the configuration, see `targetOf`). */
  target?: PythonTarget;
}

export interface AnalysisResult {
  root: string;
  /** Number of Python files found. */
  fileCount: number;
  summaries: Map<string, ModuleSummary>;
  index: ModuleIndex;
  resolved: Map<string, ResolvedImport[]>;
  graph: ImportGraph;
  entries: EntryPoint[];
  findings: Finding[];
  diagnostics: Diagnostic[];
  rules: Rule[];
  /** The deployment files read, the processes they start and the entries their app specs name. */
  deployment?: DeploymentContext;
  /** With a cache: what the run record keeps of the discovery and the files (see replay.ts). */
  run?: { discovery: string; files: FileFingerprint[]; watch?: TreeWatch };
}

export { DEFAULT_MAX_FILE_BYTES } from './files.js';
/** A deployment file's problems listed, at most (a Procfile of 500,000 bad lines has as many): then how many more. */
export const MAX_PROBLEMS_PER_DEPLOYMENT_FILE = 20;

/** discover → extract → resolve → graph → entries → check. Never runs the code it reads. */
export async function analyze(options: AnalyzeOptions): Promise<AnalysisResult> {
  const started = performance.now();
  const stats = options.stats;
  const root = path.resolve(options.root);
  const config = options.config ?? defaultConfig();
  const rules = configuredRules(options.rules ?? loadRules(), config);
  const configFolder = config.file ? path.dirname(config.file) : root;
  const fromConfigFolder = (p: string): string => path.relative(root, path.resolve(configFolder, p)).split(path.sep).join('/') || '';
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  // With a cache, what the discovery looked at is kept for the run record (see replay.ts).
  const watch = options.known ? options.known.watch : options.cacheDir ? newTreeWatch() : undefined;
  const discovery = options.known?.discovery ?? (await discoverPythonFiles({ ...discoverOptionsOf(options), ...(watch ? { watch } : {}) }));
  const diagnostics: Diagnostic[] = [...discovery.diagnostics];

  stats?.add('discovery', performance.now() - started);
  const extractStart = performance.now();
  // The files whose cache key the run record's check found are read from the cache: the rest are parsed.
  expectParses(discovery.files.length - (options.cacheDir ? (options.known?.files.size ?? 0) : 0));
  await pythonParser(); // a missing grammar stops the scan here, before any file
  const target = options.target ?? targetOf(config, options.cacheDir ? path.resolve(root, options.cacheDir) : undefined);
  // `backend/pyproject.toml` says `requires-python = ">=3.14"`: backend/'s files are analyzed for 3.14.
  const targets = await projectTargets(root, discovery.files, target, config.pythonVersion !== undefined);
  diagnostics.push(...targets.diagnostics);
  const extracted = await extractFiles({
    files: discovery.files,
    target,
    targetOf: targets.of,
    maxFileBytes,
    ...(options.cacheDir ? { cache: new SummaryCache(path.resolve(root, options.cacheDir), target) } : {}),
    ...(stats ? { stats } : {}),
    ...(options.progress ? { progress: options.progress } : {}),
    ...(options.justParsed ? { justParsed: options.justParsed } : {}),
    ...(options.known ? { known: options.known.files } : {}),
  });
  const summaries = extracted.summaries;
  diagnostics.push(...extracted.diagnostics);
  stats?.add('parse and extract', performance.now() - extractStart);

  let mark = performance.now();
  /** Adds the time since the last mark to `stage`. */
  const lap = (stage: Parameters<StageTimes['add']>[0]): void => {
    const now = performance.now();
    stats?.add(stage, now - mark);
    mark = now;
  };
  const explicitRoots = ['', ...(options.sourceRoots ?? []), ...config.src.map(fromConfigFolder)];
  if ([...summaries.keys()].some((p) => p.startsWith('src/'))) explicitRoots.push('src');
  explicitRoots.push(...scriptRoots(summaries));
  const index = new ModuleIndex([...summaries.keys()], explicitRoots);
  index.preferReferencedNames(() => absoluteImportNames(summaries.values()));
  const resolved = new Map<string, ResolvedImport[]>();
  for (const [filePath, summary] of summaries) {
    const module = index.byPath.get(filePath);
    if (!module) continue;
    try {
      injectedFault('resolve', filePath);
      resolved.set(filePath, resolveImports(module, summary, index, summaries));
    } catch (error) {
      diagnostics.push(internalError('resolve', filePath, error));
      resolved.set(filePath, []);
    }
  }
  const calls = new CallResolver(index, summaries);
  // From here on, an exception in one component (a bug) is an internal error of the file or part it
  // was handling, and the analysis goes on without that part.
  const graph = buildImportGraph(index, resolved, calls, (file, error) => diagnostics.push(internalError('the import graph', file, error)));
  for (const limit of graph.limits ?? []) diagnostics.push({ kind: 'limit', path: '.', message: limit });
  lap('resolve and graph');
  const entries = detectEntries({ summaries, index, resolved, calls }, diagnostics);
  for (const entry of configuredEntries(config, index, summaries, diagnostics)) entries.push(entry);
  lap('entries');
  let deployment: DeploymentContext | undefined;
  if (options.readDeployment !== false) {
    try {
      deployment = await readDeploymentOf(root, deploymentSearch(root, options.paths.length ? options.paths : ['.']), options.followExternalLinks ?? false, [...(options.exclude ?? []), ...config.exclude], index, summaries, diagnostics, options.known?.listings);
    } catch (error) {
      diagnostics.push(internalError('the deployment reader', '.', error));
    }
  }
  // A loop, not push(...): a Procfile can name tens of thousands of processes.
  if (deployment) for (const entry of deployment.entries) entries.push(entry);
  lap('deployment');
  let scripts: NamedScripts = new Map();
  try {
    scripts = await namedScripts(root, deployment?.deployment, index, new Set(summaries.keys()));
  } catch (error) {
    diagnostics.push(internalError('the scripts named by the deployment', '.', error));
  }
  const findings = withoutPerFileIgnores(
    checkProject({
      index,
      summaries,
      graph,
      entries,
      rules,
      calls,
      problems: diagnostics,
      namedScripts: scripts,
      ...(config.unreachedLevel ? { unreachedLevel: config.unreachedLevel } : {}),
      ...(deployment ? { deployment } : {}),
    }),
    config,
    diagnostics,
  );
  try {
    await addLineHashes(root, findings, maxFileBytes);
  } catch (error) {
    diagnostics.push(internalError('the line hashes', '.', error));
  }
  lap('rules');

  // A damaged cache entry is met by each part of the analysis that reads it: said once.
  const seen = new Set<string>();
  const unique = diagnostics.filter((d) => {
    const key = `${d.kind}\0${d.path}\0${d.line ?? ''}\0${d.column ?? ''}\0${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const run = extracted.fingerprints ? { discovery: discoveryFingerprint(discovery), files: extracted.fingerprints, ...(watch ? { watch } : {}) } : undefined;
  return { root, fileCount: discovery.files.length, summaries, index, resolved, graph, entries, findings, diagnostics: unique, rules, ...(deployment ? { deployment } : {}), ...(run ? { run } : {}) };
}

async function addLineHashes(root: string, findings: Finding[], maxFileBytes: number): Promise<void> {
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    const list = byFile.get(finding.path);
    if (list) list.push(finding);
    else byFile.set(finding.path, [finding]);
  }
  for (const [file, list] of byFile) {
    const read = await readRegularFile(path.join(root, file), maxFileBytes);
    if (!read.ok) continue;
    const text = decodePythonSource(read.bytes).text;
    const hashes = lineHashes(text, new Set(list.map((f) => f.span.line)));
    for (const finding of list) {
      const hash = hashes.get(finding.span.line);
      if (hash) finding.lineHash = hash;
    }
  }
}

/** The rules as configured: `extend-resources` added to the rule of their kind, then `select`/`ignore`. */
export function configuredRules(rules: readonly Rule[], config: Config): Rule[] {
  return rules
    .map((rule) => {
      const extra = config.extendResources.filter((r) => r.kind === rule.resource);
      if (extra.length === 0) return rule;
      return {
        ...rule,
        matches: [
          ...rule.matches,
          ...extra.map((r) => ({ callee: r.name, aliases: [], what: `${/^[aeiou]/.test(r.kind) ? 'an' : 'a'} ${r.kind} (\`${r.name}\`, configured in extend-resources)`, cost: r.message, arguments: [], withCloses: true, afterFork: rule.afterFork ?? 'lazy' })),
        ],
      };
    })
    .filter((rule) => ruleSelected(rule.id, config.select, config.ignore));
}

/** `entry-points = ["pkg.wsgi:app", "pkg.worker"]`: modules the deployment imports, named by the team. */
function configuredEntries(config: Config, index: ModuleIndex, summaries: ReadonlyMap<string, ModuleSummary>, diagnostics: Diagnostic[]): EntryPoint[] {
  const entries: EntryPoint[] = [];
  for (const spec of config.entryPoints) {
    const [moduleName, attribute] = spec.split(':');
    const module = index.lookup(moduleName!);
    if (!module) {
      diagnostics.push({ kind: 'config', path: config.file ?? '.', message: `entry point ${JSON.stringify(spec)} names no module of the project` });
      continue;
    }
    const summary = summaries.get(module.path);
    const binding = attribute && summary ? callsOutsideFunctions(summary).find((c) => c.scope.kind === 'module' && c.boundTo === attribute) : undefined;
    entries.push({
      path: module.path,
      framework: 'configured',
      kind: 'app',
      description: `configured entry point \`${spec}\``,
      evidence: binding ? { line: binding.span.line, column: binding.span.column, text: binding.statementText } : { line: 1, column: 1, text: module.name },
      routes: 0,
    });
  }
  return entries;
}

/**
 * Where deployment files are looked for: below each folder given (the root when a folder given
 * holds it), and the deployment files given by name; never above the root or outside it. With
 * `check svc_a/`, a Dockerfile of svc_b/ describes another service and is not read.
 */
function deploymentSearch(root: string, paths: readonly string[]): string[] {
  const searchIn = new Set<string>();
  for (const given of paths) {
    const absolute = path.resolve(root, given);
    if (isWithin(root, absolute)) searchIn.add('');
    else if (isWithin(absolute, root)) {
      const relative = path.relative(root, absolute).split(path.sep).join('/');
      // A folder, or a file that is a deployment file; a Python file given adds no search.
      if (!/\.py$/.test(relative) || isDeploymentFileName(path.posix.basename(relative))) searchIn.add(relative);
    }
  }
  return searchIn.has('') ? [''] : [...searchIn];
}

/** The deployment files below the paths given, minus excluded ones; their problems become diagnostics. */
async function readDeploymentOf(
  root: string,
  searchIn: string[],
  followExternalLinks: boolean,
  exclude: string[],
  index: ModuleIndex,
  summaries: ReadonlyMap<string, ModuleSummary>,
  diagnostics: Diagnostic[],
  listings?: readonly DeploymentListing[],
): Promise<DeploymentContext> {
  const deployment = await readDeployment(root, undefined, { searchIn, followExternalLinks, ...(listings ? { listings } : {}) });
  if (exclude.length) {
    // A pattern too long to compile was reported by the discovery already: left out here too.
    const excluded = compileIgnore(exclude, () => undefined);
    deployment.processes = deployment.processes.filter((p) => !excluded.ignores(p.file));
    deployment.problems = deployment.problems.filter((p) => !excluded.ignores(p.file));
  }
  const perFile = new Map<string, number>();
  for (const problem of deployment.problems) {
    // A gunicorn.conf.py is a Python file too: when the scan already said it was not read (a pipe,
    // a link out of the project), once is enough.
    if (problem.line === undefined && diagnostics.some((d) => d.path === problem.file && d.line === undefined && (d.kind === 'read-error' || d.kind === 'outside-root'))) continue;
    const count = (perFile.get(problem.file) ?? 0) + 1;
    perFile.set(problem.file, count);
    if (count > MAX_PROBLEMS_PER_DEPLOYMENT_FILE) continue;
    diagnostics.push({ kind: problem.kind ?? 'deployment', path: problem.file, ...(problem.line ? { line: problem.line } : {}), message: problem.message });
  }
  for (const [file, count] of perFile) {
    if (count > MAX_PROBLEMS_PER_DEPLOYMENT_FILE) diagnostics.push({ kind: 'deployment', path: file, message: `and ${count - MAX_PROBLEMS_PER_DEPLOYMENT_FILE} more problems in this file, not listed` });
  }
  const context = deploymentEntries(deployment, index, summaries);
  await withCeleryConfig(context.served, root, index, summaries);
  for (const problem of context.problems) diagnostics.push({ kind: 'deployment', path: problem.file, line: problem.line, message: problem.message });
  return context;
}

/** `per-file-ignores = { "tests/**" = ["IL"] }`: gitignore-style patterns, relative to the project root. */
function withoutPerFileIgnores(findings: Finding[], config: Config, diagnostics: Diagnostic[]): Finding[] {
  const patterns = Object.entries(config.perFileIgnores).map(([glob, codes]) => ({
    matcher: compileIgnore([glob], () =>
      diagnostics.push({ kind: 'config', path: config.file ?? '.', message: `per-file-ignores pattern ${quotePattern(glob)} is too long to match with (its regular expression is too large); it is not applied` }),
    ),
    codes,
  }));
  if (patterns.length === 0) return findings;
  return findings.filter((finding) => !patterns.some(({ matcher, codes }) => matcher.ignores(finding.path) && codes.some((c) => finding.ruleId.startsWith(c))));
}

/** Every absolute dotted name the project's imports mention, with the submodules `from` imports may name. */
function absoluteImportNames(summaries: Iterable<ModuleSummary>): Set<string> {
  const names = new Set<string>();
  for (const summary of summaries) {
    for (const record of summary.imports) {
      if (record.level !== 0 || !record.module) continue;
      names.add(record.module);
      for (const { name } of record.names) names.add(`${record.module}.${name}`);
    }
  }
  return names;
}
