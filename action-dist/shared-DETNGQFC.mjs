import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  chainSteps
} from "./shared-5BPCKGJA.mjs";
import {
  elideChain,
  forLog,
  forTerminal,
  omittedSteps,
  quotedCode,
  shownMessage
} from "./shared-OK3D7NJJ.mjs";

// src/report/text.ts
function renderText(input) {
  const { findings, paths } = input;
  const show = (rootRelative) => forTerminal(paths.show(rootRelative));
  const stepLines = (steps) => {
    const { head, omitted, tail } = elideChain(steps);
    const line = (step) => `    ${show(step.path)}:${step.line}  ${forTerminal(step.code ?? `(${step.message})`)}`;
    return [...head.map(line), ...omitted ? [`    ${omittedSteps(omitted)}`] : [], ...tail.map(line)];
  };
  const out = [];
  for (const finding of findings) {
    out.push(`${show(finding.path)}:${finding.span.line}:${finding.span.column}: ${finding.ruleId} [${finding.level}] ${forTerminal(shownMessage(finding.message))}`);
    const steps = chainSteps(finding);
    if (finding.reach.kind === "entry") {
      const loader = finding.reach.entry.registeredBy ? steps.shift() : void 0;
      const [entryStep, ...hops] = steps;
      out.push(`  import chain from the ${forTerminal(shownMessage(finding.reach.entry.description))} (${show(entryStep.path)}:${entryStep.line}):`);
      if (loader) out.push(`    (loaded by ${show(loader.path)}:${loader.line}  ${forTerminal(loader.code ?? "")})`);
      out.push(...stepLines(hops));
    } else if (finding.reach.kind === "lazy") {
      out.push("  reached only through a lazy import:");
      out.push(...stepLines(steps));
    }
    for (const line of detailLines(finding)) out.push(line);
    out.push("");
  }
  for (const line of reportTail(input)) out.push(line);
  return forLog(`${out.join("\n")}
`);
}
function detailLines(finding) {
  const lines = [];
  if (finding.condition && !finding.message.includes(`when \`${finding.condition}\``)) lines.push(`  when: ${forTerminal(shownMessage(finding.condition))}`);
  if (finding.cost) lines.push(`  cost: ${forTerminal(shownMessage(finding.cost))}`);
  if (finding.deployment) lines.push(`  deployment: ${forTerminal(shownMessage(finding.deployment))}`);
  if (finding.fix) lines.push(`  fix: ${forTerminal(shownMessage(finding.fix))}`);
  return lines;
}
function reportTail(input) {
  const { diagnostics, paths } = input;
  const out = [];
  for (const diagnostic of diagnostics) out.push(diagnosticLine(diagnostic, paths));
  if (diagnostics.length) out.push("");
  if (input.baseline?.fixed.length) {
    for (const line of fixedBaselineLines(input.baseline.fixed, paths)) out.push(line);
    out.push("");
  }
  if (input.deployment) out.push(forTerminal(shownMessage(`${input.deployment.charAt(0).toUpperCase()}${input.deployment.slice(1)}.`)));
  out.push(summaryLine(input));
  return out;
}
function diagnosticLine(diagnostic, paths) {
  const where = diagnostic.line ? `:${diagnostic.line}${diagnostic.column ? `:${diagnostic.column}` : ""}` : "";
  return `${forTerminal(paths.showProblem(diagnostic.path))}${where}: ${diagnostic.kind}: ${forTerminal(shownMessage(diagnostic.message))}`;
}
function fixedBaselineLines(fixed, paths) {
  const one = fixed.length === 1;
  return [
    `${fixed.length} baseline entr${one ? "y" : "ies"} no longer occur${one ? "s" : ""} (fixed); run with --write-baseline to prune ${one ? "it" : "them"}:`,
    ...fixed.map((e) => `  ${forTerminal(paths.show(e.path))}: ${forTerminal(quotedCode(e.rule))} \`${forTerminal(quotedCode(e.resource))}\``)
  ];
}
function summaryLine(input) {
  const { findings, diagnostics, entries, fileCount, baseline } = input;
  const count = (level) => findings.filter((f) => f.level === level).length;
  const parts = ["error", "warning", "note"].map((level) => [level, count(level)]).filter(([, n]) => n > 0).map(([level, n]) => `${n} ${level}${n === 1 ? "" : "s"}`);
  const found = parts.length ? `Found ${parts.join(", ")}${baseline ? " not in the baseline" : ""}` : `No import-time resource leaks found${baseline ? " beyond the baseline" : ""}`;
  const entryPaths = new Set(entries.filter((e) => e.candidate === void 0).map((e) => e.path));
  const entryFiles = entryPaths.size;
  const candidateFiles = new Set(entries.filter((e) => e.candidate !== void 0 && !entryPaths.has(e.path)).map((e) => e.path)).size;
  const candidates = candidateFiles ? `, ${candidateFiles} candidate entr${candidateFiles === 1 ? "y" : "ies"}` : "";
  const scanned = `${fileCount} Python file${fileCount === 1 ? "" : "s"} scanned, ${entryFiles} entr${entryFiles === 1 ? "y" : "ies"}${candidates}`;
  const problems = diagnostics.length ? `, ${diagnostics.length} file problem${diagnostics.length === 1 ? "" : "s"} (see above)` : "";
  const known = baseline?.known ? `, ${baseline.known} baseline finding${baseline.known === 1 ? "" : "s"} not shown` : "";
  return `${found} (${scanned}${problems}${known}).`;
}

export {
  renderText,
  detailLines,
  reportTail,
  diagnosticLine,
  fixedBaselineLines,
  summaryLine
};
