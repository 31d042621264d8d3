import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);

// src/extract/stored.ts
function storedText(value) {
  return JSON.stringify({
    ...value.summary ? { summary: { ...value.summary, path: "" } } : {},
    diagnostics: value.diagnostics.map((d) => ({ ...d, path: "" }))
  });
}
function reviveStored(text, relative) {
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
  return { summary: { ...summary, path: relative }, diagnostics };
}

export {
  storedText,
  reviveStored
};
