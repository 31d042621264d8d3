/**
 * `case "$1" in server) exec gunicorn ...;; worker) exec celery ...;; esac` in an entrypoint script:
 * only the branch the script's first argument selects runs (redash's `docker-entrypoint`, run with
 * `CMD ["server"]` by its image and `command: manage version` by a CI compose service). Read without
 * running anything: the other branches of each such `case` are blanked out of the text, every
 * character but line breaks made a space, so what is left keeps its offsets and lines.
 *
 * Only a `case` on the first argument (`$1`, `"$1"`, `${1}`, `"${1}"`) is read, and only when that
 * argument is known (a literal word, or no argument: `$1` is then empty). Patterns are matched as
 * the shell matches them (`*`, `?`, `[...]`, alternatives with `|`, quotes taken off); a branch after
 * `;&` or `;;&` (bash's fall-through) leaves the rest of that `case` as it is.
 */
export function selectCaseBranches(text: string, firstArgument: { text: string; expands: boolean } | undefined): string {
  if (firstArgument?.expands) return text;
  const argument = firstArgument?.text ?? '';
  if (!/\bcase\b/.test(text)) return text;
  const chars = text.split('');
  const blank = (from: number, to: number): void => {
    for (let i = from; i < to; i++) if (chars[i] !== '\n') chars[i] = ' ';
  };
  const header = /(^|[\s;&|(])case[ \t]+("?)\$(?:1|\{1\})\2[ \t]+in\b/g;
  let match: RegExpExecArray | null;
  while ((match = header.exec(text)) !== null) {
    const branches = branchesAfter(text, match.index + match[0].length);
    if (!branches) continue;
    const chosen = branches.list.findIndex((branch) => branch.patterns.some((pattern) => globMatches(pattern, argument)));
    if (branches.list.some((branch, i) => branch.fallsThrough && i >= Math.max(chosen, 0))) continue;
    branches.list.forEach((branch, i) => {
      if (i !== chosen) blank(branch.start, branch.end);
    });
    header.lastIndex = branches.end;
  }
  return chars.join('');
}

interface Branch {
  patterns: string[];
  /** From the pattern to the end of its `;;`. */
  start: number;
  end: number;
  fallsThrough: boolean;
}

/** The branches of a `case` whose `in` ends at `from`, up to its `esac`; undefined when it does not end. */
function branchesAfter(text: string, from: number): { list: Branch[]; end: number } | undefined {
  const list: Branch[] = [];
  let i = from;
  for (;;) {
    i = skipBlanks(text, i);
    if (i >= text.length) return undefined;
    if (text.startsWith('esac', i) && !/\w/.test(text[i + 4] ?? '')) return { list, end: i + 4 };
    // The patterns: up to the `)` that ends them.
    const start = i;
    const close = patternEnd(text, i);
    if (close < 0) return undefined;
    const patterns = text
      .slice(text[i] === '(' ? i + 1 : i, close)
      .split('|')
      .map((p) => unquoted(p.trim()));
    // The body: up to `;;`, `;&` or `;;&` at nesting depth 0, or the `esac` of this case.
    const body = bodyEnd(text, close + 1);
    if (!body) return undefined;
    list.push({ patterns, start, end: body.end, fallsThrough: body.terminator === ';&' || body.terminator === ';;&' });
    i = body.end;
    if (body.terminator === 'esac') return { list, end: body.end + 4 };
  }
}

function skipBlanks(text: string, i: number): number {
  for (;;) {
    while (i < text.length && /[\s]/.test(text[i]!)) i++;
    if (text[i] === '#') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    return i;
  }
}

/** The `)` that ends a branch's patterns (quotes skipped); -1 when there is none on the way. */
function patternEnd(text: string, i: number): number {
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      if (end < 0) return -1;
      i = end;
    } else if (c === ')') return i;
    else if (c === '\n' || c === ';') return -1;
  }
  return -1;
}

/** Where a branch's body ends: after its terminator, or at the `esac` that closes its `case`. */
function bodyEnd(text: string, i: number): { end: number; terminator: string } | undefined {
  let depth = 0;
  let wordStart = true;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return undefined;
      i = end;
      wordStart = false;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (j >= text.length) return undefined;
      i = j;
      wordStart = false;
      continue;
    }
    if (c === '#' && wordStart) {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (wordStart && /[a-z]/.test(c)) {
      const word = /^[a-z]+/.exec(text.slice(i, i + 8))![0];
      const ends = !/[\w-]/.test(text[i + word.length] ?? '');
      if (ends && word === 'case') depth++;
      if (ends && word === 'esac') {
        if (depth === 0) return { end: i, terminator: 'esac' };
        depth--;
      }
      i += word.length - 1;
      wordStart = false;
      continue;
    }
    if (depth === 0 && c === ';' && text[i + 1] === ';') return { end: i + (text[i + 2] === '&' ? 3 : 2), terminator: text[i + 2] === '&' ? ';;&' : ';;' };
    if (depth === 0 && c === ';' && text[i + 1] === '&') return { end: i + 2, terminator: ';&' };
    wordStart = /[\s;&|()]/.test(c);
  }
  return undefined;
}

function unquoted(pattern: string): string {
  return pattern.replace(/^(['"])(.*)\1$/s, '$2');
}

/** Whether the shell pattern matches the whole word. */
function globMatches(pattern: string, word: string): boolean {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') source += '.*';
    else if (c === '?') source += '.';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) source += '\\[';
      else {
        source += `[${pattern.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (c === '\\' && i + 1 < pattern.length) source += pattern[++i]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else source += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  try {
    return new RegExp(`^${source}$`, 's').test(word);
  } catch {
    return false;
  }
}
