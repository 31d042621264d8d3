import { processCount, type DeploymentContext } from '../check/deployment.js';
import type { ServerProcess, Setting } from '../deploy/index.js';
import type { Diagnostic } from '../diagnostics.js';
import type { EntryPoint } from '../entries/entries.js';
import type { PathDisplay } from './paths.js';

/** What `importleak entries` shows: every entry, why it is one, and what the deployment files say. */
export interface EntriesReportInput {
  entries: readonly EntryPoint[];
  deployment?: DeploymentContext;
  diagnostics: readonly Diagnostic[];
  fileCount: number;
  paths: PathDisplay;
}

const MODELS: Record<NonNullable<ServerProcess['processModel']>, string> = {
  'imported-then-forked': 'the app is imported once, then the workers are forked from that process',
  'imported-in-each-worker': 'each worker process imports the app itself',
  'single-process': 'one process imports and serves the app',
};

function sorted(entries: readonly EntryPoint[]): EntryPoint[] {
  return [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || a.evidence.line - b.evidence.line);
}

function settingText<T>(name: string, setting: Setting<T> | undefined): string | undefined {
  if (!setting) return undefined;
  const value = 'value' in setting ? (Array.isArray(setting.value) ? setting.value.join(', ') : String(setting.value)) : `\`${setting.expression}\` (known at run time)`;
  return `${name} ${value} (${setting.file}:${setting.line}, ${setting.via.trim()}${setting.conditional ? ', conditional' : ''})`;
}

function processLines(process: ServerProcess, paths: PathDisplay): string[] {
  const lines: string[] = [];
  const name = process.name ? ` ${process.name}` : '';
  const app = process.appSpec ? ` \`${process.appSpec.written}\`` : ' (no app named)';
  lines.push(`  ${paths.show(process.file)}:${process.line}${name}: ${process.server}${app}`);
  if (process.command) lines.push(`      command: ${process.command}`);
  if (process.launchedBy) lines.push(`      run by ${process.launchedBy.file}:${process.launchedBy.line}`);
  if (process.configFile) lines.push(`      config: ${process.configFile.written}${process.configFile.resolved ? ` (${process.configFile.resolved})` : ' (not in the project)'}`);
  const settings = [
    settingText('workers', process.workers),
    settingText('threads', process.threads),
    settingText('worker class', process.workerClass),
    settingText('preload', process.preload),
    settingText('reload', process.reload),
    settingText('bind', process.bind),
    settingText('concurrency', process.celery?.concurrency),
    settingText('pool', process.celery?.pool),
    settingText('autoscale', process.celery?.autoscale),
  ].filter((s) => s !== undefined);
  for (const setting of settings) lines.push(`      ${setting}`);
  if (process.hooks?.length) lines.push(`      hooks: ${process.hooks.map((h) => `${h.name} (line ${h.line})`).join(', ')}`);
  lines.push(`      processes: ${processCount(process).text}`);
  lines.push(`      ${process.processModel ? MODELS[process.processModel] : 'how the app is imported depends on values known only at run time'}`);
  return lines;
}

export function renderEntriesText(input: EntriesReportInput): string {
  const { paths } = input;
  const out: string[] = [];
  const entries = sorted(input.entries);
  out.push(entries.length ? `Entries (${entries.length} in ${new Set(entries.map((e) => e.path)).size} files):` : 'No entry found.');
  for (const entry of entries) {
    out.push(`  ${paths.show(entry.path)}:${entry.evidence.line}  [${entry.framework}] ${entry.description}`);
    out.push(`      ${entry.evidence.text}`);
    if (entry.registeredBy) out.push(`      loaded because of ${paths.show(entry.registeredBy.path)}:${entry.registeredBy.line}  ${entry.registeredBy.text}`);
  }
  out.push('');
  const deployment = input.deployment?.deployment;
  if (!deployment || deployment.read.length === 0) {
    out.push('No deployment file found: assuming one process per worker.');
  } else {
    out.push(`Deployment files read: ${deployment.read.map((f) => paths.show(f)).join(', ')}`);
    for (const process of deployment.processes) out.push(...processLines(process, paths));
    for (const other of deployment.unrecognized) out.push(`  ${paths.show(other.file)}:${other.line}: \`${other.command}\` starts ${other.program}, which importleak does not model`);
  }
  const problems = input.diagnostics;
  if (problems.length) {
    out.push('');
    for (const d of problems) out.push(`${paths.show(d.path)}${d.line ? `:${d.line}` : ''}: ${d.kind}: ${d.message}`);
  }
  return `${out.join('\n')}\n`;
}

export function renderEntriesJson(input: EntriesReportInput): string {
  const { paths } = input;
  const deployment = input.deployment?.deployment;
  const report = {
    entries: sorted(input.entries).map((entry) => ({
      path: paths.show(entry.path),
      line: entry.evidence.line,
      column: entry.evidence.column,
      framework: entry.framework,
      kind: entry.kind,
      description: entry.description,
      evidence: entry.evidence.text,
      routes: entry.routes,
      registeredBy: entry.registeredBy ? { ...entry.registeredBy, path: paths.show(entry.registeredBy.path) } : null,
    })),
    deployment: {
      read: deployment?.read ?? [],
      processes: (deployment?.processes ?? []).map((p) => ({ ...p, processes: processCount(p).text })),
      unrecognized: deployment?.unrecognized ?? [],
    },
    problems: input.diagnostics.map((d) => ({ ...d, path: paths.show(d.path) })),
    files: input.fileCount,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
