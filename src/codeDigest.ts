import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The hash of importleak's own code files below `folder` (`recursive`: in its subfolders too, but
 * node_modules) whose names match `pattern`, each named by its path relative to `base`: what the
 * cache (which analyzer made a summary) and the run records (which made an output) are keyed by.
 * Files read for one are read once for both.
 */
export function codeDigest(folders: readonly string[], base: string, pattern: RegExp, recursive: boolean): string {
  const digest = createHash('sha256');
  for (const folder of folders) for (const file of codeFiles(folder, pattern, recursive)) digest.update(path.relative(base, file)).update('\0').update(bytesOf(file)).update('\0');
  return digest.digest('hex');
}

/** The code files below `folder`, sorted by name at each level; none when it cannot be listed. */
export function codeFiles(folder: string, pattern: RegExp, recursive: boolean): string[] {
  let names: string[];
  try {
    names = readdirSync(folder).sort();
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const name of names) {
    const file = path.join(folder, name);
    let stat;
    try {
      stat = statSync(file);
    } catch {
      continue;
    }
    if (stat.isDirectory()) {
      if (recursive && name !== 'node_modules') files.push(...codeFiles(file, pattern, recursive));
    } else if (stat.isFile() && pattern.test(name)) files.push(file);
  }
  return files;
}

const read = new Map<string, Buffer>();

function bytesOf(file: string): Buffer {
  let bytes = read.get(file);
  if (!bytes) read.set(file, (bytes = readFileSync(file)));
  return bytes;
}
