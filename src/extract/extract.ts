import type { Parser } from 'web-tree-sitter';
import { copyTree, type SyntaxNode, type SyntaxTree } from './tree.js';
import type {
  CallArgument,
  CallPlacement,
  CallRecord,
  ClassRecord,
  ExecutionScope,
  FunctionRecord,
  ImportRecord,
  LiteralAssignment,
  ModuleSummary,
  BoundMethod,
  RegistryAdder,
  RegistryImport,
  SyntaxProblem,
} from './summary.js';
import { assignmentParts, dottedName, scalarLiteral, spanOf, stringLiteral } from './syntax.js';
import { conditionText, negation } from './branchConditions.js';
import { collectSuppressions } from './comments.js';
import { ALL_ITEM, itemsSource, MAX_COMPUTED_NAMES, product, stringItems, substituteAll } from './computedNames.js';
import { Excerpts, firstLine, foldText } from './excerpts.js';
import { literalValueOf, stringSequence } from './literals.js';
import { collectSyntaxProblems, FUTURE_FEATURES, isDocstring, MAX_SYNTAX_PROBLEMS } from './syntaxProblems.js';
import { evaluate, truthiness, type ConditionContext, type Value } from './conditions.js';
import { DEFAULT_TARGET, describeTarget, type PythonTarget } from './target.js';
import { indentContinuationLines } from './recover.js';

/**
 * What a name is bound to, as far as one file can tell.
 * `qualified` names come from imports (`concurrent.futures.ThreadPoolExecutor`); relative
 * imports keep their leading dots (`..utils.magnet_search.start`) for the resolver to anchor.
 */
type Binding =
  | { kind: 'import'; qualified: string }
  | { kind: 'local'; name: string }
  | { kind: 'instance'; callId: number }
  /** Bound to something we do not model (a parameter, a plain value): hides outer bindings. */
  | { kind: 'opaque' };

const WORD = /\w/;
const WORD_OR_DOT = /[\w.]/;
const BUILTIN_CALLABLES = new Set(['open', '__import__', 'exec', 'eval', 'compile', 'print', 'input']);
const TYPE_CHECKING_NAMES = new Set(['typing.TYPE_CHECKING', 'typing_extensions.TYPE_CHECKING']);
const COMPOUND_STATEMENTS = new Set([
  'if_statement',
  'for_statement',
  'while_statement',
  'try_statement',
  'with_statement',
  'match_statement',
  'function_definition',
  'class_definition',
  'decorated_definition',
]);
/**
 * Expressions nested deeper than this (brackets, operator chains, attribute or call chains: levels of
 * the syntax tree) are not walked: the part below is reported and skipped, so no input overflows the
 * stack. CPython refuses a file well before (200 nested brackets; its compiler's recursion limit).
 */
export const MAX_EXPRESSION_NESTING = 1000;
/** Blocks (class bodies, `if`/`for`/`try`... bodies) nested deeper than this are skipped and reported (CPython allows 100). */
export const MAX_BLOCK_NESTING = 200;
/** How many levels of MAX_EXPRESSION_NESTING a call takes (`f(g(h(...)))`: 500 calls deep at most). */
const CALL_NESTING = 2;
/** At most this many skipped parts are reported per file. */
const MAX_SKIPPED_PARTS = 5;

interface Scope {
  execution: ExecutionScope;
  bindings: Map<string, Binding>;
  /** Enclosing scope for name lookup (function → module). Class scopes are not visible from methods. */
  parent?: Scope;
  /** Dotted prefix for names defined here: '' at module level, 'Cls.' in a class body, 'f.' in a function. */
  prefix: string;
  /** Set inside a class body so assignments read `Cls.attr`. */
  className?: string;
  /** In a function body: its parameters, with their positions as callers count them (`self` left out). */
  parameters?: ReadonlyMap<string, { index?: number; star: boolean }>;
  /** In the body of a method: its class, which `self` is an instance of. */
  methodClass?: string;
}

/** What a loop variable stands for when its items are not literals: see `Extractor.loopItems`. */
type LoopSource = { allOf: string } | { registry: string };

/**
 * Turns a Python file's text into its `ModuleSummary`. Pure: text in, data out. Conditions on the
 * interpreter (`sys.platform`, `sys.version_info`, ...) are evaluated for `target`.
 */
export function extractModule(parser: Parser, path: string, text: string, target: PythonTarget = DEFAULT_TARGET): ModuleSummary {
  let tree = parser.parse(text);
  if (!tree) throw new Error('tree-sitter returned no tree');
  // Asked of tree-sitter's own tree, so that only the tree kept is copied.
  if (tree.rootNode.hasError) {
    // tree-sitter's own error on continuation lines (see recover.ts): the re-parse is kept only
    // when it has no error, and it moves only columns on the continuation lines.
    const indented = indentContinuationLines(text);
    const retry = indented === undefined ? null : parser.parse(indented);
    if (retry && !retry.rootNode.hasError) {
      tree.delete();
      tree = retry;
      text = indented!;
    } else retry?.delete();
  }
  let copy: SyntaxTree;
  try {
    copy = copyTree(parser, tree, text);
  } finally {
    tree.delete();
  }
  return new Extractor(path, text, target).run(copy.rootNode);
}

class Extractor {
  private readonly imports: ImportRecord[] = [];
  private readonly calls: CallRecord[] = [];
  private readonly classes: ClassRecord[] = [];
  private readonly functions: FunctionRecord[] = [];
  private readonly definedNames = new Set<string>();
  private readonly importedNames = new Set<string>();
  /** What tree-sitter accepts but CPython 3 refuses: Python 2 statements, indentation errors. */
  private readonly structuralProblems: SyntaxProblem[] = [];
  private dunderAll: string[] | undefined;
  private readonly assignments: LiteralAssignment[] = [];
  /** Function bodies run after the module body has bound every module-level name. */
  private readonly deferredBodies: Array<{ body: SyntaxNode; scope: Scope }> = [];
  /** Module-level names whose value is known at this point of the module body (`PY2 = False`). */
  private readonly constants = new Map<string, Value>();
  /** How many times each module-level name is bound: a function body sees only names bound once. */
  private readonly bindingCounts = new Map<string, number>();
  /** Names some function declares `global`: their value can change at any call. */
  private readonly globalNames: ReadonlySet<string>;
  /** Depth of module-level blocks that may or may not run (if/try/for/while bodies). */
  private branchDepth = 0;
  /** Run-time conditions of the branches being visited in the current body, outermost first (`CallRecord.condition`). */
  private conditions: string[] = [];
  /** The `except ImportError:` clauses being visited, innermost last. */
  private readonly fallbacks: Array<NonNullable<ImportRecord['fallback']>> = [];
  /** Rows of PEP 810 `lazy` soft keywords, which tree-sitter-python 0.25 reads as ERROR nodes before an import. */
  private readonly lazyPrefixRows = new Set<number>();
  /**
   * Loop variables of the `for` statements being visited that iterate over a literal tuple or list
   * of strings (directly or through a module-level name), or over another module's `__all__`
   * (`allOf`: that module's name as the file's imports qualify it, leading dots for relative ones),
   * or over a registry of this module (`registry`: see `RegistryImport`).
   */
  private readonly loopItems = new Map<string, string[] | LoopSource>();
  private readonly registryAdders: RegistryAdder[] = [];
  private readonly registryImports: ImportRecord[] = [];
  private readonly boundMethods: BoundMethod[] = [];
  /** Seen `if TYPE_CHECKING or <run-time call>:` at module level. */
  private installsLazyImporter = false;
  /** Line of the first `if __name__ == "__main__":` at module level. */
  private mainGuardLine: number | undefined;
  /** Levels of expressions and of blocks being visited: see MAX_EXPRESSION_NESTING, MAX_BLOCK_NESTING. */
  private expressionDepth = 0;
  private blockDepth = 0;
  /** Parts left out because they are nested too deeply (the first few). */
  private readonly skippedParts: SyntaxProblem[] = [];
  private readonly excerpts: Excerpts;

  constructor(
    private readonly path: string,
    private readonly text: string,
    private readonly target: PythonTarget,
  ) {
    const names = new Set<string>();
    for (const match of text.matchAll(/\bglobal[ \t]+([A-Za-z_]\w*(?:[ \t]*,[ \t]*[A-Za-z_]\w*)*)/g)) {
      for (const name of match[1]!.split(',')) names.add(name.trim());
    }
    this.globalNames = names;
    this.excerpts = new Excerpts(text);
  }

  run(root: SyntaxNode): ModuleSummary {
    const moduleScope: Scope = { execution: { kind: 'module' }, bindings: new Map(), prefix: '' };
    if (root.hasError) this.findLazyPrefixes(root);
    if (this.text.includes('__future__')) this.checkFutureImports(root);
    this.visitBlock(root, moduleScope);
    for (let i = 0; i < this.deferredBodies.length; i++) {
      const { body, scope } = this.deferredBodies[i]!;
      // A function's own branches are what condition its calls; where it is called from, the caller's.
      this.conditions = [];
      const firstCall = this.calls.length;
      this.visitBlock(body, scope);
      this.noteDroppedLocals(body, firstCall);
    }
    const filled = new Set(this.registryAdders.map((a) => a.registry));
    this.imports.push(...this.registryImports.filter((r) => filled.has(r.registryOf!.registry)));
    const syntaxProblems = [...(root.hasError ? collectSyntaxProblems(root) : []), ...this.structuralProblems]
      .sort((a, b) => a.span.line - b.span.line || a.span.column - b.span.column)
      .slice(0, MAX_SYNTAX_PROBLEMS);
    // Most files have no suppression comment: look for the words before walking for comments.
    const suppressions = /importleak:|noqa/i.test(this.text) ? collectSuppressions(root) : [];
    const ignoreFile = suppressions.find((s) => s.style === 'importleak' && /ignore-file/.test(s.text));
    return {
      path: this.path,
      target: this.target,
      imports: this.imports,
      calls: this.calls,
      classes: this.classes,
      functions: this.functions,
      ...(this.dunderAll ? { dunderAll: this.dunderAll } : {}),
      assignments: this.assignments,
      ...(this.registryAdders.length ? { registryAdders: this.registryAdders } : {}),
      ...(this.boundMethods.length ? { boundMethods: this.boundMethods } : {}),
      definedNames: [...this.definedNames],
      ...(this.definedNames.has('__getattr__') || this.installsLazyImporter ? { lazyAttributes: true } : {}),
      ...(this.mainGuardLine !== undefined ? { mainGuardLine: this.mainGuardLine } : {}),
      importedNames: [...this.importedNames],
      syntaxProblems,
      ...(this.skippedParts.length ? { skippedParts: this.skippedParts } : {}),
      suppressions: suppressions.filter((s) => s !== ignoreFile),
      ...(ignoreFile ? { ignoreFileLine: ignoreFile.line } : {}),
    };
  }

  /**
   * What CPython's compiler refuses in `from __future__ import ...` and tree-sitter accepts: one
   * after anything but the docstring, comments and other future imports (or inside a block), and
   * a feature CPython does not know (`braces`: "not a chance").
   */
  private checkFutureImports(root: SyntaxNode): void {
    let atStart = true;
    let first = true;
    for (const statement of root.namedChildren) {
      if (!statement || statement.type === 'comment') continue;
      if (statement.type === 'future_import_statement') {
        if (!atStart) {
          this.structuralProblems.push({ span: spanOf(statement), message: 'syntax error: from __future__ imports must occur at the beginning of the file' });
          continue;
        }
        for (const name of statement.childrenForFieldName('name')) {
          const feature = (name?.type === 'aliased_import' ? name.childForFieldName('name') : name)?.text ?? '';
          if (FUTURE_FEATURES.has(feature)) continue;
          const message = feature === 'braces' ? 'not a chance' : `future feature ${feature} is not defined`;
          this.structuralProblems.push({ span: spanOf(statement), message: `syntax error: ${message}` });
          break;
        }
      } else if (!(first && statement.type === 'expression_statement' && statement.namedChildCount === 1 && isDocstring(statement.namedChild(0)!))) {
        atStart = false;
      }
      first = false;
    }
    for (const nested of root.descendantsOfType('future_import_statement')) {
      if (nested && nested.parent?.type !== 'module') {
        this.structuralProblems.push({ span: spanOf(nested), message: 'syntax error: from __future__ imports must occur at the beginning of the file' });
      }
    }
  }

  private findLazyPrefixes(root: SyntaxNode): void {
    // An explicit stack: a file of errors can nest as deep as it likes.
    const pending: SyntaxNode[] = [root];
    for (let node = pending.pop(); node; node = pending.pop()) {
      for (let i = 0, kids = node.namedChildren; i < kids.length; i++) {
        const child = kids[i]!;
        if (child.type === 'ERROR' && child.endIndex - child.startIndex < 64 && child.text.trim() === 'lazy') this.lazyPrefixRows.add(child.endPosition.row);
        else if (child.hasError) pending.push(child);
      }
    }
  }

  /**
   * A part nested deeper than importleak walks (see MAX_EXPRESSION_NESTING): reported (the first
   * few per file) and skipped; the rest of the file is still analyzed.
   */
  private skipTooDeep(node: SyntaxNode, what: string): void {
    if (this.skippedParts.length >= MAX_SKIPPED_PARTS) return;
    this.skippedParts.push({ span: spanOf(node), message: `${what}; importleak did not analyze this part (the calls and imports in it), the rest of the file was` });
  }

  // ---- statements -------------------------------------------------------------------------

  private visitBlock(block: SyntaxNode, scope: Scope): void {
    if (this.blockDepth >= MAX_BLOCK_NESTING) return this.skipTooDeep(block, `blocks nested more than ${MAX_BLOCK_NESTING} levels deep`);
    this.blockDepth++;
    try {
      this.visitStatements(block, scope);
    } finally {
      this.blockDepth--;
    }
  }

  private visitStatements(block: SyntaxNode, scope: Scope): void {
    // tree-sitter's grammar is lenient about indentation; CPython is not.
    let column = block.type === 'module' ? 0 : -1;
    let previous: SyntaxNode | null = null;
    for (let i = 0, kids = block.namedChildren; i < kids.length; i++) {
      const statement = kids[i];
      if (!statement) continue;
      if (statement.type !== 'comment') {
        const startsLine = previous === null || previous.endPosition.row < statement.startPosition.row;
        if (column < 0) column = statement.startPosition.column;
        else if (startsLine && statement.startPosition.column !== column) {
          // Deeper than the block but shallower than the compound statement before it: a bad dedent.
          const afterCompound = previous !== null && COMPOUND_STATEMENTS.has(previous.type);
          const message =
            statement.startPosition.column > column && !afterCompound
              ? 'unexpected indent'
              : 'unindent does not match any outer indentation level';
          this.structuralProblems.push({ span: spanOf(statement), message: `syntax error: ${message}` });
        }
        previous = statement;
      }
      this.visitStatement(statement, scope);
    }
    if (block.type === 'block' && previous === null && block.parent) {
      // `def f():` followed by a line at the same indentation: the body is empty.
      const after = block.parent.endPosition.row + 2;
      this.structuralProblems.push({
        span: { line: after, column: 1, endLine: after, endColumn: 1 },
        message: `syntax error: expected an indented block after line ${block.parent.startPosition.row + 1}`,
      });
    }
  }

  private visitStatement(node: SyntaxNode, scope: Scope): void {
    switch (node.type) {
      case 'import_statement':
        return this.visitImport(node, scope);
      case 'import_from_statement':
        return this.visitImportFrom(node, scope);
      case 'future_import_statement':
        // A future statement is also a run-time import of `__future__` (a project file of that name included).
        return this.visitImportFrom(node, scope);
      case 'function_definition':
        return this.visitFunction(node, scope, []);
      case 'class_definition':
        return this.visitClass(node, scope, []);
      case 'decorated_definition':
        return this.visitDecorated(node, scope);
      case 'if_statement':
        return this.visitIf(node, scope);
      case 'try_statement':
        return this.visitTry(node, scope);
      case 'with_statement':
        return this.visitWith(node, scope);
      case 'for_statement': {
        const left = node.childForFieldName('left');
        this.noteTargetNames(left ?? node, scope);
        this.visitExpression(node.childForFieldName('right'), scope, { kind: 'statement' }, node);
        const items = left?.type === 'identifier' ? this.loopItemsOf(node.childForFieldName('right'), scope) : undefined;
        if (items && left) this.loopItems.set(left.text, items);
        try {
          this.inBranch(() => {
            this.visitBlockOf(node.childForFieldName('body'), scope);
            this.visitBlockOf(node.childForFieldName('alternative'), scope);
          });
        } finally {
          if (items && left) this.loopItems.delete(left.text);
        }
        return;
      }
      case 'while_statement':
        this.visitExpression(node.childForFieldName('condition'), scope, { kind: 'statement' }, node);
        this.inBranch(() => {
          this.visitBlockOf(node.childForFieldName('body'), scope);
          this.visitBlockOf(node.childForFieldName('alternative'), scope);
        });
        return;
      case 'match_statement': {
        this.visitExpression(node.childForFieldName('subject'), scope, { kind: 'statement' }, node);
        const body = node.childForFieldName('body');
        this.inBranch(() => {
          for (let i = 0, kids = body ? body.namedChildren : []; i < kids.length; i++) {
            const clause = kids[i]!;
            if (clause.type === 'case_clause') this.visitBlockOf(clause.childForFieldName('consequence'), scope);
          }
        });
        return;
      }
      case 'expression_statement':
        return this.visitExpressionStatement(node, scope);
      case 'print_statement':
      case 'exec_statement': {
        if (node.type === 'print_statement' && node.namedChild(0)?.type === 'chevron') {
          // `print >> sys.stderr, "message"` is also a Python 3 expression statement: a tuple whose
          // first item shifts the `print` function right. CPython compiles it (it fails only when run).
          for (let i = 0, kids = node.namedChildren; i < kids.length; i++) {
            const child = kids[i]!;
            const value = child.type === 'chevron' ? child.namedChild(0) : child;
            if (value) this.visitExpression(value, scope, { kind: 'statement' }, node);
          }
          return;
        }
        const keyword = node.type === 'print_statement' ? 'print' : 'exec';
        this.structuralProblems.push({ span: spanOf(node), message: `syntax error: Python 2 \`${keyword}\` statement (Python 3 calls ${keyword}() as a function)` });
        return;
      }
      case 'global_statement':
      case 'nonlocal_statement':
      case 'pass_statement':
      case 'break_statement':
      case 'continue_statement':
      case 'comment':
        return;
      default:
        // return, raise, assert, del, type aliases, print...: whatever calls they hold run here.
        this.visitExpression(node, scope, { kind: 'statement' }, node);
    }
  }

  /** Visits the block of a clause node (`else_clause`, `finally_clause`, `except_clause`, a plain `block`). */
  private visitBlockOf(clause: SyntaxNode | null, scope: Scope): void {
    if (!clause) return;
    if (clause.type === 'block') return this.visitBlock(clause, scope);
    for (let i = 0, kids = clause.namedChildren; i < kids.length; i++) {
      const child = kids[i]!;
      if (child.type === 'block') this.visitBlock(child, scope);
      else if (clause.type === 'except_clause' || clause.type === 'except_group_clause') {
        // `except A, B:`: two expressions with a comma between them (not a bare `except:` whose
        // comment lines end with one).
        const first = clause.namedChild(0)!;
        const between = (): string => clause.text.slice(first.endIndex - clause.startIndex, child.startIndex - clause.startIndex).trim();
        if (i === 1 && child.type !== 'block' && child.type !== 'comment' && first.type !== 'as_pattern' && first.type !== 'comment' && between() === ',') {
          const problem = this.unparenthesisedExcept(clause);
          if (problem) this.structuralProblems.push({ span: spanOf(clause), message: problem });
        }
        // The exception expression (`except (A, B) as e`) is evaluated when the handler is matched.
        this.visitExpression(child, scope, { kind: 'statement' }, clause);
      }
    }
  }

  /**
   * `except A, B:` without parentheses: valid from Python 3.14 (PEP 758), as long as no `as`
   * follows; before 3.14 a SyntaxError (it was Python 2's `except X, e:`). The message for the
   * problem, or undefined when the target accepts it.
   */
  private unparenthesisedExcept(clause: SyntaxNode): string | undefined {
    const star = /^except\s*\*/.test(clause.text) ? '*' : '';
    const hasAs = clause.namedChildren.some((c) => c?.type === 'as_pattern');
    const [major, minor] = this.target.version;
    const from314 = major > 3 || (major === 3 && minor >= 14);
    if (from314 && !hasAs) return undefined;
    if (hasAs) return `syntax error: \`except${star} A, B as e:\` needs parentheses${from314 ? ' even in Python 3.14' : ''} (\`except${star} (A, B) as e:\`)`;
    return `syntax error: \`except${star} A, B:\` without parentheses is valid from Python 3.14 only (PEP 758), and the target is Python ${this.target.version.join('.')}; before 3.14 write \`except${star} (A, B):\` (or \`except${star} A as e:\` for Python 2's \`except A, e:\`)`;
  }

  /**
   * `if` / `elif` / `else`: a branch whose condition is false for the target, or that follows a
   * branch whose condition is true, does not run (its imports get an `unreachable` scope); a
   * condition that depends on run time keeps every branch.
   */
  private visitIf(node: SyntaxNode, scope: Scope): void {
    const clauses: Array<{ condition: SyntaxNode | null; body: SyntaxNode | null; owner: SyntaxNode }> = [
      { condition: node.childForFieldName('condition'), body: node.childForFieldName('consequence'), owner: node },
    ];
    for (const alternative of node.childrenForFieldName('alternative')) {
      if (!alternative) continue;
      if (alternative.type === 'elif_clause') {
        clauses.push({ condition: alternative.childForFieldName('condition'), body: alternative.childForFieldName('consequence'), owner: alternative });
      } else {
        clauses.push({ condition: null, body: alternative.childForFieldName('body') ?? alternative, owner: alternative });
      }
    }
    /** Why the remaining clauses cannot run, once a clause is known to run. */
    let taken: string | undefined;
    const notTaken: string[] = [];
    /** Conditions above that depend on run time: an `else` runs when none of them holds. */
    const undecided: SyntaxNode[] = [];
    for (const { condition, body, owner } of clauses) {
      if (taken !== undefined) {
        this.visitGuarded(body, this.unreachable(scope, `\`${taken}\` is true for ${describeTarget(this.target)}, so the branches after it do not run`));
        continue;
      }
      if (!condition) {
        // `else`: runs when no condition above was true; known to run when all were known false.
        if (notTaken.length === clauses.length - 1) this.visitBlockOf(body, scope);
        else this.underCondition(negation(undecided), () => this.inBranch(() => this.visitBlockOf(body, scope)));
        continue;
      }
      const guard = this.guardKind(condition, scope);
      if (guard) {
        if (guard === 'main-guard') this.mainGuardLine ??= condition.startPosition.row + 1;
        this.visitExpression(condition, scope, { kind: 'statement' }, owner);
        this.visitGuarded(body, { kind: guard });
        continue;
      }
      // The condition itself runs (its calls too), whatever it turns out to be.
      this.visitExpression(condition, scope, { kind: 'statement' }, owner);
      const value = truthiness(evaluate(condition, this.conditionContext(scope)));
      if (value === false) {
        notTaken.push(condition.text);
        this.visitGuarded(body, this.unreachable(scope, `\`${foldText(condition.text)}\` is false for ${describeTarget(this.target)}`));
        continue;
      }
      if (value === true) {
        taken = foldText(condition.text);
        this.visitBlockOf(body, scope);
      } else {
        undecided.push(condition);
        this.underCondition(conditionText(condition), () => this.inBranch(() => this.visitBlockOf(body, scope)));
      }
    }
  }

  /** Visits code that runs only when `condition` (as written) holds at run time. */
  private underCondition(condition: string, visit: () => void): void {
    this.conditions.push(condition);
    try {
      visit();
    } finally {
      this.conditions.pop();
    }
  }

  private unreachable(scope: Scope, condition: string): ExecutionScope {
    const execution = scope.execution;
    const inFunction = execution.kind === 'function' ? execution.function : 'function' in execution ? execution.function : undefined;
    return { kind: 'unreachable', condition, ...(inFunction !== undefined ? { function: inFunction } : {}) };
  }

  /** Runs `visit` as a module-level block that may not run: names bound in it have no known value after it. */
  private inBranch(visit: () => void): void {
    this.branchDepth++;
    try {
      visit();
    } finally {
      this.branchDepth--;
    }
  }

  /**
   * `try:` / `except:` / `else:` / `finally:`. The imports of an `except` clause that catches
   * ImportError are fallbacks: they run only when an import of the `try` branch fails, which the
   * resolver decides (it knows which modules exist).
   */
  private visitTry(node: SyntaxNode, scope: Scope): void {
    const firstImport = this.imports.length;
    let tryImports: number[] = [];
    for (let i = 0, kids = node.namedChildren; i < kids.length; i++) {
      const part = kids[i]!;
      if (part.type === 'block') {
        this.inBranch(() => this.visitBlock(part, scope));
        tryImports = [];
        for (let k = firstImport; k < this.imports.length; k++) {
          if (this.imports[k]!.kind !== 'dynamic') tryImports.push(k);
        }
      } else if ((part.type === 'except_clause' || part.type === 'except_group_clause') && tryImports.length > 0 && catchesImportError(part)) {
        this.fallbacks.push({ tryLine: node.startPosition.row + 1, handler: foldText(firstLine(part.text).replace(/:\s*$/, '')), tryImports });
        try {
          this.inBranch(() => this.visitBlockOf(part, scope));
        } finally {
          this.fallbacks.pop();
        }
      } else if (part.type === 'finally_clause') {
        this.visitBlockOf(part, scope);
      } else {
        this.inBranch(() => this.visitBlockOf(part, scope));
      }
    }
  }

  private conditionContext(scope: Scope): ConditionContext {
    return {
      target: this.target,
      qualify: (dotted) => {
        const resolved = this.qualify(dotted, scope);
        if (resolved && 'qualified' in resolved && resolved.kind === 'import') return resolved.qualified;
        // `TYPE_CHECKING` with no binding: a name only type checkers define.
        if (!resolved && dotted === 'TYPE_CHECKING' && !lookup(dotted, scope)) return 'typing.TYPE_CHECKING';
        return undefined;
      },
      constant: (name) => {
        // Only module-level names not shadowed in the scope being visited.
        for (let s: Scope | undefined = scope; s; s = s.parent) {
          if (s.parent === undefined && s.prefix === '' && !s.className) break;
          if (s.bindings.has(name)) return undefined;
        }
        if (this.globalNames.has(name)) return undefined;
        if (scope.execution.kind !== 'module' && (this.bindingCounts.get(name) ?? 0) !== 1) return undefined;
        return this.constants.get(name);
      },
    };
  }

  /** A module-level name is (re)bound: to `value` when it is known, and the binding is unconditional. */
  private bindConstant(name: string, value: Value | undefined): void {
    this.bindingCounts.set(name, (this.bindingCounts.get(name) ?? 0) + 1);
    if (value !== undefined && this.branchDepth === 0 && !this.globalNames.has(name)) this.constants.set(name, value);
    else this.constants.delete(name);
  }

  /**
   * Code that never runs on import: `if TYPE_CHECKING:` never at run time, `if __name__ == "__main__":`
   * only when the file is run as a script, a branch that is false for the target never. Its imports
   * are kept (with that scope) so `graph` can show them; its calls are not resources of an imported module.
   */
  private visitGuarded(block: SyntaxNode | null, execution: ExecutionScope): void {
    if (!block) return;
    const guardedScope: Scope = { execution, bindings: new Map(), prefix: '' };
    // Depth first, in source order, with a stack of its own: the block can nest as deep as it likes.
    const pending: SyntaxNode[] = [block];
    for (let node = pending.pop(); node; node = pending.pop()) {
      if (node.type === 'import_statement') this.visitImport(node, guardedScope);
      else if (node.type === 'import_from_statement') this.visitImportFrom(node, guardedScope);
      else if (node === block || (node.type !== 'function_definition' && node.type !== 'class_definition' && node.type !== 'lambda')) {
        for (let kids = node.namedChildren, i = kids.length - 1; i >= 0; i--) pending.push(kids[i]!);
      }
    }
  }

  private guardKind(condition: SyntaxNode | null, scope: Scope, depth = 0): 'type-checking' | 'main-guard' | undefined {
    if (!condition || depth > MAX_HELPER_NESTING) return undefined;
    const atModuleLevel = scope.execution.kind === 'module' && !scope.className;
    if (condition.type === 'boolean_operator' && (condition.childForFieldName('operator')?.type ?? condition.child(1)?.type) === 'or') {
      // `if TYPE_CHECKING or not install_lazy_importer():` (anyio): the block is for type checkers, and at
      // run time only when the other operand is true, which the idiom exists to avoid (it sets up lazy
      // imports instead). A run-time operand is taken as false; a known one decides as usual.
      const left = condition.childForFieldName('left');
      const right = condition.childForFieldName('right');
      if (this.guardKind(left, scope, depth + 1) === 'type-checking' && truthiness(evaluate(right, this.conditionContext(scope))) === undefined) {
        if (atModuleLevel) this.installsLazyImporter = true;
        return 'type-checking';
      }
      return undefined;
    }
    if (condition.type === 'identifier' || condition.type === 'attribute') {
      const dotted = dottedName(condition);
      if (!dotted) return undefined;
      if (dotted === 'TYPE_CHECKING') return 'type-checking';
      const qualified = this.qualify(dotted, scope);
      if (qualified && 'qualified' in qualified && TYPE_CHECKING_NAMES.has(qualified.qualified)) return 'type-checking';
      return undefined;
    }
    if (condition.type === 'comparison_operator' && condition.namedChildCount === 2) {
      const operator = condition.childrenForFieldName('operators')[0]?.type ?? condition.child(1)?.type;
      if (operator !== '==') return undefined;
      const left = condition.namedChild(0)!;
      const right = condition.namedChild(1)!;
      const isName = (n: SyntaxNode): boolean => n.type === 'identifier' && n.text === '__name__';
      const isMain = (n: SyntaxNode): boolean => n.type === 'string' && stringLiteral(n) === '__main__';
      if (atModuleLevel && ((isName(left) && isMain(right)) || (isMain(left) && isName(right)))) return 'main-guard';
    }
    return undefined;
  }

  private visitWith(node: SyntaxNode, scope: Scope): void {
    const clause = node.namedChildren.find((child) => child?.type === 'with_clause');
    for (let i = 0, kids = clause ? clause.namedChildren : []; i < kids.length; i++) {
      const item = kids[i]!;
      if (item.type !== 'with_item') continue;
      let value = item.childForFieldName('value');
      if (value?.type === 'as_pattern') {
        const target = value.childForFieldName('alias')?.namedChild(0);
        if (target) this.noteTargetNames(target, scope);
        value = value.namedChild(0);
      }
      if (value?.type === 'call') this.visitCall(value, scope, { kind: 'with-item' }, node);
      else this.visitExpression(value, scope, { kind: 'statement' }, node);
    }
    this.visitBlockOf(node.childForFieldName('body'), scope);
  }

  private visitExpressionStatement(node: SyntaxNode, scope: Scope): void {
    const expression = node.namedChild(0);
    if (!expression) return;
    if (expression.type === 'assignment') return this.visitAssignment(expression, scope, node);
    if (expression.type === 'augmented_assignment') {
      const left = expression.childForFieldName('left');
      if (left?.type === 'identifier' && this.isModuleLevel(scope)) this.bindConstant(left.text, undefined);
      const right = expression.childForFieldName('right');
      if (left?.type === 'identifier' && right && scope.execution.kind === 'module' && expression.childForFieldName('operator')?.type === '+=') {
        this.noteLiteralAssignment([left.text], right, scope, node, true);
      }
      this.visitExpression(expression.childForFieldName('right'), scope, { kind: 'statement' }, node);
      return;
    }
    const firstCall = this.calls.length;
    this.visitExpression(expression, scope, this.placementFor(scope), node);
    // `Redis().ping()`, `requests.Session()` as a statement: each call of the chain is dropped at once.
    // The statement's call is recorded last (the calls in it run first); its chain links back.
    if (expression.type !== 'call' || this.calls.length === firstCall) return;
    const last = this.calls[this.calls.length - 1]!;
    // Not recorded when nested too deeply: then the last call is one inside it, which is not dropped.
    if (last.span.endLine !== expression.endPosition.row + 1 || last.span.endColumn !== expression.endPosition.column + 1) return;
    for (let record: CallRecord | undefined = last; record; ) {
      record.discarded = true;
      record = record.receiver?.via === 'chain' ? this.calls[record.receiver.callId] : undefined;
    }
  }

  /**
   * `client = Client()` in a function, then only `client.method(...)` calls: the object is dropped
   * when the function returns. A name declared `global` anywhere, assigned twice, returned, stored,
   * passed on or read otherwise keeps its object alive, and so does any function, lambda or class
   * nested in the body (a closure may hold it), so the call is not marked. Read from the body's
   * text, not its nodes: most functions assign a call's result to a local name, and walking each
   * body node by node cost more than parsing it.
   */
  private noteDroppedLocals(body: SyntaxNode, firstCall: number): void {
    const candidates = this.calls.slice(firstCall).filter((c) => c.boundTo !== undefined && c.assignedTo === c.boundTo && /^[A-Za-z_]\w*$/.test(c.boundTo) && !this.globalNames.has(c.boundTo) && c.scope.kind === 'function');
    if (candidates.length === 0) return;
    const text = this.text.slice(body.startIndex, body.endIndex);
    if (/(^|[^\w.])(def|lambda|class)\b/.test(text)) return;
    for (const call of candidates) {
      const name = call.boundTo!;
      let assignments = 0;
      let otherUse = false;
      // Each use of the name as a whole word, not an attribute (`x.name`): found with indexOf, which
      // cost a tenth of a regular expression made for each name (the bodies of a file are many).
      for (let at = text.indexOf(name); at >= 0 && !otherUse; at = text.indexOf(name, at + name.length)) {
        const end = at + name.length;
        if ((at > 0 && WORD_OR_DOT.test(text[at - 1]!)) || (end < text.length && WORD.test(text[end]!))) continue;
        const after = text.slice(end, end + 200);
        if (/^\s*(:[^=\n]*)?=(?!=)/.test(after)) assignments++;
        else if (!/^\s*\.\s*\w+\s*\(/.test(after)) otherUse = true;
      }
      if (!otherUse && assignments === 1) call.discarded = true;
    }
  }

  private visitAssignment(node: SyntaxNode, scope: Scope, statement: SyntaxNode): void {
    const { targets, right } = assignmentParts(node);
    const names = targets.filter((t) => t.type === 'identifier').map((t) => t.text);
    for (const target of targets) this.noteTargetNames(target, scope);
    if (this.isModuleLevel(scope) && right) this.noteConstantAssignment(targets, right, scope);
    // Calls inside subscript/attribute targets (`cache[key()] = ...`) run too.
    for (const target of targets) {
      if (target.type !== 'identifier') this.visitExpression(target, scope, this.placementFor(scope), statement);
    }
    if (!right) return;
    if (scope.execution.kind === 'module' && scope.prefix === '' && names.includes('__all__')) {
      this.dunderAll = stringSequence(right);
    }
    if (scope.execution.kind === 'module' && names.length > 0) this.noteLiteralAssignment(names, right, scope, statement);
    const firstCall = this.calls.length;
    this.visitExpression(right, scope, this.placementFor(scope), statement);
    const boundName = names[0];
    if (right.type === 'call' && this.calls.length > firstCall) {
      const outer = this.calls[this.calls.length - 1]!;
      if (boundName) outer.boundTo = scope.className ? `${scope.prefix}${boundName}` : boundName;
      if (targets[0]) outer.assignedTo = this.excerpts.of(targets[0]);
      for (const name of names) rebind(scope, name, { kind: 'instance', callId: outer.id });
      // `self.scheduler = BackgroundScheduler()` then `self.scheduler.start()` in the same body;
      // `state.scheduler = ...` then `state.scheduler.start()`: the same dotted target text.
      for (const target of targets) {
        const attribute = attributeTarget(target);
        if (attribute) scope.bindings.set(attribute, { kind: 'instance', callId: outer.id });
      }
    } else if (this.isModuleLevel(scope) && this.branchDepth === 0 && names.length === 1 && right.type === 'attribute' && right.childForFieldName('object')?.type === 'identifier') {
      // `preload_module = _reg.preload_module`, `_reg = _ModuleRegistry()` above: calls of the name run that method.
      const holder = lookup(right.childForFieldName('object')!.text, scope);
      const method = right.childForFieldName('attribute')?.text;
      if (holder?.kind === 'instance' && method) {
        this.boundMethods.push({ name: names[0]!, callId: holder.callId, method });
        scope.bindings.set(names[0]!, { kind: 'local', name: names[0]! });
      } else scope.bindings.set(names[0]!, { kind: 'opaque' });
    } else {
      for (const name of names) rebind(scope, name, { kind: 'opaque' });
      for (const target of targets) {
        const attribute = attributeTarget(target);
        if (attribute) scope.bindings.delete(attribute);
      }
    }
  }

  /**
   * `PY2 = sys.version_info[0] == 2`, `_false = 0`, and Celery's `globals()['kcah_acitats'[::-1].upper()] = False`:
   * module-level names whose value conditions further down read. (The name is already counted as bound.)
   */
  private noteConstantAssignment(targets: SyntaxNode[], right: SyntaxNode, scope: Scope): void {
    if (this.branchDepth > 0) return;
    const value = evaluate(right, this.conditionContext(scope));
    for (const target of targets) {
      if (target.type === 'identifier') {
        if (value !== undefined && !this.globalNames.has(target.text)) this.constants.set(target.text, value);
        continue;
      }
      const object = target.type === 'subscript' ? target.childForFieldName('value') : null;
      if (object?.type !== 'call' || object.childForFieldName('function')?.text !== 'globals') continue;
      const key = evaluate(target.childForFieldName('subscript'), this.conditionContext(scope));
      if (typeof key === 'string') this.bindConstant(key, value);
      else this.constants.clear(); // some name changed, which one is not known
    }
  }

  /** `ROOT_URLCONF = "proj.urls"`, `INSTALLED_APPS = [...]` (`+=` when `extend`): kept for the frameworks configured this way. */
  private noteLiteralAssignment(names: string[], right: SyntaxNode, scope: Scope, statement: SyntaxNode, extend = false): void {
    const read = literalValueOf(right);
    if (!read) return;
    for (const name of names) {
      this.assignments.push({
        name: `${scope.prefix}${name}`,
        value: read.value,
        ...(read.unread.length > 0 ? { unread: read.unread } : {}),
        ...(extend ? { extends: true } : {}),
        span: spanOf(right),
        statementText: this.excerpts.of(statement),
      });
    }
  }

  private isModuleLevel(scope: Scope): boolean {
    return scope.execution.kind === 'module' && scope.prefix === '';
  }

  private noteTargetNames(target: SyntaxNode, scope: Scope): void {
    if (!this.isModuleLevel(scope)) return;
    // `((a, b), c) = ...`: nested patterns, walked with a stack of their own.
    const pending: SyntaxNode[] = [target];
    for (let node = pending.pop(); node; node = pending.pop()) {
      if (node.type === 'identifier') {
        this.definedNames.add(node.text);
        this.bindConstant(node.text, undefined);
      } else if (node.type === 'pattern_list' || node.type === 'tuple_pattern' || node.type === 'list_pattern') {
        for (let kids = node.namedChildren, i = kids.length - 1; i >= 0; i--) pending.push(kids[i]!);
      }
    }
  }

  private placementFor(scope: Scope): CallPlacement {
    return scope.className ? { kind: 'class-body', className: scope.className } : { kind: 'statement' };
  }

  // ---- imports ----------------------------------------------------------------------------

  private visitImport(node: SyntaxNode, scope: Scope): void {
    for (const nameNode of node.childrenForFieldName('name')) {
      if (!nameNode) continue;
      const dotted = nameNode.type === 'aliased_import' ? nameNode.childForFieldName('name') : nameNode;
      const aliasNode = nameNode.type === 'aliased_import' ? nameNode.childForFieldName('alias') : null;
      if (!dotted) continue;
      const module = dotted.text.replace(/\s+/g, '');
      const alias = aliasNode?.text;
      this.imports.push({
        kind: 'import',
        module,
        level: 0,
        names: [],
        star: false,
        ...(alias ? { alias } : {}),
        scope: this.importScope(node, scope),
        ...this.fallbackOf(),
        span: spanOf(node),
        text: this.excerpts.of(node),
      });
      const bound = alias ?? module.split('.')[0]!;
      scope.bindings.set(bound, { kind: 'import', qualified: alias ? module : bound });
      if (this.isModuleLevel(scope)) {
        this.importedNames.add(bound);
        this.bindConstant(bound, undefined);
      }
    }
  }

  private visitImportFrom(node: SyntaxNode, scope: Scope): void {
    const moduleNode = node.childForFieldName('module_name');
    let level = 0;
    let module = '';
    if (moduleNode?.type === 'relative_import') {
      const prefix = moduleNode.namedChildren.find((c) => c?.type === 'import_prefix');
      level = prefix ? prefix.text.length : 0;
      const dotted = moduleNode.namedChildren.find((c) => c?.type === 'dotted_name');
      module = dotted ? dotted.text.replace(/\s+/g, '') : '';
    } else if (moduleNode) {
      module = moduleNode.text.replace(/\s+/g, '');
    }
    const star = node.namedChildren.some((c) => c?.type === 'wildcard_import');
    const names = node.childrenForFieldName('name').flatMap((nameNode) => {
      if (!nameNode) return [];
      if (nameNode.type === 'aliased_import') {
        const name = nameNode.childForFieldName('name')?.text ?? '';
        const alias = nameNode.childForFieldName('alias')?.text;
        return [{ name, ...(alias ? { alias } : {}) }];
      }
      return [{ name: nameNode.text }];
    });
    if (node.type === 'future_import_statement') module = '__future__';
    this.imports.push({
      kind: 'from',
      module,
      level,
      names,
      star,
      scope: this.importScope(node, scope),
      ...this.fallbackOf(),
      span: spanOf(node),
      text: this.excerpts.of(node),
    });
    const base = '.'.repeat(level) + module;
    for (const { name, alias } of names) {
      const qualified = base === '' || base.endsWith('.') ? `${base}${name}` : `${base}.${name}`;
      scope.bindings.set(alias ?? name, { kind: 'import', qualified });
      if (this.isModuleLevel(scope)) {
        this.importedNames.add(alias ?? name);
        this.bindConstant(alias ?? name, undefined);
      }
    }
  }

  /** The statement's scope, unless it is a PEP 810 lazy import (which runs when its name is first used). */
  private importScope(node: SyntaxNode, scope: Scope): ExecutionScope {
    if (!this.lazyPrefixRows.has(node.startPosition.row)) return scope.execution;
    const execution = scope.execution;
    return { kind: 'lazy-import', ...(execution.kind === 'function' ? { function: execution.function } : {}) };
  }

  private fallbackOf(): Pick<ImportRecord, 'fallback'> {
    const fallback = this.fallbacks[this.fallbacks.length - 1];
    return fallback ? { fallback } : {};
  }

  // ---- definitions ------------------------------------------------------------------------

  private visitDecorated(node: SyntaxNode, scope: Scope): void {
    const definition = node.childForFieldName('definition');
    const decorators = node.namedChildren.filter((c): c is SyntaxNode => c?.type === 'decorator');
    if (definition?.type === 'function_definition') this.visitFunction(definition, scope, decorators);
    else if (definition?.type === 'class_definition') this.visitClass(definition, scope, decorators);
  }

  private visitDecorators(decorators: SyntaxNode[], scope: Scope, target: string): void {
    for (const decorator of decorators) {
      const expression = decorator.namedChild(0);
      const dotted = expression ? dottedName(expression) : undefined;
      if (expression && dotted) {
        // `@deco` calls deco(the function) when the def runs: a call like any other.
        this.recordBareDecorator(expression, dotted, scope, target, decorator);
      } else {
        this.visitExpression(expression, scope, { kind: 'decorator', target }, decorator);
      }
    }
  }

  private recordBareDecorator(expression: SyntaxNode, dotted: string, scope: Scope, target: string, decorator: SyntaxNode): void {
    const resolved = this.qualify(dotted, scope);
    const id = this.calls.length;
    this.calls.push({
      id,
      ...(resolved && 'qualified' in resolved ? { callee: resolved.qualified } : {}),
      ...(resolved?.kind === 'local' ? { calleeIsLocal: true } : {}),
      ...(resolved?.kind === 'instance' ? { receiver: { callId: resolved.callId, method: resolved.member, via: 'name' as const, name: resolved.name } } : {}),
      calleeText: expression.text,
      text: `@${expression.text}`,
      args: [{ text: target.split('.').pop()! }],
      scope: scope.execution,
      placement: { kind: 'decorator', target },
      bareDecorator: true,
      span: spanOf(expression),
      statementText: this.excerpts.of(decorator),
    });
  }

  private visitFunction(node: SyntaxNode, scope: Scope, decorators: SyntaxNode[]): void {
    const name = node.childForFieldName('name')?.text ?? '<function>';
    const qualname = `${scope.prefix}${name}`;
    this.visitDecorators(decorators, scope, qualname);
    const parameters = node.childForFieldName('parameters');
    for (let i = 0, kids = parameters ? parameters.namedChildren : []; i < kids.length; i++) {
      const parameter = kids[i]!;
      if (parameter.type !== 'default_parameter' && parameter.type !== 'typed_default_parameter') continue;
      const parameterName = parameter.childForFieldName('name')?.text ?? '?';
      const placement: CallPlacement = { kind: 'default-argument', function: qualname, parameter: parameterName };
      this.visitExpression(parameter.childForFieldName('value'), scope, placement, node);
    }
    this.functions.push({ qualname, span: spanOf(node) });
    this.bindDefinition(name, qualname, scope);
    const body = node.childForFieldName('body');
    if (body) {
      const isMethod = scope.className !== undefined && !decorators.some((d) => d.namedChild(0)?.text === 'staticmethod');
      const functionScope: Scope = {
        execution: { kind: 'function', function: qualname },
        bindings: new Map(),
        parent: scope.className ? moduleScopeOf(scope) : scope,
        prefix: `${qualname}.`,
        parameters: parametersOf(parameters, isMethod ? 1 : 0),
        ...(isMethod ? { methodClass: scope.className } : {}),
      };
      for (const name of functionScope.parameters!.keys()) functionScope.bindings.set(name, { kind: 'opaque' });
      this.deferredBodies.push({ body, scope: functionScope });
    }
  }

  private visitClass(node: SyntaxNode, scope: Scope, decorators: SyntaxNode[]): void {
    const name = node.childForFieldName('name')?.text ?? '<class>';
    const qualname = `${scope.prefix}${name}`;
    this.visitDecorators(decorators, scope, qualname);
    const superclasses = node.childForFieldName('superclasses');
    const bases: string[] = [];
    let metaclass: string | undefined;
    for (let i = 0, kids = superclasses ? superclasses.namedChildren : []; i < kids.length; i++) {
      const base = kids[i]!;
      if (base.type === 'keyword_argument') {
        const value = base.childForFieldName('value');
        const dotted = base.childForFieldName('name')?.text === 'metaclass' && value ? dottedName(value) : undefined;
        const resolved = dotted ? this.qualify(dotted, scope) : undefined;
        if (resolved && 'qualified' in resolved) metaclass = resolved.qualified;
        this.visitExpression(value, scope, { kind: 'statement' }, node);
        continue;
      }
      const dotted = dottedName(base);
      const resolved = dotted ? this.qualify(dotted, scope) : undefined;
      if (resolved && 'qualified' in resolved) bases.push(resolved.qualified);
      else this.visitExpression(base, scope, { kind: 'statement' }, node);
    }
    const body = node.childForFieldName('body');
    const header = foldText(this.text.slice(node.startIndex, body ? body.startIndex : node.endIndex)).replace(/\s*$/, '');
    this.classes.push({ name: qualname, bases, ...(metaclass ? { metaclass } : {}), scope: scope.execution, header, span: spanOf(node) });
    if (body) {
      const classScope: Scope = {
        execution: scope.execution,
        bindings: new Map(),
        parent: scope,
        prefix: `${qualname}.`,
        className: qualname,
      };
      // A class body runs when the class statement runs: at import time for a module-level class.
      this.visitBlock(body, classScope);
    }
    this.bindDefinition(name, qualname, scope);
  }

  private bindDefinition(name: string, qualname: string, scope: Scope): void {
    scope.bindings.set(name, { kind: 'local', name: qualname });
    if (scope.execution.kind === 'module' && scope.prefix === '') {
      this.definedNames.add(name);
      this.bindConstant(name, undefined);
    }
  }

  // ---- expressions and calls --------------------------------------------------------------

  /** Records every call in an expression, innermost first, without entering lambda bodies. */
  private visitExpression(node: SyntaxNode | null, scope: Scope, placement: CallPlacement, statement: SyntaxNode): void {
    if (!node) return;
    // Read once: each read of a node's type is a call into the parser's WebAssembly.
    const type = node.type;
    switch (type) {
      case 'call':
        this.visitCall(node, scope, placement, statement);
        return;
      case 'lambda':
      case 'function_definition':
      case 'class_definition':
      case 'decorated_definition':
        return;
      case 'identifier':
      case 'string_content':
      case 'integer':
      case 'float':
      case 'true':
      case 'false':
      case 'none':
        return; // a leaf: no call in it
    }
    // One frame a level, counted: see MAX_EXPRESSION_NESTING.
    if (this.expressionDepth >= MAX_EXPRESSION_NESTING) return this.skipTooDeep(node, `an expression nested more than ${MAX_EXPRESSION_NESTING} levels deep`);
    this.expressionDepth++;
    try {
      if (type === 'named_expression') this.visitExpression(node.childForFieldName('value'), scope, placement, statement);
      else if (type === 'conditional_expression' && node.namedChildCount === 3) this.visitConditionalExpression(node, scope, placement, statement);
      else for (const child of node.namedChildren) this.visitExpression(child, scope, placement, statement);
    } finally {
      this.expressionDepth--;
    }
  }

  /** `a if c else b`: `c` runs first, then one of the two, each under its condition. */
  private visitConditionalExpression(node: SyntaxNode, scope: Scope, placement: CallPlacement, statement: SyntaxNode): void {
    const [body, condition, alternative] = [node.namedChild(0)!, node.namedChild(1)!, node.namedChild(2)!];
    this.visitExpression(condition, scope, placement, statement);
    const value = truthiness(evaluate(condition, this.conditionContext(scope)));
    if (value !== false) {
      if (value === true) this.visitExpression(body, scope, placement, statement);
      else this.underCondition(conditionText(condition), () => this.visitExpression(body, scope, placement, statement));
    }
    if (value !== true) {
      if (value === false) this.visitExpression(alternative, scope, placement, statement);
      else this.underCondition(negation([condition]), () => this.visitExpression(alternative, scope, placement, statement));
    }
  }

  /** Records a call (after the calls in it, which run first) and returns its id; undefined when it is nested too deeply to visit. */
  private visitCall(node: SyntaxNode, scope: Scope, placement: CallPlacement, statement: SyntaxNode): number | undefined {
    // A call's frame is several times a plain expression's: it counts as CALL_NESTING levels.
    if (this.expressionDepth + CALL_NESTING > MAX_EXPRESSION_NESTING) return void this.skipTooDeep(node, `an expression nested more than ${MAX_EXPRESSION_NESTING} levels deep`);
    this.expressionDepth += CALL_NESTING;
    try {
      const functionNode = node.childForFieldName('function');
      const argumentsNode = node.childForFieldName('arguments');
      let receiver: CallRecord['receiver'];
      let callee: string | undefined;
      let calleeIsLocal = false;

      if (functionNode?.type === 'attribute' && functionNode.childForFieldName('object')?.type === 'call') {
        // `Thread(...).start()`: the inner call runs first.
        const innerId = this.visitCall(functionNode.childForFieldName('object')!, scope, placement, statement);
        if (innerId !== undefined) receiver = { callId: innerId, method: functionNode.childForFieldName('attribute')?.text ?? '', via: 'chain' };
      } else if (functionNode) {
        const dotted = dottedName(functionNode);
        const resolved = dotted ? this.qualify(dotted, scope) : undefined;
        if (resolved?.kind === 'instance') {
          receiver = { callId: resolved.callId, method: resolved.member, via: 'name', name: resolved.name };
        } else if (resolved) {
          callee = resolved.qualified;
          calleeIsLocal = resolved.kind === 'local';
        } else if (!dotted) {
          this.visitExpression(functionNode, scope, placement, statement);
        }
      }

      const args: CallArgument[] = [];
      for (let i = 0, kids = argumentsNode ? argumentsNode.namedChildren : []; i < kids.length; i++) {
        const argument = kids[i]!;
        if (argument.type === 'comment') continue;
        if (argument.type === 'keyword_argument') {
          const value = argument.childForFieldName('value');
          this.visitExpression(value, scope, placement, statement);
          const literal = value ? scalarLiteral(value) : undefined;
          const keyword: CallArgument = { keyword: argument.childForFieldName('name')?.text ?? '', text: value?.text ?? '' };
          if (literal !== undefined) keyword.literal = literal;
          args.push(keyword);
        } else {
          this.visitExpression(argument, scope, placement, statement);
          const literal = scalarLiteral(argument);
          const positional: CallArgument = { text: argument.text };
          if (literal !== undefined) positional.literal = literal;
          args.push(positional);
        }
      }

      const id = this.calls.length;
      // Fields set one by one rather than spread from small objects, which cost this function a
      // third of its time; in this order, the order of the JSON the cache stores.
      const record = { id } as CallRecord;
      if (callee) record.callee = callee;
      if (calleeIsLocal) record.calleeIsLocal = calleeIsLocal;
      record.calleeText = functionNode?.text ?? '';
      record.text = this.excerpts.of(node);
      if (receiver) record.receiver = receiver;
      record.args = args;
      record.scope = scope.execution;
      record.placement = placement;
      record.span = spanOf(node);
      record.statementText = this.excerpts.of(statement);
      if (this.conditions.length) record.condition = this.conditions.join(' and ');
      this.calls.push(record);
      this.noteDynamicImport(record, scope, argumentsNode);
      if (functionNode?.type === 'attribute' && argumentsNode) this.noteRegistryAdder(functionNode, argumentsNode, scope);
      return id;
    } finally {
      this.expressionDepth -= CALL_NESTING;
    }
  }

  /**
   * `self.module_registry.update(deps)` in `def preload_module(self, *deps)`, `_PLUGINS.append(name)`
   * in `def register(name)`: the function adds its argument to a registry of this module.
   */
  private noteRegistryAdder(functionNode: SyntaxNode, argumentsNode: SyntaxNode, scope: Scope): void {
    if (scope.execution.kind !== 'function' || !scope.parameters) return;
    const method = functionNode.childForFieldName('attribute')?.text;
    if (method !== 'update' && method !== 'extend' && method !== 'add' && method !== 'append') return;
    const registry = this.registryNamed(functionNode.childForFieldName('object'), scope);
    const args = argumentsNode.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'comment');
    if (!registry || args.length !== 1 || args[0]!.type !== 'identifier') return;
    const parameter = scope.parameters.get(args[0]!.text);
    if (parameter?.index === undefined) return;
    const adds = method === 'add' || method === 'append';
    if (parameter.star && adds) return; // adds the tuple itself
    const takes = parameter.star ? 'each-argument' : adds ? 'argument' : 'items';
    this.registryAdders.push({ function: scope.execution.function, registry, parameter: parameter.index, takes });
  }

  /**
   * A registry this module keeps: `self.<name>` in a method (named `<Class>.<name>`), or a module
   * global that the function does not bind itself. Also seen through `sorted(...)`, `list(...)`,
   * `tuple(...)`, `set(...)` and `.copy()`.
   */
  private registryNamed(node: SyntaxNode | null, scope: Scope, depth = 0): string | undefined {
    if (!node || depth > MAX_HELPER_NESTING) return undefined;
    if (node.type === 'call') {
      const callee = node.childForFieldName('function');
      const args = node.childForFieldName('arguments')?.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'comment') ?? [];
      if (callee?.type === 'identifier' && REGISTRY_VIEWS.has(callee.text) && args.length === 1 && !lookup(callee.text, scope)) {
        return this.registryNamed(args[0]!, scope, depth + 1);
      }
      if (callee?.type === 'attribute' && callee.childForFieldName('attribute')?.text === 'copy' && args.length === 0) {
        return this.registryNamed(callee.childForFieldName('object'), scope, depth + 1);
      }
      return undefined;
    }
    if (isSelfAttribute(node)) return scope.methodClass ? `${scope.methodClass}.${node.childForFieldName('attribute')!.text}` : undefined;
    if (node.type !== 'identifier' || !this.definedNames.has(node.text)) return undefined;
    // A module global: read at module level, or in a function that does not bind the name itself.
    if (this.isModuleLevel(scope) || (scope.execution.kind === 'function' && !scope.bindings.has(node.text))) return node.text;
    return undefined;
  }

  /**
   * `importlib.import_module("a.b")` and `__import__("a.b")` with literal names are imports too, and so
   * are names computed from literals and loop variables over known items (`for name in ("a", "b"):
   * __import__(name)` in requests' `packages.py`, `import_module("pkg.%s" % d)` with `f"pkg.{d}"`,
   * `"pkg." + d` and `"{}.{}".format(...)` alike): one import per value.
   */
  private noteDynamicImport(call: CallRecord, scope: Scope, argumentsNode: SyntaxNode | null): void {
    if (call.callee !== 'importlib.import_module' && call.callee !== 'builtins.__import__') return;
    const first = call.args[0];
    if (!first || first.keyword !== undefined) return;
    const node = argumentsNode?.namedChildren.find((c): c is SyntaxNode => c !== null && c.type !== 'comment') ?? null;
    const computed = this.computedStrings(node, scope);
    if (!computed) return;
    const source = computed.source;
    if (source && 'registry' in source) {
      const prefixParameter = this.prefixFilter(argumentsNode!.parent, scope);
      const registryOf: RegistryImport = { registry: source.registry, ...(prefixParameter ? { prefixParameter } : {}) };
      for (const name of computed.values) this.noteDynamicImportOf(call, scope, name, { registryOf });
      return;
    }
    for (const name of computed.values) this.noteDynamicImportOf(call, scope, name, source ? { allOf: source.allOf } : {});
  }

  /**
   * `if not path or module.startswith(path):` around the import, `module` iterating a registry and
   * `path` a parameter: the import runs for the items that start with what the caller passes.
   */
  private prefixFilter(call: SyntaxNode | null, scope: Scope): RegistryImport['prefixParameter'] {
    for (let node = call; node && node.type !== 'function_definition'; node = node.parent) {
      const parent = node.parent;
      if (parent?.type !== 'if_statement' || parent.childForFieldName('consequence')!== node) continue;
      const found = findDescendant(parent.childForFieldName('condition'), (n) => {
        if (n.type !== 'call') return false;
        const callee = n.childForFieldName('function');
        const args = n.childForFieldName('arguments')?.namedChildren ?? [];
        const item = callee?.childForFieldName('object');
        const items = item?.type === 'identifier' ? this.loopItems.get(item.text) : undefined;
        return callee?.type === 'attribute' && callee.childForFieldName('attribute')?.text === 'startswith' &&
          items !== undefined && !Array.isArray(items) && 'registry' in items &&
          args.length === 1 && args[0]?.type === 'identifier' && scope.parameters?.get(args[0].text)?.index !== undefined;
      });
      if (!found) continue;
      const name = found.childForFieldName('arguments')!.namedChildren[0]!.text;
      const parameter = scope.parameters!.get(name)!;
      if (!parameter.star) return { index: parameter.index!, name };
    }
    return undefined;
  }

  /** What a `for` statement's iterable yields, when it is known: see `loopItems`. */
  private loopItemsOf(node: SyntaxNode | null, scope: Scope): string[] | LoopSource | undefined {
    const items = stringItems(evaluate(node, this.conditionContext(scope)));
    // `PLUGINS = []` that functions append to: what the loop sees is what was added since.
    const registry = items?.length === 0 || !items ? this.registryNamed(node, scope) : undefined;
    if (registry) return { registry };
    if (items) return items;
    const dotted = node ? dottedName(node) : undefined;
    if (!dotted?.endsWith('.__all__')) return undefined;
    const resolved = this.qualify(dotted.slice(0, -'.__all__'.length), scope);
    return resolved?.kind === 'import' ? { allOf: resolved.qualified } : undefined;
  }

  /**
   * The values a string expression can take: literals, loop variables over known items, and `+`,
   * `%`, f-strings and `str.format` over them. A loop over another module's `__all__` or over a
   * registry leaves `ALL_ITEM` where each of its items goes, and says which in `source`.
   */
  private computedStrings(node: SyntaxNode | null, scope: Scope): { values: string[]; source?: LoopSource } | undefined {
    let source: LoopSource | undefined;
    let depth = 0;
    const valuesOf = (n: SyntaxNode | null): string[] | undefined => {
      if (!n || depth > MAX_HELPER_NESTING) return undefined;
      depth++;
      try {
        return valuesOfNode(n);
      } finally {
        depth--;
      }
    };
    const valuesOfNode = (n: SyntaxNode): string[] | undefined => {
      switch (n.type) {
        case 'parenthesized_expression':
          return n.namedChildCount === 1 ? valuesOf(n.namedChild(0)) : undefined;
        case 'identifier': {
          const items = this.loopItems.get(n.text);
          if (Array.isArray(items)) return items;
          if (items) {
            if (source !== undefined) return undefined; // two loops over unknown items
            source = items;
            return [ALL_ITEM];
          }
          const value = evaluate(n, this.conditionContext(scope));
          return typeof value === 'string' ? [value] : undefined;
        }
        case 'string': {
          const value = evaluate(n, this.conditionContext(scope));
          if (typeof value === 'string') return [value];
          return this.formattedStrings(n, valuesOf);
        }
        case 'concatenated_string':
          return product(n.namedChildren.map((c) => (c ? valuesOf(c) : undefined)));
        case 'binary_operator': {
          const operator = n.childForFieldName('operator')?.text;
          const left = valuesOf(n.childForFieldName('left'));
          const rightNode = n.childForFieldName('right');
          if (!left || !rightNode) return undefined;
          if (operator === '+') return product([left, valuesOf(rightNode)]);
          if (operator !== '%') return undefined;
          const operands = rightNode.type === 'tuple' ? rightNode.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'comment') : [rightNode];
          const combinations = product(operands.map((o) => valuesOf(o)).map((v) => v?.map((x) => [x])));
          return combinations && left.length === 1 ? substituteAll(left[0]!, combinations, /%()s/g) : undefined;
        }
        case 'call': {
          // `"{}.{}".format(a, b)`
          const callee = n.childForFieldName('function');
          if (callee?.type !== 'attribute' || callee.childForFieldName('attribute')?.text !== 'format') return undefined;
          const template = valuesOf(callee.childForFieldName('object'));
          const args = n.childForFieldName('arguments')?.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'comment') ?? [];
          if (!template || template.length !== 1 || args.some((a) => a.type === 'keyword_argument' || a.type.endsWith('splat'))) return undefined;
          const combinations = product(args.map((a) => valuesOf(a)?.map((x) => [x])));
          return combinations ? substituteAll(template[0]!, combinations, /\{(\d*)\}/g) : undefined;
        }
        default:
          return undefined;
      }
    };
    const values = valuesOf(node);
    if (!values || values.length > MAX_COMPUTED_NAMES) return undefined;
    return { values, ...(source !== undefined ? { source } : {}) };
  }

  /** `f"pkg.{name}"`: each interpolation a plain expression with known values. */
  private formattedStrings(node: SyntaxNode, valuesOf: (n: SyntaxNode | null) => string[] | undefined): string[] | undefined {
    const parts: Array<string[] | undefined> = [];
    for (const part of node.namedChildren) {
      if (!part) continue;
      if (part.type === 'string_start') {
        if (!/[fF]/.test(part.text) || /[bB]/.test(part.text)) return undefined;
      } else if (part.type === 'string_content') {
        if (part.text.includes('\\') || /[{}]/.test(part.text)) return undefined;
        parts.push([part.text]);
      } else if (part.type === 'interpolation') {
        if (part.childForFieldName('format_specifier') || part.childForFieldName('type_conversion')) return undefined;
        parts.push(valuesOf(part.childForFieldName('expression')));
      } else if (part.type !== 'string_end') return undefined;
    }
    return product(parts);
  }

  private noteDynamicImportOf(
    call: CallRecord,
    scope: Scope,
    literal: string,
    { allOf, registryOf }: { allOf?: string; registryOf?: RegistryImport },
  ): void {
    const eachItem = allOf !== undefined || registryOf !== undefined;
    if (eachItem && (literal.split(ALL_ITEM).length !== 2 || literal.startsWith('.'))) return;
    let name = literal.replace(ALL_ITEM, '*');
    let level = 0;
    if (call.callee === 'importlib.import_module') {
      while (name.startsWith('.')) {
        level++;
        name = name.slice(1);
      }
      if (level > 0) {
        // Relative names need `package=`. `__package__`, and `__name__` in a package's __init__, name this
        // module's package; `__name__` in a plain module names a module, which cannot hold submodules.
        const anchor = call.args.find((a) => a.keyword === 'package') ?? call.args[1];
        const isInit = /(^|\/)__init__\.py$/.test(this.path);
        if (anchor && typeof anchor.literal === 'string' && anchor.literal !== '') {
          // importlib: base = package.rsplit('.', level - 1)[0]
          const parts = anchor.literal.split('.');
          if (level - 1 >= parts.length) return;
          const base = parts.slice(0, parts.length - (level - 1)).join('.');
          name = name ? `${base}.${name}` : base;
          level = 0;
        } else if (!anchor || !(anchor.text === '__package__' || (anchor.text === '__name__' && isInit))) return;
      }
    } else {
      const levelArg = call.args.find((a) => a.keyword === 'level') ?? call.args[4];
      if (typeof levelArg?.literal === 'number' && levelArg.literal > 0) return;
    }
    if (eachItem && !/^[\w.]*\*[\w.]*$/.test(name)) return;
    // Kept aside until every body is read: it is an import only if the module has an adder for the registry.
    (registryOf ? this.registryImports : this.imports).push({
      kind: 'dynamic',
      module: name,
      level,
      names: [],
      star: false,
      ...(allOf !== undefined ? { itemsOf: itemsSource(allOf) } : {}),
      ...(registryOf ? { registryOf } : {}),
      scope: scope.execution,
      span: call.span,
      text: call.statementText,
    });
  }

  /**
   * Resolves a dotted expression through the bindings visible in `scope`:
   * `cf.ThreadPoolExecutor` → import `concurrent.futures.ThreadPoolExecutor`,
   * `make_engine` → local, `t.start` → method `start` on the instance made by call #n.
   */
  private qualify(
    dotted: string,
    scope: Scope,
  ):
    | { kind: 'import' | 'local' | 'builtin'; qualified: string }
    | { kind: 'instance'; callId: number; member: string; name: string }
    | undefined {
    const parts = dotted.split('.');
    if (parts.length >= 3) {
      const holder = parts.slice(0, -1).join('.');
      const attribute = attributeLookup(holder, scope);
      if (attribute?.kind === 'instance') return { kind: 'instance', callId: attribute.callId, member: parts[parts.length - 1]!, name: holder };
    }
    const head = parts[0]!;
    const rest = parts.slice(1);
    const binding = lookup(head, scope);
    if (binding?.kind === 'opaque') return undefined;
    if (!binding) {
      if (rest.length === 0 && BUILTIN_CALLABLES.has(head)) return { kind: 'builtin', qualified: `builtins.${head}` };
      return undefined;
    }
    if (binding.kind === 'instance') {
      if (rest.length !== 1) return undefined;
      return { kind: 'instance', callId: binding.callId, member: rest[0]!, name: head };
    }
    const base = binding.kind === 'import' ? binding.qualified : binding.name;
    const qualified = rest.length ? joinDotted(base, rest.join('.')) : base;
    return { kind: binding.kind, qualified };
  }
}

/** `self.name` as an assignment target. */
function isSelfAttribute(target: SyntaxNode): boolean {
  return target.type === 'attribute' && target.childForFieldName('object')?.text === 'self' && target.childForFieldName('attribute')?.type === 'identifier';
}

/** `self.name`, `state.scheduler`, `app.state.pool` as an assignment target: its dotted text. */
function attributeTarget(target: SyntaxNode): string | undefined {
  return target.type === 'attribute' ? dottedName(target) : undefined;
}

/**
 * What `state.scheduler` holds: the binding of that dotted target text in the nearest scope that has
 * it, unless a nearer scope binds the head name (`state` as a parameter) to something else.
 */
function attributeLookup(dotted: string, scope: Scope): Binding | undefined {
  const head = dotted.slice(0, dotted.indexOf('.'));
  for (let s: Scope | undefined = scope; s; s = s.parent) {
    const binding = s.bindings.get(dotted);
    if (binding) return binding;
    if (s.bindings.has(head)) return undefined;
  }
  return undefined;
}

/** Binds `name`; what was kept on its attributes (`name.x = Pool()`) belonged to the old value. */
function rebind(scope: Scope, name: string, binding: Binding): void {
  scope.bindings.set(name, binding);
  for (const key of scope.bindings.keys()) if (key.startsWith(`${name}.`)) scope.bindings.delete(key);
}

function lookup(name: string, scope: Scope): Binding | undefined {
  for (let s: Scope | undefined = scope; s; s = s.parent) {
    const binding = s.bindings.get(name);
    if (binding) return binding;
  }
  return undefined;
}

function moduleScopeOf(scope: Scope): Scope {
  let s = scope;
  while (s.parent && s.className) s = s.parent;
  return s;
}

function joinDotted(base: string, rest: string): string {
  return base.endsWith('.') ? base + rest : `${base}.${rest}`;
}



/**
 * Readings that look into an expression for one idiom (a registry through `sorted(list(...))`, a
 * module name built with `+`, `or`-ed guards) give up beyond this depth: nothing real nests that far.
 */
const MAX_HELPER_NESTING = 100;

/** True when an `except` clause catches ImportError: bare, or naming it, a subclass, or a base. */
function catchesImportError(clause: SyntaxNode): boolean {
  const header = clause.text.slice(0, clause.text.indexOf(':') >= 0 ? clause.text.indexOf(':') : undefined);
  if (/^except\*?\s*$/.test(header.trim())) return true;
  return /\b(ImportError|ModuleNotFoundError|Exception|BaseException)\b/.test(header);
}

/** `for item in sorted(registry)`: wrappers that yield the registry's own items. */
const REGISTRY_VIEWS = new Set(['sorted', 'list', 'tuple', 'set', 'frozenset']);

/** The first node under `node` (itself included) that `test` accepts, depth first. */
function findDescendant(node: SyntaxNode | null, test: (n: SyntaxNode) => boolean): SyntaxNode | undefined {
  const pending: SyntaxNode[] = node ? [node] : [];
  for (let at = pending.pop(); at; at = pending.pop()) {
    if (test(at)) return at;
    for (let kids = at.namedChildren, i = kids.length - 1; i >= 0; i--) pending.push(kids[i]!);
  }
  return undefined;
}

/**
 * A function's parameters by name, with the positions callers give them (`skip` leading ones left out:
 * 1 for `self`/`cls`). Parameters after `*`, `*args` or `**kwargs` are keyword-only: no position.
 */
function parametersOf(parameters: SyntaxNode | null, skip: number): Map<string, { index?: number; star: boolean }> {
  const out = new Map<string, { index?: number; star: boolean }>();
  let position = 0;
  let positional = true;
  for (const parameter of parameters?.namedChildren ?? []) {
    if (!parameter || parameter.type === 'comment') continue;
    if (parameter.type === 'positional_separator') continue;
    if (parameter.type === 'keyword_separator') {
      positional = false;
      continue;
    }
    let node: SyntaxNode | null = parameter;
    if (node.type === 'typed_parameter') node = node.namedChild(0);
    else if (node.type === 'default_parameter' || node.type === 'typed_default_parameter') node = node.childForFieldName('name');
    if (!node) continue;
    if (node.type === 'list_splat_pattern' || node.type === 'dictionary_splat_pattern') {
      const name = node.namedChild(0)?.text;
      const star = node.type === 'list_splat_pattern';
      if (name) out.set(name, star && positional && position >= skip ? { index: position - skip, star } : { star });
      positional = false;
      continue;
    }
    if (node.type === 'identifier') {
      out.set(node.text, positional && position >= skip ? { index: position - skip, star: false } : { star: false });
      position++;
    }
  }
  return out;
}
