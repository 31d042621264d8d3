import { LEVEL_ORDER, type Finding, type Level } from '../check/findings.js';
import type { Rule } from '../rules/rules.js';
import { forLog } from './neutralise.js';
import { reportTail, type TextReportInput } from './text.js';

export interface RuleStatistic {
  rule: string;
  level: Level;
  /** The rule's name (`executor-at-import`), or its code when the rule is unknown. */
  name: string;
  count: number;
}

export interface StatisticsReportInput extends TextReportInput {
  rules: readonly Pick<Rule, 'id' | 'name'>[];
}

/** How many findings each rule has at each level: most first, then by code, errors before warnings before notes. */
export function ruleStatistics(findings: readonly Finding[], rules: readonly Pick<Rule, 'id' | 'name'>[]): RuleStatistic[] {
  const counts = new Map<string, RuleStatistic>();
  for (const finding of findings) {
    const key = `${finding.ruleId}\0${finding.level}`;
    const row = counts.get(key) ?? { rule: finding.ruleId, level: finding.level, name: rules.find((r) => r.id === finding.ruleId)?.name ?? finding.ruleId, count: 0 };
    row.count++;
    counts.set(key, row);
  }
  return [...counts.values()].sort(
    (a, b) => b.count - a.count || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) || LEVEL_ORDER[b.level] - LEVEL_ORDER[a.level],
  );
}

/**
 * `--statistics`, as `ruff check --statistics` prints it: one row per rule and level,
 * `count<TAB>CODE<TAB>[level] name`, counts right-aligned, the level padded so the names line up;
 * then what the text format prints after its findings (diagnostics, baseline, deployment, summary).
 */
export function renderStatistics(input: StatisticsReportInput): string {
  const rows = ruleStatistics(input.findings, input.rules);
  const countWidth = Math.max(0, ...rows.map((r) => String(r.count).length));
  const levelWidth = Math.max(0, ...rows.map((r) => r.level.length + 2));
  const out = rows.map((r) => `${String(r.count).padStart(countWidth)}\t${r.rule}\t${`[${r.level}]`.padEnd(levelWidth)} ${r.name}`);
  if (rows.length) out.push('');
  for (const line of reportTail(input)) out.push(line);
  return forLog(`${out.join('\n')}\n`);
}
