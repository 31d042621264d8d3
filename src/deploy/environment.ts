import type { Location } from './types.js';
import type { Word, WordPart } from './shellWords.js';

/** One environment variable a deployment file sets for the process (`ENV`, compose `environment:`, `VAR=x cmd`). */
export interface EnvValue extends Location {
  name: string;
  /** The value, or absent when it is only known at run time (`${SECRET}`). */
  value?: string;
  /** As written. */
  written: string;
}

export type Environment = ReadonlyMap<string, EnvValue>;

export const EMPTY_ENVIRONMENT: Environment = new Map();

export function withVariables(base: Environment, added: Iterable<EnvValue>): Environment {
  const merged = new Map(base);
  for (const value of added) merged.set(value.name, value);
  return merged;
}

const SIMPLE_EXPANSION = /^\$(?:([A-Za-z_][A-Za-z0-9_]*)|\{([A-Za-z_][A-Za-z0-9_]*)\})$/;

/** `${WORKERS:-1}` (or `${WORKERS-1}`), quoted or not: a variable with a literal default. */
const DEFAULTED = /^"?(\$\{([A-Za-z_][A-Za-z0-9_]*):?-[^$`{}"'\s]*\})"?$/;

/**
 * Substitutes the variables of `word` that the deployment itself sets, as the shell would
 * (`ENV APP_MODULE=app:app` then `CMD gunicorn $APP_MODULE`). A variable it does not set stays
 * as written, defaults included: the platform may set it (Heroku sets WEB_CONCURRENCY). A variable
 * the deployment sets to another's value with a default (CTFd's `WORKERS=${WORKERS:-1}`, then
 * `--workers $WORKERS`) becomes that expansion: still known only at run time, but with its default.
 */
export function expandKnown(word: Word, env: Environment): Word {
  if (!word.expands || !word.parts) return word;
  let text = '';
  let defaulted = false;
  const parts: WordPart[] = [];
  for (const part of word.parts) {
    if (typeof part === 'string') {
      text += part;
      parts.push(part);
      continue;
    }
    const match = SIMPLE_EXPANSION.exec(part.expansion);
    const known = match ? env.get(match[1] ?? match[2]!) : undefined;
    if (known?.value !== undefined) {
      text += known.value;
      parts.push(known.value);
      continue;
    }
    // Only a default of the variable itself, or of one the deployment does not set (whose value is then the same here).
    const written = known ? DEFAULTED.exec(known.written) : null;
    if (!written || (written[2] !== known!.name && env.has(written[2]!))) return word;
    text += written[1]!;
    parts.push({ expansion: written[1]! });
    defaulted = true;
  }
  return defaulted ? { text, raw: word.raw, line: word.line, expands: true, parts } : { text, raw: word.raw, line: word.line, expands: false };
}

/**
 * `expandKnown` for a word of a shell command, which the shell also splits: the value of an
 * unquoted expansion (`$GUNICORN_OPTS`, not `"$GUNICORN_OPTS"`) is cut at blanks into words of their
 * own, and one that is empty leaves no word (POSIX field splitting, with the default IFS). So
 * `ENV GUNICORN_OPTS="--workers 5 --timeout 30"` then `gunicorn $GUNICORN_OPTS app:app` gives gunicorn
 * four options and the app, as `sh` does. Assignment words are not split.
 */
export function expandKnownWords(word: Word, env: Environment): Word[] {
  if (!word.expands || !word.parts || ASSIGNMENT.test(word.raw)) return [expandKnown(word, env)];
  const valueOf = (part: WordPart): string | undefined => {
    if (typeof part === 'string' || part.quoted) return undefined;
    const match = SIMPLE_EXPANSION.exec(part.expansion);
    return match ? env.get(match[1] ?? match[2]!)?.value : undefined;
  };
  // Nothing to split: the word stays one (a value without blanks is substituted as before).
  const splits = (value: string | undefined): boolean => value !== undefined && (value === '' || BLANK.test(value));
  if (!word.parts.some((part) => splits(valueOf(part)))) return [expandKnown(word, env)];
  const fields: WordPart[][] = [];
  /** The word being built; undefined between words. */
  let current: WordPart[] | undefined;
  for (const part of word.parts) {
    const value = valueOf(part);
    if (value === undefined) {
      (current ??= []).push(part);
      continue;
    }
    const pieces = value.split(BLANKS);
    // "--workers 5 " splits into "--workers", "5" and "": a blank at either end ends the word there.
    pieces.forEach((piece, i) => {
      if (i > 0 && current) {
        fields.push(current);
        current = undefined;
      }
      if (piece !== '') (current ??= []).push(piece);
    });
  }
  if (current) fields.push(current);
  return fields.map((parts) => {
    const expands = parts.some((p) => typeof p !== 'string');
    const text = parts.map((p) => (typeof p === 'string' ? p : p.expansion)).join('');
    return expandKnown({ text, raw: word.raw, line: word.line, expands, ...(expands ? { parts } : {}) }, env);
  });
}

/** `NAME=...`: an assignment word, and the name it assigns. */
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=/;
/** The default IFS's characters, which are all blanks. */
const BLANK = /[ \t\n]/;
const BLANKS = /[ \t\n]+/;

/** `NAME=value` as the shell reads an assignment word. */
export function assignmentOf(word: Word, file: string): EnvValue | undefined {
  const match = ASSIGNMENT.exec(word.raw);
  if (!match) return undefined;
  const name = match[1]!;
  const value = word.text.slice(name.length + 1);
  return { name, written: word.raw.slice(name.length + 1), file, line: word.line, ...(word.expands ? {} : { value }) };
}
