import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  oneLine,
  processCount
} from "./shared-T2J7SGRF.mjs";
import "./shared-MZR5LFWB.mjs";
import "./shared-ZYG3IDYS.mjs";
import "./shared-PMYI2HPO.mjs";
import "./shared-WIBISVNQ.mjs";
import "./shared-2BFWLXK6.mjs";
import {
  excerpt,
  forJson,
  forLog,
  forTerminal,
  quotedCode,
  shownMessage
} from "./shared-OK3D7NJJ.mjs";
import "./shared-RKF6PH7O.mjs";

// src/report/entries.ts
var MODELS = {
  "imported-then-forked": "the app is imported once, then the workers are forked from that process",
  "imported-in-each-worker": "each worker process imports the app itself",
  "single-process": "one process imports and serves the app"
};
function sorted(entries) {
  return [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || a.evidence.line - b.evidence.line);
}
function settingText(name, setting) {
  if (!setting) return void 0;
  const value = "value" in setting ? Array.isArray(setting.value) ? setting.value.join(", ") : String(setting.value) : `\`${quotedCode(setting.expression)}\` (known at run time)`;
  return forTerminal(shownMessage(`${name} ${value} (${setting.file}:${setting.line}, ${quotedCode(setting.via.trim())}${setting.conditional ? ", conditional" : ""})`));
}
function processLines(process, paths) {
  const lines = [];
  const name = process.name ? ` ${forTerminal(quotedCode(process.name))}` : "";
  const app = process.appSpec ? ` \`${forTerminal(quotedCode(process.appSpec.written))}\`` : " (no app named)";
  lines.push(`  ${forTerminal(paths.show(process.file))}:${process.line}${name}: ${process.server}${app}`);
  if (process.command) lines.push(`      command: ${forTerminal(shownMessage(oneLine(process.command)))}`);
  if (process.launchedBy) lines.push(`      run by ${forTerminal(process.launchedBy.file)}:${process.launchedBy.line}`);
  const started = process.starts;
  if (started) {
    const app2 = started.appSpec ? ` \`${forTerminal(quotedCode(started.appSpec.written))}\`` : "";
    lines.push(`      starts ${started.server}${app2}: ${forTerminal(quotedCode(started.call))} (${forTerminal(started.file)}:${started.line})`);
  }
  if (process.configFile) {
    const { written, resolved } = process.configFile;
    lines.push(`      config: ${forTerminal(quotedCode(written))}${resolved ? ` (${forTerminal(resolved)})` : " (not in the project)"}`);
  }
  const settings = [
    settingText("workers", process.starts?.workers ?? process.workers),
    settingText("threads", process.threads),
    settingText("worker class", process.workerClass),
    settingText("preload", process.preload),
    settingText("master", process.master),
    settingText("interface", process.interface),
    settingText("reload", process.starts?.reload ?? process.reload),
    settingText("bind", process.bind),
    settingText("concurrency", process.celery?.concurrency),
    settingText("pool", process.celery?.pool),
    settingText("autoscale", process.celery?.autoscale)
  ].filter((s) => s !== void 0);
  for (const setting of settings) lines.push(`      ${setting}`);
  if (process.hooks?.length) lines.push(`      hooks: ${process.hooks.map((h) => `${forTerminal(excerpt(h.name))} (line ${h.line})`).join(", ")}`);
  lines.push(`      processes: ${forTerminal(shownMessage(processCount(process).text))}`);
  lines.push(`      ${process.processModel ? MODELS[process.processModel] : "how the app is imported depends on values known only at run time"}`);
  return lines;
}
function entriesAssumed(entries) {
  const loaded = entries.filter((e) => e.candidate === void 0);
  return loaded.length > 0 && loaded.every((e) => e.kind === "routes" && e.registeredBy === void 0);
}
function renderEntriesText(input) {
  const { paths } = input;
  const show = (rootRelative) => forTerminal(paths.show(rootRelative));
  const out = [];
  const entries = sorted(input.entries);
  out.push(entries.length ? `Entries (${entries.length} in ${new Set(entries.map((e) => e.path)).size} files):` : "No entry found.");
  for (const entry of entries) {
    out.push(`  ${show(entry.path)}:${entry.evidence.line}  [${entry.framework}] ${forTerminal(shownMessage(entry.description))}`);
    out.push(`      ${forTerminal(quotedCode(entry.evidence.text))}`);
    if (entry.registeredBy) out.push(`      loaded because of ${show(entry.registeredBy.path)}:${entry.registeredBy.line}  ${forTerminal(quotedCode(entry.registeredBy.text))}`);
    if (entry.candidate) out.push(`      candidate only: ${forTerminal(shownMessage(entry.candidate))}; no finding is an error through it`);
  }
  if (entriesAssumed(entries)) out.push("No loader found (an app, an app factory, Django settings, a Celery app, a deployment app spec): the entries above are assumed to be loaded.");
  out.push("");
  const deployment = input.deployment?.deployment;
  if (!deployment || deployment.read.length === 0) {
    out.push("No deployment file found: assuming one process per worker.");
  } else {
    out.push(`Deployment files read: ${deployment.read.map(show).join(", ")}`);
    for (const process of deployment.processes) out.push(...processLines(process, paths));
    for (const other of deployment.unrecognized) {
      out.push(`  ${show(other.file)}:${other.line}: \`${forTerminal(shownMessage(oneLine(other.command)))}\` starts ${forTerminal(quotedCode(other.program))}, which importleak does not model`);
    }
  }
  const problems = input.diagnostics;
  if (problems.length) {
    out.push("");
    for (const d of problems) out.push(`${forTerminal(paths.showProblem(d.path))}${d.line ? `:${d.line}` : ""}: ${d.kind}: ${forTerminal(shownMessage(d.message))}`);
  }
  return forLog(`${out.join("\n")}
`);
}
function renderEntriesJson(input) {
  const { paths } = input;
  const deployment = input.deployment?.deployment;
  const report = {
    entries: sorted(input.entries).map((entry) => ({
      path: paths.show(entry.path),
      line: entry.evidence.line,
      column: entry.evidence.column,
      framework: entry.framework,
      kind: entry.kind,
      description: shownMessage(entry.description),
      evidence: quotedCode(entry.evidence.text),
      routes: entry.routes,
      registeredBy: entry.registeredBy ? { ...entry.registeredBy, path: paths.show(entry.registeredBy.path), text: quotedCode(entry.registeredBy.text) } : null,
      candidate: entry.candidate ? shownMessage(entry.candidate) : null
    })),
    assumed: entriesAssumed(input.entries),
    deployment: {
      read: deployment?.read ?? [],
      processes: (deployment?.processes ?? []).map((p) => ({ ...p, processes: processCount(p).text })),
      unrecognized: deployment?.unrecognized ?? []
    },
    problems: input.diagnostics.map((d) => ({ ...d, path: paths.show(d.path), message: shownMessage(d.message) })),
    files: input.fileCount
  };
  return forJson(report);
}
export {
  entriesAssumed,
  renderEntriesJson,
  renderEntriesText
};
