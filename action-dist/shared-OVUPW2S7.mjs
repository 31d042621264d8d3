import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  chainSteps
} from "./shared-5BPCKGJA.mjs";
import {
  deploymentSummary
} from "./shared-T2J7SGRF.mjs";
import "./shared-MZR5LFWB.mjs";
import "./shared-ZYG3IDYS.mjs";
import "./shared-PMYI2HPO.mjs";
import "./shared-WIBISVNQ.mjs";
import "./shared-2BFWLXK6.mjs";
import {
  chainStepsPerFinding,
  elideChain,
  excerpt,
  forJson,
  labelledExcerpt,
  quotedCode,
  shownMessage
} from "./shared-OK3D7NJJ.mjs";
import "./shared-RKF6PH7O.mjs";

// src/report/json.ts
function renderJson(input) {
  const { paths } = input;
  const maxSteps = chainStepsPerFinding(input.findings.length);
  const report = {
    tool: "importleak",
    version: input.version,
    summary: {
      files: input.fileCount,
      entries: new Set(input.entries.filter((e) => e.candidate === void 0).map((e) => e.path)).size,
      errors: input.findings.filter((f) => f.level === "error").length,
      warnings: input.findings.filter((f) => f.level === "warning").length,
      notes: input.findings.filter((f) => f.level === "note").length,
      problems: input.diagnostics.length,
      deployment: shownMessage(deploymentSummary(input.deployment))
    },
    ...input.baseline ? {
      baseline: {
        new: input.findings.length,
        known: input.baseline.known,
        fixed: input.baseline.fixed.map((e) => ({ ...e, path: paths.show(e.path), resource: quotedCode(e.resource) }))
      }
    } : {},
    findings: input.findings.map((finding) => {
      const { head, omitted, tail } = elideChain(chainSteps(finding), maxSteps);
      return {
        rule: finding.ruleId,
        level: finding.level,
        path: paths.show(finding.path),
        line: finding.span.line,
        column: finding.span.column,
        endLine: finding.span.endLine,
        endColumn: finding.span.endColumn,
        module: finding.module,
        message: shownMessage(finding.message),
        ...finding.cost ? { cost: shownMessage(finding.cost) } : {},
        ...finding.deployment ? { deployment: shownMessage(finding.deployment) } : {},
        ...finding.fix ? { fix: shownMessage(finding.fix) } : {},
        ...finding.condition ? { condition: quotedCode(finding.condition) } : {},
        resource: {
          callee: finding.resource.callee,
          text: quotedCode(finding.resource.text),
          statement: quotedCode(finding.resource.statement),
          ...finding.resource.boundTo !== void 0 ? { boundTo: excerpt(finding.resource.boundTo) } : {}
        },
        reach: finding.reach.kind,
        entry: finding.reach.kind === "entry" ? { path: paths.show(finding.reach.entry.path), description: shownMessage(finding.reach.entry.description), framework: finding.reach.entry.framework } : null,
        entriesReaching: finding.reach.kind === "entry" ? finding.reach.entriesReaching : 0,
        chain: [...head, ...tail].map((step) => ({ ...step, path: paths.show(step.path) })),
        ...omitted ? { chainOmitted: omitted } : {},
        related: finding.related.map((r) => ({ path: paths.show(r.path), line: r.span.line, column: r.span.column, message: labelledExcerpt(r.message) })),
        fingerprint: finding.lineHash ?? null
      };
    }),
    entries: input.entries.map((entry) => ({
      path: paths.show(entry.path),
      framework: entry.framework,
      kind: entry.kind,
      description: shownMessage(entry.description),
      line: entry.evidence.line,
      evidence: quotedCode(entry.evidence.text),
      ...entry.candidate ? { candidate: shownMessage(entry.candidate) } : {}
    })),
    deployment: (input.deployment?.deployment.processes ?? []).map((p) => ({
      server: p.server,
      file: p.file,
      line: p.line,
      ...p.name ? { name: p.name } : {},
      ...p.command ? { command: p.command } : {},
      ...p.appSpec ? { app: p.appSpec.written } : {},
      ...p.processModel ? { processModel: p.processModel } : {},
      ...p.workers ? { workers: "value" in p.workers ? p.workers.value : p.workers.expression } : {},
      ...p.threads ? { threads: "value" in p.threads ? p.threads.value : p.threads.expression } : {},
      ...p.preload ? { preload: "value" in p.preload ? p.preload.value : p.preload.expression } : {},
      ...p.celery?.concurrency ? { concurrency: "value" in p.celery.concurrency ? p.celery.concurrency.value : p.celery.concurrency.expression } : {},
      ...p.celery?.pool ? { pool: "value" in p.celery.pool ? p.celery.pool.value : p.celery.pool.expression } : {}
    })),
    problems: input.diagnostics.map((d) => ({ ...d, path: paths.show(d.path), message: shownMessage(d.message) }))
  };
  return forJson(report);
}
export {
  renderJson
};
