import type { ModuleSummary, Suppression } from '../extract/summary.js';
import { graphKeeping, type ImportEdge, type ImportGraph } from '../graph/importGraph.js';
import type { Finding } from './findings.js';

/**
 * Suppression comments, the way ruff users write them:
 * - on the line a finding is reported at: `# importleak: ignore[IL004]` or `# noqa: IL004`
 *   (no codes: every rule);
 * - on an import line: "this edge is intended": chains for those rules do not go through it;
 * - `# importleak: ignore-file` anywhere in a file: no finding in that file.
 * Each comment is tracked so that one that suppresses nothing can be reported.
 */
export class Suppressions {
  private readonly used = new Set<Suppression>();
  private readonly byFileLine = new Map<string, Suppression[]>();
  private readonly keys = new Map<string, string | undefined>();
  /** The distinct suppressions on the lines of import edges, each at one place. */
  private distinctEdgeSuppressions: Suppression[] = [];

  constructor(
    private readonly summaries: ReadonlyMap<string, ModuleSummary>,
    graph: ImportGraph,
  ) {
    for (const [path, summary] of summaries) {
      for (const suppression of summary.suppressions) {
        const key = `${path}:${suppression.line}`;
        this.byFileLine.set(key, [...(this.byFileLine.get(key) ?? []), suppression]);
      }
    }
    // Edges are new objects each time they are read (see edgeMaps.ts): known by their file and line.
    if (this.byFileLine.size === 0) return;
    const onEdges = new Set<Suppression>();
    const consider = (edge: ImportEdge): void => {
      for (const suppression of this.on(edge)) onEdges.add(suppression);
    };
    for (const edges of graph.importTimeEdges.values()) edges.forEach(consider);
    graph.lazyEdges.forEach(consider);
    this.distinctEdgeSuppressions = [...onEdges];
  }

  /** The suppression comments on the import line of `edge`. */
  private on(edge: ImportEdge): readonly Suppression[] {
    if (edge.kind !== 'import' || edge.line === undefined) return [];
    return this.byFileLine.get(`${edge.at ?? edge.from}:${edge.line}`) ?? [];
  }

  /**
   * Which import-line suppressions cover `ruleId`, as a key: rules with the same key see the same
   * graph (a bare `# noqa` on an import covers every rule: one filtered graph serves them all).
   * Undefined when none does: the rule sees the whole graph.
   */
  edgeFilterKey(ruleId: string): string | undefined {
    if (this.keys.has(ruleId)) return this.keys.get(ruleId);
    const covering: number[] = [];
    for (const [place, suppression] of this.distinctEdgeSuppressions.entries()) if (covers(suppression, ruleId)) covering.push(place);
    const key = covering.length ? covering.join(',') : undefined;
    this.keys.set(ruleId, key);
    return key;
  }

  /** The graph without the import edges whose lines suppress `ruleId`. */
  graphWithout(graph: ImportGraph, ruleId: string): ImportGraph {
    return graphKeeping(graph, (edge) => !this.on(edge).some((s) => covers(s, ruleId)));
  }

  /** Marks the import-line suppressions for `ruleId` on `chain` as used: they changed what is reported. */
  noteChainThroughSuppressedEdges(chain: readonly ImportEdge[], ruleId: string): void {
    for (const edge of chain) for (const s of this.on(edge)) if (covers(s, ruleId)) this.used.add(s);
  }

  /** Drops the findings that a comment on their line, or an ignore-file comment, suppresses. */
  filter(findings: readonly Finding[]): Finding[] {
    return findings.filter((finding) => {
      const summary = this.summaries.get(finding.path);
      if (summary?.ignoreFileLine !== undefined) return false;
      const lines = new Set([finding.span.line, finding.span.endLine]);
      for (const line of lines) {
        const matching = (this.byFileLine.get(`${finding.path}:${line}`) ?? []).filter((s) => covers(s, finding.ruleId));
        if (matching.length) {
          matching.forEach((s) => this.used.add(s));
          return false;
        }
      }
      return true;
    });
  }

  /** Our comments that suppressed nothing (bare `# noqa` belongs to every linter: never reported). */
  unused(): Array<{ path: string; suppression: Suppression }> {
    const unused: Array<{ path: string; suppression: Suppression }> = [];
    for (const [path, summary] of this.summaries) {
      for (const suppression of summary.suppressions) {
        if (this.used.has(suppression)) continue;
        if (suppression.style === 'noqa' && !suppression.codes) continue;
        unused.push({ path, suppression });
      }
    }
    return unused;
  }

  fileIgnoreUnused(path: string, hadFindings: boolean): boolean {
    return this.summaries.get(path)?.ignoreFileLine !== undefined && !hadFindings;
  }
}

function covers(suppression: Suppression, ruleId: string): boolean {
  return !suppression.codes || suppression.codes.some((code) => ruleId.startsWith(code));
}
