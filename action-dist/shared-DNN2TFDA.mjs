import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  chainSteps
} from "./shared-5BPCKGJA.mjs";
import {
  loadRules
} from "./shared-ZUSNGQG2.mjs";
import {
  boundMessage,
  elideChain,
  forTerminal,
  forWorkflowCommand,
  omittedSteps,
  quotedCode
} from "./shared-OK3D7NJJ.mjs";

// src/report/github.ts
function renderGithub(input) {
  const rules = input.rules ?? loadRules();
  const out = input.findings.map((finding) => findingAnnotation(finding, input.paths, rules));
  for (const diagnostic of input.diagnostics) out.push(diagnosticAnnotation(diagnostic, input.paths));
  const fixed = input.baseline?.fixed ?? [];
  if (fixed.length) {
    const one = fixed.length === 1;
    const list = fixed.map((e) => `${input.paths.show(e.path)}: ${quotedCode(e.rule)} \`${quotedCode(e.resource)}\``).join("\n");
    out.push(
      workflowCommand("notice", { title: "importleak baseline" }, `${fixed.length} baseline entr${one ? "y" : "ies"} no longer occur${one ? "s" : ""} (fixed); run with --write-baseline to prune ${one ? "it" : "them"}:
${list}`)
    );
  }
  return out.length ? `${out.join("\n")}
` : "";
}
function findingAnnotation(finding, paths, rules = loadRules()) {
  const title = rules.find((r) => r.id === finding.ruleId)?.title;
  const chain = chainLine(finding, paths);
  return workflowCommand(
    ANNOTATION[finding.level],
    { file: paths.show(finding.path), ...lineProperties(finding.span.line, finding.span.endLine, finding.span.column, finding.span.endColumn), title: title ? `${finding.ruleId} ${title}` : finding.ruleId },
    chain ? `${boundMessage(finding.message)}
${chain}` : boundMessage(finding.message)
  );
}
function diagnosticAnnotation(diagnostic, paths) {
  const file = paths.show(diagnostic.path);
  return workflowCommand(
    "warning",
    {
      ...file && file !== "." ? { file } : {},
      ...diagnostic.line ? { line: diagnostic.line, ...diagnostic.column ? { col: diagnostic.column } : {} } : {},
      title: `importleak ${diagnostic.kind}`
    },
    boundMessage(diagnostic.message)
  );
}
function workflowCommand(command, properties, message) {
  const props = Object.entries(properties).filter(([, value]) => value !== void 0 && value !== "").map(([key, value]) => `${key}=${escapeProperty(forTerminal(String(value)))}`).join(",");
  return `::${command}${props ? ` ${props}` : ""}::${escapeData(forWorkflowCommand(message))}`;
}
function escapeData(text) {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(text) {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
var ANNOTATION = { error: "error", warning: "warning", note: "notice" };
function lineProperties(line, endLine, column, endColumn) {
  const end = Math.max(line, endLine);
  return { line, endLine: end, ...end === line && column ? { col: column, endColumn: Math.max(column, endColumn ?? column) } : {} };
}
function chainLine(finding, paths) {
  const imports = finding.reach.kind === "entry" ? finding.reach.chain.filter((hop) => hop.kind === "import").length : finding.reach.kind === "lazy" ? 1 + finding.reach.imports[0].rest.filter((hop) => hop.kind === "import").length : 0;
  if (imports < 2) return void 0;
  const steps = chainSteps(finding);
  const places = steps.filter((step, i) => i === 0 || step.path !== steps[i - 1].path || step.line !== steps[i - 1].line);
  const { head, omitted, tail } = elideChain(places);
  const place = (step) => `${paths.show(step.path)}:${step.line}`;
  return `Import chain: ${[...head.map(place), ...omitted ? [omittedSteps(omitted)] : [], ...tail.map(place)].join(" \u2192 ")}`;
}

export {
  renderGithub,
  findingAnnotation,
  diagnosticAnnotation,
  workflowCommand,
  escapeData,
  escapeProperty
};
