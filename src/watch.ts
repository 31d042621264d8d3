import fsCallbacks, { promises as fs, type Stats } from 'node:fs';
import { inLanes, kindOfStat, MAX_SMALL_FILE_BYTES, readDigest, statSignature } from './files.js';

/**
 * What a walk of the tree looked at (the discovery of the Python files, the search for deployment
 * files), so that a later run can tell the walk would find the same without making it, as git's
 * untracked cache does: each folder listed, with its stat signature taken before the listing (a
 * name added, removed or renamed in a folder changes its modification time; a change of its
 * permissions, its change time), and every other look (a kind, a real path, a .gitignore read).
 *
 * A symbolic link is covered by looks at where it leads and what is there (a link cannot be
 * changed in place: made to lead elsewhere, it is made anew, which changes its folder's signature).
 * Pipes and devices, and names that are not UTF-8 or hold a line break are not covered: a walk that
 * meets one is not `complete`, and is made again each time; so is one with a folder changed too
 * recently for its signature to be trusted (see `statSignature`).
 */
export interface TreeWatch {
  folders: Array<[folder: string, signature: string]>;
  looks: Array<[how: WatchedLook, path: string, answer: string]>;
  complete: boolean;
}

export type WatchedLook = 'stat' | 'realpath' | 'read';

/**
 * Whether the watch covers an entry a walk listed: a file, a folder, or a symbolic link, whose
 * target the walk looks at with `watchedRealpath` and `watchedStat`. A pipe or device is not.
 */
export function coveredByWatch(dirent: { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }): boolean {
  return dirent.isFile() || dirent.isDirectory() || dirent.isSymbolicLink();
}

export function newTreeWatch(): TreeWatch {
  return { folders: [], looks: [], complete: true };
}

/**
 * `fs` for fast-glob, whose `readdir` notes each folder in `watch` (its signature taken first) and
 * then lists it with `list` (by default `fs.readdir`).
 */
export function watchingFs(watch: TreeWatch | undefined, list: typeof fsCallbacks.readdir = fsCallbacks.readdir): typeof fsCallbacks {
  if (!watch) return { ...fsCallbacks, readdir: list };
  const readdir = ((folder: string, options: unknown, callback: (error: NodeJS.ErrnoException | null, entries: unknown[]) => void) => {
    fsCallbacks.stat(folder, (error, stat) => {
      const signature = error ? `!${error.code ?? 'error'}` : statSignature(stat);
      if (!signature) watch.complete = false;
      watch.folders.push([folder, signature]);
      (list as (folder: string, options: unknown, callback: unknown) => void)(folder, options, callback);
    });
  }) as typeof fsCallbacks.readdir;
  return { ...fsCallbacks, readdir };
}

/** `fs.stat`, its answer kept in `watch`. */
export async function watchedStat(p: string, watch: TreeWatch | undefined): Promise<Stats> {
  try {
    const stat = await fs.stat(p);
    watch?.looks.push(['stat', p, kindOfStat(stat)]);
    return stat;
  } catch (error) {
    watch?.looks.push(['stat', p, failure(error)]);
    throw error;
  }
}

/** `fs.realpath`, its answer kept in `watch`. */
export async function watchedRealpath(p: string, watch: TreeWatch | undefined): Promise<string> {
  try {
    const real = await fs.realpath(p);
    watch?.looks.push(['realpath', p, real]);
    return real;
  } catch (error) {
    watch?.looks.push(['realpath', p, failure(error)]);
    throw error;
  }
}

/**
 * The answer a look at the kind of a path, or where it leads, gives now, as `TreeWatch.looks` keeps
 * it: synchronously (the answers `watchedStat` and `watchedRealpath` gave through fs/promises; a
 * native realpath, as theirs).
 */
function lookNow(how: Exclude<WatchedLook, 'read'>, p: string): string {
  try {
    return how === 'stat' ? kindOfStat(fsCallbacks.statSync(p)) : fsCallbacks.realpathSync.native(p);
  } catch (error) {
    return failure(error);
  }
}

/**
 * Whether every folder and look of a complete watch is as it was: then the walk would find what it
 * found. `confirmed`: the folders the other watches of the same check found unchanged.
 */
export async function watchHolds(watch: TreeWatch | undefined, confirmed = new Set<string>()): Promise<boolean> {
  if (!watch?.complete || !Array.isArray(watch.folders) || !Array.isArray(watch.looks)) return false;
  // Thousands of folders: one stat after another is twice as fast as through the thread pool. A
  // folder another watch of the same check confirmed with the same signature (the search for
  // deployment files lists most of the folders the discovery lists) is not looked at again.
  for (const [folder, signature] of watch.folders) {
    const seen = `${folder}\0${signature}`;
    if (confirmed.has(seen)) continue;
    const stat = statNow(folder);
    if (stat === undefined || signature === '' || statSignature(stat) !== signature) return false;
    confirmed.add(seen);
  }
  // Kinds and real paths one after another too; the texts read (.gitignore files) at once.
  const reads: Array<[path: string, answer: string]> = [];
  for (const [how, p, answer] of watch.looks) {
    if (how === 'read') reads.push([p, answer]);
    else if (lookNow(how, p) !== answer) return false;
  }
  let holds = true;
  await inLanes(reads.length, async (index) => {
    const [p, answer] = reads[index]!;
    if ((await readDigest(p, MAX_SMALL_FILE_BYTES)) !== answer) return (holds = false);
  });
  return holds;
}

/** `fs.statSync`, undefined for a path that cannot be stat'ed. */
export function statNow(p: string): Stats | undefined {
  try {
    return fsCallbacks.statSync(p);
  } catch {
    return undefined;
  }
}

function failure(error: unknown): string {
  return `!${(error as NodeJS.ErrnoException).code ?? 'error'}`;
}
