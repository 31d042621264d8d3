import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/check/findings.js';
import { analyzeProject, FIXTURES, PROJECT } from './support.js';

const AUDIT_PROBE = path.join(PROJECT, 'test', 'python', 'audit_probe.py');
const ROOT = path.join(FIXTURES, 'audit');

/** The event CPython's audit hooks raise for what each rule reports. */
const EVENT_OF_RULE: Record<string, string> = {
  IL002: 'thread.start',
  IL005: 'socket.connect',
  IL007: 'subprocess',
  IL008: 'open',
};

interface AuditReport {
  imported: Record<string, string>;
  events: Array<{ event: string; path: string; line: number }>;
}

function audit(module: string): AuditReport {
  const run = spawnSync('python3', [AUDIT_PROBE, ROOT, module], { encoding: 'utf8', timeout: 60_000 });
  if (run.status !== 0) throw new Error(`audit probe failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as AuditReport;
}

/** Where the analyzer says the side effect happens: the creating (or starting) line. */
function predictedEvent(finding: Finding): string {
  const site = finding.callPath?.at(-1) ?? { path: finding.path, span: finding.span };
  return `${EVENT_OF_RULE[finding.ruleId]} ${site.path}:${site.span.line}`;
}

describe('CPython audit hooks see exactly the side effects the analyzer predicts', () => {
  it('sideeffects/: a subprocess, a thread start, a connection and an open file, on the reported lines', async () => {
    const result = await analyzeProject(ROOT);
    const predicted = result.findings
      .filter((f) => f.path.startsWith('sideeffects/') && EVENT_OF_RULE[f.ruleId])
      .map(predictedEvent)
      .sort();
    const report = audit('sideeffects.app');
    expect(report.imported['sideeffects.app']).toBe('ok');
    const seen = [...new Set(report.events.map((e) => `${e.event} ${e.path}:${e.line}`))].sort();
    expect(predicted).toEqual(seen);
    expect(seen).toEqual([
      'open sideeffects/audit_log.py:5',
      'socket.connect sideeffects/metrics.py:5',
      'subprocess sideeffects/version.py:5',
      'thread.start sideeffects/heartbeat.py:11',
    ]);
  });

  it('fixed/: the same work behind functions raises no event and gets no finding', async () => {
    const result = await analyzeProject(ROOT);
    expect(result.findings.filter((f) => f.path.startsWith('fixed/'))).toEqual([]);
    const report = audit('fixed.app');
    expect(report.imported['fixed.app']).toBe('ok');
    expect(report.events).toEqual([]);
  });
});
