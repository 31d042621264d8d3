import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Node, Parser } from 'web-tree-sitter';
import { decodePythonSource } from '../extract/decode.js';

/** A compound statement around a line, innermost first: what decides whether the line runs. */
export interface Enclosing {
  kind: 'if' | 'elif' | 'else' | 'try' | 'except' | 'try-else' | 'finally' | 'loop' | 'with' | 'function' | 'class' | 'match';
  /** The header as written (`if sys.platform == "win32"`, `except ImportError`), first line only. */
  header: string;
  /** For if/elif/else: every condition of the chain up to this branch, as written. */
  conditions?: string[];
  /** For try: the statement is the first of the try body (nothing before it can have raised). */
  first?: boolean;
  line: number;
}

/** Source lines and syntax of the tree's files, read once each. */
export class SourceContext {
  private readonly lines = new Map<string, string[]>();
  private readonly texts = new Map<string, string>();
  private readonly around = new Map<string, Enclosing[]>();

  constructor(
    private readonly root: string,
    private readonly parser: Parser,
  ) {}

  text(file: string): string {
    let text = this.texts.get(file);
    if (text === undefined) {
      try {
        text = decodePythonSource(readFileSync(path.join(this.root, file))).text;
      } catch {
        text = '';
      }
      this.texts.set(file, text);
    }
    return text;
  }

  /** Line `line` (1-based) of `file`, trimmed, or '' when there is none. */
  line(file: string, line: number): string {
    let lines = this.lines.get(file);
    if (!lines) {
      lines = this.text(file).split(/\r?\n/);
      this.lines.set(file, lines);
    }
    return (lines[line - 1] ?? '').trim();
  }

  /**
   * The compound statements around the statement that starts on `line`, innermost first.
   * With `stopAtFunction`, the walk ends at the enclosing `def` (included).
   */
  enclosing(file: string, line: number, stopAtFunction: boolean): Enclosing[] {
    const key = `${file}:${line}:${stopAtFunction}`;
    let found = this.around.get(key);
    if (!found) {
      found = this.parseEnclosing(file, line, stopAtFunction);
      this.around.set(key, found);
    }
    return found;
  }

  /**
   * Line of the first `return` (or `raise`) of the function around `line` that comes before it,
   * outside nested functions: the function may end before it gets to `line`.
   */
  returnBefore(file: string, line: number): number | undefined {
    const text = this.text(file);
    if (!text) return undefined;
    const tree = this.parser.parse(text);
    if (!tree) return undefined;
    try {
      const raw = text.split(/\r?\n/)[line - 1] ?? '';
      const column = Buffer.byteLength(raw.slice(0, raw.length - raw.trimStart().length), 'utf8');
      let fn = tree.rootNode.descendantForPosition({ row: line - 1, column });
      while (fn && fn.type !== 'function_definition') fn = fn.parent;
      const body = fn?.childForFieldName('body');
      if (!body) return undefined;
      let found: number | undefined;
      const visit = (node: Node): void => {
        if (found !== undefined || node.startPosition.row >= line - 1) return;
        if (node.type === 'function_definition' || node.type === 'lambda' || node.type === 'class_definition') return;
        if (node.type === 'return_statement' || node.type === 'raise_statement') {
          found = node.startPosition.row + 1;
          return;
        }
        for (const child of node.namedChildren) if (child) visit(child);
      };
      visit(body);
      return found;
    } finally {
      tree.delete();
    }
  }

  private parseEnclosing(file: string, line: number, stopAtFunction: boolean): Enclosing[] {
    const text = this.text(file);
    if (!text) return [];
    const raw = text.split(/\r?\n/)[line - 1] ?? '';
    const column = Buffer.byteLength(raw.slice(0, raw.length - raw.trimStart().length), 'utf8');
    const tree = this.parser.parse(text);
    if (!tree) return [];
    try {
      const start = tree.rootNode.descendantForPosition({ row: line - 1, column });
      return start ? walkOut(start, stopAtFunction) : [];
    } finally {
      tree.delete();
    }
  }
}

function walkOut(start: Node, stopAtFunction: boolean): Enclosing[] {
  const found: Enclosing[] = [];
  let child: Node = start;
  for (let parent = start.parent; parent; child = parent, parent = parent.parent) {
    const at = parent.startPosition.row + 1;
    switch (parent.type) {
      case 'if_statement': {
        const consequence = parent.childForFieldName('consequence');
        if (consequence && consequence.id === child.id) {
          const condition = conditionText(parent);
          found.push({ kind: 'if', header: `if ${condition}`, conditions: [condition], line: at });
        }
        break;
      }
      case 'elif_clause': {
        const chain = ifChain(parent.parent, parent);
        found.push({ kind: 'elif', header: `elif ${conditionText(parent)}`, conditions: chain, line: at });
        break;
      }
      case 'else_clause': {
        const owner = parent.parent;
        if (owner?.type === 'if_statement') {
          found.push({ kind: 'else', header: 'else', conditions: ifChain(owner, parent), line: at });
        } else if (owner?.type === 'try_statement') {
          found.push({ kind: 'try-else', header: 'else (of try)', line: at });
        } else {
          found.push({ kind: 'loop', header: 'else (of loop)', line: at });
        }
        break;
      }
      case 'except_clause':
      case 'except_group_clause':
        found.push({ kind: 'except', header: firstLine(parent.text).replace(/:\s*$/, ''), line: at });
        break;
      case 'finally_clause':
        found.push({ kind: 'finally', header: 'finally', line: at });
        break;
      case 'try_statement':
        if (child.type === 'block') {
          const statements = child.namedChildren.filter((n) => n && n.type !== 'comment');
          const first = statements[0]?.id === innermostBelow(start, child)?.id;
          found.push({ kind: 'try', header: 'try', line: at, first });
        }
        break;
      case 'for_statement':
      case 'while_statement':
        if (child.type === 'block') found.push({ kind: 'loop', header: firstLine(parent.text).replace(/:\s*$/, ''), line: at });
        break;
      case 'with_statement':
        found.push({ kind: 'with', header: firstLine(parent.text).replace(/:\s*$/, ''), line: at });
        break;
      case 'match_statement':
        found.push({ kind: 'match', header: firstLine(parent.text).replace(/:\s*$/, ''), line: at });
        break;
      case 'class_definition':
        found.push({ kind: 'class', header: firstLine(parent.text).replace(/:\s*$/, ''), line: at });
        break;
      case 'function_definition':
        found.push({ kind: 'function', header: firstLine(parent.text).replace(/:\s*$/, ''), line: at });
        if (stopAtFunction) return found;
        break;
      default:
        break;
    }
  }
  return found;
}

/** The ancestor of `node` that is a direct child of `container`. */
function innermostBelow(node: Node, container: Node): Node | undefined {
  let at: Node | null = node;
  while (at && at.parent && at.parent.id !== container.id) at = at.parent;
  return at ?? undefined;
}

/** Conditions of an if/elif chain up to (and including) `upTo` when it is an elif. */
function ifChain(ifStatement: Node | null, upTo: Node): string[] {
  if (!ifStatement) return [];
  const conditions = [conditionText(ifStatement)];
  for (const clause of ifStatement.namedChildren) {
    if (!clause || clause.type !== 'elif_clause') continue;
    conditions.push(conditionText(clause));
    if (clause.id === upTo.id) break;
  }
  return conditions;
}

function conditionText(node: Node): string {
  return (node.childForFieldName('condition')?.text ?? '').replace(/\s+/g, ' ');
}

/** First line of a statement, comment dropped. */
function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').replace(/\s+#.*$/, '').trim();
}

const PLATFORM = /\bsys\.platform\b|\b_?os\.name\b|\bplatform\.(system|machine|mac_ver|win32_ver|uname)\b|['"](win32|nt|darwin|cygwin|linux|posix|emscripten|wasi|java|ios|android)['"]|\b_?(ms)?windows\b|\bWINDOWS\b|IS_WINDOWS|_MS_WINDOWS|_winapi|msvcrt|\bIS_MACOS\b|\bMACOS\b/i;
const VERSION = /version_info|\bsys\.version\b|hexversion|\bPY_?\d|\bPYPY\b|python_implementation|sys\.implementation|IS_PYPY|\bPY3\d*\b|_PY3\d+\b/;

export interface ContextReason {
  group: string;
  detail: string;
}

export const CONTEXT_GROUPS = {
  platform: 'platform condition',
  version: 'version or implementation condition',
  exceptFallback: 'try/except fallback not taken (the `try` branch succeeded)',
  tryElse: 'try/else branch skipped (the `try` body raised)',
  runtime: 'run-time condition',
  tryAbandoned: 'try body abandoned (an earlier statement in it raised)',
  loop: 'inside a loop that did not run it',
  match: 'match case not taken',
} as const;

/**
 * Why a statement the analyzer counts as run at import time may not run, judged from the compound
 * statements around it: a platform or version test beats an except clause, which beats any
 * other condition. Undefined when nothing conditional encloses it.
 */
export function conditionalReason(enclosing: readonly Enclosing[]): ContextReason | undefined {
  const branches = enclosing.filter((e) => e.kind === 'if' || e.kind === 'elif' || e.kind === 'else');
  const describe = (e: Enclosing): string =>
    e.kind === 'else' ? `\`else\` of \`if ${e.conditions!.join(' / elif ')}\`` : e.kind === 'elif' ? `\`elif ${e.conditions![e.conditions!.length - 1]}\` (after \`if ${e.conditions![0]}\`)` : `\`${e.header}\``;
  const platform = branches.find((e) => e.conditions!.some((c) => PLATFORM.test(c)));
  if (platform) return { group: CONTEXT_GROUPS.platform, detail: `platform condition ${describe(platform)} (line ${platform.line})` };
  const version = branches.find((e) => e.conditions!.some((c) => VERSION.test(c)));
  if (version) return { group: CONTEXT_GROUPS.version, detail: `version condition ${describe(version)} (line ${version.line})` };
  const handler = enclosing.find((e) => e.kind === 'except');
  if (handler) return { group: CONTEXT_GROUPS.exceptFallback, detail: `fallback in \`${handler.header}\` (line ${handler.line}): the \`try\` branch succeeded` };
  const tryElse = enclosing.find((e) => e.kind === 'try-else');
  if (tryElse) return { group: CONTEXT_GROUPS.tryElse, detail: `\`else\` of a \`try\` (line ${tryElse.line}) whose body raised` };
  if (branches[0]) return { group: CONTEXT_GROUPS.runtime, detail: `run-time condition ${describe(branches[0])} (line ${branches[0].line})` };
  const body = enclosing.find((e) => e.kind === 'try' && !e.first);
  if (body) return { group: CONTEXT_GROUPS.tryAbandoned, detail: `in the \`try\` body at line ${body.line}: an earlier statement raised and the handler took over` };
  const loop = enclosing.find((e) => e.kind === 'loop');
  if (loop) return { group: CONTEXT_GROUPS.loop, detail: `inside \`${loop.header}\` (line ${loop.line})` };
  const match = enclosing.find((e) => e.kind === 'match');
  if (match) return { group: CONTEXT_GROUPS.match, detail: `inside \`${match.header}\` (line ${match.line})` };
  return undefined;
}
