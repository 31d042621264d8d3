import type { Parser } from 'web-tree-sitter';
import { parseTree, type SyntaxNode } from '../extract/tree.js';
import { extractModule } from '../extract/extract.js';
import { assignmentParts, scalarLiteral } from '../extract/syntax.js';
import type { ServerSettings } from './servers/common.js';
import type { AppSpec, DeployProblem, GunicornHook, GunicornHookName, Setting } from './types.js';

/** A literal Python value as written in a config file. */
type Literal = number | string | boolean | null | Literal[];

/** The last module-level assignment of a name: its value when it is a literal, else its text. */
export interface ConfigAssignment {
  line: number;
  value?: Literal;
  expression: string;
  /** Inside an `if`/`try`/`with`/`for` block: it may not run. */
  conditional: boolean;
}

export interface PythonConfigFile {
  /** CPython refuses the file: the server that loads it fails, so none of its settings apply. */
  refused: boolean;
  /** Last assignment of each module-level name (hooks defined with `def` included). */
  assignments: Map<string, ConfigAssignment>;
  functions: Map<string, { line: number; conditional: boolean }>;
  problems: DeployProblem[];
}

/**
 * Reads the module-level assignments and function definitions of a Python config file without
 * running it: `workers = 4` is a value, `workers = cpu_count() * 2 + 1` stays an expression, a name
 * bound to a literal earlier (`WORKERS = 4; workers = WORKERS`) is followed.
 */
export function readPythonConfig(parser: Parser, file: string, text: string): PythonConfigFile {
  const result: PythonConfigFile = { refused: false, assignments: new Map(), functions: new Map(), problems: [] };
  const syntaxProblems = extractModule(parser, file, text).syntaxProblems;
  for (const problem of syntaxProblems) {
    result.problems.push({ file, line: problem.span.line, message: `${problem.message}; the server fails loading this config file ("Failed to read config file"), so none of its settings were read` });
  }
  if (syntaxProblems.length > 0) {
    result.refused = true;
    return result;
  }
  visitBlock(parseTree(parser, text).rootNode, false, result);
  return result;
}

function visitBlock(block: SyntaxNode, conditional: boolean, result: PythonConfigFile): void {
  for (const statement of block.namedChildren) {
    if (!statement) continue;
    switch (statement.type) {
      case 'expression_statement': {
        const expression = statement.namedChild(0);
        if (expression?.type === 'assignment') visitAssignment(expression, conditional, result);
        break;
      }
      case 'function_definition': {
        const name = statement.childForFieldName('name')?.text;
        if (name) result.functions.set(name, { line: statement.startPosition.row + 1, conditional });
        break;
      }
      case 'decorated_definition': {
        const definition = statement.childForFieldName('definition');
        const name = definition?.type === 'function_definition' ? definition.childForFieldName('name')?.text : undefined;
        if (name) result.functions.set(name, { line: definition!.startPosition.row + 1, conditional });
        break;
      }
      case 'if_statement':
      case 'try_statement':
      case 'with_statement':
      case 'for_statement':
      case 'while_statement':
        for (const block of innerBlocks(statement)) visitBlock(block, true, result);
        break;
    }
  }
}

/** The blocks of a compound statement and of its clauses (`elif`, `else`, `except`, `finally`). */
function innerBlocks(statement: SyntaxNode): SyntaxNode[] {
  const blocks: SyntaxNode[] = [];
  for (const child of statement.namedChildren) {
    if (!child) continue;
    if (child.type === 'block') blocks.push(child);
    else if (/_clause$/.test(child.type)) blocks.push(...innerBlocks(child));
  }
  return blocks;
}

function visitAssignment(node: SyntaxNode, conditional: boolean, result: PythonConfigFile): void {
  const { targets, right } = assignmentParts(node);
  if (!right) return; // `x: int` without a value
  for (const target of targets) {
    // `app.conf.worker_concurrency = 1` too, under its dotted name (a Celery app module).
    if (target.type === 'identifier' || (target.type === 'attribute' && /^[A-Za-z_][\w.]*$/.test(target.text))) {
      record(result, target.text, right, conditional);
    } else if ((target.type === 'pattern_list' || target.type === 'tuple_pattern') && (right.type === 'expression_list' || right.type === 'tuple')) {
      const names = target.namedChildren;
      const values = right.namedChildren;
      if (names.length === values.length) {
        names.forEach((name, i) => {
          if (name?.type === 'identifier' && values[i]) record(result, name.text, values[i]!, conditional);
        });
      }
    }
  }
}

function record(result: PythonConfigFile, name: string, value: SyntaxNode, conditional: boolean): void {
  const literal = literalOf(value, result.assignments);
  result.assignments.set(name, {
    line: value.startPosition.row + 1,
    // Linear: `\s*\n\s*` backtracks quadratically on a long run of spaces without a line break.
    expression: value.text.replace(/\s+/g, (run) => (run.includes('\n') ? ' ' : run)),
    conditional,
    ...(literal !== undefined ? { value: literal } : {}),
  });
}

/** Literals nested deeper than this (`workers = ((((...))))`) are taken as expressions. */
const MAX_LITERAL_NESTING = 100;

function literalOf(node: SyntaxNode, known: ReadonlyMap<string, ConfigAssignment>, depth = 0): Literal | undefined {
  if (depth > MAX_LITERAL_NESTING) return undefined;
  switch (node.type) {
    case 'integer':
    case 'float':
    case 'true':
    case 'false':
    case 'none':
    case 'string':
      return scalarLiteral(node, { decodeEscapes: true });
    case 'unary_operator': {
      const operand = node.childForFieldName('argument');
      const operator = node.child(0)?.text;
      const value = operand ? literalOf(operand, known, depth + 1) : undefined;
      return typeof value === 'number' && (operator === '-' || operator === '+') ? (operator === '-' ? -value : value) : undefined;
    }
    case 'parenthesized_expression':
      return node.namedChild(0) ? literalOf(node.namedChild(0)!, known, depth + 1) : undefined;
    case 'list':
    case 'tuple': {
      const values: Literal[] = [];
      for (const child of node.namedChildren) {
        const value = child ? literalOf(child, known, depth + 1) : undefined;
        if (value === undefined) return undefined;
        values.push(value);
      }
      return values;
    }
    case 'identifier': {
      const bound = known.get(node.text);
      return bound && !bound.conditional ? bound.value : undefined;
    }
    default:
      return undefined;
  }
}

/** `4`, `0x10`, `0o17`, `0b1`, `1_000`, as Python reads an integer literal. */
function pythonIntLiteral(text: string): number | undefined {
  const clean = text.replace(/_/g, '').toLowerCase();
  if (/^0x[0-9a-f]+$/.test(clean)) return parseInt(clean.slice(2), 16);
  if (/^0o[0-7]+$/.test(clean)) return parseInt(clean.slice(2), 8);
  if (/^0b[01]+$/.test(clean)) return parseInt(clean.slice(2), 2);
  if (/^\d+$/.test(clean)) return Number(clean);
  return undefined;
}

const GUNICORN_HOOKS: readonly GunicornHookName[] = [
  'on_starting', 'on_reload', 'when_ready', 'pre_fork', 'post_fork', 'post_worker_init', 'worker_int', 'worker_abort',
  'pre_exec', 'pre_request', 'post_request', 'child_exit', 'worker_exit', 'nworkers_changed', 'on_exit', 'ssl_context',
];

export interface GunicornConfigSettings {
  settings: ServerSettings;
  /** `wsgi_app = "pkg.wsgi:app"`: the app when the command line names none. */
  appSpec?: AppSpec;
  hooks: GunicornHook[];
  workingDirectory?: string;
  pythonPath?: string[];
  problems: DeployProblem[];
}

/**
 * What gunicorn takes from a config file: every module-level name that is a setting, spelled exactly
 * (gunicorn skips `WORKERS`), converted by the setting's validator (gunicorn/config.py): integers from
 * int or `int(s, 0)`, booleans from bool or "true"/"false", `bind` from a string or a list of strings.
 */
export function gunicornSettingsOf(config: PythonConfigFile, file: string): GunicornConfigSettings {
  const result: GunicornConfigSettings = { settings: {}, hooks: [], problems: [] };
  const get = (name: string): ConfigAssignment | undefined => config.assignments.get(name);
  const base = (name: string, a: ConfigAssignment) => ({ file, line: a.line, origin: 'config-file' as const, via: `${name} =`, ...(a.conditional ? { conditional: true as const } : {}) });
  const refuse = (name: string, a: ConfigAssignment, why: string): void => {
    result.problems.push({ file, line: a.line, message: `${name} = ${a.expression}: ${why}; gunicorn refuses to start` });
  };

  const intSetting = (name: string): Setting<number> | undefined => {
    const a = get(name);
    if (!a) return undefined;
    if (a.value === undefined) return { ...base(name, a), expression: a.expression };
    const value = typeof a.value === 'boolean' ? Number(a.value) : typeof a.value === 'number' ? a.value : typeof a.value === 'string' ? pythonIntLiteral(a.value.trim()) : undefined;
    if (value === undefined || !Number.isInteger(value)) return void refuse(name, a, 'not an integer');
    if (value < 0) return void refuse(name, a, 'must be positive');
    return { ...base(name, a), value };
  };
  const workers = intSetting('workers');
  if (workers) result.settings.workers = workers;
  const threads = intSetting('threads');
  if (threads) result.settings.threads = threads;

  const boolSetting = (name: string): Setting<boolean> | undefined => {
    const a = get(name);
    if (!a || a.value === null) return undefined;
    if (a.value === undefined) return { ...base(name, a), expression: a.expression };
    if (typeof a.value === 'boolean') return { ...base(name, a), value: a.value };
    if (typeof a.value === 'string' && ['true', 'false'].includes(a.value.trim().toLowerCase())) return { ...base(name, a), value: a.value.trim().toLowerCase() === 'true' };
    return void refuse(name, a, 'not a boolean');
  };
  const preload = boolSetting('preload_app');
  if (preload) result.settings.preload = preload;
  const reload = boolSetting('reload');
  if (reload) result.settings.reload = reload;

  const workerClass = get('worker_class');
  if (workerClass && workerClass.value !== null) {
    result.settings.workerClass = typeof workerClass.value === 'string' ? { ...base('worker_class', workerClass), value: workerClass.value } : { ...base('worker_class', workerClass), expression: workerClass.expression };
  }
  const bind = get('bind');
  if (bind) {
    if (typeof bind.value === 'string') result.settings.bind = { ...base('bind', bind), value: [bind.value] };
    else if (Array.isArray(bind.value) && bind.value.every((v) => typeof v === 'string')) result.settings.bind = { ...base('bind', bind), value: bind.value as string[] };
    else if (bind.value === undefined) result.settings.bind = { ...base('bind', bind), expression: bind.expression };
    else refuse('bind', bind, 'not a string or a list of strings');
  }
  const wsgiApp = get('wsgi_app');
  if (wsgiApp && typeof wsgiApp.value === 'string') {
    const written = wsgiApp.value;
    const colon = written.indexOf(':');
    const module = colon < 0 ? written : written.slice(0, colon);
    const attributeText = colon < 0 ? 'application' : written.slice(colon + 1);
    const call = /^([A-Za-z_][A-Za-z0-9_]*)\s*\(.*\)\s*$/s.exec(attributeText);
    result.appSpec = { file, line: wsgiApp.line, written, module, attribute: call ? call[1]! : attributeText, ...(call ? { factory: true } : {}) };
  }
  const chdir = get('chdir');
  if (chdir && typeof chdir.value === 'string') result.workingDirectory = chdir.value;
  const pythonpath = get('pythonpath');
  if (pythonpath && typeof pythonpath.value === 'string') result.pythonPath = pythonpath.value.split(',').filter(Boolean);

  for (const name of GUNICORN_HOOKS) {
    const defined = config.functions.get(name);
    const assigned = config.assignments.get(name);
    // The later of `def post_fork` and `post_fork = ...` wins; `post_fork = None` unsets it.
    if (assigned && (!defined || assigned.line > defined.line)) {
      if (assigned.value !== null) result.hooks.push({ name, file, line: assigned.line });
    } else if (defined) result.hooks.push({ name, file, line: defined.line });
  }
  result.hooks.sort((a, b) => a.line - b.line);
  return result;
}

/**
 * What hypercorn takes from a Python config file (`-c file:x.py` / `python:mod`): its Config attributes
 * `workers`, `worker_class`, `bind` (hypercorn/config.py `from_mapping`).
 */
export function hypercornSettingsOf(config: PythonConfigFile, file: string): ServerSettings {
  const settings: ServerSettings = {};
  const base = (name: string, a: ConfigAssignment) => ({ file, line: a.line, origin: 'config-file' as const, via: `${name} =`, ...(a.conditional ? { conditional: true as const } : {}) });
  const workers = config.assignments.get('workers');
  if (workers) settings.workers = typeof workers.value === 'number' ? { ...base('workers', workers), value: workers.value } : { ...base('workers', workers), expression: workers.expression };
  const workerClass = config.assignments.get('worker_class');
  if (workerClass) settings.workerClass = typeof workerClass.value === 'string' ? { ...base('worker_class', workerClass), value: workerClass.value } : { ...base('worker_class', workerClass), expression: workerClass.expression };
  const bind = config.assignments.get('bind');
  if (bind) {
    const value = typeof bind.value === 'string' ? [bind.value] : Array.isArray(bind.value) && bind.value.every((v) => typeof v === 'string') ? (bind.value as string[]) : undefined;
    settings.bind = value ? { ...base('bind', bind), value } : { ...base('bind', bind), expression: bind.expression };
  }
  return settings;
}
