import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  diagnosticLine,
  summaryLine
} from "./shared-DETNGQFC.mjs";
import "./shared-5BPCKGJA.mjs";
import {
  forLog,
  forTerminal,
  shownMessage
} from "./shared-OK3D7NJJ.mjs";
import "./shared-RKF6PH7O.mjs";

// src/report/concise.ts
function renderConcise(input) {
  const { paths } = input;
  const out = input.findings.map(
    (finding) => `${forTerminal(paths.show(finding.path))}:${finding.span.line}:${finding.span.column}: ${finding.ruleId} [${finding.level}] ${forTerminal(shortMessage(shownMessage(finding.message)))}`
  );
  for (const diagnostic of input.diagnostics) out.push(diagnosticLine(diagnostic, paths));
  if (input.baseline?.fixed.length) {
    const n = input.baseline.fixed.length;
    out.push(`${n} baseline entr${n === 1 ? "y" : "ies"} no longer occur${n === 1 ? "s" : ""} (fixed); run with --write-baseline to prune ${n === 1 ? "it" : "them"}.`);
  }
  out.push(summaryLine(input));
  return forLog(`${out.join("\n")}
`);
}
var ABBREVIATION = /(?:^|[\s(])(?:e\.g|i\.e|etc|vs|cf)$/;
function shortMessage(message) {
  const flat = message.replace(/\s*[\r\n]+\s*/g, " ").trim();
  let inCode = false;
  let depth = 0;
  for (let i = 0; i < flat.length; i++) {
    const c = flat[i];
    if (c === "`") inCode = !inCode;
    else if (inCode) continue;
    else if (c === "(") depth++;
    else if (c === ")") depth = Math.max(0, depth - 1);
    else if (c === "." && depth === 0 && flat[i + 1] === " " && /[\p{Lu}\p{N}`]/u.test(flat[i + 2] ?? "") && !ABBREVIATION.test(flat.slice(0, i))) {
      return flat.slice(0, i + 1);
    }
  }
  return flat;
}
export {
  renderConcise,
  shortMessage
};
