import type { CallPlacement, ExecutionScope } from './summary.js';
import { dottedName } from './syntax.js';
import type { SyntaxNode } from './tree.js';

/*
 * Scopes and names: what a name is bound to in the scope being visited, and what a dotted
 * expression qualifies to through the file's imports and definitions. One file's view: the
 * resolver (src/resolve/) anchors relative names and follows them into other modules.
 */

/**
 * What a name is bound to, as far as one file can tell.
 * `qualified` names come from imports (`concurrent.futures.ThreadPoolExecutor`); relative
 * imports keep their leading dots (`..utils.magnet_search.start`) for the resolver to anchor.
 */
export type Binding =
  | { kind: 'import'; qualified: string }
  | { kind: 'local'; name: string }
  | { kind: 'instance'; callId: number }
  /** Bound to something we do not model (a parameter, a plain value): hides outer bindings. */
  | { kind: 'opaque' };

export interface Scope {
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

/**
 * A scope with its fields always set, in the same order (`undefined` where absent): every scope has
 * one hidden class, and the visitors that read scopes are not deoptimised each time V8 meets another.
 */
export function newScope(execution: ExecutionScope, prefix: string, rest: Pick<Scope, 'parent' | 'className' | 'parameters' | 'methodClass'> = {}): Scope {
  return { execution, bindings: new Map(), parent: rest.parent, prefix, className: rest.className, parameters: rest.parameters, methodClass: rest.methodClass };
}

/**
 * What a loop variable stands for when its items are not literals: see `ExtractorState.loopItems`.
 * `listing`: the entries of a folder the code lists (`os.listdir`, `glob.glob`, `Path.iterdir`:
 * `files`), or the modules `pkgutil.iter_modules` finds (`modules`, packages too), or a name computed
 * from one of them in the loop's body (`a = os.path.basename(f)[:-3]`).
 */
export type LoopSource = { allOf: string } | { registry: string } | { listing: ListingKind };
export type ListingKind = 'files' | 'modules';

/** Builtins whose calls are recorded with a `builtins.` callee when no binding hides them. */
const BUILTIN_CALLABLES = new Set(['open', '__import__', 'exec', 'eval', 'compile', 'print', 'input']);

/**
 * Resolves a dotted expression through the bindings visible in `scope`:
 * `cf.ThreadPoolExecutor` → import `concurrent.futures.ThreadPoolExecutor`,
 * `make_engine` → local, `t.start` → method `start` on the instance made by call #n.
 */
export function qualify(
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

/** The module body itself (not a class body, not a function). */
export function isModuleLevel(scope: Scope): boolean {
  return scope.execution.kind === 'module' && scope.prefix === '';
}

/** Where a call of a statement in `scope` sits: a class body, or a plain statement. */
export function placementFor(scope: Scope): CallPlacement {
  return scope.className ? { kind: 'class-body', className: scope.className } : { kind: 'statement' };
}

/** `self.name` as an assignment target. */
export function isSelfAttribute(target: SyntaxNode): boolean {
  return target.type === 'attribute' && target.childForFieldName('object')?.text === 'self' && target.childForFieldName('attribute')?.type === 'identifier';
}

/** `self.name`, `state.scheduler`, `app.state.pool` as an assignment target: its dotted text. */
export function attributeTarget(target: SyntaxNode): string | undefined {
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
export function rebind(scope: Scope, name: string, binding: Binding): void {
  scope.bindings.set(name, binding);
  for (const key of scope.bindings.keys()) if (key.startsWith(`${name}.`)) scope.bindings.delete(key);
}

/** The binding of `name` in `scope` or the nearest enclosing scope that has one. */
export function lookup(name: string, scope: Scope): Binding | undefined {
  for (let s: Scope | undefined = scope; s; s = s.parent) {
    const binding = s.bindings.get(name);
    if (binding) return binding;
  }
  return undefined;
}

/** The scope a method's body looks names up in: past the class bodies, whose names it does not see. */
export function moduleScopeOf(scope: Scope): Scope {
  let s = scope;
  while (s.parent && s.className) s = s.parent;
  return s;
}

function joinDotted(base: string, rest: string): string {
  return base.endsWith('.') ? base + rest : `${base}.${rest}`;
}

/**
 * A function's parameters by name, with the positions callers give them (`skip` leading ones left out:
 * 1 for `self`/`cls`). Parameters after `*`, `*args` or `**kwargs` are keyword-only: no position.
 */
export function parametersOf(parameters: SyntaxNode | null, skip: number): Map<string, { index?: number; star: boolean }> {
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
