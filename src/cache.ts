import { createHash, randomBytes } from 'node:crypto';
import { closeSync, promises as fs, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileSummary } from './extract/fileSummary.js';
import { fileKeyOf, fileKeyOfRead, type ReadResult } from './files.js';
import { openPacks, PackWriter, prunePacks, type PackIndex, type PackPlace } from './cachePack.js';
import { codeFiles, keptCodeDigest } from './codeDigest.js';
import { packedOnDisk, type PackedStore } from './extract/packed.js';
import { reviveStored, storedBytes, storedOf, storedText, type Sharing, type Stored } from './extract/stored.js';
import type { PythonTarget } from './extract/target.js';

/** The folder `check`, `graph` and `entries` keep their cache in, in the project root (as ruff keeps `.ruff_cache`). */
export { DEFAULT_CACHE_DIR } from './quickReplay.js';

/**
 * Per-file summaries, kept between runs in `<cache dir>/<analyzer>/<2 hex>/<key>.json`, where the
 * key is the hash of the file's path and bytes and the folder `<analyzer>` the hash of the
 * analyzer's own code and the target (Python version, platform). A warm scan reads and hashes every
 * file, then reads its summary instead of parsing it. An entry that does not read back as a
 * summary (truncated, corrupt, from another version) is ignored and written again.
 *
 * A run's first PACK_AFTER entries are files of their own; the rest go into one pack, in
 * `<analyzer>/packs/` (see cachePack.ts), which the run finishes with `finish`.
 *
 * The folder holds a `.gitignore` of `*` and a `CACHEDIR.TAG`, so git and backup tools leave it
 * out. A cache folder that is a symbolic link, or not a folder, is not used (a repository could
 * commit one pointing anywhere): the run goes on without a cache and says so once.
 */
export class SummaryCache implements PackedStore {
  private folderKnown: string | undefined;
  private prepared: Promise<boolean> | undefined;
  private readable: Promise<boolean> | undefined;
  /** Why the cache could not be written, once; the run still succeeds. */
  problem: string | undefined;
  /** The packs of the summaries folder, as this process knows them (see `packsKnown`). */
  private packsKnownNow: PacksKnown | undefined;
  /** The pack this run is writing, once it has written PACK_AFTER entry files. */
  private writer: PackWriter | undefined;
  /** Entry files this run has written. */
  private entryFiles = 0;

  constructor(
    readonly root: string,
    private readonly target: PythonTarget,
  ) {}

  /** The summaries folder: worked out when first needed, since a run that prints its last output again reads no summary. */
  private get folder(): string {
    this.folderKnown ??= path.join(this.root, `${analyzerId(this.root).slice(0, 12)}-${hash(JSON.stringify([this.target.version, this.target.platform])).slice(0, 8)}`);
    return this.folderKnown;
  }

  /** The cache key of a file (see `fileKeyOf`). */
  static keyOf(relative: string, bytes: Uint8Array): string {
    return fileKeyOf(relative, bytes);
  }

  /** The key of a read (see `fileKeyOfRead`). */
  static keyOfRead(relative: string, read: ReadResult): string {
    return fileKeyOfRead(relative, read);
  }

  async get(key: string, relative: string): Promise<FileSummary | undefined> {
    return (await this.getEntry(key, relative))?.value;
  }

  /**
   * The entry of `key`, and the hash of its stored text (see `digestOf`); with `sharing`, see
   * `reviveStored`. `digest`, when the caller knows it (the run record's, for a key it recorded), is
   * not computed again: an entry is what the analyzer made of the bytes its key hashes, the same each time.
   */
  async getEntry(key: string, relative: string, sharing?: Sharing, digest?: string): Promise<{ value: FileSummary; digest: string } | undefined> {
    if (!(await this.usable(false))) return undefined;
    const place = this.packPlace(key);
    let bytes: Buffer;
    try {
      // Read synchronously: an entry is a few KiB, and fs/promises' open, stat, read and close,
      // each a trip to the thread pool and back, cost a warm run of 20,000 files a second more.
      bytes = place ? place.pack.view(place.offset, place.length) : readFileSync(this.entryFile(key));
    } catch {
      return undefined;
    }
    // An entry that does not read back is removed: an entry file, or the pack holding it (its files
    // are parsed again by the next run), which would otherwise hide the entry written again.
    const remove = place ? () => place.pack.remove() : () => rmSync(this.entryFile(key), { force: true });
    try {
      // The bytes hashed as read: the digest `set` gave for the bytes it wrote.
      const value = reviveStored(storedOf(bytes), relative, sharing, remove);
      if (value.summary) packedOnDisk(value.summary, this, key, bytes.length);
      return { value, digest: digest ?? hash(bytes) };
    } catch {
      if (place) remove();
      return undefined;
    }
  }

  /** Where the entry of `key` is in a pack, if one holds it: this process's, else the newest. */
  private packPlace(key: string): PackPlace | undefined {
    const known = this.packsKnown();
    const own = known.own.get(key);
    if (own) return own;
    known.indexes ??= openPacks(this.packFolder);
    for (const index of known.indexes) {
      const place = index.find(key);
      if (place) return place;
    }
    return undefined;
  }

  /**
   * What this process knows of the packs of the summaries folder: shared by the caches of one
   * folder (the run record's check has one, the analysis another), so that their indexes are read
   * once, and the entries one wrote are found by the other.
   */
  private packsKnown(): PacksKnown {
    if (!this.packsKnownNow) {
      let known = PACKS_KNOWN.get(this.packFolder);
      if (!known) PACKS_KNOWN.set(this.packFolder, (known = { own: new Map() }));
      this.packsKnownNow = known;
    }
    return this.packsKnownNow;
  }

  private get packFolder(): string {
    return path.join(this.folder, 'packs');
  }

  /**
   * The hash of a file's outcome as the cache stores it (without its path): two outcomes with the
   * same hash are the same summary and diagnostics. The run record (replay.ts) compares them.
   */
  static digestOf(value: FileSummary): string {
    return hash(storedBytes(storedText(value)));
  }

  /**
   * Stores `value` under `key` (not a transient one); its digest either way (see `digestOf`).
   * `stored`: how it is stored when the caller has that already (a worker thread sends it).
   */
  async set(key: string, value: FileSummary, stored?: Stored): Promise<string | undefined> {
    const bytes = storedBytes(stored ?? storedText(value));
    const digest = hash(bytes);
    if (value.transient) return undefined;
    if (!(await this.usable(true))) return digest;
    let kept: boolean;
    if (this.entryFiles < PACK_AFTER) {
      kept = this.writeEntry(this.entryFile(key), bytes);
      if (kept) this.entryFiles++;
    } else kept = this.writeToPack(key, bytes);
    if (kept && value.summary) packedOnDisk(value.summary, this, key, bytes.length);
    return digest;
  }

  /** Appends an entry to this run's pack (begun when needed); false when it cannot be written. */
  private writeToPack(key: string, bytes: Uint8Array): boolean {
    try {
      this.writer ??= new PackWriter(this.packFolder);
      this.packsKnown().own.set(key, this.writer.append(key, bytes));
      return true;
    } catch (error) {
      this.problem ??= `cannot write the cache in ${this.root}: ${(error as Error).message}`;
      this.dropPack();
      return false;
    }
  }

  /**
   * Finishes the pack this run has been writing, if any: its index written, it takes its final
   * name, where other runs find it, and packs beyond the newest MAX_PACKS are removed. Called when
   * a stage has stored what it will; a run that stores more after begins another pack.
   */
  finish(): void {
    const writer = this.writer;
    if (!writer) return;
    this.writer = undefined;
    try {
      writer.finish();
      prunePacks(this.packFolder);
    } catch (error) {
      this.problem ??= `cannot write the cache in ${this.root}: ${(error as Error).message}`;
      this.writer = writer;
      this.dropPack();
    }
  }

  /** Gives up this run's pack (a write failed): its entries are taken as missing, and their packed calls stay in memory. */
  private dropPack(): void {
    const writer = this.writer;
    if (!writer) return;
    this.writer = undefined;
    writer.abandon();
    const { own } = this.packsKnown();
    for (const [key, place] of own) if (place.pack === writer.pack) own.delete(key);
  }

  /**
   * Writes a file of the cache folder (a run record, the kept rules, an entry found there already)
   * to a temporary file and renames it: concurrent runs never see half of one. A failure is noted in
   * `problem` (and false returned); the run goes on. `text` may be a function giving the text in
   * pieces (see `jsonChunks`), called for each attempt. Synchronously: fs/promises' open, write,
   * close and rename are each a trip to libuv's thread pool and back.
   */
  writeWhole(file: string, text: string | Uint8Array | (() => Iterable<string>)): boolean {
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      createFile(temporary, text, file);
      renameSync(temporary, file);
      return true;
    } catch (error) {
      try {
        rmSync(temporary, { force: true });
      } catch {
        // Left behind: a later run's temporary files have other names.
      }
      this.problem ??= `cannot write the cache in ${this.root}: ${(error as Error).message}`;
      return false;
    }
  }

  /**
   * Writes an entry: created under its own name, where no entry is, without a temporary file and a
   * rename (which cost a cold run of 20,000 files a second of the kernel's time). A reader that
   * meets an entry being written, or one a killed run left short, finds it does not read back (its
   * JSON is cut short, or its packed calls are not as long as it says: see `reviveStored`) and
   * takes it as missing; the entry of a key is the same whoever writes it. Where an entry is there
   * already (one left short, which was not read back, is what brings a run here), it is replaced
   * whole (`writeWhole`).
   */
  private writeEntry(file: string, bytes: Uint8Array): boolean {
    try {
      createFile(file, bytes, file);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return this.writeWhole(file, bytes);
      // Not there before (else EEXIST): what is there now is this write's, cut short (a full disk).
      try {
        rmSync(file, { force: true });
      } catch {
        // Taken as missing by its readers all the same.
      }
      this.problem ??= `cannot write the cache in ${this.root}: ${(error as Error).message}`;
      return false;
    }
  }

  /** The packed calls at the end of the entry of `key` (see `packedOnDisk`): the entry's last `length` bytes. */
  bytesAt(key: string, offset: number, length: number): Buffer {
    const place = this.packPlace(key);
    if (place) {
      if (place.length !== offset + length) throw new Error(`the cache entry is now ${place.length} bytes, not ${offset + length}`);
      return place.pack.view(place.offset + offset, length);
    }
    const entry = readFileSync(this.entryFile(key));
    if (entry.length !== offset + length) throw new Error(`the cache entry is now ${entry.length} bytes, not ${offset + length}`);
    return entry.subarray(offset);
  }

  private entryFile(key: string): string {
    return path.join(this.folder, key.slice(0, 2), `${key}.json`);
  }

  /**
   * The cache folder is a real folder (made, with its .gitignore, when `forWriting`). Checked once
   * a run for reading and once for writing, not once a file; synchronously, as the cache reads and
   * writes its files: a trip through libuv's thread pool waits behind whatever else has the two
   * cores (on the run after one file changed, V8 compiling the parser's WebAssembly kept such a
   * check waiting 60 to 180 ms while the main thread had nothing else to do).
   */
  usable(forWriting: boolean): Promise<boolean> {
    if (!forWriting) {
      this.readable ??= Promise.resolve(this.checkFolder(false));
      return this.readable;
    }
    if (!this.prepared) {
      const usable = this.checkFolder(true);
      // Marked as used (its modification time stops moving once its 256 subfolders exist): see `pruneStale`.
      if (usable) {
        try {
          utimesSync(this.folder, new Date(), new Date());
        } catch {
          // Not there yet (made with the first entry), or not ours to mark.
        }
      }
      this.prepared = Promise.resolve(usable);
    }
    return this.prepared;
  }

  /** The name of this run's summaries folder in the cache folder. */
  get folderName(): string {
    return path.basename(this.folder);
  }

  /**
   * Removes what the cache folder holds for other versions of importleak, or other targets, that no
   * run has used for a week: their summaries folders (`<analyzer>-<target>`), their run records
   * (`runs-<code>`) and their kept code hashes (`code-<hash>`), so that upgrading importleak, or a
   * cache that CI restores and saves again, does not keep every version's entries for ever. Only
   * those names, and only real folders and files (a symbolic link is left alone); `keep` names those
   * this run uses, kept whatever their age. Done by runs that wrote to the cache; a failure is ignored.
   */
  async pruneStale(keep: readonly string[], now = Date.now()): Promise<void> {
    if (!(await this.usable(true))) return;
    const kept = new Set([this.folderName, ...keep]);
    let names: string[];
    try {
      names = readdirSync(this.root);
    } catch {
      return;
    }
    await Promise.all(
      names.map(async (name) => {
        const folder = STALE_FOLDER.test(name);
        if (kept.has(name) || (!folder && !STALE_FILE.test(name))) return;
        const entry = path.join(this.root, name);
        try {
          const stat = lstatSync(entry);
          if (now - stat.mtimeMs < STALE_AFTER_MS || (folder ? !stat.isDirectory() : !stat.isFile())) return;
          await fs.rm(entry, { recursive: true, force: true });
        } catch {
          // Gone already (another run pruned it), or not ours to remove: left as it is.
        }
      }),
    );
  }

  private checkFolder(create: boolean): boolean {
    try {
      const stat = lstatSync(this.root);
      if (!stat.isDirectory()) {
        this.problem ??= `not using the cache: ${this.root} is ${stat.isSymbolicLink() ? 'a symbolic link' : 'not a folder'}`;
        return false;
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return false;
      if (!create) return false;
      try {
        mkdirSync(this.root, { recursive: true });
      } catch (made) {
        this.problem ??= `cannot create the cache folder ${this.root}: ${(made as Error).message}`;
        return false;
      }
    }
    if (create) {
      writeIfMissing(path.join(this.root, '.gitignore'), '# Made by importleak: its cache, never committed.\n*\n');
      writeIfMissing(path.join(this.root, 'CACHEDIR.TAG'), 'Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by importleak.\n');
    }
    return true;
  }
}

/** The packs of a summaries folder as this process knows them: their indexes, read once, and the entries it wrote into packs. */
interface PacksKnown {
  indexes?: PackIndex[];
  own: Map<string, PackPlace>;
}

const PACKS_KNOWN = new Map<string, PacksKnown>();

/** Entry files a run writes before it writes the rest of its entries into a pack (see cachePack.ts). */
export const PACK_AFTER = 100;

/** A week: what another version's part of the cache is kept unused (see `pruneStale`). */
const STALE_AFTER_MS = 7 * 24 * 60 * 60 * 1000;
/** The folders the cache folder holds: a summaries folder, `<analyzer>-<target>`, and a run records folder. */
const STALE_FOLDER = /^(?:[0-9a-f]{12}-[0-9a-f]{8}|runs-[0-9a-f]{12})$/;
/** The files it holds: a kept code hash (see `keptCodeDigest`). */
const STALE_FILE = /^code-[0-9a-f]{16}(?:[0-9a-f]{16})?$/;

/**
 * Creates `file` with `data` (given whole, or as a function giving it in pieces); fails (EEXIST)
 * when it is there. The folder of `inFolderOf` is made only when it is missing: once a folder, not
 * once an entry.
 */
function createFile(file: string, data: string | Uint8Array | (() => Iterable<string>), inFolderOf: string): void {
  const write = (): void => {
    if (typeof data !== 'function') return writeFileSync(file, data, { flag: 'wx' });
    const fd = openSync(file, 'wx');
    try {
      for (const piece of data()) {
        const bytes = Buffer.from(piece);
        for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
      }
    } finally {
      closeSync(fd);
    }
  };
  try {
    write();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(path.dirname(inFolderOf), { recursive: true });
    write();
  }
}

function writeIfMissing(file: string, text: string): void {
  try {
    writeFileSync(file, text, { flag: 'wx' });
  } catch {
    // There already (or not ours to write): the folder is used as it is.
  }
}

function hash(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Which analyzer made an entry: the hash of the code that makes summaries, so a new version, or a
 * rebuilt one, never reads another's entries. That code is the folder of this module's sibling
 * `extract/` (dist/extract, src/extract under vitest), or this module's own folder in the Action's
 * bundle, where everything is in one file beside it.
 */
let analyzerIdKnown: string | undefined;

/** The analyzer's id, kept in the cache's root `root` (see `keptCodeDigest`). */
function analyzerId(root: string): string {
  if (analyzerIdKnown === undefined) {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const pattern = /\.(m?js|ts)$/;
    const extract = path.join(here, 'extract');
    const folder = codeFiles(extract, pattern, false).length ? extract : here;
    analyzerIdKnown = keptCodeDigest(root, [folder], folder, pattern, false);
  }
  return analyzerIdKnown;
}
