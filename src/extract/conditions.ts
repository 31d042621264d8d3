import type { SyntaxNode } from './tree.js';
import { dottedName, scalarLiteral } from './syntax.js';
import type { PythonTarget } from './target.js';

/**
 * Static evaluation of the conditions that decide, for a target interpreter, which imports run:
 * what type checkers evaluate (`sys.platform`, `sys.version_info`, `os.name`, `TYPE_CHECKING`,
 * literal constants), and module-level names bound to such values (`PY2 = sys.version_info[0] == 2`,
 * `_false = 0`). Anything else is unknown, and an unknown condition keeps both branches.
 */
export type Value = boolean | number | string | null | TupleValue | BuiltinNames;
/** A tuple whose length is known; an item may be unknown (the micro version of `sys.version_info`). */
export interface TupleValue {
  tuple: Array<Value | undefined>;
}
/** `sys.builtin_module_names`: only membership of the platform modules is known. */
export interface BuiltinNames {
  builtinNames: string[];
  decides: string[];
}

export interface ConditionContext {
  target: PythonTarget;
  /** The qualified name a dotted expression refers to through the file's imports (`sys.platform`). */
  qualify(dotted: string): string | undefined;
  /** The value of a module-level name, when it is known at this point of the file. */
  constant(name: string): Value | undefined;
}

const TYPE_CHECKING = new Set(['typing.TYPE_CHECKING', 'typing_extensions.TYPE_CHECKING']);

function knownName(qualified: string, target: PythonTarget): Value | undefined {
  if (TYPE_CHECKING.has(qualified)) return false;
  switch (qualified) {
    case 'sys.platform':
      return target.platform;
    case 'os.name':
      return target.platform === 'win32' ? 'nt' : 'posix';
    case 'sys.version_info':
      // (major, minor, micro, releaselevel, serial): only the first two are known.
      return { tuple: [target.version[0], target.version[1], undefined, undefined, undefined] };
    case 'sys.version_info.major':
      return target.version[0];
    case 'sys.version_info.minor':
      return target.version[1];
    case 'sys.builtin_module_names':
      return { builtinNames: [target.platform === 'win32' ? 'nt' : 'posix'], decides: ['nt', 'posix'] };
    case 'sys.implementation.name':
      return 'cpython';
    default:
      return undefined;
  }
}

function knownCall(qualified: string, target: PythonTarget): Value | undefined {
  switch (qualified) {
    case 'platform.system':
      return { linux: 'Linux', darwin: 'Darwin', win32: 'Windows' }[target.platform];
    case 'platform.python_implementation':
      return 'CPython';
    default:
      return undefined;
  }
}

export function truthiness(value: Value | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === null) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') return value.length > 0;
  if ('tuple' in value) return value.tuple.length > 0;
  return true;
}

/**
 * Conditions nested deeper than this (`not not ... x`, `a or b or ...` with thousands of operands) are
 * unknown: evaluating them would overflow the stack, and no real condition comes near.
 */
export const MAX_CONDITION_NESTING = 200;
let depth = 0;

/** The value of an expression for the target, or undefined when it depends on run time. */
export function evaluate(node: SyntaxNode | null, context: ConditionContext): Value | undefined {
  if (!node || depth >= MAX_CONDITION_NESTING) return undefined;
  depth++;
  try {
    return evaluateNode(node, context);
  } finally {
    depth--;
  }
}

function evaluateNode(node: SyntaxNode, context: ConditionContext): Value | undefined {
  switch (node.type) {
    case 'true':
    case 'false':
    case 'none':
    case 'integer':
    case 'string':
      return scalarLiteral(node);
    case 'parenthesized_expression':
      return node.namedChildCount === 1 ? evaluate(node.namedChild(0), context) : undefined;
    case 'list':
    case 'tuple': {
      const items = node.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'comment');
      return { tuple: items.map((item) => evaluate(item, context)) };
    }
    case 'not_operator': {
      const inner = truthiness(evaluate(node.childForFieldName('argument'), context));
      return inner === undefined ? undefined : !inner;
    }
    case 'boolean_operator':
      return booleanOperator(node, context);
    case 'comparison_operator':
      return comparison(node, context);
    case 'identifier': {
      if (node.text === '__debug__') return true;
      const constant = context.constant(node.text);
      if (constant !== undefined) return constant;
      const qualified = context.qualify(node.text);
      return qualified === undefined ? undefined : knownName(qualified, context.target);
    }
    case 'attribute': {
      const dotted = dottedName(node);
      const qualified = dotted ? context.qualify(dotted) : undefined;
      if (qualified !== undefined) {
        const known = knownName(qualified, context.target);
        if (known !== undefined) return known;
      }
      // A plain dotted name (`a.b.c`): its object's value can only come from its own qualified name
      // or a module-level constant, so it is looked up, not evaluated again level by level.
      const objectNode = node.childForFieldName('object');
      let object: Value | undefined;
      if (dotted && objectNode?.type === 'attribute') {
        const objectQualified = context.qualify(dotted.slice(0, dotted.lastIndexOf('.')));
        object = objectQualified === undefined ? undefined : knownName(objectQualified, context.target);
      } else object = evaluate(objectNode, context);
      const attribute = node.childForFieldName('attribute')?.text;
      if (object && typeof object === 'object' && 'tuple' in object && object.tuple.length === 5) {
        // sys.version_info bound to a name: `v = sys.version_info; v.major`.
        if (attribute === 'major') return object.tuple[0];
        if (attribute === 'minor') return object.tuple[1];
      }
      return undefined;
    }
    case 'subscript':
      return subscript(node, context);
    case 'call':
      return call(node, context);
    default:
      return undefined;
  }
}

function booleanOperator(node: SyntaxNode, context: ConditionContext): Value | undefined {
  const operator = node.childForFieldName('operator')?.type ?? node.child(1)?.type;
  const left = truthiness(evaluate(node.childForFieldName('left'), context));
  const rightNode = node.childForFieldName('right');
  if (operator === 'and') {
    if (left === false) return false;
    const right = truthiness(evaluate(rightNode, context));
    if (right === false) return false;
    return left === true && right === true ? true : undefined;
  }
  if (left === true) return true;
  const right = truthiness(evaluate(rightNode, context));
  if (right === true) return true;
  return left === false && right === false ? false : undefined;
}

function comparison(node: SyntaxNode, context: ConditionContext): Value | undefined {
  // a < b < c: every link must hold.
  const operands: SyntaxNode[] = [];
  const operators: string[] = [];
  for (let i = 0; i < node.childCount; i++) {
    const child = node.child(i)!;
    if (child.isNamed) operands.push(child);
    else operators.push(child.type);
  }
  if (operands.length !== operators.length + 1) return undefined;
  let result: boolean | undefined = true;
  for (let i = 0; i < operators.length; i++) {
    const link = compare(operators[i]!, evaluate(operands[i]!, context), evaluate(operands[i + 1]!, context));
    if (link === false) return false;
    if (link === undefined) result = undefined;
  }
  return result;
}

function compare(operator: string, left: Value | undefined, right: Value | undefined): boolean | undefined {
  if (operator === 'in' || operator === 'not in') {
    const found = contains(right, left);
    return found === undefined ? undefined : operator === 'in' ? found : !found;
  }
  if (left === undefined || right === undefined) return undefined;
  if (operator === 'is' || operator === 'is not') {
    // Only `x is None` / `x is True` style identities of constants are meaningful.
    if (typeof left === 'object' && left !== null) return undefined;
    if (typeof right === 'object' && right !== null) return undefined;
    return (left === right) === (operator === 'is');
  }
  const order = ordering(left, right);
  switch (operator) {
    case '==':
      return equality(left, right);
    case '!=': {
      const equal = equality(left, right);
      return equal === undefined ? undefined : !equal;
    }
    case '<':
      return order === undefined ? undefined : order < 0;
    case '<=':
      return order === undefined ? undefined : order <= 0;
    case '>':
      return order === undefined ? undefined : order > 0;
    case '>=':
      return order === undefined ? undefined : order >= 0;
    default:
      return undefined;
  }
}

function equality(left: Value, right: Value): boolean | undefined {
  const leftTuple = typeof left === 'object' && left !== null && 'tuple' in left;
  const rightTuple = typeof right === 'object' && right !== null && 'tuple' in right;
  if (leftTuple || rightTuple) {
    if (!leftTuple || !rightTuple) return false;
    const order = ordering(left, right);
    if (order !== undefined) return order === 0;
    // Different lengths are never equal, whatever the unknown items are.
    return left.tuple.length !== right.tuple.length ? false : undefined;
  }
  if (typeof left === 'object' && left !== null) return undefined;
  if (typeof right === 'object' && right !== null) return undefined;
  if (typeof left === 'boolean' || typeof right === 'boolean') return Number(left) === Number(right);
  return left === right;
}

/** Sign of left - right for numbers, strings and tuples of them; undefined when not decided. */
function ordering(left: Value, right: Value): number | undefined {
  if (typeof left === 'number' && typeof right === 'number') return Math.sign(left - right);
  if (typeof left === 'string' && typeof right === 'string') return left < right ? -1 : left > right ? 1 : 0;
  if (typeof left === 'object' && left !== null && 'tuple' in left && typeof right === 'object' && right !== null && 'tuple' in right) {
    const n = Math.min(left.tuple.length, right.tuple.length);
    for (let i = 0; i < n; i++) {
      const a = left.tuple[i];
      const b = right.tuple[i];
      if (a === undefined || b === undefined) return undefined;
      const equal = equality(a, b);
      if (equal === true) continue;
      if (equal === undefined) return undefined;
      return ordering(a, b);
    }
    return Math.sign(left.tuple.length - right.tuple.length);
  }
  return undefined;
}

function contains(container: Value | undefined, item: Value | undefined): boolean | undefined {
  if (container === undefined || item === undefined) return undefined;
  if (typeof container === 'string') return typeof item === 'string' ? container.includes(item) : undefined;
  if (typeof container !== 'object' || container === null) return undefined;
  if ('builtinNames' in container) {
    if (typeof item !== 'string') return undefined;
    if (container.builtinNames.includes(item)) return true;
    return container.decides.includes(item) ? false : undefined;
  }
  let unknown = false;
  for (const element of container.tuple) {
    if (element === undefined) {
      unknown = true;
      continue;
    }
    const equal = equality(element, item);
    if (equal === true) return true;
    if (equal === undefined) unknown = true;
  }
  return unknown ? undefined : false;
}

function subscript(node: SyntaxNode, context: ConditionContext): Value | undefined {
  const value = evaluate(node.childForFieldName('value'), context);
  const index = node.childForFieldName('subscript');
  if (value === undefined || !index) return undefined;
  const sequence = typeof value === 'string' ? [...value] : typeof value === 'object' && value !== null && 'tuple' in value ? value.tuple : undefined;
  if (!sequence) return undefined;
  if (index.type === 'slice') {
    // start:stop:step, each optional.
    const bounds: Array<number | undefined> = [undefined, undefined, undefined];
    let position = 0;
    for (let i = 0; i < index.childCount; i++) {
      const child = index.child(i)!;
      if (child.type === ':') position++;
      else {
        const bound = evaluate(child, context) ?? (child.type === 'unary_operator' ? -Number(child.namedChild(0)?.text) : undefined);
        if (typeof bound !== 'number' || !Number.isInteger(bound)) return undefined;
        bounds[position] = bound;
      }
    }
    const sliced = slice(sequence, bounds[0], bounds[1], bounds[2] ?? 1);
    if (!sliced) return undefined;
    return typeof value === 'string' ? (sliced as string[]).join('') : { tuple: sliced };
  }
  const at = evaluate(index, context) ?? (index.type === 'unary_operator' ? -Number(index.namedChild(0)?.text) : undefined);
  if (typeof at !== 'number' || !Number.isInteger(at)) return undefined;
  const i = at < 0 ? sequence.length + at : at;
  return i >= 0 && i < sequence.length ? sequence[i] : undefined;
}

function slice<T>(items: T[], start: number | undefined, stop: number | undefined, step: number): T[] | undefined {
  if (step === 0 || Number.isNaN(step)) return undefined;
  const n = items.length;
  const clamp = (v: number, low: number, high: number): number => Math.min(Math.max(v, low), high);
  const out: T[] = [];
  if (step > 0) {
    const from = start === undefined ? 0 : clamp(start < 0 ? n + start : start, 0, n);
    const to = stop === undefined ? n : clamp(stop < 0 ? n + stop : stop, 0, n);
    for (let i = from; i < to; i += step) out.push(items[i]!);
  } else {
    const from = start === undefined ? n - 1 : clamp(start < 0 ? n + start : start, -1, n - 1);
    const to = stop === undefined ? -1 : clamp(stop < 0 ? n + stop : stop, -1, n - 1);
    for (let i = from; i > to; i += step) out.push(items[i]!);
  }
  return out;
}

function call(node: SyntaxNode, context: ConditionContext): Value | undefined {
  const callee = node.childForFieldName('function');
  const args = (node.childForFieldName('arguments')?.namedChildren ?? []).filter((a): a is SyntaxNode => a !== null && a.type !== 'comment');
  if (!callee) return undefined;
  if (callee.type === 'attribute') {
    const method = callee.childForFieldName('attribute')?.text;
    const object = evaluate(callee.childForFieldName('object'), context);
    if (typeof object === 'string') {
      if (method === 'upper' && args.length === 0) return object.toUpperCase();
      if (method === 'lower' && args.length === 0) return object.toLowerCase();
      if ((method === 'startswith' || method === 'endswith') && args.length === 1) {
        const prefix = evaluate(args[0]!, context);
        const candidates = typeof prefix === 'string' ? [prefix] : typeof prefix === 'object' && prefix !== null && 'tuple' in prefix ? prefix.tuple : undefined;
        if (!candidates || candidates.some((c) => typeof c !== 'string')) return undefined;
        return (candidates as string[]).some((c) => (method === 'startswith' ? object.startsWith(c) : object.endsWith(c)));
      }
    }
  }
  const dotted = dottedName(callee);
  const qualified = dotted && args.length === 0 ? context.qualify(dotted) : undefined;
  return qualified === undefined ? undefined : knownCall(qualified, context.target);
}

