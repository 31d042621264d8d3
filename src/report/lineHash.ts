/**
 * GitHub code scanning's `primaryLocationLineHash`, computed the way `upload-sarif` computes it
 * when a result has none, so that the value we supply is the one it would have computed (it warns
 * when they differ) and alerts keep their identity across runs when lines move.
 *
 * For each line: a polynomial hash (base 37, modulo 2^64) of the 100 characters that follow the
 * line's start, spaces and tabs skipped, line endings folded to '\n', the end of the file marked
 * by 65535 and then padded with zeros. Equal hashes are told apart by an occurrence count: `hex:n`.
 */
const BLOCK = 100;
const BASE = 37n;
const MASK = (1n << 64n) - 1n;
const END_OF_FILE = 65535;

export function lineHashes(text: string, wanted: ReadonlySet<number>): Map<number, string> {
  // The character stream the hash reads, and where each line starts in it.
  const stream: number[] = [];
  const lineStarts: number[] = [];
  let atLineStart = true;
  let previousWasCR = false;
  const push = (code: number): void => {
    if (code === 32 || code === 9 || (previousWasCR && code === 10)) {
      previousWasCR = false;
      return;
    }
    if (code === 13) {
      code = 10;
      previousWasCR = true;
    } else {
      previousWasCR = false;
    }
    if (atLineStart) {
      atLineStart = false;
      lineStarts.push(stream.length);
    }
    if (code === 10) atLineStart = true;
    stream.push(code);
  };
  for (let i = 0; i < text.length; i++) push(text.charCodeAt(i));
  push(END_OF_FILE);

  const powers: bigint[] = new Array(BLOCK);
  powers[BLOCK - 1] = 1n;
  for (let i = BLOCK - 2; i >= 0; i--) powers[i] = (powers[i + 1]! * BASE) & MASK;

  const counts = new Map<string, number>();
  const result = new Map<number, string>();
  // Not Math.max(...wanted): spreading 130,000 lines with findings overflows the stack.
  let last = 0;
  for (const line of wanted) if (line > last) last = line;
  for (let line = 1; line <= lineStarts.length && line <= last; line++) {
    const start = lineStarts[line - 1]!;
    let hash = 0n;
    for (let j = 0; j < BLOCK; j++) {
      const code = stream[start + j] ?? 0;
      if (code !== 0) hash = (hash + BigInt(code) * powers[j]!) & MASK;
    }
    const hex = hash.toString(16);
    const count = (counts.get(hex) ?? 0) + 1;
    counts.set(hex, count);
    if (wanted.has(line)) result.set(line, `${hex}:${count}`);
  }
  return result;
}
