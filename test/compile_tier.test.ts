import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { laterTurbofan, liftoffOnly, MIN_FILES_FOR_THREADS, waitsForSecondTier, withoutInlining } from '../src/extract/compileTier.js';
import { PROJECT } from './support.js';

// How V8 compiles the parser's WebAssembly (src/extract/compileTier.ts): by Liftoff alone when, on
// Node 20 or 22, this thread is about to parse fewer files than make worker threads worth starting.
// What each choice costs is measured by `npm run bench`, not here.
describe('the compile tier of the parser', () => {
  it('is Liftoff alone for a few files on Node 20 and 22', () => {
    expect(liftoffOnly(0, 20)).toBe(true);
    expect(liftoffOnly(1, 20)).toBe(true);
    expect(liftoffOnly(MIN_FILES_FOR_THREADS - 1, 22)).toBe(true);
  });

  it('is V8\'s default from as many files as start worker threads, and on Node 24, which does not wait for the second compilation', () => {
    expect(liftoffOnly(MIN_FILES_FOR_THREADS, 20)).toBe(false);
    expect(liftoffOnly(Infinity, 22)).toBe(false);
    expect(liftoffOnly(1, 24)).toBe(false);
    expect(liftoffOnly(1, 25)).toBe(false);
  });

  it('optimises without inlining from as many files as start worker threads, on every Node', () => {
    expect(withoutInlining(MIN_FILES_FOR_THREADS - 1)).toBe(false);
    expect(withoutInlining(MIN_FILES_FOR_THREADS)).toBe(true);
    expect(withoutInlining(Infinity)).toBe(true);
  });

  it('has the analyzer loaded before a parse only where the parse would hold the loading up: many files on Node 20 and 22', () => {
    expect(waitsForSecondTier(1, 20)).toBe(false);
    expect(waitsForSecondTier(MIN_FILES_FOR_THREADS - 1, 22)).toBe(false);
    expect(waitsForSecondTier(MIN_FILES_FOR_THREADS, 20)).toBe(true);
    expect(waitsForSecondTier(MIN_FILES_FOR_THREADS, 22)).toBe(true);
    expect(waitsForSecondTier(Infinity, 24)).toBe(false);
  });

  it('has TurboFan wait longer, by the counter each V8 keeps', () => {
    expect(laterTurbofan(20)).toBe('--interrupt-budget=1000000');
    expect(laterTurbofan(22)).toBe('--invocation-count-for-turbofan=30000');
    expect(laterTurbofan(24)).toBe('--invocation-count-for-turbofan=30000');
  });

  // Each Node users run (the ones test/setup-node.sh installs, besides this one): the flags differ
  // by V8, and V8 prints an unknown flag to stderr: none there means that Node took every flag.
  const nodes = [
    process.execPath,
    ...(process.platform === 'linux' && process.arch === 'x64' ? ['22', '24'] : []).map((major) => path.join(PROJECT, '.node-versions', major, 'bin', 'node')),
  ];
  it.each(nodes.flatMap((node) => [1, MIN_FILES_FOR_THREADS].map((files) => [files, node] as const)))('is a flag the Node accepts, given before the parser is made, and the parse is the same (%i files, %s)', (files, node) => {
    // A child process: V8's flags hold for the whole process, and this one has made its parser.
    const built = (module: string): string => JSON.stringify(pathToFileURL(path.join(PROJECT, 'dist', 'extract', module)).href);
    const script = [
      `const { expectParses } = await import(${built('compileTier.js')});`,
      `expectParses(${files});`,
      `const { summariseBytes } = await import(${built('fileSummary.js')});`,
      "const { summary } = await summariseBytes('m.py', Buffer.from('import os\\nfrom concurrent.futures import ThreadPoolExecutor\\npool = ThreadPoolExecutor(4)\\n'), { version: [3, 11], platform: 'linux' });",
      'console.log(JSON.stringify([summary.imports.map((i) => i.module), summary.calls.map((c) => c.callee)]));',
    ].join('\n');
    const run = spawnSync(node, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([['os', 'concurrent.futures'], ['concurrent.futures.ThreadPoolExecutor']]);
  });
});
