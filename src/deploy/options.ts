import type { Word } from './shellWords.js';

/**
 * Option parsing as the three libraries our servers use do it, so that a value is never taken
 * for the app or the app for a value:
 * - `argparse` (gunicorn, hypercorn, daphne): `--name=v`, `--name v`, `-xv`, `-x=v`, `-x v`,
 *   unambiguous prefixes of long names, options anywhere;
 * - `click` (uvicorn, celery): `--name=v`, `--name v`, `-xv`, `-x v`, no prefixes (`-x=v` gives `=v`);
 * - `getopt` (waitress-serve): long options only, prefixes allowed, options stop at the first positional.
 */
export type OptionStyle = 'argparse' | 'click' | 'getopt';

export interface OptionSpec {
  /** Every spelling: `['-w', '--workers']`. */
  names: readonly string[];
  /** The name results are filed under. */
  key: string;
  takesValue: boolean;
}

export interface ParsedOption {
  key: string;
  /** The spelling used (`--workers`, `-w`, or an abbreviation such as `--work`). */
  name: string;
  /** The value; for a flag, absent. */
  value?: string;
  /** The value's word when it can expand at run time. */
  valueExpands?: boolean;
  line: number;
}

export interface ParsedArguments {
  options: ParsedOption[];
  positionals: Word[];
  /** Option spellings the tool does not know: it would refuse to start. */
  unknown: Word[];
  /** Abbreviations that match several options (argparse: "ambiguous option"). */
  ambiguous: Word[];
  /** An option that needs a value came last. */
  missingValue: Array<{ name: string; line: number }>;
  /**
   * Words that hold options only known at run time (see `optionsVariable`), in order, each with the
   * number of options read before it: an option given after it still overrides what it holds. They
   * are among `positionals` too.
   */
  variables: Array<OptionsVariable & { optionsBefore: number }>;
}

/** `$GUNICORN_OPTS`, `${GUNICORN_OPTS:- --workers 4}`: a variable whose value the shell splits into options. */
export interface OptionsVariable {
  word: Word;
  variable: string;
  /** The words of its default (`${NAME:-default}`), as the shell splits them: what the tool gets when it is unset. */
  defaultWords?: Word[];
}

/**
 * The variable a word holds when the word is that variable's unquoted expansion alone, and it
 * holds options: its default starts with an option, or its name says options (`GUNICORN_OPTS`,
 * `EXTRA_ARGS`, `UVICORN_FLAGS`). Unquoted, its value is split into words, so it can hold any number
 * of options. Any other variable (`$APP_MODULE`) is taken for one word, as it is meant.
 */
export function optionsVariable(word: Word): OptionsVariable | undefined {
  if (!word.expands || word.parts?.length !== 1) return undefined;
  const part = word.parts[0]!;
  if (typeof part === 'string' || part.quoted) return undefined;
  const match = /^\$(?:([A-Za-z_][A-Za-z0-9_]*)|\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^$`{}"'\\]*))?\})$/.exec(part.expansion);
  if (!match) return undefined;
  const variable = (match[1] ?? match[2])!;
  const fallback = match[3]?.split(/[ \t\n]+/).filter(Boolean);
  if (!(fallback?.[0]?.startsWith('-') || OPTIONS_NAME.test(variable))) return undefined;
  return { word, variable, ...(fallback?.length ? { defaultWords: fallback.map((text) => ({ text, raw: text, line: word.line, expands: false })) } : {}) };
}

const OPTIONS_NAME = /(?:^|_)(?:OPTS|OPTIONS|ARGS|ARGUMENTS|FLAGS|PARAMS)$/i;

/**
 * `stopAtPositional`: a click group's own options end at the subcommand's name; the name and
 * every word after it are returned as positionals, unparsed.
 */
export function parseArguments(
  words: readonly Word[],
  specs: readonly OptionSpec[],
  style: OptionStyle,
  { stopAtPositional = false }: { stopAtPositional?: boolean } = {},
): ParsedArguments {
  const { byName, longNames } = namesOf(specs);
  const result: ParsedArguments = { options: [], positionals: [], unknown: [], ambiguous: [], missingValue: [], variables: [] };
  let onlyPositionals = false;

  const lookupLong = (name: string): { spec: OptionSpec; name: string } | 'ambiguous' | undefined => {
    const exact = byName.get(name);
    if (exact) return { spec: exact, name };
    if (style === 'click') return undefined;
    const candidates = longNames.filter((n) => n.startsWith(name));
    const specsFound = new Set(candidates.map((n) => byName.get(n)!));
    if (specsFound.size > 1) return 'ambiguous';
    return specsFound.size === 1 ? { spec: [...specsFound][0]!, name } : undefined;
  };

  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const text = word.text;
    if (onlyPositionals || text === '-' || !text.startsWith('-') || (word.expands && !/^-[-\w]/.test(text))) {
      if (stopAtPositional) {
        for (let k = i; k < words.length; k++) result.positionals.push(words[k]!);
        break;
      }
      const held = onlyPositionals ? undefined : optionsVariable(word);
      if (held) result.variables.push({ ...held, optionsBefore: result.options.length });
      result.positionals.push(word);
      if (style === 'getopt') onlyPositionals = true;
      continue;
    }
    if (text === '--') {
      onlyPositionals = true;
      continue;
    }
    const takeNext = (name: string): { value?: string; expands?: boolean } => {
      const next = words[i + 1];
      if (!next) {
        result.missingValue.push({ name, line: word.line });
        return {};
      }
      i++;
      return { value: next.text, expands: next.expands };
    };
    if (text.startsWith('--')) {
      const eq = text.indexOf('=');
      const written = eq < 0 ? text : text.slice(0, eq);
      const found = lookupLong(written);
      if (found === 'ambiguous') {
        result.ambiguous.push(word);
        continue;
      }
      if (!found) {
        result.unknown.push(word);
        continue;
      }
      const { spec } = found;
      if (!spec.takesValue) {
        result.options.push({ key: spec.key, name: written, line: word.line });
        continue;
      }
      const value = eq < 0 ? takeNext(written) : { value: text.slice(eq + 1), expands: word.expands };
      result.options.push(option(spec.key, written, value, word.line));
      continue;
    }
    if (style === 'getopt') {
      result.unknown.push(word);
      continue;
    }
    // Short options, possibly clustered: `-Dw4`, `-w4`, `-w=4` (argparse), `-w 4`.
    let rest = text.slice(1);
    while (rest.length > 0) {
      const name = `-${rest[0]}`;
      const spec = byName.get(name) ?? (style === 'argparse' && rest.length > 1 ? byName.get(`-${rest}`) : undefined);
      if (!spec) {
        // argparse also knows single-dash long options (`-log`); we model none, so the word is unknown.
        result.unknown.push(word);
        break;
      }
      if (!spec.takesValue) {
        result.options.push({ key: spec.key, name, line: word.line });
        rest = rest.slice(1);
        continue;
      }
      let attached = rest.slice(1);
      if (style === 'argparse' && attached.startsWith('=')) attached = attached.slice(1);
      const value = attached.length > 0 ? { value: attached, expands: word.expands } : takeNext(name);
      result.options.push(option(spec.key, name, value, word.line));
      break;
    }
  }
  return result;
}

const specNames = new WeakMap<readonly OptionSpec[], { byName: Map<string, OptionSpec>; longNames: string[] }>();

/** Each spelling's spec, built once per table: gunicorn's has hundreds, and a Procfile can hold thousands of commands. */
function namesOf(specs: readonly OptionSpec[]): { byName: Map<string, OptionSpec>; longNames: string[] } {
  let names = specNames.get(specs);
  if (!names) {
    const byName = new Map<string, OptionSpec>();
    for (const spec of specs) for (const name of spec.names) byName.set(name, spec);
    names = { byName, longNames: [...byName.keys()].filter((n) => n.startsWith('--')) };
    specNames.set(specs, names);
  }
  return names;
}

function option(key: string, name: string, value: { value?: string; expands?: boolean }, line: number): ParsedOption {
  return {
    key,
    name,
    ...(value.value !== undefined ? { value: value.value } : {}),
    ...(value.expands ? { valueExpands: true } : {}),
    line,
  };
}

/** Specs from a compact table: `'-w --workers': 'workers'`, with a trailing `!` on flags. */
export function optionTable(table: Record<string, string>): OptionSpec[] {
  return Object.entries(table).map(([names, key]) => ({
    names: names.split(/\s+/),
    key: key.replace(/!$/, ''),
    takesValue: !key.endsWith('!'),
  }));
}
