import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  splitCommandLine
} from "./shared-2JHG5NMU.mjs";
import {
  escapeData,
  renderGithub
} from "./shared-DNN2TFDA.mjs";
import {
  renderText
} from "./shared-DETNGQFC.mjs";
import {
  chainSteps
} from "./shared-5BPCKGJA.mjs";
import {
  main
} from "./shared-NV4IARTO.mjs";
import "./shared-ANSIZDXT.mjs";
import "./shared-6EZY67D5.mjs";
import "./shared-7ZG2VCCI.mjs";
import "./shared-FWG6GVRL.mjs";
import "./shared-ZUSNGQG2.mjs";
import "./shared-DIJAFYFB.mjs";
import {
  deploymentSummary
} from "./shared-T2J7SGRF.mjs";
import "./shared-MZR5LFWB.mjs";
import "./shared-ZYG3IDYS.mjs";
import "./shared-PMYI2HPO.mjs";
import "./shared-WIBISVNQ.mjs";
import "./shared-2BFWLXK6.mjs";
import {
  elideChain,
  excerpt,
  htmlMessage,
  htmlText,
  markdownCode,
  markdownInline,
  markdownMessage,
  markdownText,
  mermaidLabel,
  omittedSteps,
  shownMessage
} from "./shared-OK3D7NJJ.mjs";
import "./shared-RKF6PH7O.mjs";

// src/action/main.ts
import { randomUUID } from "node:crypto";
import { appendFileSync, mkdirSync, realpathSync } from "node:fs";
import path from "node:path";

// src/report/summary.ts
var DEFAULT_MAX_BYTES = 900 * 1024;
var MAX_GRAPH_EDGES = 200;
var CHAIN_ENDS = 5;
var LEVELS = ["error", "warning", "note"];
function renderStepSummary(input) {
  const maxBytes = input.maxBytes ?? DEFAULT_MAX_BYTES;
  const { findings, paths } = input;
  const head = ["## importleak", ""];
  const count = (level) => findings.filter((f) => f.level === level).length;
  const totals = LEVELS.map((level) => `${count(level)} ${level}${count(level) === 1 ? "" : "s"}`).join(", ");
  const fresh = input.baseline ? ` not in the baseline \`${markdownInline(input.baseline.file)}\`` : "";
  head.push(`**${totals}**${fresh} in ${input.fileCount} Python file${input.fileCount === 1 ? "" : "s"}.`);
  if (input.baseline) {
    head.push("", `The baseline already lists ${input.baseline.known} finding${input.baseline.known === 1 ? "" : "s"}; ${input.baseline.fixed} of its entries no longer occur (run \`importleak check --write-baseline\` to prune them).`);
  }
  head.push("", `${markdownMessage(capitalise(input.deployment))}.`);
  if (input.diagnostics.length) head.push("", `${input.diagnostics.length} file problem${input.diagnostics.length === 1 ? "" : "s"}: listed at the end.`);
  if (input.sarifFile) head.push("", `SARIF: \`${markdownInline(input.sarifFile)}\`.`);
  if (findings.length) {
    head.push("", "| Rule | Title | Errors | Warnings | Notes |", "| --- | --- | ---: | ---: | ---: |");
    const byRule = /* @__PURE__ */ new Map();
    for (const f of findings) byRule.set(f.ruleId, [...byRule.get(f.ruleId) ?? [], f]);
    for (const [ruleId, list] of [...byRule].sort(([a], [b]) => a.localeCompare(b))) {
      const title = input.rules.find((r) => r.id === ruleId)?.title ?? "";
      const n = (level) => list.filter((f) => f.level === level).length;
      head.push(`| ${ruleId} | ${markdownText(title)} | ${n("error")} | ${n("warning")} | ${n("note")} |`);
    }
  }
  const graph = chainGraph(input);
  const sections = [];
  if (graph) sections.push(["", "### Import chains to the errors", "", "```mermaid", graph, "```"].join("\n"));
  const ordered = [...findings].sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level]);
  const blocks = ordered.map((finding) => findingBlock(finding, paths));
  const problems = input.diagnostics.map((d) => `- \`${markdownInline(paths.showProblem(d.path))}${d.line ? `:${d.line}` : ""}\` ${d.kind}: ${markdownMessage(d.message)}`);
  const out = [head.join("\n")];
  let size = byteLength(out[0]);
  const budget = maxBytes - 512;
  const add = (text) => {
    const n = byteLength(text) + 1;
    if (size + n > budget) return false;
    out.push(text);
    size += n;
    return true;
  };
  for (const section of sections) add(section);
  let shown = 0;
  if (blocks.length) add("\n### Findings\n");
  for (const block of blocks) {
    if (!add(block)) break;
    shown++;
  }
  let problemsShown = 0;
  if (problems.length && add("\n### File problems\n")) {
    for (const line of problems) {
      if (!add(line)) break;
      problemsShown++;
    }
  }
  const cut = blocks.length - shown + (problems.length - problemsShown);
  if (cut > 0) {
    out.push(
      "",
      `> [!NOTE]
> ${blocks.length - shown} finding${blocks.length - shown === 1 ? "" : "s"} and ${problems.length - problemsShown} file problem${problems.length - problemsShown === 1 ? "" : "s"} are not shown, to stay under GitHub's 1 MiB limit for a step summary. The SARIF file and code scanning have them all.`
    );
  }
  return `${out.join("\n")}
`;
}
var LEVEL_RANK = { error: 0, warning: 1, note: 2 };
function findingBlock(finding, paths) {
  const where = `${paths.show(finding.path)}:${finding.span.line}`;
  const lines = [`<details${finding.level === "error" ? " open" : ""}><summary><b>${finding.ruleId}</b> [${finding.level}] <code>${htmlText(where)}</code> ${htmlMessage(firstSentence(shownMessage(finding.message)))}</summary>`, ""];
  lines.push(markdownMessage(finding.message), "");
  const steps = chainSteps(finding);
  if (steps.length > 1) {
    const { head, omitted, tail } = elideChain(steps.map((step, i) => ({ step, n: i + 1 })));
    const item = ({ step, n }) => {
      const code = step.code ? ` ${markdownCode(step.code)}` : "";
      return `${n}. \`${markdownInline(`${paths.show(step.path)}:${step.line}`)}\` ${markdownMessage(step.message)}${code}`;
    };
    lines.push(...head.map(item));
    if (omitted) lines.push("", `${omittedSteps(omitted)}`, "");
    lines.push(...tail.map(item), "");
  }
  const details = [
    ["Cost", finding.cost],
    ["Deployment", finding.deployment],
    ["Fix", finding.fix]
  ].filter(([, text]) => text);
  if (details.length) lines.push(...details.map(([label, text]) => `**${label}:** ${markdownMessage(text)}`).join("\n\n").split("\n"), "");
  lines.push("</details>");
  return lines.join("\n");
}
function chainGraph(input) {
  const errors = input.findings.filter((f) => f.level === "error" && f.reach.kind === "entry");
  if (!errors.length) return void 0;
  const ids = /* @__PURE__ */ new Map();
  const nodeLines = [];
  const edges = /* @__PURE__ */ new Set();
  const node = (key, label, shape) => {
    let id = ids.get(key);
    if (!id) {
      id = `n${ids.size}`;
      ids.set(key, id);
      const text = mermaidLabel(label);
      nodeLines.push(shape === "resource" ? `  ${id}{{"${text}"}}` : shape === "entry" ? `  ${id}(["${text}"])` : `  ${id}["${text}"]`);
      if (shape !== "module") nodeLines.push(`  class ${id} ${shape}`);
    }
    return id;
  };
  const moduleLabel = (p) => input.moduleOf(p) ?? input.paths.show(p);
  for (const finding of errors) {
    if (finding.reach.kind !== "entry") continue;
    if (edges.size >= MAX_GRAPH_EDGES) break;
    const { entry, chain } = finding.reach;
    let previous = node(`entry:${entry.path}`, `${moduleLabel(entry.path)}
${entry.description}`, "entry");
    const hops = chain.length > 2 * CHAIN_ENDS + 1 ? [...chain.slice(0, CHAIN_ENDS), void 0, ...chain.slice(-CHAIN_ENDS)] : chain;
    for (const hop of hops) {
      const next = hop ? node(`module:${hop.to}`, moduleLabel(hop.to), "module") : node(`gap:${finding.path}:${finding.span.line}:${finding.span.column}`, `\u2026 ${chain.length - 2 * CHAIN_ENDS} more imports`, "module");
      edges.add(`  ${previous} --> ${next}`);
      previous = next;
    }
    if (!chain.length && entry.path !== finding.path) previous = node(`module:${finding.path}`, moduleLabel(finding.path), "module");
    const resource = node(`resource:${finding.path}:${finding.span.line}:${finding.span.column}`, `${finding.ruleId} ${finding.resource.text}
${input.paths.show(finding.path)}:${finding.span.line}`, "resource");
    edges.add(`  ${previous} --> ${resource}`);
    if (edges.size >= MAX_GRAPH_EDGES) break;
  }
  const lines = ["flowchart LR", ...nodeLines, ...[...edges].slice(0, MAX_GRAPH_EDGES), "  classDef entry fill:#e8f0fe,stroke:#1a73e8", "  classDef resource fill:#fde8e8,stroke:#d93025"];
  return lines.join("\n");
}
function firstSentence(message) {
  const match = /^(.{20,300}?[.;:])(\s|$)/s.exec(message);
  return match ? match[1] : excerpt(message, 300);
}
function capitalise(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
function byteLength(text) {
  return Buffer.byteLength(text, "utf8");
}

// src/action/changedLines.ts
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
function changedLines(workspace, env) {
  const base = baseCommit(env);
  if (!base) return void 0;
  const run = spawnSync("git", ["-C", workspace, "diff", "--no-ext-diff", "--no-textconv", "--no-color", "--unified=0", base, "HEAD", "--"], {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    env: { ...env, GIT_TERMINAL_PROMPT: "0" }
  });
  if (run.status !== 0) return void 0;
  return parseUnifiedDiff(run.stdout);
}
function baseCommit(env) {
  if (!env.GITHUB_EVENT_PATH) return void 0;
  let event;
  try {
    event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8"));
  } catch {
    return void 0;
  }
  const sha = event.pull_request?.base?.sha ?? event.before;
  return typeof sha === "string" && /^[0-9a-f]{7,64}$/i.test(sha) && !/^0+$/.test(sha) ? sha : void 0;
}
function parseUnifiedDiff(diff) {
  const changed = /* @__PURE__ */ new Map();
  let lines;
  for (const line of diff.split("\n")) {
    if (line.startsWith("+++ ")) {
      const target = line.slice(4);
      if (target === "/dev/null") {
        lines = void 0;
        continue;
      }
      const file = unquote(target).replace(/^b\//, "");
      lines = changed.get(file) ?? /* @__PURE__ */ new Set();
      changed.set(file, lines);
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk && lines) {
      const start = Number(hunk[1]);
      const count = hunk[2] === void 0 ? 1 : Number(hunk[2]);
      for (let n = start; n < start + count; n++) lines.add(n);
    }
  }
  return changed;
}
function unquote(name) {
  if (!name.startsWith('"') || !name.endsWith('"')) return name;
  const bytes = [];
  const body = name.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch !== "\\") {
      bytes.push(...Buffer.from(ch, "utf8"));
      continue;
    }
    const next = body[++i] ?? "";
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else {
      bytes.push({ n: 10, t: 9, r: 13, '"': 34, "\\": 92, a: 7, b: 8, f: 12, v: 11 }[next] ?? next.charCodeAt(0));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

// src/action/main.ts
var ActionInputError = class extends Error {
};
function readInputs(env) {
  const input = (name, fallback = "") => {
    const upper = name.toUpperCase();
    const value = env[`INPUT_${upper.replace(/-/g, "_")}`] ?? env[`INPUT_${upper}`];
    return value === void 0 || value.trim() === "" ? fallback : value.trim();
  };
  const upload = input("upload-sarif", "true");
  if (!/^(true|false)$/i.test(upload)) throw new ActionInputError(`input upload-sarif: expected true or false, got ${JSON.stringify(upload)}`);
  const failOn = input("fail-on");
  if (failOn && !["error", "warning", "note", "never"].includes(failOn)) throw new ActionInputError(`input fail-on: expected error, warning, note or never, got ${JSON.stringify(failOn)}`);
  return {
    paths: input("paths", ".").split(/\s+/).filter(Boolean),
    workingDirectory: input("working-directory", "."),
    config: input("config"),
    failOn,
    baseline: input("baseline"),
    sarifFile: input("sarif-file", "importleak.sarif"),
    uploadSarif: upload.toLowerCase() === "true",
    category: input("category"),
    pythonVersion: input("python-version"),
    args: splitArgs(input("args"))
  };
}
function splitArgs(text) {
  if (!text) return [];
  const split = splitCommandLine(text, "words");
  if (split.problem) throw new ActionInputError(`input args: ${split.problem.message}`);
  return split.commands.flatMap((c) => c.words.map((w) => w.text));
}
function checkArguments(inputs, workspace) {
  const root = path.resolve(workspace, inputs.workingDirectory);
  const fromRoot = (p) => path.relative(workspace, path.resolve(root, p)) || ".";
  const argv = ["check", ...inputs.paths.map(fromRoot), "--root", fromRoot("."), "--format", "sarif", "--output", inputs.sarifFile];
  if (inputs.config) argv.push("--config", fromRoot(inputs.config));
  if (inputs.failOn) argv.push("--fail-on", inputs.failOn);
  if (inputs.baseline) argv.push("--baseline", fromRoot(inputs.baseline));
  if (inputs.category) argv.push("--category", inputs.category);
  if (inputs.pythonVersion) argv.push("--python-version", inputs.pythonVersion);
  return [...argv, ...inputs.args];
}
async function runAction(env = process.env) {
  const workspace = path.resolve(env.GITHUB_WORKSPACE || process.cwd());
  let inputs;
  try {
    inputs = readInputs(env);
  } catch (error) {
    if (!(error instanceof ActionInputError)) throw error;
    process.stdout.write(`::error title=importleak::${escapeData(error.message)}
`);
    writeOutputs(env, { "exit-code": "2", reason: error.message });
    return 0;
  }
  process.chdir(workspace);
  const sarifFolder = path.dirname(path.resolve(workspace, inputs.sarifFile));
  const refused = outsideAllowedFolders(sarifFolder, [workspace, env.RUNNER_TEMP]);
  if (refused) {
    process.stdout.write(`::error title=importleak::${escapeData(refused)}
`);
    writeOutputs(env, { "exit-code": "2", reason: refused });
    return 0;
  }
  const argv = checkArguments(inputs, workspace);
  const token = randomUUID();
  process.stdout.write(`importleak ${argv.map(quoteArg).join(" ")}
::stop-commands::${token}
`);
  let outcome;
  const code = await main(["node", "importleak", ...argv], { onCheck: (o) => outcome = o });
  if (outcome) {
    const { result: result2, findings: findings2, paths: paths2 } = outcome;
    process.stdout.write(renderText({ findings: findings2, diagnostics: result2.diagnostics, entries: result2.entries, fileCount: result2.fileCount, paths: paths2, deployment: deploymentSummary(result2.deployment) }));
  }
  process.stdout.write(`::${token}::
`);
  if (!outcome) {
    const reason = `importleak check ended with exit code ${code} before it could report (see the log above)`;
    writeOutputs(env, { "exit-code": String(code || 2), reason });
    return 0;
  }
  const { result, findings, paths } = outcome;
  const errors = findings.filter((f) => f.level === "error");
  const sarifShown = path.relative(workspace, path.resolve(workspace, inputs.sarifFile)).split(path.sep).join("/");
  if (env.GITHUB_STEP_SUMMARY) {
    const moduleOf = (p) => result.index.byPath.get(p)?.name;
    const summary = renderStepSummary({
      findings,
      diagnostics: result.diagnostics,
      rules: result.rules,
      paths,
      moduleOf,
      fileCount: result.fileCount,
      deployment: deploymentSummary(result.deployment),
      sarifFile: sarifShown,
      ...outcome.baseline ? { baseline: { file: inputs.baseline, known: outcome.baseline.known, fixed: outcome.baseline.fixed } } : {}
    });
    appendFileSync(env.GITHUB_STEP_SUMMARY, summary);
  }
  if (!inputs.uploadSarif && errors.length) {
    const changed = changedLines(workspace, env);
    const annotated = changed ? errors.filter((f) => {
      const lines = changed.get(paths.show(f.path));
      if (!lines) return false;
      for (let line = f.span.line; line <= Math.max(f.span.line, f.span.endLine); line++) if (lines.has(line)) return true;
      return false;
    }) : errors;
    process.stdout.write(renderGithub({ findings: annotated, diagnostics: [], paths }));
    if (changed && annotated.length < errors.length) {
      process.stdout.write(`${errors.length - annotated.length} error(s) on lines this change does not touch are in the step summary and the SARIF file.
`);
    }
  }
  writeOutputs(env, {
    "sarif-file": sarifShown,
    findings: String(findings.length + (outcome.baseline?.known ?? 0)),
    errors: String(errors.length),
    "new-findings": String(findings.length),
    "exit-code": String(code),
    reason: exitReason(code, findings.length, result.diagnostics.length)
  });
  return 0;
}
function outsideAllowedFolders(folder, allowed) {
  try {
    mkdirSync(folder, { recursive: true });
    const real = realpathSync(folder);
    const inside = allowed.filter((a) => Boolean(a)).map((a) => realpathSync(a)).some((a) => real === a || real.startsWith(a.endsWith(path.sep) ? a : a + path.sep));
    return inside ? void 0 : `input sarif-file: its folder leads outside the workspace (to ${real}); the SARIF is written only inside the workspace or RUNNER_TEMP`;
  } catch (error) {
    return `input sarif-file: cannot make its folder ${folder}: ${error.message}`;
  }
}
function exitReason(code, findings, problems) {
  switch (code) {
    case 0:
      return "no finding at or above fail-on";
    case 1:
      return `${findings} finding(s), at least one at or above fail-on (see the step summary)`;
    case 2:
      return "a usage or configuration error (see the log)";
    case 3:
      return `${problems} file(s) could not be fully analyzed (see the step summary)`;
    default:
      return `exit code ${code}`;
  }
}
function writeOutputs(env, outputs) {
  const lines = Object.entries(outputs).map(([name, value]) => {
    const delimiter = `ghadelimiter_${randomUUID()}`;
    return `${name}<<${delimiter}
${value}
${delimiter}
`;
  });
  if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, lines.join(""));
  else for (const [name, value] of Object.entries(outputs)) process.stdout.write(`${name}: ${value}
`);
}
function quoteArg(arg) {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

// src/action/index.ts
runAction().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    const text = error instanceof Error ? error.stack ?? error.message : String(error);
    process.stdout.write(`::error title=importleak::internal error: ${text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A")}
`);
    process.exitCode = 3;
  }
);
