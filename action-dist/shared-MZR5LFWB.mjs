import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  callById,
  callsInFunction,
  callsOutsideFunctions,
  inFunctionBody
} from "./shared-ZYG3IDYS.mjs";
import {
  parsePythonLiteral,
  stringsOf
} from "./shared-WIBISVNQ.mjs";
import {
  DEFAULT_TARGET,
  byEnclosingFunction,
  functionLines,
  importText
} from "./shared-2BFWLXK6.mjs";

// src/extract/lookup.ts
var lookups = /* @__PURE__ */ new WeakMap();
function summaryLookup(summary) {
  let lookup = lookups.get(summary);
  if (!lookup) {
    lookup = new Lookup(summary);
    lookups.set(summary, lookup);
  }
  return lookup;
}
var Lookup = class {
  constructor(summary) {
    this.summary = summary;
  }
  summary;
  functions;
  classes;
  fromImports;
  boundCalls;
  decorators;
  nested;
  functionLine(qualname) {
    const functions = this.summary.functions;
    if (functions.length <= SCANNED_FUNCTIONS) return lineIn(functions, qualname);
    return (this.functions ??= firstBy(functionLines(functions), ([name]) => [name])).get(qualname)?.[1];
  }
  classNamed(name) {
    const classes = this.summary.classes;
    if (classes.length <= SCANNED_CLASSES) return classes.find((c) => c.name === name);
    return (this.classes ??= firstBy(classes, (c) => [c.name])).get(name);
  }
  fromImportBinding(name) {
    this.fromImports ??= firstBy(this.summary.imports, (record) => record.scope.kind === "module" && record.kind === "from" ? record.names.map((n) => n.alias ?? n.name) : []);
    return this.fromImports.get(name);
  }
  moduleCallBoundTo(name) {
    this.boundCalls ??= firstBy(callsOutsideFunctions(this.summary), (call) => call.scope.kind === "module" && call.boundTo !== void 0 ? [call.boundTo] : []);
    return this.boundCalls.get(name);
  }
  decoratorsOf(target) {
    this.decorators ??= decoratorsBy(callsOutsideFunctions(this.summary));
    return this.decorators.get(target) ?? (this.nested ??= decoratorsBy(this.summary.calls.filter(inFunctionBody))).get(target) ?? NONE;
  }
};
var NONE = Object.freeze([]);
var SCANNED_FUNCTIONS = 512;
var SCANNED_CLASSES = 16;
function lineIn(functions, qualname) {
  const key = `
${qualname} `;
  const at = functions.indexOf(key);
  if (at < 0) return void 0;
  const end = functions.indexOf("\n", at + key.length);
  return Number(functions.slice(at + key.length, end < 0 ? void 0 : end));
}
var EMPTY = /* @__PURE__ */ new Map();
function firstBy(items, keys) {
  let map;
  for (const item of items) {
    for (const key of keys(item)) {
      map ??= /* @__PURE__ */ new Map();
      if (!map.has(key)) map.set(key, item);
    }
  }
  return map ?? EMPTY;
}
function decoratorsBy(calls) {
  let map;
  for (const call of calls) {
    if (call.placement.kind !== "decorator") continue;
    map ??= /* @__PURE__ */ new Map();
    const list = map.get(call.placement.target);
    if (list) list.push(call);
    else map.set(call.placement.target, [call]);
  }
  return map ?? EMPTY;
}

// src/resolve/stdlibModules.ts
var STDLIB_MODULES = /* @__PURE__ */ new Set([
  "__future__",
  "_abc",
  "_aix_support",
  "_android_support",
  "_apple_support",
  "_ast",
  "_asyncio",
  "_bisect",
  "_blake2",
  "_bootsubprocess",
  "_bz2",
  "_codecs",
  "_codecs_cn",
  "_codecs_hk",
  "_codecs_iso2022",
  "_codecs_jp",
  "_codecs_kr",
  "_codecs_tw",
  "_collections",
  "_collections_abc",
  "_colorize",
  "_compat_pickle",
  "_compression",
  "_contextvars",
  "_crypt",
  "_csv",
  "_ctypes",
  "_curses",
  "_curses_panel",
  "_datetime",
  "_dbm",
  "_decimal",
  "_elementtree",
  "_frozen_importlib",
  "_frozen_importlib_external",
  "_functools",
  "_gdbm",
  "_hashlib",
  "_heapq",
  "_hmac",
  "_imp",
  "_interpchannels",
  "_interpqueues",
  "_interpreters",
  "_io",
  "_ios_support",
  "_json",
  "_locale",
  "_lsprof",
  "_lzma",
  "_markupbase",
  "_md5",
  "_msi",
  "_multibytecodec",
  "_multiprocessing",
  "_opcode",
  "_opcode_metadata",
  "_operator",
  "_osx_support",
  "_overlapped",
  "_pickle",
  "_posixshmem",
  "_posixsubprocess",
  "_py_abc",
  "_py_warnings",
  "_pydatetime",
  "_pydecimal",
  "_pyio",
  "_pylong",
  "_pyrepl",
  "_queue",
  "_random",
  "_remote_debugging",
  "_scproxy",
  "_sha1",
  "_sha2",
  "_sha256",
  "_sha3",
  "_sha512",
  "_signal",
  "_sitebuiltins",
  "_socket",
  "_sqlite3",
  "_sre",
  "_ssl",
  "_stat",
  "_statistics",
  "_string",
  "_strptime",
  "_struct",
  "_suggestions",
  "_symtable",
  "_sysconfig",
  "_thread",
  "_threading_local",
  "_tkinter",
  "_tokenize",
  "_tracemalloc",
  "_types",
  "_typing",
  "_uuid",
  "_warnings",
  "_weakref",
  "_weakrefset",
  "_winapi",
  "_wmi",
  "_zoneinfo",
  "_zstd",
  "abc",
  "aifc",
  "annotationlib",
  "antigravity",
  "argparse",
  "array",
  "ast",
  "asynchat",
  "asyncio",
  "asyncore",
  "atexit",
  "audioop",
  "base64",
  "bdb",
  "binascii",
  "bisect",
  "builtins",
  "bz2",
  "cProfile",
  "calendar",
  "cgi",
  "cgitb",
  "chunk",
  "cmath",
  "cmd",
  "code",
  "codecs",
  "codeop",
  "collections",
  "colorsys",
  "compileall",
  "compression",
  "concurrent",
  "configparser",
  "contextlib",
  "contextvars",
  "copy",
  "copyreg",
  "crypt",
  "csv",
  "ctypes",
  "curses",
  "dataclasses",
  "datetime",
  "dbm",
  "decimal",
  "difflib",
  "dis",
  "distutils",
  "doctest",
  "email",
  "encodings",
  "ensurepip",
  "enum",
  "errno",
  "faulthandler",
  "fcntl",
  "filecmp",
  "fileinput",
  "fnmatch",
  "fractions",
  "ftplib",
  "functools",
  "gc",
  "genericpath",
  "getopt",
  "getpass",
  "gettext",
  "glob",
  "graphlib",
  "grp",
  "gzip",
  "hashlib",
  "heapq",
  "hmac",
  "html",
  "http",
  "idlelib",
  "imaplib",
  "imghdr",
  "imp",
  "importlib",
  "inspect",
  "io",
  "ipaddress",
  "itertools",
  "json",
  "keyword",
  "lib2to3",
  "linecache",
  "locale",
  "logging",
  "lzma",
  "mailbox",
  "mailcap",
  "marshal",
  "math",
  "mimetypes",
  "mmap",
  "modulefinder",
  "msilib",
  "msvcrt",
  "multiprocessing",
  "netrc",
  "nis",
  "nntplib",
  "nt",
  "ntpath",
  "nturl2path",
  "numbers",
  "opcode",
  "operator",
  "optparse",
  "os",
  "ossaudiodev",
  "pathlib",
  "pdb",
  "pickle",
  "pickletools",
  "pipes",
  "pkgutil",
  "platform",
  "plistlib",
  "poplib",
  "posix",
  "posixpath",
  "pprint",
  "profile",
  "pstats",
  "pty",
  "pwd",
  "py_compile",
  "pyclbr",
  "pydoc",
  "pydoc_data",
  "pyexpat",
  "queue",
  "quopri",
  "random",
  "re",
  "readline",
  "reprlib",
  "resource",
  "rlcompleter",
  "runpy",
  "sched",
  "secrets",
  "select",
  "selectors",
  "shelve",
  "shlex",
  "shutil",
  "signal",
  "site",
  "smtpd",
  "smtplib",
  "sndhdr",
  "socket",
  "socketserver",
  "spwd",
  "sqlite3",
  "sre_compile",
  "sre_constants",
  "sre_parse",
  "ssl",
  "stat",
  "statistics",
  "string",
  "string.templatelib",
  "stringprep",
  "struct",
  "subprocess",
  "sunau",
  "symtable",
  "sys",
  "sysconfig",
  "syslog",
  "tabnanny",
  "tarfile",
  "telnetlib",
  "tempfile",
  "termios",
  "textwrap",
  "this",
  "threading",
  "time",
  "timeit",
  "tkinter",
  "token",
  "tokenize",
  "tomllib",
  "trace",
  "traceback",
  "tracemalloc",
  "tty",
  "turtle",
  "turtledemo",
  "types",
  "typing",
  "unicodedata",
  "unittest",
  "urllib",
  "uu",
  "uuid",
  "venv",
  "warnings",
  "wave",
  "weakref",
  "webbrowser",
  "winreg",
  "winsound",
  "wsgiref",
  "xdrlib",
  "xml",
  "xmlrpc",
  "xxlimited_35",
  "zipapp",
  "zipfile",
  "zipimport",
  "zlib",
  "zoneinfo"
]);
var STDLIB_LIFETIMES = {
  _android_support: [13, 99],
  _apple_support: [13, 99],
  _colorize: [13, 99],
  _crypt: [0, 12],
  _hmac: [14, 99],
  _interpreters: [13, 99],
  _ios_support: [13, 99],
  _md5: [0, 11],
  _opcode_metadata: [13, 99],
  _py_warnings: [14, 99],
  _pydatetime: [12, 99],
  _pylong: [12, 99],
  _pyrepl: [13, 99],
  _remote_debugging: [14, 99],
  _sha1: [0, 11],
  _sha2: [12, 99],
  _sha256: [0, 11],
  _sha512: [0, 11],
  _suggestions: [13, 99],
  _sysconfig: [13, 99],
  _zoneinfo: [9, 99],
  _zstd: [14, 99],
  aifc: [0, 12],
  annotationlib: [14, 99],
  asynchat: [0, 11],
  asyncore: [0, 11],
  audioop: [0, 12],
  cgi: [0, 12],
  cgitb: [0, 12],
  chunk: [0, 12],
  compression: [14, 99],
  crypt: [0, 12],
  distutils: [0, 11],
  graphlib: [9, 99],
  imghdr: [0, 12],
  imp: [0, 11],
  lib2to3: [0, 12],
  mailcap: [0, 12],
  msilib: [0, 12],
  nis: [0, 12],
  nntplib: [0, 12],
  ossaudiodev: [0, 12],
  pipes: [0, 12],
  smtpd: [0, 11],
  sndhdr: [0, 12],
  spwd: [0, 12],
  sunau: [0, 12],
  telnetlib: [0, 12],
  tomllib: [11, 99],
  uu: [0, 12],
  xdrlib: [0, 12],
  zoneinfo: [9, 99]
};
var WINDOWS_ONLY = /* @__PURE__ */ new Set(["nt", "winreg", "_winreg", "msvcrt", "_winapi", "_overlapped", "winsound", "_msi", "msilib", "_wmi"]);
var NOT_ON_WINDOWS = /* @__PURE__ */ new Set(["posix", "pwd", "grp", "termios", "tty", "pty", "fcntl", "resource", "syslog", "_posixsubprocess", "_posixshmem", "spwd", "nis", "ossaudiodev", "crypt", "_crypt", "readline"]);
var OPTIONAL_BUILDS = /* @__PURE__ */ new Set(["_gdbm", "_dbm", "_tkinter", "readline", "_curses", "_curses_panel", "_uuid", "nis", "_crypt", "_scproxy", "_zstd"]);
function stdlibModuleExists(name, target) {
  const top = name.split(".")[0];
  if (!STDLIB_MODULES.has(top) || OPTIONAL_BUILDS.has(top)) return false;
  const lifetime = Object.hasOwn(STDLIB_LIFETIMES, top) ? STDLIB_LIFETIMES[top] : void 0;
  const minor = target.version[0] === 3 ? target.version[1] : -1;
  if (lifetime && (minor < lifetime[0] || minor > lifetime[1])) return false;
  if (target.platform === "win32" ? NOT_ON_WINDOWS.has(top) : WINDOWS_ONLY.has(top)) return false;
  return true;
}

// src/resolve/compiledStdlib.ts
var COMPILED_INIT_IMPORTS = {
  _asyncio: [{ module: "asyncio" }],
  _curses_panel: [{ module: "_curses" }],
  _decimal: [{ module: "collections" }, { module: "collections.abc" }, { module: "numbers" }],
  _elementtree: [{ module: "copy" }, { module: "pyexpat" }, { module: "xml.etree.ElementPath" }],
  _pickle: [{ module: "_compat_pickle" }, { module: "copyreg" }, { module: "functools" }],
  _sqlite3: [{ module: "functools", versions: [11, 99] }],
  _ssl: [{ module: "_socket" }],
  // Since 3.9, when `_zoneinfo` appeared.
  _zoneinfo: [
    { module: "datetime", versions: [9, 99] },
    { module: "weakref", versions: [9, 99] },
    { module: "zoneinfo._tzpath", versions: [9, 99] }
  ],
  array: [{ module: "collections.abc", versions: [10, 99] }],
  // The `parser` module was removed in 3.10.
  parser: [{ module: "copyreg", versions: [0, 9] }]
};
function hasCompiledInitImports(name) {
  return Object.hasOwn(COMPILED_INIT_IMPORTS, name);
}
function compiledInitImports(name, minor) {
  if (!hasCompiledInitImports(name)) return [];
  return COMPILED_INIT_IMPORTS[name].filter(({ versions }) => !versions || minor >= versions[0] && minor <= versions[1]).map(({ module }) => module);
}

// src/resolve/resolveImports.ts
var executed = /* @__PURE__ */ new WeakMap();
function executedAs(module, reason) {
  let byReason = executed.get(module);
  if (!byReason) executed.set(module, byReason = {});
  return byReason[reason] ??= { module, reason };
}
function resolveImports(importer, summary, index, summaries) {
  const resolved = summary.imports.map((record) => resolveImport(importer, record, index, summaries));
  const target = summary.target ?? DEFAULT_TARGET;
  for (const item of resolved) {
    const fallback = item.record.fallback;
    if (!fallback) continue;
    const tries = fallback.tryImports.map((i) => resolved[i]).filter((r) => r !== void 0);
    const skipped = tries.find((r) => r.notRun !== void 0);
    if (skipped) {
      item.notRun = skipped.notRun;
      continue;
    }
    if (tries.length > 0 && tries.every((r) => importSucceeds(r, index, summaries, target))) {
      const what = tries.map((r) => `\`${importText(r.record)}\``).join(", ");
      item.notRun = `fallback in \`${fallback.handler}\` (line ${item.record.span.line}): the \`try\` branch (line ${fallback.tryLine}) succeeds, since ${what} ${tries.length > 1 ? "find" : "finds"} ${tries.length > 1 ? "their modules" : "its module"}`;
    }
  }
  return resolved;
}
var lists = /* @__PURE__ */ new WeakMap();
function sharedList(index, executes) {
  let node = lists.get(index);
  if (!node) lists.set(index, node = {});
  for (const executed2 of executes) {
    node.next ??= /* @__PURE__ */ new Map();
    let next = node.next.get(executed2);
    if (!next) node.next.set(executed2, next = {});
    node = next;
  }
  return node.list ??= Object.freeze(executes.slice());
}
function bindsAtTop(summary, name) {
  return summary !== void 0 && (summary.definedNames.includes(name) || summary.importedNames.includes(name));
}
function importSucceeds(resolved, index, summaries, target) {
  const { record, absolute } = resolved;
  if (resolved.problem || absolute === void 0 || absolute === "") return false;
  const module = resolved.executes.find((e) => e.reason === "module")?.module;
  if (!module) {
    const top = absolute.split(".")[0];
    if (index.hasName(top)) return false;
    return stdlibModuleExists(absolute, target);
  }
  if (record.kind !== "from" || record.star) return true;
  const summary = summaries.get(module.path);
  if (!summary) return false;
  return record.names.every(({ name }) => bindsAtTop(summary, name) || module.isPackage && index.lookup(`${absolute}.${name}`) !== void 0);
}
function resolveImport(importer, record, index, summaries, lazyDepth = 0) {
  if (record.itemsOf || record.eachSubmodule) return resolveEach(importer, record, index, summaries);
  if (record.registryOf) return { record, absolute: record.module, executes: [] };
  const anchored = absoluteName(importer, record);
  if ("problem" in anchored) return { record, executes: [], problem: anchored.problem };
  const absolute = anchored.name;
  const executes = [];
  const add = (module, reason) => {
    if (!module || executes.some((e) => e.module.path === module.path)) return;
    executes.push(executedAs(module, reason));
  };
  if (absolute !== "") {
    for (let end = absolute.indexOf("."); ; end = absolute.indexOf(".", end + 1)) {
      const last = end < 0;
      add(index.lookup(last ? absolute : absolute.slice(0, end), importer), last ? "module" : "parent-package");
      if (last) break;
    }
    const minor = (summaries.get(importer.path)?.target ?? DEFAULT_TARGET).version[1];
    const top = absolute.indexOf(".");
    for (const module of compiledInitModules(top < 0 ? absolute : absolute.slice(0, top), importer, index, minor)) add(module, "compiled-init");
  }
  if (record.kind === "from") {
    const target = absolute === "" ? void 0 : index.lookup(absolute, importer);
    const targetSummary = target && target.path !== importer.path ? summaries.get(target.path) : void 0;
    for (const { name } of record.names) {
      if (target && targetSummary?.lazyAttributes && !bindsAtTop(targetSummary, name) && lazyDepth < 3) {
        const typeChecking = targetSummary.imports.filter((r) => r.scope.kind === "type-checking");
        const named = typeChecking.filter((r) => bindsName(r, name));
        const lazy = named.length > 0 ? named : typeChecking.filter((r) => starBinds(target, r, name, index, summaries));
        for (const binding of lazy) {
          for (const executed2 of resolveImport(target, binding, index, summaries, lazyDepth + 1).executes) add(executed2.module, "lazy-attribute");
        }
        if (lazy.length > 0) continue;
      }
      if (target && (!target.isPackage || bindsAtTop(targetSummary, name))) continue;
      add(index.lookup(absolute === "" ? name : `${absolute}.${name}`, importer), "submodule");
    }
    if (record.star && target?.isPackage) {
      const all = summaries.get(target.path)?.dunderAll ?? [];
      for (const name of all) {
        if (bindsAtTop(targetSummary, name)) continue;
        add(index.lookup(`${absolute}.${name}`, importer), "star-submodule");
      }
    }
  }
  return { record, absolute, executes: sharedList(index, executes) };
}
var NO_MODULES = Object.freeze([]);
function compiledInitModules(name, importer, index, minor) {
  if (!hasCompiledInitImports(name)) return NO_MODULES;
  const found = [];
  const seen = /* @__PURE__ */ new Set();
  const visit = (compiled) => {
    if (seen.has(compiled) || index.lookup(compiled, importer)) return;
    seen.add(compiled);
    for (const imported of compiledInitImports(compiled, minor)) {
      const parts = imported.split(".");
      for (let i = 1; i <= parts.length; i++) {
        const module = index.lookup(parts.slice(0, i).join("."), importer);
        if (module) found.push(module);
      }
      visit(imported);
    }
  };
  visit(name);
  return found;
}
function eachExecuted(importer, record, items, index, summaries) {
  const executes = [];
  const seen = /* @__PURE__ */ new Set();
  for (const item of items) {
    for (const executed2 of resolveItem(importer, record, item, index, summaries).executes) {
      if (seen.has(executed2.module.path)) continue;
      seen.add(executed2.module.path);
      executes.push(executed2);
    }
  }
  return sharedList(index, executes);
}
function resolveEach(importer, record, index, summaries) {
  const named = record.itemsOf ? { ...record, ...record.itemsOf } : { ...record, module: record.module === "*" ? "" : record.module.slice(0, -2) };
  const anchored = absoluteName(importer, named);
  if ("problem" in anchored) return { record, executes: [], problem: anchored.problem };
  if (record.itemsOf) {
    const module = index.lookup(anchored.name, importer);
    const items = module ? summaries.get(module.path)?.dunderAll ?? [] : [];
    return { record, absolute: record.module, executes: eachExecuted(importer, record, items, index, summaries) };
  }
  const children = anchored.name === "" ? [] : submodulesOf(index, anchored.name, record.eachSubmodule);
  return { record, absolute: anchored.name, executes: eachExecuted(importer, record, children, index, summaries) };
}
var submodulesByPackage = /* @__PURE__ */ new WeakMap();
function submodulesOf(index, packageName, kind) {
  let byPackage = submodulesByPackage.get(index);
  if (!byPackage) {
    byPackage = /* @__PURE__ */ new Map();
    for (const entry of index.entries()) {
      for (const name of entry.names) {
        const dot = name.lastIndexOf(".");
        if (dot < 0) continue;
        const parent = name.slice(0, dot);
        const list = byPackage.get(parent);
        const child = { name: name.slice(dot + 1), isPackage: entry.isPackage };
        if (!list) byPackage.set(parent, [child]);
        else if (!list.some((c) => c.name === child.name)) list.push(child);
      }
    }
    submodulesByPackage.set(index, byPackage);
  }
  return (byPackage.get(packageName) ?? []).filter((c) => kind === "modules" || !c.isPackage).map((c) => c.name).sort();
}
function resolveItem(importer, record, item, index, summaries) {
  const { itemsOf: _items, registryOf: _registry, eachSubmodule: _each, ...plain } = record;
  return resolveImport(importer, { ...plain, module: record.module.replace("*", item) }, index, summaries);
}
function absoluteName(importer, record) {
  if (record.level === 0) return { name: record.module };
  for (const name of importer.names) {
    const packageParts = importer.isPackage ? name.split(".") : name.split(".").slice(0, -1);
    const keep = packageParts.length - (record.level - 1);
    if (keep <= 0) continue;
    const base = packageParts.slice(0, keep).join(".");
    return { name: record.module ? base ? `${base}.${record.module}` : record.module : base };
  }
  return {
    problem: `attempted relative import beyond the top-level package: ${".".repeat(record.level)}${record.module} from ${importer.name}`
  };
}
function starBinds(importer, record, name, index, summaries) {
  if (record.kind !== "from" || !record.star) return false;
  const anchored = absoluteName(importer, record);
  const module = "name" in anchored && anchored.name !== "" ? index.lookup(anchored.name, importer) : void 0;
  const summary = module ? summaries.get(module.path) : void 0;
  if (!summary) return false;
  if (summary.dunderAll) return summary.dunderAll.includes(name);
  return !name.startsWith("_") && summary.definedNames.includes(name);
}
function bindsName(record, name) {
  if (record.kind === "from") return record.names.some((n) => (n.alias ?? n.name) === name);
  if (record.kind === "import") return (record.alias ?? record.module.split(".")[0]) === name;
  return false;
}

// src/resolve/calls.ts
function allOf(conditions) {
  const parts = [...new Set(conditions.filter((c) => typeof c === "string"))];
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0] : parts.map((c) => / or /.test(c) && !/^\(.*\)$/.test(c) ? `(${c})` : c).join(" and ");
}
function anyOf(conditions) {
  const unique = [...new Set(conditions)];
  const bare = (text) => /^\(.*\)$/.test(text) ? text.slice(1, -1) : text;
  const negated = (text) => text.startsWith("not ") ? bare(text.slice(4)) : void 0;
  const flip = (text) => text.replace(/ (==|!=) /, (_, op) => op === "==" ? " != " : " == ");
  for (const a of unique) {
    for (const b of unique) {
      if (negated(a) === bare(b) || / (==|!=) /.test(a) && flip(a) === b) return null;
    }
  }
  return unique.join(" or ");
}
var MAX_CALL_DEPTH = 3;
var MAX_IMPORT_CALL_DEPTH = 3;
var CallResolver = class {
  constructor(index, summaries) {
    this.index = index;
    this.summaries = summaries;
  }
  index;
  summaries;
  importsByFunction = /* @__PURE__ */ new Map();
  /** The names of the project's classes and import aliases, for `classCalled`. */
  classNames;
  /** `classCalled`, by module and call id (null: no project class). */
  classOfCall = /* @__PURE__ */ new Map();
  /** `externalBasesOf`, by `path::qualname`. */
  externalBases = /* @__PURE__ */ new Map();
  /** `classStatementTargets`, by class: the import graph and the rules both follow every class statement of a module. */
  classStatements = /* @__PURE__ */ new WeakMap();
  summaryOf(path) {
    return this.summaries.get(path);
  }
  /** Calls written directly in `qualname`'s body (not in functions nested in it). */
  callsIn(ref) {
    const summary = this.summaries.get(ref.path);
    return summary ? callsInFunction(summary, ref.qualname) : [];
  }
  importsIn(ref) {
    let byName = this.importsByFunction.get(ref.path);
    if (!byName) this.importsByFunction.set(ref.path, byName = byEnclosingFunction(this.summaries.get(ref.path).imports));
    return byName.get(ref.qualname) ?? [];
  }
  /**
   * The function bodies that run when `path` is imported, reached from its module-level calls, at most
   * `maxDepth` calls deep. Breadth first, so each body comes with its shortest call path and a body
   * reached late on a long path still has its own calls followed from the short one.
   * `enter` can refuse to go into a body (its steps so far are given).
   */
  functionsRunAtImport(path, enter = () => true, maxDepth = MAX_CALL_DEPTH) {
    const summary = this.summaries.get(path);
    if (!summary) return [];
    const found = [];
    const seen = /* @__PURE__ */ new Set();
    const queue = [];
    const ways = /* @__PURE__ */ new Map();
    const keyOf = (body) => `${body.path}::${body.qualname}`;
    const runs = /* @__PURE__ */ new Map();
    const visit = (steps, body, from) => {
      const key = keyOf(body);
      if (steps.length > maxDepth) return;
      if (seen.has(key)) {
        ways.get(key)?.push({ ...from ? { from: keyOf(from) } : {}, call: steps[steps.length - 1].call });
        const run2 = runs.get(key);
        if (run2 && !from && run2.steps.length === 1 && run2.steps[0].call.discarded && !steps[0].call.discarded) run2.steps = steps;
        return;
      }
      if (!enter(body, steps)) return;
      seen.add(key);
      ways.set(key, [{ ...from ? { from: keyOf(from) } : {}, call: steps[steps.length - 1].call }]);
      const run = { body, steps };
      runs.set(key, run);
      found.push(run);
      queue.push(run);
    };
    for (const call of callsOutsideFunctions(summary)) {
      if (call.scope.kind !== "module") continue;
      for (const next of this.targetsOf(path, call)) visit([{ path, call, target: next.called }], next.body);
    }
    for (const cls of summary.classes) {
      if (cls.scope.kind !== "module") continue;
      for (const next of this.classStatementTargets(path, cls)) visit([{ path, call: classStatementCall(cls), target: next }], next);
    }
    for (let head = 0; head < queue.length; head++) {
      const { body, steps } = queue[head];
      for (const call of this.callsIn(body)) {
        for (const next of this.targetsOf(body.path, call, body.qualname)) visit([...steps, { path: body.path, call, target: next.called }], next.body, body);
      }
      for (const cls of this.summaries.get(body.path)?.classes ?? []) {
        if (cls.scope.kind !== "function" || cls.scope.function !== body.qualname) continue;
        for (const next of this.classStatementTargets(body.path, cls)) visit([...steps, { path: body.path, call: classStatementCall(cls), target: next }], next, body);
      }
    }
    const conditions = /* @__PURE__ */ new Map();
    const conditionOf = (key, open) => {
      const known = conditions.get(key);
      if (known !== void 0) return known;
      if (open.has(key)) return null;
      open.add(key);
      const alternatives = (ways.get(key) ?? []).map(({ from, call }) => {
        const caller = from === void 0 ? null : conditionOf(from, open);
        return allOf([caller, call.condition ?? null]);
      });
      open.delete(key);
      const result = alternatives.some((a) => a === null) ? null : anyOf(alternatives);
      conditions.set(key, result);
      return result;
    };
    const dropped = /* @__PURE__ */ new Map();
    const dropsResult = (key, open) => {
      const known = dropped.get(key);
      if (known !== void 0) return known;
      if (open.has(key)) return false;
      open.add(key);
      const result = (ways.get(key) ?? []).every(({ from, call }) => call.discarded === true || from !== void 0 && call.returned === true && dropsResult(from, open));
      open.delete(key);
      dropped.set(key, result);
      return result;
    };
    for (const run of found) {
      const key = keyOf(run.body);
      const condition = conditionOf(key, /* @__PURE__ */ new Set());
      if (condition !== null) run.condition = condition;
      if (dropsResult(key, /* @__PURE__ */ new Set())) run.resultDropped = true;
    }
    return found;
  }
  /**
   * What a class statement runs besides its body: the metaclass's `__new__` and `__init__` (the one
   * given with `metaclass=`, or a base's, through project bases), and the `__init_subclass__` its
   * project bases define or inherit. Only methods the project defines: `type`'s own run no project code.
   */
  classStatementTargets(path, cls) {
    let known = this.classStatements.get(cls);
    if (!known) this.classStatements.set(cls, known = this.findClassStatementTargets(path, cls));
    return known;
  }
  findClassStatementTargets(path, cls) {
    const out = [];
    const meta = this.metaclassOf(path, cls, 0);
    if (meta) {
      for (const name of ["__new__", "__init__"]) {
        const method = this.methodOf(meta, name, 0);
        if (method) out.push(method);
      }
    }
    for (const base of cls.bases) {
      const baseRef = this.classNamed(path, base);
      const hook = baseRef?.kind === "class" ? this.methodOf(baseRef, "__init_subclass__", 0) : void 0;
      if (hook && !out.some((f) => f.path === hook.path && f.qualname === hook.qualname)) out.push(hook);
    }
    if (cls.scope.kind === "module") {
      const self = { path, qualname: cls.name, kind: "class" };
      if (this.externalBasesOf(self).some((base) => DJANGO_APP_CONFIG.has(base))) {
        const ready = this.methodOf(self, "ready", 0);
        if (ready) out.push({ ...ready, hook: "django-ready" });
      }
    }
    return out;
  }
  /** The project class a call constructs (`ConfiguredSession()`, `http.ConfiguredSession()`), in any module. */
  classCalled(path, call) {
    if (!call.callee || !this.mayNameClass(call.callee)) return void 0;
    const summary = this.summaries.get(path);
    if (!summary || callById(summary, call.id) !== call) return this.findClassCalled(path, call);
    let known = this.classOfCall.get(path);
    if (!known) this.classOfCall.set(path, known = /* @__PURE__ */ new Map());
    let found = known.get(call.id);
    if (found === void 0) known.set(call.id, found = this.findClassCalled(path, call) ?? null);
    return found ?? void 0;
  }
  /**
   * Whether a call of `callee` may make an instance of a project class: its last name is a class's
   * name (or an import alias) somewhere in the project. Most calls are of library functions, and
   * saying they are none costs a set lookup instead of resolving the name through the modules.
   */
  mayNameClass(callee) {
    if (!this.classNames) {
      const names = /* @__PURE__ */ new Set();
      for (const summary of this.summaries.values()) {
        for (const cls of summary.classes) names.add(cls.name);
        for (const record of summary.imports) for (const { alias } of record.names) if (alias) names.add(alias);
      }
      this.classNames = names;
    }
    return this.classNames.has(callee.slice(callee.lastIndexOf(".") + 1));
  }
  findClassCalled(path, call) {
    if (!this.mayNameClass(call.callee)) return void 0;
    const called = call.calleeIsLocal ? this.refIn(path, call.callee) : this.resolveQualified(path, call.callee, 0);
    return called?.kind === "class" ? called : void 0;
  }
  /**
   * The bases from outside the project of a project class, through its project bases in any module,
   * nearest first: `class ConfiguredSession(requests.Session)` gives `requests.Session`, and so does
   * `class ApiSession(ConfiguredSession)` in another module. The one walk the rules and the entry
   * detectors share: each class is worked out once per analysis (a chain of 5,000 subclasses costs
   * 5,000 steps), at most MAX_EXTERNAL_BASE_DEPTH classes deep, and a cycle of bases adds nothing.
   */
  externalBasesOf(cls, depth = 0) {
    const key = `${cls.path}::${cls.qualname}`;
    const known = this.externalBases.get(key);
    if (known) return known;
    if (depth > MAX_EXTERNAL_BASE_DEPTH) return [];
    this.externalBases.set(key, []);
    const summary = this.summaries.get(cls.path);
    const found = /* @__PURE__ */ new Set();
    for (const base of (summary && summaryLookup(summary).classNamed(cls.qualname)?.bases) ?? []) {
      const project = this.classNamed(cls.path, base);
      if (project?.kind === "class") for (const outer of this.externalBasesOf(project, depth + 1)) found.add(outer);
      else found.add(base);
    }
    const bases = [...found];
    this.externalBases.set(key, bases);
    return bases;
  }
  /** The project class that is `cls`'s metaclass: its own `metaclass=`, else the first a base has. */
  metaclassOf(path, cls, depth) {
    if (depth > MAX_BASE_DEPTH) return void 0;
    if (cls.metaclass) {
      const meta = this.classNamed(path, cls.metaclass);
      return meta?.kind === "class" ? meta : void 0;
    }
    for (const base of cls.bases) {
      const baseRef = this.classNamed(path, base);
      const baseSummary = baseRef?.kind === "class" ? this.summaries.get(baseRef.path) : void 0;
      const record = baseSummary ? summaryLookup(baseSummary).classNamed(baseRef.qualname) : void 0;
      const meta = record && record !== cls ? this.metaclassOf(baseRef.path, record, depth + 1) : void 0;
      if (meta) return meta;
    }
    return void 0;
  }
  /** What a call runs in the project: a function body, or a class's `__new__` and `__init__` (own or inherited). */
  targetsOf(path, call, enclosingFunction) {
    const called = this.resolveCallee(path, call, enclosingFunction);
    if (!called) return [];
    if (called.kind === "function") return [{ called, body: called }];
    const out = [];
    const create = this.methodOf(called, "__new__", 0);
    if (create) out.push({ called, body: create });
    const init = this.initOf(called, 0);
    if (init) out.push({ called, body: init });
    return out;
  }
  resolveCallee(path, call, enclosingFunction) {
    const summary = this.summaries.get(path);
    if (!call.callee && enclosingFunction && /^self\.\w+$/.test(call.calleeText)) {
      const cls = enclosingFunction.split(".").slice(0, -1).join(".");
      if (cls) return this.refIn(path, `${cls}.${call.calleeText.slice(5)}`);
    }
    const inMethod = enclosingFunction ? this.methodCall(path, call, enclosingFunction) : void 0;
    if (inMethod) return inMethod;
    if (call.receiver) {
      const creator = callById(summary, call.receiver.callId);
      const cls = creator ? this.resolveCallee(path, creator) : void 0;
      if (cls?.kind === "class") return this.methodOf(cls, call.receiver.method, 0);
      return void 0;
    }
    if (!call.callee) return void 0;
    if (call.calleeIsLocal) return this.refIn(path, call.callee) ?? this.decoratorAttribute(path, call.callee);
    return this.resolveQualified(path, call.callee, 0) ?? this.pureStandIn(path, call);
  }
  /**
   * Calls inside a method `Cls.m` that run another method of the class or of its bases:
   * `super().__init__(ttl)` (and `super(Cls, self).__init__`) runs the first base's method that has
   * it; inside `__new__`, a method called on the instance it makes (`inst = super().__new__(cls)`
   * then `inst._init()`, or a singleton's `cls._instance = super().__new__(cls)` then
   * `cls._instance._init()`) runs `Cls._init`. Found on onyx, whose metrics collectors make their
   * thread pool in a base `__init__` their own calls through `super()`, and whose `RedisPool`
   * singleton makes its pools in a method its `__new__` calls.
   */
  methodCall(path, call, enclosingFunction) {
    const dot = enclosingFunction.lastIndexOf(".");
    if (dot < 0) return void 0;
    const clsName = enclosingFunction.slice(0, dot);
    const method = enclosingFunction.slice(dot + 1);
    const text = call.calleeText.replace(/\s+/g, "");
    const viaSuper = /^super\((?:\w+,(?:self|cls))?\)\.(\w+)$/.exec(text);
    const summary = this.summaries.get(path);
    const record = summary ? summaryLookup(summary).classNamed(clsName) : void 0;
    if (!record) return void 0;
    if (viaSuper) {
      for (const base of record.bases) {
        const baseRef = this.classNamed(path, base);
        const found = baseRef?.kind === "class" ? this.methodOf(baseRef, viaSuper[1], 0) : void 0;
        if (found) return found;
      }
      return void 0;
    }
    if (method !== "__new__") return void 0;
    const onInstance = /^((?:cls\.)?\w+)\.(\w+)$/.exec(text);
    if (!onInstance || onInstance[1] === "cls" || onInstance[1] === "super") return void 0;
    const made = this.callsIn({ path, qualname: enclosingFunction, kind: "function" }).some((other) => {
      const statement = other.statementText.replace(/\s+/g, "");
      return /^(?:super\((?:\w+,cls)?\)|object)\.__new__$/.test(other.calleeText.replace(/\s+/g, "")) && statement.startsWith(`${onInstance[1]}=`);
    });
    return made ? this.methodOf({ path, qualname: clsName, kind: "class" }, onInstance[2], 0) : void 0;
  }
  /**
   * `f.register(...)` where `f` is a function of this module under a bare decorator `@d`: `f` is what
   * `d` returned, and `d` hands out its own inner functions as attributes of that value, as
   * `functools.singledispatch` does (`wrapper.register = register`). The call runs the function of
   * that name defined inside `d`. Only the outermost decorator's value is `f`.
   */
  decoratorAttribute(path, callee, depth = 0) {
    if (depth > MAX_CALL_DEPTH) return void 0;
    const dot = callee.lastIndexOf(".");
    if (dot < 0) return void 0;
    const decorated = callee.slice(0, dot);
    const attribute = callee.slice(dot + 1);
    const summary = this.summaries.get(path);
    if (summaryLookup(summary).functionLine(decorated) === void 0) return void 0;
    const outermost = [...summaryLookup(summary).decoratorsOf(decorated)].sort((a, b) => a.span.line - b.span.line || a.span.column - b.span.column)[0];
    if (!outermost?.bareDecorator) return void 0;
    const decorator = outermost.calleeIsLocal && outermost.callee ? this.refIn(path, outermost.callee) ?? this.decoratorAttribute(path, outermost.callee, depth + 1) : this.resolveCallee(path, outermost);
    if (decorator?.kind !== "function") return void 0;
    const inner = this.refIn(decorator.path, `${decorator.qualname}.${attribute}`);
    return inner?.kind === "function" ? inner : void 0;
  }
  /**
   * `def warn(...): ...` then `from _warnings import warn` in the same module: the accelerator, a
   * compiled module outside the tree, named with a leading underscore as PEP 399 has it, replaces
   * the pure-Python function, which PEP 399 requires to behave the same. What the function runs is
   * then read from the `def`.
   */
  pureStandIn(path, call) {
    const name = call.calleeText;
    if (!/^\w+$/.test(name)) return void 0;
    const own = this.refIn(path, name);
    if (own?.kind !== "function") return void 0;
    const importer = this.index.byPath.get(path);
    const summary = this.summaries.get(path);
    const binding = summary ? summaryLookup(summary).fromImportBinding(name) : void 0;
    if (!importer || !binding) return void 0;
    const absolute = absolutise(importer, ".".repeat(binding.level) + binding.module);
    const accelerator = absolute !== void 0 && absolute.split(".").pop().startsWith("_");
    return accelerator && !this.index.lookup(absolute, importer) ? own : void 0;
  }
  /** `pkg.db.make_engine` or `..db.make_engine` (relative to `path`) → the definition, following re-exports. */
  resolveQualified(path, qualified, hops) {
    if (hops > MAX_CALL_DEPTH) return void 0;
    const importer = this.index.byPath.get(path);
    if (!importer) return void 0;
    const absolute = absolutise(importer, qualified);
    if (!absolute) return void 0;
    const parts = absolute.split(".");
    for (let i = parts.length - 1; i >= 1; i--) {
      const module = this.index.lookup(parts.slice(0, i).join("."), importer);
      if (!module) continue;
      const rest = parts.slice(i).join(".");
      const direct = this.refIn(module.path, rest);
      const first = parts[i];
      const moduleSummary = this.summaries.get(module.path);
      const binding = moduleSummary ? summaryLookup(moduleSummary).fromImportBinding(first) : void 0;
      const definedAt = direct && summaryLookup(this.summaries.get(module.path)).functionLine(first);
      if (direct && !(binding && definedAt !== void 0 && binding.span.line > definedAt)) return direct;
      if (binding) {
        const name = binding.names.find((n) => (n.alias ?? n.name) === first).name;
        const base = ".".repeat(binding.level) + binding.module;
        const target = base === "" || base.endsWith(".") ? `${base}${name}` : `${base}.${name}`;
        const remainder = parts.slice(i + 1);
        return this.resolveQualified(module.path, remainder.length ? `${target}.${remainder.join(".")}` : target, hops + 1) ?? direct;
      }
      return direct;
    }
    return void 0;
  }
  refIn(path, qualname, depth = 0) {
    const summary = this.summaries.get(path);
    if (!summary) return void 0;
    const lookup = summaryLookup(summary);
    if (lookup.functionLine(qualname) !== void 0) return { path, qualname, kind: "function" };
    if (lookup.classNamed(qualname)) return { path, qualname, kind: "class" };
    const bound = depth < MAX_CALL_DEPTH ? summary.boundMethods?.find((b) => b.name === qualname) : void 0;
    const creator = bound ? callById(summary, bound.callId) : void 0;
    if (bound && creator?.callee) {
      const cls = creator.calleeIsLocal ? this.refIn(path, creator.callee, depth + 1) : this.resolveQualified(path, creator.callee, depth + 1);
      if (cls?.kind === "class") return this.methodOf(cls, bound.method, 0);
    }
    return void 0;
  }
  /** A class as `path` names it (`Base`, `pkg.models.Base`, `.base.Base`): its definition, if a project class. */
  classNamed(path, name) {
    return this.refIn(path, name) ?? this.resolveQualified(path, name, 0);
  }
  initOf(cls, depth) {
    return this.methodOf(cls, "__init__", depth);
  }
  /** A method of a project class, looked up in the class and then its project bases. */
  methodOf(cls, method, depth) {
    if (depth > MAX_CALL_DEPTH) return void 0;
    const own = this.refIn(cls.path, `${cls.qualname}.${method}`);
    if (own?.kind === "function") return own;
    const clsSummary = this.summaries.get(cls.path);
    const record = clsSummary ? summaryLookup(clsSummary).classNamed(cls.qualname) : void 0;
    for (const base of record?.bases ?? []) {
      const baseRef = this.classNamed(cls.path, base);
      if (baseRef?.kind === "class") {
        const inherited = this.methodOf(baseRef, method, depth + 1);
        if (inherited) return inherited;
      }
    }
    return void 0;
  }
};
var MAX_BASE_DEPTH = 8;
var MAX_EXTERNAL_BASE_DEPTH = 64;
var DJANGO_APP_CONFIG = /* @__PURE__ */ new Set(["django.apps.AppConfig", "django.apps.config.AppConfig"]);
function classStatementCall(cls) {
  return {
    id: -1,
    calleeText: cls.name,
    text: cls.header,
    args: [],
    scope: cls.scope,
    placement: { kind: "statement" },
    span: cls.span,
    statementText: cls.header
  };
}
function absolutise(importer, qualified) {
  const dots = /^\.*/.exec(qualified)[0].length;
  if (dots === 0) return qualified;
  const packageParts = importer.isPackage ? importer.name.split(".") : importer.name.split(".").slice(0, -1);
  const keep = packageParts.length - (dots - 1);
  if (keep <= 0) return void 0;
  const rest = qualified.slice(dots);
  return [...packageParts.slice(0, keep), ...rest ? [rest] : []].join(".");
}

// src/graph/edges.ts
var MODULE_SCOPE = Object.freeze({ kind: "module" });
var StatementEdge = class {
  constructor(from, to, reason, record) {
    this.from = from;
    this.to = to;
    this.reason = reason;
    this.record = record;
  }
  from;
  to;
  reason;
  record;
  get kind() {
    return "import";
  }
  get scope() {
    return this.record.scope;
  }
  get line() {
    return this.record.span.line;
  }
  get column() {
    return this.record.span.column;
  }
  get text() {
    return importText(this.record);
  }
};
function edgeThroughCalls(reached, to, reason) {
  const { record } = reached;
  const via = reached.steps.map((step) => ({
    path: step.path,
    line: step.call.span.line,
    column: step.call.span.column,
    text: step.call.text,
    target: step.target.qualname
  }));
  return {
    from: reached.from,
    to,
    kind: "import",
    reason,
    scope: MODULE_SCOPE,
    line: record.span.line,
    column: record.span.column,
    text: importText(record),
    ...via.length ? { via, at: reached.at } : {}
  };
}

// src/graph/edgeMaps.ts
var EdgeListMap = class {
  *values() {
    for (const key of this.keys()) yield this.get(key);
  }
  *entries() {
    for (const key of this.keys()) yield [key, this.get(key)];
  }
  [Symbol.iterator]() {
    return this.entries();
  }
  forEach(callback) {
    for (const [key, edges] of this.entries()) callback(edges, key, this);
  }
};
var ImportTimeEdges = class _ImportTimeEdges extends EdgeListMap {
  constructor(store, keep) {
    super();
    this.store = store;
    this.keep = keep;
  }
  store;
  keep;
  /** The same edges, but only those `keep` keeps. */
  filtered(keep) {
    const before = this.keep;
    return new _ImportTimeEdges(this.store, before ? (edge) => before(edge) && keep(edge) : keep);
  }
  get size() {
    return this.store.keys.size;
  }
  has(from) {
    return this.store.keys.has(from);
  }
  get(from) {
    if (!this.store.keys.has(from)) return void 0;
    const { enclosing, later, resolved, withoutStatements } = this.store;
    const edges = [];
    const parent = enclosing.get(from);
    if (parent) edges.push(parent);
    if (!withoutStatements.has(from)) statementEdges(from, resolved.get(from) ?? [], edges);
    for (const edge of later.get(from) ?? []) edges.push(edge);
    edges.sort(compareEdges);
    return this.keep ? edges.filter(this.keep) : edges;
  }
  *keys() {
    yield* this.store.keys;
  }
  /**
   * Calls `visit` with the module each of `from`'s edges runs (a module as often as an edge runs
   * it), in no particular order, without making the edges; false, having called nothing, when this
   * map filters its edges (read them with `get`). What `ImportedBy` needs of every module.
   */
  eachTarget(from, visit) {
    if (this.keep) return false;
    if (!this.store.keys.has(from)) return true;
    const { enclosing, later, resolved, withoutStatements } = this.store;
    const parent = enclosing.get(from);
    if (parent) visit(parent.to);
    if (!withoutStatements.has(from)) {
      for (const resolvedImport of resolved.get(from) ?? []) {
        if (!runsAtImport(resolvedImport)) continue;
        for (const executed2 of resolvedImport.executes) if (executed2.module.path !== from) visit(executed2.module.path);
      }
    }
    for (const edge of later.get(from) ?? []) visit(edge.to);
    return true;
  }
};
function statementEdges(from, imports, into) {
  for (const resolvedImport of imports) {
    if (!runsAtImport(resolvedImport)) continue;
    for (const executed2 of resolvedImport.executes) {
      if (executed2.module.path !== from) into.push(new StatementEdge(from, executed2.module.path, executed2.reason, resolvedImport.record));
    }
  }
}
function hasStatementEdges(from, imports) {
  return imports.some((resolvedImport) => runsAtImport(resolvedImport) && resolvedImport.executes.some((executed2) => executed2.module.path !== from));
}
function runsAtImport(resolvedImport) {
  return resolvedImport.notRun === void 0 && resolvedImport.record.scope.kind === "module";
}
var ImportedBy = class extends EdgeListMap {
  constructor(edges) {
    super();
    this.edges = edges;
    for (const from of edges.keys()) {
      const add = (to) => {
        const importers = this.importing.get(to);
        if (!importers) this.importing.set(to, [from]);
        else if (importers[importers.length - 1] !== from) importers.push(from);
      };
      if (!edges.eachTarget(from, add)) for (const edge of edges.get(from) ?? []) add(edge.to);
    }
    for (const [to, importers] of this.importing) if (importers.length > 1) this.importing.set(to, importers.slice());
  }
  edges;
  importing = /* @__PURE__ */ new Map();
  /** The modules with an import-time edge to `to`, each once, in the order of `get(to)`. */
  importers(to) {
    return this.importing.get(to) ?? [];
  }
  get size() {
    return this.importing.size;
  }
  has(to) {
    return this.importing.has(to);
  }
  get(to) {
    const importers = this.importing.get(to);
    if (!importers) return void 0;
    const edges = [];
    for (const from of importers) for (const edge of this.edges.get(from) ?? []) if (edge.to === to) edges.push(edge);
    return edges;
  }
  *keys() {
    yield* this.importing.keys();
  }
};
function compareEdges(a, b) {
  if (a.kind !== b.kind) return a.kind === "import" ? -1 : 1;
  if (!a.via !== !b.via) return a.via ? 1 : -1;
  return (a.line ?? 0) - (b.line ?? 0) || (a.to < b.to ? -1 : a.to > b.to ? 1 : 0);
}

// src/graph/registries.ts
var MAX_ROUNDS = 8;
var MAX_REGISTRY_EDGES = 1e5;
var MAX_REGISTRY_STEPS = 5e7;
function registryEdges(index, calls, pending, importTimeEdges, onLimit) {
  if (pending.length === 0) return [];
  const registrations = registeredItems(index, calls);
  const added = [];
  const extra = /* @__PURE__ */ new Map();
  const done = pending.map(() => /* @__PURE__ */ new Set());
  const budget = { steps: 0 };
  let limited;
  for (let round = 0; round < MAX_ROUNDS && limited === void 0; round++) {
    let grew = false;
    for (let i = 0; i < pending.length && limited === void 0; i++) {
      const item = pending[i];
      const { record } = item;
      const registry = record.registryOf;
      const items = registrations.get(`${item.at}::${registry.registry}`);
      if (!items) continue;
      const reached = reach(item.from, budget, importTimeEdges, extra);
      budget.steps += items.length;
      if (budget.steps > MAX_REGISTRY_STEPS) {
        limited = `more work than importleak does for registries (${MAX_REGISTRY_STEPS.toLocaleString("en")} steps)`;
        break;
      }
      const prefix = prefixOf(item, registry.prefixParameter);
      const importer = index.byPath.get(item.from);
      const writtenIn = index.byPath.get(item.at);
      if (!importer || !writtenIn) continue;
      for (const { name, module } of items) {
        if (added.length >= MAX_REGISTRY_EDGES) {
          limited = `more than ${MAX_REGISTRY_EDGES.toLocaleString("en")} import edges`;
          break;
        }
        if (!reached.has(module) || done[i].has(name) || prefix !== void 0 && !name.startsWith(prefix)) continue;
        done[i].add(name);
        for (const executed2 of resolveItem(writtenIn, record, name, index, calls.summaries).executes) {
          if (executed2.module.path === item.from) continue;
          const edge = edgeThroughCalls(item, executed2.module.path, executed2.reason);
          added.push(edge);
          const list = extra.get(edge.from) ?? [];
          list.push(edge);
          extra.set(edge.from, list);
          grew = true;
        }
      }
    }
    if (!grew) break;
  }
  if (limited !== void 0) {
    onLimit?.(
      `the imports of registry items (names registered at import time, then imported in a loop) need ${limited}; the ${added.length.toLocaleString("en")} edges found until then are kept, the rest left out, so a module reached only through them is not seen`
    );
  }
  return added;
}
function registeredItems(index, calls) {
  const adders = /* @__PURE__ */ new Map();
  for (const [path, summary] of calls.summaries) {
    for (const adder of summary.registryAdders ?? []) adders.set(`${path}::${adder.function}`, adder);
  }
  const out = /* @__PURE__ */ new Map();
  if (adders.size === 0) return out;
  for (const module of index.entries()) {
    const summary = calls.summaries.get(module.path);
    for (const call of summary ? callsOutsideFunctions(summary) : []) {
      if (call.scope.kind !== "module" || call.args.length === 0) continue;
      for (const { body } of calls.targetsOf(module.path, call)) {
        const adder = adders.get(`${body.path}::${body.qualname}`);
        if (!adder) continue;
        const key = `${body.path}::${adder.registry}`;
        const list = out.get(key) ?? [];
        for (const name of argumentItems(call, adder)) list.push({ name, module: module.path });
        out.set(key, list);
      }
    }
  }
  return out;
}
function argumentItems(call, adder) {
  const positional = call.args.filter((a) => a.keyword === void 0);
  const strings = (values) => values.flatMap((a) => typeof a.literal === "string" ? [a.literal] : []);
  if (adder.takes === "each-argument") return strings(positional.slice(adder.parameter));
  const argument = positional[adder.parameter];
  if (!argument) return [];
  if (adder.takes === "argument") return strings([argument]);
  const literal = parsePythonLiteral(argument.text);
  return literal.kind === "list" || literal.kind === "tuple" ? stringsOf(literal) ?? [] : [];
}
function prefixOf(item, parameter) {
  if (!parameter) return void 0;
  const last = item.steps[item.steps.length - 1];
  if (!last || last.target.kind !== "function") return void 0;
  const argument = last.call.args.find((a) => a.keyword === parameter.name) ?? last.call.args.filter((a) => a.keyword === void 0)[parameter.index];
  return typeof argument?.literal === "string" ? argument.literal : void 0;
}
function reach(start, budget, ...edgeMaps) {
  const seen = /* @__PURE__ */ new Set([start]);
  const queue = [start];
  for (let head = 0; head < queue.length && budget.steps <= MAX_REGISTRY_STEPS; head++) {
    for (const edges of edgeMaps) {
      const out = edges.get(queue[head]) ?? [];
      budget.steps += out.length;
      for (const edge of out) {
        if (seen.has(edge.to)) continue;
        seen.add(edge.to);
        queue.push(edge.to);
      }
    }
  }
  return seen;
}

// src/graph/importGraph.ts
function buildImportGraph(index, resolved, calls, onError) {
  const enclosing = /* @__PURE__ */ new Map();
  const later = /* @__PURE__ */ new Map();
  const keys = /* @__PURE__ */ new Set();
  const withoutStatements = /* @__PURE__ */ new Set();
  const store = { resolved, enclosing, later, keys, withoutStatements };
  const importTimeEdges = new ImportTimeEdges(store);
  const lazyEdges = [];
  const registryImports = [];
  const limits = [];
  const push = (edge) => {
    keys.add(edge.from);
    const list = later.get(edge.from);
    if (list) list.push(edge);
    else later.set(edge.from, [edge]);
  };
  for (const module of index.entries()) {
    try {
      moduleEdges(module);
    } catch (error) {
      if (!onError) throw error;
      onError(module.path, error);
    }
  }
  function moduleEdges(module) {
    withoutStatements.add(module.path);
    const parts = module.name.split(".");
    for (let i = parts.length - 1; i >= 1; i--) {
      const parent = index.lookup(parts.slice(0, i).join("."), module);
      if (parent && parent.path !== module.path) {
        enclosing.set(module.path, { from: module.path, to: parent.path, kind: "enclosing-package", scope: MODULE_SCOPE });
        keys.add(module.path);
        break;
      }
    }
    const imports = resolved.get(module.path) ?? [];
    if (hasStatementEdges(module.path, imports)) keys.add(module.path);
    withoutStatements.delete(module.path);
    for (const resolvedImport of imports) {
      const { record } = resolvedImport;
      if (resolvedImport.notRun !== void 0) continue;
      if (record.registryOf && record.scope.kind === "module") registryImports.push({ from: module.path, at: module.path, record, steps: [] });
      if (record.scope.kind !== "function" && record.scope.kind !== "lazy-import") continue;
      for (const executed2 of resolvedImport.executes) {
        if (executed2.module.path !== module.path) lazyEdges.push(new StatementEdge(module.path, executed2.module.path, executed2.reason, record));
      }
    }
    for (const run of calls?.functionsRunAtImport(module.path, void 0, MAX_IMPORT_CALL_DEPTH) ?? []) {
      const { body } = run;
      for (const resolvedImport of resolved.get(body.path) ?? []) {
        const { record } = resolvedImport;
        if (record.scope.kind !== "function" || record.scope.function !== body.qualname || resolvedImport.notRun !== void 0) continue;
        const reached = { from: module.path, at: body.path, record, steps: run.steps };
        if (record.registryOf) registryImports.push(reached);
        for (const executed2 of resolvedImport.executes) {
          if (executed2.module.path !== module.path) push(edgeThroughCalls(reached, executed2.module.path, executed2.reason));
        }
      }
    }
  }
  if (calls) {
    try {
      for (const edge of registryEdges(index, calls, registryImports, importTimeEdges, (message) => limits.push(message))) push(edge);
    } catch (error) {
      if (!onError) throw error;
      onError(".", error);
    }
  }
  return { importTimeEdges, lazyEdges, importedBy: new ImportedBy(importTimeEdges), ...limits.length ? { limits } : {} };
}
function graphKeeping(graph, keep) {
  const importTimeEdges = graph.importTimeEdges.filtered(keep);
  return { importTimeEdges, importedBy: new ImportedBy(importTimeEdges), lazyEdges: graph.lazyEdges.filter(keep) };
}
var LinkedChain = class {
  constructor(entry, before, edge) {
    this.entry = entry;
    this.before = before;
    this.edge = edge;
  }
  entry;
  before;
  edge;
  get hops() {
    const hops = [];
    for (let chain = this; chain?.edge; chain = chain.before) hops.push(chain.edge);
    return hops.reverse();
  }
};
function shortestChains(graph, sources) {
  const chains = /* @__PURE__ */ new Map();
  const queue = [];
  for (const source of sources) {
    if (chains.has(source)) continue;
    chains.set(source, new LinkedChain(source));
    queue.push(source);
  }
  for (let head = 0; head < queue.length; head++) {
    const current = queue[head];
    const chain = chains.get(current);
    for (const edge of graph.importTimeEdges.get(current) ?? []) {
      if (chains.has(edge.to)) continue;
      chains.set(edge.to, new LinkedChain(chain.entry, chain, edge));
      queue.push(edge.to);
    }
  }
  return chains;
}
function modulesReaching(graph, target) {
  const seen = /* @__PURE__ */ new Set([target]);
  const queue = [target];
  for (let head = 0; head < queue.length; head++) {
    for (const from of graph.importedBy.importers(queue[head])) {
      if (seen.has(from)) continue;
      seen.add(from);
      queue.push(from);
    }
  }
  return seen;
}

export {
  summaryLookup,
  resolveImports,
  resolveImport,
  allOf,
  anyOf,
  CallResolver,
  buildImportGraph,
  graphKeeping,
  shortestChains,
  modulesReaching
};
