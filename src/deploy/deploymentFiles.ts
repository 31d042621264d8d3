import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fastGlob } from '../discover/discover.js';
import { notRegularMessage } from '../files.js';
import { coveredByWatch, watchedRealpath, watchedStat, watchingFs, type TreeWatch } from '../watch.js';
import type { DeployProblem } from './types.js';

/*
 * Which files of a project are deployment files, and finding them: apart from the readers (and
 * their YAML and TOML parsers), since a run's record (src/replay.ts) lists them again to see
 * whether any came or went.
 */

export type FileKind = 'Procfile' | 'Dockerfile' | 'docker-compose' | 'render.yaml' | 'fly.toml' | 'app.yaml' | 'systemd' | 'gunicorn.conf.py' | 'uwsgi.ini';

const DISCOVERY_PATTERNS = [
  '**/Procfile',
  '**/Dockerfile',
  '**/Dockerfile.*',
  '**/*.Dockerfile',
  // searxng builds `container/dist.dockerfile`: the lower-case suffix editors and `docker build -f` take alike.
  '**/*.dockerfile',
  '**/Containerfile',
  '**/docker-compose*.yml',
  '**/docker-compose*.yaml',
  '**/compose*.yml',
  '**/compose*.yaml',
  '**/render.yaml',
  '**/fly.toml',
  '**/app.yaml',
  '**/*.service',
  '**/gunicorn.conf.py',
  '**/*uwsgi*.ini',
];

const DISCOVERY_IGNORE = [
  '**/.git/**',
  '**/node_modules/**',
  '**/site-packages/**',
  '**/__pycache__/**',
  '**/.venv*/**',
  '**/venv/**',
  '**/.tox/**',
  '**/.nox/**',
  // Caches: importleak's own (written by every run: a walk into it would never be the same twice).
  '**/.importleak_cache/**',
  '**/.mypy_cache/**',
  '**/.ruff_cache/**',
  '**/.pytest_cache/**',
];

export function fileKind(relative: string): FileKind | undefined {
  const name = path.posix.basename(relative);
  if (name === 'Procfile') return 'Procfile';
  if (/^(Dockerfile|Containerfile)(\..+)?$/.test(name) || name.endsWith('.Dockerfile') || name.endsWith('.dockerfile')) return 'Dockerfile';
  if (/^(docker-)?compose([.-][\w.-]+)?\.ya?ml$/.test(name)) return 'docker-compose';
  if (name === 'render.yaml') return 'render.yaml';
  if (name === 'fly.toml') return 'fly.toml';
  if (name === 'app.yaml') return 'app.yaml';
  if (name.endsWith('.service')) return 'systemd';
  if (name.endsWith('.py')) return 'gunicorn.conf.py';
  if (name.endsWith('.ini') && name.includes('uwsgi')) return 'uwsgi.ini';
  return undefined;
}

/** True for a name `readDeployment` looks for (Procfile, Dockerfile, gunicorn.conf.py...). */
export function isDeploymentFileName(name: string): boolean {
  const kind = fileKind(name);
  return kind !== undefined && (kind !== 'gunicorn.conf.py' || name === 'gunicorn.conf.py');
}

/**
 * The deployment files below the folders of `searchIn` (and those it names), relative to the root.
 * Links are listed (reading them checks where they lead) unless they lead to a folder or nowhere,
 * or to a file already listed; a pipe, socket or device is reported and never opened.
 */
export async function findDeploymentFiles(root: string, searchIn: string[], watch?: TreeWatch): Promise<{ found: string[]; problems: DeployProblem[] }> {
  const problems: DeployProblem[] = [];
  const found = new Set<string>();
  const byRealPath = new Set<string>();
  for (const where of searchIn) {
    const folder = path.join(root, where);
    let stat: import('node:fs').Stats;
    try {
      stat = await watchedStat(folder, watch);
    } catch {
      continue;
    }
    if (!stat.isDirectory()) {
      if (isDeploymentFileName(path.posix.basename(where))) found.add(toRelative(root, folder));
      continue;
    }
    const entries = await (await fastGlob())(DISCOVERY_PATTERNS, { cwd: folder, ignore: DISCOVERY_IGNORE, onlyFiles: false, objectMode: true, followSymbolicLinks: false, suppressErrors: true, dot: true, fs: watchingFs(watch) });
    // What a pipe is is not watched; where a link leads is, below (see `TreeWatch`).
    if (watch && entries.some((entry) => !coveredByWatch(entry.dirent))) watch.complete = false;
    for (const entry of entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
      const relative = toRelative(root, path.join(folder, entry.path));
      if (entry.dirent.isDirectory()) continue;
      if (entry.dirent.isSymbolicLink()) {
        const target = await watchedStat(path.join(root, relative), watch).catch(() => undefined);
        if (!target || target.isDirectory()) continue;
      } else if (!entry.dirent.isFile()) {
        const what = await fs.lstat(path.join(root, relative)).catch(() => undefined);
        problems.push({ file: relative, message: `cannot read: ${what ? notRegularMessage(what) : 'not a regular file'}; not opened` });
        continue;
      }
      // The same file reached twice (a Procfile and a link to it) is read once.
      const real = await watchedRealpath(path.join(root, relative), watch).catch(() => undefined);
      if (real && byRealPath.has(real)) continue;
      if (real) byRealPath.add(real);
      found.add(relative);
    }
  }
  return { found: [...found].sort(), problems };
}

/** What `findDeploymentFiles` gives, as a string to compare. */
export function listingValue(listed: { found: string[]; problems: DeployProblem[] }): string {
  return JSON.stringify([listed.found, listed.problems]);
}

/** `listingValue` read back. */
export function listingOf(value: string): { found: string[]; problems: DeployProblem[] } {
  const [found, problems] = JSON.parse(value) as [string[], DeployProblem[]];
  return { found, problems };
}

/** The deployment files a run would read: the run record compares it. */
export async function deploymentFileListing(root: string, searchIn: string[], watch?: TreeWatch): Promise<string> {
  return listingValue(await findDeploymentFiles(path.resolve(root), searchIn, watch));
}

export function toRelative(root: string, file: string): string {
  const absolute = path.resolve(root, file);
  return path.relative(root, absolute).split(path.sep).join('/');
}
