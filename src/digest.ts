import { builtin } from './builtin.js';

/**
 * node:crypto, loaded when first asked for (see `builtin`): loading it costs a process start a
 * tenth of its time, and the quick replay (quickReplay.ts) hashes nothing.
 */
export function nodeCrypto(): typeof import('node:crypto') {
  return (crypto ??= builtin<typeof import('node:crypto')>('node:crypto'));
}
let crypto: typeof import('node:crypto') | undefined;

/** The SHA-256 of `parts` (strings as UTF-8, one after another), in hex. */
export function sha256Hex(...parts: ReadonlyArray<string | Uint8Array>): string {
  const hash = nodeCrypto().createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}

/**
 * A 64-bit hash of `text` (two 32-bit FNV-1a hashes, from two starting values), in hex: not
 * cryptographic, only for naming files whose content says what they are for, so that a file found
 * under another text's name is told apart (see `keptCodeDigest`, `invocationFile`).
 */
export function nameHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
