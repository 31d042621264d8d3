import type { Word } from '../shellWords.js';
import { emptyReading, envIntSetting, flagSetting, intSetting, type CommandContext, type ServerReading } from './common.js';
import { parseArguments, optionTable } from '../options.js';

/** `fastapi run` / `fastapi dev` options (fastapi-cli's typer commands). */
const FASTAPI_OPTIONS = optionTable({
  '--workers': 'workers',
  '--reload': 'reload!',
  '--no-reload': 'no_reload!',
  '--app': 'app',
  '--entrypoint -e': 'entrypoint',
  '--host': 'other',
  '--port': 'other',
  '--root-path': 'other',
  '--forwarded-allow-ips': 'other',
  '--proxy-headers': 'other!',
  '--no-proxy-headers': 'other!',
  '--help': 'other!',
});

/** The files `fastapi run` tries, in its working directory, when no path is given (fastapi-cli `get_default_path`). */
export const FASTAPI_DEFAULT_PATHS = ['main.py', 'app.py', 'api.py', 'app/main.py', 'app/app.py', 'app/api.py'];

/**
 * `fastapi run [PATH] [--workers N] [--app NAME]` and `fastapi dev [PATH]`: the FastAPI CLI imports
 * the module of PATH (a file, or a package folder; without one, the first of FASTAPI_DEFAULT_PATHS
 * that exists), finds the app in it (`--app`, else `app`, else `api`, else the first FastAPI
 * instance), then calls `uvicorn.run("<module>:<app>", workers=..., reload=...)`: uvicorn's
 * processes, which `dev` reloads. `--entrypoint module:attr` names the app directly. Any other
 * subcommand (`deploy`, `login`) starts no server: undefined.
 */
export function readFastapiCommand(args: readonly Word[], context: CommandContext): ServerReading | undefined {
  const parsed = parseArguments(args, FASTAPI_OPTIONS, 'click');
  const [subcommand, path] = parsed.positionals;
  if (!subcommand || (subcommand.text !== 'run' && subcommand.text !== 'dev')) return undefined;
  const reading = emptyReading('uvicorn');
  const where = { file: context.file, origin: 'command-line' as const };
  let attribute = 'app';
  let entrypoint: Word | undefined;
  // `dev` reloads unless told not to; `run` only when told to.
  if (subcommand.text === 'dev') reading.commandLine.reload = { file: context.file, line: subcommand.line, origin: 'command-line', via: 'fastapi dev', value: true };
  for (const option of parsed.options) {
    if (option.key === 'workers') {
      const setting = intSetting(reading, option, { ...where, tool: 'fastapi' });
      if (setting) reading.commandLine.workers = setting;
    } else if (option.key === 'reload') reading.commandLine.reload = flagSetting(option, where);
    else if (option.key === 'no_reload') reading.commandLine.reload = flagSetting(option, where, false);
    else if (option.key === 'app' && option.value !== undefined && !option.valueExpands) attribute = option.value;
    else if (option.key === 'entrypoint' && option.value !== undefined && !option.valueExpands) entrypoint = { text: option.value, raw: option.value, line: option.line, expands: false };
  }
  // uvicorn.run(workers=None) takes WEB_CONCURRENCY when it is set (uvicorn's Config).
  const concurrency = context.env.get('WEB_CONCURRENCY');
  if (concurrency) {
    const workers = envIntSetting(reading, concurrency, 'uvicorn');
    if (workers) reading.environmentDefaults.workers = workers;
  }
  if (entrypoint) {
    const [module, name] = entrypoint.text.split(':');
    if (module) reading.appSpec = { file: context.file, line: entrypoint.line, written: entrypoint.text, module, attribute: name || attribute };
    return reading;
  }
  if (path && !path.expands) {
    const clean = path.text.replace(/^\.\//, '').replace(/\/+$/, '');
    // A folder is a package: its __init__.py is the module imported.
    const script = /\.py$/.test(clean) ? clean : `${clean}/__init__.py`;
    const module = script.replace(/(\/__init__)?\.py$/, '').split('/').filter(Boolean).join('.');
    reading.appSpec = { file: context.file, line: path.line, written: path.text, module, attribute, script };
  } else if (!path) {
    reading.appSpec = { file: context.file, line: subcommand.line, written: `fastapi ${subcommand.text}`, module: 'main', attribute, candidates: FASTAPI_DEFAULT_PATHS };
  }
  return reading;
}
