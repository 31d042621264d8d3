/**
 * Splits a command line into words the way a POSIX shell does (quotes, backslashes, line
 * continuations, `$(...)`, operators, redirections), without expanding anything: a word that
 * holds an expansion keeps it as written and says so, since its value is only known at run time.
 */

export interface Word {
  /** The word after quote removal: what the program receives when nothing in it expands. */
  text: string;
  /** As written in the source. */
  raw: string;
  line: number;
  /** Holds a `$VAR`, `${...}`, `$(...)` or backquoted expansion: the value is only known at run time. */
  expands: boolean;
  /** When `expands`: the literal pieces and the expansions in order, so known variables can be substituted. */
  parts?: WordPart[];
}

/** `quoted`: the expansion stands inside double quotes, so its value is never split into words. */
export type WordPart = string | { expansion: string; quoted?: true };

/**
 * `shell`: what `/bin/sh -c` reads (operators, comments, redirections).
 * `words`: quoting only, as docker compose and fly split a command string before running it without a shell.
 */
export type SplitMode = 'shell' | 'words';

export interface SimpleCommand {
  words: Word[];
  /** The operator that ended this command (`&&`, `||`, `;`, `|`, `&`, a newline), if any. */
  endedBy?: string;
}

export interface SplitResult {
  commands: SimpleCommand[];
  /** Set when the text ends inside a quote or substitution: the words read so far are still returned. */
  problem?: { line: number; message: string };
}

/** Maps an offset in the text to its 1-based line in the file it came from. */
export type LineAt = (offset: number) => number;

/** Line numbers for text that starts at `firstLine` of its file and keeps its newlines. */
export function linesFrom(text: string, firstLine: number): LineAt {
  const newlines: number[] = [];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') newlines.push(i);
  return (offset) => {
    let low = 0;
    let high = newlines.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (newlines[mid]! < offset) low = mid + 1;
      else high = mid;
    }
    return firstLine + low;
  };
}

const OPERATORS = ['&&', '||', ';;', '|&', ';', '|', '&', '(', ')'];
const REDIRECTIONS = ['&>>', '&>', '>>', '>&', '<&', '>|', '<>', '<<-', '<<<', '<<', '>', '<'];

export function splitCommandLine(text: string, mode: SplitMode, lineAt: LineAt = linesFrom(text, 1)): SplitResult {
  return new Splitter(text, mode, lineAt).run();
}

class Splitter {
  private i = 0;
  private readonly commands: SimpleCommand[] = [];
  private current: Word[] = [];
  private problem: SplitResult['problem'];
  /** The next word is the target of a redirection: read it, then drop it. */
  private dropNextWord = false;

  constructor(
    private readonly text: string,
    private readonly mode: SplitMode,
    private readonly lineAt: LineAt,
  ) {}

  run(): SplitResult {
    const { text } = this;
    const shell = this.mode === 'shell';
    while (this.i < text.length) {
      const c = text[this.i]!;
      if (c === ' ' || c === '\t' || c === '\r') {
        this.i++;
      } else if (c === '\\' && text[this.i + 1] === '\n') {
        this.i += 2;
      } else if (c === '\n') {
        if (shell) this.endCommand('\n');
        this.i++;
      } else if (shell && c === '#') {
        while (this.i < text.length && text[this.i] !== '\n') this.i++;
      } else if (shell && this.atRedirection()) {
        // handled inside
      } else if (shell && this.atOperator()) {
        // handled inside
      } else {
        const word = this.readWord();
        if (shell && /^\d+$/.test(word.raw) && (text[this.i] === '>' || text[this.i] === '<')) continue; // `2>&1`: a file descriptor
        if (this.dropNextWord) this.dropNextWord = false;
        else this.current.push(word);
      }
    }
    this.endCommand(undefined);
    return { commands: this.commands, ...(this.problem ? { problem: this.problem } : {}) };
  }

  private endCommand(endedBy: string | undefined): void {
    if (this.current.length > 0) this.commands.push({ words: this.current, ...(endedBy ? { endedBy } : {}) });
    this.current = [];
    this.dropNextWord = false;
  }

  private atOperator(): boolean {
    const operator = OPERATORS.find((op) => this.text.startsWith(op, this.i));
    if (!operator) return false;
    this.i += operator.length;
    this.endCommand(operator);
    return true;
  }

  private atRedirection(): boolean {
    const redirection = REDIRECTIONS.find((op) => this.text.startsWith(op, this.i));
    if (!redirection) return false;
    this.i += redirection.length;
    this.dropNextWord = true;
    return true;
  }

  private isWordEnd(c: string): boolean {
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') return true;
    return this.mode === 'shell' && (c === ';' || c === '&' || c === '|' || c === '(' || c === ')' || c === '<' || c === '>');
  }

  private readWord(): Word {
    const { text } = this;
    const start = this.i;
    const parts = new PartsBuilder();
    while (this.i < text.length && !this.isWordEnd(text[this.i]!)) {
      const c = text[this.i]!;
      if (c === '\\') {
        if (text[this.i + 1] === '\n') this.i += 2;
        else if (this.i + 1 < text.length) {
          parts.literal(text[this.i + 1]!);
          this.i += 2;
        } else this.i++;
      } else if (c === "'") {
        const end = text.indexOf("'", this.i + 1);
        if (end < 0) {
          this.fail(start, 'unterminated single quote');
          parts.literal(text.slice(this.i + 1));
          this.i = text.length;
        } else {
          parts.literal(text.slice(this.i + 1, end));
          this.i = end + 1;
        }
      } else if (c === '"') {
        this.readDoubleQuoted(start, parts);
      } else if (c === '$' && text[this.i + 1] === "'") {
        parts.literal(this.readAnsiC(start));
      } else if (c === '$' || c === '`') {
        parts.expansion(this.readExpansion(start));
      } else {
        parts.literal(c);
        this.i++;
      }
    }
    return parts.word(text.slice(start, this.i), this.lineAt(start));
  }

  private readDoubleQuoted(wordStart: number, parts: PartsBuilder): void {
    const { text } = this;
    this.i++;
    while (this.i < text.length && text[this.i] !== '"') {
      const c = text[this.i]!;
      if (c === '\\' && this.i + 1 < text.length) {
        const next = text[this.i + 1]!;
        if (next === '\n') {
          // removed
        } else if ('$`"\\'.includes(next)) parts.literal(next);
        else parts.literal(c + next);
        this.i += 2;
      } else if (c === '$' || c === '`') {
        parts.expansion(this.readExpansion(wordStart), true);
      } else {
        parts.literal(c);
        this.i++;
      }
    }
    if (this.i >= text.length) this.fail(wordStart, 'unterminated double quote');
    else this.i++;
  }

  /** `$'a\tb'`: bash's ANSI-C quoting, with the common escapes. */
  private readAnsiC(wordStart: number): string {
    const { text } = this;
    const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', e: '\x1b' };
    let value = '';
    this.i += 2;
    while (this.i < text.length && text[this.i] !== "'") {
      if (text[this.i] === '\\' && this.i + 1 < text.length) {
        value += escapes[text[this.i + 1]!] ?? `\\${text[this.i + 1]}`;
        this.i += 2;
      } else value += text[this.i++];
    }
    if (this.i >= text.length) this.fail(wordStart, 'unterminated $\'...\' quote');
    else this.i++;
    return value;
  }

  /** Reads `$NAME`, `${...}`, `$(...)`, `$((...))` or a backquoted command and returns it as written. */
  private readExpansion(wordStart: number): string {
    const { text } = this;
    const start = this.i;
    if (text[this.i] === '`') {
      this.i++;
      while (this.i < text.length && text[this.i] !== '`') this.i += text[this.i] === '\\' ? 2 : 1;
      if (this.i >= text.length) this.fail(wordStart, 'unterminated backquote');
      else this.i++;
      return text.slice(start, this.i);
    }
    const next = text[this.i + 1];
    if (next === '{' || next === '(') {
      const close = next === '{' ? '}' : ')';
      let depth = 0;
      this.i++;
      while (this.i < text.length) {
        const c = text[this.i]!;
        if (c === '\\') this.i += 2;
        else if (c === "'" && close === ')') {
          const end = text.indexOf("'", this.i + 1);
          this.i = end < 0 ? text.length : end + 1;
        } else {
          if (c === next) depth++;
          else if (c === close) depth--;
          this.i++;
          if (depth === 0) return text.slice(start, this.i);
        }
      }
      this.fail(wordStart, `unterminated $${next}`);
      return text.slice(start);
    }
    this.i++;
    const name = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9@*#?$!-])/.exec(text.slice(this.i));
    if (name) this.i += name[0].length;
    return text.slice(start, this.i);
  }

  private fail(offset: number, message: string): void {
    this.problem ??= { line: this.lineAt(offset), message };
  }
}

class PartsBuilder {
  private readonly parts: WordPart[] = [];

  literal(text: string): void {
    const last = this.parts[this.parts.length - 1];
    if (typeof last === 'string') this.parts[this.parts.length - 1] = last + text;
    else this.parts.push(text);
  }

  /** A lone `$` (before a space or a quote) is a literal dollar. */
  expansion(text: string, quoted = false): void {
    if (text === '$') this.literal(text);
    else this.parts.push(quoted ? { expansion: text, quoted } : { expansion: text });
  }

  word(raw: string, line: number): Word {
    const text = this.parts.map((p) => (typeof p === 'string' ? p : p.expansion)).join('');
    const expands = this.parts.some((p) => typeof p !== 'string');
    return { text, raw, line, expands, ...(expands ? { parts: this.parts } : {}) };
  }
}

/** A word built from plain text (an exec-form array item, a YAML list item): nothing in it is shell syntax. */
export function literalWord(text: string, line: number): Word {
  return { text, raw: text, line, expands: false };
}
