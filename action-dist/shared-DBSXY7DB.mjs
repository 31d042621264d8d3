import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);

// src/extract/stored.ts
var STRING_FIELDS = ["statementText", "calleeText", "callee", "condition"];
function storedText(value) {
  const diagnostics = value.diagnostics.map((d) => ({ ...d, path: "" }));
  const summary = value.summary;
  if (!summary) return ascii(JSON.stringify({ diagnostics }));
  const scopes = new Places((s) => s.kind === "module" ? "module" : s.kind === "function" ? `f ${s.function}` : JSON.stringify(s));
  const placements = new Places((p) => p.kind === "statement" ? "statement" : JSON.stringify(p));
  const strings = new Places((s) => s);
  const calls = summary.calls;
  const imports = summary.imports;
  try {
    for (const call of summary.calls) {
      const stored = call;
      stored.scope = scopes.of(call.scope);
      stored.placement = placements.of(call.placement);
      for (const field of STRING_FIELDS) if (call[field] !== void 0) stored[field] = strings.of(call[field]);
    }
    for (const record of summary.imports) record.scope = scopes.of(record.scope);
    const tables = { scopes: scopes.values, placements: placements.values, strings: strings.values };
    return ascii(JSON.stringify({ summary: { ...summary, path: "" }, tables, diagnostics }));
  } finally {
    for (const call of calls) {
      if (typeof call.scope === "number") call.scope = scopes.values[call.scope];
      if (typeof call.placement === "number") call.placement = placements.values[call.placement];
      for (const field of STRING_FIELDS) if (typeof call[field] === "number") call[field] = strings.values[call[field]];
    }
    for (const record of imports) if (typeof record.scope === "number") record.scope = scopes.values[record.scope];
  }
}
function ascii(json) {
  return json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
function reviveStored(text, relative, sharing) {
  const value = JSON.parse(text);
  const entry = value;
  if (!entry || typeof entry !== "object" || !Array.isArray(entry.diagnostics)) throw new Error("not a cache entry");
  const diagnostics = entry.diagnostics.map((d) => {
    if (!d || typeof d.kind !== "string" || typeof d.message !== "string") throw new Error("not a diagnostic");
    return { ...d, path: relative };
  });
  if (entry.summary === void 0) return { diagnostics };
  const summary = entry.summary;
  for (const field of ["imports", "calls", "classes", "functions", "assignments", "definedNames", "importedNames", "syntaxProblems", "suppressions"]) {
    if (!Array.isArray(summary[field])) throw new Error(`no ${field}`);
  }
  const tables = entry.tables;
  if (!tables || !Array.isArray(tables.scopes) || !Array.isArray(tables.placements) || !Array.isArray(tables.strings)) throw new Error("no tables");
  const scopes = sharing ? tables.scopes.map((s) => sharing.scope(s)) : tables.scopes;
  const placements = sharing ? tables.placements.map((p) => sharing.placement(p)) : tables.placements;
  const strings = sharing ? tables.strings.map((s) => sharing.string(s)) : tables.strings;
  const at = (list, place) => {
    const found = list[place];
    if (found === void 0) throw new Error("a table place out of range");
    return found;
  };
  for (const call of summary.calls) {
    call.scope = at(scopes, call.scope);
    call.placement = at(placements, call.placement);
    call.statementText = at(strings, call.statementText);
    call.calleeText = at(strings, call.calleeText);
    if (call.callee !== void 0) call.callee = at(strings, call.callee);
    if (call.condition !== void 0) call.condition = at(strings, call.condition);
  }
  for (const record of summary.imports) record.scope = at(scopes, record.scope);
  return { summary: { ...summary, path: relative }, diagnostics };
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
  storedText,
  reviveStored
};
