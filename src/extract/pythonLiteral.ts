/**
 * Reads the Python literals that frameworks are configured with (`include=["proj.tasks"]`,
 * `[(r"/", "app.handlers.Main")]`) from an argument's source text, as the summary keeps it.
 * Never evaluates anything: what is not a plain literal comes back as `other`.
 */
export type PythonLiteral =
  | { kind: 'string'; value: string }
  | { kind: 'list' | 'tuple'; items: PythonLiteral[] }
  | { kind: 'other'; text: string };

/** The literal `text` holds, or `other` when it is not one (a name, a call, an f-string...). */
export function parsePythonLiteral(text: string): PythonLiteral {
  const reader = new LiteralReader(text);
  const value = reader.value();
  reader.skipSpace();
  return value && reader.atEnd() ? value : { kind: 'other', text: text.trim() };
}

/** `["a", 'b']` → ['a', 'b']; a lone string → [it]; anything else (or any non-string item) → undefined. */
export function stringsOf(literal: PythonLiteral): string[] | undefined {
  if (literal.kind === 'string') return [literal.value];
  if (literal.kind !== 'list' && literal.kind !== 'tuple') return undefined;
  const values: string[] = [];
  for (const item of literal.items) {
    if (item.kind !== 'string') return undefined;
    values.push(item.value);
  }
  return values;
}

/** Every string anywhere inside a literal, in order (tuples in lists included). */
export function allStrings(literal: PythonLiteral): string[] {
  if (literal.kind === 'string') return [literal.value];
  if (literal.kind === 'list' || literal.kind === 'tuple') return literal.items.flatMap(allStrings);
  return [];
}

export const SIMPLE_ESCAPES: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', n: '\n', t: '\t', r: '\r', '0': '\0' };

/** Lists and tuples nested deeper than this are not read as literals (`other`): reading them would overflow the stack. */
const MAX_LITERAL_NESTING = 100;

class LiteralReader {
  private at = 0;
  private depth = 0;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.at >= this.text.length;
  }

  skipSpace(): void {
    for (;;) {
      const ch = this.text[this.at];
      if (ch === undefined) return;
      if (ch === '#') {
        const end = this.text.indexOf('\n', this.at);
        this.at = end < 0 ? this.text.length : end + 1;
      } else if (/\s/.test(ch) || (ch === '\\' && this.text[this.at + 1] === '\n')) {
        this.at += ch === '\\' ? 2 : 1;
      } else {
        return;
      }
    }
  }

  value(): PythonLiteral | undefined {
    this.skipSpace();
    const ch = this.text[this.at];
    if (ch === undefined) return undefined;
    if ((ch === '[' || ch === '(') && this.depth >= MAX_LITERAL_NESTING) return undefined;
    if (ch === '[') return this.nested(() => this.sequence(']', 'list'));
    if (ch === '(') return this.nested(() => this.sequence(')', 'tuple'));
    const string = this.stringRun();
    if (string !== undefined) return string;
    return this.other();
  }

  private nested(read: () => PythonLiteral | undefined): PythonLiteral | undefined {
    this.depth++;
    try {
      return read();
    } finally {
      this.depth--;
    }
  }

  /** `[a, b]` / `(a, b)`; a parenthesised single value without a comma is that value. */
  private sequence(close: string, kind: 'list' | 'tuple'): PythonLiteral | undefined {
    const start = this.at;
    this.at++;
    const items: PythonLiteral[] = [];
    let sawComma = false;
    for (;;) {
      this.skipSpace();
      if (this.text[this.at] === close) {
        this.at++;
        break;
      }
      const item = this.value();
      if (!item) return undefined;
      items.push(item);
      this.skipSpace();
      const next = this.text[this.at];
      if (next === ',') {
        sawComma = true;
        this.at++;
      } else if (next === close) {
        this.at++;
        break;
      } else {
        return undefined;
      }
    }
    if (kind === 'tuple' && !sawComma && items.length === 1) return items[0];
    if (items.some((item) => item.kind === 'other' && item.text === '')) return { kind: 'other', text: this.text.slice(start, this.at) };
    return { kind, items };
  }

  /** One or more adjacent string literals (`"a" "b"` concatenates); f- and b-strings are not plain strings. */
  private stringRun(): PythonLiteral | undefined {
    let value = '';
    let plain = true;
    let read = 0;
    const start = this.at;
    for (;;) {
      const save = this.at;
      if (read > 0) this.skipSpace();
      const prefix = /^[rRuUbBfF]{0,2}(?=['"])/.exec(this.text.slice(this.at));
      if (!prefix) {
        this.at = save;
        break;
      }
      const flags = prefix[0].toLowerCase();
      this.at += prefix[0].length;
      const part = this.quoted(flags.includes('r'));
      if (part === undefined) return undefined;
      if (flags.includes('f') || flags.includes('b')) plain = false;
      value += part;
      read++;
    }
    if (read === 0) return undefined;
    return plain ? { kind: 'string', value } : { kind: 'other', text: this.text.slice(start, this.at) };
  }

  private quoted(raw: boolean): string | undefined {
    const quote = this.text.startsWith(this.text[this.at]!.repeat(3), this.at) ? this.text[this.at]!.repeat(3) : this.text[this.at]!;
    this.at += quote.length;
    let value = '';
    while (this.at < this.text.length) {
      if (this.text.startsWith(quote, this.at)) {
        this.at += quote.length;
        return value;
      }
      const ch = this.text[this.at]!;
      if (ch === '\\') {
        const next = this.text[this.at + 1] ?? '';
        value += raw ? ch + next : (SIMPLE_ESCAPES[next] ?? ch + next);
        this.at += 2;
        continue;
      }
      if (ch === '\n' && quote.length === 1) return undefined;
      value += ch;
      this.at++;
    }
    return undefined;
  }

  /** Any other expression: read to the next top-level `,` or closing bracket, respecting nesting and strings. */
  private other(): PythonLiteral {
    const start = this.at;
    let depth = 0;
    while (this.at < this.text.length) {
      const ch = this.text[this.at]!;
      if (ch === '"' || ch === "'") {
        if (this.quoted(false) === undefined) break;
        continue;
      }
      if (ch === '#') {
        this.skipSpace();
        continue;
      }
      if ('([{'.includes(ch)) depth++;
      else if (')]}'.includes(ch)) {
        if (depth === 0) break;
        depth--;
      } else if (ch === ',' && depth === 0) break;
      this.at++;
    }
    return { kind: 'other', text: this.text.slice(start, this.at).trim() };
  }
}
