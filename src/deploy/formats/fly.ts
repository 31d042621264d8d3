import path from 'node:path';
import { parse, TomlError } from 'smol-toml';
import { operatorWithoutShell, readArgv, type CommandSettings } from '../commandLine.js';
import { withVariables, type EnvValue } from '../environment.js';
import { literalWord, splitCommandLine, type Word } from '../shellWords.js';
import type { ImageLookup } from './compose.js';
import { containerArgv, type FormatReading } from './format.js';

type Table = Record<string, unknown>;

/**
 * fly.toml: each `[processes]` entry (a process group) is a command run as the image's CMD, under its
 * ENTRYPOINT, split into words without a shell; `[experimental] cmd`/`entrypoint` override CMD and
 * ENTRYPOINT for the app. `[env]` is the environment; the image is `[build] dockerfile` (default Dockerfile).
 */
export function readFlyToml(file: string, text: string, images: ImageLookup): FormatReading {
  const reading: FormatReading = { occurrences: [], problems: [] };
  let data: Table;
  try {
    data = parse(text) as Table;
  } catch (error) {
    const line = error instanceof TomlError ? error.line : undefined;
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    reading.problems.push({ file, ...(line ? { line } : {}), message: `TOML syntax error: ${message.replace(/^Invalid TOML document: /, '')}` });
    return reading;
  }
  const keyLine = keyLines(text);
  const table = (value: unknown): Table | undefined => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Table) : undefined);
  const build = table(data.build);
  const dockerfile = typeof build?.dockerfile === 'string' ? build.dockerfile : 'Dockerfile';
  const image = images(path.posix.normalize(path.posix.join(path.posix.dirname(file), dockerfile)));
  const env: EnvValue[] = Object.entries(table(data.env) ?? {}).map(([name, value]) => ({
    name,
    value: String(value),
    written: String(value),
    file,
    line: keyLine('env', name),
  }));
  const settings: CommandSettings = { file, source: 'fly.toml', env: withVariables(image?.env ?? new Map(), env) };
  if (image?.workingDirectory !== undefined) settings.workingDirectory = image.workingDirectory;

  const experimental = table(data.experimental);
  const entrypoint = experimental?.entrypoint !== undefined ? wordsOf(experimental.entrypoint, keyLine('experimental', 'entrypoint')) : undefined;
  const run = (name: string | undefined, command: Word[], line: number, written: string): void => {
    const argv = containerArgv(image, command, entrypoint);
    reading.occurrences.push({ ...(name ? { name } : {}), line, command: written, settings, reading: readArgv(argv, settings) });
  };
  const processes = table(data.processes);
  if (processes && Object.keys(processes).length > 0) {
    for (const [name, command] of Object.entries(processes)) {
      const line = keyLine('processes', name);
      const words = wordsOf(command, line);
      const operator = words ? operatorWithoutShell(words, file, 'fly') : undefined;
      if (operator) reading.problems.push(operator);
      if (words) run(name, words, line, typeof command === 'string' ? command : JSON.stringify(command));
      else reading.problems.push({ file, line, message: `process ${JSON.stringify(name)}: the command is neither a string nor a list of strings` });
    }
  } else if (experimental?.cmd !== undefined) {
    const line = keyLine('experimental', 'cmd');
    const words = wordsOf(experimental.cmd, line);
    if (words) run(undefined, words, line, typeof experimental.cmd === 'string' ? experimental.cmd : JSON.stringify(experimental.cmd));
  } else if (entrypoint) {
    const line = keyLine('experimental', 'entrypoint');
    run(undefined, [], line, JSON.stringify(experimental?.entrypoint));
  }
  return reading;
}

function wordsOf(value: unknown, line: number): Word[] | undefined {
  if (typeof value === 'string') return splitCommandLine(value, 'words', () => line).commands.flatMap((c) => c.words);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.map((v: string) => literalWord(v, line));
  return undefined;
}

/**
 * The line of `key =` inside `[table]`, or of `table.key =` outside it (smol-toml keeps no positions);
 * the table's line, else 1, when not found. The lines are read once for all the keys looked up: a
 * fly.toml with thousands of processes took a pass over the file for each.
 */
export function keyLines(text: string): (tableName: string, key: string) => number {
  const tableLines = new Map<string, number>();
  /** `table\0key` → the first line of `key =` in that table. */
  const inTable = new Map<string, number>();
  /** `table.key` written as one bare key → the lines it is on, with the table each is in. */
  const dotted = new Map<string, Array<{ line: number; table: string | undefined }>>();
  let table: string | undefined;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // Not `\[\s*([^\]]+?)\s*\]`: its lazy group backtracks quadratically on `[` and a long run of spaces.
    const header = /^\s*\[([^\]]*)\]/.exec(line);
    if (header && header[1]!.trim() !== '') {
      table = header[1]!.trim();
      tableLines.set(table, i + 1);
      continue;
    }
    const key = /^\s*(?:"([^"]*)"|'([^']*)'|([^\s='"]+))\s*=/.exec(line);
    if (!key) continue;
    const name = key[1] ?? key[2] ?? key[3]!;
    if (table !== undefined && !inTable.has(`${table}\0${name}`)) inTable.set(`${table}\0${name}`, i + 1);
    if (key[3] !== undefined && name.includes('.')) {
      const list = dotted.get(name);
      if (list) list.push({ line: i + 1, table });
      else dotted.set(name, [{ line: i + 1, table }]);
    }
  }
  return (tableName, key) => {
    const candidates = [inTable.get(`${tableName}\0${key}`), dotted.get(`${tableName}.${key}`)?.find((d) => d.table !== tableName)?.line].filter((l): l is number => l !== undefined);
    return candidates.length ? Math.min(...candidates) : (tableLines.get(tableName) ?? 1);
  };
}
