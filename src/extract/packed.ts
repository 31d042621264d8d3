import { builtin } from '../builtin.js';
import { DamagedCacheEntry } from '../diagnostics.js';
import { byEnclosingFunction, functionLines, type CallRecord, type ModuleSummary } from './summary.js';

/** node:zlib, loaded when calls are first packed or unpacked: a run that prints its last output again does neither. */
const zlib = (): typeof import('node:zlib') => builtin('node:zlib');

/*
 * The calls written inside function bodies, held packed.
 *
 * Nineteen calls in twenty are in function bodies (`request.get(...)` in a view), and few of those
 * matter to an analysis: the bodies that run at import time, the app factories, the functions a
 * framework detector asks about. A summary revived from stored text keeps them deflated, with an
 * index of what they call, and unpacks them the first time `summary.calls` is read; the calls
 * outside function bodies (`callsOutsideFunctions`) and the index are there without unpacking. On
 * a generated monorepo of 20,000 modules the calls are four fifths of the memory a run holds.
 *
 * Code that needs only the calls outside functions, or asks the index first, leaves the bodies
 * packed; so does asking for one function's calls (`callsInFunction`), which revives only those.
 * `summary.calls` is always every call, in id order, the same objects once unpacked.
 */

/** What the calls in function bodies call, known without unpacking them. */
export interface BodyCallIndex {
  /** Distinct qualified callees (`calleeIsLocal` ones left out). */
  callees: string[];
  /** Distinct callees that are names of the module itself (`calleeIsLocal`). */
  localCallees: string[];
  /** Distinct `memberName`s, of every call that has one. */
  members: string[];
  /** Distinct `memberName`s of the calls that may be made on an object (`mayBeOnObject`) and are no decorators. */
  onObjects: string[];
  /** The same, of the decorators (`@bp.route(...)` on a function nested in another). */
  decoratorsOnObjects: string[];
  /**
   * The `memberName`s of the calls in `onObjects` and `decoratorsOnObjects` that are not made
   * through a qualified callee: on a call's result (`receiver`) or on a name of the module bound to
   * one. The others are in `callees`, where the module they start at tells whether the object can
   * be the project's (`os.environ.get` cannot, in a project without an `os`).
   */
  onLocalObjects: string[];
  /**
   * The `memberName`s of the calls in `onObjects` and `decoratorsOnObjects` written in a function
   * of the module's top level or in one nested in it, not in a method: where a function that wraps
   * a framework's decorator calls it (see objects.ts, `wrappedDecoratorUses`).
   */
  inModuleFunctions: string[];
}

/** Whether a call is kept packed: it is written in a function body. */
export function inFunctionBody(call: CallRecord): boolean {
  return call.scope.kind === 'function';
}

/** The method name a call may be a member call by (`route` of `app.route(...)`); undefined when it is none. */
export function memberName(call: CallRecord): string | undefined {
  const written = call.receiver?.method ?? call.callee ?? call.calleeText;
  if (!call.receiver && !written.includes('.')) return undefined;
  return written.slice(written.lastIndexOf('.') + 1);
}

/**
 * The name a call's result is bound to: `app = Flask(...)`, or `with Configurator() as config:`
 * (the summary keeps the with statement's text; the `as` name is read from it).
 */
export function boundNameOf(call: CallRecord): string | undefined {
  if (call.boundTo && !call.boundTo.includes('.')) return call.boundTo;
  if (call.placement.kind === 'with-item') {
    const at = call.statementText.indexOf(call.text);
    if (at >= 0) {
      const as = /^\s+as\s+([A-Za-z_]\w*)/.exec(call.statementText.slice(at + call.text.length));
      if (as) return as[1];
    }
  }
  return undefined;
}

/**
 * Whether a call may be a method called on an object some call of the module made, or that a name
 * imported from another module holds: what `EntryContext.memberCall` can answer, on the module's
 * own summary. `x.m()` where x is a call's result (`receiver`), `bp.route` with `bp` imported, or
 * `config.add_route` with `config` bound to a call's result somewhere in the module (`bound`, the
 * names calls of the module are bound to). `request.get(...)` on a parameter is none.
 */
export function mayBeOnObject(call: CallRecord, bound: ReadonlySet<string>): boolean {
  if (call.receiver) return true;
  if (call.callee !== undefined) return !call.calleeIsLocal;
  const dot = call.calleeText.indexOf('.');
  return dot > 0 && bound.has(call.calleeText.slice(0, dot));
}

/** The names the calls of a module are bound to (`boundNameOf`). */
export function boundNames(calls: Iterable<CallRecord>): Set<string> {
  const names = new Set<string>();
  for (const call of calls) {
    const name = boundNameOf(call);
    if (name !== undefined) names.add(name);
  }
  return names;
}

/** The names of a module's functions defined at its top level (`functions` qualnames without a dot). */
export function topLevelFunctions(summary: Pick<ModuleSummary, 'functions'>): Set<string> {
  const names = new Set<string>();
  for (const [qualname] of functionLines(summary.functions)) if (!qualname.includes('.')) names.add(qualname);
  return names;
}

/**
 * The index of `calls`, of a module whose calls are bound to `bound` and whose functions at its top
 * level are `topLevel` (see `topLevelFunctions`).
 */
export function bodyCallIndex(calls: readonly CallRecord[], bound: ReadonlySet<string>, topLevel: ReadonlySet<string>): BodyCallIndex {
  const callees = new Set<string>();
  const localCallees = new Set<string>();
  const members = new Set<string>();
  const onObjects = new Set<string>();
  const decoratorsOnObjects = new Set<string>();
  const onLocalObjects = new Set<string>();
  const inModuleFunctions = new Set<string>();
  for (const call of calls) {
    if (call.callee !== undefined) (call.calleeIsLocal ? localCallees : callees).add(call.callee);
    const member = memberName(call);
    if (member === undefined) continue;
    members.add(member);
    if (!mayBeOnObject(call, bound)) continue;
    (call.placement.kind === 'decorator' ? decoratorsOnObjects : onObjects).add(member);
    if (call.receiver || call.callee === undefined) onLocalObjects.add(member);
    if (call.scope.kind === 'function' && topLevel.has(outermost(call.scope.function))) inModuleFunctions.add(member);
  }
  return {
    callees: [...callees],
    localCallees: [...localCallees],
    members: [...members],
    onObjects: [...onObjects],
    decoratorsOnObjects: [...decoratorsOnObjects],
    onLocalObjects: [...onLocalObjects],
    inModuleFunctions: [...inModuleFunctions],
  };
}

/** `outer` of `outer.inner.f`. */
function outermost(qualname: string): string {
  const dot = qualname.indexOf('.');
  return dot < 0 ? qualname : qualname.slice(0, dot);
}

/** The packed bodies of a revived summary. */
interface Packed {
  /** How many calls the summary has. */
  count: number;
  /** The calls outside function bodies, in id order. */
  outside: CallRecord[];
  index: BodyCallIndex;
  /**
   * The deflated text of the calls in function bodies, one byte a character; or, once the cache
   * holds them, where: they are read back from there (see `packedOnDisk`).
   */
  bytes: string | OnDisk;
  /** The deflated text back as calls (see stored.ts), each with its id: all, or with `only`, those written directly in that function's body. */
  revive: (text: string, only?: string, memo?: InflatedMemo) => CallRecord[];
  /**
   * The calls of single functions revived while the rest stayed packed (`callsInFunction`), by
   * function, and the same calls by id: `callById` and unpacking give these same objects.
   */
  functions?: Map<string, readonly CallRecord[]>;
  byId?: Map<number, CallRecord>;
  /** Called when the bytes do not unpack (a cache entry damaged on disk): the cache forgets the entry. */
  damaged?: () => void;
  /** Why they did not unpack, said again each time they are asked for (the entry is gone by then). */
  failed?: DamagedCacheEntry;
}

/** Where packed bytes are put aside, out of memory: the cache (see `SummaryCache`), or the run's spill file (see spill.ts). */
export interface PackedStore {
  /**
   * The `length` bytes at `offset` of what `key` names there; throws when they are not there. To be
   * used at once: the buffer may be the store's own, read into again by its next read.
   */
  bytesAt(key: string, offset: number, length: number): Buffer;
}

/**
 * Packed bytes put aside: `length` bytes at `offset` of what `key` names in `store` (a cache
 * entry's key, not its file's path: the run record holds the key already, and a path a module was
 * 2 MB on 20,000 modules).
 */
export interface OnDisk {
  store: PackedStore;
  key: string;
  offset: number;
  length: number;
}

const PACKED = Symbol('packed calls');
type WithPacked = ModuleSummary & { [PACKED]?: Packed };

/**
 * Deflates the text of a summary's calls in function bodies, with zlib's checksum. Level 1: on the
 * standard library's 668 packed texts (20 MB) level 6 takes 0.73 s and gives 3.3 MB, level 1 0.29 s
 * and 4.0 MB. Written to the cache the bytes are not held in memory (see `packedOnDisk`), so the
 * fifth more they take costs disk, not the run's memory; the time is the worker threads'.
 */
export function deflateBodies(text: string): Buffer {
  return zlib().deflateSync(Buffer.from(text, 'latin1'), { level: 1 });
}

/**
 * Gives `summary` its calls in function bodies as packed: `summary.calls` unpacks them when first
 * read. `outside` are the calls outside function bodies, already revived.
 */
export function attachPacked(summary: Omit<ModuleSummary, 'calls'> | ModuleSummary, packed: Packed): void {
  Object.defineProperty(summary, PACKED, { value: packed, enumerable: false, configurable: true });
  // One getter and setter for all: summaries with the same fields then share one hidden class.
  Object.defineProperty(summary, 'calls', CALLS);
}

const CALLS: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: WithPacked): CallRecord[] {
    return unpack(this);
  },
  set(this: WithPacked, value: CallRecord[]) {
    delete this[PACKED];
    Object.defineProperty(this, 'calls', { value, writable: true, enumerable: true, configurable: true });
  },
};

function unpack(summary: WithPacked): CallRecord[] {
  const packed = summary[PACKED]!;
  const calls: CallRecord[] = new Array(packed.count);
  for (const call of packed.outside) calls[call.id] = call;
  fromPacked(summary, packed, (text, memo) => {
    for (const call of packed.revive(text, undefined, memo)) {
      if (calls[call.id] !== undefined || call.id >= packed.count) throw new Error(`call ${call.id} out of place`);
      // Revived before for its function: that object.
      calls[call.id] = packed.byId?.get(call.id) ?? call;
    }
    for (let id = 0; id < calls.length; id++) if (calls[id] === undefined) throw new Error(`call ${id} missing`);
  });
  delete summary[PACKED];
  forgetInflated(packed);
  Object.defineProperty(summary, 'calls', { value: calls, writable: true, enumerable: true, configurable: true });
  return calls;
}

/**
 * `use` of the inflated text of the packed calls, and of its memo; a failure to inflate or read
 * them (`use` throws) is the entry's damage, said each time they are asked for.
 */
function fromPacked<T>(summary: WithPacked, packed: Packed, use: (text: string, memo: InflatedMemo) => T): T {
  if (packed.failed) throw packed.failed;
  try {
    const inflated = inflatedText(packed);
    return use(inflated.text, inflated);
  } catch (error) {
    forgetInflated(packed);
    // The length was checked when the entry was read; what is damaged inside shows only now.
    packed.damaged?.();
    throw (packed.failed = new DamagedCacheEntry(
      summary.path,
      `the calls in its function bodies could not be read back from the cache (${(error as Error).message}): what reads them was left out${packed.damaged ? '; the entry is removed, and the next run parses the file again' : ''}`,
    ));
  }
}

/** What `revive` keeps of an inflated text while it is kept (its head, parsed: see stored.ts). */
export interface InflatedMemo {
  head?: unknown;
}

/**
 * The texts of the modules last inflated, the most recent last: the analysis asks for several
 * functions of a module, and comes back to modules it asked about a moment ago (the standard
 * library, one file changed: 261 inflations of 154 modules when one text was kept). At most
 * RECENT_TEXTS, and as few as hold RECENT_CHARS (the last one always).
 */
const recent: Array<InflatedMemo & { packed: Packed; text: string }> = [];
const RECENT_TEXTS = 8;
const RECENT_CHARS = 16 * 1024 * 1024;

function inflatedText(packed: Packed): InflatedMemo & { text: string } {
  const at = recent.findIndex((entry) => entry.packed === packed);
  if (at >= 0) {
    const [entry] = recent.splice(at, 1);
    recent.push(entry!);
    return entry!;
  }
  const bytes = typeof packed.bytes === 'string' ? Buffer.from(packed.bytes, 'latin1') : packed.bytes.store.bytesAt(packed.bytes.key, packed.bytes.offset, packed.bytes.length);
  const entry = { packed, text: zlib().inflateSync(bytes).toString('latin1') };
  recent.push(entry);
  let chars = 0;
  for (const { text } of recent) chars += text.length;
  while (recent.length > RECENT_TEXTS || (recent.length > 1 && chars > RECENT_CHARS)) chars -= recent.shift()!.text.length;
  return entry;
}

function forgetInflated(packed: Packed): void {
  const at = recent.findIndex((entry) => entry.packed === packed);
  if (at >= 0) recent.splice(at, 1);
}

const byFunctionOf = new WeakMap<ModuleSummary, Map<string, readonly CallRecord[]>>();

/**
 * The calls written directly in the body of function `qualname` (not in functions nested in it), in
 * id order. Of a packed summary, only those are revived, and the rest stays packed.
 */
export function callsInFunction(summary: ModuleSummary, qualname: string): readonly CallRecord[] {
  const packed = (summary as WithPacked)[PACKED];
  if (packed) {
    let known = packed.functions?.get(qualname);
    if (!known) {
      const revived = fromPacked(summary, packed, (text, memo) => {
        const calls = packed.revive(text, qualname, memo);
        for (const call of calls) if (!Number.isInteger(call.id) || call.id < 0 || call.id >= packed.count || packed.byId?.has(call.id)) throw new Error(`call ${call.id} out of place`);
        return calls;
      });
      known = revived.length ? revived : NO_CALLS;
      (packed.functions ??= new Map()).set(qualname, known);
      packed.byId ??= new Map();
      for (const call of revived) packed.byId.set(call.id, call);
    }
    return known;
  }
  let byFunction = byFunctionOf.get(summary);
  if (!byFunction) byFunctionOf.set(summary, (byFunction = byEnclosingFunction(summary.calls)));
  return byFunction.get(qualname) ?? NO_CALLS;
}

const NO_CALLS: readonly CallRecord[] = Object.freeze([]);

/**
 * The packed bytes of `summary`, while it is packed, end the cache entry of `key` of `entryLength`
 * bytes (it has just been read or written): they are no longer held in memory, and are read from
 * there should they be unpacked. They are the tenth of a run's memory that grows with the
 * number of modules and is not needed again but for the few modules unpacked. An entry is never
 * changed in place, and one removed or replaced meanwhile (a cache folder deleted during the run)
 * is a damaged entry when unpacked.
 */
export function packedOnDisk(summary: ModuleSummary, store: PackedStore, key: string, entryLength: number): void {
  putAside(summary, (bytes) => ({ store, key, offset: entryLength - bytes.length, length: bytes.length }));
}

/**
 * The packed bytes of `summary`, while they are held in memory (one byte a character), handed to
 * `put`, which says where it put them; they are read back from there. `put` gives undefined when
 * it could not: they stay.
 */
export function putAside(summary: ModuleSummary, put: (bytes: string) => OnDisk | undefined): void {
  const packed = (summary as WithPacked)[PACKED];
  if (!packed || typeof packed.bytes !== 'string') return;
  const where = put(packed.bytes);
  if (where) packed.bytes = where;
}

/** Whether `summary` holds packed bytes in memory (for tests). */
export function packedInMemory(summary: ModuleSummary): boolean {
  return typeof (summary as WithPacked)[PACKED]?.bytes === 'string';
}

/** True while a summary's calls in function bodies are packed (for tests and the stats). */
export function isPacked(summary: ModuleSummary): boolean {
  return (summary as WithPacked)[PACKED] !== undefined;
}

const outsideOf = new WeakMap<ModuleSummary, CallRecord[]>();

/**
 * The calls outside function bodies (module body, class bodies, decorators and defaults of
 * module-level definitions, `if __name__ == "__main__":`...), in id order, without unpacking.
 */
export function callsOutsideFunctions(summary: ModuleSummary): readonly CallRecord[] {
  const packed = (summary as WithPacked)[PACKED];
  if (packed) return packed.outside;
  let outside = outsideOf.get(summary);
  if (!outside) outsideOf.set(summary, (outside = summary.calls.filter((c) => !inFunctionBody(c))));
  return outside;
}

/** The call of that id, unpacking the bodies only when it is in one. */
export function callById(summary: ModuleSummary, id: number): CallRecord | undefined {
  const packed = (summary as WithPacked)[PACKED];
  if (packed) {
    const outside = binarySearch(packed.outside, id);
    if (outside) return outside;
    if (id < 0 || id >= packed.count) return undefined;
    const revived = packed.byId?.get(id);
    if (revived) return revived;
  }
  return summary.calls[id];
}

/** How many calls the summary has, without unpacking. */
export function callCount(summary: ModuleSummary): number {
  return (summary as WithPacked)[PACKED]?.count ?? summary.calls.length;
}

const indexOf = new WeakMap<ModuleSummary, BodyCallIndex>();

/** What the calls in function bodies call, without unpacking them. */
export function bodyCallsOf(summary: ModuleSummary): BodyCallIndex {
  const packed = (summary as WithPacked)[PACKED];
  if (packed) return packed.index;
  let index = indexOf.get(summary);
  if (!index) indexOf.set(summary, (index = bodyCallIndex(summary.calls.filter(inFunctionBody), boundNames(summary.calls), topLevelFunctions(summary))));
  return index;
}

function binarySearch(calls: readonly CallRecord[], id: number): CallRecord | undefined {
  let lo = 0;
  let hi = calls.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = calls[mid]!.id;
    if (at === id) return calls[mid];
    if (at < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}
