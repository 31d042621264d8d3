import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  attachPacked,
  bodyCallIndex,
  boundNames,
  deflateBodies,
  inFunctionBody,
  topLevelFunctions
} from "./shared-ZYG3IDYS.mjs";

// src/extract/stored.ts
import { isAscii } from "node:buffer";

// src/extract/compact.ts
var SummaryCompactor = class {
  objects = /* @__PURE__ */ new Map();
  strings = /* @__PURE__ */ new Map();
  moduleScope;
  statement;
  functionScopes = /* @__PURE__ */ new Map();
  targets = /* @__PURE__ */ new Map();
  spans = /* @__PURE__ */ new Map();
  names = /* @__PURE__ */ new Map();
  compact(summary) {
    if (summary.target) summary.target = this.target(summary.target);
    for (const call of summary.calls) {
      call.scope = this.scope(call.scope);
      call.placement = this.placement(call.placement);
      call.statementText = this.string(call.statementText);
      call.calleeText = this.string(call.calleeText);
      if (call.callee !== void 0) call.callee = this.string(call.callee);
      if (call.condition !== void 0) call.condition = this.string(call.condition);
    }
    for (const record of summary.imports) record.scope = this.scope(record.scope);
    shareRecords(this, summary.imports, summary.classes, summary.calls);
    return summary;
  }
  /** Every summary of a run has the same target. */
  target(target) {
    const key = `${target.version.join(".")} ${target.platform}`;
    const known = this.targets.get(key);
    if (known) return known;
    this.targets.set(key, target);
    return target;
  }
  scope(scope) {
    if (scope.kind === "module") return this.moduleScope ??= scope;
    if (scope.kind === "function") {
      const known = this.functionScopes.get(scope.function);
      if (known) return known;
      this.functionScopes.set(scope.function, scope);
      return scope;
    }
    return this.object(scope);
  }
  placement(placement) {
    if (placement.kind === "statement") return this.statement ??= placement;
    return this.object(placement);
  }
  /** Scopes and placements hold strings only: their fields, in order, are their identity. */
  object(value) {
    let key = "";
    for (const field in value) key += `${field}\0${String(value[field])}\0`;
    const known = this.objects.get(key);
    if (known) return known;
    this.objects.set(key, value);
    return value;
  }
  /**
   * Spans are never changed once made, and many repeat across files: an import block at the top of
   * a module (`import os` is line 1, columns 1 to 10, in many of a project's files).
   */
  span(span) {
    const key = spanKey(span);
    const known = this.spans.get(key);
    if (known) return known;
    this.spans.set(key, span);
    return span;
  }
  /** The span a `spanKey` names: the run's one, made from the key only the first time. */
  spanOf(key) {
    const known = this.spans.get(key);
    if (known) return known;
    const span = spanFromKey(key);
    this.spans.set(key, span);
    return span;
  }
  /** The names of a `from` import (`from typing import Any, Optional` heads many modules): one list for each distinct one. */
  importedNames(names) {
    if (names.length === 0) return names;
    const key = namesKey(names) ?? JSON.stringify(names);
    const known = this.names.get(key);
    if (known) return known;
    this.names.set(key, names);
    return names;
  }
  /** The names a `namesKey` (not empty) gives: the run's one list, made from the key only the first time. */
  importedNamesOf(key) {
    const known = this.names.get(key);
    if (known) return known;
    const names = namesFromKey(key);
    this.names.set(key, names);
    return names;
  }
  string(value) {
    const known = this.strings.get(value);
    if (known !== void 0) return known;
    this.strings.set(value, value);
    return value;
  }
};
function shareRecords(sharing, imports, classes, calls) {
  for (const record of imports) {
    record.module = sharing.string(record.module);
    record.span = sharing.span(record.span);
    record.names = sharing.importedNames(record.names);
  }
  for (const record of classes) record.span = sharing.span(record.span);
  for (const call of calls) call.span = sharing.span(call.span);
}
function spanKey(span) {
  return `${span.line} ${span.column} ${span.endLine} ${span.endColumn}`;
}
function spanFromKey(key) {
  const a = key.indexOf(" ");
  const b = key.indexOf(" ", a + 1);
  const c = key.indexOf(" ", b + 1);
  if (a < 1 || b < a + 2 || c < b + 2 || c > key.length - 2 || key.indexOf(" ", c + 1) >= 0) throw new Error("not a span");
  const line = Number(key.slice(0, a));
  const column = Number(key.slice(a + 1, b));
  const endLine = Number(key.slice(b + 1, c));
  const endColumn = Number(key.slice(c + 1));
  if (!Number.isInteger(line) || !Number.isInteger(column) || !Number.isInteger(endLine) || !Number.isInteger(endColumn)) throw new Error("not a span");
  return { line, column, endLine, endColumn };
}
function namesKey(names) {
  let key = "";
  for (const { name, alias } of names) {
    if (/[ ,]/.test(name) || alias !== void 0 && /[ ,]/.test(alias)) return void 0;
    key += alias === void 0 ? `${name},` : `${name} ${alias},`;
  }
  return key;
}
function namesFromKey(key) {
  if (!key.endsWith(",")) throw new Error("not a list of imported names");
  return key.slice(0, -1).split(",").map((item) => {
    const space = item.indexOf(" ");
    return space < 0 ? { name: item } : { name: item.slice(0, space), alias: item.slice(space + 1) };
  });
}

// src/extract/stored.ts
var STRING_FIELDS = ["statementText", "calleeText", "callee", "condition"];
function storedText(value) {
  const diagnostics = value.diagnostics.map((d) => ({ ...d, path: "" }));
  const summary = value.summary;
  if (!summary) return { text: ascii(JSON.stringify({ diagnostics })) };
  const all = summary.calls;
  const outside = [];
  const bodies = [];
  for (const call of all) (inFunctionBody(call) ? bodies : outside).push(call);
  let packed;
  let head;
  if (bodies.length) {
    packed = deflateBodies(withPlaces(bodies, bodiesText));
    head = { count: all.length, ...bodyCallIndex(bodies, boundNames(all), topLevelFunctions(summary)), bytes: packed.length };
  }
  const text = withPlaces(outside, (calls, tables, scopeOf) => {
    const imports = summary.imports.map((record) => importRow(record, scopeOf(record.scope)));
    return ascii(JSON.stringify({ summary: { ...summary, path: "", imports, calls }, tables, diagnostics, ...head ? { packed: head } : {} }));
  });
  return packed ? { text, packed } : { text };
}
function bodiesText(calls, tables) {
  const byScope = /* @__PURE__ */ new Map();
  for (const call of calls) {
    const place = call.scope;
    const list = byScope.get(place);
    if (list) list.push(call);
    else byScope.set(place, [call]);
  }
  const functions = [];
  let lists = "";
  for (const [place, list] of byScope) {
    const text = ascii(JSON.stringify(list));
    functions.push([place, lists.length, lists.length + text.length]);
    lists += text;
  }
  return `${ascii(JSON.stringify({ tables, functions }))}
${lists}`;
}
function headOf(text) {
  const newline = text.indexOf("\n");
  if (newline < 0) throw new Error("no packed head");
  const head = JSON.parse(text.slice(0, newline));
  const tables = validTables(head.tables);
  if (!Array.isArray(head.functions)) throw new Error("no packed functions");
  const lists = newline + 1;
  const functions = [];
  const byFunction = /* @__PURE__ */ new Map();
  for (const where of head.functions) {
    const [place, start, end] = Array.isArray(where) ? where : [];
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || lists + end > text.length) throw new Error("a packed function out of range");
    const scope = placeIn(tables.scopes, place);
    const name = scope.kind === "function" ? scope.function : void 0;
    if (name !== void 0 && !byFunction.has(name)) byFunction.set(name, functions.length);
    functions.push({ function: name, start: lists + start, end: lists + end });
  }
  return { tables, functions, byFunction };
}
function bodiesOf(text, only, memo) {
  const head = memo?.head ?? headOf(text);
  if (memo) memo.head = head;
  const out = [];
  const wanted = only === void 0 ? head.functions : head.byFunction.has(only) ? [head.functions[head.byFunction.get(only)]] : [];
  for (const { start, end } of wanted) {
    const calls = JSON.parse(text.slice(start, end));
    if (!Array.isArray(calls)) throw new Error("no packed calls");
    for (const call of withValues(calls, head.tables)) out.push(call);
  }
  return out;
}
function storedBytes(stored) {
  if (!stored.packed) return Buffer.from(stored.text, "latin1");
  const bytes = Buffer.allocUnsafe(stored.text.length + 1 + stored.packed.length);
  bytes.write(stored.text, 0, "latin1");
  bytes[stored.text.length] = 10;
  bytes.set(stored.packed, stored.text.length + 1);
  return bytes;
}
function storedOf(bytes) {
  const newline = bytes.indexOf(10);
  const head = newline < 0 ? bytes : bytes.subarray(0, newline);
  const text = isAscii(head) ? head.toString("latin1") : head.toString("utf8");
  return newline < 0 ? { text } : { text, packed: bytes.subarray(newline + 1) };
}
function withPlaces(calls, write) {
  const scopes = new Places((s) => s.kind === "module" ? "module" : s.kind === "function" ? `f ${s.function}` : JSON.stringify(s));
  const placements = new Places((p) => p.kind === "statement" ? "statement" : JSON.stringify(p));
  const strings = new Places((s) => s);
  const stored = calls;
  const spans = calls.map((call) => call.span);
  try {
    for (const call of calls) {
      const record = call;
      record.span = spanKey(call.span);
      record.scope = scopes.of(call.scope);
      record.placement = placements.of(call.placement);
      for (const field of STRING_FIELDS) if (call[field] !== void 0) record[field] = strings.of(call[field]);
    }
    return write(calls, { scopes: scopes.values, placements: placements.values, strings: strings.values }, (scope) => scopes.of(scope));
  } finally {
    stored.forEach((call, i) => call.span = spans[i]);
    for (const call of stored) {
      if (typeof call.scope === "number") call.scope = scopes.values[call.scope];
      if (typeof call.placement === "number") call.placement = placements.values[call.placement];
      for (const field of STRING_FIELDS) if (typeof call[field] === "number") call[field] = strings.values[call[field]];
    }
  }
}
function ascii(json) {
  return json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
function reviveStored(stored, relative, sharing, damaged) {
  const value = JSON.parse(stored.text);
  const entry = value;
  if (!entry || typeof entry !== "object" || !Array.isArray(entry.diagnostics)) throw new Error("not a cache entry");
  const diagnostics = entry.diagnostics.map((d) => {
    if (!d || typeof d.kind !== "string" || typeof d.message !== "string") throw new Error("not a diagnostic");
    return { ...d, path: relative };
  });
  if (entry.summary === void 0) return { diagnostics };
  const summary = entry.summary;
  for (const field of ["imports", "calls", "classes", "assignments", "definedNames", "importedNames", "syntaxProblems", "suppressions"]) {
    if (!Array.isArray(summary[field])) throw new Error(`no ${field}`);
  }
  if (typeof summary.functions !== "string") throw new Error("no functions");
  const tables = shared(validTables(entry.tables), sharing);
  const revivedCalls = withValues(summary.calls, tables, sharing ? (key) => sharing.spanOf(key) : spanFromKey);
  const calls = revivedCalls.length ? revivedCalls : NONE;
  const imports = summary.imports;
  for (let i = 0; i < imports.length; i++) imports[i] = importOfRow(imports[i], tables.scopes, sharing);
  for (const field of SUMMARY_LISTS) if (summary[field].length === 0) summary[field] = NONE;
  for (const record of summary.classes) {
    if (record.bases.length === 0) record.bases = NONE;
    if (sharing) record.span = sharing.span(record.span);
  }
  const head = entry.packed;
  const copy = {};
  for (const key in summary) if (key !== "calls" && key !== "__proto__") copy[key] = summary[key];
  copy.path = relative;
  if (head === void 0) copy.calls = calls;
  const revived = copy;
  if (sharing && revived.target) revived.target = sharing.target(revived.target);
  if (head !== void 0) {
    const packed = stored.packed;
    if (!packed || typeof head !== "object" || packed.length !== head.bytes || !Number.isInteger(head.count)) throw new Error("the packed calls are missing or cut short");
    const index = {};
    for (const field of INDEX_FIELDS) {
      if (!Array.isArray(head[field])) throw new Error(`no packed ${field}`);
      index[field] = some(head[field]);
    }
    attachPacked(revived, {
      count: head.count,
      outside: calls,
      index,
      bytes: Buffer.from(packed.buffer, packed.byteOffset, packed.length).toString("latin1"),
      revive: bodiesOf,
      ...damaged ? { damaged } : {}
    });
  }
  return { summary: revived, diagnostics };
}
var IMPORT_KINDS = ["import", "from", "dynamic"];
var IMPORT_EXTRAS = /* @__PURE__ */ new Set(["itemsOf", "eachSubmodule", "registryOf", "alias", "fallback", "written"]);
function importRow(record, scope) {
  const key = namesKey(record.names);
  const row = [IMPORT_KINDS.indexOf(record.kind), record.module, record.level, key ?? record.names, record.star ? 1 : 0, scope, spanKey(record.span)];
  let extras;
  for (const field of IMPORT_EXTRAS) {
    const value = record[field];
    if (value !== void 0) (extras ??= {})[field] = value;
  }
  if (extras) row.push(extras);
  return row;
}
function importOfRow(row, scopes, sharing) {
  if (!Array.isArray(row) || row.length < 7 || row.length > 8) throw new Error("not an import");
  const [kind, module, level, names, star, scope, span, extras] = row;
  const kindName = Number.isInteger(kind) ? IMPORT_KINDS[kind] : void 0;
  if (kindName === void 0 || typeof module !== "string" || !Number.isInteger(level) || star !== 0 && star !== 1 || typeof span !== "string") throw new Error("not an import");
  let importedNames;
  if (names === "") importedNames = NONE;
  else if (typeof names === "string") importedNames = sharing ? sharing.importedNamesOf(names) : namesFromKey(names);
  else if (Array.isArray(names) && names.every((n) => n && typeof n.name === "string")) importedNames = names;
  else throw new Error("not an import");
  const record = {
    kind: kindName,
    module: sharing ? sharing.string(module) : module,
    level,
    names: importedNames,
    star: star === 1,
    scope: placeIn(scopes, scope),
    span: sharing ? sharing.spanOf(span) : spanFromKey(span)
  };
  if (extras !== void 0) {
    if (!extras || typeof extras !== "object" || Array.isArray(extras)) throw new Error("not an import");
    for (const field of Object.keys(extras)) {
      if (!IMPORT_EXTRAS.has(field)) throw new Error("not an import");
      record[field] = extras[field];
    }
  }
  return record;
}
var INDEX_FIELDS = ["callees", "localCallees", "members", "onObjects", "decoratorsOnObjects", "onLocalObjects", "inModuleFunctions"];
var NONE = Object.freeze([]);
function some(list) {
  return list.length ? list : NONE;
}
function validTables(tables) {
  if (!tables || !Array.isArray(tables.scopes) || !Array.isArray(tables.placements) || !Array.isArray(tables.strings)) throw new Error("no tables");
  return tables;
}
function placeIn(list, place) {
  const found = list[place];
  if (found === void 0) throw new Error("a table place out of range");
  return found;
}
function shared(tables, sharing) {
  if (!sharing) return tables;
  return { scopes: tables.scopes.map((s) => sharing.scope(s)), placements: tables.placements.map((p) => sharing.placement(p)), strings: tables.strings.map((s) => sharing.string(s)) };
}
var SUMMARY_LISTS = ["imports", "classes", "assignments", "definedNames", "importedNames", "syntaxProblems", "suppressions"];
function withValues(calls, { scopes, placements, strings }, spanOf = spanFromKey) {
  for (const call of calls) {
    if (call.args.length === 0) call.args = NONE;
    if (typeof call.span !== "string") throw new Error("a call without its span");
    call.span = spanOf(call.span);
    call.scope = placeIn(scopes, call.scope);
    call.placement = placeIn(placements, call.placement);
    call.statementText = placeIn(strings, call.statementText);
    call.calleeText = placeIn(strings, call.calleeText);
    if (call.callee !== void 0) call.callee = placeIn(strings, call.callee);
    if (call.condition !== void 0) call.condition = placeIn(strings, call.condition);
  }
  return calls;
}
var Places = class {
  constructor(keyOf) {
    this.keyOf = keyOf;
  }
  keyOf;
  values = [];
  places = /* @__PURE__ */ new Map();
  of(value) {
    const key = this.keyOf(value);
    let place = this.places.get(key);
    if (place === void 0) {
      place = this.values.push(value) - 1;
      this.places.set(key, place);
    }
    return place;
  }
};

export {
  SummaryCompactor,
  storedText,
  storedBytes,
  storedOf,
  reviveStored
};
