import type { ConsoleScript } from '../consoleScripts.js';
import type { Word } from '../shellWords.js';
import { emptyReading, type CommandContext, type ServerReading } from './common.js';

/** The interpreter's own options that take a value (`-W error`, `-X dev`); every other letter is a flag. */
const PYTHON_VALUE_LETTERS = new Set(['W', 'X', 'Q']);

export type PythonInvocation =
  | { kind: 'module'; module: string; moduleWord: Word; args: Word[] }
  | { kind: 'script'; script: Word; args: Word[] }
  | { kind: 'other' };

/** `python [-u -O ...] (-m MODULE | SCRIPT | -c CODE) [ARGS]`, as CPython reads its command line. */
export function pythonInvocation(args: readonly Word[]): PythonInvocation {
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    const text = word.text;
    if (text === '--') {
      const script = args[i + 1];
      return script ? { kind: 'script', script, args: args.slice(i + 2) } : { kind: 'other' };
    }
    if (!text.startsWith('-') || text === '-') {
      return text === '-' ? { kind: 'other' } : { kind: 'script', script: word, args: args.slice(i + 1) };
    }
    if (text.startsWith('--')) continue; // --version, --help...: nothing runs, or a flag we need not know
    for (let j = 1; j < text.length; j++) {
      const letter = text[j]!;
      if (letter === 'm' || letter === 'c') {
        const attached = text.slice(j + 1);
        const valueWord = attached ? { ...word, text: attached } : args[i + 1];
        if (!valueWord) return { kind: 'other' };
        if (letter === 'c') return { kind: 'other' };
        const rest = args.slice(attached ? i + 1 : i + 2);
        return { kind: 'module', module: valueWord.text, moduleWord: valueWord, args: rest };
      }
      if (PYTHON_VALUE_LETTERS.has(letter)) {
        if (j === text.length - 1) i++;
        break;
      }
    }
  }
  return { kind: 'other' };
}

/** debugpy's switches that take the next word as their value (debugpy/server/cli.py); `--configure-NAME` too. */
const DEBUGPY_VALUE_SWITCHES = new Set(['--log-to', '--listen', '--connect', '--parent-session-pid', '--adapter-access-token']);
/** debugpy's switches that take no value. */
const DEBUGPY_FLAGS = new Set(['--log-to-stderr', '--wait-for-client', '--disable-sys-remote-exec', '--linux-attach-prefer-lldb']);

/**
 * What `python -m debugpy [switches] TARGET [ARGS]` runs, under the debugger, in the same process:
 * the words from its target on, which python reads as it would have without debugpy (`-m module
 * ...`, `script.py ...`, `-c code ...`). Undefined when it runs no program of its own (`--pid N`
 * attaches to another process; `-h`, `-V` and a switch debugpy does not know end it). Read as
 * debugpy's own command-line reader reads it: its switches come before the target, each whole (no
 * `--listen=5678`), and the first word that is not a switch is the script.
 */
export function debugpyTarget(args: readonly Word[]): Word[] | undefined {
  for (let i = 0; i < args.length; i++) {
    const text = args[i]!.text;
    if (!text.startsWith('-') || text === '-m' || text === '-c') return args.slice(i);
    if (DEBUGPY_VALUE_SWITCHES.has(text) || /^--configure-./.test(text)) i++;
    else if (!DEBUGPY_FLAGS.has(text)) return undefined;
  }
  return undefined;
}

/** A module or script run as `__main__`: what it serves is up to its own code. */
export function readPythonRun(invocation: Exclude<PythonInvocation, { kind: 'other' }>, context: CommandContext): ServerReading {
  const reading = emptyReading('python');
  if (invocation.kind === 'module') {
    reading.appSpec = { file: context.file, line: invocation.moduleWord.line, written: invocation.module, module: invocation.module, asMain: true, ...scriptArguments(invocation.args) };
    return reading;
  }
  const script = invocation.script.text;
  reading.script = { written: script, line: invocation.script.line, args: invocation.args };
  const module = script.replace(/^\.\//, '').replace(/\.py$/, '').split('/').filter(Boolean).join('.');
  if (/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(module)) {
    reading.appSpec = { file: context.file, line: invocation.script.line, written: script, module, asMain: true, script, ...scriptArguments(invocation.args) };
  }
  return reading;
}

/**
 * A console script of the project run by its name (`nautobot-server start`) or its path
 * (`/app/bin/radicale`): the program pip wrote imports the module and calls the function.
 */
export function readConsoleScriptRun(script: ConsoleScript, program: Pick<Word, 'text' | 'line'>, args: readonly Word[], context: CommandContext): ServerReading {
  const reading = emptyReading('python');
  reading.appSpec = {
    file: context.file,
    line: program.line,
    written: program.text,
    module: script.module,
    ...(script.attribute ? { attribute: script.attribute } : {}),
    consoleScript: { file: script.file, line: script.line, name: script.name, reference: script.reference },
    ...scriptArguments(args),
  };
  return reading;
}

/**
 * The first few arguments a script is run with (`manage.py migrate`): enough to tell a command from a
 * server; and `--skip-checks` wherever it is (it decides what a management command imports).
 */
function scriptArguments(args: readonly Word[]): { arguments?: string[] } {
  if (!args.length) return {};
  const first = args.slice(0, 4).map((w) => w.text);
  if (!first.includes('--skip-checks') && args.some((w) => w.text === '--skip-checks')) first.push('--skip-checks');
  return { arguments: first };
}

/**
 * `flask [--app APP] run`: the app from `--app`/`-A` or FLASK_APP (`module`, `module:app`,
 * `module:create_app()`). Without either, flask looks for wsgi.py or app.py: left unnamed here.
 */
export function readFlaskCommand(args: readonly Word[], context: CommandContext): ServerReading {
  const reading = emptyReading('flask');
  let written: { text: string; line: number; file: string } | undefined;
  /** `run`, or a command of the app's CLI (`db upgrade`, `translate compile`), which loads the app and exits. */
  let subcommand: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const text = args[i]!.text;
    if (text === '--app' || text === '-A') {
      const next = args[i + 1];
      if (next && !next.expands) written = { text: next.text, line: next.line, file: context.file };
      i++;
    } else if (text.startsWith('--app=')) written = { text: text.slice(6), line: args[i]!.line, file: context.file };
    else if (text === '--env-file' || text === '-e') i++;
    else if (subcommand === undefined && !text.startsWith('-')) subcommand = text;
  }
  if (subcommand !== undefined) reading.flaskCommand = subcommand;
  const fromEnv = context.env.get('FLASK_APP');
  if (!written && fromEnv?.value !== undefined) written = { text: fromEnv.value, line: fromEnv.line, file: fromEnv.file };
  if (written) {
    const colon = written.text.indexOf(':');
    const module = (colon < 0 ? written.text : written.text.slice(0, colon)).replace(/\.py$/, '').replace(/\//g, '.');
    const attribute = colon < 0 ? undefined : written.text.slice(colon + 1);
    const call = attribute ? /^([A-Za-z_][A-Za-z0-9_]*)\s*\(.*\)$/s.exec(attribute) : null;
    reading.appSpec = {
      file: written.file,
      line: written.line,
      written: written.text,
      module,
      ...(attribute ? { attribute: call ? call[1]! : attribute } : {}),
      ...(call ? { factory: true } : {}),
    };
  }
  return reading;
}
