import { conditionText, negation } from './branchConditions.js';
import { evaluate, truthiness } from './conditions.js';
import { noteDynamicImport, noteRegistryAdder } from './dynamicImports.js';
import { qualify, type Scope } from './scopes.js';
import { CALL_NESTING, MAX_EXPRESSION_NESTING, type ExtractorState } from './state.js';
import type { CallArgument, CallPlacement, CallRecord } from './summary.js';
import { dottedName, scalarLiteral, spanOf } from './syntax.js';
import type { SyntaxNode } from './tree.js';

/*
 * Expressions and calls: every call an expression makes, innermost first, with what it calls
 * (qualified through the scope's bindings), its arguments, where it sits and under which run-time
 * conditions; and which results a function drops when it returns.
 */

const WORD = /\w/;
/** `return ` at the start of a line or after `;`, just before a name. */
const RETURN_BEFORE = /(^|[\n;])[ \t]*return[ \t]+$/;
const WORD_OR_DOT = /[\w.]/;

/** Records every call in an expression, innermost first, without entering lambda bodies. */
export function visitExpression(x: ExtractorState, node: SyntaxNode | null, scope: Scope, placement: CallPlacement, statement: SyntaxNode): void {
  if (!node) return;
  // Read once: each read of a node's type is a call into the parser's WebAssembly.
  const type = node.type;
  switch (type) {
    case 'call':
      visitCall(x, node, scope, placement, statement);
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
  if (x.expressionDepth >= MAX_EXPRESSION_NESTING) return x.skipTooDeep(node, `an expression nested more than ${MAX_EXPRESSION_NESTING} levels deep`);
  x.expressionDepth++;
  try {
    if (type === 'named_expression') visitExpression(x, node.childForFieldName('value'), scope, placement, statement);
    else if (type === 'conditional_expression' && node.namedChildCount === 3) visitConditionalExpression(x, node, scope, placement, statement);
    else for (const child of node.namedChildren) visitExpression(x, child, scope, placement, statement);
  } finally {
    x.expressionDepth--;
  }
}

/** `a if c else b`: `c` runs first, then one of the two, each under its condition. */
function visitConditionalExpression(x: ExtractorState, node: SyntaxNode, scope: Scope, placement: CallPlacement, statement: SyntaxNode): void {
  const [body, condition, alternative] = [node.namedChild(0)!, node.namedChild(1)!, node.namedChild(2)!];
  visitExpression(x, condition, scope, placement, statement);
  const value = truthiness(evaluate(condition, x.conditionContext(scope)));
  if (value !== false) {
    if (value === true) visitExpression(x, body, scope, placement, statement);
    else x.underCondition(conditionText(condition), () => visitExpression(x, body, scope, placement, statement));
  }
  if (value !== true) {
    if (value === false) visitExpression(x, alternative, scope, placement, statement);
    else x.underCondition(negation([condition]), () => visitExpression(x, alternative, scope, placement, statement));
  }
}

/** Records a call (after the calls in it, which run first) and returns its id; undefined when it is nested too deeply to visit. */
export function visitCall(x: ExtractorState, node: SyntaxNode, scope: Scope, placement: CallPlacement, statement: SyntaxNode): number | undefined {
  // A call's frame is several times a plain expression's: it counts as CALL_NESTING levels.
  if (x.expressionDepth + CALL_NESTING > MAX_EXPRESSION_NESTING) return void x.skipTooDeep(node, `an expression nested more than ${MAX_EXPRESSION_NESTING} levels deep`);
  x.expressionDepth += CALL_NESTING;
  try {
    const functionNode = node.childForFieldName('function');
    const argumentsNode = node.childForFieldName('arguments');
    let receiver: CallRecord['receiver'];
    let callee: string | undefined;
    let calleeIsLocal = false;

    if (functionNode?.type === 'attribute' && functionNode.childForFieldName('object')?.type === 'call') {
      // `Thread(...).start()`: the inner call runs first.
      const innerId = visitCall(x, functionNode.childForFieldName('object')!, scope, placement, statement);
      if (innerId !== undefined) receiver = { callId: innerId, method: functionNode.childForFieldName('attribute')?.text ?? '', via: 'chain' };
    } else if (functionNode) {
      const dotted = dottedName(functionNode);
      const resolved = dotted ? qualify(dotted, scope) : undefined;
      if (resolved?.kind === 'instance') {
        receiver = { callId: resolved.callId, method: resolved.member, via: 'name', name: resolved.name };
      } else if (resolved) {
        callee = resolved.qualified;
        calleeIsLocal = resolved.kind === 'local';
      } else if (!dotted) {
        visitExpression(x, functionNode, scope, placement, statement);
      }
    }

    const args: CallArgument[] = [];
    for (let i = 0, kids = argumentsNode ? argumentsNode.namedChildren : []; i < kids.length; i++) {
      const argument = kids[i]!;
      if (argument.type === 'comment') continue;
      visitExpression(x, argument.type === 'keyword_argument' ? argument.childForFieldName('value') : argument, scope, placement, statement);
      args.push(callArgument(argument, x, scope));
    }

    const id = x.calls.length;
    // Fields set one by one rather than spread from small objects, which cost this function a
    // third of its time; in this order, the order of the JSON the cache stores.
    const record = { id } as CallRecord;
    if (callee) record.callee = callee;
    if (calleeIsLocal) record.calleeIsLocal = calleeIsLocal;
    record.calleeText = functionNode?.text ?? '';
    record.text = x.excerpts.of(node);
    if (receiver) record.receiver = receiver;
    record.args = args;
    record.scope = scope.execution;
    record.placement = placement;
    record.span = spanOf(node);
    record.statementText = x.excerpts.of(statement);
    if (x.conditions.length) record.condition = x.conditions.join(' and ');
    x.calls.push(record);
    const use = useOfValue(node);
    if (use === 'consumed') dropChain(x, record);
    else if (use === 'returned' && scope.execution.kind === 'function') record.returned = true;
    noteDynamicImport(x, record, scope, argumentsNode);
    if (functionNode?.type === 'attribute' && argumentsNode) noteRegistryAdder(x, functionNode, argumentsNode, scope);
    return id;
  } finally {
    x.expressionDepth -= CALL_NESTING;
  }
}

/** String literals (with their prefixes) and comments, in the order they start. */
const STRING_OR_COMMENT = /#[^\n]*|[rRbBuUfF]{0,2}(?:"""[\s\S]*?"""|'''[\s\S]*?'''|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')/g;

/** `text` with its strings and comments made blanks, line breaks kept: what is left is code. */
export function codeOnly(text: string): string {
  if (!/["'#]/.test(text)) return text;
  return text.replace(STRING_OR_COMMENT, (literal) => literal.replace(/[^\n]/g, ' '));
}

/**
 * What becomes of a call's value, from where the call stands: `consumed` when it is an operand of
 * a comparison or `not`, or the condition of an `if`, `elif`, `while` or `assert` (the statement
 * keeps a truth value, not the object: `redis_client().llen(key) == 0`); `returned` when it is
 * what a `return` gives back; undefined otherwise.
 */
function useOfValue(node: SyntaxNode): 'consumed' | 'returned' | undefined {
  let at = node;
  let parent = at.parent;
  while (parent?.type === 'parenthesized_expression') {
    at = parent;
    parent = at.parent;
  }
  switch (parent?.type) {
    case 'comparison_operator':
    case 'not_operator':
    case 'assert_statement':
      return 'consumed';
    case 'if_statement':
    case 'elif_clause':
    case 'while_statement':
      return parent.childForFieldName('condition') === at ? 'consumed' : undefined;
    case 'return_statement':
      return 'returned';
    default:
      return undefined;
  }
}

/**
 * Nothing keeps the value of `record`'s call (an expression statement, `Redis().ping()`, or a
 * consumed value, see `useOfValue`): it and each call its method chain is made on are dropped when
 * the statement ends.
 */
export function dropChain(x: ExtractorState, record: CallRecord): void {
  for (let at: CallRecord | undefined = record; at; ) {
    at.discarded = true;
    at = at.receiver?.via === 'chain' ? x.calls[at.receiver.callId] : undefined;
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
export function noteDroppedLocals(x: ExtractorState, body: SyntaxNode, firstCall: number): void {
  const candidates = x.calls.slice(firstCall).filter((c) => c.boundTo !== undefined && c.assignedTo === c.boundTo && /^[A-Za-z_]\w*$/.test(c.boundTo) && !x.globalNames.has(c.boundTo) && c.scope.kind === 'function');
  if (candidates.length === 0) return;
  // Strings and comments blanked: a name in a message or a docstring is no use of the object.
  const text = codeOnly(x.text.slice(body.startIndex, body.endIndex));
  if (/(^|[^\w.])(def|lambda|class)\b/.test(text)) return;
  for (const call of candidates) {
    const name = call.boundTo!;
    let assignments = 0;
    let returns = 0;
    let otherUse = false;
    // Each use of the name as a whole word, not an attribute (`x.name`): found with indexOf, which
    // cost a tenth of a regular expression made for each name (the bodies of a file are many).
    for (let at = text.indexOf(name); at >= 0 && !otherUse; at = text.indexOf(name, at + name.length)) {
      const end = at + name.length;
      if ((at > 0 && WORD_OR_DOT.test(text[at - 1]!)) || (end < text.length && WORD.test(text[end]!))) continue;
      const after = text.slice(end, end + 200);
      if (/^\s*(:[^=\n]*)?=(?!=)/.test(after)) assignments++;
      else if (RETURN_BEFORE.test(text.slice(Math.max(0, at - 40), at)) && /^[ \t]*(#[^\n]*)?(\n|;|$)/.test(after)) returns++;
      else if (!/^\s*\.\s*\w+\s*\(/.test(after)) otherUse = true;
    }
    if (otherUse || assignments !== 1) continue;
    // `return client`, the only other use: the caller gets the object (see `CallRecord.returned`).
    if (returns > 0) call.returned = true;
    else call.discarded = true;
  }
}

/**
 * One argument of a call in `scope` as the summary keeps it: keyword, text and literal value
 * (`workers=3`), or the number a module-level constant it names holds (`workers=WORKERS`).
 */
export function callArgument(argument: SyntaxNode, x: ExtractorState, scope: Scope): CallArgument {
  const value = argument.type === 'keyword_argument' ? argument.childForFieldName('value') : argument;
  const record: CallArgument = argument.type === 'keyword_argument' ? { keyword: argument.childForFieldName('name')?.text ?? '', text: value?.text ?? '' } : { text: argument.text };
  const literal = value ? scalarLiteral(value) : undefined;
  if (literal !== undefined) record.literal = literal;
  else if (value?.type === 'identifier' && (x.constants.has(value.text) || x.environmentDefaults.has(value.text)) && x.seesModuleName(value.text, scope)) {
    const constant = x.constants.get(value.text);
    const fromEnvironment = x.environmentDefaults.get(value.text);
    if (typeof constant === 'number') record.constant = constant;
    else if (fromEnvironment) record.fromEnvironment = { ...fromEnvironment };
  }
  return record;
}
