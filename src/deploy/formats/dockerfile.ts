import path from 'node:path';
import { readArgv, readCommandText, joinDirectory, type CommandSettings } from '../commandLine.js';
import { EMPTY_ENVIRONMENT, withVariables, type Environment, type EnvValue } from '../environment.js';
import { literalWord, splitCommandLine, type LineAt, type Word } from '../shellWords.js';
import type { DeployProblem } from '../types.js';
import type { CommandOccurrence, CopyMapping, FormatReading, ImageDefaults } from './format.js';

/** One instruction with its continuation lines joined, as BuildKit reads it. */
interface Instruction {
  keyword: string;
  /** Everything after the keyword, continuations removed. */
  args: string;
  line: number;
  /** Line of an offset in `args`. */
  lineAt: LineAt;
}

type CommandForm = { exec: Word[]; line: number; text: string } | { shell: string; line: number; lineAt: LineAt; text: string };

interface Stage {
  name?: string;
  env: Environment;
  workingDirectory?: string;
  cmd?: CommandForm;
  entrypoint?: CommandForm;
  /** CMD was set in this stage (not inherited): ENTRYPOINT then keeps it. */
  cmdSetHere?: boolean;
  copies: CopyMapping[];
}

export interface DockerfileReading extends FormatReading {
  /** What the final stage leaves to `docker run`, compose and fly. */
  image: ImageDefaults;
  /** What each named stage leaves, by its name in lower case: compose `build.target` picks one. */
  stages: Map<string, ImageDefaults>;
}

/**
 * A Dockerfile's final stage: the command `docker run` starts (ENTRYPOINT and CMD combined as Docker
 * combines them), with the ENV and WORKDIR it runs with. Stages built `FROM` an earlier stage inherit
 * its settings and files; `docker build` without `--target` produces the last one. Paths are taken
 * from the Dockerfile's folder, the build context of `docker build .` run beside it.
 */
export function readDockerfile(file: string, text: string): DockerfileReading {
  const problems: DeployProblem[] = [];
  const stages = new Map<string, Stage>();
  let stage: Stage = { env: EMPTY_ENVIRONMENT, copies: [] };
  for (const instruction of instructions(text)) {
    switch (instruction.keyword) {
      case 'FROM': {
        const words = instruction.args.trim().split(/\s+/).filter((w) => !w.startsWith('--'));
        const base = words[0] ?? '';
        const alias = words[1]?.toUpperCase() === 'AS' ? words[2] : undefined;
        const inherited = stages.get(base.toLowerCase());
        stage = inherited ? { ...inherited, copies: [...inherited.copies], cmdSetHere: false } : { env: EMPTY_ENVIRONMENT, copies: [] };
        if (alias) {
          stage.name = alias;
          stages.set(alias.toLowerCase(), stage);
        } else delete stage.name;
        break;
      }
      case 'ENV':
        stage.env = withVariables(stage.env, envInstruction(file, instruction, stage.env));
        break;
      case 'WORKDIR': {
        const dir = replaced(instruction.args.trim(), stage.env);
        if (dir) stage.workingDirectory = joinDirectory(stage.workingDirectory ?? '/', dir);
        break;
      }
      case 'CMD':
        stage.cmd = commandForm(instruction);
        stage.cmdSetHere = true;
        break;
      case 'ENTRYPOINT':
        stage.entrypoint = commandForm(instruction);
        // BuildKit drops an inherited CMD when the stage sets ENTRYPOINT without setting CMD itself.
        if (!stage.cmdSetHere) delete stage.cmd;
        break;
      case 'COPY':
      case 'ADD': {
        const copy = copyInstruction(instruction, stage.workingDirectory, stage.env, (name) => stages.get(name.toLowerCase())?.copies);
        if (copy) stage.copies.push(copy);
        break;
      }
    }
    if (stage.name) stages.set(stage.name.toLowerCase(), stage);
  }
  const image = imageOf(stage);
  const occurrences: CommandOccurrence[] = [];
  const settings: CommandSettings = {
    file,
    source: 'Dockerfile',
    env: stage.env,
    ...(stage.workingDirectory !== undefined ? { workingDirectory: stage.workingDirectory } : {}),
    paths: { context: path.posix.dirname(file) === '.' ? '' : path.posix.dirname(file), copies: stage.copies },
  };
  const { entrypoint, cmd } = stage;
  const name = stage.name;
  const push = (line: number, command: string, reading: CommandOccurrence['reading']): void => {
    occurrences.push({ ...(name ? { name } : {}), line, command, settings, reading });
  };
  if (entrypoint && 'shell' in entrypoint) {
    // Shell-form ENTRYPOINT: CMD is ignored.
    push(entrypoint.line, entrypoint.text, readCommandText(entrypoint.shell, entrypoint.lineAt, settings));
  } else if (entrypoint) {
    const cmdWords = !cmd ? [] : 'exec' in cmd ? cmd.exec : shellFormArgv(cmd);
    const command = [entrypoint.text, cmd?.text].filter(Boolean).join(' + ');
    push(entrypoint.line, command, readArgv([...entrypoint.exec, ...cmdWords], settings));
  } else if (cmd) {
    push(cmd.line, cmd.text, 'exec' in cmd ? readArgv(cmd.exec, settings) : readCommandText(cmd.shell, cmd.lineAt, settings));
  }
  return { occurrences, problems, image, stages: new Map([...stages].map(([name, named]) => [name, imageOf(named)])) };
}

function imageOf(stage: Stage): ImageDefaults {
  const { cmd, entrypoint } = stage;
  return {
    env: stage.env,
    ...(stage.workingDirectory !== undefined ? { workingDirectory: stage.workingDirectory } : {}),
    ...(entrypoint ? { entrypoint: 'exec' in entrypoint ? { exec: entrypoint.exec } : { shell: entrypoint.shell, line: entrypoint.line } } : {}),
    ...(cmd ? { command: { words: 'exec' in cmd ? cmd.exec : shellFormArgv(cmd), line: cmd.line, text: cmd.text } } : {}),
    copies: stage.copies,
  };
}

/**
 * `COPY [--chown=..] <src>... <dest>` (or the JSON form): sources from the build context, the
 * destination made absolute against WORKDIR. `--from=<stage>` copies paths of an earlier stage (kept
 * with that stage's own copies); `--from=` an image, and `ADD` of a URL, copy nothing of the project.
 */
function copyInstruction(instruction: Instruction, workingDirectory: string | undefined, env: Environment, stageCopies: (name: string) => CopyMapping[] | undefined): CopyMapping | undefined {
  const args = instruction.args.trim();
  let words: string[];
  const form = commandForm(instruction);
  if ('exec' in form) words = form.exec.map((w) => w.text);
  else words = splitCommandLine(args, 'words', instruction.lineAt).commands.flatMap((c) => c.words).map((w) => w.text);
  // Docker replaces the stage's ENV variables in the sources and the destination, in either form.
  words = words.map((w) => replaced(w, env));
  const from = words.find((w) => w.startsWith('--from='))?.slice('--from='.length);
  const fromStage = from === undefined ? undefined : stageCopies(from);
  if (from !== undefined && !fromStage) return undefined;
  const operands = words.filter((w) => !w.startsWith('--'));
  if (operands.length < 2) return undefined;
  const written = operands[operands.length - 1]!;
  const sources = operands.slice(0, -1).filter((s) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(s) && !s.startsWith('git@'));
  if (sources.length === 0) return undefined;
  return {
    sources,
    destination: joinDirectory(workingDirectory ?? '/', written),
    intoFolder: written.endsWith('/') || written === '.' || sources.length > 1,
    ...(fromStage ? { fromStage: [...fromStage] } : {}),
  };
}

/**
 * Docker's environment replacement in COPY, ADD and WORKDIR: `$NAME` and `${NAME}` become the value
 * the stage's ENV gives them. A variable with no known value (an ARG, one set only at run time) and
 * the `${NAME:-default}` forms keep their text: such a path then names nothing of the project.
 */
function replaced(text: string, env: Environment): string {
  if (!text.includes('$')) return text;
  return text.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g, (written, braced: string | undefined, plain: string | undefined) => env.get((braced ?? plain)!)?.value ?? written);
}

/** `/bin/sh -c "<shell form>"`, the argv Docker builds from a shell-form instruction. */
function shellFormArgv(form: Extract<CommandForm, { shell: string }>): Word[] {
  return [literalWord('/bin/sh', form.line), literalWord('-c', form.line), literalWord(form.shell, form.line)];
}

/** Exec form when the arguments are a JSON array of strings; anything else is shell form, as Docker decides. */
function commandForm(instruction: Instruction): CommandForm {
  const args = instruction.args.trim();
  const text = `${instruction.keyword} ${args}`;
  if (args.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(args);
      if (Array.isArray(parsed) && parsed.every((item): item is string => typeof item === 'string')) {
        // Each item's line: where its string token starts, the tokens read in order (one pass,
        // however many items; searching the text for each item was quadratic).
        const offsetBase = instruction.args.indexOf('[');
        const tokens = instruction.args.slice(offsetBase).matchAll(/"(?:[^"\\]|\\.)*"/gs);
        const exec = parsed.map((item) => {
          const token = tokens.next();
          const found = token.done ? offsetBase : offsetBase + token.value.index!;
          return literalWord(item, instruction.lineAt(found));
        });
        return { exec, line: instruction.line, text };
      }
    } catch {
      // not JSON: shell form
    }
  }
  return { shell: instruction.args, line: instruction.line, lineAt: instruction.lineAt, text };
}

/** `ENV A=1 B="two words"` or the legacy `ENV A 1` (one variable, the rest of the line its value). */
function envInstruction(file: string, instruction: Instruction, current: Environment): EnvValue[] {
  const args = instruction.args.trim();
  const legacy = /^([A-Za-z_][A-Za-z0-9_]*)\s+(.*)$/s.exec(args);
  if (legacy && !legacy[1]!.includes('=') && !/^[A-Za-z_][A-Za-z0-9_]*=/.test(args)) {
    return [{ name: legacy[1]!, value: legacy[2]!.trim(), written: legacy[2]!.trim(), file, line: instruction.line }];
  }
  const values: EnvValue[] = [];
  let env = current;
  for (const word of splitCommandLine(instruction.args, 'words', instruction.lineAt).commands.flatMap((c) => c.words)) {
    const eq = word.text.indexOf('=');
    if (eq <= 0) continue;
    const name = word.text.slice(0, eq);
    // Docker substitutes variables set earlier (`ENV PATH=/app/bin:$PATH`).
    const value = word.expands ? substitute(word, env) : word.text.slice(eq + 1);
    const entry: EnvValue = { name, written: word.raw.slice(word.raw.indexOf('=') + 1), file, line: word.line, ...(value !== undefined ? { value } : {}) };
    values.push(entry);
    env = withVariables(env, [entry]);
  }
  return values;
}

function substitute(word: Word, env: Environment): string | undefined {
  let text = '';
  for (const part of word.parts ?? []) {
    if (typeof part === 'string') text += part;
    else {
      const name = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(part.expansion)?.[1];
      const value = name ? env.get(name)?.value : undefined;
      if (value === undefined) return undefined;
      text += value;
    }
  }
  return text.slice(text.indexOf('=') + 1);
}

/**
 * Splits a Dockerfile into instructions: parser directives (`# escape=`), comments, continuation
 * lines (a comment or empty line inside one is skipped), heredoc bodies (`RUN <<EOF`) left out.
 */
function instructions(text: string): Instruction[] {
  const lines = text.split(/\r?\n/);
  let escape = '\\';
  let index = 0;
  // Parser directives: only before the first instruction, comment or blank line.
  for (; index < lines.length; index++) {
    const directive = /^#\s*([a-zA-Z]+)\s*=\s*(\S+)\s*$/.exec(lines[index]!);
    if (!directive) break;
    if (directive[1]!.toLowerCase() === 'escape' && (directive[2] === '`' || directive[2] === '\\')) escape = directive[2]!;
  }
  const result: Instruction[] = [];
  while (index < lines.length) {
    const first = lines[index]!;
    if (first.trim() === '' || first.trimStart().startsWith('#')) {
      index++;
      continue;
    }
    const startLine = index + 1;
    let logical = '';
    const breakpoints: Array<{ offset: number; line: number }> = [];
    for (; index < lines.length; index++) {
      const raw = lines[index]!;
      if (breakpoints.length > 0 && (raw.trim() === '' || raw.trimStart().startsWith('#'))) continue;
      breakpoints.push({ offset: logical.length, line: index + 1 });
      const trimmed = raw.trimEnd(); // not /\s+$/: quadratic on a long run of spaces inside the line
      if (trimmed.endsWith(escape)) {
        logical += trimmed.slice(0, -1);
        continue;
      }
      logical += raw;
      index++;
      break;
    }
    const keywordMatch = /^\s*(\S+)\s*/.exec(logical);
    if (!keywordMatch) continue;
    const keyword = keywordMatch[1]!.toUpperCase();
    const argsOffset = keywordMatch[0].length;
    const args = logical.slice(argsOffset);
    const lineAt: LineAt = (offset) => {
      // The last breakpoint at or before the offset (binary search: an instruction can span thousands of lines).
      const absolute = offset + argsOffset;
      let low = 0;
      let high = breakpoints.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (breakpoints[mid]!.offset <= absolute) low = mid + 1;
        else high = mid;
      }
      return low === 0 ? startLine : breakpoints[low - 1]!.line;
    };
    result.push({ keyword, args, line: startLine, lineAt });
    // Heredocs: `RUN <<EOF` ... `EOF` lines belong to the instruction, not to the Dockerfile.
    const heredocs = [...args.matchAll(/<<-?\s*["']?([A-Za-z_][A-Za-z0-9_]*)["']?/g)].map((m) => m[1]!);
    for (const delimiter of heredocs) {
      while (index < lines.length && lines[index]!.trim() !== delimiter) index++;
      index++;
    }
  }
  return result;
}
