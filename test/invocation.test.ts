import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { isMainModule } from '../src/mainModule.js';
import { PROJECT, scratchFolder } from './support.js';

/**
 * The built command runs however it is started: npm's bin links (node_modules/.bin/importleak, a
 * global install's bin/importleak) are symlinks to the package's bin (the bundle,
 * action-dist/importleak.cjs), Windows shims run `node <link target>`, and the README and the
 * tests run `node dist/cli.js`. Everything here runs what is built (`npm run build` first).
 */
const BIN = path.join(PROJECT, (JSON.parse(readFileSync(path.join(PROJECT, 'package.json'), 'utf8')) as { bin: { importleak: string } }).bin.importleak);
const CLI = path.join(PROJECT, 'dist', 'cli.js');
const VERSION = (JSON.parse(readFileSync(path.join(PROJECT, 'package.json'), 'utf8')) as { version: string }).version;

let links: string;

function run(args: string[], cwd = PROJECT): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  for (const file of [BIN, CLI]) if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\``);
  links = scratchFolder('importleak-links-');
  // What npm makes: node_modules/.bin/importleak -> ../importleak/action-dist/importleak.cjs; a link to a link as
  // with `npm link` (the global bin links to the global package, itself a link to the checkout).
  symlinkSync(BIN, path.join(links, 'importleak'));
  symlinkSync(path.join(links, 'importleak'), path.join(links, 'importleak-twice'));
  symlinkSync(CLI, path.join(links, 'cli-link'));
});

describe("the importleak command through a symlink to the package's bin", () => {
  it('--version prints the package version, once', () => {
    for (const link of ['importleak', 'importleak-twice']) {
      const result = run([path.join(links, link), '--version']);
      expect(result).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    }
  });

  it('check fixtures/movie_lottery exits 1 with the finding', () => {
    const result = run([path.join(links, 'importleak'), 'check', 'fixtures/movie_lottery']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('fixtures/movie_lottery/movie_lottery/utils/magnet_search.py:11:20: IL001 [error]');
    expect(result.stdout).toContain('Found 1 error (13 Python files scanned, 5 entries).');
  });

  it('a usage error exits 2', () => {
    const result = run([path.join(links, 'importleak'), 'check', '--no-such-option']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown option '--no-such-option'");
  });
});

describe('node dist/cli.js', () => {
  it('runs as `node dist/cli.js`, `node dist/cli` and through a symlink to dist/cli.js', () => {
    for (const script of [CLI, path.join('dist', 'cli.js'), path.join('dist', 'cli'), path.join(links, 'cli-link')]) {
      expect(run([script, '--version']), script).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    }
    const result = run([path.join(links, 'cli-link'), 'check', 'fixtures/movie_lottery']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('IL001 [error]');
    expect(result.stdout).toContain('magnet_search.py');
  });

  it('does nothing when another script imports it (it is not the main module then)', () => {
    const script = path.join(links, 'imports-cli.mjs');
    writeFileSync(script, `import { EXIT } from ${JSON.stringify(pathToFileURL(CLI).href)};\nprocess.stdout.write(JSON.stringify(EXIT));\n`);
    expect(run([script, '--version'])).toEqual({ code: 0, stdout: JSON.stringify({ clean: 0, findings: 1, usage: 2, incomplete: 3 }), stderr: '' });
  });
});

describe('isMainModule', () => {
  const self = pathToFileURL(CLI).href;

  it('compares real paths: the file, a symlink to it, the path without its extension', () => {
    expect(isMainModule(self, CLI)).toBe(true);
    expect(isMainModule(self, path.join(links, 'cli-link'))).toBe(true);
    expect(isMainModule(self, CLI.replace(/\.js$/, ''))).toBe(true);
    expect(isMainModule(self, path.join(PROJECT, 'dist', '..', 'dist', 'cli.js'))).toBe(true);
  });

  it('is false for another script, a missing path, and no script (node -e, the REPL)', () => {
    expect(isMainModule(self, BIN)).toBe(false);
    expect(isMainModule(self, path.join(links, 'importleak'))).toBe(false);
    expect(isMainModule(self, path.join(links, 'no-such-file.js'))).toBe(false);
    expect(isMainModule(self, undefined)).toBe(false);
  });
});
