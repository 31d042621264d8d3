/*
 * Python's `glob.glob` on a list of paths: which of them a pattern finds, as CPython would among
 * those files. Each `/`-separated part with `*`, `?` or `[` is matched by `fnmatch.translate`'s
 * rules (CPython 3.11: a `[` without its `]` is itself, `[!...]` is the negation, a range whose end
 * comes before its start is left out, a set left empty matches nothing); a part without them is the
 * name itself. As glob does, `*` and `?` never find a name starting with `.` unless the part does.
 * Never throws: whatever the pattern, the answer is a yes or a no.
 */

const MAGIC = /[*?[]/;

/** The test of `pattern` against `/`-separated relative paths. */
export function pythonGlobMatcher(pattern: string): (path: string) => boolean {
  const parts = pattern.split('/').map((part) => (MAGIC.test(part) ? componentTest(part) : part));
  return (path) => {
    const names = path.split('/');
    if (names.length !== parts.length) return false;
    return parts.every((part, i) => (typeof part === 'string' ? part === names[i] : part(names[i]!)));
  };
}

function componentTest(part: string): (name: string) => boolean {
  let regex: RegExp;
  try {
    regex = new RegExp(`^(?:${translate(part)})$`, 's');
  } catch {
    return () => false;
  }
  const hiddenToo = part.startsWith('.');
  return (name) => (hiddenToo || !name.startsWith('.')) && regex.test(name);
}

/** `fnmatch.translate` for one part, as a JavaScript regular expression's source. */
function translate(pattern: string): string {
  let out = '';
  const n = pattern.length;
  let i = 0;
  while (i < n) {
    const c = pattern[i]!;
    i += 1;
    if (c === '*') {
      if (!out.endsWith('.*')) out += '.*';
    } else if (c === '?') out += '.';
    else if (c === '[') {
      let j = i;
      if (j < n && pattern[j] === '!') j += 1;
      if (j < n && pattern[j] === ']') j += 1;
      while (j < n && pattern[j] !== ']') j += 1;
      if (j >= n) {
        out += '\\[';
        continue;
      }
      let stuff: string;
      if (!pattern.slice(i, j).includes('-')) stuff = pattern.slice(i, j).replace(/\\/g, '\\\\');
      else {
        const chunks: string[] = [];
        let start = i;
        let k = pattern[i] === '!' ? i + 2 : i + 1;
        for (;;) {
          k = pattern.indexOf('-', k);
          if (k < 0 || k >= j) break;
          chunks.push(pattern.slice(start, k));
          start = k + 1;
          k += 3;
        }
        const chunk = pattern.slice(start, j);
        if (chunk) chunks.push(chunk);
        else chunks[chunks.length - 1] += '-';
        // Ranges whose end comes before their start are dropped, as CPython does (invalid in a regex).
        for (let m = chunks.length - 1; m > 0; m--) {
          if (chunks[m - 1]!.slice(-1) > chunks[m]![0]!) {
            chunks[m - 1] = chunks[m - 1]!.slice(0, -1) + chunks[m]!.slice(1);
            chunks.splice(m, 1);
          }
        }
        stuff = chunks.map((s) => s.replace(/\\/g, '\\\\').replace(/-/g, '\\-')).join('-');
      }
      stuff = stuff.replace(/([&~|])/g, '\\$1');
      i = j + 1;
      if (!stuff) out += '(?!)';
      else if (stuff === '!') out += '.';
      else {
        // `[` and a leading `]` are themselves in Python's sets; escaped, as JavaScript would read
        // `[]]` as an empty set and `[^]` as any character.
        if (stuff[0] === '!') stuff = `^${stuff.slice(1).replace(/[[\]]/g, '\\$&')}`;
        else stuff = (stuff[0] === '^' ? `\\${stuff}` : stuff).replace(/[[\]]/g, '\\$&');
        out += `[${stuff}]`;
      }
    } else out += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return out;
}
