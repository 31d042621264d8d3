import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  expectParses
} from "./shared-DIJAFYFB.mjs";
import {
  environmentDefault
} from "./shared-PMYI2HPO.mjs";
import {
  SIMPLE_ESCAPES,
  parsePythonLiteral
} from "./shared-WIBISVNQ.mjs";
import {
  DEFAULT_TARGET,
  MAX_MAIN_CALLS,
  describeTarget,
  injectedFault,
  internalError,
  withWritten
} from "./shared-2BFWLXK6.mjs";
import {
  __export
} from "./shared-RKF6PH7O.mjs";

// src/extract/decode.ts
var CODING_DECLARATION = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;
var UTF8_BOM = [239, 187, 191];
function decodePythonSource(bytes) {
  const decoded = decodeBytes(bytes);
  return decoded.text.includes("\r") ? { ...decoded, text: decoded.text.replace(/\r(?!\n)/g, "\n") } : decoded;
}
function decodeBytes(bytes) {
  const hasBom = bytes.length >= 3 && UTF8_BOM.every((b, i2) => bytes[i2] === b);
  const body2 = hasBom ? bytes.subarray(3) : bytes;
  const declared = hasBom ? void 0 : codingDeclaration(body2);
  if (hasBom) {
    const withBom = codingDeclaration(body2);
    const short = withBom?.slice(0, 12).toLowerCase().replace(/_/g, "-");
    if (short !== void 0 && short !== "utf-8" && !short.startsWith("utf-8-")) {
      return {
        text: new TextDecoder("utf-8").decode(body2),
        encoding: "utf-8",
        problem: { line: declarationLine(body2), message: `encoding problem: the file starts with a UTF-8 byte order mark but declares ${JSON.stringify(withBom)}; CPython refuses to import this file` }
      };
    }
  }
  const encoding = normaliseEncoding(declared ?? "utf-8");
  if (encoding === "latin_1") {
    let text = "";
    for (let i2 = 0; i2 < body2.length; i2 += 8192) text += String.fromCharCode(...body2.subarray(i2, i2 + 8192));
    return { text, encoding };
  }
  if (encoding === "ascii") {
    const offset = firstInvalidOffset(body2, "ascii");
    const text = new TextDecoder("latin1").decode(body2);
    if (offset < 0) return { text, encoding };
    return { text, encoding, problem: invalidBytes(body2, offset, hasBom, encoding) };
  }
  let decoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: true });
  } catch {
    const text = new TextDecoder("utf-8").decode(body2);
    return {
      text,
      encoding: "utf-8",
      problem: { line: declarationLine(body2), message: `unknown encoding ${JSON.stringify(declared)} in the coding declaration; read as UTF-8` }
    };
  }
  try {
    return { text: decoder.decode(body2), encoding };
  } catch {
    const offset = firstInvalidOffset(body2, encoding);
    return { text: new TextDecoder(encoding).decode(body2), encoding, problem: invalidBytes(body2, offset, hasBom, encoding) };
  }
}
function invalidBytes(body2, offset, hasBom, encoding) {
  const line = lineOfOffset(body2, offset);
  const byte = body2[offset];
  const what = byte === void 0 ? "a truncated sequence at the end of the file" : `byte 0x${byte.toString(16).padStart(2, "0")} at offset ${offset + (hasBom ? 3 : 0)}`;
  return {
    line,
    message: `undecodable bytes: ${what} (line ${line}) is not valid ${encoding.toUpperCase()}; CPython refuses to import this file. The rest was read with replacement characters`
  };
}
function codingDeclaration(bytes) {
  let start2 = 0;
  for (let lineNumber = 0; lineNumber < 2 && start2 < bytes.length; lineNumber++) {
    let end = bytes.indexOf(10, start2);
    if (end < 0) end = bytes.length;
    const line = new TextDecoder("latin1").decode(bytes.subarray(start2, Math.min(end, start2 + 200)));
    const match = CODING_DECLARATION.exec(line);
    if (match) return match[1];
    if (!/^\s*(#.*)?\r?$/.test(line)) return void 0;
    start2 = end + 1;
  }
  return void 0;
}
function declarationLine(bytes) {
  const firstLineEnd = bytes.indexOf(10);
  const first = new TextDecoder("latin1").decode(bytes.subarray(0, firstLineEnd < 0 ? bytes.length : firstLineEnd));
  return CODING_DECLARATION.test(first) ? 1 : 2;
}
var CODECS = [
  ["utf_8", "utf-8", "cp65001 u8 utf utf8 utf8_ucs2 utf8_ucs4"],
  ["latin_1", "latin_1", "8859 cp819 csisolatin1 ibm819 iso8859 iso8859_1 iso_8859_1 iso_8859_1_1987 iso_ir_100 l1 latin latin1"],
  ["ascii", "ascii", "646 ansi_x3.4_1968 ansi_x3.4_1986 ansi_x3_4_1968 cp367 csascii ibm367 iso646_us iso_646.irv_1991 iso_ir_6 us us_ascii"],
  ["cp1250", "windows-1250", "1250 windows_1250"],
  ["cp1251", "windows-1251", "1251 windows_1251"],
  ["cp1252", "windows-1252", "1252 windows_1252"],
  ["cp1253", "windows-1253", "1253 windows_1253"],
  ["cp1254", "windows-1254", "1254 windows_1254"],
  ["cp1255", "windows-1255", "1255 windows_1255"],
  ["cp1256", "windows-1256", "1256 windows_1256"],
  ["cp1257", "windows-1257", "1257 windows_1257"],
  ["cp1258", "windows-1258", "1258 windows_1258"],
  ["iso8859_2", "iso-8859-2", "csisolatin2 iso_8859_2 iso_8859_2_1987 iso_ir_101 l2 latin2"],
  ["iso8859_3", "iso-8859-3", "csisolatin3 iso_8859_3 iso_8859_3_1988 iso_ir_109 l3 latin3"],
  ["iso8859_4", "iso-8859-4", "csisolatin4 iso_8859_4 iso_8859_4_1988 iso_ir_110 l4 latin4"],
  ["iso8859_5", "iso-8859-5", "csisolatincyrillic cyrillic iso_8859_5 iso_8859_5_1988 iso_ir_144"],
  ["iso8859_6", "iso-8859-6", "arabic asmo_708 csisolatinarabic ecma_114 iso_8859_6 iso_8859_6_1987 iso_ir_127"],
  ["iso8859_7", "iso-8859-7", "csisolatingreek ecma_118 elot_928 greek greek8 iso_8859_7 iso_8859_7_1987 iso_ir_126"],
  ["iso8859_8", "iso-8859-8", "csisolatinhebrew hebrew iso_8859_8 iso_8859_8_1988 iso_ir_138"],
  ["iso8859_10", "iso-8859-10", "csisolatin6 iso_8859_10 iso_8859_10_1992 iso_ir_157 l6 latin6"],
  ["iso8859_13", "iso-8859-13", "iso_8859_13 l7 latin7"],
  ["iso8859_14", "iso-8859-14", "iso_8859_14 iso_8859_14_1998 iso_celtic iso_ir_199 l8 latin8"],
  ["iso8859_15", "iso-8859-15", "iso_8859_15 l9 latin9"],
  ["iso8859_16", "iso-8859-16", "iso_8859_16 iso_8859_16_2001 iso_ir_226 l10 latin10"],
  ["koi8_r", "koi8-r", "cskoi8r"],
  ["koi8_u", "koi8-u", ""],
  ["mac_cyrillic", "x-mac-cyrillic", "maccyrillic"],
  ["mac_roman", "macintosh", "macintosh macroman"],
  ["gbk", "gbk", "936 cp936 ms936"],
  ["gb2312", "gbk", "chinese csiso58gb231280 euc_cn euccn eucgb2312_cn gb2312_1980 gb2312_80 iso_ir_58 x_mac_simp_chinese"],
  ["gb18030", "gb18030", "gb18030_2000"],
  ["big5", "big5", "big5_tw csbig5 x_mac_trad_chinese"],
  ["euc_jp", "euc-jp", "eucjp u_jis ujis"],
  ["shift_jis", "shift_jis", "csshiftjis s_jis shiftjis sjis x_mac_japanese"],
  ["iso2022_jp", "iso-2022-jp", "csiso2022jp iso2022jp iso_2022_jp"],
  ["euc_kr", "euc-kr", "euckr korean ks_c_5601 ks_c_5601_1987 ks_x_1001 ksc5601 ksx1001 x_mac_korean"],
  ["cp874", "windows-874", ""],
  ["cp866", "ibm866", "866 csibm866 ibm866"]
];
var CODEC_BY_NAME = /* @__PURE__ */ new Map();
for (const codec of CODECS) {
  CODEC_BY_NAME.set(codec[0], codec);
  for (const alias of codec[2].split(" ").filter(Boolean)) CODEC_BY_NAME.set(alias, codec);
}
function pythonCodec(name2) {
  const short = name2.slice(0, 12).toLowerCase().replace(/_/g, "-");
  if (short === "utf-8" || short.startsWith("utf-8-")) return { codec: "utf_8", label: "utf-8" };
  if (/^(latin-1|iso-8859-1|iso-latin-1)(-|$)/.test(short)) return { codec: "latin_1", label: "latin_1" };
  const normal = name2.toLowerCase().replace(/[^a-z0-9.]+/g, "_").replace(/^_+|_+$/g, "");
  const codec = CODEC_BY_NAME.get(normal) ?? CODEC_BY_NAME.get(normal.replace(/\./g, "_"));
  return codec ? { codec: codec[0], label: codec[1] } : void 0;
}
function normaliseEncoding(name2) {
  return pythonCodec(name2)?.label ?? name2.toLowerCase();
}
function firstInvalidOffset(bytes, encoding) {
  if (encoding === "utf-8") return firstInvalidUtf8(bytes);
  if (encoding === "ascii") return bytes.findIndex((b) => b > 127);
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const mid = low + high + 1 >> 1;
    try {
      new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      low = mid;
    } catch {
      high = mid - 1;
    }
  }
  return low;
}
function firstInvalidUtf8(bytes) {
  let i2 = 0;
  while (i2 < bytes.length) {
    const b = bytes[i2];
    let length;
    let min = 128;
    let max = 191;
    if (b < 128) {
      i2++;
      continue;
    } else if (b >= 194 && b <= 223) length = 2;
    else if (b >= 224 && b <= 239) {
      length = 3;
      if (b === 224) min = 160;
      if (b === 237) max = 159;
    } else if (b >= 240 && b <= 244) {
      length = 4;
      if (b === 240) min = 144;
      if (b === 244) max = 143;
    } else return i2;
    for (let k = 1; k < length; k++) {
      const c = bytes[i2 + k];
      if (c === void 0) return i2;
      const low = k === 1 ? min : 128;
      const high = k === 1 ? max : 191;
      if (c < low || c > high) return i2;
    }
    i2 += length;
  }
  return bytes.length;
}
function lineOfOffset(bytes, offset) {
  let line = 1;
  for (let i2 = 0; i2 < offset && i2 < bytes.length; i2++) if (bytes[i2] === 10 || bytes[i2] === 13 && bytes[i2 + 1] !== 10) line++;
  return line;
}

// src/extract/tree.ts
var SyntaxNode = class {
  constructor(tree, type, startIndex, endIndex, fieldId, isNamed, isMissing, parent) {
    this.tree = tree;
    this.type = type;
    this.startIndex = startIndex;
    this.endIndex = endIndex;
    this.parent = parent;
    this.bits = fieldId << 3 | (isNamed ? NAMED : 0) | (isMissing ? MISSING : 0);
    if (type === "ERROR" || isMissing) {
      for (let at = this; at && !(at.bits & ERROR); at = at.parent) at.bits |= ERROR;
    }
  }
  tree;
  type;
  startIndex;
  endIndex;
  parent;
  /**
   * Set once by the copy, exactly as long as the node has children; every leaf shares one empty
   * array (and `namedChildren` is often this same array), so it is read-only: the nodes of a 300 KB
   * module are millions, and an array grown by `push` (17 slots at the first) or one made per leaf
   * was half of what a cold scan allocated.
   */
  children = NO_CHILDREN;
  named;
  /** The field's index (see `fieldId`) and the NAMED, MISSING and ERROR bits: one word, not four. */
  bits;
  /** The field this node fills in its parent (an index into the language's field names; 0: none). */
  get fieldId() {
    return this.bits >>> 3;
  }
  get isNamed() {
    return (this.bits & NAMED) !== 0;
  }
  get isMissing() {
    return (this.bits & MISSING) !== 0;
  }
  get text() {
    return this.tree.text.slice(this.startIndex, this.endIndex);
  }
  get startPosition() {
    return this.tree.pointAt(this.startIndex);
  }
  get endPosition() {
    return this.tree.pointAt(this.endIndex);
  }
  get isError() {
    return this.type === "ERROR";
  }
  /** This node or one below it is an ERROR or a MISSING node. */
  get hasError() {
    return (this.bits & ERROR) !== 0;
  }
  /** The named children: the same array as `children` when all of them are named (most nodes). */
  get namedChildren() {
    if (this.named === void 0) {
      const children = this.children;
      let count = 0;
      for (let i2 = 0; i2 < children.length; i2++) if (children[i2].bits & NAMED) count++;
      this.named = count === children.length ? children : count === 0 ? NO_CHILDREN : children.filter((child) => child.isNamed);
    }
    return this.named;
  }
  get childCount() {
    return this.children.length;
  }
  get namedChildCount() {
    return this.namedChildren.length;
  }
  child(index) {
    return this.children[index] ?? null;
  }
  namedChild(index) {
    return this.namedChildren[index] ?? null;
  }
  childForFieldName(name2) {
    const id = this.tree.fieldIds.get(name2);
    if (id === void 0) return null;
    for (const child of this.children) if (child.fieldId === id) return child;
    return null;
  }
  childrenForFieldName(name2) {
    const id = this.tree.fieldIds.get(name2);
    return id === void 0 ? [] : this.children.filter((child) => child.fieldId === id);
  }
  /** Every node of one of `types` below this one, in source order (this one left out). */
  descendantsOfType(...types) {
    const wanted = new Set(types);
    return descendants(this).filter((node) => wanted.has(node.type));
  }
};
var NAMED = 1;
var MISSING = 2;
var ERROR = 4;
var NO_CHILDREN = [null].slice(1);
var ChildrenStack = class {
  nodes = [];
  /** For each open node, where its children start on `nodes`. */
  starts = [];
  /** `node` is the next child of the innermost open node, and is open itself. */
  open(node) {
    this.nodes.push(node);
    this.starts.push(this.nodes.length);
  }
  /** The innermost open node, `node`, has no more children. */
  close(node) {
    const start2 = this.starts.pop();
    if (start2 < this.nodes.length) {
      node.children = this.nodes.slice(start2);
      this.nodes.length = start2;
    }
  }
};
function descendants(root, descend = () => true) {
  const found = [];
  const stack = [...root.children].reverse();
  while (stack.length) {
    const node = stack.pop();
    found.push(node);
    if (descend(node)) for (let i2 = node.children.length - 1; i2 >= 0; i2--) stack.push(node.children[i2]);
  }
  return found;
}
var SyntaxTree = class {
  constructor(text, fieldIds) {
    this.text = text;
    this.fieldIds = fieldIds;
  }
  text;
  fieldIds;
  rootNode;
  lineStarts;
  /** Row and column of a UTF-16 index: rows are counted at "\n" only, as tree-sitter counts them. */
  pointAt(index) {
    const starts = this.lineStarts ??= lineStartsOf(this.text);
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = low + high + 1 >> 1;
      if (starts[middle] <= index) low = middle;
      else high = middle - 1;
    }
    return { row: low, column: index - starts[low] };
  }
};
function lineStartsOf(text) {
  const starts = [0];
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) starts.push(at + 1);
  return starts;
}
var CURSOR_FUNCTIONS = [
  "_ts_init",
  "_ts_tree_cursor_goto_first_child_wasm",
  "_ts_tree_cursor_goto_next_sibling_wasm",
  "_ts_tree_cursor_goto_parent_wasm",
  "_ts_tree_cursor_current_node_type_id_wasm",
  "_ts_tree_cursor_start_index_wasm",
  "_ts_tree_cursor_end_index_wasm",
  "_ts_tree_cursor_current_field_id_wasm",
  "_ts_tree_cursor_current_node_is_missing_wasm",
  "_ts_language_type_is_named_wasm"
];
var copiers = /* @__PURE__ */ new WeakMap();
function registerRuntime(parser, module2) {
  const language = parser.language;
  if (!language) throw new Error("the parser has no language");
  const exports = CURSOR_FUNCTIONS.every((name2) => typeof module2[name2] === "function") && module2.HEAP32 instanceof Int32Array ? module2 : void 0;
  copiers.set(parser, copierFor(language, exports));
}
function copierFor(language, exports) {
  const languageAddress = language[0];
  const types = language.types.map((name2) => name2 ?? "ERROR");
  const named = types.map((_, id) => exports ? exports._ts_language_type_is_named_wasm(languageAddress, id) !== 0 : false);
  const fieldIds = /* @__PURE__ */ new Map();
  language.fields.forEach((name2, id) => {
    if (name2) fieldIds.set(name2, id);
  });
  return { types, named, fieldIds, exports, transfer: exports?._ts_init() };
}
function parseTree(parser, text) {
  const parsed = parser.parse(text);
  if (!parsed) throw new Error("tree-sitter returned no tree");
  try {
    return copyTree(parser, parsed, text);
  } finally {
    parsed.delete();
  }
}
function copyTree(parser, parsed, text, { publicCursor = false } = {}) {
  let copier = copiers.get(parser);
  if (!copier) {
    copier = copierFor(parser.language, void 0);
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
function walkFast(tree, parsed, cursor, copier) {
  const exports = copier.exports;
  const { types, named } = copier;
  const words = cursor;
  const heap = exports.HEAP32;
  const at = copier.transfer >> 2;
  heap[at] = words[0];
  heap[at + 1] = words[1];
  heap[at + 2] = words[2];
  heap[at + 3] = words[3];
  const address = parsed[0];
  const firstChild = exports._ts_tree_cursor_goto_first_child_wasm;
  const nextSibling = exports._ts_tree_cursor_goto_next_sibling_wasm;
  const toParent = exports._ts_tree_cursor_goto_parent_wasm;
  const typeId = exports._ts_tree_cursor_current_node_type_id_wasm;
  const start2 = exports._ts_tree_cursor_start_index_wasm;
  const end = exports._ts_tree_cursor_end_index_wasm;
  const field = exports._ts_tree_cursor_current_field_id_wasm;
  const missing = exports._ts_tree_cursor_current_node_is_missing_wasm;
  const stack = new ChildrenStack();
  const make = (parent, fieldId) => {
    const id = typeId(address);
    const from = start2(address);
    const to = end(address);
    const node2 = new SyntaxNode(tree, types[id] ?? "ERROR", from, to, fieldId, id === 65535 || (named[id] ?? false), from === to && missing(address) !== 0, parent);
    stack.open(node2);
    return node2;
  };
  const root = make(null, 0);
  let node = root;
  for (; ; ) {
    if (firstChild(address)) {
      node = make(node, field(address));
      continue;
    }
    for (; ; ) {
      stack.close(node);
      if (nextSibling(address)) {
        node = make(node.parent, field(address));
        break;
      }
      if (!toParent(address)) return root;
      node = node.parent;
    }
  }
}
function walkPublic(tree, cursor, copier) {
  const stack = new ChildrenStack();
  const make = (parent) => {
    const node2 = new SyntaxNode(tree, copier.types[cursor.nodeTypeId] ?? "ERROR", cursor.startIndex, cursor.endIndex, parent ? cursor.currentFieldId : 0, cursor.nodeIsNamed, cursor.nodeIsMissing, parent);
    stack.open(node2);
    return node2;
  };
  const root = make(null);
  let node = root;
  for (; ; ) {
    if (cursor.gotoFirstChild()) {
      node = make(node);
      continue;
    }
    for (; ; ) {
      stack.close(node);
      if (cursor.gotoNextSibling()) {
        node = make(node.parent);
        break;
      }
      if (!cursor.gotoParent()) return root;
      node = node.parent;
    }
  }
}

// src/extract/syntax.ts
function stringLiteral(node, { decodeEscapes = false } = {}) {
  if (node.type !== "string") return void 0;
  const start2 = node.namedChildren.find((c) => c?.type === "string_start")?.text ?? "";
  if (/[fFbB]/.test(start2)) return void 0;
  const raw = /[rR]/.test(start2);
  let value = "";
  for (const part of node.namedChildren) {
    if (!part) continue;
    if (part.type === "string_content") value += part.text;
    else if (part.type === "interpolation") return void 0;
    else if (part.type === "escape_sequence") {
      if (!decodeEscapes) return void 0;
      if (raw) value += part.text;
      else {
        const escaped = SIMPLE_ESCAPES[part.text.slice(1)];
        if (escaped === void 0) return void 0;
        value += escaped;
      }
    }
  }
  return value;
}
function scalarLiteral(node, options = {}) {
  switch (node.type) {
    case "integer":
    case "float": {
      const value = Number(node.text.replace(/_/g, ""));
      return Number.isFinite(value) ? value : void 0;
    }
    case "string":
      return stringLiteral(node, options);
    case "true":
      return true;
    case "false":
      return false;
    case "none":
      return null;
    default:
      return void 0;
  }
}
function assignmentParts(node) {
  const targets = [];
  let right = node;
  while (right?.type === "assignment") {
    const left = right.childForFieldName("left");
    if (left) targets.push(left);
    right = right.childForFieldName("right");
  }
  return { targets, right };
}
function dottedName(node) {
  const parts2 = [];
  let at = node;
  while (at?.type === "attribute") {
    const attribute = at.childForFieldName("attribute");
    if (!attribute) return void 0;
    parts2.push(attribute.text);
    at = at.childForFieldName("object");
  }
  if (at?.type !== "identifier") return void 0;
  parts2.push(at.text);
  return parts2.reverse().join(".");
}
function spanOf(node) {
  return {
    line: node.startPosition.row + 1,
    column: node.startPosition.column + 1,
    endLine: node.endPosition.row + 1,
    endColumn: node.endPosition.column + 1
  };
}

// src/extract/excerpts.ts
var MAX_STATEMENT_TEXT = 160;
var Excerpts = class {
  constructor(text) {
    this.text = text;
  }
  text;
  /** Runs of whitespace longer than LONG_WHITESPACE_RUN, by where they start: where each ends and whether it holds a line break. */
  longRuns = /* @__PURE__ */ new Map();
  /** Excerpts made, by range: a statement holding many calls is folded once. */
  made = /* @__PURE__ */ new Map();
  of(node) {
    const start2 = node.startIndex;
    const end = node.endIndex;
    if (end - start2 <= SHORT_EXCERPT) {
      const text = this.text.slice(start2, end);
      if (!text.includes("\n")) {
        const trimmed = text.trim();
        return trimmed.length > MAX_STATEMENT_TEXT ? `${trimmed.slice(0, MAX_STATEMENT_TEXT - 1)}\u2026` : trimmed;
      }
    }
    const key = start2 * (this.text.length + 1) + end;
    let excerpt = this.made.get(key);
    if (excerpt === void 0) {
      excerpt = this.fold(start2, end);
      this.made.set(key, excerpt);
    }
    return excerpt;
  }
  fold(start2, end) {
    const { text } = this;
    let out2 = "";
    let i2 = start2;
    while (i2 < end && out2.length <= MAX_STATEMENT_TEXT) {
      if (!isWhitespace(text.charCodeAt(i2))) {
        let j = i2 + 1;
        while (j < end && out2.length + (j - i2) <= MAX_STATEMENT_TEXT && !isWhitespace(text.charCodeAt(j))) j++;
        out2 += text.slice(i2, j);
        i2 = j;
        continue;
      }
      const run2 = this.whitespaceRun(i2);
      if (out2.length > 0 && run2.end < end) out2 += run2.newline ? " " : text.slice(i2, Math.min(run2.end, i2 + MAX_STATEMENT_TEXT + 1));
      i2 = run2.end;
    }
    return out2.length > MAX_STATEMENT_TEXT ? `${out2.slice(0, MAX_STATEMENT_TEXT - 1)}\u2026` : out2;
  }
  whitespaceRun(start2) {
    const known = this.longRuns.get(start2);
    if (known) return known;
    const { text } = this;
    let i2 = start2;
    let newline = false;
    for (; i2 < text.length; i2++) {
      const code = text.charCodeAt(i2);
      if (!isWhitespace(code)) break;
      if (code === 10) newline = true;
    }
    const run2 = { end: i2, newline };
    if (i2 - start2 > LONG_WHITESPACE_RUN) this.longRuns.set(start2, run2);
    return run2;
  }
};
var LONG_WHITESPACE_RUN = 64;
var SHORT_EXCERPT = 4 * MAX_STATEMENT_TEXT;
function isWhitespace(code) {
  if (code <= 32) return code === 32 || code >= 9 && code <= 13;
  if (code < 160) return false;
  return code === 160 || code === 5760 || code >= 8192 && code <= 8202 || code === 8232 || code === 8233 || code === 8239 || code === 8287 || code === 12288 || code === 65279;
}
function firstLine(text) {
  const end = text.indexOf("\n");
  return end < 0 ? text : text.slice(0, end);
}
function foldText(text) {
  const folded = text.replace(/\s+/g, " ").trim();
  return folded.length > MAX_STATEMENT_TEXT ? `${folded.slice(0, MAX_STATEMENT_TEXT - 1)}\u2026` : folded;
}

// src/extract/branchConditions.ts
var MAX_CONDITION_TEXT = 60;
function conditionText(condition) {
  const text = foldText(condition.text);
  return text.length > MAX_CONDITION_TEXT ? `${text.slice(0, MAX_CONDITION_TEXT - 1)}\u2026` : text;
}
var INVERSE_OPERATORS = { "==": "!=", "!=": "==", in: "not in", "not in": "in", is: "is not", "is not": "is" };
function negation(conditions) {
  const only = conditions.length === 1 ? conditions[0] : void 0;
  if (only && /^(identifier|attribute|call|subscript)$/.test(only.type)) return `not ${conditionText(only)}`;
  if (only?.type === "not_operator" && only.childForFieldName("argument")) return conditionText(only.childForFieldName("argument"));
  if (only?.type === "comparison_operator" && only.namedChildCount === 2) {
    const [left, right] = [only.namedChild(0), only.namedChild(1)];
    const operator = comparisonOperator(only);
    const inverse = INVERSE_OPERATORS[operator];
    if (inverse) {
      const text = `${foldText(left.text)} ${inverse} ${foldText(right.text)}`;
      return text.length > MAX_CONDITION_TEXT ? `${text.slice(0, MAX_CONDITION_TEXT - 1)}\u2026` : text;
    }
  }
  return `not (${conditions.map(conditionText).join(" or ")})`;
}
function comparisonOperator(comparison2) {
  const [left, right] = [comparison2.namedChild(0), comparison2.namedChild(1)];
  return foldText(comparison2.text.slice(left.endIndex - comparison2.startIndex, right.startIndex - comparison2.startIndex)).trim();
}

// src/extract/comments.ts
var IMPORTLEAK_COMMENT = /#\s*importleak:\s*(ignore-file|ignore)(?:\[([^\]]*)\])?/i;
var NOQA_COMMENT = /#\s*noqa(?::\s*([A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*))?/i;
function collectSuppressions(root) {
  const found = [];
  for (const node of descendants(root)) {
    if (node.type !== "comment") continue;
    const suppression = parseSuppression(node);
    if (suppression) found.push(suppression);
  }
  return found;
}
function parseSuppression(comment) {
  const text = comment.text;
  const base = { line: comment.startPosition.row + 1, column: comment.startPosition.column + 1, text: text.trim() };
  const ours = IMPORTLEAK_COMMENT.exec(text);
  if (ours) {
    const codes = ours[2]?.split(/[\s,]+/).filter(Boolean).map((c) => c.toUpperCase());
    return { ...base, style: "importleak", ...codes && codes.length ? { codes } : {} };
  }
  const noqa = NOQA_COMMENT.exec(text);
  if (noqa) {
    if (!noqa[1]) return { ...base, style: "noqa" };
    const codes = noqa[1].split(/[\s,]+/).filter(Boolean).map((c) => c.toUpperCase());
    const ilCodes = codes.filter((c) => /^IL\d+$/.test(c));
    return ilCodes.length ? { ...base, style: "noqa", codes: ilCodes } : void 0;
  }
  return void 0;
}

// src/extract/syntaxProblems.ts
var MAX_SYNTAX_PROBLEMS = 5;
var FUTURE_FEATURES = /* @__PURE__ */ new Set([
  "nested_scopes",
  "generators",
  "division",
  "absolute_import",
  "with_statement",
  "print_function",
  "unicode_literals",
  "barry_as_FLUFL",
  "generator_stop",
  "annotations"
]);
function isDocstring(node) {
  const parts2 = node.type === "concatenated_string" ? node.namedChildren : [node];
  return parts2.every((part) => part?.type === "string" && !/[fF]/.test(part.namedChildren.find((c) => c?.type === "string_start")?.text ?? ""));
}
function collectSyntaxProblems(root) {
  const problems = [];
  if (!root.hasError) return problems;
  const bad = (node) => node.isError || node.isMissing;
  for (const node of bad(root) ? [root] : descendants(root, (node2) => node2.hasError && !bad(node2))) {
    if (!bad(node)) continue;
    const message = node.isMissing ? `syntax error: missing ${JSON.stringify(node.type)}` : `syntax error: unexpected ${describeUnexpected(node)}`;
    problems.push({ span: spanOf(node), message });
    if (problems.length >= MAX_SYNTAX_PROBLEMS) break;
  }
  return problems;
}
function describeUnexpected(node) {
  const text = firstLine(node.text).trim();
  if (!text) return "end of input";
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 39)}\u2026` : text);
}

// src/extract/conditions.ts
var TYPE_CHECKING = /* @__PURE__ */ new Set(["typing.TYPE_CHECKING", "typing_extensions.TYPE_CHECKING"]);
function knownName(qualified, target) {
  if (TYPE_CHECKING.has(qualified)) return false;
  switch (qualified) {
    case "sys.platform":
      return target.platform;
    case "os.name":
      return target.platform === "win32" ? "nt" : "posix";
    case "sys.version_info":
      return { tuple: [target.version[0], target.version[1], void 0, void 0, void 0] };
    case "sys.version_info.major":
      return target.version[0];
    case "sys.version_info.minor":
      return target.version[1];
    case "sys.builtin_module_names":
      return { builtinNames: [target.platform === "win32" ? "nt" : "posix"], decides: ["nt", "posix"] };
    case "sys.implementation.name":
      return "cpython";
    default:
      return void 0;
  }
}
function knownCall(qualified, target) {
  switch (qualified) {
    case "platform.system":
      return { linux: "Linux", darwin: "Darwin", win32: "Windows" }[target.platform];
    case "platform.python_implementation":
      return "CPython";
    default:
      return void 0;
  }
}
function truthiness(value) {
  if (value === void 0) return void 0;
  if (value === null) return false;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0;
  if (typeof value === "string") return value.length > 0;
  if ("tuple" in value) return value.tuple.length > 0;
  return true;
}
var MAX_CONDITION_NESTING = 200;
var depth = 0;
function evaluate(node, context) {
  if (!node || depth >= MAX_CONDITION_NESTING) return void 0;
  depth++;
  try {
    return evaluateNode(node, context);
  } finally {
    depth--;
  }
}
function evaluateNode(node, context) {
  switch (node.type) {
    case "true":
    case "false":
    case "none":
    case "integer":
    case "string":
      return scalarLiteral(node);
    case "parenthesized_expression":
      return node.namedChildCount === 1 ? evaluate(node.namedChild(0), context) : void 0;
    case "list":
    case "tuple": {
      const items = node.namedChildren.filter((c) => c !== null && c.type !== "comment");
      return { tuple: items.map((item) => evaluate(item, context)) };
    }
    case "not_operator": {
      const inner = truthiness(evaluate(node.childForFieldName("argument"), context));
      return inner === void 0 ? void 0 : !inner;
    }
    case "boolean_operator":
      return booleanOperator(node, context);
    case "comparison_operator":
      return comparison(node, context);
    case "identifier": {
      if (node.text === "__debug__") return true;
      const constant = context.constant(node.text);
      if (constant !== void 0) return constant;
      const qualified = context.qualify(node.text);
      return qualified === void 0 ? void 0 : knownName(qualified, context.target);
    }
    case "attribute": {
      const dotted = dottedName(node);
      const qualified = dotted ? context.qualify(dotted) : void 0;
      if (qualified !== void 0) {
        const known = knownName(qualified, context.target);
        if (known !== void 0) return known;
      }
      const objectNode = node.childForFieldName("object");
      let object;
      if (dotted && objectNode?.type === "attribute") {
        const objectQualified = context.qualify(dotted.slice(0, dotted.lastIndexOf(".")));
        object = objectQualified === void 0 ? void 0 : knownName(objectQualified, context.target);
      } else object = evaluate(objectNode, context);
      const attribute = node.childForFieldName("attribute")?.text;
      if (object && typeof object === "object" && "tuple" in object && object.tuple.length === 5) {
        if (attribute === "major") return object.tuple[0];
        if (attribute === "minor") return object.tuple[1];
      }
      return void 0;
    }
    case "subscript":
      return subscript(node, context);
    case "call":
      return call(node, context);
    default:
      return void 0;
  }
}
function booleanOperator(node, context) {
  const operator = node.childForFieldName("operator")?.type ?? node.child(1)?.type;
  const left = truthiness(evaluate(node.childForFieldName("left"), context));
  const rightNode = node.childForFieldName("right");
  if (operator === "and") {
    if (left === false) return false;
    const right2 = truthiness(evaluate(rightNode, context));
    if (right2 === false) return false;
    return left === true && right2 === true ? true : void 0;
  }
  if (left === true) return true;
  const right = truthiness(evaluate(rightNode, context));
  if (right === true) return true;
  return left === false && right === false ? false : void 0;
}
function comparison(node, context) {
  const operands = [];
  const operators = [];
  for (let i2 = 0; i2 < node.childCount; i2++) {
    const child = node.child(i2);
    if (child.isNamed) operands.push(child);
    else operators.push(child.type);
  }
  if (operands.length !== operators.length + 1) return void 0;
  let result = true;
  for (let i2 = 0; i2 < operators.length; i2++) {
    const link = compare(operators[i2], evaluate(operands[i2], context), evaluate(operands[i2 + 1], context));
    if (link === false) return false;
    if (link === void 0) result = void 0;
  }
  return result;
}
function compare(operator, left, right) {
  if (operator === "in" || operator === "not in") {
    const found = contains(right, left);
    return found === void 0 ? void 0 : operator === "in" ? found : !found;
  }
  if (left === void 0 || right === void 0) return void 0;
  if (operator === "is" || operator === "is not") {
    if (typeof left === "object" && left !== null) return void 0;
    if (typeof right === "object" && right !== null) return void 0;
    return left === right === (operator === "is");
  }
  const order = ordering(left, right);
  switch (operator) {
    case "==":
      return equality(left, right);
    case "!=": {
      const equal = equality(left, right);
      return equal === void 0 ? void 0 : !equal;
    }
    case "<":
      return order === void 0 ? void 0 : order < 0;
    case "<=":
      return order === void 0 ? void 0 : order <= 0;
    case ">":
      return order === void 0 ? void 0 : order > 0;
    case ">=":
      return order === void 0 ? void 0 : order >= 0;
    default:
      return void 0;
  }
}
function equality(left, right) {
  const leftTuple = typeof left === "object" && left !== null && "tuple" in left;
  const rightTuple = typeof right === "object" && right !== null && "tuple" in right;
  if (leftTuple || rightTuple) {
    if (!leftTuple || !rightTuple) return false;
    const order = ordering(left, right);
    if (order !== void 0) return order === 0;
    return left.tuple.length !== right.tuple.length ? false : void 0;
  }
  if (typeof left === "object" && left !== null) return void 0;
  if (typeof right === "object" && right !== null) return void 0;
  if (typeof left === "boolean" || typeof right === "boolean") return Number(left) === Number(right);
  return left === right;
}
function ordering(left, right) {
  if (typeof left === "number" && typeof right === "number") return Math.sign(left - right);
  if (typeof left === "string" && typeof right === "string") return left < right ? -1 : left > right ? 1 : 0;
  if (typeof left === "object" && left !== null && "tuple" in left && typeof right === "object" && right !== null && "tuple" in right) {
    const n = Math.min(left.tuple.length, right.tuple.length);
    for (let i2 = 0; i2 < n; i2++) {
      const a = left.tuple[i2];
      const b = right.tuple[i2];
      if (a === void 0 || b === void 0) return void 0;
      const equal = equality(a, b);
      if (equal === true) continue;
      if (equal === void 0) return void 0;
      return ordering(a, b);
    }
    return Math.sign(left.tuple.length - right.tuple.length);
  }
  return void 0;
}
function contains(container, item) {
  if (container === void 0 || item === void 0) return void 0;
  if (typeof container === "string") return typeof item === "string" ? container.includes(item) : void 0;
  if (typeof container !== "object" || container === null) return void 0;
  if ("builtinNames" in container) {
    if (typeof item !== "string") return void 0;
    if (container.builtinNames.includes(item)) return true;
    return container.decides.includes(item) ? false : void 0;
  }
  let unknown = false;
  for (const element of container.tuple) {
    if (element === void 0) {
      unknown = true;
      continue;
    }
    const equal = equality(element, item);
    if (equal === true) return true;
    if (equal === void 0) unknown = true;
  }
  return unknown ? void 0 : false;
}
function subscript(node, context) {
  const value = evaluate(node.childForFieldName("value"), context);
  const index = node.childForFieldName("subscript");
  if (value === void 0 || !index) return void 0;
  const sequence = typeof value === "string" ? [...value] : typeof value === "object" && value !== null && "tuple" in value ? value.tuple : void 0;
  if (!sequence) return void 0;
  if (index.type === "slice") {
    const bounds = [void 0, void 0, void 0];
    let position = 0;
    for (let i3 = 0; i3 < index.childCount; i3++) {
      const child = index.child(i3);
      if (child.type === ":") position++;
      else {
        const bound = evaluate(child, context) ?? (child.type === "unary_operator" ? -Number(child.namedChild(0)?.text) : void 0);
        if (typeof bound !== "number" || !Number.isInteger(bound)) return void 0;
        bounds[position] = bound;
      }
    }
    const sliced = slice(sequence, bounds[0], bounds[1], bounds[2] ?? 1);
    if (!sliced) return void 0;
    return typeof value === "string" ? sliced.join("") : { tuple: sliced };
  }
  const at = evaluate(index, context) ?? (index.type === "unary_operator" ? -Number(index.namedChild(0)?.text) : void 0);
  if (typeof at !== "number" || !Number.isInteger(at)) return void 0;
  const i2 = at < 0 ? sequence.length + at : at;
  return i2 >= 0 && i2 < sequence.length ? sequence[i2] : void 0;
}
function slice(items, start2, stop2, step) {
  if (step === 0 || Number.isNaN(step)) return void 0;
  const n = items.length;
  const clamp = (v, low, high) => Math.min(Math.max(v, low), high);
  const out2 = [];
  if (step > 0) {
    const from = start2 === void 0 ? 0 : clamp(start2 < 0 ? n + start2 : start2, 0, n);
    const to = stop2 === void 0 ? n : clamp(stop2 < 0 ? n + stop2 : stop2, 0, n);
    for (let i2 = from; i2 < to; i2 += step) out2.push(items[i2]);
  } else {
    const from = start2 === void 0 ? n - 1 : clamp(start2 < 0 ? n + start2 : start2, -1, n - 1);
    const to = stop2 === void 0 ? -1 : clamp(stop2 < 0 ? n + stop2 : stop2, -1, n - 1);
    for (let i2 = from; i2 > to; i2 += step) out2.push(items[i2]);
  }
  return out2;
}
function call(node, context) {
  const callee = node.childForFieldName("function");
  const args2 = (node.childForFieldName("arguments")?.namedChildren ?? []).filter((a) => a !== null && a.type !== "comment");
  if (!callee) return void 0;
  if (callee.type === "attribute") {
    const method = callee.childForFieldName("attribute")?.text;
    const object = evaluate(callee.childForFieldName("object"), context);
    if (typeof object === "string") {
      if (method === "upper" && args2.length === 0) return object.toUpperCase();
      if (method === "lower" && args2.length === 0) return object.toLowerCase();
      if ((method === "startswith" || method === "endswith") && args2.length === 1) {
        const prefix = evaluate(args2[0], context);
        const candidates = typeof prefix === "string" ? [prefix] : typeof prefix === "object" && prefix !== null && "tuple" in prefix ? prefix.tuple : void 0;
        if (!candidates || candidates.some((c) => typeof c !== "string")) return void 0;
        return candidates.some((c) => method === "startswith" ? object.startsWith(c) : object.endsWith(c));
      }
    }
  }
  const dotted = dottedName(callee);
  const qualified = dotted && args2.length === 0 ? context.qualify(dotted) : void 0;
  return qualified === void 0 ? void 0 : knownCall(qualified, context.target);
}

// src/extract/recover.ts
function indentContinuationLines(text) {
  const lines = text.split("\n");
  let depth2 = 0;
  let openerIndent = 0;
  let quote;
  let changed = false;
  for (let row = 0; row < lines.length; row++) {
    let line = lines[row];
    const indent = /^[ \t]*/.exec(line)[0].length;
    if (depth2 > 0 && quote === void 0 && indent <= openerIndent && line.trim() !== "") {
      line = " ".repeat(openerIndent + 1 - indent) + line;
      lines[row] = line;
      changed = true;
    }
    if (depth2 === 0 && quote === void 0) openerIndent = indent;
    let i2 = 0;
    while (i2 < line.length) {
      const c = line[i2];
      if (quote !== void 0) {
        if (c === "\\") i2 += 2;
        else if (line.startsWith(quote, i2)) {
          i2 += quote.length;
          quote = void 0;
        } else i2++;
        continue;
      }
      if (c === "#") break;
      if (c === '"' || c === "'") {
        const triple = line.startsWith(c.repeat(3), i2);
        quote = triple ? c.repeat(3) : c;
        i2 += quote.length;
        continue;
      }
      if (c === "(" || c === "[" || c === "{") depth2++;
      else if ((c === ")" || c === "]" || c === "}") && depth2 > 0) depth2--;
      i2++;
    }
    if (quote !== void 0 && quote.length === 1 && !line.endsWith("\\")) quote = void 0;
  }
  return changed ? lines.join("\n") : void 0;
}

// src/extract/computedNames.ts
var ALL_ITEM = "\0";
var MAX_COMPUTED_NAMES = 256;
function product(lists) {
  let result;
  for (const list of lists) {
    if (!list) return void 0;
    const next = [];
    for (const head of result ?? [void 0]) {
      for (const item of list) {
        if (typeof item === "string") next.push(`${head ?? ""}${item}`);
        else next.push([...head ?? [], ...item]);
      }
      if (next.length > MAX_COMPUTED_NAMES) return void 0;
    }
    result = next;
  }
  return result ?? [];
}
function substituteAll(template, combinations, placeholder) {
  const out2 = [];
  for (const values of combinations) {
    let next = 0;
    let bad = false;
    const text = template.replace(placeholder, (_match, index) => {
      const i2 = index !== void 0 && index !== "" ? Number(index) : next++;
      if (i2 >= values.length) bad = true;
      return values[i2] ?? "";
    });
    if (bad || /%[^%]|[{}]/.test(text.replace(/%%/g, ""))) return void 0;
    out2.push(text.replace(/%%/g, "%"));
  }
  return out2;
}
function itemsSource(qualified) {
  const level = /^\.*/.exec(qualified)[0].length;
  return { module: qualified.slice(level), level };
}
function stringItems(value) {
  if (typeof value !== "object" || value === null || !("tuple" in value)) return void 0;
  return value.tuple.every((item) => typeof item === "string") ? value.tuple : void 0;
}

// src/extract/scopes.ts
function newScope(execution, prefix, rest = {}) {
  return { execution, bindings: /* @__PURE__ */ new Map(), parent: rest.parent, prefix, className: rest.className, parameters: rest.parameters, methodClass: rest.methodClass };
}
var BUILTIN_CALLABLES = /* @__PURE__ */ new Set(["open", "__import__", "exec", "eval", "compile", "print", "input"]);
function qualify(dotted, scope) {
  const parts2 = dotted.split(".");
  if (parts2.length >= 3) {
    const holder = parts2.slice(0, -1).join(".");
    const attribute = attributeLookup(holder, scope);
    if (attribute?.kind === "instance") return { kind: "instance", callId: attribute.callId, member: parts2[parts2.length - 1], name: holder };
  }
  const head = parts2[0];
  const rest = parts2.slice(1);
  const binding = lookup(head, scope);
  if (binding?.kind === "opaque") return void 0;
  if (!binding) {
    if (rest.length === 0 && BUILTIN_CALLABLES.has(head)) return { kind: "builtin", qualified: `builtins.${head}` };
    return void 0;
  }
  if (binding.kind === "instance") {
    if (rest.length !== 1) return void 0;
    return { kind: "instance", callId: binding.callId, member: rest[0], name: head };
  }
  const base = binding.kind === "import" ? binding.qualified : binding.name;
  const qualified = rest.length ? joinDotted(base, rest.join(".")) : base;
  return { kind: binding.kind, qualified };
}
function isModuleLevel(scope) {
  return scope.execution.kind === "module" && scope.prefix === "";
}
function placementFor(scope) {
  return scope.className ? { kind: "class-body", className: scope.className } : { kind: "statement" };
}
function isSelfAttribute(target) {
  return target.type === "attribute" && target.childForFieldName("object")?.text === "self" && target.childForFieldName("attribute")?.type === "identifier";
}
function attributeTarget(target) {
  return target.type === "attribute" ? dottedName(target) : void 0;
}
function attributeLookup(dotted, scope) {
  const head = dotted.slice(0, dotted.indexOf("."));
  for (let s = scope; s; s = s.parent) {
    const binding = s.bindings.get(dotted);
    if (binding) return binding;
    if (s.bindings.has(head)) return void 0;
  }
  return void 0;
}
function rebind(scope, name2, binding) {
  scope.bindings.set(name2, binding);
  for (const key of scope.bindings.keys()) if (key.startsWith(`${name2}.`)) scope.bindings.delete(key);
}
function lookup(name2, scope) {
  for (let s = scope; s; s = s.parent) {
    const binding = s.bindings.get(name2);
    if (binding) return binding;
  }
  return void 0;
}
function moduleScopeOf(scope) {
  let s = scope;
  while (s.parent && s.className) s = s.parent;
  return s;
}
function joinDotted(base, rest) {
  return base.endsWith(".") ? base + rest : `${base}.${rest}`;
}
function parametersOf(parameters, skip) {
  const out2 = /* @__PURE__ */ new Map();
  let position = 0;
  let positional = true;
  for (const parameter of parameters?.namedChildren ?? []) {
    if (!parameter || parameter.type === "comment") continue;
    if (parameter.type === "positional_separator") continue;
    if (parameter.type === "keyword_separator") {
      positional = false;
      continue;
    }
    let node = parameter;
    if (node.type === "typed_parameter") node = node.namedChild(0);
    else if (node.type === "default_parameter" || node.type === "typed_default_parameter") node = node.childForFieldName("name");
    if (!node) continue;
    if (node.type === "list_splat_pattern" || node.type === "dictionary_splat_pattern") {
      const name2 = node.namedChild(0)?.text;
      const star = node.type === "list_splat_pattern";
      if (name2) out2.set(name2, star && positional && position >= skip ? { index: position - skip, star } : { star });
      positional = false;
      continue;
    }
    if (node.type === "identifier") {
      out2.set(node.text, positional && position >= skip ? { index: position - skip, star: false } : { star: false });
      position++;
    }
  }
  return out2;
}

// src/extract/state.ts
var MAX_EXPRESSION_NESTING = 1e3;
var MAX_BLOCK_NESTING = 200;
var CALL_NESTING = 2;
var MAX_SKIPPED_PARTS = 5;
var MAX_HELPER_NESTING = 100;
var ExtractorState = class {
  constructor(path, text, target) {
    this.path = path;
    this.text = text;
    this.target = target;
    const names = /* @__PURE__ */ new Set();
    for (const match of text.matchAll(/\bglobal[ \t]+([A-Za-z_]\w*(?:[ \t]*,[ \t]*[A-Za-z_]\w*)*)/g)) {
      for (const name2 of match[1].split(",")) names.add(name2.trim());
    }
    this.globalNames = names;
    this.excerpts = new Excerpts(text);
  }
  path;
  text;
  target;
  imports = [];
  calls = [];
  classes = [];
  /** `ModuleSummary.functions`, one entry a function: `<qualname> <line>`. */
  functions = [];
  definedNames = /* @__PURE__ */ new Set();
  importedNames = /* @__PURE__ */ new Set();
  /** What tree-sitter accepts but CPython 3 refuses: Python 2 statements, indentation errors. */
  structuralProblems = [];
  dunderAll;
  assignments = [];
  /** Function bodies run after the module body has bound every module-level name. */
  deferredBodies = [];
  /** Module-level names whose value is known at this point of the module body (`PY2 = False`). */
  constants = /* @__PURE__ */ new Map();
  /**
   * Module-level names bound to a number the environment may override, at this point of the module
   * body (changedetection.io's `_max_executor_workers = int(os.getenv("FETCH_WORKERS", "10"))`).
   * Not constants: a condition on one is decided at run time.
   */
  environmentDefaults = /* @__PURE__ */ new Map();
  /** How many times each module-level name is bound: a function body sees only names bound once. */
  bindingCounts = /* @__PURE__ */ new Map();
  /** Names some function declares `global`: their value can change at any call. */
  globalNames;
  /** Depth of module-level blocks that may or may not run (if/try/for/while bodies). */
  branchDepth = 0;
  /** Run-time conditions of the branches being visited in the current body, outermost first (`CallRecord.condition`). */
  conditions = [];
  /** The `except ImportError:` clauses being visited, innermost last. */
  fallbacks = [];
  /** Rows of PEP 810 `lazy` soft keywords, which tree-sitter-python 0.25 reads as ERROR nodes before an import. */
  lazyPrefixRows = /* @__PURE__ */ new Set();
  /**
   * Loop variables of the `for` statements being visited that iterate over a literal tuple or list
   * of strings (directly or through a module-level name), or over another module's `__all__`
   * (`allOf`: that module's name as the file's imports qualify it, leading dots for relative ones),
   * or over a registry of this module (`registry`: see `RegistryImport`).
   */
  loopItems = /* @__PURE__ */ new Map();
  /** Names bound to a folder's listing (`modules = os.listdir(meta_dir)`), that a later `for` iterates. */
  listings = /* @__PURE__ */ new Map();
  /** How many of the `for` statements being visited iterate over a folder's listing. */
  listingLoops = 0;
  registryAdders = [];
  registryImports = [];
  boundMethods = [];
  /** Seen `if TYPE_CHECKING or <run-time call>:` at module level. */
  installsLazyImporter = false;
  /** Line of the first `if __name__ == "__main__":` at module level. */
  mainGuardLine;
  /** See `ModuleSummary.mainCalls`. */
  mainCalls = [];
  /** Levels of expressions and of blocks being visited: see MAX_EXPRESSION_NESTING, MAX_BLOCK_NESTING. */
  expressionDepth = 0;
  blockDepth = 0;
  /** Parts left out because they are nested too deeply (the first few). */
  skippedParts = [];
  excerpts;
  /**
   * A part nested deeper than importleak walks (see MAX_EXPRESSION_NESTING): reported (the first
   * few per file) and skipped; the rest of the file is still analyzed.
   */
  skipTooDeep(node, what) {
    if (this.skippedParts.length >= MAX_SKIPPED_PARTS) return;
    this.skippedParts.push({ span: spanOf(node), message: `${what}; importleak did not analyze this part (the calls and imports in it), the rest of the file was` });
  }
  /** Visits code that runs only when `condition` (as written) holds at run time. */
  underCondition(condition, visit) {
    this.conditions.push(condition);
    try {
      visit();
    } finally {
      this.conditions.pop();
    }
  }
  /** The scope of code under a branch that never runs for the target, in `scope`'s body; `condition` says why. */
  unreachable(scope, condition) {
    const execution = scope.execution;
    const inFunction = execution.kind === "function" ? execution.function : "function" in execution ? execution.function : void 0;
    return { kind: "unreachable", condition, ...inFunction !== void 0 ? { function: inFunction } : {} };
  }
  /** Runs `visit` as a module-level block that may not run: names bound in it have no known value after it. */
  inBranch(visit) {
    this.branchDepth++;
    try {
      visit();
    } finally {
      this.branchDepth--;
    }
  }
  /** What a condition in `scope` reads: names qualified through its bindings, and module-level constants it does not shadow. */
  conditionContext(scope) {
    return {
      target: this.target,
      qualify: (dotted) => {
        const resolved = qualify(dotted, scope);
        if (resolved && "qualified" in resolved && resolved.kind === "import") return resolved.qualified;
        if (!resolved && dotted === "TYPE_CHECKING" && !lookup(dotted, scope)) return "typing.TYPE_CHECKING";
        return void 0;
      },
      constant: (name2) => this.seesModuleName(name2, scope) ? this.constants.get(name2) : void 0
    };
  }
  /** `name` read in `scope` is the module-level name, with the value it has at this point of the module body. */
  seesModuleName(name2, scope) {
    for (let s = scope; s; s = s.parent) {
      if (s.parent === void 0 && s.prefix === "" && !s.className) break;
      if (s.bindings.has(name2)) return false;
    }
    if (this.globalNames.has(name2)) return false;
    return scope.execution.kind === "module" || (this.bindingCounts.get(name2) ?? 0) === 1;
  }
  /** A module-level name is (re)bound: to `value` when it is known, and the binding is unconditional. */
  bindConstant(name2, value) {
    this.bindingCounts.set(name2, (this.bindingCounts.get(name2) ?? 0) + 1);
    this.environmentDefaults.delete(name2);
    if (value !== void 0 && this.branchDepth === 0 && !this.globalNames.has(name2)) this.constants.set(name2, value);
    else this.constants.delete(name2);
  }
};

// src/extract/dynamicImports.ts
function noteRegistryAdder(x, functionNode, argumentsNode, scope) {
  if (scope.execution.kind !== "function" || !scope.parameters) return;
  const method = functionNode.childForFieldName("attribute")?.text;
  if (method !== "update" && method !== "extend" && method !== "add" && method !== "append") return;
  const registry = registryNamed(x, functionNode.childForFieldName("object"), scope);
  const args2 = argumentsNode.namedChildren.filter((c) => c !== null && c.type !== "comment");
  if (!registry || args2.length !== 1 || args2[0].type !== "identifier") return;
  const parameter = scope.parameters.get(args2[0].text);
  if (parameter?.index === void 0) return;
  const adds = method === "add" || method === "append";
  if (parameter.star && adds) return;
  const takes = parameter.star ? "each-argument" : adds ? "argument" : "items";
  x.registryAdders.push({ function: scope.execution.function, registry, parameter: parameter.index, takes });
}
function registryNamed(x, node, scope, depth2 = 0) {
  if (!node || depth2 > MAX_HELPER_NESTING) return void 0;
  if (node.type === "call") {
    const callee = node.childForFieldName("function");
    const args2 = node.childForFieldName("arguments")?.namedChildren.filter((c) => c !== null && c.type !== "comment") ?? [];
    if (callee?.type === "identifier" && REGISTRY_VIEWS.has(callee.text) && args2.length === 1 && !lookup(callee.text, scope)) {
      return registryNamed(x, args2[0], scope, depth2 + 1);
    }
    if (callee?.type === "attribute" && callee.childForFieldName("attribute")?.text === "copy" && args2.length === 0) {
      return registryNamed(x, callee.childForFieldName("object"), scope, depth2 + 1);
    }
    return void 0;
  }
  if (isSelfAttribute(node)) return scope.methodClass ? `${scope.methodClass}.${node.childForFieldName("attribute").text}` : void 0;
  if (node.type !== "identifier" || !x.definedNames.has(node.text)) return void 0;
  if (isModuleLevel(scope) || scope.execution.kind === "function" && !scope.bindings.has(node.text)) return node.text;
  return void 0;
}
function noteDynamicImport(x, call2, scope, argumentsNode) {
  if (call2.callee !== "importlib.import_module" && call2.callee !== "builtins.__import__") return;
  const first = call2.args[0];
  if (!first || first.keyword !== void 0) return;
  const node = argumentsNode?.namedChildren.find((c) => c !== null && c.type !== "comment") ?? null;
  const computed = computedStrings(x, node, scope);
  if (!computed) return;
  const source = computed.source;
  if (source && "listing" in source) {
    for (const name2 of computed.values) noteDynamicImportOf(x, call2, scope, name2, { eachSubmodule: source.listing });
    return;
  }
  if (source && "registry" in source) {
    const prefixParameter = prefixFilter(x, argumentsNode.parent, scope);
    const registryOf = { registry: source.registry, ...prefixParameter ? { prefixParameter } : {} };
    for (const name2 of computed.values) noteDynamicImportOf(x, call2, scope, name2, { registryOf });
    return;
  }
  for (const name2 of computed.values) noteDynamicImportOf(x, call2, scope, name2, source ? { allOf: source.allOf } : {});
}
function prefixFilter(x, call2, scope) {
  for (let node = call2; node && node.type !== "function_definition"; node = node.parent) {
    const parent = node.parent;
    if (parent?.type !== "if_statement" || parent.childForFieldName("consequence") !== node) continue;
    const found = findDescendant(parent.childForFieldName("condition"), (n) => {
      if (n.type !== "call") return false;
      const callee = n.childForFieldName("function");
      const args2 = n.childForFieldName("arguments")?.namedChildren ?? [];
      const item = callee?.childForFieldName("object");
      const items = item?.type === "identifier" ? x.loopItems.get(item.text) : void 0;
      return callee?.type === "attribute" && callee.childForFieldName("attribute")?.text === "startswith" && items !== void 0 && !Array.isArray(items) && "registry" in items && args2.length === 1 && args2[0]?.type === "identifier" && scope.parameters?.get(args2[0].text)?.index !== void 0;
    });
    if (!found) continue;
    const name2 = found.childForFieldName("arguments").namedChildren[0].text;
    const parameter = scope.parameters.get(name2);
    if (!parameter.star) return { index: parameter.index, name: name2 };
  }
  return void 0;
}
function loopItemsOf(x, node, scope) {
  const listing = listingOf(x, node, scope);
  if (listing) return { listing };
  const items = stringItems(evaluate(node, x.conditionContext(scope)));
  const registry = items?.length === 0 || !items ? registryNamed(x, node, scope) : void 0;
  if (registry) return { registry };
  if (items) return items;
  const dotted = node ? dottedName(node) : void 0;
  if (!dotted?.endsWith(".__all__")) return void 0;
  const resolved = qualify(dotted.slice(0, -".__all__".length), scope);
  return resolved?.kind === "import" ? { allOf: resolved.qualified } : void 0;
}
function computedStrings(x, node, scope) {
  let source;
  let depth2 = 0;
  const valuesOf = (n) => {
    if (!n || depth2 > MAX_HELPER_NESTING) return void 0;
    depth2++;
    try {
      return valuesOfNode(n);
    } finally {
      depth2--;
    }
  };
  const valuesOfNode = (n) => {
    switch (n.type) {
      case "parenthesized_expression":
        return n.namedChildCount === 1 ? valuesOf(n.namedChild(0)) : void 0;
      case "identifier": {
        if ((n.text === "__package__" || n.text === "__name__" && /(^|\/)__init__\.py$/.test(x.path)) && !lookup(n.text, scope)) return [THIS_PACKAGE];
        const items = x.loopItems.get(n.text);
        if (Array.isArray(items)) return items;
        if (items) {
          if (source !== void 0) return void 0;
          source = items;
          return [ALL_ITEM];
        }
        const value = evaluate(n, x.conditionContext(scope));
        return typeof value === "string" ? [value] : void 0;
      }
      case "string": {
        const value = evaluate(n, x.conditionContext(scope));
        if (typeof value === "string") return [value];
        return formattedStrings(x, n, valuesOf);
      }
      case "concatenated_string":
        return product(n.namedChildren.map((c) => c ? valuesOf(c) : void 0));
      case "binary_operator": {
        const operator = n.childForFieldName("operator")?.text;
        const left = valuesOf(n.childForFieldName("left"));
        const rightNode = n.childForFieldName("right");
        if (!left || !rightNode) return void 0;
        if (operator === "+") return product([left, valuesOf(rightNode)]);
        if (operator !== "%") return void 0;
        const operands = rightNode.type === "tuple" ? rightNode.namedChildren.filter((c) => c !== null && c.type !== "comment") : [rightNode];
        const combinations = product(operands.map((o) => valuesOf(o)).map((v) => v?.map((x2) => [x2])));
        return combinations && left.length === 1 ? substituteAll(left[0], combinations, /%()s/g) : void 0;
      }
      case "attribute":
      case "subscript":
        return listingItem(n);
      case "call": {
        const callee = n.childForFieldName("function");
        if (callee?.type !== "attribute" || callee.childForFieldName("attribute")?.text !== "format") return listingItem(n);
        const template = valuesOf(callee.childForFieldName("object"));
        const args2 = n.childForFieldName("arguments")?.namedChildren.filter((c) => c !== null && c.type !== "comment") ?? [];
        if (!template || template.length !== 1 || args2.some((a) => a.type === "keyword_argument" || a.type.endsWith("splat"))) return void 0;
        const combinations = product(args2.map((a) => valuesOf(a)?.map((x2) => [x2])));
        return combinations ? substituteAll(template[0], combinations, /\{(\d*)\}/g) : void 0;
      }
      default:
        return void 0;
    }
  };
  const listingItem = (n) => {
    const listed = listingVariableIn(x, n);
    if (!listed || source !== void 0) return void 0;
    source = listed;
    return [ALL_ITEM];
  };
  const values = valuesOf(node);
  if (!values || values.length > MAX_COMPUTED_NAMES) return void 0;
  return { values, ...source !== void 0 ? { source } : {} };
}
function formattedStrings(x, node, valuesOf) {
  const parts2 = [];
  for (const part of node.namedChildren) {
    if (!part) continue;
    if (part.type === "string_start") {
      if (!/[fF]/.test(part.text) || /[bB]/.test(part.text)) return void 0;
    } else if (part.type === "string_content") {
      if (part.text.includes("\\") || /[{}]/.test(part.text)) return void 0;
      parts2.push([part.text]);
    } else if (part.type === "interpolation") {
      if (part.childForFieldName("format_specifier") || part.childForFieldName("type_conversion")) return void 0;
      parts2.push(valuesOf(part.childForFieldName("expression")));
    } else if (part.type !== "string_end") return void 0;
  }
  return product(parts2);
}
function noteDynamicImportOf(x, call2, scope, literal, { allOf, registryOf, eachSubmodule }) {
  const eachItem = allOf !== void 0 || registryOf !== void 0 || eachSubmodule !== void 0;
  if (eachItem && (literal.split(ALL_ITEM).length !== 2 || literal.startsWith(".") && eachSubmodule === void 0)) return;
  if (literal.includes(THIS_PACKAGE) && !(literal.startsWith(`${THIS_PACKAGE}.`) && literal.split(THIS_PACKAGE).length === 2)) return;
  const relativeToPackage = literal.startsWith(THIS_PACKAGE);
  let name2 = (relativeToPackage ? literal.slice(THIS_PACKAGE.length) : literal).replace(ALL_ITEM, "*");
  let level = 0;
  if (relativeToPackage) {
    name2 = name2.slice(1);
    level = 1;
  } else if (call2.callee === "importlib.import_module") {
    while (name2.startsWith(".")) {
      level++;
      name2 = name2.slice(1);
    }
    if (level > 0) {
      const anchor = call2.args.find((a) => a.keyword === "package") ?? call2.args[1];
      const isInit = /(^|\/)__init__\.py$/.test(x.path);
      if (anchor && typeof anchor.literal === "string" && anchor.literal !== "") {
        const parts2 = anchor.literal.split(".");
        if (level - 1 >= parts2.length) return;
        const base = parts2.slice(0, parts2.length - (level - 1)).join(".");
        name2 = name2 ? `${base}.${name2}` : base;
        level = 0;
      } else if (!anchor || !(anchor.text === "__package__" || anchor.text === "__name__" && isInit)) return;
    }
  } else {
    const levelArg = call2.args.find((a) => a.keyword === "level") ?? call2.args[4];
    if (typeof levelArg?.literal === "number" && levelArg.literal > 0) return;
  }
  if (eachItem && !/^[\w.]*\*[\w.]*$/.test(name2)) return;
  if (eachSubmodule !== void 0 && !/^([\w.]*\.)?\*$/.test(name2)) return;
  if (eachSubmodule !== void 0 && level === 0 && name2 === "*") return;
  (registryOf ? x.registryImports : x.imports).push({
    kind: "dynamic",
    module: name2,
    level,
    names: [],
    star: false,
    ...allOf !== void 0 ? { itemsOf: itemsSource(allOf) } : {},
    ...eachSubmodule !== void 0 ? { eachSubmodule } : {},
    ...registryOf ? { registryOf } : {},
    scope: scope.execution,
    span: call2.span,
    written: call2.statementText
  });
}
var REGISTRY_VIEWS_LIST = ["sorted", "list", "tuple", "set", "frozenset"];
var REGISTRY_VIEWS = new Set(REGISTRY_VIEWS_LIST);
var THIS_PACKAGE = "";
var LISTING_CALLS = {
  "os.listdir": "files",
  "os.scandir": "files",
  "glob.glob": "files",
  "glob.iglob": "files",
  "pkgutil.iter_modules": "modules"
};
function listingOf(x, node, scope, depth2 = 0) {
  if (!node || depth2 > MAX_HELPER_NESTING) return void 0;
  if (node.type === "identifier") return x.listings.get(node.text);
  if (node.type !== "call") return void 0;
  const callee = node.childForFieldName("function");
  if (!callee) return void 0;
  const args2 = node.childForFieldName("arguments")?.namedChildren.filter((c) => c !== null && c.type !== "comment") ?? [];
  if (callee.type === "identifier" && REGISTRY_VIEWS.has(callee.text) && args2.length === 1 && !lookup(callee.text, scope)) return listingOf(x, args2[0], scope, depth2 + 1);
  if (callee.type === "attribute") {
    const method = callee.childForFieldName("attribute")?.text;
    const object = callee.childForFieldName("object");
    if ((method === "iterdir" || method === "glob") && object && /\bPath\b/.test(object.text)) return "files";
  }
  const dotted = dottedName(callee);
  const qualified = dotted ? qualify(dotted, scope) : void 0;
  return qualified?.kind === "import" && Object.hasOwn(LISTING_CALLS, qualified.qualified) ? LISTING_CALLS[qualified.qualified] : void 0;
}
var LISTING_NAMES = /* @__PURE__ */ new Set(["listdir", "scandir", "glob", "iglob", "iter_modules", "iterdir", ...REGISTRY_VIEWS_LIST]);
function mayList(call2) {
  const callee = call2.childForFieldName("function");
  if (!callee) return false;
  const name2 = callee.type === "attribute" ? callee.childForFieldName("attribute")?.text : callee.type === "identifier" ? callee.text : void 0;
  return name2 !== void 0 && LISTING_NAMES.has(name2);
}
function noteListingAssignment(x, names, right, scope) {
  if (x.listings.size > 0) for (const name2 of names) x.listings.delete(name2);
  if (names.length !== 1) return;
  const listing = right.type === "call" && mayList(right) ? listingOf(x, right, scope) : void 0;
  if (listing) x.listings.set(names[0], listing);
  const item = x.listingLoops > 0 ? listingVariableIn(x, right) : void 0;
  if (item) x.loopItems.set(names[0], item);
}
function listingVariableIn(x, node) {
  if (x.listingLoops === 0) return void 0;
  let found;
  const names = /* @__PURE__ */ new Set();
  findDescendant(node, (n) => {
    if (n.type !== "identifier" || names.has(n.text)) return false;
    if (n.parent?.type === "attribute" && n.parent.childForFieldName("attribute") === n) return false;
    const items = x.loopItems.get(n.text);
    if (items && !Array.isArray(items) && "listing" in items) {
      found = items;
      names.add(n.text);
    }
    return names.size > 1;
  });
  return names.size === 1 ? found : void 0;
}
function findDescendant(node, test) {
  const pending = node ? [node] : [];
  for (let at = pending.pop(); at; at = pending.pop()) {
    if (test(at)) return at;
    for (let kids = at.namedChildren, i2 = kids.length - 1; i2 >= 0; i2--) pending.push(kids[i2]);
  }
  return void 0;
}

// src/extract/calls.ts
var WORD = /\w/;
var RETURN_BEFORE = /(^|[\n;])[ \t]*return[ \t]+$/;
var WORD_OR_DOT = /[\w.]/;
function visitExpression(x, node, scope, placement, statement) {
  if (!node) return;
  const type = node.type;
  switch (type) {
    case "call":
      visitCall(x, node, scope, placement, statement);
      return;
    case "lambda":
    case "function_definition":
    case "class_definition":
    case "decorated_definition":
      return;
    case "identifier":
    case "string_content":
    case "integer":
    case "float":
    case "true":
    case "false":
    case "none":
      return;
  }
  if (x.expressionDepth >= MAX_EXPRESSION_NESTING) return x.skipTooDeep(node, `an expression nested more than ${MAX_EXPRESSION_NESTING} levels deep`);
  x.expressionDepth++;
  try {
    if (type === "named_expression") visitExpression(x, node.childForFieldName("value"), scope, placement, statement);
    else if (type === "conditional_expression" && node.namedChildCount === 3) visitConditionalExpression(x, node, scope, placement, statement);
    else for (const child of node.namedChildren) visitExpression(x, child, scope, placement, statement);
  } finally {
    x.expressionDepth--;
  }
}
function visitConditionalExpression(x, node, scope, placement, statement) {
  const [body2, condition, alternative] = [node.namedChild(0), node.namedChild(1), node.namedChild(2)];
  visitExpression(x, condition, scope, placement, statement);
  const value = truthiness(evaluate(condition, x.conditionContext(scope)));
  if (value !== false) {
    if (value === true) visitExpression(x, body2, scope, placement, statement);
    else x.underCondition(conditionText(condition), () => visitExpression(x, body2, scope, placement, statement));
  }
  if (value !== true) {
    if (value === false) visitExpression(x, alternative, scope, placement, statement);
    else x.underCondition(negation([condition]), () => visitExpression(x, alternative, scope, placement, statement));
  }
}
function visitCall(x, node, scope, placement, statement) {
  if (x.expressionDepth + CALL_NESTING > MAX_EXPRESSION_NESTING) return void x.skipTooDeep(node, `an expression nested more than ${MAX_EXPRESSION_NESTING} levels deep`);
  x.expressionDepth += CALL_NESTING;
  try {
    const functionNode = node.childForFieldName("function");
    const argumentsNode = node.childForFieldName("arguments");
    let receiver;
    let callee;
    let calleeIsLocal = false;
    if (functionNode?.type === "attribute" && functionNode.childForFieldName("object")?.type === "call") {
      const innerId = visitCall(x, functionNode.childForFieldName("object"), scope, placement, statement);
      if (innerId !== void 0) receiver = { callId: innerId, method: functionNode.childForFieldName("attribute")?.text ?? "", via: "chain" };
    } else if (functionNode) {
      const dotted = dottedName(functionNode);
      const resolved = dotted ? qualify(dotted, scope) : void 0;
      if (resolved?.kind === "instance") {
        receiver = { callId: resolved.callId, method: resolved.member, via: "name", name: resolved.name };
      } else if (resolved) {
        callee = resolved.qualified;
        calleeIsLocal = resolved.kind === "local";
      } else if (!dotted) {
        visitExpression(x, functionNode, scope, placement, statement);
      }
    }
    const args2 = [];
    for (let i2 = 0, kids = argumentsNode ? argumentsNode.namedChildren : []; i2 < kids.length; i2++) {
      const argument = kids[i2];
      if (argument.type === "comment") continue;
      visitExpression(x, argument.type === "keyword_argument" ? argument.childForFieldName("value") : argument, scope, placement, statement);
      args2.push(callArgument(argument, x, scope));
    }
    const id = x.calls.length;
    const record = { id };
    if (callee) record.callee = callee;
    if (calleeIsLocal) record.calleeIsLocal = calleeIsLocal;
    record.calleeText = functionNode?.text ?? "";
    record.text = x.excerpts.of(node);
    if (receiver) record.receiver = receiver;
    record.args = args2;
    record.scope = scope.execution;
    record.placement = placement;
    record.span = spanOf(node);
    record.statementText = x.excerpts.of(statement);
    if (x.conditions.length) record.condition = x.conditions.join(" and ");
    x.calls.push(record);
    const use = useOfValue(node);
    if (use === "consumed") dropChain(x, record);
    else if (use === "returned" && scope.execution.kind === "function") record.returned = true;
    noteDynamicImport(x, record, scope, argumentsNode);
    if (functionNode?.type === "attribute" && argumentsNode) noteRegistryAdder(x, functionNode, argumentsNode, scope);
    return id;
  } finally {
    x.expressionDepth -= CALL_NESTING;
  }
}
var STRING_OR_COMMENT = /#[^\n]*|[rRbBuUfF]{0,2}(?:"""[\s\S]*?"""|'''[\s\S]*?'''|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')/g;
function codeOnly(text) {
  if (!/["'#]/.test(text)) return text;
  return text.replace(STRING_OR_COMMENT, (literal) => literal.replace(/[^\n]/g, " "));
}
function useOfValue(node) {
  let at = node;
  let parent = at.parent;
  while (parent?.type === "parenthesized_expression") {
    at = parent;
    parent = at.parent;
  }
  switch (parent?.type) {
    case "comparison_operator":
    case "not_operator":
    case "assert_statement":
      return "consumed";
    case "if_statement":
    case "elif_clause":
    case "while_statement":
      return parent.childForFieldName("condition") === at ? "consumed" : void 0;
    case "return_statement":
      return "returned";
    default:
      return void 0;
  }
}
function dropChain(x, record) {
  for (let at = record; at; ) {
    at.discarded = true;
    at = at.receiver?.via === "chain" ? x.calls[at.receiver.callId] : void 0;
  }
}
function noteDroppedLocals(x, body2, firstCall) {
  const candidates = x.calls.slice(firstCall).filter((c) => c.boundTo !== void 0 && c.assignedTo === c.boundTo && /^[A-Za-z_]\w*$/.test(c.boundTo) && !x.globalNames.has(c.boundTo) && c.scope.kind === "function");
  if (candidates.length === 0) return;
  const text = codeOnly(x.text.slice(body2.startIndex, body2.endIndex));
  if (/(^|[^\w.])(def|lambda|class)\b/.test(text)) return;
  for (const call2 of candidates) {
    const name2 = call2.boundTo;
    let assignments = 0;
    let returns = 0;
    let otherUse = false;
    for (let at = text.indexOf(name2); at >= 0 && !otherUse; at = text.indexOf(name2, at + name2.length)) {
      const end = at + name2.length;
      if (at > 0 && WORD_OR_DOT.test(text[at - 1]) || end < text.length && WORD.test(text[end])) continue;
      const after = text.slice(end, end + 200);
      if (/^\s*(:[^=\n]*)?=(?!=)/.test(after)) assignments++;
      else if (RETURN_BEFORE.test(text.slice(Math.max(0, at - 40), at)) && /^[ \t]*(#[^\n]*)?(\n|;|$)/.test(after)) returns++;
      else if (!/^\s*\.\s*\w+\s*\(/.test(after)) otherUse = true;
    }
    if (otherUse || assignments !== 1) continue;
    if (returns > 0) call2.returned = true;
    else call2.discarded = true;
  }
}
function callArgument(argument, x, scope) {
  const value = argument.type === "keyword_argument" ? argument.childForFieldName("value") : argument;
  const record = argument.type === "keyword_argument" ? { keyword: argument.childForFieldName("name")?.text ?? "", text: value?.text ?? "" } : { text: argument.text };
  const literal = value ? scalarLiteral(value) : void 0;
  if (literal !== void 0) record.literal = literal;
  else if (value?.type === "identifier" && (x.constants.has(value.text) || x.environmentDefaults.has(value.text)) && x.seesModuleName(value.text, scope)) {
    const constant = x.constants.get(value.text);
    const fromEnvironment = x.environmentDefaults.get(value.text);
    if (typeof constant === "number") record.constant = constant;
    else if (fromEnvironment) record.fromEnvironment = { ...fromEnvironment };
  }
  return record;
}

// src/extract/literals.ts
function literalValueOf(right) {
  if (right.type === "string" || right.type === "concatenated_string") {
    const literal = parsePythonLiteral(right.text);
    return literal.kind === "string" ? { value: literal.value, unread: [] } : void 0;
  }
  const operands = [];
  const pending = [right];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type === "binary_operator" && node.childForFieldName("operator")?.type === "+") {
      pending.push(node.childForFieldName("right"), node.childForFieldName("left"));
    } else operands.push(node);
  }
  const value = [];
  const unread = [];
  let lists = 0;
  for (const operand of operands) {
    const literal = operand.type === "list" || operand.type === "tuple" ? parsePythonLiteral(operand.text) : void 0;
    if (literal?.kind !== "list" && literal?.kind !== "tuple") {
      unread.push(foldText(operand.text));
      continue;
    }
    lists++;
    for (const item of literal.items) {
      if (item.kind === "string") value.push(item.value);
      else if (item.kind === "other") unread.push(item.text);
      else return void 0;
    }
  }
  return lists > 0 ? { value, unread } : void 0;
}
function stringSequence(node) {
  if (node.type !== "list" && node.type !== "tuple" && node.type !== "expression_list") return void 0;
  const values = [];
  for (const child of node.namedChildren) {
    if (!child || child.type === "comment") continue;
    const value = stringLiteral(child);
    if (value === void 0) return void 0;
    values.push(value);
  }
  return values;
}

// src/extract/assignments.ts
function visitAssignment(x, node, scope, statement) {
  const { targets, right } = assignmentParts(node);
  const names = [];
  for (const target of targets) if (target.type === "identifier") names.push(target.text);
  for (const target of targets) noteTargetNames(x, target, scope);
  if (isModuleLevel(scope) && right) noteConstantAssignment(x, targets, right, scope);
  for (const target of targets) {
    if (target.type !== "identifier") visitExpression(x, target, scope, placementFor(scope), statement);
  }
  if (!right) return;
  if (scope.execution.kind === "module" && scope.prefix === "" && names.includes("__all__")) {
    x.dunderAll = stringSequence(right);
  }
  if (scope.execution.kind === "module" && names.length > 0) noteLiteralAssignment(x, names, right, scope, statement);
  if (names.length > 0 && (right.type === "call" || x.listingLoops > 0 || x.listings.size > 0)) noteListingAssignment(x, names, right, scope);
  const firstCall = x.calls.length;
  visitExpression(x, right, scope, placementFor(scope), statement);
  const boundName = names[0];
  if (right.type === "call" && x.calls.length > firstCall) {
    const outer = x.calls[x.calls.length - 1];
    if (boundName) outer.boundTo = scope.className ? `${scope.prefix}${boundName}` : boundName;
    if (targets[0]) outer.assignedTo = x.excerpts.of(targets[0]);
    for (const name2 of names) rebind(scope, name2, { kind: "instance", callId: outer.id });
    for (const target of targets) {
      const attribute = attributeTarget(target);
      if (attribute) scope.bindings.set(attribute, { kind: "instance", callId: outer.id });
    }
  } else if (isModuleLevel(scope) && x.branchDepth === 0 && names.length === 1 && right.type === "attribute" && right.childForFieldName("object")?.type === "identifier") {
    const holder = lookup(right.childForFieldName("object").text, scope);
    const method = right.childForFieldName("attribute")?.text;
    if (holder?.kind === "instance" && method) {
      x.boundMethods.push({ name: names[0], callId: holder.callId, method });
      scope.bindings.set(names[0], { kind: "local", name: names[0] });
    } else scope.bindings.set(names[0], { kind: "opaque" });
  } else {
    for (const name2 of names) rebind(scope, name2, { kind: "opaque" });
    for (const target of targets) {
      const attribute = attributeTarget(target);
      if (attribute) scope.bindings.delete(attribute);
    }
  }
}
function noteConstantAssignment(x, targets, right, scope) {
  if (x.branchDepth > 0) return;
  const value = evaluate(right, x.conditionContext(scope));
  const fromEnvironment = value === void 0 && targets.length === 1 && /^(int\(\s*)?os\.(environ\.get|getenv)\(/.test(right.text) ? environmentDefault(right.text) : void 0;
  for (const target of targets) {
    if (target.type === "identifier") {
      if (value !== void 0 && !x.globalNames.has(target.text)) x.constants.set(target.text, value);
      if (fromEnvironment && !x.globalNames.has(target.text)) x.environmentDefaults.set(target.text, fromEnvironment);
      continue;
    }
    const object = target.type === "subscript" ? target.childForFieldName("value") : null;
    if (object?.type !== "call" || object.childForFieldName("function")?.text !== "globals") continue;
    const key = evaluate(target.childForFieldName("subscript"), x.conditionContext(scope));
    if (typeof key === "string") x.bindConstant(key, value);
    else x.constants.clear();
  }
}
function noteLiteralAssignment(x, names, right, scope, statement, extend = false) {
  const read = literalValueOf(right);
  if (!read) return;
  for (const name2 of names) {
    x.assignments.push({
      name: `${scope.prefix}${name2}`,
      value: read.value,
      ...read.unread.length > 0 ? { unread: read.unread } : {},
      ...extend ? { extends: true } : {},
      span: spanOf(right),
      statementText: x.excerpts.of(statement)
    });
  }
}
function noteTargetNames(x, target, scope) {
  if (!isModuleLevel(scope)) return;
  const pending = [target];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type === "identifier") {
      x.definedNames.add(node.text);
      x.bindConstant(node.text, void 0);
    } else if (node.type === "pattern_list" || node.type === "tuple_pattern" || node.type === "list_pattern") {
      for (let kids = node.namedChildren, i2 = kids.length - 1; i2 >= 0; i2--) pending.push(kids[i2]);
    }
  }
}

// src/extract/definitions.ts
function visitDecorated(x, node, scope) {
  const definition = node.childForFieldName("definition");
  const decorators = node.namedChildren.filter((c) => c?.type === "decorator");
  if (definition?.type === "function_definition") visitFunction(x, definition, scope, decorators);
  else if (definition?.type === "class_definition") visitClass(x, definition, scope, decorators);
}
function visitDecorators(x, decorators, scope, target) {
  for (const decorator of decorators) {
    const expression = decorator.namedChild(0);
    const dotted = expression ? dottedName(expression) : void 0;
    if (expression && dotted) {
      recordBareDecorator(x, expression, dotted, scope, target, decorator);
    } else {
      visitExpression(x, expression, scope, { kind: "decorator", target }, decorator);
    }
  }
}
function recordBareDecorator(x, expression, dotted, scope, target, decorator) {
  const resolved = qualify(dotted, scope);
  const id = x.calls.length;
  x.calls.push({
    id,
    ...resolved && "qualified" in resolved ? { callee: resolved.qualified } : {},
    ...resolved?.kind === "local" ? { calleeIsLocal: true } : {},
    ...resolved?.kind === "instance" ? { receiver: { callId: resolved.callId, method: resolved.member, via: "name", name: resolved.name } } : {},
    calleeText: expression.text,
    text: `@${expression.text}`,
    args: [{ text: target.split(".").pop() }],
    scope: scope.execution,
    placement: { kind: "decorator", target },
    bareDecorator: true,
    span: spanOf(expression),
    statementText: x.excerpts.of(decorator)
  });
}
function visitFunction(x, node, scope, decorators) {
  const name2 = node.childForFieldName("name")?.text ?? "<function>";
  const qualname = `${scope.prefix}${name2}`;
  visitDecorators(x, decorators, scope, qualname);
  const parameters = node.childForFieldName("parameters");
  for (let i2 = 0, kids = parameters ? parameters.namedChildren : []; i2 < kids.length; i2++) {
    const parameter = kids[i2];
    if (parameter.type !== "default_parameter" && parameter.type !== "typed_default_parameter") continue;
    const parameterName = parameter.childForFieldName("name")?.text ?? "?";
    const placement = { kind: "default-argument", function: qualname, parameter: parameterName };
    visitExpression(x, parameter.childForFieldName("value"), scope, placement, node);
  }
  x.functions.push(`${qualname} ${node.startPosition.row + 1}`);
  bindDefinition(x, name2, qualname, scope);
  const body2 = node.childForFieldName("body");
  if (body2) {
    const isMethod = scope.className !== void 0 && !decorators.some((d) => d.namedChild(0)?.text === "staticmethod");
    const functionScope = newScope({ kind: "function", function: qualname }, `${qualname}.`, {
      parent: scope.className ? moduleScopeOf(scope) : scope,
      parameters: parametersOf(parameters, isMethod ? 1 : 0),
      ...isMethod ? { methodClass: scope.className } : {}
    });
    for (const name3 of functionScope.parameters.keys()) functionScope.bindings.set(name3, { kind: "opaque" });
    x.deferredBodies.push({ body: body2, scope: functionScope });
  }
}
function visitClass(x, node, scope, decorators) {
  const name2 = node.childForFieldName("name")?.text ?? "<class>";
  const qualname = `${scope.prefix}${name2}`;
  visitDecorators(x, decorators, scope, qualname);
  const superclasses = node.childForFieldName("superclasses");
  const bases = [];
  let metaclass;
  for (let i2 = 0, kids = superclasses ? superclasses.namedChildren : []; i2 < kids.length; i2++) {
    const base = kids[i2];
    if (base.type === "keyword_argument") {
      const value = base.childForFieldName("value");
      const dotted2 = base.childForFieldName("name")?.text === "metaclass" && value ? dottedName(value) : void 0;
      const resolved2 = dotted2 ? qualify(dotted2, scope) : void 0;
      if (resolved2 && "qualified" in resolved2) metaclass = resolved2.qualified;
      visitExpression(x, value, scope, { kind: "statement" }, node);
      continue;
    }
    const dotted = dottedName(base);
    const resolved = dotted ? qualify(dotted, scope) : void 0;
    if (resolved && "qualified" in resolved) bases.push(resolved.qualified);
    else visitExpression(x, base, scope, { kind: "statement" }, node);
  }
  const body2 = node.childForFieldName("body");
  const header = foldText(x.text.slice(node.startIndex, body2 ? body2.startIndex : node.endIndex)).replace(/\s*$/, "");
  x.classes.push({ name: qualname, bases, ...metaclass ? { metaclass } : {}, scope: scope.execution, header, span: spanOf(node) });
  if (body2) {
    const classScope = newScope(scope.execution, `${qualname}.`, { parent: scope, className: qualname });
    x.visitBlock(body2, classScope);
  }
  bindDefinition(x, name2, qualname, scope);
}
function bindDefinition(x, name2, qualname, scope) {
  scope.bindings.set(name2, { kind: "local", name: qualname });
  if (scope.execution.kind === "module" && scope.prefix === "") {
    x.definedNames.add(name2);
    x.bindConstant(name2, void 0);
  }
}

// src/extract/imports.ts
function checkFutureImports(x, root) {
  let atStart = true;
  let first = true;
  for (const statement of root.namedChildren) {
    if (!statement || statement.type === "comment") continue;
    if (statement.type === "future_import_statement") {
      if (!atStart) {
        x.structuralProblems.push({ span: spanOf(statement), message: "syntax error: from __future__ imports must occur at the beginning of the file" });
        continue;
      }
      for (const name2 of statement.childrenForFieldName("name")) {
        const feature = (name2?.type === "aliased_import" ? name2.childForFieldName("name") : name2)?.text ?? "";
        if (FUTURE_FEATURES.has(feature)) continue;
        const message = feature === "braces" ? "not a chance" : `future feature ${feature} is not defined`;
        x.structuralProblems.push({ span: spanOf(statement), message: `syntax error: ${message}` });
        break;
      }
    } else if (!(first && statement.type === "expression_statement" && statement.namedChildCount === 1 && isDocstring(statement.namedChild(0)))) {
      atStart = false;
    }
    first = false;
  }
  for (const nested of root.descendantsOfType("future_import_statement")) {
    if (nested && nested.parent?.type !== "module") {
      x.structuralProblems.push({ span: spanOf(nested), message: "syntax error: from __future__ imports must occur at the beginning of the file" });
    }
  }
}
function findLazyPrefixes(x, root) {
  const pending = [root];
  for (let node = pending.pop(); node; node = pending.pop()) {
    for (let i2 = 0, kids = node.namedChildren; i2 < kids.length; i2++) {
      const child = kids[i2];
      if (child.type === "ERROR" && child.endIndex - child.startIndex < 64 && child.text.trim() === "lazy") x.lazyPrefixRows.add(child.endPosition.row);
      else if (child.hasError) pending.push(child);
    }
  }
}
function visitImport(x, node, scope) {
  for (const nameNode of node.childrenForFieldName("name")) {
    if (!nameNode) continue;
    const dotted = nameNode.type === "aliased_import" ? nameNode.childForFieldName("name") : nameNode;
    const aliasNode = nameNode.type === "aliased_import" ? nameNode.childForFieldName("alias") : null;
    if (!dotted) continue;
    const module2 = dotted.text.replace(/\s+/g, "");
    const alias = aliasNode?.text;
    x.imports.push(
      withWritten(
        {
          kind: "import",
          module: module2,
          level: 0,
          names: [],
          star: false,
          ...alias ? { alias } : {},
          scope: importScope(x, node, scope),
          ...fallbackOf(x),
          span: spanOf(node)
        },
        x.excerpts.of(node)
      )
    );
    const bound = alias ?? module2.split(".")[0];
    scope.bindings.set(bound, { kind: "import", qualified: alias ? module2 : bound });
    if (isModuleLevel(scope)) {
      x.importedNames.add(bound);
      x.bindConstant(bound, void 0);
    }
  }
}
function visitImportFrom(x, node, scope) {
  const moduleNode = node.childForFieldName("module_name");
  let level = 0;
  let module2 = "";
  if (moduleNode?.type === "relative_import") {
    const prefix = moduleNode.namedChildren.find((c) => c?.type === "import_prefix");
    level = prefix ? prefix.text.length : 0;
    const dotted = moduleNode.namedChildren.find((c) => c?.type === "dotted_name");
    module2 = dotted ? dotted.text.replace(/\s+/g, "") : "";
  } else if (moduleNode) {
    module2 = moduleNode.text.replace(/\s+/g, "");
  }
  const star = node.namedChildren.some((c) => c?.type === "wildcard_import");
  const names = node.childrenForFieldName("name").flatMap((nameNode) => {
    if (!nameNode) return [];
    if (nameNode.type === "aliased_import") {
      const name2 = nameNode.childForFieldName("name")?.text ?? "";
      const alias = nameNode.childForFieldName("alias")?.text;
      return [{ name: name2, ...alias ? { alias } : {} }];
    }
    return [{ name: nameNode.text }];
  });
  if (node.type === "future_import_statement") module2 = "__future__";
  x.imports.push(
    withWritten(
      {
        kind: "from",
        module: module2,
        level,
        names,
        star,
        scope: importScope(x, node, scope),
        ...fallbackOf(x),
        span: spanOf(node)
      },
      x.excerpts.of(node)
    )
  );
  const base = ".".repeat(level) + module2;
  for (const { name: name2, alias } of names) {
    const qualified = base === "" || base.endsWith(".") ? `${base}${name2}` : `${base}.${name2}`;
    scope.bindings.set(alias ?? name2, { kind: "import", qualified });
    if (isModuleLevel(scope)) {
      x.importedNames.add(alias ?? name2);
      x.bindConstant(alias ?? name2, void 0);
    }
  }
}
function importScope(x, node, scope) {
  if (!x.lazyPrefixRows.has(node.startPosition.row)) return scope.execution;
  const execution = scope.execution;
  return { kind: "lazy-import", ...execution.kind === "function" ? { function: execution.function } : {} };
}
function fallbackOf(x) {
  const fallback = x.fallbacks[x.fallbacks.length - 1];
  return fallback ? { fallback } : {};
}
function catchesImportError(clause) {
  const header = clause.text.slice(0, clause.text.indexOf(":") >= 0 ? clause.text.indexOf(":") : void 0);
  if (/^except\*?\s*$/.test(header.trim())) return true;
  return /\b(ImportError|ModuleNotFoundError|Exception|BaseException)\b/.test(header);
}

// src/extract/extract.ts
var TYPE_CHECKING_NAMES = /* @__PURE__ */ new Set(["typing.TYPE_CHECKING", "typing_extensions.TYPE_CHECKING"]);
var COMPOUND_STATEMENTS = /* @__PURE__ */ new Set([
  "if_statement",
  "for_statement",
  "while_statement",
  "try_statement",
  "with_statement",
  "match_statement",
  "function_definition",
  "class_definition",
  "decorated_definition"
]);
function extractModule(parser, path, text, target = DEFAULT_TARGET) {
  let tree = parser.parse(text);
  if (!tree) throw new Error("tree-sitter returned no tree");
  if (tree.rootNode.hasError) {
    const indented = indentContinuationLines(text);
    const retry = indented === void 0 ? null : parser.parse(indented);
    if (retry && !retry.rootNode.hasError) {
      tree.delete();
      tree = retry;
      text = indented;
    } else retry?.delete();
  }
  let copy;
  try {
    copy = copyTree(parser, tree, text);
  } finally {
    tree.delete();
  }
  return new Extractor(path, text, target).run(copy.rootNode);
}
var Extractor = class extends ExtractorState {
  run(root) {
    const moduleScope = newScope({ kind: "module" }, "");
    if (root.hasError) findLazyPrefixes(this, root);
    if (this.text.includes("__future__")) checkFutureImports(this, root);
    this.visitBlock(root, moduleScope);
    for (let i2 = 0; i2 < this.deferredBodies.length; i2++) {
      const { body: body2, scope } = this.deferredBodies[i2];
      this.conditions = [];
      const firstCall = this.calls.length;
      this.visitBlock(body2, scope);
      noteDroppedLocals(this, body2, firstCall);
    }
    const filled = new Set(this.registryAdders.map((a) => a.registry));
    this.imports.push(...this.registryImports.filter((r) => filled.has(r.registryOf.registry)));
    const syntaxProblems = [...root.hasError ? collectSyntaxProblems(root) : [], ...this.structuralProblems].sort((a, b) => a.span.line - b.span.line || a.span.column - b.span.column).slice(0, MAX_SYNTAX_PROBLEMS);
    const suppressions = /importleak:|noqa/i.test(this.text) ? collectSuppressions(root) : [];
    const ignoreFile = suppressions.find((s) => s.style === "importleak" && /ignore-file/.test(s.text));
    return {
      path: this.path,
      target: this.target,
      imports: this.imports,
      calls: this.calls,
      classes: this.classes,
      functions: this.functions.length ? `
${this.functions.join("\n")}` : "",
      ...this.dunderAll ? { dunderAll: this.dunderAll } : {},
      assignments: this.assignments,
      ...this.registryAdders.length ? { registryAdders: this.registryAdders } : {},
      ...this.boundMethods.length ? { boundMethods: this.boundMethods } : {},
      definedNames: [...this.definedNames],
      ...this.definedNames.has("__getattr__") || this.installsLazyImporter ? { lazyAttributes: true } : {},
      ...this.mainGuardLine !== void 0 ? { mainGuardLine: this.mainGuardLine } : {},
      ...this.mainCalls.length ? { mainCalls: this.mainCalls } : {},
      importedNames: [...this.importedNames],
      syntaxProblems,
      ...this.skippedParts.length ? { skippedParts: this.skippedParts } : {},
      suppressions: suppressions.filter((s) => s !== ignoreFile),
      ...ignoreFile ? { ignoreFileLine: ignoreFile.line } : {}
    };
  }
  visitBlock(block, scope) {
    if (this.blockDepth >= MAX_BLOCK_NESTING) return this.skipTooDeep(block, `blocks nested more than ${MAX_BLOCK_NESTING} levels deep`);
    this.blockDepth++;
    try {
      this.visitStatements(block, scope);
    } finally {
      this.blockDepth--;
    }
  }
  visitStatements(block, scope) {
    let column = block.type === "module" ? 0 : -1;
    let previous = null;
    const conditionsBefore = this.conditions.length;
    try {
      for (let i2 = 0, kids = block.namedChildren; i2 < kids.length; i2++) {
        const statement = kids[i2];
        if (!statement) continue;
        if (statement.type !== "comment") {
          const startsLine = previous === null || previous.endPosition.row < statement.startPosition.row;
          if (column < 0) column = statement.startPosition.column;
          else if (startsLine && statement.startPosition.column !== column) {
            const afterCompound = previous !== null && COMPOUND_STATEMENTS.has(previous.type);
            const message = statement.startPosition.column > column && !afterCompound ? "unexpected indent" : "unindent does not match any outer indentation level";
            this.structuralProblems.push({ span: spanOf(statement), message: `syntax error: ${message}` });
          }
          previous = statement;
        }
        if (statement.type === "if_statement") {
          const continuesWhen = this.visitIf(statement, scope);
          if (continuesWhen !== void 0) this.conditions.push(continuesWhen);
        } else this.visitStatement(statement, scope);
      }
    } finally {
      this.conditions.length = conditionsBefore;
    }
    if (block.type === "block" && previous === null && block.parent) {
      const after = block.parent.endPosition.row + 2;
      this.structuralProblems.push({
        span: { line: after, column: 1, endLine: after, endColumn: 1 },
        message: `syntax error: expected an indented block after line ${block.parent.startPosition.row + 1}`
      });
    }
  }
  visitStatement(node, scope) {
    switch (node.type) {
      case "import_statement":
        return visitImport(this, node, scope);
      case "import_from_statement":
        return visitImportFrom(this, node, scope);
      case "future_import_statement":
        return visitImportFrom(this, node, scope);
      case "function_definition":
        return visitFunction(this, node, scope, []);
      case "class_definition":
        return visitClass(this, node, scope, []);
      case "decorated_definition":
        return visitDecorated(this, node, scope);
      case "try_statement":
        return this.visitTry(node, scope);
      case "with_statement":
        return this.visitWith(node, scope);
      case "for_statement": {
        const left = node.childForFieldName("left");
        noteTargetNames(this, left ?? node, scope);
        visitExpression(this, node.childForFieldName("right"), scope, { kind: "statement" }, node);
        const variable = loopVariable(this, left, node.childForFieldName("right"), scope);
        const items = variable ? loopItemsOf(this, node.childForFieldName("right"), scope) : void 0;
        const listing = items !== void 0 && !Array.isArray(items) && "listing" in items;
        const before = listing ? new Map(this.loopItems) : void 0;
        if (items && variable) this.loopItems.set(variable, items);
        if (listing) this.listingLoops++;
        try {
          this.inBranch(() => {
            this.visitBlockOf(node.childForFieldName("body"), scope);
            this.visitBlockOf(node.childForFieldName("alternative"), scope);
          });
        } finally {
          if (before) {
            this.listingLoops--;
            this.loopItems.clear();
            for (const [name2, value] of before) this.loopItems.set(name2, value);
          } else if (items && variable) this.loopItems.delete(variable);
        }
        return;
      }
      case "while_statement":
        visitExpression(this, node.childForFieldName("condition"), scope, { kind: "statement" }, node);
        this.inBranch(() => {
          this.visitBlockOf(node.childForFieldName("body"), scope);
          this.visitBlockOf(node.childForFieldName("alternative"), scope);
        });
        return;
      case "match_statement": {
        visitExpression(this, node.childForFieldName("subject"), scope, { kind: "statement" }, node);
        const body2 = node.childForFieldName("body");
        this.inBranch(() => {
          for (let i2 = 0, kids = body2 ? body2.namedChildren : []; i2 < kids.length; i2++) {
            const clause = kids[i2];
            if (clause.type === "case_clause") this.visitBlockOf(clause.childForFieldName("consequence"), scope);
          }
        });
        return;
      }
      case "expression_statement":
        return this.visitExpressionStatement(node, scope);
      case "print_statement":
      case "exec_statement": {
        if (node.type === "print_statement" && node.namedChild(0)?.type === "chevron") {
          for (let i2 = 0, kids = node.namedChildren; i2 < kids.length; i2++) {
            const child = kids[i2];
            const value = child.type === "chevron" ? child.namedChild(0) : child;
            if (value) visitExpression(this, value, scope, { kind: "statement" }, node);
          }
          return;
        }
        const keyword = node.type === "print_statement" ? "print" : "exec";
        this.structuralProblems.push({ span: spanOf(node), message: `syntax error: Python 2 \`${keyword}\` statement (Python 3 calls ${keyword}() as a function)` });
        return;
      }
      case "global_statement":
      case "nonlocal_statement":
      case "pass_statement":
      case "break_statement":
      case "continue_statement":
      case "comment":
        return;
      default:
        visitExpression(this, node, scope, { kind: "statement" }, node);
    }
  }
  /** Visits the block of a clause node (`else_clause`, `finally_clause`, `except_clause`, a plain `block`). */
  visitBlockOf(clause, scope) {
    if (!clause) return;
    if (clause.type === "block") return this.visitBlock(clause, scope);
    for (let i2 = 0, kids = clause.namedChildren; i2 < kids.length; i2++) {
      const child = kids[i2];
      if (child.type === "block") this.visitBlock(child, scope);
      else if (clause.type === "except_clause" || clause.type === "except_group_clause") {
        const first = clause.namedChild(0);
        const between = () => clause.text.slice(first.endIndex - clause.startIndex, child.startIndex - clause.startIndex).trim();
        if (i2 === 1 && child.type !== "block" && child.type !== "comment" && first.type !== "as_pattern" && first.type !== "comment" && between() === ",") {
          const problem = this.unparenthesisedExcept(clause);
          if (problem) this.structuralProblems.push({ span: spanOf(clause), message: problem });
        }
        visitExpression(this, child, scope, { kind: "statement" }, clause);
      }
    }
  }
  /**
   * `except A, B:` without parentheses: valid from Python 3.14 (PEP 758), as long as no `as`
   * follows; before 3.14 a SyntaxError (it was Python 2's `except X, e:`). The message for the
   * problem, or undefined when the target accepts it.
   */
  unparenthesisedExcept(clause) {
    const star = /^except\s*\*/.test(clause.text) ? "*" : "";
    const hasAs = clause.namedChildren.some((c) => c?.type === "as_pattern");
    const [major, minor] = this.target.version;
    const from314 = major > 3 || major === 3 && minor >= 14;
    if (from314 && !hasAs) return void 0;
    if (hasAs) return `syntax error: \`except${star} A, B as e:\` needs parentheses${from314 ? " even in Python 3.14" : ""} (\`except${star} (A, B) as e:\`)`;
    return `syntax error: \`except${star} A, B:\` without parentheses is valid from Python 3.14 only (PEP 758), and the target is Python ${this.target.version.join(".")}; before 3.14 write \`except${star} (A, B):\` (or \`except${star} A as e:\` for Python 2's \`except A, e:\`)`;
  }
  /**
   * `if` / `elif` / `else`: a branch whose condition is false for the target, or that follows a
   * branch whose condition is true, does not run (its imports get an `unreachable` scope); a
   * condition that depends on run time keeps every branch.
   *
   * Says when the code after it still runs, where that depends on run time: after
   * `if not settings.ENABLED: return` in a function body, `settings.ENABLED`.
   */
  visitIf(node, scope) {
    const clauses = [
      { condition: node.childForFieldName("condition"), body: node.childForFieldName("consequence"), owner: node }
    ];
    for (const alternative of node.childrenForFieldName("alternative")) {
      if (!alternative) continue;
      if (alternative.type === "elif_clause") {
        clauses.push({ condition: alternative.childForFieldName("condition"), body: alternative.childForFieldName("consequence"), owner: alternative });
      } else {
        clauses.push({ condition: null, body: alternative.childForFieldName("body") ?? alternative, owner: alternative });
      }
    }
    let taken;
    const notTaken = [];
    const undecided = [];
    for (const { condition, body: body2, owner } of clauses) {
      if (taken !== void 0) {
        this.visitGuarded(body2, this.unreachable(scope, `\`${taken}\` is true for ${describeTarget(this.target)}, so the branches after it do not run`));
        continue;
      }
      if (!condition) {
        if (notTaken.length === clauses.length - 1 || undecided.length === 0) this.visitBlockOf(body2, scope);
        else this.underCondition(negation(undecided), () => this.inBranch(() => this.visitBlockOf(body2, scope)));
        continue;
      }
      const guard = this.guardKind(condition, scope);
      if (guard) {
        if (guard === "main-guard") this.mainGuardLine ??= condition.startPosition.row + 1;
        visitExpression(this, condition, scope, { kind: "statement" }, owner);
        this.visitGuarded(body2, { kind: guard }, guard === "main-guard" ? scope : void 0);
        notTaken.push(condition.text);
        continue;
      }
      visitExpression(this, condition, scope, { kind: "statement" }, owner);
      const value = truthiness(evaluate(condition, this.conditionContext(scope)));
      if (value === false) {
        notTaken.push(condition.text);
        this.visitGuarded(body2, this.unreachable(scope, `\`${foldText(condition.text)}\` is false for ${describeTarget(this.target)}`));
        continue;
      }
      if (value === true) {
        taken = foldText(condition.text);
        this.visitBlockOf(body2, scope);
      } else {
        undecided.push(condition);
        this.underCondition(conditionText(condition), () => this.inBranch(() => this.visitBlockOf(body2, scope)));
      }
    }
    const [only] = clauses;
    if (clauses.length !== 1 || scope.execution.kind !== "function" || undecided.length !== 1 || !only?.body || !endsInReturn(only.body)) return void 0;
    const guardName = onceGuardName(undecided[0]);
    return guardName !== void 0 && this.globalNames.has(guardName) ? void 0 : negation(undecided);
  }
  /**
   * `try:` / `except:` / `else:` / `finally:`. The imports of an `except` clause that catches
   * ImportError are fallbacks: they run only when an import of the `try` branch fails, which the
   * resolver decides (it knows which modules exist).
   */
  visitTry(node, scope) {
    const firstImport = this.imports.length;
    let tryImports = [];
    for (let i2 = 0, kids = node.namedChildren; i2 < kids.length; i2++) {
      const part = kids[i2];
      if (part.type === "block") {
        this.inBranch(() => this.visitBlock(part, scope));
        tryImports = [];
        for (let k = firstImport; k < this.imports.length; k++) {
          if (this.imports[k].kind !== "dynamic") tryImports.push(k);
        }
      } else if ((part.type === "except_clause" || part.type === "except_group_clause") && tryImports.length > 0 && catchesImportError(part)) {
        this.fallbacks.push({ tryLine: node.startPosition.row + 1, handler: foldText(firstLine(part.text).replace(/:\s*$/, "")), tryImports });
        try {
          this.inBranch(() => this.visitBlockOf(part, scope));
        } finally {
          this.fallbacks.pop();
        }
      } else if (part.type === "finally_clause") {
        this.visitBlockOf(part, scope);
      } else {
        this.inBranch(() => this.visitBlockOf(part, scope));
      }
    }
  }
  /**
   * Code that never runs on import: `if TYPE_CHECKING:` never at run time, `if __name__ == "__main__":`
   * only when the file is run as a script, a branch that is false for the target never. Its imports
   * are kept (with that scope) so `graph` can show them; its calls are not resources of an imported module.
   */
  visitGuarded(block, execution, mainOf) {
    if (!block) return;
    const guardedScope = newScope(execution, "");
    const pending = [block];
    for (let node = pending.pop(); node; node = pending.pop()) {
      if (node.type === "import_statement") visitImport(this, node, guardedScope);
      else if (node.type === "import_from_statement") visitImportFrom(this, node, guardedScope);
      if (mainOf && node.type === "call" && this.mainCalls.length < MAX_MAIN_CALLS) this.noteMainCall(node, guardedScope, mainOf);
      if (node.type === "import_statement" || node.type === "import_from_statement") continue;
      if (node === block || node.type !== "function_definition" && node.type !== "class_definition" && node.type !== "lambda") {
        for (let kids = node.namedChildren, i2 = kids.length - 1; i2 >= 0; i2--) pending.push(kids[i2]);
      }
    }
  }
  /**
   * A call of the `__main__` block (see `ModuleSummary.mainCalls`), its callee qualified through the
   * block's own imports, then the module's names.
   */
  noteMainCall(node, guarded, module2) {
    const callee = node.childForFieldName("function");
    const dotted = callee ? dottedName(callee) : void 0;
    if (!dotted) return;
    const head = dotted.split(".")[0];
    const qualified = qualify(dotted, guarded.bindings.has(head) ? guarded : module2);
    if (!qualified || qualified.kind === "instance" || qualified.kind === "builtin") return;
    const args2 = (node.childForFieldName("arguments")?.namedChildren ?? []).filter((a) => a.type !== "comment").map((a) => callArgument(a, this, guarded));
    this.mainCalls.push({ callee: qualified.qualified, ...qualified.kind === "local" ? { calleeIsLocal: true } : {}, text: this.excerpts.of(node), line: node.startPosition.row + 1, args: args2 });
  }
  guardKind(condition, scope, depth2 = 0) {
    if (!condition || depth2 > MAX_HELPER_NESTING) return void 0;
    const atModuleLevel = scope.execution.kind === "module" && !scope.className;
    if (condition.type === "boolean_operator" && (condition.childForFieldName("operator")?.type ?? condition.child(1)?.type) === "or") {
      const left = condition.childForFieldName("left");
      const right = condition.childForFieldName("right");
      if (this.guardKind(left, scope, depth2 + 1) === "type-checking" && truthiness(evaluate(right, this.conditionContext(scope))) === void 0) {
        if (atModuleLevel) this.installsLazyImporter = true;
        return "type-checking";
      }
      return void 0;
    }
    if (condition.type === "identifier" || condition.type === "attribute") {
      const dotted = dottedName(condition);
      if (!dotted) return void 0;
      if (dotted === "TYPE_CHECKING") return "type-checking";
      const qualified = qualify(dotted, scope);
      if (qualified && "qualified" in qualified && TYPE_CHECKING_NAMES.has(qualified.qualified)) return "type-checking";
      return void 0;
    }
    if (condition.type === "comparison_operator" && condition.namedChildCount === 2) {
      const operator = condition.childrenForFieldName("operators")[0]?.type ?? condition.child(1)?.type;
      if (operator !== "==") return void 0;
      const left = condition.namedChild(0);
      const right = condition.namedChild(1);
      const isName = (n) => n.type === "identifier" && n.text === "__name__";
      const isMain = (n) => n.type === "string" && stringLiteral(n) === "__main__";
      if (atModuleLevel && (isName(left) && isMain(right) || isMain(left) && isName(right))) return "main-guard";
    }
    return void 0;
  }
  visitWith(node, scope) {
    const clause = node.namedChildren.find((child) => child?.type === "with_clause");
    for (let i2 = 0, kids = clause ? clause.namedChildren : []; i2 < kids.length; i2++) {
      const item = kids[i2];
      if (item.type !== "with_item") continue;
      let value = item.childForFieldName("value");
      if (value?.type === "as_pattern") {
        const target = value.childForFieldName("alias")?.namedChild(0);
        if (target) noteTargetNames(this, target, scope);
        value = value.namedChild(0);
      }
      if (value?.type === "call") visitCall(this, value, scope, { kind: "with-item" }, node);
      else visitExpression(this, value, scope, { kind: "statement" }, node);
    }
    this.visitBlockOf(node.childForFieldName("body"), scope);
  }
  visitExpressionStatement(node, scope) {
    const expression = node.namedChild(0);
    if (!expression) return;
    if (expression.type === "assignment") return visitAssignment(this, expression, scope, node);
    if (expression.type === "augmented_assignment") {
      const left = expression.childForFieldName("left");
      if (left?.type === "identifier" && isModuleLevel(scope)) this.bindConstant(left.text, void 0);
      const right = expression.childForFieldName("right");
      if (left?.type === "identifier" && right && scope.execution.kind === "module" && expression.childForFieldName("operator")?.type === "+=") {
        noteLiteralAssignment(this, [left.text], right, scope, node, true);
      }
      visitExpression(this, expression.childForFieldName("right"), scope, { kind: "statement" }, node);
      return;
    }
    const firstCall = this.calls.length;
    visitExpression(this, expression, scope, placementFor(scope), node);
    if (expression.type !== "call" || this.calls.length === firstCall) return;
    const last = this.calls[this.calls.length - 1];
    if (last.span.endLine !== expression.endPosition.row + 1 || last.span.endColumn !== expression.endPosition.column + 1) return;
    dropChain(this, last);
  }
};
function endsInReturn(block) {
  const statements = block.namedChildren.filter((child) => child.type !== "comment");
  return statements[statements.length - 1]?.type === "return_statement";
}
function onceGuardName(condition) {
  if (condition.type === "identifier") return condition.text;
  if (condition.type !== "comparison_operator" || condition.namedChildCount !== 2) return void 0;
  const [left, right] = [condition.namedChild(0), condition.namedChild(1)];
  return left.type === "identifier" && right.type === "none" && comparisonOperator(condition) === "is not" ? left.text : void 0;
}
function loopVariable(x, left, right, scope) {
  if (left?.type === "identifier") return left.text;
  if (left?.type !== "pattern_list" && left?.type !== "tuple_pattern") return void 0;
  const parts2 = left.namedChildren.filter((c) => c !== null && c.type !== "comment");
  return parts2.length === 3 && parts2[1].type === "identifier" && listingOf(x, right, scope) === "modules" ? parts2[1].text : void 0;
}

// src/extract/parser.ts
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

// node_modules/web-tree-sitter/tree-sitter.js
var tree_sitter_exports = {};
__export(tree_sitter_exports, {
  CaptureQuantifier: () => CaptureQuantifier,
  LANGUAGE_VERSION: () => LANGUAGE_VERSION,
  Language: () => Language,
  LookaheadIterator: () => LookaheadIterator,
  MIN_COMPATIBLE_VERSION: () => MIN_COMPATIBLE_VERSION,
  Node: () => Node,
  Parser: () => Parser,
  Query: () => Query,
  Tree: () => Tree,
  TreeCursor: () => TreeCursor
});
var __defProp = Object.defineProperty;
var __name = (target, value) => __defProp(target, "name", { value, configurable: true });
var SIZE_OF_SHORT = 2;
var SIZE_OF_INT = 4;
var SIZE_OF_CURSOR = 4 * SIZE_OF_INT;
var SIZE_OF_NODE = 5 * SIZE_OF_INT;
var SIZE_OF_POINT = 2 * SIZE_OF_INT;
var SIZE_OF_RANGE = 2 * SIZE_OF_INT + 2 * SIZE_OF_POINT;
var ZERO_POINT = { row: 0, column: 0 };
var INTERNAL = /* @__PURE__ */ Symbol("INTERNAL");
function assertInternal(x) {
  if (x !== INTERNAL) throw new Error("Illegal constructor");
}
__name(assertInternal, "assertInternal");
function isPoint(point) {
  return !!point && typeof point.row === "number" && typeof point.column === "number";
}
__name(isPoint, "isPoint");
function setModule(module2) {
  C = module2;
}
__name(setModule, "setModule");
var C;
var LookaheadIterator = class {
  static {
    __name(this, "LookaheadIterator");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for WASM
  /** @internal */
  language;
  /** @internal */
  constructor(internal, address, language) {
    assertInternal(internal);
    this[0] = address;
    this.language = language;
  }
  /** Get the current symbol of the lookahead iterator. */
  get currentTypeId() {
    return C._ts_lookahead_iterator_current_symbol(this[0]);
  }
  /** Get the current symbol name of the lookahead iterator. */
  get currentType() {
    return this.language.types[this.currentTypeId] || "ERROR";
  }
  /** Delete the lookahead iterator, freeing its resources. */
  delete() {
    C._ts_lookahead_iterator_delete(this[0]);
    this[0] = 0;
  }
  /**
   * Reset the lookahead iterator.
   *
   * This returns `true` if the language was set successfully and `false`
   * otherwise.
   */
  reset(language, stateId) {
    if (C._ts_lookahead_iterator_reset(this[0], language[0], stateId)) {
      this.language = language;
      return true;
    }
    return false;
  }
  /**
   * Reset the lookahead iterator to another state.
   *
   * This returns `true` if the iterator was reset to the given state and
   * `false` otherwise.
   */
  resetState(stateId) {
    return Boolean(C._ts_lookahead_iterator_reset_state(this[0], stateId));
  }
  /**
   * Returns an iterator that iterates over the symbols of the lookahead iterator.
   *
   * The iterator will yield the current symbol name as a string for each step
   * until there are no more symbols to iterate over.
   */
  [Symbol.iterator]() {
    return {
      next: /* @__PURE__ */ __name(() => {
        if (C._ts_lookahead_iterator_next(this[0])) {
          return { done: false, value: this.currentType };
        }
        return { done: true, value: "" };
      }, "next")
    };
  }
};
function getText(tree, startIndex, endIndex, startPosition) {
  const length = endIndex - startIndex;
  let result = tree.textCallback(startIndex, startPosition);
  if (result) {
    startIndex += result.length;
    while (startIndex < endIndex) {
      const string = tree.textCallback(startIndex, startPosition);
      if (string && string.length > 0) {
        startIndex += string.length;
        result += string;
      } else {
        break;
      }
    }
    if (startIndex > endIndex) {
      result = result.slice(0, length);
    }
  }
  return result ?? "";
}
__name(getText, "getText");
var Tree = class _Tree {
  static {
    __name(this, "Tree");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for WASM
  /** @internal */
  textCallback;
  /** The language that was used to parse the syntax tree. */
  language;
  /** @internal */
  constructor(internal, address, language, textCallback) {
    assertInternal(internal);
    this[0] = address;
    this.language = language;
    this.textCallback = textCallback;
  }
  /** Create a shallow copy of the syntax tree. This is very fast. */
  copy() {
    const address = C._ts_tree_copy(this[0]);
    return new _Tree(INTERNAL, address, this.language, this.textCallback);
  }
  /** Delete the syntax tree, freeing its resources. */
  delete() {
    C._ts_tree_delete(this[0]);
    this[0] = 0;
  }
  /** Get the root node of the syntax tree. */
  get rootNode() {
    C._ts_tree_root_node_wasm(this[0]);
    return unmarshalNode(this);
  }
  /**
   * Get the root node of the syntax tree, but with its position shifted
   * forward by the given offset.
   */
  rootNodeWithOffset(offsetBytes, offsetExtent) {
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, offsetBytes, "i32");
    marshalPoint(address + SIZE_OF_INT, offsetExtent);
    C._ts_tree_root_node_with_offset_wasm(this[0]);
    return unmarshalNode(this);
  }
  /**
   * Edit the syntax tree to keep it in sync with source code that has been
   * edited.
   *
   * You must describe the edit both in terms of byte offsets and in terms of
   * row/column coordinates.
   */
  edit(edit) {
    marshalEdit(edit);
    C._ts_tree_edit_wasm(this[0]);
  }
  /** Create a new {@link TreeCursor} starting from the root of the tree. */
  walk() {
    return this.rootNode.walk();
  }
  /**
   * Compare this old edited syntax tree to a new syntax tree representing
   * the same document, returning a sequence of ranges whose syntactic
   * structure has changed.
   *
   * For this to work correctly, this syntax tree must have been edited such
   * that its ranges match up to the new tree. Generally, you'll want to
   * call this method right after calling one of the [`Parser::parse`]
   * functions. Call it on the old tree that was passed to parse, and
   * pass the new tree that was returned from `parse`.
   */
  getChangedRanges(other) {
    if (!(other instanceof _Tree)) {
      throw new TypeError("Argument must be a Tree");
    }
    C._ts_tree_get_changed_ranges_wasm(this[0], other[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = unmarshalRange(address);
        address += SIZE_OF_RANGE;
      }
      C._free(buffer);
    }
    return result;
  }
  /** Get the included ranges that were used to parse the syntax tree. */
  getIncludedRanges() {
    C._ts_tree_included_ranges_wasm(this[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = unmarshalRange(address);
        address += SIZE_OF_RANGE;
      }
      C._free(buffer);
    }
    return result;
  }
};
var TreeCursor = class _TreeCursor {
  static {
    __name(this, "TreeCursor");
  }
  /** @internal */
  // @ts-expect-error: never read
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  // @ts-expect-error: never read
  [1] = 0;
  // Internal handle for Wasm
  /** @internal */
  // @ts-expect-error: never read
  [2] = 0;
  // Internal handle for Wasm
  /** @internal */
  // @ts-expect-error: never read
  [3] = 0;
  // Internal handle for Wasm
  /** @internal */
  tree;
  /** @internal */
  constructor(internal, tree) {
    assertInternal(internal);
    this.tree = tree;
    unmarshalTreeCursor(this);
  }
  /** Creates a deep copy of the tree cursor. This allocates new memory. */
  copy() {
    const copy = new _TreeCursor(INTERNAL, this.tree);
    C._ts_tree_cursor_copy_wasm(this.tree[0]);
    unmarshalTreeCursor(copy);
    return copy;
  }
  /** Delete the tree cursor, freeing its resources. */
  delete() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_delete_wasm(this.tree[0]);
    this[0] = this[1] = this[2] = 0;
  }
  /** Get the tree cursor's current {@link Node}. */
  get currentNode() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_current_node_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get the numerical field id of this tree cursor's current node.
   *
   * See also {@link TreeCursor#currentFieldName}.
   */
  get currentFieldId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_field_id_wasm(this.tree[0]);
  }
  /** Get the field name of this tree cursor's current node. */
  get currentFieldName() {
    return this.tree.language.fields[this.currentFieldId];
  }
  /**
   * Get the depth of the cursor's current node relative to the original
   * node that the cursor was constructed with.
   */
  get currentDepth() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_depth_wasm(this.tree[0]);
  }
  /**
   * Get the index of the cursor's current node out of all of the
   * descendants of the original node that the cursor was constructed with.
   */
  get currentDescendantIndex() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_descendant_index_wasm(this.tree[0]);
  }
  /** Get the type of the cursor's current node. */
  get nodeType() {
    return this.tree.language.types[this.nodeTypeId] || "ERROR";
  }
  /** Get the type id of the cursor's current node. */
  get nodeTypeId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_type_id_wasm(this.tree[0]);
  }
  /** Get the state id of the cursor's current node. */
  get nodeStateId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_state_id_wasm(this.tree[0]);
  }
  /** Get the id of the cursor's current node. */
  get nodeId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_id_wasm(this.tree[0]);
  }
  /**
   * Check if the cursor's current node is *named*.
   *
   * Named nodes correspond to named rules in the grammar, whereas
   * *anonymous* nodes correspond to string literals in the grammar.
   */
  get nodeIsNamed() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_is_named_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if the cursor's current node is *missing*.
   *
   * Missing nodes are inserted by the parser in order to recover from
   * certain kinds of syntax errors.
   */
  get nodeIsMissing() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_is_missing_wasm(this.tree[0]) === 1;
  }
  /** Get the string content of the cursor's current node. */
  get nodeText() {
    marshalTreeCursor(this);
    const startIndex = C._ts_tree_cursor_start_index_wasm(this.tree[0]);
    const endIndex = C._ts_tree_cursor_end_index_wasm(this.tree[0]);
    C._ts_tree_cursor_start_position_wasm(this.tree[0]);
    const startPosition = unmarshalPoint(TRANSFER_BUFFER);
    return getText(this.tree, startIndex, endIndex, startPosition);
  }
  /** Get the start position of the cursor's current node. */
  get startPosition() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_start_position_wasm(this.tree[0]);
    return unmarshalPoint(TRANSFER_BUFFER);
  }
  /** Get the end position of the cursor's current node. */
  get endPosition() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_end_position_wasm(this.tree[0]);
    return unmarshalPoint(TRANSFER_BUFFER);
  }
  /** Get the start index of the cursor's current node. */
  get startIndex() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_start_index_wasm(this.tree[0]);
  }
  /** Get the end index of the cursor's current node. */
  get endIndex() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_end_index_wasm(this.tree[0]);
  }
  /**
   * Move this cursor to the first child of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there were no children.
   */
  gotoFirstChild() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_first_child_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the last child of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there were no children.
   *
   * Note that this function may be slower than
   * {@link TreeCursor#gotoFirstChild} because it needs to
   * iterate through all the children to compute the child's position.
   */
  gotoLastChild() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_last_child_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the parent of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there was no parent node (the cursor was already on the
   * root node).
   *
   * Note that the node the cursor was constructed with is considered the root
   * of the cursor, and the cursor cannot walk outside this node.
   */
  gotoParent() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_parent_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the next sibling of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there was no next sibling node.
   *
   * Note that the node the cursor was constructed with is considered the root
   * of the cursor, and the cursor cannot walk outside this node.
   */
  gotoNextSibling() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_next_sibling_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the previous sibling of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there was no previous sibling node.
   *
   * Note that this function may be slower than
   * {@link TreeCursor#gotoNextSibling} due to how node
   * positions are stored. In the worst case, this will need to iterate
   * through all the children up to the previous sibling node to recalculate
   * its position. Also note that the node the cursor was constructed with is
   * considered the root of the cursor, and the cursor cannot walk outside this node.
   */
  gotoPreviousSibling() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_previous_sibling_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move the cursor to the node that is the nth descendant of
   * the original node that the cursor was constructed with, where
   * zero represents the original node itself.
   */
  gotoDescendant(goalDescendantIndex) {
    marshalTreeCursor(this);
    C._ts_tree_cursor_goto_descendant_wasm(this.tree[0], goalDescendantIndex);
    unmarshalTreeCursor(this);
  }
  /**
   * Move this cursor to the first child of its current node that contains or
   * starts after the given byte offset.
   *
   * This returns `true` if the cursor successfully moved to a child node, and returns
   * `false` if no such child was found.
   */
  gotoFirstChildForIndex(goalIndex) {
    marshalTreeCursor(this);
    C.setValue(TRANSFER_BUFFER + SIZE_OF_CURSOR, goalIndex, "i32");
    const result = C._ts_tree_cursor_goto_first_child_for_index_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the first child of its current node that contains or
   * starts after the given byte offset.
   *
   * This returns the index of the child node if one was found, and returns
   * `null` if no such child was found.
   */
  gotoFirstChildForPosition(goalPosition) {
    marshalTreeCursor(this);
    marshalPoint(TRANSFER_BUFFER + SIZE_OF_CURSOR, goalPosition);
    const result = C._ts_tree_cursor_goto_first_child_for_position_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Re-initialize this tree cursor to start at the original node that the
   * cursor was constructed with.
   */
  reset(node) {
    marshalNode(node);
    marshalTreeCursor(this, TRANSFER_BUFFER + SIZE_OF_NODE);
    C._ts_tree_cursor_reset_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
  }
  /**
   * Re-initialize a tree cursor to the same position as another cursor.
   *
   * Unlike {@link TreeCursor#reset}, this will not lose parent
   * information and allows reusing already created cursors.
   */
  resetTo(cursor) {
    marshalTreeCursor(this, TRANSFER_BUFFER);
    marshalTreeCursor(cursor, TRANSFER_BUFFER + SIZE_OF_CURSOR);
    C._ts_tree_cursor_reset_to_wasm(this.tree[0], cursor.tree[0]);
    unmarshalTreeCursor(this);
  }
};
var Node = class {
  static {
    __name(this, "Node");
  }
  /** @internal */
  // @ts-expect-error: never read
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  _children;
  /** @internal */
  _namedChildren;
  /** @internal */
  constructor(internal, {
    id,
    tree,
    startIndex,
    startPosition,
    other
  }) {
    assertInternal(internal);
    this[0] = other;
    this.id = id;
    this.tree = tree;
    this.startIndex = startIndex;
    this.startPosition = startPosition;
  }
  /**
   * The numeric id for this node that is unique.
   *
   * Within a given syntax tree, no two nodes have the same id. However:
   *
   * * If a new tree is created based on an older tree, and a node from the old tree is reused in
   *   the process, then that node will have the same id in both trees.
   *
   * * A node not marked as having changes does not guarantee it was reused.
   *
   * * If a node is marked as having changed in the old tree, it will not be reused.
   */
  id;
  /** The byte index where this node starts. */
  startIndex;
  /** The position where this node starts. */
  startPosition;
  /** The tree that this node belongs to. */
  tree;
  /** Get this node's type as a numerical id. */
  get typeId() {
    marshalNode(this);
    return C._ts_node_symbol_wasm(this.tree[0]);
  }
  /**
   * Get the node's type as a numerical id as it appears in the grammar,
   * ignoring aliases.
   */
  get grammarId() {
    marshalNode(this);
    return C._ts_node_grammar_symbol_wasm(this.tree[0]);
  }
  /** Get this node's type as a string. */
  get type() {
    return this.tree.language.types[this.typeId] || "ERROR";
  }
  /**
   * Get this node's symbol name as it appears in the grammar, ignoring
   * aliases as a string.
   */
  get grammarType() {
    return this.tree.language.types[this.grammarId] || "ERROR";
  }
  /**
   * Check if this node is *named*.
   *
   * Named nodes correspond to named rules in the grammar, whereas
   * *anonymous* nodes correspond to string literals in the grammar.
   */
  get isNamed() {
    marshalNode(this);
    return C._ts_node_is_named_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node is *extra*.
   *
   * Extra nodes represent things like comments, which are not required
   * by the grammar, but can appear anywhere.
   */
  get isExtra() {
    marshalNode(this);
    return C._ts_node_is_extra_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node represents a syntax error.
   *
   * Syntax errors represent parts of the code that could not be incorporated
   * into a valid syntax tree.
   */
  get isError() {
    marshalNode(this);
    return C._ts_node_is_error_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node is *missing*.
   *
   * Missing nodes are inserted by the parser in order to recover from
   * certain kinds of syntax errors.
   */
  get isMissing() {
    marshalNode(this);
    return C._ts_node_is_missing_wasm(this.tree[0]) === 1;
  }
  /** Check if this node has been edited. */
  get hasChanges() {
    marshalNode(this);
    return C._ts_node_has_changes_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node represents a syntax error or contains any syntax
   * errors anywhere within it.
   */
  get hasError() {
    marshalNode(this);
    return C._ts_node_has_error_wasm(this.tree[0]) === 1;
  }
  /** Get the byte index where this node ends. */
  get endIndex() {
    marshalNode(this);
    return C._ts_node_end_index_wasm(this.tree[0]);
  }
  /** Get the position where this node ends. */
  get endPosition() {
    marshalNode(this);
    C._ts_node_end_point_wasm(this.tree[0]);
    return unmarshalPoint(TRANSFER_BUFFER);
  }
  /** Get the string content of this node. */
  get text() {
    return getText(this.tree, this.startIndex, this.endIndex, this.startPosition);
  }
  /** Get this node's parse state. */
  get parseState() {
    marshalNode(this);
    return C._ts_node_parse_state_wasm(this.tree[0]);
  }
  /** Get the parse state after this node. */
  get nextParseState() {
    marshalNode(this);
    return C._ts_node_next_parse_state_wasm(this.tree[0]);
  }
  /** Check if this node is equal to another node. */
  equals(other) {
    return this.tree === other.tree && this.id === other.id;
  }
  /**
   * Get the node's child at the given index, where zero represents the first child.
   *
   * This method is fairly fast, but its cost is technically log(n), so if
   * you might be iterating over a long list of children, you should use
   * {@link Node#children} instead.
   */
  child(index) {
    marshalNode(this);
    C._ts_node_child_wasm(this.tree[0], index);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's *named* child at the given index.
   *
   * See also {@link Node#isNamed}.
   * This method is fairly fast, but its cost is technically log(n), so if
   * you might be iterating over a long list of children, you should use
   * {@link Node#namedChildren} instead.
   */
  namedChild(index) {
    marshalNode(this);
    C._ts_node_named_child_wasm(this.tree[0], index);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's child with the given numerical field id.
   *
   * See also {@link Node#childForFieldName}. You can
   * convert a field name to an id using {@link Language#fieldIdForName}.
   */
  childForFieldId(fieldId) {
    marshalNode(this);
    C._ts_node_child_by_field_id_wasm(this.tree[0], fieldId);
    return unmarshalNode(this.tree);
  }
  /**
   * Get the first child with the given field name.
   *
   * If multiple children may have the same field name, access them using
   * {@link Node#childrenForFieldName}.
   */
  childForFieldName(fieldName) {
    const fieldId = this.tree.language.fields.indexOf(fieldName);
    if (fieldId !== -1) return this.childForFieldId(fieldId);
    return null;
  }
  /** Get the field name of this node's child at the given index. */
  fieldNameForChild(index) {
    marshalNode(this);
    const address = C._ts_node_field_name_for_child_wasm(this.tree[0], index);
    if (!address) return null;
    return C.AsciiToString(address);
  }
  /** Get the field name of this node's named child at the given index. */
  fieldNameForNamedChild(index) {
    marshalNode(this);
    const address = C._ts_node_field_name_for_named_child_wasm(this.tree[0], index);
    if (!address) return null;
    return C.AsciiToString(address);
  }
  /**
   * Get an array of this node's children with a given field name.
   *
   * See also {@link Node#children}.
   */
  childrenForFieldName(fieldName) {
    const fieldId = this.tree.language.fields.indexOf(fieldName);
    if (fieldId !== -1 && fieldId !== 0) return this.childrenForFieldId(fieldId);
    return [];
  }
  /**
    * Get an array of this node's children with a given field id.
    *
    * See also {@link Node#childrenForFieldName}.
    */
  childrenForFieldId(fieldId) {
    marshalNode(this);
    C._ts_node_children_by_field_id_wasm(this.tree[0], fieldId);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = unmarshalNode(this.tree, address);
        address += SIZE_OF_NODE;
      }
      C._free(buffer);
    }
    return result;
  }
  /** Get the node's first child that contains or starts after the given byte offset. */
  firstChildForIndex(index) {
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, index, "i32");
    C._ts_node_first_child_for_byte_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the node's first named child that contains or starts after the given byte offset. */
  firstNamedChildForIndex(index) {
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, index, "i32");
    C._ts_node_first_named_child_for_byte_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get this node's number of children. */
  get childCount() {
    marshalNode(this);
    return C._ts_node_child_count_wasm(this.tree[0]);
  }
  /**
   * Get this node's number of *named* children.
   *
   * See also {@link Node#isNamed}.
   */
  get namedChildCount() {
    marshalNode(this);
    return C._ts_node_named_child_count_wasm(this.tree[0]);
  }
  /** Get this node's first child. */
  get firstChild() {
    return this.child(0);
  }
  /**
   * Get this node's first named child.
   *
   * See also {@link Node#isNamed}.
   */
  get firstNamedChild() {
    return this.namedChild(0);
  }
  /** Get this node's last child. */
  get lastChild() {
    return this.child(this.childCount - 1);
  }
  /**
   * Get this node's last named child.
   *
   * See also {@link Node#isNamed}.
   */
  get lastNamedChild() {
    return this.namedChild(this.namedChildCount - 1);
  }
  /**
   * Iterate over this node's children.
   *
   * If you're walking the tree recursively, you may want to use the
   * {@link TreeCursor} APIs directly instead.
   */
  get children() {
    if (!this._children) {
      marshalNode(this);
      C._ts_node_children_wasm(this.tree[0]);
      const count = C.getValue(TRANSFER_BUFFER, "i32");
      const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
      this._children = new Array(count);
      if (count > 0) {
        let address = buffer;
        for (let i2 = 0; i2 < count; i2++) {
          this._children[i2] = unmarshalNode(this.tree, address);
          address += SIZE_OF_NODE;
        }
        C._free(buffer);
      }
    }
    return this._children;
  }
  /**
   * Iterate over this node's named children.
   *
   * See also {@link Node#children}.
   */
  get namedChildren() {
    if (!this._namedChildren) {
      marshalNode(this);
      C._ts_node_named_children_wasm(this.tree[0]);
      const count = C.getValue(TRANSFER_BUFFER, "i32");
      const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
      this._namedChildren = new Array(count);
      if (count > 0) {
        let address = buffer;
        for (let i2 = 0; i2 < count; i2++) {
          this._namedChildren[i2] = unmarshalNode(this.tree, address);
          address += SIZE_OF_NODE;
        }
        C._free(buffer);
      }
    }
    return this._namedChildren;
  }
  /**
   * Get the descendants of this node that are the given type, or in the given types array.
   *
   * The types array should contain node type strings, which can be retrieved from {@link Language#types}.
   *
   * Additionally, a `startPosition` and `endPosition` can be passed in to restrict the search to a byte range.
   */
  descendantsOfType(types, startPosition = ZERO_POINT, endPosition = ZERO_POINT) {
    if (!Array.isArray(types)) types = [types];
    const symbols = [];
    const typesBySymbol = this.tree.language.types;
    for (const node_type of types) {
      if (node_type == "ERROR") {
        symbols.push(65535);
      }
    }
    for (let i2 = 0, n = typesBySymbol.length; i2 < n; i2++) {
      if (types.includes(typesBySymbol[i2])) {
        symbols.push(i2);
      }
    }
    const symbolsAddress = C._malloc(SIZE_OF_INT * symbols.length);
    for (let i2 = 0, n = symbols.length; i2 < n; i2++) {
      C.setValue(symbolsAddress + i2 * SIZE_OF_INT, symbols[i2], "i32");
    }
    marshalNode(this);
    C._ts_node_descendants_of_type_wasm(
      this.tree[0],
      symbolsAddress,
      symbols.length,
      startPosition.row,
      startPosition.column,
      endPosition.row,
      endPosition.column
    );
    const descendantCount = C.getValue(TRANSFER_BUFFER, "i32");
    const descendantAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(descendantCount);
    if (descendantCount > 0) {
      let address = descendantAddress;
      for (let i2 = 0; i2 < descendantCount; i2++) {
        result[i2] = unmarshalNode(this.tree, address);
        address += SIZE_OF_NODE;
      }
    }
    C._free(descendantAddress);
    C._free(symbolsAddress);
    return result;
  }
  /** Get this node's next sibling. */
  get nextSibling() {
    marshalNode(this);
    C._ts_node_next_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get this node's previous sibling. */
  get previousSibling() {
    marshalNode(this);
    C._ts_node_prev_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's next *named* sibling.
   *
   * See also {@link Node#isNamed}.
   */
  get nextNamedSibling() {
    marshalNode(this);
    C._ts_node_next_named_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's previous *named* sibling.
   *
   * See also {@link Node#isNamed}.
   */
  get previousNamedSibling() {
    marshalNode(this);
    C._ts_node_prev_named_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the node's number of descendants, including one for the node itself. */
  get descendantCount() {
    marshalNode(this);
    return C._ts_node_descendant_count_wasm(this.tree[0]);
  }
  /**
   * Get this node's immediate parent.
   * Prefer {@link Node#childWithDescendant} for iterating over this node's ancestors.
   */
  get parent() {
    marshalNode(this);
    C._ts_node_parent_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get the node that contains `descendant`.
   *
   * Note that this can return `descendant` itself.
   */
  childWithDescendant(descendant) {
    marshalNode(this);
    marshalNode(descendant, 1);
    C._ts_node_child_with_descendant_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest node within this node that spans the given byte range. */
  descendantForIndex(start2, end = start2) {
    if (typeof start2 !== "number" || typeof end !== "number") {
      throw new Error("Arguments must be numbers");
    }
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, start2, "i32");
    C.setValue(address + SIZE_OF_INT, end, "i32");
    C._ts_node_descendant_for_index_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest named node within this node that spans the given byte range. */
  namedDescendantForIndex(start2, end = start2) {
    if (typeof start2 !== "number" || typeof end !== "number") {
      throw new Error("Arguments must be numbers");
    }
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, start2, "i32");
    C.setValue(address + SIZE_OF_INT, end, "i32");
    C._ts_node_named_descendant_for_index_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest node within this node that spans the given point range. */
  descendantForPosition(start2, end = start2) {
    if (!isPoint(start2) || !isPoint(end)) {
      throw new Error("Arguments must be {row, column} objects");
    }
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    marshalPoint(address, start2);
    marshalPoint(address + SIZE_OF_POINT, end);
    C._ts_node_descendant_for_position_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest named node within this node that spans the given point range. */
  namedDescendantForPosition(start2, end = start2) {
    if (!isPoint(start2) || !isPoint(end)) {
      throw new Error("Arguments must be {row, column} objects");
    }
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    marshalPoint(address, start2);
    marshalPoint(address + SIZE_OF_POINT, end);
    C._ts_node_named_descendant_for_position_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Create a new {@link TreeCursor} starting from this node.
   *
   * Note that the given node is considered the root of the cursor,
   * and the cursor cannot walk outside this node.
   */
  walk() {
    marshalNode(this);
    C._ts_tree_cursor_new_wasm(this.tree[0]);
    return new TreeCursor(INTERNAL, this.tree);
  }
  /**
   * Edit this node to keep it in-sync with source code that has been edited.
   *
   * This function is only rarely needed. When you edit a syntax tree with
   * the {@link Tree#edit} method, all of the nodes that you retrieve from
   * the tree afterward will already reflect the edit. You only need to
   * use {@link Node#edit} when you have a specific {@link Node} instance that
   * you want to keep and continue to use after an edit.
   */
  edit(edit) {
    if (this.startIndex >= edit.oldEndIndex) {
      this.startIndex = edit.newEndIndex + (this.startIndex - edit.oldEndIndex);
      let subbedPointRow;
      let subbedPointColumn;
      if (this.startPosition.row > edit.oldEndPosition.row) {
        subbedPointRow = this.startPosition.row - edit.oldEndPosition.row;
        subbedPointColumn = this.startPosition.column;
      } else {
        subbedPointRow = 0;
        subbedPointColumn = this.startPosition.column;
        if (this.startPosition.column >= edit.oldEndPosition.column) {
          subbedPointColumn = this.startPosition.column - edit.oldEndPosition.column;
        }
      }
      if (subbedPointRow > 0) {
        this.startPosition.row += subbedPointRow;
        this.startPosition.column = subbedPointColumn;
      } else {
        this.startPosition.column += subbedPointColumn;
      }
    } else if (this.startIndex > edit.startIndex) {
      this.startIndex = edit.newEndIndex;
      this.startPosition.row = edit.newEndPosition.row;
      this.startPosition.column = edit.newEndPosition.column;
    }
  }
  /** Get the S-expression representation of this node. */
  toString() {
    marshalNode(this);
    const address = C._ts_node_to_string_wasm(this.tree[0]);
    const result = C.AsciiToString(address);
    C._free(address);
    return result;
  }
};
function unmarshalCaptures(query, tree, address, patternIndex, result) {
  for (let i2 = 0, n = result.length; i2 < n; i2++) {
    const captureIndex = C.getValue(address, "i32");
    address += SIZE_OF_INT;
    const node = unmarshalNode(tree, address);
    address += SIZE_OF_NODE;
    result[i2] = { patternIndex, name: query.captureNames[captureIndex], node };
  }
  return address;
}
__name(unmarshalCaptures, "unmarshalCaptures");
function marshalNode(node, index = 0) {
  let address = TRANSFER_BUFFER + index * SIZE_OF_NODE;
  C.setValue(address, node.id, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node.startIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node.startPosition.row, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node.startPosition.column, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node[0], "i32");
}
__name(marshalNode, "marshalNode");
function unmarshalNode(tree, address = TRANSFER_BUFFER) {
  const id = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  if (id === 0) return null;
  const index = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  const row = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  const column = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  const other = C.getValue(address, "i32");
  const result = new Node(INTERNAL, {
    id,
    tree,
    startIndex: index,
    startPosition: { row, column },
    other
  });
  return result;
}
__name(unmarshalNode, "unmarshalNode");
function marshalTreeCursor(cursor, address = TRANSFER_BUFFER) {
  C.setValue(address + 0 * SIZE_OF_INT, cursor[0], "i32");
  C.setValue(address + 1 * SIZE_OF_INT, cursor[1], "i32");
  C.setValue(address + 2 * SIZE_OF_INT, cursor[2], "i32");
  C.setValue(address + 3 * SIZE_OF_INT, cursor[3], "i32");
}
__name(marshalTreeCursor, "marshalTreeCursor");
function unmarshalTreeCursor(cursor) {
  cursor[0] = C.getValue(TRANSFER_BUFFER + 0 * SIZE_OF_INT, "i32");
  cursor[1] = C.getValue(TRANSFER_BUFFER + 1 * SIZE_OF_INT, "i32");
  cursor[2] = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
  cursor[3] = C.getValue(TRANSFER_BUFFER + 3 * SIZE_OF_INT, "i32");
}
__name(unmarshalTreeCursor, "unmarshalTreeCursor");
function marshalPoint(address, point) {
  C.setValue(address, point.row, "i32");
  C.setValue(address + SIZE_OF_INT, point.column, "i32");
}
__name(marshalPoint, "marshalPoint");
function unmarshalPoint(address) {
  const result = {
    row: C.getValue(address, "i32") >>> 0,
    column: C.getValue(address + SIZE_OF_INT, "i32") >>> 0
  };
  return result;
}
__name(unmarshalPoint, "unmarshalPoint");
function marshalRange(address, range) {
  marshalPoint(address, range.startPosition);
  address += SIZE_OF_POINT;
  marshalPoint(address, range.endPosition);
  address += SIZE_OF_POINT;
  C.setValue(address, range.startIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, range.endIndex, "i32");
  address += SIZE_OF_INT;
}
__name(marshalRange, "marshalRange");
function unmarshalRange(address) {
  const result = {};
  result.startPosition = unmarshalPoint(address);
  address += SIZE_OF_POINT;
  result.endPosition = unmarshalPoint(address);
  address += SIZE_OF_POINT;
  result.startIndex = C.getValue(address, "i32") >>> 0;
  address += SIZE_OF_INT;
  result.endIndex = C.getValue(address, "i32") >>> 0;
  return result;
}
__name(unmarshalRange, "unmarshalRange");
function marshalEdit(edit, address = TRANSFER_BUFFER) {
  marshalPoint(address, edit.startPosition);
  address += SIZE_OF_POINT;
  marshalPoint(address, edit.oldEndPosition);
  address += SIZE_OF_POINT;
  marshalPoint(address, edit.newEndPosition);
  address += SIZE_OF_POINT;
  C.setValue(address, edit.startIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, edit.oldEndIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, edit.newEndIndex, "i32");
  address += SIZE_OF_INT;
}
__name(marshalEdit, "marshalEdit");
function unmarshalLanguageMetadata(address) {
  const major_version = C.getValue(address, "i32");
  const minor_version = C.getValue(address += SIZE_OF_INT, "i32");
  const patch_version = C.getValue(address += SIZE_OF_INT, "i32");
  return { major_version, minor_version, patch_version };
}
__name(unmarshalLanguageMetadata, "unmarshalLanguageMetadata");
var PREDICATE_STEP_TYPE_CAPTURE = 1;
var PREDICATE_STEP_TYPE_STRING = 2;
var QUERY_WORD_REGEX = /[\w-]+/g;
var CaptureQuantifier = {
  Zero: 0,
  ZeroOrOne: 1,
  ZeroOrMore: 2,
  One: 3,
  OneOrMore: 4
};
var isCaptureStep = /* @__PURE__ */ __name((step) => step.type === "capture", "isCaptureStep");
var isStringStep = /* @__PURE__ */ __name((step) => step.type === "string", "isStringStep");
var QueryErrorKind = {
  Syntax: 1,
  NodeName: 2,
  FieldName: 3,
  CaptureName: 4,
  PatternStructure: 5
};
var QueryError = class _QueryError extends Error {
  constructor(kind, info2, index, length) {
    super(_QueryError.formatMessage(kind, info2));
    this.kind = kind;
    this.info = info2;
    this.index = index;
    this.length = length;
    this.name = "QueryError";
  }
  static {
    __name(this, "QueryError");
  }
  /** Formats an error message based on the error kind and info */
  static formatMessage(kind, info2) {
    switch (kind) {
      case QueryErrorKind.NodeName:
        return `Bad node name '${info2.word}'`;
      case QueryErrorKind.FieldName:
        return `Bad field name '${info2.word}'`;
      case QueryErrorKind.CaptureName:
        return `Bad capture name @${info2.word}`;
      case QueryErrorKind.PatternStructure:
        return `Bad pattern structure at offset ${info2.suffix}`;
      case QueryErrorKind.Syntax:
        return `Bad syntax at offset ${info2.suffix}`;
    }
  }
};
function parseAnyPredicate(steps, index, operator, textPredicates) {
  if (steps.length !== 3) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected 2, got ${steps.length - 1}`
    );
  }
  if (!isCaptureStep(steps[1])) {
    throw new Error(
      `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}"`
    );
  }
  const isPositive = operator === "eq?" || operator === "any-eq?";
  const matchAll = !operator.startsWith("any-");
  if (isCaptureStep(steps[2])) {
    const captureName1 = steps[1].name;
    const captureName2 = steps[2].name;
    textPredicates[index].push((captures) => {
      const nodes1 = [];
      const nodes2 = [];
      for (const c of captures) {
        if (c.name === captureName1) nodes1.push(c.node);
        if (c.name === captureName2) nodes2.push(c.node);
      }
      const compare2 = /* @__PURE__ */ __name((n1, n2, positive) => {
        return positive ? n1.text === n2.text : n1.text !== n2.text;
      }, "compare");
      return matchAll ? nodes1.every((n1) => nodes2.some((n2) => compare2(n1, n2, isPositive))) : nodes1.some((n1) => nodes2.some((n2) => compare2(n1, n2, isPositive)));
    });
  } else {
    const captureName = steps[1].name;
    const stringValue = steps[2].value;
    const matches = /* @__PURE__ */ __name((n) => n.text === stringValue, "matches");
    const doesNotMatch = /* @__PURE__ */ __name((n) => n.text !== stringValue, "doesNotMatch");
    textPredicates[index].push((captures) => {
      const nodes = [];
      for (const c of captures) {
        if (c.name === captureName) nodes.push(c.node);
      }
      const test = isPositive ? matches : doesNotMatch;
      return matchAll ? nodes.every(test) : nodes.some(test);
    });
  }
}
__name(parseAnyPredicate, "parseAnyPredicate");
function parseMatchPredicate(steps, index, operator, textPredicates) {
  if (steps.length !== 3) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected 2, got ${steps.length - 1}.`
    );
  }
  if (steps[1].type !== "capture") {
    throw new Error(
      `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}".`
    );
  }
  if (steps[2].type !== "string") {
    throw new Error(
      `Second argument of \`#${operator}\` predicate must be a string. Got @${steps[2].name}.`
    );
  }
  const isPositive = operator === "match?" || operator === "any-match?";
  const matchAll = !operator.startsWith("any-");
  const captureName = steps[1].name;
  const regex = new RegExp(steps[2].value);
  textPredicates[index].push((captures) => {
    const nodes = [];
    for (const c of captures) {
      if (c.name === captureName) nodes.push(c.node.text);
    }
    const test = /* @__PURE__ */ __name((text, positive) => {
      return positive ? regex.test(text) : !regex.test(text);
    }, "test");
    if (nodes.length === 0) return !isPositive;
    return matchAll ? nodes.every((text) => test(text, isPositive)) : nodes.some((text) => test(text, isPositive));
  });
}
__name(parseMatchPredicate, "parseMatchPredicate");
function parseAnyOfPredicate(steps, index, operator, textPredicates) {
  if (steps.length < 2) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected at least 1. Got ${steps.length - 1}.`
    );
  }
  if (steps[1].type !== "capture") {
    throw new Error(
      `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}".`
    );
  }
  const isPositive = operator === "any-of?";
  const captureName = steps[1].name;
  const stringSteps = steps.slice(2);
  if (!stringSteps.every(isStringStep)) {
    throw new Error(
      `Arguments to \`#${operator}\` predicate must be strings.".`
    );
  }
  const values = stringSteps.map((s) => s.value);
  textPredicates[index].push((captures) => {
    const nodes = [];
    for (const c of captures) {
      if (c.name === captureName) nodes.push(c.node.text);
    }
    if (nodes.length === 0) return !isPositive;
    return nodes.every((text) => values.includes(text)) === isPositive;
  });
}
__name(parseAnyOfPredicate, "parseAnyOfPredicate");
function parseIsPredicate(steps, index, operator, assertedProperties, refutedProperties) {
  if (steps.length < 2 || steps.length > 3) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected 1 or 2. Got ${steps.length - 1}.`
    );
  }
  if (!steps.every(isStringStep)) {
    throw new Error(
      `Arguments to \`#${operator}\` predicate must be strings.".`
    );
  }
  const properties = operator === "is?" ? assertedProperties : refutedProperties;
  if (!properties[index]) properties[index] = {};
  properties[index][steps[1].value] = steps[2]?.value ?? null;
}
__name(parseIsPredicate, "parseIsPredicate");
function parseSetDirective(steps, index, setProperties) {
  if (steps.length < 2 || steps.length > 3) {
    throw new Error(`Wrong number of arguments to \`#set!\` predicate. Expected 1 or 2. Got ${steps.length - 1}.`);
  }
  if (!steps.every(isStringStep)) {
    throw new Error(`Arguments to \`#set!\` predicate must be strings.".`);
  }
  if (!setProperties[index]) setProperties[index] = {};
  setProperties[index][steps[1].value] = steps[2]?.value ?? null;
}
__name(parseSetDirective, "parseSetDirective");
function parsePattern(index, stepType, stepValueId, captureNames, stringValues, steps, textPredicates, predicates, setProperties, assertedProperties, refutedProperties) {
  if (stepType === PREDICATE_STEP_TYPE_CAPTURE) {
    const name2 = captureNames[stepValueId];
    steps.push({ type: "capture", name: name2 });
  } else if (stepType === PREDICATE_STEP_TYPE_STRING) {
    steps.push({ type: "string", value: stringValues[stepValueId] });
  } else if (steps.length > 0) {
    if (steps[0].type !== "string") {
      throw new Error("Predicates must begin with a literal value");
    }
    const operator = steps[0].value;
    switch (operator) {
      case "any-not-eq?":
      case "not-eq?":
      case "any-eq?":
      case "eq?":
        parseAnyPredicate(steps, index, operator, textPredicates);
        break;
      case "any-not-match?":
      case "not-match?":
      case "any-match?":
      case "match?":
        parseMatchPredicate(steps, index, operator, textPredicates);
        break;
      case "not-any-of?":
      case "any-of?":
        parseAnyOfPredicate(steps, index, operator, textPredicates);
        break;
      case "is?":
      case "is-not?":
        parseIsPredicate(steps, index, operator, assertedProperties, refutedProperties);
        break;
      case "set!":
        parseSetDirective(steps, index, setProperties);
        break;
      default:
        predicates[index].push({ operator, operands: steps.slice(1) });
    }
    steps.length = 0;
  }
}
__name(parsePattern, "parsePattern");
var Query = class {
  static {
    __name(this, "Query");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for WASM
  /** @internal */
  exceededMatchLimit;
  /** @internal */
  textPredicates;
  /** The names of the captures used in the query. */
  captureNames;
  /** The quantifiers of the captures used in the query. */
  captureQuantifiers;
  /**
   * The other user-defined predicates associated with the given index.
   *
   * This includes predicates with operators other than:
   * - `match?`
   * - `eq?` and `not-eq?`
   * - `any-of?` and `not-any-of?`
   * - `is?` and `is-not?`
   * - `set!`
   */
  predicates;
  /** The properties for predicates with the operator `set!`. */
  setProperties;
  /** The properties for predicates with the operator `is?`. */
  assertedProperties;
  /** The properties for predicates with the operator `is-not?`. */
  refutedProperties;
  /** The maximum number of in-progress matches for this cursor. */
  matchLimit;
  /**
   * Create a new query from a string containing one or more S-expression
   * patterns.
   *
   * The query is associated with a particular language, and can only be run
   * on syntax nodes parsed with that language. References to Queries can be
   * shared between multiple threads.
   *
   * @link {@see https://tree-sitter.github.io/tree-sitter/using-parsers/queries}
   */
  constructor(language, source) {
    const sourceLength = C.lengthBytesUTF8(source);
    const sourceAddress = C._malloc(sourceLength + 1);
    C.stringToUTF8(source, sourceAddress, sourceLength + 1);
    const address = C._ts_query_new(
      language[0],
      sourceAddress,
      sourceLength,
      TRANSFER_BUFFER,
      TRANSFER_BUFFER + SIZE_OF_INT
    );
    if (!address) {
      const errorId = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
      const errorByte = C.getValue(TRANSFER_BUFFER, "i32");
      const errorIndex = C.UTF8ToString(sourceAddress, errorByte).length;
      const suffix = source.slice(errorIndex, errorIndex + 100).split("\n")[0];
      const word = suffix.match(QUERY_WORD_REGEX)?.[0] ?? "";
      C._free(sourceAddress);
      switch (errorId) {
        case QueryErrorKind.Syntax:
          throw new QueryError(QueryErrorKind.Syntax, { suffix: `${errorIndex}: '${suffix}'...` }, errorIndex, 0);
        case QueryErrorKind.NodeName:
          throw new QueryError(errorId, { word }, errorIndex, word.length);
        case QueryErrorKind.FieldName:
          throw new QueryError(errorId, { word }, errorIndex, word.length);
        case QueryErrorKind.CaptureName:
          throw new QueryError(errorId, { word }, errorIndex, word.length);
        case QueryErrorKind.PatternStructure:
          throw new QueryError(errorId, { suffix: `${errorIndex}: '${suffix}'...` }, errorIndex, 0);
      }
    }
    const stringCount = C._ts_query_string_count(address);
    const captureCount = C._ts_query_capture_count(address);
    const patternCount = C._ts_query_pattern_count(address);
    const captureNames = new Array(captureCount);
    const captureQuantifiers = new Array(patternCount);
    const stringValues = new Array(stringCount);
    for (let i2 = 0; i2 < captureCount; i2++) {
      const nameAddress = C._ts_query_capture_name_for_id(
        address,
        i2,
        TRANSFER_BUFFER
      );
      const nameLength = C.getValue(TRANSFER_BUFFER, "i32");
      captureNames[i2] = C.UTF8ToString(nameAddress, nameLength);
    }
    for (let i2 = 0; i2 < patternCount; i2++) {
      const captureQuantifiersArray = new Array(captureCount);
      for (let j = 0; j < captureCount; j++) {
        const quantifier = C._ts_query_capture_quantifier_for_id(address, i2, j);
        captureQuantifiersArray[j] = quantifier;
      }
      captureQuantifiers[i2] = captureQuantifiersArray;
    }
    for (let i2 = 0; i2 < stringCount; i2++) {
      const valueAddress = C._ts_query_string_value_for_id(
        address,
        i2,
        TRANSFER_BUFFER
      );
      const nameLength = C.getValue(TRANSFER_BUFFER, "i32");
      stringValues[i2] = C.UTF8ToString(valueAddress, nameLength);
    }
    const setProperties = new Array(patternCount);
    const assertedProperties = new Array(patternCount);
    const refutedProperties = new Array(patternCount);
    const predicates = new Array(patternCount);
    const textPredicates = new Array(patternCount);
    for (let i2 = 0; i2 < patternCount; i2++) {
      const predicatesAddress = C._ts_query_predicates_for_pattern(address, i2, TRANSFER_BUFFER);
      const stepCount = C.getValue(TRANSFER_BUFFER, "i32");
      predicates[i2] = [];
      textPredicates[i2] = [];
      const steps = new Array();
      let stepAddress = predicatesAddress;
      for (let j = 0; j < stepCount; j++) {
        const stepType = C.getValue(stepAddress, "i32");
        stepAddress += SIZE_OF_INT;
        const stepValueId = C.getValue(stepAddress, "i32");
        stepAddress += SIZE_OF_INT;
        parsePattern(
          i2,
          stepType,
          stepValueId,
          captureNames,
          stringValues,
          steps,
          textPredicates,
          predicates,
          setProperties,
          assertedProperties,
          refutedProperties
        );
      }
      Object.freeze(textPredicates[i2]);
      Object.freeze(predicates[i2]);
      Object.freeze(setProperties[i2]);
      Object.freeze(assertedProperties[i2]);
      Object.freeze(refutedProperties[i2]);
    }
    C._free(sourceAddress);
    this[0] = address;
    this.captureNames = captureNames;
    this.captureQuantifiers = captureQuantifiers;
    this.textPredicates = textPredicates;
    this.predicates = predicates;
    this.setProperties = setProperties;
    this.assertedProperties = assertedProperties;
    this.refutedProperties = refutedProperties;
    this.exceededMatchLimit = false;
  }
  /** Delete the query, freeing its resources. */
  delete() {
    C._ts_query_delete(this[0]);
    this[0] = 0;
  }
  /**
   * Iterate over all of the matches in the order that they were found.
   *
   * Each match contains the index of the pattern that matched, and a list of
   * captures. Because multiple patterns can match the same set of nodes,
   * one match may contain captures that appear *before* some of the
   * captures from a previous match.
   *
   * @param {Node} node - The node to execute the query on.
   *
   * @param {QueryOptions} options - Options for query execution.
   */
  matches(node, options = {}) {
    const startPosition = options.startPosition ?? ZERO_POINT;
    const endPosition = options.endPosition ?? ZERO_POINT;
    const startIndex = options.startIndex ?? 0;
    const endIndex = options.endIndex ?? 0;
    const matchLimit = options.matchLimit ?? 4294967295;
    const maxStartDepth = options.maxStartDepth ?? 4294967295;
    const timeoutMicros = options.timeoutMicros ?? 0;
    const progressCallback = options.progressCallback;
    if (typeof matchLimit !== "number") {
      throw new Error("Arguments must be numbers");
    }
    this.matchLimit = matchLimit;
    if (endIndex !== 0 && startIndex > endIndex) {
      throw new Error("`startIndex` cannot be greater than `endIndex`");
    }
    if (endPosition !== ZERO_POINT && (startPosition.row > endPosition.row || startPosition.row === endPosition.row && startPosition.column > endPosition.column)) {
      throw new Error("`startPosition` cannot be greater than `endPosition`");
    }
    if (progressCallback) {
      C.currentQueryProgressCallback = progressCallback;
    }
    marshalNode(node);
    C._ts_query_matches_wasm(
      this[0],
      node.tree[0],
      startPosition.row,
      startPosition.column,
      endPosition.row,
      endPosition.column,
      startIndex,
      endIndex,
      matchLimit,
      maxStartDepth,
      timeoutMicros
    );
    const rawCount = C.getValue(TRANSFER_BUFFER, "i32");
    const startAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const didExceedMatchLimit = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
    const result = new Array(rawCount);
    this.exceededMatchLimit = Boolean(didExceedMatchLimit);
    let filteredCount = 0;
    let address = startAddress;
    for (let i2 = 0; i2 < rawCount; i2++) {
      const patternIndex = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const captureCount = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const captures = new Array(captureCount);
      address = unmarshalCaptures(this, node.tree, address, patternIndex, captures);
      if (this.textPredicates[patternIndex].every((p) => p(captures))) {
        result[filteredCount] = { pattern: patternIndex, patternIndex, captures };
        const setProperties = this.setProperties[patternIndex];
        result[filteredCount].setProperties = setProperties;
        const assertedProperties = this.assertedProperties[patternIndex];
        result[filteredCount].assertedProperties = assertedProperties;
        const refutedProperties = this.refutedProperties[patternIndex];
        result[filteredCount].refutedProperties = refutedProperties;
        filteredCount++;
      }
    }
    result.length = filteredCount;
    C._free(startAddress);
    C.currentQueryProgressCallback = null;
    return result;
  }
  /**
   * Iterate over all of the individual captures in the order that they
   * appear.
   *
   * This is useful if you don't care about which pattern matched, and just
   * want a single, ordered sequence of captures.
   *
   * @param {Node} node - The node to execute the query on.
   *
   * @param {QueryOptions} options - Options for query execution.
   */
  captures(node, options = {}) {
    const startPosition = options.startPosition ?? ZERO_POINT;
    const endPosition = options.endPosition ?? ZERO_POINT;
    const startIndex = options.startIndex ?? 0;
    const endIndex = options.endIndex ?? 0;
    const matchLimit = options.matchLimit ?? 4294967295;
    const maxStartDepth = options.maxStartDepth ?? 4294967295;
    const timeoutMicros = options.timeoutMicros ?? 0;
    const progressCallback = options.progressCallback;
    if (typeof matchLimit !== "number") {
      throw new Error("Arguments must be numbers");
    }
    this.matchLimit = matchLimit;
    if (endIndex !== 0 && startIndex > endIndex) {
      throw new Error("`startIndex` cannot be greater than `endIndex`");
    }
    if (endPosition !== ZERO_POINT && (startPosition.row > endPosition.row || startPosition.row === endPosition.row && startPosition.column > endPosition.column)) {
      throw new Error("`startPosition` cannot be greater than `endPosition`");
    }
    if (progressCallback) {
      C.currentQueryProgressCallback = progressCallback;
    }
    marshalNode(node);
    C._ts_query_captures_wasm(
      this[0],
      node.tree[0],
      startPosition.row,
      startPosition.column,
      endPosition.row,
      endPosition.column,
      startIndex,
      endIndex,
      matchLimit,
      maxStartDepth,
      timeoutMicros
    );
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const startAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const didExceedMatchLimit = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
    const result = new Array();
    this.exceededMatchLimit = Boolean(didExceedMatchLimit);
    const captures = new Array();
    let address = startAddress;
    for (let i2 = 0; i2 < count; i2++) {
      const patternIndex = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const captureCount = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const captureIndex = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      captures.length = captureCount;
      address = unmarshalCaptures(this, node.tree, address, patternIndex, captures);
      if (this.textPredicates[patternIndex].every((p) => p(captures))) {
        const capture = captures[captureIndex];
        const setProperties = this.setProperties[patternIndex];
        capture.setProperties = setProperties;
        const assertedProperties = this.assertedProperties[patternIndex];
        capture.assertedProperties = assertedProperties;
        const refutedProperties = this.refutedProperties[patternIndex];
        capture.refutedProperties = refutedProperties;
        result.push(capture);
      }
    }
    C._free(startAddress);
    C.currentQueryProgressCallback = null;
    return result;
  }
  /** Get the predicates for a given pattern. */
  predicatesForPattern(patternIndex) {
    return this.predicates[patternIndex];
  }
  /**
   * Disable a certain capture within a query.
   *
   * This prevents the capture from being returned in matches, and also
   * avoids any resource usage associated with recording the capture.
   */
  disableCapture(captureName) {
    const captureNameLength = C.lengthBytesUTF8(captureName);
    const captureNameAddress = C._malloc(captureNameLength + 1);
    C.stringToUTF8(captureName, captureNameAddress, captureNameLength + 1);
    C._ts_query_disable_capture(this[0], captureNameAddress, captureNameLength);
    C._free(captureNameAddress);
  }
  /**
   * Disable a certain pattern within a query.
   *
   * This prevents the pattern from matching, and also avoids any resource
   * usage associated with the pattern. This throws an error if the pattern
   * index is out of bounds.
   */
  disablePattern(patternIndex) {
    if (patternIndex >= this.predicates.length) {
      throw new Error(
        `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
      );
    }
    C._ts_query_disable_pattern(this[0], patternIndex);
  }
  /**
   * Check if, on its last execution, this cursor exceeded its maximum number
   * of in-progress matches.
   */
  didExceedMatchLimit() {
    return this.exceededMatchLimit;
  }
  /** Get the byte offset where the given pattern starts in the query's source. */
  startIndexForPattern(patternIndex) {
    if (patternIndex >= this.predicates.length) {
      throw new Error(
        `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
      );
    }
    return C._ts_query_start_byte_for_pattern(this[0], patternIndex);
  }
  /** Get the byte offset where the given pattern ends in the query's source. */
  endIndexForPattern(patternIndex) {
    if (patternIndex >= this.predicates.length) {
      throw new Error(
        `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
      );
    }
    return C._ts_query_end_byte_for_pattern(this[0], patternIndex);
  }
  /** Get the number of patterns in the query. */
  patternCount() {
    return C._ts_query_pattern_count(this[0]);
  }
  /** Get the index for a given capture name. */
  captureIndexForName(captureName) {
    return this.captureNames.indexOf(captureName);
  }
  /** Check if a given pattern within a query has a single root node. */
  isPatternRooted(patternIndex) {
    return C._ts_query_is_pattern_rooted(this[0], patternIndex) === 1;
  }
  /** Check if a given pattern within a query has a single root node. */
  isPatternNonLocal(patternIndex) {
    return C._ts_query_is_pattern_non_local(this[0], patternIndex) === 1;
  }
  /**
   * Check if a given step in a query is 'definite'.
   *
   * A query step is 'definite' if its parent pattern will be guaranteed to
   * match successfully once it reaches the step.
   */
  isPatternGuaranteedAtStep(byteIndex) {
    return C._ts_query_is_pattern_guaranteed_at_step(this[0], byteIndex) === 1;
  }
};
var LANGUAGE_FUNCTION_REGEX = /^tree_sitter_\w+$/;
var Language = class _Language {
  static {
    __name(this, "Language");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for WASM
  /**
   * A list of all node types in the language. The index of each type in this
   * array is its node type id.
   */
  types;
  /**
   * A list of all field names in the language. The index of each field name in
   * this array is its field id.
   */
  fields;
  /** @internal */
  constructor(internal, address) {
    assertInternal(internal);
    this[0] = address;
    this.types = new Array(C._ts_language_symbol_count(this[0]));
    for (let i2 = 0, n = this.types.length; i2 < n; i2++) {
      if (C._ts_language_symbol_type(this[0], i2) < 2) {
        this.types[i2] = C.UTF8ToString(C._ts_language_symbol_name(this[0], i2));
      }
    }
    this.fields = new Array(C._ts_language_field_count(this[0]) + 1);
    for (let i2 = 0, n = this.fields.length; i2 < n; i2++) {
      const fieldName = C._ts_language_field_name_for_id(this[0], i2);
      if (fieldName !== 0) {
        this.fields[i2] = C.UTF8ToString(fieldName);
      } else {
        this.fields[i2] = null;
      }
    }
  }
  /**
   * Gets the name of the language.
   */
  get name() {
    const ptr = C._ts_language_name(this[0]);
    if (ptr === 0) return null;
    return C.UTF8ToString(ptr);
  }
  /**
   * @deprecated since version 0.25.0, use {@link Language#abiVersion} instead
   * Gets the version of the language.
   */
  get version() {
    return C._ts_language_version(this[0]);
  }
  /**
   * Gets the ABI version of the language.
   */
  get abiVersion() {
    return C._ts_language_abi_version(this[0]);
  }
  /**
  * Get the metadata for this language. This information is generated by the
  * CLI, and relies on the language author providing the correct metadata in
  * the language's `tree-sitter.json` file.
  */
  get metadata() {
    C._ts_language_metadata(this[0]);
    const length = C.getValue(TRANSFER_BUFFER, "i32");
    const address = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    if (length === 0) return null;
    return unmarshalLanguageMetadata(address);
  }
  /**
   * Gets the number of fields in the language.
   */
  get fieldCount() {
    return this.fields.length - 1;
  }
  /**
   * Gets the number of states in the language.
   */
  get stateCount() {
    return C._ts_language_state_count(this[0]);
  }
  /**
   * Get the field id for a field name.
   */
  fieldIdForName(fieldName) {
    const result = this.fields.indexOf(fieldName);
    return result !== -1 ? result : null;
  }
  /**
   * Get the field name for a field id.
   */
  fieldNameForId(fieldId) {
    return this.fields[fieldId] ?? null;
  }
  /**
   * Get the node type id for a node type name.
   */
  idForNodeType(type, named) {
    const typeLength = C.lengthBytesUTF8(type);
    const typeAddress = C._malloc(typeLength + 1);
    C.stringToUTF8(type, typeAddress, typeLength + 1);
    const result = C._ts_language_symbol_for_name(this[0], typeAddress, typeLength, named ? 1 : 0);
    C._free(typeAddress);
    return result || null;
  }
  /**
   * Gets the number of node types in the language.
   */
  get nodeTypeCount() {
    return C._ts_language_symbol_count(this[0]);
  }
  /**
   * Get the node type name for a node type id.
   */
  nodeTypeForId(typeId) {
    const name2 = C._ts_language_symbol_name(this[0], typeId);
    return name2 ? C.UTF8ToString(name2) : null;
  }
  /**
   * Check if a node type is named.
   *
   * @see {@link https://tree-sitter.github.io/tree-sitter/using-parsers/2-basic-parsing.html#named-vs-anonymous-nodes}
   */
  nodeTypeIsNamed(typeId) {
    return C._ts_language_type_is_named_wasm(this[0], typeId) ? true : false;
  }
  /**
   * Check if a node type is visible.
   */
  nodeTypeIsVisible(typeId) {
    return C._ts_language_type_is_visible_wasm(this[0], typeId) ? true : false;
  }
  /**
   * Get the supertypes ids of this language.
   *
   * @see {@link https://tree-sitter.github.io/tree-sitter/using-parsers/6-static-node-types.html?highlight=supertype#supertype-nodes}
   */
  get supertypes() {
    C._ts_language_supertypes_wasm(this[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = C.getValue(address, "i16");
        address += SIZE_OF_SHORT;
      }
    }
    return result;
  }
  /**
   * Get the subtype ids for a given supertype node id.
   */
  subtypes(supertype) {
    C._ts_language_subtypes_wasm(this[0], supertype);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = C.getValue(address, "i16");
        address += SIZE_OF_SHORT;
      }
    }
    return result;
  }
  /**
   * Get the next state id for a given state id and node type id.
   */
  nextState(stateId, typeId) {
    return C._ts_language_next_state(this[0], stateId, typeId);
  }
  /**
   * Create a new lookahead iterator for this language and parse state.
   *
   * This returns `null` if state is invalid for this language.
   *
   * Iterating {@link LookaheadIterator} will yield valid symbols in the given
   * parse state. Newly created lookahead iterators will return the `ERROR`
   * symbol from {@link LookaheadIterator#currentType}.
   *
   * Lookahead iterators can be useful for generating suggestions and improving
   * syntax error diagnostics. To get symbols valid in an `ERROR` node, use the
   * lookahead iterator on its first leaf node state. For `MISSING` nodes, a
   * lookahead iterator created on the previous non-extra leaf node may be
   * appropriate.
   */
  lookaheadIterator(stateId) {
    const address = C._ts_lookahead_iterator_new(this[0], stateId);
    if (address) return new LookaheadIterator(INTERNAL, address, this);
    return null;
  }
  /**
   * @deprecated since version 0.25.0, call `new` on a {@link Query} instead
   *
   * Create a new query from a string containing one or more S-expression
   * patterns.
   *
   * The query is associated with a particular language, and can only be run
   * on syntax nodes parsed with that language. References to Queries can be
   * shared between multiple threads.
   *
   * @link {@see https://tree-sitter.github.io/tree-sitter/using-parsers/queries}
   */
  query(source) {
    console.warn("Language.query is deprecated. Use new Query(language, source) instead.");
    return new Query(this, source);
  }
  /**
   * Load a language from a WebAssembly module.
   * The module can be provided as a path to a file or as a buffer.
   */
  static async load(input) {
    let bytes;
    if (input instanceof Uint8Array) {
      bytes = Promise.resolve(input);
    } else {
      if (globalThis.process?.versions.node) {
        const fs2 = await import("fs/promises");
        bytes = fs2.readFile(input);
      } else {
        bytes = fetch(input).then((response) => response.arrayBuffer().then((buffer) => {
          if (response.ok) {
            return new Uint8Array(buffer);
          } else {
            const body2 = new TextDecoder("utf-8").decode(buffer);
            throw new Error(`Language.load failed with status ${response.status}.

${body2}`);
          }
        }));
      }
    }
    const mod = await C.loadWebAssemblyModule(await bytes, { loadAsync: true });
    const symbolNames = Object.keys(mod);
    const functionName = symbolNames.find((key) => LANGUAGE_FUNCTION_REGEX.test(key) && !key.includes("external_scanner_"));
    if (!functionName) {
      console.log(`Couldn't find language function in WASM file. Symbols:
${JSON.stringify(symbolNames, null, 2)}`);
      throw new Error("Language.load failed: no language function found in WASM file");
    }
    const languageAddress = mod[functionName]();
    return new _Language(INTERNAL, languageAddress);
  }
};
var Module2 = (() => {
  var _scriptName = import.meta.url;
  return async function(moduleArg = {}) {
    var moduleRtn;
    var Module = moduleArg;
    var readyPromiseResolve, readyPromiseReject;
    var readyPromise = new Promise((resolve, reject) => {
      readyPromiseResolve = resolve;
      readyPromiseReject = reject;
    });
    var ENVIRONMENT_IS_WEB = typeof window == "object";
    var ENVIRONMENT_IS_WORKER = typeof WorkerGlobalScope != "undefined";
    var ENVIRONMENT_IS_NODE = typeof process == "object" && typeof process.versions == "object" && typeof process.versions.node == "string" && process.type != "renderer";
    var ENVIRONMENT_IS_SHELL = !ENVIRONMENT_IS_WEB && !ENVIRONMENT_IS_NODE && !ENVIRONMENT_IS_WORKER;
    if (ENVIRONMENT_IS_NODE) {
      const { createRequire: createRequire2 } = await import("module");
      var require = createRequire2(import.meta.url);
    }
    Module.currentQueryProgressCallback = null;
    Module.currentProgressCallback = null;
    Module.currentLogCallback = null;
    Module.currentParseCallback = null;
    var moduleOverrides = Object.assign({}, Module);
    var arguments_ = [];
    var thisProgram = "./this.program";
    var quit_ = /* @__PURE__ */ __name((status, toThrow) => {
      throw toThrow;
    }, "quit_");
    var scriptDirectory = "";
    function locateFile(path) {
      if (Module["locateFile"]) {
        return Module["locateFile"](path, scriptDirectory);
      }
      return scriptDirectory + path;
    }
    __name(locateFile, "locateFile");
    var readAsync, readBinary;
    if (ENVIRONMENT_IS_NODE) {
      var fs = require("fs");
      var nodePath = require("path");
      if (!import.meta.url.startsWith("data:")) {
        scriptDirectory = nodePath.dirname(require("url").fileURLToPath(import.meta.url)) + "/";
      }
      readBinary = /* @__PURE__ */ __name((filename) => {
        filename = isFileURI(filename) ? new URL(filename) : filename;
        var ret = fs.readFileSync(filename);
        return ret;
      }, "readBinary");
      readAsync = /* @__PURE__ */ __name(async (filename, binary2 = true) => {
        filename = isFileURI(filename) ? new URL(filename) : filename;
        var ret = fs.readFileSync(filename, binary2 ? void 0 : "utf8");
        return ret;
      }, "readAsync");
      if (!Module["thisProgram"] && process.argv.length > 1) {
        thisProgram = process.argv[1].replace(/\\/g, "/");
      }
      arguments_ = process.argv.slice(2);
      quit_ = /* @__PURE__ */ __name((status, toThrow) => {
        process.exitCode = status;
        throw toThrow;
      }, "quit_");
    } else if (ENVIRONMENT_IS_WEB || ENVIRONMENT_IS_WORKER) {
      if (ENVIRONMENT_IS_WORKER) {
        scriptDirectory = self.location.href;
      } else if (typeof document != "undefined" && document.currentScript) {
        scriptDirectory = document.currentScript.src;
      }
      if (_scriptName) {
        scriptDirectory = _scriptName;
      }
      if (scriptDirectory.startsWith("blob:")) {
        scriptDirectory = "";
      } else {
        scriptDirectory = scriptDirectory.slice(0, scriptDirectory.replace(/[?#].*/, "").lastIndexOf("/") + 1);
      }
      {
        if (ENVIRONMENT_IS_WORKER) {
          readBinary = /* @__PURE__ */ __name((url) => {
            var xhr = new XMLHttpRequest();
            xhr.open("GET", url, false);
            xhr.responseType = "arraybuffer";
            xhr.send(null);
            return new Uint8Array(
              /** @type{!ArrayBuffer} */
              xhr.response
            );
          }, "readBinary");
        }
        readAsync = /* @__PURE__ */ __name(async (url) => {
          if (isFileURI(url)) {
            return new Promise((resolve, reject) => {
              var xhr = new XMLHttpRequest();
              xhr.open("GET", url, true);
              xhr.responseType = "arraybuffer";
              xhr.onload = () => {
                if (xhr.status == 200 || xhr.status == 0 && xhr.response) {
                  resolve(xhr.response);
                  return;
                }
                reject(xhr.status);
              };
              xhr.onerror = reject;
              xhr.send(null);
            });
          }
          var response = await fetch(url, {
            credentials: "same-origin"
          });
          if (response.ok) {
            return response.arrayBuffer();
          }
          throw new Error(response.status + " : " + response.url);
        }, "readAsync");
      }
    } else {
    }
    var out = Module["print"] || console.log.bind(console);
    var err = Module["printErr"] || console.error.bind(console);
    Object.assign(Module, moduleOverrides);
    moduleOverrides = null;
    if (Module["arguments"]) arguments_ = Module["arguments"];
    if (Module["thisProgram"]) thisProgram = Module["thisProgram"];
    var dynamicLibraries = Module["dynamicLibraries"] || [];
    var wasmBinary = Module["wasmBinary"];
    var wasmMemory;
    var ABORT = false;
    var EXITSTATUS;
    function assert(condition, text) {
      if (!condition) {
        abort(text);
      }
    }
    __name(assert, "assert");
    var HEAP, HEAP8, HEAPU8, HEAP16, HEAPU16, HEAP32, HEAPU32, HEAPF32, HEAP64, HEAPU64, HEAPF64;
    var HEAP_DATA_VIEW;
    var runtimeInitialized = false;
    var isFileURI = /* @__PURE__ */ __name((filename) => filename.startsWith("file://"), "isFileURI");
    function updateMemoryViews() {
      var b = wasmMemory.buffer;
      Module["HEAP_DATA_VIEW"] = HEAP_DATA_VIEW = new DataView(b);
      Module["HEAP8"] = HEAP8 = new Int8Array(b);
      Module["HEAP16"] = HEAP16 = new Int16Array(b);
      Module["HEAPU8"] = HEAPU8 = new Uint8Array(b);
      Module["HEAPU16"] = HEAPU16 = new Uint16Array(b);
      Module["HEAP32"] = HEAP32 = new Int32Array(b);
      Module["HEAPU32"] = HEAPU32 = new Uint32Array(b);
      Module["HEAPF32"] = HEAPF32 = new Float32Array(b);
      Module["HEAPF64"] = HEAPF64 = new Float64Array(b);
      Module["HEAP64"] = HEAP64 = new BigInt64Array(b);
      Module["HEAPU64"] = HEAPU64 = new BigUint64Array(b);
    }
    __name(updateMemoryViews, "updateMemoryViews");
    if (Module["wasmMemory"]) {
      wasmMemory = Module["wasmMemory"];
    } else {
      var INITIAL_MEMORY = Module["INITIAL_MEMORY"] || 33554432;
      wasmMemory = new WebAssembly.Memory({
        "initial": INITIAL_MEMORY / 65536,
        // In theory we should not need to emit the maximum if we want "unlimited"
        // or 4GB of memory, but VMs error on that atm, see
        // https://github.com/emscripten-core/emscripten/issues/14130
        // And in the pthreads case we definitely need to emit a maximum. So
        // always emit one.
        "maximum": 32768
      });
    }
    updateMemoryViews();
    var __RELOC_FUNCS__ = [];
    function preRun() {
      if (Module["preRun"]) {
        if (typeof Module["preRun"] == "function") Module["preRun"] = [Module["preRun"]];
        while (Module["preRun"].length) {
          addOnPreRun(Module["preRun"].shift());
        }
      }
      callRuntimeCallbacks(onPreRuns);
    }
    __name(preRun, "preRun");
    function initRuntime() {
      runtimeInitialized = true;
      callRuntimeCallbacks(__RELOC_FUNCS__);
      wasmExports["__wasm_call_ctors"]();
      callRuntimeCallbacks(onPostCtors);
    }
    __name(initRuntime, "initRuntime");
    function preMain() {
    }
    __name(preMain, "preMain");
    function postRun() {
      if (Module["postRun"]) {
        if (typeof Module["postRun"] == "function") Module["postRun"] = [Module["postRun"]];
        while (Module["postRun"].length) {
          addOnPostRun(Module["postRun"].shift());
        }
      }
      callRuntimeCallbacks(onPostRuns);
    }
    __name(postRun, "postRun");
    var runDependencies = 0;
    var dependenciesFulfilled = null;
    function getUniqueRunDependency(id) {
      return id;
    }
    __name(getUniqueRunDependency, "getUniqueRunDependency");
    function addRunDependency(id) {
      runDependencies++;
      Module["monitorRunDependencies"]?.(runDependencies);
    }
    __name(addRunDependency, "addRunDependency");
    function removeRunDependency(id) {
      runDependencies--;
      Module["monitorRunDependencies"]?.(runDependencies);
      if (runDependencies == 0) {
        if (dependenciesFulfilled) {
          var callback = dependenciesFulfilled;
          dependenciesFulfilled = null;
          callback();
        }
      }
    }
    __name(removeRunDependency, "removeRunDependency");
    function abort(what) {
      Module["onAbort"]?.(what);
      what = "Aborted(" + what + ")";
      err(what);
      ABORT = true;
      what += ". Build with -sASSERTIONS for more info.";
      var e = new WebAssembly.RuntimeError(what);
      readyPromiseReject(e);
      throw e;
    }
    __name(abort, "abort");
    var wasmBinaryFile;
    function findWasmBinary() {
      if (Module["locateFile"]) {
        return locateFile("tree-sitter.wasm");
      }
      return new URL("tree-sitter.wasm", import.meta.url).href;
    }
    __name(findWasmBinary, "findWasmBinary");
    function getBinarySync(file) {
      if (file == wasmBinaryFile && wasmBinary) {
        return new Uint8Array(wasmBinary);
      }
      if (readBinary) {
        return readBinary(file);
      }
      throw "both async and sync fetching of the wasm failed";
    }
    __name(getBinarySync, "getBinarySync");
    async function getWasmBinary(binaryFile) {
      if (!wasmBinary) {
        try {
          var response = await readAsync(binaryFile);
          return new Uint8Array(response);
        } catch {
        }
      }
      return getBinarySync(binaryFile);
    }
    __name(getWasmBinary, "getWasmBinary");
    async function instantiateArrayBuffer(binaryFile, imports) {
      try {
        var binary2 = await getWasmBinary(binaryFile);
        var instance2 = await WebAssembly.instantiate(binary2, imports);
        return instance2;
      } catch (reason) {
        err(`failed to asynchronously prepare wasm: ${reason}`);
        abort(reason);
      }
    }
    __name(instantiateArrayBuffer, "instantiateArrayBuffer");
    async function instantiateAsync(binary2, binaryFile, imports) {
      if (!binary2 && typeof WebAssembly.instantiateStreaming == "function" && !isFileURI(binaryFile) && !ENVIRONMENT_IS_NODE) {
        try {
          var response = fetch(binaryFile, {
            credentials: "same-origin"
          });
          var instantiationResult = await WebAssembly.instantiateStreaming(response, imports);
          return instantiationResult;
        } catch (reason) {
          err(`wasm streaming compile failed: ${reason}`);
          err("falling back to ArrayBuffer instantiation");
        }
      }
      return instantiateArrayBuffer(binaryFile, imports);
    }
    __name(instantiateAsync, "instantiateAsync");
    function getWasmImports() {
      return {
        "env": wasmImports,
        "wasi_snapshot_preview1": wasmImports,
        "GOT.mem": new Proxy(wasmImports, GOTHandler),
        "GOT.func": new Proxy(wasmImports, GOTHandler)
      };
    }
    __name(getWasmImports, "getWasmImports");
    async function createWasm() {
      function receiveInstance(instance2, module2) {
        wasmExports = instance2.exports;
        wasmExports = relocateExports(wasmExports, 1024);
        var metadata2 = getDylinkMetadata(module2);
        if (metadata2.neededDynlibs) {
          dynamicLibraries = metadata2.neededDynlibs.concat(dynamicLibraries);
        }
        mergeLibSymbols(wasmExports, "main");
        LDSO.init();
        loadDylibs();
        __RELOC_FUNCS__.push(wasmExports["__wasm_apply_data_relocs"]);
        removeRunDependency("wasm-instantiate");
        return wasmExports;
      }
      __name(receiveInstance, "receiveInstance");
      addRunDependency("wasm-instantiate");
      function receiveInstantiationResult(result2) {
        return receiveInstance(result2["instance"], result2["module"]);
      }
      __name(receiveInstantiationResult, "receiveInstantiationResult");
      var info2 = getWasmImports();
      if (Module["instantiateWasm"]) {
        return new Promise((resolve, reject) => {
          Module["instantiateWasm"](info2, (mod, inst) => {
            receiveInstance(mod, inst);
            resolve(mod.exports);
          });
        });
      }
      wasmBinaryFile ??= findWasmBinary();
      try {
        var result = await instantiateAsync(wasmBinary, wasmBinaryFile, info2);
        var exports = receiveInstantiationResult(result);
        return exports;
      } catch (e) {
        readyPromiseReject(e);
        return Promise.reject(e);
      }
    }
    __name(createWasm, "createWasm");
    var ASM_CONSTS = {};
    class ExitStatus {
      static {
        __name(this, "ExitStatus");
      }
      name = "ExitStatus";
      constructor(status) {
        this.message = `Program terminated with exit(${status})`;
        this.status = status;
      }
    }
    var GOT = {};
    var currentModuleWeakSymbols = /* @__PURE__ */ new Set([]);
    var GOTHandler = {
      get(obj, symName) {
        var rtn = GOT[symName];
        if (!rtn) {
          rtn = GOT[symName] = new WebAssembly.Global({
            "value": "i32",
            "mutable": true
          });
        }
        if (!currentModuleWeakSymbols.has(symName)) {
          rtn.required = true;
        }
        return rtn;
      }
    };
    var LE_HEAP_LOAD_F32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getFloat32(byteOffset, true), "LE_HEAP_LOAD_F32");
    var LE_HEAP_LOAD_F64 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getFloat64(byteOffset, true), "LE_HEAP_LOAD_F64");
    var LE_HEAP_LOAD_I16 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getInt16(byteOffset, true), "LE_HEAP_LOAD_I16");
    var LE_HEAP_LOAD_I32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getInt32(byteOffset, true), "LE_HEAP_LOAD_I32");
    var LE_HEAP_LOAD_U16 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getUint16(byteOffset, true), "LE_HEAP_LOAD_U16");
    var LE_HEAP_LOAD_U32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getUint32(byteOffset, true), "LE_HEAP_LOAD_U32");
    var LE_HEAP_STORE_F32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setFloat32(byteOffset, value, true), "LE_HEAP_STORE_F32");
    var LE_HEAP_STORE_F64 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setFloat64(byteOffset, value, true), "LE_HEAP_STORE_F64");
    var LE_HEAP_STORE_I16 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setInt16(byteOffset, value, true), "LE_HEAP_STORE_I16");
    var LE_HEAP_STORE_I32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setInt32(byteOffset, value, true), "LE_HEAP_STORE_I32");
    var LE_HEAP_STORE_U16 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setUint16(byteOffset, value, true), "LE_HEAP_STORE_U16");
    var LE_HEAP_STORE_U32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setUint32(byteOffset, value, true), "LE_HEAP_STORE_U32");
    var callRuntimeCallbacks = /* @__PURE__ */ __name((callbacks) => {
      while (callbacks.length > 0) {
        callbacks.shift()(Module);
      }
    }, "callRuntimeCallbacks");
    var onPostRuns = [];
    var addOnPostRun = /* @__PURE__ */ __name((cb) => onPostRuns.unshift(cb), "addOnPostRun");
    var onPreRuns = [];
    var addOnPreRun = /* @__PURE__ */ __name((cb) => onPreRuns.unshift(cb), "addOnPreRun");
    var UTF8Decoder = typeof TextDecoder != "undefined" ? new TextDecoder() : void 0;
    var UTF8ArrayToString = /* @__PURE__ */ __name((heapOrArray, idx = 0, maxBytesToRead = NaN) => {
      var endIdx = idx + maxBytesToRead;
      var endPtr = idx;
      while (heapOrArray[endPtr] && !(endPtr >= endIdx)) ++endPtr;
      if (endPtr - idx > 16 && heapOrArray.buffer && UTF8Decoder) {
        return UTF8Decoder.decode(heapOrArray.subarray(idx, endPtr));
      }
      var str = "";
      while (idx < endPtr) {
        var u0 = heapOrArray[idx++];
        if (!(u0 & 128)) {
          str += String.fromCharCode(u0);
          continue;
        }
        var u1 = heapOrArray[idx++] & 63;
        if ((u0 & 224) == 192) {
          str += String.fromCharCode((u0 & 31) << 6 | u1);
          continue;
        }
        var u2 = heapOrArray[idx++] & 63;
        if ((u0 & 240) == 224) {
          u0 = (u0 & 15) << 12 | u1 << 6 | u2;
        } else {
          u0 = (u0 & 7) << 18 | u1 << 12 | u2 << 6 | heapOrArray[idx++] & 63;
        }
        if (u0 < 65536) {
          str += String.fromCharCode(u0);
        } else {
          var ch = u0 - 65536;
          str += String.fromCharCode(55296 | ch >> 10, 56320 | ch & 1023);
        }
      }
      return str;
    }, "UTF8ArrayToString");
    var getDylinkMetadata = /* @__PURE__ */ __name((binary2) => {
      var offset = 0;
      var end = 0;
      function getU8() {
        return binary2[offset++];
      }
      __name(getU8, "getU8");
      function getLEB() {
        var ret = 0;
        var mul = 1;
        while (1) {
          var byte = binary2[offset++];
          ret += (byte & 127) * mul;
          mul *= 128;
          if (!(byte & 128)) break;
        }
        return ret;
      }
      __name(getLEB, "getLEB");
      function getString() {
        var len = getLEB();
        offset += len;
        return UTF8ArrayToString(binary2, offset - len, len);
      }
      __name(getString, "getString");
      function failIf(condition, message) {
        if (condition) throw new Error(message);
      }
      __name(failIf, "failIf");
      var name2 = "dylink.0";
      if (binary2 instanceof WebAssembly.Module) {
        var dylinkSection = WebAssembly.Module.customSections(binary2, name2);
        if (dylinkSection.length === 0) {
          name2 = "dylink";
          dylinkSection = WebAssembly.Module.customSections(binary2, name2);
        }
        failIf(dylinkSection.length === 0, "need dylink section");
        binary2 = new Uint8Array(dylinkSection[0]);
        end = binary2.length;
      } else {
        var int32View = new Uint32Array(new Uint8Array(binary2.subarray(0, 24)).buffer);
        var magicNumberFound = int32View[0] == 1836278016 || int32View[0] == 6386541;
        failIf(!magicNumberFound, "need to see wasm magic number");
        failIf(binary2[8] !== 0, "need the dylink section to be first");
        offset = 9;
        var section_size = getLEB();
        end = offset + section_size;
        name2 = getString();
      }
      var customSection = {
        neededDynlibs: [],
        tlsExports: /* @__PURE__ */ new Set(),
        weakImports: /* @__PURE__ */ new Set()
      };
      if (name2 == "dylink") {
        customSection.memorySize = getLEB();
        customSection.memoryAlign = getLEB();
        customSection.tableSize = getLEB();
        customSection.tableAlign = getLEB();
        var neededDynlibsCount = getLEB();
        for (var i2 = 0; i2 < neededDynlibsCount; ++i2) {
          var libname = getString();
          customSection.neededDynlibs.push(libname);
        }
      } else {
        failIf(name2 !== "dylink.0");
        var WASM_DYLINK_MEM_INFO = 1;
        var WASM_DYLINK_NEEDED = 2;
        var WASM_DYLINK_EXPORT_INFO = 3;
        var WASM_DYLINK_IMPORT_INFO = 4;
        var WASM_SYMBOL_TLS = 256;
        var WASM_SYMBOL_BINDING_MASK = 3;
        var WASM_SYMBOL_BINDING_WEAK = 1;
        while (offset < end) {
          var subsectionType = getU8();
          var subsectionSize = getLEB();
          if (subsectionType === WASM_DYLINK_MEM_INFO) {
            customSection.memorySize = getLEB();
            customSection.memoryAlign = getLEB();
            customSection.tableSize = getLEB();
            customSection.tableAlign = getLEB();
          } else if (subsectionType === WASM_DYLINK_NEEDED) {
            var neededDynlibsCount = getLEB();
            for (var i2 = 0; i2 < neededDynlibsCount; ++i2) {
              libname = getString();
              customSection.neededDynlibs.push(libname);
            }
          } else if (subsectionType === WASM_DYLINK_EXPORT_INFO) {
            var count = getLEB();
            while (count--) {
              var symname = getString();
              var flags2 = getLEB();
              if (flags2 & WASM_SYMBOL_TLS) {
                customSection.tlsExports.add(symname);
              }
            }
          } else if (subsectionType === WASM_DYLINK_IMPORT_INFO) {
            var count = getLEB();
            while (count--) {
              var modname = getString();
              var symname = getString();
              var flags2 = getLEB();
              if ((flags2 & WASM_SYMBOL_BINDING_MASK) == WASM_SYMBOL_BINDING_WEAK) {
                customSection.weakImports.add(symname);
              }
            }
          } else {
            offset += subsectionSize;
          }
        }
      }
      return customSection;
    }, "getDylinkMetadata");
    function getValue(ptr, type = "i8") {
      if (type.endsWith("*")) type = "*";
      switch (type) {
        case "i1":
          return HEAP8[ptr];
        case "i8":
          return HEAP8[ptr];
        case "i16":
          return LE_HEAP_LOAD_I16((ptr >> 1) * 2);
        case "i32":
          return LE_HEAP_LOAD_I32((ptr >> 2) * 4);
        case "i64":
          return HEAP64[ptr >> 3];
        case "float":
          return LE_HEAP_LOAD_F32((ptr >> 2) * 4);
        case "double":
          return LE_HEAP_LOAD_F64((ptr >> 3) * 8);
        case "*":
          return LE_HEAP_LOAD_U32((ptr >> 2) * 4);
        default:
          abort(`invalid type for getValue: ${type}`);
      }
    }
    __name(getValue, "getValue");
    var newDSO = /* @__PURE__ */ __name((name2, handle2, syms) => {
      var dso = {
        refcount: Infinity,
        name: name2,
        exports: syms,
        global: true
      };
      LDSO.loadedLibsByName[name2] = dso;
      if (handle2 != void 0) {
        LDSO.loadedLibsByHandle[handle2] = dso;
      }
      return dso;
    }, "newDSO");
    var LDSO = {
      loadedLibsByName: {},
      loadedLibsByHandle: {},
      init() {
        newDSO("__main__", 0, wasmImports);
      }
    };
    var ___heap_base = 78224;
    var alignMemory = /* @__PURE__ */ __name((size, alignment) => Math.ceil(size / alignment) * alignment, "alignMemory");
    var getMemory = /* @__PURE__ */ __name((size) => {
      if (runtimeInitialized) {
        return _calloc(size, 1);
      }
      var ret = ___heap_base;
      var end = ret + alignMemory(size, 16);
      ___heap_base = end;
      GOT["__heap_base"].value = end;
      return ret;
    }, "getMemory");
    var isInternalSym = /* @__PURE__ */ __name((symName) => ["__cpp_exception", "__c_longjmp", "__wasm_apply_data_relocs", "__dso_handle", "__tls_size", "__tls_align", "__set_stack_limits", "_emscripten_tls_init", "__wasm_init_tls", "__wasm_call_ctors", "__start_em_asm", "__stop_em_asm", "__start_em_js", "__stop_em_js"].includes(symName) || symName.startsWith("__em_js__"), "isInternalSym");
    var uleb128Encode = /* @__PURE__ */ __name((n, target) => {
      if (n < 128) {
        target.push(n);
      } else {
        target.push(n % 128 | 128, n >> 7);
      }
    }, "uleb128Encode");
    var sigToWasmTypes = /* @__PURE__ */ __name((sig) => {
      var typeNames = {
        "i": "i32",
        "j": "i64",
        "f": "f32",
        "d": "f64",
        "e": "externref",
        "p": "i32"
      };
      var type = {
        parameters: [],
        results: sig[0] == "v" ? [] : [typeNames[sig[0]]]
      };
      for (var i2 = 1; i2 < sig.length; ++i2) {
        type.parameters.push(typeNames[sig[i2]]);
      }
      return type;
    }, "sigToWasmTypes");
    var generateFuncType = /* @__PURE__ */ __name((sig, target) => {
      var sigRet = sig.slice(0, 1);
      var sigParam = sig.slice(1);
      var typeCodes = {
        "i": 127,
        // i32
        "p": 127,
        // i32
        "j": 126,
        // i64
        "f": 125,
        // f32
        "d": 124,
        // f64
        "e": 111
      };
      target.push(96);
      uleb128Encode(sigParam.length, target);
      for (var i2 = 0; i2 < sigParam.length; ++i2) {
        target.push(typeCodes[sigParam[i2]]);
      }
      if (sigRet == "v") {
        target.push(0);
      } else {
        target.push(1, typeCodes[sigRet]);
      }
    }, "generateFuncType");
    var convertJsFunctionToWasm = /* @__PURE__ */ __name((func2, sig) => {
      if (typeof WebAssembly.Function == "function") {
        return new WebAssembly.Function(sigToWasmTypes(sig), func2);
      }
      var typeSectionBody = [1];
      generateFuncType(sig, typeSectionBody);
      var bytes = [
        0,
        97,
        115,
        109,
        // magic ("\0asm")
        1,
        0,
        0,
        0,
        // version: 1
        1
      ];
      uleb128Encode(typeSectionBody.length, bytes);
      bytes.push(...typeSectionBody);
      bytes.push(
        2,
        7,
        // import section
        // (import "e" "f" (func 0 (type 0)))
        1,
        1,
        101,
        1,
        102,
        0,
        0,
        7,
        5,
        // export section
        // (export "f" (func 0 (type 0)))
        1,
        1,
        102,
        0,
        0
      );
      var module2 = new WebAssembly.Module(new Uint8Array(bytes));
      var instance2 = new WebAssembly.Instance(module2, {
        "e": {
          "f": func2
        }
      });
      var wrappedFunc = instance2.exports["f"];
      return wrappedFunc;
    }, "convertJsFunctionToWasm");
    var wasmTableMirror = [];
    var wasmTable = new WebAssembly.Table({
      "initial": 31,
      "element": "anyfunc"
    });
    var getWasmTableEntry = /* @__PURE__ */ __name((funcPtr) => {
      var func2 = wasmTableMirror[funcPtr];
      if (!func2) {
        if (funcPtr >= wasmTableMirror.length) wasmTableMirror.length = funcPtr + 1;
        wasmTableMirror[funcPtr] = func2 = wasmTable.get(funcPtr);
      }
      return func2;
    }, "getWasmTableEntry");
    var updateTableMap = /* @__PURE__ */ __name((offset, count) => {
      if (functionsInTableMap) {
        for (var i2 = offset; i2 < offset + count; i2++) {
          var item = getWasmTableEntry(i2);
          if (item) {
            functionsInTableMap.set(item, i2);
          }
        }
      }
    }, "updateTableMap");
    var functionsInTableMap;
    var getFunctionAddress = /* @__PURE__ */ __name((func2) => {
      if (!functionsInTableMap) {
        functionsInTableMap = /* @__PURE__ */ new WeakMap();
        updateTableMap(0, wasmTable.length);
      }
      return functionsInTableMap.get(func2) || 0;
    }, "getFunctionAddress");
    var freeTableIndexes = [];
    var getEmptyTableSlot = /* @__PURE__ */ __name(() => {
      if (freeTableIndexes.length) {
        return freeTableIndexes.pop();
      }
      try {
        wasmTable.grow(1);
      } catch (err2) {
        if (!(err2 instanceof RangeError)) {
          throw err2;
        }
        throw "Unable to grow wasm table. Set ALLOW_TABLE_GROWTH.";
      }
      return wasmTable.length - 1;
    }, "getEmptyTableSlot");
    var setWasmTableEntry = /* @__PURE__ */ __name((idx, func2) => {
      wasmTable.set(idx, func2);
      wasmTableMirror[idx] = wasmTable.get(idx);
    }, "setWasmTableEntry");
    var addFunction = /* @__PURE__ */ __name((func2, sig) => {
      var rtn = getFunctionAddress(func2);
      if (rtn) {
        return rtn;
      }
      var ret = getEmptyTableSlot();
      try {
        setWasmTableEntry(ret, func2);
      } catch (err2) {
        if (!(err2 instanceof TypeError)) {
          throw err2;
        }
        var wrapped = convertJsFunctionToWasm(func2, sig);
        setWasmTableEntry(ret, wrapped);
      }
      functionsInTableMap.set(func2, ret);
      return ret;
    }, "addFunction");
    var updateGOT = /* @__PURE__ */ __name((exports, replace) => {
      for (var symName in exports) {
        if (isInternalSym(symName)) {
          continue;
        }
        var value = exports[symName];
        GOT[symName] ||= new WebAssembly.Global({
          "value": "i32",
          "mutable": true
        });
        if (replace || GOT[symName].value == 0) {
          if (typeof value == "function") {
            GOT[symName].value = addFunction(value);
          } else if (typeof value == "number") {
            GOT[symName].value = value;
          } else {
            err(`unhandled export type for '${symName}': ${typeof value}`);
          }
        }
      }
    }, "updateGOT");
    var relocateExports = /* @__PURE__ */ __name((exports, memoryBase2, replace) => {
      var relocated = {};
      for (var e in exports) {
        var value = exports[e];
        if (typeof value == "object") {
          value = value.value;
        }
        if (typeof value == "number") {
          value += memoryBase2;
        }
        relocated[e] = value;
      }
      updateGOT(relocated, replace);
      return relocated;
    }, "relocateExports");
    var isSymbolDefined = /* @__PURE__ */ __name((symName) => {
      var existing = wasmImports[symName];
      if (!existing || existing.stub) {
        return false;
      }
      return true;
    }, "isSymbolDefined");
    var dynCall = /* @__PURE__ */ __name((sig, ptr, args2 = []) => {
      var rtn = getWasmTableEntry(ptr)(...args2);
      return rtn;
    }, "dynCall");
    var stackSave = /* @__PURE__ */ __name(() => _emscripten_stack_get_current(), "stackSave");
    var stackRestore = /* @__PURE__ */ __name((val) => __emscripten_stack_restore(val), "stackRestore");
    var createInvokeFunction = /* @__PURE__ */ __name((sig) => (ptr, ...args2) => {
      var sp = stackSave();
      try {
        return dynCall(sig, ptr, args2);
      } catch (e) {
        stackRestore(sp);
        if (e !== e + 0) throw e;
        _setThrew(1, 0);
        if (sig[0] == "j") return 0n;
      }
    }, "createInvokeFunction");
    var resolveGlobalSymbol = /* @__PURE__ */ __name((symName, direct = false) => {
      var sym;
      if (isSymbolDefined(symName)) {
        sym = wasmImports[symName];
      } else if (symName.startsWith("invoke_")) {
        sym = wasmImports[symName] = createInvokeFunction(symName.split("_")[1]);
      }
      return {
        sym,
        name: symName
      };
    }, "resolveGlobalSymbol");
    var onPostCtors = [];
    var addOnPostCtor = /* @__PURE__ */ __name((cb) => onPostCtors.unshift(cb), "addOnPostCtor");
    var UTF8ToString = /* @__PURE__ */ __name((ptr, maxBytesToRead) => ptr ? UTF8ArrayToString(HEAPU8, ptr, maxBytesToRead) : "", "UTF8ToString");
    var loadWebAssemblyModule = /* @__PURE__ */ __name((binary, flags, libName, localScope, handle) => {
      var metadata = getDylinkMetadata(binary);
      currentModuleWeakSymbols = metadata.weakImports;
      function loadModule() {
        var memAlign = Math.pow(2, metadata.memoryAlign);
        var memoryBase = metadata.memorySize ? alignMemory(getMemory(metadata.memorySize + memAlign), memAlign) : 0;
        var tableBase = metadata.tableSize ? wasmTable.length : 0;
        if (handle) {
          HEAP8[handle + 8] = 1;
          LE_HEAP_STORE_U32((handle + 12 >> 2) * 4, memoryBase);
          LE_HEAP_STORE_I32((handle + 16 >> 2) * 4, metadata.memorySize);
          LE_HEAP_STORE_U32((handle + 20 >> 2) * 4, tableBase);
          LE_HEAP_STORE_I32((handle + 24 >> 2) * 4, metadata.tableSize);
        }
        if (metadata.tableSize) {
          wasmTable.grow(metadata.tableSize);
        }
        var moduleExports;
        function resolveSymbol(sym) {
          var resolved = resolveGlobalSymbol(sym).sym;
          if (!resolved && localScope) {
            resolved = localScope[sym];
          }
          if (!resolved) {
            resolved = moduleExports[sym];
          }
          return resolved;
        }
        __name(resolveSymbol, "resolveSymbol");
        var proxyHandler = {
          get(stubs, prop) {
            switch (prop) {
              case "__memory_base":
                return memoryBase;
              case "__table_base":
                return tableBase;
            }
            if (prop in wasmImports && !wasmImports[prop].stub) {
              var res = wasmImports[prop];
              return res;
            }
            if (!(prop in stubs)) {
              var resolved;
              stubs[prop] = (...args2) => {
                resolved ||= resolveSymbol(prop);
                return resolved(...args2);
              };
            }
            return stubs[prop];
          }
        };
        var proxy = new Proxy({}, proxyHandler);
        var info = {
          "GOT.mem": new Proxy({}, GOTHandler),
          "GOT.func": new Proxy({}, GOTHandler),
          "env": proxy,
          "wasi_snapshot_preview1": proxy
        };
        function postInstantiation(module, instance) {
          updateTableMap(tableBase, metadata.tableSize);
          moduleExports = relocateExports(instance.exports, memoryBase);
          if (!flags.allowUndefined) {
            reportUndefinedSymbols();
          }
          function addEmAsm(addr, body) {
            var args = [];
            var arity = 0;
            for (; arity < 16; arity++) {
              if (body.indexOf("$" + arity) != -1) {
                args.push("$" + arity);
              } else {
                break;
              }
            }
            args = args.join(",");
            var func = `(${args}) => { ${body} };`;
            ASM_CONSTS[start] = eval(func);
          }
          __name(addEmAsm, "addEmAsm");
          if ("__start_em_asm" in moduleExports) {
            var start = moduleExports["__start_em_asm"];
            var stop = moduleExports["__stop_em_asm"];
            while (start < stop) {
              var jsString = UTF8ToString(start);
              addEmAsm(start, jsString);
              start = HEAPU8.indexOf(0, start) + 1;
            }
          }
          function addEmJs(name, cSig, body) {
            var jsArgs = [];
            cSig = cSig.slice(1, -1);
            if (cSig != "void") {
              cSig = cSig.split(",");
              for (var i in cSig) {
                var jsArg = cSig[i].split(" ").pop();
                jsArgs.push(jsArg.replace("*", ""));
              }
            }
            var func = `(${jsArgs}) => ${body};`;
            moduleExports[name] = eval(func);
          }
          __name(addEmJs, "addEmJs");
          for (var name in moduleExports) {
            if (name.startsWith("__em_js__")) {
              var start = moduleExports[name];
              var jsString = UTF8ToString(start);
              var parts = jsString.split("<::>");
              addEmJs(name.replace("__em_js__", ""), parts[0], parts[1]);
              delete moduleExports[name];
            }
          }
          var applyRelocs = moduleExports["__wasm_apply_data_relocs"];
          if (applyRelocs) {
            if (runtimeInitialized) {
              applyRelocs();
            } else {
              __RELOC_FUNCS__.push(applyRelocs);
            }
          }
          var init = moduleExports["__wasm_call_ctors"];
          if (init) {
            if (runtimeInitialized) {
              init();
            } else {
              addOnPostCtor(init);
            }
          }
          return moduleExports;
        }
        __name(postInstantiation, "postInstantiation");
        if (flags.loadAsync) {
          if (binary instanceof WebAssembly.Module) {
            var instance = new WebAssembly.Instance(binary, info);
            return Promise.resolve(postInstantiation(binary, instance));
          }
          return WebAssembly.instantiate(binary, info).then((result) => postInstantiation(result.module, result.instance));
        }
        var module = binary instanceof WebAssembly.Module ? binary : new WebAssembly.Module(binary);
        var instance = new WebAssembly.Instance(module, info);
        return postInstantiation(module, instance);
      }
      __name(loadModule, "loadModule");
      if (flags.loadAsync) {
        return metadata.neededDynlibs.reduce((chain, dynNeeded) => chain.then(() => loadDynamicLibrary(dynNeeded, flags, localScope)), Promise.resolve()).then(loadModule);
      }
      metadata.neededDynlibs.forEach((needed) => loadDynamicLibrary(needed, flags, localScope));
      return loadModule();
    }, "loadWebAssemblyModule");
    var mergeLibSymbols = /* @__PURE__ */ __name((exports, libName2) => {
      for (var [sym, exp] of Object.entries(exports)) {
        const setImport = /* @__PURE__ */ __name((target) => {
          if (!isSymbolDefined(target)) {
            wasmImports[target] = exp;
          }
        }, "setImport");
        setImport(sym);
        const main_alias = "__main_argc_argv";
        if (sym == "main") {
          setImport(main_alias);
        }
        if (sym == main_alias) {
          setImport("main");
        }
      }
    }, "mergeLibSymbols");
    var asyncLoad = /* @__PURE__ */ __name(async (url) => {
      var arrayBuffer = await readAsync(url);
      return new Uint8Array(arrayBuffer);
    }, "asyncLoad");
    function loadDynamicLibrary(libName2, flags2 = {
      global: true,
      nodelete: true
    }, localScope2, handle2) {
      var dso = LDSO.loadedLibsByName[libName2];
      if (dso) {
        if (!flags2.global) {
          if (localScope2) {
            Object.assign(localScope2, dso.exports);
          }
        } else if (!dso.global) {
          dso.global = true;
          mergeLibSymbols(dso.exports, libName2);
        }
        if (flags2.nodelete && dso.refcount !== Infinity) {
          dso.refcount = Infinity;
        }
        dso.refcount++;
        if (handle2) {
          LDSO.loadedLibsByHandle[handle2] = dso;
        }
        return flags2.loadAsync ? Promise.resolve(true) : true;
      }
      dso = newDSO(libName2, handle2, "loading");
      dso.refcount = flags2.nodelete ? Infinity : 1;
      dso.global = flags2.global;
      function loadLibData() {
        if (handle2) {
          var data = LE_HEAP_LOAD_U32((handle2 + 28 >> 2) * 4);
          var dataSize = LE_HEAP_LOAD_U32((handle2 + 32 >> 2) * 4);
          if (data && dataSize) {
            var libData = HEAP8.slice(data, data + dataSize);
            return flags2.loadAsync ? Promise.resolve(libData) : libData;
          }
        }
        var libFile = locateFile(libName2);
        if (flags2.loadAsync) {
          return asyncLoad(libFile);
        }
        if (!readBinary) {
          throw new Error(`${libFile}: file not found, and synchronous loading of external files is not available`);
        }
        return readBinary(libFile);
      }
      __name(loadLibData, "loadLibData");
      function getExports() {
        if (flags2.loadAsync) {
          return loadLibData().then((libData) => loadWebAssemblyModule(libData, flags2, libName2, localScope2, handle2));
        }
        return loadWebAssemblyModule(loadLibData(), flags2, libName2, localScope2, handle2);
      }
      __name(getExports, "getExports");
      function moduleLoaded(exports) {
        if (dso.global) {
          mergeLibSymbols(exports, libName2);
        } else if (localScope2) {
          Object.assign(localScope2, exports);
        }
        dso.exports = exports;
      }
      __name(moduleLoaded, "moduleLoaded");
      if (flags2.loadAsync) {
        return getExports().then((exports) => {
          moduleLoaded(exports);
          return true;
        });
      }
      moduleLoaded(getExports());
      return true;
    }
    __name(loadDynamicLibrary, "loadDynamicLibrary");
    var reportUndefinedSymbols = /* @__PURE__ */ __name(() => {
      for (var [symName, entry] of Object.entries(GOT)) {
        if (entry.value == 0) {
          var value = resolveGlobalSymbol(symName, true).sym;
          if (!value && !entry.required) {
            continue;
          }
          if (typeof value == "function") {
            entry.value = addFunction(value, value.sig);
          } else if (typeof value == "number") {
            entry.value = value;
          } else {
            throw new Error(`bad export type for '${symName}': ${typeof value}`);
          }
        }
      }
    }, "reportUndefinedSymbols");
    var loadDylibs = /* @__PURE__ */ __name(() => {
      if (!dynamicLibraries.length) {
        reportUndefinedSymbols();
        return;
      }
      addRunDependency("loadDylibs");
      dynamicLibraries.reduce((chain, lib) => chain.then(() => loadDynamicLibrary(lib, {
        loadAsync: true,
        global: true,
        nodelete: true,
        allowUndefined: true
      })), Promise.resolve()).then(() => {
        reportUndefinedSymbols();
        removeRunDependency("loadDylibs");
      });
    }, "loadDylibs");
    var noExitRuntime = Module["noExitRuntime"] || true;
    function setValue(ptr, value, type = "i8") {
      if (type.endsWith("*")) type = "*";
      switch (type) {
        case "i1":
          HEAP8[ptr] = value;
          break;
        case "i8":
          HEAP8[ptr] = value;
          break;
        case "i16":
          LE_HEAP_STORE_I16((ptr >> 1) * 2, value);
          break;
        case "i32":
          LE_HEAP_STORE_I32((ptr >> 2) * 4, value);
          break;
        case "i64":
          HEAP64[ptr >> 3] = BigInt(value);
          break;
        case "float":
          LE_HEAP_STORE_F32((ptr >> 2) * 4, value);
          break;
        case "double":
          LE_HEAP_STORE_F64((ptr >> 3) * 8, value);
          break;
        case "*":
          LE_HEAP_STORE_U32((ptr >> 2) * 4, value);
          break;
        default:
          abort(`invalid type for setValue: ${type}`);
      }
    }
    __name(setValue, "setValue");
    var ___memory_base = new WebAssembly.Global({
      "value": "i32",
      "mutable": false
    }, 1024);
    var ___stack_pointer = new WebAssembly.Global({
      "value": "i32",
      "mutable": true
    }, 78224);
    var ___table_base = new WebAssembly.Global({
      "value": "i32",
      "mutable": false
    }, 1);
    var __abort_js = /* @__PURE__ */ __name(() => abort(""), "__abort_js");
    __abort_js.sig = "v";
    var _emscripten_get_now = /* @__PURE__ */ __name(() => performance.now(), "_emscripten_get_now");
    _emscripten_get_now.sig = "d";
    var _emscripten_date_now = /* @__PURE__ */ __name(() => Date.now(), "_emscripten_date_now");
    _emscripten_date_now.sig = "d";
    var nowIsMonotonic = 1;
    var checkWasiClock = /* @__PURE__ */ __name((clock_id) => clock_id >= 0 && clock_id <= 3, "checkWasiClock");
    var INT53_MAX = 9007199254740992;
    var INT53_MIN = -9007199254740992;
    var bigintToI53Checked = /* @__PURE__ */ __name((num) => num < INT53_MIN || num > INT53_MAX ? NaN : Number(num), "bigintToI53Checked");
    function _clock_time_get(clk_id, ignored_precision, ptime) {
      ignored_precision = bigintToI53Checked(ignored_precision);
      if (!checkWasiClock(clk_id)) {
        return 28;
      }
      var now;
      if (clk_id === 0) {
        now = _emscripten_date_now();
      } else if (nowIsMonotonic) {
        now = _emscripten_get_now();
      } else {
        return 52;
      }
      var nsec = Math.round(now * 1e3 * 1e3);
      HEAP64[ptime >> 3] = BigInt(nsec);
      return 0;
    }
    __name(_clock_time_get, "_clock_time_get");
    _clock_time_get.sig = "iijp";
    var getHeapMax = /* @__PURE__ */ __name(() => (
      // Stay one Wasm page short of 4GB: while e.g. Chrome is able to allocate
      // full 4GB Wasm memories, the size will wrap back to 0 bytes in Wasm side
      // for any code that deals with heap sizes, which would require special
      // casing all heap size related code to treat 0 specially.
      2147483648
    ), "getHeapMax");
    var growMemory = /* @__PURE__ */ __name((size) => {
      var b = wasmMemory.buffer;
      var pages = (size - b.byteLength + 65535) / 65536 | 0;
      try {
        wasmMemory.grow(pages);
        updateMemoryViews();
        return 1;
      } catch (e) {
      }
    }, "growMemory");
    var _emscripten_resize_heap = /* @__PURE__ */ __name((requestedSize) => {
      var oldSize = HEAPU8.length;
      requestedSize >>>= 0;
      var maxHeapSize = getHeapMax();
      if (requestedSize > maxHeapSize) {
        return false;
      }
      for (var cutDown = 1; cutDown <= 4; cutDown *= 2) {
        var overGrownHeapSize = oldSize * (1 + 0.2 / cutDown);
        overGrownHeapSize = Math.min(overGrownHeapSize, requestedSize + 100663296);
        var newSize = Math.min(maxHeapSize, alignMemory(Math.max(requestedSize, overGrownHeapSize), 65536));
        var replacement = growMemory(newSize);
        if (replacement) {
          return true;
        }
      }
      return false;
    }, "_emscripten_resize_heap");
    _emscripten_resize_heap.sig = "ip";
    var _fd_close = /* @__PURE__ */ __name((fd) => 52, "_fd_close");
    _fd_close.sig = "ii";
    function _fd_seek(fd, offset, whence, newOffset) {
      offset = bigintToI53Checked(offset);
      return 70;
    }
    __name(_fd_seek, "_fd_seek");
    _fd_seek.sig = "iijip";
    var printCharBuffers = [null, [], []];
    var printChar = /* @__PURE__ */ __name((stream, curr) => {
      var buffer = printCharBuffers[stream];
      if (curr === 0 || curr === 10) {
        (stream === 1 ? out : err)(UTF8ArrayToString(buffer));
        buffer.length = 0;
      } else {
        buffer.push(curr);
      }
    }, "printChar");
    var flush_NO_FILESYSTEM = /* @__PURE__ */ __name(() => {
      if (printCharBuffers[1].length) printChar(1, 10);
      if (printCharBuffers[2].length) printChar(2, 10);
    }, "flush_NO_FILESYSTEM");
    var SYSCALLS = {
      varargs: void 0,
      getStr(ptr) {
        var ret = UTF8ToString(ptr);
        return ret;
      }
    };
    var _fd_write = /* @__PURE__ */ __name((fd, iov, iovcnt, pnum) => {
      var num = 0;
      for (var i2 = 0; i2 < iovcnt; i2++) {
        var ptr = LE_HEAP_LOAD_U32((iov >> 2) * 4);
        var len = LE_HEAP_LOAD_U32((iov + 4 >> 2) * 4);
        iov += 8;
        for (var j = 0; j < len; j++) {
          printChar(fd, HEAPU8[ptr + j]);
        }
        num += len;
      }
      LE_HEAP_STORE_U32((pnum >> 2) * 4, num);
      return 0;
    }, "_fd_write");
    _fd_write.sig = "iippp";
    function _tree_sitter_log_callback(isLexMessage, messageAddress) {
      if (Module.currentLogCallback) {
        const message = UTF8ToString(messageAddress);
        Module.currentLogCallback(message, isLexMessage !== 0);
      }
    }
    __name(_tree_sitter_log_callback, "_tree_sitter_log_callback");
    function _tree_sitter_parse_callback(inputBufferAddress, index, row, column, lengthAddress) {
      const INPUT_BUFFER_SIZE = 10 * 1024;
      const string = Module.currentParseCallback(index, {
        row,
        column
      });
      if (typeof string === "string") {
        setValue(lengthAddress, string.length, "i32");
        stringToUTF16(string, inputBufferAddress, INPUT_BUFFER_SIZE);
      } else {
        setValue(lengthAddress, 0, "i32");
      }
    }
    __name(_tree_sitter_parse_callback, "_tree_sitter_parse_callback");
    function _tree_sitter_progress_callback(currentOffset, hasError) {
      if (Module.currentProgressCallback) {
        return Module.currentProgressCallback({
          currentOffset,
          hasError
        });
      }
      return false;
    }
    __name(_tree_sitter_progress_callback, "_tree_sitter_progress_callback");
    function _tree_sitter_query_progress_callback(currentOffset) {
      if (Module.currentQueryProgressCallback) {
        return Module.currentQueryProgressCallback({
          currentOffset
        });
      }
      return false;
    }
    __name(_tree_sitter_query_progress_callback, "_tree_sitter_query_progress_callback");
    var runtimeKeepaliveCounter = 0;
    var keepRuntimeAlive = /* @__PURE__ */ __name(() => noExitRuntime || runtimeKeepaliveCounter > 0, "keepRuntimeAlive");
    var _proc_exit = /* @__PURE__ */ __name((code) => {
      EXITSTATUS = code;
      if (!keepRuntimeAlive()) {
        Module["onExit"]?.(code);
        ABORT = true;
      }
      quit_(code, new ExitStatus(code));
    }, "_proc_exit");
    _proc_exit.sig = "vi";
    var exitJS = /* @__PURE__ */ __name((status, implicit) => {
      EXITSTATUS = status;
      _proc_exit(status);
    }, "exitJS");
    var handleException = /* @__PURE__ */ __name((e) => {
      if (e instanceof ExitStatus || e == "unwind") {
        return EXITSTATUS;
      }
      quit_(1, e);
    }, "handleException");
    var lengthBytesUTF8 = /* @__PURE__ */ __name((str) => {
      var len = 0;
      for (var i2 = 0; i2 < str.length; ++i2) {
        var c = str.charCodeAt(i2);
        if (c <= 127) {
          len++;
        } else if (c <= 2047) {
          len += 2;
        } else if (c >= 55296 && c <= 57343) {
          len += 4;
          ++i2;
        } else {
          len += 3;
        }
      }
      return len;
    }, "lengthBytesUTF8");
    var stringToUTF8Array = /* @__PURE__ */ __name((str, heap, outIdx, maxBytesToWrite) => {
      if (!(maxBytesToWrite > 0)) return 0;
      var startIdx = outIdx;
      var endIdx = outIdx + maxBytesToWrite - 1;
      for (var i2 = 0; i2 < str.length; ++i2) {
        var u = str.charCodeAt(i2);
        if (u >= 55296 && u <= 57343) {
          var u1 = str.charCodeAt(++i2);
          u = 65536 + ((u & 1023) << 10) | u1 & 1023;
        }
        if (u <= 127) {
          if (outIdx >= endIdx) break;
          heap[outIdx++] = u;
        } else if (u <= 2047) {
          if (outIdx + 1 >= endIdx) break;
          heap[outIdx++] = 192 | u >> 6;
          heap[outIdx++] = 128 | u & 63;
        } else if (u <= 65535) {
          if (outIdx + 2 >= endIdx) break;
          heap[outIdx++] = 224 | u >> 12;
          heap[outIdx++] = 128 | u >> 6 & 63;
          heap[outIdx++] = 128 | u & 63;
        } else {
          if (outIdx + 3 >= endIdx) break;
          heap[outIdx++] = 240 | u >> 18;
          heap[outIdx++] = 128 | u >> 12 & 63;
          heap[outIdx++] = 128 | u >> 6 & 63;
          heap[outIdx++] = 128 | u & 63;
        }
      }
      heap[outIdx] = 0;
      return outIdx - startIdx;
    }, "stringToUTF8Array");
    var stringToUTF8 = /* @__PURE__ */ __name((str, outPtr, maxBytesToWrite) => stringToUTF8Array(str, HEAPU8, outPtr, maxBytesToWrite), "stringToUTF8");
    var stackAlloc = /* @__PURE__ */ __name((sz) => __emscripten_stack_alloc(sz), "stackAlloc");
    var stringToUTF8OnStack = /* @__PURE__ */ __name((str) => {
      var size = lengthBytesUTF8(str) + 1;
      var ret = stackAlloc(size);
      stringToUTF8(str, ret, size);
      return ret;
    }, "stringToUTF8OnStack");
    var AsciiToString = /* @__PURE__ */ __name((ptr) => {
      var str = "";
      while (1) {
        var ch = HEAPU8[ptr++];
        if (!ch) return str;
        str += String.fromCharCode(ch);
      }
    }, "AsciiToString");
    var stringToUTF16 = /* @__PURE__ */ __name((str, outPtr, maxBytesToWrite) => {
      maxBytesToWrite ??= 2147483647;
      if (maxBytesToWrite < 2) return 0;
      maxBytesToWrite -= 2;
      var startPtr = outPtr;
      var numCharsToWrite = maxBytesToWrite < str.length * 2 ? maxBytesToWrite / 2 : str.length;
      for (var i2 = 0; i2 < numCharsToWrite; ++i2) {
        var codeUnit = str.charCodeAt(i2);
        LE_HEAP_STORE_I16((outPtr >> 1) * 2, codeUnit);
        outPtr += 2;
      }
      LE_HEAP_STORE_I16((outPtr >> 1) * 2, 0);
      return outPtr - startPtr;
    }, "stringToUTF16");
    var wasmImports = {
      /** @export */
      __heap_base: ___heap_base,
      /** @export */
      __indirect_function_table: wasmTable,
      /** @export */
      __memory_base: ___memory_base,
      /** @export */
      __stack_pointer: ___stack_pointer,
      /** @export */
      __table_base: ___table_base,
      /** @export */
      _abort_js: __abort_js,
      /** @export */
      clock_time_get: _clock_time_get,
      /** @export */
      emscripten_resize_heap: _emscripten_resize_heap,
      /** @export */
      fd_close: _fd_close,
      /** @export */
      fd_seek: _fd_seek,
      /** @export */
      fd_write: _fd_write,
      /** @export */
      memory: wasmMemory,
      /** @export */
      tree_sitter_log_callback: _tree_sitter_log_callback,
      /** @export */
      tree_sitter_parse_callback: _tree_sitter_parse_callback,
      /** @export */
      tree_sitter_progress_callback: _tree_sitter_progress_callback,
      /** @export */
      tree_sitter_query_progress_callback: _tree_sitter_query_progress_callback
    };
    var wasmExports = await createWasm();
    var ___wasm_call_ctors = wasmExports["__wasm_call_ctors"];
    var _malloc = Module["_malloc"] = wasmExports["malloc"];
    var _calloc = Module["_calloc"] = wasmExports["calloc"];
    var _realloc = Module["_realloc"] = wasmExports["realloc"];
    var _free = Module["_free"] = wasmExports["free"];
    var _memcmp = Module["_memcmp"] = wasmExports["memcmp"];
    var _ts_language_symbol_count = Module["_ts_language_symbol_count"] = wasmExports["ts_language_symbol_count"];
    var _ts_language_state_count = Module["_ts_language_state_count"] = wasmExports["ts_language_state_count"];
    var _ts_language_version = Module["_ts_language_version"] = wasmExports["ts_language_version"];
    var _ts_language_abi_version = Module["_ts_language_abi_version"] = wasmExports["ts_language_abi_version"];
    var _ts_language_metadata = Module["_ts_language_metadata"] = wasmExports["ts_language_metadata"];
    var _ts_language_name = Module["_ts_language_name"] = wasmExports["ts_language_name"];
    var _ts_language_field_count = Module["_ts_language_field_count"] = wasmExports["ts_language_field_count"];
    var _ts_language_next_state = Module["_ts_language_next_state"] = wasmExports["ts_language_next_state"];
    var _ts_language_symbol_name = Module["_ts_language_symbol_name"] = wasmExports["ts_language_symbol_name"];
    var _ts_language_symbol_for_name = Module["_ts_language_symbol_for_name"] = wasmExports["ts_language_symbol_for_name"];
    var _strncmp = Module["_strncmp"] = wasmExports["strncmp"];
    var _ts_language_symbol_type = Module["_ts_language_symbol_type"] = wasmExports["ts_language_symbol_type"];
    var _ts_language_field_name_for_id = Module["_ts_language_field_name_for_id"] = wasmExports["ts_language_field_name_for_id"];
    var _ts_lookahead_iterator_new = Module["_ts_lookahead_iterator_new"] = wasmExports["ts_lookahead_iterator_new"];
    var _ts_lookahead_iterator_delete = Module["_ts_lookahead_iterator_delete"] = wasmExports["ts_lookahead_iterator_delete"];
    var _ts_lookahead_iterator_reset_state = Module["_ts_lookahead_iterator_reset_state"] = wasmExports["ts_lookahead_iterator_reset_state"];
    var _ts_lookahead_iterator_reset = Module["_ts_lookahead_iterator_reset"] = wasmExports["ts_lookahead_iterator_reset"];
    var _ts_lookahead_iterator_next = Module["_ts_lookahead_iterator_next"] = wasmExports["ts_lookahead_iterator_next"];
    var _ts_lookahead_iterator_current_symbol = Module["_ts_lookahead_iterator_current_symbol"] = wasmExports["ts_lookahead_iterator_current_symbol"];
    var _ts_parser_delete = Module["_ts_parser_delete"] = wasmExports["ts_parser_delete"];
    var _ts_parser_reset = Module["_ts_parser_reset"] = wasmExports["ts_parser_reset"];
    var _ts_parser_set_language = Module["_ts_parser_set_language"] = wasmExports["ts_parser_set_language"];
    var _ts_parser_timeout_micros = Module["_ts_parser_timeout_micros"] = wasmExports["ts_parser_timeout_micros"];
    var _ts_parser_set_timeout_micros = Module["_ts_parser_set_timeout_micros"] = wasmExports["ts_parser_set_timeout_micros"];
    var _ts_parser_set_included_ranges = Module["_ts_parser_set_included_ranges"] = wasmExports["ts_parser_set_included_ranges"];
    var _ts_query_new = Module["_ts_query_new"] = wasmExports["ts_query_new"];
    var _ts_query_delete = Module["_ts_query_delete"] = wasmExports["ts_query_delete"];
    var _iswspace = Module["_iswspace"] = wasmExports["iswspace"];
    var _iswalnum = Module["_iswalnum"] = wasmExports["iswalnum"];
    var _ts_query_pattern_count = Module["_ts_query_pattern_count"] = wasmExports["ts_query_pattern_count"];
    var _ts_query_capture_count = Module["_ts_query_capture_count"] = wasmExports["ts_query_capture_count"];
    var _ts_query_string_count = Module["_ts_query_string_count"] = wasmExports["ts_query_string_count"];
    var _ts_query_capture_name_for_id = Module["_ts_query_capture_name_for_id"] = wasmExports["ts_query_capture_name_for_id"];
    var _ts_query_capture_quantifier_for_id = Module["_ts_query_capture_quantifier_for_id"] = wasmExports["ts_query_capture_quantifier_for_id"];
    var _ts_query_string_value_for_id = Module["_ts_query_string_value_for_id"] = wasmExports["ts_query_string_value_for_id"];
    var _ts_query_predicates_for_pattern = Module["_ts_query_predicates_for_pattern"] = wasmExports["ts_query_predicates_for_pattern"];
    var _ts_query_start_byte_for_pattern = Module["_ts_query_start_byte_for_pattern"] = wasmExports["ts_query_start_byte_for_pattern"];
    var _ts_query_end_byte_for_pattern = Module["_ts_query_end_byte_for_pattern"] = wasmExports["ts_query_end_byte_for_pattern"];
    var _ts_query_is_pattern_rooted = Module["_ts_query_is_pattern_rooted"] = wasmExports["ts_query_is_pattern_rooted"];
    var _ts_query_is_pattern_non_local = Module["_ts_query_is_pattern_non_local"] = wasmExports["ts_query_is_pattern_non_local"];
    var _ts_query_is_pattern_guaranteed_at_step = Module["_ts_query_is_pattern_guaranteed_at_step"] = wasmExports["ts_query_is_pattern_guaranteed_at_step"];
    var _ts_query_disable_capture = Module["_ts_query_disable_capture"] = wasmExports["ts_query_disable_capture"];
    var _ts_query_disable_pattern = Module["_ts_query_disable_pattern"] = wasmExports["ts_query_disable_pattern"];
    var _ts_tree_copy = Module["_ts_tree_copy"] = wasmExports["ts_tree_copy"];
    var _ts_tree_delete = Module["_ts_tree_delete"] = wasmExports["ts_tree_delete"];
    var _ts_init = Module["_ts_init"] = wasmExports["ts_init"];
    var _ts_parser_new_wasm = Module["_ts_parser_new_wasm"] = wasmExports["ts_parser_new_wasm"];
    var _ts_parser_enable_logger_wasm = Module["_ts_parser_enable_logger_wasm"] = wasmExports["ts_parser_enable_logger_wasm"];
    var _ts_parser_parse_wasm = Module["_ts_parser_parse_wasm"] = wasmExports["ts_parser_parse_wasm"];
    var _ts_parser_included_ranges_wasm = Module["_ts_parser_included_ranges_wasm"] = wasmExports["ts_parser_included_ranges_wasm"];
    var _ts_language_type_is_named_wasm = Module["_ts_language_type_is_named_wasm"] = wasmExports["ts_language_type_is_named_wasm"];
    var _ts_language_type_is_visible_wasm = Module["_ts_language_type_is_visible_wasm"] = wasmExports["ts_language_type_is_visible_wasm"];
    var _ts_language_supertypes_wasm = Module["_ts_language_supertypes_wasm"] = wasmExports["ts_language_supertypes_wasm"];
    var _ts_language_subtypes_wasm = Module["_ts_language_subtypes_wasm"] = wasmExports["ts_language_subtypes_wasm"];
    var _ts_tree_root_node_wasm = Module["_ts_tree_root_node_wasm"] = wasmExports["ts_tree_root_node_wasm"];
    var _ts_tree_root_node_with_offset_wasm = Module["_ts_tree_root_node_with_offset_wasm"] = wasmExports["ts_tree_root_node_with_offset_wasm"];
    var _ts_tree_edit_wasm = Module["_ts_tree_edit_wasm"] = wasmExports["ts_tree_edit_wasm"];
    var _ts_tree_included_ranges_wasm = Module["_ts_tree_included_ranges_wasm"] = wasmExports["ts_tree_included_ranges_wasm"];
    var _ts_tree_get_changed_ranges_wasm = Module["_ts_tree_get_changed_ranges_wasm"] = wasmExports["ts_tree_get_changed_ranges_wasm"];
    var _ts_tree_cursor_new_wasm = Module["_ts_tree_cursor_new_wasm"] = wasmExports["ts_tree_cursor_new_wasm"];
    var _ts_tree_cursor_copy_wasm = Module["_ts_tree_cursor_copy_wasm"] = wasmExports["ts_tree_cursor_copy_wasm"];
    var _ts_tree_cursor_delete_wasm = Module["_ts_tree_cursor_delete_wasm"] = wasmExports["ts_tree_cursor_delete_wasm"];
    var _ts_tree_cursor_reset_wasm = Module["_ts_tree_cursor_reset_wasm"] = wasmExports["ts_tree_cursor_reset_wasm"];
    var _ts_tree_cursor_reset_to_wasm = Module["_ts_tree_cursor_reset_to_wasm"] = wasmExports["ts_tree_cursor_reset_to_wasm"];
    var _ts_tree_cursor_goto_first_child_wasm = Module["_ts_tree_cursor_goto_first_child_wasm"] = wasmExports["ts_tree_cursor_goto_first_child_wasm"];
    var _ts_tree_cursor_goto_last_child_wasm = Module["_ts_tree_cursor_goto_last_child_wasm"] = wasmExports["ts_tree_cursor_goto_last_child_wasm"];
    var _ts_tree_cursor_goto_first_child_for_index_wasm = Module["_ts_tree_cursor_goto_first_child_for_index_wasm"] = wasmExports["ts_tree_cursor_goto_first_child_for_index_wasm"];
    var _ts_tree_cursor_goto_first_child_for_position_wasm = Module["_ts_tree_cursor_goto_first_child_for_position_wasm"] = wasmExports["ts_tree_cursor_goto_first_child_for_position_wasm"];
    var _ts_tree_cursor_goto_next_sibling_wasm = Module["_ts_tree_cursor_goto_next_sibling_wasm"] = wasmExports["ts_tree_cursor_goto_next_sibling_wasm"];
    var _ts_tree_cursor_goto_previous_sibling_wasm = Module["_ts_tree_cursor_goto_previous_sibling_wasm"] = wasmExports["ts_tree_cursor_goto_previous_sibling_wasm"];
    var _ts_tree_cursor_goto_descendant_wasm = Module["_ts_tree_cursor_goto_descendant_wasm"] = wasmExports["ts_tree_cursor_goto_descendant_wasm"];
    var _ts_tree_cursor_goto_parent_wasm = Module["_ts_tree_cursor_goto_parent_wasm"] = wasmExports["ts_tree_cursor_goto_parent_wasm"];
    var _ts_tree_cursor_current_node_type_id_wasm = Module["_ts_tree_cursor_current_node_type_id_wasm"] = wasmExports["ts_tree_cursor_current_node_type_id_wasm"];
    var _ts_tree_cursor_current_node_state_id_wasm = Module["_ts_tree_cursor_current_node_state_id_wasm"] = wasmExports["ts_tree_cursor_current_node_state_id_wasm"];
    var _ts_tree_cursor_current_node_is_named_wasm = Module["_ts_tree_cursor_current_node_is_named_wasm"] = wasmExports["ts_tree_cursor_current_node_is_named_wasm"];
    var _ts_tree_cursor_current_node_is_missing_wasm = Module["_ts_tree_cursor_current_node_is_missing_wasm"] = wasmExports["ts_tree_cursor_current_node_is_missing_wasm"];
    var _ts_tree_cursor_current_node_id_wasm = Module["_ts_tree_cursor_current_node_id_wasm"] = wasmExports["ts_tree_cursor_current_node_id_wasm"];
    var _ts_tree_cursor_start_position_wasm = Module["_ts_tree_cursor_start_position_wasm"] = wasmExports["ts_tree_cursor_start_position_wasm"];
    var _ts_tree_cursor_end_position_wasm = Module["_ts_tree_cursor_end_position_wasm"] = wasmExports["ts_tree_cursor_end_position_wasm"];
    var _ts_tree_cursor_start_index_wasm = Module["_ts_tree_cursor_start_index_wasm"] = wasmExports["ts_tree_cursor_start_index_wasm"];
    var _ts_tree_cursor_end_index_wasm = Module["_ts_tree_cursor_end_index_wasm"] = wasmExports["ts_tree_cursor_end_index_wasm"];
    var _ts_tree_cursor_current_field_id_wasm = Module["_ts_tree_cursor_current_field_id_wasm"] = wasmExports["ts_tree_cursor_current_field_id_wasm"];
    var _ts_tree_cursor_current_depth_wasm = Module["_ts_tree_cursor_current_depth_wasm"] = wasmExports["ts_tree_cursor_current_depth_wasm"];
    var _ts_tree_cursor_current_descendant_index_wasm = Module["_ts_tree_cursor_current_descendant_index_wasm"] = wasmExports["ts_tree_cursor_current_descendant_index_wasm"];
    var _ts_tree_cursor_current_node_wasm = Module["_ts_tree_cursor_current_node_wasm"] = wasmExports["ts_tree_cursor_current_node_wasm"];
    var _ts_node_symbol_wasm = Module["_ts_node_symbol_wasm"] = wasmExports["ts_node_symbol_wasm"];
    var _ts_node_field_name_for_child_wasm = Module["_ts_node_field_name_for_child_wasm"] = wasmExports["ts_node_field_name_for_child_wasm"];
    var _ts_node_field_name_for_named_child_wasm = Module["_ts_node_field_name_for_named_child_wasm"] = wasmExports["ts_node_field_name_for_named_child_wasm"];
    var _ts_node_children_by_field_id_wasm = Module["_ts_node_children_by_field_id_wasm"] = wasmExports["ts_node_children_by_field_id_wasm"];
    var _ts_node_first_child_for_byte_wasm = Module["_ts_node_first_child_for_byte_wasm"] = wasmExports["ts_node_first_child_for_byte_wasm"];
    var _ts_node_first_named_child_for_byte_wasm = Module["_ts_node_first_named_child_for_byte_wasm"] = wasmExports["ts_node_first_named_child_for_byte_wasm"];
    var _ts_node_grammar_symbol_wasm = Module["_ts_node_grammar_symbol_wasm"] = wasmExports["ts_node_grammar_symbol_wasm"];
    var _ts_node_child_count_wasm = Module["_ts_node_child_count_wasm"] = wasmExports["ts_node_child_count_wasm"];
    var _ts_node_named_child_count_wasm = Module["_ts_node_named_child_count_wasm"] = wasmExports["ts_node_named_child_count_wasm"];
    var _ts_node_child_wasm = Module["_ts_node_child_wasm"] = wasmExports["ts_node_child_wasm"];
    var _ts_node_named_child_wasm = Module["_ts_node_named_child_wasm"] = wasmExports["ts_node_named_child_wasm"];
    var _ts_node_child_by_field_id_wasm = Module["_ts_node_child_by_field_id_wasm"] = wasmExports["ts_node_child_by_field_id_wasm"];
    var _ts_node_next_sibling_wasm = Module["_ts_node_next_sibling_wasm"] = wasmExports["ts_node_next_sibling_wasm"];
    var _ts_node_prev_sibling_wasm = Module["_ts_node_prev_sibling_wasm"] = wasmExports["ts_node_prev_sibling_wasm"];
    var _ts_node_next_named_sibling_wasm = Module["_ts_node_next_named_sibling_wasm"] = wasmExports["ts_node_next_named_sibling_wasm"];
    var _ts_node_prev_named_sibling_wasm = Module["_ts_node_prev_named_sibling_wasm"] = wasmExports["ts_node_prev_named_sibling_wasm"];
    var _ts_node_descendant_count_wasm = Module["_ts_node_descendant_count_wasm"] = wasmExports["ts_node_descendant_count_wasm"];
    var _ts_node_parent_wasm = Module["_ts_node_parent_wasm"] = wasmExports["ts_node_parent_wasm"];
    var _ts_node_child_with_descendant_wasm = Module["_ts_node_child_with_descendant_wasm"] = wasmExports["ts_node_child_with_descendant_wasm"];
    var _ts_node_descendant_for_index_wasm = Module["_ts_node_descendant_for_index_wasm"] = wasmExports["ts_node_descendant_for_index_wasm"];
    var _ts_node_named_descendant_for_index_wasm = Module["_ts_node_named_descendant_for_index_wasm"] = wasmExports["ts_node_named_descendant_for_index_wasm"];
    var _ts_node_descendant_for_position_wasm = Module["_ts_node_descendant_for_position_wasm"] = wasmExports["ts_node_descendant_for_position_wasm"];
    var _ts_node_named_descendant_for_position_wasm = Module["_ts_node_named_descendant_for_position_wasm"] = wasmExports["ts_node_named_descendant_for_position_wasm"];
    var _ts_node_start_point_wasm = Module["_ts_node_start_point_wasm"] = wasmExports["ts_node_start_point_wasm"];
    var _ts_node_end_point_wasm = Module["_ts_node_end_point_wasm"] = wasmExports["ts_node_end_point_wasm"];
    var _ts_node_start_index_wasm = Module["_ts_node_start_index_wasm"] = wasmExports["ts_node_start_index_wasm"];
    var _ts_node_end_index_wasm = Module["_ts_node_end_index_wasm"] = wasmExports["ts_node_end_index_wasm"];
    var _ts_node_to_string_wasm = Module["_ts_node_to_string_wasm"] = wasmExports["ts_node_to_string_wasm"];
    var _ts_node_children_wasm = Module["_ts_node_children_wasm"] = wasmExports["ts_node_children_wasm"];
    var _ts_node_named_children_wasm = Module["_ts_node_named_children_wasm"] = wasmExports["ts_node_named_children_wasm"];
    var _ts_node_descendants_of_type_wasm = Module["_ts_node_descendants_of_type_wasm"] = wasmExports["ts_node_descendants_of_type_wasm"];
    var _ts_node_is_named_wasm = Module["_ts_node_is_named_wasm"] = wasmExports["ts_node_is_named_wasm"];
    var _ts_node_has_changes_wasm = Module["_ts_node_has_changes_wasm"] = wasmExports["ts_node_has_changes_wasm"];
    var _ts_node_has_error_wasm = Module["_ts_node_has_error_wasm"] = wasmExports["ts_node_has_error_wasm"];
    var _ts_node_is_error_wasm = Module["_ts_node_is_error_wasm"] = wasmExports["ts_node_is_error_wasm"];
    var _ts_node_is_missing_wasm = Module["_ts_node_is_missing_wasm"] = wasmExports["ts_node_is_missing_wasm"];
    var _ts_node_is_extra_wasm = Module["_ts_node_is_extra_wasm"] = wasmExports["ts_node_is_extra_wasm"];
    var _ts_node_parse_state_wasm = Module["_ts_node_parse_state_wasm"] = wasmExports["ts_node_parse_state_wasm"];
    var _ts_node_next_parse_state_wasm = Module["_ts_node_next_parse_state_wasm"] = wasmExports["ts_node_next_parse_state_wasm"];
    var _ts_query_matches_wasm = Module["_ts_query_matches_wasm"] = wasmExports["ts_query_matches_wasm"];
    var _ts_query_captures_wasm = Module["_ts_query_captures_wasm"] = wasmExports["ts_query_captures_wasm"];
    var _memset = Module["_memset"] = wasmExports["memset"];
    var _memcpy = Module["_memcpy"] = wasmExports["memcpy"];
    var _memmove = Module["_memmove"] = wasmExports["memmove"];
    var _iswalpha = Module["_iswalpha"] = wasmExports["iswalpha"];
    var _iswblank = Module["_iswblank"] = wasmExports["iswblank"];
    var _iswdigit = Module["_iswdigit"] = wasmExports["iswdigit"];
    var _iswlower = Module["_iswlower"] = wasmExports["iswlower"];
    var _iswupper = Module["_iswupper"] = wasmExports["iswupper"];
    var _iswxdigit = Module["_iswxdigit"] = wasmExports["iswxdigit"];
    var _memchr = Module["_memchr"] = wasmExports["memchr"];
    var _strlen = Module["_strlen"] = wasmExports["strlen"];
    var _strcmp = Module["_strcmp"] = wasmExports["strcmp"];
    var _strncat = Module["_strncat"] = wasmExports["strncat"];
    var _strncpy = Module["_strncpy"] = wasmExports["strncpy"];
    var _towlower = Module["_towlower"] = wasmExports["towlower"];
    var _towupper = Module["_towupper"] = wasmExports["towupper"];
    var _setThrew = wasmExports["setThrew"];
    var __emscripten_stack_restore = wasmExports["_emscripten_stack_restore"];
    var __emscripten_stack_alloc = wasmExports["_emscripten_stack_alloc"];
    var _emscripten_stack_get_current = wasmExports["emscripten_stack_get_current"];
    var ___wasm_apply_data_relocs = wasmExports["__wasm_apply_data_relocs"];
    Module["setValue"] = setValue;
    Module["getValue"] = getValue;
    Module["UTF8ToString"] = UTF8ToString;
    Module["stringToUTF8"] = stringToUTF8;
    Module["lengthBytesUTF8"] = lengthBytesUTF8;
    Module["AsciiToString"] = AsciiToString;
    Module["stringToUTF16"] = stringToUTF16;
    Module["loadWebAssemblyModule"] = loadWebAssemblyModule;
    function callMain(args2 = []) {
      var entryFunction = resolveGlobalSymbol("main").sym;
      if (!entryFunction) return;
      args2.unshift(thisProgram);
      var argc = args2.length;
      var argv = stackAlloc((argc + 1) * 4);
      var argv_ptr = argv;
      args2.forEach((arg) => {
        LE_HEAP_STORE_U32((argv_ptr >> 2) * 4, stringToUTF8OnStack(arg));
        argv_ptr += 4;
      });
      LE_HEAP_STORE_U32((argv_ptr >> 2) * 4, 0);
      try {
        var ret = entryFunction(argc, argv);
        exitJS(
          ret,
          /* implicit = */
          true
        );
        return ret;
      } catch (e) {
        return handleException(e);
      }
    }
    __name(callMain, "callMain");
    function run(args2 = arguments_) {
      if (runDependencies > 0) {
        dependenciesFulfilled = run;
        return;
      }
      preRun();
      if (runDependencies > 0) {
        dependenciesFulfilled = run;
        return;
      }
      function doRun() {
        Module["calledRun"] = true;
        if (ABORT) return;
        initRuntime();
        preMain();
        readyPromiseResolve(Module);
        Module["onRuntimeInitialized"]?.();
        var noInitialRun = Module["noInitialRun"];
        if (!noInitialRun) callMain(args2);
        postRun();
      }
      __name(doRun, "doRun");
      if (Module["setStatus"]) {
        Module["setStatus"]("Running...");
        setTimeout(() => {
          setTimeout(() => Module["setStatus"](""), 1);
          doRun();
        }, 1);
      } else {
        doRun();
      }
    }
    __name(run, "run");
    if (Module["preInit"]) {
      if (typeof Module["preInit"] == "function") Module["preInit"] = [Module["preInit"]];
      while (Module["preInit"].length > 0) {
        Module["preInit"].pop()();
      }
    }
    run();
    moduleRtn = readyPromise;
    return moduleRtn;
  };
})();
var tree_sitter_default = Module2;
var Module3 = null;
async function initializeBinding(moduleOptions) {
  if (!Module3) {
    Module3 = await tree_sitter_default(moduleOptions);
  }
  return Module3;
}
__name(initializeBinding, "initializeBinding");
function checkModule() {
  return !!Module3;
}
__name(checkModule, "checkModule");
var TRANSFER_BUFFER;
var LANGUAGE_VERSION;
var MIN_COMPATIBLE_VERSION;
var Parser = class {
  static {
    __name(this, "Parser");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for WASM
  /** @internal */
  [1] = 0;
  // Internal handle for WASM
  /** @internal */
  logCallback = null;
  /** The parser's current language. */
  language = null;
  /**
   * This must always be called before creating a Parser.
   *
   * You can optionally pass in options to configure the WASM module, the most common
   * one being `locateFile` to help the module find the `.wasm` file.
   */
  static async init(moduleOptions) {
    setModule(await initializeBinding(moduleOptions));
    TRANSFER_BUFFER = C._ts_init();
    LANGUAGE_VERSION = C.getValue(TRANSFER_BUFFER, "i32");
    MIN_COMPATIBLE_VERSION = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
  }
  /**
   * Create a new parser.
   */
  constructor() {
    this.initialize();
  }
  /** @internal */
  initialize() {
    if (!checkModule()) {
      throw new Error("cannot construct a Parser before calling `init()`");
    }
    C._ts_parser_new_wasm();
    this[0] = C.getValue(TRANSFER_BUFFER, "i32");
    this[1] = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
  }
  /** Delete the parser, freeing its resources. */
  delete() {
    C._ts_parser_delete(this[0]);
    C._free(this[1]);
    this[0] = 0;
    this[1] = 0;
  }
  /**
   * Set the language that the parser should use for parsing.
   *
   * If the language was not successfully assigned, an error will be thrown.
   * This happens if the language was generated with an incompatible
   * version of the Tree-sitter CLI. Check the language's version using
   * {@link Language#version} and compare it to this library's
   * {@link LANGUAGE_VERSION} and {@link MIN_COMPATIBLE_VERSION} constants.
   */
  setLanguage(language) {
    let address;
    if (!language) {
      address = 0;
      this.language = null;
    } else if (language.constructor === Language) {
      address = language[0];
      const version = C._ts_language_version(address);
      if (version < MIN_COMPATIBLE_VERSION || LANGUAGE_VERSION < version) {
        throw new Error(
          `Incompatible language version ${version}. Compatibility range ${MIN_COMPATIBLE_VERSION} through ${LANGUAGE_VERSION}.`
        );
      }
      this.language = language;
    } else {
      throw new Error("Argument must be a Language");
    }
    C._ts_parser_set_language(this[0], address);
    return this;
  }
  /**
   * Parse a slice of UTF8 text.
   *
   * @param {string | ParseCallback} callback - The UTF8-encoded text to parse or a callback function.
   *
   * @param {Tree | null} [oldTree] - A previous syntax tree parsed from the same document. If the text of the
   *   document has changed since `oldTree` was created, then you must edit `oldTree` to match
   *   the new text using {@link Tree#edit}.
   *
   * @param {ParseOptions} [options] - Options for parsing the text.
   *  This can be used to set the included ranges, or a progress callback.
   *
   * @returns {Tree | null} A {@link Tree} if parsing succeeded, or `null` if:
   *  - The parser has not yet had a language assigned with {@link Parser#setLanguage}.
   *  - The progress callback returned true.
   */
  parse(callback, oldTree, options) {
    if (typeof callback === "string") {
      C.currentParseCallback = (index) => callback.slice(index);
    } else if (typeof callback === "function") {
      C.currentParseCallback = callback;
    } else {
      throw new Error("Argument must be a string or a function");
    }
    if (options?.progressCallback) {
      C.currentProgressCallback = options.progressCallback;
    } else {
      C.currentProgressCallback = null;
    }
    if (this.logCallback) {
      C.currentLogCallback = this.logCallback;
      C._ts_parser_enable_logger_wasm(this[0], 1);
    } else {
      C.currentLogCallback = null;
      C._ts_parser_enable_logger_wasm(this[0], 0);
    }
    let rangeCount = 0;
    let rangeAddress = 0;
    if (options?.includedRanges) {
      rangeCount = options.includedRanges.length;
      rangeAddress = C._calloc(rangeCount, SIZE_OF_RANGE);
      let address = rangeAddress;
      for (let i2 = 0; i2 < rangeCount; i2++) {
        marshalRange(address, options.includedRanges[i2]);
        address += SIZE_OF_RANGE;
      }
    }
    const treeAddress = C._ts_parser_parse_wasm(
      this[0],
      this[1],
      oldTree ? oldTree[0] : 0,
      rangeAddress,
      rangeCount
    );
    if (!treeAddress) {
      C.currentParseCallback = null;
      C.currentLogCallback = null;
      C.currentProgressCallback = null;
      return null;
    }
    if (!this.language) {
      throw new Error("Parser must have a language to parse");
    }
    const result = new Tree(INTERNAL, treeAddress, this.language, C.currentParseCallback);
    C.currentParseCallback = null;
    C.currentLogCallback = null;
    C.currentProgressCallback = null;
    return result;
  }
  /**
   * Instruct the parser to start the next parse from the beginning.
   *
   * If the parser previously failed because of a timeout, cancellation,
   * or callback, then by default, it will resume where it left off on the
   * next call to {@link Parser#parse} or other parsing functions.
   * If you don't want to resume, and instead intend to use this parser to
   * parse some other document, you must call `reset` first.
   */
  reset() {
    C._ts_parser_reset(this[0]);
  }
  /** Get the ranges of text that the parser will include when parsing. */
  getIncludedRanges() {
    C._ts_parser_included_ranges_wasm(this[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = unmarshalRange(address);
        address += SIZE_OF_RANGE;
      }
      C._free(buffer);
    }
    return result;
  }
  /**
   * @deprecated since version 0.25.0, prefer passing a progress callback to {@link Parser#parse}
   *
   * Get the duration in microseconds that parsing is allowed to take.
   *
   * This is set via {@link Parser#setTimeoutMicros}.
   */
  getTimeoutMicros() {
    return C._ts_parser_timeout_micros(this[0]);
  }
  /**
   * @deprecated since version 0.25.0, prefer passing a progress callback to {@link Parser#parse}
   *
   * Set the maximum duration in microseconds that parsing should be allowed
   * to take before halting.
   *
   * If parsing takes longer than this, it will halt early, returning `null`.
   * See {@link Parser#parse} for more information.
   */
  setTimeoutMicros(timeout) {
    C._ts_parser_set_timeout_micros(this[0], 0, timeout);
  }
  /** Set the logging callback that a parser should use during parsing. */
  setLogger(callback) {
    if (!callback) {
      this.logCallback = null;
    } else if (typeof callback !== "function") {
      throw new Error("Logger callback must be a function");
    } else {
      this.logCallback = callback;
    }
    return this;
  }
  /** Get the parser's current logger. */
  getLogger() {
    return this.logCallback;
  }
};

// src/extract/parser.ts
var ready;
var brokenBy;
var MAX_PARSE_CHARS = 8 * 1024 * 1024;
function pythonParser() {
  if (brokenBy !== void 0) return Promise.reject(new ParserUnavailable(`not parsed: the parser ran out of memory on ${brokenBy} and cannot be restarted in this process`));
  ready ??= (async () => {
    expectParses(Infinity);
    const { Parser: Parser2, Language: Language2 } = runtime();
    const module2 = {
      // web-tree-sitter's own tree-sitter.wasm: installed, it is beside web-tree-sitter's JS in
      // node_modules (the default). In the Action's bundle (see grammarFile) that JS is inlined and
      // the .wasm is copied beside the bundle, that is beside this module: looking here first does
      // not depend on what the bundler makes of web-tree-sitter's import.meta.url.
      locateFile: (name2, scriptDirectory2) => besideThisModule(name2) ?? scriptDirectory2 + name2,
      // An abort is reported as the file's diagnostic (see ParserAbort), not as a bare "Aborted()" line.
      ...process.env.IMPORTLEAK_DEBUG ? {} : { printErr: () => void 0 },
      ...memoryOption()
    };
    await Parser2.init(module2);
    const language = await Language2.load(grammarFile());
    const parser = new Parser2();
    parser.setLanguage(language);
    registerRuntime(parser, module2);
    return parser;
  })();
  return ready;
}
var ParserAbort = class extends Error {
};
var ParserUnavailable = class extends Error {
};
async function withPythonParser(file, use) {
  let current = pythonParser();
  let parser = await current;
  while (current !== ready) {
    current = pythonParser();
    parser = await current;
  }
  try {
    return use(parser);
  } catch (error) {
    if (!isAbort(error)) throw error;
    ready = void 0;
    const restarts = separateRuntime();
    if (!restarts) brokenBy = file;
    throw new ParserAbort(`the parser ran out of memory (tree-sitter aborted); ${restarts ? "importleak restarted it for the next files" : "it cannot be restarted here, so no later file is parsed"}`);
  }
}
function isAbort(error) {
  return error instanceof Error && error.name === "RuntimeError" && /^Aborted\(/.test(error.message);
}
function runtime() {
  if (!separateRuntime()) return tree_sitter_exports;
  const require2 = createRequire(import.meta.url);
  const id = require2.resolve("web-tree-sitter");
  delete require2.cache[id];
  return require2(id);
}
function separateRuntime() {
  return besideThisModule("tree-sitter.wasm") === void 0;
}
function memoryOption() {
  const mib = Number(process.env.IMPORTLEAK_PARSER_MEMORY);
  if (!Number.isInteger(mib) || mib <= 0 || mib >= 2048) return {};
  const pages = Math.max(mib * 16, 512);
  return { wasmMemory: new WebAssembly.Memory({ initial: 512, maximum: pages }) };
}
function grammarFile() {
  const name2 = "tree-sitter-python.wasm";
  const inPackage = fileURLToPath(new URL(`../../grammar/${name2}`, import.meta.url));
  const found = besideThisModule(name2) ?? (existsSync(inPackage) ? inPackage : void 0);
  if (!found) throw new Error(`the Python grammar is missing: no ${name2} beside ${fileURLToPath(import.meta.url)} nor at ${inPackage}`);
  return found;
}
function besideThisModule(name2) {
  const file = fileURLToPath(new URL(`./${name2}`, import.meta.url));
  return existsSync(file) ? file : void 0;
}

// src/extract/fileSummary.ts
async function summariseBytes(relative, bytes, target) {
  const diagnostics = [];
  const decoded = decodePythonSource(bytes);
  if (decoded.problem) diagnostics.push({ kind: "decode-error", path: relative, line: decoded.problem.line, message: decoded.problem.message });
  const text = decoded.text;
  if (text.length > MAX_PARSE_CHARS) {
    diagnostics.push({ kind: "too-large", path: relative, message: `skipped: ${formatBytes(text.length)} of text is over the ${formatBytes(MAX_PARSE_CHARS)} the parser is given, whatever --max-file-size allows` });
    return { diagnostics };
  }
  let summary;
  try {
    summary = await withPythonParser(relative, (parser) => {
      injectedFault("extract", relative);
      return extractModule(parser, relative, text, target);
    });
  } catch (error) {
    if (error instanceof ParserAbort) return { diagnostics: [...diagnostics, { kind: "too-large", path: relative, message: `could not be parsed: ${error.message}` }], transient: true };
    if (error instanceof ParserUnavailable) return { diagnostics: [...diagnostics, { kind: "limit", path: relative, message: error.message }], transient: true };
    return { diagnostics: [...diagnostics, internalError("extract", relative, error)], transient: true };
  }
  for (const part of summary.skippedParts ?? []) {
    diagnostics.push({ kind: "too-deep", path: relative, line: part.span.line, column: part.span.column, message: part.message });
  }
  for (const problem of summary.syntaxProblems) {
    diagnostics.push({
      kind: "syntax-error",
      path: relative,
      line: problem.span.line,
      column: problem.span.column,
      message: `${problem.message}; CPython cannot import this file. The rest of it was still analyzed`
    });
  }
  return { summary, diagnostics };
}
function formatBytes(bytes) {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}
function sizePair(size, limit) {
  const [a, b] = formatBytes(size) === formatBytes(limit) ? [`${size} bytes`, `${limit}-byte`] : [formatBytes(size), formatBytes(limit)];
  return `${a} is over the ${b}`;
}

export {
  decodePythonSource,
  parseTree,
  scalarLiteral,
  assignmentParts,
  extractModule,
  pythonParser,
  ParserAbort,
  ParserUnavailable,
  withPythonParser,
  summariseBytes,
  formatBytes,
  sizePair
};
