import fsCallbacks, { promises as fs, type Dirent, type Stats } from 'node:fs';
import { sha256Hex } from './digest.js';
import { inLanes, kindOfStat, looksUnchanged, MAX_SMALL_FILE_BYTES, readDigest, statSignature } from './files.js';

/**
 * What a walk of the tree looked at (the discovery of the Python files, the search for deployment
 * files), so that a later run can tell the walk would find the same without making it, as git's
 * untracked cache does: each folder listed, with its stat signature taken before the listing (a
 * name added, removed or renamed in a folder changes its modification time; a change of its
 * permissions, its change time) and what the listing gave (see `listingDigest`), and
 * every other look (a kind, a real path, a .gitignore read). A folder whose signature differs (or
 * was changed too recently to be trusted) is listed again: the same names of the same kinds, and
 * the walk would find there what it found (a file saved by renaming a new copy over it, a
 * `__pycache__` or the cache folder made, a file made and removed again).
 *
 * A symbolic link is covered by looks at where it leads and what is there (a link cannot be
 * changed in place: made to lead elsewhere, it is made anew, which changes its folder's signature).
 * Pipes and devices, and names that are not UTF-8 or hold a line break are not covered: a walk that
 * meets one is not `complete`, and is made again each time; so is one with a folder changed too
 * recently for its signature to be trusted (see `statSignature`) whose listing was not kept.
 */
export interface TreeWatch {
  folders: Array<[folder: string, signature: string, listing?: string]>;
  /** A read's `signature`: the stat data of the file read (see files.ts `readSignature`), by which it is compared before its bytes are. */
  looks: Array<[how: WatchedLook, path: string, answer: string, signature?: string]>;
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
 * Folders that none of importleak's walks goes into (discover.ts `ALWAYS_SKIPPED`, deploymentFiles.ts
 * `DISCOVERY_IGNORE`): one of them made or removed (Python writes `__pycache__` when it imports a
 * package, importleak its cache folder after its first walk) changes nothing a walk finds, so a
 * folder's listing leaves them out. A file or link of such a name is kept in it.
 */
const SKIPPED_BY_EVERY_WALK = new Set(['.git', 'node_modules', 'site-packages', '__pycache__', '.tox', '.nox', '.mypy_cache', '.ruff_cache', '.importleak_cache', '.pytest_cache']);

/**
 * What a folder's listing gave: each name with its kind, in order, but for `SKIPPED_BY_EVERY_WALK`,
 * separated by `/` (which no name holds). Kept as it is when it is short (most folders: compared
 * without loading node:crypto, which would cost a quick replay a tenth of its time), else as its hash.
 */
export function listingDigest(entries: readonly Dirent[]): string {
  const names: string[] = [];
  for (const entry of entries) {
    if (entry.isDirectory() && SKIPPED_BY_EVERY_WALK.has(entry.name)) continue;
    names.push(`${entry.isFile() ? 'f' : entry.isDirectory() ? 'd' : entry.isSymbolicLink() ? 'l' : 'o'}${entry.name}`);
  }
  const listing = names.sort().join('/');
  // Each name starts with its kind's letter, never with `s`.
  return listing.length <= MAX_KEPT_LISTING ? listing : `sha256:${sha256Hex(listing)}`;
}

/** The longest listing kept as it is (see `listingDigest`): a folder of some hundred names. */
const MAX_KEPT_LISTING = 4096;

/**
 * `fs` for fast-glob, whose `readdir` notes each folder in `watch` (its signature taken first, then
 * what the listing gave) and hands what it lists to `then` (by default, to fast-glob as
 * it is).
 */
export function watchingFs(watch: TreeWatch | undefined, then?: (folder: string, error: NodeJS.ErrnoException | null, entries: Dirent[], callback: ListCallback) => void): typeof fsCallbacks {
  const list = (folder: string, options: unknown, callback: ListCallback, noted?: TreeWatch['folders'][number]): void => {
    (fsCallbacks.readdir as (folder: string, options: unknown, callback: ListCallback) => void)(folder, options, (error, entries) => {
      if (noted && watch) {
        // The names with their kinds (fast-glob asks for them); a folder that could not be listed has no listing to compare.
        if (!error && Array.isArray(entries) && entries.every((entry) => typeof entry === 'object')) noted[2] = listingDigest(entries);
        else if (!noted[1]) watch.complete = false;
      }
      if (then) then(folder, error, entries, callback);
      else callback(error, entries);
    });
  };
  const readdir = ((folder: string, options: unknown, callback: ListCallback) => {
    if (!watch) return list(folder, options, callback);
    fsCallbacks.stat(folder, (error, stat) => {
      const noted: TreeWatch['folders'][number] = [folder, error ? `!${error.code ?? 'error'}` : statSignature(stat)];
      watch.folders.push(noted);
      list(folder, options, callback, noted);
    });
  }) as typeof fsCallbacks.readdir;
  return { ...fsCallbacks, readdir };
}

type ListCallback = (error: NodeJS.ErrnoException | null, entries: Dirent[]) => void;

/** What listing `folder` gives now, as `listingDigest` keeps it; undefined when it cannot be listed. */
function listingNow(folder: string): string | undefined {
  try {
    return listingDigest(fsCallbacks.readdirSync(folder, { withFileTypes: true }));
  } catch {
    return undefined;
  }
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
 * found. `confirmed`: the folders the other watches of the same check found unchanged. A folder
 * whose signature differs is listed again (see `TreeWatch`); when it lists the same, its new
 * signature is noted in the watch, when it can be trusted, and `renewed` called: the watch is worth
 * keeping again.
 */
export async function watchHolds(watch: TreeWatch | undefined, confirmed = new Set<string>(), renewed?: () => void): Promise<boolean> {
  if (!watch?.complete || !Array.isArray(watch.folders) || !Array.isArray(watch.looks)) return false;
  // Thousands of folders: one stat after another is twice as fast as through the thread pool. A
  // folder another watch of the same check confirmed with the same signature (the search for
  // deployment files lists most of the folders the discovery lists) is not looked at again.
  for (const noted of watch.folders) {
    const [folder, signature, listing] = noted;
    const seen = `${folder}\0${signature}`;
    if (confirmed.has(seen)) continue;
    const stat = statNow(folder);
    if (stat === undefined) return false;
    const now = statSignature(stat);
    if (signature === '' || now !== signature) {
      // Its signature taken first (see `watchingFs`), then its names.
      if (typeof listing !== 'string' || !stat.isDirectory() || listingNow(folder) !== listing) return false;
      if (now) {
        noted[1] = now;
        renewed?.();
      }
    }
    confirmed.add(seen);
  }
  // Kinds and real paths one after another too; the texts read (.gitignore files) by their stat
  // data, and those whose stat data changed at once.
  const reads: Array<[path: string, answer: string]> = [];
  for (const [how, p, answer, signature] of watch.looks) {
    if (how !== 'read') {
      if (lookNow(how, p) !== answer) return false;
    } else if (!signature || !looksUnchanged({ kind: 'read', file: p, maxBytes: MAX_SMALL_FILE_BYTES, digest: answer, signature })) {
      // Its stat data changed (or could not be trusted): its bytes, and where it leads, are compared.
      reads.push([p, answer]);
    }
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
