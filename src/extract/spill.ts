import { closeSync, mkdtempSync, openSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readAt } from '../files.js';
import { putAside, type PackedStore } from './packed.js';
import type { ModuleSummary } from './summary.js';

/*
 * Without a cache (`--no-cache`, or a cache folder that cannot be written), the packed calls in
 * function bodies of each summary (see packed.ts) would stay in memory for the whole run: 40 MB on
 * 20,000 generated modules, 220 MB on 100,000. They are put aside in one temporary file of the
 * process instead, and read back from it for the few modules whose bodies the analysis reads.
 *
 * The file is removed as soon as it is open: the system keeps it while the process holds it, and
 * nothing is left behind, even when the process is killed. Where an open file cannot be removed
 * (Windows), it is removed at exit. Where no temporary file can be made or written (a full or
 * read-only temporary folder), the bytes stay in memory, as they did before.
 */

class SpillFile implements PackedStore {
  private size = 0;
  private broken = false;

  constructor(private readonly fd: number) {}

  /** Puts the packed bytes `summary` holds in memory, if any, at the end of the file. */
  put(summary: ModuleSummary): void {
    if (this.broken) return;
    putAside(summary, (text) => {
      const bytes = Buffer.from(text, 'latin1');
      try {
        let written = 0;
        while (written < bytes.length) written += writeSync(this.fd, bytes, written, bytes.length - written, this.size + written);
      } catch {
        // Full, most likely: what is not put aside stays in memory.
        this.broken = true;
        return undefined;
      }
      const place = { store: this, key: '', offset: this.size, length: bytes.length };
      this.size += bytes.length;
      return place;
    });
  }

  bytesAt(_key: string, offset: number, length: number): Buffer {
    const bytes = Buffer.allocUnsafe(length);
    const read = readAt(this.fd, bytes, length, offset);
    if (read < length) throw new Error(`the temporary file holding them ends at ${offset + read} bytes, not ${offset + length}`);
    return bytes;
  }
}

/** undefined: not tried yet; null: none could be made. */
let spill: SpillFile | null | undefined;

/**
 * Puts the packed bytes `summary` holds in memory in the process's spill file (made the first time);
 * leaves them where none can be made.
 */
export function spillPacked(summary: ModuleSummary): void {
  if (spill === undefined) spill = openSpill();
  spill?.put(summary);
}

function openSpill(): SpillFile | null {
  let folder: string | undefined;
  try {
    folder = mkdtempSync(path.join(tmpdir(), 'importleak-'));
    const file = path.join(folder, 'packed-calls');
    const fd = openSync(file, 'w+', 0o600);
    try {
      unlinkSync(file);
      rmSync(folder, { recursive: true, force: true });
    } catch {
      // Windows: an open file stays until it is closed.
      const left = folder;
      process.once('exit', () => {
        try {
          closeSync(fd);
        } catch {
          // Closed already.
        }
        rmSync(left, { recursive: true, force: true });
      });
    }
    return new SpillFile(fd);
  } catch {
    if (folder) rmSync(folder, { recursive: true, force: true });
    return null;
  }
}
