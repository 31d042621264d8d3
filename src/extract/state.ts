import type { BoundMethod, CallRecord, ClassRecord, ExecutionScope, ImportRecord, LiteralAssignment, MainCall, RegistryAdder, SyntaxProblem } from './summary.js';
import type { ConditionContext, Value } from './conditions.js';
import { Excerpts } from './excerpts.js';
import { lookup, qualify, type ListingKind, type LoopSource, type Scope } from './scopes.js';
import { spanOf } from './syntax.js';
import type { PythonTarget } from './target.js';
import type { SyntaxNode } from './tree.js';

/**
 * Expressions nested deeper than this (brackets, operator chains, attribute or call chains: levels of
 * the syntax tree) are not walked: the part below is reported and skipped, so no input overflows the
 * stack. CPython refuses a file well before (200 nested brackets; its compiler's recursion limit).
 */
export const MAX_EXPRESSION_NESTING = 1000;
/** Blocks (class bodies, `if`/`for`/`try`... bodies) nested deeper than this are skipped and reported (CPython allows 100). */
export const MAX_BLOCK_NESTING = 200;
/** How many levels of MAX_EXPRESSION_NESTING a call takes (`f(g(h(...)))`: 500 calls deep at most). */
export const CALL_NESTING = 2;
/** At most this many skipped parts are reported per file. */
const MAX_SKIPPED_PARTS = 5;
/**
 * Readings that look into an expression for one idiom (a registry through `sorted(list(...))`, a
 * module name built with `+`, `or`-ed guards) give up beyond this depth: nothing real nests that far.
 */
export const MAX_HELPER_NESTING = 100;

/**
 * What the extractor knows while it walks one file: what it has recorded so far (imports, calls,
 * classes, ...) and what the code above the node being visited has bound. The visitors of each
 * concern (imports.ts, calls.ts, dynamicImports.ts, assignments.ts, definitions.ts) read and fill
 * it; `Extractor` (extract.ts) walks the statements and hands each to its concern.
 */
export abstract class ExtractorState {
  readonly imports: ImportRecord[] = [];
  readonly calls: CallRecord[] = [];
  readonly classes: ClassRecord[] = [];
  /** `ModuleSummary.functions`, one entry a function: `<qualname> <line>`. */
  readonly functions: string[] = [];
  readonly definedNames = new Set<string>();
  readonly importedNames = new Set<string>();
  /** What tree-sitter accepts but CPython 3 refuses: Python 2 statements, indentation errors. */
  readonly structuralProblems: SyntaxProblem[] = [];
  dunderAll: string[] | undefined;
  readonly assignments: LiteralAssignment[] = [];
  /** Function bodies run after the module body has bound every module-level name. */
  readonly deferredBodies: Array<{ body: SyntaxNode; scope: Scope }> = [];
  /** Module-level names whose value is known at this point of the module body (`PY2 = False`). */
  readonly constants = new Map<string, Value>();
  /**
   * Module-level names bound to a number the environment may override, at this point of the module
   * body (changedetection.io's `_max_executor_workers = int(os.getenv("FETCH_WORKERS", "10"))`).
   * Not constants: a condition on one is decided at run time.
   */
  readonly environmentDefaults = new Map<string, { variable: string; value: number }>();
  /** How many times each module-level name is bound: a function body sees only names bound once. */
  readonly bindingCounts = new Map<string, number>();
  /** Names some function declares `global`: their value can change at any call. */
  readonly globalNames: ReadonlySet<string>;
  /** Depth of module-level blocks that may or may not run (if/try/for/while bodies). */
  branchDepth = 0;
  /** Run-time conditions of the branches being visited in the current body, outermost first (`CallRecord.condition`). */
  conditions: string[] = [];
  /** The `except ImportError:` clauses being visited, innermost last. */
  readonly fallbacks: Array<NonNullable<ImportRecord['fallback']>> = [];
  /** Rows of PEP 810 `lazy` soft keywords, which tree-sitter-python 0.25 reads as ERROR nodes before an import. */
  readonly lazyPrefixRows = new Set<number>();
  /**
   * Loop variables of the `for` statements being visited that iterate over a literal tuple or list
   * of strings (directly or through a module-level name), or over another module's `__all__`
   * (`allOf`: that module's name as the file's imports qualify it, leading dots for relative ones),
   * or over a registry of this module (`registry`: see `RegistryImport`).
   */
  readonly loopItems = new Map<string, string[] | LoopSource>();
  /** Names bound to a folder's listing (`modules = os.listdir(meta_dir)`), that a later `for` iterates. */
  readonly listings = new Map<string, ListingKind>();
  /** How many of the `for` statements being visited iterate over a folder's listing. */
  listingLoops = 0;
  readonly registryAdders: RegistryAdder[] = [];
  readonly registryImports: ImportRecord[] = [];
  readonly boundMethods: BoundMethod[] = [];
  /** Seen `if TYPE_CHECKING or <run-time call>:` at module level. */
  installsLazyImporter = false;
  /** Line of the first `if __name__ == "__main__":` at module level. */
  mainGuardLine: number | undefined;
  /** See `ModuleSummary.mainCalls`. */
  readonly mainCalls: MainCall[] = [];
  /** Levels of expressions and of blocks being visited: see MAX_EXPRESSION_NESTING, MAX_BLOCK_NESTING. */
  expressionDepth = 0;
  blockDepth = 0;
  /** Parts left out because they are nested too deeply (the first few). */
  readonly skippedParts: SyntaxProblem[] = [];
  readonly excerpts: Excerpts;

  constructor(
    readonly path: string,
    readonly text: string,
    readonly target: PythonTarget,
  ) {
    const names = new Set<string>();
    for (const match of text.matchAll(/\bglobal[ \t]+([A-Za-z_]\w*(?:[ \t]*,[ \t]*[A-Za-z_]\w*)*)/g)) {
      for (const name of match[1]!.split(',')) names.add(name.trim());
    }
    this.globalNames = names;
    this.excerpts = new Excerpts(text);
  }

  /**
   * A part nested deeper than importleak walks (see MAX_EXPRESSION_NESTING): reported (the first
   * few per file) and skipped; the rest of the file is still analyzed.
   */
  skipTooDeep(node: SyntaxNode, what: string): void {
    if (this.skippedParts.length >= MAX_SKIPPED_PARTS) return;
    this.skippedParts.push({ span: spanOf(node), message: `${what}; importleak did not analyze this part (the calls and imports in it), the rest of the file was` });
  }

  /** Visits code that runs only when `condition` (as written) holds at run time. */
  underCondition(condition: string, visit: () => void): void {
    this.conditions.push(condition);
    try {
      visit();
    } finally {
      this.conditions.pop();
    }
  }

  /** The scope of code under a branch that never runs for the target, in `scope`'s body; `condition` says why. */
  unreachable(scope: Scope, condition: string): ExecutionScope {
    const execution = scope.execution;
    const inFunction = execution.kind === 'function' ? execution.function : 'function' in execution ? execution.function : undefined;
    return { kind: 'unreachable', condition, ...(inFunction !== undefined ? { function: inFunction } : {}) };
  }

  /** Runs `visit` as a module-level block that may not run: names bound in it have no known value after it. */
  inBranch(visit: () => void): void {
    this.branchDepth++;
    try {
      visit();
    } finally {
      this.branchDepth--;
    }
  }

  /** What a condition in `scope` reads: names qualified through its bindings, and module-level constants it does not shadow. */
  conditionContext(scope: Scope): ConditionContext {
    return {
      target: this.target,
      qualify: (dotted) => {
        const resolved = qualify(dotted, scope);
        if (resolved && 'qualified' in resolved && resolved.kind === 'import') return resolved.qualified;
        // `TYPE_CHECKING` with no binding: a name only type checkers define.
        if (!resolved && dotted === 'TYPE_CHECKING' && !lookup(dotted, scope)) return 'typing.TYPE_CHECKING';
        return undefined;
      },
      constant: (name) => (this.seesModuleName(name, scope) ? this.constants.get(name) : undefined),
    };
  }

  /** `name` read in `scope` is the module-level name, with the value it has at this point of the module body. */
  seesModuleName(name: string, scope: Scope): boolean {
    // Only module-level names not shadowed in the scope being visited.
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      if (s.parent === undefined && s.prefix === '' && !s.className) break;
      if (s.bindings.has(name)) return false;
    }
    if (this.globalNames.has(name)) return false;
    return scope.execution.kind === 'module' || (this.bindingCounts.get(name) ?? 0) === 1;
  }

  /** A module-level name is (re)bound: to `value` when it is known, and the binding is unconditional. */
  bindConstant(name: string, value: Value | undefined): void {
    this.bindingCounts.set(name, (this.bindingCounts.get(name) ?? 0) + 1);
    this.environmentDefaults.delete(name);
    if (value !== undefined && this.branchDepth === 0 && !this.globalNames.has(name)) this.constants.set(name, value);
    else this.constants.delete(name);
  }

  /** Visits a block of statements (a module, class or function body, a branch) in `scope`. */
  abstract visitBlock(block: SyntaxNode, scope: Scope): void;
}
