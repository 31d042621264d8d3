import type { RecordFile } from './quickReplay.js';

/**
 * What the quick replay (quickReplay.ts) learned before it handed over to the full CLI in the same
 * process: the run record it read and parsed, the folders of its watches it found unchanged, and
 * which of its Python files have the stat data the record keeps. The full CLI's check of the same
 * record (replay.ts `stillHolds`) starts from it instead of reading the record and looking at
 * every file again: on 20,000 modules, a third of a second of the run after one file changed.
 *
 * The quick replay is bundled apart from the CLI (scripts/build-action.mjs), so the two do not share
 * a module's state: the handoff is kept on `globalThis`, under a registered symbol, and taken once.
 */
export interface QuickHandoff {
  /** The run record's file. */
  file: string;
  read: RecordFile;
  /** `${folder}\0${signature}` of the folders found unchanged (see watch.ts `watchHolds`). */
  confirmed: Set<string>;
  /** By the record's file order: 1 where the file's stat data is the record's. */
  matched?: Uint8Array;
  /** A folder listed again had new stat data, now noted in the record's watch (see `watchHolds`): the record is worth keeping again. */
  renewed?: boolean;
}

const KEY = Symbol.for('importleak.quick-replay-handoff');

export function leaveHandoff(handoff: QuickHandoff): void {
  (globalThis as Record<symbol, unknown>)[KEY] = handoff;
}

/** The handoff of the record file `file`, taken (once); undefined when there is none, or it is of another record. */
export function takeHandoff(file: string): QuickHandoff | undefined {
  const store = globalThis as Record<symbol, unknown>;
  const handoff = store[KEY] as QuickHandoff | undefined;
  delete store[KEY];
  return handoff?.file === file ? handoff : undefined;
}
