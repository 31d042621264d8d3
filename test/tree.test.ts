import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import type { Node } from 'web-tree-sitter';
import { describe, expect, it } from 'vitest';
import { pythonParser } from '../src/extract/parser.js';
import { copiesFast, copyTree, type SyntaxNode } from '../src/extract/tree.js';

/**
 * The extractor reads a copy of tree-sitter's tree (src/extract/tree.ts). The copy must be the tree
 * web-tree-sitter's own nodes describe: same nodes, kinds, spans, rows and columns, fields and
 * errors. Compared on every Python file of the fixtures and a spread of the local standard library
 * (CPython's own sources: every construct of the language, and a few files with errors).
 */
const PROJECT = path.resolve(import.meta.dirname, '..');
const FIELDS = ['name', 'body', 'function', 'arguments', 'left', 'right', 'value', 'object', 'attribute', 'condition', 'consequence', 'alternative', 'module_name', 'superclasses', 'type', 'key', 'operator', 'argument', 'definition', 'parameters', 'alias', 'subscript', 'return_type', 'operators', 'subject', 'pattern', 'guard', 'left', 'expression'];

/** The first difference between the two trees, as "path: what", or undefined. */
function difference(copy: SyntaxNode, node: Node, where = 'root'): string | undefined {
  for (const key of ['type', 'startIndex', 'endIndex', 'isNamed', 'isMissing', 'isError', 'hasError', 'childCount', 'namedChildCount'] as const) {
    if (copy[key] !== node[key]) return `${where}: ${key} ${JSON.stringify(copy[key])} vs ${JSON.stringify(node[key])}`;
  }
  for (const key of ['startPosition', 'endPosition'] as const) {
    if (copy[key].row !== node[key].row || copy[key].column !== node[key].column) return `${where}: ${key} ${JSON.stringify(copy[key])} vs ${JSON.stringify(node[key])}`;
  }
  for (const field of FIELDS) {
    // tree-sitter-python's match_statement answers `alternative` with a case_clause of its body:
    // the copy does not (and nothing asks it).
    if (node.type === 'match_statement' && field === 'alternative') continue;
    const mine = copy.childForFieldName(field);
    const theirs = node.childForFieldName(field);
    if ((mine === null) !== (theirs === null) || (mine && (mine.startIndex !== theirs!.startIndex || mine.type !== theirs!.type))) return `${where}: field ${field}`;
    if (copy.childrenForFieldName(field).length !== node.childrenForFieldName(field).length) return `${where}: fields ${field}`;
  }
  const mine = copy.children;
  const theirs = node.children;
  for (let i = 0; i < mine.length; i++) {
    if (mine[i]!.parent !== copy) return `${where}/${i}: parent`;
    const found = difference(mine[i]!, theirs[i]!, `${where}/${i}`);
    if (found) return found;
  }
  return undefined;
}

function files(): string[] {
  const fixtures = fg.sync('fixtures/**/*.py', { cwd: PROJECT, absolute: true }).sort();
  const stdlib = spawnSync('python3', ['-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'], { encoding: 'utf8' }).stdout.trim();
  const library = stdlib ? fg.sync('**/*.py', { cwd: stdlib, absolute: true, ignore: ['site-packages/**'] }).sort() : [];
  // Every 40th: about a hundred files, spread over the whole library.
  return [...fixtures, ...library.filter((_, i) => i % 40 === 0)];
}

describe('the copied syntax tree', () => {
  it('is the tree web-tree-sitter describes, node for node, on the fixtures and the standard library', async () => {
    const parser = await pythonParser();
    expect(copiesFast(parser), 'the fast copy is in use (web-tree-sitter exports what it drives)').toBe(true);
    const list = files();
    expect(list.length).toBeGreaterThan(100);
    const differences: string[] = [];
    let nodes = 0;
    for (const file of list) {
      const text = readFileSync(file, 'utf8');
      const parsed = parser.parse(text)!;
      try {
        for (const publicCursor of [false, true]) {
          const copy = copyTree(parser, parsed, text, { publicCursor });
          const found = difference(copy.rootNode, parsed.rootNode);
          if (found) differences.push(`${path.relative(PROJECT, file)} (${publicCursor ? 'public cursor' : 'fast'}): ${found}`);
        }
        nodes += parsed.rootNode.descendantCount;
      } finally {
        parsed.delete();
      }
    }
    expect(differences).toEqual([]);
    expect(nodes).toBeGreaterThan(100_000);
  }, 120_000);

  it('marks errors and missing nodes, and their ancestors', async () => {
    const parser = await pythonParser();
    const text = 'def f(:\n    return (1\nx = [2\n';
    const parsed = parser.parse(text)!;
    try {
      const copy = copyTree(parser, parsed, text);
      expect(copy.rootNode.hasError).toBe(true);
      expect(difference(copy.rootNode, parsed.rootNode)).toBeUndefined();
      expect(copy.rootNode.descendantsOfType('ERROR').length + copy.rootNode.descendantsOfType('identifier').filter((n) => n.isMissing).length).toBeGreaterThan(0);
    } finally {
      parsed.delete();
    }
  });
});
