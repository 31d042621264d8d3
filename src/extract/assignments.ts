import { evaluate } from './conditions.js';
import { environmentDefault } from './environmentDefault.js';
import { visitExpression } from './calls.js';
import { noteListingAssignment } from './dynamicImports.js';
import { literalValueOf, stringSequence } from './literals.js';
import { attributeTarget, isModuleLevel, lookup, placementFor, rebind, type Scope } from './scopes.js';
import type { ExtractorState } from './state.js';
import { assignmentParts, spanOf } from './syntax.js';
import type { SyntaxNode } from './tree.js';

/*
 * Assignments: the names a module binds and, where it can be told, their values (conditions
 * further down read them), the literal settings frameworks are configured with, `__all__`, and
 * which call's object a name or attribute holds.
 */

export function visitAssignment(x: ExtractorState, node: SyntaxNode, scope: Scope, statement: SyntaxNode): void {
  const { targets, right } = assignmentParts(node);
  // One array literal, filled by push: V8 learns its elements' kind once (a `filter().map()` gave
  // arrays of several kinds, and the optimised code was thrown away at each new one).
  const names: string[] = [];
  for (const target of targets) if (target.type === 'identifier') names.push(target.text);
  for (const target of targets) noteTargetNames(x, target, scope);
  if (isModuleLevel(scope) && right) noteConstantAssignment(x, targets, right, scope);
  // Calls inside subscript/attribute targets (`cache[key()] = ...`) run too.
  for (const target of targets) {
    if (target.type !== 'identifier') visitExpression(x, target, scope, placementFor(scope), statement);
  }
  if (!right) return;
  if (scope.execution.kind === 'module' && scope.prefix === '' && names.includes('__all__')) {
    x.dunderAll = stringSequence(right);
  }
  if (scope.execution.kind === 'module' && names.length > 0) noteLiteralAssignment(x, names, right, scope, statement);
  if (names.length > 0 && (right.type === 'call' || x.listingLoops > 0 || x.listings.size > 0)) noteListingAssignment(x, names, right, scope);
  const firstCall = x.calls.length;
  visitExpression(x, right, scope, placementFor(scope), statement);
  const boundName = names[0];
  if (right.type === 'call' && x.calls.length > firstCall) {
    const outer = x.calls[x.calls.length - 1]!;
    if (boundName) outer.boundTo = scope.className ? `${scope.prefix}${boundName}` : boundName;
    if (targets[0]) outer.assignedTo = x.excerpts.of(targets[0]);
    for (const name of names) rebind(scope, name, { kind: 'instance', callId: outer.id });
    // `self.scheduler = BackgroundScheduler()` then `self.scheduler.start()` in the same body;
    // `state.scheduler = ...` then `state.scheduler.start()`: the same dotted target text.
    for (const target of targets) {
      const attribute = attributeTarget(target);
      if (attribute) scope.bindings.set(attribute, { kind: 'instance', callId: outer.id });
    }
  } else if (isModuleLevel(scope) && x.branchDepth === 0 && names.length === 1 && right.type === 'attribute' && right.childForFieldName('object')?.type === 'identifier') {
    // `preload_module = _reg.preload_module`, `_reg = _ModuleRegistry()` above: calls of the name run that method.
    const holder = lookup(right.childForFieldName('object')!.text, scope);
    const method = right.childForFieldName('attribute')?.text;
    if (holder?.kind === 'instance' && method) {
      x.boundMethods.push({ name: names[0]!, callId: holder.callId, method });
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
function noteConstantAssignment(x: ExtractorState, targets: SyntaxNode[], right: SyntaxNode, scope: Scope): void {
  if (x.branchDepth > 0) return;
  const value = evaluate(right, x.conditionContext(scope));
  // `POOL_SIZE = int(os.getenv("POOL_SIZE", "10"))`: read only by what reports a count.
  const fromEnvironment = value === undefined && targets.length === 1 && /^(int\(\s*)?os\.(environ\.get|getenv)\(/.test(right.text) ? environmentDefault(right.text) : undefined;
  for (const target of targets) {
    if (target.type === 'identifier') {
      if (value !== undefined && !x.globalNames.has(target.text)) x.constants.set(target.text, value);
      if (fromEnvironment && !x.globalNames.has(target.text)) x.environmentDefaults.set(target.text, fromEnvironment);
      continue;
    }
    const object = target.type === 'subscript' ? target.childForFieldName('value') : null;
    if (object?.type !== 'call' || object.childForFieldName('function')?.text !== 'globals') continue;
    const key = evaluate(target.childForFieldName('subscript'), x.conditionContext(scope));
    if (typeof key === 'string') x.bindConstant(key, value);
    else x.constants.clear(); // some name changed, which one is not known
  }
}

/** `ROOT_URLCONF = "proj.urls"`, `INSTALLED_APPS = [...]` (`+=` when `extend`): kept for the frameworks configured this way. */
export function noteLiteralAssignment(x: ExtractorState, names: string[], right: SyntaxNode, scope: Scope, statement: SyntaxNode, extend = false): void {
  const read = literalValueOf(right);
  if (!read) return;
  for (const name of names) {
    x.assignments.push({
      name: `${scope.prefix}${name}`,
      value: read.value,
      ...(read.unread.length > 0 ? { unread: read.unread } : {}),
      ...(extend ? { extends: true } : {}),
      span: spanOf(right),
      statementText: x.excerpts.of(statement),
    });
  }
}

export function noteTargetNames(x: ExtractorState, target: SyntaxNode, scope: Scope): void {
  if (!isModuleLevel(scope)) return;
  // `((a, b), c) = ...`: nested patterns, walked with a stack of their own.
  const pending: SyntaxNode[] = [target];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type === 'identifier') {
      x.definedNames.add(node.text);
      x.bindConstant(node.text, undefined);
    } else if (node.type === 'pattern_list' || node.type === 'tuple_pattern' || node.type === 'list_pattern') {
      for (let kids = node.namedChildren, i = kids.length - 1; i >= 0; i--) pending.push(kids[i]!);
    }
  }
}
