import { describe, expect, it } from 'vitest';
import { lineHashes } from '../src/report/lineHash.js';

/**
 * An independent oracle for GitHub's `primaryLocationLineHash`: the rolling form, reading one
 * character at a time and emitting a line's hash once 100 characters after its start are in.
 * Our implementation hashes each line's window directly; both must agree on every line.
 */
function rollingOracle(text: string): Map<number, string> {
  const BLOCK = 100;
  const MASK = (1n << 64n) - 1n;
  let firstMod = 1n;
  for (let i = 0; i < BLOCK; i++) firstMod = (firstMod * 37n) & MASK;
  const window = new Array<number>(BLOCK).fill(0);
  const lineAt = new Array<number>(BLOCK).fill(-1);
  const counts = new Map<string, number>();
  const out = new Map<number, string>();
  let hash = 0n;
  let index = 0;
  let line = 0;
  let lineStart = true;
  let prevCR = false;
  const emit = (): void => {
    const hex = hash.toString(16);
    const n = (counts.get(hex) ?? 0) + 1;
    counts.set(hex, n);
    out.set(lineAt[index]!, `${hex}:${n}`);
    lineAt[index] = -1;
  };
  const update = (c: number): void => {
    const old = window[index]!;
    window[index] = c;
    hash = (((37n * hash + BigInt(c) - firstMod * BigInt(old)) % (1n << 64n)) + (1n << 64n)) & MASK;
    index = (index + 1) % BLOCK;
  };
  const feed = (c: number): void => {
    if (c === 32 || c === 9 || (prevCR && c === 10)) {
      prevCR = false;
      return;
    }
    if (c === 13) {
      c = 10;
      prevCR = true;
    } else prevCR = false;
    if (lineAt[index] !== -1) emit();
    if (lineStart) {
      lineStart = false;
      line++;
      lineAt[index] = line;
    }
    if (c === 10) lineStart = true;
    update(c);
  };
  for (let i = 0; i < text.length; i++) feed(text.charCodeAt(i));
  feed(65535);
  for (let i = 0; i < BLOCK; i++) {
    if (lineAt[index] !== -1) emit();
    update(0);
  }
  return out;
}

const SAMPLES = [
  'import os\n\nPOOL = ThreadPoolExecutor(max_workers=3)\n',
  'a = 1\r\nb = 2\r\n\r\n    c = 3\n',
  'x = 1\nx = 1\nx = 1\n', // identical lines: told apart by the count
  `${'y = "' + 'é'.repeat(150) + '"\n'}${'z = 0\n'.repeat(40)}`,
  'no trailing newline',
  '\t\tindented = True\n  \n\n',
];

describe("GitHub's primaryLocationLineHash", () => {
  it.each(SAMPLES.map((s) => [JSON.stringify(s).slice(0, 40), s]))('matches the rolling definition on %s', (_, text) => {
    const oracle = rollingOracle(text);
    const lines = [...oracle.keys()].filter((l) => l >= 1);
    const ours = lineHashes(text, new Set(lines));
    for (const line of lines) expect(ours.get(line), `line ${line}`).toBe(oracle.get(line));
  });

  it('ignores indentation changes and tells repeated lines apart', () => {
    const a = lineHashes('x = 1\nPOOL = make()\n', new Set([2])).get(2);
    const b = lineHashes('x = 1\n    POOL = make()\n', new Set([2])).get(2);
    expect(a).toBe(b);
    const repeated = lineHashes('x = 1\nx = 1\n', new Set([1, 2]));
    expect(repeated.get(1)!.split(':')[1]).toBe('1');
    expect(repeated.get(2)).not.toBe(repeated.get(1));
  });
});
