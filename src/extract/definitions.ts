import { visitExpression } from './calls.js';
import { foldText } from './excerpts.js';
import { moduleScopeOf, newScope, parametersOf, qualify, type Scope } from './scopes.js';
import type { ExtractorState } from './state.js';
import type { CallPlacement } from './summary.js';
import { dottedName, spanOf } from './syntax.js';
import type { SyntaxNode } from './tree.js';

/*
 * Definitions: functions and classes, their decorators (calls when the definition runs), default
 * arguments, bases and metaclasses. A class body runs where the class statement does; a function
 * body is kept for later (`ExtractorState.deferredBodies`), when every module-level name is bound.
 */

export function visitDecorated(x: ExtractorState, node: SyntaxNode, scope: Scope): void {
  const definition = node.childForFieldName('definition');
  const decorators = node.namedChildren.filter((c): c is SyntaxNode => c?.type === 'decorator');
  if (definition?.type === 'function_definition') visitFunction(x, definition, scope, decorators);
  else if (definition?.type === 'class_definition') visitClass(x, definition, scope, decorators);
}

function visitDecorators(x: ExtractorState, decorators: SyntaxNode[], scope: Scope, target: string): void {
  for (const decorator of decorators) {
    const expression = decorator.namedChild(0);
    const dotted = expression ? dottedName(expression) : undefined;
    if (expression && dotted) {
      // `@deco` calls deco(the function) when the def runs: a call like any other.
      recordBareDecorator(x, expression, dotted, scope, target, decorator);
    } else {
      visitExpression(x, expression, scope, { kind: 'decorator', target }, decorator);
    }
  }
}

function recordBareDecorator(x: ExtractorState, expression: SyntaxNode, dotted: string, scope: Scope, target: string, decorator: SyntaxNode): void {
  const resolved = qualify(dotted, scope);
  const id = x.calls.length;
  x.calls.push({
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
    statementText: x.excerpts.of(decorator),
  });
}

export function visitFunction(x: ExtractorState, node: SyntaxNode, scope: Scope, decorators: SyntaxNode[]): void {
  const name = node.childForFieldName('name')?.text ?? '<function>';
  const qualname = `${scope.prefix}${name}`;
  visitDecorators(x, decorators, scope, qualname);
  const parameters = node.childForFieldName('parameters');
  for (let i = 0, kids = parameters ? parameters.namedChildren : []; i < kids.length; i++) {
    const parameter = kids[i]!;
    if (parameter.type !== 'default_parameter' && parameter.type !== 'typed_default_parameter') continue;
    const parameterName = parameter.childForFieldName('name')?.text ?? '?';
    const placement: CallPlacement = { kind: 'default-argument', function: qualname, parameter: parameterName };
    visitExpression(x, parameter.childForFieldName('value'), scope, placement, node);
  }
  x.functions.push(`${qualname} ${node.startPosition.row + 1}`);
  bindDefinition(x, name, qualname, scope);
  const body = node.childForFieldName('body');
  if (body) {
    const isMethod = scope.className !== undefined && !decorators.some((d) => d.namedChild(0)?.text === 'staticmethod');
    const functionScope = newScope({ kind: 'function', function: qualname }, `${qualname}.`, {
      parent: scope.className ? moduleScopeOf(scope) : scope,
      parameters: parametersOf(parameters, isMethod ? 1 : 0),
      ...(isMethod ? { methodClass: scope.className } : {}),
    });
    for (const name of functionScope.parameters!.keys()) functionScope.bindings.set(name, { kind: 'opaque' });
    x.deferredBodies.push({ body, scope: functionScope });
  }
}

export function visitClass(x: ExtractorState, node: SyntaxNode, scope: Scope, decorators: SyntaxNode[]): void {
  const name = node.childForFieldName('name')?.text ?? '<class>';
  const qualname = `${scope.prefix}${name}`;
  visitDecorators(x, decorators, scope, qualname);
  const superclasses = node.childForFieldName('superclasses');
  const bases: string[] = [];
  let metaclass: string | undefined;
  for (let i = 0, kids = superclasses ? superclasses.namedChildren : []; i < kids.length; i++) {
    const base = kids[i]!;
    if (base.type === 'keyword_argument') {
      const value = base.childForFieldName('value');
      const dotted = base.childForFieldName('name')?.text === 'metaclass' && value ? dottedName(value) : undefined;
      const resolved = dotted ? qualify(dotted, scope) : undefined;
      if (resolved && 'qualified' in resolved) metaclass = resolved.qualified;
      visitExpression(x, value, scope, { kind: 'statement' }, node);
      continue;
    }
    const dotted = dottedName(base);
    const resolved = dotted ? qualify(dotted, scope) : undefined;
    if (resolved && 'qualified' in resolved) bases.push(resolved.qualified);
    else visitExpression(x, base, scope, { kind: 'statement' }, node);
  }
  const body = node.childForFieldName('body');
  const header = foldText(x.text.slice(node.startIndex, body ? body.startIndex : node.endIndex)).replace(/\s*$/, '');
  x.classes.push({ name: qualname, bases, ...(metaclass ? { metaclass } : {}), scope: scope.execution, header, span: spanOf(node) });
  if (body) {
    const classScope = newScope(scope.execution, `${qualname}.`, { parent: scope, className: qualname });
    // A class body runs when the class statement runs: at import time for a module-level class.
    x.visitBlock(body, classScope);
  }
  bindDefinition(x, name, qualname, scope);
}

function bindDefinition(x: ExtractorState, name: string, qualname: string, scope: Scope): void {
  scope.bindings.set(name, { kind: 'local', name: qualname });
  if (scope.execution.kind === 'module' && scope.prefix === '') {
    x.definedNames.add(name);
    x.bindConstant(name, undefined);
  }
}
