import path from 'node:path';
import { readArgv, type CommandSettings } from '../commandLine.js';
import { expandKnown, withVariables, type Environment, type EnvValue } from '../environment.js';
import { splitCommandLine, type Word } from '../shellWords.js';
import type { FormatReading } from './format.js';

/**
 * A systemd unit's `[Service]`: each `ExecStart=` with the `Environment=` and `WorkingDirectory=` it
 * runs with. systemd splits the command itself (quotes, no shell) and substitutes `$VAR`/`${VAR}` from
 * the unit's environment (see `expandedBySystemd`); the prefixes `@-:+!` change how it runs, not what.
 */
export function readSystemdUnit(file: string, text: string): FormatReading & { isService: boolean } {
  const reading: FormatReading & { isService: boolean } = { occurrences: [], problems: [], isService: false };
  const name = path.posix.basename(file);
  let section = '';
  const env: EnvValue[] = [];
  let workingDirectory: string | undefined;
  const execStarts: Array<{ value: string; line: number }> = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const startLine = i + 1;
    // Continuation lines: joined once at the end (joining as they come re-read the growing entry
    // for each, quadratic on a unit of thousands of them).
    const parts = [lines[i]!];
    // As systemd.syntax(7) has it: a comment line is never continued, and comment lines after a
    // continued line are left out, the entry going on after them (paperless-ngx comments the
    // lines of its `ExecStart=/bin/sh -c '\` this way).
    while (!isComment(parts[0]!) && i + 1 < lines.length && continues(parts[parts.length - 1]!)) {
      if (isComment(lines[i + 1]!)) {
        i++;
        continue;
      }
      parts[parts.length - 1] = withoutContinuation(parts[parts.length - 1]!);
      parts.push(lines[++i]!);
    }
    const entry = parts.join('');
    const trimmed = entry.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(trimmed);
    if (header) {
      section = header[1]!;
      if (section === 'Service') reading.isService = true;
      continue;
    }
    if (section !== 'Service') continue;
    const eq = trimmed.indexOf('=');
    if (eq < 0) continue;
    const key = trimmed.slice(0, eq).trim();
    const value = trimmed.slice(eq + 1).trim();
    if (key === 'ExecStart') {
      // An empty `ExecStart=` clears the list (drop-ins use it before setting a new one).
      if (value === '') execStarts.length = 0;
      else execStarts.push({ value, line: startLine });
    } else if (key === 'Environment') {
      for (const word of splitCommandLine(value, 'words', () => startLine).commands.flatMap((c) => c.words)) {
        const at = word.text.indexOf('=');
        if (at > 0) env.push({ name: word.text.slice(0, at), value: word.text.slice(at + 1), written: word.text.slice(at + 1), file, line: startLine });
      }
    } else if (key === 'WorkingDirectory') {
      workingDirectory = value.replace(/^-/, '');
    }
  }
  const settings: CommandSettings = { file, source: 'systemd', env: withVariables(new Map(), env), ...(workingDirectory !== undefined ? { workingDirectory } : {}) };
  for (const exec of execStarts) {
    const prefix = /^[@\-:+!]*/.exec(exec.value)![0];
    let words = splitCommandLine(exec.value.slice(prefix.length), 'words', () => exec.line).commands.flatMap((c) => c.words);
    // `@/usr/bin/x name args`: the second word is only argv[0].
    if (prefix.includes('@')) words = [words[0]!, ...words.slice(2)].filter(Boolean);
    words = words.flatMap((w) => expandedBySystemd(w, settings.env));
    reading.occurrences.push({ name, line: exec.line, command: exec.value, settings, reading: readArgv(words, settings) });
  }
  return reading;
}

/**
 * A word of an `ExecStart=` with the unit's variables substituted, as systemd.service(5) says: an
 * unbraced `$VAR` that is a word of its own becomes the value split at whitespace, zero or more
 * words (`ExecStart=gunicorn $GUNICORN_OPTS app:app`); `${VAR}`, and `$VAR` inside a word or quotes,
 * becomes the exact value, one word.
 */
function expandedBySystemd(word: Word, env: Environment): Word[] {
  const whole = /^\$([A-Za-z_][A-Za-z0-9_]*)$/.exec(word.raw);
  const value = whole ? env.get(whole[1]!)?.value : undefined;
  if (value === undefined) return [expandKnown(word, env)];
  return value
    .split(/[ \t\n]+/)
    .filter((text) => text !== '')
    .map((text) => ({ text, raw: word.raw, line: word.line, expands: false }));
}

/** A comment line: `#` or `;` first, after blanks. */
function isComment(line: string): boolean {
  return /^\s*[#;]/.test(line);
}

/** The line ends with a backslash (spaces after it allowed): the entry goes on on the next line. */
function continues(line: string): boolean {
  return line.trimEnd().endsWith('\\');
}

/** `ExecStart=a \\` → `ExecStart=a  `: the backslash (and what follows it) becomes a space. */
function withoutContinuation(line: string): string {
  const trimmed = line.trimEnd();
  return `${trimmed.slice(0, -1)} `;
}
