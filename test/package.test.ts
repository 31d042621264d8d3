import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, PROJECT, scratchFolder } from './support.js';

/**
 * What a user does: `npm pack` (which builds, through `prepack`), then in an empty folder
 * `npm init -y` and `npm install <the tarball>`, then `npx importleak check .` or
 * `node_modules/.bin/importleak`, on Node 20, 22 and 24 (test/setup-node.sh puts Node 22 and 24 in
 * .node-versions/; `npm test` runs it). pre-commit's node hooks do the same: `npm install` and
 * `npm pack` in the hook's repository, then install the tarball.
 *
 * `npm pack` runs in a copy of the sources (with the project's node_modules linked in), so the
 * build it triggers never rewrites the action-dist/ other tests are running, and the copy has no
 * action-dist/: the tarball's bundle can only come from `prepack`. Installing needs the npm registry.
 */
const VERSION = (JSON.parse(readFileSync(path.join(PROJECT, 'package.json'), 'utf8')) as { version: string }).version;
/** Node 22 and 24 come from test/setup-node.sh, for linux-x64 only; elsewhere only this node runs. */
const NODES: Array<{ name: string; bin: string }> = [
  { name: `this node (${process.version})`, bin: path.dirname(process.execPath) },
  ...(process.platform === 'linux' && process.arch === 'x64' ? ['22', '24'] : []).map((major) => ({ name: `node ${major}`, bin: path.join(PROJECT, '.node-versions', major, 'bin') })),
];

let work: string;
let tarball: string;
let packOutput: string;
let user: string;
let installOutput: string;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment of a shell outside npm: none of the npm_* variables `npm test` sets, the given node first on the PATH. */
function env(nodeBin = path.dirname(process.execPath)): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  return { ...clean, PATH: [nodeBin, clean.PATH ?? ''].join(path.delimiter), npm_config_update_notifier: 'false', npm_config_audit: 'false', npm_config_fund: 'false' };
}

function sh(command: string, args: string[], cwd: string, nodeBin?: string): Run {
  const run = spawnSync(command, args, { cwd, env: env(nodeBin), encoding: 'utf8', timeout: 300_000 });
  if (run.error) throw run.error;
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

function requireNode(bin: string): void {
  if (!existsSync(path.join(bin, 'node'))) throw new Error(`${bin}/node is missing: run \`bash test/setup-node.sh\` (npm test runs it first)`);
}

function mustSucceed(what: string, run: Run): Run {
  if (run.code !== 0) throw new Error(`${what} exited ${run.code}:\n${run.stdout}\n${run.stderr}`);
  return run;
}

beforeAll(() => {
  work = scratchFolder('importleak-package-');

  // The sources `npm pack` reads: package.json, src/ and the build script to build, and what `files` ships but action-dist/.
  const source = path.join(work, 'source');
  mkdirSync(source);
  const pkg = JSON.parse(readFileSync(path.join(PROJECT, 'package.json'), 'utf8')) as { files: string[] };
  const readmes = readdirSync(PROJECT).filter((name) => /^(readme|licen[sc]e)/i.test(name));
  for (const name of ['package.json', 'package-lock.json', 'tsconfig.json', 'src', 'scripts', ...pkg.files.filter((f) => f !== 'action-dist'), ...readmes]) {
    if (existsSync(path.join(PROJECT, name))) cpSync(path.join(PROJECT, name), path.join(source, name), { recursive: true });
  }
  symlinkSync(path.join(PROJECT, 'node_modules'), path.join(source, 'node_modules'));
  const packs = path.join(work, 'packs');
  mkdirSync(packs);
  const pack = mustSucceed('npm pack', sh('npm', ['pack', '--pack-destination', packs], source));
  packOutput = pack.stdout + pack.stderr;
  tarball = path.join(packs, pack.stdout.trim().split('\n').pop()!);

  // An empty folder, a project to check in it, and the install.
  user = path.join(work, 'user');
  mkdirSync(user);
  cpSync(path.join(FIXTURES, 'movie_lottery'), path.join(user, 'movie_lottery'), { recursive: true });
  mustSucceed('npm init -y', sh('npm', ['init', '-y'], user));
  const install = mustSucceed('npm install', sh('npm', ['install', tarball], user));
  installOutput = install.stdout + install.stderr;
}, 600_000);

describe('npm pack', () => {
  it('bundles the command through prepack and ships the bundle, grammar/ and rules/, not the sources', () => {
    expect(packOutput).toContain('> importleak@');
    expect(packOutput).toMatch(/> importleak@[\d.]+ build:action\n> node scripts\/build-action\.mjs/);
    const listing = mustSucceed('tar', sh('tar', ['tzf', tarball], work)).stdout.split('\n');
    for (const file of ['package/package.json', 'package/action-dist/importleak.cjs', 'package/action-dist/cli-main.mjs', 'package/action-dist/worker.mjs', 'package/action-dist/tree-sitter-python.wasm', 'package/action-dist/tree-sitter.wasm', 'package/action-dist/THIRD-PARTY-LICENSES.md', 'package/grammar/LICENSE', 'package/grammar/README.md', 'package/rules/IL001.md']) {
      expect(listing).toContain(file);
    }
    expect(listing.filter((file) => file.startsWith('package/src/') || file.startsWith('package/dist/') || file.startsWith('package/test/') || file.endsWith('.map'))).toEqual([]);
  });
});

describe('npm install of the tarball in an empty folder', () => {
  it('prints no warning about install scripts', () => {
    expect(installOutput).toMatch(/added \d+ packages?/);
    expect(installOutput).not.toMatch(/install.?script|node-gyp|allowScripts/i);
  });

  it('installs importleak alone: its dependencies are in its bundle, so no other package, install script or native binding comes with it', () => {
    const modules = path.join(user, 'node_modules');
    const folders = readdirSync(modules).filter((name) => !name.startsWith('.'));
    expect(folders).toEqual(['importleak']);
    const manifest = JSON.parse(readFileSync(path.join(modules, 'importleak', 'package.json'), 'utf8')) as { scripts?: Record<string, string>; dependencies?: object };
    expect(manifest.dependencies).toBeUndefined();
    expect(Object.keys(manifest.scripts ?? {}).filter((name) => /install/.test(name))).toEqual([]);
  });


  for (const node of NODES) {
    describe(`then, with ${node.name} first on the PATH`, () => {
      it('node_modules/.bin/importleak --version prints the version', () => {
        requireNode(node.bin);
        const major = sh('node', ['-p', 'process.versions.node'], user, node.bin).stdout.trim();
        if (node.name.startsWith('node ')) expect(major.split('.')[0]).toBe(node.name.slice('node '.length));
        // Runs the link itself: its `#!/usr/bin/env node` finds this node.
        expect(sh(path.join(user, 'node_modules', '.bin', 'importleak'), ['--version'], user, node.bin)).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
      });

      it('parses on worker threads from the installed bundle, with nothing left out', () => {
        requireNode(node.bin);
        const project = path.join(user, 'many');
        if (!existsSync(project)) {
          mkdirSync(project);
          // Function bodies too: their calls are packed by the workers and sent back to the main thread.
          for (let i = 0; i < 120; i++) writeFileSync(path.join(project, `m${i}.py`), `import os\n\nVALUE_${i} = os.environ.get("V${i}")\n\n\ndef handler(request):\n    return request.get("k${i}")\n`);
        }
        // Two threads whatever the machine has (one core starts none).
        const run = spawnSync(path.join(user, 'node_modules', '.bin', 'importleak'), ['check', '--stats', '--no-cache', '--format', 'json', 'many'], { cwd: user, env: { ...env(node.bin), IMPORTLEAK_THREADS: '2' }, encoding: 'utf8' });
        expect(run.stderr).toMatch(/^importleak stats \(120 parsed, 0 from the cache, 2 worker threads\):$/m);
        expect(JSON.parse(run.stdout).problems).toEqual([]);
        expect(run.status).toBe(0);
      });

      it('runs a command line again from its last run without loading the analyzer (the quick replay: CommonJS, importing the rest when needed)', () => {
        requireNode(node.bin);
        const bin = path.join(user, 'node_modules', '.bin', 'importleak');
        const args = ['check', '--stats', '--format', 'json', 'movie_lottery'];
        // The first run (with the first node, the one that makes the cache folder in the folder it
        // had listed) and a run two seconds on, which lists it again: then the quick replay.
        const first = sh(bin, args, user, node.bin);
        spawnSync('sleep', ['2.2']);
        sh(bin, args, user, node.bin);
        const again = sh(bin, args, user, node.bin);
        expect(again.stderr).toMatch(/^importleak stats \(the output of the last run, whose inputs are unchanged; the analyzer not loaded\):$/m);
        expect(again.stdout).toBe(first.stdout);
        expect(again.code).toBe(1);
      });

      it('npx importleak check movie_lottery exits 1 with the finding', () => {
        requireNode(node.bin);
        const run = sh('npx', ['importleak', 'check', 'movie_lottery'], user, node.bin);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(1);
        expect(run.stdout).toContain('IL001 [error]');
        expect(run.stdout).toContain('movie_lottery/movie_lottery/utils/magnet_search.py:11:20');
        // npx runs the command with the node first on the PATH.
        const version = sh('npx', ['-c', 'node -p process.version'], user, node.bin).stdout.trim();
        expect(version).toBe(sh(path.join(node.bin, 'node'), ['-p', 'process.version'], user).stdout.trim());
      });
    });
  }

  it('npx importleak check . from inside the project (npx finds the bin in the folder above)', () => {
    const run = sh('npx', ['importleak', 'check', '.'], path.join(user, 'movie_lottery'));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('movie_lottery/utils/magnet_search.py:11:20: IL001 [error]');
  });
});

describe('npm install --global of the tarball', () => {
  it('gives a bin/importleak that runs', () => {
    const prefix = path.join(work, 'global');
    mustSucceed('npm install --global', sh('npm', ['install', '--global', '--prefix', prefix, tarball], work));
    expect(sh(path.join(prefix, 'bin', 'importleak'), ['--version'], work)).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    const run = sh(path.join(prefix, 'bin', 'importleak'), ['check', 'movie_lottery'], user);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('magnet_search.py');
  });
});
