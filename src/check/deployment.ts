import path from 'node:path';
import type { AppSpec, Deployment, DeployProblem, HeldOptions, ServerProcess, Setting } from '../deploy/index.js';
import { environmentDefault } from '../extract/environmentDefault.js';
import type { EntryPoint } from '../entries/entries.js';
import { summaryLookup } from '../extract/lookup.js';
import type { ModuleSummary } from '../extract/summary.js';
import { shortestChains, type ImportChain, type ImportGraph } from '../graph/importGraph.js';
import type { ModuleEntry, ModuleIndex } from '../resolve/moduleIndex.js';
import type { AfterFork, ResourceMatch, Rule } from '../rules/rules.js';
import type { Finding, Level } from './findings.js';
import { serverStartedByScript } from './scriptServers.js';
import { importsDjango } from '../resolve/scriptRoots.js';

/**
 * What the deployment adds to a finding: how many processes import the module (so how many copies
 * of the resource exist), and, where the app is imported before a fork, what the fork does to it.
 */

/** Frameworks whose entries are worker processes, not web servers. */
const WORKER_FRAMEWORKS = new Set(['Celery', 'Dramatiq']);
const WEB_SERVERS = new Set(['gunicorn', 'uvicorn', 'hypercorn', 'daphne', 'waitress', 'flask', 'python', 'uwsgi', 'granian']);
const SERVER_NAMES: Record<ServerProcess['server'], string> = {
  gunicorn: 'gunicorn',
  uvicorn: 'uvicorn',
  hypercorn: 'Hypercorn',
  daphne: 'Daphne',
  celery: 'Celery',
  waitress: 'Waitress',
  flask: 'flask run',
  python: 'python',
  dramatiq: 'Dramatiq',
  huey: 'Huey',
  rq: 'RQ',
  uwsgi: 'uWSGI',
  granian: 'Granian',
};

/** A process definition of the deployment and the entry modules it imports. */
interface Served {
  process: ServerProcess;
  /** Entry modules the process imports by name (its app spec); empty when the deployment does not say. */
  appPaths: string[];
  /** The entries made for them. */
  appEntries: EntryPoint[];
  /**
   * `python changedetection.py`, whose `if __name__ == "__main__":` block calls `changedetectionio.main()`:
   * the functions that block calls, by module path, whose own imports the process runs too.
   */
  mainRuns?: Array<{ path: string; function: string }>;
}

export interface DeploymentContext {
  deployment: Deployment;
  /** App specs that name no module of the project: each a problem of the file and line that names it. */
  problems: DeployProblem[];
  /** Entries the deployment's app specs name. */
  entries: EntryPoint[];
  served: Served[];
  /** Filled in as findings ask. */
  imports: Map<Served, ProcessImports>;
}

/** `gunicorn wsgi:app`, `celery -A proj worker`: the modules a process imports become entries. */
export function deploymentEntries(deployment: Deployment, index: ModuleIndex, summaries: ReadonlyMap<string, ModuleSummary>): DeploymentContext {
  const entries: EntryPoint[] = [];
  const served: Served[] = [];
  /** By module and attribute: a Procfile of thousands of lines naming one app looks it up once. */
  const evidence = new Map<string, EntryPoint['evidence']>();
  const problems = new Map<string, DeployProblem>();
  for (const process of deployment.processes) markNotDjango(process, index, summaries);
  for (const process of deployment.processes) {
    const role = processRole(process);
    // `python manage.py migrate`: a command that runs and exits, not a process that serves the app.
    if (role === 'command') continue;
    const spec = process.appSpec;
    const modules = spec ? appModules(process, index) : [];
    // `python main.py` whose `__main__` block runs `uvicorn.run("app:app", workers=4)`: uvicorn's process.
    const started = process.server === 'python' && modules.length === 1 ? startedServer(process, modules[0]!.path, summaries) : undefined;
    // `python -m app.migrate` in an entrypoint script is a one-off step before the server starts; a
    // script that starts a server is the server, and so is a task-queue worker's management command.
    if (process.server === 'python' && process.source === 'shell-script' && !started && role !== 'worker-command' && !(role === 'script' && process.staysUp)) continue;
    const appPaths: string[] = [];
    const appEntries: EntryPoint[] = [];
    if (spec) {
      if (started?.appSpec) {
        const apps = appModules(started, index);
        if (apps.length === 0) {
          const unresolved = unresolvedSpec(started);
          if (unresolved) problems.set(`${unresolved.file}\0${unresolved.line}\0${started.appSpec.written}`, unresolved);
        }
        for (const module of apps) {
          if (appPaths.includes(module.path) || modules.includes(module)) continue;
          appPaths.push(module.path);
          appEntries.push({
            path: module.path,
            framework: 'uvicorn',
            kind: 'app',
            description: `uvicorn app \`${started.appSpec.written}\` (${started.file}:${started.line}, run by ${process.file}:${process.line})`,
            evidence: cached(evidence, `${module.path}\0${started.appSpec.attribute ?? ''}`, () => attributeEvidence(summaries.get(module.path), started.appSpec!.attribute, module.name)),
            routes: 0,
            registeredBy: { path: started.file, line: started.line, column: 1, text: started.call },
          });
        }
      }
      const unresolved = modules.length === 0 ? unresolvedSpec(process) : undefined;
      if (unresolved && !problems.has(`${unresolved.file}\0${unresolved.line}\0${spec.written}`)) problems.set(`${unresolved.file}\0${unresolved.line}\0${spec.written}`, unresolved);
      for (const module of modules) {
        appPaths.push(module.path);
        // `dramatiq app.broker:broker app.tasks`: the attribute is the first module's.
        const attribute = spec.alsoImports?.includes(module.name) ? undefined : spec.attribute;
        const server = SERVER_NAMES[process.server];
        const what = process.server === 'celery' ? `Celery ${process.celery?.subcommand ?? 'worker'} app` : TASK_WORKERS[process.server] ?? `${server} app`;
        appEntries.push({
          path: module.path,
          // The command's name: `celery` here is the worker a Procfile starts, `Celery` the framework's own entries.
          framework: process.server,
          kind: 'app',
          description: `${what} \`${[spec.written, ...(spec.alsoImports ?? [])].join(' ')}\` (${consoleScriptNote(spec, '; ')}${process.file}:${process.line})`,
          evidence: cached(evidence, `${module.path}\0${attribute ?? ''}`, () => attributeEvidence(summaries.get(module.path), attribute, module.name)),
          routes: 0,
          registeredBy: { path: spec.file, line: spec.line, column: 1, text: oneLine(process.command ?? spec.written) },
        });
      }
    }
    // `manage.py rqworker`: the command's own module, when the project has it (netbox subclasses django-rq's).
    if (role === 'worker-command') for (const command of commandModules(process, index)) if (!appPaths.includes(command)) appPaths.push(command);
    for (const entry of appEntries) entries.push(entry);
    // A script that starts a server is that server (see startedServer): no main runs of its own.
    const mainRuns =
      started || role !== 'script' || modules.length !== 1
        ? []
        : spec?.asMain
          ? functionsMainCalls(modules[0]!.path, summaries, index)
          : // A console script calls its function once its module is imported.
            spec?.consoleScript && spec.attribute
            ? [{ path: modules[0]!.path, function: spec.attribute }]
            : [];
    served.push({ process, appPaths, appEntries, ...(mainRuns.length ? { mainRuns } : {}) });
  }
  return { deployment, problems: [...problems.values()], entries, served, imports: new Map() };
}

/**
 * The functions a script's `if __name__ == "__main__":` block calls, where the project has them:
 * `main()` of the script itself, `changedetectionio.main()` of a package it imports.
 */
function functionsMainCalls(script: string, summaries: ReadonlyMap<string, ModuleSummary>, index: ModuleIndex): Array<{ path: string; function: string }> {
  const runs: Array<{ path: string; function: string }> = [];
  for (const call of summaries.get(script)?.mainCalls ?? []) {
    const dot = call.callee.lastIndexOf('.');
    const run = call.calleeIsLocal
      ? { path: script, function: call.callee.slice(dot + 1) }
      : dot > 0
        ? { path: index.lookup(call.callee.slice(0, dot))?.path, function: call.callee.slice(dot + 1) }
        : undefined;
    if (run?.path !== undefined && !runs.some((r) => r.path === run.path && r.function === run.function)) runs.push({ path: run.path, function: run.function });
  }
  return runs;
}

const mainRunImportsOf = new WeakMap<ImportGraph, Map<string, string[]>>();

/** The modules imported inside the functions a script's `__main__` block calls (see `Served.mainRuns`): once for the same functions. */
function mainRunImports(served: Served, graph: ImportGraph): string[] {
  if (!served.mainRuns) return [];
  const wanted = new Set(served.mainRuns.map((r) => `${r.path}\0${r.function}`));
  return cachedFor(mainRunImportsOf, graph, [...wanted].join('\n'), () => {
    const found = new Set<string>();
    for (const edge of graph.lazyEdges) if (edge.scope.kind === 'function' && wanted.has(`${edge.from}\0${edge.scope.function}`)) found.add(edge.to);
    return [...found];
  });
}

/**
 * `chains` (shortest chains from the entries) with the modules a process imports only through the
 * functions its script runs once its module is imported (`Served.mainRuns`: a console script's
 * function, what a `__main__` block calls): each through the import inside the function, from the
 * entry of the process's own module. A module some entry reaches keeps its chain.
 */
export function withMainRunChains(chains: Map<string, ImportChain>, graph: ImportGraph, context: DeploymentContext | undefined): Map<string, ImportChain> {
  const runs = (context?.served ?? []).filter((s) => s.mainRuns?.length && s.appEntries.length);
  if (runs.length === 0) return chains;
  const found = new Map<string, ImportChain>();
  for (const served of runs) {
    const wanted = new Set(served.mainRuns!.map((r) => `${r.path}\0${r.function}`));
    const from = new Set(served.appEntries.map((e) => e.path));
    for (const edge of graph.lazyEdges) {
      if (edge.scope.kind !== 'function' || !from.has(edge.from) || !wanted.has(`${edge.from}\0${edge.scope.function}`)) continue;
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

/**
 * The server a `python` script of the deployment starts from its own code (see scriptServers.ts),
 * noted on the process: its count and process model are then the server's.
 */
function startedServer(process: ServerProcess, script: string, summaries: ReadonlyMap<string, ModuleSummary>): ServerProcess['starts'] {
  const spec = process.appSpec;
  if (processRole(process) !== 'script' || !(spec?.asMain || (spec?.consoleScript && spec.attribute))) return undefined;
  const summary = summaries.get(script);
  const started = summary ? serverStartedByScript(process, script, summary, spec.asMain ? undefined : spec.attribute) : undefined;
  if (!started) return undefined;
  process.starts = started;
  if (started.processModel) process.processModel = started.processModel;
  else delete process.processModel;
  return started;
}

/**
 * The modules the app spec names. Looked for first in the process's import roots (its working
 * directory and extra paths, as `sys.path` has them: `backend/Procfile: web: gunicorn prediction.main:app`
 * imports `backend/prediction/main.py`), then under the project's own roots.
 */
function appModules(process: ServerProcess, index: ModuleIndex): ModuleEntry[] {
  const spec = process.appSpec!;
  const roots = process.importRoots ?? [];
  // `fastapi run` without a path: the first of its default files in the working directory.
  if (spec.candidates) {
    for (const candidate of spec.candidates) {
      const found = roots.map((root) => index.byPath.get(path.posix.join(root, candidate))).find((m) => m !== undefined);
      if (found) return [found];
    }
    return [];
  }
  if (spec.script) {
    const script = spec.script.replace(/^\.\//, '');
    // `python /app/main.py` run in `WORKDIR /app`: the path from the working directory, which the roots find in the project.
    const workdir = process.workingDirectory?.replace(/\/+$/, '');
    const fromWorkdir = workdir && path.posix.isAbsolute(workdir) && script.startsWith(`${workdir}/`) ? roots.map((root) => path.posix.join(root, script.slice(workdir.length + 1))) : [];
    // An absolute path of the host (`/opt/netbox/netbox/manage.py` in a systemd unit): by ever shorter tails, as folders are found.
    const parts = path.posix.isAbsolute(script) ? script.split('/').filter(Boolean) : [];
    const tails = parts.slice(0, -1).map((_, i) => parts.slice(i + 1).join('/'));
    const byPath = [...fromWorkdir, ...roots.map((root) => path.posix.join(root, script)), script, ...tails].map((p) => index.byPath.get(p)).find((m) => m !== undefined);
    if (byPath) return [byPath];
  }
  // `celery -A app.instance.celery`: Celery (find_app, kombu's symbol_by_name) imports `app.instance`
  // and takes its attribute `celery`, then, when there is none, imports `app.instance.celery` itself.
  const attributeOf = process.server === 'celery' && !spec.attribute && spec.module.includes('.') ? moduleFrom(spec.module.slice(0, spec.module.lastIndexOf('.')), roots, index) : undefined;
  const module = moduleFrom(spec.module, roots, index) ?? attributeOf;
  if (!module) return [];
  if (module === attributeOf) return [module];
  // `celery -A proj`: Celery looks for the app in `proj`, then in `proj.celery`.
  if (process.server === 'celery') {
    const celeryModule = moduleFrom(`${spec.module}.celery`, roots, index);
    if (celeryModule) return [module, celeryModule];
  }
  // `dramatiq app.broker app.tasks`: the further modules, each imported after the first.
  const also = (spec.alsoImports ?? []).map((name) => moduleFrom(name, roots, index)).filter((m): m is ModuleEntry => m !== undefined && m !== module);
  return [module, ...also];
}

/**
 * `python manage.py rq worker` where the project's manage.py runs no Django: neither it nor a
 * project module it imports imports anything of `django` (redash's manage.py runs its Flask command
 * line). Then it is a script (see `processRole`); a manage.py not found in the project stays Django's.
 */
function markNotDjango(process: ServerProcess, index: ModuleIndex, summaries: ReadonlyMap<string, ModuleSummary>): void {
  const spec = process.appSpec;
  if (process.server !== 'python' || !spec?.script || !/(^|\/)manage\.py$/.test(spec.script)) return;
  const [module] = appModules(process, index);
  const summary = module && summaries.get(module.path);
  if (!summary || importsDjango(summary)) return;
  for (const record of summary.imports) {
    if (record.level !== 0 || !record.module) continue;
    const imported = index.lookup(record.module);
    const names = record.kind === 'from' ? record.names.map(({ name }) => index.lookup(`${record.module}.${name}`)) : [];
    for (const other of [imported, ...names]) {
      const otherSummary = other && summaries.get(other.path);
      if (otherSummary && importsDjango(otherSummary)) return;
    }
  }
  spec.notDjango = true;
}

const commandModulesOf = new WeakMap<ModuleIndex, Map<string, string[]>>();

/** The project's modules that define management command `name`: `<app>/management/commands/<name>.py`. */
function commandModules(process: ServerProcess, index: ModuleIndex): string[] {
  const name = djangoSubcommand(process);
  if (name === undefined) return [];
  let byName = commandModulesOf.get(index);
  if (!byName) {
    byName = new Map();
    for (const file of index.byPath.keys()) {
      const command = /(?:^|\/)management\/commands\/([^/]+)\.py$/.exec(file)?.[1];
      if (command !== undefined && command !== '__init__') byName.set(command, [...(byName.get(command) ?? []), file]);
    }
    commandModulesOf.set(index, byName);
  }
  return byName.get(name) ?? [];
}

/** `rqworker` of `python manage.py rqworker high`: the first argument that is not an option. */
function djangoSubcommand(process: ServerProcess): string | undefined {
  return process.appSpec?.arguments?.find((a) => !a.startsWith('-'));
}

/** `a.b` on `sys.path` entry `root`: `root/a/b/__init__.py`, else `root/a/b.py` (CPython's order within one entry). */
function moduleFrom(name: string, roots: readonly string[], index: ModuleIndex): ModuleEntry | undefined {
  const file = name.replace(/\./g, '/');
  for (const root of roots) {
    const found = index.byPath.get(path.posix.join(root, file, '__init__.py')) ?? index.byPath.get(path.posix.join(root, `${file}.py`));
    if (found) return found;
  }
  return index.lookup(name);
}

/**
 * An app spec that names no module of the project: said, with the file and line that name it, so a
 * process is never silently left out. `python -m tool` may run an installed module: not a problem.
 */
function unresolvedSpec(process: ServerProcess): DeployProblem | undefined {
  const spec = process.appSpec!;
  if (spec.asMain && !spec.script) return undefined;
  const roots = (process.importRoots ?? []).map((r) => (r === '' ? 'the project root' : `${r}/`));
  const looked = roots.length ? ` (looked in ${joinAnd(roots)}, then the project's source roots)` : '';
  const what = spec.candidates ? `none of ${spec.candidates.map((c) => `\`${c}\``).join(', ')}` : spec.script ? `no script \`${spec.script}\`` : `no module \`${spec.module}\``;
  const declared = spec.consoleScript ? ` (${consoleScriptNote(spec, '')})` : '';
  return {
    file: spec.file,
    line: spec.line,
    message: `${SERVER_NAMES[process.server]} app \`${oneLine(spec.written, 80)}\`${declared}: ${what} in the files scanned${looked}; what this process imports is not counted`,
  };
}

/**
 * What a process of the deployment is, beyond its server:
 * - `command`: `python manage.py migrate`, `python manage.py document_consumer`: a management
 *   command, run on its own; it serves no request and is not counted for the app's resources;
 * - `dev-server`: `python manage.py runserver`: Django's development server, one process serving the URLconf;
 * - `script`: `python bot.py`, `python -m tool`: a program that imports what its own module graph imports, no more;
 * - `scheduler`: `celery beat` (or `flower`, `inspect`...): imports the Celery app but runs no task;
 * - `worker-command`: `python manage.py rqworker` and the other management commands of task-queue
 *   packages that run as workers, and any management command a uWSGI master keeps running
 *   (`attach-daemon`): one process that stays up (netbox runs `manage.py rqworker` from a
 *   systemd unit) after Django set up its apps (their models and `ready()`) and, unless
 *   `--skip-checks`, ran the system checks, which import the URLconf and so the views;
 * - `server`: everything else (gunicorn, uvicorn, a Celery worker...).
 */
export type ProcessRole = 'command' | 'dev-server' | 'script' | 'scheduler' | 'worker-command' | 'server';

const DJANGO_DEV_SERVERS = new Set(['runserver', 'runserver_plus', 'runsslserver', 'testserver']);

/**
 * Management commands that run a worker until stopped, by the package that adds them: django-rq
 * (`rqworker`, `rqworker-pool`, `rqscheduler`), Channels (`runworker`), Django Q (`qcluster`),
 * django-background-tasks (`process_tasks`), Huey (`run_huey`), django-dramatiq (`rundramatiq`).
 */
const DJANGO_WORKER_COMMANDS = new Set(['rqworker', 'rqworker-pool', 'rqscheduler', 'runworker', 'qcluster', 'process_tasks', 'run_huey', 'rundramatiq']);

export function processRole(process: ServerProcess): ProcessRole {
  if (process.starts) return 'server';
  if (process.server === 'celery') {
    const subcommand = process.celery?.subcommand ?? 'worker';
    return subcommand === 'worker' ? 'server' : 'scheduler';
  }
  // `flask db upgrade`, `flask translate compile`: the app's CLI loads it, runs once and exits.
  if (process.server === 'flask') return (process.flaskCommand ?? 'run') === 'run' ? 'server' : 'command';
  if (process.server !== 'python') return 'server';
  const spec = process.appSpec;
  if (!spec) return 'script';
  const managePy = spec.script !== undefined && /(^|\/)manage\.py$/.test(spec.script) && !spec.notDjango;
  const djangoModule = spec.script === undefined && (spec.module === 'django' || spec.module === 'django-admin');
  if (managePy || djangoModule) {
    const subcommand = djangoSubcommand(process);
    if (subcommand !== undefined && DJANGO_DEV_SERVERS.has(subcommand)) return 'dev-server';
    // A uWSGI daemon is kept running: whatever the command, it is a worker of the deployment.
    if (subcommand !== undefined && (DJANGO_WORKER_COMMANDS.has(subcommand) || process.daemon)) return 'worker-command';
    return 'command';
  }
  return 'script';
}

/** A command as one line: continuation lines and YAML folds joined, runs of blanks made one, bounded. */
export function oneLine(command: string, max = MAX_COMMAND): string {
  const line = command.replace(/\\\r?\n/g, ' ').replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/** Characters of a command quoted in a message or summary. */
const MAX_COMMAND = 120;

/** `console script \`nautobot.core.cli:main\`, pyproject.toml:148`, then `end`; nothing for an app spec that is not one. */
function consoleScriptNote(spec: AppSpec, end: string): string {
  const script = spec.consoleScript;
  return script ? `console script \`${oneLine(script.reference, 80)}\`, ${script.file}:${script.line}${end}` : '';
}

function attributeEvidence(summary: ModuleSummary | undefined, attribute: string | undefined, moduleName: string) {
  const name = attribute?.split('.')[0]?.replace(/\(.*$/, '');
  const call = name && summary ? summaryLookup(summary).moduleCallBoundTo(name) : undefined;
  if (call) return { line: call.span.line, column: call.span.column, text: call.statementText };
  return { line: 1, column: 1, text: moduleName };
}

/** What one process of the deployment imports: at all, and before it forks its workers. */
interface ProcessImports {
  all: Set<string>;
  beforeFork: Set<string>;
}

const DEPLOYMENT_FRAMEWORKS = new Set<string>(Object.keys(SERVER_NAMES));

/**
 * The modules a process imports. Its app spec's import-time closure; and, since frameworks load
 * modules by name (Celery's `include=` and autodiscovery at worker start, Django's URLconf and
 * Flask's blueprints at the first request), the entries of its kind: Celery entries for a Celery
 * worker, web entries for a web server. Before the fork: what the app's import runs, plus the task
 * modules a Celery worker imports before forking its pool, plus the Django apps `django.setup()`
 * loads when the app is a Django WSGI/ASGI application.
 */
function importsOf(served: Served, graph: ImportGraph, entries: readonly EntryPoint[], allServed: readonly Served[]): ProcessImports {
  // The same closure for every process of the same app (a Procfile of thousands of `web: gunicorn app:app`).
  const closure = (paths: readonly string[]): Set<string> => {
    const unique = [...new Set(paths)];
    return cachedFor(closuresOf, graph, unique.join('\0'), () => new Set(unique.length ? shortestChains(graph, unique).keys() : []));
  };
  const celery = served.process.server === 'celery';
  const groups = entryGroups(entries);
  // A script (`python bot.py`) and a scheduler (`celery beat`) load no framework entries of their own:
  // what they import is their module's closure.
  const role = processRole(served.process);
  const loadsEntries = role === 'server' || role === 'dev-server' || role === 'worker-command';
  // A worker command sets Django up and runs the system checks (which import the URLconf), unless
  // told `--skip-checks`; it never imports the WSGI/ASGI modules.
  const workerCommand = role === 'worker-command' ? (served.process.appSpec?.arguments?.includes('--skip-checks') ? groups.djangoSetup : groups.djangoChecked) : undefined;
  const framework = !loadsEntries ? [] : workerCommand ? workerCommand : celery ? groups.celery : WEB_SERVERS.has(served.process.server) ? groups.web : [];
  if (served.process.appSpec && served.appPaths.length === 0) return { all: new Set(), beforeFork: new Set() }; // names a module that was not scanned
  const ofKind = othersLeftOut(framework, served, allServed, closure);
  const all = closure([...served.appPaths, ...ofKind.map((e) => e.path), ...mainRunImports(served, graph)]);
  const djangoApp = served.appPaths.some((p) => groups.djangoPaths.has(p));
  // No app named (a gunicorn.conf.py read on its own): the server imports one of the web apps found.
  const apps = served.appPaths.length === 0 && !celery ? ofKind.filter((e) => e.kind === 'app') : [];
  if (!loadsEntries) return { all, beforeFork: celery ? closure(served.appPaths) : all };
  const setup = celery ? ofKind : djangoApp ? groups.djangoApps : apps;
  const beforeFork = closure([...served.appPaths, ...setup.map((e) => e.path)]);
  return { all, beforeFork };
}

const closuresOf = new WeakMap<ImportGraph, Map<string, Set<string>>>();

/**
 * The framework entries a server process loads besides what its app imports: its app reaches some by
 * name, which the import graph does not show (Django's urls and models, a blueprint imported inside
 * an app factory), so each entry is taken to be loaded, except one that the app of another process
 * of the deployment imports and this process's app does not. That entry is the other app's: the
 * `uvicorn mock.app:app` of a load-test image does not load the `web.main` app that another image
 * serves.
 */
function othersLeftOut(framework: readonly EntryPoint[], served: Served, allServed: readonly Served[], closure: (paths: readonly string[]) => Set<string>): readonly EntryPoint[] {
  if (served.appPaths.length === 0 || framework.length === 0) return framework;
  const claims = claimsOf(framework, allServed, closure);
  const key = appKey(served.appPaths);
  return framework.filter((entry) => {
    const apps = claims.get(entry.path);
    return apps === undefined || apps.has(key);
  });
}

function appKey(paths: readonly string[]): string {
  return [...new Set(paths)].join('\0');
}

const claimsByEntries = new WeakMap<readonly EntryPoint[], WeakMap<readonly Served[], Map<string, Set<string>>>>();

/** For each framework entry that some served app imports, the apps (by `appKey`) that import it: worked out once for all processes. */
function claimsOf(framework: readonly EntryPoint[], allServed: readonly Served[], closure: (paths: readonly string[]) => Set<string>): Map<string, Set<string>> {
  let byServed = claimsByEntries.get(framework);
  if (!byServed) claimsByEntries.set(framework, (byServed = new WeakMap()));
  let claims = byServed.get(allServed);
  if (claims) return claims;
  claims = new Map();
  const apps = new Map<string, readonly string[]>();
  for (const other of allServed) if (other.appPaths.length > 0) apps.set(appKey(other.appPaths), other.appPaths);
  for (const [key, paths] of apps) {
    const imported = closure(paths);
    for (const entry of framework) {
      if (!imported.has(entry.path)) continue;
      let claimed = claims.get(entry.path);
      if (!claimed) claims.set(entry.path, (claimed = new Set()));
      claimed.add(key);
    }
  }
  byServed.set(allServed, claims);
  return claims;
}

interface EntryGroups {
  /** Framework entries a Celery worker loads. */
  celery: EntryPoint[];
  /** Framework entries a web server loads. */
  web: EntryPoint[];
  djangoPaths: Set<string>;
  djangoApps: EntryPoint[];
  /** What `django.setup()` imports: the settings and the apps' modules (not `wsgi.py`/`asgi.py`). */
  djangoSetup: EntryPoint[];
  /** What a management command imports when it runs the system checks: those and the URLconf. */
  djangoChecked: EntryPoint[];
}

/** The description of the entries a WSGI/ASGI server imports and a management command does not. */
const DJANGO_SERVED = /^Django (WSGI|ASGI) application/;

const entryGroupsOf = new WeakMap<readonly EntryPoint[], EntryGroups>();

/** The entries by what loads them, sorted once: not again for each of thousands of processes. */
function entryGroups(entries: readonly EntryPoint[]): EntryGroups {
  let groups = entryGroupsOf.get(entries);
  if (!groups) {
    const framework = entries.filter((e) => !DEPLOYMENT_FRAMEWORKS.has(e.framework));
    groups = {
      celery: framework.filter((e) => e.framework === 'Celery'),
      web: framework.filter((e) => !WORKER_FRAMEWORKS.has(e.framework)),
      djangoPaths: new Set(entries.filter((e) => e.framework === 'Django').map((e) => e.path)),
      djangoApps: entries.filter((e) => e.framework === 'Django' && e.kind === 'app'),
      djangoSetup: entries.filter((e) => e.framework === 'Django' && e.kind === 'app' && !DJANGO_SERVED.test(e.description)),
      djangoChecked: entries.filter((e) => e.framework === 'Django' && !DJANGO_SERVED.test(e.description)),
    };
    entryGroupsOf.set(entries, groups);
  }
  return groups;
}

/** The chains from a process's apps, by graph and apps: the same for every finding in the processes of one app. */
const chainsOf = new WeakMap<ImportGraph, Map<string, Map<string, ImportChain>>>();

function chainsFrom(graph: ImportGraph, appPaths: readonly string[]): Map<string, ImportChain> {
  return cachedFor(chainsOf, graph, appPaths.join('\0'), () => shortestChains(graph, appPaths));
}

/** `cached` in the map that `store` keeps for `graph`. */
function cachedFor<T>(store: WeakMap<ImportGraph, Map<string, T>>, graph: ImportGraph, key: string, make: () => T): T {
  let known = store.get(graph);
  if (!known) store.set(graph, (known = new Map()));
  return cached(known, key, make);
}

function cached<T>(map: Map<string, T>, key: string, make: () => T): T {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/** The processes of the deployment that import the finding's module at start-up (or first request). */
function processesImporting(finding: Finding, context: DeploymentContext, graph: ImportGraph, entries: readonly EntryPoint[]): Array<Served & { beforeFork: boolean }> {
  const result: Array<Served & { beforeFork: boolean }> = [];
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

interface ProcessCount {
  /** Known number of processes holding a copy. */
  n?: number;
  /** `3 gunicorn workers (gunicorn.conf.py:4)`. */
  text: string;
}

function settingValue<T>(setting: Setting<T> | undefined): T | undefined {
  return setting && 'value' in setting ? setting.value : undefined;
}

function where(setting: { file: string; line: number }): string {
  return `${setting.file}:${setting.line}`;
}

function plural(n: number, word: string): string {
  return `${n} ${n === 1 ? word : pluralOf(word)}`;
}

/** `workers`, `children`, `processes`. */
function pluralOf(word: string): string {
  return word.endsWith('child') ? `${word}ren` : word.endsWith('s') ? `${word}es` : `${word}s`;
}

export function processCount(process: ServerProcess): ProcessCount {
  if (process.starts) return processCount(process.starts);
  // supervisord's `numprocs = 2`: two of the whole process, side by side; `numprocs=%(ENV_WORKERS_COUNT)s`:
  // as many as the variable says at run time.
  const held = process.copies;
  const copies = settingValue(held);
  if (held && ((copies !== undefined && copies > 1) || 'expression' in held)) {
    const { copies: _copies, ...one } = process;
    const each = processCount(one);
    if (processRole(one) === 'command') return each;
    const count = 'expression' in held ? `\`${held.expression}\`` : String(copies);
    return { ...(copies !== undefined && each.n !== undefined ? { n: each.n * copies } : {}), text: `${count} copies (\`numprocs\`, ${where(held)}) of ${each.text}` };
  }
  const server = SERVER_NAMES[process.server];
  const model = process.processModel;
  const role = processRole(process);
  if (role === 'command') return { text: process.server === 'flask' ? 'a Flask command, not a server' : 'a management command, not a server' };
  if (role === 'dev-server') return { n: 1, text: `one Django development server process (${where(process)})` };
  if (role === 'worker-command') {
    // `attach-daemon = ./manage.py sendalerts`: uWSGI's master starts it and starts it again when it exits.
    if (process.daemon) {
      const { via, when } = process.daemon;
      return { n: 1, text: `one \`manage.py ${djangoSubcommand(process)}\` daemon of the uWSGI master (\`${via}\`${when ? ` under \`${when}\`` : ''}, ${where(process)})` };
    }
    return { n: 1, text: `one \`manage.py ${djangoSubcommand(process)}\` worker process (${where(process)})` };
  }
  // `python ping.py` before `exec gunicorn ...` in an entrypoint script (see deploymentEntries).
  if (role === 'script' && process.source === 'shell-script' && !process.staysUp) return { text: 'a one-off step of the script, not a server' };
  if (role === 'scheduler') return { n: 1, text: `one Celery ${process.celery?.subcommand || 'beat'} process, which runs no task (${where(process)})` };
  const worker = taskWorkerCount(process);
  if (worker) return worker;
  if (process.server === 'celery') {
    const concurrency = process.celery?.concurrency;
    if (model === 'single-process') return { n: 1, text: `one Celery worker process (${where(process)})` };
    const value = settingValue(concurrency);
    if (value !== undefined) return { n: value, text: `${plural(value, 'Celery worker child')} (\`${concurrency!.via}\`, ${where(concurrency!)})` };
    if (concurrency && 'expression' in concurrency && concurrency.optionsOf) {
      return { text: heldCountText(concurrency.optionsOf, 'Celery worker child', 'one Celery worker child per CPU (the default concurrency)', where(concurrency)) };
    }
    if (concurrency && 'expression' in concurrency) return { text: `${expressionCount(concurrency.expression, 'Celery worker child')} (${where(concurrency)})` };
    return { text: `one Celery worker child per CPU (the default concurrency; ${where(process)})` };
  }
  // uvicorn ignores `workers` when it reloads: one server process, restarted on changes, imports the app.
  if (process.server === 'uvicorn' && process.reload && settingValue(process.reload) === true) {
    return { n: 1, text: `one uvicorn server process, restarted on code changes (\`${process.reload.via}\`, ${where(process.reload)})` };
  }
  if (model === 'single-process') return { n: 1, text: `one ${server} process (${where(process)})` };
  const workers = process.workers;
  const value = settingValue(workers);
  if (value !== undefined) return { n: value, text: `${plural(value, `${server} worker`)} (${where(workers!)})` };
  const env = process.server === 'gunicorn' || process.server === 'uvicorn' ? ', or WEB_CONCURRENCY' : '';
  if (workers && 'expression' in workers && workers.optionsOf) return { text: heldCountText(workers.optionsOf, `${server} worker`, `1 ${server} worker (the default${env})`, where(workers)) };
  if (workers && 'expression' in workers) return { text: `${expressionCount(workers.expression, `${server} worker`)} (${where(workers)})` };
  return { n: 1, text: `1 ${server} worker (the default${env}; ${where(process)})` };
}

/** What the entries a task-queue worker's app spec names are, by the server that starts it. */
const TASK_WORKERS: Partial<Record<ServerProcess['server'], string>> = {
  dramatiq: 'module a Dramatiq worker imports',
  huey: 'Huey consumer app',
  rq: 'RQ worker settings',
};

/**
 * Dramatiq: `--processes` worker processes (one per CPU by default), each running `--threads`
 * threads (8); Huey: one consumer process, or `-w` forked processes with `-k process`; RQ: one
 * worker process (the work horses it forks live for one job each).
 */
function taskWorkerCount(process: ServerProcess): ProcessCount | undefined {
  if (process.server === 'dramatiq') {
    const threads = settingValue(process.threads);
    const of = threads !== undefined ? ` of ${plural(threads, 'thread')}` : process.threads ? '' : ' of 8 threads (the default --threads)';
    const workers = process.workers;
    const value = settingValue(workers);
    if (value !== undefined) return { n: value, text: `${plural(value, 'Dramatiq worker process')}${of} (\`${workers!.via}\`, ${where(workers!)})` };
    if (workers && 'expression' in workers) return { text: `${expressionCount(workers.expression, 'Dramatiq worker process')}${of} (${where(workers)})` };
    return { text: `one Dramatiq worker process per CPU${of} (the default --processes; ${where(process)})` };
  }
  if (process.server === 'huey') {
    if (process.processModel === 'single-process') return { n: 1, text: `one Huey consumer process (${where(process)})` };
    const value = settingValue(process.workers);
    if (process.workers && value === undefined) return { text: `${expressionCount((process.workers as { expression: string }).expression, 'Huey worker process')} (${where(process.workers)})` };
    return { n: value ?? 1, text: `${plural(value ?? 1, 'Huey worker process')} (${where(process.workers ?? process)})` };
  }
  // One work horse at a time, forked for each job.
  if (process.server === 'rq') {
    if (process.processModel === 'single-process') return { n: 1, text: `one RQ worker process (${where(process)})` };
    return { n: 1, text: `the work horses of one RQ worker process (${where(process)}), one for each job,` };
  }
  return undefined;
}

/**
 * A count the deployment computes at run time, said the way it reads: `int(os.environ.get("GUNICORN_WORKERS", 6))`
 * and `${GUNICORN_WORKERS:-6}` are "6 gunicorn workers unless GUNICORN_WORKERS is set"; any other
 * expression is quoted, on one line and bounded.
 */
export function expressionCount(expression: string, word: string): string {
  const fallback = environmentDefault(expression);
  if (fallback) return `${plural(fallback.value, word)} unless ${fallback.variable} is set`;
  return `\`${oneLine(expression, 60)}\` ${pluralOf(word)}`;
}

/**
 * A count the options in a variable may change: "4 gunicorn workers unless GUNICORN_OPTS is set,
 * whose options can say another number" (`${GUNICORN_OPTS:- --workers 4}`: set, it replaces its
 * default), "3 uWSGI workers unless EXTRA_ARGS holds options that say another number" (`-p 3
 * $EXTRA_ARGS`). No number is taken for it: totals are not given.
 */
function heldCountText(held: HeldOptions<number>, word: string, toolDefault: string, at: string): string {
  const conditions: string[] = [];
  let unset: Setting<number> | undefined = held.unset;
  // `-p ${NUM:-4} $EXTRA_ARGS`: what holds when the variable is unset may depend on another.
  const inner: HeldOptions<number>[] = [];
  while (unset && 'expression' in unset && unset.optionsOf) {
    inner.unshift(unset.optionsOf);
    unset = unset.optionsOf.unset;
  }
  let count: string;
  const value = settingValue(unset);
  const fallback = unset && 'expression' in unset ? environmentDefault(unset.expression) : undefined;
  if (value !== undefined) count = plural(value, word);
  else if (fallback) {
    count = plural(fallback.value, word);
    conditions.push(`${fallback.variable} is set`);
  } else if (unset && 'expression' in unset) count = expressionCount(unset.expression, word);
  else count = toolDefault;
  for (const each of [...inner, held]) conditions.push(each.hasDefault ? `${each.variable} is set, whose options can say another number` : `${each.variable} holds options that say another number`);
  return `${count} unless ${conditions.join(', or ')} (${at})`;
}

/** `3 gunicorn workers` from `3 gunicorn workers (gunicorn.conf.py:4)`: the count, without where it is said. */
function withoutWhere(text: string): string {
  return text.replace(/ \([^()]*:\d+\)/g, '');
}

/** The catalogue's plural unit for `n` of them: `1 thread`, `1 worker process`, `2 threads`. */
function unitCounted(n: number, unit: string): string {
  if (n !== 1) return unit;
  return unit.endsWith('sses') ? unit.slice(0, -2) : unit.endsWith('s') ? unit.slice(0, -1) : unit;
}

/** `this thread pool` from `a thread pool`. */
function thisOne(match: ResourceMatch): string {
  return match.what.replace(/^(a|an|the)\s+/i, 'this ');
}

/** How many of the thing one instance holds: 3 for `max_workers=3`, 1 without an argument, undefined when not a literal. */
function perInstance(match: ResourceMatch, creation: { args: Array<{ keyword?: string; literal?: unknown; constant?: number }> }): number | undefined {
  const total = match.total;
  if (!total) return undefined;
  if (!total.argument) return 1;
  const spec = match.arguments.find((a) => a.name === total.argument);
  const positional = creation.args.filter((a) => a.keyword === undefined);
  const given = creation.args.find((a) => a.keyword === total.argument) ?? (spec?.position !== undefined ? positional[spec.position] : undefined);
  return typeof given?.literal === 'number' ? given.literal : given?.constant;
}

export interface DeploymentFacts {
  /** Who multiplies the resource, each process named with where the deployment says so. */
  sentence?: string;
  /** The same for the message, briefly: how many processes pay. */
  short?: string;
  /** Before-fork processes that import the module. */
  forked: Served[];
}

/**
 * "3 gunicorn workers (gunicorn.conf.py:4) each create this thread pool: up to 9 threads."
 * `match` and `creation` are those of the finding's resource. A `dropped` resource (nothing keeps
 * it) is made and dropped by each process that imports the module: no total, and a process forked
 * after its master imported the app inherits nothing of it (no IL009).
 */
export function deploymentFacts(
  finding: Finding,
  match: ResourceMatch,
  creation: { args: Array<{ keyword?: string; literal?: unknown; constant?: number }> },
  dropped: boolean,
  context: DeploymentContext,
  graph: ImportGraph,
  entries: readonly EntryPoint[],
): DeploymentFacts {
  const served = processesImporting(finding, context, graph, entries);
  if (served.length === 0) return { forked: [] };
  const each = perInstance(match, creation);
  // The same role defined for several platforms (a Procfile line and a Dockerfile CMD) is one role:
  // its definitions are alternatives, not processes to add up.
  const roles = new Map<string, Array<Served & { beforeFork: boolean }>>();
  for (const s of served) {
    const key = alternativesKey(s.process);
    const group = roles.get(key);
    if (group) group.push(s);
    else roles.set(key, [s]);
  }
  const phraseOf = (group: Array<Served & { beforeFork: boolean }>) => {
    const counts = uniqueBy(group.map(({ process }) => processCount(process)), (c) => c.text);
    const listed = counts.slice(0, MAX_LISTED);
    const more = counts.length - listed.length;
    const forked = group.some(({ process, beforeFork }) => beforeFork && process.processModel === 'imported-then-forked');
    // Forked copies of a started thread or an open socket are not more threads or sockets.
    const multiplies = !dropped && (!forked || match.afterFork === 'lazy' || match.afterFork === 'reconnects');
    // Alternatives of the same size (lnbits' three Dockerfiles, each one python process): that size.
    const n = counts.every((c) => c.n === counts[0]!.n) ? counts[0]!.n : undefined;
    const total = multiplies && n !== undefined && each !== undefined && match.total ? `${match.total.upTo ? 'up to ' : ''}${n * each} ${unitCounted(n * each, match.total.unit)}` : undefined;
    const text = `${listed.map((c) => c.text).join(' or ')}${more > 0 ? ` (or ${more} more definitions of this role)` : ''}`;
    // Said once in a short sentence when every definition reads the same but for where it is.
    const sizes = new Set(counts.map((c) => withoutWhere(c.text)));
    return { text, same: sizes.size === 1 ? [...sizes][0]! : undefined, n, total, forked };
  };
  const phrases = [...roles.values()].map(phraseOf);
  const described = (p: ReturnType<typeof phraseOf>): string =>
    dropped ? (p.forked ? `the master of ${p.text}, once, before it forks them` : p.text) : `${p.text}${p.forked ? ' (forked from a master that imported the app)' : ''}${p.total ? ` (${p.total})` : ''}`;
  // Deployment files that each define the whole deployment (a dev and a prod Dockerfile, a Procfile
  // and a Dockerfile) are alternatives: one of them runs, not all.
  const units = new Map<string, Map<string, Array<Served & { beforeFork: boolean }>>>();
  for (const s of served) {
    const unit = unitOf(s.process, context.deployment);
    const unitRoles = units.get(unit) ?? new Map<string, Array<Served & { beforeFork: boolean }>>();
    units.set(unit, unitRoles);
    const key = alternativesKey(s.process);
    unitRoles.set(key, [...(unitRoles.get(key) ?? []), s]);
  }
  let sentence: string;
  let short: string;
  if (phrases.length === 1 && phrases[0]!.forked) {
    const [only] = phrases;
    const count = withoutWhere(only!.text);
    if (dropped) {
      sentence = `${capitalise(only!.text)} are forked from a master that made and dropped ${thisOne(match)} while it imported the app: they inherit nothing of it`;
      short = `${capitalise(count)} are forked after the master made and dropped it: they inherit nothing of it.`;
    } else if (match.afterFork === 'lazy') {
      sentence = `${capitalise(only!.text)} each inherit ${thisOne(match)} from the master, which imported the app before forking them, and each starts its own on first use${only!.total ? `: ${only!.total} in all` : ''}`;
      short = `${capitalise(count)} each inherit it from the master and start their own on first use${only!.total ? `: ${only!.total}` : ''}.`;
    } else if (match.afterFork === 'reconnects') {
      sentence = `${capitalise(only!.text)} each inherit ${thisOne(match)} from the master, which imported the app before forking them; the client sets it aside and each opens its own on first use`;
      short = `${capitalise(count)} each inherit it from the master, set it aside and open their own on first use.`;
    } else if (match.afterFork === 'threads-lost') {
      // fork() copies only the thread that calls it: the object is inherited, its running threads are not.
      sentence = `${capitalise(only!.text)} are forked from a master that imported the app and started ${thisOne(match)}: a fork copies only the calling thread, so the workers inherit the object but none of its running threads (IL009)`;
      short = `${capitalise(count)} are forked after it starts: its threads do not run in them (IL009).`;
    } else {
      sentence = `${capitalise(only!.text)} each inherit a copy of ${thisOne(match)} from the master, which imported the app before forking them (IL009 says what the fork does to it)`;
      short = `${capitalise(count)} each inherit a copy from the master (IL009).`;
    }
  } else if (phrases.length === 1) {
    const [only] = phrases;
    // Alternatives of one size said once: "one python process", not "one python process or one python process".
    const count = only!.same ?? withoutWhere(only!.text);
    const creates = dropped ? 'makes and drops' : 'creates';
    const eachCreate = dropped ? 'each make and drop' : 'each create';
    const atStart = dropped ? ' at start-up' : '';
    sentence =
      only!.n === 1
        ? `Deployed as ${only!.text}, which ${creates} ${thisOne(match)}${atStart}${only!.total ? `: ${only!.total}` : ''}`
        : `${capitalise(only!.text)} ${eachCreate} ${thisOne(match)}${atStart}${only!.total ? `: ${only!.total} in all` : ''}`;
    short = only!.n === 1 ? `Deployed as ${count}${only!.total ? `: ${only!.total}` : ''}.` : `${capitalise(count)} ${eachCreate} it${atStart}${only!.total ? `: ${only!.total}` : ''}.`;
  } else if (units.size === 1) {
    const listed = phrases.slice(0, MAX_LISTED).map(described);
    if (phrases.length > MAX_LISTED) listed.push(`${phrases.length - MAX_LISTED} more roles`);
    sentence = dropped ? `Made and dropped at start-up by ${joinAnd(listed)}` : `Each process of the deployment has its own: ${joinAnd(listed)}`;
    short = dropped ? `Made and dropped at start-up by each of ${phrases.length} process roles of the deployment.` : `Each of ${phrases.length} process roles of the deployment has its own.`;
  } else {
    const alternatives = uniqueBy(
      [...units].map(([unit, unitRoles]) => {
        const unitPhrases = [...unitRoles.values()].map(phraseOf);
        const listed = unitPhrases.slice(0, MAX_LISTED).map(described);
        if (unitPhrases.length > MAX_LISTED) listed.push(`${unitPhrases.length - MAX_LISTED} more roles`);
        return `${joinAnd(listed)} (${unit})`;
      }),
      (text) => text,
    );
    const listed = alternatives.slice(0, MAX_LISTED);
    const more = alternatives.length - listed.length;
    const alternativesText = `${listed.join('; or ')}${more > 0 ? `; or ${more} more deployment files` : ''}`;
    sentence = dropped ? `Made and dropped at start-up, in whichever of these deployments runs, by ${alternativesText}` : `Each process has its own, in whichever of these deployments runs: ${alternativesText}`;
    short = dropped
      ? `Made and dropped at start-up by the processes of whichever of ${units.size} deployment files runs.`
      : `Each process has its own, in whichever of ${units.size} deployment files runs.`;
  }
  const forked = [...roles.values()]
    .map((group) => group.find(({ process, beforeFork }) => beforeFork && process.processModel === 'imported-then-forked'))
    .filter((s) => s !== undefined);
  return { sentence: `${sentence}.`, short, forked: dropped ? [] : forked };
}

/**
 * Process definitions, roles and forking processes named in one message (a Procfile can define
 * thousands): the first ones, then how many more. What each message repeats stays bounded.
 */
export const MAX_LISTED = 5;
/** Processes the deployment summary line names. */
const MAX_SUMMARY_PROCESSES = 20;

/** One role of the deployment: the same server on the same app. */
function roleKey(process: ServerProcess): string {
  const role = processRole(process);
  // `manage.py rqworker` and `manage.py rqscheduler` (or two uWSGI daemons) are two processes, not one written twice.
  const subcommand = role === 'worker-command' || role === 'command' || role === 'dev-server' ? (djangoSubcommand(process) ?? '') : '';
  return `${process.server} ${process.celery?.subcommand ?? ''} ${role} ${process.appSpec?.module ?? ''} ${subcommand}`;
}

/**
 * What the processes that are one another's alternatives share: the role (see `roleKey`), or the
 * `if` of a script whose branches start one server each (uvicorn `--reload` in development, else
 * gunicorn): either way one of them runs, and they are said with "or", not added up.
 */
function alternativesKey(process: ServerProcess): string {
  return process.choice ? `if ${process.choice.file}:${process.choice.line}` : roleKey(process);
}

/**
 * The deployment file a process is defined by: the file that runs the script it was read from, or its
 * own. A compose file runs the `Dockerfile` beside it (`build: .`) for the services that give no
 * command: the two are one deployment.
 */
function unitOf(process: ServerProcess, deployment: Deployment): string {
  const file = process.launchedBy?.file ?? process.file;
  if (path.posix.basename(file) === 'Dockerfile') {
    const compose = composeFiles(deployment).find((c) => path.posix.dirname(c) === path.posix.dirname(file));
    if (compose) return compose;
  }
  return file;
}

const composeFilesOf = new WeakMap<Deployment, string[]>();

function composeFiles(deployment: Deployment): string[] {
  let files = composeFilesOf.get(deployment);
  if (!files) {
    files = [...new Set(deployment.processes.filter((p) => p.source === 'docker-compose').map((p) => p.file))].sort();
    composeFilesOf.set(deployment, files);
  }
  return files;
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function joinAnd(parts: string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const FORK_LEVEL: Record<AfterFork, Level> = {
  'threads-lost': 'error',
  'socket-shared': 'error',
  reconnects: 'note',
  'file-shared': 'warning',
  lazy: 'note',
  memory: 'note',
  'ran-once': 'note',
};

const FORK_CONSEQUENCE: Record<AfterFork, string> = {
  'threads-lost':
    'Its threads were started in the master, and a fork copies only the thread that calls it: in every worker the object is there but nothing drives it (jobs never run, tasks never complete)',
  'socket-shared':
    'Its connection was opened in the master, so every worker inherits the same socket: their requests and replies interleave on one connection and corrupt each other',
  reconnects:
    "Its connection was opened in the master; the client's pool notices it is in a new process and opens connections of its own there on first use, leaving the master's socket to the master, so the copies work: each worker holds connections of its own",
  'file-shared': 'The open file was inherited by every worker: they share one descriptor and its offset, so their reads and writes move each other\'s position',
  lazy: 'It holds no thread or connection yet, so the copies work: each worker starts its own threads or connections on first use. Nothing breaks; creating it in the worker keeps it that way if it ever starts work at import',
  memory: 'The data is shared copy-on-write by the workers, which is what preloading is for; nothing breaks, though each worker gradually copies the pages it touches',
  'ran-once': 'It ran once, in the master, before the fork; the workers do not run it again',
};

/** What the fork does, in the message: one clause. */
const FORK_SHORT: Record<AfterFork, string> = {
  'threads-lost': 'the workers inherit the object but not its running threads, so nothing drives it',
  'socket-shared': 'every worker inherits the same open connection',
  reconnects: 'each worker inherits it, sets it aside and opens its own on first use',
  'file-shared': 'every worker shares the open file and its offset',
  lazy: 'each worker inherits an unstarted copy and starts its own on first use',
  memory: 'the workers share its data copy-on-write',
  'ran-once': 'it ran once, in the master; the workers do not run it again',
};

/** `the gunicorn master`, `the Celery worker`: what forks. */
function forkerName(process: ServerProcess): string {
  if (process.server === 'huey') return 'the Huey consumer';
  if (process.server === 'rq') return 'the RQ worker';
  if (process.server === 'uwsgi') return 'the uWSGI master';
  return process.server === 'celery' ? 'the Celery worker' : 'the gunicorn master';
}

/** Why the process imports the app before forking, with where the deployment says so. */
function forkReason(process: ServerProcess): string {
  if (process.server === 'celery') {
    const pool = process.celery?.pool;
    const how = pool ? `\`${pool.via} ${settingValue(pool) ?? ''}\`, ${where(pool)}`.replace(' `,', '`,') : `the default prefork pool, ${where(process)}`;
    return `the Celery worker imports the app and its task modules, then forks its pool children (${how})`;
  }
  if (process.server === 'huey') return `the Huey consumer imports the app, then forks its worker processes (\`${process.workerClass?.via ?? '-k'} process\`, ${where(process.workerClass ?? process)})`;
  if (process.server === 'rq') return `the RQ worker imports its settings, then forks a work horse for each job (${where(process)})`;
  if (process.server === 'uwsgi') {
    const master = process.master && settingValue(process.master) ? process.master : undefined;
    const how = master ? `\`${master.via.endsWith('=') ? `${master.via} true` : master.via}\`, ${where(master)}` : where(process);
    return `the first uWSGI process loads the app, then forks the workers (uWSGI's default without \`lazy-apps\`; ${how})`;
  }
  const preload = process.preload;
  const how = preload ? `\`${preload.via}${preload.via.endsWith('=') ? ' True' : ''}\`, ${where(preload)}` : where(process);
  return `gunicorn preloads the app in its master process, then forks the workers (${how})`;
}

/**
 * IL009: the resource exists before the fork; say what the fork does to it. One finding per
 * resource, naming every process of the deployment that forks after importing it (a gunicorn
 * master and a Celery worker, say), so that code scanning keeps one alert per line and rule.
 */
export function beforeForkFinding(rule: Rule, finding: Finding, match: ResourceMatch, forked: readonly Served[], graph: ImportGraph, started: boolean): Finding {
  const afterFork = match.afterFork;
  // A fork copies the object, not its running threads: the workers get it without them.
  const gets = afterFork === 'threads-lost' ? 'each get the object without its running threads' : 'each get a copy of it';
  const how = forked.slice(0, MAX_LISTED).map(({ process }) => `${forkReason(process)}, so ${processCount(process).text} ${gets}`);
  if (forked.length > MAX_LISTED) how.push(`${forked.length - MAX_LISTED} more processes fork the same way`);
  const code = started ? finding.resource.statement : finding.resource.text;
  const flat = code.replace(/[ \t\n\r\f\v]+/g, ' ').replace(/`/g, "'");
  const quoted = flat.length <= 60 ? flat : `${flat.slice(0, 59)}…`;
  const forkers = forked.length === 1 ? forkerName(forked[0]!.process) : `${forked.length} processes of the deployment`;
  const message = `\`${quoted}\` ${started ? 'starts' : 'creates'} ${match.what} in \`${finding.module.length <= 80 ? finding.module : `${finding.module.slice(0, 79)}…`}\` before ${forkers} fork${forked.length === 1 ? 's' : ''}: ${FORK_SHORT[afterFork]}.`;
  // The chain that matters here starts at the app the (first) forking process imports.
  const first = forked[0]!;
  const chain = first.appPaths.length ? chainsFrom(graph, first.appPaths).get(finding.path) : undefined;
  const entry = chain ? first.appEntries.find((e) => e.path === chain.entry) : undefined;
  const reach = chain && entry && finding.reach.kind === 'entry' ? { ...finding.reach, entry, chain: chain.hops } : finding.reach;
  return {
    ...finding,
    reach,
    ruleId: rule.id,
    level: FORK_LEVEL[afterFork],
    message,
    cost: `${FORK_CONSEQUENCE[afterFork]}.`,
    deployment: `${capitalise(how.join('; and '))}.`,
    fix: rule.fix,
    related: [
      ...finding.related,
      ...forked.slice(0, MAX_LISTED).map(({ process }) => ({
        path: process.preload?.file ?? process.celery?.pool?.file ?? process.file,
        span: spanAt(process.preload?.line ?? process.celery?.pool?.line ?? process.line),
        message: `forks after importing the app: ${oneLine(process.command ?? process.file)}`,
      })),
    ],
  };
}

function spanAt(line: number) {
  return { line, column: 1, endLine: line, endColumn: 1 };
}

/**
 * "deployment read: gunicorn `app.wsgi` (Procfile:1): 3 gunicorn workers (Procfile:1); ...", or what
 * was assumed: without deployment files, or when the files read start no server importleak models.
 * Each process once, at most MAX_SUMMARY_PROCESSES of them, each command bounded.
 */
export function deploymentSummary(context: DeploymentContext | undefined): string {
  const deployment = context?.deployment;
  if (!deployment || deployment.read.length === 0) return 'no deployment file found: assuming one process per worker';
  if (deployment.processes.length === 0) {
    const files = deployment.read.slice(0, MAX_LISTED);
    const more = deployment.read.length - files.length;
    return `deployment files read (${files.join(', ')}${more > 0 ? ` and ${more} more` : ''}), but no server or worker recognised in them: assuming one process per worker`;
  }
  const parts = deployment.processes.map((p) => {
    // `manage.py migrate`; a manage.py of another command line, its first words (`manage.py rq worker`).
    const shown = p.appSpec?.notDjango ? 2 : ['command', 'dev-server', 'worker-command'].includes(processRole(p)) ? 1 : 0;
    const written = p.appSpec ? [p.appSpec.written, ...(p.appSpec.arguments ?? []).slice(0, shown)].join(' ') : '';
    const app = written ? ` \`${oneLine(written, 80)}\`${p.appSpec?.consoleScript ? ` (${consoleScriptNote(p.appSpec, '')})` : ''}` : '';
    const server =
      p.server === 'celery'
        ? `Celery ${oneLine(p.celery?.subcommand || 'worker', 20)}`
        : p.server === 'flask' && p.flaskCommand !== undefined
          ? `flask ${oneLine(p.flaskCommand, 20)}`
          : SERVER_NAMES[p.server];
    const starts = p.starts ? `, which runs ${SERVER_NAMES[p.starts.server]}${p.starts.appSpec ? ` \`${oneLine(p.starts.appSpec.written, 80)}\`` : ''}` : '';
    const fork = p.processModel === 'imported-then-forked' ? ', forked after the app is imported' : '';
    // A count that a sentence goes on after (`…, one for each job,`) ends here.
    return `${server}${app}${starts} (${where(p)}): ${processCount(p).text.replace(/,$/, '')}${fork}`;
  });
  const unique = [...new Set(parts)];
  const listed = unique.slice(0, MAX_SUMMARY_PROCESSES);
  return `deployment read: ${listed.join('; ')}${unique.length > listed.length ? `; and ${unique.length - listed.length} more processes` : ''}`;
}
