import { promises as fs } from 'node:fs';
import path from 'node:path';
import { checkProject } from './check/check.js';
import { deploymentEntries, type DeploymentContext } from './check/deployment.js';
import { readDeployment } from './deploy/index.js';
import type { Finding } from './check/findings.js';
import type { Diagnostic } from './diagnostics.js';
import { describeError, discoverPythonFiles } from './discover/discover.js';
import { detectEntries, type EntryPoint } from './entries/entries.js';
import { decodePythonSource } from './extract/decode.js';
import { extractModule } from './extract/extract.js';
import { pythonParser } from './extract/parser.js';
import type { ModuleSummary } from './extract/summary.js';
import { buildImportGraph, type ImportGraph } from './graph/importGraph.js';
import { lineHashes } from './report/lineHash.js';
import { CallResolver } from './resolve/calls.js';
import { ModuleIndex } from './resolve/moduleIndex.js';
import { resolveImports, type ResolvedImport } from './resolve/resolveImports.js';
import { loadRules, type Rule } from './rules/rules.js';
import { defaultConfig, ruleSelected, targetOf, type Config } from './config/config.js';
import ignore from 'ignore';

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
  /** Read the deployment files below the root (default true). */
  readDeployment?: boolean;
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
}

export const DEFAULT_MAX_FILE_BYTES = 4 * 1024 * 1024;

/** discover → extract → resolve → graph → entries → check. Never runs the code it reads. */
export async function analyze(options: AnalyzeOptions): Promise<AnalysisResult> {
  const root = path.resolve(options.root);
  const config = options.config ?? defaultConfig();
  const rules = configuredRules(options.rules ?? loadRules(), config);
  const configFolder = config.file ? path.dirname(config.file) : root;
  const fromConfigFolder = (p: string): string => path.relative(root, path.resolve(configFolder, p)).split(path.sep).join('/') || '';
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const discovery = await discoverPythonFiles({
    root,
    paths: options.paths.length ? options.paths : ['.'],
    exclude: [...(options.exclude ?? []), ...config.exclude],
    respectGitignore: options.respectGitignore ?? true,
  });
  const diagnostics: Diagnostic[] = [...discovery.diagnostics];

  const parser = await pythonParser();
  const summaries = new Map<string, ModuleSummary>();
  const target = targetOf(config);
  for (const file of discovery.files) {
    const text = await readSource(file.absolute, file.relative, maxFileBytes, diagnostics);
    if (text === undefined) continue;
    let summary: ModuleSummary;
    try {
      summary = extractModule(parser, file.relative, text, target);
    } catch (error) {
      diagnostics.push({ kind: 'syntax-error', path: file.relative, message: `could not be parsed: ${describeError(error)}` });
      continue;
    }
    for (const problem of summary.syntaxProblems) {
      diagnostics.push({
        kind: 'syntax-error',
        path: file.relative,
        line: problem.span.line,
        column: problem.span.column,
        message: `${problem.message}; CPython cannot import this file. The rest of it was still analyzed`,
      });
    }
    summaries.set(file.relative, summary);
  }

  const explicitRoots = ['', ...(options.sourceRoots ?? []), ...config.src.map(fromConfigFolder)];
  if ([...summaries.keys()].some((p) => p.startsWith('src/'))) explicitRoots.push('src');
  const index = new ModuleIndex([...summaries.keys()], explicitRoots);
  index.preferReferencedNames(absoluteImportNames(summaries.values()));
  const resolved = new Map<string, ResolvedImport[]>();
  for (const [filePath, summary] of summaries) {
    const module = index.byPath.get(filePath);
    if (module) resolved.set(filePath, resolveImports(module, summary, index, summaries));
  }
  const calls = new CallResolver(index, summaries);
  const graph = buildImportGraph(index, resolved, calls);
  const entries = detectEntries({ summaries, index, resolved, calls });
  entries.push(...configuredEntries(config, index, summaries, diagnostics));
  const deployment = options.readDeployment === false ? undefined : await readDeploymentOf(root, [...(options.exclude ?? []), ...config.exclude], index, summaries, diagnostics);
  if (deployment) entries.push(...deployment.entries);
  const findings = withoutPerFileIgnores(checkProject({ index, summaries, graph, entries, rules, calls, ...(deployment ? { deployment } : {}) }), config);
  await addLineHashes(root, findings);

  return { root, fileCount: discovery.files.length, summaries, index, resolved, graph, entries, findings, diagnostics, rules, ...(deployment ? { deployment } : {}) };
}

async function readSource(absolute: string, relative: string, maxFileBytes: number, diagnostics: Diagnostic[]): Promise<string | undefined> {
  let bytes: Buffer;
  try {
    const stat = await fs.stat(absolute);
    if (stat.size > maxFileBytes) {
      diagnostics.push({
        kind: 'too-large',
        path: relative,
        message: `skipped: ${sizePair(stat.size, maxFileBytes)} limit for one file (--max-file-size)`,
      });
      return undefined;
    }
    bytes = await fs.readFile(absolute);
  } catch (error) {
    diagnostics.push({ kind: 'read-error', path: relative, message: `cannot read: ${describeError(error)}` });
    return undefined;
  }
  const decoded = decodePythonSource(bytes);
  if (decoded.problem) {
    diagnostics.push({ kind: 'decode-error', path: relative, line: decoded.problem.line, message: decoded.problem.message });
  }
  return decoded.text;
}

async function addLineHashes(root: string, findings: Finding[]): Promise<void> {
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) byFile.set(finding.path, [...(byFile.get(finding.path) ?? []), finding]);
  for (const [file, list] of byFile) {
    let text: string;
    try {
      text = decodePythonSource(await fs.readFile(path.join(root, file))).text;
    } catch {
      continue;
    }
    const hashes = lineHashes(text, new Set(list.map((f) => f.span.line)));
    for (const finding of list) {
      const hash = hashes.get(finding.span.line);
      if (hash) finding.lineHash = hash;
    }
  }
}

/** "2.0 KiB is over the 1.0 KiB", in bytes when rounding would make the two look equal. */
function sizePair(size: number, limit: number): string {
  const [a, b] = formatBytes(size) === formatBytes(limit) ? [`${size} bytes`, `${limit}-byte`] : [formatBytes(size), formatBytes(limit)];
  return `${a} is over the ${b}`;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
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
    const binding = attribute ? summary?.calls.find((c) => c.scope.kind === 'module' && c.boundTo === attribute) : undefined;
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

/** The deployment files below the root, minus excluded ones; their problems become diagnostics. */
async function readDeploymentOf(
  root: string,
  exclude: string[],
  index: ModuleIndex,
  summaries: ReadonlyMap<string, ModuleSummary>,
  diagnostics: Diagnostic[],
): Promise<DeploymentContext> {
  const deployment = await readDeployment(root);
  if (exclude.length) {
    const excluded = ignore().add(exclude);
    deployment.processes = deployment.processes.filter((p) => !excluded.ignores(p.file));
    deployment.problems = deployment.problems.filter((p) => !excluded.ignores(p.file));
  }
  for (const problem of deployment.problems) {
    diagnostics.push({ kind: 'deployment', path: problem.file, ...(problem.line ? { line: problem.line } : {}), message: problem.message });
  }
  return deploymentEntries(deployment, index, summaries);
}

/** `per-file-ignores = { "tests/**" = ["IL"] }`: gitignore-style patterns, relative to the project root. */
function withoutPerFileIgnores(findings: Finding[], config: Config): Finding[] {
  const patterns = Object.entries(config.perFileIgnores).map(([glob, codes]) => ({ matcher: ignore().add(glob), codes }));
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
