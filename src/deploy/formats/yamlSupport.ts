import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { EnvValue } from '../environment.js';
import { linesFrom, literalWord, splitCommandLine, type LineAt, type Word } from '../shellWords.js';
import type { DeployProblem } from '../types.js';

export interface YamlFile {
  doc: Document.Parsed;
  lineOf: (node: Node | null | undefined) => number;
}

/**
 * Parses YAML keeping line numbers. A syntax error becomes a problem (the first few are named) and
 * nothing is read from the file: the platform refuses it whole.
 */
export function parseYaml(file: string, text: string, problems: DeployProblem[]): YamlFile | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, merge: true, prettyErrors: false });
  for (const error of doc.errors.slice(0, 3)) {
    const line = lineCounter.linePos(error.pos[0]).line;
    // The yaml package reports its own stack overflow on deep nesting as a parse error.
    const what = /call stack/i.test(error.message) ? 'nested too deeply to read' : error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    problems.push({ file, line, message: `YAML syntax error: ${what}; nothing was read from this file` });
  }
  if (doc.errors.length > 0) return undefined;
  const expanded = expandedSize(doc.contents);
  if (expanded > MAX_YAML_EXPANDED_NODES) {
    problems.push({
      file,
      message: `YAML aliases expand this file to more than ${MAX_YAML_EXPANDED_NODES.toLocaleString('en')} values (an alias bomb, "billion laughs"); the platform's YAML reader refuses such a file, and nothing was read from it`,
    });
    return undefined;
  }
  // Each alias (`*web`) to the node its anchor (`&web`) names: see `mapEntries`.
  visit(doc, {
    Alias(_, alias) {
      const target = alias.resolve(doc);
      if (target) aliasTargets.set(alias, target);
    },
  });
  const lineOf = (node: Node | null | undefined): number => (node?.range ? lineCounter.linePos(node.range[0]).line : 1);
  return { doc, lineOf };
}

/** A YAML file whose aliases, expanded, make more values than this is refused (go-yaml, docker compose's reader, refuses far fewer). */
export const MAX_YAML_EXPANDED_NODES = 1_000_000;

/**
 * How many values the document holds with every alias replaced by what it names, counted without
 * expanding anything (each anchor's size is computed once), in one pass with a stack of its own.
 * Saturates just above the limit.
 */
function expandedSize(root: unknown): number {
  const anchors = new Map<string, number>();
  const sizes = new Map<unknown, number>();
  const cap = (n: number): number => Math.min(n, MAX_YAML_EXPANDED_NODES + 1);
  const childrenOf = (node: unknown): unknown[] => {
    if (isMap(node) || isSeq(node)) return node.items;
    if (isPair(node)) return [node.key, node.value];
    return [];
  };
  const stack: Array<{ node: unknown; entered: boolean }> = [{ node: root, entered: false }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const children = childrenOf(top.node);
    if (!top.entered) {
      top.entered = true;
      for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], entered: false });
      continue;
    }
    stack.pop();
    const node = top.node;
    let size: number;
    if (isAlias(node)) size = anchors.get(node.source) ?? 1;
    else size = cap((isPair(node) ? 0 : 1) + children.reduce((sum: number, child) => sum + (sizes.get(child) ?? 0), 0));
    sizes.set(node, size);
    const anchor = (node as { anchor?: string } | null)?.anchor;
    if (anchor && !isAlias(node)) anchors.set(anchor, size);
  }
  return sizes.get(root) ?? 0;
}

/** The node each alias of the files parsed names (see `parseYaml`). */
const aliasTargets = new WeakMap<object, Node>();

/** A value, an alias followed to the node its anchor names. */
function followed(node: unknown): unknown {
  return isAlias(node) ? (aliasTargets.get(node) ?? node) : node;
}

/** How deep merge keys are followed into the maps they merge (a map that merges itself stops there). */
const MAX_MERGE_DEPTH = 8;

/**
 * The entries of a mapping, aliases followed: its own, then those its merge keys bring in
 * (`<<: *web`, `<<: [*a, *b]`), which its own override, the first merged map over the next, as
 * docker compose reads them.
 */
export function mapEntries(node: unknown, depth = 0): Array<{ key: string; keyNode: Node; value: Node | null }> {
  const map = followed(node);
  if (!isMap(map)) return [];
  const own: Array<{ key: string; keyNode: Node; value: Node | null }> = [];
  const merged: Array<{ key: string; keyNode: Node; value: Node | null }> = [];
  for (const pair of map.items) {
    if (!isScalar(pair.key)) continue;
    // The yaml package parses `<<` as a symbol key when merge keys are on.
    if (typeof pair.key.value === 'symbol') {
      if (depth >= MAX_MERGE_DEPTH) continue;
      const value = followed(pair.value);
      for (const source of isSeq(value) ? value.items : [value]) merged.push(...mapEntries(source, depth + 1));
      continue;
    }
    own.push({ key: String(pair.key.value), keyNode: pair.key as Node, value: (followed(pair.value) as Node | null) ?? null });
  }
  return merged.length ? [...own, ...merged] : own;
}

export function mapGet(node: unknown, key: string): Node | null | undefined {
  return mapEntries(node).find((e) => e.key === key)?.value;
}

export function scalarText(value: unknown): string | undefined {
  const node = followed(value);
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  return typeof node.value === 'object' ? undefined : String(node.value);
}

/** The line a scalar's text starts on: a block scalar (`command: |`) starts on the line after its indicator. */
export function valueLineAt(yaml: YamlFile, node: Node): LineAt {
  const start = yaml.lineOf(node);
  if (isScalar(node) && node.type === 'BLOCK_LITERAL') return linesFrom(scalarText(node) ?? '', start + 1);
  if (isScalar(node) && node.type === 'BLOCK_FOLDED') return () => start + 1;
  return () => start;
}

/**
 * A command in a docker compose file: a string split into words (no shell: compose uses shell-style
 * quoting only) or a list of words. `${VAR}` is compose's own interpolation, from the host's
 * environment or `.env`: left as an expansion. `$$` is a literal `$` for the container.
 */
export function composeCommandWords(yaml: YamlFile, node: Node): Word[] | undefined {
  if (isSeq(node)) {
    return node.items.map((item) => {
      const text = scalarText(item) ?? '';
      return interpolated(text, yaml.lineOf(item as Node));
    });
  }
  const text = scalarText(node);
  if (text === undefined) return undefined;
  return splitCommandLine(text.replace(/\$\$/g, '\u0000'), 'words', valueLineAt(yaml, node))
    .commands.flatMap((c) => c.words)
    .map((w) => restoreDollars(w));
}

function interpolated(text: string, line: number): Word {
  const expands = /\$(?!\$)\{?[A-Za-z_]/.test(text.replace(/\$\$/g, ''));
  return { ...literalWord(text.replace(/\$\$/g, '$'), line), expands };
}

function restoreDollars(word: Word): Word {
  const fix = (s: string): string => s.replace(/\u0000/g, '$');
  return {
    text: fix(word.text),
    raw: fix(word.raw),
    line: word.line,
    expands: word.expands,
    ...(word.parts ? { parts: word.parts.map((p) => (typeof p === 'string' ? fix(p) : { ...p, expansion: fix(p.expansion) })) } : {}),
  };
}

/** `environment:` as a map (`KEY: value`) or a list (`- KEY=value`); a value compose interpolates is unknown here. */
export function environmentOf(yaml: YamlFile, node: Node | null | undefined, file: string): EnvValue[] {
  const values: EnvValue[] = [];
  const add = (name: string, raw: string | undefined, line: number): void => {
    const unknown = raw === undefined || /\$(?!\$)\{?[A-Za-z_]/.test(raw.replace(/\$\$/g, ''));
    values.push({ name, written: raw ?? '', file, line, ...(unknown ? {} : { value: raw.replace(/\$\$/g, '$') }) });
  };
  if (isMap(node)) {
    for (const entry of mapEntries(node)) add(entry.key, scalarText(entry.value), yaml.lineOf(entry.keyNode));
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const text = scalarText(item);
      if (text === undefined) continue;
      const eq = text.indexOf('=');
      add(eq < 0 ? text : text.slice(0, eq), eq < 0 ? undefined : text.slice(eq + 1), yaml.lineOf(item as Node));
    }
  }
  return values;
}
