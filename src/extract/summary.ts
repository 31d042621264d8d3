import type { PythonTarget } from './target.js';

/**
 * What one Python file does when it is imported, as plain serialisable data.
 * Produced by `extractModule`; tree-sitter nodes never leave the extract stage.
 */

/** 1-based line, 1-based column counted in UTF-16 code units (what SARIF calls utf16CodeUnits). */
export interface SourceSpan {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Where a statement runs. `module` covers everything CPython executes while importing the file. */
export type ExecutionScope =
  | { kind: 'module' }
  | { kind: 'function'; function: string }
  /** `if TYPE_CHECKING:`: never at run time. */
  | { kind: 'type-checking' }
  /** `if __name__ == "__main__":`: only when the file is run as a script. */
  | { kind: 'main-guard' }
  /**
   * Under a branch that is false for the target interpreter (`if sys.platform == "win32":` on Linux,
   * `if False:`), in a module body or in `function` when given. `condition` says why, in words.
   */
  | { kind: 'unreachable'; condition: string; function?: string }
  /** PEP 810 `lazy import x` / `lazy from x import y` (Python 3.15): runs when the name is first used. */
  | { kind: 'lazy-import'; function?: string };

export interface ImportedName {
  /** The name after `import` (`c` in `from a.b import c`). */
  name: string;
  /** The `as` alias, when there is one. */
  alias?: string;
}

export interface ImportRecord {
  /**
   * `import`: `import a.b.c [as x]` (one record per dotted name);
   * `from`: `from [.. ]a.b import c, d` / `from . import x` / `from a import *`;
   * `dynamic`: `importlib.import_module("a.b")` / `__import__("a.b")` with a literal name.
   */
  kind: 'import' | 'from' | 'dynamic';
  /** Dotted module text without the leading dots ('' for `from . import x`). */
  module: string;
  /** Number of leading dots of a relative import (0 for absolute). */
  level: number;
  /**
   * `dynamic` only: the name is built from each item of another module's literal `__all__`
   * (`for d in dialects.__all__: import_module("pkg.dialects.%s" % d)`); `module` then holds `*`
   * where each item goes. `module`/`level` here name the module whose `__all__` it is.
   */
  itemsOf?: { module: string; level: number };
  /**
   * `dynamic` only: the name is built from each entry of a folder the code lists (`for f in
   * os.listdir(d): import_module("pkg.plugins." + f[:-3])`, `for _, name, _ in
   * pkgutil.iter_modules(__path__): import_module(f"{__name__}.{name}")`); `module` ends with `*`
   * where each goes, the package before it: each of its modules is imported (`files`), or each of its
   * modules and packages (`modules`, as pkgutil finds them).
   */
  eachSubmodule?: 'files' | 'modules';
  /**
   * `dynamic` only: the name is built from each item of a registry of this module, a set or list kept
   * on `self` or in a module global that `registryAdders` fill (`for module in self.module_registry:
   * __import__(module)` in SQLAlchemy's `preloaded`); `module` then holds `*` where each item goes.
   * Which items are there depends on the calls that ran before, so the import graph resolves it.
   */
  registryOf?: RegistryImport;
  /** Names bound by a `from` import; empty for `import` and `dynamic`. */
  names: ImportedName[];
  star: boolean;
  /** `import a.b as x` binds x to a.b; plain `import a.b` binds a. */
  alias?: string;
  scope: ExecutionScope;
  /**
   * Set when the statement sits in an `except` clause that catches ImportError (`try: import a /
   * except ImportError: import b`): it runs only when the `try` branch fails. `tryImports` are the
   * indexes (in `ModuleSummary.imports`) of the imports of that `try` branch; the resolver decides
   * whether they succeed.
   */
  fallback?: { tryLine: number; handler: string; tryImports: number[] };
  span: SourceSpan;
  /**
   * The import statement as written, whitespace folded, for messages; left out when it is what
   * `importText` writes from the record (`import a.b as x`, `from ..a import b, c as d`), as most
   * are. Read it with `importText`.
   */
  written?: string;
}

export interface RegistryImport {
  /** `_ModuleRegistry.module_registry` (an attribute of `self` in that class) or `REGISTRY` (a module global). */
  registry: string;
  /**
   * The import runs under `if <item>.startswith(<parameter>)`: only items starting with the value the
   * caller passes for that parameter (its position as callers count it, `self` left out, and its name).
   */
  prefixParameter?: { index: number; name: string };
}

/**
 * A function of this module that adds its argument to a registry (`self.module_registry.update(deps)`
 * in `def preload_module(self, *deps)`): calls of it with literal strings fill the registry.
 */
export interface RegistryAdder {
  /** Qualified name in the module: `_ModuleRegistry.preload_module`. */
  function: string;
  /** As in `RegistryImport.registry`. */
  registry: string;
  /** Position, as callers count it (`self` left out), of the parameter whose value is added. */
  parameter: number;
  /**
   * `each-argument`: `*deps` added with update/extend, so every positional argument from `parameter`
   * on; `argument`: one value added with add/append; `items`: one iterable added with update/extend.
   */
  takes: 'each-argument' | 'argument' | 'items';
}

/** `preload_module = _reg.preload_module` at module level: a name for a method of the object call #callId made. */
export interface BoundMethod {
  name: string;
  callId: number;
  method: string;
}

export interface CallArgument {
  /** Keyword name; absent for positional arguments. */
  keyword?: string;
  /** Source text of the value. */
  text: string;
  /** The value when it is an int, float, string, bool or None literal. */
  literal?: number | string | boolean | null;
  /**
   * `max_workers=POOL_SIZE`, where `POOL_SIZE = 3` is a module-level name whose value is known when
   * the call runs (bound once, unconditionally, and not shadowed): that number.
   */
  constant?: number;
  /** `max_workers=POOL_SIZE`, where `POOL_SIZE = int(os.getenv("POOL_SIZE", "10"))` likewise: the variable and its default. */
  fromEnvironment?: { variable: string; value: number };
}

/** Where, syntactically, an import-time call sits: ruff's B008 cares, and so do our messages. */
export type CallPlacement =
  | { kind: 'statement' }
  | { kind: 'class-body'; className: string }
  | { kind: 'default-argument'; function: string; parameter: string }
  | { kind: 'decorator'; target: string }
  | { kind: 'with-item' };

export interface CallRecord {
  /** Index in `ModuleSummary.calls`; other records point at calls by this id. */
  id: number;
  /**
   * Qualified name of the callee when it resolves through the file's imports
   * (`concurrent.futures.ThreadPoolExecutor`), to a name defined in this module
   * (`<this module>.make_engine`, marked `calleeIsLocal`), or to a builtin (`builtins.open`).
   */
  callee?: string;
  calleeIsLocal?: boolean;
  /** The callee expression as written (`cf.ThreadPoolExecutor`, `t.start`). */
  calleeText: string;
  /** The whole call as written, whitespace folded (`ThreadPoolExecutor(max_workers=3)`). */
  text: string;
  /** For `x.method(...)` where x holds the result of another call: that call's id and the method name. */
  receiver?: { callId: number; method: string; via: 'name' | 'chain'; name?: string };
  args: CallArgument[];
  scope: ExecutionScope;
  placement: CallPlacement;
  /** `@deco` without parentheses: CPython calls deco(function) when the def runs. */
  bareDecorator?: boolean;
  /** Name the result is assigned to (`_search_executor`; `Cls.attr` in a class body). */
  boundTo?: string;
  /** Assignment target as written, whatever it is (`self.client`, `cache["k"]`, `_pool`). */
  assignedTo?: string;
  span: SourceSpan;
  /** The whole statement line(s) as written, trimmed, for messages and code flows. */
  statementText: string;
  /**
   * The call sits under branches whose conditions depend on run time (`if DOC_ENGINE == "serenedb":`,
   * the `else` of one, `X() if aws_enabled else None`), in its own function or module body: the
   * conditions as written, joined with `and` (`DOC_ENGINE == "serenedb"`, `not (aws_enabled)`).
   */
  condition?: string;
  /**
   * Nothing keeps the result: the call heads an expression statement (`Redis().ping()`), or its
   * result goes to a local variable of a function that only calls methods on it and never returns,
   * stores or passes it on. The object is dropped when the statement or the function ends.
   */
  discarded?: boolean;
  /**
   * Its function gives the object back: `return Redis(...)`, or a local name bound to it once that
   * the body otherwise only calls methods on and returns (`r = Redis(...)`, `r.ping()`, `return r`).
   * The caller decides whether it is kept (see check.ts, `isDropped`).
   */
  returned?: boolean;
}

/** A call of an `if __name__ == "__main__":` block (see `ModuleSummary.mainCalls`). */
export interface MainCall {
  /** Qualified as `CallRecord.callee` is (`uvicorn.run`; `main`, marked `calleeIsLocal`). */
  callee: string;
  calleeIsLocal?: true;
  /** The call as written, whitespace folded and bounded. */
  text: string;
  line: number;
  args: CallArgument[];
}

/** `mainCalls` kept of one module, at most. */
export const MAX_MAIN_CALLS = 16;

export interface ClassRecord {
  name: string;
  /** Qualified names of the bases that resolve through imports or to local classes. */
  bases: string[];
  /** The `metaclass=` keyword, qualified like a base, when it resolves. */
  metaclass?: string;
  /** Where the class statement runs: a module-level class is made at import time. */
  scope: ExecutionScope;
  /** The `class ...:` line as written, whitespace folded, for messages. */
  header: string;
  span: SourceSpan;
}

export interface SyntaxProblem {
  span: SourceSpan;
  message: string;
}

/** `# importleak: ignore[IL004]`, `# noqa: IL004`, or a bare form that covers every rule. */
export interface Suppression {
  line: number;
  column: number;
  /** Rule codes named (IL codes only); undefined when the comment names none (`# importleak: ignore`). */
  codes?: string[];
  /** `noqa` comments may name other tools' codes too; only ours are checked for use. */
  style: 'importleak' | 'noqa';
  text: string;
}

/**
 * `NAME = "literal"` / `NAME = ["a", "b"]` at module level, or `Cls.NAME = ...` in a class body:
 * how Django settings, Celery config modules and gunicorn config files are written.
 * Only string literals and lists/tuples of them (joined with `+`, some parts unread) are kept; anything else is not a literal here.
 */
export interface LiteralAssignment {
  name: string;
  value: string | string[];
  /**
   * Parts of a list value that are no string literals, as written (`*env_apps` in `[..., *env_apps]`,
   * `LOCAL_APPS` in `BASE + LOCAL_APPS`): the list holds `value` and whatever these are.
   */
  unread?: string[];
  /** `NAME += [...]`: the items are added to the value NAME had. */
  extends?: boolean;
  span: SourceSpan;
  statementText: string;
}

export interface ModuleSummary {
  /** Path relative to the scan root, '/'-separated. */
  path: string;
  /** The interpreter conditions were evaluated for (`unreachable` scopes depend on it). */
  target?: PythonTarget;
  imports: ImportRecord[];
  calls: CallRecord[];
  classes: ClassRecord[];
  /**
   * The functions the module defines (those of its body in source order, then those of function
   * bodies), each on a line of its own after a line break:
   * its dotted path inside the module (`create_app`, `Poller.run`, `outer.inner`), a space, and the
   * line of its `def` (`"\ncreate_app 12\nPoller.run 30"`; empty when there is none). One string,
   * not a record each: the analysis asks about few of a project's functions, and a record with its
   * span for every one was a tenth of what the summaries of a large tree held. Read it with
   * `functionLines` or `summaryLookup(summary).functionLine`.
   */
  functions: string;
  /** Literal `__all__` at module level, when it is a list/tuple of strings. */
  dunderAll?: string[];
  /** Functions of this module that fill a registry (see `RegistryAdder`). */
  registryAdders?: RegistryAdder[];
  /** Module-level names bound to a method of an object the module made (see `BoundMethod`). */
  boundMethods?: BoundMethod[];
  /** Literal string assignments at module level and in class bodies, in source order. */
  assignments: LiteralAssignment[];
  /** Names bound at module level by assignment, def or class (not by import). */
  definedNames: string[];
  /** Names bound at module level by import statements (`from .impl import helper` binds helper). */
  importedNames: string[];
  /**
   * The module has a module-level `__getattr__` (PEP 562), or installs one the way anyio does
   * (`if TYPE_CHECKING or not install_lazy_importer():`): names its `if TYPE_CHECKING:` imports
   * bind are then imported when another module looks them up.
   */
  lazyAttributes?: boolean;
  /** Line of the module's `if __name__ == "__main__":` block (the first one): the file is meant to run as a script. */
  mainGuardLine?: number;
  /**
   * The calls the module's `if __name__ == "__main__":` blocks make through a name of the module (an
   * import or one of its definitions), in source order, at most MAX_MAIN_CALLS: what the file does when
   * run as a script (`main()`, `uvicorn.run("app:app", workers=4)`). They never run on import, and
   * are not `calls`.
   */
  mainCalls?: MainCall[];
  syntaxProblems: SyntaxProblem[];
  /** Parts left out because they nest deeper than importleak walks (the first few); the rest was analyzed. */
  skippedParts?: SyntaxProblem[];
  suppressions: Suppression[];
  /** Line of a `# importleak: ignore-file` comment. */
  ignoreFileLine?: number;
}

/** `ModuleSummary.functions` read: each function's qualified name and the line of its `def`, in its order. */
export function* functionLines(functions: string): Generator<[qualname: string, line: number]> {
  for (const entry of functions.split('\n')) {
    const space = entry.lastIndexOf(' ');
    if (space > 0) yield [entry.slice(0, space), Number(entry.slice(space + 1))];
  }
}

/** `items` (calls, imports) written in function bodies, by the function whose body holds them, each list in their order. */
export function byEnclosingFunction<T extends { scope: ExecutionScope }>(items: Iterable<T>): Map<string, T[]> {
  const byName = new Map<string, T[]>();
  for (const item of items) {
    if (item.scope.kind !== 'function') continue;
    const list = byName.get(item.scope.function);
    if (list) list.push(item);
    else byName.set(item.scope.function, [item]);
  }
  return byName;
}

/** The import statement of `record` as written, whitespace folded, for messages (see `ImportRecord.written`). */
export function importText(record: ImportRecord): string {
  return record.written ?? plainImportText(record);
}

/** `import a.b [as x]` or `from [dots]a.b import c, d as e` / `*`: the statement a record describes, written plainly. */
function plainImportText(record: ImportRecord): string {
  if (record.kind === 'import') return record.alias === undefined ? `import ${record.module}` : `import ${record.module} as ${record.alias}`;
  const names = record.star ? '*' : record.names.map((n) => (n.alias === undefined ? n.name : `${n.name} as ${n.alias}`)).join(', ');
  return `from ${'.'.repeat(record.level)}${record.module} import ${names}`;
}

/** `record` with `written` set to `text`, unless `importText` writes the same without it. */
export function withWritten(record: ImportRecord, text: string): ImportRecord {
  if (record.kind === 'dynamic' || plainImportText(record) !== text) record.written = text;
  return record;
}
