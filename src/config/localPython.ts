import { builtin } from '../builtin.js';
import { accessSync, constants, lstatSync, readFileSync, realpathSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PLATFORMS, type TargetPlatform } from '../extract/target.js';

/**
 * node:child_process, loaded when python3 is asked: most runs find its answer kept in the cache
 * folder, and a run that prints its last output again should not pay for loading the module.
 */
const childProcess = (): typeof import('node:child_process') => builtin('node:child_process');

/** What the interpreter on this machine says it is: the default target, as in mypy and pyright. */
export interface LocalPython {
  /** The command asked (`python3`, or `IMPORTLEAK_PYTHON`). */
  command: string;
  /** The file run: `command` found on the PATH as described at `findOnPath`. */
  executable: string;
  version: readonly [number, number];
  /** Its `sys.platform` when it is one the analyzer evaluates (`cygwin` is not). */
  platform?: TargetPlatform;
}

/**
 * Prints `3.11 linux`. `-I` (isolated: no current folder or script folder on `sys.path`, no user
 * site), `-S` (no site.py, so no .pth file or sitecustomize runs), `-E` (no PYTHON* variable, such
 * as PYTHONSTARTUP or PYTHONPATH, is read): nothing of the project, or of the environment, runs.
 */
const PROBE = 'import sys; print("%d.%d %s" % (sys.version_info[0], sys.version_info[1], sys.platform))';
export const PROBE_FLAGS = ['-I', '-S', '-E'] as const;

let cached: { key: string; found: LocalPython | undefined } | undefined;
/** The answer asked for in this process when the cache folder was not there yet: see `keepAnswer`. */
let unkept: { cacheDir: string; identity: string; found: LocalPython } | undefined;

/**
 * Asks `python3` (or the interpreter `IMPORTLEAK_PYTHON` names) for its version and platform,
 * once per process; undefined when there is none, it fails, or it does not answer within 5 s.
 * Only the interpreter's own `sys` is read: the analyzer still never imports the project's code.
 * The interpreter is the one the user's environment names, never one the repository provides: the
 * command is looked up on the PATH here (see `findOnPath`), and run from the file-system root so
 * that a version manager's shim (pyenv, asdf, mise) does not pick a version by the project's own
 * `.python-version` or `.tool-versions`.
 */
export function localPython(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd(), cacheDir?: string): LocalPython | undefined {
  const looked = lookUp(env, cwd, cacheDir);
  if ('known' in looked) return looked.known;
  const run = childProcess().spawnSync(looked.executable, [...PROBE_FLAGS, '-c', PROBE], probeOptions(cwd));
  return settle(looked, run.status === 0 ? run.stdout : undefined);
}

/**
 * `localPython`, with the interpreter asked in the background when its answer is not known: a
 * promise then, which the caller awaits once it has done what it can meanwhile (a pyenv shim
 * takes a quarter of a second to answer).
 */
export function localPythonSoon(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd(), cacheDir?: string): LocalPython | undefined | Promise<LocalPython | undefined> {
  const looked = lookUp(env, cwd, cacheDir);
  if ('known' in looked) return looked.known;
  return new Promise((resolve) => {
    childProcess().execFile(looked.executable, [...PROBE_FLAGS, '-c', PROBE], probeOptions(cwd), (error, stdout) => resolve(settle(looked, error ? undefined : stdout)));
  });
}

/**
 * The answer `localPython` would give when it is known without asking: in this process, kept in the
 * cache folder, or no interpreter found; `unknown` when it would have to be asked.
 */
export function knownLocalPython(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd(), cacheDir?: string): LocalPython | undefined | 'unknown' {
  const looked = lookUp(env, cwd, cacheDir);
  return 'known' in looked ? looked.known : 'unknown';
}

/** The interpreter to ask, when its answer is not known in this process or kept in the cache folder. */
interface ToAsk {
  command: string;
  executable: string;
  key: string;
  identity: string | undefined;
  cacheDir: string | undefined;
}

function lookUp(env: NodeJS.ProcessEnv, cwd: string, cacheDir: string | undefined): { known: LocalPython | undefined } | ToAsk {
  const command = env.IMPORTLEAK_PYTHON || 'python3';
  const executable = findOnPath(command, env, cwd);
  const key = `${command}\0${executable ?? ''}`;
  if (cached?.key === key) return { known: cached.found };
  if (!executable) {
    cached = { key, found: undefined };
    return { known: undefined };
  }
  const identity = fileIdentity(executable);
  const remembered = identity && cacheDir ? rememberedAnswer(cacheDir, identity) : undefined;
  if (remembered) {
    cached = { key, found: { command, executable, ...remembered } };
    return { known: cached.found };
  }
  return { command, executable, key, identity, cacheDir };
}

function probeOptions(cwd: string): { encoding: 'utf8'; timeout: number; windowsHide: boolean; cwd: string; maxBuffer: number } {
  return { encoding: 'utf8', timeout: 5000, windowsHide: true, cwd: path.parse(cwd).root || '/', maxBuffer: 64 * 1024 };
}

/** What the interpreter printed (undefined when it failed), made an answer, known for the rest of the process and kept when it can be. */
function settle({ command, executable, key, identity, cacheDir }: ToAsk, stdout: string | undefined): LocalPython | undefined {
  const match = stdout === undefined ? null : /^(\d+)\.(\d+) (\S+)\s*$/.exec(stdout);
  const platform = match?.[3]?.startsWith('linux') ? 'linux' : (match?.[3] as TargetPlatform | undefined);
  const found: LocalPython | undefined = match
    ? { command, executable, version: [Number(match[1]), Number(match[2])], ...(platform && PLATFORMS.includes(platform) ? { platform } : {}) }
    : undefined;
  cached = { key, found };
  if (found && identity && cacheDir && !remember(cacheDir, identity, found)) unkept = { cacheDir, identity, found };
  return found;
}

/**
 * Keeps the answer `localPython` was given when the cache folder was not there yet (the first run
 * in a project makes it later): called once the run is done, so the second run does not ask again.
 */
export function keepAnswer(): void {
  if (unkept && remember(unkept.cacheDir, unkept.identity, unkept.found)) unkept = undefined;
}

/**
 * The interpreter's answer is kept in the cache folder (`python.json`) with what identifies the
 * file that gave it, its real path, size and modification time: an upgraded interpreter is asked
 * again. Asking costs a process start, a tenth of a second or more (a version manager's shim: 0.3 s),
 * on every run. The answers of the last `KEPT_ANSWERS` interpreters are kept, newest first: runs
 * from a shell with a virtual environment active and from one without (an editor's, a hook's)
 * each find their own, instead of asking each time the other ran last.
 */
const PYTHON_CACHE = 'python.json';
const KEPT_ANSWERS = 8;

interface KeptAnswer {
  identity: string;
  version: [number, number];
  platform?: TargetPlatform;
}

function fileIdentity(executable: string): string | undefined {
  try {
    const real = realpathSync(executable);
    const stat = statSync(real);
    return `${real}\0${stat.size}\0${stat.mtimeMs}`;
  } catch {
    return undefined;
  }
}

/** The answers kept in `cacheDir`, newest first: none when there are none or the file is damaged (an older version's one answer is read as one). */
function keptAnswers(cacheDir: string): KeptAnswer[] {
  let stored: { answers?: unknown } | undefined;
  try {
    stored = JSON.parse(readFileSync(path.join(cacheDir, PYTHON_CACHE), 'utf8')) as { answers?: unknown };
  } catch {
    return [];
  }
  const list = Array.isArray(stored?.answers) ? (stored.answers as unknown[]) : [stored];
  const answers: KeptAnswer[] = [];
  for (const item of list) {
    const { identity, version, platform } = (item ?? {}) as { identity?: unknown; version?: unknown; platform?: unknown };
    if (typeof identity !== 'string' || !Array.isArray(version) || version.length !== 2 || !version.every((n) => Number.isInteger(n))) continue;
    answers.push({ identity, version: [version[0] as number, version[1] as number], ...(PLATFORMS.includes(platform as TargetPlatform) ? { platform: platform as TargetPlatform } : {}) });
  }
  return answers;
}

function rememberedAnswer(cacheDir: string, identity: string): Pick<LocalPython, 'version' | 'platform'> | undefined {
  const kept = keptAnswers(cacheDir).find((answer) => answer.identity === identity);
  return kept ? { version: kept.version, ...(kept.platform ? { platform: kept.platform } : {}) } : undefined;
}

/** Writes the answer into the cache folder, first of those kept; false when it could not (no folder yet, not a folder, a write error). */
function remember(cacheDir: string, identity: string, found: LocalPython): boolean {
  try {
    // Only into a cache folder that is already there and is a real folder (see SummaryCache).
    if (!lstatSync(cacheDir).isDirectory()) return false;
    const file = path.join(cacheDir, PYTHON_CACHE);
    const temporary = `${file}.${process.pid}.tmp`;
    const answer: KeptAnswer = { identity, version: [found.version[0], found.version[1]], ...(found.platform ? { platform: found.platform } : {}) };
    const answers = [answer, ...keptAnswers(cacheDir).filter((kept) => kept.identity !== identity)].slice(0, KEPT_ANSWERS);
    writeFileSync(temporary, JSON.stringify({ answers }));
    renameSync(temporary, file);
    return true;
  } catch {
    // A cache that cannot be written costs the next run a process start, nothing more.
    return false;
  }
}

/**
 * The file `command` runs, looked up the way a shell does but never in the current folder or in a
 * folder of the repository's: a command with a path separator is taken as written (the user named
 * it); otherwise each PATH entry in turn, skipping empty and relative entries (which mean the
 * current folder), the current folder however spelled, and `node_modules/.bin` folders (which npm,
 * npx and `npm exec` put on the PATH for the current folder and each folder above it: a repository
 * can commit one holding a `python3`). Undefined when nothing executable is found.
 */
export function findOnPath(command: string, env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string | undefined {
  if (command.includes('/') || (process.platform === 'win32' && command.includes('\\'))) {
    const file = path.resolve(cwd, command);
    return isExecutable(file) ? file : undefined;
  }
  const realCwd = realOrSelf(cwd);
  const extensions = process.platform === 'win32' ? ['', ...(env.PATHEXT ?? '.EXE;.CMD;.BAT;.COM').split(';').filter(Boolean)] : [''];
  const pathValue = env.PATH ?? env.Path ?? '';
  for (const entry of pathValue.split(path.delimiter)) {
    if (!entry || !path.isAbsolute(entry)) continue;
    const folder = path.normalize(entry);
    if (isNodeModulesBin(folder)) continue;
    if (realOrSelf(folder) === realCwd) continue;
    for (const extension of extensions) {
      const file = path.join(folder, command + extension);
      if (isExecutable(file)) return file;
    }
  }
  return undefined;
}

function isNodeModulesBin(folder: string): boolean {
  const parts = folder.split(/[\\/]+/).filter(Boolean);
  return parts.length >= 2 && parts[parts.length - 1] === '.bin' && parts[parts.length - 2] === 'node_modules';
}

function isExecutable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function realOrSelf(folder: string): string {
  try {
    return realpathSync(folder);
  } catch {
    return path.resolve(folder);
  }
}
