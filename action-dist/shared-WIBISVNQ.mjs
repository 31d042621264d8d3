import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);

// src/extract/pythonLiteral.ts
function parsePythonLiteral(text) {
  const reader = new LiteralReader(text);
  const value = reader.value();
  reader.skipSpace();
  return value && reader.atEnd() ? value : { kind: "other", text: text.trim() };
}
function stringsOf(literal) {
  if (literal.kind === "string") return [literal.value];
  if (literal.kind !== "list" && literal.kind !== "tuple") return void 0;
  const values = [];
  for (const item of literal.items) {
    if (item.kind !== "string") return void 0;
    values.push(item.value);
  }
  return values;
}
var SIMPLE_ESCAPES = { "\\": "\\", "'": "'", '"': '"', n: "\n", t: "	", r: "\r", "0": "\0" };
var MAX_LITERAL_NESTING = 100;
var LiteralReader = class {
  constructor(text) {
    this.text = text;
  }
  text;
  at = 0;
  depth = 0;
  atEnd() {
    return this.at >= this.text.length;
  }
  skipSpace() {
    for (; ; ) {
      const ch = this.text[this.at];
      if (ch === void 0) return;
      if (ch === "#") {
        const end = this.text.indexOf("\n", this.at);
        this.at = end < 0 ? this.text.length : end + 1;
      } else if (/\s/.test(ch) || ch === "\\" && this.text[this.at + 1] === "\n") {
        this.at += ch === "\\" ? 2 : 1;
      } else {
        return;
      }
    }
  }
  value() {
    this.skipSpace();
    const ch = this.text[this.at];
    if (ch === void 0) return void 0;
    if ((ch === "[" || ch === "(") && this.depth >= MAX_LITERAL_NESTING) return void 0;
    if (ch === "[") return this.nested(() => this.sequence("]", "list"));
    if (ch === "(") return this.nested(() => this.sequence(")", "tuple"));
    const string = this.stringRun();
    if (string !== void 0) return string;
    return this.other();
  }
  nested(read) {
    this.depth++;
    try {
      return read();
    } finally {
      this.depth--;
    }
  }
  /** `[a, b]` / `(a, b)`; a parenthesised single value without a comma is that value. */
  sequence(close, kind) {
    const start = this.at;
    this.at++;
    const items = [];
    let sawComma = false;
    for (; ; ) {
      this.skipSpace();
      if (this.text[this.at] === close) {
        this.at++;
        break;
      }
      const item = this.value();
      if (!item) return void 0;
      items.push(item);
      this.skipSpace();
      const next = this.text[this.at];
      if (next === ",") {
        sawComma = true;
        this.at++;
      } else if (next === close) {
        this.at++;
        break;
      } else {
        return void 0;
      }
    }
    if (kind === "tuple" && !sawComma && items.length === 1) return items[0];
    if (items.some((item) => item.kind === "other" && item.text === "")) return { kind: "other", text: this.text.slice(start, this.at) };
    return { kind, items };
  }
  /** One or more adjacent string literals (`"a" "b"` concatenates); f- and b-strings are not plain strings. */
  stringRun() {
    let value = "";
    let plain = true;
    let read = 0;
    const start = this.at;
    for (; ; ) {
      const save = this.at;
      if (read > 0) this.skipSpace();
      const prefix = /^[rRuUbBfF]{0,2}(?=['"])/.exec(this.text.slice(this.at));
      if (!prefix) {
        this.at = save;
        break;
      }
      const flags = prefix[0].toLowerCase();
      this.at += prefix[0].length;
      const part = this.quoted(flags.includes("r"));
      if (part === void 0) return void 0;
      if (flags.includes("f") || flags.includes("b")) plain = false;
      value += part;
      read++;
    }
    if (read === 0) return void 0;
    return plain ? { kind: "string", value } : { kind: "other", text: this.text.slice(start, this.at) };
  }
  quoted(raw) {
    const quote = this.text.startsWith(this.text[this.at].repeat(3), this.at) ? this.text[this.at].repeat(3) : this.text[this.at];
    this.at += quote.length;
    let value = "";
    while (this.at < this.text.length) {
      if (this.text.startsWith(quote, this.at)) {
        this.at += quote.length;
        return value;
      }
      const ch = this.text[this.at];
      if (ch === "\\") {
        const next = this.text[this.at + 1] ?? "";
        value += raw ? ch + next : SIMPLE_ESCAPES[next] ?? ch + next;
        this.at += 2;
        continue;
      }
      if (ch === "\n" && quote.length === 1) return void 0;
      value += ch;
      this.at++;
    }
    return void 0;
  }
  /** Any other expression: read to the next top-level `,` or closing bracket, respecting nesting and strings. */
  other() {
    const start = this.at;
    let depth = 0;
    while (this.at < this.text.length) {
      const ch = this.text[this.at];
      if (ch === '"' || ch === "'") {
        if (this.quoted(false) === void 0) break;
        continue;
      }
      if (ch === "#") {
        this.skipSpace();
        continue;
      }
      if ("([{".includes(ch)) depth++;
      else if (")]}".includes(ch)) {
        if (depth === 0) break;
        depth--;
      } else if (ch === "," && depth === 0) break;
      this.at++;
    }
    return { kind: "other", text: this.text.slice(start, this.at).trim() };
  }
};

export {
  parsePythonLiteral,
  stringsOf,
  SIMPLE_ESCAPES
};
