import type { Language, Parser, Tree, TreeCursor } from 'web-tree-sitter';

/**
 * The syntax tree the extractor reads: plain JavaScript objects copied out of tree-sitter's
 * WebAssembly tree in one walk, after which the WebAssembly tree is deleted.
 *
 * Why a copy: web-tree-sitter hands out a fresh `Node` object for every child, parent or field it is
 * asked for, and every property read of one (`type`, `endIndex`, `childForFieldName`) is a call into
 * WebAssembly with the node copied into its memory and back. On the standard library that costs more
 * than the parse itself. Here each node is visited once, with a `TreeCursor` driven through the
 * runtime's exported functions (no node is copied in or out), and what the extractor asks of it
 * afterwards is a field read. Rows and columns are computed from the text when asked for.
 *
 * Indices and columns are in UTF-16 code units, as web-tree-sitter's are for a parsed string.
 */
export class SyntaxNode {
  parent: SyntaxNode | null;
  /**
   * Set once by the copy, exactly as long as the node has children; every leaf shares one empty
   * array (and `namedChildren` is often this same array), so it is read-only: the nodes of a 300 KB
   * module are millions, and an array grown by `push` (17 slots at the first) or one made per leaf
   * was half of what a cold scan allocated.
   */
  children: readonly SyntaxNode[] = NO_CHILDREN;
  private named: readonly SyntaxNode[] | undefined;
  /** The field's index (see `fieldId`) and the NAMED, MISSING and ERROR bits: one word, not four. */
  private bits: number;

  constructor(
    private readonly tree: SyntaxTree,
    readonly type: string,
    readonly startIndex: number,
    readonly endIndex: number,
    fieldId: number,
    isNamed: boolean,
    isMissing: boolean,
    parent: SyntaxNode | null,
  ) {
    this.parent = parent;
    this.bits = (fieldId << 3) | (isNamed ? NAMED : 0) | (isMissing ? MISSING : 0);
    if (type === 'ERROR' || isMissing) {
      for (let at: SyntaxNode | null = this; at && !(at.bits & ERROR); at = at.parent) at.bits |= ERROR;
    }
  }

  /** The field this node fills in its parent (an index into the language's field names; 0: none). */
  get fieldId(): number {
    return this.bits >>> 3;
  }

  get isNamed(): boolean {
    return (this.bits & NAMED) !== 0;
  }

  get isMissing(): boolean {
    return (this.bits & MISSING) !== 0;
  }

  get text(): string {
    return this.tree.text.slice(this.startIndex, this.endIndex);
  }

  get startPosition(): Point {
    return this.tree.pointAt(this.startIndex);
  }

  get endPosition(): Point {
    return this.tree.pointAt(this.endIndex);
  }

  get isError(): boolean {
    return this.type === 'ERROR';
  }

  /** This node or one below it is an ERROR or a MISSING node. */
  get hasError(): boolean {
    return (this.bits & ERROR) !== 0;
  }

  /** The named children: the same array as `children` when all of them are named (most nodes). */
  get namedChildren(): readonly SyntaxNode[] {
    if (this.named === undefined) {
      const children = this.children;
      let count = 0;
      for (let i = 0; i < children.length; i++) if (children[i]!.bits & NAMED) count++;
      this.named = count === children.length ? children : count === 0 ? NO_CHILDREN : children.filter((child) => child.isNamed);
    }
    return this.named;
  }

  get childCount(): number {
    return this.children.length;
  }

  get namedChildCount(): number {
    return this.namedChildren.length;
  }

  child(index: number): SyntaxNode | null {
    return this.children[index] ?? null;
  }

  namedChild(index: number): SyntaxNode | null {
    return this.namedChildren[index] ?? null;
  }

  childForFieldName(name: string): SyntaxNode | null {
    const id = this.tree.fieldIds.get(name);
    if (id === undefined) return null;
    for (const child of this.children) if (child.fieldId === id) return child;
    return null;
  }

  childrenForFieldName(name: string): SyntaxNode[] {
    const id = this.tree.fieldIds.get(name);
    return id === undefined ? [] : this.children.filter((child) => child.fieldId === id);
  }

  /** Every node of one of `types` below this one, in source order (this one left out). */
  descendantsOfType(...types: string[]): SyntaxNode[] {
    const wanted = new Set(types);
    return descendants(this).filter((node) => wanted.has(node.type));
  }
}

const NAMED = 1;
const MISSING = 2;
const ERROR = 4;

/** The children of every leaf. An array of objects from the start, as every other `children` is. */
const NO_CHILDREN: readonly SyntaxNode[] = [null as unknown as SyntaxNode].slice(1);

/**
 * Gives each node of a copy its children as the walk leaves it: the nodes still open and the
 * children found so far sit on one stack, and a node's children are cut from it in one array of
 * their own size.
 */
class ChildrenStack {
  private readonly nodes: SyntaxNode[] = [];
  /** For each open node, where its children start on `nodes`. */
  private readonly starts: number[] = [];

  /** `node` is the next child of the innermost open node, and is open itself. */
  open(node: SyntaxNode): void {
    this.nodes.push(node);
    this.starts.push(this.nodes.length);
  }

  /** The innermost open node, `node`, has no more children. */
  close(node: SyntaxNode): void {
    const start = this.starts.pop()!;
    if (start < this.nodes.length) {
      node.children = this.nodes.slice(start);
      this.nodes.length = start;
    }
  }
}

/**
 * The nodes below `root` in source order (pre-order), `root` left out, without recursion: trees of
 * deeply nested expressions are deeper than the call stack. `descend` says whether to go below a node.
 */
export function descendants(root: SyntaxNode, descend: (node: SyntaxNode) => boolean = () => true): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  const stack: SyntaxNode[] = [...root.children].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    found.push(node);
    if (descend(node)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return found;
}

export interface Point {
  row: number;
  column: number;
}

/** The root of a copied tree, with the text it was parsed from. */
export class SyntaxTree {
  rootNode!: SyntaxNode;
  private lineStarts: number[] | undefined;

  constructor(
    readonly text: string,
    readonly fieldIds: ReadonlyMap<string, number>,
  ) {}

  /** Row and column of a UTF-16 index: rows are counted at "\n" only, as tree-sitter counts them. */
  pointAt(index: number): Point {
    const starts = (this.lineStarts ??= lineStartsOf(this.text));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= index) low = middle;
      else high = middle - 1;
    }
    return { row: low, column: index - starts[low]! };
  }
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/**
 * The functions of web-tree-sitter's WebAssembly module (the object given to `Parser.init`, which
 * Emscripten fills in) that the fast copy drives. They keep a tree cursor in the module's transfer
 * buffer: as long as nothing else uses that buffer, each call moves or reads the cursor in place.
 */
interface CursorExports {
  _ts_init(): number;
  HEAP32: Int32Array;
  _ts_tree_cursor_goto_first_child_wasm(tree: number): number;
  _ts_tree_cursor_goto_next_sibling_wasm(tree: number): number;
  _ts_tree_cursor_goto_parent_wasm(tree: number): number;
  _ts_tree_cursor_current_node_type_id_wasm(tree: number): number;
  _ts_tree_cursor_start_index_wasm(tree: number): number;
  _ts_tree_cursor_end_index_wasm(tree: number): number;
  _ts_tree_cursor_current_field_id_wasm(tree: number): number;
  _ts_tree_cursor_current_node_is_missing_wasm(tree: number): number;
  _ts_language_type_is_named_wasm(language: number, typeId: number): number;
}

const CURSOR_FUNCTIONS = [
  '_ts_init',
  '_ts_tree_cursor_goto_first_child_wasm',
  '_ts_tree_cursor_goto_next_sibling_wasm',
  '_ts_tree_cursor_goto_parent_wasm',
  '_ts_tree_cursor_current_node_type_id_wasm',
  '_ts_tree_cursor_start_index_wasm',
  '_ts_tree_cursor_end_index_wasm',
  '_ts_tree_cursor_current_field_id_wasm',
  '_ts_tree_cursor_current_node_is_missing_wasm',
  '_ts_language_type_is_named_wasm',
] as const;

/** What the copy needs of one loaded runtime and grammar, worked out once per parser. */
interface Copier {
  types: string[];
  named: boolean[];
  fieldIds: Map<string, number>;
  exports?: CursorExports;
  transfer?: number;
}

const copiers = new WeakMap<Parser, Copier>();

/**
 * Registers the runtime module a parser was made with (the object passed to `Parser.init`): with it
 * the copy walks the tree through the module's own functions. Without it (or when this version of
 * web-tree-sitter does not export them) the copy uses the public `TreeCursor`, which gives the same
 * tree, slower.
 */
export function registerRuntime(parser: Parser, module: object): void {
  const language = parser.language;
  if (!language) throw new Error('the parser has no language');
  const exports = CURSOR_FUNCTIONS.every((name) => typeof (module as Record<string, unknown>)[name] === 'function') && (module as { HEAP32?: unknown }).HEAP32 instanceof Int32Array
    ? (module as CursorExports)
    : undefined;
  copiers.set(parser, copierFor(language, exports));
}

/** The copy drives the runtime's exported functions for this parser (else it uses the public cursor). */
export function copiesFast(parser: Parser): boolean {
  return copiers.get(parser)?.exports !== undefined;
}

function copierFor(language: Language, exports: CursorExports | undefined): Copier {
  const languageAddress = (language as unknown as { 0: number })[0];
  const types = language.types.map((name) => name ?? 'ERROR');
  const named = types.map((_, id) => (exports ? exports._ts_language_type_is_named_wasm(languageAddress, id) !== 0 : false));
  const fieldIds = new Map<string, number>();
  language.fields.forEach((name, id) => {
    if (name) fieldIds.set(name, id);
  });
  return { types, named, fieldIds, exports, transfer: exports?._ts_init() };
}

/** Parses `text` and copies the tree out (see `SyntaxNode`); the WebAssembly tree is deleted. */
export function parseTree(parser: Parser, text: string): SyntaxTree {
  const parsed = parser.parse(text);
  if (!parsed) throw new Error('tree-sitter returned no tree');
  try {
    return copyTree(parser, parsed, text);
  } finally {
    parsed.delete();
  }
}

/**
 * Copies a parsed tree (see `SyntaxNode`). The tree is the caller's to delete. `publicCursor` takes
 * the slow way even when the fast one is there (the tests compare the two).
 */
export function copyTree(parser: Parser, parsed: Tree, text: string, { publicCursor = false } = {}): SyntaxTree {
  let copier = copiers.get(parser);
  if (!copier) {
    copier = copierFor(parser.language!, undefined);
    copiers.set(parser, copier);
  }
  const tree = new SyntaxTree(text, copier.fieldIds);
  const cursor = parsed.walk();
  try {
    tree.rootNode = copier.exports && !publicCursor ? walkFast(tree, parsed, cursor, copier) : walkPublic(tree, cursor, copier);
  } finally {
    cursor.delete();
  }
  return tree;
}

function walkFast(tree: SyntaxTree, parsed: Tree, cursor: TreeCursor, copier: Copier): SyntaxNode {
  const exports = copier.exports!;
  const { types, named } = copier;
  // The cursor's four words into the transfer buffer, where the exported functions read and write it.
  const words = cursor as unknown as { 0: number; 1: number; 2: number; 3: number };
  const heap = exports.HEAP32;
  const at = copier.transfer! >> 2;
  heap[at] = words[0];
  heap[at + 1] = words[1];
  heap[at + 2] = words[2];
  heap[at + 3] = words[3];
  const address = (parsed as unknown as { 0: number })[0];
  const firstChild = exports._ts_tree_cursor_goto_first_child_wasm;
  const nextSibling = exports._ts_tree_cursor_goto_next_sibling_wasm;
  const toParent = exports._ts_tree_cursor_goto_parent_wasm;
  const typeId = exports._ts_tree_cursor_current_node_type_id_wasm;
  const start = exports._ts_tree_cursor_start_index_wasm;
  const end = exports._ts_tree_cursor_end_index_wasm;
  const field = exports._ts_tree_cursor_current_field_id_wasm;
  const missing = exports._ts_tree_cursor_current_node_is_missing_wasm;
  const stack = new ChildrenStack();
  const make = (parent: SyntaxNode | null, fieldId: number): SyntaxNode => {
    const id = typeId(address);
    const from = start(address);
    const to = end(address);
    const node = new SyntaxNode(tree, types[id] ?? 'ERROR', from, to, fieldId, id === 0xffff || (named[id] ?? false), from === to && missing(address) !== 0, parent);
    stack.open(node);
    return node;
  };
  const root = make(null, 0);
  let node = root;
  for (;;) {
    if (firstChild(address)) {
      node = make(node, field(address));
      continue;
    }
    for (;;) {
      stack.close(node);
      if (nextSibling(address)) {
        node = make(node.parent, field(address));
        break;
      }
      if (!toParent(address)) return root;
      node = node.parent!;
    }
  }
}

/** The same walk through web-tree-sitter's public `TreeCursor`. */
function walkPublic(tree: SyntaxTree, cursor: TreeCursor, copier: Copier): SyntaxNode {
  const stack = new ChildrenStack();
  const make = (parent: SyntaxNode | null): SyntaxNode => {
    const node = new SyntaxNode(tree, copier.types[cursor.nodeTypeId] ?? 'ERROR', cursor.startIndex, cursor.endIndex, parent ? cursor.currentFieldId : 0, cursor.nodeIsNamed, cursor.nodeIsMissing, parent);
    stack.open(node);
    return node;
  };
  const root = make(null);
  let node = root;
  for (;;) {
    if (cursor.gotoFirstChild()) {
      node = make(node);
      continue;
    }
    for (;;) {
      stack.close(node);
      if (cursor.gotoNextSibling()) {
        node = make(node.parent);
        break;
      }
      if (!cursor.gotoParent()) return root;
      node = node.parent!;
    }
  }
}
