import path from 'node:path';
import { assignmentOf, expandKnownWords, withVariables, type Environment, type EnvValue } from './environment.js';
import type { ProjectPaths } from './projectPaths.js';
import { readCeleryCommand } from './servers/celery.js';
import type { CommandContext, ServerReading } from './servers/common.js';
import { readDaphneCommand } from './servers/daphne.js';
import { readFastapiCommand } from './servers/fastapi.js';
import { readDramatiqCommand } from './servers/dramatiq.js';
import { readGranianCommand } from './servers/granian.js';
import { readGunicornCommand } from './servers/gunicorn.js';
import { readHueyCommand } from './servers/huey.js';
import { readHypercornCommand } from './servers/hypercorn.js';
import { debugpyTarget, pythonInvocation, readFlaskCommand, readPythonRun } from './servers/python.js';
import { readRqCommand, readRqWorker } from './servers/rq.js';
import { readUvicornCommand } from './servers/uvicorn.js';
import { readUwsgiCommand } from './servers/uwsgi.js';
import { readWaitressCommand } from './servers/waitress.js';
import { linesFrom, splitCommandLine, type LineAt, type SimpleCommand, type Word } from './shellWords.js';
import type { DeployProblem } from './types.js';

type ServerReader = (args: readonly Word[], context: CommandContext) => ServerReading;

/** Programs that start a server, by the name they are run as. */
const SERVER_PROGRAMS: Record<string, ServerReader> = {
  gunicorn: readGunicornCommand,
  uvicorn: readUvicornCommand,
  hypercorn: readHypercornCommand,
  daphne: readDaphneCommand,
  celery: readCeleryCommand,
  'waitress-serve': readWaitressCommand,
  flask: readFlaskCommand,
  dramatiq: readDramatiqCommand,
  'dramatiq-gevent': readDramatiqCommand,
  huey_consumer: readHueyCommand,
  'huey_consumer.py': readHueyCommand,
  rq: readRqCommand,
  rqworker: readRqWorker,
  uwsgi: readUwsgiCommand,
  granian: readGranianCommand,
};

/** Modules that start a server under `python -m`. */
const SERVER_MODULES: Record<string, ServerReader> = {
  gunicorn: readGunicornCommand,
  // gunicorn's own runner module (warehouse's Procfile: `python -m gunicorn.app.wsgiapp -c gunicorn-prod.conf.py ...`).
  'gunicorn.app.wsgiapp': readGunicornCommand,
  uvicorn: readUvicornCommand,
  hypercorn: readHypercornCommand,
  daphne: readDaphneCommand,
  celery: readCeleryCommand,
  waitress: readWaitressCommand,
  flask: readFlaskCommand,
  dramatiq: readDramatiqCommand,
  'huey.bin.huey_consumer': readHueyCommand,
  granian: readGranianCommand,
};

/** A server started by a command, with what the command line says about it. */
export interface ServerStart {
  reading: ServerReading;
  /** The line of the program's name. */
  line: number;
  /** The directory the command is started in (WORKDIR, `cd`): where gunicorn looks for its config file. */
  startDirectory?: string;
  /** Where the app is imported from: the start directory, moved by gunicorn `--chdir` or celery `--workdir`. */
  workingDirectory?: string;
  /** `python updater.py &` in a script: started in the background, so it runs on beside what follows. */
  background?: true;
  /** The script's last command (but for `fi`, `done`, `wait`, `echo`...): what the script is there to run. */
  last?: true;
  /**
   * Started in one branch of a script's `if` (the line of its `if`, and which branch: 0 for `then`,
   * then each `elif` and the `else`), whose other branches start one other server each, or none: of
   * the servers of that `if`, one runs.
   */
  choice?: { line: number; branch: number };
}

/** A shell script the command runs: read further when it is in the project. */
export interface ScriptRun {
  /** As written (`./start.sh`, `/docker-entrypoint.sh`). */
  path: string;
  args: Word[];
  line: number;
  env: Environment;
  workingDirectory?: string;
}

export interface CommandReading {
  servers: ServerStart[];
  scripts: ScriptRun[];
  /**
   * Programs that start nothing we model, by the line they are on; with their arguments and working
   * directory when they are a program run by its name (it may be a console script of the project's).
   */
  unrecognized: Array<{ line: number; program: string; args?: Word[]; workingDirectory?: string } & Pick<ServerStart, 'background' | 'last'>>;
  problems: DeployProblem[];
  /** A script ran its own arguments (`exec "$@"`): the command that ran the script goes on with them. */
  runsArguments?: boolean;
  /** `supervisord -c supervisord.conf`: the programs of that config file run (see supervisord.ts). */
  supervisors?: SupervisorRun[];
}

export interface SupervisorRun {
  /** The config file as `-c` names it; absent for supervisord's own search. */
  config?: string;
  line: number;
  env: Environment;
  workingDirectory?: string;
}

export interface CommandSettings {
  file: string;
  source: CommandContext['source'];
  /** The environment the command runs with (ENV, compose `environment:`...). */
  env: Environment;
  workingDirectory?: string;
  /** Where the paths it names are in the project (build context, COPY); by default the folder of `file`. */
  paths?: ProjectPaths;
  /**
   * A script's arguments (`"$@"`), as the command that runs it gives them (`ENTRYPOINT ["./start.sh"]`
   * with `CMD ["--workers", "4"]`); absent when they are not known.
   */
  arguments?: readonly Word[];
}

/** Reads a command line run by a shell (`/bin/sh -c`): Procfile, shell-form CMD, startCommand, scripts. */
export function readCommandText(text: string, lineAt: LineAt, settings: CommandSettings): CommandReading {
  const split = splitCommandLine(text, 'shell', lineAt);
  const reading = emptyCommandReading();
  if (split.problem) {
    // The shell (or the platform's splitter) refuses the whole command: nothing of it runs.
    reading.problems.push({ file: settings.file, line: split.problem.line, message: `${split.problem.message}: the command cannot run, so nothing of it was read` });
    return reading;
  }
  readShellCommands(split.commands, settings, reading);
  return reading;
}

/** Reads an argv given word by word (an exec-form `CMD [...]`, a compose list): no shell is involved. */
export function readArgv(words: readonly Word[], settings: CommandSettings): CommandReading {
  return readWords(words, { ...settings, shell: false });
}

/**
 * `python manage.py migrate && gunicorn app:app` given to a platform that splits it into words
 * without a shell (compose, fly): `&&` reaches python as an argument and gunicorn never starts.
 */
export function operatorWithoutShell(words: readonly Word[], file: string, platform: string): DeployProblem | undefined {
  const operator = words.find((w) => /^(&&|\|\||;|\|)$/.test(w.text));
  if (!operator || /^(sh|bash|dash|ash|zsh)$/.test(path.posix.basename(words[0]?.text ?? ''))) return undefined;
  return {
    file,
    line: operator.line,
    message: `\`${operator.text}\` is passed to the program as an argument: ${platform} runs this command without a shell (write it as sh -c "...")`,
  };
}

function emptyCommandReading(): CommandReading {
  return { servers: [], scripts: [], unrecognized: [], problems: [] };
}

function mergeInto(target: CommandReading, source: CommandReading): void {
  target.servers.push(...source.servers);
  target.scripts.push(...source.scripts);
  target.unrecognized.push(...source.unrecognized);
  target.problems.push(...source.problems);
  if (source.runsArguments) target.runsArguments = true;
  if (source.supervisors) (target.supervisors ??= []).push(...source.supervisors);
}

/** A shell runs its commands one after the other; `cd` and `export` change what the later ones see. */
function readShellCommands(commands: readonly SimpleCommand[], settings: CommandSettings, reading: CommandReading): void {
  let env = settings.env;
  /** Variables the shell expands: exported or not. */
  let shellVariables = settings.env;
  let workingDirectory = settings.workingDirectory;
  /** The script's arguments, as `shift` leaves them: each command is read with these, not the script's first ones. */
  let positional = settings.arguments;
  const { arguments: _given, ...withoutArguments } = settings;
  let lastIndex = commands.length - 1;
  while (lastIndex >= 0 && TRAILING.has(commands[lastIndex]!.words[0]?.text ?? '')) lastIndex--;
  /** The `if` statements open at this command, innermost last. */
  const ifs: OpenIf[] = [];
  for (const [index, command] of commands.entries()) {
    const keyword = command.words[0]?.raw;
    if (keyword === 'if') ifs.push({ line: command.words[0]!.line, branches: [[]] });
    else if ((keyword === 'elif' || keyword === 'else') && ifs.length) ifs[ifs.length - 1]!.branches.push([]);
    else if (keyword === 'fi' && ifs.length) markChoice(ifs.pop()!);
    const words = command.words.flatMap((w) => expandKnownWords(w, shellVariables));
    const program = words[0]?.text;
    // `shift` (or `shift 2`) drops the first arguments: `"$@"` after it is the rest.
    if (program === 'shift' && positional) {
      const count = words[1] === undefined ? 1 : /^\d+$/.test(words[1].text) ? Number(words[1].text) : undefined;
      positional = count === undefined ? undefined : positional.slice(count);
      continue;
    }
    if (program === 'cd' && words[1] && !words[1].expands) {
      workingDirectory = joinDirectory(workingDirectory, words[1].text);
      continue;
    }
    if (program === 'export' || words.every((w) => assignmentOf(w, settings.file))) {
      const guard = index > 0 ? setGuard(commands[index - 1]!) : undefined;
      const assigned = words
        .slice(program === 'export' ? 1 : 0)
        .map((w) => assignmentOf(w, settings.file))
        .filter((v): v is EnvValue => v !== undefined)
        .map((value) => (guard ? guarded(value, guard, shellVariables) : value));
      shellVariables = withVariables(shellVariables, assigned);
      if (program === 'export') env = withVariables(env, assigned);
      continue;
    }
    const read = readWords(words, { ...withoutArguments, env, ...(workingDirectory !== undefined ? { workingDirectory } : {}), ...(positional ? { arguments: positional } : {}), shell: true });
    // `exec gunicorn ...` replaces the shell: nothing after it runs, whatever branch it is in
    // (pypiserver's entrypoint ends an if/else with `exec pypi-server` in each branch).
    const replacesShell = words[0]?.text === 'exec';
    for (const started of [...read.servers, ...read.unrecognized]) {
      if (command.endedBy === '&') started.background = true;
      else if (index === lastIndex || replacesShell) started.last = true;
    }
    // The condition of an `if` or `elif` (`if python3 check.py; then`) is no branch of that `if`.
    const condition = keyword === 'if' || keyword === 'elif' ? ifs[ifs.length - 1] : undefined;
    for (const open of ifs) if (open !== condition) open.branches[open.branches.length - 1]!.push(...read.servers);
    mergeInto(reading, read);
  }
}

/** An `if` of a script being read: the line of its `if`, and the servers started in each branch so far. */
interface OpenIf {
  line: number;
  branches: ServerStart[][];
}

/**
 * `if [ "$LOCAL_DEV" = true ]; then exec uvicorn --reload ...; else exec gunicorn ...; fi`
 * (openlibrary's ol-web-fastapi-start.sh): the servers of an `if` whose branches start one each (or
 * none) are alternatives, one of which runs. Not when a branch starts several (a worker in the
 * background, then the server): which of those add up is not said by the `if` alone.
 */
function markChoice({ line, branches }: OpenIf): void {
  if (branches.some((started) => started.length > 1) || branches.filter((started) => started.length === 1).length < 2) return;
  branches.forEach((started, branch) => {
    for (const start of started) start.choice = { line, branch };
  });
}

/**
 * `[ -n "$V" ] &&` or `[ -z "$V" ] ||` before a command: the variable V whose being set the command
 * runs under (paperless-ngx: `[ -n "$PAPERLESS_WEBSERVER_WORKERS" ] && export GRANIAN_WORKERS=$PAPERLESS_WEBSERVER_WORKERS`).
 */
function setGuard(test: SimpleCommand): string | undefined {
  const words = test.words.map((w) => w.raw);
  const closing = words[0] === '[' ? ']' : words[0] === '[[' ? ']]' : words[0] === 'test' ? undefined : null;
  if (closing === null || words.length !== (closing ? 4 : 3) || (closing && words[3] !== closing)) return undefined;
  const variable = /^"?\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?"?$/.exec(words[2]!)?.[1];
  if (variable === undefined) return undefined;
  if ((words[1] === '-n' && test.endedBy === '&&') || (words[1] === '-z' && test.endedBy === '||')) return variable;
  return undefined;
}

/**
 * `X=$V` set only when V is set: X is V's value, else what it was (`${V:-1}` when X was 1). Any
 * other value set under that guard is left as it is written.
 */
function guarded(value: EnvValue, variable: string, before: Environment): EnvValue {
  if (!/^"?\$\{?[A-Za-z_][A-Za-z0-9_]*\}?"?$/.test(value.written) || !value.written.includes(variable)) return value;
  const previous = before.get(value.name)?.value;
  if (previous === undefined || !/^[\w.:/-]*$/.test(previous)) return value;
  const { value: _unknown, ...rest } = value;
  return { ...rest, written: `\${${variable}:-${previous}}` };
}

/** Shell builtins and utilities that start nothing: never reported as unrecognized. */
const BUILTINS = new Set([
  'set', 'unset', 'fi', 'done', 'esac', 'case', 'in', '}', '[', '[[', 'test', 'true', 'false', ':', 'echo', 'printf', 'exit',
  'return', 'shift', 'trap', 'wait', 'sleep', 'umask', 'ulimit', 'local', 'readonly', 'read', 'source', '.', 'eval', 'mkdir',
  'rm', 'cp', 'mv', 'ln', 'chmod', 'chown', 'touch', 'cat', 'ls', 'pwd', 'whoami', 'id', 'date', 'function',
]);

/** Commands that may end a script after the command it is there to run: block ends, waiting, messages. */
const TRAILING = new Set(['fi', 'done', 'esac', '}', ';;', 'wait', 'echo', 'printf', 'exit', 'true', ':', 'sleep']);

/** Shell keywords that can start a simple command in a script (`then gunicorn ...`). */
const LEADING_KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', 'time']);

/** Interprets one simple command: strips environment prefixes and wrappers, then names the server. */
function readWords(input: readonly Word[], settings: CommandSettings & { shell: boolean }): CommandReading {
  const reading = emptyCommandReading();
  let words = [...input];
  let env = settings.env;
  const { file } = settings;
  for (let guard = 0; guard < 32 && words.length > 0; guard++) {
    if (settings.shell && LEADING_KEYWORDS.has(words[0]!.text)) {
      words = words.slice(1);
      continue;
    }
    const assignment = settings.shell ? assignmentOf(words[0]!, file) : undefined;
    if (assignment) {
      env = withVariables(env, [assignment]);
      words = words.slice(1);
      continue;
    }
    const first = words[0]!;
    if (/^"?\$(@|\{@\})"?$/.test(first.raw)) {
      reading.runsArguments = true;
      return reading;
    }
    if (first.expands) {
      reading.unrecognized.push({ line: first.line, program: first.text });
      return reading;
    }
    const program = path.posix.basename(first.text);
    const args = words.slice(1);
    if (BUILTINS.has(first.text)) return reading;
    /** The arguments a server or Python gets: a script's `"$@"` among them is the script's arguments, when known. */
    const given = (list: readonly Word[]): Word[] => withScriptArguments(list, settings.arguments);
    const context: CommandContext = { file, source: settings.source, env, ...(settings.workingDirectory !== undefined ? { workingDirectory: settings.workingDirectory } : {}) };

    // Own entries only: a program named `constructor` is no server's.
    const server = Object.hasOwn(SERVER_PROGRAMS, program) ? SERVER_PROGRAMS[program] : undefined;
    if (server) {
      reading.servers.push(serverStart(server(given(args), context), first.line, settings.workingDirectory));
      return reading;
    }
    // supervisord runs the `[program:x]` commands of its config file.
    if (program === 'supervisord') {
      const config = supervisorConfigOf(args);
      if (config === null) reading.unrecognized.push({ line: first.line, program: first.text });
      else (reading.supervisors ??= []).push({ ...(config ? { config } : {}), line: first.line, env, ...(settings.workingDirectory !== undefined ? { workingDirectory: settings.workingDirectory } : {}) });
      return reading;
    }
    // `fastapi run` / `fastapi dev` start uvicorn; `fastapi deploy` and the rest start nothing here.
    if (program === 'fastapi') {
      const started = readFastapiCommand(given(args), context);
      if (started) reading.servers.push(serverStart(started, first.line, settings.workingDirectory));
      else reading.unrecognized.push({ line: first.line, program: first.text });
      return reading;
    }
    if (/^(python|pypy)(\d+(\.\d+)?)?$/.test(program)) {
      const invocation = pythonInvocation(given(args));
      // `python -m debugpy --listen 0.0.0.0:5678 -m app runserver` (a compose file for development):
      // the process runs `app` under the debugger, as `python -m app runserver` would.
      if (invocation.kind === 'module' && invocation.module === 'debugpy') {
        const target = debugpyTarget(invocation.args);
        if (target) {
          words = [first, ...target];
          continue;
        }
        reading.unrecognized.push({ line: first.line, program: `${first.text} -m debugpy` });
        return reading;
      }
      if (invocation.kind === 'module') {
        const moduleServer = Object.hasOwn(SERVER_MODULES, invocation.module) ? SERVER_MODULES[invocation.module] : undefined;
        // `python -m fastapi run`: the FastAPI CLI (fastapi/__main__.py).
        const fastapi = invocation.module === 'fastapi' ? readFastapiCommand(invocation.args, context) : undefined;
        const started = fastapi ?? (moduleServer ? moduleServer(invocation.args, context) : readPythonRun(invocation, context));
        reading.servers.push(serverStart(started, first.line, settings.workingDirectory));
      } else if (invocation.kind === 'script') {
        reading.servers.push(serverStart(readPythonRun(invocation, context), first.line, settings.workingDirectory));
      } else reading.unrecognized.push({ line: first.line, program: first.text });
      return reading;
    }
    if (/^(sh|bash|dash|ash|zsh)$/.test(program)) {
      const shell = shellInvocation(args);
      if (shell.kind === 'command') {
        const script = shell.script;
        // `sh -c '...' name args`: its `"$@"` are the words after the name, not this script's.
        const { arguments: _outer, ...inner } = settings;
        mergeInto(reading, readCommandText(script.text, linesFrom(script.text, script.line), { ...inner, env }));
      } else if (shell.kind === 'file') {
        reading.scripts.push({ path: shell.file.text, args: shell.args, line: shell.file.line, env, ...(settings.workingDirectory !== undefined ? { workingDirectory: settings.workingDirectory } : {}) });
      } else reading.unrecognized.push({ line: first.line, program: first.text });
      return reading;
    }
    const unwrapped = unwrap(program, args);
    if (unwrapped) {
      if (unwrapped.env.length) env = withVariables(env, unwrapped.env.map((w) => assignmentOf(w, file)).filter((v): v is EnvValue => v !== undefined));
      words = unwrapped.rest;
      continue;
    }
    // `./manage.py sendalerts`: a Python file run by its `#!` line is `python manage.py sendalerts`.
    if (program.endsWith('.py') && first.text.includes('/')) {
      reading.servers.push(serverStart(readPythonRun({ kind: 'script', script: first, args: given(args) }, context), first.line, settings.workingDirectory));
      return reading;
    }
    if (/\.(sh|bash)$/.test(program) || first.text.startsWith('./') || first.text.startsWith('/') || first.text.includes('/')) {
      reading.scripts.push({ path: first.text, args, line: first.line, env, ...(settings.workingDirectory !== undefined ? { workingDirectory: settings.workingDirectory } : {}) });
      return reading;
    }
    // `command: [--providers.docker, ...]` of a traefik service: options for an image's own
    // ENTRYPOINT, which is not the project's. No program of its own to name.
    if (first.text.startsWith('-')) return reading;
    reading.unrecognized.push({ line: first.line, program: first.text, args, ...(settings.workingDirectory !== undefined ? { workingDirectory: settings.workingDirectory } : {}) });
    return reading;
  }
  return reading;
}

/**
 * `gunicorn app:app "$@"` in a script whose arguments are known: `"$@"` (or `"${@}"`, `$@`) stands
 * for them, each a word of its own, said at the line of `"$@"`. Unknown, it is left as written.
 */
function withScriptArguments(words: readonly Word[], given: readonly Word[] | undefined): Word[] {
  if (!given || !words.some((w) => ALL_ARGUMENTS.test(w.raw))) return [...words];
  return words.flatMap((word) => (ALL_ARGUMENTS.test(word.raw) ? given.map((argument) => ({ ...argument, line: word.line })) : [word]));
}

const ALL_ARGUMENTS = /^"?\$(@|\{@\})"?$/;

/** The options of watchdog's `watchmedo auto-restart` that take a value (watchdog/watchmedo.py), and those that take none. */
const WATCHMEDO_VALUE_OPTIONS = new Set(['-d', '--directory', '-p', '--pattern', '--patterns', '-i', '--ignore-pattern', '--ignore-patterns', '--interval', '--timeout', '--signal', '--kill-after', '--debounce-interval']);
const WATCHMEDO_FLAGS = new Set(['-D', '--ignore-directories', '-R', '--recursive', '--debug-force-polling', '--no-restart-on-command-exit', '-q', '--quiet', '-v', '--verbose']);

/**
 * The command `watchmedo auto-restart` runs: its first argument that is not an option, and the
 * arguments after it, as its argparse parser takes them: every word after `--`, and before it the
 * words that are not its own options (`-d DIR`, `--directory=DIR`, `-dDIR`, `-R`, `-DR`, a long
 * option cut to a prefix only it has: `--recur`). Undefined when no command is given, or an option
 * it does not know comes before `--` (argparse refuses it: a command's own options go after `--`).
 */
function watchmedoCommand(args: readonly Word[]): Word[] | undefined {
  const command: Word[] = [];
  for (let i = 0; i < args.length; i++) {
    const text = args[i]!.text;
    if (text === '--') {
      command.push(...args.slice(i + 1));
      break;
    }
    if (!text.startsWith('-') || text === '-') {
      command.push(args[i]!);
      continue;
    }
    if (text.startsWith('--')) {
      const name = text.split('=')[0]!;
      const attached = text.includes('=');
      const known = [...WATCHMEDO_VALUE_OPTIONS, ...WATCHMEDO_FLAGS].filter((option) => option.startsWith(name));
      const option = known.includes(name) ? name : known.length === 1 ? known[0]! : undefined;
      if (option === undefined || (attached && !WATCHMEDO_VALUE_OPTIONS.has(option))) return undefined;
      if (WATCHMEDO_VALUE_OPTIONS.has(option) && !attached) i++;
      continue;
    }
    // Short options, several in one word: flags, then at most one that takes a value (the rest of the word, or the next).
    const short = /^-([DRqv]*)([dpi]?)(.*)$/.exec(text);
    if (!short || (!short[2] && short[3])) return undefined;
    if (short[2] && !short[3]) i++;
  }
  return command.length ? command : undefined;
}

/** `-c FILE`, `--configuration FILE` or `--configuration=FILE`: the file (undefined: none given); null when it is known only at run time. */
function supervisorConfigOf(args: readonly Word[]): string | undefined | null {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = arg.text === '-c' || arg.text === '--configuration' ? args[i + 1] : /^--configuration=/.test(arg.text) ? { ...arg, text: arg.text.slice('--configuration='.length) } : /^-c./.test(arg.text) ? { ...arg, text: arg.text.slice(2) } : undefined;
    if (value) return value.expands ? null : value.text;
  }
  return undefined;
}

function serverStart(reading: ServerReading, line: number, startDirectory: string | undefined): ServerStart {
  const directory = reading.workingDirectory !== undefined ? joinDirectory(startDirectory, reading.workingDirectory) : startDirectory;
  return {
    reading,
    line,
    ...(startDirectory !== undefined ? { startDirectory } : {}),
    ...(directory !== undefined ? { workingDirectory: directory } : {}),
  };
}

export function joinDirectory(base: string | undefined, next: string): string {
  if (next.startsWith('/') || base === undefined) return path.posix.normalize(next);
  return path.posix.join(base, next);
}

type ShellInvocation = { kind: 'command'; script: Word } | { kind: 'file'; file: Word; args: Word[] } | { kind: 'none' };

/** `sh -c "..."`, `bash -ec "..."`, `bash -lc '...'`, `sh start.sh args`. */
function shellInvocation(args: readonly Word[]): ShellInvocation {
  let wantsCommand = false;
  for (let i = 0; i < args.length; i++) {
    const text = args[i]!.text;
    if (text === '--') continue;
    if (/^-[a-zA-Z]+$/.test(text)) {
      if (text.includes('c')) wantsCommand = true;
      if (text === '-o' || text === '+o') i++;
      continue;
    }
    if (/^--[a-z-]+$/.test(text) || /^\+[a-zA-Z]+$/.test(text)) continue;
    if (wantsCommand) return { kind: 'command', script: args[i]! };
    return { kind: 'file', file: args[i]!, args: args.slice(i + 1) };
  }
  return { kind: 'none' };
}

/**
 * Programs that run the rest of their arguments as a command: process supervisors (tini, dumb-init),
 * privilege droppers (gosu, su-exec), environment runners (env, poetry run, uv run), tracers (ddtrace-run).
 */
function unwrap(program: string, args: readonly Word[]): { rest: Word[]; env: Word[] } | undefined {
  const texts = args.map((w) => w.text);
  const afterOptions = (valueOptions: ReadonlySet<string>, start = 0): number => {
    let i = start;
    while (i < args.length && texts[i]!.startsWith('-')) {
      if (texts[i] === '--') return i + 1;
      if (valueOptions.has(texts[i]!)) i++;
      i++;
    }
    return i;
  };
  switch (program) {
    case 'exec':
    case 'nohup':
    case 'ddtrace-run':
    case 'chronic':
      return { rest: args.slice(afterOptions(new Set(['-a']))), env: [] };
    case 'time':
      return { rest: args.slice(afterOptions(new Set(['-f', '-o']))), env: [] };
    case 'nice':
      return { rest: args.slice(afterOptions(new Set(['-n']))), env: [] };
    case 'env': {
      let i = afterOptions(new Set(['-u', '--unset', '-C', '--chdir', '-S', '--split-string']));
      const env: Word[] = [];
      while (i < args.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(texts[i]!)) env.push(args[i++]!);
      return { rest: args.slice(i), env };
    }
    case 'tini':
    case 'tini-static':
      return { rest: args.slice(afterOptions(new Set(['-p', '-e']))), env: [] };
    case 'dumb-init':
      return { rest: args.slice(afterOptions(new Set(['-r', '--rewrite']))), env: [] };
    case 'gosu':
    case 'su-exec':
      return { rest: args.slice(1), env: [] };
    case 'setpriv':
    case 'chpst':
      return { rest: args.slice(afterOptions(new Set(['-u', '-U', '-e', '-n', '-l', '-L', '-m', '-d', '-o', '-p', '-f', '-c', '-r', '-t', '--reuid', '--regid']))), env: [] };
    case 'wait-for-it':
    case 'wait-for-it.sh':
    case 'wait-for':
    case 'wait-for.sh':
    case 'dockerize': {
      // `wait-for-it ${DB_HOST:-postgres}:5432 -- gunicorn app.wsgi`: waits, then runs what follows `--`, if anything.
      const separator = texts.indexOf('--');
      return { rest: separator >= 0 ? args.slice(separator + 1) : [], env: [] };
    }
    case 'newrelic-admin':
      return texts[0] === 'run-program' ? { rest: args.slice(1), env: [] } : undefined;
    case 'watchmedo': {
      // `watchmedo auto-restart -d . -p '*.py' -R -- celery -A proj worker` (watchdog, in development
      // compose files): runs the command in a subprocess of its own, without a shell, and runs it again
      // when a watched file changes.
      const command = texts[0] === 'auto-restart' ? watchmedoCommand(args.slice(1)) : undefined;
      return command ? { rest: command, env: [] } : undefined;
    }
    case 'opentelemetry-instrument': {
      // Its options are `--name value` pairs (or `--name=value`) before the program.
      let i = 0;
      while (i < args.length && texts[i]!.startsWith('--')) i += texts[i]!.includes('=') ? 1 : 2;
      return { rest: args.slice(i), env: [] };
    }
    case 'poetry':
    case 'pipenv':
    case 'pdm':
    case 'hatch':
    case 'rye':
      return texts[0] === 'run' ? { rest: args.slice(afterOptions(new Set(['-e', '--env']), 1)), env: [] } : undefined;
    case 'uv':
      return texts[0] === 'run'
        ? { rest: args.slice(afterOptions(new Set(['--with', '--python', '-p', '--env-file', '--project', '--directory', '--extra', '--group', '--package', '--index', '--with-requirements']), 1)), env: [] }
        : undefined;
    case 'doppler':
      return texts[0] === 'run' ? { rest: args.slice(afterOptions(new Set(['-p', '--project', '-c', '--config', '--token']), 1)), env: [] } : undefined;
    default:
      return undefined;
  }
}
