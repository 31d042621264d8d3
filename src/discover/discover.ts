import fsCallbacks, { promises as fs } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import ignore, { type Ignore } from 'ignore';
import type { Diagnostic } from '../diagnostics.js';

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

/**
 * Finds the Python files to analyze below `paths`. Symlinked folders are followed once;
 * a link back into a folder being scanned is reported as a loop instead of being walked forever.
 */
export async function discoverPythonFiles(options: DiscoverOptions): Promise<Discovery> {
  const root = path.resolve(options.root);
  const diagnostics: Diagnostic[] = [];
  const found = new Map<string, DiscoveredFile>();
  const relativeToRoot = (absolute: string): string => toPosix(path.relative(root, absolute));
  const userExclude = ignore().add(options.exclude);
  const gitignores = new GitignoreSet();
  if (options.respectGitignore) await addRepositoryGitignores(root, options.paths, gitignores, diagnostics, relativeToRoot);

  // fast-glob would skip a folder it cannot list without a word: record it instead.
  const unreadable: Array<{ path: string; error: NodeJS.ErrnoException }> = [];
  const recordingFs = {
    ...fsCallbacks,
    readdir: ((dir: string, options: unknown, callback: (error: NodeJS.ErrnoException | null, entries: unknown[]) => void) => {
      fsCallbacks.readdir(dir, options as { withFileTypes: true }, (error, entries) => {
        if (error && error.code !== 'ENOENT') {
          unreadable.push({ path: dir, error });
          callback(null, []);
          return;
        }
        callback(error, entries as unknown[]);
      });
    }) as typeof fsCallbacks.readdir,
  };

  /** Walks one real folder; `visiting` holds the real paths of the folders on the current path. */
  const walk = async (folder: string, visiting: Set<string>): Promise<void> => {
    // One walk lists everything; symbolic links show up as entries of their own (not followed).
    const all = await fg(['**'], {
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
        try {
          gitignores.add(path.dirname(file), await fs.readFile(file, 'utf8'));
        } catch (error) {
          diagnostics.push({ kind: 'read-error', path: relativeToRoot(file), message: `cannot read .gitignore: ${describeError(error)}` });
        }
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
      found.set(absolute, { absolute, relative: relativeToRoot(absolute) });
    }

    for (const link of links) {
      const absolute = path.join(folder, link.path);
      if (excludedByFolder(link.path, folder, skipped)) continue;
      // An excluded link is skipped like any excluded file, broken or not.
      if (skipped(link.path, absolute, false) || skipped(link.path, absolute, true)) continue;
      let target: string;
      let stat: import('node:fs').Stats;
      try {
        target = await fs.realpath(absolute);
        stat = await fs.stat(target);
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
      if (stat.isFile()) {
        if (link.path.endsWith('.py') && !skipped(link.path, absolute, false)) {
          found.set(absolute, { absolute, relative: relativeToRoot(absolute) });
        }
        continue;
      }
      if (!stat.isDirectory()) continue;
      const realFolder = await fs.realpath(path.dirname(absolute));
      const ancestors = [...visiting, realFolder];
      if (ancestors.some((a) => a === target || a.startsWith(`${target}${path.sep}`))) {
        diagnostics.push({
          kind: 'symlink-loop',
          path: relativeToRoot(absolute),
          message: `symlink loop: ${toPosix(link.path)} points to ${target}, a folder that contains it; not followed`,
        });
        continue;
      }
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
      stat = await fs.stat(absolute);
    } catch (error) {
      diagnostics.push({ kind: 'read-error', path: toPosix(given), message: `cannot scan ${given}: ${describeError(error)}` });
      continue;
    }
    if (stat.isDirectory()) {
      await walk(absolute, new Set([await fs.realpath(absolute)]));
    } else if (stat.isFile()) {
      found.set(absolute, { absolute, relative: relativeToRoot(absolute) });
    } else {
      // A FIFO or a device would block the read forever.
      diagnostics.push({ kind: 'read-error', path: relativeToRoot(absolute), message: 'not a regular file; skipped' });
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
): Promise<void> {
  const folders = new Set<string>();
  for (const given of paths) {
    let folder = path.resolve(root, given);
    try {
      if (!(await fs.stat(folder)).isDirectory()) folder = path.dirname(folder);
    } catch {
      continue;
    }
    // Walk up to the repository top (the folder holding .git); stop at the filesystem root.
    const chain: string[] = [];
    for (let dir = path.dirname(folder); ; dir = path.dirname(dir)) {
      chain.push(dir);
      if (await exists(path.join(dir, '.git'))) {
        chain.forEach((d) => folders.add(d));
        break;
      }
      if (path.dirname(dir) === dir) break;
    }
  }
  for (const folder of folders) {
    const file = path.join(folder, '.gitignore');
    try {
      gitignores.add(folder, await fs.readFile(file, 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        diagnostics.push({ kind: 'read-error', path: relativeToRoot(file), message: `cannot read .gitignore: ${describeError(error)}` });
      }
    }
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.stat(p);
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

/** Every .gitignore met on the way, each applying to paths below its own folder. */
class GitignoreSet {
  private readonly byFolder = new Map<string, Ignore>();

  add(folder: string, text: string): void {
    this.byFolder.set(folder, ignore().add(text));
  }

  ignores(absolute: string, isDir: boolean): boolean {
    for (const [folder, rules] of this.byFolder) {
      const relative = path.relative(folder, absolute);
      if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) continue;
      const posix = toPosix(relative);
      if (rules.ignores(isDir ? `${posix}/` : posix)) return true;
    }
    return false;
  }
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
