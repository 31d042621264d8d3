import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT, scratchFolder } from './support.js';

/**
 * The Python grammar ships in grammar/ (see grammar/README.md) instead of coming from the
 * `tree-sitter-python` package at run time, whose native binding has an install script. The
 * package stays a devDependency, pinned, so this can check the shipped copy against it.
 */
const GRAMMAR = path.join(PROJECT, 'grammar');
const UPSTREAM = path.join(PROJECT, 'node_modules', 'tree-sitter-python');

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

interface PackageJson {
  files: string[];
  dependencies?: Record<string, string>;
  devDependencies: Record<string, string>;
}

describe('grammar/', () => {
  const pkg = JSON.parse(readFileSync(path.join(PROJECT, 'package.json'), 'utf8')) as PackageJson;
  const upstreamVersion = (JSON.parse(readFileSync(path.join(UPSTREAM, 'package.json'), 'utf8')) as { version: string }).version;

  it('is the tree-sitter-python devDependency’s .wasm and LICENSE, byte for byte', () => {
    expect(readFileSync(path.join(GRAMMAR, 'tree-sitter-python.wasm')).equals(readFileSync(path.join(UPSTREAM, 'tree-sitter-python.wasm')))).toBe(true);
    expect(readFileSync(path.join(GRAMMAR, 'LICENSE'), 'utf8')).toBe(readFileSync(path.join(UPSTREAM, 'LICENSE'), 'utf8'));
  });

  it('grammar/README.md gives the version and the sha256 of the shipped file', () => {
    const readme = readFileSync(path.join(GRAMMAR, 'README.md'), 'utf8');
    expect(readme).toContain(`- tree-sitter-python version: ${upstreamVersion}\n`);
    expect(readme).toContain(`- sha256 of \`tree-sitter-python.wasm\`: \`${sha256(path.join(GRAMMAR, 'tree-sitter-python.wasm'))}\`\n`);
  });

  it('package.json ships grammar/ and needs tree-sitter-python only to develop, pinned to that version', () => {
    expect(pkg.files).toContain('grammar');
    expect(pkg.dependencies ?? {}).not.toHaveProperty('tree-sitter-python');
    expect(pkg.devDependencies['tree-sitter-python']).toBe(upstreamVersion);
  });
});

describe('where the parser finds its two .wasm files', () => {
  /**
   * The Action's bundle layout: the module alone in a folder, the .wasm files beside it, no grammar/
   * two levels up. Runs dist/extract/parser.js (`npm run build` first) from a copy there, with the
   * one module it imports.
   */
  function localImports(start: string): Set<string> {
    const found = new Set<string>([start]);
    for (const name of found) {
      const text = readFileSync(path.join(PROJECT, 'dist', 'extract', name), 'utf8');
      for (const match of text.matchAll(/^import [^;]*? from '\.\/([\w.]+\.js)';/gm)) found.add(match[1]!);
    }
    return found;
  }

  function layout(files: Record<string, string | Buffer>): { code: number; stdout: string; stderr: string } {
    const root = scratchFolder('importleak-layout-');
    const folder = path.join(root, 'one', 'two');
    mkdirSync(folder, { recursive: true });
    symlinkSync(path.join(PROJECT, 'node_modules'), path.join(root, 'node_modules'));
    writeFileSync(path.join(root, 'package.json'), '{ "type": "module" }\n');
    // parser.js and the modules of its folder it imports (in the bundle, all are in the one file).
    for (const name of localImports('parser.js')) copyFileSync(path.join(PROJECT, 'dist', 'extract', name), path.join(folder, name));
    for (const [name, content] of Object.entries(files)) writeFileSync(path.join(folder, name), content);
    writeFileSync(
      path.join(folder, 'try.mjs'),
      "import { pythonParser } from './parser.js';\nconst parser = await pythonParser();\nprocess.stdout.write(parser.parse('import os\\n').rootNode.toString());\n",
    );
    const run = spawnSync(process.execPath, ['try.mjs'], { cwd: folder, encoding: 'utf8', timeout: 60_000 });
    rmSync(root, { recursive: true, force: true });
    return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
  }

  it('uses the grammar beside the module, without grammar/', () => {
    expect(existsSync(path.join(PROJECT, 'dist', 'extract', 'parser.js')), 'run `npm run build`').toBe(true);
    const run = layout({ 'tree-sitter-python.wasm': readFileSync(path.join(GRAMMAR, 'tree-sitter-python.wasm')) });
    expect(run).toMatchObject({ code: 0, stdout: '(module (import_statement name: (dotted_name (identifier))))' });
  });

  it('says where it looked when there is no grammar', () => {
    const run = layout({});
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/the Python grammar is missing: no tree-sitter-python\.wasm beside \S+\/one\/two\/parser\.js nor at \S+\/grammar\/tree-sitter-python\.wasm/);
  });

  it("takes web-tree-sitter's tree-sitter.wasm from beside the module when it is there", () => {
    const grammar = readFileSync(path.join(GRAMMAR, 'tree-sitter-python.wasm'));
    const broken = layout({ 'tree-sitter-python.wasm': grammar, 'tree-sitter.wasm': 'not WebAssembly' });
    expect(broken.code).not.toBe(0);
    expect(broken.stderr).toContain('expected magic word 00 61 73 6d');
    const copied = layout({ 'tree-sitter-python.wasm': grammar, 'tree-sitter.wasm': readFileSync(path.join(PROJECT, 'node_modules', 'web-tree-sitter', 'tree-sitter.wasm')) });
    expect(copied).toMatchObject({ code: 0, stdout: '(module (import_statement name: (dotted_name (identifier))))' });
  });
});
