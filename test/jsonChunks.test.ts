import { describe, expect, it } from 'vitest';
import { jsonChunks } from '../src/jsonChunks.js';

/**
 * The run record is written in pieces (src/jsonChunks.ts): joined, they must be what
 * JSON.stringify writes, since the next run reads the record back with JSON.parse and compares it.
 */
describe('jsonChunks', () => {
  const record = {
    format: 2,
    discovery: JSON.stringify([['a.py', 'b/c.py'], []]),
    watch: { folders: [['', '1 2 3'], ['b', '4 5 6']], looks: [], complete: true },
    files: Array.from({ length: 5000 }, (_, i) => [`pkg/m${i}.py`, 'k'.repeat(64), 'd'.repeat(64), `${i} 1700000000`]),
    inputs: [{ kind: 'deployment-files', root: '/x', searchIn: [''], followExternalLinks: false, value: '[]', watch: { folders: [], looks: [['stat', 'Procfile', 'absent']], complete: true } }],
    skipped: undefined,
    handler: () => 1,
    output: { stdout: 'é "quoted" \u2028 \ud800 lone surrogate\n', stderr: '', exitCode: 1, outputFile: undefined },
    nested: [[1, [2, [3, null]]], {}, [], { a: undefined, b: [undefined, () => 0] }],
    when: new Date(0),
  };

  it('joined, is JSON.stringify of the value, character for character', () => {
    expect([...jsonChunks(record)].join('')).toBe(JSON.stringify(record));
    for (const value of [[], {}, [[]], [{}], { a: [] }, [1, 'two', null, true], { deep: { deeper: { deepest: [0] } } }]) {
      expect([...jsonChunks(value)].join('')).toBe(JSON.stringify(value));
    }
  });

  it('comes in pieces of about the size asked for, not as one string', () => {
    const pieces = [...jsonChunks(record, 4096)];
    expect(pieces.length).toBeGreaterThan(JSON.stringify(record).length / 8192);
    // A piece ends once it holds the size; the item that took it over is at most a file's fingerprint.
    for (const piece of pieces) expect(piece.length).toBeLessThan(4096 + 300);
  });
});
