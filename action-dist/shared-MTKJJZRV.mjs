import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  reportTail
} from "./shared-DETNGQFC.mjs";
import "./shared-5BPCKGJA.mjs";
import {
  LEVEL_ORDER
} from "./shared-6EZY67D5.mjs";
import {
  forLog
} from "./shared-OK3D7NJJ.mjs";
import "./shared-RKF6PH7O.mjs";

// src/report/statistics.ts
function ruleStatistics(findings, rules) {
  const counts = /* @__PURE__ */ new Map();
  for (const finding of findings) {
    const key = `${finding.ruleId}\0${finding.level}`;
    const row = counts.get(key) ?? { rule: finding.ruleId, level: finding.level, name: rules.find((r) => r.id === finding.ruleId)?.name ?? finding.ruleId, count: 0 };
    row.count++;
    counts.set(key, row);
  }
  return [...counts.values()].sort(
    (a, b) => b.count - a.count || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) || LEVEL_ORDER[b.level] - LEVEL_ORDER[a.level]
  );
}
function renderStatistics(input) {
  const rows = ruleStatistics(input.findings, input.rules);
  const countWidth = Math.max(0, ...rows.map((r) => String(r.count).length));
  const levelWidth = Math.max(0, ...rows.map((r) => r.level.length + 2));
  const out = rows.map((r) => `${String(r.count).padStart(countWidth)}	${r.rule}	${`[${r.level}]`.padEnd(levelWidth)} ${r.name}`);
  if (rows.length) out.push("");
  for (const line of reportTail(input)) out.push(line);
  return forLog(`${out.join("\n")}
`);
}
export {
  renderStatistics,
  ruleStatistics
};
