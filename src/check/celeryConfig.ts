import path from 'node:path';
import type { ServerProcess, Setting } from '../deploy/types.js';
import { readPythonConfig, type ConfigAssignment, type PythonConfigFile } from '../deploy/pythonConfig.js';
import { withPythonParser } from '../extract/parser.js';
import type { CallRecord, ModuleSummary } from '../extract/summary.js';
import { DEFAULT_MAX_FILE_BYTES, readRegularFile } from '../files.js';
import type { ModuleIndex } from '../resolve/moduleIndex.js';

/**
 * How many children a Celery worker whose command line and environment set no concurrency runs:
 * its app's `worker_concurrency`, else one per CPU. Found on paperless-ngx, whose settings say
 * `CELERY_WORKER_CONCURRENCY = get_int_from_env("PAPERLESS_TASK_WORKERS", 1)` and whose Celery app
 * reads them with `config_from_object("django.conf:settings", namespace="CELERY")`. Read, without
 * running anything, from the app's modules (`appPaths`), in this order (the first found wins):
 * - `app.conf.worker_concurrency = N` or `app.conf.update(worker_concurrency=N)` there;
 * - `app.config_from_object("proj.celeryconfig")`: that module's `worker_concurrency` (or the old
 *   `CELERYD_CONCURRENCY`); with `namespace="CELERY"`, its `CELERY_WORKER_CONCURRENCY`;
 * - `"django.conf:settings"`: the settings module the app module's
 *   `os.environ.setdefault("DJANGO_SETTINGS_MODULE", ...)` names.
 * Undefined when none of these says.
 */
export async function celeryConfigConcurrency(appPaths: readonly string[], root: string, index: ModuleIndex, summaries: ReadonlyMap<string, ModuleSummary>): Promise<Setting<number> | undefined> {
  for (const appPath of appPaths) {
    const summary = summaries.get(appPath);
    if (!summary) continue;
    const own = await readModule(root, appPath);
    const assigned = own ? [...own.assignments].find(([name]) => name.endsWith('.conf.worker_concurrency')) : undefined;
    if (assigned) return settingOf(appPath, assigned[0], assigned[1]);
    const calls = summary.calls.filter((call) => call.scope.kind === 'module');
    for (const call of calls) {
      if (!call.calleeText.endsWith('.conf.update')) continue;
      const argument = call.args.find((a) => a.keyword === 'worker_concurrency');
      if (argument) return literalSetting(appPath, call, 'worker_concurrency=', argument.literal, argument.text);
    }
    const source = calls.find((call) => call.calleeText.endsWith('.config_from_object') && typeof call.args[0]?.literal === 'string');
    if (!source) continue;
    const namespace = source.args.find((a) => a.keyword === 'namespace')?.literal;
    const names = typeof namespace === 'string' && namespace !== '' ? [`${namespace}_WORKER_CONCURRENCY`] : ['worker_concurrency', 'CELERYD_CONCURRENCY'];
    const written = source.args[0]!.literal as string;
    const moduleName = written === 'django.conf:settings' || written === 'django.conf.settings' ? djangoSettingsOf(calls) : written.split(':')[0];
    const module = moduleName ? index.lookup(moduleName, index.byPath.get(appPath)) : undefined;
    const config = module ? await readModule(root, module.path) : undefined;
    if (!config) continue;
    for (const name of names) {
      const assignment = config.assignments.get(name);
      if (assignment) return settingOf(module!.path, name, assignment);
    }
  }
  return undefined;
}

/** `os.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings")` in the app module. */
function djangoSettingsOf(calls: readonly CallRecord[]): string | undefined {
  for (const call of calls) {
    if (call.callee !== 'os.environ.setdefault' || call.args[0]?.literal !== 'DJANGO_SETTINGS_MODULE') continue;
    const value = call.args[1]?.literal;
    if (typeof value === 'string') return value;
  }
  return undefined;
}

function settingOf(file: string, name: string, assignment: ConfigAssignment): Setting<number> {
  const base = { file, line: assignment.line, origin: 'config-file' as const, via: `${name} =`, ...(assignment.conditional ? { conditional: true as const } : {}) };
  return typeof assignment.value === 'number' && Number.isInteger(assignment.value) ? { ...base, value: assignment.value } : { ...base, expression: assignment.expression };
}

function literalSetting(file: string, call: CallRecord, via: string, literal: unknown, text: string): Setting<number> {
  const base = { file, line: call.span.line, origin: 'config-file' as const, via };
  return typeof literal === 'number' && Number.isInteger(literal) ? { ...base, value: literal } : { ...base, expression: text };
}

/** A project module's module-level assignments, read as a config file is; undefined when it cannot be read. */
async function readModule(root: string, relative: string): Promise<PythonConfigFile | undefined> {
  const read = await readRegularFile(path.join(root, relative), DEFAULT_MAX_FILE_BYTES, { record: false });
  if (!read.ok) return undefined;
  try {
    const config = await withPythonParser(relative, (parser) => readPythonConfig(parser, relative, read.bytes.toString('utf8')));
    return config.refused ? undefined : config;
  } catch {
    return undefined;
  }
}

/** Gives each Celery worker of the deployment whose concurrency is not set its app's configured one. */
export async function withCeleryConfig(served: ReadonlyArray<{ process: ServerProcess; appPaths: string[] }>, root: string, index: ModuleIndex, summaries: ReadonlyMap<string, ModuleSummary>): Promise<void> {
  const known = new Map<string, Setting<number> | undefined>();
  for (const { process, appPaths } of served) {
    const celery = process.celery;
    if (process.server !== 'celery' || !celery || (celery.subcommand || 'worker') !== 'worker' || appPaths.length === 0) continue;
    // Options held in a variable the deployment does not set: the app's setting is what holds while it is unset.
    let held = celery.concurrency && 'expression' in celery.concurrency ? celery.concurrency.optionsOf : undefined;
    while (held?.unset && 'expression' in held.unset && held.unset.optionsOf) held = held.unset.optionsOf;
    if (celery.concurrency && !(held && !held.unset)) continue;
    const key = appPaths.join('\0');
    if (!known.has(key)) known.set(key, await celeryConfigConcurrency(appPaths, root, index, summaries));
    const setting = known.get(key);
    if (!setting || ('value' in setting && setting.value === 0)) continue;
    if (held) held.unset = setting;
    else celery.concurrency = setting;
  }
}
