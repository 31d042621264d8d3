import type { Parser } from 'web-tree-sitter';
import { copyTree, type SyntaxNode, type SyntaxTree } from './tree.js';
import { MAX_MAIN_CALLS, type ExecutionScope, type ModuleSummary } from './summary.js';
import { dottedName, spanOf, stringLiteral } from './syntax.js';
import { comparisonOperator, conditionText, negation } from './branchConditions.js';
import { collectSuppressions } from './comments.js';
import { firstLine, foldText } from './excerpts.js';
import { collectSyntaxProblems, MAX_SYNTAX_PROBLEMS } from './syntaxProblems.js';
import { evaluate, truthiness } from './conditions.js';
import { DEFAULT_TARGET, describeTarget, type PythonTarget } from './target.js';
import { indentContinuationLines } from './recover.js';
import { noteLiteralAssignment, noteTargetNames, visitAssignment } from './assignments.js';
import { callArgument, dropChain, noteDroppedLocals, visitCall, visitExpression } from './calls.js';
import { visitClass, visitDecorated, visitFunction } from './definitions.js';
import { listingOf, loopItemsOf } from './dynamicImports.js';
import { catchesImportError, checkFutureImports, findLazyPrefixes, visitImport, visitImportFrom } from './imports.js';
import { isModuleLevel, newScope, placementFor, qualify, type Scope } from './scopes.js';
import { ExtractorState, MAX_BLOCK_NESTING, MAX_HELPER_NESTING } from './state.js';

/*
 * The extractor: a file's syntax tree in, its `ModuleSummary` out. This module walks the
 * statements and their control flow (blocks, branches and the conditions they run under, `try`,
 * `with`, guards such as `if TYPE_CHECKING:`) and hands each statement to its concern: imports.ts,
 * assignments.ts, definitions.ts, calls.ts (and dynamicImports.ts from there). What they share is
 * `ExtractorState` (state.ts); scopes and names are in scopes.ts.
 */

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

class Extractor extends ExtractorState {
  run(root: SyntaxNode): ModuleSummary {
    const moduleScope = newScope({ kind: 'module' }, '');
    if (root.hasError) findLazyPrefixes(this, root);
    if (this.text.includes('__future__')) checkFutureImports(this, root);
    this.visitBlock(root, moduleScope);
    for (let i = 0; i < this.deferredBodies.length; i++) {
      const { body, scope } = this.deferredBodies[i]!;
      // A function's own branches are what condition its calls; where it is called from, the caller's.
      this.conditions = [];
      const firstCall = this.calls.length;
      this.visitBlock(body, scope);
      noteDroppedLocals(this, body, firstCall);
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
      functions: this.functions.length ? `\n${this.functions.join('\n')}` : '',
      ...(this.dunderAll ? { dunderAll: this.dunderAll } : {}),
      assignments: this.assignments,
      ...(this.registryAdders.length ? { registryAdders: this.registryAdders } : {}),
      ...(this.boundMethods.length ? { boundMethods: this.boundMethods } : {}),
      definedNames: [...this.definedNames],
      ...(this.definedNames.has('__getattr__') || this.installsLazyImporter ? { lazyAttributes: true } : {}),
      ...(this.mainGuardLine !== undefined ? { mainGuardLine: this.mainGuardLine } : {}),
      ...(this.mainCalls.length ? { mainCalls: this.mainCalls } : {}),
      importedNames: [...this.importedNames],
      syntaxProblems,
      ...(this.skippedParts.length ? { skippedParts: this.skippedParts } : {}),
      suppressions: suppressions.filter((s) => s !== ignoreFile),
      ...(ignoreFile ? { ignoreFileLine: ignoreFile.line } : {}),
    };
  }

  visitBlock(block: SyntaxNode, scope: Scope): void {
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
    // After `if not enabled: return` in a function body, the rest of the body runs only when the
    // condition is false: it is visited under that condition (popped when the block ends).
    const conditionsBefore = this.conditions.length;
    try {
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
        // An `if` is visited here, not in visitStatement: what it says of the statements after it counts.
        if (statement.type === 'if_statement') {
          const continuesWhen = this.visitIf(statement, scope);
          if (continuesWhen !== undefined) this.conditions.push(continuesWhen);
        } else this.visitStatement(statement, scope);
      }
    } finally {
      this.conditions.length = conditionsBefore;
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
        return visitImport(this, node, scope);
      case 'import_from_statement':
        return visitImportFrom(this, node, scope);
      case 'future_import_statement':
        // A future statement is also a run-time import of `__future__` (a project file of that name included).
        return visitImportFrom(this, node, scope);
      case 'function_definition':
        return visitFunction(this, node, scope, []);
      case 'class_definition':
        return visitClass(this, node, scope, []);
      case 'decorated_definition':
        return visitDecorated(this, node, scope);
      case 'try_statement':
        return this.visitTry(node, scope);
      case 'with_statement':
        return this.visitWith(node, scope);
      case 'for_statement': {
        const left = node.childForFieldName('left');
        noteTargetNames(this, left ?? node, scope);
        visitExpression(this, node.childForFieldName('right'), scope, { kind: 'statement' }, node);
        const variable = loopVariable(this, left, node.childForFieldName('right'), scope);
        const items = variable ? loopItemsOf(this, node.childForFieldName('right'), scope) : undefined;
        const listing = items !== undefined && !Array.isArray(items) && 'listing' in items;
        // Names computed in the body from a folder listing's entry are items too, for this loop only.
        const before = listing ? new Map(this.loopItems) : undefined;
        if (items && variable) this.loopItems.set(variable, items);
        if (listing) this.listingLoops++;
        try {
          this.inBranch(() => {
            this.visitBlockOf(node.childForFieldName('body'), scope);
            this.visitBlockOf(node.childForFieldName('alternative'), scope);
          });
        } finally {
          if (before) {
            // As before the loop: its variable and the names computed from it gone.
            this.listingLoops--;
            this.loopItems.clear();
            for (const [name, value] of before) this.loopItems.set(name, value);
          } else if (items && variable) this.loopItems.delete(variable);
        }
        return;
      }
      case 'while_statement':
        visitExpression(this, node.childForFieldName('condition'), scope, { kind: 'statement' }, node);
        this.inBranch(() => {
          this.visitBlockOf(node.childForFieldName('body'), scope);
          this.visitBlockOf(node.childForFieldName('alternative'), scope);
        });
        return;
      case 'match_statement': {
        visitExpression(this, node.childForFieldName('subject'), scope, { kind: 'statement' }, node);
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
            if (value) visitExpression(this, value, scope, { kind: 'statement' }, node);
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
        visitExpression(this, node, scope, { kind: 'statement' }, node);
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
        visitExpression(this, child, scope, { kind: 'statement' }, clause);
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
   *
   * Says when the code after it still runs, where that depends on run time: after
   * `if not settings.ENABLED: return` in a function body, `settings.ENABLED`.
   */
  private visitIf(node: SyntaxNode, scope: Scope): string | undefined {
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
        if (notTaken.length === clauses.length - 1 || undecided.length === 0) this.visitBlockOf(body, scope);
        else this.underCondition(negation(undecided), () => this.inBranch(() => this.visitBlockOf(body, scope)));
        continue;
      }
      const guard = this.guardKind(condition, scope);
      if (guard) {
        if (guard === 'main-guard') this.mainGuardLine ??= condition.startPosition.row + 1;
        visitExpression(this, condition, scope, { kind: 'statement' }, owner);
        this.visitGuarded(body, { kind: guard }, guard === 'main-guard' ? scope : undefined);
        // Never true while the module is imported: an `else` after it runs then (khoj's
        // `if __name__ == "__main__": run() else: ...` had said its `else` ran under "not ()").
        notTaken.push(condition.text);
        continue;
      }
      // The condition itself runs (its calls too), whatever it turns out to be.
      visitExpression(this, condition, scope, { kind: 'statement' }, owner);
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
    // A plain `if C: ... return` (no elif, no else) whose condition depends on run time. Only a
    // return: a `raise` that nothing catches stops the import itself, so what follows is not
    // conditional for a process that started.
    // `if _STARTED: return` on a name the module rebinds with `global` guards a second call: the
    // first one goes on, and that is not said as a condition.
    const [only] = clauses;
    if (clauses.length !== 1 || scope.execution.kind !== 'function' || undecided.length !== 1 || !only?.body || !endsInReturn(only.body)) return undefined;
    const guardName = onceGuardName(undecided[0]!);
    return guardName !== undefined && this.globalNames.has(guardName) ? undefined : negation(undecided);
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

  /**
   * Code that never runs on import: `if TYPE_CHECKING:` never at run time, `if __name__ == "__main__":`
   * only when the file is run as a script, a branch that is false for the target never. Its imports
   * are kept (with that scope) so `graph` can show them; its calls are not resources of an imported module.
   */
  private visitGuarded(block: SyntaxNode | null, execution: ExecutionScope, mainOf?: Scope): void {
    if (!block) return;
    const guardedScope = newScope(execution, '');
    // Depth first, in source order, with a stack of its own: the block can nest as deep as it likes.
    const pending: SyntaxNode[] = [block];
    for (let node = pending.pop(); node; node = pending.pop()) {
      if (node.type === 'import_statement') visitImport(this, node, guardedScope);
      else if (node.type === 'import_from_statement') visitImportFrom(this, node, guardedScope);
      if (mainOf && node.type === 'call' && this.mainCalls.length < MAX_MAIN_CALLS) this.noteMainCall(node, guardedScope, mainOf);
      if (node.type === 'import_statement' || node.type === 'import_from_statement') continue;
      if (node === block || (node.type !== 'function_definition' && node.type !== 'class_definition' && node.type !== 'lambda')) {
        for (let kids = node.namedChildren, i = kids.length - 1; i >= 0; i--) pending.push(kids[i]!);
      }
    }
  }

  /**
   * A call of the `__main__` block (see `ModuleSummary.mainCalls`), its callee qualified through the
   * block's own imports, then the module's names.
   */
  private noteMainCall(node: SyntaxNode, guarded: Scope, module: Scope): void {
    const callee = node.childForFieldName('function');
    const dotted = callee ? dottedName(callee) : undefined;
    if (!dotted) return;
    const head = dotted.split('.')[0]!;
    const qualified = qualify(dotted, guarded.bindings.has(head) ? guarded : module);
    if (!qualified || qualified.kind === 'instance' || qualified.kind === 'builtin') return;
    const args = (node.childForFieldName('arguments')?.namedChildren ?? []).filter((a) => a.type !== 'comment').map((a) => callArgument(a, this, guarded));
    this.mainCalls.push({ callee: qualified.qualified, ...(qualified.kind === 'local' ? { calleeIsLocal: true as const } : {}), text: this.excerpts.of(node), line: node.startPosition.row + 1, args });
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
      const qualified = qualify(dotted, scope);
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
        if (target) noteTargetNames(this, target, scope);
        value = value.namedChild(0);
      }
      if (value?.type === 'call') visitCall(this, value, scope, { kind: 'with-item' }, node);
      else visitExpression(this, value, scope, { kind: 'statement' }, node);
    }
    this.visitBlockOf(node.childForFieldName('body'), scope);
  }

  private visitExpressionStatement(node: SyntaxNode, scope: Scope): void {
    const expression = node.namedChild(0);
    if (!expression) return;
    if (expression.type === 'assignment') return visitAssignment(this, expression, scope, node);
    if (expression.type === 'augmented_assignment') {
      const left = expression.childForFieldName('left');
      if (left?.type === 'identifier' && isModuleLevel(scope)) this.bindConstant(left.text, undefined);
      const right = expression.childForFieldName('right');
      if (left?.type === 'identifier' && right && scope.execution.kind === 'module' && expression.childForFieldName('operator')?.type === '+=') {
        noteLiteralAssignment(this, [left.text], right, scope, node, true);
      }
      visitExpression(this, expression.childForFieldName('right'), scope, { kind: 'statement' }, node);
      return;
    }
    const firstCall = this.calls.length;
    visitExpression(this, expression, scope, placementFor(scope), node);
    // `Redis().ping()`, `requests.Session()` as a statement: each call of the chain is dropped at once.
    // The statement's call is recorded last (the calls in it run first); its chain links back.
    if (expression.type !== 'call' || this.calls.length === firstCall) return;
    const last = this.calls[this.calls.length - 1]!;
    // Not recorded when nested too deeply: then the last call is one inside it, which is not dropped.
    if (last.span.endLine !== expression.endPosition.row + 1 || last.span.endColumn !== expression.endPosition.column + 1) return;
    dropChain(this, last);
  }
}

/** A block whose last statement is `return`: `if not enabled:\n    return`. */
function endsInReturn(block: SyntaxNode): boolean {
  const statements = block.namedChildren.filter((child) => child.type !== 'comment');
  return statements[statements.length - 1]?.type === 'return_statement';
}

/** `_STARTED`, `_pool is not None`: the name such a condition reads, else undefined. */
function onceGuardName(condition: SyntaxNode): string | undefined {
  if (condition.type === 'identifier') return condition.text;
  if (condition.type !== 'comparison_operator' || condition.namedChildCount !== 2) return undefined;
  const [left, right] = [condition.namedChild(0)!, condition.namedChild(1)!];
  return left.type === 'identifier' && right.type === 'none' && comparisonOperator(condition) === 'is not' ? left.text : undefined;
}

/**
 * The loop variable whose items `loopItems` can know: a plain name; or the name of
 * `for _, name, _ in pkgutil.iter_modules(...)`, the second of the three it yields.
 */
function loopVariable(x: ExtractorState, left: SyntaxNode | null, right: SyntaxNode | null, scope: Scope): string | undefined {
  if (left?.type === 'identifier') return left.text;
  if (left?.type !== 'pattern_list' && left?.type !== 'tuple_pattern') return undefined;
  const parts = left.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'comment');
  return parts.length === 3 && parts[1]!.type === 'identifier' && listingOf(x, right, scope) === 'modules' ? parts[1]!.text : undefined;
}
