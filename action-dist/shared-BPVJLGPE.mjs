import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  chainSteps,
  spanOf
} from "./shared-5BPCKGJA.mjs";
import {
  LEVEL_ORDER
} from "./shared-6EZY67D5.mjs";
import {
  markdownToPlainText
} from "./shared-ZUSNGQG2.mjs";
import {
  chainStepsPerFinding,
  elideChain,
  escapeMessageText,
  excerpt,
  forJsonData,
  forSarifMessage,
  forTerminal,
  labelledExcerpt,
  markdownCode,
  shownMessage,
  wellFormed
} from "./shared-OK3D7NJJ.mjs";
import "./shared-RKF6PH7O.mjs";

// src/report/sarif.ts
var SRCROOT = "%SRCROOT%";
var MAX_DESCRIPTION = 1024;
var SARIF_LIMITS = {
  resultsPerRun: 25e3,
  locationsPerResult: 1e3,
  threadFlowLocationsPerResult: 1e4
};
function renderSarif(input) {
  const { paths } = input;
  const ruleIndex = new Map(input.rules.map((rule, i) => [rule.id, i]));
  const location = (rootRelative, span, message) => ({
    physicalLocation: {
      artifactLocation: { uri: encodeUri(paths.show(rootRelative)), uriBaseId: SRCROOT },
      region: {
        startLine: span.line,
        startColumn: span.column,
        ...span.endLine >= span.line ? { endLine: span.endLine } : {},
        ...span.endLine > span.line || span.endColumn > span.column ? { endColumn: span.endColumn } : {}
      }
    },
    ...message ? { message: { text: forSarifMessage(message) } } : {}
  });
  const findings = keepResults(input.findings, SARIF_LIMITS.resultsPerRun);
  const stepsPerResult = Math.min(chainStepsPerFinding(findings.length), SARIF_LIMITS.threadFlowLocationsPerResult);
  const cut = { results: 0, dropped: { error: 0, warning: 0, note: 0 }, relatedLocations: 0, threadFlowLocations: 0, stepsPerResult };
  if (findings.length < input.findings.length) {
    const kept = new Set(findings);
    for (const finding of input.findings) if (!kept.has(finding)) cut.dropped[finding.level]++;
    cut.results = input.findings.length - findings.length;
  }
  const results = sameAlert(findings).map((group) => {
    const finding = group[0];
    const { related, dropped } = relatedLocations(group, SARIF_LIMITS.locationsPerResult);
    cut.relatedLocations += dropped;
    const own = forSarifMessage(shownMessage(finding.message));
    const more = group.length > 1 ? moreSentence(group.slice(1), MAX_SARIF_MESSAGE - own.length - 1) : "";
    const text = more ? `${own} ${more}` : own;
    const links = linkSentence(related, paths, MAX_SARIF_MESSAGE - text.length - 1);
    const result = {
      ruleId: finding.ruleId,
      ruleIndex: ruleIndex.get(finding.ruleId) ?? 0,
      level: finding.level,
      message: { text: `${text}${links ? ` ${links}` : ""}` },
      locations: [location(finding.path, finding.span)],
      partialFingerprints: {
        primaryLocationLineHash: lineHashOf(finding)
      },
      relatedLocations: related.map(({ id, at }) => ({ id, ...location(at.path, at.span, labelledExcerpt(at.message)) })),
      properties: {
        module: forTerminal(finding.module),
        reach: finding.reach.kind,
        ...finding.cost ? { cost: forSarifMessage(shownMessage(finding.cost)) } : {},
        ...finding.deployment ? { deployment: forSarifMessage(shownMessage(finding.deployment)) } : {},
        ...finding.condition ? { condition: forTerminal(finding.condition) } : {}
      }
    };
    const codeFlows = [];
    for (const one of group) {
      const allSteps = chainSteps(one);
      if (allSteps.length <= 1) continue;
      const numbered = allSteps.map((step, i) => ({ step, order: i + 1 }));
      const { head, omitted, tail } = elideChain(numbered, cut.stepsPerResult);
      const steps = [...head, ...tail];
      cut.threadFlowLocations += omitted;
      codeFlows.push({
        message: { text: one.reach.kind === "entry" ? "How the entry reaches the resource at import time" : "How the resource is reached" },
        threadFlows: [
          {
            locations: steps.map(({ step, order }) => ({
              location: location(step.path, spanOf(step), step.code ? `${step.message}: ${step.code}` : step.message),
              executionOrder: order,
              nestingLevel: 0
            }))
          }
        ]
      });
    }
    if (codeFlows.length) result.codeFlows = codeFlows;
    return result;
  });
  const notifications = input.diagnostics.map((diagnostic) => ({
    level: diagnostic.kind === "outside-root" || diagnostic.kind === "duplicate-module" ? "warning" : "error",
    message: { text: forSarifMessage(shownMessage(`${paths.showProblem(diagnostic.path)}: ${diagnostic.message}`)) },
    descriptor: { id: diagnostic.kind },
    locations: [
      location(diagnostic.path, { line: diagnostic.line ?? 1, column: diagnostic.column ?? 1, endLine: diagnostic.line ?? 1, endColumn: diagnostic.column ?? 1 })
    ]
  }));
  const truncated = cut.results + cut.relatedLocations + cut.threadFlowLocations > 0;
  if (truncated) notifications.push({ level: "note", message: { text: limitsNote(cut) }, descriptor: { id: "sarif-limits" } });
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "importleak",
            version: input.version,
            semanticVersion: input.version,
            informationUri: "https://www.npmjs.com/package/importleak",
            rules: input.rules.map(reportingDescriptor)
          }
        },
        ...input.category !== void 0 ? { automationDetails: { id: automationId(input.category) } } : {},
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        originalUriBaseIds: { [SRCROOT]: { uri: paths.baseUri } },
        columnKind: "utf16CodeUnits",
        results,
        ...truncated ? { properties: { truncated: { results: cut.results, relatedLocations: cut.relatedLocations, threadFlowLocations: cut.threadFlowLocations } } } : {}
      }
    ]
  };
  return forJsonData(log);
}
function automationId(category) {
  return category.endsWith("/") ? category : `${category}/`;
}
function keepResults(findings, max) {
  if (findings.length <= max) return findings;
  const kept = new Set(
    [...findings.keys()].sort((a, b) => LEVEL_ORDER[findings[b].level] - LEVEL_ORDER[findings[a].level] || a - b).slice(0, max)
  );
  return findings.filter((_, i) => kept.has(i));
}
var ROLES = [
  ["entry: ", "entry", "Entry:"],
  ["imported lazily: ", "lazy", "Imported lazily at"],
  ["created here: ", "created", "Created at"],
  ["started here: ", "started", "Started at"],
  ["forks after importing the app: ", "fork", "Forked by"]
];
var roleOf = (related) => ROLES.find(([prefix]) => related.message.startsWith(prefix))?.[1];
function lineHashOf(finding) {
  return finding.lineHash ?? fallbackHash(finding);
}
function sameAlert(findings) {
  const groups = /* @__PURE__ */ new Map();
  for (const finding of findings) {
    const key = `${finding.ruleId}\0${finding.path}\0${lineHashOf(finding)}`;
    const group = groups.get(key);
    if (group) group.push(finding);
    else groups.set(key, [finding]);
  }
  return [...groups.values()];
}
function moreSentence(others, budget) {
  const one = others.length === 1;
  const short = `And ${others.length} more from this line, with ${one ? "its" : "their"} own ${one ? "path" : "paths"}`;
  const quoted = others.map((other) => `\`${forSarifMessage(excerpt(other.resource.text, 60))}\``).join(", ");
  if (short.length + quoted.length + 3 <= budget) return `${short}: ${quoted}.`;
  return short.length + 1 <= budget ? `${short}.` : "";
}
function relatedLocations(group, max) {
  const all = [];
  const seen = /* @__PURE__ */ new Set();
  for (const finding of group) {
    const own = finding.related.map((at) => ({ at, role: roleOf(at) }));
    const linked = own.some(({ role }) => role !== void 0);
    if (linked && !own.some(({ role }) => role === "created" || role === "started")) {
      own.push({ at: { path: finding.path, span: finding.span, message: `created here: ${finding.resource.statement}` }, role: "created" });
    }
    for (const entry of own) {
      const key = `${entry.at.path}\0${entry.at.span.line}\0${entry.at.span.column}\0${entry.at.message}`;
      if (finding !== group[0] && seen.has(key)) continue;
      seen.add(key);
      all.push(entry);
    }
  }
  let kept = all;
  if (all.length > max) {
    const byPriority = [...all.keys()].sort((a, b) => Number(all[a].role === void 0) - Number(all[b].role === void 0) || a - b);
    const keep = new Set(byPriority.slice(0, max));
    kept = all.filter((_, i) => keep.has(i));
  }
  return { related: kept.map((entry, i) => ({ id: i + 1, ...entry })), dropped: all.length - kept.length };
}
var MAX_SARIF_MESSAGE = 320;
function linkSentence(related, paths, budget) {
  const sentences = [];
  let used = 0;
  for (const [, role, words] of ROLES) {
    const links = [];
    for (const { id, at } of related.filter((r) => r.role === role)) {
      const link = `[${forSarifMessage(`${paths.show(at.path).split("/").slice(-2).join("/")}:${at.span.line}`)}](${id})`;
      const sentence = `${words} ${[...links, link].join(", ")}.`;
      if (used + sentence.length + (sentences.length ? 1 : 0) > budget) break;
      links.push(link);
    }
    if (links.length) {
      const sentence = `${words} ${links.join(", ")}.`;
      used += sentence.length + (sentences.length ? 1 : 0);
      sentences.push(sentence);
    }
  }
  return sentences.join(" ");
}
function limitsNote(cut) {
  const parts = [];
  if (cut.results) {
    const levels = ["error", "warning", "note"].filter((level) => cut.dropped[level]).map((level) => `${cut.dropped[level]} ${level}`);
    parts.push(`${cut.results} results left out (${levels.join(", ")}; GitHub reads at most ${SARIF_LIMITS.resultsPerRun.toLocaleString("en-US")} per run, the highest levels were kept)`);
  }
  if (cut.relatedLocations) parts.push(`${cut.relatedLocations} related locations left out (at most ${SARIF_LIMITS.locationsPerResult.toLocaleString("en-US")} per result)`);
  if (cut.threadFlowLocations) {
    const half = cut.stepsPerResult / 2;
    parts.push(`${cut.threadFlowLocations} import-chain steps left out of code flows (at most ${cut.stepsPerResult} per result: the first ${half} and the last ${half})`);
  }
  const rest = cut.results || cut.relatedLocations ? " The text and json formats report every result and related location." : "";
  return `Cut to stay within GitHub's limits: ${parts.join("; ")}.${rest}`;
}
function reportingDescriptor(rule) {
  const matches = rule.matches.map((m) => `- ${markdownCode(m.callee)}`).join("\n");
  const markdown = `${rule.docs.markdown}

## Matches
${matches}
`;
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.title },
    fullDescription: { text: truncate(markdownToPlainText(rule.docs.whatItDoes), MAX_DESCRIPTION) },
    help: { text: markdownToPlainText(markdown), markdown },
    defaultConfiguration: { level: "error" },
    properties: {
      tags: ["reliability", "performance", "import-time", rule.resource],
      precision: "high",
      "problem.severity": "error"
    }
  };
}
function encodeUri(relative) {
  return wellFormed(relative).split("/").map(encodeURIComponent).join("/");
}
function truncate(text, max) {
  return text.length <= max ? text : `${text.slice(0, max - 1)}\u2026`;
}
function fallbackHash(finding) {
  let hash = 0;
  for (const ch of `${finding.ruleId}:${finding.path}:${finding.resource.text}`) hash = Math.imul(hash, 31) + ch.charCodeAt(0) | 0;
  return `${(hash >>> 0).toString(16)}:1`;
}
export {
  MAX_SARIF_MESSAGE,
  SARIF_LIMITS,
  automationId,
  escapeMessageText,
  renderSarif
};
