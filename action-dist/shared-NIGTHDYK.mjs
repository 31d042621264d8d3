import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  linesFrom,
  literalWord,
  splitCommandLine
} from "./shared-2JHG5NMU.mjs";
import {
  DEFAULT_MAX_FILE_BYTES,
  MAX_SMALL_FILE_BYTES,
  SummaryCache,
  compileIgnore,
  defaultConfig,
  describeError,
  discoverOptionsOf,
  discoverPythonFiles,
  discoveryFingerprint,
  fileKind,
  findDeploymentFiles,
  inLanes,
  isDeploymentFileName,
  isWithin,
  listingOf,
  listingValue,
  newTreeWatch,
  noteInput,
  pathKind,
  projectTargets,
  quotePattern,
  readAt,
  readRegularFile,
  realPath,
  ruleSelected,
  statSignature,
  targetOf,
  toRelative
} from "./shared-ANSIZDXT.mjs";
import {
  MAX_FINDING_MESSAGE
} from "./shared-6EZY67D5.mjs";
import {
  SummaryCompactor,
  reviveStored
} from "./shared-7ZG2VCCI.mjs";
import {
  TomlError,
  parse
} from "./shared-FWG6GVRL.mjs";
import {
  loadRules,
  qualifiedNameMatches,
  require_dist
} from "./shared-ZUSNGQG2.mjs";
import {
  ParserAbort,
  ParserUnavailable,
  assignmentParts,
  decodePythonSource,
  extractModule,
  formatBytes,
  parseTree,
  pythonParser,
  scalarLiteral,
  sizePair,
  summariseBytes,
  withPythonParser
} from "./shared-AL5UJYVG.mjs";
import {
  MIN_FILES_FOR_THREADS,
  expectParses
} from "./shared-DIJAFYFB.mjs";
import {
  beforeForkFinding,
  deploymentEntries,
  deploymentFacts,
  processModelOf,
  scriptRoots,
  withMainRunChains
} from "./shared-T2J7SGRF.mjs";
import {
  CallResolver,
  allOf,
  anyOf,
  buildImportGraph,
  graphKeeping,
  modulesReaching,
  resolveImport,
  resolveImports,
  shortestChains,
  summaryLookup
} from "./shared-MZR5LFWB.mjs";
import {
  bodyCallIndex,
  bodyCallsOf,
  boundNameOf,
  boundNames,
  callById,
  callCount,
  callsOutsideFunctions,
  inFunctionBody,
  memberName,
  putAside
} from "./shared-ZYG3IDYS.mjs";
import "./shared-PMYI2HPO.mjs";
import {
  parsePythonLiteral,
  stringsOf
} from "./shared-WIBISVNQ.mjs";
import {
  injectedFault,
  internalError
} from "./shared-2BFWLXK6.mjs";
import "./shared-OK3D7NJJ.mjs";
import {
  __toESM
} from "./shared-RKF6PH7O.mjs";

// src/pipeline.ts
import path15 from "node:path";

// src/entries/project.ts
var MAX_HOPS = 4;
var NO_FUNCTIONS = /* @__PURE__ */ new Set();
var EntryContext = class {
  constructor(project) {
    this.project = project;
  }
  project;
  objectCache = /* @__PURE__ */ new Map();
  callIndex;
  memberCalls = /* @__PURE__ */ new Map();
  /**
   * Every call of the project, by the qualified name it calls (calls of a local name left out), by
   * method name, and the calls that make an instance of a project subclass of given classes: built
   * once, so that each framework's detector looks up its constructors instead of scanning every call.
   * The calls in function bodies are indexed by what they call without unpacking them (see
   * packed.ts): a module's are unpacked when a detector asks for a name they call.
   */
  calls() {
    if (this.callIndex) return this.callIndex;
    const outsideByCallee = /* @__PURE__ */ new Map();
    const bodiesByCallee = /* @__PURE__ */ new Map();
    const outsideOfProjectClasses = [];
    const membersByName = /* @__PURE__ */ new Map();
    const onObjectsByName = /* @__PURE__ */ new Map();
    const decoratorsOnObjectsByName = /* @__PURE__ */ new Map();
    const paths = [...this.summaries.keys()];
    paths.forEach((path16, file) => {
      const summary = this.summaries.get(path16);
      const bodies = bodyCallsOf(summary);
      const outside = callsOutsideFunctions(summary);
      const outsideIndex = bodyCallIndex(outside, boundNames(outside), NO_FUNCTIONS);
      for (const member of outsideIndex.members) addTo(membersByName, member, path16);
      for (const member of outsideIndex.onObjects) addTo(onObjectsByName, member, path16);
      for (const member of outsideIndex.decoratorsOnObjects) addTo(decoratorsOnObjectsByName, member, path16);
      for (const member of bodies.members) addTo(membersByName, member, path16);
      if (bodies.onObjects.length || bodies.decoratorsOnObjects.length) {
        const possible = this.membersOnProjectObjects(bodies);
        for (const member of bodies.onObjects) if (possible.has(member)) addTo(onObjectsByName, member, path16);
        for (const member of bodies.decoratorsOnObjects) if (possible.has(member)) addTo(decoratorsOnObjectsByName, member, path16);
      }
      for (const call of outside) {
        if (!call.callee) continue;
        const located = { path: path16, call, order: [file, call.id] };
        if (!call.calleeIsLocal) push(outsideByCallee, call.callee, located);
        if (this.externalBasesOf(path16, call).length) outsideOfProjectClasses.push(located);
      }
      for (const callee of bodies.callees) push(bodiesByCallee, callee, file);
    });
    const ofProjectClasses = /* @__PURE__ */ new Map();
    const callsTo = /* @__PURE__ */ new Map();
    this.callIndex = {
      callsTo: (callee) => {
        let found = callsTo.get(callee);
        if (!found) {
          const list = [...outsideByCallee.get(callee) ?? []];
          for (const file of bodiesByCallee.get(callee) ?? []) {
            const path16 = paths[file];
            for (const call of this.summaries.get(path16).calls) {
              if (call.callee === callee && !call.calleeIsLocal && inFunctionBody(call)) list.push({ path: path16, call, order: [file, call.id] });
            }
          }
          callsTo.set(callee, found = list.sort(inOrder));
        }
        return found;
      },
      modulesCallingName: (callee) => {
        const found = new Set((outsideByCallee.get(callee) ?? []).map((located) => located.path));
        for (const file of bodiesByCallee.get(callee) ?? []) found.add(paths[file]);
        return [...found];
      },
      ofProjectClassesFrom: (bases) => {
        const key = bases.join("\0");
        let found = ofProjectClasses.get(key);
        if (!found) ofProjectClasses.set(key, found = this.findProjectClassCalls(new Set(bases), paths, outsideOfProjectClasses));
        return found;
      },
      membersByName,
      onObjectsByName,
      decoratorsOnObjectsByName
    };
    return this.callIndex;
  }
  classList;
  /** The project's classes with bases from outside (last name), and the aliases of its `from` imports: listed once. */
  classesAndAliases() {
    if (this.classList) return this.classList;
    const classes = [];
    const aliases = [];
    for (const [path16, summary] of this.summaries) {
      for (const cls of summary.classes) {
        const bases = this.project.calls.externalBasesOf({ path: path16, qualname: cls.name, kind: "class" });
        if (bases.length) classes.push({ name: lastSegment(cls.name), bases });
      }
      for (const record2 of summary.imports) for (const name of record2.names) if (name.alias) aliases.push({ name: lastSegment(name.name), alias: name.alias });
    }
    return this.classList = { classes, aliases };
  }
  /**
   * `CallIndex.ofProjectClassesFrom`: the calls outside function bodies already known to make a
   * project class with bases from outside, and those in the bodies of the modules whose calls name
   * a project class deriving from `bases` (or an import alias of one: `from .app import MyFlask as
   * App`), unpacked only there.
   */
  findProjectClassCalls(bases, paths, outside) {
    const derives = (path16, call) => this.externalBasesOf(path16, call).some((b) => bases.has(b));
    const names = /* @__PURE__ */ new Set();
    const { classes, aliases } = this.classesAndAliases();
    for (const cls of classes) if (cls.bases.some((b) => bases.has(b))) names.add(cls.name);
    for (let depth = 0, grew = names.size > 0; grew && depth < 4; depth++) {
      const before = names.size;
      for (const { name, alias } of aliases) if (names.has(name)) names.add(alias);
      grew = names.size > before;
    }
    const found = outside.filter((located) => derives(located.path, located.call));
    if (names.size === 0) return found;
    paths.forEach((path16, file) => {
      const summary = this.summaries.get(path16);
      const bodies = bodyCallsOf(summary);
      if (!bodies.callees.some((c) => names.has(lastSegment(c))) && !bodies.localCallees.some((c) => names.has(lastSegment(c)))) return;
      for (const call of summary.calls) {
        if (call.callee && inFunctionBody(call) && derives(path16, call)) found.push({ path: path16, call, order: [file, call.id] });
      }
    });
    return found.sort(inOrder);
  }
  /**
   * The modules with a call of one of `wanted.members` (method names, as `memberName` gives them),
   * a call or decorator that may be made on an object by one of `wanted.onObjects`, a decorator by one
   * of `wanted.decoratorsOnObjects`, or a call of one of `wanted.callees` (qualified names of outside
   * the module). A scan for those calls visits only these modules, in the summaries' order.
   */
  modulesCalling(wanted) {
    const index = this.calls();
    const paths = /* @__PURE__ */ new Set();
    for (const name of wanted.members ?? []) for (const path16 of index.membersByName.get(name) ?? []) paths.add(path16);
    for (const name of wanted.onObjects ?? []) {
      for (const path16 of index.onObjectsByName.get(name) ?? []) paths.add(path16);
      for (const path16 of index.decoratorsOnObjectsByName.get(name) ?? []) paths.add(path16);
    }
    for (const name of wanted.decoratorsOnObjects ?? []) for (const path16 of index.decoratorsOnObjectsByName.get(name) ?? []) paths.add(path16);
    for (const callee of wanted.callees ?? []) for (const path16 of index.modulesCallingName(callee)) paths.add(path16);
    return paths;
  }
  get summaries() {
    return this.project.summaries;
  }
  moduleName(path16) {
    return this.project.index.byPath.get(path16)?.name ?? path16;
  }
  module(path16) {
    return this.project.index.byPath.get(path16);
  }
  /** The project module with this absolute dotted name, as seen from `importerPath`. */
  lookup(name, importerPath) {
    const importer = importerPath ? this.project.index.byPath.get(importerPath) : void 0;
    return this.project.index.lookup(name, importer);
  }
  /** `..db.engine` written in `importerPath` → `pkg.db.engine`, the way the import resolver anchors it. */
  absoluteName(importerPath, qualified) {
    const level = /^\.*/.exec(qualified)[0].length;
    if (level === 0) return qualified;
    const importer = this.project.index.byPath.get(importerPath);
    if (!importer) return void 0;
    const record2 = {
      kind: "from",
      module: qualified.slice(level),
      level,
      names: [],
      star: false,
      scope: { kind: "module" },
      span: { line: 1, column: 1, endLine: 1, endColumn: 1 }
    };
    return resolveImport(importer, record2, this.project.index, this.project.summaries).absolute || void 0;
  }
  /** Project modules at or below a package (the package itself first), in path order. */
  modulesUnder(name) {
    return [...this.project.index.entries()].filter((m) => m.name === name || m.name.startsWith(`${name}.`)).sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  }
  /**
   * A dotted expression written in `path` (`blog_urls`, `chat.routing.websocket_urlpatterns`) through
   * the imports in scope: module-level ones, and those of `inFunction` when given.
   */
  qualifyName(path16, dotted, inFunction) {
    if (!/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/.test(dotted)) return void 0;
    const summary = this.summaries.get(path16);
    if (!summary) return void 0;
    const [head, ...rest] = dotted.split(".");
    const visible = summary.imports.filter(
      (r) => r.scope.kind === "module" || inFunction !== void 0 && r.scope.kind === "function" && r.scope.function === inFunction
    );
    for (const record2 of [...visible].reverse()) {
      let base;
      if (record2.kind === "from") {
        const bound = record2.names.find((n) => (n.alias ?? n.name) === head);
        if (bound) {
          const from = ".".repeat(record2.level) + record2.module;
          base = from === "" || from.endsWith(".") ? `${from}${bound.name}` : `${from}.${bound.name}`;
        }
      } else if (record2.kind === "import") {
        if (record2.alias === head) base = record2.module;
        else if (!record2.alias && record2.module.split(".")[0] === head) base = head;
      }
      if (base !== void 0) return [base, ...rest].join(".");
    }
    if (summary.definedNames.includes(head)) return [this.moduleName(path16), head, ...rest].join(".");
    return void 0;
  }
  /** The project module a dotted expression names (`include(blog_urls)`), if it names one. */
  moduleNamedBy(path16, dotted, inFunction) {
    const qualified = this.qualifyName(path16, dotted, inFunction);
    const absolute = qualified ? this.absoluteName(path16, qualified) : void 0;
    return absolute ? this.lookup(absolute, path16) : void 0;
  }
  /**
   * The `memberName`s of the calls in function bodies indexed by `bodies` (`onObjects`,
   * `decoratorsOnObjects`) that `memberCall` may place on an object of the project: those made on
   * a call's result or a name bound in the module, and those through a qualified name that starts
   * at a module or package of the project (`bp.route` of `from .views import bp`). Not
   * `os.environ.get` or `requests.get`: `objectAt` finds nothing where no project module is.
   * Without `local`, only the latter: an object made in another module is reached by its name only
   * (a call's result and a bound name are the module's own objects).
   */
  membersOnProjectObjects(bodies, local = true) {
    const members = new Set(local ? bodies.onLocalObjects : []);
    for (const callee of bodies.callees) {
      const member = this.memberOnProjectName(callee);
      if (member !== void 0) members.add(member);
    }
    return members;
  }
  /**
   * The method a qualified callee may call on an object of the project (`route` of `.views.bp.route`,
   * `update` of `proj.celery.app.conf.update`): undefined when it has no dot or starts at no module
   * or package of the project.
   */
  memberOnProjectName(callee) {
    const dot = callee.lastIndexOf(".");
    if (dot <= 0) return void 0;
    const top = callee.slice(0, callee.indexOf("."));
    return top === "" || this.project.index.hasName(top) ? callee.slice(dot + 1) : void 0;
  }
  /**
   * The call that made the object a qualified name refers to (`.bp.bp` from `from .bp import bp`,
   * `pkg.app`), following `from x import name` re-exports, or undefined when it is no object we see.
   */
  objectAt(importerPath, qualified, hops = 0) {
    const key = `${importerPath}::${qualified}`;
    const cached = this.objectCache.get(key);
    if (cached !== void 0) return cached ?? void 0;
    this.objectCache.set(key, null);
    const found = hops > MAX_HOPS ? void 0 : this.findObject(importerPath, qualified, hops);
    this.objectCache.set(key, found ?? null);
    return found;
  }
  findObject(importerPath, qualified, hops) {
    const absolute = this.absoluteName(importerPath, qualified);
    if (!absolute) return void 0;
    const parts = absolute.split(".");
    for (let i = parts.length - 1; i >= 1; i--) {
      const module = this.lookup(parts.slice(0, i).join("."), importerPath);
      if (!module) continue;
      const rest = parts.slice(i);
      if (rest.length !== 1) return void 0;
      const name = rest[0];
      const summary = this.summaries.get(module.path);
      if (!summary) return void 0;
      const made = lastBoundAtModuleLevel(summary).get(name);
      if (made) return { path: module.path, call: made };
      const reexport = summaryLookup(summary).fromImportBinding(name);
      if (!reexport) return void 0;
      const original = reexport.names.find((n) => (n.alias ?? n.name) === name).name;
      const from = ".".repeat(reexport.level) + reexport.module;
      const target = from === "" || from.endsWith(".") ? `${from}${original}` : `${from}.${original}`;
      return this.objectAt(module.path, target, hops + 1);
    }
    return void 0;
  }
  /**
   * The object a method call is made on: `x.m()` where x holds a call's result in this module
   * (`receiver`), `bp.route` imported from another module (`callee` `.bp.bp.route`), or an
   * attribute path on a local object (`app.router.add_get`, `config.add_route` inside
   * `with Configurator() as config:`).
   */
  memberCall(path16, call) {
    const summary = this.summaries.get(path16);
    if (!summary || callById(summary, call.id) !== call) return this.findMemberCall(path16, call);
    let known = this.memberCalls.get(path16);
    if (!known) this.memberCalls.set(path16, known = new Array(callCount(summary)));
    let found = known[call.id];
    if (found === void 0) known[call.id] = found = this.findMemberCall(path16, call) ?? null;
    return found ?? void 0;
  }
  findMemberCall(path16, call) {
    const summary = this.summaries.get(path16);
    if (!summary) return void 0;
    if (call.receiver) {
      const creator = callById(summary, call.receiver.callId);
      return creator ? { object: { path: path16, call: creator }, method: call.receiver.method } : void 0;
    }
    if (call.callee && !call.calleeIsLocal) {
      const parts = call.callee.split(".");
      for (const methodParts of [1, 2]) {
        if (parts.length <= methodParts || parts[parts.length - methodParts - 1] === "") continue;
        const prefix = parts.slice(0, -methodParts).join(".");
        if (!prefix || prefix.endsWith(".")) continue;
        const object = this.objectAt(path16, prefix);
        if (object) return { object, method: parts.slice(-methodParts).join(".") };
      }
      return void 0;
    }
    if (!call.callee && /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)+$/.test(call.calleeText)) {
      const [head, ...member] = call.calleeText.split(".");
      const sameScope = (c) => c.scope.kind === "module" || c.scope.kind === "function" && call.scope.kind === "function" && c.scope.function === call.scope.function;
      const bound = boundCallsOf(summary, inFunctionBody(call)).get(head) ?? [];
      let creator;
      for (const c of bound) {
        if (c.id >= call.id) break;
        if (sameScope(c)) creator = c;
      }
      if (creator) return { object: { path: path16, call: creator }, method: member.join(".") };
    }
    return void 0;
  }
  /**
   * The classes from outside the project that the project class a call makes derives from, nearest
   * first, through project bases in any module: `IndicoFlask(__name__)`, with `class
   * IndicoFlask(Flask)` in `app/core.py`, gives `flask.Flask`, as CPython's MRO would reach it.
   * Empty when the callee is no project class.
   */
  externalBasesOf(path16, call) {
    const cls = this.project.calls.classCalled(path16, call);
    return cls ? this.project.calls.externalBasesOf(cls) : [];
  }
  /** `NAME = <literal>` assignments of a module, when the summary carries them. */
  assignments(path16) {
    return this.summaries.get(path16)?.assignments;
  }
};
var boundCalls = /* @__PURE__ */ new WeakMap();
var boundCallsOutside = /* @__PURE__ */ new WeakMap();
function boundCallsOf(summary, inBodies) {
  const cache = inBodies ? boundCalls : boundCallsOutside;
  let byName = cache.get(summary);
  if (!byName) {
    byName = /* @__PURE__ */ new Map();
    for (const call of inBodies ? summary.calls : callsOutsideFunctions(summary)) {
      const name = boundNameOf(call);
      if (name !== void 0) push(byName, name, call);
    }
    cache.set(summary, byName);
  }
  return byName;
}
function push(map, key, value) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
function addTo(map, key, value) {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, /* @__PURE__ */ new Set([value]));
}
function lastSegment(dotted) {
  return dotted.slice(dotted.lastIndexOf(".") + 1);
}
function inOrder(a, b) {
  return a.order[0] - b.order[0] || a.order[1] - b.order[1];
}
var lastBound = /* @__PURE__ */ new WeakMap();
function lastBoundAtModuleLevel(summary) {
  let byName = lastBound.get(summary);
  if (!byName) {
    byName = /* @__PURE__ */ new Map();
    for (const call of callsOutsideFunctions(summary)) {
      if (call.scope.kind !== "module") continue;
      const name = boundNameOf(call);
      if (name !== void 0) byName.set(name, call);
    }
    lastBound.set(summary, byName);
  }
  return byName;
}
function evidenceOf(call) {
  if (call.placement.kind === "with-item") {
    const name = boundNameOf(call);
    return { line: call.span.line, column: call.span.column, text: `with ${call.text}${name ? ` as ${name}` : ""}` };
  }
  const nested = !call.boundTo && call.placement.kind !== "decorator" && !call.statementText.startsWith(call.text.slice(0, 40));
  return { line: call.span.line, column: call.span.column, text: nested ? call.text : call.statementText };
}
function moduleEvidence(name) {
  return { line: 1, column: 1, text: name };
}
function argumentOf(call, position, keyword) {
  if (keyword) {
    const named = call.args.find((a) => a.keyword === keyword);
    if (named) return named;
  }
  if (position === void 0) return void 0;
  return call.args.filter((a) => a.keyword === void 0 && !a.text.startsWith("*"))[position];
}
function argumentLiteral(call, position, keyword) {
  const arg = argumentOf(call, position, keyword);
  if (!arg) return void 0;
  if (typeof arg.literal === "string") return { kind: "string", value: arg.literal };
  return parsePythonLiteral(arg.text);
}
function argumentStrings(call, position, keyword) {
  const literal = argumentLiteral(call, position, keyword);
  return literal ? stringsOf(literal) : void 0;
}
function spanWithin(inner, outer) {
  const startsAfter = inner.line > outer.line || inner.line === outer.line && inner.column >= outer.column;
  const endsBefore = inner.endLine < outer.endLine || inner.endLine === outer.endLine && inner.endColumn <= outer.endColumn;
  const same = inner.line === outer.line && inner.column === outer.column && inner.endLine === outer.endLine && inner.endColumn === outer.endColumn;
  return startsAfter && endsBefore && !same;
}
function counted(count, unit) {
  return `${count} ${count === 1 ? unit[0] : unit[1]}`;
}

// src/entries/objects.ts
function objectKey(path16, call) {
  return `${path16}#${call.id}`;
}
var DEFAULT_UNIT = ["route", "routes"];
function analyzeObjects(spec, ctx) {
  const index = ctx.calls();
  const candidates = new Set(index.ofProjectClassesFrom(spec.objects.flatMap((kind) => kind.callees)));
  for (const kind of spec.objects) for (const callee of kind.callees) for (const located of index.callsTo(callee)) candidates.add(located);
  const objects = /* @__PURE__ */ new Map();
  for (const { path: path16, call } of [...candidates].sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1])) {
    const kind = objectKindOf(spec, call, path16, ctx);
    if (kind) objects.set(objectKey(path16, call), { path: path16, call, kind });
  }
  const registrations = /* @__PURE__ */ new Map();
  const loose = /* @__PURE__ */ new Map();
  if (objects.size === 0 && !spec.routeFunctions) return { objects: [], registrations, loose };
  const register = (object, path16, call, count = 1) => {
    const key = objectKey(object.path, object.call);
    const byPath = registrations.get(key) ?? /* @__PURE__ */ new Map();
    const site = byPath.get(path16);
    if (!site) byPath.set(path16, { count, first: call });
    else {
      site.count += count;
      if (call.span.line < site.first.span.line) site.first = call;
    }
    registrations.set(key, byPath);
  };
  const lastSegments = new Set([...spec.routeDecorators, ...spec.routeCalls, ...(spec.routeLists ?? []).map((l) => l.method ?? "")].map(lastSegment));
  const active = ctx.modulesCalling({
    ...objects.size > 0 ? { decoratorsOnObjects: spec.routeDecorators.map(lastSegment), onObjects: [...spec.routeCalls, ...(spec.routeLists ?? []).flatMap((l) => l.method ? [l.method] : [])].map(lastSegment) } : {},
    callees: spec.routeFunctions?.callees ?? []
  });
  for (const object of objects.values()) active.add(object.path);
  for (const [path16, summary] of ctx.summaries) {
    if (!active.has(path16)) continue;
    const onObject = /* @__PURE__ */ new Map();
    for (const call of summary.calls) {
      const member = memberOnObject(ctx, path16, call, objects, lastSegments);
      if (!member) continue;
      onObject.set(call.id, member);
      const method = member.member.method;
      const isRoute = call.placement.kind === "decorator" && spec.routeDecorators.includes(method) || spec.routeCalls.includes(method);
      if (isRoute) register(member.object, path16, call);
    }
    for (const list of spec.routeLists ?? []) {
      for (const call of summary.calls) {
        const object = list.method === null ? objects.get(objectKey(path16, call)) : onObject.get(call.id)?.member.method === list.method ? onObject.get(call.id).object : void 0;
        if (!object) continue;
        const tuples = tupleItems(call, list.position, list.keyword);
        if (tuples > 0) register(object, path16, call, tuples);
      }
    }
    const functions = spec.routeFunctions;
    if (!functions) continue;
    for (const call of summary.calls) {
      if (!call.callee || call.calleeIsLocal || !functions.callees.includes(call.callee)) continue;
      if (functions.placement === "decorator" && call.placement.kind !== "decorator") continue;
      if (functions.placement === "call" && call.placement.kind === "decorator") continue;
      const around = summary.calls.filter((c) => spanWithin(call.span, c.span)).sort((a, b) => b.span.line - a.span.line || b.span.column - a.span.column);
      let owner;
      for (const container of around) {
        owner = objects.get(objectKey(path16, container)) ?? (onObject.get(container.id) ?? memberOnObject(ctx, path16, container, objects))?.object;
        if (owner) break;
      }
      if (owner) register(owner, path16, call);
      else loose.set(path16, [...loose.get(path16) ?? [], call]);
    }
  }
  for (const use of wrappedDecoratorUses(spec, ctx, objects)) {
    if (use.wrapped.object) register(use.wrapped.object, use.path, use.call);
    else loose.set(use.path, [...loose.get(use.path) ?? [], use.call]);
  }
  for (const [path16, calls] of loose) {
    const local = [...objects.values()].find((o) => o.path === path16);
    if (!local) continue;
    for (const call of calls) register(local, path16, call);
    loose.delete(path16);
  }
  return { objects: [...objects.values()], registrations, loose };
}
function objectEntries(spec, ctx, analysis) {
  const entries = [];
  for (const object of analysis.objects) {
    const sites = analysis.registrations.get(objectKey(object.path, object.call)) ?? /* @__PURE__ */ new Map();
    const unit = object.kind.unit ?? DEFAULT_UNIT;
    const name = boundNameOf(object.call);
    const named = name ? ` \`${name}\`` : "";
    const here = sites.get(object.path)?.count ?? 0;
    if (object.kind.standalone || here > 0) {
      const factory = object.call.scope.kind === "function" ? ` (built in \`${object.call.scope.function}()\`)` : "";
      entries.push({
        path: object.path,
        framework: spec.framework,
        kind: object.kind.kind,
        description: `${object.kind.noun}${named}${factory}${here ? ` with ${counted(here, unit)}` : ""}`,
        evidence: evidenceOf(object.call),
        routes: here
      });
    }
    for (const [path16, site] of sites) {
      if (path16 === object.path) continue;
      const noun = spec.remoteNoun ?? `${object.kind.noun}${named} (from \`${ctx.moduleName(object.path)}\`)`;
      entries.push({
        path: path16,
        framework: spec.framework,
        kind: "routes",
        description: `${noun} with ${counted(site.count, unit)}`,
        evidence: evidenceOf(site.first),
        routes: site.count
      });
    }
  }
  for (const [path16, calls] of analysis.loose) {
    const functions = spec.routeFunctions;
    const first = [...calls].sort((a, b) => a.span.line - b.span.line || a.span.column - b.span.column)[0];
    const target = /^([A-Za-z_]\w*)\s*(?::[^=]*)?=[^=]/.exec(first.statementText)?.[1];
    const named = target && calls.every((c) => c.statementText === first.statementText) ? ` \`${target}\`` : "";
    entries.push({
      path: path16,
      framework: spec.framework,
      kind: "routes",
      description: `${functions.noun}${named} with ${counted(calls.length, functions.unit ?? DEFAULT_UNIT)}`,
      evidence: evidenceOf(first),
      routes: calls.length
    });
  }
  return entries;
}
function detectObjectFramework(spec, ctx) {
  return objectEntries(spec, ctx, analyzeObjects(spec, ctx));
}
function objectKindOf(spec, call, path16, ctx) {
  if (!call.callee) return void 0;
  const direct = call.calleeIsLocal ? void 0 : spec.objects.find((k) => k.callees.includes(call.callee));
  if (direct) return direct;
  for (const base of ctx.externalBasesOf(path16, call)) {
    const kind = spec.objects.find((k) => k.callees.includes(base));
    if (kind) return kind;
  }
  return void 0;
}
function callsOnObjects(ctx, objects, methods) {
  const byKey = new Map(objects.map((o) => [objectKey(o.path, o.call), o]));
  const wanted = new Set(methods.map(lastSegment));
  const found = [];
  if (objects.length === 0) return found;
  const active = ctx.modulesCalling({ onObjects: wanted });
  const holding = new Set(objects.map((o) => o.path));
  for (const [path16, summary] of ctx.summaries) {
    if (!active.has(path16)) continue;
    if (!holding.has(path16) && !callsByProjectName(ctx, summary, wanted)) continue;
    for (const call of summary.calls) {
      const member = memberOnObject(ctx, path16, call, byKey, wanted);
      if (member && methods.includes(member.member.method)) found.push({ path: path16, call, object: member.object, method: member.member.method });
    }
  }
  return found;
}
var MAX_WRAPPER_DEPTH = 3;
function wrappedDecoratorUses(spec, ctx, objects) {
  const wrappers = /* @__PURE__ */ new Map();
  const decoratorMethods = new Set(spec.routeDecorators.map(lastSegment));
  const functions = spec.routeFunctions && spec.routeFunctions.placement !== "call" ? spec.routeFunctions.callees : [];
  const holding = new Set([...objects.values()].map((o) => o.path));
  for (const [path16, summary] of ctx.summaries) {
    const bodies = bodyCallsOf(summary);
    if (!bodies.callees.some((c) => functions.includes(c)) && !(objects.size > 0 && mayCallOnObject(ctx, bodies, decoratorMethods, holding.has(path16)))) continue;
    for (const call of summary.calls) {
      if (call.scope.kind !== "function") continue;
      let wrapped;
      if (call.callee && !call.calleeIsLocal && functions.includes(call.callee)) wrapped = {};
      else if (objects.size > 0 && decoratorMethods.size > 0) {
        const member = memberOnObject(ctx, path16, call, objects, decoratorMethods);
        if (member && spec.routeDecorators.includes(member.member.method)) wrapped = { object: member.object };
      }
      const key = wrapped && enclosingFunction(ctx, path16, call);
      if (key && !wrappers.has(key)) wrappers.set(key, wrapped);
    }
  }
  if (wrappers.size === 0) return [];
  const eachWrapperCall = (visit2) => {
    const names = new Set([...wrappers.keys()].map((key) => key.slice(key.lastIndexOf("::") + 2)));
    const named = (callee) => names.has(lastSegment(callee));
    for (const [path16, summary] of ctx.summaries) {
      const bodies = bodyCallsOf(summary);
      if (!callsOutsideFunctions(summary).some((c) => c.callee !== void 0 && named(c.callee)) && !bodies.callees.some(named) && !bodies.localCallees.some(named)) continue;
      for (const call of summary.calls) {
        if (!call.callee || !names.has(lastSegment(call.callee))) continue;
        const called = functionCalled(ctx, path16, call);
        const wrapped = called ? wrappers.get(called) : void 0;
        if (wrapped) visit2(path16, call, wrapped);
      }
    }
  };
  for (let depth = 0, grew = true; grew && depth < MAX_WRAPPER_DEPTH; depth++) {
    grew = false;
    eachWrapperCall((path16, call, wrapped) => {
      const key = enclosingFunction(ctx, path16, call);
      if (key && !wrappers.has(key)) {
        wrappers.set(key, wrapped);
        grew = true;
      }
    });
  }
  const uses = [];
  eachWrapperCall((path16, call, wrapped) => {
    if (call.placement.kind === "decorator") uses.push({ path: path16, call, wrapped });
  });
  return uses;
}
function mayCallOnObject(ctx, bodies, methods, holdsObject) {
  if (!bodies.inModuleFunctions.some((name) => methods.has(name))) return false;
  for (const member of ctx.membersOnProjectObjects(bodies, holdsObject)) if (methods.has(member)) return true;
  return false;
}
function callsByProjectName(ctx, summary, methods) {
  const named = (callee) => {
    const member = ctx.memberOnProjectName(callee);
    return member !== void 0 && methods.has(member);
  };
  return callsOutsideFunctions(summary).some((c) => c.callee !== void 0 && !c.calleeIsLocal && named(c.callee)) || bodyCallsOf(summary).callees.some(named);
}
function enclosingFunction(ctx, path16, call) {
  if (call.scope.kind !== "function") return void 0;
  const outer = call.scope.function.split(".")[0];
  return summaryLookup(ctx.summaries.get(path16)).functionLine(outer) !== void 0 ? `${path16}::${outer}` : void 0;
}
function functionCalled(ctx, path16, call) {
  if (call.calleeIsLocal) return summaryLookup(ctx.summaries.get(path16)).functionLine(call.callee) !== void 0 ? `${path16}::${call.callee}` : void 0;
  const ref = ctx.project.calls.resolveQualified(path16, call.callee, 0);
  return ref?.kind === "function" ? `${ref.path}::${ref.qualname}` : void 0;
}
function memberOnObject(ctx, path16, call, objects, lastSegments) {
  if (objects.size === 0) return void 0;
  const name = memberName(call);
  if (name === void 0 || lastSegments && !lastSegments.has(name)) return void 0;
  const member = ctx.memberCall(path16, call);
  if (!member) return void 0;
  const object = objects.get(objectKey(member.object.path, member.object.call));
  return object ? { object, member } : void 0;
}
function tupleItems(call, position, keyword) {
  const arg = argumentOf(call, position, keyword);
  if (!arg) return 0;
  const literal = parsePythonLiteral(arg.text);
  return literal.kind === "list" || literal.kind === "tuple" ? literal.items.filter((i) => i.kind === "tuple").length : 0;
}

// src/entries/frameworks/web.ts
var HTTP_VERBS = ["get", "post", "put", "patch", "delete", "head", "options"];
var FLASK = {
  framework: "Flask",
  objects: [
    { callees: ["flask.Flask", "flask.app.Flask"], kind: "app", noun: "Flask app", standalone: true },
    { callees: ["flask.Blueprint", "flask.blueprints.Blueprint"], kind: "routes", noun: "Flask blueprint" },
    { callees: ["flask_restful.Api"], kind: "routes", noun: "Flask-RESTful API", unit: ["resource", "resources"] },
    { callees: ["flask_smorest.Blueprint", "flask_smorest.blueprint.Blueprint"], kind: "routes", noun: "flask-smorest blueprint" }
  ],
  // `resource` is Flask-RESTful's `@api.resource("/todos")`.
  routeDecorators: ["route", "get", "post", "put", "patch", "delete", "resource"],
  routeCalls: ["add_url_rule", "add_resource"]
};
var FASTAPI = {
  framework: "FastAPI",
  objects: [
    { callees: ["fastapi.FastAPI", "fastapi.applications.FastAPI"], kind: "app", noun: "FastAPI app", standalone: true },
    { callees: ["fastapi.APIRouter", "fastapi.routing.APIRouter"], kind: "routes", noun: "FastAPI router" }
  ],
  routeDecorators: [...HTTP_VERBS, "trace", "api_route", "websocket", "route", "websocket_route"],
  routeCalls: ["add_api_route", "add_api_websocket_route", "add_route", "add_websocket_route", "mount", "host"]
};
var STARLETTE = {
  framework: "Starlette",
  objects: [
    { callees: ["starlette.applications.Starlette"], kind: "app", noun: "Starlette app", standalone: true },
    { callees: ["starlette.routing.Router"], kind: "routes", noun: "Starlette router" }
  ],
  routeDecorators: [],
  routeCalls: ["add_route", "add_websocket_route", "mount", "host", "router.add_route", "router.add_websocket_route"],
  routeFunctions: {
    callees: ["starlette.routing.Route", "starlette.routing.WebSocketRoute", "starlette.routing.Mount", "starlette.routing.Host"],
    placement: "call",
    noun: "Starlette route list"
  }
};
var AIOHTTP = {
  framework: "aiohttp",
  objects: [
    { callees: ["aiohttp.web.Application", "aiohttp.web_app.Application"], kind: "app", noun: "aiohttp app", standalone: true },
    { callees: ["aiohttp.web.RouteTableDef", "aiohttp.web_routedef.RouteTableDef"], kind: "routes", noun: "aiohttp route table" }
  ],
  routeDecorators: [...HTTP_VERBS, "route", "view"],
  routeCalls: [
    "static",
    ...[...HTTP_VERBS, "route", "view", "static"].map((m) => `router.add_${m}`)
  ],
  // `app.add_routes([web.get("/", handler), web.view("/v", View)])`.
  routeFunctions: {
    callees: [...HTTP_VERBS, "route", "view", "static"].flatMap((m) => [`aiohttp.web.${m}`, `aiohttp.web_routedef.${m}`]),
    placement: "call",
    noun: "aiohttp route definitions"
  }
};
var SANIC = {
  framework: "Sanic",
  objects: [
    { callees: ["sanic.Sanic", "sanic.app.Sanic"], kind: "app", noun: "Sanic app", standalone: true },
    { callees: ["sanic.Blueprint", "sanic.blueprints.Blueprint"], kind: "routes", noun: "Sanic blueprint" }
  ],
  routeDecorators: ["route", ...HTTP_VERBS, "websocket"],
  routeCalls: ["add_route", "add_websocket_route", "static"]
};
var QUART = {
  framework: "Quart",
  objects: [
    { callees: ["quart.Quart", "quart.app.Quart"], kind: "app", noun: "Quart app", standalone: true },
    { callees: ["quart.Blueprint", "quart.blueprints.Blueprint"], kind: "routes", noun: "Quart blueprint" }
  ],
  routeDecorators: ["route", "get", "post", "put", "patch", "delete", "websocket"],
  routeCalls: ["add_url_rule", "add_websocket"]
};
var LITESTAR = {
  framework: "Litestar",
  objects: [
    { callees: ["litestar.Litestar", "litestar.app.Litestar"], kind: "app", noun: "Litestar app", standalone: true },
    { callees: ["litestar.Router", "litestar.router.Router"], kind: "routes", noun: "Litestar router" }
  ],
  routeDecorators: [],
  // `app.register(handler)` adds a handler whose own decorator is counted where it is written.
  routeCalls: [],
  routeFunctions: {
    callees: [...HTTP_VERBS, "route", "websocket", "websocket_listener", "websocket_stream"].flatMap((m) => [`litestar.${m}`, `litestar.handlers.${m}`]),
    placement: "decorator",
    noun: "Litestar route handlers"
  }
};
var FALCON = {
  framework: "Falcon",
  objects: [{ callees: ["falcon.App", "falcon.API", "falcon.app.App", "falcon.asgi.App", "falcon.asgi.app.App"], kind: "app", noun: "Falcon app", standalone: true }],
  routeDecorators: [],
  routeCalls: ["add_route", "add_sink", "add_static_route"]
};
var BOTTLE = {
  framework: "Bottle",
  objects: [
    { callees: ["bottle.Bottle"], kind: "app", noun: "Bottle app", standalone: true },
    { callees: ["bottle.default_app", "bottle.app"], kind: "app", noun: "Bottle default app", standalone: true }
  ],
  routeDecorators: ["route", "get", "post", "put", "patch", "delete"],
  routeCalls: ["route"],
  routeFunctions: {
    callees: ["route", "get", "post", "put", "patch", "delete"].map((m) => `bottle.${m}`),
    placement: "decorator",
    noun: "Bottle default-app routes"
  }
};
var TORNADO = {
  framework: "Tornado",
  objects: [
    { callees: ["tornado.web.Application"], kind: "app", noun: "Tornado app", standalone: true },
    { callees: ["tornado.routing.RuleRouter", "tornado.routing.ReversibleRuleRouter"], kind: "app", noun: "Tornado rule router", standalone: true }
  ],
  routeDecorators: [],
  routeCalls: [],
  routeLists: [
    { method: null, position: 0, keyword: "handlers" },
    { method: "add_handlers", position: 1, keyword: "host_handlers" },
    { method: "add_rules", position: 0, keyword: "rules" }
  ],
  routeFunctions: {
    callees: ["tornado.web.url", "tornado.web.URLSpec", "tornado.routing.URLSpec", "tornado.routing.Rule"],
    placement: "call",
    noun: "Tornado URL list"
  }
};
var DRF = {
  framework: "Django",
  objects: [
    {
      callees: ["rest_framework.routers.DefaultRouter", "rest_framework.routers.SimpleRouter"],
      kind: "routes",
      noun: "DRF router",
      unit: ["viewset", "viewsets"]
    }
  ],
  routeDecorators: [],
  routeCalls: ["register"]
};

// src/entries/frameworks/aiohttp.ts
var DISPATCHER_METHODS = ["get", "post", "put", "patch", "delete", "head", "options", "view", "static", "route"];
var DISPATCHER_CALL = new RegExp(`(?:^|\\.)router\\.add_(${DISPATCHER_METHODS.join("|")})$`);
function detectAiohttp(ctx) {
  const analysis = analyzeObjects(AIOHTTP, ctx);
  const entries = objectEntries(AIOHTTP, ctx, analysis);
  const known = new Set(analysis.objects.map((o) => objectKey(o.path, o.call)));
  const registering = ctx.modulesCalling({ members: DISPATCHER_METHODS.map((m) => `add_${m}`) });
  for (const [path16, summary] of ctx.summaries) {
    if (!registering.has(path16)) continue;
    const importsAiohttp = summary.imports.some((r) => r.module === "aiohttp" || r.module.startsWith("aiohttp."));
    const calls = summary.calls.filter((call) => {
      const method = DISPATCHER_CALL.exec(call.calleeText)?.[1];
      if (!method || method === "route" && !importsAiohttp) return false;
      const member = ctx.memberCall(path16, call);
      return !member || !known.has(objectKey(member.object.path, member.object.call));
    });
    if (calls.length > 0) entries.push(parameterRoutes(path16, calls));
  }
  return entries;
}
function parameterRoutes(path16, calls) {
  const first = calls[0];
  const functions = new Set(calls.map((c) => c.scope.kind === "function" ? c.scope.function : ""));
  const [only] = functions;
  const where = functions.size === 1 && only ? ` (registered in \`${only}()\`)` : "";
  return {
    path: path16,
    framework: AIOHTTP.framework,
    kind: "routes",
    description: `aiohttp router routes${where} with ${counted(calls.length, ["route", "routes"])}`,
    evidence: evidenceOf(first),
    routes: calls.length
  };
}

// src/entries/frameworks/django.ts
import { posix } from "node:path";

// src/entries/frameworks/pythonGlob.ts
var MAGIC = /[*?[]/;
function pythonGlobMatcher(pattern) {
  const parts = pattern.split("/").map((part) => MAGIC.test(part) ? componentTest(part) : part);
  return (path16) => {
    const names = path16.split("/");
    if (names.length !== parts.length) return false;
    return parts.every((part, i) => typeof part === "string" ? part === names[i] : part(names[i]));
  };
}
function componentTest(part) {
  let regex;
  try {
    regex = new RegExp(`^(?:${translate(part)})$`, "s");
  } catch {
    return () => false;
  }
  const hiddenToo = part.startsWith(".");
  return (name) => (hiddenToo || !name.startsWith(".")) && regex.test(name);
}
function translate(pattern) {
  let out = "";
  const n = pattern.length;
  let i = 0;
  while (i < n) {
    const c = pattern[i];
    i += 1;
    if (c === "*") {
      if (!out.endsWith(".*")) out += ".*";
    } else if (c === "?") out += ".";
    else if (c === "[") {
      let j = i;
      if (j < n && pattern[j] === "!") j += 1;
      if (j < n && pattern[j] === "]") j += 1;
      while (j < n && pattern[j] !== "]") j += 1;
      if (j >= n) {
        out += "\\[";
        continue;
      }
      let stuff;
      if (!pattern.slice(i, j).includes("-")) stuff = pattern.slice(i, j).replace(/\\/g, "\\\\");
      else {
        const chunks = [];
        let start = i;
        let k = pattern[i] === "!" ? i + 2 : i + 1;
        for (; ; ) {
          k = pattern.indexOf("-", k);
          if (k < 0 || k >= j) break;
          chunks.push(pattern.slice(start, k));
          start = k + 1;
          k += 3;
        }
        const chunk = pattern.slice(start, j);
        if (chunk) chunks.push(chunk);
        else chunks[chunks.length - 1] += "-";
        for (let m = chunks.length - 1; m > 0; m--) {
          if (chunks[m - 1].slice(-1) > chunks[m][0]) {
            chunks[m - 1] = chunks[m - 1].slice(0, -1) + chunks[m].slice(1);
            chunks.splice(m, 1);
          }
        }
        stuff = chunks.map((s) => s.replace(/\\/g, "\\\\").replace(/-/g, "\\-")).join("-");
      }
      stuff = stuff.replace(/([&~|])/g, "\\$1");
      i = j + 1;
      if (!stuff) out += "(?!)";
      else if (stuff === "!") out += ".";
      else {
        if (stuff[0] === "!") stuff = `^${stuff.slice(1).replace(/[[\]]/g, "\\$&")}`;
        else stuff = (stuff[0] === "^" ? `\\${stuff}` : stuff).replace(/[[\]]/g, "\\$&");
        out += `[${stuff}]`;
      }
    } else out += c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  }
  return out;
}

// src/entries/frameworks/django.ts
var PATH_FUNCTIONS = ["django.urls.path", "django.urls.re_path", "django.urls.conf.path", "django.urls.conf.re_path", "django.conf.urls.url", "django.conf.urls.re_path"];
var INCLUDE_FUNCTIONS = ["django.urls.include", "django.urls.conf.include", "django.conf.urls.include"];
var APP_CONFIG_BASES = ["django.apps.AppConfig", "django.apps.config.AppConfig"];
var ADMIN_APPS = ["django.contrib.admin", "django.contrib.admin.apps.AdminConfig"];
var SETTINGS_NAMES = ["ROOT_URLCONF", "INSTALLED_APPS"];
var SPLIT_SETTINGS_INCLUDE = ["split_settings.tools.include"];
var WSGI_FUNCTIONS = ["django.core.wsgi.get_wsgi_application", "configurations.wsgi.get_wsgi_application"];
var ASGI_FUNCTIONS = ["django.core.asgi.get_asgi_application", "configurations.asgi.get_asgi_application"];
function detectDjango(ctx) {
  const entries = [];
  const add = (entry) => {
    if (!entries.some((e) => e.path === entry.path && e.description === entry.description)) entries.push(entry);
  };
  const settings = settingsModules(ctx);
  for (const module of settings) {
    const defining = ["ROOT_URLCONF", "INSTALLED_APPS"].map((n) => module.values.get(n)).find((v) => v?.site.path === module.path);
    const notes = settingsNotes(ctx, module);
    add({
      path: module.path,
      framework: "Django",
      kind: "app",
      description: `${module.configure ? "Django settings (`settings.configure()`)" : "Django settings"}${notes.length ? ` (${notes.join("; ")})` : ""}`,
      evidence: module.configure ? evidenceOf(module.configure) : defining ? siteEvidence(defining.site) : module.included[0] ? siteEvidence(module.included[0].site) : moduleEvidence(ctx.moduleName(module.path)),
      routes: 0,
      ...module.namedBy ? { registeredBy: module.namedBy } : {}
    });
    for (const { path: path16, site } of module.included) {
      const included = ctx.module(path16);
      if (!included) continue;
      add({
        path: path16,
        framework: "Django",
        kind: "app",
        description: `Django settings file included by \`${ctx.moduleName(module.path)}\``,
        evidence: moduleEvidence(included.name),
        routes: 0,
        registeredBy: site
      });
    }
  }
  for (const entry of [...appEntries(ctx, settings), ...middlewareEntries(ctx, settings), ...urlconfEntries(ctx, settings), ...serverEntries(ctx)]) add(entry);
  for (const entry of detectObjectFramework(DRF, ctx)) add(entry);
  return entries;
}
function installedApps(ctx) {
  return projectApps(ctx, settingsModules(ctx)).map(({ name, site }) => ({ name, ...site ? { site } : {} }));
}
function settingsModules(ctx) {
  const named = /* @__PURE__ */ new Map();
  for (const { value, site } of environmentDefaults(ctx, "DJANGO_SETTINGS_MODULE")) {
    const module = ctx.lookup(value, site.path);
    if (module && !named.has(module.path)) named.set(module.path, site);
  }
  if (named.size === 0) {
    const candidates = [...ctx.summaries.keys()].filter((path16) => definesSettings(ctx, path16));
    const included = new Set(candidates.flatMap((path16) => readSettings(ctx, path16).included.map((i) => i.path)));
    for (const path16 of candidates) if (!included.has(path16)) named.set(path16, void 0);
  }
  const configurations = environmentDefaults(ctx, "DJANGO_CONFIGURATION");
  const modules = [];
  for (const [path16, namedBy] of named) {
    const by = namedBy ? { namedBy } : {};
    const classes = configurations.filter((c) => ctx.summaries.get(path16)?.classes.some((k) => k.name === c.value));
    if (classes.length === 0) modules.push({ path: path16, ...by, ...readSettings(ctx, path16) });
    for (const { value, site } of classes) modules.push({ path: path16, namedBy: site, configuration: value, ...readSettings(ctx, path16, value) });
  }
  for (const [path16, summary] of ctx.summaries) {
    const configure = callsOutsideFunctions(summary).find((c) => c.callee === "django.conf.settings.configure" && c.scope.kind === "module");
    if (!configure || modules.some((m) => m.path === path16)) continue;
    const values = /* @__PURE__ */ new Map();
    const site = siteOf(path16, configure);
    for (const arg of configure.args) {
      if (!arg.keyword) continue;
      const strings = argumentStrings(configure, void 0, arg.keyword);
      if (strings) values.set(arg.keyword, { value: typeof arg.literal === "string" ? arg.literal : strings.map((value) => ({ value, site })), site, unread: [] });
    }
    modules.push({ path: path16, configure, values, bound: new Set(values.keys()), followed: true, included: [] });
  }
  return modules.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}
function environmentDefaults(ctx, key) {
  const found = [];
  const setting = ctx.modulesCalling({ callees: ["os.environ.setdefault"] });
  for (const [path16, summary] of ctx.summaries) {
    if (!setting.has(path16)) continue;
    for (const call of summary.calls) {
      if (call.callee !== "os.environ.setdefault" || argumentOf(call, 0)?.literal !== key) continue;
      const value = argumentOf(call, 1)?.literal;
      if (typeof value === "string" && !found.some((f) => f.value === value)) found.push({ value, site: siteOf(path16, call) });
    }
  }
  return found;
}
function definesSettings(ctx, path16) {
  const summary = ctx.summaries.get(path16);
  const setting = (name) => SETTINGS_NAMES.includes(name.slice(name.lastIndexOf(".") + 1));
  return summary.definedNames.some((n) => SETTINGS_NAMES.includes(n)) || summary.assignments.some((a) => setting(a.name)) || callsOutsideFunctions(summary).some((c) => c.scope.kind === "module" && c.callee !== void 0 && SPLIT_SETTINGS_INCLUDE.includes(c.callee));
}
function readSettings(ctx, path16, configuration) {
  const read = { values: /* @__PURE__ */ new Map(), bound: /* @__PURE__ */ new Set(), followed: true, included: [] };
  const seen = /* @__PURE__ */ new Set();
  let classLoaded = configuration !== void 0;
  const run = (modulePath) => {
    if (seen.has(modulePath)) return;
    seen.add(modulePath);
    const summary2 = ctx.summaries.get(modulePath);
    if (!summary2) {
      read.followed = false;
      return;
    }
    for (const name of summary2.definedNames) read.bound.add(name);
    const steps = [];
    for (const resolved of ctx.project.resolved.get(modulePath) ?? []) {
      const target = resolved.record.star && resolved.record.scope.kind === "module" ? resolved.executes.find((e) => e.reason === "module") : void 0;
      if (target) steps.push({ span: resolved.record.span, apply: () => run(target.module.path) });
    }
    for (const a of summary2.assignments) {
      if (!a.name.includes(".")) steps.push({ span: a.span, apply: () => assign(ctx, read, a, modulePath, a.name) });
    }
    for (const call of callsOutsideFunctions(summary2)) {
      if (call.scope.kind !== "module") continue;
      if (call.callee && SPLIT_SETTINGS_INCLUDE.includes(call.callee)) {
        steps.push({
          span: call.span,
          apply: () => {
            const { files, missing } = includedFiles(ctx, modulePath, call);
            if (missing) read.followed = false;
            for (const file of files) {
              read.included.push({ path: file, site: siteOf(modulePath, call) });
              run(file);
            }
          }
        });
        continue;
      }
      const changed = listChange(call);
      if (changed) {
        steps.push({ span: call.span, apply: () => assign(ctx, read, changed, modulePath, changed.name) });
        continue;
      }
      const loader = /^([A-Za-z_]\w*)\.\w+$/.exec(call.calleeText)?.[1];
      const loaded = loader && call.args.some((a) => a.text === "__name__") ? classNamed(ctx, modulePath, loader) : void 0;
      if (loaded) {
        classLoaded = true;
        steps.push({ span: call.span, apply: () => loadClass(ctx, read, loaded) });
      }
    }
    steps.sort((a, b) => a.span.line - b.span.line || a.span.column - b.span.column);
    for (const step of steps) step.apply();
  };
  run(path16);
  if (configuration) loadClass(ctx, read, { path: path16, name: configuration });
  const summary = ctx.summaries.get(path16);
  if (!classLoaded && summary?.classes.some((c) => classAttributes(ctx, { path: path16, name: c.name }).some((a) => SETTINGS_NAMES.includes(a.name)))) read.followed = false;
  return read;
}
function assign(ctx, read, a, path16, name) {
  const site = { path: path16, line: a.span.line, column: a.span.column, text: a.statementText };
  if (typeof a.value === "string" && !a.extends) {
    read.values.set(name, { value: a.value, site, unread: [] });
    return;
  }
  const items = (typeof a.value === "string" ? [a.value] : a.value).map((value) => ({ value, site }));
  const unread = [];
  for (const text of a.unread ?? []) {
    const known = partValue(ctx, read, path16, text);
    if (known && typeof known.value !== "string") {
      items.push(...known.value);
      unread.push(...known.unread);
    } else unread.push({ text, site });
  }
  const before = a.extends ? read.values.get(name) : void 0;
  if (a.extends && !before) unread.unshift({ text: name, site });
  const priorItems = before && typeof before.value !== "string" ? before.value : [];
  read.values.set(name, { value: [...priorItems, ...items], site: before?.site ?? site, unread: [...before?.unread ?? [], ...unread] });
}
function partValue(ctx, read, path16, text) {
  const [, owner, name] = /^\*?\s*(?:([A-Za-z_]\w*)\.)?([A-Za-z_]\w*)$/.exec(text) ?? [];
  if (!name) return void 0;
  if (!owner) return read.values.get(name);
  const cls = classNamed(ctx, path16, owner);
  if (!cls) return void 0;
  const attributes = { values: /* @__PURE__ */ new Map(), bound: /* @__PURE__ */ new Set(), followed: true, included: [] };
  loadClass(ctx, attributes, cls);
  return attributes.values.get(name);
}
function listChange(call) {
  const match = /^([A-Z][A-Z0-9_]*)\.(append|extend|insert)$/.exec(call.calleeText);
  if (!match) return void 0;
  const arg = call.args.filter((a) => !a.keyword)[match[2] === "insert" ? 1 : 0];
  if (!arg) return void 0;
  const literal = parsePythonLiteral(arg.text);
  const spread = match[2] === "extend";
  const items = spread && (literal.kind === "list" || literal.kind === "tuple") ? literal.items : [literal];
  const value = [];
  const unread = [];
  for (const item of items) {
    if (item.kind === "string") value.push(item.value);
    else unread.push(item === literal && spread ? `*${arg.text.trim()}` : item.kind === "other" ? item.text : arg.text.trim());
  }
  return { name: match[1], value, ...unread.length ? { unread } : {}, extends: true, span: call.span, statementText: call.statementText };
}
function classAttributes(ctx, cls, seen = /* @__PURE__ */ new Set()) {
  const key = `${cls.path}::${cls.name}`;
  if (seen.has(key)) return [];
  seen.add(key);
  const summary = ctx.summaries.get(cls.path);
  const record2 = summary?.classes.find((c) => c.name === cls.name && c.scope.kind === "module");
  if (!summary || !record2) return [];
  const inherited = [...record2.bases].reverse().flatMap((base) => {
    const found = classNamed(ctx, cls.path, base);
    return found ? classAttributes(ctx, found, seen) : [];
  });
  const prefix = `${cls.name}.`;
  const own = summary.assignments.filter((a) => a.name.startsWith(prefix) && !a.name.slice(prefix.length).includes(".")).map((assignment) => ({ name: assignment.name.slice(prefix.length), assignment, path: cls.path }));
  return [...inherited, ...own];
}
function loadClass(ctx, read, cls) {
  for (const { name, assignment, path: path16 } of classAttributes(ctx, cls)) assign(ctx, read, assignment, path16, name);
}
function classNamed(ctx, path16, dotted) {
  if (ctx.summaries.get(path16)?.classes.some((c) => c.name === dotted)) return { path: path16, name: dotted };
  const qualified = dotted.startsWith(".") || dotted.includes(".") ? dotted : ctx.qualifyName(path16, dotted);
  const absolute = qualified ? ctx.absoluteName(path16, qualified) : void 0;
  const dot = absolute?.lastIndexOf(".") ?? -1;
  const module = absolute && dot > 0 ? ctx.lookup(absolute.slice(0, dot), path16) : void 0;
  const name = absolute?.slice(dot + 1);
  return module && name && ctx.summaries.get(module.path)?.classes.some((c) => c.name === name) ? { path: module.path, name } : void 0;
}
function includedFiles(ctx, path16, call) {
  const files = [];
  let missing = false;
  for (const arg of call.args) {
    if (arg.keyword) continue;
    const optional = /^(?:\w+\.)*optional\(([\s\S]*)\)$/.exec(arg.text.trim());
    const literal = parsePythonLiteral(optional ? optional[1] : arg.text);
    if (literal.kind !== "string") {
      missing = true;
      continue;
    }
    const pattern = posix.normalize(posix.join(posix.dirname(path16), literal.value));
    const glob = /[*?[]/.test(literal.value) ? pythonGlobMatcher(pattern) : void 0;
    const matched = glob ? [...ctx.summaries.keys()].filter(glob).sort() : ctx.summaries.has(pattern) ? [pattern] : [];
    if (matched.length === 0 && !optional) missing = true;
    for (const file of matched) if (!files.includes(file)) files.push(file);
  }
  return { files, missing };
}
function unknownSetting(settings, name) {
  return !settings.values.has(name) && (settings.bound.has(name) || !settings.followed);
}
function settingsNotes(ctx, settings) {
  const notes = [];
  if (settings.configuration) notes.push(`configuration \`${settings.configuration}\``);
  const apps = settings.values.get("INSTALLED_APPS");
  for (const { text, site } of apps?.unread ?? []) {
    notes.push(`INSTALLED_APPS also holds \`${text}\` (${site.path === settings.path ? "line " : `${site.path}:`}${site.line}), not read`);
  }
  if (unknownSetting(settings, "INSTALLED_APPS")) notes.push("INSTALLED_APPS not read, the packages with an AppConfig or models assumed");
  if (unknownSetting(settings, "ROOT_URLCONF")) {
    const assumed = conventionalUrlconf(ctx, settings.path);
    notes.push(`ROOT_URLCONF not read${assumed ? `, \`${assumed.name}\` assumed` : ""}`);
  }
  return notes;
}
function stringValue(settings, name) {
  const setting = settings.values.get(name);
  return setting && typeof setting.value === "string" ? { value: setting.value, site: setting.site } : void 0;
}
function listValue(settings, name) {
  const setting = settings.values.get(name);
  if (!setting) return void 0;
  return { items: typeof setting.value === "string" ? [{ value: setting.value, site: setting.site }] : setting.value, site: setting.site };
}
function projectApps(ctx, settings) {
  const apps = /* @__PURE__ */ new Map();
  for (const module of settings) {
    for (const { value, site } of listValue(module, "INSTALLED_APPS")?.items ?? []) {
      const app = appOf(ctx, value, site.path);
      if (app && !apps.has(app.name)) apps.set(app.name, { ...app, site: { ...site, text: `INSTALLED_APPS names "${value}"` } });
    }
  }
  if (settings.length > 0 && !settings.some((s) => unknownSetting(s, "INSTALLED_APPS"))) return [...apps.values()];
  for (const module of ctx.project.index.entries()) {
    const last = module.name.split(".").pop();
    if (last !== "apps" && last !== "models") continue;
    const summary = ctx.summaries.get(module.path);
    const base = last === "apps" ? APP_CONFIG_BASES : void 0;
    const looksLikeApp = summary?.classes.some((c) => c.bases.some((b) => base ? base.includes(b) : b.startsWith("django.db.models.")));
    const name = module.name.split(".").slice(0, -1).join(".");
    if (looksLikeApp && name && !apps.has(name)) apps.set(name, { name });
  }
  return [...apps.values()].sort((a, b) => Number(!a.site) - Number(!b.site) || (a.name < b.name ? -1 : 1));
}
function appOf(ctx, entry, settingsPath) {
  const module = ctx.lookup(entry, settingsPath);
  if (module) return { name: entry };
  const dot = entry.lastIndexOf(".");
  if (dot < 0) return void 0;
  const configModule = ctx.lookup(entry.slice(0, dot), settingsPath);
  if (!configModule) return void 0;
  const className = entry.slice(dot + 1);
  const declared = ctx.assignments(configModule.path)?.find((a) => a.name === `${className}.name`);
  const name = typeof declared?.value === "string" ? declared.value : configModule.name.split(".").slice(0, -1).join(".") || configModule.name;
  return { name, configModule };
}
function appEntries(ctx, settings) {
  const entries = [];
  const adminInstalled = settings.length === 0 || settings.some((s) => unknownSetting(s, "INSTALLED_APPS") || listValue(s, "INSTALLED_APPS")?.items.some((i) => ADMIN_APPS.includes(i.value)));
  for (const app of projectApps(ctx, settings)) {
    const anchor = app.site?.path;
    const loaded = [];
    const config = app.configModule ?? ctx.lookup(`${app.name}.apps`, anchor);
    if (config) loaded.push({ module: config, description: `AppConfig of Django app \`${app.name}\`` });
    const models = ctx.lookup(`${app.name}.models`, anchor);
    if (models) loaded.push({ module: models, description: `models of Django app \`${app.name}\`` });
    const admin = adminInstalled ? ctx.lookup(`${app.name}.admin`, anchor) : void 0;
    if (admin) loaded.push({ module: admin, description: `admin of Django app \`${app.name}\`` });
    const itself = ctx.lookup(app.name, anchor);
    if (loaded.length === 0 && itself) loaded.push({ module: itself, description: `Django app \`${app.name}\`` });
    for (const { module, description } of loaded) {
      entries.push({
        path: module.path,
        framework: "Django",
        kind: "app",
        description,
        evidence: moduleEvidence(module.name),
        routes: 0,
        ...app.site ? { registeredBy: app.site } : {}
      });
    }
  }
  return entries;
}
function middlewareEntries(ctx, settings) {
  const entries = [];
  for (const module of settings) {
    const middleware = listValue(module, "MIDDLEWARE") ?? listValue(module, "MIDDLEWARE_CLASSES");
    for (const { value: dotted, site } of middleware?.items ?? []) {
      const dot = dotted.lastIndexOf(".");
      const target = dot > 0 ? ctx.lookup(dotted.slice(0, dot), module.path) : void 0;
      if (!target) continue;
      entries.push({
        path: target.path,
        framework: "Django",
        kind: "app",
        description: `Django middleware \`${dotted.slice(dot + 1)}\``,
        evidence: moduleEvidence(target.name),
        routes: 0,
        registeredBy: site
      });
    }
  }
  return entries;
}
function urlconfEntries(ctx, settings) {
  const roots = [];
  for (const module of settings) {
    const value = stringValue(module, "ROOT_URLCONF");
    const root = value ? ctx.lookup(value.value, module.path) : unknownSetting(module, "ROOT_URLCONF") ? conventionalUrlconf(ctx, module.path) : void 0;
    if (root && !roots.includes(root)) roots.push(root);
  }
  let guessed = false;
  if (settings.length === 0) {
    const candidates = [...ctx.project.index.entries()].filter((m) => ctx.summaries.get(m.path)?.definedNames.includes("urlpatterns") && routeCalls(ctx, m.path).length > 0);
    const included = new Set(candidates.flatMap((m) => includesOf(ctx, m.path).map((i) => i.module.path)));
    roots.push(...candidates.filter((m) => !included.has(m.path)));
    guessed = true;
  }
  const entries = [];
  const seen = /* @__PURE__ */ new Set();
  const queue = roots.map((module) => ({ module }));
  for (let head = 0; head < queue.length; head++) {
    const { module, includedBy } = queue[head];
    if (seen.has(module.path)) continue;
    seen.add(module.path);
    const routes = routeCalls(ctx, module.path);
    const includes = includesOf(ctx, module.path);
    const first = [...routes, ...includes.map((i) => i.call)].sort((a, b) => a.span.line - b.span.line || a.span.column - b.span.column)[0];
    const noun = includedBy || guessed ? "Django URLconf" : "Django root URLconf";
    entries.push({
      path: module.path,
      framework: "Django",
      kind: "routes",
      description: `${noun}${routes.length ? ` with ${counted(routes.length, ["route", "routes"])}` : ""}`,
      evidence: first ? evidenceOf(first) : moduleEvidence(module.name),
      routes: routes.length,
      ...includedBy ? { registeredBy: includedBy } : {}
    });
    for (const include of includes) queue.push({ module: include.module, includedBy: siteOf(module.path, include.call) });
  }
  return entries;
}
function conventionalUrlconf(ctx, settingsPath) {
  const parts = ctx.moduleName(settingsPath).split(".");
  for (let i = parts.length - 1; i >= 1; i--) {
    const found = ctx.lookup(`${parts.slice(0, i).join(".")}.urls`, settingsPath);
    if (found) return found;
  }
  return ctx.lookup("urls", settingsPath);
}
function routeCalls(ctx, path16) {
  const summary = ctx.summaries.get(path16);
  return (summary ? callsOutsideFunctions(summary) : []).filter((c) => c.scope.kind === "module" && c.callee !== void 0 && PATH_FUNCTIONS.includes(c.callee));
}
function includesOf(ctx, path16) {
  const found = [];
  const summary = ctx.summaries.get(path16);
  for (const call of summary ? callsOutsideFunctions(summary) : []) {
    if (call.scope.kind !== "module" || !call.callee || !INCLUDE_FUNCTIONS.includes(call.callee)) continue;
    const literal = argumentLiteral(call, 0, "arg");
    let module;
    const named = literal?.kind === "tuple" ? literal.items[0] : literal;
    if (named?.kind === "string") module = ctx.lookup(named.value, path16);
    else if (named?.kind === "other") module = ctx.moduleNamedBy(path16, named.text);
    if (module) found.push({ call, module });
  }
  return found;
}
function serverEntries(ctx) {
  const entries = [];
  for (const [path16, summary] of ctx.summaries) {
    for (const call of callsOutsideFunctions(summary)) {
      if (call.scope.kind !== "module" || !call.callee) continue;
      const name = boundNameOf(call);
      const named = name ? ` \`${name}\`` : "";
      const noun = WSGI_FUNCTIONS.includes(call.callee) ? "Django WSGI application" : ASGI_FUNCTIONS.includes(call.callee) ? "Django ASGI application" : call.callee === "channels.routing.ProtocolTypeRouter" ? "Channels protocol router" : void 0;
      if (noun) entries.push({ path: path16, framework: "Django", kind: "app", description: `${noun}${named}`, evidence: evidenceOf(call), routes: 0 });
      if (call.callee === "channels.routing.URLRouter") {
        const routes = routingList(ctx, path16, call);
        if (!routes) continue;
        entries.push({
          path: routes.path,
          framework: "Django",
          kind: "routes",
          description: `Channels URL routes${routes.name ? ` \`${routes.name}\`` : ""}${routes.calls.length ? ` with ${counted(routes.calls.length, ["route", "routes"])}` : ""}`,
          evidence: routes.calls[0] ? evidenceOf(routes.calls[0]) : routes.name ? moduleEvidence(ctx.moduleName(routes.path)) : evidenceOf(call),
          routes: routes.calls.length,
          ...routes.path === path16 && !routes.name ? {} : { registeredBy: siteOf(path16, call) }
        });
      }
    }
  }
  return entries;
}
function routingList(ctx, path16, call) {
  const arg = argumentOf(call, 0, "routes");
  if (!arg) return void 0;
  if (arg.text.startsWith("[") || arg.text.startsWith("(")) {
    const routers = (ctx.summaries.get(path16)?.calls ?? []).filter((c) => c.callee === call.callee && c !== call && spanWithin(c.span, call.span));
    const calls = routeCalls(ctx, path16).filter((r) => spanWithin(r.span, call.span) && !routers.some((inner) => spanWithin(r.span, inner.span)));
    return { path: path16, calls };
  }
  const qualified = ctx.qualifyName(path16, arg.text);
  const absolute = qualified ? ctx.absoluteName(path16, qualified) : void 0;
  const dot = absolute?.lastIndexOf(".") ?? -1;
  const module = absolute && dot > 0 ? ctx.lookup(absolute.slice(0, dot), path16) : void 0;
  if (!module) return void 0;
  const name = absolute.slice(dot + 1);
  const assigned = new RegExp(`^${name}\\s*(:[^=]*)?\\+?=(?!=)`);
  return { path: module.path, name, calls: routeCalls(ctx, module.path).filter((r) => assigned.test(r.statementText)) };
}
function siteOf(path16, call) {
  return { path: path16, line: call.span.line, column: call.span.column, text: evidenceOf(call).text };
}
function siteEvidence(site) {
  return { line: site.line, column: site.column, text: site.text };
}

// src/entries/frameworks/celery.ts
var CELERY = {
  framework: "Celery",
  objects: [
    {
      callees: ["celery.Celery", "celery.app.Celery", "celery.app.base.Celery"],
      kind: "app",
      noun: "Celery app",
      unit: ["task", "tasks"],
      standalone: true
    }
  ],
  routeDecorators: ["task"],
  routeCalls: ["register_task"],
  routeFunctions: { callees: ["celery.shared_task", "celery.app.shared_task"], placement: "decorator", noun: "Celery tasks module", unit: ["task", "tasks"] },
  remoteNoun: "Celery tasks module"
};
var DRAMATIQ = {
  framework: "Dramatiq",
  objects: [],
  routeDecorators: [],
  routeCalls: [],
  routeFunctions: { callees: ["dramatiq.actor", "dramatiq.actor.actor"], placement: "decorator", noun: "Dramatiq actors module", unit: ["actor", "actors"] }
};
var LINK_METHODS = ["autodiscover_tasks", "config_from_object", "conf.update"];
function detectCelery(ctx) {
  const analysis = analyzeObjects(CELERY, ctx);
  const entries = objectEntries(CELERY, ctx, analysis);
  const linked = (module, how, site, noun = "Celery tasks module") => {
    const existing = entries.find((e) => e.path === module.path && e.framework === "Celery" && e.kind === "routes");
    if (existing) {
      if (!existing.registeredBy) {
        if (how) existing.description += ` (${how})`;
        existing.registeredBy = site;
      }
      return;
    }
    if (entries.some((e) => e.path === module.path && e.framework === "Celery")) return;
    entries.push({ path: module.path, framework: "Celery", kind: "routes", description: how ? `${noun} (${how})` : noun, evidence: moduleEvidence(module.name), routes: 0, registeredBy: site });
  };
  for (const app of analysis.objects) {
    const appName = describeApp(app);
    for (const name of argumentStrings(app.call, void 0, "include") ?? []) {
      const module = ctx.lookup(name, app.path);
      if (module) linked(module, `included by ${appName}`, siteOf2(app.path, app.call));
    }
  }
  for (const { path: path16, call, object, method } of callsOnObjects(ctx, analysis.objects, LINK_METHODS)) {
    const appName = describeApp(object);
    const site = siteOf2(path16, call);
    if (method === "autodiscover_tasks") {
      for (const { module, found } of autodiscovered(ctx, path16, call)) {
        if (found) linked(module, `autodiscovered by ${appName}`, site);
        else linked(module, "", site, `package searched for tasks by ${appName}`);
      }
    } else if (method === "config_from_object") {
      const name = argumentOf(call, 0, "obj")?.literal;
      const module = typeof name === "string" && !name.includes(":") ? ctx.lookup(name, path16) : void 0;
      if (module) {
        linked(module, `configures ${appName}`, site, "Celery config module");
        for (const setting of ["imports", "include"]) {
          const value = ctx.assignments(module.path)?.find((a) => a.name === setting)?.value;
          for (const imported of typeof value === "string" ? [value] : value ?? []) {
            const target = ctx.lookup(imported, module.path);
            if (target) linked(target, `imported by ${appName}`, site);
          }
        }
      }
    } else {
      for (const keyword of ["include", "imports"]) {
        for (const name of argumentStrings(call, void 0, keyword) ?? []) {
          const module = ctx.lookup(name, path16);
          if (module) linked(module, `imported by ${appName}`, site);
        }
      }
    }
  }
  return entries;
}
function autodiscovered(ctx, path16, call) {
  const packagesLiteral = argumentLiteral(call, 0, "packages");
  const related = argumentOf(call, 1, "related_name");
  const relatedName = related === void 0 ? "tasks" : typeof related.literal === "string" ? related.literal : related.literal === null ? null : void 0;
  if (relatedName === void 0) return [];
  const listed = packagesLiteral ? stringsOf(packagesLiteral) : void 0;
  const packages = listed ?? (packagesLiteral === void 0 || packagesLiteral.kind === "other" ? installedApps(ctx).map((a) => a.name) : []);
  const found = [];
  for (const name of packages) {
    const base = ctx.lookup(name, path16) ? name : name.split(".").slice(0, -1).join(".");
    const pkg = base ? ctx.lookup(base, path16) : void 0;
    if (!pkg) continue;
    const module = relatedName ? ctx.lookup(`${base}.${relatedName}`, path16) : pkg;
    if (!found.some((f) => f.module === (module ?? pkg))) found.push({ module: module ?? pkg, found: module !== void 0 });
  }
  return found;
}
function describeApp(app) {
  const name = boundNameOf(app.call);
  return name ? `app \`${name}\`` : "the Celery app";
}
function siteOf2(path16, call) {
  return { path: path16, line: call.span.line, column: call.span.column, text: evidenceOf(call).text };
}

// src/entries/classes.ts
var NAMED = 3;
function detectHandlerClasses(spec, ctx) {
  const bases = new Set(spec.bases);
  const entries = [];
  for (const [path16, summary] of ctx.summaries) {
    const handlers = summary.classes.filter((c) => c.scope.kind === "module" && ctx.project.calls.externalBasesOf({ path: path16, qualname: c.name, kind: "class" }).some((b) => bases.has(b)));
    if (handlers.length === 0) continue;
    const rest = handlers.length - NAMED;
    const names = handlers.slice(0, NAMED).map((c) => `\`${c.name}\``).join(", ") + (rest > 0 ? ` and ${rest} more` : "");
    const exposed = spec.routeDecorators ? exposedRoutes(spec.routeDecorators, handlers, summary.calls) : void 0;
    const first = handlers[0];
    entries.push({
      path: path16,
      framework: spec.framework,
      kind: "routes",
      description: `${spec.noun[handlers.length > 1 ? 1 : 0]} ${names}${exposed ? ` with ${counted(exposed, ["route", "routes"])}` : ""}`,
      evidence: { line: first.span.line, column: first.span.column, text: first.header },
      routes: exposed ?? handlers.length
    });
  }
  return entries;
}
function exposedRoutes(decorators, handlers, calls) {
  return calls.filter(
    (call) => call.placement.kind === "decorator" && call.callee !== void 0 && !call.calleeIsLocal && decorators.includes(call.callee) && handlers.some((c) => spanWithin(call.span, c.span))
  ).length;
}

// src/entries/frameworks/flaskadmin.ts
var FLASK_ADMIN = {
  framework: "Flask-Admin",
  objects: [{ callees: ["flask_admin.Admin", "flask_admin.base.Admin"], kind: "routes", noun: "Flask-Admin", unit: ["view", "views"] }],
  routeDecorators: [],
  routeCalls: ["add_view"]
};
var CONTRIB_MODEL_VIEWS = ["sqla", "pymongo", "peewee", "mongoengine", "geoa"].flatMap((m) => [`flask_admin.contrib.${m}.ModelView`, `flask_admin.contrib.${m}.view.ModelView`]);
var FLASK_ADMIN_VIEWS = {
  framework: "Flask-Admin",
  bases: [
    "flask_admin.BaseView",
    "flask_admin.base.BaseView",
    "flask_admin.AdminIndexView",
    "flask_admin.base.AdminIndexView",
    "flask_admin.model.BaseModelView",
    "flask_admin.model.base.BaseModelView",
    "flask_admin.contrib.fileadmin.BaseFileAdmin",
    "flask_admin.contrib.fileadmin.FileAdmin",
    ...CONTRIB_MODEL_VIEWS
  ],
  noun: ["Flask-Admin view", "Flask-Admin views"],
  routeDecorators: ["flask_admin.expose", "flask_admin.base.expose", "flask_admin.expose_plugview", "flask_admin.base.expose_plugview"]
};
function detectFlaskAdmin(ctx) {
  const analysis = analyzeObjects(FLASK_ADMIN, ctx);
  addViews(ctx, analysis);
  return [...objectEntries(FLASK_ADMIN, ctx, analysis), ...detectHandlerClasses(FLASK_ADMIN_VIEWS, ctx)];
}
function addViews(ctx, analysis) {
  for (const { path: path16, call, object } of callsOnObjects(ctx, analysis.objects, ["add_views"])) {
    const views = call.args.filter((a) => a.keyword === void 0 && !a.text.startsWith("*")).length;
    if (views === 0) continue;
    const key = objectKey(object.path, object.call);
    const byPath = analysis.registrations.get(key) ?? /* @__PURE__ */ new Map();
    const site = byPath.get(path16);
    if (!site) byPath.set(path16, { count: views, first: call });
    else {
      site.count += views;
      if (call.span.line < site.first.span.line) site.first = call;
    }
    analysis.registrations.set(key, byPath);
  }
}

// src/entries/frameworks/pyramid.ts
var PYRAMID = {
  framework: "Pyramid",
  objects: [{ callees: ["pyramid.config.Configurator"], kind: "app", noun: "Pyramid configurator", standalone: true }],
  routeDecorators: [],
  routeCalls: ["add_route"],
  routeFunctions: { callees: ["pyramid.view.view_config"], placement: "decorator", noun: "Pyramid views module", unit: ["view", "views"] }
};
function detectPyramid(ctx) {
  const analysis = analyzeObjects(PYRAMID, ctx);
  const entries = objectEntries(PYRAMID, ctx, analysis);
  const linked = (module, site, description, routes = 0) => {
    const existing = entries.find((e) => e.path === module.path && e.framework === "Pyramid");
    if (existing) {
      existing.registeredBy ??= site;
      return;
    }
    entries.push({ path: module.path, framework: "Pyramid", kind: "routes", description, evidence: moduleEvidence(module.name), routes, registeredBy: site });
  };
  for (const { path: path16, call, method } of callsOnObjects(ctx, analysis.objects, ["scan", "include", "add_view"])) {
    const site = { path: path16, line: call.span.line, column: call.span.column, text: evidenceOf(call).text };
    const inFunction = call.scope.kind === "function" ? call.scope.function : void 0;
    if (method === "scan") {
      const scanned = scannedPackage(ctx, path16, call, inFunction);
      const ignored = scanned ? ignoredBy(call, scanned.name) : () => false;
      for (const module of scanned ? ctx.modulesUnder(scanned.name) : []) if (!ignored(module.name)) linked(module, site, `module scanned by Pyramid \`config.scan()\``);
    } else if (method === "include") {
      const module = moduleArgument(ctx, path16, call, "callable", inFunction);
      if (!module) continue;
      const routes = includemeRoutes(ctx, module.path);
      linked(module, site, `Pyramid include \`${module.name}\`${routes ? ` with ${counted(routes, ["route", "routes"])}` : ""}`, routes);
    } else {
      const view = argumentOf(call, 0, "view")?.literal;
      if (typeof view !== "string") continue;
      const dotted = view.replace(":", ".");
      const dot = dotted.lastIndexOf(".");
      const module = dot > 0 ? ctx.lookup(ctx.absoluteName(path16, dotted.slice(0, dot)) ?? "", path16) : void 0;
      if (module) linked(module, site, `Pyramid view \`${dotted.slice(dot + 1)}\``);
    }
  }
  return entries;
}
function scannedPackage(ctx, path16, call, inFunction) {
  if (!argumentOf(call, 0, "package")) {
    const caller = ctx.module(path16);
    if (!caller) return void 0;
    return caller.isPackage ? caller : ctx.lookup(caller.name.split(".").slice(0, -1).join("."), path16);
  }
  return moduleArgument(ctx, path16, call, "package", inFunction);
}
function ignoredBy(call, scannedName) {
  const ignore = argumentOf(call, 3, "ignore");
  if (!ignore) return () => false;
  const strings = typeof ignore.literal === "string" ? [ignore.literal] : stringsOf2(ignore.text);
  if (!strings) return () => false;
  const prefixes = strings.map((s) => s.startsWith(".") ? `${scannedName}${s}` : s).filter((s) => s !== "");
  return (moduleName) => prefixes.some((prefix) => moduleName.startsWith(prefix));
}
function stringsOf2(text) {
  const inner = /^[[(]([\s\S]*)[\])]$/.exec(text.trim())?.[1];
  if (inner === void 0) return void 0;
  const items = inner.split(",").map((item) => item.trim()).filter((item) => item !== "");
  const strings = items.map((item) => /^(['"])([\w.]*)\1$/.exec(item)?.[2]);
  return strings.every((s) => s !== void 0) ? strings : void 0;
}
function moduleArgument(ctx, path16, call, keyword, inFunction) {
  const arg = argumentOf(call, 0, keyword);
  if (!arg) return void 0;
  if (typeof arg.literal === "string") {
    const name = arg.literal.split(":")[0];
    const absolute = ctx.absoluteName(path16, name);
    return absolute ? ctx.lookup(absolute, path16) : void 0;
  }
  return ctx.moduleNamedBy(path16, arg.text, inFunction);
}
function includemeRoutes(ctx, path16) {
  return (ctx.summaries.get(path16)?.calls ?? []).filter(
    (c) => c.scope.kind === "function" && c.scope.function === "includeme" && /^[A-Za-z_]\w*\.add_route$/.test(c.calleeText)
  ).length;
}

// src/entries/frameworks/socketio.ts
var EVENT_HANDLERS = ["event handler", "event handlers"];
var SOCKETIO = {
  framework: "Socket.IO",
  objects: [
    {
      callees: ["socketio.Server", "socketio.server.Server", "socketio.AsyncServer", "socketio.async_server.AsyncServer"],
      kind: "app",
      noun: "Socket.IO server",
      unit: EVENT_HANDLERS,
      standalone: true
    },
    { callees: ["socketio.WSGIApp", "socketio.middleware.WSGIApp", "socketio.Middleware", "socketio.middleware.Middleware"], kind: "app", noun: "Socket.IO WSGI app", standalone: true },
    { callees: ["socketio.ASGIApp", "socketio.asgi.ASGIApp"], kind: "app", noun: "Socket.IO ASGI app", standalone: true },
    // Flask-SocketIO wraps the Flask app, which stays the app the server loads.
    { callees: ["flask_socketio.SocketIO"], kind: "routes", noun: "Flask-SocketIO server", unit: EVENT_HANDLERS }
  ],
  routeDecorators: ["on", "event"],
  routeCalls: ["on", "register_namespace", "on_event", "on_namespace"]
};
var SOCKETIO_NAMESPACES = {
  framework: "Socket.IO",
  bases: ["socketio.Namespace", "socketio.namespace.Namespace", "socketio.AsyncNamespace", "socketio.async_namespace.AsyncNamespace", "flask_socketio.Namespace", "flask_socketio.namespace.Namespace"],
  noun: ["Socket.IO namespace", "Socket.IO namespaces"]
};
function detectSocketIO(ctx) {
  return [...detectObjectFramework(SOCKETIO, ctx), ...detectHandlerClasses(SOCKETIO_NAMESPACES, ctx)];
}

// src/entries/frameworks/stdlib.ts
var SOCKETSERVERS = ["TCPServer", "UDPServer", "UnixStreamServer", "UnixDatagramServer", "ThreadingTCPServer", "ThreadingUDPServer", "ForkingTCPServer", "ForkingUDPServer", "ThreadingUnixStreamServer", "ThreadingUnixDatagramServer"];
var HTTP_SERVER = {
  framework: "http.server",
  objects: [{ callees: ["http.server.HTTPServer", "http.server.ThreadingHTTPServer"], kind: "app", noun: "http.server server", standalone: true }],
  routeDecorators: [],
  routeCalls: []
};
var SOCKETSERVER = {
  framework: "socketserver",
  objects: [{ callees: SOCKETSERVERS.map((name) => `socketserver.${name}`), kind: "app", noun: "socketserver server", standalone: true }],
  routeDecorators: [],
  routeCalls: []
};
var WSGIREF = {
  framework: "wsgiref",
  objects: [{ callees: ["wsgiref.simple_server.make_server", "wsgiref.simple_server.WSGIServer"], kind: "app", noun: "wsgiref server", standalone: true }],
  routeDecorators: [],
  routeCalls: []
};
var HTTP_SERVER_HANDLERS = {
  framework: "http.server",
  bases: ["http.server.BaseHTTPRequestHandler", "http.server.SimpleHTTPRequestHandler", "http.server.CGIHTTPRequestHandler"],
  noun: ["http.server request handler", "http.server request handlers"]
};
var SOCKETSERVER_HANDLERS = {
  framework: "socketserver",
  bases: ["socketserver.BaseRequestHandler", "socketserver.StreamRequestHandler", "socketserver.DatagramRequestHandler"],
  noun: ["socketserver request handler", "socketserver request handlers"]
};
function detectHttpServer(ctx) {
  return [...detectObjectFramework(HTTP_SERVER, ctx), ...detectHandlerClasses(HTTP_SERVER_HANDLERS, ctx)];
}
function detectSocketServer(ctx) {
  return [...detectObjectFramework(SOCKETSERVER, ctx), ...detectHandlerClasses(SOCKETSERVER_HANDLERS, ctx)];
}

// src/entries/frameworks/tornado.ts
var STRING_TARGETS = /* @__PURE__ */ new Set(["tornado.web.url", "tornado.web.URLSpec", "tornado.routing.URLSpec", "tornado.routing.Rule"]);
function detectTornado(ctx) {
  const analysis = analyzeObjects(TORNADO, ctx);
  const entries = objectEntries(TORNADO, ctx, analysis);
  const lists = [
    ...analysis.objects.map((o) => ({ path: o.path, literal: argumentLiteral(o.call, 0, "handlers"), call: o.call })),
    ...callsOnObjects(ctx, analysis.objects, ["add_handlers", "add_rules"]).map((c) => ({
      path: c.path,
      literal: c.method === "add_rules" ? argumentLiteral(c.call, 0, "rules") : argumentLiteral(c.call, 1, "host_handlers"),
      call: c.call
    }))
  ];
  const named = [];
  for (const { path: path16, literal, call } of lists) {
    if (literal?.kind !== "list" && literal?.kind !== "tuple") continue;
    for (const item of literal.items) {
      if (item.kind === "tuple" && item.items[1]?.kind === "string") named.push({ path: path16, target: item.items[1].value, call });
    }
  }
  const naming = ctx.modulesCalling({ callees: STRING_TARGETS });
  for (const [path16, summary] of ctx.summaries) {
    if (!naming.has(path16)) continue;
    for (const call of summary.calls) {
      if (!call.callee || !STRING_TARGETS.has(call.callee)) continue;
      const handler = argumentOf(call, 1, call.callee === "tornado.routing.Rule" ? "target" : "handler")?.literal;
      if (typeof handler === "string") named.push({ path: path16, target: handler, call });
    }
  }
  for (const { path: path16, target, call } of named) {
    const dot = target.lastIndexOf(".");
    const module = dot > 0 ? ctx.lookup(target.slice(0, dot), path16) : void 0;
    if (!module || entries.some((e) => e.path === module.path && e.framework === "Tornado")) continue;
    entries.push({
      path: module.path,
      framework: "Tornado",
      kind: "routes",
      description: `Tornado handler \`${target.slice(dot + 1)}\` (named by string)`,
      evidence: moduleEvidence(module.name),
      routes: 1,
      registeredBy: { path: path16, line: call.span.line, column: call.span.column, text: evidenceOf(call).text }
    });
  }
  return entries;
}

// src/entries/frameworks/twisted.ts
var TWISTED = {
  framework: "Twisted",
  objects: [
    { callees: ["twisted.web.server.Site"], kind: "app", noun: "Twisted site", standalone: true },
    { callees: ["twisted.web.resource.Resource", "twisted.web.static.File"], kind: "routes", noun: "Twisted resource", unit: ["child", "children"] }
  ],
  routeDecorators: [],
  routeCalls: ["putChild"]
};
var TWISTED_RESOURCES = {
  framework: "Twisted",
  bases: ["twisted.web.resource.Resource", "twisted.web.static.File"],
  noun: ["Twisted resource class", "Twisted resource classes"]
};
function detectTwisted(ctx) {
  return [...detectObjectFramework(TWISTED, ctx), ...detectHandlerClasses(TWISTED_RESOURCES, ctx)];
}

// src/entries/frameworks/websockets.ts
var SERVERS = ["asyncio.server", "sync.server", "server", "legacy.server"].flatMap((m) => [`websockets.${m}.serve`, `websockets.${m}.unix_serve`]);
var ROUTERS = ["asyncio.router", "sync.router"].flatMap((m) => [`websockets.${m}.route`, `websockets.${m}.unix_route`]);
var WEBSOCKETS = {
  framework: "websockets",
  objects: [
    { callees: ["websockets.serve", "websockets.unix_serve", ...SERVERS], kind: "app", noun: "websockets server", standalone: true },
    { callees: ["websockets.route", "websockets.unix_route", ...ROUTERS], kind: "app", noun: "websockets router", standalone: true }
  ],
  routeDecorators: [],
  routeCalls: []
};

// src/entries/candidates.ts
function isTestModulePath(path16) {
  const parts = path16.split("/");
  const base = parts[parts.length - 1];
  if (base === "conftest.py" || /^test_.*\.py$/.test(base) || /^.+_test\.py$/.test(base) || base === "tests.py") return true;
  return parts.slice(0, -1).some((folder) => folder === "tests" || folder === "test" || folder === "testing");
}
function isManagementCommandPath(path16) {
  const parts = path16.split("/");
  const base = parts[parts.length - 1];
  return parts.length >= 3 && parts[parts.length - 2] === "commands" && parts[parts.length - 3] === "management" && base !== "__init__.py";
}
function isTestFunction(qualname) {
  return qualname.split(".").some((part) => /^test/i.test(part));
}
function candidateReason(entry, summary) {
  if (entry.registeredBy && !isTestModulePath(entry.registeredBy.path) && !isManagementCommandPath(entry.registeredBy.path)) return void 0;
  if (isTestModulePath(entry.path)) return "it is in a test module, which only the test run imports";
  if (isManagementCommandPath(entry.path)) return "it is in a Django management command, which only `manage.py` runs";
  if (!summary) return void 0;
  const index = indexOf(summary);
  const call = index.functionCalls.get(`${entry.evidence.line}:${entry.evidence.column}`);
  if (call && call.scope.kind === "function") {
    const fn = call.scope.function;
    if (isTestFunction(fn)) return `it is built in the test function \`${fn}()\``;
    const parts = fn.split(".");
    const fixture = parts.map((_, i) => parts.slice(0, i + 1).join(".")).find((qualname) => index.fixtures.has(qualname));
    if (fixture) return `it is built in the pytest fixture \`${fixture}()\``;
  }
  return void 0;
}
var indexes = /* @__PURE__ */ new WeakMap();
function indexOf(summary) {
  let index = indexes.get(summary);
  if (!index) {
    index = { functionCalls: /* @__PURE__ */ new Map(), fixtures: /* @__PURE__ */ new Set() };
    for (const call of summary.calls) {
      const at = `${call.span.line}:${call.span.column}`;
      if (call.scope.kind === "function" && !index.functionCalls.has(at)) index.functionCalls.set(at, call);
      if (call.placement.kind === "decorator" && (call.callee === "pytest.fixture" || call.callee === "pytest_asyncio.fixture")) index.fixtures.add(call.placement.target);
    }
    indexes.set(summary, index);
  }
  return index;
}
function markCandidates(entries, summaries) {
  for (const entry of entries) {
    const reason = candidateReason(entry, summaries.get(entry.path));
    if (reason) entry.candidate = reason;
  }
}

// src/entries/entries.ts
var plain = (spec) => ({ name: spec.framework, detect: (ctx) => detectObjectFramework(spec, ctx), specs: [spec] });
var DETECTORS = [
  plain(FLASK),
  plain(FASTAPI),
  plain(STARLETTE),
  { name: "Django", detect: detectDjango, specs: [] },
  { name: "Celery", detect: detectCelery, specs: [CELERY] },
  plain(DRAMATIQ),
  { name: "aiohttp", detect: detectAiohttp, specs: [AIOHTTP] },
  { name: "Tornado", detect: detectTornado, specs: [TORNADO] },
  plain(SANIC),
  plain(QUART),
  plain(LITESTAR),
  plain(FALCON),
  plain(BOTTLE),
  { name: "Pyramid", detect: detectPyramid, specs: [PYRAMID] },
  { name: "Socket.IO", detect: detectSocketIO, specs: [SOCKETIO] },
  { name: "Twisted", detect: detectTwisted, specs: [TWISTED] },
  plain(WEBSOCKETS),
  { name: "http.server", detect: detectHttpServer, specs: [HTTP_SERVER] },
  { name: "socketserver", detect: detectSocketServer, specs: [SOCKETSERVER] },
  plain(WSGIREF),
  { name: "Flask-Admin", detect: detectFlaskAdmin, specs: [FLASK_ADMIN] }
];
function detectEntries(project, problems = []) {
  const ctx = new EntryContext(project);
  const entries = DETECTORS.flatMap((detector) => {
    try {
      injectedFault("entries", detector.name);
      return detector.detect(ctx);
    } catch (error) {
      problems.push(internalError(`the ${detector.name} entry detector`, ".", error));
      return [];
    }
  });
  markCandidates(entries, project.summaries);
  return entries.sort(
    (a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || a.evidence.line - b.evidence.line || a.evidence.column - b.evidence.column || (a.description < b.description ? -1 : a.description > b.description ? 1 : 0)
  );
}
var APP_CONSTRUCTORS = new Set(
  DETECTORS.flatMap((d) => d.specs.flatMap((spec) => spec.objects.filter((o) => o.kind === "app").flatMap((o) => o.callees)))
);
function isAppConstructor(callee) {
  return APP_CONSTRUCTORS.has(callee);
}

// src/check/programs.ts
var ARGUMENT_PARSERS = [
  "argparse.ArgumentParser",
  "optparse.OptionParser",
  "click.command",
  "click.group",
  "click.main",
  "typer.Typer",
  "typer.run",
  "fire.Fire",
  "docopt.docopt"
];
var EXITS = ["sys.exit", "exit", "quit", "os._exit"];
var lazyTargetsOf = /* @__PURE__ */ new WeakMap();
function lazyTargets(graph) {
  let targets = lazyTargetsOf.get(graph);
  if (!targets) lazyTargetsOf.set(graph, targets = new Set(graph.lazyEdges.filter((e) => !isTestModulePath(e.from)).map((e) => e.to)));
  return targets;
}
function programOf(path16, summary, graph, named) {
  const base = path16.slice(path16.lastIndexOf("/") + 1);
  if (base === "conftest.py") return { reason: "it is a pytest `conftest.py`, loaded by the test run" };
  if (isTestModulePath(path16)) return { reason: "it is a test module, run by the test runner" };
  const importedBy = graph.importedBy.importers(path16).some((from) => !isTestModulePath(from)) || lazyTargets(graph).has(path16);
  if (importedBy) return void 0;
  const script2 = named.get(path16);
  if (script2) return { reason: `${script2.where} runs it`, ...script2.server ? { server: script2.where } : {} };
  if (base === "setup.py") return { reason: "it is `setup.py`, run by the packaging tools" };
  if (base === "manage.py") return { reason: "it is `manage.py`, a command-line program" };
  if (base === "__main__.py") return { reason: "it is `__main__.py`, run by `python -m`" };
  if (isManagementCommandPath(path16)) return { reason: "it is a Django management command, run by `manage.py`" };
  if (base === "env.py" && summary.imports.some((i) => i.module === "alembic" || i.module.startsWith("alembic."))) {
    return { reason: "it is an alembic `env.py`, run by alembic" };
  }
  if (summary.mainGuardLine !== void 0 || summary.imports.some((i) => i.scope.kind === "main-guard")) {
    return { reason: `it has an \`if __name__ == "__main__":\` block${summary.mainGuardLine !== void 0 ? ` (line ${summary.mainGuardLine})` : ""}` };
  }
  const moduleCalls = callsOutsideFunctions(summary).filter((c) => c.scope.kind === "module");
  const parser = moduleCalls.find((c) => c.callee !== void 0 && !c.calleeIsLocal && ARGUMENT_PARSERS.includes(c.callee));
  if (parser) return { reason: `its module body parses arguments (\`${parser.callee}\`, line ${parser.span.line})` };
  const exit = moduleCalls.find((c) => c.callee !== void 0 && !c.calleeIsLocal && EXITS.includes(c.callee));
  if (exit) return { reason: `its module body calls \`${exit.callee}()\` (line ${exit.span.line})` };
  const argv = moduleCalls.find((c) => /\bsys\.argv\b/.test(c.statementText));
  if (argv) return { reason: `its module body reads \`sys.argv\` (line ${argv.span.line})` };
  return void 0;
}

// src/check/suppress.ts
var Suppressions = class {
  constructor(summaries, graph) {
    this.summaries = summaries;
    for (const [path16, summary] of summaries) {
      for (const suppression of summary.suppressions) {
        const key = `${path16}:${suppression.line}`;
        this.byFileLine.set(key, [...this.byFileLine.get(key) ?? [], suppression]);
      }
    }
    if (this.byFileLine.size === 0) return;
    const onEdges = /* @__PURE__ */ new Set();
    const consider = (edge) => {
      for (const suppression of this.on(edge)) onEdges.add(suppression);
    };
    for (const edges of graph.importTimeEdges.values()) edges.forEach(consider);
    graph.lazyEdges.forEach(consider);
    this.distinctEdgeSuppressions = [...onEdges];
  }
  summaries;
  used = /* @__PURE__ */ new Set();
  byFileLine = /* @__PURE__ */ new Map();
  keys = /* @__PURE__ */ new Map();
  /** The distinct suppressions on the lines of import edges, each at one place. */
  distinctEdgeSuppressions = [];
  /** The suppression comments on the import line of `edge`. */
  on(edge) {
    if (edge.kind !== "import" || edge.line === void 0) return [];
    return this.byFileLine.get(`${edge.at ?? edge.from}:${edge.line}`) ?? [];
  }
  /**
   * Which import-line suppressions cover `ruleId`, as a key: rules with the same key see the same
   * graph (a bare `# noqa` on an import covers every rule: one filtered graph serves them all).
   * Undefined when none does: the rule sees the whole graph.
   */
  edgeFilterKey(ruleId) {
    if (this.keys.has(ruleId)) return this.keys.get(ruleId);
    const covering = [];
    for (const [place, suppression] of this.distinctEdgeSuppressions.entries()) if (covers(suppression, ruleId)) covering.push(place);
    const key = covering.length ? covering.join(",") : void 0;
    this.keys.set(ruleId, key);
    return key;
  }
  /** The graph without the import edges whose lines suppress `ruleId`. */
  graphWithout(graph, ruleId) {
    return graphKeeping(graph, (edge) => !this.on(edge).some((s) => covers(s, ruleId)));
  }
  /** Marks the import-line suppressions for `ruleId` on `chain` as used: they changed what is reported. */
  noteChainThroughSuppressedEdges(chain, ruleId) {
    for (const edge of chain) for (const s of this.on(edge)) if (covers(s, ruleId)) this.used.add(s);
  }
  /** Drops the findings that a comment on their line, or an ignore-file comment, suppresses. */
  filter(findings) {
    return findings.filter((finding) => {
      const summary = this.summaries.get(finding.path);
      if (summary?.ignoreFileLine !== void 0) return false;
      const lines = /* @__PURE__ */ new Set([finding.span.line, finding.span.endLine]);
      for (const line of lines) {
        const matching = (this.byFileLine.get(`${finding.path}:${line}`) ?? []).filter((s) => covers(s, finding.ruleId));
        if (matching.length) {
          matching.forEach((s) => this.used.add(s));
          return false;
        }
      }
      return true;
    });
  }
  /** Our comments that suppressed nothing (bare `# noqa` belongs to every linter: never reported). */
  unused() {
    const unused = [];
    for (const [path16, summary] of this.summaries) {
      for (const suppression of summary.suppressions) {
        if (this.used.has(suppression)) continue;
        if (suppression.style === "noqa" && !suppression.codes) continue;
        unused.push({ path: path16, suppression });
      }
    }
    return unused;
  }
  fileIgnoreUnused(path16, hadFindings) {
    return this.summaries.get(path16)?.ignoreFileLine !== void 0 && !hadFindings;
  }
};
function covers(suppression, ruleId) {
  return !suppression.codes || suppression.codes.some((code) => ruleId.startsWith(code));
}

// src/check/check.ts
function checkProject(input) {
  const { index, summaries, graph, entries, rules, calls, deployment } = input;
  const forkRule = rules.find((r) => r.id === BEFORE_FORK);
  const loaded = entries.filter((e) => e.candidate === void 0);
  const entryPaths = [...new Set(loaded.map((e) => e.path))].sort();
  const entryByPath = /* @__PURE__ */ new Map();
  for (const entry of loaded) if (!entryByPath.has(entry.path)) entryByPath.set(entry.path, entry);
  const namedScripts2 = input.namedScripts ?? /* @__PURE__ */ new Map();
  const nameOf = (p) => index.byPath.get(p)?.name ?? p;
  const suppressions = new Suppressions(summaries, graph);
  const views = /* @__PURE__ */ new Map();
  const chainsOf = (from) => withMainRunChains(shortestChains(from, entryPaths), from, deployment);
  const baseView = { graph, chains: chainsOf(graph) };
  const viewFor = (ruleId) => {
    const key = suppressions.edgeFilterKey(ruleId);
    if (key === void 0) return baseView;
    let view = views.get(key);
    if (!view) {
      const filtered = suppressions.graphWithout(graph, ruleId);
      view = { graph: filtered, chains: chainsOf(filtered) };
      views.set(key, view);
    }
    return view;
  };
  const findings = [];
  const silenced = /* @__PURE__ */ new Set();
  const filesWithFindings = /* @__PURE__ */ new Set();
  for (const [path16, summary] of summaries) {
    const module = index.byPath.get(path16);
    if (!module) continue;
    try {
      injectedFault("check", path16);
      checkFile(path16, summary, module.name);
    } catch (error) {
      input.problems?.push(internalError(error instanceof RuleError ? `rule ${error.ruleId}` : "the checks", path16, error instanceof RuleError ? error.cause : error));
    }
  }
  function checkFile(path16, summary, moduleName) {
    const resources = importTimeResources(path16, summary, rules, calls);
    const program = resources.length ? programOf(path16, summary, graph, namedScripts2) : void 0;
    const connected = /* @__PURE__ */ new Set();
    for (const { match, creation, creationPath } of resources) {
      if (!match.methods || !creation.receiver) continue;
      const creationSummary = calls.summaryOf(creationPath);
      const made = creationSummary && callById(creationSummary, creation.receiver.callId);
      if (made) connected.add(made);
    }
    for (const resource of resources) {
      const view = viewFor(resource.rule.id);
      const reach = reachOf(path16, view.graph, view.chains, entryByPath);
      const silent = program !== void 0 && reach.kind !== "entry" || reach.kind === "unreached" && input.unreachedLevel === "off";
      if (view !== baseView) {
        const unfiltered = baseView.chains.get(path16);
        if (unfiltered) suppressions.noteChainThroughSuppressedEdges(unfiltered.hops, resource.rule.id);
      }
      const finding = toFinding(resource, path16, moduleName, reach, nameOf);
      findings.push(finding);
      filesWithFindings.add(path16);
      if (silent) {
        silenced.add(finding);
        continue;
      }
      if (reach.kind === "unreached" && input.unreachedLevel === "note") finding.level = "note";
      if (program?.server && reach.kind === "entry" && reach.entry.path === path16 && entries.every((e) => e.path !== path16 || e.framework === "python")) {
        finding.level = "note";
        finding.message = withSentence(finding, `It is a program run on its own (${program.server}): the resource belongs to that one process.`);
        continue;
      }
      if (!deployment || reach.kind !== "entry") continue;
      const facts = deploymentFacts(finding, resource.match, resource.creation, resource.dropped, deployment, graph, loaded);
      if (facts.sentence) finding.deployment = facts.sentence;
      if (facts.short) finding.message = withSentence(finding, facts.short);
      const saidByItsConnection = resource.match.afterFork === "lazy" && connected.has(resource.creation);
      if (forkRule && facts.forked.length > 0 && !saidByItsConnection) findings.push(beforeForkFinding(forkRule, finding, resource.match, facts.forked, graph, resource.start !== void 0));
    }
  }
  const kept = suppressions.filter(findings).filter((f) => !silenced.has(f));
  const unusedRule = rules.find((r) => r.id === UNUSED_SUPPRESSION);
  if (unusedRule) {
    for (const { path: path16, suppression } of suppressions.unused()) kept.push(unusedSuppressionFinding(unusedRule, path16, nameOf(path16), suppression));
    for (const [path16, summary] of summaries) {
      if (summary.ignoreFileLine === void 0 || filesWithFindings.has(path16)) continue;
      kept.push(
        unusedSuppressionFinding(unusedRule, path16, nameOf(path16), {
          line: summary.ignoreFileLine,
          column: 1,
          style: "importleak",
          text: "# importleak: ignore-file"
        })
      );
    }
  }
  return kept.sort(
    (a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || a.span.line - b.span.line || a.span.column - b.span.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}
var UNUSED_SUPPRESSION = "IL100";
var BEFORE_FORK = "IL009";
function unusedSuppressionFinding(rule, path16, moduleName, suppression) {
  const named = suppression.codes ? suppression.codes.join(", ") : "any rule";
  const what = /ignore-file/.test(suppression.text) ? "the file has no finding to suppress" : `no finding of ${named} is reported on this line, and no import chain for ${named} goes through it`;
  return {
    ruleId: rule.id,
    level: "warning",
    path: path16,
    span: { line: suppression.line, column: suppression.column, endLine: suppression.line, endColumn: suppression.column + suppression.text.length },
    module: moduleName,
    message: bounded(`Unused suppression \`${excerptCode(suppression.text, 60)}\`: ${what}.`),
    fix: rule.fix,
    resource: { callee: "", text: suppression.text, statement: suppression.text },
    reach: { kind: "none" },
    related: []
  };
}
function importTimeResources(path16, summary, rules, calls) {
  const moduleLevel = callsOutsideFunctions(summary).filter((c) => c.scope.kind === "module");
  const found = matchResources(moduleLevel, summary, rules, libraryBases(path16, calls)).map((r) => ({ ...r, creationPath: path16, steps: [], dropped: isDropped(r, summary, false) }));
  const enter = (body) => {
    const bases = libraryBases(body.path, calls);
    return !calls.callsIn(body).some((c) => c.callee !== void 0 && isAppConstructor(c.callee) || c.callee !== void 0 && bases(c).some(isAppConstructor));
  };
  for (const run of calls.functionsRunAtImport(path16, enter)) {
    const bodySummary = calls.summaryOf(run.body.path);
    if (!bodySummary) continue;
    const asWithItem = run.steps[0]?.call.placement.kind === "with-item" && run.steps.length === 1;
    for (const resource of matchResources(calls.callsIn(run.body), bodySummary, rules, libraryBases(run.body.path, calls))) {
      if (asWithItem && resource.match.withCloses && /^return\b/.test(resource.creation.statementText)) continue;
      found.push({
        ...resource,
        creationPath: run.body.path,
        steps: run.steps,
        ...run.condition !== void 0 ? { pathCondition: run.condition } : {},
        dropped: isDropped(resource, bodySummary, run.resultDropped === true)
      });
    }
  }
  const seen = /* @__PURE__ */ new Map();
  for (const r of found) {
    const key = `${r.rule.id}\0${r.creationPath}\0${r.creation.id}\0${r.start?.id ?? ""}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, r);
      continue;
    }
    const [a, b] = [conditionOf(first), conditionOf(r)];
    const condition = a === b ? first.condition : a === void 0 || a === null || b === void 0 || b === null ? null : anyOf([a, b]);
    const kept = first.dropped && !r.dropped ? r : first;
    if (condition !== void 0) kept.condition = condition;
    seen.set(key, kept);
  }
  return [...seen.values()];
}
function isDropped(resource, summary, resultDropped) {
  if (resource.start || !DROPPED_RESOURCES.has(resource.rule.resource)) return false;
  const droppedValue = (call) => call.discarded === true || call.returned === true && resultDropped;
  const { creation } = resource;
  if (!droppedValue(creation)) return false;
  if (!resource.match.methods) return true;
  const object = creation.receiver ? callById(summary, creation.receiver.callId) : void 0;
  return object !== void 0 && droppedValue(object);
}
function libraryBases(path16, calls) {
  const known = /* @__PURE__ */ new Map();
  return (call) => {
    let bases = known.get(call.id);
    if (!bases) {
      const cls = calls.classCalled(path16, call);
      bases = cls ? calls.externalBasesOf(cls) : [];
      known.set(call.id, bases);
    }
    return bases;
  };
}
function matchResources(body, summary, rules, bases) {
  const found = [];
  const inBody = new Set(body.map((c) => c.id));
  for (const call of body) {
    for (const rule of rules) {
      let match;
      try {
        match = matchCall(call, rule, summary, rules, bases);
      } catch (error) {
        throw new RuleError(rule.id, error);
      }
      if (!match) continue;
      if (call.placement.kind === "with-item" && match.withCloses) continue;
      if (match.whenGiven && !argumentGiven(call, match, match.whenGiven)) continue;
      if (rule.requires === "start") {
        const start = callIndex(summary).byReceiver.get(call.id)?.find((c) => inBody.has(c.id) && c.receiver.method === "start");
        if (start) found.push({ rule, match, creation: call, start });
      } else if (rule.requires === "bound") {
        if (isKept(call, summary)) found.push({ rule, match, creation: call });
      } else {
        found.push({ rule, match, creation: call });
      }
    }
    const created = call.receiver?.method === "start" && call.receiver.via === "name" ? callById(summary, call.receiver.callId) : void 0;
    if (created && !inBody.has(created.id)) {
      for (const rule of rules) {
        if (rule.requires !== "start") continue;
        const match = matchCall(created, rule, summary, rules, bases);
        if (match) found.push({ rule, match, creation: created, start: call });
      }
    }
  }
  const claimed = new Set(found.filter((r) => r.match.target).map((r) => r.creation.id));
  return found.filter((r) => r.match.target || !claimed.has(r.creation.id));
}
function targetCalls(call, target, summary) {
  const positional = call.args.filter((a) => a.keyword === void 0);
  const given = call.args.find((a) => a.keyword === target.argument) ?? (target.position !== void 0 ? positional[target.position] : void 0);
  const name = given?.text.trim();
  if (!name || !/^[A-Za-z_][\w.]*$/.test(name)) return false;
  const qualname = name.startsWith("self.") && call.scope.kind === "function" ? `${call.scope.function.split(".").slice(0, -1).join(".")}.${name.slice(5)}` : name;
  return (callIndex(summary).byFunction.get(qualname) ?? []).some((c) => {
    const calleeName = c.callee ?? (c.receiver ? memberName2(c, summary) : void 0);
    return calleeName !== void 0 && target.calls.some((t) => qualifiedNameMatches(t, calleeName));
  });
}
function memberName2(call, summary) {
  const creator = callById(summary, call.receiver.callId);
  return creator?.callee ? `${creator.callee}.${call.receiver.method}` : void 0;
}
function argumentGiven(call, match, name) {
  const spec = match.arguments.find((a) => a.name === name);
  const positional = call.args.filter((a) => a.keyword === void 0 && !a.text.startsWith("*"));
  const given = call.args.find((a) => a.keyword === name) ?? (spec?.position !== void 0 ? positional[spec.position] : void 0);
  if (!given) return call.args.some((a) => a.text.startsWith("*"));
  return given.literal !== null && given.literal !== "";
}
function isKept(call, summary) {
  if (call.placement.kind === "default-argument") return true;
  if (call.scope.kind === "function") return call.assignedTo !== void 0 && call.assignedTo.includes(".");
  if (call.boundTo === void 0 && call.assignedTo === void 0) return false;
  return !(callIndex(summary).byReceiver.get(call.id) ?? []).some((c) => c.receiver.via === "chain");
}
var RuleError = class extends Error {
  constructor(ruleId, cause) {
    super(`rule ${ruleId}: ${String(cause)}`);
    this.ruleId = ruleId;
    this.cause = cause;
  }
  ruleId;
  cause;
};
var callIndexes = /* @__PURE__ */ new WeakMap();
function callIndex(summary) {
  let index = callIndexes.get(summary);
  if (!index) {
    index = { byReceiver: /* @__PURE__ */ new Map(), byFunction: /* @__PURE__ */ new Map() };
    for (const call of summary.calls) {
      if (call.receiver) {
        const list = index.byReceiver.get(call.receiver.callId);
        if (list) list.push(call);
        else index.byReceiver.set(call.receiver.callId, [call]);
      }
      if (call.scope.kind === "function") {
        const list = index.byFunction.get(call.scope.function);
        if (list) list.push(call);
        else index.byFunction.set(call.scope.function, [call]);
      }
    }
    callIndexes.set(summary, index);
  }
  return index;
}
function matchCall(call, rule, summary, rules, bases) {
  const lastNames = lastNamesOf(rule);
  const byName = (name) => lastNames?.has(name.slice(name.lastIndexOf(".") + 1)) === false ? void 0 : rule.matches.find(
    (m) => !m.methods && (qualifiedNameMatches(m.callee, name) || m.aliases.some((a) => qualifiedNameMatches(a, name))) && (!m.target || targetCalls(call, m.target, summary))
  );
  if (call.receiver) {
    const creator = callById(summary, call.receiver.callId);
    if (!creator) return void 0;
    if (creator.callee && !creator.calleeIsLocal) {
      const member = byName(`${creator.callee}.${call.receiver.method}`);
      if (member) return member;
    }
    const madeBy = (on) => {
      const onRule = rules.find((r) => r.id === on);
      if (onRule) return matchCall(creator, onRule, summary, rules, bases) !== void 0;
      const names = creator.callee && !creator.calleeIsLocal ? [creator.callee, ...bases(creator)] : bases(creator);
      if (names.some((name) => qualifiedNameMatches(on, name))) return true;
      const callee = creator.callee;
      return callee !== void 0 && !creator.calleeIsLocal && constructorAliases(on, rules).some((alias) => qualifiedNameMatches(alias, callee));
    };
    return rule.matches.find((m) => m.methods?.includes(call.receiver.method) && m.on.some(madeBy));
  }
  if (!call.callee) return void 0;
  return (!call.calleeIsLocal ? byName(call.callee) : void 0) ?? matchSubclass(rule, bases(call));
}
var aliasesByRules = /* @__PURE__ */ new WeakMap();
function constructorAliases(constructor, rules) {
  let known = aliasesByRules.get(rules);
  if (!known) aliasesByRules.set(rules, known = /* @__PURE__ */ new Map());
  let aliases = known.get(constructor);
  if (!aliases) {
    aliases = rules.flatMap((rule) => rule.matches.filter((m) => !m.methods && m.callee === constructor).flatMap((m) => m.aliases));
    known.set(constructor, aliases);
  }
  return aliases;
}
var lastNamesByRule = /* @__PURE__ */ new WeakMap();
function lastNamesOf(rule) {
  let names = lastNamesByRule.get(rule);
  if (names === void 0) {
    const all = rule.matches.flatMap((m) => [m.callee, ...m.aliases]).map((name) => name.slice(name.lastIndexOf(".") + 1));
    names = all.includes("*") ? null : new Set(all);
    lastNamesByRule.set(rule, names);
  }
  return names;
}
function matchSubclass(rule, bases) {
  for (const base of bases) {
    const match = rule.matches.find((m) => !m.methods && !m.target && [m.callee, ...m.aliases].some((name) => qualifiedNameMatches(name, base)));
    if (match) return match;
  }
  return void 0;
}
function reachOf(path16, graph, chains, entryByPath) {
  const chain = chains.get(path16);
  const reaching = modulesReaching(graph, path16);
  if (chain) {
    const entriesReaching = [...entryByPath.keys()].filter((p) => reaching.has(p)).length;
    return { kind: "entry", entry: entryByPath.get(chain.entry), chain: chain.hops, entriesReaching };
  }
  const seen = /* @__PURE__ */ new Set();
  const lazy = graph.lazyEdges.filter((edge) => {
    const key = `${edge.from}:${edge.line}`;
    if (!reaching.has(edge.to) || !chains.has(edge.from) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (lazy.length === 0) return { kind: "unreached" };
  const imports = lazy.map((edge) => ({ edge, rest: shortestChains(graph, [edge.to]).get(path16)?.hops ?? [] }));
  return { kind: "lazy", imports };
}
function toFinding(resource, path16, moduleName, reach, nameOf) {
  const { rule, match, creation, start, steps, creationPath } = resource;
  const trigger = steps[0]?.call ?? start ?? creation;
  const level = reach.kind === "entry" ? "error" : "warning";
  const related = [];
  const createdElsewhere = start !== void 0 && start.receiver?.via === "name";
  const dropped = resource.dropped;
  const creates = dropped ? "creates and discards" : "creates";
  const throughSteps = (max) => {
    const names = steps.map((step) => `\`${excerptCode(step.target.qualname, max)}()\``);
    return names.length > 2 ? `${names[0]} \u2192 \u2026 \u2192 ${names[names.length - 1]}` : names.join(" \u2192 ");
  };
  const headlineWith = (code) => {
    if (steps.length > 0) {
      const through = throughSteps(60);
      const where = creationPath === path16 ? `line ${creation.span.line}` : `\`${excerptCode(nameOf(creationPath), 80)}\` line ${creation.span.line}`;
      const verb = start ? `starts ${match.what} (\`${excerptCode(start.text, code)}\`` : `${creates} ${match.what} (\`${excerptCode(creation.text, code)}\``;
      return `\`${excerptCode(trigger.text, code)}\` ${verb} in ${through}, ${where})`;
    }
    const action = start ? `\`${excerptCode(start.text, code)}\` starts ${match.what}` : `\`${excerptCode(creation.text, code)}\` ${creates} ${match.what}`;
    const created = createdElsewhere ? ` (created on line ${creation.span.line})` : "";
    return `${action}${created}${placementPhrase(creation.placement)}`;
  };
  const briefHeadline = (code) => {
    if (steps.length === 0) return headlineWith(code);
    return `\`${excerptCode(trigger.text, code)}\` ${start ? "starts" : creates} ${match.what} in ${throughSteps(40)} (line ${(start ?? creation).span.line})`;
  };
  if (steps.length > 0) {
    related.push({ path: creationPath, span: (start ?? creation).span, message: `${start ? "started" : "created"} here: ${(start ?? creation).statementText}` });
    for (const step of steps.slice(1)) related.push({ path: step.path, span: step.call.span, message: `calls ${step.target.qualname}(): ${step.call.statementText}` });
  } else if (createdElsewhere) {
    related.push({ path: path16, span: creation.span, message: `created here: ${creation.statementText}` });
  }
  if (reach.kind === "entry") {
    related.push({
      path: reach.entry.path,
      span: spanAt(reach.entry.evidence.line, reach.entry.evidence.column),
      message: `entry: ${reach.entry.description}`
    });
  } else if (reach.kind === "lazy") {
    for (const { edge } of reach.imports.slice(0, 3)) {
      related.push({ path: edge.from, span: spanAt(edge.line ?? 1, edge.column ?? 1), message: `imported lazily: ${edge.text ?? ""}` });
    }
  }
  const condition = conditionOf(resource) ?? void 0;
  const cost = dropped ? droppedCost(match, rule.resource) : `${capitalise(fillCost(match, creation.args))}.`;
  const atSetup = steps[0]?.target.hook === "django-ready";
  const when = (max) => condition ? `${atSetup ? ", if" : " when"} \`${excerptCode(condition, max)}\`` : "";
  const whileImported = (max) => atSetup ? " when Django sets up its apps" : ` while \`${excerptCode(moduleName, max)}\` is imported`;
  const selfEntry = atSetup && reach.kind === "entry" && !reach.chain.some((hop) => hop.kind === "import");
  const reached = (short) => selfEntry ? "" : `, ${reachPhrase(reach, nameOf, short)}`;
  const candidates = [
    `${headlineWith(80)}${whileImported(80)}${when(80)}${reached(false)}.`,
    `${headlineWith(80)}${whileImported(80)}${when(80)}${reached(true)}.`,
    // The module keeps its full dotted name as long as it can: thirteen `base` modules are told apart by it.
    `${headlineWith(40)}${whileImported(80)}${when(60)}${reached(true)}.`,
    `${headlineWith(40)}${whileImported(50)}${when(40)}${reached(true)}.`,
    // Rather than a condition cut short: that there is one, then a headline without the code it runs.
    ...condition ? [`${headlineWith(40)}${whileImported(50)}, under a condition${reached(true)}.`] : [],
    `${briefHeadline(40)}${whileImported(50)}${condition ? ", under a condition" : ""}${reached(true)}.`
  ];
  const message = bounded(candidates.find((m) => m.length <= MAX_FINDING_MESSAGE) ?? candidates[candidates.length - 1]);
  const shorter = candidates.filter((m) => m !== message && m.length < message.length && m.length <= MAX_FINDING_MESSAGE);
  const finding = {
    ruleId: rule.id,
    level,
    path: path16,
    span: trigger.span,
    module: moduleName,
    message,
    cost,
    fix: rule.fix,
    ...condition ? { condition } : {},
    resource: {
      callee: match.callee || `${match.methods.join("/")}()`,
      text: creation.text,
      statement: trigger.statementText,
      ...creation.boundTo && steps.length === 0 ? { boundTo: creation.boundTo } : {}
    },
    reach,
    ...steps.length ? {
      callPath: [
        ...steps.slice(1).map((step) => ({ path: step.path, span: step.call.span, message: `calls ${step.target.qualname}(): ${step.call.statementText}` })),
        { path: creationPath, span: (start ?? creation).span, message: (start ?? creation).statementText }
      ]
    } : {},
    related
  };
  if (shorter.length) shorterMessages.set(finding, shorter);
  return finding;
}
var shorterMessages = /* @__PURE__ */ new WeakMap();
function reachPhrase(reach, nameOf, short) {
  switch (reach.kind) {
    case "entry": {
      const entryModule = `\`${excerptCode(nameOf(reach.entry.path), 80)}\``;
      const hops = reach.chain.filter((hop) => hop.kind === "import").length;
      if (short) return hops === 0 ? `which is itself an entry (${entryModule})` : `reached from the entry in ${entryModule}`;
      const via = hops === 0 ? "which is itself" : hops === 1 ? "imported directly by" : `imported through ${hops} imports from`;
      const others = reach.entriesReaching > 1 ? ` (and ${reach.entriesReaching - 1} other entr${reach.entriesReaching === 2 ? "y" : "ies"})` : "";
      return `${via} the ${reach.entry.description} in ${entryModule}${others}`;
    }
    case "lazy": {
      const first = reach.imports[0].edge;
      const from = `\`${excerptCode(nameOf(first.from), 80)}\``;
      if (short) return `but only a lazy import in ${from} (line ${first.line}) reaches it`;
      const where = first.scope.kind === "function" ? ` inside \`${excerptCode(first.scope.function, 60)}()\`` : "";
      const more = reach.imports.length > 1 ? ` (and ${reach.imports.length - 1} other lazy import${reach.imports.length === 2 ? "" : "s"})` : "";
      return `but no entry imports it at start-up: it is imported lazily${where} in ${from} (line ${first.line})${more}`;
    }
    case "unreached":
    case "none":
      return "but no entry found imports it at start-up";
  }
}
function excerptCode(code, max) {
  const flat = code.replace(/[ \t\n\r\f\v]+/g, " ").replace(/`/g, "'");
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}\u2026`;
}
function bounded(message) {
  if (message.length <= MAX_FINDING_MESSAGE) return message;
  const cut = message.slice(0, MAX_FINDING_MESSAGE - 2);
  const space = cut.lastIndexOf(" ");
  const text = space > MAX_FINDING_MESSAGE / 2 ? cut.slice(0, space) : cut;
  return `${text}${(text.match(/`/g) ?? []).length % 2 ? "`" : ""}\u2026`;
}
function withSentence(finding, sentence) {
  for (const message of [finding.message, ...shorterMessages.get(finding) ?? []]) {
    const longer = `${message} ${sentence}`;
    if (longer.length <= MAX_FINDING_MESSAGE) return longer;
  }
  return finding.message;
}
var DROPPED_RESOURCES = /* @__PURE__ */ new Set(["client", "connection", "model"]);
function droppedCost(match, resource) {
  if (resource === "connection") {
    return "It is discarded with the statement that opens it (nothing keeps it or the client it is made on), so it does not stay open; each process that imports the module still connects at start-up, so the import is as slow as the server and fails when it is down.";
  }
  return `It is created and discarded during import (nothing keeps it), so it does not stay in the process; each process that imports the module still pays for making ${match.what}, and for any connection or request it makes then, at start-up.`;
}
function conditionOf(resource) {
  if (resource.condition !== void 0) return resource.condition;
  return allOf([resource.steps.length ? resource.pathCondition : void 0, resource.creation.condition, resource.start?.condition]) ?? void 0;
}
function placementPhrase(placement) {
  switch (placement.kind) {
    case "class-body":
      return ` in the body of class \`${placement.className}\``;
    case "default-argument":
      return ` as the default value of \`${placement.parameter}\` in \`def ${placement.function}\` (evaluated once, when the def runs)`;
    case "decorator":
      return ` in a decorator of \`${placement.target}\``;
    default:
      return "";
  }
}
function fillCost(match, args) {
  const positional = args.filter((a) => a.keyword === void 0);
  return match.cost.replace(/\{(\w+)\}/g, (_, name) => {
    const spec = match.arguments.find((a) => a.name === name);
    const given = args.find((a) => a.keyword === name) ?? (spec?.position !== void 0 ? positional[spec.position] : void 0);
    if (given) {
      if (typeof given.literal === "number") return String(given.literal);
      if (given.constant !== void 0) return `\`${given.text}\` (${given.constant})`;
      if (given.fromEnvironment) return `\`${given.text}\` (${given.fromEnvironment.value} unless ${given.fromEnvironment.variable} is set)`;
      if (given.literal === null && spec?.default) return `\`${spec.default}\` (the default)`;
      return `\`${given.text}\``;
    }
    const poolclass = args.find((a) => a.keyword === "poolclass");
    if (poolclass && /pool_size/.test(name)) return `\`${name}\` (as \`poolclass=${poolclass.text}\` decides)`;
    const splat = args.find((a) => a.keyword === void 0 && a.text.startsWith("**")) ?? (spec?.position !== void 0 ? args.find((a) => a.keyword === void 0 && a.text.startsWith("*")) : void 0);
    if (splat) return spec?.default ? `\`${name}\` (from \`${splat.text}\`, or \`${spec.default}\` by default)` : `\`${name}\` (from \`${splat.text}\`)`;
    return spec?.default ? `\`${spec.default}\` (the default)` : `the given ${name}`;
  });
}
function spanAt(line, column) {
  return { line, column, endLine: line, endColumn: column };
}
function capitalise(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// src/check/namedScripts.ts
import path5 from "node:path";

// src/deploy/consoleScripts.ts
import path4 from "node:path";

// src/deploy/formats/fly.ts
import path3 from "node:path";

// src/deploy/commandLine.ts
import path2 from "node:path";

// src/deploy/environment.ts
var EMPTY_ENVIRONMENT = /* @__PURE__ */ new Map();
function withVariables(base, added) {
  const merged = new Map(base);
  for (const value of added) merged.set(value.name, value);
  return merged;
}
var SIMPLE_EXPANSION = /^\$(?:([A-Za-z_][A-Za-z0-9_]*)|\{([A-Za-z_][A-Za-z0-9_]*)\})$/;
var DEFAULTED = /^"?(\$\{([A-Za-z_][A-Za-z0-9_]*):?-[^$`{}"'\s]*\})"?$/;
function expandKnown(word, env) {
  if (!word.expands || !word.parts) return word;
  let text = "";
  let defaulted = false;
  const parts = [];
  for (const part of word.parts) {
    if (typeof part === "string") {
      text += part;
      parts.push(part);
      continue;
    }
    const match = SIMPLE_EXPANSION.exec(part.expansion);
    const known = match ? env.get(match[1] ?? match[2]) : void 0;
    if (known?.value !== void 0) {
      text += known.value;
      parts.push(known.value);
      continue;
    }
    const written = known ? DEFAULTED.exec(known.written) : null;
    if (!written || written[2] !== known.name && env.has(written[2])) return word;
    text += written[1];
    parts.push({ expansion: written[1] });
    defaulted = true;
  }
  return defaulted ? { text, raw: word.raw, line: word.line, expands: true, parts } : { text, raw: word.raw, line: word.line, expands: false };
}
function expandKnownWords(word, env) {
  if (!word.expands || !word.parts || ASSIGNMENT.test(word.raw)) return [expandKnown(word, env)];
  const valueOf = (part) => {
    if (typeof part === "string" || part.quoted) return void 0;
    const match = SIMPLE_EXPANSION.exec(part.expansion);
    return match ? env.get(match[1] ?? match[2])?.value : void 0;
  };
  const splits = (value) => value !== void 0 && (value === "" || BLANK.test(value));
  if (!word.parts.some((part) => splits(valueOf(part)))) return [expandKnown(word, env)];
  const fields = [];
  let current;
  for (const part of word.parts) {
    const value = valueOf(part);
    if (value === void 0) {
      (current ??= []).push(part);
      continue;
    }
    const pieces = value.split(BLANKS);
    pieces.forEach((piece, i) => {
      if (i > 0 && current) {
        fields.push(current);
        current = void 0;
      }
      if (piece !== "") (current ??= []).push(piece);
    });
  }
  if (current) fields.push(current);
  return fields.map((parts) => {
    const expands = parts.some((p) => typeof p !== "string");
    const text = parts.map((p) => typeof p === "string" ? p : p.expansion).join("");
    return expandKnown({ text, raw: word.raw, line: word.line, expands, ...expands ? { parts } : {} }, env);
  });
}
var ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=/;
var BLANK = /[ \t\n]/;
var BLANKS = /[ \t\n]+/;
function assignmentOf(word, file) {
  const match = ASSIGNMENT.exec(word.raw);
  if (!match) return void 0;
  const name = match[1];
  const value = word.text.slice(name.length + 1);
  return { name, written: word.raw.slice(name.length + 1), file, line: word.line, ...word.expands ? {} : { value } };
}

// src/deploy/options.ts
function optionsVariable(word) {
  if (!word.expands || word.parts?.length !== 1) return void 0;
  const part = word.parts[0];
  if (typeof part === "string" || part.quoted) return void 0;
  const match = /^\$(?:([A-Za-z_][A-Za-z0-9_]*)|\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^$`{}"'\\]*))?\})$/.exec(part.expansion);
  if (!match) return void 0;
  const variable = match[1] ?? match[2];
  const fallback = match[3]?.split(/[ \t\n]+/).filter(Boolean);
  if (!(fallback?.[0]?.startsWith("-") || OPTIONS_NAME.test(variable))) return void 0;
  return { word, variable, ...fallback?.length ? { defaultWords: fallback.map((text) => ({ text, raw: text, line: word.line, expands: false })) } : {} };
}
var OPTIONS_NAME = /(?:^|_)(?:OPTS|OPTIONS|ARGS|ARGUMENTS|FLAGS|PARAMS)$/i;
function parseArguments(words, specs, style, { stopAtPositional = false } = {}) {
  const { byName, longNames } = namesOf(specs);
  const result = { options: [], positionals: [], unknown: [], ambiguous: [], missingValue: [], variables: [] };
  let onlyPositionals = false;
  const lookupLong = (name) => {
    const exact = byName.get(name);
    if (exact) return { spec: exact, name };
    if (style === "click") return void 0;
    const candidates = longNames.filter((n) => n.startsWith(name));
    const specsFound = new Set(candidates.map((n) => byName.get(n)));
    if (specsFound.size > 1) return "ambiguous";
    return specsFound.size === 1 ? { spec: [...specsFound][0], name } : void 0;
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const text = word.text;
    if (onlyPositionals || text === "-" || !text.startsWith("-") || word.expands && !/^-[-\w]/.test(text)) {
      if (stopAtPositional) {
        for (let k = i; k < words.length; k++) result.positionals.push(words[k]);
        break;
      }
      const held = onlyPositionals ? void 0 : optionsVariable(word);
      if (held) result.variables.push({ ...held, optionsBefore: result.options.length });
      result.positionals.push(word);
      if (style === "getopt") onlyPositionals = true;
      continue;
    }
    if (text === "--") {
      onlyPositionals = true;
      continue;
    }
    const takeNext = (name) => {
      const next = words[i + 1];
      if (!next) {
        result.missingValue.push({ name, line: word.line });
        return {};
      }
      i++;
      return { value: next.text, expands: next.expands };
    };
    if (text.startsWith("--")) {
      const eq = text.indexOf("=");
      const written = eq < 0 ? text : text.slice(0, eq);
      const found = lookupLong(written);
      if (found === "ambiguous") {
        result.ambiguous.push(word);
        continue;
      }
      if (!found) {
        result.unknown.push(word);
        continue;
      }
      const { spec } = found;
      if (!spec.takesValue) {
        result.options.push({ key: spec.key, name: written, line: word.line });
        continue;
      }
      const value = eq < 0 ? takeNext(written) : { value: text.slice(eq + 1), expands: word.expands };
      result.options.push(option(spec.key, written, value, word.line));
      continue;
    }
    if (style === "getopt") {
      result.unknown.push(word);
      continue;
    }
    let rest = text.slice(1);
    while (rest.length > 0) {
      const name = `-${rest[0]}`;
      const spec = byName.get(name) ?? (style === "argparse" && rest.length > 1 ? byName.get(`-${rest}`) : void 0);
      if (!spec) {
        result.unknown.push(word);
        break;
      }
      if (!spec.takesValue) {
        result.options.push({ key: spec.key, name, line: word.line });
        rest = rest.slice(1);
        continue;
      }
      let attached = rest.slice(1);
      if (style === "argparse" && attached.startsWith("=")) attached = attached.slice(1);
      const value = attached.length > 0 ? { value: attached, expands: word.expands } : takeNext(name);
      result.options.push(option(spec.key, name, value, word.line));
      break;
    }
  }
  return result;
}
var specNames = /* @__PURE__ */ new WeakMap();
function namesOf(specs) {
  let names = specNames.get(specs);
  if (!names) {
    const byName = /* @__PURE__ */ new Map();
    for (const spec of specs) for (const name of spec.names) byName.set(name, spec);
    names = { byName, longNames: [...byName.keys()].filter((n) => n.startsWith("--")) };
    specNames.set(specs, names);
  }
  return names;
}
function option(key, name, value, line) {
  return {
    key,
    name,
    ...value.value !== void 0 ? { value: value.value } : {},
    ...value.expands ? { valueExpands: true } : {},
    line
  };
}
function optionTable(table) {
  return Object.entries(table).map(([names, key]) => ({
    names: names.split(/\s+/),
    key: key.replace(/!$/, ""),
    takesValue: !key.endsWith("!")
  }));
}

// src/deploy/servers/common.ts
function emptyReading(server) {
  return { server, environmentDefaults: {}, environmentArguments: {}, commandLine: {}, problems: [] };
}
var IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
var DOTTED = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
var PYTHON_INT = /^\s*[+-]?\d+(?:_\d+)*\s*$/;
function pythonInt(text) {
  return PYTHON_INT.test(text) ? Number(text.replace(/_/g, "")) : void 0;
}
function intSetting(reading, option2, context) {
  const via = `${context.viaPrefix ?? ""}${option2.name}`;
  const base = { file: context.file, line: option2.line, origin: context.origin, via };
  if (option2.value === void 0) return void 0;
  if (option2.valueExpands) return { ...base, expression: option2.value };
  const value = pythonInt(option2.value);
  if (value === void 0) {
    reading.problems.push({ file: context.file, line: option2.line, message: `${context.tool} ${via} ${JSON.stringify(option2.value)}: not an integer; ${context.tool} refuses to start` });
    return void 0;
  }
  return { ...base, value };
}
function stringSetting(option2, context) {
  if (option2.value === void 0) return void 0;
  const base = { file: context.file, line: option2.line, origin: context.origin, via: `${context.viaPrefix ?? ""}${option2.name}` };
  return option2.valueExpands ? { ...base, expression: option2.value } : { ...base, value: option2.value };
}
function flagSetting(option2, context, value = true) {
  return { file: context.file, line: option2.line, origin: context.origin, via: `${context.viaPrefix ?? ""}${option2.name}`, value };
}
function envIntSetting(reading, variable, tool) {
  const base = { file: variable.file, line: variable.line, origin: "environment", via: variable.name };
  if (variable.value === void 0) return { ...base, expression: variable.written };
  const value = pythonInt(variable.value);
  if (value === void 0) {
    reading.problems.push({ file: variable.file, line: variable.line, message: `${variable.name}=${JSON.stringify(variable.value)} is not an integer; ${tool} refuses to start` });
    return void 0;
  }
  return { ...base, value };
}
function heldCount(parsed, key, current, fromWords, file) {
  let count = current;
  for (const held of parsed.variables) {
    if (parsed.options.slice(held.optionsBefore).some((option2) => option2.key === key)) continue;
    const unset = (held.defaultWords ? fromWords(held.defaultWords) : void 0) ?? count;
    count = { file, line: held.word.line, origin: "command-line", via: `$${held.variable}`, expression: held.word.raw, optionsOf: { variable: held.variable, ...held.defaultWords ? { hasDefault: true } : {}, ...unset ? { unset } : {} } };
  }
  return count;
}
function reportUsageErrors(reading, parsed, file, tool) {
  for (const word of parsed.unknown) {
    reading.problems.push({ file, line: word.line, message: `${tool} does not know the option ${JSON.stringify(word.text)} and refuses to start` });
  }
  for (const word of parsed.ambiguous) {
    reading.problems.push({ file, line: word.line, message: `${tool}: the abbreviation ${JSON.stringify(word.text.split("=")[0])} matches several options ("ambiguous option"), so it refuses to start` });
  }
  for (const { name, line } of parsed.missingValue) {
    reading.problems.push({ file, line, message: `${tool} ${name} needs a value and refuses to start without one` });
  }
}
function appSpecOf(word, file, style) {
  const written = word.text;
  const colon = written.indexOf(":");
  const module = colon < 0 ? written : written.slice(0, colon);
  let attribute = colon < 0 ? style.defaultAttribute : written.slice(colon + 1);
  let factory = false;
  if (attribute && style.calls) {
    const call = /^([A-Za-z_][A-Za-z0-9_]*)\s*\((.*)\)\s*$/s.exec(attribute);
    if (call) {
      attribute = call[1];
      factory = true;
    } else if (!IDENTIFIER.test(attribute.trim())) return void 0;
    attribute = attribute.trim();
  } else if (attribute !== void 0 && !DOTTED.test(attribute)) return void 0;
  if (!DOTTED.test(module)) return void 0;
  return {
    file,
    line: word.line,
    written,
    module,
    ...attribute ? { attribute } : {},
    ...factory ? { factory: true } : {}
  };
}

// src/deploy/servers/celery.ts
var CELERY_GLOBAL_OPTIONS = optionTable({
  "-A --app": "app",
  "-b --broker": "other",
  "--result-backend": "other",
  "--loader": "other",
  "--config": "other",
  "--workdir": "workdir",
  "-C --no-color": "other!",
  "-q --quiet": "other!",
  "--version": "other!",
  "--skip-checks": "other!",
  "--help": "other!"
});
var CELERY_WORKER_OPTIONS = optionTable({
  "-c --concurrency": "concurrency",
  "-P --pool": "pool",
  "--autoscale": "autoscale",
  "-B --beat": "beat!",
  "-D --detach": "other!",
  "--disable-prefetch": "other!",
  "-E --task-events --events": "other!",
  "--purge --discard": "other!",
  "--without-gossip": "other!",
  "--without-mingle": "other!",
  "--without-heartbeat": "other!",
  "--help": "other!",
  ...Object.fromEntries(
    [
      "-n --hostname",
      "-S --statedb",
      "-l --loglevel",
      "-O --optimization",
      "--prefetch-multiplier",
      "--time-limit",
      "--soft-time-limit",
      "--max-tasks-per-child",
      "--max-memory-per-child",
      "--queues -Q",
      "--exclude-queues -X",
      "--include -I",
      "--heartbeat-interval",
      "-s --schedule-filename --schedule",
      "--scheduler",
      "--logfile -f",
      "--pidfile",
      "--uid",
      "--gid",
      "--umask",
      "--executable"
    ].map((n) => [n, "other"])
  )
});
var POOLS = /* @__PURE__ */ new Set(["prefork", "eventlet", "gevent", "solo", "processes", "threads", "custom"]);
function readCeleryCommand(args, context) {
  const reading = emptyReading("celery");
  const global = parseArguments(args, CELERY_GLOBAL_OPTIONS, "click", { stopAtPositional: true });
  for (const word of global.unknown) reading.problems.push({ file: context.file, line: word.line, message: `celery does not know the option ${JSON.stringify(word.text)} and refuses to start` });
  let appWord;
  for (const option2 of global.options) {
    if (option2.key === "app" && option2.value !== void 0 && !option2.valueExpands) appWord = { text: option2.value, line: option2.line, file: context.file };
    if (option2.key === "workdir" && option2.value !== void 0) reading.workingDirectory = option2.value;
  }
  const [subcommandWord, ...rest] = global.positionals;
  const subcommand = subcommandWord?.text ?? "";
  reading.celery = { subcommand };
  if (subcommand === "worker") readWorkerOptions(reading, rest, context, (word) => appWord ??= word);
  else {
    const misplaced = rest.findIndex((w) => w.text === "-A" || w.text === "--app" || w.text.startsWith("--app="));
    if (misplaced >= 0) misplacedApp(reading, rest, misplaced, context, subcommand, (word) => appWord ??= word);
  }
  if (!appWord) {
    const fromEnv = context.env.get("APP");
    if (fromEnv?.value !== void 0) appWord = { text: fromEnv.value, line: fromEnv.line, file: fromEnv.file };
  }
  if (appWord) reading.appSpec = celeryAppSpec(appWord);
  return reading;
}
function readWorkerOptions(reading, words, context, foundApp) {
  const misplaced = words.findIndex((w) => w.text === "-A" || w.text === "--app" || w.text.startsWith("--app="));
  if (misplaced >= 0) {
    words = misplacedApp(reading, words, misplaced, context, "worker", foundApp);
  }
  const parsed = parseArguments(words, CELERY_WORKER_OPTIONS, "click");
  for (const word of parsed.unknown) reading.problems.push({ file: context.file, line: word.line, message: `celery worker does not know the option ${JSON.stringify(word.text)} and refuses to start` });
  for (const { name, line } of parsed.missingValue) reading.problems.push({ file: context.file, line, message: `celery worker ${name} needs a value` });
  const celery = reading.celery;
  const where = { file: context.file, origin: "command-line" };
  for (const option2 of parsed.options) {
    if (option2.key === "concurrency") {
      const setting = intSetting(reading, option2, { ...where, tool: "celery worker" });
      if (setting && !("value" in setting && setting.value === 0)) celery.concurrency = setting;
    } else if (option2.key === "pool") {
      const setting = poolSetting(reading, stringSetting(option2, where));
      if (setting) celery.pool = setting;
    } else if (option2.key === "autoscale") {
      const setting = stringSetting(option2, where);
      if (setting) celery.autoscale = setting;
    } else if (option2.key === "beat") celery.embeddedBeat = { file: context.file, line: option2.line };
  }
  if (!celery.concurrency) {
    const fromEnv = context.env.get("CELERY_WORKER_CONCURRENCY");
    const setting = fromEnv ? envIntSetting(reading, fromEnv, "celery worker") : void 0;
    if (setting && !("value" in setting && setting.value === 0)) celery.concurrency = setting;
  }
  const held = heldCount(parsed, "concurrency", celery.concurrency, (defaults) => concurrencyOf(reading, defaults, where), context.file);
  if (held) celery.concurrency = held;
  if (!celery.pool) {
    const fromEnv = context.env.get("CELERY_WORKER_POOL");
    if (fromEnv) {
      const base = { file: fromEnv.file, line: fromEnv.line, origin: "environment", via: fromEnv.name };
      const setting = poolSetting(reading, fromEnv.value === void 0 ? { ...base, expression: fromEnv.written } : { ...base, value: fromEnv.value });
      if (setting) celery.pool = setting;
    }
  }
}
function concurrencyOf(reading, words, where) {
  let found;
  for (const option2 of parseArguments(words, CELERY_WORKER_OPTIONS, "click").options) {
    if (option2.key !== "concurrency") continue;
    const setting = intSetting(reading, option2, { ...where, tool: "celery worker" });
    if (setting && !("value" in setting && setting.value === 0)) found = setting;
  }
  return found;
}
function misplacedApp(reading, words, index, context, subcommand, foundApp) {
  const word = words[index];
  const inline = word.text.startsWith("--app=") ? word.text.slice("--app=".length) : void 0;
  const value = inline ?? words[index + 1]?.text;
  reading.problems.push({
    file: context.file,
    line: word.line,
    message: `\`celery ${subcommand} ${word.text.split("=")[0]} ...\`: Celery 5 refuses -A/--app after the subcommand (write \`celery -A ${value ?? "proj"} ${subcommand}\`); read as if it were before`
  });
  if (value !== void 0) foundApp({ text: value, line: word.line, file: context.file });
  return [...words.slice(0, index), ...words.slice(index + (inline !== void 0 ? 1 : 2))];
}
function poolSetting(reading, setting) {
  if (!setting || !("value" in setting)) return setting;
  if (POOLS.has(setting.value)) return setting;
  reading.problems.push({
    file: setting.file,
    line: setting.line,
    message: `celery worker ${setting.via} ${JSON.stringify(setting.value)}: not one of ${[...POOLS].join(", ")}; celery refuses to start`
  });
  return void 0;
}
function celeryAppSpec(word) {
  const colon = word.text.indexOf(":");
  const module = colon < 0 ? word.text : word.text.slice(0, colon);
  return {
    file: word.file,
    line: word.line,
    written: word.text,
    module,
    ...colon < 0 ? {} : { attribute: word.text.slice(colon + 1) }
  };
}

// src/deploy/servers/daphne.ts
var DAPHNE_OPTIONS = optionTable({
  "-p --port": "port",
  "-b --bind": "bind",
  "--proxy-headers": "other!",
  "-h --help": "other!",
  ...Object.fromEntries(
    [
      "--websocket_timeout",
      "--websocket_connect_timeout",
      "-u --unix-socket",
      "--fd",
      "-e --endpoint",
      "-v --verbosity",
      "-t --http-timeout",
      "--access-log",
      "--log-fmt",
      "--ping-interval",
      "--ping-timeout",
      "--application-close-timeout",
      "--asgi-protocol",
      "--root-path",
      "--proxy-headers-host",
      "--proxy-headers-port",
      "-s --server-name"
    ].map((n) => [n, "other"])
  ),
  // `--ws-protocol` takes any number of values (nargs="*"); read as a flag.
  "--ws-protocol": "other!"
});
function readDaphneCommand(args, context) {
  const reading = emptyReading("daphne");
  const parsed = parseArguments(args, DAPHNE_OPTIONS, "argparse");
  reportUsageErrors(reading, parsed, context.file, "daphne");
  const app = parsed.positionals.find((word) => !word.expands);
  if (app) {
    const spec = appSpecOf(app, context.file, {});
    if (spec?.attribute) reading.appSpec = spec;
    else reading.problems.push({ file: context.file, line: app.line, message: `daphne cannot import ${JSON.stringify(app.text)}: it must be path.to.module:instance.path` });
  }
  return reading;
}

// src/deploy/servers/fastapi.ts
var FASTAPI_OPTIONS = optionTable({
  "--workers": "workers",
  "--reload": "reload!",
  "--no-reload": "no_reload!",
  "--app": "app",
  "--entrypoint -e": "entrypoint",
  "--host": "other",
  "--port": "other",
  "--root-path": "other",
  "--forwarded-allow-ips": "other",
  "--proxy-headers": "other!",
  "--no-proxy-headers": "other!",
  "--help": "other!"
});
var FASTAPI_DEFAULT_PATHS = ["main.py", "app.py", "api.py", "app/main.py", "app/app.py", "app/api.py"];
function readFastapiCommand(args, context) {
  const parsed = parseArguments(args, FASTAPI_OPTIONS, "click");
  const [subcommand, path16] = parsed.positionals;
  if (!subcommand || subcommand.text !== "run" && subcommand.text !== "dev") return void 0;
  const reading = emptyReading("uvicorn");
  const where = { file: context.file, origin: "command-line" };
  let attribute = "app";
  let entrypoint;
  if (subcommand.text === "dev") reading.commandLine.reload = { file: context.file, line: subcommand.line, origin: "command-line", via: "fastapi dev", value: true };
  for (const option2 of parsed.options) {
    if (option2.key === "workers") {
      const setting = intSetting(reading, option2, { ...where, tool: "fastapi" });
      if (setting) reading.commandLine.workers = setting;
    } else if (option2.key === "reload") reading.commandLine.reload = flagSetting(option2, where);
    else if (option2.key === "no_reload") reading.commandLine.reload = flagSetting(option2, where, false);
    else if (option2.key === "app" && option2.value !== void 0 && !option2.valueExpands) attribute = option2.value;
    else if (option2.key === "entrypoint" && option2.value !== void 0 && !option2.valueExpands) entrypoint = { text: option2.value, raw: option2.value, line: option2.line, expands: false };
  }
  const concurrency = context.env.get("WEB_CONCURRENCY");
  if (concurrency) {
    const workers = envIntSetting(reading, concurrency, "uvicorn");
    if (workers) reading.environmentDefaults.workers = workers;
  }
  if (entrypoint) {
    const [module, name] = entrypoint.text.split(":");
    if (module) reading.appSpec = { file: context.file, line: entrypoint.line, written: entrypoint.text, module, attribute: name || attribute };
    return reading;
  }
  if (path16 && !path16.expands) {
    const clean = path16.text.replace(/^\.\//, "").replace(/\/+$/, "");
    const script2 = /\.py$/.test(clean) ? clean : `${clean}/__init__.py`;
    const module = script2.replace(/(\/__init__)?\.py$/, "").split("/").filter(Boolean).join(".");
    reading.appSpec = { file: context.file, line: path16.line, written: path16.text, module, attribute, script: script2 };
  } else if (!path16) {
    reading.appSpec = { file: context.file, line: subcommand.line, written: `fastapi ${subcommand.text}`, module: "main", attribute, candidates: FASTAPI_DEFAULT_PATHS };
  }
  return reading;
}

// src/deploy/servers/dramatiq.ts
var DRAMATIQ_OPTIONS = optionTable({
  "-p --processes": "processes",
  "-t --threads": "threads",
  "--skip-logging": "other!",
  "--use-spawn": "other!",
  "--watch-use-polling": "other!",
  "--version": "other!",
  "-v --verbose": "other!",
  "-h --help": "other!",
  ...Object.fromEntries(
    ["--pid-file", "--log-file", "-f --fork-function", "--worker-fork-timeout", "--worker-shutdown-timeout", "--watch", "-i --watch-include", "-x --watch-exclude"].map((n) => [n, "other"])
  )
});
var LIST_OPTIONS = /* @__PURE__ */ new Set(["-Q", "--queues", "-P", "--path"]);
function readDramatiqCommand(args, context) {
  const reading = emptyReading("dramatiq");
  const { words, paths } = withoutListOptions(args);
  const parsed = parseArguments(words, DRAMATIQ_OPTIONS, "argparse");
  reportUsageErrors(reading, parsed, context.file, "dramatiq");
  const where = { file: context.file, origin: "command-line", tool: "dramatiq" };
  for (const option2 of parsed.options) {
    if (option2.key === "processes") {
      const setting = intSetting(reading, option2, where);
      if (setting) reading.commandLine.workers = setting;
    } else if (option2.key === "threads") {
      const setting = intSetting(reading, option2, where);
      if (setting) reading.commandLine.threads = setting;
    }
  }
  if (paths.length) reading.pythonPath = paths;
  const [broker, ...modules] = parsed.positionals;
  if (!broker) {
    reading.problems.push({ file: context.file, line: args[0]?.line ?? 1, message: "dramatiq needs the module of its broker (`dramatiq app.broker app.tasks`) and refuses to start without one" });
    return reading;
  }
  if (broker.expands) return reading;
  const spec = appSpecOf(broker, context.file, {});
  if (!spec) {
    reading.problems.push({ file: context.file, line: broker.line, message: `dramatiq cannot import ${JSON.stringify(broker.text)}: it must be module or module:broker` });
    return reading;
  }
  const named = modules.filter((w) => !w.expands && /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/.test(w.text)).map((w) => w.text);
  reading.appSpec = named.length ? { ...spec, alsoImports: named } : spec;
  return reading;
}
function withoutListOptions(args) {
  const words = [];
  const paths = [];
  for (let i = 0; i < args.length; i++) {
    const text = args[i].text;
    const name = text.split("=")[0];
    if (!LIST_OPTIONS.has(name)) {
      words.push(args[i]);
      continue;
    }
    const values = [];
    if (text.includes("=")) values.push({ ...args[i], text: text.slice(name.length + 1) });
    else while (i + 1 < args.length && !args[i + 1].text.startsWith("-")) values.push(args[++i]);
    if (name === "-P" || name === "--path") paths.push(...values.filter((w) => !w.expands).map((w) => w.text));
  }
  return { words, paths };
}

// src/deploy/servers/granian.ts
var GRANIAN_OPTIONS = optionTable({
  "--workers": "workers",
  "--interface": "interface",
  "--factory": "factory!",
  "--no-factory": "other!",
  "--reload": "reload!",
  "--no-reload": "other!",
  "--working-dir": "working_dir",
  ...Object.fromEntries(
    [
      "ws",
      "http1-keep-alive",
      "http1-pipeline-flush",
      "http2-adaptive-window",
      "log",
      "access-log",
      "ssl-client-verify",
      "respawn-failed-workers",
      "metrics",
      "reload-ignore-worker-failure"
    ].flatMap((name) => [[`--${name}`, "other!"], [`--no-${name}`, "other!"]])
  ),
  "--version": "other!",
  "--help": "other!",
  ...Object.fromEntries(
    [
      "--host",
      "--port",
      "--uds",
      "--uds-permissions",
      "--http",
      "--blocking-threads",
      "--blocking-threads-idle-timeout",
      "--runtime-threads",
      "--runtime-blocking-threads",
      "--runtime-mode",
      "--loop",
      "--task-impl",
      "--backlog",
      "--backpressure",
      "--http1-buffer-size",
      "--http1-header-read-timeout",
      "--http2-initial-connection-window-size",
      "--http2-initial-stream-window-size",
      "--http2-keep-alive-interval",
      "--http2-keep-alive-timeout",
      "--http2-max-concurrent-streams",
      "--http2-max-frame-size",
      "--http2-max-headers-size",
      "--http2-max-send-buffer-size",
      "--log-level",
      "--log-config",
      "--access-log-fmt",
      "--ssl-certificate",
      "--ssl-keyfile",
      "--ssl-keyfile-password",
      "--ssl-protocol-min",
      "--ssl-ca",
      "--ssl-crl",
      "--url-path-prefix",
      "--respawn-interval",
      "--rss-sample-interval",
      "--rss-samples",
      "--workers-lifetime",
      "--workers-max-rss",
      "--workers-kill-timeout",
      "--env-files",
      "--static-path-route",
      "--static-path-mount",
      "--static-path-dir-to-file",
      "--static-path-expires",
      "--metrics-scrape-interval",
      "--metrics-address",
      "--metrics-port",
      "--reload-paths",
      "--reload-ignore-dirs",
      "--reload-ignore-patterns",
      "--reload-ignore-paths",
      "--reload-tick",
      "--process-name",
      "--pid-file"
    ].map((name) => [name, "other"])
  )
});
function readGranianCommand(args, context) {
  const reading = emptyReading("granian");
  const parsed = parseArguments(args, GRANIAN_OPTIONS, "click");
  reportUsageErrors(reading, parsed, context.file, "granian");
  const where = { file: context.file, origin: "command-line" };
  let factory = false;
  for (const option2 of parsed.options) {
    if (option2.key === "workers") {
      const setting = intSetting(reading, option2, { ...where, tool: "granian" });
      if (setting) reading.commandLine.workers = setting;
    } else if (option2.key === "interface") {
      const setting = stringSetting(option2, where);
      if (setting) reading.commandLine.interface = setting;
    } else if (option2.key === "reload") reading.commandLine.reload = flagSetting(option2, where);
    else if (option2.key === "factory") factory = true;
    else if (option2.key === "working_dir" && option2.value !== void 0) reading.pythonPath = [option2.value];
  }
  const appWord = parsed.positionals.find((word) => !word.expands);
  const fromEnv = context.env.get("GRANIAN_APP");
  const app = appWord ?? (fromEnv?.value !== void 0 ? { text: fromEnv.value, raw: fromEnv.written, line: fromEnv.line, expands: false } : void 0);
  if (app) {
    const spec = appSpecOf(app, appWord ? context.file : fromEnv.file, { defaultAttribute: "app" });
    if (spec) reading.appSpec = factory ? { ...spec, factory: true } : spec;
    else reading.problems.push({ file: context.file, line: app.line, message: `granian cannot load ${JSON.stringify(app.text)}: not \`module\` or \`module:attribute\`` });
  }
  const envWorkers = context.env.get("GRANIAN_WORKERS");
  if (envWorkers) {
    const workers = envIntSetting(reading, envWorkers, "granian");
    if (workers) reading.environmentDefaults.workers = workers;
  }
  const envInterface = context.env.get("GRANIAN_INTERFACE");
  if (envInterface) {
    const base = { file: envInterface.file, line: envInterface.line, origin: "environment", via: "GRANIAN_INTERFACE" };
    reading.environmentDefaults.interface = envInterface.value !== void 0 ? { ...base, value: envInterface.value } : { ...base, expression: envInterface.written };
  }
  return reading;
}

// src/deploy/servers/gunicorn.ts
var GUNICORN_OPTIONS = optionTable({
  "-c --config": "config",
  "-b --bind": "bind",
  "-w --workers": "workers",
  "-k --worker-class": "worker_class",
  "--threads": "threads",
  "--preload": "preload_app!",
  "--reload": "reload!",
  "--chdir": "chdir",
  "--pythonpath": "pythonpath",
  "--paste --paster": "paste",
  "-v --version": "version!",
  "-h --help": "help!",
  ...Object.fromEntries(
    [
      "--spew",
      "--check-config",
      "--print-config",
      "--no-sendfile",
      "--reuse-port",
      "-D --daemon",
      "--initgroups",
      "--disable-redirect-access-to-syslog",
      "--capture-output",
      "--log-syslog",
      "-R --enable-stdio-inheritance",
      "--enable-backlog-metric",
      "--suppress-ragged-eofs",
      "--do-handshake-on-connect",
      "--permit-obsolete-folding",
      "--strip-header-spaces",
      "--permit-unconventional-http-method",
      "--permit-unconventional-http-version",
      "--casefold-http-method",
      "--no-control-socket"
    ].map((names) => [names, "other!"])
  ),
  ...Object.fromEntries(
    [
      "--backlog",
      "--worker-connections",
      "--max-requests",
      "--max-requests-jitter",
      "-t --timeout",
      "--graceful-timeout",
      "--keep-alive",
      "--limit-request-line",
      "--limit-request-fields",
      "--limit-request-field_size",
      "--reload-engine",
      "--reload-extra-file",
      "-e --env",
      "-p --pid",
      "--worker-tmp-dir",
      "-u --user",
      "-g --group",
      "-m --umask",
      "--forwarded-allow-ips",
      "--access-logfile",
      "--access-logformat",
      "--error-logfile --log-file",
      "--log-level",
      "--logger-class",
      "--log-config",
      "--log-config-json",
      "--log-syslog-to",
      "--log-syslog-prefix",
      "--log-syslog-facility",
      "--statsd-host",
      "--dogstatsd-tags",
      "--statsd-prefix",
      "-n --name",
      "--proxy-allow-from",
      "--protocol",
      "--uwsgi-allow-from",
      "--keyfile",
      "--certfile",
      "--ssl-version",
      "--cert-reqs",
      "--ca-certs",
      "--ciphers",
      "--http-protocols",
      "--http2-cleartext",
      "--http2-max-concurrent-streams",
      "--http2-initial-window-size",
      "--http2-max-frame-size",
      "--http2-max-header-list-size",
      "--paste-global",
      "--forwarder-headers",
      "--header-map",
      "--asgi-loop",
      "--asgi-lifespan",
      "--asgi-disconnect-grace-period",
      "--http-parser",
      "--root-path",
      "--dirty-app",
      "--dirty-workers",
      "--dirty-timeout",
      "--dirty-threads",
      "--dirty-graceful-timeout",
      "--control-socket",
      "--control-socket-mode"
    ].map((names) => [names, "other"])
  ),
  // `--proxy-protocol [MODE]` takes an optional value; read as a flag so a following app is not swallowed.
  "--proxy-protocol": "other!"
});
var GUNICORN_APP = { defaultAttribute: "application", calls: true };
function readGunicornCommand(args, context) {
  const reading = emptyReading("gunicorn");
  const parsed = parseArguments(args, GUNICORN_OPTIONS, "argparse");
  reportUsageErrors(reading, parsed, context.file, "gunicorn");
  applyOptions(reading, parsed, reading.commandLine, { file: context.file, origin: "command-line" });
  const workers = heldCount(parsed, "workers", reading.commandLine.workers, (words) => {
    const layer = {};
    applyOptions(reading, parseArguments(words, GUNICORN_OPTIONS, "argparse"), layer, { file: context.file, origin: "command-line" });
    return layer.workers;
  }, context.file);
  if (workers) reading.commandLine.workers = workers;
  const candidates = parsed.positionals.filter((word) => !word.expands);
  const app = parsed.unknown.length + parsed.ambiguous.length > 0 ? candidates.find((w) => appSpecOf(w, context.file, GUNICORN_APP)) ?? candidates[0] : candidates[0];
  if (app) {
    const spec = appSpecOf(app, context.file, GUNICORN_APP);
    if (spec) reading.appSpec = spec;
    else if (parsed.unknown.length + parsed.ambiguous.length === 0) {
      reading.problems.push({ file: context.file, line: app.line, message: `gunicorn cannot load ${JSON.stringify(app.text)}: not \`module\`, \`module:name\` or \`module:factory(...)\`` });
    }
  }
  const webConcurrency = context.env.get("WEB_CONCURRENCY");
  if (webConcurrency) {
    const workers2 = envIntSetting(reading, webConcurrency, "gunicorn");
    if (workers2) reading.environmentDefaults.workers = workers2;
  }
  const cmdArgs = context.env.get("GUNICORN_CMD_ARGS");
  if (cmdArgs) {
    if (cmdArgs.value === void 0) {
      reading.problems.push({ file: cmdArgs.file, line: cmdArgs.line, message: `GUNICORN_CMD_ARGS=${cmdArgs.written} is only known at run time; its options were not read` });
    } else {
      const words = splitCommandLine(cmdArgs.value, "words").commands.flatMap((c) => c.words).map((w) => ({ ...w, line: cmdArgs.line }));
      const envParsed = parseArguments(words, GUNICORN_OPTIONS, "argparse");
      reportUsageErrors(reading, envParsed, cmdArgs.file, "gunicorn (GUNICORN_CMD_ARGS)");
      applyOptions(reading, envParsed, reading.environmentArguments, { file: cmdArgs.file, origin: "environment", viaPrefix: "GUNICORN_CMD_ARGS " });
    }
  }
  return reading;
}
function applyOptions(reading, parsed, layer, context) {
  const binds = [];
  let bindExpands = false;
  for (const option2 of parsed.options) {
    const intContext = { ...context, tool: "gunicorn" };
    switch (option2.key) {
      case "workers": {
        const setting = intSetting(reading, option2, intContext);
        if (setting) layer.workers = setting;
        break;
      }
      case "threads": {
        const setting = intSetting(reading, option2, intContext);
        if (setting) layer.threads = setting;
        break;
      }
      case "worker_class": {
        const setting = stringSetting(option2, context);
        if (setting) layer.workerClass = setting;
        break;
      }
      case "preload_app":
        layer.preload = flagSetting(option2, context);
        break;
      case "reload":
        layer.reload = flagSetting(option2, context);
        break;
      case "bind":
        if (option2.value !== void 0) {
          binds.push(option2.value);
          bindExpands ||= option2.valueExpands === true;
          const base = { file: context.file, line: option2.line, origin: context.origin, via: `${context.viaPrefix ?? ""}${option2.name}` };
          layer.bind = bindExpands ? { ...base, expression: binds.join(" ") } : { ...base, value: [...binds] };
        }
        break;
      case "config":
        if (option2.value !== void 0 && !(context.origin === "environment" && reading.configFile)) {
          reading.configFile = { written: option2.value, line: option2.line, file: context.file, origin: context.origin };
        }
        break;
      case "chdir":
        if (option2.value !== void 0) reading.workingDirectory = option2.value;
        break;
      case "pythonpath":
        if (option2.value !== void 0) reading.pythonPath = option2.value.split(",").filter(Boolean);
        break;
    }
  }
}

// src/deploy/servers/huey.ts
var HUEY_OPTIONS = optionTable({
  "-w --workers": "workers",
  "-k --worker-type": "workerType",
  "-v --verbose": "other!",
  "-q --quiet": "other!",
  "-C --disable_health_check": "other!",
  "-n --no-periodic": "other!",
  "-u --utc": "other!",
  "-o --localtime": "other!",
  "-h --help": "other!",
  ...Object.fromEntries(
    ["-l --logfile", "-d --delay", "-m --max-delay", "-b --backoff", "-c --health_check_interval", "-t --max_tasks", "-j --max_tasks_jitter", "-s --scheduler-interval"].map((n) => [n, "other"])
  )
});
var WORKER_TYPES = /* @__PURE__ */ new Set(["thread", "greenlet", "process"]);
function readHueyCommand(args, context) {
  const reading = emptyReading("huey");
  const parsed = parseArguments(args, HUEY_OPTIONS, "argparse");
  reportUsageErrors(reading, parsed, context.file, "huey_consumer");
  const where = { file: context.file, origin: "command-line" };
  for (const option2 of parsed.options) {
    if (option2.key === "workers") {
      const setting = intSetting(reading, option2, { ...where, tool: "huey_consumer" });
      if (setting) reading.commandLine.workers = setting;
    } else if (option2.key === "workerType") {
      const setting = stringSetting(option2, where);
      if (setting && "value" in setting && !WORKER_TYPES.has(setting.value)) {
        reading.problems.push({ file: context.file, line: option2.line, message: `huey_consumer ${option2.name} ${JSON.stringify(setting.value)}: not one of ${[...WORKER_TYPES].join(", ")}; huey_consumer refuses to start` });
      } else if (setting) reading.commandLine.workerClass = setting;
    }
  }
  const path16 = parsed.positionals[0];
  if (!path16) {
    reading.problems.push({ file: context.file, line: args[0]?.line ?? 1, message: "huey_consumer needs the import path of the Huey instance (`huey_consumer app.huey`) and refuses to start without one" });
    return reading;
  }
  if (path16.expands) return reading;
  const dot = path16.text.lastIndexOf(".");
  if (dot <= 0 || !/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)+$/.test(path16.text)) {
    reading.problems.push({ file: context.file, line: path16.line, message: `huey_consumer cannot import ${JSON.stringify(path16.text)}: it must be module.attribute (the Huey instance)` });
    return reading;
  }
  reading.appSpec = { file: context.file, line: path16.line, written: path16.text, module: path16.text.slice(0, dot), attribute: path16.text.slice(dot + 1) };
  return reading;
}

// src/deploy/servers/hypercorn.ts
var HYPERCORN_OPTIONS = optionTable({
  "-w --workers": "workers",
  "-k --worker-class": "worker_class",
  "-b --bind": "bind",
  "-c --config": "config",
  "--reload": "reload!",
  "--debug": "other!",
  "-h --help": "other!",
  ...Object.fromEntries(
    [
      "--access-log",
      "--access-logfile",
      "--access-logformat",
      "--backlog",
      "--ca-certs",
      "--certfile",
      "--cert-reqs",
      "--ciphers",
      "--error-log",
      "--error-logfile --log-file",
      "--graceful-timeout",
      "--read-timeout",
      "--max-requests",
      "--max-requests-jitter",
      "-g --group",
      "--keep-alive",
      "--keyfile",
      "--keyfile-password",
      "--insecure-bind",
      "--log-config",
      "--log-level",
      "-p --pid",
      "--quic-bind",
      "--root-path",
      "--server-name",
      "--statsd-host",
      "--statsd-prefix",
      "-m --umask",
      "-u --user",
      "--verify-mode",
      "--websocket-ping-interval"
    ].map((n) => [n, "other"])
  )
});
function readHypercornCommand(args, context) {
  const reading = emptyReading("hypercorn");
  const parsed = parseArguments(args, HYPERCORN_OPTIONS, "argparse");
  reportUsageErrors(reading, parsed, context.file, "hypercorn");
  const where = { file: context.file, origin: "command-line" };
  const binds = [];
  let bindExpands = false;
  for (const option2 of parsed.options) {
    if (option2.key === "workers") {
      const setting = intSetting(reading, option2, { ...where, tool: "hypercorn" });
      if (setting) reading.commandLine.workers = setting;
    } else if (option2.key === "worker_class") {
      const setting = stringSetting(option2, where);
      if (setting) reading.commandLine.workerClass = setting;
    } else if (option2.key === "reload") reading.commandLine.reload = flagSetting(option2, where);
    else if (option2.key === "bind" && option2.value !== void 0) {
      binds.push(option2.value);
      bindExpands ||= option2.valueExpands === true;
      const base = { ...where, line: option2.line, via: option2.name };
      reading.commandLine.bind = bindExpands ? { ...base, expression: binds.join(" ") } : { ...base, value: [...binds] };
    } else if (option2.key === "config" && option2.value !== void 0) {
      reading.configFile = { written: option2.value, line: option2.line, file: context.file, origin: "command-line" };
    }
  }
  const app = parsed.positionals.find((word) => !word.expands);
  if (app) {
    const spec = hypercornAppSpec(app, context.file);
    if (spec) {
      reading.appSpec = spec.appSpec;
      if (spec.importRoot) reading.pythonPath = [spec.importRoot];
    } else reading.problems.push({ file: context.file, line: app.line, message: `hypercorn cannot load ${JSON.stringify(app.text)}` });
  }
  return reading;
}
function hypercornAppSpec(word, file) {
  let path16 = word.text;
  const mode = /^(asgi|wsgi):(.*:.*)$/.exec(path16);
  if (mode) path16 = mode[2];
  const colon = path16.indexOf(":");
  const modulePath = colon < 0 ? path16 : path16.slice(0, colon);
  const expression = colon < 0 ? "app" : path16.slice(colon + 1);
  const slash = modulePath.lastIndexOf("/");
  const importRoot = slash < 0 ? void 0 : modulePath.slice(0, slash) || "/";
  const module = (slash < 0 ? modulePath : modulePath.slice(slash + 1)).replace(/\.py$/, "");
  if (!/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(module)) return void 0;
  const call = /^([A-Za-z_][A-Za-z0-9_.]*)\s*\(.*\)\s*$/s.exec(expression);
  const appSpec = {
    file,
    line: word.line,
    written: word.text,
    module,
    attribute: call ? call[1] : expression,
    ...call ? { factory: true } : {}
  };
  return { appSpec, ...importRoot ? { importRoot } : {} };
}

// src/deploy/servers/python.ts
var PYTHON_VALUE_LETTERS = /* @__PURE__ */ new Set(["W", "X", "Q"]);
function pythonInvocation(args) {
  for (let i = 0; i < args.length; i++) {
    const word = args[i];
    const text = word.text;
    if (text === "--") {
      const script2 = args[i + 1];
      return script2 ? { kind: "script", script: script2, args: args.slice(i + 2) } : { kind: "other" };
    }
    if (!text.startsWith("-") || text === "-") {
      return text === "-" ? { kind: "other" } : { kind: "script", script: word, args: args.slice(i + 1) };
    }
    if (text.startsWith("--")) continue;
    for (let j = 1; j < text.length; j++) {
      const letter = text[j];
      if (letter === "m" || letter === "c") {
        const attached = text.slice(j + 1);
        const valueWord = attached ? { ...word, text: attached } : args[i + 1];
        if (!valueWord) return { kind: "other" };
        if (letter === "c") return { kind: "other" };
        const rest = args.slice(attached ? i + 1 : i + 2);
        return { kind: "module", module: valueWord.text, moduleWord: valueWord, args: rest };
      }
      if (PYTHON_VALUE_LETTERS.has(letter)) {
        if (j === text.length - 1) i++;
        break;
      }
    }
  }
  return { kind: "other" };
}
var DEBUGPY_VALUE_SWITCHES = /* @__PURE__ */ new Set(["--log-to", "--listen", "--connect", "--parent-session-pid", "--adapter-access-token"]);
var DEBUGPY_FLAGS = /* @__PURE__ */ new Set(["--log-to-stderr", "--wait-for-client", "--disable-sys-remote-exec", "--linux-attach-prefer-lldb"]);
function debugpyTarget(args) {
  for (let i = 0; i < args.length; i++) {
    const text = args[i].text;
    if (!text.startsWith("-") || text === "-m" || text === "-c") return args.slice(i);
    if (DEBUGPY_VALUE_SWITCHES.has(text) || /^--configure-./.test(text)) i++;
    else if (!DEBUGPY_FLAGS.has(text)) return void 0;
  }
  return void 0;
}
function readPythonRun(invocation, context) {
  const reading = emptyReading("python");
  if (invocation.kind === "module") {
    reading.appSpec = { file: context.file, line: invocation.moduleWord.line, written: invocation.module, module: invocation.module, asMain: true, ...scriptArguments(invocation.args) };
    return reading;
  }
  const script2 = invocation.script.text;
  reading.script = { written: script2, line: invocation.script.line, args: invocation.args };
  const module = script2.replace(/^\.\//, "").replace(/\.py$/, "").split("/").filter(Boolean).join(".");
  if (/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(module)) {
    reading.appSpec = { file: context.file, line: invocation.script.line, written: script2, module, asMain: true, script: script2, ...scriptArguments(invocation.args) };
  }
  return reading;
}
function readConsoleScriptRun(script2, program, args, context) {
  const reading = emptyReading("python");
  reading.appSpec = {
    file: context.file,
    line: program.line,
    written: program.text,
    module: script2.module,
    ...script2.attribute ? { attribute: script2.attribute } : {},
    consoleScript: { file: script2.file, line: script2.line, name: script2.name, reference: script2.reference },
    ...scriptArguments(args)
  };
  return reading;
}
function scriptArguments(args) {
  if (!args.length) return {};
  const first = args.slice(0, 4).map((w) => w.text);
  if (!first.includes("--skip-checks") && args.some((w) => w.text === "--skip-checks")) first.push("--skip-checks");
  return { arguments: first };
}
function readFlaskCommand(args, context) {
  const reading = emptyReading("flask");
  let written;
  let subcommand;
  for (let i = 0; i < args.length; i++) {
    const text = args[i].text;
    if (text === "--app" || text === "-A") {
      const next = args[i + 1];
      if (next && !next.expands) written = { text: next.text, line: next.line, file: context.file };
      i++;
    } else if (text.startsWith("--app=")) written = { text: text.slice(6), line: args[i].line, file: context.file };
    else if (text === "--env-file" || text === "-e") i++;
    else if (subcommand === void 0 && !text.startsWith("-")) subcommand = text;
  }
  if (subcommand !== void 0) reading.flaskCommand = subcommand;
  const fromEnv = context.env.get("FLASK_APP");
  if (!written && fromEnv?.value !== void 0) written = { text: fromEnv.value, line: fromEnv.line, file: fromEnv.file };
  if (written) {
    const colon = written.text.indexOf(":");
    const module = (colon < 0 ? written.text : written.text.slice(0, colon)).replace(/\.py$/, "").replace(/\//g, ".");
    const attribute = colon < 0 ? void 0 : written.text.slice(colon + 1);
    const call = attribute ? /^([A-Za-z_][A-Za-z0-9_]*)\s*\(.*\)$/s.exec(attribute) : null;
    reading.appSpec = {
      file: written.file,
      line: written.line,
      written: written.text,
      module,
      ...attribute ? { attribute: call ? call[1] : attribute } : {},
      ...call ? { factory: true } : {}
    };
  }
  return reading;
}

// src/deploy/servers/rq.ts
var RQ_WORKER_OPTIONS = optionTable({
  "-c --config": "config",
  "-w --worker-class": "workerClass",
  "-P --path": "path",
  "-b --burst": "other!",
  "--disable-job-desc-logging": "other!",
  "-v --verbose": "other!",
  "-q --quiet": "other!",
  "-d --disable-default-exception-handler": "other!",
  "-s --with-scheduler": "other!",
  "--help": "other!",
  ...Object.fromEntries(
    [
      "-u --url",
      "-j --job-class",
      "--queue-class",
      "--connection-class",
      "-S --serializer",
      "--logging_level",
      "--log-format",
      "--date-format",
      "-n --name",
      "--results-ttl",
      "--worker-ttl",
      "--maintenance-interval",
      "--job-monitoring-interval",
      "--sentry-ca-certs",
      "--sentry-debug",
      "--sentry-dsn",
      "--exception-handler",
      "--pid",
      "--max-jobs",
      "--max-idle-time",
      "--dequeue-strategy"
    ].map((n) => [n, "other"])
  )
});
function readRqCommand(args, context) {
  const [subcommand, ...rest] = args;
  if (subcommand?.text !== "worker") return emptyReading("rq");
  return readRqWorker(rest, context);
}
function readRqWorker(args, context) {
  const reading = emptyReading("rq");
  const parsed = parseArguments(args, RQ_WORKER_OPTIONS, "click");
  reportUsageErrors(reading, parsed, context.file, "rq worker");
  const where = { file: context.file, origin: "command-line" };
  let config;
  const paths = [];
  for (const option2 of parsed.options) {
    if (option2.value === void 0 || option2.valueExpands) continue;
    if (option2.key === "config") config = { text: option2.value, line: option2.line, file: context.file };
    else if (option2.key === "path") paths.push(option2.value);
    else if (option2.key === "workerClass") reading.commandLine.workerClass = stringSetting(option2, where);
  }
  const fromEnv = (name) => {
    const variable = context.env.get(name);
    return variable?.value !== void 0 ? variable : void 0;
  };
  const configEnv = fromEnv("RQ_CONFIG");
  config ??= configEnv ? { text: configEnv.value, line: configEnv.line, file: configEnv.file } : void 0;
  const classEnv = fromEnv("RQ_WORKER_CLASS");
  if (!reading.commandLine.workerClass && classEnv) {
    reading.commandLine.workerClass = { file: classEnv.file, line: classEnv.line, origin: "environment", via: classEnv.name, value: classEnv.value };
  }
  if (paths.length) reading.pythonPath = paths;
  const workerClass = reading.commandLine.workerClass;
  const classModule = workerClass && "value" in workerClass && !/^rq\./.test(workerClass.value) ? workerClass.value.split(".").slice(0, -1).join(".") : void 0;
  const module = config?.text ?? classModule;
  if (config && !DOTTED2.test(config.text)) {
    reading.problems.push({ file: config.file, line: config.line, message: `rq worker -c ${JSON.stringify(config.text)}: not a module name` });
  } else if (module) {
    const written = config?.text ?? workerClass.value;
    reading.appSpec = {
      file: config?.file ?? workerClass.file,
      line: config?.line ?? workerClass.line,
      written,
      module,
      ...config && classModule ? { alsoImports: [classModule] } : {}
    };
  }
  return reading;
}
var DOTTED2 = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/;

// src/deploy/servers/uvicorn.ts
var UVICORN_OPTIONS = optionTable({
  "--workers": "workers",
  "--reload": "reload!",
  "--factory": "factory!",
  "--app-dir": "app_dir",
  "--host": "host",
  "--port": "port",
  "--uds": "uds",
  "--fd": "fd",
  ...Object.fromEntries(
    [
      "--http2",
      "--access-log",
      "--no-access-log",
      "--use-colors",
      "--no-use-colors",
      "--proxy-headers",
      "--no-proxy-headers",
      "--server-header",
      "--no-server-header",
      "--date-header",
      "--no-date-header",
      "--version",
      "--reset-contextvars",
      "--help"
    ].map((n) => [n, "other!"])
  ),
  ...Object.fromEntries(
    [
      "--reload-dir",
      "--reload-include",
      "--reload-exclude",
      "--reload-delay",
      "--loop",
      "--http",
      "--ws",
      "--ws-max-size",
      "--ws-max-queue",
      "--ws-ping-interval",
      "--ws-ping-timeout",
      "--ws-per-message-deflate",
      "--lifespan",
      "--interface",
      "--env-file",
      "--log-config",
      "--log-level",
      "--forwarded-allow-ips",
      "--root-path",
      "--limit-concurrency",
      "--backlog",
      "--limit-max-requests",
      "--limit-max-requests-jitter",
      "--timeout-keep-alive",
      "--timeout-graceful-shutdown",
      "--timeout-worker-healthcheck",
      "--ssl-keyfile",
      "--ssl-certfile",
      "--ssl-keyfile-password",
      "--ssl-version",
      "--ssl-cert-reqs",
      "--ssl-ca-certs",
      "--ssl-ciphers",
      "--header",
      "--h11-max-incomplete-event-size"
    ].map((n) => [n, "other"])
  )
});
function readUvicornCommand(args, context) {
  const reading = emptyReading("uvicorn");
  const parsed = parseArguments(args, UVICORN_OPTIONS, "click");
  reportUsageErrors(reading, parsed, context.file, "uvicorn");
  let factory = false;
  const where = { file: context.file, origin: "command-line" };
  for (const option2 of parsed.options) {
    if (option2.key === "workers") {
      const setting = intSetting(reading, option2, { ...where, tool: "uvicorn" });
      if (setting) reading.commandLine.workers = setting;
    } else if (option2.key === "reload") reading.commandLine.reload = flagSetting(option2, where);
    else if (option2.key === "factory") factory = true;
    else if (option2.key === "app_dir" && option2.value !== void 0) reading.pythonPath = [option2.value];
  }
  const workers = heldCount(parsed, "workers", reading.commandLine.workers, (words) => {
    const option2 = parseArguments(words, UVICORN_OPTIONS, "click").options.filter((o) => o.key === "workers").pop();
    return option2 ? intSetting(reading, option2, { ...where, tool: "uvicorn" }) : void 0;
  }, context.file);
  if (workers) reading.commandLine.workers = workers;
  const appWord = parsed.positionals.find((word) => !word.expands);
  const appFromEnv = context.env.get("UVICORN_APP");
  const appSource = appWord ?? (appFromEnv?.value !== void 0 ? { text: appFromEnv.value, raw: appFromEnv.written, line: appFromEnv.line, expands: false } : void 0);
  const appFile = appWord ? context.file : appFromEnv?.file ?? context.file;
  if (appSource) {
    const spec = appSpecOf(appSource, appFile, {});
    if (spec?.attribute) reading.appSpec = factory ? { ...spec, factory: true } : spec;
    else reading.problems.push({ file: appFile, line: appSource.line, message: `uvicorn cannot import ${JSON.stringify(appSource.text)}: it must be in format "<module>:<attribute>"` });
  }
  const envWorkers = context.env.get("UVICORN_WORKERS") ?? context.env.get("WEB_CONCURRENCY");
  if (envWorkers) {
    const workers2 = envIntSetting(reading, envWorkers, "uvicorn");
    if (workers2) reading.environmentDefaults.workers = workers2;
  }
  const envReload = context.env.get("UVICORN_RELOAD");
  if (envReload?.value !== void 0 && !reading.commandLine.reload) {
    const on = ["1", "true", "t", "yes", "y", "on"].includes(envReload.value.trim().toLowerCase());
    reading.environmentDefaults.reload = { file: envReload.file, line: envReload.line, origin: "environment", via: "UVICORN_RELOAD", value: on };
  }
  return reading;
}

// src/deploy/servers/uwsgi.ts
import path from "node:path";
var HELD_OPTIONS = "$options";
var SHORT_NAMES = { p: "processes", w: "module", M: "master", T: "enable-threads", s: "socket", H: "home" };
var FLAGS = new Set(
  `
  abstract-socket alarm-list alarms-list auto-procname autoload cache-no-expire cache-report-freed-items
  cache-use-last-modified catch-exceptions cflags cgi-mode cheap cheaper-algo-list cheaper-algos-list cheaper-list
  check-static-docroot clock-list clocks-list close-on-exec close-on-exec2 command-mode config-py daemons-honour-stdin
  die-on-idle die-on-no-workers die-on-term disable-async-warn-on-queue-full disable-logging disable-sendfile
  disable-write-exception dot-h drop-after-apps drop-after-init dump-options dynamic-apps early-emperor early-python
  emperor-graceful-shutdown emperor-magic-exec emperor-no-blacklist emperor-nofollow emperor-subreaper emperor-tyrant
  emperor-tyrant-initgroups emperor-tyrant-nofollow emperor-wait-for-command enable-metrics enable-proxy-protocol
  enable-threads end-blacklist end-whitelist exit-on-reload force-gateway freebind harakiri-no-arh harakiri-verbose help
  honour-range honour-stdin if-not-reload if-reload ignore-script-name ignore-sigpipe ignore-write-errors
  imperial-monitor-list imperial-monitors-list jailed lazy lazy-apps log-4xx log-5xx log-format-strftime log-master
  log-master-req-stream log-master-stream log-micros log-reopen log-truncate log-x-forwarded-for log-zero logfile-chown
  logformat-strftime logger-list loggers-list loop-list loops-list manage-script-name master master-as-root
  metric-dir-restore metrics-dir-restore metrics-no-cores never-swap no-default-app no-defer-accept no-fd-passing
  no-harakiri-after-req-hook no-harakiri-arh no-initgroups no-orphans no-server no-site no-threads-wait paste-logger
  pcre-jit persistent-ipcsem plugin-list plugins-list propagate-touch py-call-osafterfork py-call-uwsgi-fork-hooks
  py-master-check-signals python-version re-fork re-fork-as-root re-fork-post-jail reaper refork refork-as-root
  refork-post-jail reload-on-exception reload-os-env reuse-port router-list routers-list setns-preopen show-config
  single-interpreter skip-atexit skip-atexit-teardown skip-zero so-keepalive so-send-timeout so-write-timeout
  socket-send-timeout socket-write-timeout spooler-cheap spooler-ordered spooler-quiet spooler-signal-as-task
  ssl-enable-sslv3 ssl-enable-tlsv1 ssl-enable3 ssl-verbose start-unsubscribed static-gzip-all stats-http stats-min
  stats-minified stats-no-cores stats-no-metrics strict subscription-clear-on-shutdown subscription-dotsplit
  subscription-vassal-required subscriptions-use-credentials tcp-fast-open-client tcp-fastopen-client tcp-nodelay
  threaded-logger thunder-lock thunder-lock-watchdog unsubscribe-on-graceful-reload usage use-abort vacuum version vhost
  vhost-host write-errors-exception-only wsgi-accept-buffer wsgi-accept-buffers wsgi-disable-file-wrapper
  wsgi-manage-chunked-input wsgi-strict zerg-fallback
`.split(/\s+/).filter(Boolean)
);
var PROCESS_VARIABLES = /* @__PURE__ */ new Set(["UWSGI_PROCESSES", "UWSGI_WORKERS"]);
var THREAD_VARIABLES = /* @__PURE__ */ new Set(["UWSGI_THREADS"]);
function countIn(option2, base, count, variables) {
  if (!option2.when) return { ...base, value: count };
  const via = `${option2.via} (${option2.when.text})`;
  if (option2.when.unset !== void 0 && variables.has(option2.when.unset)) return { ...base, via, expression: `\${${option2.when.unset}:-${count}}` };
  return { ...base, via, value: count, conditional: true };
}
var FALSE_WORDS = /* @__PURE__ */ new Set(["false", "off", "no", "0"]);
function readUwsgiCommand(args, context) {
  return uwsgiReading(commandLineOptions(args, context.file), context.file);
}
function commandLineOptions(args, file) {
  const options = [];
  const where = { file, origin: "command-line" };
  for (let i = 0; i < args.length; i++) {
    const word = args[i];
    const text = word.text;
    const held = optionsVariable(word);
    if (held) {
      const defaults = held.defaultWords ? commandLineOptions(held.defaultWords, file) : void 0;
      options.push({ ...where, name: HELD_OPTIONS, line: word.line, via: word.raw, held: { variable: held.variable, ...defaults ? { defaults } : {} } });
      continue;
    }
    const next = args[i + 1];
    const valueOf = (name, attached) => {
      if (attached !== void 0) return { value: attached, ...word.expands ? { expands: true } : {} };
      if (FLAGS.has(name) || next === void 0 || next.text.startsWith("-")) return {};
      i++;
      return { value: next.text, ...next.expands ? { expands: true } : {} };
    };
    if (text.startsWith("--")) {
      const eq = text.indexOf("=");
      const name = (eq < 0 ? text.slice(2) : text.slice(2, eq)).replace(/_/g, "-");
      options.push({ ...where, name, ...valueOf(name, eq < 0 ? void 0 : text.slice(eq + 1)), line: word.line, via: `--${name}` });
    } else if (/^-[A-Za-z]/.test(text)) {
      const name = SHORT_NAMES[text[1]] ?? text.slice(1);
      options.push({ ...where, name, ...valueOf(name, text.length > 2 ? text.slice(2) : void 0), line: word.line, via: text.slice(0, 2) });
    } else if (/\.ini(:[\w-]+)?$/.test(text)) {
      options.push({ ...where, name: "ini", value: text, line: word.line, via: text });
    }
  }
  return options;
}
function uwsgiReading(options, file) {
  const reading = emptyReading("uwsgi");
  reading.uwsgiOptions = [...options];
  const settings = {};
  let module;
  let wsgiFile;
  let callable;
  const pythonPath = [];
  for (const option2 of options) {
    const base = { file: option2.file, line: option2.line, origin: option2.origin, via: option2.via };
    const value = option2.value;
    switch (option2.name) {
      case "processes":
      case "workers": {
        if (value === void 0) break;
        const count = option2.expands ? void 0 : pythonInt(value);
        if (option2.expands) settings.workers = { ...base, expression: value };
        else if (count === void 0) reading.problems.push({ file: option2.file, line: option2.line, message: `uwsgi ${option2.via} ${JSON.stringify(value)}: not a number of processes` });
        else settings.workers = countIn(option2, base, count, PROCESS_VARIABLES);
        break;
      }
      case HELD_OPTIONS: {
        const { variable, defaults } = option2.held;
        const unset = (defaults ? uwsgiReading(defaults, file).commandLine.workers : void 0) ?? settings.workers;
        settings.workers = { ...base, expression: option2.via, optionsOf: { variable, ...defaults ? { hasDefault: true } : {}, ...unset ? { unset } : {} } };
        break;
      }
      case "threads":
        if (value !== void 0) settings.threads = option2.expands || pythonInt(value) === void 0 ? { ...base, expression: value } : countIn(option2, base, pythonInt(value), THREAD_VARIABLES);
        break;
      case "master":
        settings.master = flagOf(option2);
        break;
      case "lazy-apps":
      case "lazy": {
        const lazy = flagOf(option2);
        settings.preload = "value" in lazy ? { ...lazy, value: !lazy.value } : lazy;
        break;
      }
      case "module":
      case "wsgi":
        module = option2;
        break;
      case "wsgi-file":
      case "file":
        wsgiFile = option2;
        break;
      case "callable":
        callable = option2;
        break;
      case "chdir":
        if (value !== void 0 && !option2.expands) reading.workingDirectory = value;
        break;
      case "pythonpath":
      case "python-path":
      case "pp":
        if (value !== void 0 && !option2.expands) pythonPath.push(value);
        break;
      case "ini":
        if (value !== void 0 && option2.origin === "command-line" && !reading.configFile) {
          reading.configFile = { written: value, line: option2.line, file: option2.file, origin: option2.origin };
        }
        break;
    }
  }
  Object.assign(reading.commandLine, settings);
  if (pythonPath.length) reading.pythonPath = pythonPath;
  const attribute = callable?.value ?? "application";
  if (module?.value !== void 0 && !module.expands) {
    const spec = appSpecOf({ text: module.value, raw: module.value, line: module.line, expands: false }, module.file, { defaultAttribute: attribute });
    if (spec) reading.appSpec = spec;
    else reading.problems.push({ file: module.file, line: module.line, message: `uwsgi ${module.via} ${JSON.stringify(module.value)}: not \`module\` or \`module:callable\`` });
  } else if (wsgiFile?.value !== void 0 && !wsgiFile.expands) {
    const spec = scriptSpec(wsgiFile, attribute);
    if (spec) reading.appSpec = spec;
  }
  return reading;
}
function uwsgiDaemons(options) {
  const daemons = [];
  for (const option2 of options) {
    const value = option2.value?.trim();
    if (!value) continue;
    if (option2.name === "attach-daemon" || option2.name === "attach-control-daemon" || option2.name === "attach-daemon-as-root") daemons.push({ option: option2, command: value });
    else if (/^smart-attach-daemon(-as-root)?$/.test(option2.name)) {
      const command = value.replace(/^\S+\s+/, "");
      if (command !== value) daemons.push({ option: option2, command });
    }
  }
  return daemons;
}
function scriptSpec(option2, attribute) {
  const script2 = option2.value;
  const module = script2.replace(/^\.\//, "").replace(/\.py$/, "").split("/").filter(Boolean).join(".");
  if (!/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(module)) return void 0;
  return { file: option2.file, line: option2.line, written: script2, module, attribute, script: script2 };
}
function flagOf(option2) {
  const base = { file: option2.file, line: option2.line, origin: option2.origin, ...option2.when ? { via: `${option2.via} (${option2.when.text})`, conditional: true } : { via: option2.via } };
  if (option2.expands) return { ...base, expression: option2.value };
  return { ...base, value: option2.value === void 0 || !FALSE_WORDS.has(option2.value.trim().toLowerCase()) };
}
function readUwsgiIni(file, text, written) {
  const [, section = "uwsgi"] = /:([\w-]+)$/.exec(written) ?? [];
  const folder = path.posix.dirname(written.replace(/:[\w-]+$/, ""));
  const options = [];
  let current = "";
  let hasSection = false;
  let when;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === "" || trimmed.startsWith("#") || trimmed.startsWith(";")) return;
    const header = /^\[([^\]]+)\]$/.exec(trimmed);
    if (header) {
      current = header[1].trim();
      if (current === section) hasSection = true;
      return;
    }
    if (current !== section) return;
    const eq = trimmed.indexOf("=");
    const name = (eq < 0 ? trimmed : trimmed.slice(0, eq)).trim();
    let value = eq < 0 ? void 0 : trimmed.slice(eq + 1).trim();
    if (value !== void 0) value = value.replace(/%d/g, `${folder === "." ? "." : folder}/`).replace(/\/\/+/g, "/");
    const expands = value !== void 0 && /\$\(|%\(|%[a-zA-Z]/.test(value);
    if (/^if-/.test(name)) {
      when = { text: `${name} = ${value ?? ""}`.trim(), ...name === "if-not-env" && value ? { unset: value } : {} };
      return;
    }
    if (name === "endif") {
      when = void 0;
      return;
    }
    options.push({ name, ...value !== void 0 ? { value } : {}, ...expands ? { expands: true } : {}, file, line, origin: "config-file", via: `${name} =`, ...when ? { when } : {} });
  });
  return { options, hasSection };
}

// src/deploy/servers/waitress.ts
var BOOLEAN_PARAMS = ["ipv4", "ipv6", "log-untrusted-proxy-headers", "clear-untrusted-proxy-headers", "log-socket-errors", "expose-tracebacks", "asyncore-use-poll"];
var VALUE_PARAMS = [
  "host",
  "port",
  "listen",
  "trusted-proxy",
  "trusted-proxy-count",
  "trusted-proxy-headers",
  "url-scheme",
  "url-prefix",
  "backlog",
  "recv-bytes",
  "send-bytes",
  "outbuf-overflow",
  "outbuf-high-watermark",
  "inbuf-overflow",
  "connection-limit",
  "cleanup-interval",
  "channel-timeout",
  "max-request-header-size",
  "max-request-body-size",
  "ident",
  "asyncore-loop-timeout",
  "unix-socket",
  "unix-socket-perms",
  "sockets",
  "channel-request-lookahead",
  "server-name",
  "metrics-collector"
];
var WAITRESS_OPTIONS = optionTable({
  "--threads": "threads",
  "--call": "call!",
  "--help": "other!",
  ...Object.fromEntries(BOOLEAN_PARAMS.flatMap((p) => [[`--${p}`, "other!"], [`--no-${p}`, "other!"]])),
  ...Object.fromEntries(VALUE_PARAMS.map((p) => [`--${p}`, "other"]))
});
function readWaitressCommand(args, context) {
  const reading = emptyReading("waitress");
  const parsed = parseArguments(args, WAITRESS_OPTIONS, "getopt");
  reportUsageErrors(reading, parsed, context.file, "waitress-serve");
  let call = false;
  for (const option2 of parsed.options) {
    if (option2.key === "threads") {
      const setting = intSetting(reading, option2, { file: context.file, origin: "command-line", tool: "waitress-serve" });
      if (setting) reading.commandLine.threads = setting;
    } else if (option2.key === "call") call = true;
  }
  const app = parsed.positionals[0];
  if (app && !app.expands) {
    const spec = appSpecOf(app, context.file, {});
    if (spec?.attribute) reading.appSpec = call ? { ...spec, factory: true } : spec;
    else reading.problems.push({ file: context.file, line: app.line, message: `waitress-serve: malformed application ${JSON.stringify(app.text)} (MODULE:OBJECT)` });
  }
  if (parsed.positionals.length > 1) {
    const extra = parsed.positionals[1];
    reading.problems.push({ file: context.file, line: extra.line, message: `waitress-serve reads options only before the application; ${JSON.stringify(extra.text)} and what follows make it refuse to start ("Specify one application only")` });
  }
  return reading;
}

// src/deploy/commandLine.ts
var SERVER_PROGRAMS = {
  gunicorn: readGunicornCommand,
  uvicorn: readUvicornCommand,
  hypercorn: readHypercornCommand,
  daphne: readDaphneCommand,
  celery: readCeleryCommand,
  "waitress-serve": readWaitressCommand,
  flask: readFlaskCommand,
  dramatiq: readDramatiqCommand,
  "dramatiq-gevent": readDramatiqCommand,
  huey_consumer: readHueyCommand,
  "huey_consumer.py": readHueyCommand,
  rq: readRqCommand,
  rqworker: readRqWorker,
  uwsgi: readUwsgiCommand,
  granian: readGranianCommand
};
var SERVER_MODULES = {
  gunicorn: readGunicornCommand,
  // gunicorn's own runner module (warehouse's Procfile: `python -m gunicorn.app.wsgiapp -c gunicorn-prod.conf.py ...`).
  "gunicorn.app.wsgiapp": readGunicornCommand,
  uvicorn: readUvicornCommand,
  hypercorn: readHypercornCommand,
  daphne: readDaphneCommand,
  celery: readCeleryCommand,
  waitress: readWaitressCommand,
  flask: readFlaskCommand,
  dramatiq: readDramatiqCommand,
  "huey.bin.huey_consumer": readHueyCommand,
  granian: readGranianCommand
};
function readCommandText(text, lineAt, settings) {
  const split = splitCommandLine(text, "shell", lineAt);
  const reading = emptyCommandReading();
  if (split.problem) {
    reading.problems.push({ file: settings.file, line: split.problem.line, message: `${split.problem.message}: the command cannot run, so nothing of it was read` });
    return reading;
  }
  readShellCommands(split.commands, settings, reading);
  return reading;
}
function readArgv(words, settings) {
  return readWords(words, { ...settings, shell: false });
}
function operatorWithoutShell(words, file, platform) {
  const operator = words.find((w) => /^(&&|\|\||;|\|)$/.test(w.text));
  if (!operator || /^(sh|bash|dash|ash|zsh)$/.test(path2.posix.basename(words[0]?.text ?? ""))) return void 0;
  return {
    file,
    line: operator.line,
    message: `\`${operator.text}\` is passed to the program as an argument: ${platform} runs this command without a shell (write it as sh -c "...")`
  };
}
function emptyCommandReading() {
  return { servers: [], scripts: [], unrecognized: [], problems: [] };
}
function mergeInto(target, source) {
  target.servers.push(...source.servers);
  target.scripts.push(...source.scripts);
  target.unrecognized.push(...source.unrecognized);
  target.problems.push(...source.problems);
  if (source.runsArguments) target.runsArguments = true;
  if (source.supervisors) (target.supervisors ??= []).push(...source.supervisors);
}
function readShellCommands(commands, settings, reading) {
  let env = settings.env;
  let shellVariables = settings.env;
  let workingDirectory = settings.workingDirectory;
  let positional = settings.arguments;
  const { arguments: _given, ...withoutArguments } = settings;
  let lastIndex = commands.length - 1;
  while (lastIndex >= 0 && TRAILING.has(commands[lastIndex].words[0]?.text ?? "")) lastIndex--;
  const ifs = [];
  for (const [index, command] of commands.entries()) {
    const keyword = command.words[0]?.raw;
    if (keyword === "if") ifs.push({ line: command.words[0].line, branches: [[]] });
    else if ((keyword === "elif" || keyword === "else") && ifs.length) ifs[ifs.length - 1].branches.push([]);
    else if (keyword === "fi" && ifs.length) markChoice(ifs.pop());
    const words = command.words.flatMap((w) => expandKnownWords(w, shellVariables));
    const program = words[0]?.text;
    if (program === "shift" && positional) {
      const count = words[1] === void 0 ? 1 : /^\d+$/.test(words[1].text) ? Number(words[1].text) : void 0;
      positional = count === void 0 ? void 0 : positional.slice(count);
      continue;
    }
    if (program === "cd" && words[1] && !words[1].expands) {
      workingDirectory = joinDirectory(workingDirectory, words[1].text);
      continue;
    }
    if (program === "export" || words.every((w) => assignmentOf(w, settings.file))) {
      const guard = index > 0 ? setGuard(commands[index - 1]) : void 0;
      const assigned = words.slice(program === "export" ? 1 : 0).map((w) => assignmentOf(w, settings.file)).filter((v) => v !== void 0).map((value) => guard ? guarded(value, guard, shellVariables) : value);
      shellVariables = withVariables(shellVariables, assigned);
      if (program === "export") env = withVariables(env, assigned);
      continue;
    }
    const read = readWords(words, { ...withoutArguments, env, ...workingDirectory !== void 0 ? { workingDirectory } : {}, ...positional ? { arguments: positional } : {}, shell: true });
    const replacesShell = words[0]?.text === "exec";
    for (const started of [...read.servers, ...read.unrecognized]) {
      if (command.endedBy === "&") started.background = true;
      else if (index === lastIndex || replacesShell) started.last = true;
    }
    const condition = keyword === "if" || keyword === "elif" ? ifs[ifs.length - 1] : void 0;
    for (const open of ifs) if (open !== condition) open.branches[open.branches.length - 1].push(...read.servers);
    mergeInto(reading, read);
  }
}
function markChoice({ line, branches }) {
  if (branches.some((started) => started.length > 1) || branches.filter((started) => started.length === 1).length < 2) return;
  branches.forEach((started, branch) => {
    for (const start of started) start.choice = { line, branch };
  });
}
function setGuard(test) {
  const words = test.words.map((w) => w.raw);
  const closing = words[0] === "[" ? "]" : words[0] === "[[" ? "]]" : words[0] === "test" ? void 0 : null;
  if (closing === null || words.length !== (closing ? 4 : 3) || closing && words[3] !== closing) return void 0;
  const variable = /^"?\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?"?$/.exec(words[2])?.[1];
  if (variable === void 0) return void 0;
  if (words[1] === "-n" && test.endedBy === "&&" || words[1] === "-z" && test.endedBy === "||") return variable;
  return void 0;
}
function guarded(value, variable, before) {
  if (!/^"?\$\{?[A-Za-z_][A-Za-z0-9_]*\}?"?$/.test(value.written) || !value.written.includes(variable)) return value;
  const previous = before.get(value.name)?.value;
  if (previous === void 0 || !/^[\w.:/-]*$/.test(previous)) return value;
  const { value: _unknown, ...rest } = value;
  return { ...rest, written: `\${${variable}:-${previous}}` };
}
var BUILTINS = /* @__PURE__ */ new Set([
  "set",
  "unset",
  "fi",
  "done",
  "esac",
  "case",
  "in",
  "}",
  "[",
  "[[",
  "test",
  "true",
  "false",
  ":",
  "echo",
  "printf",
  "exit",
  "return",
  "shift",
  "trap",
  "wait",
  "sleep",
  "umask",
  "ulimit",
  "local",
  "readonly",
  "read",
  "source",
  ".",
  "eval",
  "mkdir",
  "rm",
  "cp",
  "mv",
  "ln",
  "chmod",
  "chown",
  "touch",
  "cat",
  "ls",
  "pwd",
  "whoami",
  "id",
  "date",
  "function"
]);
var TRAILING = /* @__PURE__ */ new Set(["fi", "done", "esac", "}", ";;", "wait", "echo", "printf", "exit", "true", ":", "sleep"]);
var LEADING_KEYWORDS = /* @__PURE__ */ new Set(["if", "then", "else", "elif", "do", "while", "until", "!", "{", "time"]);
function readWords(input, settings) {
  const reading = emptyCommandReading();
  let words = [...input];
  let env = settings.env;
  const { file } = settings;
  for (let guard = 0; guard < 32 && words.length > 0; guard++) {
    if (settings.shell && LEADING_KEYWORDS.has(words[0].text)) {
      words = words.slice(1);
      continue;
    }
    const assignment = settings.shell ? assignmentOf(words[0], file) : void 0;
    if (assignment) {
      env = withVariables(env, [assignment]);
      words = words.slice(1);
      continue;
    }
    const first = words[0];
    if (/^"?\$(@|\{@\})"?$/.test(first.raw)) {
      reading.runsArguments = true;
      return reading;
    }
    if (first.expands) {
      reading.unrecognized.push({ line: first.line, program: first.text });
      return reading;
    }
    const program = path2.posix.basename(first.text);
    const args = words.slice(1);
    if (BUILTINS.has(first.text)) return reading;
    const given = (list) => withScriptArguments(list, settings.arguments);
    const context = { file, source: settings.source, env, ...settings.workingDirectory !== void 0 ? { workingDirectory: settings.workingDirectory } : {} };
    const server = Object.hasOwn(SERVER_PROGRAMS, program) ? SERVER_PROGRAMS[program] : void 0;
    if (server) {
      reading.servers.push(serverStart(server(given(args), context), first.line, settings.workingDirectory));
      return reading;
    }
    if (program === "supervisord") {
      const config = supervisorConfigOf(args);
      if (config === null) reading.unrecognized.push({ line: first.line, program: first.text });
      else (reading.supervisors ??= []).push({ ...config ? { config } : {}, line: first.line, env, ...settings.workingDirectory !== void 0 ? { workingDirectory: settings.workingDirectory } : {} });
      return reading;
    }
    if (program === "fastapi") {
      const started = readFastapiCommand(given(args), context);
      if (started) reading.servers.push(serverStart(started, first.line, settings.workingDirectory));
      else reading.unrecognized.push({ line: first.line, program: first.text });
      return reading;
    }
    if (/^(python|pypy)(\d+(\.\d+)?)?$/.test(program)) {
      const invocation = pythonInvocation(given(args));
      if (invocation.kind === "module" && invocation.module === "debugpy") {
        const target = debugpyTarget(invocation.args);
        if (target) {
          words = [first, ...target];
          continue;
        }
        reading.unrecognized.push({ line: first.line, program: `${first.text} -m debugpy` });
        return reading;
      }
      if (invocation.kind === "module") {
        const moduleServer = Object.hasOwn(SERVER_MODULES, invocation.module) ? SERVER_MODULES[invocation.module] : void 0;
        const fastapi = invocation.module === "fastapi" ? readFastapiCommand(invocation.args, context) : void 0;
        const started = fastapi ?? (moduleServer ? moduleServer(invocation.args, context) : readPythonRun(invocation, context));
        reading.servers.push(serverStart(started, first.line, settings.workingDirectory));
      } else if (invocation.kind === "script") {
        reading.servers.push(serverStart(readPythonRun(invocation, context), first.line, settings.workingDirectory));
      } else reading.unrecognized.push({ line: first.line, program: first.text });
      return reading;
    }
    if (/^(sh|bash|dash|ash|zsh)$/.test(program)) {
      const shell = shellInvocation(args);
      if (shell.kind === "command") {
        const script2 = shell.script;
        const { arguments: _outer, ...inner } = settings;
        mergeInto(reading, readCommandText(script2.text, linesFrom(script2.text, script2.line), { ...inner, env }));
      } else if (shell.kind === "file") {
        reading.scripts.push({ path: shell.file.text, args: shell.args, line: shell.file.line, env, ...settings.workingDirectory !== void 0 ? { workingDirectory: settings.workingDirectory } : {} });
      } else reading.unrecognized.push({ line: first.line, program: first.text });
      return reading;
    }
    const unwrapped = unwrap(program, args);
    if (unwrapped) {
      if (unwrapped.env.length) env = withVariables(env, unwrapped.env.map((w) => assignmentOf(w, file)).filter((v) => v !== void 0));
      words = unwrapped.rest;
      continue;
    }
    if (program.endsWith(".py") && first.text.includes("/")) {
      reading.servers.push(serverStart(readPythonRun({ kind: "script", script: first, args: given(args) }, context), first.line, settings.workingDirectory));
      return reading;
    }
    if (/\.(sh|bash)$/.test(program) || first.text.startsWith("./") || first.text.startsWith("/") || first.text.includes("/")) {
      reading.scripts.push({ path: first.text, args, line: first.line, env, ...settings.workingDirectory !== void 0 ? { workingDirectory: settings.workingDirectory } : {} });
      return reading;
    }
    if (first.text.startsWith("-")) return reading;
    reading.unrecognized.push({ line: first.line, program: first.text, args, ...settings.workingDirectory !== void 0 ? { workingDirectory: settings.workingDirectory } : {} });
    return reading;
  }
  return reading;
}
function withScriptArguments(words, given) {
  if (!given || !words.some((w) => ALL_ARGUMENTS.test(w.raw))) return [...words];
  return words.flatMap((word) => ALL_ARGUMENTS.test(word.raw) ? given.map((argument) => ({ ...argument, line: word.line })) : [word]);
}
var ALL_ARGUMENTS = /^"?\$(@|\{@\})"?$/;
var WATCHMEDO_VALUE_OPTIONS = /* @__PURE__ */ new Set(["-d", "--directory", "-p", "--pattern", "--patterns", "-i", "--ignore-pattern", "--ignore-patterns", "--interval", "--timeout", "--signal", "--kill-after", "--debounce-interval"]);
var WATCHMEDO_FLAGS = /* @__PURE__ */ new Set(["-D", "--ignore-directories", "-R", "--recursive", "--debug-force-polling", "--no-restart-on-command-exit", "-q", "--quiet", "-v", "--verbose"]);
function watchmedoCommand(args) {
  const command = [];
  for (let i = 0; i < args.length; i++) {
    const text = args[i].text;
    if (text === "--") {
      command.push(...args.slice(i + 1));
      break;
    }
    if (!text.startsWith("-") || text === "-") {
      command.push(args[i]);
      continue;
    }
    if (text.startsWith("--")) {
      const name = text.split("=")[0];
      const attached = text.includes("=");
      const known = [...WATCHMEDO_VALUE_OPTIONS, ...WATCHMEDO_FLAGS].filter((option3) => option3.startsWith(name));
      const option2 = known.includes(name) ? name : known.length === 1 ? known[0] : void 0;
      if (option2 === void 0 || attached && !WATCHMEDO_VALUE_OPTIONS.has(option2)) return void 0;
      if (WATCHMEDO_VALUE_OPTIONS.has(option2) && !attached) i++;
      continue;
    }
    const short = /^-([DRqv]*)([dpi]?)(.*)$/.exec(text);
    if (!short || !short[2] && short[3]) return void 0;
    if (short[2] && !short[3]) i++;
  }
  return command.length ? command : void 0;
}
function supervisorConfigOf(args) {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = arg.text === "-c" || arg.text === "--configuration" ? args[i + 1] : /^--configuration=/.test(arg.text) ? { ...arg, text: arg.text.slice("--configuration=".length) } : /^-c./.test(arg.text) ? { ...arg, text: arg.text.slice(2) } : void 0;
    if (value) return value.expands ? null : value.text;
  }
  return void 0;
}
function serverStart(reading, line, startDirectory) {
  const directory = reading.workingDirectory !== void 0 ? joinDirectory(startDirectory, reading.workingDirectory) : startDirectory;
  return {
    reading,
    line,
    ...startDirectory !== void 0 ? { startDirectory } : {},
    ...directory !== void 0 ? { workingDirectory: directory } : {}
  };
}
function joinDirectory(base, next) {
  if (next.startsWith("/") || base === void 0) return path2.posix.normalize(next);
  return path2.posix.join(base, next);
}
function shellInvocation(args) {
  let wantsCommand = false;
  for (let i = 0; i < args.length; i++) {
    const text = args[i].text;
    if (text === "--") continue;
    if (/^-[a-zA-Z]+$/.test(text)) {
      if (text.includes("c")) wantsCommand = true;
      if (text === "-o" || text === "+o") i++;
      continue;
    }
    if (/^--[a-z-]+$/.test(text) || /^\+[a-zA-Z]+$/.test(text)) continue;
    if (wantsCommand) return { kind: "command", script: args[i] };
    return { kind: "file", file: args[i], args: args.slice(i + 1) };
  }
  return { kind: "none" };
}
function unwrap(program, args) {
  const texts = args.map((w) => w.text);
  const afterOptions = (valueOptions, start = 0) => {
    let i = start;
    while (i < args.length && texts[i].startsWith("-")) {
      if (texts[i] === "--") return i + 1;
      if (valueOptions.has(texts[i])) i++;
      i++;
    }
    return i;
  };
  switch (program) {
    case "exec":
    case "nohup":
    case "ddtrace-run":
    case "chronic":
      return { rest: args.slice(afterOptions(/* @__PURE__ */ new Set(["-a"]))), env: [] };
    case "time":
      return { rest: args.slice(afterOptions(/* @__PURE__ */ new Set(["-f", "-o"]))), env: [] };
    case "nice":
      return { rest: args.slice(afterOptions(/* @__PURE__ */ new Set(["-n"]))), env: [] };
    case "env": {
      let i = afterOptions(/* @__PURE__ */ new Set(["-u", "--unset", "-C", "--chdir", "-S", "--split-string"]));
      const env = [];
      while (i < args.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(texts[i])) env.push(args[i++]);
      return { rest: args.slice(i), env };
    }
    case "tini":
    case "tini-static":
      return { rest: args.slice(afterOptions(/* @__PURE__ */ new Set(["-p", "-e"]))), env: [] };
    case "dumb-init":
      return { rest: args.slice(afterOptions(/* @__PURE__ */ new Set(["-r", "--rewrite"]))), env: [] };
    case "gosu":
    case "su-exec":
      return { rest: args.slice(1), env: [] };
    case "setpriv":
    case "chpst":
      return { rest: args.slice(afterOptions(/* @__PURE__ */ new Set(["-u", "-U", "-e", "-n", "-l", "-L", "-m", "-d", "-o", "-p", "-f", "-c", "-r", "-t", "--reuid", "--regid"]))), env: [] };
    case "wait-for-it":
    case "wait-for-it.sh":
    case "wait-for":
    case "wait-for.sh":
    case "dockerize": {
      const separator = texts.indexOf("--");
      return { rest: separator >= 0 ? args.slice(separator + 1) : [], env: [] };
    }
    case "newrelic-admin":
      return texts[0] === "run-program" ? { rest: args.slice(1), env: [] } : void 0;
    case "watchmedo": {
      const command = texts[0] === "auto-restart" ? watchmedoCommand(args.slice(1)) : void 0;
      return command ? { rest: command, env: [] } : void 0;
    }
    case "opentelemetry-instrument": {
      let i = 0;
      while (i < args.length && texts[i].startsWith("--")) i += texts[i].includes("=") ? 1 : 2;
      return { rest: args.slice(i), env: [] };
    }
    case "poetry":
    case "pipenv":
    case "pdm":
    case "hatch":
    case "rye":
      return texts[0] === "run" ? { rest: args.slice(afterOptions(/* @__PURE__ */ new Set(["-e", "--env"]), 1)), env: [] } : void 0;
    case "uv":
      return texts[0] === "run" ? { rest: args.slice(afterOptions(/* @__PURE__ */ new Set(["--with", "--python", "-p", "--env-file", "--project", "--directory", "--extra", "--group", "--package", "--index", "--with-requirements"]), 1)), env: [] } : void 0;
    case "doppler":
      return texts[0] === "run" ? { rest: args.slice(afterOptions(/* @__PURE__ */ new Set(["-p", "--project", "-c", "--config", "--token"]), 1)), env: [] } : void 0;
    default:
      return void 0;
  }
}

// src/deploy/formats/format.ts
function containerArgv(image, command, entrypoint) {
  if (entrypoint) return [...entrypoint, ...command];
  const inherited = image?.entrypoint;
  if (!inherited) return command;
  if ("exec" in inherited) return [...inherited.exec, ...command];
  return [literalWord("/bin/sh", inherited.line), literalWord("-c", inherited.line), literalWord(inherited.shell, inherited.line)];
}

// src/deploy/formats/fly.ts
function readFlyToml(file, text, images) {
  const reading = { occurrences: [], problems: [] };
  let data;
  try {
    data = parse(text);
  } catch (error) {
    const line = error instanceof TomlError ? error.line : void 0;
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    reading.problems.push({ file, ...line ? { line } : {}, message: `TOML syntax error: ${message.replace(/^Invalid TOML document: /, "")}` });
    return reading;
  }
  const keyLine = keyLines(text);
  const table = (value) => value && typeof value === "object" && !Array.isArray(value) ? value : void 0;
  const build = table(data.build);
  const dockerfile = typeof build?.dockerfile === "string" ? build.dockerfile : "Dockerfile";
  const image = images(path3.posix.normalize(path3.posix.join(path3.posix.dirname(file), dockerfile)));
  const env = Object.entries(table(data.env) ?? {}).map(([name, value]) => ({
    name,
    value: String(value),
    written: String(value),
    file,
    line: keyLine("env", name)
  }));
  const settings = { file, source: "fly.toml", env: withVariables(image?.env ?? /* @__PURE__ */ new Map(), env) };
  if (image?.workingDirectory !== void 0) settings.workingDirectory = image.workingDirectory;
  const experimental = table(data.experimental);
  const entrypoint = experimental?.entrypoint !== void 0 ? wordsOf(experimental.entrypoint, keyLine("experimental", "entrypoint")) : void 0;
  const run = (name, command, line, written) => {
    const argv = containerArgv(image, command, entrypoint);
    reading.occurrences.push({ ...name ? { name } : {}, line, command: written, settings, reading: readArgv(argv, settings) });
  };
  const processes = table(data.processes);
  if (processes && Object.keys(processes).length > 0) {
    for (const [name, command] of Object.entries(processes)) {
      const line = keyLine("processes", name);
      const words = wordsOf(command, line);
      const operator = words ? operatorWithoutShell(words, file, "fly") : void 0;
      if (operator) reading.problems.push(operator);
      if (words) run(name, words, line, typeof command === "string" ? command : JSON.stringify(command));
      else reading.problems.push({ file, line, message: `process ${JSON.stringify(name)}: the command is neither a string nor a list of strings` });
    }
  } else if (experimental?.cmd !== void 0) {
    const line = keyLine("experimental", "cmd");
    const words = wordsOf(experimental.cmd, line);
    if (words) run(void 0, words, line, typeof experimental.cmd === "string" ? experimental.cmd : JSON.stringify(experimental.cmd));
  } else if (entrypoint) {
    const line = keyLine("experimental", "entrypoint");
    run(void 0, [], line, JSON.stringify(experimental?.entrypoint));
  }
  return reading;
}
function wordsOf(value, line) {
  if (typeof value === "string") return splitCommandLine(value, "words", () => line).commands.flatMap((c) => c.words);
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value.map((v) => literalWord(v, line));
  return void 0;
}
function keyLines(text) {
  const tableLines = /* @__PURE__ */ new Map();
  const inTable = /* @__PURE__ */ new Map();
  const dotted = /* @__PURE__ */ new Map();
  let table;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const header = /^\s*\[([^\]]*)\]/.exec(line);
    if (header && header[1].trim() !== "") {
      table = header[1].trim();
      tableLines.set(table, i + 1);
      continue;
    }
    const key = /^\s*(?:"([^"]*)"|'([^']*)'|([^\s='"]+))\s*=/.exec(line);
    if (!key) continue;
    const name = key[1] ?? key[2] ?? key[3];
    if (table !== void 0 && !inTable.has(`${table}\0${name}`)) inTable.set(`${table}\0${name}`, i + 1);
    if (key[3] !== void 0 && name.includes(".")) {
      const list = dotted.get(name);
      if (list) list.push({ line: i + 1, table });
      else dotted.set(name, [{ line: i + 1, table }]);
    }
  }
  return (tableName, key) => {
    const candidates = [inTable.get(`${tableName}\0${key}`), dotted.get(`${tableName}.${key}`)?.find((d) => d.table !== tableName)?.line].filter((l) => l !== void 0);
    return candidates.length ? Math.min(...candidates) : tableLines.get(tableName) ?? 1;
  };
}

// src/deploy/consoleScripts.ts
var CONSOLE_SCRIPT_FILES = ["pyproject.toml", "setup.cfg", "setup.py"];
var NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
var REFERENCE = /^\s*([A-Za-z_][\w]*(?:\s*\.\s*[A-Za-z_]\w*)*)\s*(?::\s*([A-Za-z_]\w*(?:\s*\.\s*[A-Za-z_]\w*)*))?\s*(?:\[[^\]]*\])?\s*$/;
function consoleScriptsOf(file, content) {
  const name = path4.posix.basename(file);
  const text = typeof content === "string" ? content : name.endsWith(".py") ? decodePythonSource(content).text : new TextDecoder("utf-8").decode(content).replace(/^\uFEFF/, "");
  if (name === "pyproject.toml") return fromPyproject(file, text);
  if (name === "setup.cfg") return fromSetupCfg(file, text);
  return fromSetupPy(file, text);
}
function script(file, line, name, written) {
  const match = REFERENCE.exec(written);
  if (!NAME.test(name) || !match) return { file, line, message: `console script ${JSON.stringify(name)} = ${JSON.stringify(written)} is not \`name = module:function\`; not read` };
  const module = match[1].replace(/\s+/g, "");
  const attribute = match[2]?.replace(/\s+/g, "");
  const folder = path4.posix.dirname(file);
  return { file, line, name, reference: attribute ? `${module}:${attribute}` : module, module, ...attribute ? { attribute } : {}, folder: folder === "." ? "" : folder };
}
function collect(reading, found) {
  if ("name" in found) reading.scripts.push(found);
  else reading.problems.push(found);
}
function fromPyproject(file, text) {
  const reading = { scripts: [], problems: [] };
  if (!/scripts/.test(text)) return reading;
  let data;
  try {
    data = parse(text);
  } catch {
    return reading;
  }
  const lineOf = keyLines(text);
  const table = (value) => typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
  const project = table(data.project);
  for (const section of ["scripts", "gui-scripts"]) {
    for (const [name, value] of Object.entries(table(project?.[section]) ?? {})) {
      if (typeof value === "string") collect(reading, script(file, lineOf(`project.${section}`, name), name, value));
    }
  }
  const poetry = table(table(table(data.tool)?.poetry)?.scripts);
  for (const [name, value] of Object.entries(poetry ?? {})) {
    const line = lineOf("tool.poetry.scripts", name);
    if (typeof value === "string") collect(reading, script(file, line, name, value));
    else {
      const entry = table(value);
      const reference = entry?.reference ?? entry?.callable;
      if (typeof reference === "string" && (entry?.type === void 0 || entry.type === "console")) collect(reading, script(file, line, name, reference));
    }
  }
  return reading;
}
function fromSetupCfg(file, text) {
  const reading = { scripts: [], problems: [] };
  const lines = text.split(/\r?\n/);
  let inSection = false;
  let inKey = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^\s*[#;]/.test(line) || line.trim() === "") continue;
    const header = /^\[([^\]]*)\]/.exec(line);
    if (header) {
      inSection = header[1].trim() === "options.entry_points";
      inKey = false;
      continue;
    }
    if (!inSection) continue;
    const continued = /^\s/.test(line);
    if (!continued) {
      const key = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(line);
      inKey = key !== null && (key[1] === "console_scripts" || key[1] === "gui_scripts");
      if (inKey && key[2].trim() !== "") entryLine(key[2], i + 1);
      continue;
    }
    if (inKey) entryLine(line, i + 1);
  }
  return reading;
  function entryLine(entry, line) {
    const equals = entry.indexOf("=");
    if (equals < 0) {
      reading.problems.push({ file, line, message: `console script ${JSON.stringify(entry.trim())} is not \`name = module:function\`; not read` });
      return;
    }
    collect(reading, script(file, line, entry.slice(0, equals).trim(), entry.slice(equals + 1).trim()));
  }
}
function fromSetupPy(file, text) {
  const reading = { scripts: [], problems: [] };
  const key = /["'](?:console|gui)_scripts["']\s*:\s*\[/g;
  for (let match = key.exec(text); match; match = key.exec(text)) {
    const start = match.index + match[0].length;
    const end = text.indexOf("]", start);
    if (end < 0) break;
    const body = text.slice(start, end);
    const literal = /(["'])((?:(?!\1)[^\\\n])*)\1/g;
    for (let string = literal.exec(body); string; string = literal.exec(body)) {
      const entry = string[2];
      const equals = entry.indexOf("=");
      if (equals < 0) continue;
      const line = text.slice(0, start + string.index).split("\n").length;
      collect(reading, script(file, line, entry.slice(0, equals).trim(), entry.slice(equals + 1).trim()));
    }
    key.lastIndex = end;
  }
  return reading;
}

// src/check/namedScripts.ts
function scriptsRunBy(line) {
  if (!line.includes("python")) return [];
  const tokens = line.split(/[\s"',;&|()[\]]+/).filter((t) => t !== "");
  const scripts = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!/^python[\d.]*$/.test(tokens[i].slice(tokens[i].lastIndexOf("/") + 1))) continue;
    let j = i + 1;
    while (j < tokens.length && tokens[j].startsWith("-") && tokens[j] !== "-m" && tokens[j] !== "-c") j++;
    const script2 = tokens[j];
    if (script2 && /^[\w.\/-]*[\w-]\.py$/.test(script2)) scripts.push(script2);
  }
  return scripts;
}
async function namedScripts(root, deployment, index, files) {
  const named = /* @__PURE__ */ new Map();
  const add = (file, where, server) => {
    if (!file) return;
    const known = named.get(file);
    if (!known || server && !known.server) named.set(file, { where, server });
  };
  const resolved = /* @__PURE__ */ new Map();
  const resolveScript = (written, from) => {
    const key = `${from}\0${written}`;
    if (!resolved.has(key)) resolved.set(key, resolveUncached(written, from));
    return resolved.get(key);
  };
  const resolveUncached = (written, from) => {
    const clean = written.replace(/^\.\//, "");
    const candidates = [path5.posix.normalize(path5.posix.join(path5.posix.dirname(from), clean)), path5.posix.normalize(clean)];
    for (const candidate of candidates) if (files.has(candidate)) return candidate;
    const ending = [...files].filter((f) => f === clean || f.endsWith(`/${clean}`));
    return ending.length === 1 ? ending[0] : void 0;
  };
  for (const process2 of deployment?.processes ?? []) {
    const spec = process2.appSpec;
    if (process2.server !== "python" || !spec?.asMain) continue;
    const file = spec.script ? resolveScript(spec.script, process2.file) : index.lookup(spec.module)?.path;
    const server = (process2.source !== "shell-script" || process2.staysUp !== void 0) && !(spec.script !== void 0 && /(^|\/)manage\.py$/.test(spec.script));
    add(file, `\`${process2.command ?? spec.written}\` (${process2.file}:${process2.line})`, server);
  }
  for (const file of deployment?.read ?? []) {
    if (file.endsWith(".py")) continue;
    const read = await readRegularFile(path5.join(root, file), MAX_SMALL_FILE_BYTES);
    if (!read.ok) continue;
    const lines = read.bytes.toString("utf8").split(/\r?\n/);
    lines.forEach((line, i) => {
      for (const script2 of scriptsRunBy(line)) add(resolveScript(script2, file), `${file}:${i + 1}`, false);
    });
  }
  for (const name of CONSOLE_SCRIPT_FILES) {
    const read = await readRegularFile(path5.join(root, name), MAX_SMALL_FILE_BYTES);
    if (!read.ok) continue;
    for (const script2 of consoleScriptsOf(name, read.bytes).scripts) add(index.lookup(script2.module)?.path, `console script \`${script2.name}\` (${script2.file}:${script2.line})`, false);
  }
  return named;
}

// src/check/celeryConfig.ts
import path6 from "node:path";

// src/deploy/pythonConfig.ts
function readPythonConfig(parser, file, text) {
  const result = { refused: false, assignments: /* @__PURE__ */ new Map(), functions: /* @__PURE__ */ new Map(), problems: [] };
  const syntaxProblems = extractModule(parser, file, text).syntaxProblems;
  for (const problem of syntaxProblems) {
    result.problems.push({ file, line: problem.span.line, message: `${problem.message}; the server fails loading this config file ("Failed to read config file"), so none of its settings were read` });
  }
  if (syntaxProblems.length > 0) {
    result.refused = true;
    return result;
  }
  visitBlock(parseTree(parser, text).rootNode, false, result);
  return result;
}
function visitBlock(block, conditional, result) {
  for (const statement of block.namedChildren) {
    if (!statement) continue;
    switch (statement.type) {
      case "expression_statement": {
        const expression = statement.namedChild(0);
        if (expression?.type === "assignment") visitAssignment(expression, conditional, result);
        break;
      }
      case "function_definition": {
        const name = statement.childForFieldName("name")?.text;
        if (name) result.functions.set(name, { line: statement.startPosition.row + 1, conditional });
        break;
      }
      case "decorated_definition": {
        const definition = statement.childForFieldName("definition");
        const name = definition?.type === "function_definition" ? definition.childForFieldName("name")?.text : void 0;
        if (name) result.functions.set(name, { line: definition.startPosition.row + 1, conditional });
        break;
      }
      case "if_statement":
      case "try_statement":
      case "with_statement":
      case "for_statement":
      case "while_statement":
        for (const block2 of innerBlocks(statement)) visitBlock(block2, true, result);
        break;
    }
  }
}
function innerBlocks(statement) {
  const blocks = [];
  for (const child of statement.namedChildren) {
    if (!child) continue;
    if (child.type === "block") blocks.push(child);
    else if (/_clause$/.test(child.type)) blocks.push(...innerBlocks(child));
  }
  return blocks;
}
function visitAssignment(node, conditional, result) {
  const { targets, right } = assignmentParts(node);
  if (!right) return;
  for (const target of targets) {
    if (target.type === "identifier" || target.type === "attribute" && /^[A-Za-z_][\w.]*$/.test(target.text)) {
      record(result, target.text, right, conditional);
    } else if ((target.type === "pattern_list" || target.type === "tuple_pattern") && (right.type === "expression_list" || right.type === "tuple")) {
      const names = target.namedChildren;
      const values = right.namedChildren;
      if (names.length === values.length) {
        names.forEach((name, i) => {
          if (name?.type === "identifier" && values[i]) record(result, name.text, values[i], conditional);
        });
      }
    }
  }
}
function record(result, name, value, conditional) {
  const literal = literalOf(value, result.assignments);
  result.assignments.set(name, {
    line: value.startPosition.row + 1,
    // Linear: `\s*\n\s*` backtracks quadratically on a long run of spaces without a line break.
    expression: value.text.replace(/\s+/g, (run) => run.includes("\n") ? " " : run),
    conditional,
    ...literal !== void 0 ? { value: literal } : {}
  });
}
var MAX_LITERAL_NESTING = 100;
function literalOf(node, known, depth = 0) {
  if (depth > MAX_LITERAL_NESTING) return void 0;
  switch (node.type) {
    case "integer":
    case "float":
    case "true":
    case "false":
    case "none":
    case "string":
      return scalarLiteral(node, { decodeEscapes: true });
    case "unary_operator": {
      const operand = node.childForFieldName("argument");
      const operator = node.child(0)?.text;
      const value = operand ? literalOf(operand, known, depth + 1) : void 0;
      return typeof value === "number" && (operator === "-" || operator === "+") ? operator === "-" ? -value : value : void 0;
    }
    case "parenthesized_expression":
      return node.namedChild(0) ? literalOf(node.namedChild(0), known, depth + 1) : void 0;
    case "list":
    case "tuple": {
      const values = [];
      for (const child of node.namedChildren) {
        const value = child ? literalOf(child, known, depth + 1) : void 0;
        if (value === void 0) return void 0;
        values.push(value);
      }
      return values;
    }
    case "identifier": {
      const bound = known.get(node.text);
      return bound && !bound.conditional ? bound.value : void 0;
    }
    default:
      return void 0;
  }
}
function pythonIntLiteral(text) {
  const clean = text.replace(/_/g, "").toLowerCase();
  if (/^0x[0-9a-f]+$/.test(clean)) return parseInt(clean.slice(2), 16);
  if (/^0o[0-7]+$/.test(clean)) return parseInt(clean.slice(2), 8);
  if (/^0b[01]+$/.test(clean)) return parseInt(clean.slice(2), 2);
  if (/^\d+$/.test(clean)) return Number(clean);
  return void 0;
}
var GUNICORN_HOOKS = [
  "on_starting",
  "on_reload",
  "when_ready",
  "pre_fork",
  "post_fork",
  "post_worker_init",
  "worker_int",
  "worker_abort",
  "pre_exec",
  "pre_request",
  "post_request",
  "child_exit",
  "worker_exit",
  "nworkers_changed",
  "on_exit",
  "ssl_context"
];
function gunicornSettingsOf(config, file) {
  const result = { settings: {}, hooks: [], problems: [] };
  const get = (name) => config.assignments.get(name);
  const base = (name, a) => ({ file, line: a.line, origin: "config-file", via: `${name} =`, ...a.conditional ? { conditional: true } : {} });
  const refuse = (name, a, why) => {
    result.problems.push({ file, line: a.line, message: `${name} = ${a.expression}: ${why}; gunicorn refuses to start` });
  };
  const intSetting2 = (name) => {
    const a = get(name);
    if (!a) return void 0;
    if (a.value === void 0) return { ...base(name, a), expression: a.expression };
    const value = typeof a.value === "boolean" ? Number(a.value) : typeof a.value === "number" ? a.value : typeof a.value === "string" ? pythonIntLiteral(a.value.trim()) : void 0;
    if (value === void 0 || !Number.isInteger(value)) return void refuse(name, a, "not an integer");
    if (value < 0) return void refuse(name, a, "must be positive");
    return { ...base(name, a), value };
  };
  const workers = intSetting2("workers");
  if (workers) result.settings.workers = workers;
  const threads = intSetting2("threads");
  if (threads) result.settings.threads = threads;
  const boolSetting = (name) => {
    const a = get(name);
    if (!a || a.value === null) return void 0;
    if (a.value === void 0) return { ...base(name, a), expression: a.expression };
    if (typeof a.value === "boolean") return { ...base(name, a), value: a.value };
    if (typeof a.value === "string" && ["true", "false"].includes(a.value.trim().toLowerCase())) return { ...base(name, a), value: a.value.trim().toLowerCase() === "true" };
    return void refuse(name, a, "not a boolean");
  };
  const preload = boolSetting("preload_app");
  if (preload) result.settings.preload = preload;
  const reload = boolSetting("reload");
  if (reload) result.settings.reload = reload;
  const workerClass = get("worker_class");
  if (workerClass && workerClass.value !== null) {
    result.settings.workerClass = typeof workerClass.value === "string" ? { ...base("worker_class", workerClass), value: workerClass.value } : { ...base("worker_class", workerClass), expression: workerClass.expression };
  }
  const bind = get("bind");
  if (bind) {
    if (typeof bind.value === "string") result.settings.bind = { ...base("bind", bind), value: [bind.value] };
    else if (Array.isArray(bind.value) && bind.value.every((v) => typeof v === "string")) result.settings.bind = { ...base("bind", bind), value: bind.value };
    else if (bind.value === void 0) result.settings.bind = { ...base("bind", bind), expression: bind.expression };
    else refuse("bind", bind, "not a string or a list of strings");
  }
  const wsgiApp = get("wsgi_app");
  if (wsgiApp && typeof wsgiApp.value === "string") {
    const written = wsgiApp.value;
    const colon = written.indexOf(":");
    const module = colon < 0 ? written : written.slice(0, colon);
    const attributeText = colon < 0 ? "application" : written.slice(colon + 1);
    const call = /^([A-Za-z_][A-Za-z0-9_]*)\s*\(.*\)\s*$/s.exec(attributeText);
    result.appSpec = { file, line: wsgiApp.line, written, module, attribute: call ? call[1] : attributeText, ...call ? { factory: true } : {} };
  }
  const chdir = get("chdir");
  if (chdir && typeof chdir.value === "string") result.workingDirectory = chdir.value;
  const pythonpath = get("pythonpath");
  if (pythonpath && typeof pythonpath.value === "string") result.pythonPath = pythonpath.value.split(",").filter(Boolean);
  for (const name of GUNICORN_HOOKS) {
    const defined = config.functions.get(name);
    const assigned = config.assignments.get(name);
    if (assigned && (!defined || assigned.line > defined.line)) {
      if (assigned.value !== null) result.hooks.push({ name, file, line: assigned.line });
    } else if (defined) result.hooks.push({ name, file, line: defined.line });
  }
  result.hooks.sort((a, b) => a.line - b.line);
  return result;
}
function hypercornSettingsOf(config, file) {
  const settings = {};
  const base = (name, a) => ({ file, line: a.line, origin: "config-file", via: `${name} =`, ...a.conditional ? { conditional: true } : {} });
  const workers = config.assignments.get("workers");
  if (workers) settings.workers = typeof workers.value === "number" ? { ...base("workers", workers), value: workers.value } : { ...base("workers", workers), expression: workers.expression };
  const workerClass = config.assignments.get("worker_class");
  if (workerClass) settings.workerClass = typeof workerClass.value === "string" ? { ...base("worker_class", workerClass), value: workerClass.value } : { ...base("worker_class", workerClass), expression: workerClass.expression };
  const bind = config.assignments.get("bind");
  if (bind) {
    const value = typeof bind.value === "string" ? [bind.value] : Array.isArray(bind.value) && bind.value.every((v) => typeof v === "string") ? bind.value : void 0;
    settings.bind = value ? { ...base("bind", bind), value } : { ...base("bind", bind), expression: bind.expression };
  }
  return settings;
}

// src/check/celeryConfig.ts
async function celeryConfigConcurrency(appPaths, root, index, summaries) {
  for (const appPath of appPaths) {
    const summary = summaries.get(appPath);
    if (!summary) continue;
    const own = await readModule(root, appPath);
    const assigned = own ? [...own.assignments].find(([name]) => name.endsWith(".conf.worker_concurrency")) : void 0;
    if (assigned) return settingOf(appPath, assigned[0], assigned[1]);
    const calls = summary.calls.filter((call) => call.scope.kind === "module");
    for (const call of calls) {
      if (!call.calleeText.endsWith(".conf.update")) continue;
      const argument = call.args.find((a) => a.keyword === "worker_concurrency");
      if (argument) return literalSetting(appPath, call, "worker_concurrency=", argument.literal, argument.text);
    }
    const source = calls.find((call) => call.calleeText.endsWith(".config_from_object") && typeof call.args[0]?.literal === "string");
    if (!source) continue;
    const namespace = source.args.find((a) => a.keyword === "namespace")?.literal;
    const names = typeof namespace === "string" && namespace !== "" ? [`${namespace}_WORKER_CONCURRENCY`] : ["worker_concurrency", "CELERYD_CONCURRENCY"];
    const written = source.args[0].literal;
    const moduleName = written === "django.conf:settings" || written === "django.conf.settings" ? djangoSettingsOf(calls) : written.split(":")[0];
    const module = moduleName ? index.lookup(moduleName, index.byPath.get(appPath)) : void 0;
    const config = module ? await readModule(root, module.path) : void 0;
    if (!config) continue;
    for (const name of names) {
      const assignment = config.assignments.get(name);
      if (assignment) return settingOf(module.path, name, assignment);
    }
  }
  return void 0;
}
function djangoSettingsOf(calls) {
  for (const call of calls) {
    if (call.callee !== "os.environ.setdefault" || call.args[0]?.literal !== "DJANGO_SETTINGS_MODULE") continue;
    const value = call.args[1]?.literal;
    if (typeof value === "string") return value;
  }
  return void 0;
}
function settingOf(file, name, assignment) {
  const base = { file, line: assignment.line, origin: "config-file", via: `${name} =`, ...assignment.conditional ? { conditional: true } : {} };
  return typeof assignment.value === "number" && Number.isInteger(assignment.value) ? { ...base, value: assignment.value } : { ...base, expression: assignment.expression };
}
function literalSetting(file, call, via, literal, text) {
  const base = { file, line: call.span.line, origin: "config-file", via };
  return typeof literal === "number" && Number.isInteger(literal) ? { ...base, value: literal } : { ...base, expression: text };
}
async function readModule(root, relative) {
  const read = await readRegularFile(path6.join(root, relative), DEFAULT_MAX_FILE_BYTES, { record: false });
  if (!read.ok) return void 0;
  try {
    const config = await withPythonParser(relative, (parser) => readPythonConfig(parser, relative, read.bytes.toString("utf8")));
    return config.refused ? void 0 : config;
  } catch {
    return void 0;
  }
}
async function withCeleryConfig(served, root, index, summaries) {
  const known = /* @__PURE__ */ new Map();
  for (const { process: process2, appPaths } of served) {
    const celery = process2.celery;
    if (process2.server !== "celery" || !celery || (celery.subcommand || "worker") !== "worker" || appPaths.length === 0) continue;
    let held = celery.concurrency && "expression" in celery.concurrency ? celery.concurrency.optionsOf : void 0;
    while (held?.unset && "expression" in held.unset && held.unset.optionsOf) held = held.unset.optionsOf;
    if (celery.concurrency && !(held && !held.unset)) continue;
    const key = appPaths.join("\0");
    if (!known.has(key)) known.set(key, await celeryConfigConcurrency(appPaths, root, index, summaries));
    const setting = known.get(key);
    if (!setting || "value" in setting && setting.value === 0) continue;
    if (held) held.unset = setting;
    else celery.concurrency = setting;
  }
}

// src/deploy/readDeployment.ts
import path12 from "node:path";

// src/deploy/formats/supervisord.ts
function readSupervisorConfig(file, text, containerFolder) {
  const programs = [];
  let current;
  let last;
  const finish = () => {
    if (!current) return;
    const command = current.values.get("command");
    if (command && command.value.trim() !== "") {
      const numprocsSetting = current.values.get("numprocs");
      const numprocs = Number(numprocsSetting?.value.trim() ?? "1");
      const variable = /^%\(ENV_([A-Za-z_][A-Za-z0-9_]*)\)s$/.exec(numprocsSetting?.value.trim() ?? "")?.[1];
      const autostart = (current.values.get("autostart")?.value.trim().toLowerCase() ?? "true") !== "false";
      const directory = current.values.get("directory")?.value.trim();
      programs.push({
        name: current.name,
        line: command.line,
        command: expandHere(command.value.trim(), containerFolder),
        ...directory ? { directory: expandHere(directory, containerFolder) } : {},
        environment: environmentOf(current.values.get("environment"), file),
        numprocs: { value: Number.isInteger(numprocs) && numprocs > 0 ? numprocs : 1, line: numprocsSetting?.line ?? command.line, ...variable ? { variable } : {} },
        autostart
      });
    }
    current = void 0;
  };
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = index + 1;
    if (/^\s*([;#].*)?$/.test(raw)) continue;
    if (/^\s/.test(raw) && last) {
      last.value += `
${withoutComment(raw.trim())}`;
      continue;
    }
    const section = /^\[([^\]]+)\]/.exec(raw.trim());
    if (section) {
      finish();
      last = void 0;
      const name = /^program:(.+)$/.exec(section[1].trim());
      if (name) current = { name: name[1].trim(), values: /* @__PURE__ */ new Map() };
      continue;
    }
    const pair = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(raw);
    if (!pair || !current) {
      last = void 0;
      continue;
    }
    last = { value: withoutComment(pair[2]), line };
    current.values.set(pair[1].trim().toLowerCase(), last);
  }
  finish();
  return programs;
}
function withoutComment(value) {
  const at = value.search(/\s;/);
  return (at < 0 ? value : value.slice(0, at)).trim();
}
function expandHere(value, folder) {
  const withEnv = value.replace(/%\(ENV_([A-Za-z_][A-Za-z0-9_]*)\)s/g, "${$1}");
  return folder === void 0 ? withEnv : withEnv.replace(/%\(here\)s/g, folder);
}
function environmentOf(setting, file) {
  if (!setting) return [];
  const values = [];
  const pattern = /\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*("(?:[^"\\]|\\.)*"|'[^']*'|[^,]*)\s*(?:,|$)/gy;
  let match;
  while ((match = pattern.exec(setting.value)) !== null && match[0] !== "") {
    const written = match[2].trim();
    const value = /^["']/.test(written) ? written.slice(1, -1) : written;
    values.push({ name: match[1], written, file, line: setting.line, .../%\(|\$/.test(value) ? {} : { value } });
  }
  return values;
}

// src/deploy/formats/compose.ts
var import_yaml2 = __toESM(require_dist(), 1);
import path7 from "node:path";

// src/deploy/formats/yamlSupport.ts
var import_yaml = __toESM(require_dist(), 1);
function parseYaml(file, text, problems) {
  const lineCounter = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text, { lineCounter, merge: true, prettyErrors: false });
  for (const error of doc.errors.slice(0, 3)) {
    const line = lineCounter.linePos(error.pos[0]).line;
    const what = /call stack/i.test(error.message) ? "nested too deeply to read" : error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
    problems.push({ file, line, message: `YAML syntax error: ${what}; nothing was read from this file` });
  }
  if (doc.errors.length > 0) return void 0;
  const expanded = expandedSize(doc.contents);
  if (expanded > MAX_YAML_EXPANDED_NODES) {
    problems.push({
      file,
      message: `YAML aliases expand this file to more than ${MAX_YAML_EXPANDED_NODES.toLocaleString("en")} values (an alias bomb, "billion laughs"); the platform's YAML reader refuses such a file, and nothing was read from it`
    });
    return void 0;
  }
  (0, import_yaml.visit)(doc, {
    Alias(_, alias) {
      const target = alias.resolve(doc);
      if (target) aliasTargets.set(alias, target);
    }
  });
  const lineOf = (node) => node?.range ? lineCounter.linePos(node.range[0]).line : 1;
  return { doc, lineOf };
}
var MAX_YAML_EXPANDED_NODES = 1e6;
function expandedSize(root) {
  const anchors = /* @__PURE__ */ new Map();
  const sizes = /* @__PURE__ */ new Map();
  const cap = (n) => Math.min(n, MAX_YAML_EXPANDED_NODES + 1);
  const childrenOf = (node) => {
    if ((0, import_yaml.isMap)(node) || (0, import_yaml.isSeq)(node)) return node.items;
    if ((0, import_yaml.isPair)(node)) return [node.key, node.value];
    return [];
  };
  const stack = [{ node: root, entered: false }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const children = childrenOf(top.node);
    if (!top.entered) {
      top.entered = true;
      for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], entered: false });
      continue;
    }
    stack.pop();
    const node = top.node;
    let size;
    if ((0, import_yaml.isAlias)(node)) size = anchors.get(node.source) ?? 1;
    else size = cap(((0, import_yaml.isPair)(node) ? 0 : 1) + children.reduce((sum, child) => sum + (sizes.get(child) ?? 0), 0));
    sizes.set(node, size);
    const anchor = node?.anchor;
    if (anchor && !(0, import_yaml.isAlias)(node)) anchors.set(anchor, size);
  }
  return sizes.get(root) ?? 0;
}
var aliasTargets = /* @__PURE__ */ new WeakMap();
function followed(node) {
  return (0, import_yaml.isAlias)(node) ? aliasTargets.get(node) ?? node : node;
}
var MAX_MERGE_DEPTH = 8;
function mapEntries(node, depth = 0) {
  const map = followed(node);
  if (!(0, import_yaml.isMap)(map)) return [];
  const own = [];
  const merged = [];
  for (const pair of map.items) {
    if (!(0, import_yaml.isScalar)(pair.key)) continue;
    if (typeof pair.key.value === "symbol") {
      if (depth >= MAX_MERGE_DEPTH) continue;
      const value = followed(pair.value);
      for (const source of (0, import_yaml.isSeq)(value) ? value.items : [value]) merged.push(...mapEntries(source, depth + 1));
      continue;
    }
    own.push({ key: String(pair.key.value), keyNode: pair.key, value: followed(pair.value) ?? null });
  }
  return merged.length ? [...own, ...merged] : own;
}
function mapGet(node, key) {
  return mapEntries(node).find((e) => e.key === key)?.value;
}
function scalarText(value) {
  const node = followed(value);
  if (!(0, import_yaml.isScalar)(node) || node.value === null || node.value === void 0) return void 0;
  return typeof node.value === "object" ? void 0 : String(node.value);
}
function valueLineAt(yaml, node) {
  const start = yaml.lineOf(node);
  if ((0, import_yaml.isScalar)(node) && node.type === "BLOCK_LITERAL") return linesFrom(scalarText(node) ?? "", start + 1);
  if ((0, import_yaml.isScalar)(node) && node.type === "BLOCK_FOLDED") return () => start + 1;
  return () => start;
}
function composeCommandWords(yaml, node) {
  if ((0, import_yaml.isSeq)(node)) {
    return node.items.map((item) => {
      const text2 = scalarText(item) ?? "";
      return interpolated(text2, yaml.lineOf(item));
    });
  }
  const text = scalarText(node);
  if (text === void 0) return void 0;
  return splitCommandLine(text.replace(/\$\$/g, "\0"), "words", valueLineAt(yaml, node)).commands.flatMap((c) => c.words).map((w) => restoreDollars(w));
}
function interpolated(text, line) {
  const expands = /\$(?!\$)\{?[A-Za-z_]/.test(text.replace(/\$\$/g, ""));
  return { ...literalWord(text.replace(/\$\$/g, "$"), line), expands };
}
function restoreDollars(word) {
  const fix = (s) => s.replace(/\u0000/g, "$");
  return {
    text: fix(word.text),
    raw: fix(word.raw),
    line: word.line,
    expands: word.expands,
    ...word.parts ? { parts: word.parts.map((p) => typeof p === "string" ? fix(p) : { ...p, expansion: fix(p.expansion) }) } : {}
  };
}
function environmentOf2(yaml, node, file) {
  const values = [];
  const add = (name, raw, line) => {
    const unknown = raw === void 0 || /\$(?!\$)\{?[A-Za-z_]/.test(raw.replace(/\$\$/g, ""));
    values.push({ name, written: raw ?? "", file, line, ...unknown ? {} : { value: raw.replace(/\$\$/g, "$") } });
  };
  if ((0, import_yaml.isMap)(node)) {
    for (const entry of mapEntries(node)) add(entry.key, scalarText(entry.value), yaml.lineOf(entry.keyNode));
  } else if ((0, import_yaml.isSeq)(node)) {
    for (const item of node.items) {
      const text = scalarText(item);
      if (text === void 0) continue;
      const eq = text.indexOf("=");
      add(eq < 0 ? text : text.slice(0, eq), eq < 0 ? void 0 : text.slice(eq + 1), yaml.lineOf(item));
    }
  }
  return values;
}

// src/deploy/formats/compose.ts
function readCompose(file, text, images) {
  const reading = { occurrences: [], problems: [] };
  const yaml = parseYaml(file, text, reading.problems);
  if (!yaml) return reading;
  const services = mapGet(yaml.doc.contents, "services");
  if (services !== void 0 && !(0, import_yaml2.isMap)(services)) {
    reading.problems.push({ file, line: yaml.lineOf(services), message: "`services:` is not a mapping; docker compose refuses this file" });
    return reading;
  }
  for (const { key: name, value: service } of mapEntries(services)) {
    if (!(0, import_yaml2.isMap)(service)) continue;
    const commandNode = mapGet(service, "command");
    const entrypointNode = mapGet(service, "entrypoint");
    const build = buildOf(file, service);
    const target = build?.target === void 0 ? void 0 : interpolatedDefault(build.target);
    const image = build && !(build.target !== void 0 && target === void 0) ? images(build.dockerfile, target) : void 0;
    if (build?.target !== void 0 && target !== void 0 && !image && images(build.dockerfile)) {
      const node2 = mapGet(mapGet(service, "build"), "target");
      const named = target === build.target ? JSON.stringify(target) : `${JSON.stringify(target)} (the default of ${build.target})`;
      reading.problems.push({ file, line: yaml.lineOf(node2), message: `build target ${named}: ${build.dockerfile} has no stage of that name; docker compose refuses to build it` });
      continue;
    }
    const fromImage = !commandNode && !entrypointNode && build !== void 0 && image !== void 0 && (build.target !== void 0 || build.context !== folderOf(build.dockerfile)) && (image.command !== void 0 || image.entrypoint !== void 0);
    if (!commandNode && !entrypointNode && !fromImage) continue;
    const settings = {
      file,
      source: "docker-compose",
      env: withVariables(image?.env ?? /* @__PURE__ */ new Map(), environmentOf2(yaml, mapGet(service, "environment"), file)),
      paths: { context: build?.context ?? folderOf(file), ...image ? { copies: image.copies } : {} }
    };
    const workingDir = scalarText(mapGet(service, "working_dir")) ?? image?.workingDirectory;
    if (workingDir !== void 0) settings.workingDirectory = workingDir;
    const node = entrypointNode ?? commandNode ?? mapGet(mapGet(service, "build"), "target") ?? mapGet(service, "build");
    const line = yaml.lineOf(node);
    const relined = (words) => words.map((word) => ({ ...word, line }));
    const command = commandNode ? composeCommandWords(yaml, commandNode) ?? [] : relined(image?.command?.words ?? []);
    const entrypoint = entrypointNode ? composeCommandWords(yaml, entrypointNode) ?? [] : void 0;
    const operator = operatorWithoutShell(command, file, "docker compose");
    if (operator) reading.problems.push(operator);
    const inherited = image?.entrypoint ? "exec" in image.entrypoint ? { exec: relined(image.entrypoint.exec) } : { shell: image.entrypoint.shell, line } : void 0;
    const argv = containerArgv(image ? { ...image, ...inherited ? { entrypoint: inherited } : {} } : void 0, command, entrypoint);
    const occurrence = {
      name,
      line,
      command: fromImage ? imageCommandText(image, build) : [entrypointNode, commandNode].filter((n) => !!n).map((n) => commandText(text, n)).join(" + "),
      settings,
      reading: readArgv(argv, settings)
    };
    reading.occurrences.push(occurrence);
  }
  return reading;
}
function buildOf(file, service) {
  const build = mapGet(service, "build");
  if (build === void 0 || build === null) return void 0;
  const written = scalarText(build) ?? scalarText(mapGet(build, "context")) ?? ".";
  const context = folderOf(path7.posix.join(path7.posix.dirname(file), written, "Dockerfile"));
  const dockerfile = path7.posix.normalize(path7.posix.join(context, scalarText(mapGet(build, "dockerfile")) ?? "Dockerfile"));
  const target = scalarText(mapGet(build, "target"));
  return { context, dockerfile, ...target !== void 0 ? { target } : {} };
}
function interpolatedDefault(value) {
  if (!value.replace(/\$\$/g, "").includes("$")) return value.replace(/\$\$/g, "$");
  const match = /^\$\{[A-Za-z_][A-Za-z0-9_]*:?-([^${}]*)\}$/.exec(value);
  return match?.[1];
}
function imageCommandText(image, build) {
  const entrypoint = image.entrypoint === void 0 ? void 0 : "exec" in image.entrypoint ? `ENTRYPOINT ${JSON.stringify(image.entrypoint.exec.map((w) => w.text))}` : `ENTRYPOINT ${image.entrypoint.shell}`;
  const parts = [entrypoint, image.command?.text].filter((t) => t !== void 0).join(" + ");
  return `${parts} (${build.target !== void 0 ? `target ${build.target}` : `built from ${build.context || "."}`})`;
}
function folderOf(file) {
  const folder = path7.posix.dirname(path7.posix.normalize(file));
  return folder === "." ? "" : folder;
}
function commandText(text, node) {
  if ((0, import_yaml2.isSeq)(node) && node.items.every((item) => scalarText(item) !== void 0)) return `[${node.items.map((item) => JSON.stringify(scalarText(item))).join(", ")}]`;
  return sourceText(text, node);
}
function sourceText(text, node) {
  return node.range ? text.slice(node.range[0], node.range[1]).trim() : String(node);
}

// src/deploy/formats/appEngine.ts
var APP_ENGINE_DEFAULT_ENTRYPOINT = "gunicorn -b :$PORT main:app";
function readAppYaml(file, text) {
  const reading = { occurrences: [], problems: [], isAppEngine: false };
  const yaml = parseYaml(file, text, reading.problems);
  if (!yaml) return { ...reading, isAppEngine: reading.problems.length > 0 };
  const runtime = scalarText(mapGet(yaml.doc.contents, "runtime"));
  if (runtime === void 0) return reading;
  reading.isAppEngine = true;
  const settings = {
    file,
    source: "app.yaml",
    env: withVariables(/* @__PURE__ */ new Map(), environmentOf2(yaml, mapGet(yaml.doc.contents, "env_variables"), file))
  };
  const service = scalarText(mapGet(yaml.doc.contents, "service"));
  const entrypoint = mapGet(yaml.doc.contents, "entrypoint");
  const entrypointText = scalarText(entrypoint);
  if (entrypoint && entrypointText !== void 0) {
    reading.occurrences.push({
      ...service ? { name: service } : {},
      line: yaml.lineOf(entrypoint),
      command: sourceText(text, entrypoint),
      settings,
      reading: readCommandText(entrypointText, valueLineAt(yaml, entrypoint), settings)
    });
  } else if (/^python3\d*$/.test(runtime)) {
    const line = yaml.lineOf(mapGet(yaml.doc.contents, "runtime"));
    reading.usesDefaultEntrypoint = true;
    reading.occurrences.push({
      ...service ? { name: service } : {},
      line,
      command: "",
      settings,
      reading: readCommandText(APP_ENGINE_DEFAULT_ENTRYPOINT, () => line, settings)
    });
  }
  return reading;
}

// src/deploy/formats/dockerfile.ts
import path8 from "node:path";
function readDockerfile(file, text) {
  const problems = [];
  const stages = /* @__PURE__ */ new Map();
  let stage = { env: EMPTY_ENVIRONMENT, copies: [] };
  for (const instruction of instructions(text)) {
    switch (instruction.keyword) {
      case "FROM": {
        const words = instruction.args.trim().split(/\s+/).filter((w) => !w.startsWith("--"));
        const base = words[0] ?? "";
        const alias = words[1]?.toUpperCase() === "AS" ? words[2] : void 0;
        const inherited = stages.get(base.toLowerCase());
        stage = inherited ? { ...inherited, copies: [...inherited.copies], cmdSetHere: false } : { env: EMPTY_ENVIRONMENT, copies: [] };
        if (alias) {
          stage.name = alias;
          stages.set(alias.toLowerCase(), stage);
        } else delete stage.name;
        break;
      }
      case "ENV":
        stage.env = withVariables(stage.env, envInstruction(file, instruction, stage.env));
        break;
      case "WORKDIR": {
        const dir = replaced(instruction.args.trim(), stage.env);
        if (dir) stage.workingDirectory = joinDirectory(stage.workingDirectory ?? "/", dir);
        break;
      }
      case "CMD":
        stage.cmd = commandForm(instruction);
        stage.cmdSetHere = true;
        break;
      case "ENTRYPOINT":
        stage.entrypoint = commandForm(instruction);
        if (!stage.cmdSetHere) delete stage.cmd;
        break;
      case "COPY":
      case "ADD": {
        const copy = copyInstruction(instruction, stage.workingDirectory, stage.env, (name2) => stages.get(name2.toLowerCase())?.copies);
        if (copy) stage.copies.push(copy);
        break;
      }
    }
    if (stage.name) stages.set(stage.name.toLowerCase(), stage);
  }
  const image = imageOf(stage);
  const occurrences = [];
  const settings = {
    file,
    source: "Dockerfile",
    env: stage.env,
    ...stage.workingDirectory !== void 0 ? { workingDirectory: stage.workingDirectory } : {},
    paths: { context: path8.posix.dirname(file) === "." ? "" : path8.posix.dirname(file), copies: stage.copies }
  };
  const { entrypoint, cmd } = stage;
  const name = stage.name;
  const push2 = (line, command, reading) => {
    occurrences.push({ ...name ? { name } : {}, line, command, settings, reading });
  };
  if (entrypoint && "shell" in entrypoint) {
    push2(entrypoint.line, entrypoint.text, readCommandText(entrypoint.shell, entrypoint.lineAt, settings));
  } else if (entrypoint) {
    const cmdWords = !cmd ? [] : "exec" in cmd ? cmd.exec : shellFormArgv(cmd);
    const command = [entrypoint.text, cmd?.text].filter(Boolean).join(" + ");
    push2(entrypoint.line, command, readArgv([...entrypoint.exec, ...cmdWords], settings));
  } else if (cmd) {
    push2(cmd.line, cmd.text, "exec" in cmd ? readArgv(cmd.exec, settings) : readCommandText(cmd.shell, cmd.lineAt, settings));
  }
  return { occurrences, problems, image, stages: new Map([...stages].map(([name2, named]) => [name2, imageOf(named)])) };
}
function imageOf(stage) {
  const { cmd, entrypoint } = stage;
  return {
    env: stage.env,
    ...stage.workingDirectory !== void 0 ? { workingDirectory: stage.workingDirectory } : {},
    ...entrypoint ? { entrypoint: "exec" in entrypoint ? { exec: entrypoint.exec } : { shell: entrypoint.shell, line: entrypoint.line } } : {},
    ...cmd ? { command: { words: "exec" in cmd ? cmd.exec : shellFormArgv(cmd), line: cmd.line, text: cmd.text } } : {},
    copies: stage.copies
  };
}
function copyInstruction(instruction, workingDirectory, env, stageCopies) {
  const args = instruction.args.trim();
  let words;
  const form = commandForm(instruction);
  if ("exec" in form) words = form.exec.map((w) => w.text);
  else words = splitCommandLine(args, "words", instruction.lineAt).commands.flatMap((c) => c.words).map((w) => w.text);
  words = words.map((w) => replaced(w, env));
  const from = words.find((w) => w.startsWith("--from="))?.slice("--from=".length);
  const fromStage = from === void 0 ? void 0 : stageCopies(from);
  if (from !== void 0 && !fromStage) return void 0;
  const operands = words.filter((w) => !w.startsWith("--"));
  if (operands.length < 2) return void 0;
  const written = operands[operands.length - 1];
  const sources = operands.slice(0, -1).filter((s) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(s) && !s.startsWith("git@"));
  if (sources.length === 0) return void 0;
  return {
    sources,
    destination: joinDirectory(workingDirectory ?? "/", written),
    intoFolder: written.endsWith("/") || written === "." || sources.length > 1,
    ...fromStage ? { fromStage: [...fromStage] } : {}
  };
}
function replaced(text, env) {
  if (!text.includes("$")) return text;
  return text.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g, (written, braced, plain2) => env.get(braced ?? plain2)?.value ?? written);
}
function shellFormArgv(form) {
  return [literalWord("/bin/sh", form.line), literalWord("-c", form.line), literalWord(form.shell, form.line)];
}
function commandForm(instruction) {
  const args = instruction.args.trim();
  const text = `${instruction.keyword} ${args}`;
  if (args.startsWith("[")) {
    try {
      const parsed = JSON.parse(args);
      if (Array.isArray(parsed) && parsed.every((item) => typeof item === "string")) {
        const offsetBase = instruction.args.indexOf("[");
        const tokens = instruction.args.slice(offsetBase).matchAll(/"(?:[^"\\]|\\.)*"/gs);
        const exec = parsed.map((item) => {
          const token = tokens.next();
          const found = token.done ? offsetBase : offsetBase + token.value.index;
          return literalWord(item, instruction.lineAt(found));
        });
        return { exec, line: instruction.line, text };
      }
    } catch {
    }
  }
  return { shell: instruction.args, line: instruction.line, lineAt: instruction.lineAt, text };
}
function envInstruction(file, instruction, current) {
  const args = instruction.args.trim();
  const legacy = /^([A-Za-z_][A-Za-z0-9_]*)\s+(.*)$/s.exec(args);
  if (legacy && !legacy[1].includes("=") && !/^[A-Za-z_][A-Za-z0-9_]*=/.test(args)) {
    return [{ name: legacy[1], value: legacy[2].trim(), written: legacy[2].trim(), file, line: instruction.line }];
  }
  const values = [];
  let env = current;
  for (const word of splitCommandLine(instruction.args, "words", instruction.lineAt).commands.flatMap((c) => c.words)) {
    const eq = word.text.indexOf("=");
    if (eq <= 0) continue;
    const name = word.text.slice(0, eq);
    const value = word.expands ? substitute(word, env) : word.text.slice(eq + 1);
    const entry = { name, written: word.raw.slice(word.raw.indexOf("=") + 1), file, line: word.line, ...value !== void 0 ? { value } : {} };
    values.push(entry);
    env = withVariables(env, [entry]);
  }
  return values;
}
function substitute(word, env) {
  let text = "";
  for (const part of word.parts ?? []) {
    if (typeof part === "string") text += part;
    else {
      const name = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(part.expansion)?.[1];
      const value = name ? env.get(name)?.value : void 0;
      if (value === void 0) return void 0;
      text += value;
    }
  }
  return text.slice(text.indexOf("=") + 1);
}
function instructions(text) {
  const lines = text.split(/\r?\n/);
  let escape = "\\";
  let index = 0;
  for (; index < lines.length; index++) {
    const directive = /^#\s*([a-zA-Z]+)\s*=\s*(\S+)\s*$/.exec(lines[index]);
    if (!directive) break;
    if (directive[1].toLowerCase() === "escape" && (directive[2] === "`" || directive[2] === "\\")) escape = directive[2];
  }
  const result = [];
  while (index < lines.length) {
    const first = lines[index];
    if (first.trim() === "" || first.trimStart().startsWith("#")) {
      index++;
      continue;
    }
    const startLine = index + 1;
    let logical = "";
    const breakpoints = [];
    for (; index < lines.length; index++) {
      const raw = lines[index];
      if (breakpoints.length > 0 && (raw.trim() === "" || raw.trimStart().startsWith("#"))) continue;
      breakpoints.push({ offset: logical.length, line: index + 1 });
      const trimmed = raw.trimEnd();
      if (trimmed.endsWith(escape)) {
        logical += trimmed.slice(0, -1);
        continue;
      }
      logical += raw;
      index++;
      break;
    }
    const keywordMatch = /^\s*(\S+)\s*/.exec(logical);
    if (!keywordMatch) continue;
    const keyword = keywordMatch[1].toUpperCase();
    const argsOffset = keywordMatch[0].length;
    const args = logical.slice(argsOffset);
    const lineAt = (offset) => {
      const absolute = offset + argsOffset;
      let low = 0;
      let high = breakpoints.length;
      while (low < high) {
        const mid = low + high >> 1;
        if (breakpoints[mid].offset <= absolute) low = mid + 1;
        else high = mid;
      }
      return low === 0 ? startLine : breakpoints[low - 1].line;
    };
    result.push({ keyword, args, line: startLine, lineAt });
    const heredocs = [...args.matchAll(/<<-?\s*["']?([A-Za-z_][A-Za-z0-9_]*)["']?/g)].map((m) => m[1]);
    for (const delimiter of heredocs) {
      while (index < lines.length && lines[index].trim() !== delimiter) index++;
      index++;
    }
  }
  return result;
}

// src/deploy/formats/procfile.ts
var PROCESS_LINE = /^([A-Za-z0-9_-]+)[ \t]*:[ \t]*(.*)$/;
function readProcfile(file, text) {
  const reading = { occurrences: [], problems: [] };
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return;
    const match = PROCESS_LINE.exec(trimmed);
    if (!match) {
      reading.problems.push({ file, line, message: `not a \`<process type>: <command>\` line; Heroku ignores it` });
      return;
    }
    const [, name, command] = match;
    if (command.trim() === "") {
      reading.problems.push({ file, line, message: `process type ${JSON.stringify(name)} has no command` });
      return;
    }
    const settings = { file, source: "Procfile", env: EMPTY_ENVIRONMENT };
    reading.occurrences.push({ name, line, command, settings, reading: readCommandText(command, () => line, settings) });
  });
  return reading;
}

// src/deploy/formats/render.ts
var import_yaml3 = __toESM(require_dist(), 1);
import path9 from "node:path";
function readRenderBlueprint(file, text, images) {
  const reading = { occurrences: [], problems: [] };
  const yaml = parseYaml(file, text, reading.problems);
  if (!yaml) return reading;
  const services = mapGet(yaml.doc.contents, "services");
  if (!(0, import_yaml3.isSeq)(services)) return reading;
  const folder = path9.posix.dirname(file);
  for (const service of services.items) {
    const name = scalarText(mapGet(service, "name"));
    const rootDir = scalarText(mapGet(service, "rootDir"));
    const env = [];
    const envVars = mapGet(service, "envVars");
    if ((0, import_yaml3.isSeq)(envVars)) {
      for (const item of envVars.items) {
        const key = scalarText(mapGet(item, "key"));
        if (!key) continue;
        const valueNode = mapGet(item, "value");
        const value = scalarText(valueNode);
        env.push({ name: key, written: value ?? "", file, line: yaml.lineOf(valueNode ?? item), ...value !== void 0 ? { value } : {} });
      }
    }
    const settings = { file, source: "render.yaml", env: withVariables(/* @__PURE__ */ new Map(), env), ...rootDir !== void 0 ? { workingDirectory: rootDir } : {} };
    const start = mapGet(service, "startCommand");
    const startText = scalarText(start);
    if (start && startText !== void 0) {
      reading.occurrences.push({ ...name ? { name } : {}, line: yaml.lineOf(start), command: sourceText(text, start), settings, reading: readCommandText(startText, valueLineAt(yaml, start), settings) });
    }
    const docker = mapGet(service, "dockerCommand");
    if (docker && scalarText(docker) !== void 0) {
      const dockerfile = scalarText(mapGet(service, "dockerfilePath")) ?? "./Dockerfile";
      const image = images(path9.posix.normalize(path9.posix.join(folder, rootDir ?? "", dockerfile)));
      const dockerSettings = { ...settings, env: withVariables(image?.env ?? /* @__PURE__ */ new Map(), env) };
      if (image?.workingDirectory !== void 0) dockerSettings.workingDirectory = image.workingDirectory;
      const command = composeCommandWords(yaml, docker) ?? [];
      const argv = containerArgv(image, command);
      reading.occurrences.push({ ...name ? { name } : {}, line: yaml.lineOf(docker), command: sourceText(text, docker), settings: dockerSettings, reading: readArgv(argv, dockerSettings) });
    }
  }
  return reading;
}

// src/deploy/formats/systemd.ts
import path10 from "node:path";
function readSystemdUnit(file, text) {
  const reading = { occurrences: [], problems: [], isService: false };
  const name = path10.posix.basename(file);
  let section = "";
  const env = [];
  let workingDirectory;
  const execStarts = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const startLine = i + 1;
    const parts = [lines[i]];
    while (!isComment(parts[0]) && i + 1 < lines.length && continues(parts[parts.length - 1])) {
      if (isComment(lines[i + 1])) {
        i++;
        continue;
      }
      parts[parts.length - 1] = withoutContinuation(parts[parts.length - 1]);
      parts.push(lines[++i]);
    }
    const entry = parts.join("");
    const trimmed = entry.trim();
    if (trimmed === "" || trimmed.startsWith("#") || trimmed.startsWith(";")) continue;
    const header = /^\[(.+)\]$/.exec(trimmed);
    if (header) {
      section = header[1];
      if (section === "Service") reading.isService = true;
      continue;
    }
    if (section !== "Service") continue;
    const eq = trimmed.indexOf("=");
    if (eq < 0) continue;
    const key = trimmed.slice(0, eq).trim();
    const value = trimmed.slice(eq + 1).trim();
    if (key === "ExecStart") {
      if (value === "") execStarts.length = 0;
      else execStarts.push({ value, line: startLine });
    } else if (key === "Environment") {
      for (const word of splitCommandLine(value, "words", () => startLine).commands.flatMap((c) => c.words)) {
        const at = word.text.indexOf("=");
        if (at > 0) env.push({ name: word.text.slice(0, at), value: word.text.slice(at + 1), written: word.text.slice(at + 1), file, line: startLine });
      }
    } else if (key === "WorkingDirectory") {
      workingDirectory = value.replace(/^-/, "");
    }
  }
  const settings = { file, source: "systemd", env: withVariables(/* @__PURE__ */ new Map(), env), ...workingDirectory !== void 0 ? { workingDirectory } : {} };
  for (const exec of execStarts) {
    const prefix = /^[@\-:+!]*/.exec(exec.value)[0];
    let words = splitCommandLine(exec.value.slice(prefix.length), "words", () => exec.line).commands.flatMap((c) => c.words);
    if (prefix.includes("@")) words = [words[0], ...words.slice(2)].filter(Boolean);
    words = words.flatMap((w) => expandedBySystemd(w, settings.env));
    reading.occurrences.push({ name, line: exec.line, command: exec.value, settings, reading: readArgv(words, settings) });
  }
  return reading;
}
function expandedBySystemd(word, env) {
  const whole = /^\$([A-Za-z_][A-Za-z0-9_]*)$/.exec(word.raw);
  const value = whole ? env.get(whole[1])?.value : void 0;
  if (value === void 0) return [expandKnown(word, env)];
  return value.split(/[ \t\n]+/).filter((text) => text !== "").map((text) => ({ text, raw: word.raw, line: word.line, expands: false }));
}
function isComment(line) {
  return /^\s*[#;]/.test(line);
}
function continues(line) {
  return line.trimEnd().endsWith("\\");
}
function withoutContinuation(line) {
  const trimmed = line.trimEnd();
  return `${trimmed.slice(0, -1)} `;
}

// src/deploy/projectPaths.ts
import path11 from "node:path";
function copiedFrom(containerPath, paths) {
  const target = path11.posix.normalize(containerPath).replace(/(.)\/$/, "$1");
  const candidates = [];
  for (const copy of [...paths.copies ?? []].reverse()) {
    const destination = path11.posix.normalize(copy.destination).replace(/(.)\/$/, "$1");
    const prefix = destination === "/" ? "/" : `${destination}/`;
    if (target !== destination && !target.startsWith(prefix)) continue;
    const rest = target === destination ? "" : target.slice(prefix.length);
    const [first = "", ...after] = rest.split("/");
    for (const source of copy.sources) {
      const written = source.replace(/\/+$/, "") || ".";
      if (/[*?[]/.test(written)) {
        if (copy.fromStage) continue;
        if (first && globMatches(path11.posix.basename(written), first)) candidates.push(path11.posix.join(paths.context, path11.posix.dirname(written), first, ...after));
        continue;
      }
      const sources = [path11.posix.join(written, rest), ...copy.intoFolder && first === path11.posix.basename(written) && after.length === 0 ? [written] : []];
      for (const found of sources) {
        if (copy.fromStage) candidates.push(...copiedFrom(path11.posix.resolve("/", found), { context: paths.context, copies: copy.fromStage }));
        else candidates.push(path11.posix.join(paths.context, found));
      }
    }
  }
  return candidates;
}
function globMatches(pattern, name) {
  let regex = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "*") regex += "[^/]*";
    else if (c === "?") regex += "[^/]";
    else if (c === "[") {
      const end = pattern.indexOf("]", i + 1);
      if (end < 0) return false;
      regex += `[${pattern.slice(i + 1, end).replace(/\\/g, "\\\\")}]`;
      i = end;
    } else regex += c.replace(/[.+^${}()|\\]/g, "\\$&");
  }
  try {
    return new RegExp(`^${regex}$`).test(name);
  } catch {
    return false;
  }
}
function foldersHolding(containerFolder, paths) {
  const target = path11.posix.normalize(containerFolder).replace(/(.)\/$/, "$1");
  const prefix = target === "/" ? "/" : `${target}/`;
  const found = [];
  for (const copy of [...paths.copies ?? []].reverse()) {
    const destination = path11.posix.normalize(copy.destination).replace(/(.)\/$/, "$1");
    if (copy.fromStage || !destination.startsWith(prefix)) continue;
    const tail = destination.slice(prefix.length);
    for (const source of copy.sources) {
      const written = path11.posix.normalize(source.replace(/\/+$/, "") || ".");
      if (written !== tail && !written.endsWith(`/${tail}`)) continue;
      found.push({ folder: path11.posix.join(paths.context, written.slice(0, written.length - tail.length)), source: path11.posix.join(paths.context, written) });
    }
  }
  return found;
}

// src/deploy/caseBranches.ts
function selectCaseBranches(text, firstArgument) {
  if (firstArgument?.expands) return text;
  const argument = firstArgument?.text ?? "";
  if (!/\bcase\b/.test(text)) return text;
  const chars = text.split("");
  const blank = (from, to) => {
    for (let i = from; i < to; i++) if (chars[i] !== "\n") chars[i] = " ";
  };
  const header = /(^|[\s;&|(])case[ \t]+("?)\$(?:1|\{1\})\2[ \t]+in\b/g;
  let match;
  while ((match = header.exec(text)) !== null) {
    const branches = branchesAfter(text, match.index + match[0].length);
    if (!branches) continue;
    const chosen = branches.list.findIndex((branch) => branch.patterns.some((pattern) => globMatches2(pattern, argument)));
    if (branches.list.some((branch, i) => branch.fallsThrough && i >= Math.max(chosen, 0))) continue;
    branches.list.forEach((branch, i) => {
      if (i !== chosen) blank(branch.start, branch.end);
    });
    header.lastIndex = branches.end;
  }
  return chars.join("");
}
function branchesAfter(text, from) {
  const list = [];
  let i = from;
  for (; ; ) {
    i = skipBlanks(text, i);
    if (i >= text.length) return void 0;
    if (text.startsWith("esac", i) && !/\w/.test(text[i + 4] ?? "")) return { list, end: i + 4 };
    const start = i;
    const close = patternEnd(text, i);
    if (close < 0) return void 0;
    const patterns = text.slice(text[i] === "(" ? i + 1 : i, close).split("|").map((p) => unquoted(p.trim()));
    const body = bodyEnd(text, close + 1);
    if (!body) return void 0;
    list.push({ patterns, start, end: body.end, fallsThrough: body.terminator === ";&" || body.terminator === ";;&" });
    i = body.end;
    if (body.terminator === "esac") return { list, end: body.end + 4 };
  }
}
function skipBlanks(text, i) {
  for (; ; ) {
    while (i < text.length && /[\s]/.test(text[i])) i++;
    if (text[i] === "#") {
      while (i < text.length && text[i] !== "\n") i++;
      continue;
    }
    return i;
  }
}
function patternEnd(text, i) {
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      if (end < 0) return -1;
      i = end;
    } else if (c === ")") return i;
    else if (c === "\n" || c === ";") return -1;
  }
  return -1;
}
function bodyEnd(text, i) {
  let depth = 0;
  let wordStart = true;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return void 0;
      i = end;
      wordStart = false;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      if (j >= text.length) return void 0;
      i = j;
      wordStart = false;
      continue;
    }
    if (c === "#" && wordStart) {
      while (i < text.length && text[i] !== "\n") i++;
      continue;
    }
    if (wordStart && /[a-z]/.test(c)) {
      const word = /^[a-z]+/.exec(text.slice(i, i + 8))[0];
      const ends = !/[\w-]/.test(text[i + word.length] ?? "");
      if (ends && word === "case") depth++;
      if (ends && word === "esac") {
        if (depth === 0) return { end: i, terminator: "esac" };
        depth--;
      }
      i += word.length - 1;
      wordStart = false;
      continue;
    }
    if (depth === 0 && c === ";" && text[i + 1] === ";") return { end: i + (text[i + 2] === "&" ? 3 : 2), terminator: text[i + 2] === "&" ? ";;&" : ";;" };
    if (depth === 0 && c === ";" && text[i + 1] === "&") return { end: i + 2, terminator: ";&" };
    wordStart = /[\s;&|()]/.test(c);
  }
  return void 0;
}
function unquoted(pattern) {
  return pattern.replace(/^(['"])(.*)\1$/s, "$2");
}
function globMatches2(pattern, word) {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "*") source += ".*";
    else if (c === "?") source += ".";
    else if (c === "[") {
      const end = pattern.indexOf("]", i + 2);
      if (end < 0) source += "\\[";
      else {
        source += `[${pattern.slice(i + 1, end).replace(/^!/, "^").replace(/\\/g, "\\\\")}]`;
        i = end;
      }
    } else if (c === "\\" && i + 1 < pattern.length) source += pattern[++i].replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    else source += c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  try {
    return new RegExp(`^${source}$`, "s").test(word);
  } catch {
    return false;
  }
}

// src/deploy/readDeployment.ts
var MAX_DEPLOY_FILE_BYTES = MAX_SMALL_FILE_BYTES;
var MAX_SCRIPT_DEPTH = 4;
var COMMAND_LINE_FILE = "(command line)";
async function readDeployment(root, files, options = {}) {
  return new DeploymentReader(path12.resolve(root), options.followExternalLinks ?? false, options.listings ?? []).run(files, options.commands ?? [], options.searchIn);
}
var DeploymentReader = class {
  constructor(root, followExternalLinks, listings) {
    this.root = root;
    this.followExternalLinks = followExternalLinks;
    this.listings = listings;
  }
  root;
  followExternalLinks;
  listings;
  deployment = { processes: [], unrecognized: [], problems: [], read: [] };
  images = /* @__PURE__ */ new Map();
  texts = /* @__PURE__ */ new Map();
  gunicornConfigs = /* @__PURE__ */ new Map();
  /** Config files some command uses: not listed again as processes of their own. */
  usedConfigs = /* @__PURE__ */ new Set();
  /** Dockerfiles a compose service, render.yaml or fly.toml builds: each of those says what its image runs. */
  builtByOthers = /* @__PURE__ */ new Set();
  /** The commands of Dockerfiles in a subfolder whose files are at the root (see `builtFromRoot`), read after the files that may build them. */
  fromRootContext = [];
  /** The image a Dockerfile (and a stage of it) gives, looked up by a file that builds it. */
  imageFor = (dockerfile, target) => {
    this.builtByOthers.add(dockerfile);
    return this.images.get(target === void 0 ? dockerfile : `${dockerfile}\0${target.toLowerCase()}`);
  };
  realRoot;
  /** The console scripts the project declares, by name (see consoleScripts.ts): the first declared wins. */
  consoleScripts = /* @__PURE__ */ new Map();
  async run(files, commands, searchIn = [""]) {
    let chosen;
    if (files) chosen = files.map((f) => toRelative(this.root, f));
    else {
      const where = JSON.stringify(searchIn);
      const known = this.listings.find((l) => l.root === this.root && l.followExternalLinks === this.followExternalLinks && JSON.stringify(l.searchIn) === where);
      const watch = known?.watch ?? newTreeWatch();
      const listed = known ? listingOf(known.value) : await findDeploymentFiles(this.root, searchIn, watch);
      chosen = listed.found;
      this.problems(listed.problems);
      noteInput({ kind: "deployment-files", root: this.root, searchIn, followExternalLinks: this.followExternalLinks, value: known?.value ?? listingValue(listed), watch });
    }
    const kinds = /* @__PURE__ */ new Map();
    for (const file of chosen) {
      const kind = fileKind(file);
      if (kind) kinds.set(file, kind);
      else this.problem({ file, message: "not a deployment file importleak reads (Procfile, Dockerfile, compose, render.yaml, fly.toml, app.yaml, *.service, gunicorn config, uWSGI ini)" });
    }
    await this.readConsoleScripts([...kinds.keys()]);
    const ordered = [...kinds].sort(([, a], [, b]) => Number(b === "Dockerfile") - Number(a === "Dockerfile"));
    const standaloneConfigs = [];
    for (const [file, kind] of ordered) {
      if (kind === "gunicorn.conf.py" || kind === "uwsgi.ini") {
        standaloneConfigs.push([file, kind]);
        continue;
      }
      const text = await this.readText(file);
      if (text === void 0) continue;
      await this.contained(file, `the ${kind} reader`, () => this.readFormat(file, kind, text));
    }
    for (const { file, occurrences } of this.fromRootContext) {
      const context = this.builtByOthers.has(file) ? void 0 : "";
      await this.contained(file, "the Dockerfile reader", async () => {
        for (const occurrence of occurrences) {
          await this.addOccurrence(context === void 0 ? occurrence : { ...occurrence, settings: { ...occurrence.settings, paths: { ...projectPathsOf(occurrence.settings), context } } });
        }
      });
    }
    for (const command of commands) {
      const settings = { file: COMMAND_LINE_FILE, source: "command-line", env: EMPTY_ENVIRONMENT };
      await this.contained(COMMAND_LINE_FILE, "the command-line reader", async () => this.addOccurrence({ line: 1, command, settings, reading: readCommandText(command, () => 1, settings) }));
    }
    for (const [file, kind] of standaloneConfigs) {
      if (this.usedConfigs.has(file)) continue;
      if (kind === "uwsgi.ini") await this.contained(file, "the uWSGI ini reader", () => this.addStandaloneUwsgi(file));
      else await this.contained(file, "the gunicorn config reader", () => this.addStandaloneConfig(file));
    }
    if (this.builtByOthers.size) this.deployment.unrecognized = this.deployment.unrecognized.filter((u) => !(u.source === "Dockerfile" && this.builtByOthers.has(u.file)));
    return this.deployment;
  }
  /**
   * Runs one reader: an exception in it (a bug of importleak) is reported as an internal error of
   * `file`, and the other deployment files are still read.
   */
  async contained(file, component, read) {
    try {
      injectedFault("deployment", file);
      await read();
    } catch (error) {
      this.problem({ file, kind: "internal-error", message: internalError(component, file, error).message });
    }
  }
  /** A Python config file's settings; a parser abort or an exception reading it is a problem of that file. */
  async readPythonConfigFile(file, text) {
    try {
      return await withPythonParser(file, (parser) => readPythonConfig(parser, file, text));
    } catch (error) {
      if (error instanceof ParserAbort) this.problem({ file, message: `could not be parsed: ${error.message}` });
      else if (error instanceof ParserUnavailable) this.problem({ file, message: error.message });
      else this.problem({ file, kind: "internal-error", message: internalError("the Python config reader", file, error).message });
      return { refused: true, assignments: /* @__PURE__ */ new Map(), functions: /* @__PURE__ */ new Map(), problems: [] };
    }
  }
  /**
   * A Dockerfile in a subfolder whose `COPY` sources are none of them in its folder, and some at the
   * project's root: it is built with the root as its context (`docker build -f docker/default.Dockerfile .`,
   * as linkding's workflow builds it), not its own folder. Globs, `.`, `--from` and URLs say nothing.
   */
  async builtFromRoot(file, images) {
    const folder = path12.posix.dirname(file);
    if (folder === "." || folder === "") return false;
    const sources = /* @__PURE__ */ new Set();
    for (const image of images) {
      for (const copy of image.copies) {
        if (copy.fromStage) continue;
        for (const source of copy.sources) {
          const written = path12.posix.normalize(source.replace(/\/+$/, ""));
          if (written !== "." && !written.startsWith("..") && !path12.posix.isAbsolute(written) && !/[*?[]|:\/\//.test(written)) sources.add(written);
        }
      }
    }
    let atRoot = false;
    for (const source of sources) {
      if (await this.exists(path12.posix.join(folder, source))) return false;
      atRoot ||= await this.exists(source);
    }
    return atRoot;
  }
  async readFormat(file, kind, text) {
    let reading;
    switch (kind) {
      case "Procfile":
        reading = readProcfile(file, text);
        break;
      case "Dockerfile": {
        const dockerfile = readDockerfile(file, text);
        this.images.set(file, dockerfile.image);
        for (const [stage, image] of dockerfile.stages) this.images.set(`${file}\0${stage}`, image);
        if (await this.builtFromRoot(file, [dockerfile.image, ...dockerfile.stages.values()])) {
          this.problems(dockerfile.problems);
          this.fromRootContext.push({ file, occurrences: dockerfile.occurrences });
          return;
        }
        reading = dockerfile;
        break;
      }
      case "docker-compose":
        reading = readCompose(file, text, this.imageFor);
        break;
      case "render.yaml":
        reading = readRenderBlueprint(file, text, (dockerfile) => this.imageFor(dockerfile));
        break;
      case "fly.toml":
        reading = readFlyToml(file, text, (dockerfile) => this.imageFor(dockerfile));
        break;
      case "app.yaml": {
        const appYaml = readAppYaml(file, text);
        reading = appYaml;
        if (appYaml.usesDefaultEntrypoint) {
          const main = path12.posix.join(path12.posix.dirname(file), "main.py");
          if (!await this.exists(main)) {
            this.problem({ file, line: appYaml.occurrences[0]?.line ?? 1, message: "no `entrypoint:` and no main.py beside app.yaml: App Engine has no app to start" });
            reading = { ...appYaml, occurrences: [] };
          }
        }
        break;
      }
      case "systemd":
        reading = readSystemdUnit(file, text);
        break;
      default:
        return;
    }
    this.problems(reading.problems);
    for (const occurrence of reading.occurrences) await this.addOccurrence(occurrence);
  }
  async addOccurrence(occurrence, launchedBy, depth = 0) {
    await this.addReading(occurrence, occurrence.reading, launchedBy, depth);
  }
  async addReading(occurrence, reading, launchedBy, depth) {
    this.problems(reading.problems);
    for (const start of reading.servers) await this.addServer(occurrence, start, launchedBy);
    for (const { line, program, args, workingDirectory, background, last } of reading.unrecognized) {
      const script2 = args ? this.consoleScriptNamed(program) : void 0;
      if (script2) {
        await this.addConsoleScript(occurrence, script2, { text: program, line }, args, workingDirectory, launchedBy, { ...background ? { background } : {}, ...last ? { last } : {} });
        continue;
      }
      const unrecognized = {
        file: occurrence.settings.file,
        line,
        source: occurrence.settings.source,
        ...occurrence.name ? { name: occurrence.name } : {},
        command: occurrence.command || program,
        program
      };
      this.deployment.unrecognized.push(unrecognized);
    }
    for (const script2 of reading.scripts) await this.addScript(occurrence, script2, depth);
    for (const supervisor of reading.supervisors ?? []) await this.addSupervisor(occurrence, supervisor, depth);
  }
  /**
   * `supervisord -c supervisord.conf` (or supervisord's own search: `supervisord.conf` and
   * `etc/supervisord.conf` where it runs, `/etc/supervisord.conf`, `/etc/supervisor/supervisord.conf`):
   * each `[program:x]` it starts runs its command, split as supervisord splits it (no shell), in its
   * `directory`, with its `environment`. Found on redash (`exec supervisord -c worker.conf` for its
   * RQ workers) and onyx (its background container's Celery workers and beat).
   */
  async addSupervisor(occurrence, run, depth) {
    const { file, source } = occurrence.settings;
    const candidates = run.config !== void 0 ? [run.config] : ["supervisord.conf", "etc/supervisord.conf", "/etc/supervisord.conf", "/etc/supervisor/supervisord.conf"];
    let resolved;
    let written;
    for (const candidate of depth < MAX_SCRIPT_DEPTH ? candidates : []) {
      resolved = await this.resolveProjectPath(candidate, occurrence.settings, run.workingDirectory);
      if (resolved) {
        written = candidate;
        break;
      }
    }
    const text = resolved ? await this.readText(resolved) : void 0;
    if (!resolved || text === void 0) {
      this.deployment.unrecognized.push({ file, line: run.line, source, ...occurrence.name ? { name: occurrence.name } : {}, command: occurrence.command || "supervisord", program: "supervisord" });
      return;
    }
    const inContainer = written.startsWith("/") ? written : run.workingDirectory?.startsWith("/") ? path12.posix.join(run.workingDirectory, written) : void 0;
    for (const program of readSupervisorConfig(resolved, text, inContainer === void 0 ? void 0 : path12.posix.dirname(inContainer))) {
      if (!program.autostart) continue;
      const workingDirectory = program.directory ?? run.workingDirectory;
      const settings = {
        file: resolved,
        source: "supervisord",
        env: withVariables(run.env, program.environment),
        ...workingDirectory !== void 0 ? { workingDirectory } : {},
        paths: projectPathsOf(occurrence.settings)
      };
      const words = splitCommandLine(program.command, "words", () => program.line).commands.flatMap((c) => c.words).map((w) => expandKnown(w, settings.env));
      const reading = readArgv(words, settings);
      const inConfig = { line: program.line, command: program.command, settings, reading, name: occurrence.name ? `${occurrence.name} ${program.name}` : program.name };
      const before = this.deployment.processes.length;
      await this.addReading(inConfig, reading, { file, line: run.line, source }, depth + 1);
      const copies = copiesOf(program, resolved, settings.env);
      if (copies) for (const process2 of this.deployment.processes.slice(before)) process2.copies = copies;
    }
  }
  /** A script the command runs: its own commands are read when it is in the project; `exec "$@"` goes back to the command's arguments. */
  async addScript(occurrence, script2, depth) {
    const { file, source } = occurrence.settings;
    const resolved = depth < MAX_SCRIPT_DEPTH ? await this.resolveProjectPath(script2.path, occurrence.settings, script2.workingDirectory) : void 0;
    const command = commandInArguments(script2.args);
    const argumentsRun = async () => {
      if (command.length === 0) return;
      await this.addReading(occurrence, readArgv(command, { ...occurrence.settings, env: script2.env }), void 0, depth + 1);
    };
    if (!resolved) {
      const consoleScript = this.consoleScriptNamed(script2.path);
      if (consoleScript) await this.addConsoleScript(occurrence, consoleScript, { text: script2.path, line: script2.line }, script2.args, script2.workingDirectory, void 0);
      else if (command.length > 0) await argumentsRun();
      else this.deployment.unrecognized.push({ file, line: script2.line, source, ...occurrence.name ? { name: occurrence.name } : {}, command: occurrence.command || script2.path, program: script2.path });
      return;
    }
    const text = await this.readText(resolved);
    if (text === void 0) return;
    const settings = {
      file: resolved,
      source: "shell-script",
      env: script2.env,
      ...script2.workingDirectory !== void 0 ? { workingDirectory: script2.workingDirectory } : {},
      paths: projectPathsOf(occurrence.settings),
      arguments: script2.args
    };
    const selected = selectCaseBranches(text, script2.args[0]);
    const reading = readCommandText(selected, linesFrom(selected, 1), settings);
    const inScript = { line: 1, command: "", settings, reading, ...occurrence.name ? { name: occurrence.name } : {} };
    const consoleScripts = reading.unrecognized.filter((u) => u.args !== void 0 && this.consoleScriptNamed(u.program) !== void 0);
    await this.addReading(inScript, { ...reading, unrecognized: consoleScripts, runsArguments: false }, { file, line: script2.line, source }, depth + 1);
    if (reading.runsArguments) await argumentsRun();
    else if (reading.servers.length === 0 && reading.scripts.length === 0) {
      this.deployment.unrecognized.push({ file, line: script2.line, source, ...occurrence.name ? { name: occurrence.name } : {}, command: occurrence.command || script2.path, program: script2.path });
    }
  }
  async addServer(occurrence, start, launchedBy) {
    let { reading } = start;
    const { file, source } = occurrence.settings;
    const run = reading.server === "python" ? reading.script : void 0;
    const script2 = run ? this.consoleScriptNamed(run.written) : void 0;
    if (script2 && !await this.resolveProjectPath(run.written, occurrence.settings, start.startDirectory)) {
      const context = { file, source, env: occurrence.settings.env };
      reading = { ...readConsoleScriptRun(script2, { text: run.written, line: run.line }, run.args, context), problems: reading.problems };
    }
    const command = occurrence.command || (source === "shell-script" ? (await this.texts.get(file))?.split(/\r?\n/)[start.line - 1]?.trim() : void 0);
    const process2 = {
      file,
      line: start.line,
      source,
      ...occurrence.name ? { name: occurrence.name } : {},
      server: reading.server,
      ...command ? { command } : {},
      ...launchedBy ? { launchedBy } : {},
      // Only what a script file runs: a Procfile line or a compose command is the process anyway.
      ...source !== "shell-script" ? {} : start.background ? { staysUp: "background" } : start.last ? { staysUp: "last" } : {},
      ...start.choice ? { choice: { file, ...start.choice } } : {}
    };
    this.problems(reading.problems);
    let fromConfig = {};
    let appSpec = reading.appSpec;
    let workingDirectory = start.workingDirectory;
    let pythonPath = reading.pythonPath;
    let uwsgiOptions = [];
    if (reading.server === "gunicorn") {
      const written = reading.configFile?.written ?? "./gunicorn.conf.py";
      const resolved = await this.resolveProjectPath(written.replace(/^file:/, ""), occurrence.settings, start.startDirectory, written.startsWith("python:"));
      const configLocation = { file: reading.configFile?.file ?? file, line: reading.configFile?.line ?? start.line };
      if (resolved) {
        const config = await this.gunicornConfig(resolved);
        this.usedConfigs.add(resolved);
        process2.configFile = { ...configLocation, written, resolved };
        if (config) {
          fromConfig = config.settings;
          appSpec ??= config.appSpec;
          if (config.hooks.length) process2.hooks = config.hooks;
          if (config.workingDirectory !== void 0 && reading.workingDirectory === void 0) workingDirectory = config.workingDirectory;
          pythonPath ??= config.pythonPath;
        }
      } else if (reading.configFile) {
        process2.configFile = { ...configLocation, written };
        this.problem({ ...configLocation, message: `gunicorn -c ${written}: no such file in the project, so its settings could not be read` });
      }
      if (!appSpec && reading.problems.length === 0) {
        this.problem({ file, line: start.line, message: 'gunicorn has no application to load: none on the command line and no `wsgi_app` in its config file ("No application module specified")' });
      }
    } else if (reading.server === "hypercorn" && reading.configFile) {
      fromConfig = await this.hypercornConfig(process2, reading.configFile, occurrence.settings, start.startDirectory);
    } else if (reading.server === "uwsgi") {
      const ini = reading.configFile ? await this.uwsgiIni(process2, reading.configFile, occurrence.settings, start.startDirectory) : [];
      uwsgiOptions = [...ini, ...reading.uwsgiOptions ?? []];
      const combined = uwsgiReading(uwsgiOptions, file);
      this.problems(combined.problems.filter((p) => p.file !== file));
      fromConfig = combined.commandLine;
      appSpec = combined.appSpec;
      if (combined.workingDirectory !== void 0) workingDirectory = joinDirectory(start.startDirectory, combined.workingDirectory);
      pythonPath = combined.pythonPath;
      if (!appSpec && reading.problems.length === 0) {
        this.problem({ file, line: start.line, message: 'uWSGI has no application to load: no `module`, `wsgi` or `wsgi-file` on the command line or in its ini file ("no app loaded")' });
      }
    }
    const settings = { ...reading.environmentDefaults, ...fromConfig, ...reading.environmentArguments, ...reading.commandLine };
    if (appSpec) process2.appSpec = appSpec;
    Object.assign(process2, settings);
    if (reading.celery) process2.celery = reading.celery;
    if (reading.flaskCommand !== void 0) process2.flaskCommand = reading.flaskCommand;
    if (workingDirectory !== void 0) process2.workingDirectory = workingDirectory;
    if (pythonPath?.length) process2.pythonPath = pythonPath;
    const scriptFolder = appSpec?.consoleScript ? this.consoleScripts.get(appSpec.consoleScript.name)?.folder : void 0;
    const roots = scriptFolder !== void 0 ? [scriptFolder, path12.posix.join(scriptFolder, "src")] : await this.importRoots(occurrence.settings, workingDirectory, pythonPath);
    if (roots.length) process2.importRoots = roots;
    const model = processModelOf(process2);
    if (model) process2.processModel = model;
    this.deployment.processes.push(process2);
    await this.addUwsgiDaemons(uwsgiOptions, process2, occurrence.settings, workingDirectory);
  }
  /**
   * The console scripts declared in the root's pyproject.toml, setup.cfg and setup.py, and in those
   * of each folder holding a deployment file and the folders above it (a monorepo's `apps/api/`):
   * nearest the root first, so a name declared twice is the root project's.
   */
  async readConsoleScripts(deploymentFiles) {
    const folders = /* @__PURE__ */ new Set([""]);
    for (const file of deploymentFiles) {
      const parts = path12.posix.dirname(file).split("/").filter((p) => p !== "." && p !== "");
      for (let i = 1; i <= parts.length; i++) folders.add(parts.slice(0, i).join("/"));
    }
    const ordered = [...folders].sort((a, b) => a.split("/").length - b.split("/").length || (a < b ? -1 : a > b ? 1 : 0));
    for (const folder of ordered) {
      for (const name of CONSOLE_SCRIPT_FILES) {
        const file = folder ? `${folder}/${name}` : name;
        if (!await this.exists(file)) continue;
        const bytes = await this.readDeclarations(file);
        if (bytes === void 0) continue;
        const reading = consoleScriptsOf(file, bytes);
        this.problems(reading.problems);
        for (const script2 of reading.scripts) if (!this.consoleScripts.has(script2.name)) this.consoleScripts.set(script2.name, script2);
      }
    }
  }
  /**
   * A pyproject.toml, setup.cfg or setup.py read for its console scripts: not a deployment file (not
   * listed as read). One that cannot be read, or leads out of the project, is passed over here: the
   * scan says so of setup.py, and the reader of `requires-python` of a pyproject.toml.
   */
  async readDeclarations(file) {
    const absolute = path12.join(this.root, file);
    if (await this.linkOutOfProject(absolute) !== void 0) return void 0;
    const read = await readRegularFile(absolute, MAX_DEPLOY_FILE_BYTES);
    return read.ok ? read.bytes : void 0;
  }
  /** Where `absolute` really is, when it is a link out of the project that is not to be followed (to /etc, another checkout). */
  async linkOutOfProject(absolute) {
    const real = await realPath(absolute);
    this.realRoot ??= realPath(this.root).then((r) => r ?? this.root);
    return real && !this.followExternalLinks && !isWithin(real, await this.realRoot) ? real : void 0;
  }
  /**
   * The console script a program run names: by its bare name (as PATH finds it), or by a path in a
   * `bin/` folder (`/app/bin/radicale`, `/opt/venv/bin/nautobot-server`), where pip writes them.
   */
  consoleScriptNamed(program) {
    if (this.consoleScripts.size === 0) return void 0;
    const name = path12.posix.basename(program);
    if (program !== name && !/(^|\/)bin\/[^/]+$/.test(program)) return void 0;
    return this.consoleScripts.get(name);
  }
  async addConsoleScript(occurrence, script2, program, args, workingDirectory, launchedBy, order = {}) {
    const context = { file: occurrence.settings.file, source: occurrence.settings.source, env: occurrence.settings.env };
    const start = { reading: readConsoleScriptRun(script2, program, args, context), line: program.line, ...order, ...workingDirectory !== void 0 ? { startDirectory: workingDirectory, workingDirectory } : {} };
    await this.addServer(occurrence, start, launchedBy);
  }
  /**
   * The commands a uWSGI master keeps running beside the app (healthchecks' `attach-daemon =
   * ./manage.py sendalerts --skip-checks`): each a process of its own, run by a shell in uWSGI's
   * working directory, with its environment. The daemons of a uWSGI that is itself a daemon are not
   * read again.
   */
  async addUwsgiDaemons(options, uwsgi, settings, workingDirectory) {
    if (this.readingDaemons) return;
    this.readingDaemons = true;
    try {
      for (const daemon of uwsgiDaemons(options)) await this.addUwsgiDaemon(daemon, uwsgi, settings, workingDirectory);
    } finally {
      this.readingDaemons = false;
    }
  }
  /** Set while the daemons of a uWSGI are read. */
  readingDaemons = false;
  async addUwsgiDaemon({ option: option2, command }, uwsgi, settings, workingDirectory) {
    const daemonSettings = {
      file: option2.file,
      source: option2.origin === "config-file" ? "uwsgi.ini" : settings.source,
      env: settings.env,
      ...workingDirectory !== void 0 ? { workingDirectory } : {},
      paths: projectPathsOf(settings)
    };
    const written = command.replace(/[%$]\(([A-Za-z_][\w.-]*)\)/g, (_, name) => `\${${name.replace(/[.-]/g, "_")}}`);
    const reading = readCommandText(written, () => option2.line, daemonSettings);
    const before = this.deployment.processes.length;
    const occurrence = { line: option2.line, command, settings: daemonSettings, reading, ...uwsgi.name ? { name: uwsgi.name } : {} };
    await this.addReading(occurrence, reading, { file: uwsgi.file, line: uwsgi.line, source: uwsgi.source }, 1);
    const daemon = { file: option2.file, line: option2.line, via: option2.via, ...option2.when ? { when: option2.when.text } : {} };
    for (const process2 of this.deployment.processes.slice(before)) process2.daemon = daemon;
  }
  /**
   * The project folders the process imports its app from, as `sys.path` has them: the extra paths
   * (`--pythonpath`, `--app-dir`, relative to the working directory), then the working directory
   * itself (gunicorn and uvicorn put it first on `sys.path`, `python -m` too). Only folders found in
   * the project are listed.
   */
  async importRoots(settings, workingDirectory, pythonPath) {
    const roots = [];
    for (const written of [...(pythonPath ?? []).map((p) => joinDirectory(workingDirectory, p)), workingDirectory]) {
      const folder = await this.projectFolder(written, settings);
      if (folder !== void 0 && !roots.includes(folder)) roots.push(folder);
    }
    return roots;
  }
  /**
   * The project folder a directory of the command names: relative, from the folder its file runs in
   * (the Procfile's, the build context); absolute, through what the image copied there, else by ever
   * shorter tails of it (`/srv/shop/backend` is `backend/` of a checkout), as config files are found.
   */
  async projectFolder(written, settings) {
    const paths = projectPathsOf(settings);
    if (written === void 0) return paths.context;
    const candidates = [];
    if (!written.startsWith("/")) candidates.push(path12.posix.join(paths.context, written));
    else {
      candidates.push(...copiedFrom(written, paths));
      for (const { folder, source } of foldersHolding(written, paths)) if (await this.isFolder(path12.posix.normalize(source))) candidates.push(folder);
      const parts = written.split("/").filter(Boolean);
      for (let i = 0; i < parts.length; i++) candidates.push(path12.posix.join(paths.context, ...parts.slice(i)), path12.posix.join(...parts.slice(i)));
    }
    for (const candidate of candidates) {
      const normal = path12.posix.normalize(candidate);
      if (normal.startsWith("..") || path12.posix.isAbsolute(normal)) continue;
      if (await this.isFolder(normal)) return normal === "." ? "" : normal.replace(/\/$/, "");
    }
    return void 0;
  }
  async isFolder(relative) {
    return await pathKind(path12.join(this.root, relative)) === "folder";
  }
  /** `hypercorn -c config.toml` (TOML), `-c file:conf.py` or `-c python:module` (Python). */
  async hypercornConfig(process2, config, command, startDirectory) {
    const { written } = config;
    const isPython = written.startsWith("file:") || written.startsWith("python:");
    const resolved = await this.resolveProjectPath(written.replace(/^file:/, ""), command, startDirectory, written.startsWith("python:"));
    process2.configFile = { file: config.file, line: config.line, written, ...resolved ? { resolved } : {} };
    if (!resolved) {
      this.problem({ file: config.file, line: config.line, message: `hypercorn -c ${written}: no such file in the project, so its settings could not be read` });
      return {};
    }
    const text = await this.readText(resolved);
    if (text === void 0) return {};
    if (isPython) {
      const parsed = await this.readPythonConfigFile(resolved, text);
      this.problems(parsed.problems);
      return hypercornSettingsOf(parsed, resolved);
    }
    let data;
    try {
      data = parse(text);
    } catch (error) {
      const line = error.line;
      this.problem({ file: resolved, ...line ? { line } : {}, message: `TOML syntax error: ${describeError(error).split("\n")[0].replace(/^Invalid TOML document: /, "")}` });
      return {};
    }
    const lineOf = (key) => Math.max(1, text.split(/\r?\n/).findIndex((l) => new RegExp(`^\\s*${key}\\s*=`).test(l)) + 1);
    const base = (key) => ({ file: resolved, line: lineOf(key), origin: "config-file", via: `${key} =` });
    const settings = {};
    if (typeof data.workers === "number") settings.workers = { ...base("workers"), value: data.workers };
    else if (typeof data.workers === "bigint") settings.workers = { ...base("workers"), value: Number(data.workers) };
    if (typeof data.worker_class === "string") settings.workerClass = { ...base("worker_class"), value: data.worker_class };
    if (typeof data.bind === "string") settings.bind = { ...base("bind"), value: [data.bind] };
    else if (Array.isArray(data.bind)) settings.bind = { ...base("bind"), value: data.bind.map(String) };
    return settings;
  }
  /** `uwsgi --ini uwsgi.ini` (or `uwsgi.ini:section`): the options of its section, read from the project. */
  async uwsgiIni(process2, config, command, startDirectory) {
    const { written } = config;
    const resolved = await this.resolveProjectPath(written.replace(/:[\w-]+$/, ""), command, startDirectory);
    process2.configFile = { file: config.file, line: config.line, written, ...resolved ? { resolved } : {} };
    if (!resolved) {
      this.problem({ file: config.file, line: config.line, message: `uwsgi --ini ${written}: no such file in the project, so its settings could not be read` });
      return [];
    }
    this.usedConfigs.add(resolved);
    const text = await this.readText(resolved);
    if (text === void 0) return [];
    const ini = readUwsgiIni(resolved, text, written);
    if (!ini.hasSection) this.problem({ file: resolved, message: `no [${/:([\w-]+)$/.exec(written)?.[1] ?? "uwsgi"}] section: uWSGI finds no options in this file` });
    return ini.options;
  }
  /** A uWSGI ini file no command names: `uwsgi --ini` run on it from its folder. */
  async addStandaloneUwsgi(file) {
    const text = await this.readText(file);
    if (text === void 0) return;
    const ini = readUwsgiIni(file, text, path12.posix.basename(file));
    if (!ini.hasSection) return;
    const reading = uwsgiReading(ini.options, file);
    this.problems(reading.problems);
    const line = reading.appSpec?.line ?? 1;
    const process2 = { file, line, source: "uwsgi.ini", server: "uwsgi", configFile: { file, line: 1, written: path12.posix.basename(file), resolved: file } };
    if (reading.appSpec) process2.appSpec = reading.appSpec;
    Object.assign(process2, reading.commandLine);
    if (reading.workingDirectory !== void 0) process2.workingDirectory = reading.workingDirectory;
    if (reading.pythonPath?.length) process2.pythonPath = reading.pythonPath;
    const settings = { file, source: "uwsgi.ini", env: EMPTY_ENVIRONMENT };
    const roots = await this.importRoots(settings, reading.workingDirectory, reading.pythonPath);
    if (roots.length) process2.importRoots = roots;
    const model = processModelOf(process2);
    if (model) process2.processModel = model;
    this.deployment.processes.push(process2);
    await this.addUwsgiDaemons(ini.options, process2, settings, reading.workingDirectory);
  }
  /** A gunicorn.conf.py no command uses: gunicorn run with no options from its folder reads it. */
  async addStandaloneConfig(file) {
    const config = await this.gunicornConfig(file);
    if (!config) return;
    const line = config.appSpec?.line ?? 1;
    const process2 = { file, line, source: "gunicorn.conf.py", server: "gunicorn", configFile: { file, line: 1, written: path12.posix.basename(file), resolved: file } };
    if (config.appSpec) process2.appSpec = config.appSpec;
    Object.assign(process2, config.settings);
    if (config.hooks.length) process2.hooks = config.hooks;
    if (config.workingDirectory !== void 0) process2.workingDirectory = config.workingDirectory;
    if (config.pythonPath?.length) process2.pythonPath = config.pythonPath;
    const model = processModelOf(process2);
    if (model) process2.processModel = model;
    this.deployment.processes.push(process2);
  }
  gunicornConfig(file) {
    let pending = this.gunicornConfigs.get(file);
    if (!pending) {
      pending = (async () => {
        const text = await this.readText(file);
        if (text === void 0) return void 0;
        const parsed = await this.readPythonConfigFile(file, text);
        const settings = gunicornSettingsOf(parsed, file);
        this.problems(parsed.problems);
        this.problems(settings.problems);
        return settings;
      })();
      this.gunicornConfigs.set(file, pending);
    }
    return pending;
  }
  /**
   * Finds a path a command names, in the project. In a container, a path (`./entrypoint.sh` under
   * `WORKDIR /app`, `/docker-entrypoint.sh`) is first followed back through the `COPY` that put it
   * there. Otherwise a relative path is taken from the directory the command runs in, relative to its
   * build context or the file that declares it (and, in a script, the script's folder); a container
   * path (`/app/gunicorn.conf.py`) is looked for there with its WORKDIR prefix removed, then by ever
   * shorter tails, since images usually `COPY . /app`.
   */
  async resolveProjectPath(written, settings, workingDirectory, isModule = false) {
    const paths = projectPathsOf(settings);
    const target = isModule ? `${written.replace(/^python:/, "").replace(/\./g, "/")}.py` : written;
    const candidates = [];
    const inContainer = target.startsWith("/") ? target : workingDirectory?.startsWith("/") ? path12.posix.join(workingDirectory, target) : void 0;
    if (inContainer !== void 0) candidates.push(...copiedFrom(inContainer, paths));
    const ownFolder = projectPathsOf({ file: settings.file }).context;
    for (const folder of paths.context === ownFolder ? [ownFolder] : [paths.context, ownFolder]) candidates.push(...pathCandidates(folder, target, workingDirectory));
    for (const candidate of candidates) {
      const normal = path12.posix.normalize(candidate);
      if (normal.startsWith("..") || path12.posix.isAbsolute(normal)) continue;
      if (await this.exists(normal)) return normal;
    }
    return void 0;
  }
  /** A file (not a folder) is there: reading it then says when it is a pipe, a device or a link out of the project. */
  async exists(relative) {
    const kind = await pathKind(path12.join(this.root, relative));
    return kind === "file" || kind === "other";
  }
  readText(file) {
    let pending = this.texts.get(file);
    if (!pending) {
      pending = (async () => {
        const absolute = path12.join(this.root, file);
        try {
          const real = await this.linkOutOfProject(absolute);
          if (real !== void 0) {
            this.problem({ file, kind: "outside-root", message: `symbolic link to ${real}, outside the project; not read (--follow-external-links reads it)` });
            return void 0;
          }
          const read = await readRegularFile(absolute, MAX_DEPLOY_FILE_BYTES);
          if (!read.ok) {
            if (read.reason === "too-large") {
              this.problem({ file, message: `skipped: ${read.size !== void 0 ? `${read.size} bytes is over` : "over"} the ${MAX_DEPLOY_FILE_BYTES}-byte limit for a deployment file` });
            } else {
              this.problem({ file, message: `cannot read: ${read.reason === "not-regular" ? `${read.message}; not opened` : describeError(read.error)}` });
            }
            return void 0;
          }
          const bytes = read.bytes;
          this.deployment.read.push(file);
          if (file.endsWith(".py")) {
            const decoded = decodePythonSource(bytes);
            if (decoded.problem) this.problem({ file, line: decoded.problem.line, message: decoded.problem.message });
            return decoded.text;
          }
          const text = new TextDecoder("utf-8").decode(bytes);
          return text.startsWith("\uFEFF") ? text.slice(1) : text;
        } catch (error) {
          this.problem({ file, message: `cannot read: ${describeError(error)}` });
          return void 0;
        }
      })();
      this.texts.set(file, pending);
    }
    return pending;
  }
  problem(problem) {
    this.deployment.problems.push(problem);
  }
  /** Not `push(...list)`: a Procfile of 500,000 bad lines would overflow the stack. */
  problems(list) {
    for (const problem of list) this.deployment.problems.push(problem);
  }
};
function projectPathsOf(settings) {
  if (settings.paths) return settings.paths;
  const folder = settings.file === COMMAND_LINE_FILE ? "" : path12.posix.dirname(settings.file);
  return { context: folder === "." ? "" : folder };
}
function pathCandidates(folder, target, workingDirectory) {
  const candidates = [];
  const relativeDirectory = workingDirectory !== void 0 && !workingDirectory.startsWith("/") ? workingDirectory : "";
  if (!target.startsWith("/")) {
    if (workingDirectory?.startsWith("/")) candidates.push(path12.posix.join(folder, target));
    candidates.push(path12.posix.join(folder, relativeDirectory, target), path12.posix.join(folder, target));
    return candidates;
  }
  if (workingDirectory?.startsWith("/") && target.startsWith(`${workingDirectory.replace(/\/$/, "")}/`)) {
    candidates.push(path12.posix.join(folder, target.slice(workingDirectory.replace(/\/$/, "").length + 1)));
  }
  const parts = target.split("/").filter(Boolean);
  for (let i = 0; i < parts.length; i++) candidates.push(path12.posix.join(folder, ...parts.slice(i)));
  return candidates;
}
function commandInArguments(args) {
  const separator = args.findIndex((w) => w.text === "--");
  if (separator >= 0) return args.slice(separator + 1);
  const first = args[0];
  if (!first || first.text.startsWith("-") || first.expands || /[:=@]/.test(first.text) || /^\d/.test(first.text)) return [];
  return [...args];
}
function copiesOf(program, file, env) {
  const { value, line, variable } = program.numprocs;
  const base = { file, line, origin: "config-file", via: "numprocs =" };
  if (variable === void 0) return value > 1 ? { ...base, value } : void 0;
  const known = env.get(variable)?.value;
  const count = known !== void 0 && /^\s*\d+\s*$/.test(known) ? Number(known) : void 0;
  if (count !== void 0) return count > 1 ? { ...base, value: count } : void 0;
  return { ...base, expression: `%(ENV_${variable})s` };
}

// src/extract/pool.ts
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
var ExtractPool = class {
  constructor(script2, size, sharing) {
    this.script = script2;
    this.size = size;
    this.sharing = sharing;
    for (let i = 0; i < size; i++) this.spawn();
  }
  script;
  size;
  sharing;
  workers = [];
  waiting = [];
  /** The jobs sent to each worker and not answered yet, in the order sent (a worker answers in that order). */
  running = /* @__PURE__ */ new Map();
  nextId = 0;
  closed = false;
  /** Summarises one file on a worker thread. Never rejects: a crashed worker is the file's internal error. */
  summarise(relative, bytes, target) {
    return new Promise((done) => {
      this.waiting.push({ id: -1, request: { relative, bytes, target }, done });
      this.dispatch();
    });
  }
  async close() {
    this.closed = true;
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
  /**
   * Sends waiting jobs to the workers with fewer than IN_FLIGHT unanswered. With one more queued
   * behind the one it works on, a worker starts its next file at once, instead of idling while its
   * answer crosses to the main thread and the next request crosses back.
   */
  dispatch() {
    while (this.waiting.length) {
      let worker;
      for (const candidate of this.workers) {
        const load = this.running.get(candidate).length;
        if (load < IN_FLIGHT && (!worker || load < this.running.get(worker).length)) worker = candidate;
      }
      if (!worker) return;
      const job = this.waiting.shift();
      job.id = this.nextId++;
      this.running.get(worker).push(job);
      worker.postMessage({ id: job.id, ...job.request });
    }
  }
  spawn() {
    const worker = new Worker(this.script, { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
    this.workers.push(worker);
    this.running.set(worker, []);
    worker.on("message", (message) => {
      const jobs = this.running.get(worker);
      if (!jobs?.length || jobs[0].id !== message.id) return;
      const job = jobs.shift();
      this.dispatch();
      job.done(answerOf(message, job.request.relative, this.sharing));
    });
    let gone = false;
    const lost = (error) => {
      if (gone) return;
      gone = true;
      const jobs = this.running.get(worker) ?? [];
      this.running.delete(worker);
      this.workers.splice(this.workers.indexOf(worker), 1);
      const [failed, ...queued] = jobs;
      if (failed) failed.done({ result: { diagnostics: [internalError("extract", failed.request.relative, error)], transient: true } });
      this.waiting.unshift(...queued);
      if (this.closed) return;
      this.spawn();
      this.dispatch();
    };
    worker.on("error", lost);
    worker.on("exit", (code) => {
      if (!this.closed) lost(new Error(`the worker thread exited with code ${code}`));
    });
  }
};
var IN_FLIGHT = 2;
function answerOf(message, relative, sharing) {
  if ("stored" in message) {
    try {
      const stored = message.packed ? { text: message.stored, packed: message.packed } : { text: message.stored };
      return { result: reviveStored(stored, relative, sharing), stored };
    } catch (error) {
      return { result: { diagnostics: [internalError("extract", relative, error)], transient: true } };
    }
  }
  if ("result" in message) return { result: message.result };
  return { result: { diagnostics: [internalError("extract", relative, new Error(message.error))], transient: true } };
}
function workerScript() {
  for (const name of ["worker.js", "worker.mjs"]) {
    const file = fileURLToPath(new URL(`./${name}`, import.meta.url));
    if (existsSync(file)) return file;
  }
  return void 0;
}
var WORKER_YOUNG_GENERATION_MB = 48;
function threadCount(files, env = process.env) {
  const asked = Number(env.IMPORTLEAK_THREADS);
  if (Number.isInteger(asked) && asked >= 1) return Math.min(asked, 64);
  if (files < MIN_FILES_FOR_THREADS) return 1;
  return Math.max(1, Math.min(availableParallelism(), 8, Math.ceil(files / 24)));
}

// src/extract/spill.ts
import { closeSync, mkdtempSync, openSync, rmSync, unlinkSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import path13 from "node:path";
var SpillFile = class {
  constructor(fd) {
    this.fd = fd;
  }
  fd;
  size = 0;
  broken = false;
  /** Puts the packed bytes `summary` holds in memory, if any, at the end of the file. */
  put(summary) {
    if (this.broken) return;
    putAside(summary, (text) => {
      const bytes = Buffer.from(text, "latin1");
      try {
        let written = 0;
        while (written < bytes.length) written += writeSync(this.fd, bytes, written, bytes.length - written, this.size + written);
      } catch {
        this.broken = true;
        return void 0;
      }
      const place = { store: this, key: "", offset: this.size, length: bytes.length };
      this.size += bytes.length;
      return place;
    });
  }
  bytesAt(_key, offset, length) {
    const bytes = Buffer.allocUnsafe(length);
    const read = readAt(this.fd, bytes, length, offset);
    if (read < length) throw new Error(`the temporary file holding them ends at ${offset + read} bytes, not ${offset + length}`);
    return bytes;
  }
};
var spill;
function spillPacked(summary) {
  if (spill === void 0) spill = openSpill();
  spill?.put(summary);
}
function openSpill() {
  let folder;
  try {
    folder = mkdtempSync(path13.join(tmpdir(), "importleak-"));
    const file = path13.join(folder, "packed-calls");
    const fd = openSync(file, "w+", 384);
    try {
      unlinkSync(file);
      rmSync(folder, { recursive: true, force: true });
    } catch {
      const left = folder;
      process.once("exit", () => {
        try {
          closeSync(fd);
        } catch {
        }
        rmSync(left, { recursive: true, force: true });
      });
    }
    return new SpillFile(fd);
  } catch {
    if (folder) rmSync(folder, { recursive: true, force: true });
    return null;
  }
}

// src/extract/stage.ts
async function extractFiles(input) {
  const { files, target, maxFileBytes, cache, stats, progress } = input;
  const results = new Array(files.length);
  const fingerprints = new Array(files.length);
  const compactor = new SummaryCompactor();
  const script2 = workerScript();
  let pool;
  const poolFor = () => {
    if (pool || !script2) return pool;
    const threads = threadCount(files.length);
    if (threads < 2) return void 0;
    pool ??= new ExtractPool(script2, threads, compactor);
    if (stats) stats.workers = pool.size;
    return pool;
  };
  let done = 0;
  const otherCaches = /* @__PURE__ */ new Map();
  const cacheOf = (fileTarget) => {
    if (!cache || fileTarget === target) return cache;
    let other = otherCaches.get(fileTarget);
    if (!other) otherCaches.set(fileTarget, other = new SummaryCache(cache.root, fileTarget));
    return other;
  };
  const fromCache = async (index, key, signature, fileCache, digest) => {
    const file = files[index];
    const cached = await fileCache.getEntry(key, file.relative, compactor, digest);
    if (!cached) return false;
    if (stats && input.justParsed?.has(key)) stats.parsed++;
    else if (stats) stats.cached++;
    results[index] = cached.value;
    fingerprints[index] = [file.relative, key, cached.digest, signature];
    return true;
  };
  const one = async (index) => {
    const file = files[index];
    const fileTarget = input.targetOf?.(file.relative) ?? target;
    const fileCache = cacheOf(fileTarget);
    const known = fileCache ? input.known?.get(file.relative) : void 0;
    if (known && !known[1].startsWith("!") && await fromCache(index, known[1], known[3], fileCache, known[2])) return;
    const read = await readRegularFile(file.absolute, maxFileBytes, { record: false });
    if (!read.ok) {
      const result2 = { diagnostics: [readProblem(file.relative, read, maxFileBytes)] };
      results[index] = result2;
      if (fileCache) fingerprints[index] = [file.relative, SummaryCache.keyOfRead(file.relative, read), SummaryCache.digestOf(result2), ""];
      return;
    }
    const key = fileCache ? SummaryCache.keyOf(file.relative, read.bytes) : void 0;
    if (key && await fromCache(index, key, statSignature(read.stat), fileCache)) return;
    const workers = poolFor();
    const { result, stored } = workers ? await workers.summarise(file.relative, read.bytes, fileTarget) : { result: await summariseBytes(file.relative, read.bytes, fileTarget), stored: void 0 };
    if (stats) stats.parsed++;
    if (result.summary && stored === void 0) compactor.compact(result.summary);
    results[index] = result;
    if (key) {
      const digest = await fileCache.set(key, result, stored);
      if (digest) fingerprints[index] = [file.relative, key, digest, statSignature(read.stat)];
    }
    if (result.summary) spillPacked(result.summary);
  };
  try {
    await inLanes(files.length, async (index) => {
      await one(index);
      progress?.(++done, files.length);
    });
  } finally {
    await pool?.close();
    cache?.finish();
    for (const other of otherCaches.values()) other.finish();
  }
  const summaries = /* @__PURE__ */ new Map();
  const diagnostics = [];
  files.forEach((file, index) => {
    const result = results[index];
    diagnostics.push(...result.diagnostics);
    if (result.summary) summaries.set(file.relative, result.summary);
  });
  let complete = cache !== void 0;
  for (let index = 0; complete && index < files.length; index++) complete = fingerprints[index] !== void 0;
  return { summaries, diagnostics, ...complete ? { fingerprints } : {} };
}
function readProblem(relative, read, maxFileBytes) {
  if (read.reason === "too-large") {
    return {
      kind: "too-large",
      path: relative,
      message: `skipped: ${read.size !== void 0 ? sizePair(read.size, maxFileBytes) : `over the ${formatBytes(maxFileBytes)}`} limit for one file (--max-file-size)`
    };
  }
  return { kind: "read-error", path: relative, message: `cannot read: ${read.reason === "not-regular" ? `${read.message}; not opened` : describeError(read.error)}` };
}

// src/report/lineHash.ts
var BLOCK = 100;
var BASE = 37n;
var MASK = (1n << 64n) - 1n;
var END_OF_FILE = 65535;
function lineHashes(text, wanted) {
  const stream = [];
  const lineStarts = [];
  let atLineStart = true;
  let previousWasCR = false;
  const push2 = (code) => {
    if (code === 32 || code === 9 || previousWasCR && code === 10) {
      previousWasCR = false;
      return;
    }
    if (code === 13) {
      code = 10;
      previousWasCR = true;
    } else {
      previousWasCR = false;
    }
    if (atLineStart) {
      atLineStart = false;
      lineStarts.push(stream.length);
    }
    if (code === 10) atLineStart = true;
    stream.push(code);
  };
  for (let i = 0; i < text.length; i++) push2(text.charCodeAt(i));
  push2(END_OF_FILE);
  const powers = new Array(BLOCK);
  powers[BLOCK - 1] = 1n;
  for (let i = BLOCK - 2; i >= 0; i--) powers[i] = powers[i + 1] * BASE & MASK;
  const counts = /* @__PURE__ */ new Map();
  const result = /* @__PURE__ */ new Map();
  let last = 0;
  for (const line of wanted) if (line > last) last = line;
  for (let line = 1; line <= lineStarts.length && line <= last; line++) {
    const start = lineStarts[line - 1];
    let hash = 0n;
    for (let j = 0; j < BLOCK; j++) {
      const code = stream[start + j] ?? 0;
      if (code !== 0) hash = hash + BigInt(code) * powers[j] & MASK;
    }
    const hex = hash.toString(16);
    const count = (counts.get(hex) ?? 0) + 1;
    counts.set(hex, count);
    if (wanted.has(line)) result.set(line, `${hex}:${count}`);
  }
  return result;
}

// src/resolve/moduleIndex.ts
import path14 from "node:path";
var IDENTIFIER2 = /^[A-Za-z_][A-Za-z0-9_]*$/;
var ModuleIndex = class {
  byPath = /* @__PURE__ */ new Map();
  byName = /* @__PURE__ */ new Map();
  packageNames = /* @__PURE__ */ new Set();
  explicitRoots;
  constructor(filePaths, explicitRoots) {
    const packageFolders = /* @__PURE__ */ new Set();
    for (const file of filePaths) {
      if (path14.posix.basename(file) === "__init__.py") packageFolders.add(path14.posix.dirname(file));
    }
    const roots = explicitRoots.map(normaliseFolder);
    this.explicitRoots = new Set(roots);
    for (const file of filePaths) {
      if (!file.endsWith(".py")) continue;
      const home = homeFolder(file, packageFolders);
      const natural = outermostPackageRoot(home, packageFolders);
      const name = moduleNameUnder(file, natural);
      if (!name) continue;
      const names = [name];
      const nameRoots = [natural];
      const alternatives = home !== natural && packageFolders.has(firstFolderBelow(file, home)) ? [home, ...roots] : roots;
      for (const root of alternatives) {
        if (root === natural) continue;
        const other = moduleNameUnder(file, root);
        if (other && !names.includes(other)) {
          names.push(other);
          nameRoots.push(root);
        }
      }
      const entry = { name, path: file, isPackage: path14.posix.basename(file) === "__init__.py", names, root: natural, home, nameRoots };
      this.byPath.set(file, entry);
    }
    this.indexNames();
  }
  /**
   * A file under a namespace folder has a name from its own folder and a longer one from an outer
   * root (`mod` and `ns.sub.mod`); which one CPython uses depends on how it is imported. When the
   * project's absolute imports use one of a file's other names and not its canonical one, that
   * name becomes canonical (relative imports are then anchored at it). `referencedNames` gives the
   * names those imports use; it is asked only when some file has another name.
   */
  preferReferencedNames(referencedNames) {
    const switched = /* @__PURE__ */ new Map();
    let referenced;
    for (const entry of this.byPath.values()) {
      if (entry.names.length < 2) continue;
      const names = referenced ??= referencedNames();
      if (names.has(entry.name)) continue;
      const used = entry.names.findIndex((n, k) => k > 0 && names.has(n) && this.explicitRoots.has(entry.nameRoots[k]));
      if (used > 0) switched.set(entry.root, entry.nameRoots[used]);
    }
    if (switched.size === 0) return;
    for (const entry of this.byPath.values()) {
      const root = switched.get(entry.root);
      const i = root === void 0 ? -1 : entry.nameRoots.indexOf(root);
      if (i <= 0) continue;
      const order = [i, ...entry.names.map((_, k) => k).filter((k) => k !== i)];
      entry.names = order.map((k) => entry.names[k]);
      entry.nameRoots = order.map((k) => entry.nameRoots[k]);
      entry.name = entry.names[0];
      entry.root = entry.nameRoots[0];
      entry.home = entry.root;
    }
    this.indexNames();
  }
  indexNames() {
    this.byName.clear();
    this.packageNames.clear();
    const entries = [...this.byPath.values()].sort((a, b) => Number(b.isPackage) - Number(a.isPackage));
    for (const pass of [0, 1]) {
      for (const entry of entries) {
        const names = pass === 0 ? [entry.name] : entry.names.slice(1);
        for (const name of names) {
          const list = this.byName.get(name);
          if (!list) this.byName.set(name, [entry]);
          else if (!list.includes(entry)) list.push(entry);
          const parts = name.split(".");
          for (let i = 1; i < parts.length; i++) this.packageNames.add(parts.slice(0, i).join("."));
        }
      }
    }
  }
  /**
   * The project file that `name` names for an importer, or undefined when it is not a project
   * module (stdlib, third-party, or not found). When several files claim the name (two services
   * each with an `app/` package, two script folders each with a `utils.py`), the importer's own
   * root wins, as when that service runs: first a name from the importer's natural root, then one
   * from its home (the folder its script puts on `sys.path`), then one from the deepest other root
   * that contains the importer, then the first in path order.
   */
  lookup(name, importer) {
    const all = this.byName.get(name);
    if (!all || all.length === 0) return void 0;
    if (!importer) return all[0];
    let best;
    let bestRank = Infinity;
    for (const candidate of all) {
      const rank = this.rank(candidate, name, importer);
      if (rank < bestRank) {
        best = candidate;
        bestRank = rank;
      }
    }
    return best;
  }
  /** How near `name`'s root is to the importer (lower is nearer); Infinity when the importer cannot see it. */
  rank(entry, name, importer) {
    const root = entry.nameRoots[entry.names.indexOf(name)];
    if (root === void 0) return Infinity;
    if (root === importer.root) return 0;
    if (root === importer.home) return 1;
    if (!this.explicitRoots.has(root)) return Infinity;
    const holds = root === "" || importer.path.startsWith(`${root}/`);
    const depth = root === "" ? 0 : root.split("/").length;
    return holds ? 2 + 1 / (2 + depth) : 3;
  }
  /** True when some project module lives below `name` (a regular or namespace package). */
  hasPackage(name) {
    return this.packageNames.has(name);
  }
  /** True when `name` is a project module's, or some project module lives below it. */
  hasName(name) {
    return this.byName.has(name) || this.packageNames.has(name);
  }
  entries() {
    return this.byPath.values();
  }
};
function normaliseFolder(folder) {
  const posix2 = folder.split(path14.sep).join("/").replace(/^\.\/?/, "").replace(/\/+$/, "");
  return posix2 === "." ? "" : posix2;
}
function homeFolder(file, packageFolders) {
  let folder = path14.posix.dirname(file);
  if (folder === ".") return "";
  if (folder === ".." || folder.endsWith("/..")) return folder;
  while (packageFolders.has(folder)) {
    const parent = path14.posix.dirname(folder);
    folder = parent;
    if (parent === ".") return "";
  }
  return folder;
}
function outermostPackageRoot(home, packageFolders) {
  let root = home;
  for (let folder = home; folder !== "" && folder !== ".." && !folder.endsWith("/.."); ) {
    const parent = path14.posix.dirname(folder);
    if (packageFolders.has(folder)) root = parent === "." ? "" : parent;
    if (parent === folder || parent === ".") break;
    folder = parent;
  }
  return root;
}
function firstFolderBelow(file, root) {
  const relative = root === "" ? file : file.slice(root.length + 1);
  const first = relative.split("/")[0];
  return root === "" ? first : `${root}/${first}`;
}
function moduleNameUnder(file, root) {
  if (root !== "" && !file.startsWith(`${root}/`)) return void 0;
  const relative = root === "" ? file : file.slice(root.length + 1);
  const withoutExtension = relative.slice(0, -".py".length);
  const parts = withoutExtension.split("/");
  if (parts[parts.length - 1] === "__init__") parts.pop();
  if (parts.length === 0 || !parts.every((part) => IDENTIFIER2.test(part))) return void 0;
  return parts.join(".");
}

// src/pipeline.ts
var MAX_PROBLEMS_PER_DEPLOYMENT_FILE = 20;
async function analyze(options) {
  const started = performance.now();
  const stats = options.stats;
  const root = path15.resolve(options.root);
  const config = options.config ?? defaultConfig();
  const rules = configuredRules(options.rules ?? loadRules(), config);
  const configFolder = config.file ? path15.dirname(config.file) : root;
  const fromConfigFolder = (p) => path15.relative(root, path15.resolve(configFolder, p)).split(path15.sep).join("/") || "";
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const watch = options.known ? options.known.watch : options.cacheDir ? newTreeWatch() : void 0;
  const discovery = options.known?.discovery ?? await discoverPythonFiles({ ...discoverOptionsOf(options), ...watch ? { watch } : {} });
  const diagnostics = [...discovery.diagnostics];
  stats?.add("discovery", performance.now() - started);
  const extractStart = performance.now();
  expectParses(discovery.files.length - (options.cacheDir ? options.known?.files.size ?? 0 : 0));
  await pythonParser();
  const target = options.target ?? targetOf(config, options.cacheDir ? path15.resolve(root, options.cacheDir) : void 0);
  const targets = await projectTargets(root, discovery.files, target, config.pythonVersion !== void 0);
  diagnostics.push(...targets.diagnostics);
  const extracted = await extractFiles({
    files: discovery.files,
    target,
    targetOf: targets.of,
    maxFileBytes,
    ...options.cacheDir ? { cache: new SummaryCache(path15.resolve(root, options.cacheDir), target) } : {},
    ...stats ? { stats } : {},
    ...options.progress ? { progress: options.progress } : {},
    ...options.justParsed ? { justParsed: options.justParsed } : {},
    ...options.known ? { known: options.known.files } : {}
  });
  const summaries = extracted.summaries;
  diagnostics.push(...extracted.diagnostics);
  stats?.add("parse and extract", performance.now() - extractStart);
  let mark = performance.now();
  const lap = (stage) => {
    const now = performance.now();
    stats?.add(stage, now - mark);
    mark = now;
  };
  const explicitRoots = ["", ...options.sourceRoots ?? [], ...config.src.map(fromConfigFolder)];
  if ([...summaries.keys()].some((p) => p.startsWith("src/"))) explicitRoots.push("src");
  explicitRoots.push(...scriptRoots(summaries));
  const index = new ModuleIndex([...summaries.keys()], explicitRoots);
  index.preferReferencedNames(() => absoluteImportNames(summaries.values()));
  const resolved = /* @__PURE__ */ new Map();
  for (const [filePath, summary] of summaries) {
    const module = index.byPath.get(filePath);
    if (!module) continue;
    try {
      injectedFault("resolve", filePath);
      resolved.set(filePath, resolveImports(module, summary, index, summaries));
    } catch (error) {
      diagnostics.push(internalError("resolve", filePath, error));
      resolved.set(filePath, []);
    }
  }
  const calls = new CallResolver(index, summaries);
  const graph = buildImportGraph(index, resolved, calls, (file, error) => diagnostics.push(internalError("the import graph", file, error)));
  for (const limit of graph.limits ?? []) diagnostics.push({ kind: "limit", path: ".", message: limit });
  lap("resolve and graph");
  const entries = detectEntries({ summaries, index, resolved, calls }, diagnostics);
  for (const entry of configuredEntries(config, index, summaries, diagnostics)) entries.push(entry);
  lap("entries");
  let deployment;
  if (options.readDeployment !== false) {
    try {
      deployment = await readDeploymentOf(root, deploymentSearch(root, options.paths.length ? options.paths : ["."]), options.followExternalLinks ?? false, [...options.exclude ?? [], ...config.exclude], index, summaries, diagnostics, options.known?.listings);
    } catch (error) {
      diagnostics.push(internalError("the deployment reader", ".", error));
    }
  }
  if (deployment) for (const entry of deployment.entries) entries.push(entry);
  lap("deployment");
  let scripts = /* @__PURE__ */ new Map();
  try {
    scripts = await namedScripts(root, deployment?.deployment, index, new Set(summaries.keys()));
  } catch (error) {
    diagnostics.push(internalError("the scripts named by the deployment", ".", error));
  }
  const findings = withoutPerFileIgnores(
    checkProject({
      index,
      summaries,
      graph,
      entries,
      rules,
      calls,
      problems: diagnostics,
      namedScripts: scripts,
      ...config.unreachedLevel ? { unreachedLevel: config.unreachedLevel } : {},
      ...deployment ? { deployment } : {}
    }),
    config,
    diagnostics
  );
  try {
    await addLineHashes(root, findings, maxFileBytes);
  } catch (error) {
    diagnostics.push(internalError("the line hashes", ".", error));
  }
  lap("rules");
  const seen = /* @__PURE__ */ new Set();
  const unique = diagnostics.filter((d) => {
    const key = `${d.kind}\0${d.path}\0${d.line ?? ""}\0${d.column ?? ""}\0${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const run = extracted.fingerprints ? { discovery: discoveryFingerprint(discovery), files: extracted.fingerprints, ...watch ? { watch } : {} } : void 0;
  return { root, fileCount: discovery.files.length, summaries, index, resolved, graph, entries, findings, diagnostics: unique, rules, ...deployment ? { deployment } : {}, ...run ? { run } : {} };
}
async function addLineHashes(root, findings, maxFileBytes) {
  const byFile = /* @__PURE__ */ new Map();
  for (const finding of findings) {
    const list = byFile.get(finding.path);
    if (list) list.push(finding);
    else byFile.set(finding.path, [finding]);
  }
  for (const [file, list] of byFile) {
    const read = await readRegularFile(path15.join(root, file), maxFileBytes);
    if (!read.ok) continue;
    const text = decodePythonSource(read.bytes).text;
    const hashes = lineHashes(text, new Set(list.map((f) => f.span.line)));
    for (const finding of list) {
      const hash = hashes.get(finding.span.line);
      if (hash) finding.lineHash = hash;
    }
  }
}
function configuredRules(rules, config) {
  return rules.map((rule) => {
    const extra = config.extendResources.filter((r) => r.kind === rule.resource);
    if (extra.length === 0) return rule;
    return {
      ...rule,
      matches: [
        ...rule.matches,
        ...extra.map((r) => ({ callee: r.name, aliases: [], what: `${/^[aeiou]/.test(r.kind) ? "an" : "a"} ${r.kind} (\`${r.name}\`, configured in extend-resources)`, cost: r.message, arguments: [], withCloses: true, afterFork: rule.afterFork ?? "lazy" }))
      ]
    };
  }).filter((rule) => ruleSelected(rule.id, config.select, config.ignore));
}
function configuredEntries(config, index, summaries, diagnostics) {
  const entries = [];
  for (const spec of config.entryPoints) {
    const [moduleName, attribute] = spec.split(":");
    const module = index.lookup(moduleName);
    if (!module) {
      diagnostics.push({ kind: "config", path: config.file ?? ".", message: `entry point ${JSON.stringify(spec)} names no module of the project` });
      continue;
    }
    const summary = summaries.get(module.path);
    const binding = attribute && summary ? callsOutsideFunctions(summary).find((c) => c.scope.kind === "module" && c.boundTo === attribute) : void 0;
    entries.push({
      path: module.path,
      framework: "configured",
      kind: "app",
      description: `configured entry point \`${spec}\``,
      evidence: binding ? { line: binding.span.line, column: binding.span.column, text: binding.statementText } : { line: 1, column: 1, text: module.name },
      routes: 0
    });
  }
  return entries;
}
function deploymentSearch(root, paths) {
  const searchIn = /* @__PURE__ */ new Set();
  for (const given of paths) {
    const absolute = path15.resolve(root, given);
    if (isWithin(root, absolute)) searchIn.add("");
    else if (isWithin(absolute, root)) {
      const relative = path15.relative(root, absolute).split(path15.sep).join("/");
      if (!/\.py$/.test(relative) || isDeploymentFileName(path15.posix.basename(relative))) searchIn.add(relative);
    }
  }
  return searchIn.has("") ? [""] : [...searchIn];
}
async function readDeploymentOf(root, searchIn, followExternalLinks, exclude, index, summaries, diagnostics, listings) {
  const deployment = await readDeployment(root, void 0, { searchIn, followExternalLinks, ...listings ? { listings } : {} });
  if (exclude.length) {
    const excluded = compileIgnore(exclude, () => void 0);
    deployment.processes = deployment.processes.filter((p) => !excluded.ignores(p.file));
    deployment.problems = deployment.problems.filter((p) => !excluded.ignores(p.file));
  }
  const perFile = /* @__PURE__ */ new Map();
  for (const problem of deployment.problems) {
    if (problem.line === void 0 && diagnostics.some((d) => d.path === problem.file && d.line === void 0 && (d.kind === "read-error" || d.kind === "outside-root"))) continue;
    const count = (perFile.get(problem.file) ?? 0) + 1;
    perFile.set(problem.file, count);
    if (count > MAX_PROBLEMS_PER_DEPLOYMENT_FILE) continue;
    diagnostics.push({ kind: problem.kind ?? "deployment", path: problem.file, ...problem.line ? { line: problem.line } : {}, message: problem.message });
  }
  for (const [file, count] of perFile) {
    if (count > MAX_PROBLEMS_PER_DEPLOYMENT_FILE) diagnostics.push({ kind: "deployment", path: file, message: `and ${count - MAX_PROBLEMS_PER_DEPLOYMENT_FILE} more problems in this file, not listed` });
  }
  const context = deploymentEntries(deployment, index, summaries);
  await withCeleryConfig(context.served, root, index, summaries);
  for (const problem of context.problems) diagnostics.push({ kind: "deployment", path: problem.file, line: problem.line, message: problem.message });
  return context;
}
function withoutPerFileIgnores(findings, config, diagnostics) {
  const patterns = Object.entries(config.perFileIgnores).map(([glob, codes]) => ({
    matcher: compileIgnore(
      [glob],
      () => diagnostics.push({ kind: "config", path: config.file ?? ".", message: `per-file-ignores pattern ${quotePattern(glob)} is too long to match with (its regular expression is too large); it is not applied` })
    ),
    codes
  }));
  if (patterns.length === 0) return findings;
  return findings.filter((finding) => !patterns.some(({ matcher, codes }) => matcher.ignores(finding.path) && codes.some((c) => finding.ruleId.startsWith(c))));
}
function absoluteImportNames(summaries) {
  const names = /* @__PURE__ */ new Set();
  for (const summary of summaries) {
    for (const record2 of summary.imports) {
      if (record2.level !== 0 || !record2.module) continue;
      names.add(record2.module);
      for (const { name } of record2.names) names.add(`${record2.module}.${name}`);
    }
  }
  return names;
}
export {
  DEFAULT_MAX_FILE_BYTES,
  MAX_PROBLEMS_PER_DEPLOYMENT_FILE,
  analyze,
  configuredRules
};
