import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  shortestChains,
  summaryLookup
} from "./shared-MZR5LFWB.mjs";
import {
  callsInFunction,
  callsOutsideFunctions
} from "./shared-ZYG3IDYS.mjs";
import {
  environmentDefault
} from "./shared-PMYI2HPO.mjs";

// src/check/deployment.ts
import path3 from "node:path";

// src/check/scriptServers.ts
import path from "node:path";

// src/deploy/processModel.ts
function processModelOf(process) {
  switch (process.server) {
    case "gunicorn": {
      const preload = valueOf(process.preload);
      if (preload === void 0 && process.preload) return void 0;
      return preload ? "imported-then-forked" : "imported-in-each-worker";
    }
    case "uvicorn": {
      const reload = valueOf(process.reload);
      const workers = valueOf(process.workers);
      if (reload === true || workers !== void 0 && workers > 1) return "imported-in-each-worker";
      if (process.workers && workers === void 0 || process.reload && reload === void 0) return void 0;
      return "single-process";
    }
    case "hypercorn":
    case "granian":
      return "imported-in-each-worker";
    case "uwsgi":
      return uwsgiModel(process);
    case "celery": {
      if (process.celery?.subcommand !== "worker") return "single-process";
      if (!process.celery.pool) return "imported-then-forked";
      const pool = valueOf(process.celery.pool);
      if (pool === "prefork" || pool === "processes") return "imported-then-forked";
      if (pool === "solo" || pool === "threads" || pool === "gevent" || pool === "eventlet") return "single-process";
      return void 0;
    }
    case "dramatiq":
      return "imported-in-each-worker";
    case "huey": {
      if (!process.workerClass) return "single-process";
      const type = valueOf(process.workerClass);
      if (type === void 0) return void 0;
      return type === "process" ? "imported-then-forked" : "single-process";
    }
    case "rq": {
      if (!process.workerClass) return "imported-then-forked";
      const cls = valueOf(process.workerClass);
      if (cls === "rq.Worker" || cls === "rq.worker.Worker") return "imported-then-forked";
      if (cls === "rq.SimpleWorker" || cls === "rq.worker.SimpleWorker") return "single-process";
      return void 0;
    }
    case "daphne":
    case "waitress":
    case "flask":
    case "python":
      return "single-process";
  }
}
function uwsgiModel(process) {
  const workers = process.workers ? valueOf(process.workers) : 1;
  const master = process.master ? process.master.conditional ? void 0 : valueOf(process.master) : false;
  const preload = process.preload ? process.preload.conditional ? void 0 : valueOf(process.preload) : true;
  if (master === void 0 || preload === void 0) return void 0;
  if (!master && workers === void 0) return void 0;
  if (!master && workers <= 1) return "single-process";
  return preload ? "imported-then-forked" : "imported-in-each-worker";
}
function valueOf(setting) {
  return setting && "value" in setting ? setting.value : void 0;
}

// src/check/scriptServers.ts
var UVICORN_RUN = /* @__PURE__ */ new Set(["uvicorn.run", "uvicorn.main.run"]);
function serverStartedByScript(process, script, summary, entryFunction) {
  const call = uvicornRunCall(summary, entryFunction);
  if (!call) return void 0;
  const argument = (keyword) => call.args.find((a) => a.keyword === keyword);
  const app = call.args.find((a) => a.keyword === void 0) ?? argument("app");
  if (!app) return void 0;
  const at = { file: script, line: call.line };
  const workers = intArgument(argument("workers"), at);
  const reload = boolArgument(argument("reload"), at);
  const factory = argument("factory")?.literal === true;
  const started = {
    file: script,
    line: call.line,
    source: process.source,
    ...process.name !== void 0 ? { name: process.name } : {},
    server: "uvicorn",
    call: bounded(call.text)
  };
  if (typeof app.literal === "string") {
    const [module, attribute, ...rest] = app.literal.split(":");
    if (!module || !attribute || rest.length) return void 0;
    started.appSpec = { file: script, line: call.line, written: app.literal, module, attribute, ...factory ? { factory: true } : {} };
    if (workers) started.workers = workers;
    if (reload) started.reload = reload;
    const appDir = argument("app_dir")?.literal;
    const folder = path.posix.dirname(script) === "." ? "" : path.posix.dirname(script);
    started.importRoots = [...typeof appDir === "string" ? [path.posix.normalize(path.posix.join(folder, appDir)).replace(/^\.$/, "")] : [], folder];
  } else {
    const refused = workers && !("value" in workers && workers.value <= 1) || reload && !("value" in reload && reload.value === false);
    if (refused) return void 0;
  }
  const model = processModelOf(started);
  if (model) started.processModel = model;
  return started;
}
function uvicornRunCall(summary, entryFunction) {
  const isRun = (c) => c.callee !== void 0 && !c.calleeIsLocal && UVICORN_RUN.has(c.callee);
  const inFunction = (name) => {
    const inner = name.includes(".") ? void 0 : callsInFunction(summary, name).find((c) => c.scope.kind === "function" && isRun(c));
    return inner && { text: inner.text, line: inner.span.line, args: inner.args };
  };
  const body = callsOutsideFunctions(summary).filter((c) => c.scope.kind === "module");
  const asCall = (c) => ({ callee: c.callee, calleeIsLocal: c.calleeIsLocal, text: c.text, line: c.span.line, args: c.args });
  const entry = entryFunction !== void 0 && !entryFunction.includes(".") ? callsInFunction(summary, entryFunction).filter((c) => c.scope.kind === "function").map(asCall) : [];
  const main = entryFunction !== void 0 ? entry : summary.mainCalls ?? [];
  for (const call of [...body.map(asCall), ...main]) {
    if (isRun(call)) return call;
    const inner = call.calleeIsLocal && call.callee ? inFunction(call.callee) : void 0;
    if (inner) return inner;
  }
  return void 0;
}
function intArgument(argument, at) {
  if (!argument || argument.literal === null) return void 0;
  const where2 = { ...at, origin: "command-line", via: "uvicorn.run(workers=)" };
  if (typeof argument.literal === "number" && Number.isInteger(argument.literal)) return { ...where2, value: Math.max(1, argument.literal) };
  if (argument.constant !== void 0 && Number.isInteger(argument.constant)) return { ...where2, value: Math.max(1, argument.constant) };
  return { ...where2, expression: argument.text };
}
function boolArgument(argument, at) {
  if (!argument) return void 0;
  const where2 = { ...at, origin: "command-line", via: "uvicorn.run(reload=)" };
  if (typeof argument.literal === "boolean") return { ...where2, value: argument.literal };
  if (argument.literal === null) return { ...where2, value: false };
  return { ...where2, expression: argument.text };
}
function bounded(text, max = 100) {
  const line = text.replace(/\s+/g, " ").replace(/\(\s+/g, "(").replace(/,?\s+\)/g, ")").trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}\u2026` : line;
}

// src/resolve/scriptRoots.ts
import path2 from "node:path";
function scriptRoots(summaries) {
  const roots = [];
  for (const [file, summary] of summaries) {
    if (path2.posix.basename(file) !== "manage.py") continue;
    const folder = path2.posix.dirname(file);
    if (folder === "." || !summaries.has(`${folder}/__init__.py`) || !importsDjango(summary)) continue;
    roots.push(folder);
  }
  return roots.sort();
}
function importsDjango(summary) {
  return summary.imports.some((record) => record.level === 0 && (record.module === "django" || record.module.startsWith("django.")));
}

// src/check/deployment.ts
var WORKER_FRAMEWORKS = /* @__PURE__ */ new Set(["Celery", "Dramatiq"]);
var WEB_SERVERS = /* @__PURE__ */ new Set(["gunicorn", "uvicorn", "hypercorn", "daphne", "waitress", "flask", "python", "uwsgi", "granian"]);
var SERVER_NAMES = {
  gunicorn: "gunicorn",
  uvicorn: "uvicorn",
  hypercorn: "Hypercorn",
  daphne: "Daphne",
  celery: "Celery",
  waitress: "Waitress",
  flask: "flask run",
  python: "python",
  dramatiq: "Dramatiq",
  huey: "Huey",
  rq: "RQ",
  uwsgi: "uWSGI",
  granian: "Granian"
};
function deploymentEntries(deployment, index, summaries) {
  const entries = [];
  const served = [];
  const evidence = /* @__PURE__ */ new Map();
  const problems = /* @__PURE__ */ new Map();
  for (const process of deployment.processes) markNotDjango(process, index, summaries);
  for (const process of deployment.processes) {
    const role = processRole(process);
    if (role === "command") continue;
    const spec = process.appSpec;
    const modules = spec ? appModules(process, index) : [];
    const started = process.server === "python" && modules.length === 1 ? startedServer(process, modules[0].path, summaries) : void 0;
    if (process.server === "python" && process.source === "shell-script" && !started && role !== "worker-command" && !(role === "script" && process.staysUp)) continue;
    const appPaths = [];
    const appEntries = [];
    if (spec) {
      if (started?.appSpec) {
        const apps = appModules(started, index);
        if (apps.length === 0) {
          const unresolved2 = unresolvedSpec(started);
          if (unresolved2) problems.set(`${unresolved2.file}\0${unresolved2.line}\0${started.appSpec.written}`, unresolved2);
        }
        for (const module of apps) {
          if (appPaths.includes(module.path) || modules.includes(module)) continue;
          appPaths.push(module.path);
          appEntries.push({
            path: module.path,
            framework: "uvicorn",
            kind: "app",
            description: `uvicorn app \`${started.appSpec.written}\` (${started.file}:${started.line}, run by ${process.file}:${process.line})`,
            evidence: cached(evidence, `${module.path}\0${started.appSpec.attribute ?? ""}`, () => attributeEvidence(summaries.get(module.path), started.appSpec.attribute, module.name)),
            routes: 0,
            registeredBy: { path: started.file, line: started.line, column: 1, text: started.call }
          });
        }
      }
      const unresolved = modules.length === 0 ? unresolvedSpec(process) : void 0;
      if (unresolved && !problems.has(`${unresolved.file}\0${unresolved.line}\0${spec.written}`)) problems.set(`${unresolved.file}\0${unresolved.line}\0${spec.written}`, unresolved);
      for (const module of modules) {
        appPaths.push(module.path);
        const attribute = spec.alsoImports?.includes(module.name) ? void 0 : spec.attribute;
        const server = SERVER_NAMES[process.server];
        const what = process.server === "celery" ? `Celery ${process.celery?.subcommand ?? "worker"} app` : TASK_WORKERS[process.server] ?? `${server} app`;
        appEntries.push({
          path: module.path,
          // The command's name: `celery` here is the worker a Procfile starts, `Celery` the framework's own entries.
          framework: process.server,
          kind: "app",
          description: `${what} \`${[spec.written, ...spec.alsoImports ?? []].join(" ")}\` (${consoleScriptNote(spec, "; ")}${process.file}:${process.line})`,
          evidence: cached(evidence, `${module.path}\0${attribute ?? ""}`, () => attributeEvidence(summaries.get(module.path), attribute, module.name)),
          routes: 0,
          registeredBy: { path: spec.file, line: spec.line, column: 1, text: oneLine(process.command ?? spec.written) }
        });
      }
    }
    if (role === "worker-command") {
      for (const command of commandModules(process, index)) if (!appPaths.includes(command)) appPaths.push(command);
    }
    for (const entry of appEntries) entries.push(entry);
    const mainRuns = started || role !== "script" || modules.length !== 1 ? [] : spec?.asMain ? functionsMainCalls(modules[0].path, summaries, index) : (
      // A console script calls its function once its module is imported.
      spec?.consoleScript && spec.attribute ? [{ path: modules[0].path, function: spec.attribute }] : []
    );
    served.push({ process, appPaths, appEntries, ...mainRuns.length ? { mainRuns } : {} });
  }
  return { deployment, problems: [...problems.values()], entries, served, imports: /* @__PURE__ */ new Map() };
}
function functionsMainCalls(script, summaries, index) {
  const runs = [];
  for (const call of summaries.get(script)?.mainCalls ?? []) {
    const dot = call.callee.lastIndexOf(".");
    const run = call.calleeIsLocal ? { path: script, function: call.callee.slice(dot + 1) } : dot > 0 ? { path: index.lookup(call.callee.slice(0, dot))?.path, function: call.callee.slice(dot + 1) } : void 0;
    if (run?.path !== void 0 && !runs.some((r) => r.path === run.path && r.function === run.function)) runs.push({ path: run.path, function: run.function });
  }
  return runs;
}
var mainRunImportsOf = /* @__PURE__ */ new WeakMap();
function mainRunImports(served, graph) {
  if (!served.mainRuns) return [];
  const wanted = new Set(served.mainRuns.map((r) => `${r.path}\0${r.function}`));
  return cachedFor(mainRunImportsOf, graph, [...wanted].join("\n"), () => {
    const found = /* @__PURE__ */ new Set();
    for (const edge of graph.lazyEdges) if (edge.scope.kind === "function" && wanted.has(`${edge.from}\0${edge.scope.function}`)) found.add(edge.to);
    return [...found];
  });
}
function withMainRunChains(chains, graph, context) {
  const runs = (context?.served ?? []).filter((s) => s.mainRuns?.length && s.appEntries.length);
  if (runs.length === 0) return chains;
  const found = /* @__PURE__ */ new Map();
  for (const served of runs) {
    const wanted = new Set(served.mainRuns.map((r) => `${r.path}\0${r.function}`));
    const from = new Set(served.appEntries.map((e) => e.path));
    for (const edge of graph.lazyEdges) {
      if (edge.scope.kind !== "function" || !from.has(edge.from) || !wanted.has(`${edge.from}\0${edge.scope.function}`)) continue;
      for (const [module, rest] of shortestChains(graph, [edge.to])) {
        if (chains.has(module)) continue;
        const hops = [edge, ...rest.hops];
        const known = found.get(module);
        if (!known || known.hops.length > hops.length) found.set(module, { entry: edge.from, hops });
      }
    }
  }
  if (found.size === 0) return chains;
  const merged = new Map(chains);
  for (const [module, chain] of found) merged.set(module, chain);
  return merged;
}
function startedServer(process, script, summaries) {
  const spec = process.appSpec;
  if (processRole(process) !== "script" || !(spec?.asMain || spec?.consoleScript && spec.attribute)) return void 0;
  const summary = summaries.get(script);
  const started = summary ? serverStartedByScript(process, script, summary, spec.asMain ? void 0 : spec.attribute) : void 0;
  if (!started) return void 0;
  process.starts = started;
  if (started.processModel) process.processModel = started.processModel;
  else delete process.processModel;
  return started;
}
function appModules(process, index) {
  const spec = process.appSpec;
  const roots = process.importRoots ?? [];
  if (spec.candidates) {
    for (const candidate of spec.candidates) {
      const found = roots.map((root) => index.byPath.get(path3.posix.join(root, candidate))).find((m) => m !== void 0);
      if (found) return [found];
    }
    return [];
  }
  if (spec.script) {
    const script = spec.script.replace(/^\.\//, "");
    const workdir = process.workingDirectory?.replace(/\/+$/, "");
    const fromWorkdir = workdir && path3.posix.isAbsolute(workdir) && script.startsWith(`${workdir}/`) ? roots.map((root) => path3.posix.join(root, script.slice(workdir.length + 1))) : [];
    const parts = path3.posix.isAbsolute(script) ? script.split("/").filter(Boolean) : [];
    const tails = parts.slice(0, -1).map((_, i) => parts.slice(i + 1).join("/"));
    const byPath = [...fromWorkdir, ...roots.map((root) => path3.posix.join(root, script)), script, ...tails].map((p) => index.byPath.get(p)).find((m) => m !== void 0);
    if (byPath) return [byPath];
  }
  const attributeOf = process.server === "celery" && !spec.attribute && spec.module.includes(".") ? moduleFrom(spec.module.slice(0, spec.module.lastIndexOf(".")), roots, index) : void 0;
  const module = moduleFrom(spec.module, roots, index) ?? attributeOf;
  if (!module) return [];
  if (module === attributeOf) return [module];
  if (process.server === "celery") {
    const celeryModule = moduleFrom(`${spec.module}.celery`, roots, index);
    if (celeryModule) return [module, celeryModule];
  }
  const also = (spec.alsoImports ?? []).map((name) => moduleFrom(name, roots, index)).filter((m) => m !== void 0 && m !== module);
  return [module, ...also];
}
function markNotDjango(process, index, summaries) {
  const spec = process.appSpec;
  if (process.server !== "python" || !spec?.script || !/(^|\/)manage\.py$/.test(spec.script)) return;
  const [module] = appModules(process, index);
  const summary = module && summaries.get(module.path);
  if (!summary || importsDjango(summary)) return;
  for (const record of summary.imports) {
    if (record.level !== 0 || !record.module) continue;
    const imported = index.lookup(record.module);
    const names = record.kind === "from" ? record.names.map(({ name }) => index.lookup(`${record.module}.${name}`)) : [];
    for (const other of [imported, ...names]) {
      const otherSummary = other && summaries.get(other.path);
      if (otherSummary && importsDjango(otherSummary)) return;
    }
  }
  spec.notDjango = true;
}
var commandModulesOf = /* @__PURE__ */ new WeakMap();
function commandModules(process, index) {
  const name = djangoSubcommand(process);
  if (name === void 0) return [];
  let byName = commandModulesOf.get(index);
  if (!byName) {
    byName = /* @__PURE__ */ new Map();
    for (const file of index.byPath.keys()) {
      const command = /(?:^|\/)management\/commands\/([^/]+)\.py$/.exec(file)?.[1];
      if (command !== void 0 && command !== "__init__") byName.set(command, [...byName.get(command) ?? [], file]);
    }
    commandModulesOf.set(index, byName);
  }
  return byName.get(name) ?? [];
}
function djangoSubcommand(process) {
  return process.appSpec?.arguments?.find((a) => !a.startsWith("-"));
}
function moduleFrom(name, roots, index) {
  const file = name.replace(/\./g, "/");
  for (const root of roots) {
    const found = index.byPath.get(path3.posix.join(root, file, "__init__.py")) ?? index.byPath.get(path3.posix.join(root, `${file}.py`));
    if (found) return found;
  }
  return index.lookup(name);
}
function unresolvedSpec(process) {
  const spec = process.appSpec;
  if (spec.asMain && !spec.script) return void 0;
  const roots = (process.importRoots ?? []).map((r) => r === "" ? "the project root" : `${r}/`);
  const looked = roots.length ? ` (looked in ${joinAnd(roots)}, then the project's source roots)` : "";
  const what = spec.candidates ? `none of ${spec.candidates.map((c) => `\`${c}\``).join(", ")}` : spec.script ? `no script \`${spec.script}\`` : `no module \`${spec.module}\``;
  const declared = spec.consoleScript ? ` (${consoleScriptNote(spec, "")})` : "";
  return {
    file: spec.file,
    line: spec.line,
    message: `${SERVER_NAMES[process.server]} app \`${oneLine(spec.written, 80)}\`${declared}: ${what} in the files scanned${looked}; what this process imports is not counted`
  };
}
var DJANGO_DEV_SERVERS = /* @__PURE__ */ new Set(["runserver", "runserver_plus", "runsslserver", "testserver"]);
var DJANGO_WORKER_COMMANDS = /* @__PURE__ */ new Set(["rqworker", "rqworker-pool", "rqscheduler", "runworker", "qcluster", "process_tasks", "run_huey", "rundramatiq"]);
function processRole(process) {
  if (process.starts) return "server";
  if (process.server === "celery") {
    const subcommand = process.celery?.subcommand ?? "worker";
    return subcommand === "worker" ? "server" : "scheduler";
  }
  if (process.server === "flask") return (process.flaskCommand ?? "run") === "run" ? "server" : "command";
  if (process.server !== "python") return "server";
  const spec = process.appSpec;
  if (!spec) return "script";
  const managePy = spec.script !== void 0 && /(^|\/)manage\.py$/.test(spec.script) && !spec.notDjango;
  const djangoModule = spec.script === void 0 && (spec.module === "django" || spec.module === "django-admin");
  if (managePy || djangoModule) {
    const subcommand = djangoSubcommand(process);
    if (subcommand !== void 0 && DJANGO_DEV_SERVERS.has(subcommand)) return "dev-server";
    if (subcommand !== void 0 && (DJANGO_WORKER_COMMANDS.has(subcommand) || process.daemon)) return "worker-command";
    return "command";
  }
  return "script";
}
function oneLine(command, max = MAX_COMMAND) {
  const line = command.replace(/\\\r?\n/g, " ").replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}\u2026` : line;
}
var MAX_COMMAND = 120;
function consoleScriptNote(spec, end) {
  const script = spec.consoleScript;
  return script ? `console script \`${oneLine(script.reference, 80)}\`, ${script.file}:${script.line}${end}` : "";
}
function attributeEvidence(summary, attribute, moduleName) {
  const name = attribute?.split(".")[0]?.replace(/\(.*$/, "");
  const call = name && summary ? summaryLookup(summary).moduleCallBoundTo(name) : void 0;
  if (call) return { line: call.span.line, column: call.span.column, text: call.statementText };
  return { line: 1, column: 1, text: moduleName };
}
var DEPLOYMENT_FRAMEWORKS = new Set(Object.keys(SERVER_NAMES));
function importsOf(served, graph, entries, allServed) {
  const closure = (paths) => {
    const unique = [...new Set(paths)];
    return cachedFor(closuresOf, graph, unique.join("\0"), () => new Set(unique.length ? shortestChains(graph, unique).keys() : []));
  };
  const celery = served.process.server === "celery";
  const groups = entryGroups(entries);
  const role = processRole(served.process);
  const loadsEntries = role === "server" || role === "dev-server" || role === "worker-command";
  const workerCommand = role === "worker-command" ? served.process.appSpec?.arguments?.includes("--skip-checks") ? groups.djangoSetup : groups.djangoChecked : void 0;
  const framework = !loadsEntries ? [] : workerCommand ? workerCommand : celery ? groups.celery : WEB_SERVERS.has(served.process.server) ? groups.web : [];
  if (served.process.appSpec && served.appPaths.length === 0) return { all: /* @__PURE__ */ new Set(), beforeFork: /* @__PURE__ */ new Set() };
  const ofKind = othersLeftOut(framework, served, allServed, closure);
  const all = closure([...served.appPaths, ...ofKind.map((e) => e.path), ...mainRunImports(served, graph)]);
  const djangoApp = served.appPaths.some((p) => groups.djangoPaths.has(p));
  const apps = served.appPaths.length === 0 && !celery ? ofKind.filter((e) => e.kind === "app") : [];
  if (!loadsEntries) return { all, beforeFork: celery ? closure(served.appPaths) : all };
  const setup = celery ? ofKind : djangoApp ? groups.djangoApps : apps;
  const beforeFork = closure([...served.appPaths, ...setup.map((e) => e.path)]);
  return { all, beforeFork };
}
var closuresOf = /* @__PURE__ */ new WeakMap();
function othersLeftOut(framework, served, allServed, closure) {
  if (served.appPaths.length === 0 || framework.length === 0) return framework;
  const claims = claimsOf(framework, allServed, closure);
  const key = appKey(served.appPaths);
  return framework.filter((entry) => {
    const apps = claims.get(entry.path);
    return apps === void 0 || apps.has(key);
  });
}
function appKey(paths) {
  return [...new Set(paths)].join("\0");
}
var claimsByEntries = /* @__PURE__ */ new WeakMap();
function claimsOf(framework, allServed, closure) {
  let byServed = claimsByEntries.get(framework);
  if (!byServed) claimsByEntries.set(framework, byServed = /* @__PURE__ */ new WeakMap());
  let claims = byServed.get(allServed);
  if (claims) return claims;
  claims = /* @__PURE__ */ new Map();
  const apps = /* @__PURE__ */ new Map();
  for (const other of allServed) if (other.appPaths.length > 0) apps.set(appKey(other.appPaths), other.appPaths);
  for (const [key, paths] of apps) {
    const imported = closure(paths);
    for (const entry of framework) {
      if (!imported.has(entry.path)) continue;
      let claimed = claims.get(entry.path);
      if (!claimed) claims.set(entry.path, claimed = /* @__PURE__ */ new Set());
      claimed.add(key);
    }
  }
  byServed.set(allServed, claims);
  return claims;
}
var DJANGO_SERVED = /^Django (WSGI|ASGI) application/;
var entryGroupsOf = /* @__PURE__ */ new WeakMap();
function entryGroups(entries) {
  let groups = entryGroupsOf.get(entries);
  if (!groups) {
    const framework = entries.filter((e) => !DEPLOYMENT_FRAMEWORKS.has(e.framework));
    groups = {
      celery: framework.filter((e) => e.framework === "Celery"),
      web: framework.filter((e) => !WORKER_FRAMEWORKS.has(e.framework)),
      djangoPaths: new Set(entries.filter((e) => e.framework === "Django").map((e) => e.path)),
      djangoApps: entries.filter((e) => e.framework === "Django" && e.kind === "app"),
      djangoSetup: entries.filter((e) => e.framework === "Django" && e.kind === "app" && !DJANGO_SERVED.test(e.description)),
      djangoChecked: entries.filter((e) => e.framework === "Django" && !DJANGO_SERVED.test(e.description))
    };
    entryGroupsOf.set(entries, groups);
  }
  return groups;
}
var chainsOf = /* @__PURE__ */ new WeakMap();
function chainsFrom(graph, appPaths) {
  return cachedFor(chainsOf, graph, appPaths.join("\0"), () => shortestChains(graph, appPaths));
}
function cachedFor(store, graph, key, make) {
  let known = store.get(graph);
  if (!known) store.set(graph, known = /* @__PURE__ */ new Map());
  return cached(known, key, make);
}
function cached(map, key, make) {
  let value = map.get(key);
  if (value === void 0) {
    value = make();
    map.set(key, value);
  }
  return value;
}
function processesImporting(finding, context, graph, entries) {
  const result = [];
  for (const served of context.served) {
    let imports = context.imports.get(served);
    if (!imports) {
      imports = importsOf(served, graph, entries, context.served);
      context.imports.set(served, imports);
    }
    if (imports.all.has(finding.path)) result.push({ ...served, beforeFork: imports.beforeFork.has(finding.path) });
  }
  return result;
}
function settingValue(setting) {
  return setting && "value" in setting ? setting.value : void 0;
}
function where(setting) {
  return `${setting.file}:${setting.line}`;
}
function plural(n, word) {
  return `${n} ${n === 1 ? word : pluralOf(word)}`;
}
function pluralOf(word) {
  return word.endsWith("child") ? `${word}ren` : word.endsWith("s") ? `${word}es` : `${word}s`;
}
function processCount(process) {
  if (process.starts) return processCount(process.starts);
  const held = process.copies;
  const copies = settingValue(held);
  if (held && (copies !== void 0 && copies > 1 || "expression" in held)) {
    const { copies: _copies, ...one } = process;
    const each = processCount(one);
    if (processRole(one) === "command") return each;
    const count = "expression" in held ? `\`${held.expression}\`` : String(copies);
    return { ...copies !== void 0 && each.n !== void 0 ? { n: each.n * copies } : {}, text: `${count} copies (\`numprocs\`, ${where(held)}) of ${each.text}` };
  }
  const server = SERVER_NAMES[process.server];
  const model = process.processModel;
  const role = processRole(process);
  if (role === "command") return { text: process.server === "flask" ? "a Flask command, not a server" : "a management command, not a server" };
  if (role === "dev-server") return { n: 1, text: `one Django development server process (${where(process)})` };
  if (role === "worker-command") {
    if (process.daemon) {
      const { via, when } = process.daemon;
      return { n: 1, text: `one \`manage.py ${djangoSubcommand(process)}\` daemon of the uWSGI master (\`${via}\`${when ? ` under \`${when}\`` : ""}, ${where(process)})` };
    }
    return { n: 1, text: `one \`manage.py ${djangoSubcommand(process)}\` worker process (${where(process)})` };
  }
  if (role === "script" && process.source === "shell-script" && !process.staysUp) return { text: "a one-off step of the script, not a server" };
  if (role === "scheduler") return { n: 1, text: `one Celery ${process.celery?.subcommand || "beat"} process, which runs no task (${where(process)})` };
  const worker = taskWorkerCount(process);
  if (worker) return worker;
  if (process.server === "celery") {
    const concurrency = process.celery?.concurrency;
    if (model === "single-process") return { n: 1, text: `one Celery worker process (${where(process)})` };
    const value2 = settingValue(concurrency);
    if (value2 !== void 0) return { n: value2, text: `${plural(value2, "Celery worker child")} (\`${concurrency.via}\`, ${where(concurrency)})` };
    if (concurrency && "expression" in concurrency && concurrency.optionsOf) {
      return { text: heldCountText(concurrency.optionsOf, "Celery worker child", "one Celery worker child per CPU (the default concurrency)", where(concurrency)) };
    }
    if (concurrency && "expression" in concurrency) return { text: `${expressionCount(concurrency.expression, "Celery worker child")} (${where(concurrency)})` };
    return { text: `one Celery worker child per CPU (the default concurrency; ${where(process)})` };
  }
  if (process.server === "uvicorn" && process.reload && settingValue(process.reload) === true) {
    return { n: 1, text: `one uvicorn server process, restarted on code changes (\`${process.reload.via}\`, ${where(process.reload)})` };
  }
  if (model === "single-process") return { n: 1, text: `one ${server} process (${where(process)})` };
  const workers = process.workers;
  const value = settingValue(workers);
  if (value !== void 0) return { n: value, text: `${plural(value, `${server} worker`)} (${where(workers)})` };
  const env = process.server === "gunicorn" || process.server === "uvicorn" ? ", or WEB_CONCURRENCY" : "";
  if (workers && "expression" in workers && workers.optionsOf) return { text: heldCountText(workers.optionsOf, `${server} worker`, `1 ${server} worker (the default${env})`, where(workers)) };
  if (workers && "expression" in workers) return { text: `${expressionCount(workers.expression, `${server} worker`)} (${where(workers)})` };
  return { n: 1, text: `1 ${server} worker (the default${env}; ${where(process)})` };
}
var TASK_WORKERS = {
  dramatiq: "module a Dramatiq worker imports",
  huey: "Huey consumer app",
  rq: "RQ worker settings"
};
function taskWorkerCount(process) {
  if (process.server === "dramatiq") {
    const threads = settingValue(process.threads);
    const of = threads !== void 0 ? ` of ${plural(threads, "thread")}` : process.threads ? "" : " of 8 threads (the default --threads)";
    const workers = process.workers;
    const value = settingValue(workers);
    if (value !== void 0) return { n: value, text: `${plural(value, "Dramatiq worker process")}${of} (\`${workers.via}\`, ${where(workers)})` };
    if (workers && "expression" in workers) return { text: `${expressionCount(workers.expression, "Dramatiq worker process")}${of} (${where(workers)})` };
    return { text: `one Dramatiq worker process per CPU${of} (the default --processes; ${where(process)})` };
  }
  if (process.server === "huey") {
    if (process.processModel === "single-process") return { n: 1, text: `one Huey consumer process (${where(process)})` };
    const value = settingValue(process.workers);
    if (process.workers && value === void 0) return { text: `${expressionCount(process.workers.expression, "Huey worker process")} (${where(process.workers)})` };
    return { n: value ?? 1, text: `${plural(value ?? 1, "Huey worker process")} (${where(process.workers ?? process)})` };
  }
  if (process.server === "rq") {
    if (process.processModel === "single-process") return { n: 1, text: `one RQ worker process (${where(process)})` };
    return { n: 1, text: `the work horses of one RQ worker process (${where(process)}), one for each job,` };
  }
  return void 0;
}
function expressionCount(expression, word) {
  const fallback = environmentDefault(expression);
  if (fallback) return `${plural(fallback.value, word)} unless ${fallback.variable} is set`;
  return `\`${oneLine(expression, 60)}\` ${pluralOf(word)}`;
}
function heldCountText(held, word, toolDefault, at) {
  const conditions = [];
  let unset = held.unset;
  const inner = [];
  while (unset && "expression" in unset && unset.optionsOf) {
    inner.unshift(unset.optionsOf);
    unset = unset.optionsOf.unset;
  }
  let count;
  const value = settingValue(unset);
  const fallback = unset && "expression" in unset ? environmentDefault(unset.expression) : void 0;
  if (value !== void 0) count = plural(value, word);
  else if (fallback) {
    count = plural(fallback.value, word);
    conditions.push(`${fallback.variable} is set`);
  } else if (unset && "expression" in unset) count = expressionCount(unset.expression, word);
  else count = toolDefault;
  for (const each of [...inner, held]) conditions.push(each.hasDefault ? `${each.variable} is set, whose options can say another number` : `${each.variable} holds options that say another number`);
  return `${count} unless ${conditions.join(", or ")} (${at})`;
}
function withoutWhere(text) {
  return text.replace(/ \([^()]*:\d+\)/g, "");
}
function unitCounted(n, unit) {
  if (n !== 1) return unit;
  return unit.endsWith("sses") ? unit.slice(0, -2) : unit.endsWith("s") ? unit.slice(0, -1) : unit;
}
function thisOne(match) {
  return match.what.replace(/^(a|an|the)\s+/i, "this ");
}
function perInstance(match, creation) {
  const total = match.total;
  if (!total) return void 0;
  if (!total.argument) return 1;
  const spec = match.arguments.find((a) => a.name === total.argument);
  const positional = creation.args.filter((a) => a.keyword === void 0);
  const given = creation.args.find((a) => a.keyword === total.argument) ?? (spec?.position !== void 0 ? positional[spec.position] : void 0);
  return typeof given?.literal === "number" ? given.literal : given?.constant;
}
function deploymentFacts(finding, match, creation, dropped, context, graph, entries) {
  const served = processesImporting(finding, context, graph, entries);
  if (served.length === 0) return { forked: [] };
  const each = perInstance(match, creation);
  const roles = /* @__PURE__ */ new Map();
  for (const s of served) {
    const key = alternativesKey(s.process);
    const group = roles.get(key);
    if (group) group.push(s);
    else roles.set(key, [s]);
  }
  const phraseOf = (group) => {
    const counts = uniqueBy(group.map(({ process }) => processCount(process)), (c) => c.text);
    const listed = counts.slice(0, MAX_LISTED);
    const more = counts.length - listed.length;
    const forked2 = group.some(({ process, beforeFork }) => beforeFork && process.processModel === "imported-then-forked");
    const multiplies = !dropped && (!forked2 || match.afterFork === "lazy" || match.afterFork === "reconnects");
    const n = counts.every((c) => c.n === counts[0].n) ? counts[0].n : void 0;
    const total = multiplies && n !== void 0 && each !== void 0 && match.total ? `${match.total.upTo ? "up to " : ""}${n * each} ${unitCounted(n * each, match.total.unit)}` : void 0;
    const text = `${listed.map((c) => c.text).join(" or ")}${more > 0 ? ` (or ${more} more definitions of this role)` : ""}`;
    const sizes = new Set(counts.map((c) => withoutWhere(c.text)));
    return { text, same: sizes.size === 1 ? [...sizes][0] : void 0, n, total, forked: forked2 };
  };
  const phrases = [...roles.values()].map(phraseOf);
  const described = (p) => dropped ? p.forked ? `the master of ${p.text}, once, before it forks them` : p.text : `${p.text}${p.forked ? " (forked from a master that imported the app)" : ""}${p.total ? ` (${p.total})` : ""}`;
  const units = /* @__PURE__ */ new Map();
  for (const s of served) {
    const unit = unitOf(s.process, context.deployment);
    const unitRoles = units.get(unit) ?? /* @__PURE__ */ new Map();
    units.set(unit, unitRoles);
    const key = alternativesKey(s.process);
    unitRoles.set(key, [...unitRoles.get(key) ?? [], s]);
  }
  let sentence;
  let short;
  if (phrases.length === 1 && phrases[0].forked) {
    const [only] = phrases;
    const count = withoutWhere(only.text);
    if (dropped) {
      sentence = `${capitalise(only.text)} are forked from a master that made and dropped ${thisOne(match)} while it imported the app: they inherit nothing of it`;
      short = `${capitalise(count)} are forked after the master made and dropped it: they inherit nothing of it.`;
    } else if (match.afterFork === "lazy") {
      sentence = `${capitalise(only.text)} each inherit ${thisOne(match)} from the master, which imported the app before forking them, and each starts its own on first use${only.total ? `: ${only.total} in all` : ""}`;
      short = `${capitalise(count)} each inherit it from the master and start their own on first use${only.total ? `: ${only.total}` : ""}.`;
    } else if (match.afterFork === "reconnects") {
      sentence = `${capitalise(only.text)} each inherit ${thisOne(match)} from the master, which imported the app before forking them; the client sets it aside and each opens its own on first use`;
      short = `${capitalise(count)} each inherit it from the master, set it aside and open their own on first use.`;
    } else if (match.afterFork === "threads-lost") {
      sentence = `${capitalise(only.text)} are forked from a master that imported the app and started ${thisOne(match)}: a fork copies only the calling thread, so the workers inherit the object but none of its running threads (IL009)`;
      short = `${capitalise(count)} are forked after it starts: its threads do not run in them (IL009).`;
    } else {
      sentence = `${capitalise(only.text)} each inherit a copy of ${thisOne(match)} from the master, which imported the app before forking them (IL009 says what the fork does to it)`;
      short = `${capitalise(count)} each inherit a copy from the master (IL009).`;
    }
  } else if (phrases.length === 1) {
    const [only] = phrases;
    const count = only.same ?? withoutWhere(only.text);
    const creates = dropped ? "makes and drops" : "creates";
    const eachCreate = dropped ? "each make and drop" : "each create";
    const atStart = dropped ? " at start-up" : "";
    sentence = only.n === 1 ? `Deployed as ${only.text}, which ${creates} ${thisOne(match)}${atStart}${only.total ? `: ${only.total}` : ""}` : `${capitalise(only.text)} ${eachCreate} ${thisOne(match)}${atStart}${only.total ? `: ${only.total} in all` : ""}`;
    short = only.n === 1 ? `Deployed as ${count}${only.total ? `: ${only.total}` : ""}.` : `${capitalise(count)} ${eachCreate} it${atStart}${only.total ? `: ${only.total}` : ""}.`;
  } else if (units.size === 1) {
    const listed = phrases.slice(0, MAX_LISTED).map(described);
    if (phrases.length > MAX_LISTED) listed.push(`${phrases.length - MAX_LISTED} more roles`);
    sentence = dropped ? `Made and dropped at start-up by ${joinAnd(listed)}` : `Each process of the deployment has its own: ${joinAnd(listed)}`;
    short = dropped ? `Made and dropped at start-up by each of ${phrases.length} process roles of the deployment.` : `Each of ${phrases.length} process roles of the deployment has its own.`;
  } else {
    const alternatives = uniqueBy(
      [...units].map(([unit, unitRoles]) => {
        const unitPhrases = [...unitRoles.values()].map(phraseOf);
        const listed2 = unitPhrases.slice(0, MAX_LISTED).map(described);
        if (unitPhrases.length > MAX_LISTED) listed2.push(`${unitPhrases.length - MAX_LISTED} more roles`);
        return `${joinAnd(listed2)} (${unit})`;
      }),
      (text) => text
    );
    const listed = alternatives.slice(0, MAX_LISTED);
    const more = alternatives.length - listed.length;
    const alternativesText = `${listed.join("; or ")}${more > 0 ? `; or ${more} more deployment files` : ""}`;
    sentence = dropped ? `Made and dropped at start-up, in whichever of these deployments runs, by ${alternativesText}` : `Each process has its own, in whichever of these deployments runs: ${alternativesText}`;
    short = dropped ? `Made and dropped at start-up by the processes of whichever of ${units.size} deployment files runs.` : `Each process has its own, in whichever of ${units.size} deployment files runs.`;
  }
  const forked = [...roles.values()].map((group) => group.find(({ process, beforeFork }) => beforeFork && process.processModel === "imported-then-forked")).filter((s) => s !== void 0);
  return { sentence: `${sentence}.`, short, forked: dropped ? [] : forked };
}
var MAX_LISTED = 5;
var MAX_SUMMARY_PROCESSES = 20;
function roleKey(process) {
  const role = processRole(process);
  const subcommand = role === "worker-command" || role === "command" || role === "dev-server" ? djangoSubcommand(process) ?? "" : "";
  return `${process.server} ${process.celery?.subcommand ?? ""} ${role} ${process.appSpec?.module ?? ""} ${subcommand}`;
}
function alternativesKey(process) {
  return process.choice ? `if ${process.choice.file}:${process.choice.line}` : roleKey(process);
}
function unitOf(process, deployment) {
  const file = process.launchedBy?.file ?? process.file;
  if (path3.posix.basename(file) === "Dockerfile") {
    const compose = composeFiles(deployment).find((c) => path3.posix.dirname(c) === path3.posix.dirname(file));
    if (compose) return compose;
  }
  return file;
}
var composeFilesOf = /* @__PURE__ */ new WeakMap();
function composeFiles(deployment) {
  let files = composeFilesOf.get(deployment);
  if (!files) {
    files = [...new Set(deployment.processes.filter((p) => p.source === "docker-compose").map((p) => p.file))].sort();
    composeFilesOf.set(deployment, files);
  }
  return files;
}
function uniqueBy(items, key) {
  const seen = /* @__PURE__ */ new Set();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
function joinAnd(parts) {
  if (parts.length <= 1) return parts[0] ?? "";
  return `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}
function capitalise(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
var FORK_LEVEL = {
  "threads-lost": "error",
  "socket-shared": "error",
  reconnects: "note",
  "file-shared": "warning",
  lazy: "note",
  memory: "note",
  "ran-once": "note"
};
var FORK_CONSEQUENCE = {
  "threads-lost": "Its threads were started in the master, and a fork copies only the thread that calls it: in every worker the object is there but nothing drives it (jobs never run, tasks never complete)",
  "socket-shared": "Its connection was opened in the master, so every worker inherits the same socket: their requests and replies interleave on one connection and corrupt each other",
  reconnects: "Its connection was opened in the master; the client's pool notices it is in a new process and opens connections of its own there on first use, leaving the master's socket to the master, so the copies work: each worker holds connections of its own",
  "file-shared": "The open file was inherited by every worker: they share one descriptor and its offset, so their reads and writes move each other's position",
  lazy: "It holds no thread or connection yet, so the copies work: each worker starts its own threads or connections on first use. Nothing breaks; creating it in the worker keeps it that way if it ever starts work at import",
  memory: "The data is shared copy-on-write by the workers, which is what preloading is for; nothing breaks, though each worker gradually copies the pages it touches",
  "ran-once": "It ran once, in the master, before the fork; the workers do not run it again"
};
var FORK_SHORT = {
  "threads-lost": "the workers inherit the object but not its running threads, so nothing drives it",
  "socket-shared": "every worker inherits the same open connection",
  reconnects: "each worker inherits it, sets it aside and opens its own on first use",
  "file-shared": "every worker shares the open file and its offset",
  lazy: "each worker inherits an unstarted copy and starts its own on first use",
  memory: "the workers share its data copy-on-write",
  "ran-once": "it ran once, in the master; the workers do not run it again"
};
function forkerName(process) {
  if (process.server === "huey") return "the Huey consumer";
  if (process.server === "rq") return "the RQ worker";
  if (process.server === "uwsgi") return "the uWSGI master";
  return process.server === "celery" ? "the Celery worker" : "the gunicorn master";
}
function forkReason(process) {
  if (process.server === "celery") {
    const pool = process.celery?.pool;
    const how2 = pool ? `\`${pool.via} ${settingValue(pool) ?? ""}\`, ${where(pool)}`.replace(" `,", "`,") : `the default prefork pool, ${where(process)}`;
    return `the Celery worker imports the app and its task modules, then forks its pool children (${how2})`;
  }
  if (process.server === "huey") return `the Huey consumer imports the app, then forks its worker processes (\`${process.workerClass?.via ?? "-k"} process\`, ${where(process.workerClass ?? process)})`;
  if (process.server === "rq") return `the RQ worker imports its settings, then forks a work horse for each job (${where(process)})`;
  if (process.server === "uwsgi") {
    const master = process.master && settingValue(process.master) ? process.master : void 0;
    const how2 = master ? `\`${master.via.endsWith("=") ? `${master.via} true` : master.via}\`, ${where(master)}` : where(process);
    return `the first uWSGI process loads the app, then forks the workers (uWSGI's default without \`lazy-apps\`; ${how2})`;
  }
  const preload = process.preload;
  const how = preload ? `\`${preload.via}${preload.via.endsWith("=") ? " True" : ""}\`, ${where(preload)}` : where(process);
  return `gunicorn preloads the app in its master process, then forks the workers (${how})`;
}
function beforeForkFinding(rule, finding, match, forked, graph, started) {
  const afterFork = match.afterFork;
  const gets = afterFork === "threads-lost" ? "each get the object without its running threads" : "each get a copy of it";
  const how = forked.slice(0, MAX_LISTED).map(({ process }) => `${forkReason(process)}, so ${processCount(process).text} ${gets}`);
  if (forked.length > MAX_LISTED) how.push(`${forked.length - MAX_LISTED} more processes fork the same way`);
  const code = started ? finding.resource.statement : finding.resource.text;
  const flat = code.replace(/[ \t\n\r\f\v]+/g, " ").replace(/`/g, "'");
  const quoted = flat.length <= 60 ? flat : `${flat.slice(0, 59)}\u2026`;
  const forkers = forked.length === 1 ? forkerName(forked[0].process) : `${forked.length} processes of the deployment`;
  const message = `\`${quoted}\` ${started ? "starts" : "creates"} ${match.what} in \`${finding.module.length <= 80 ? finding.module : `${finding.module.slice(0, 79)}\u2026`}\` before ${forkers} fork${forked.length === 1 ? "s" : ""}: ${FORK_SHORT[afterFork]}.`;
  const first = forked[0];
  const chain = first.appPaths.length ? chainsFrom(graph, first.appPaths).get(finding.path) : void 0;
  const entry = chain ? first.appEntries.find((e) => e.path === chain.entry) : void 0;
  const reach = chain && entry && finding.reach.kind === "entry" ? { ...finding.reach, entry, chain: chain.hops } : finding.reach;
  return {
    ...finding,
    reach,
    ruleId: rule.id,
    level: FORK_LEVEL[afterFork],
    message,
    cost: `${FORK_CONSEQUENCE[afterFork]}.`,
    deployment: `${capitalise(how.join("; and "))}.`,
    fix: rule.fix,
    related: [
      ...finding.related,
      ...forked.slice(0, MAX_LISTED).map(({ process }) => ({
        path: process.preload?.file ?? process.celery?.pool?.file ?? process.file,
        span: spanAt(process.preload?.line ?? process.celery?.pool?.line ?? process.line),
        message: `forks after importing the app: ${oneLine(process.command ?? process.file)}`
      }))
    ]
  };
}
function spanAt(line) {
  return { line, column: 1, endLine: line, endColumn: 1 };
}
function deploymentSummary(context) {
  const deployment = context?.deployment;
  if (!deployment || deployment.read.length === 0) return "no deployment file found: assuming one process per worker";
  if (deployment.processes.length === 0) {
    const files = deployment.read.slice(0, MAX_LISTED);
    const more = deployment.read.length - files.length;
    return `deployment files read (${files.join(", ")}${more > 0 ? ` and ${more} more` : ""}), but no server or worker recognised in them: assuming one process per worker`;
  }
  const parts = deployment.processes.map((p) => {
    const shown = p.appSpec?.notDjango ? 2 : ["command", "dev-server", "worker-command"].includes(processRole(p)) ? 1 : 0;
    const written = p.appSpec ? [p.appSpec.written, ...(p.appSpec.arguments ?? []).slice(0, shown)].join(" ") : "";
    const app = written ? ` \`${oneLine(written, 80)}\`${p.appSpec?.consoleScript ? ` (${consoleScriptNote(p.appSpec, "")})` : ""}` : "";
    const server = p.server === "celery" ? `Celery ${oneLine(p.celery?.subcommand || "worker", 20)}` : p.server === "flask" && p.flaskCommand !== void 0 ? `flask ${oneLine(p.flaskCommand, 20)}` : SERVER_NAMES[p.server];
    const starts = p.starts ? `, which runs ${SERVER_NAMES[p.starts.server]}${p.starts.appSpec ? ` \`${oneLine(p.starts.appSpec.written, 80)}\`` : ""}` : "";
    const fork = p.processModel === "imported-then-forked" ? ", forked after the app is imported" : "";
    return `${server}${app}${starts} (${where(p)}): ${processCount(p).text.replace(/,$/, "")}${fork}`;
  });
  const unique = [...new Set(parts)];
  const listed = unique.slice(0, MAX_SUMMARY_PROCESSES);
  return `deployment read: ${listed.join("; ")}${unique.length > listed.length ? `; and ${unique.length - listed.length} more processes` : ""}`;
}

export {
  processModelOf,
  scriptRoots,
  deploymentEntries,
  withMainRunChains,
  processRole,
  oneLine,
  processCount,
  expressionCount,
  deploymentFacts,
  MAX_LISTED,
  beforeForkFinding,
  deploymentSummary
};
