import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  DamagedCacheEntry,
  byEnclosingFunction,
  functionLines
} from "./shared-2BFWLXK6.mjs";

// src/builtin.ts
import { createRequire } from "node:module";
var load = createRequire(import.meta.url);
function builtin(name) {
  return load(name);
}

// src/extract/packed.ts
var zlib = () => builtin("node:zlib");
function inFunctionBody(call) {
  return call.scope.kind === "function";
}
function memberName(call) {
  const written = call.receiver?.method ?? call.callee ?? call.calleeText;
  if (!call.receiver && !written.includes(".")) return void 0;
  return written.slice(written.lastIndexOf(".") + 1);
}
function boundNameOf(call) {
  if (call.boundTo && !call.boundTo.includes(".")) return call.boundTo;
  if (call.placement.kind === "with-item") {
    const at = call.statementText.indexOf(call.text);
    if (at >= 0) {
      const as = /^\s+as\s+([A-Za-z_]\w*)/.exec(call.statementText.slice(at + call.text.length));
      if (as) return as[1];
    }
  }
  return void 0;
}
function mayBeOnObject(call, bound) {
  if (call.receiver) return true;
  if (call.callee !== void 0) return !call.calleeIsLocal;
  const dot = call.calleeText.indexOf(".");
  return dot > 0 && bound.has(call.calleeText.slice(0, dot));
}
function boundNames(calls) {
  const names = /* @__PURE__ */ new Set();
  for (const call of calls) {
    const name = boundNameOf(call);
    if (name !== void 0) names.add(name);
  }
  return names;
}
function topLevelFunctions(summary) {
  const names = /* @__PURE__ */ new Set();
  for (const [qualname] of functionLines(summary.functions)) if (!qualname.includes(".")) names.add(qualname);
  return names;
}
function bodyCallIndex(calls, bound, topLevel) {
  const callees = /* @__PURE__ */ new Set();
  const localCallees = /* @__PURE__ */ new Set();
  const members = /* @__PURE__ */ new Set();
  const onObjects = /* @__PURE__ */ new Set();
  const decoratorsOnObjects = /* @__PURE__ */ new Set();
  const onLocalObjects = /* @__PURE__ */ new Set();
  const inModuleFunctions = /* @__PURE__ */ new Set();
  for (const call of calls) {
    if (call.callee !== void 0) (call.calleeIsLocal ? localCallees : callees).add(call.callee);
    const member = memberName(call);
    if (member === void 0) continue;
    members.add(member);
    if (!mayBeOnObject(call, bound)) continue;
    (call.placement.kind === "decorator" ? decoratorsOnObjects : onObjects).add(member);
    if (call.receiver || call.callee === void 0) onLocalObjects.add(member);
    if (call.scope.kind === "function" && topLevel.has(outermost(call.scope.function))) inModuleFunctions.add(member);
  }
  return {
    callees: [...callees],
    localCallees: [...localCallees],
    members: [...members],
    onObjects: [...onObjects],
    decoratorsOnObjects: [...decoratorsOnObjects],
    onLocalObjects: [...onLocalObjects],
    inModuleFunctions: [...inModuleFunctions]
  };
}
function outermost(qualname) {
  const dot = qualname.indexOf(".");
  return dot < 0 ? qualname : qualname.slice(0, dot);
}
var PACKED = /* @__PURE__ */ Symbol("packed calls");
function deflateBodies(text) {
  return zlib().deflateSync(Buffer.from(text, "latin1"), { level: 1 });
}
function attachPacked(summary, packed) {
  Object.defineProperty(summary, PACKED, { value: packed, enumerable: false, configurable: true });
  Object.defineProperty(summary, "calls", CALLS);
}
var CALLS = {
  enumerable: true,
  configurable: true,
  get() {
    return unpack(this);
  },
  set(value) {
    delete this[PACKED];
    Object.defineProperty(this, "calls", { value, writable: true, enumerable: true, configurable: true });
  }
};
function unpack(summary) {
  const packed = summary[PACKED];
  const calls = new Array(packed.count);
  for (const call of packed.outside) calls[call.id] = call;
  fromPacked(summary, packed, (text, memo) => {
    for (const call of packed.revive(text, void 0, memo)) {
      if (calls[call.id] !== void 0 || call.id >= packed.count) throw new Error(`call ${call.id} out of place`);
      calls[call.id] = packed.byId?.get(call.id) ?? call;
    }
    for (let id = 0; id < calls.length; id++) if (calls[id] === void 0) throw new Error(`call ${id} missing`);
  });
  delete summary[PACKED];
  forgetInflated(packed);
  Object.defineProperty(summary, "calls", { value: calls, writable: true, enumerable: true, configurable: true });
  return calls;
}
function fromPacked(summary, packed, use) {
  if (packed.failed) throw packed.failed;
  try {
    const inflated = inflatedText(packed);
    return use(inflated.text, inflated);
  } catch (error) {
    forgetInflated(packed);
    packed.damaged?.();
    throw packed.failed = new DamagedCacheEntry(
      summary.path,
      `the calls in its function bodies could not be read back from the cache (${error.message}): what reads them was left out${packed.damaged ? "; the entry is removed, and the next run parses the file again" : ""}`
    );
  }
}
var recent = [];
var RECENT_TEXTS = 8;
var RECENT_CHARS = 16 * 1024 * 1024;
function inflatedText(packed) {
  const at = recent.findIndex((entry2) => entry2.packed === packed);
  if (at >= 0) {
    const [entry2] = recent.splice(at, 1);
    recent.push(entry2);
    return entry2;
  }
  const bytes = typeof packed.bytes === "string" ? Buffer.from(packed.bytes, "latin1") : packed.bytes.store.bytesAt(packed.bytes.key, packed.bytes.offset, packed.bytes.length);
  const entry = { packed, text: zlib().inflateSync(bytes).toString("latin1") };
  recent.push(entry);
  let chars = 0;
  for (const { text } of recent) chars += text.length;
  while (recent.length > RECENT_TEXTS || recent.length > 1 && chars > RECENT_CHARS) chars -= recent.shift().text.length;
  return entry;
}
function forgetInflated(packed) {
  const at = recent.findIndex((entry) => entry.packed === packed);
  if (at >= 0) recent.splice(at, 1);
}
var byFunctionOf = /* @__PURE__ */ new WeakMap();
function callsInFunction(summary, qualname) {
  const packed = summary[PACKED];
  if (packed) {
    let known = packed.functions?.get(qualname);
    if (!known) {
      const revived = fromPacked(summary, packed, (text, memo) => {
        const calls = packed.revive(text, qualname, memo);
        for (const call of calls) if (!Number.isInteger(call.id) || call.id < 0 || call.id >= packed.count || packed.byId?.has(call.id)) throw new Error(`call ${call.id} out of place`);
        return calls;
      });
      known = revived.length ? revived : NO_CALLS;
      (packed.functions ??= /* @__PURE__ */ new Map()).set(qualname, known);
      packed.byId ??= /* @__PURE__ */ new Map();
      for (const call of revived) packed.byId.set(call.id, call);
    }
    return known;
  }
  let byFunction = byFunctionOf.get(summary);
  if (!byFunction) byFunctionOf.set(summary, byFunction = byEnclosingFunction(summary.calls));
  return byFunction.get(qualname) ?? NO_CALLS;
}
var NO_CALLS = Object.freeze([]);
function packedOnDisk(summary, store, key, entryLength) {
  putAside(summary, (bytes) => ({ store, key, offset: entryLength - bytes.length, length: bytes.length }));
}
function putAside(summary, put) {
  const packed = summary[PACKED];
  if (!packed || typeof packed.bytes !== "string") return;
  const where = put(packed.bytes);
  if (where) packed.bytes = where;
}
var outsideOf = /* @__PURE__ */ new WeakMap();
function callsOutsideFunctions(summary) {
  const packed = summary[PACKED];
  if (packed) return packed.outside;
  let outside = outsideOf.get(summary);
  if (!outside) outsideOf.set(summary, outside = summary.calls.filter((c) => !inFunctionBody(c)));
  return outside;
}
function callById(summary, id) {
  const packed = summary[PACKED];
  if (packed) {
    const outside = binarySearch(packed.outside, id);
    if (outside) return outside;
    if (id < 0 || id >= packed.count) return void 0;
    const revived = packed.byId?.get(id);
    if (revived) return revived;
  }
  return summary.calls[id];
}
function callCount(summary) {
  return summary[PACKED]?.count ?? summary.calls.length;
}
var indexOf = /* @__PURE__ */ new WeakMap();
function bodyCallsOf(summary) {
  const packed = summary[PACKED];
  if (packed) return packed.index;
  let index = indexOf.get(summary);
  if (!index) indexOf.set(summary, index = bodyCallIndex(summary.calls.filter(inFunctionBody), boundNames(summary.calls), topLevelFunctions(summary)));
  return index;
}
function binarySearch(calls, id) {
  let lo = 0;
  let hi = calls.length - 1;
  while (lo <= hi) {
    const mid = lo + hi >> 1;
    const at = calls[mid].id;
    if (at === id) return calls[mid];
    if (at < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return void 0;
}

export {
  builtin,
  inFunctionBody,
  memberName,
  boundNameOf,
  boundNames,
  topLevelFunctions,
  bodyCallIndex,
  deflateBodies,
  attachPacked,
  callsInFunction,
  packedOnDisk,
  putAside,
  callsOutsideFunctions,
  callById,
  callCount,
  bodyCallsOf
};
