import path from 'node:path';
import type { ServerProcess, Setting } from '../deploy/index.js';
import { processModelOf } from '../deploy/processModel.js';
import { callsInFunction, callsOutsideFunctions } from '../extract/packed.js';
import type { CallArgument, ModuleSummary } from '../extract/summary.js';

/**
 * A script that starts a server from its own code. The deployment says `python main.py`; main.py's
 * `if __name__ == "__main__":` block (or a top-level function of main.py called there) runs
 * `uvicorn.run("app:app", workers=4)`. The process is then uvicorn's, as `uvicorn.run` sets it up
 * (uvicorn 0.54 `uvicorn/main.py` `run`):
 * - the app is imported by the name in the string, from `sys.path`, whose first entry is the
 *   script's folder (after `app_dir=`, which `run` puts first);
 * - with `reload=True` or `workers` > 1 the serving processes are spawned (multiprocessing "spawn"),
 *   and each imports the app itself; with one worker, the script's own process imports and serves it;
 * - `workers` left out (or None) is WEB_CONCURRENCY when set, else 1; 0 is 1;
 * - an app passed as an object cannot be reloaded or given workers: uvicorn exits at once, so such a
 *   call is not read as a server of several processes.
 * A spawned worker also runs the script's module body again (as `__mp_main__`, its `__main__` block
 * left out), so it imports what the script imports as well as the app.
 */
export type StartedServer = NonNullable<ServerProcess['starts']>;

/** `uvicorn.run` as the script's imports name it. */
const UVICORN_RUN = new Set(['uvicorn.run', 'uvicorn.main.run']);

/**
 * The server `process` (a `python` script of the deployment, `script` the path of its file) starts
 * through a `uvicorn.run` call, read from `summary`; undefined when the script starts none we model.
 */
export function serverStartedByScript(process: ServerProcess, script: string, summary: ModuleSummary, entryFunction?: string): StartedServer | undefined {
  const call = uvicornRunCall(summary, entryFunction);
  if (!call) return undefined;
  const argument = (keyword: string): CallArgument | undefined => call.args.find((a) => a.keyword === keyword);
  const app = call.args.find((a) => a.keyword === undefined) ?? argument('app');
  if (!app) return undefined;
  const at = { file: script, line: call.line };
  const workers = intArgument(argument('workers'), at);
  const reload = boolArgument(argument('reload'), at);
  const factory = argument('factory')?.literal === true;
  const started: StartedServer = {
    file: script,
    line: call.line,
    source: process.source,
    ...(process.name !== undefined ? { name: process.name } : {}),
    server: 'uvicorn',
    call: bounded(call.text),
  };
  if (typeof app.literal === 'string') {
    const [module, attribute, ...rest] = app.literal.split(':');
    // Not `<module>:<attribute>`: uvicorn stops with an error; nothing is served.
    if (!module || !attribute || rest.length) return undefined;
    started.appSpec = { file: script, line: call.line, written: app.literal, module, attribute, ...(factory ? { factory: true } : {}) };
    if (workers) started.workers = workers;
    if (reload) started.reload = reload;
    const appDir = argument('app_dir')?.literal;
    const folder = path.posix.dirname(script) === '.' ? '' : path.posix.dirname(script);
    started.importRoots = [...(typeof appDir === 'string' ? [path.posix.normalize(path.posix.join(folder, appDir)).replace(/^\.$/, '')] : []), folder];
  } else {
    // An object: served by the script's own process. With workers or reload asked, uvicorn refuses it and exits.
    const refused = (workers && !('value' in workers && workers.value <= 1)) || (reload && !('value' in reload && reload.value === false));
    if (refused) return undefined;
  }
  const model = processModelOf(started);
  if (model) started.processModel = model;
  return started;
}

/** A call as the script makes it: from its module body, its `__main__` block or a function's body. */
interface ScriptCall {
  text: string;
  line: number;
  args: CallArgument[];
}

/**
 * The first `uvicorn.run(...)` the script runs as `__main__`: in its module body or `__main__` block,
 * or in the body of one of its top-level functions called from there (`main()`, `sys.exit(main())`).
 * For a console script, `entryFunction` is the function its program calls once the module is
 * imported: its body, and the top-level functions it calls, come after the module body.
 */
function uvicornRunCall(summary: ModuleSummary, entryFunction?: string): ScriptCall | undefined {
  const isRun = (c: { callee?: string; calleeIsLocal?: boolean }): boolean => c.callee !== undefined && !c.calleeIsLocal && UVICORN_RUN.has(c.callee);
  const inFunction = (name: string): ScriptCall | undefined => {
    const inner = name.includes('.') ? undefined : callsInFunction(summary, name).find((c) => c.scope.kind === 'function' && isRun(c));
    return inner && { text: inner.text, line: inner.span.line, args: inner.args };
  };
  const body = callsOutsideFunctions(summary).filter((c) => c.scope.kind === 'module');
  const asCall = (c: (typeof body)[number]) => ({ callee: c.callee, calleeIsLocal: c.calleeIsLocal, text: c.text, line: c.span.line, args: c.args });
  // A console script's function: its own calls, read like a `__main__` block's.
  const entry = entryFunction !== undefined && !entryFunction.includes('.') ? callsInFunction(summary, entryFunction).filter((c) => c.scope.kind === 'function').map(asCall) : [];
  const main = entryFunction !== undefined ? entry : (summary.mainCalls ?? []);
  for (const call of [...body.map(asCall), ...main]) {
    if (isRun(call)) return call;
    const inner = call.calleeIsLocal && call.callee ? inFunction(call.callee) : undefined;
    if (inner) return inner;
  }
  return undefined;
}

function intArgument(argument: CallArgument | undefined, at: { file: string; line: number }): Setting<number> | undefined {
  if (!argument || argument.literal === null) return undefined;
  const where = { ...at, origin: 'command-line' as const, via: 'uvicorn.run(workers=)' };
  if (typeof argument.literal === 'number' && Number.isInteger(argument.literal)) return { ...where, value: Math.max(1, argument.literal) };
  // `workers=WORKERS`, `WORKERS = 4` above.
  if (argument.constant !== undefined && Number.isInteger(argument.constant)) return { ...where, value: Math.max(1, argument.constant) };
  return { ...where, expression: argument.text };
}

function boolArgument(argument: CallArgument | undefined, at: { file: string; line: number }): Setting<boolean> | undefined {
  if (!argument) return undefined;
  const where = { ...at, origin: 'command-line' as const, via: 'uvicorn.run(reload=)' };
  if (typeof argument.literal === 'boolean') return { ...where, value: argument.literal };
  if (argument.literal === null) return { ...where, value: false };
  return { ...where, expression: argument.text };
}

function bounded(text: string, max = 100): string {
  const line = text.replace(/\s+/g, ' ').replace(/\(\s+/g, '(').replace(/,?\s+\)/g, ')').trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}
