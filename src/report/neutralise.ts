/**
 * Everything importleak prints that it did not write itself (code, identifiers, file names,
 * configuration values, deployment commands) comes from the repository it analyzed, which may
 * have been written to attack whoever reads the report. Text leaves through the reporters and the
 * CLI's messages; there, and only there, it goes through this module: first bounded (an excerpt
 * is cut with an ellipsis, a message is one line), then escaped for where it goes: a terminal or
 * CI log, JSON, SARIF message text, Markdown and HTML, a Mermaid label, a workflow command.
 * Producers (extract, check, entries, deploy) keep their text as it is.
 */

/** A quoted excerpt (code, an identifier) longer than this is cut, with an ellipsis. */
export const MAX_EXCERPT = 200;
/**
 * A whole message, diagnostic or string in JSON is cut past this. Messages quote code between
 * backticks and each such excerpt is cut at MAX_EXCERPT; this bounds a message whose quoted
 * backticks hide where an excerpt ends, and any other string.
 */
export const MAX_MESSAGE = 4_000;
/** An import chain of more steps than this shows its first MAX_CHAIN_STEPS / 2 and its last MAX_CHAIN_STEPS / 2. */
export const MAX_CHAIN_STEPS = 20;
/**
 * JSON and SARIF: the chain steps of all findings together. Past it each finding shows fewer
 * (`chainStepsPerFinding`), so a report grows with the number of findings, not with its square.
 */
export const MAX_CHAIN_STEPS_PER_REPORT = 10_000;

// ---------------------------------------------------------------------------------------------
// Bounding: the same in every format.

/** `text` cut to at most `max` UTF-16 code units, the last one an ellipsis; a surrogate pair is never split. */
export function excerpt(text: string, max: number = MAX_EXCERPT): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/**
 * One line: each line break (CRLF, CR, LF, U+2028/U+2029) and the blanks around it become one
 * space, so no `\r` of a CRLF file and no line of a multi-line string reaches the output.
 */
export function oneLine(text: string): string {
  return /[\r\n\u2028\u2029]/.test(text) ? text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ').trim() : text;
}

/** Code or an identifier quoted from the project: one line, at most MAX_EXCERPT characters. */
export function quotedCode(text: string): string {
  return excerpt(oneLine(text));
}

/**
 * A message as importleak writes them, prose with what it quotes between backticks: each quoted
 * excerpt cut at MAX_EXCERPT, the whole at MAX_MESSAGE. Line breaks are kept (see `shownMessage`).
 */
export function boundMessage(message: string): string {
  if (message.length <= MAX_EXCERPT) return message;
  const parts = message.split('`');
  for (let i = 1; i < parts.length; i += 2) parts[i] = excerpt(parts[i]!);
  return excerpt(parts.join('`'), MAX_MESSAGE);
}

/** A message on one line, bounded: what every format but `github` shows. */
export function shownMessage(message: string): string {
  return boundMessage(oneLine(message));
}

/** `label: code` (a related location's message, a chain step): each side bounded, on one line. */
export function labelledExcerpt(text: string): string {
  const flat = oneLine(text);
  const colon = flat.indexOf(': ');
  if (colon < 0) return excerpt(flat);
  return `${excerpt(flat.slice(0, colon))}: ${excerpt(flat.slice(colon + 2))}`;
}

/**
 * The steps of a long chain that are shown: the first and the last `max / 2` when there are more
 * than `max` (every finding repeats its chain, and a chain that long is generated code), with the
 * number left out between them.
 */
export function elideChain<T>(steps: readonly T[], max: number = MAX_CHAIN_STEPS): { head: T[]; omitted: number; tail: T[] } {
  if (steps.length <= max) return { head: [...steps], omitted: 0, tail: [] };
  const end = Math.max(1, Math.floor(max / 2));
  return { head: steps.slice(0, end), omitted: steps.length - 2 * end, tail: steps.slice(steps.length - end) };
}

/** How many chain steps each of `findings` findings shows in JSON and SARIF: MAX_CHAIN_STEPS, fewer (at least 4) past MAX_CHAIN_STEPS_PER_REPORT in all. */
export function chainStepsPerFinding(findings: number): number {
  const share = Math.floor(MAX_CHAIN_STEPS_PER_REPORT / Math.max(1, findings));
  return Math.max(4, Math.min(MAX_CHAIN_STEPS, share - (share % 2)));
}

/** `… 1,480 more steps`: what stands for the steps `elideChain` left out. */
export function omittedSteps(omitted: number): string {
  return `… ${omitted.toLocaleString('en-US')} more step${omitted === 1 ? '' : 's'}`;
}

// ---------------------------------------------------------------------------------------------
// Escaping, one function per place the text goes.

/** Control characters (C0, DEL, C1), format characters (bidi overrides and isolates, zero-width, BOM, soft hyphen), line and paragraph separators. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
/** The same, minus LF and TAB, which a multi-line output of importleak's own may hold. */
const INVISIBLE_IN_OUTPUT = /[^\n\t\P{Cc}]|[\p{Cf}\p{Zl}\p{Zp}]/gu;
/** The same, minus CR and LF, which a workflow command escapes its own way. */
const INVISIBLE_IN_COMMAND = /[^\r\n\P{Cc}]|[\p{Cf}\p{Zl}\p{Zp}]/gu;
/** A surrogate that is not half of a pair (a `u` regular expression reads a pair as one character). */
const LONE_SURROGATE = /[\ud800-\udfff]/gu;

const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** `\t`, `\n`, `\r`, `\x1b`, `\u202e`, `\u{e0041}`: how an invisible character is shown. */
function escapeCharacter(c: string): string {
  const short = SHORT_ESCAPES[c];
  if (short) return short;
  const code = c.codePointAt(0)!;
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, '0')}`;
  return `\\u{${code.toString(16)}}`;
}

/** Valid UTF-16: a lone surrogate (from a cut, or bytes that were not text) becomes U+FFFD. */
export function wellFormed(text: string): string {
  return /[\ud800-\udfff]/.test(text) ? text.replace(LONE_SURROGATE, '\ufffd') : text;
}

/**
 * One field of a line of a terminal or CI log (a path, a message, a quoted line): every control,
 * format and separator character shown escaped (`\x1b`, `\r`, `\u202e`), so nothing can
 * move the cursor, recolour, retitle, break the line or reorder what is shown.
 */
export function forTerminal(text: string): string {
  return wellFormed(text).replace(INVISIBLE, escapeCharacter);
}

/**
 * A whole output for a terminal or a CI log, its lines importleak's own: what `forTerminal` missed
 * is escaped but line breaks and tabs, and no line can be a GitHub Actions workflow command: the
 * runner reads `::command::` at the start of a line (after blanks) and the older `##[command]`
 * anywhere in it, so a leading `:` becomes `\x3a` and `##[` becomes `#\x23[`.
 */
export function forLog(output: string): string {
  const text = wellFormed(output).replace(INVISIBLE_IN_OUTPUT, escapeCharacter);
  if (!text.includes('::') && !text.includes('##[')) return text;
  return text.replace(/^(\s*):(?=:)/gm, '$1\\x3a').replace(/##\[/g, '#\\x23[');
}

/**
 * The message of a workflow command (`::error ...::message`), before the runner's own escaping of
 * `%`, CR and LF: every other invisible character shown escaped, as in a terminal.
 */
export function forWorkflowCommand(text: string): string {
  return wellFormed(text).replace(INVISIBLE_IN_COMMAND, escapeCharacter);
}

/**
 * JSON for scripts and people: every string valid UTF-16, shown as in the text format (invisible
 * characters escaped, `\x1b`) and at most MAX_MESSAGE long.
 */
export function forJson(value: unknown): string {
  return `${JSON.stringify(value, (_, v: unknown) => (typeof v === 'string' ? forTerminal(excerpt(v, MAX_MESSAGE)) : v), 2)}\n`;
}

/**
 * JSON whose strings must stay as they are (SARIF, whose rule help is Markdown with line breaks):
 * every string valid UTF-16, and the characters JSON allows raw but a terminal or an editor would
 * act on (DEL, C1, format characters, U+2028/U+2029) written as `\u` escapes, so the file holds
 * none of them and reads back the same.
 */
export function forJsonData(value: unknown): string {
  const json = JSON.stringify(value, (_, v: unknown) => (typeof v === 'string' ? wellFormed(v) : v), 2);
  return `${json.replace(/[\u007f-\u009f\p{Cf}\u2028\u2029]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}${c.length > 1 ? `\\u${c.charCodeAt(1).toString(16).padStart(4, '0')}` : ''}`)}\n`;
}

/**
 * SARIF message text (§3.11.6): `[text](id)` is an embedded link, so brackets quoted from the code
 * are escaped, `\[` and `\]`, and so is a backslash before them: only importleak's own links are
 * links.
 */
export function escapeMessageText(text: string): string {
  return text.replace(/\\(?=[[\]])/g, '\\\\').replace(/[[\]]/g, '\\$&');
}

/**
 * A SARIF `message.text`, one line: invisible characters shown escaped; brackets escaped
 * (`escapeMessageText`) so a quoted `[see](99)` or `[x](javascript:…)` is no link; and, since
 * GitHub renders the code spans of message text, a `<` that could open an HTML tag, comment or
 * autolink outside the backtick-quoted parts escaped as `\<` (inside them it is shown as written).
 */
export function forSarifMessage(text: string): string {
  const parts = forTerminal(oneLine(text)).split('`');
  for (let i = 0; i < parts.length; i += 2) parts[i] = parts[i]!.replace(/<(?=[A-Za-z/!?])/g, '\\<');
  return escapeMessageText(parts.join('`'));
}

/** Markdown text that renders as written: no markup, link, HTML or line break from the quoted source. */
export function markdownText(text: string): string {
  return forTerminal(text).replace(/[\\`*_{}[\]()#+!|<>&~]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}

/** Text inside HTML (a `<summary>`), where Markdown is not read; brackets too, so nothing looks like a link. */
export function htmlText(text: string): string {
  return forTerminal(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\[/g, '&#91;')
    .replace(/\]/g, '&#93;');
}

/** A Markdown code span that holds any text, cut at MAX_EXCERPT: a fence longer than any backtick run inside it. */
export function markdownCode(text: string): string {
  const cut = forTerminal(quotedCode(text));
  const longest = Math.max(0, ...[...cut.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = cut.startsWith('`') || cut.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${cut}${pad}${fence}`;
}

/** Text inside a single-backtick code span: backticks would close it. */
export function markdownInline(text: string): string {
  return forTerminal(text).replace(/`/g, "'");
}

/**
 * importleak's messages put what they quote from the code between backticks: those parts become
 * code spans that hold any text, the rest is escaped. A stray backtick in the quoted code can only
 * move where a code span ends; either way nothing in it is read as Markdown or HTML.
 */
export function markdownMessage(message: string): string {
  return codeSpans(shownMessage(message))
    .map(({ code, text }) => (code ? markdownCode(text) : markdownText(text)))
    .join('');
}

/** The same inside HTML (a `<summary>`), where Markdown is not read: code spans as `<code>`. */
export function htmlMessage(message: string): string {
  return codeSpans(shownMessage(message))
    .map(({ code, text }) => (code ? `<code>${htmlText(text)}</code>` : htmlText(text)))
    .join('');
}

function codeSpans(text: string): Array<{ code: boolean; text: string }> {
  const parts: Array<{ code: boolean; text: string }> = [];
  let last = 0;
  for (const match of text.matchAll(/`([^`\n]+)`/g)) {
    if (match.index > last) parts.push({ code: false, text: text.slice(last, match.index) });
    parts.push({ code: true, text: match[1]! });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ code: false, text: text.slice(last) });
  return parts;
}

/** A Mermaid node or edge label inside `"…"`: quotes and markup neutralised, long text cut, `\n` (importleak's own) as `<br>`. */
export function mermaidLabel(text: string, max = 120): string {
  return excerpt(text, max)
    .split('\n')
    .map((line) =>
      forTerminal(line)
        .replace(/&/g, '#amp;')
        .replace(/"/g, '#quot;')
        .replace(/</g, '#lt;')
        .replace(/>/g, '#gt;')
        .replace(/`/g, '#96;'),
    )
    .join('<br>');
}
