import type { EntryPoint } from '../entries/entries.js';
import type { SourceSpan } from '../extract/summary.js';
import type { ImportEdge } from '../graph/importGraph.js';

export type Level = 'error' | 'warning' | 'note';

export const LEVEL_ORDER: Record<Level, number> = { note: 0, warning: 1, error: 2 };

export interface RelatedLocation {
  path: string;
  span: SourceSpan;
  message: string;
}

/** How the module holding the resource gets imported. */
export type Reach =
  /** An entry imports it at start-up: `chain` runs from the entry to the module. */
  | { kind: 'entry'; entry: EntryPoint; chain: ImportEdge[]; entriesReaching: number }
  /** Only imports inside functions lead to it: each `edge` is such an import, `rest` the import-time chain after it. */
  | { kind: 'lazy'; imports: Array<{ edge: ImportEdge; rest: ImportEdge[] }> }
  /** No entry and no lazy import found. */
  | { kind: 'unreached' }
  /** Not about a resource (IL100 unused suppression). */
  | { kind: 'none' };

export interface Finding {
  ruleId: string;
  level: Level;
  path: string;
  span: SourceSpan;
  /** Dotted name of the module that creates the resource. */
  module: string;
  /**
   * What is created, in which module, which entry reaches it (or that none does) and, where the
   * deployment is known, how many processes pay: one or two sentences, at most MAX_FINDING_MESSAGE
   * characters. Plain text with `code` spans.
   */
  message: string;
  /** What the resource costs each process (the rule's cost model, filled from the call). */
  cost?: string;
  /** What the deployment does with it: which processes hold a copy, or what the fork does. */
  deployment?: string;
  /** What to do (the rule's fix, also in the rule's help). */
  fix?: string;
  /** Run-time conditions the creation depends on, as written (`DOC_ENGINE == "serenedb"`); absent when it is unconditional. */
  condition?: string;
  /** `text`: the creating call; `statement`: the statement at the primary location. */
  resource: { callee: string; text: string; statement: string; boundTo?: string };
  reach: Reach;
  /** When the resource is made in a function the module-level code calls: each call, then the creation. */
  callPath?: RelatedLocation[];
  related: RelatedLocation[];
  /** GitHub's primaryLocationLineHash for the primary line, filled in by the pipeline. */
  lineHash?: string;
}

/** Characters of a finding's message: SARIF appends a link sentence, and 320 is the whole's limit. */
export const MAX_FINDING_MESSAGE = 240;
