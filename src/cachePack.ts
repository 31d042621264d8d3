import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { readAt } from './files.js';

/*
 * Packs: many cache entries in one file. A run that stores many entries (a cold run, a branch
 * switched) writes them one after the other into one file, with an index of where each is at its
 * end, instead of creating a file for each: creating a file costs the kernel far more than writing
 * its bytes (20,000 generated modules: about a second and a half of a 25-second cold run). A later
 * run opens the cache's packs once, reads their indexes, and reads each entry it needs with one
 * positioned read, where an entry file costs an open, a stat, a read and a close.
 *
 * A pack is written under a temporary name and renamed when whole, so a pack under its final name
 * is complete; packs are never changed after. Its end is a fixed-length trailer saying where its
 * index is; a pack whose trailer or index does not read back is removed, as is a pack holding an
 * entry that does not read back (its files are parsed again by the next run). A cache keeps its
 * MAX_PACKS newest packs: what an older one held is parsed again when next needed.
 */

/** The packs a cache keeps, the newest; older ones are removed by the run that writes a new one. */
export const MAX_PACKS = 8;

/** A temporary pack older than this was left by a run that was killed: removed. */
const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000;

const PACK_NAME = /^\d{13}-\d+-[0-9a-f]{8}\.pack$/;
const TEMPORARY_NAME = /^\d{13}-\d+-[0-9a-f]{8}\.pack\.tmp$/;
/**
 * `importleak-pack 2 <index offset> <entries>\n`, the numbers as 12 hex digits: 44 bytes. The index
 * is the keys, sorted, then the offsets of their entries, then their lengths (each a float64, little-endian).
 */
const TRAILER = /^importleak-pack 2 ([0-9a-f]{12}) ([0-9a-f]{12})\n$/;
const TRAILER_LENGTH = 44;
/** Cache keys are SHA-256 hashes in hex. */
const KEY_LENGTH = 64;

/** One pack file, open for the run: its entries are read through this descriptor, even once it is renamed or removed. */
export class Pack {
  private gone = false;
  /** Called before each read: a pack being written writes what it holds back first. */
  beforeRead: (() => void) | undefined;

  constructor(
    /** Its path (the final one, once a written pack is renamed). */
    public file: string,
    readonly fd: number,
  ) {}

  /** `length` bytes at `offset`, in a buffer of their own; throws when the file ends before. */
  read(offset: number, length: number): Buffer {
    const into = Buffer.allocUnsafeSlow(length);
    this.fill(into, offset, length);
    return into;
  }

  /**
   * `length` bytes at `offset`, in a buffer shared by all packs: valid until the next `view`. An
   * entry is revived (or its packed calls inflated) the moment it is read, and never kept, so a
   * run reading 100,000 entries does not leave as many buffers to the collector.
   */
  view(offset: number, length: number): Buffer {
    if (window.pack === this && offset >= window.start && offset + length <= window.end) return window.bytes.subarray(offset - window.start, offset - window.start + length);
    if (length > WINDOW_BYTES) {
      if (length > scratch.length) scratch = Buffer.allocUnsafeSlow(Math.max(length, 2 * scratch.length));
      this.fill(scratch, offset, length);
      return scratch.subarray(0, length);
    }
    // Read ahead: a run reads most entries in about the order they were written, and each read is a
    // system call (on 20,000 entries, half a second of one at a time). The pack never changes
    // where it is written, so what was read stays true; a pack still being written holds less.
    window.pack = undefined;
    const read = this.fill(window.bytes, offset, length, WINDOW_BYTES);
    window.pack = this;
    window.start = offset;
    window.end = offset + read;
    return window.bytes.subarray(0, length);
  }

  /** Reads up to `ahead` bytes at `offset` into `into`; how many it read. Throws when the file ends before `length` bytes. */
  private fill(into: Buffer, offset: number, length: number, ahead = length): number {
    this.beforeRead?.();
    const read = readAt(this.fd, into, ahead, offset);
    if (read < length) throw new Error(`the cache pack ${path.basename(this.file)} ends at ${offset + read} bytes, not ${offset + length}`);
    return read;
  }

  /** Removes the file (once): an entry of it did not read back. Those of it read already keep reading through the descriptor. */
  remove(): void {
    if (this.gone) return;
    this.gone = true;
    try {
      rmSync(this.file, { force: true });
    } catch {
      // Not removable here (an open file on Windows): pruned later, as an old pack.
    }
  }
}

/** What `Pack.view` reads an entry larger than a window into. */
let scratch = Buffer.allocUnsafeSlow(64 * 1024);

/** How much `Pack.view` reads at once: a few hundred entries. */
const WINDOW_BYTES = 512 * 1024;

/** The bytes `Pack.view` read last, from `start` to `end` of `pack`: views are taken from them while they hold the range asked for. */
const window: { pack: Pack | undefined; start: number; end: number; bytes: Buffer } = { pack: undefined, start: 0, end: 0, bytes: Buffer.allocUnsafeSlow(WINDOW_BYTES) };

/** Forgets what was read ahead: for a test that changes a pack in place, which no run does. */
export function forgetReadAhead(): void {
  window.pack = undefined;
}

/** Where an entry lies: in which pack, at which offset, how long. */
export interface PackPlace {
  pack: Pack;
  offset: number;
  length: number;
}

/**
 * A pack's index: its keys in order, as the pack holds them, and where each entry is. Searched, not
 * made into a map: 100,000 entries as map entries cost 20 MB of heap, as this 9 MB of one buffer.
 */
export class PackIndex {
  constructor(
    readonly pack: Pack,
    /** The keys, sorted, each KEY_LENGTH bytes of ASCII. */
    private readonly keys: Buffer,
    private readonly offsets: Float64Array,
    private readonly lengths: Float64Array,
  ) {}

  find(key: string): PackPlace | undefined {
    let low = 0;
    let high = this.offsets.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const order = compareKeyAt(this.keys, middle, key);
      if (order === 0) return { pack: this.pack, offset: this.offsets[middle]!, length: this.lengths[middle]! };
      if (order < 0) low = middle + 1;
      else high = middle - 1;
    }
    return undefined;
  }
}

/** The key at `index` of `keys` against `key`: negative, zero or positive, as string comparison orders them. */
function compareKeyAt(keys: Buffer, index: number, key: string): number {
  const start = index * KEY_LENGTH;
  for (let i = 0; i < KEY_LENGTH; i++) {
    const difference = keys[start + i]! - key.charCodeAt(i);
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * The indexes of the packs in `folder`, the newest first. A pack that does not read back is
 * removed; a temporary pack a killed run left a day ago too.
 */
export function openPacks(folder: string, now = Date.now()): PackIndex[] {
  const indexes: PackIndex[] = [];
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return indexes;
  }
  for (const name of names.sort().reverse()) {
    const file = path.join(folder, name);
    if (TEMPORARY_NAME.test(name)) {
      try {
        if (now - lstatSync(file).mtimeMs > ABANDONED_AFTER_MS) rmSync(file, { force: true });
      } catch {
        // Gone already, or not ours to remove.
      }
      continue;
    }
    if (!PACK_NAME.test(name)) continue;
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch {
      continue;
    }
    const pack = new Pack(file, fd);
    try {
      indexes.push(indexOf(pack, fstatSync(fd)));
    } catch {
      closeSync(fd);
      pack.remove();
    }
  }
  return indexes;
}

/** A pack's index, read and checked against its size; throws when it is not a pack. */
function indexOf(pack: Pack, stat: { size: number; isFile(): boolean }): PackIndex {
  if (!stat.isFile() || stat.size < TRAILER_LENGTH) throw new Error('not a pack');
  const trailer = TRAILER.exec(pack.read(stat.size - TRAILER_LENGTH, TRAILER_LENGTH).toString('latin1'));
  if (!trailer) throw new Error('no pack trailer');
  const start = parseInt(trailer[1]!, 16);
  const count = parseInt(trailer[2]!, 16);
  if (start + count * INDEX_BYTES_AN_ENTRY + TRAILER_LENGTH !== stat.size) throw new Error('the pack index is out of place');
  const index = pack.read(start, count * INDEX_BYTES_AN_ENTRY);
  const keys = index.subarray(0, count * KEY_LENGTH);
  const offsets = new Float64Array(count);
  const lengths = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const offset = index.readDoubleLE(count * KEY_LENGTH + 8 * i);
    const length = index.readDoubleLE(count * (KEY_LENGTH + 8) + 8 * i);
    if (!Number.isInteger(offset) || !Number.isInteger(length) || offset < 0 || length < 0 || offset + length > start) throw new Error('a pack entry out of range');
    for (let at = i * KEY_LENGTH; at < (i + 1) * KEY_LENGTH; at++) if (!HEX_DIGIT[keys[at]!]) throw new Error('not a pack key');
    // In order, each once: what the search needs.
    if (i > 0 && keys.compare(keys, i * KEY_LENGTH, (i + 1) * KEY_LENGTH, (i - 1) * KEY_LENGTH, i * KEY_LENGTH) >= 0) throw new Error('the pack keys are out of order');
    offsets[i] = offset;
    lengths[i] = length;
  }
  return new PackIndex(pack, keys, offsets, lengths);
}

/** The bytes of the index an entry takes: its key, offset and length. */
const INDEX_BYTES_AN_ENTRY = KEY_LENGTH + 16;

/** Which bytes are lower-case hex digits (what keys are made of). */
const HEX_DIGIT = Array.from({ length: 256 }, (_, byte) => (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66));

/** A pack being written: entries appended as they come, the index and trailer written, and the file renamed, by `finish`. */
export class PackWriter {
  readonly pack: Pack;
  private readonly temporary: string;
  private readonly final: string;
  /** Where the next bytes go. */
  private end = 0;
  /** Entries appended and not yet written (see `QUEUED_BYTES`), and their length. */
  private queued: Uint8Array[] = [];
  private queuedBytes = 0;
  private keys: string[] = [];
  private at: number[] = [];

  /** Creates the temporary file in `folder` (made if missing); throws when it cannot. */
  constructor(folder: string) {
    const name = `${Date.now()}-${process.pid}-${randomBytes(4).toString('hex')}.pack`;
    this.final = path.join(folder, name);
    this.temporary = `${this.final}.tmp`;
    mkdirSync(folder, { recursive: true });
    this.pack = new Pack(this.temporary, openSync(this.temporary, 'wx+'));
    this.pack.beforeRead = () => this.flush();
  }

  /**
   * Appends an entry (`bytes` is kept until written: not to be changed after); throws when it
   * cannot be written (a full disk): the pack is then of no use.
   */
  append(key: string, bytes: Uint8Array): PackPlace {
    if (!/^[0-9a-f]{64}$/.test(key)) throw new Error(`not a cache key: ${key}`);
    const place = { pack: this.pack, offset: this.end + this.queuedBytes, length: bytes.length };
    this.queued.push(bytes);
    this.queuedBytes += bytes.length;
    if (this.queuedBytes >= QUEUED_BYTES) this.flush();
    this.keys.push(key);
    this.at.push(place.offset, place.length);
    return place;
  }

  /** Writes the index and trailer and gives the pack its final name; throws when it cannot. */
  finish(): void {
    // Sorted by key, each once (the last written of a key is its entry), for `PackIndex.find`.
    const last = new Map<string, number>();
    this.keys.forEach((key, i) => last.set(key, i));
    const order = [...last.keys()].sort();
    const count = order.length;
    const index = Buffer.alloc(count * INDEX_BYTES_AN_ENTRY);
    order.forEach((key, place) => {
      const i = last.get(key)!;
      index.write(key, place * KEY_LENGTH, 'latin1');
      index.writeDoubleLE(this.at[2 * i]!, count * KEY_LENGTH + 8 * place);
      index.writeDoubleLE(this.at[2 * i + 1]!, count * (KEY_LENGTH + 8) + 8 * place);
    });
    this.flush();
    const start = this.end;
    this.writeAll(index);
    this.writeAll(Buffer.from(`importleak-pack 2 ${hex12(start)} ${hex12(count)}\n`, 'latin1'));
    renameSync(this.temporary, this.final);
    this.pack.file = this.final;
    this.keys = [];
    this.at = [];
  }

  /** Removes the temporary file (a write failed). */
  abandon(): void {
    this.pack.remove();
  }

  /** Writes the entries appended and not yet written. */
  private flush(): void {
    if (!this.queued.length) return;
    const bytes = this.queued.length === 1 ? this.queued[0]! : Buffer.concat(this.queued, this.queuedBytes);
    this.queued = [];
    this.queuedBytes = 0;
    this.writeAll(bytes);
  }

  private writeAll(bytes: Uint8Array): void {
    for (let written = 0; written < bytes.length; ) written += writeSync(this.pack.fd, bytes, written, bytes.length - written, this.end + written);
    this.end += bytes.length;
  }
}

/**
 * What a pack being written holds before writing it: one write of many entries, not one each
 * (20,000 generated modules: 0.3 s of the main thread's time in 22,852 writes).
 */
const QUEUED_BYTES = 256 * 1024;

function hex12(value: number): string {
  return value.toString(16).padStart(12, '0');
}

/** Removes all but the `MAX_PACKS` newest packs in `folder`. A failure is ignored. */
export function prunePacks(folder: string): void {
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => PACK_NAME.test(name)).sort();
  } catch {
    return;
  }
  for (const name of names.slice(0, Math.max(0, names.length - MAX_PACKS))) {
    try {
      rmSync(path.join(folder, name), { force: true });
    } catch {
      // Another run removed it, or it is open on Windows: tried again by a later run.
    }
  }
}
