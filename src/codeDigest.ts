import { lstatSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync, type Stats } from 'node:fs';
import path from 'node:path';
import { nameHash, nodeCrypto } from './digest.js';
import { statSignature } from './files.js';

/**
 * The hash of importleak's own code files below `folder` (`recursive`: in its subfolders too, but
 * node_modules) whose names match `pattern`, each named by its path relative to `base`: what the
 * cache (which analyzer made a summary) and the run records (which made an output) are keyed by.
 * Files read for one are read once for both.
 */
export function codeDigest(folders: readonly string[], base: string, pattern: RegExp, recursive: boolean): string {
  return digestOf(folders.flatMap((folder) => codeFiles(folder, pattern, recursive)), base);
}

/** The hash of `files`, each named by its path relative to `base`. */
function digestOf(files: readonly string[], base: string): string {
  const digest = nodeCrypto().createHash('sha256');
  for (const file of files) digest.update(path.relative(base, file)).update('\0').update(bytesOf(file)).update('\0');
  return digest.digest('hex');
}

/**
 * `codeDigest`, kept in the folder `keptIn` (the cache's root) with the code files' paths and stat
 * signatures it was computed for: while none of them changes, a run reads one small file instead of
 * reading and hashing the code (a tenth of a warm run on the standard library). The file is named by
 * a hash of those signatures (`nameHash`: none of node:crypto, which the quick replay does not load)
 * and taken only when it lists them. Nothing is kept while a code file changed too recently for its
 * signature to be trusted (see `statSignature`), nor where `keptIn` is not a folder (a link, or not
 * made yet).
 */
export function keptCodeDigest(keptIn: string, folders: readonly string[], base: string, pattern: RegExp, recursive: boolean): string {
  let signatures = `${JSON.stringify([base, pattern.source, recursive])}\n`;
  let trusted = true;
  const files = folders.flatMap((folder) => codeFilesWithStats(folder, pattern, recursive));
  for (const [file, stat] of files) {
    const signature = statSignature(stat);
    if (!signature) trusted = false;
    signatures += `${JSON.stringify(path.relative(base, file))} ${signature}\n`;
  }
  const computed = (): string => digestOf(files.map(([file]) => file), base);
  if (!trusted) return computed();
  const kept = path.join(keptIn, `code-${nameHash(signatures)}`);
  try {
    const text = readFileSync(kept, 'utf8');
    if (/^[0-9a-f]{64}\n/.test(text) && text.slice(65) === signatures) return text.slice(0, 64);
  } catch {
    // Not kept yet.
  }
  const digest = computed();
  const text = `${digest}\n${signatures}`;
  if (!keep(keptIn, kept, text)) unkept.set(kept, { keptIn, text });
  return digest;
}

/** Writes a kept code hash whole; false when it could not (`keptIn` not a folder, not made yet, a write error). */
function keep(keptIn: string, kept: string, text: string): boolean {
  try {
    if (!lstatSync(keptIn).isDirectory()) return false;
    const temporary = `${kept}.${process.pid}.tmp`;
    writeFileSync(temporary, text, { flag: 'wx' });
    renameSync(temporary, kept);
    return true;
  } catch {
    // Not kept: computed again next time.
    return false;
  }
}

/** The code hashes computed in this process that could not be kept when they were (see `keepCodeDigests`). */
const unkept = new Map<string, { keptIn: string; text: string }>();

/**
 * Keeps the code hashes this process computed before the cache folder was made (a first run makes
 * it after it has hashed the code): called once the run is done, so the next run, which may be the
 * quick replay's, reads the hash instead of reading and hashing the code again.
 */
export function keepCodeDigests(): void {
  for (const [kept, { keptIn, text }] of unkept) if (keep(keptIn, kept, text)) unkept.delete(kept);
}

/** The code files below `folder`, sorted by name at each level; none when it cannot be listed. */
export function codeFiles(folder: string, pattern: RegExp, recursive: boolean): string[] {
  return codeFilesWithStats(folder, pattern, recursive).map(([file]) => file);
}

function codeFilesWithStats(folder: string, pattern: RegExp, recursive: boolean): Array<[string, Stats]> {
  let names: string[];
  try {
    names = readdirSync(folder).sort();
  } catch {
    return [];
  }
  const files: Array<[string, Stats]> = [];
  for (const name of names) {
    const file = path.join(folder, name);
    let stat;
    try {
      stat = statSync(file);
    } catch {
      continue;
    }
    if (stat.isDirectory()) {
      if (recursive && name !== 'node_modules') files.push(...codeFilesWithStats(file, pattern, recursive));
    } else if (stat.isFile() && pattern.test(name)) files.push([file, stat]);
  }
  return files;
}

const read = new Map<string, Buffer>();

function bytesOf(file: string): Buffer {
  let bytes = read.get(file);
  if (!bytes) read.set(file, (bytes = readFileSync(file)));
  return bytes;
}
