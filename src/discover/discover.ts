import { promises as fs } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { Diagnostic } from '../diagnostics.js';
import { isWithin, MAX_SMALL_FILE_BYTES, notRegularMessage, readDigest, readRegularFile, readSignature } from '../files.js';
import { coveredByWatch, watchedRealpath, watchedStat, watchingFs, type TreeWatch } from '../watch.js';

/** Folders no Python project wants scanned: VCS data, caches, installed packages, build output. */
const ALWAYS_SKIPPED = [
  '**/.git/**',
  '**/.hg/**',
  '**/.svn/**',
  '**/node_modules/**',
  '**/site-packages/**',
  '**/__pycache__/**',
  '**/.tox/**',
  '**/.nox/**',
  '**/.mypy_cache/**',
  '**/.ruff_cache/**',
  '**/.importleak_cache/**',
  '**/.pytest_cache/**',
  '**/*.egg-info/**',
  '**/build/**',
  '**/dist/**',
];

export interface DiscoverOptions {
  /** Folder that paths are reported relative to, and where module names start. */
  root: string;
  /** Files or folders to scan (absolute, or relative to `root`). */
  paths: string[];
  /** gitignore-style patterns, relative to `root`. */
  exclude: string[];
  respectGitignore: boolean;
  /**
   * Follow symbolic links whose target lies outside the project root and the paths given
   * (`--follow-external-links`). Off: such a link is reported as `outside-root` and not read.
   */
  followExternalLinks?: boolean;
  /** Filled in with what the discovery looked at (see `TreeWatch`). */
  watch?: TreeWatch;
}

export interface DiscoveredFile {
  /** Absolute path as reached (symlinks not resolved, so module names follow the tree). */
  absolute: string;
  /** Relative to the root, '/'-separated. */
  relative: string;
}

export interface Discovery {
  files: DiscoveredFile[];
  diagnostics: Diagnostic[];
}

/** How `analyze` discovers the Python files of a scan (the run record, src/replay.ts, does the same). */
export function discoverOptionsOf(options: { root: string; paths: string[]; exclude?: string[]; respectGitignore?: boolean; followExternalLinks?: boolean; config?: { exclude: string[] } }): DiscoverOptions {
  return {
    root: path.resolve(options.root),
    paths: options.paths.length ? options.paths : ['.'],
    exclude: [...(options.exclude ?? []), ...(options.config?.exclude ?? [])],
    respectGitignore: options.respectGitignore ?? true,
    followExternalLinks: options.followExternalLinks ?? false,
  };
}

/**
 * Finds the Python files to analyze below `paths`. Symlinked folders are followed once;
 * a link back into a folder being scanned is reported as a loop instead of being walked forever.
 */
export async function discoverPythonFiles(options: DiscoverOptions): Promise<Discovery> {
  const root = path.resolve(options.root);
  const watch = options.watch;
  const diagnostics: Diagnostic[] = [];
  const found = new Map<string, DiscoveredFile>();
  const relativeToRoot = (absolute: string): string => toPosix(path.relative(root, absolute));
  const userExclude = compileIgnore(options.exclude, (pattern, _index, error) =>
    diagnostics.push({ kind: 'config', path: '.', message: `exclude pattern ${quotePattern(pattern)} (--exclude or the configuration's \`exclude\`) ${unusablePattern(error)}; it is not applied` }),
  );
  const gitignores = new GitignoreSet((file, line, pattern, error) =>
    diagnostics.push({ kind: 'read-error', path: relativeToRoot(file), line, message: `.gitignore pattern ${quotePattern(pattern)} ${unusablePattern(error)}; it is not applied, the file's other patterns are` }),
  );
  if (options.respectGitignore) await addRepositoryGitignores(root, options.paths, gitignores, diagnostics, relativeToRoot, watch);
  // What the project is, by real paths: the root and the folders given. A link out of all of them
  // is not followed unless asked (it could lead to /etc, /, /proc/self/environ or another checkout).
  const inside = await projectFolders(root, options.paths, watch);
  const leavesProject = (realTarget: string): boolean => !options.followExternalLinks && !inside.some((folder) => isWithin(realTarget, folder));

  // fast-glob would skip a folder it cannot list without a word: record it instead. It also never
  // matches a name with a line break: record those names too, to report them.
  const unreadable: Array<{ path: string; error: NodeJS.ErrnoException }> = [];
  const lineBreakNames: Array<{ path: string; isDirectory: boolean }> = [];
  const recordingFs = watchingFs(watch, (dir, error, entries, callback) => {
    if (error && error.code !== 'ENOENT') {
      unreadable.push({ path: dir, error });
      callback(null, []);
      return;
    }
    for (const entry of entries ?? []) {
      if (typeof entry === 'object' && LINE_BREAK.test(entry.name)) lineBreakNames.push({ path: path.join(dir, entry.name), isDirectory: entry.isDirectory() });
    }
    callback(error, entries);
  });

  /**
   * The real folders walked so far (the paths given, the targets of links followed), with the path
   * each was first reached by: two links to one folder (a "diamond", which nests: 24 levels of them
   * made 2^24 walks) are followed once.
   */
  const walked = new Map<string, string>();

  /** Walks one real folder; `visiting` holds the real paths of the folders on the current path. */
  const walk = async (folder: string, visiting: Set<string>): Promise<void> => {
    // One walk lists everything; symbolic links show up as entries of their own (not followed).
    const all = await (await fastGlob())(['**'], {
      cwd: folder,
      dot: true,
      followSymbolicLinks: false,
      onlyFiles: false,
      objectMode: true,
      ignore: ALWAYS_SKIPPED,
      suppressErrors: true,
      fs: recordingFs,
    });
    const links = all.filter((entry) => entry.dirent.isSymbolicLink());
    const oddNames = lineBreakNames.splice(0);
    // What the watch does not cover: a pipe or device, an odd name. A link is covered by the looks
    // below (where it leads, what is there); the folder holding it changes when it is made again.
    if (watch && (oddNames.length || all.some((entry) => !coveredByWatch(entry.dirent) || entry.path.includes('\uFFFD')))) watch.complete = false;
    const entries = all.filter((entry) => {
      const name = path.posix.basename(entry.path);
      return entry.dirent.isFile() && (name.endsWith('.py') || name === '.gitignore' || name === 'pyvenv.cfg');
    });

    const venvs = entries
      .filter((entry) => path.posix.basename(entry.path) === 'pyvenv.cfg')
      .map((entry) => path.posix.dirname(entry.path));
    if (options.respectGitignore) {
      for (const entry of entries) {
        if (path.posix.basename(entry.path) !== '.gitignore' || !entry.dirent.isFile()) continue;
        const file = path.join(folder, entry.path);
        const text = await readIgnoreFile(file, relativeToRoot, diagnostics, false, watch);
        if (text !== undefined) gitignores.add(path.dirname(file), text);
      }
    }
    const skipped = (relativeInFolder: string, absolute: string, isDir: boolean): boolean => {
      if (venvs.some((venv) => venv === '.' || relativeInFolder === venv || relativeInFolder.startsWith(`${venv}/`))) return true;
      const fromRoot = relativeToRoot(absolute);
      if (!fromRoot.startsWith('..') && fromRoot !== '' && userExclude.ignores(isDir ? `${fromRoot}/` : fromRoot)) return true;
      return options.respectGitignore && gitignores.ignores(absolute, isDir);
    };

    for (const entry of entries) {
      if (!entry.path.endsWith('.py') || !entry.dirent.isFile()) continue;
      const absolute = path.join(folder, entry.path);
      if (skipped(entry.path, absolute, false) || excludedByFolder(entry.path, folder, skipped)) continue;
      // A name that is not valid UTF-8 comes back with U+FFFD in it, which names no file.
      if (entry.path.includes('\uFFFD') && !(await exists(absolute, true))) {
        diagnostics.push({ kind: 'read-error', path: relativeToRoot(absolute), message: 'the file name is not valid UTF-8, so it cannot be opened by this name; skipped' });
        continue;
      }
      found.set(absolute, { absolute, relative: relativeToRoot(absolute) });
    }
    // Pipes, sockets and devices named like a file we read are never opened: a read would block.
    for (const entry of all) {
      const name = path.posix.basename(entry.path);
      if (entry.dirent.isFile() || entry.dirent.isDirectory() || entry.dirent.isSymbolicLink()) continue;
      if (!name.endsWith('.py') && name !== '.gitignore') continue;
      const absolute = path.join(folder, entry.path);
      if (skipped(entry.path, absolute, false) || excludedByFolder(entry.path, folder, skipped)) continue;
      const stat = await fs.lstat(absolute).catch(() => undefined);
      diagnostics.push({ kind: 'read-error', path: relativeToRoot(absolute), message: `${stat ? notRegularMessage(stat) : 'not a regular file'}; not opened, skipped` });
    }
    // fast-glob lists no name with a line break (nor what is inside such a folder): say so.
    for (const odd of oddNames) {
      const relativeInFolder = toPosix(path.relative(folder, odd.path));
      if (relativeInFolder.startsWith('..') || (!odd.isDirectory && !relativeInFolder.endsWith('.py'))) continue;
      if (skipped(relativeInFolder, odd.path, odd.isDirectory) || excludedByFolder(relativeInFolder, folder, skipped)) continue;
      diagnostics.push({
        kind: 'read-error',
        path: relativeToRoot(odd.path),
        message: odd.isDirectory
          ? 'the folder name has a line break, which no module name has; the folder was not scanned'
          : 'the file name has a line break, which no module name has; skipped',
      });
    }

    for (const link of links) {
      const absolute = path.join(folder, link.path);
      if (excludedByFolder(link.path, folder, skipped)) continue;
      // An excluded link is skipped like any excluded file, broken or not.
      if (skipped(link.path, absolute, false) || skipped(link.path, absolute, true)) continue;
      let target: string;
      let stat: import('node:fs').Stats;
      try {
        target = await watchedRealpath(absolute, watch);
        stat = await watchedStat(target, watch);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (!link.path.endsWith('.py') && code === 'ENOENT') continue;
        diagnostics.push({
          kind: code === 'ELOOP' ? 'symlink-loop' : 'broken-symlink',
          path: relativeToRoot(absolute),
          message: code === 'ELOOP' ? 'symlink loop: the link resolves to itself; skipped' : `broken symlink: ${describeError(error)}; skipped`,
        });
        continue;
      }
      if (!stat.isDirectory() && !link.path.endsWith('.py')) continue;
      if (leavesProject(target)) {
        diagnostics.push({
          kind: 'outside-root',
          path: relativeToRoot(absolute),
          message: `symbolic link to ${target}, outside the project; not followed (--follow-external-links follows it)`,
        });
        continue;
      }
      if (stat.isFile()) {
        if (link.path.endsWith('.py') && !skipped(link.path, absolute, false)) {
          found.set(absolute, { absolute, relative: relativeToRoot(absolute) });
        }
        continue;
      }
      if (!stat.isDirectory()) {
        // A link named x.py to a pipe or a device: never opened.
        if (!skipped(link.path, absolute, false)) diagnostics.push({ kind: 'read-error', path: relativeToRoot(absolute), message: `the link leads to something that is ${notRegularMessage(stat)}; not opened, skipped` });
        continue;
      }
      const realFolder = await watchedRealpath(path.dirname(absolute), watch);
      const ancestors = [...visiting, realFolder];
      if (ancestors.some((a) => isWithin(a, target))) {
        diagnostics.push({
          kind: 'symlink-loop',
          path: relativeToRoot(absolute),
          message: `symlink loop: ${toPosix(link.path)} points to ${target}, a folder that contains it; not followed`,
        });
        continue;
      }
      const first = walked.get(target);
      if (first !== undefined) {
        diagnostics.push({
          kind: 'duplicate-module',
          path: relativeToRoot(absolute),
          message: `symbolic link to ${target}, a folder already scanned as ${first || '.'}; not followed again (its modules are analyzed once, under that name)`,
        });
        continue;
      }
      walked.set(target, relativeToRoot(absolute));
      // The folders on the way down, by their real paths: a link back to any of them is a loop.
      const next = new Set(visiting);
      next.add(realFolder);
      next.add(target);
      await walk(absolute, next);
    }
  };

  for (const given of options.paths) {
    const absolute = path.resolve(root, given);
    let stat: import('node:fs').Stats;
    try {
      stat = await watchedStat(absolute, watch);
    } catch (error) {
      diagnostics.push({ kind: 'read-error', path: toPosix(given), message: `cannot scan ${given}: ${describeError(error)}` });
      continue;
    }
    if (stat.isDirectory()) {
      const real = await watchedRealpath(absolute, watch);
      if (!walked.has(real)) walked.set(real, relativeToRoot(absolute));
      await walk(absolute, new Set([real]));
    } else if (stat.isFile()) {
      found.set(absolute, { absolute, relative: relativeToRoot(absolute) });
    } else {
      // A FIFO or a device would block the read forever.
      diagnostics.push({ kind: 'read-error', path: relativeToRoot(absolute), message: `${notRegularMessage(stat)}; not opened, skipped` });
    }
  }
  for (const { path: dir, error } of unreadable) {
    diagnostics.push({ kind: 'read-error', path: relativeToRoot(dir) || '.', message: `cannot list this folder: ${describeError(error)}; the files in it were not analyzed` });
  }

  const files = [...found.values()].sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
  for (const file of files) {
    if (file.relative.startsWith('..')) {
      diagnostics.push({
        kind: 'outside-root',
        path: file.relative,
        message: `${file.absolute} is outside the project root ${root}; its module name is guessed from its folder`,
      });
    }
  }
  return { files, diagnostics };
}

/**
 * When the scan starts below the top of a git repository, the repository's own .gitignore files
 * (from its top down to the scanned folder) apply too, as they do for git.
 */
async function addRepositoryGitignores(
  root: string,
  paths: readonly string[],
  gitignores: GitignoreSet,
  diagnostics: Diagnostic[],
  relativeToRoot: (absolute: string) => string,
  watch?: TreeWatch,
): Promise<void> {
  const folders = new Set<string>();
  for (const given of paths) {
    let folder = path.resolve(root, given);
    try {
      if (!(await watchedStat(folder, watch)).isDirectory()) folder = path.dirname(folder);
    } catch {
      continue;
    }
    // Walk up to the repository top (the folder holding .git); stop at the filesystem root.
    const chain: string[] = [];
    for (let dir = path.dirname(folder); ; dir = path.dirname(dir)) {
      chain.push(dir);
      if (await watchedStat(path.join(dir, '.git'), watch).then(() => true, () => false)) {
        chain.forEach((d) => folders.add(d));
        break;
      }
      if (path.dirname(dir) === dir) break;
    }
  }
  for (const folder of folders) {
    const file = path.join(folder, '.gitignore');
    const text = await readIgnoreFile(file, relativeToRoot, diagnostics, true, watch);
    if (text !== undefined) gitignores.add(folder, text);
  }
}

/** A line break in a name: fast-glob's patterns never match one. */
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * The text of a .gitignore: only a regular file of at most 1 MiB is read (a pipe would block, a
 * link to /dev/urandom would never end); any other is reported and its patterns are not applied.
 */
async function readIgnoreFile(file: string, relativeToRoot: (absolute: string) => string, diagnostics: Diagnostic[], missingIsFine = false, watch?: TreeWatch): Promise<string | undefined> {
  const read = await readRegularFile(file, MAX_SMALL_FILE_BYTES);
  watch?.looks.push(['read', file, await readDigest(file, MAX_SMALL_FILE_BYTES, read), readSignature(read)]);
  if (read.ok) return read.bytes.toString('utf8');
  if (read.reason === 'missing' && missingIsFine) return undefined;
  const cause = read.reason === 'error' || read.reason === 'missing' ? describeError(read.error) : read.message;
  diagnostics.push({ kind: 'read-error', path: relativeToRoot(file), message: `cannot read .gitignore: ${cause}; its patterns were not applied` });
  return undefined;
}

/** The real paths of the root and of the folders given: what a link may lead into without --follow-external-links. */
async function projectFolders(root: string, paths: readonly string[], watch?: TreeWatch): Promise<string[]> {
  const folders: string[] = [];
  for (const p of [root, ...paths.map((given) => path.resolve(root, given))]) {
    try {
      if ((await watchedStat(p, watch)).isDirectory()) folders.push(await watchedRealpath(p, watch));
    } catch {
      // A path that does not exist is reported where it is scanned.
    }
  }
  return folders;
}

async function exists(p: string, noFollow = false): Promise<boolean> {
  try {
    await (noFollow ? fs.lstat(p) : fs.stat(p));
    return true;
  } catch {
    return false;
  }
}

/** True when a folder on the way to `relativeInFolder` is skipped (a virtualenv, an excluded folder). */
function excludedByFolder(
  relativeInFolder: string,
  folder: string,
  skipped: (relativeInFolder: string, absolute: string, isDir: boolean) => boolean,
): boolean {
  const parts = relativeInFolder.split('/');
  for (let i = 1; i < parts.length; i++) {
    const sub = parts.slice(0, i).join('/');
    if (skipped(sub, path.join(folder, sub), true)) return true;
  }
  return false;
}

/**
 * Every .gitignore met on the way, each applying to paths below its own folder. A pattern the
 * matcher cannot turn into a regular expression (a line of thousands of characters makes one too
 * large for JavaScript) is reported with its file and line, and the file's other patterns still apply.
 */
class GitignoreSet {
  private readonly byFolder = new Map<string, { rules: Ignore; text: string; checked: boolean }>();

  constructor(private readonly onInvalid: (file: string, line: number, pattern: string, error: unknown) => void) {}

  add(folder: string, text: string): void {
    this.byFolder.set(folder, { rules: ignore().add(text), text, checked: false });
  }

  ignores(absolute: string, isDir: boolean): boolean {
    for (const [folder, entry] of this.byFolder) {
      const relative = path.relative(folder, absolute);
      if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) continue;
      const posix = toPosix(relative);
      if (this.test(folder, entry, isDir ? `${posix}/` : posix)) return true;
    }
    return false;
  }

  /** The matcher compiles each pattern when a path first reaches it: that is when a bad one throws. */
  private test(folder: string, entry: { rules: Ignore; text: string; checked: boolean }, relative: string): boolean {
    try {
      return entry.rules.ignores(relative);
    } catch (error) {
      if (entry.checked || !isPatternError(error)) throw error;
      entry.checked = true;
      // The matcher's own line split: each line a pattern.
      entry.rules = compileIgnore(entry.text.split(/\r?\n/), (pattern, index, lineError) => this.onInvalid(path.join(folder, '.gitignore'), index + 1, pattern, lineError));
      return entry.rules.ignores(relative);
    }
  }
}

/**
 * A matcher of the gitignore-style `patterns` that compile; each one that does not (too long for a
 * JavaScript regular expression) goes to `onInvalid` with its index, and is left out.
 */
export function compileIgnore(patterns: readonly string[], onInvalid: (pattern: string, index: number, error: unknown) => void): Ignore {
  const usable: string[] = [];
  patterns.forEach((pattern, index) => {
    try {
      // Matching a path compiles the pattern (negated or not), which is what can fail.
      ignore().add(pattern).ignores('x');
      usable.push(pattern);
    } catch (error) {
      if (!isPatternError(error)) throw error;
      onInvalid(pattern, index, error);
    }
  });
  return ignore().add(usable);
}

function isPatternError(error: unknown): boolean {
  return error instanceof SyntaxError || (error instanceof RangeError && /call stack/i.test(error.message));
}

/** `"build/…" (4,096 characters)`: enough of a pattern to find it, never all of a huge one. */
export function quotePattern(pattern: string): string {
  return pattern.length > 40 ? `${JSON.stringify(pattern.slice(0, 40))}… (${pattern.length} characters)` : JSON.stringify(pattern);
}

function unusablePattern(error: unknown): string {
  return error instanceof SyntaxError && /too large/i.test(error.message) ? 'is too long to match with (its regular expression is too large)' : 'cannot be turned into a regular expression';
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

export function describeError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'no such file or directory';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    default:
      return e.message ?? String(error);
  }
}

/**
 * fast-glob, loaded when a folder is first walked: a run whose record holds (see replay.ts) walks
 * nothing, and loading fast-glob and the modules it requires took a fifth of such a run.
 */
export async function fastGlob(): Promise<typeof import('fast-glob')> {
  return (await import('fast-glob')).default;
}
