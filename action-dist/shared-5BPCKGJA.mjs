import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  excerpt,
  oneLine,
  quotedCode,
  shownMessage
} from "./shared-OK3D7NJJ.mjs";

// src/report/chainSteps.ts
function chainSteps(finding) {
  const steps = [];
  if (finding.reach.kind === "entry") {
    const { entry, chain } = finding.reach;
    if (entry.registeredBy) {
      const by = entry.registeredBy;
      steps.push({ path: by.path, line: by.line, column: by.column, message: `loads the entry (${shownMessage(entry.description)})`, code: quotedCode(by.text) });
    }
    steps.push({
      path: entry.path,
      line: entry.evidence.line,
      column: entry.evidence.column,
      message: `entry: ${shownMessage(entry.description)}`,
      code: quotedCode(entry.evidence.text)
    });
    for (const hop of chain) steps.push(...hopSteps(hop));
  } else if (finding.reach.kind === "lazy") {
    const { edge, rest } = finding.reach.imports[0];
    const where = edge.scope.kind === "function" ? ` inside ${excerpt(edge.scope.function)}()` : "";
    steps.push({
      path: edge.from,
      line: edge.line ?? 1,
      column: edge.column ?? 1,
      message: `imported lazily${where}: runs only when the function is called`,
      ...edge.text ? { code: quotedCode(edge.text) } : {}
    });
    for (const hop of rest) steps.push(...hopSteps(hop));
  }
  steps.push({
    path: finding.path,
    line: finding.span.line,
    column: finding.span.column,
    message: finding.callPath?.length ? "this call runs at import time" : finding.ruleId === "IL002" ? "the thread is started at import time" : "the resource is created at import time",
    code: quotedCode(finding.resource.statement)
  });
  for (const call of finding.callPath ?? []) {
    const [what, code] = call.message.startsWith("calls ") ? call.message.split(/: (.*)/s) : ["creates it here", call.message];
    steps.push({ path: call.path, line: call.span.line, column: call.span.column, message: excerpt(oneLine(what)), code: quotedCode(code ?? "") });
  }
  return steps;
}
function hopSteps(hop) {
  if (hop.kind === "enclosing-package") {
    return [{ path: hop.to, line: 1, column: 1, message: `package ${hop.to} runs first, because ${hop.from} is inside it` }];
  }
  const steps = (hop.via ?? []).map((call) => ({
    path: call.path,
    line: call.line,
    column: call.column,
    message: `calls ${excerpt(call.target)}() at import time`,
    code: quotedCode(call.text)
  }));
  const inside = hop.via?.length ? ` (inside ${excerpt(hop.via[hop.via.length - 1].target)}())` : "";
  steps.push({
    path: hop.at ?? hop.from,
    line: hop.line ?? 1,
    column: hop.column ?? 1,
    // A first hop inside a function: one a console script (or a `__main__` block) calls once its module is loaded.
    message: !hop.via?.length && hop.scope.kind === "function" ? `imports ${hop.to} inside ${excerpt(hop.scope.function)}(), which the process calls at start-up` : `imports ${hop.to} at import time${inside}`,
    ...hop.text ? { code: quotedCode(hop.text) } : {}
  });
  return steps;
}
function spanOf(step) {
  return { line: step.line, column: step.column, endLine: step.line, endColumn: step.column };
}

export {
  chainSteps,
  spanOf
};
