/**
 * Where tree-sitter-python rejects what CPython compiles: recover instead of blaming the file.
 *
 * tree-sitter-python's scanner emits INDENT/DEDENT tokens at a line break inside brackets when the
 * grammar cannot close the bracket there (after `(bar.` for instance), so a continuation line
 * indented less than its statement breaks the parse of the whole file (CPython's own
 * Lib/test/test_compile.py: "(bar.\n        baz)"). CPython ignores indentation inside brackets.
 * `indentContinuationLines` gives such lines the indentation of the line their outermost bracket
 * opened on plus one, which changes no row (only columns on those lines): the caller re-parses the
 * result and keeps it only when it parses without error.
 */
export function indentContinuationLines(text: string): string | undefined {
  const lines = text.split('\n');
  let depth = 0;
  let openerIndent = 0;
  /** The quote of the string being read, when a triple-quoted string spans lines. */
  let quote: string | undefined;
  let changed = false;
  for (let row = 0; row < lines.length; row++) {
    let line = lines[row]!;
    const indent = /^[ \t]*/.exec(line)![0].length;
    if (depth > 0 && quote === undefined && indent <= openerIndent && line.trim() !== '') {
      line = ' '.repeat(openerIndent + 1 - indent) + line;
      lines[row] = line;
      changed = true;
    }
    if (depth === 0 && quote === undefined) openerIndent = indent;
    let i = 0;
    while (i < line.length) {
      const c = line[i]!;
      if (quote !== undefined) {
        if (c === '\\') i += 2;
        else if (line.startsWith(quote, i)) {
          i += quote.length;
          quote = undefined;
        } else i++;
        continue;
      }
      if (c === '#') break;
      if (c === '"' || c === "'") {
        const triple = line.startsWith(c.repeat(3), i);
        quote = triple ? c.repeat(3) : c;
        i += quote.length;
        continue;
      }
      if (c === '(' || c === '[' || c === '{') depth++;
      else if ((c === ')' || c === ']' || c === '}') && depth > 0) depth--;
      i++;
    }
    // A single-quoted string ends at the line's end (unless the line continues with a backslash).
    if (quote !== undefined && quote.length === 1 && !line.endsWith('\\')) quote = undefined;
  }
  return changed ? lines.join('\n') : undefined;
}
