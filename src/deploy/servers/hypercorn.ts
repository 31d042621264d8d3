import { optionTable, parseArguments } from '../options.js';
import type { Word } from '../shellWords.js';
import type { AppSpec } from '../types.js';
import { emptyReading, flagSetting, intSetting, reportUsageErrors, stringSetting, type CommandContext, type ServerReading } from './common.js';

/** Hypercorn's options (hypercorn/__main__.py), parsed by argparse. */
export const HYPERCORN_OPTIONS = optionTable({
  '-w --workers': 'workers',
  '-k --worker-class': 'worker_class',
  '-b --bind': 'bind',
  '-c --config': 'config',
  '--reload': 'reload!',
  '--debug': 'other!',
  '-h --help': 'other!',
  ...Object.fromEntries(
    [
      '--access-log', '--access-logfile', '--access-logformat', '--backlog', '--ca-certs', '--certfile', '--cert-reqs',
      '--ciphers', '--error-log', '--error-logfile --log-file', '--graceful-timeout', '--read-timeout', '--max-requests',
      '--max-requests-jitter', '-g --group', '--keep-alive', '--keyfile', '--keyfile-password', '--insecure-bind',
      '--log-config', '--log-level', '-p --pid', '--quic-bind', '--root-path', '--server-name', '--statsd-host',
      '--statsd-prefix', '-m --umask', '-u --user', '--verify-mode', '--websocket-ping-interval',
    ].map((n) => [n, 'other']),
  ),
});

/**
 * `hypercorn [OPTIONS] APPLICATION`. The config file (`-c file.toml`, `file:x.py`, `python:mod`) is applied
 * first, then each option given (hypercorn/__main__.py). The app is `[asgi:|wsgi:]module:expression`,
 * the expression `app` when none is written, and evaluated, so `create_app()` is a call.
 */
export function readHypercornCommand(args: readonly Word[], context: CommandContext): ServerReading {
  const reading = emptyReading('hypercorn');
  const parsed = parseArguments(args, HYPERCORN_OPTIONS, 'argparse');
  reportUsageErrors(reading, parsed, context.file, 'hypercorn');
  const where = { file: context.file, origin: 'command-line' as const };
  const binds: string[] = [];
  let bindExpands = false;
  for (const option of parsed.options) {
    if (option.key === 'workers') {
      const setting = intSetting(reading, option, { ...where, tool: 'hypercorn' });
      if (setting) reading.commandLine.workers = setting;
    } else if (option.key === 'worker_class') {
      const setting = stringSetting(option, where);
      if (setting) reading.commandLine.workerClass = setting;
    } else if (option.key === 'reload') reading.commandLine.reload = flagSetting(option, where);
    else if (option.key === 'bind' && option.value !== undefined) {
      binds.push(option.value);
      bindExpands ||= option.valueExpands === true;
      const base = { ...where, line: option.line, via: option.name };
      reading.commandLine.bind = bindExpands ? { ...base, expression: binds.join(' ') } : { ...base, value: [...binds] };
    } else if (option.key === 'config' && option.value !== undefined) {
      reading.configFile = { written: option.value, line: option.line, file: context.file, origin: 'command-line' };
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

function hypercornAppSpec(word: Word, file: string): { appSpec: AppSpec; importRoot?: string } | undefined {
  let path = word.text;
  const mode = /^(asgi|wsgi):(.*:.*)$/.exec(path);
  if (mode) path = mode[2]!;
  const colon = path.indexOf(':');
  const modulePath = colon < 0 ? path : path.slice(0, colon);
  const expression = colon < 0 ? 'app' : path.slice(colon + 1);
  // hypercorn imports the last component of the path, with its folder put on sys.path.
  const slash = modulePath.lastIndexOf('/');
  const importRoot = slash < 0 ? undefined : modulePath.slice(0, slash) || '/';
  const module = (slash < 0 ? modulePath : modulePath.slice(slash + 1)).replace(/\.py$/, '');
  if (!/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(module)) return undefined;
  const call = /^([A-Za-z_][A-Za-z0-9_.]*)\s*\(.*\)\s*$/s.exec(expression);
  const appSpec: AppSpec = {
    file,
    line: word.line,
    written: word.text,
    module,
    attribute: call ? call[1]! : expression,
    ...(call ? { factory: true } : {}),
  };
  return { appSpec, ...(importRoot ? { importRoot } : {}) };
}
