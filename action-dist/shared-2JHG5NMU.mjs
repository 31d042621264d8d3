import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);

// src/deploy/shellWords.ts
function linesFrom(text, firstLine) {
  const newlines = [];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") newlines.push(i);
  return (offset) => {
    let low = 0;
    let high = newlines.length;
    while (low < high) {
      const mid = low + high >> 1;
      if (newlines[mid] < offset) low = mid + 1;
      else high = mid;
    }
    return firstLine + low;
  };
}
var OPERATORS = ["&&", "||", ";;", "|&", ";", "|", "&", "(", ")"];
var REDIRECTIONS = ["&>>", "&>", ">>", ">&", "<&", ">|", "<>", "<<-", "<<<", "<<", ">", "<"];
function splitCommandLine(text, mode, lineAt = linesFrom(text, 1)) {
  return new Splitter(text, mode, lineAt).run();
}
var Splitter = class {
  constructor(text, mode, lineAt) {
    this.text = text;
    this.mode = mode;
    this.lineAt = lineAt;
  }
  text;
  mode;
  lineAt;
  i = 0;
  commands = [];
  current = [];
  problem;
  /** The next word is the target of a redirection: read it, then drop it. */
  dropNextWord = false;
  run() {
    const { text } = this;
    const shell = this.mode === "shell";
    while (this.i < text.length) {
      const c = text[this.i];
      if (c === " " || c === "	" || c === "\r") {
        this.i++;
      } else if (c === "\\" && text[this.i + 1] === "\n") {
        this.i += 2;
      } else if (c === "\n") {
        if (shell) this.endCommand("\n");
        this.i++;
      } else if (shell && c === "#") {
        while (this.i < text.length && text[this.i] !== "\n") this.i++;
      } else if (shell && this.atRedirection()) {
      } else if (shell && this.atOperator()) {
      } else {
        const word = this.readWord();
        if (shell && /^\d+$/.test(word.raw) && (text[this.i] === ">" || text[this.i] === "<")) continue;
        if (this.dropNextWord) this.dropNextWord = false;
        else this.current.push(word);
      }
    }
    this.endCommand(void 0);
    return { commands: this.commands, ...this.problem ? { problem: this.problem } : {} };
  }
  endCommand(endedBy) {
    if (this.current.length > 0) this.commands.push({ words: this.current, ...endedBy ? { endedBy } : {} });
    this.current = [];
    this.dropNextWord = false;
  }
  atOperator() {
    const operator = OPERATORS.find((op) => this.text.startsWith(op, this.i));
    if (!operator) return false;
    this.i += operator.length;
    this.endCommand(operator);
    return true;
  }
  atRedirection() {
    const redirection = REDIRECTIONS.find((op) => this.text.startsWith(op, this.i));
    if (!redirection) return false;
    this.i += redirection.length;
    this.dropNextWord = true;
    return true;
  }
  isWordEnd(c) {
    if (c === " " || c === "	" || c === "\r" || c === "\n") return true;
    return this.mode === "shell" && (c === ";" || c === "&" || c === "|" || c === "(" || c === ")" || c === "<" || c === ">");
  }
  readWord() {
    const { text } = this;
    const start = this.i;
    const parts = new PartsBuilder();
    while (this.i < text.length && !this.isWordEnd(text[this.i])) {
      const c = text[this.i];
      if (c === "\\") {
        if (text[this.i + 1] === "\n") this.i += 2;
        else if (this.i + 1 < text.length) {
          parts.literal(text[this.i + 1]);
          this.i += 2;
        } else this.i++;
      } else if (c === "'") {
        const end = text.indexOf("'", this.i + 1);
        if (end < 0) {
          this.fail(start, "unterminated single quote");
          parts.literal(text.slice(this.i + 1));
          this.i = text.length;
        } else {
          parts.literal(text.slice(this.i + 1, end));
          this.i = end + 1;
        }
      } else if (c === '"') {
        this.readDoubleQuoted(start, parts);
      } else if (c === "$" && text[this.i + 1] === "'") {
        parts.literal(this.readAnsiC(start));
      } else if (c === "$" || c === "`") {
        parts.expansion(this.readExpansion(start));
      } else {
        parts.literal(c);
        this.i++;
      }
    }
    return parts.word(text.slice(start, this.i), this.lineAt(start));
  }
  readDoubleQuoted(wordStart, parts) {
    const { text } = this;
    this.i++;
    while (this.i < text.length && text[this.i] !== '"') {
      const c = text[this.i];
      if (c === "\\" && this.i + 1 < text.length) {
        const next = text[this.i + 1];
        if (next === "\n") {
        } else if ('$`"\\'.includes(next)) parts.literal(next);
        else parts.literal(c + next);
        this.i += 2;
      } else if (c === "$" || c === "`") {
        parts.expansion(this.readExpansion(wordStart), true);
      } else {
        parts.literal(c);
        this.i++;
      }
    }
    if (this.i >= text.length) this.fail(wordStart, "unterminated double quote");
    else this.i++;
  }
  /** `$'a\tb'`: bash's ANSI-C quoting, with the common escapes. */
  readAnsiC(wordStart) {
    const { text } = this;
    const escapes = { n: "\n", t: "	", r: "\r", "\\": "\\", "'": "'", '"': '"', a: "\x07", e: "\x1B" };
    let value = "";
    this.i += 2;
    while (this.i < text.length && text[this.i] !== "'") {
      if (text[this.i] === "\\" && this.i + 1 < text.length) {
        value += escapes[text[this.i + 1]] ?? `\\${text[this.i + 1]}`;
        this.i += 2;
      } else value += text[this.i++];
    }
    if (this.i >= text.length) this.fail(wordStart, "unterminated $'...' quote");
    else this.i++;
    return value;
  }
  /** Reads `$NAME`, `${...}`, `$(...)`, `$((...))` or a backquoted command and returns it as written. */
  readExpansion(wordStart) {
    const { text } = this;
    const start = this.i;
    if (text[this.i] === "`") {
      this.i++;
      while (this.i < text.length && text[this.i] !== "`") this.i += text[this.i] === "\\" ? 2 : 1;
      if (this.i >= text.length) this.fail(wordStart, "unterminated backquote");
      else this.i++;
      return text.slice(start, this.i);
    }
    const next = text[this.i + 1];
    if (next === "{" || next === "(") {
      const close = next === "{" ? "}" : ")";
      let depth = 0;
      this.i++;
      while (this.i < text.length) {
        const c = text[this.i];
        if (c === "\\") this.i += 2;
        else if (c === "'" && close === ")") {
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
  fail(offset, message) {
    this.problem ??= { line: this.lineAt(offset), message };
  }
};
var PartsBuilder = class {
  parts = [];
  literal(text) {
    const last = this.parts[this.parts.length - 1];
    if (typeof last === "string") this.parts[this.parts.length - 1] = last + text;
    else this.parts.push(text);
  }
  /** A lone `$` (before a space or a quote) is a literal dollar. */
  expansion(text, quoted = false) {
    if (text === "$") this.literal(text);
    else this.parts.push(quoted ? { expansion: text, quoted } : { expansion: text });
  }
  word(raw, line) {
    const text = this.parts.map((p) => typeof p === "string" ? p : p.expansion).join("");
    const expands = this.parts.some((p) => typeof p !== "string");
    return { text, raw, line, expands, ...expands ? { parts: this.parts } : {} };
  }
};
function literalWord(text, line) {
  return { text, raw: text, line, expands: false };
}

export {
  linesFrom,
  splitCommandLine,
  literalWord
};
