import { importText, type ExecutionScope, type ImportRecord } from '../extract/summary.js';
import type { CallStep } from '../resolve/calls.js';
import type { ExecutionReason } from '../resolve/resolveImports.js';

/**
 * One way a module runs another: an import statement (with its line), or the implicit
 * rule that importing `a.b` first runs the package `a` (`enclosing-package`, no line).
 */
export interface ImportEdge {
  from: string;
  to: string;
  kind: 'import' | 'enclosing-package';
  reason?: ExecutionReason;
  scope: ExecutionScope;
  line?: number;
  column?: number;
  /** The import statement as written. */
  text?: string;
  /**
   * Set when the import statement sits in a function that module-level code of `from` calls
   * (`app = create_app()` runs the imports inside `create_app`): the calls, outermost first.
   * `line`, `column` and `text` then describe the import statement in file `at`.
   */
  via?: ViaCall[];
  at?: string;
}

export interface ViaCall {
  path: string;
  line: number;
  column: number;
  /** The call as written. */
  text: string;
  /** What it runs: `create_app`, `RedisDB` (its `__init__`). */
  target: string;
}

/**
 * An import statement that runs while `from` is imported: at its module level (no steps), or in a
 * function of file `at` that its module-level code calls (the calls, outermost first).
 */
export interface ImportReached {
  from: string;
  at: string;
  record: ImportRecord;
  steps: readonly CallStep[];
}

/** The scope of the edges that run at import (`enclosing-package` edges, edges through calls): one object for all. */
export const MODULE_SCOPE: ExecutionScope = Object.freeze({ kind: 'module' });

/**
 * The edge by which an import statement of `from` runs module `to`: its scope, line, column and
 * text are read from the statement's record rather than copied. There are about 24 edges a module
 * (each statement runs its module and every package above it), held to the end of the run: a
 * third less memory each.
 */
export class StatementEdge implements ImportEdge {
  constructor(
    readonly from: string,
    readonly to: string,
    readonly reason: ExecutionReason,
    private readonly record: ImportRecord,
  ) {}

  get kind(): 'import' {
    return 'import';
  }

  get scope(): ExecutionScope {
    return this.record.scope;
  }

  get line(): number {
    return this.record.span.line;
  }

  get column(): number {
    return this.record.span.column;
  }

  get text(): string {
    return importText(this.record);
  }
}

/** The import-time edge by which `reached` runs module `to`. */
export function edgeThroughCalls(reached: ImportReached, to: string, reason: ExecutionReason): ImportEdge {
  const { record } = reached;
  const via: ViaCall[] = reached.steps.map((step) => ({
    path: step.path,
    line: step.call.span.line,
    column: step.call.span.column,
    text: step.call.text,
    target: step.target.qualname,
  }));
  return {
    from: reached.from,
    to,
    kind: 'import',
    reason,
    scope: MODULE_SCOPE,
    line: record.span.line,
    column: record.span.column,
    text: importText(record),
    ...(via.length ? { via, at: reached.at } : {}),
  };
}
