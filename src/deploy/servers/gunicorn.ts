import { optionTable, parseArguments, type ParsedArguments } from '../options.js';
import { splitCommandLine, type Word } from '../shellWords.js';
import type { SettingOrigin } from '../types.js';
import {
  appSpecOf,
  emptyReading,
  envIntSetting,
  flagSetting,
  heldCount,
  intSetting,
  reportUsageErrors,
  stringSetting,
  type CommandContext,
  type ServerReading,
  type ServerSettings,
} from './common.js';

/**
 * Gunicorn's command-line options (gunicorn 26, `gunicorn.config.KNOWN_SETTINGS`), parsed by argparse.
 * Flags end in `!`; every other option takes a value. Keys we read are named after the setting.
 */
export const GUNICORN_OPTIONS = optionTable({
  '-c --config': 'config',
  '-b --bind': 'bind',
  '-w --workers': 'workers',
  '-k --worker-class': 'worker_class',
  '--threads': 'threads',
  '--preload': 'preload_app!',
  '--reload': 'reload!',
  '--chdir': 'chdir',
  '--pythonpath': 'pythonpath',
  '--paste --paster': 'paste',
  '-v --version': 'version!',
  '-h --help': 'help!',
  ...Object.fromEntries(
    [
      '--spew', '--check-config', '--print-config', '--no-sendfile', '--reuse-port', '-D --daemon', '--initgroups',
      '--disable-redirect-access-to-syslog', '--capture-output', '--log-syslog', '-R --enable-stdio-inheritance',
      '--enable-backlog-metric', '--suppress-ragged-eofs', '--do-handshake-on-connect', '--permit-obsolete-folding',
      '--strip-header-spaces', '--permit-unconventional-http-method', '--permit-unconventional-http-version',
      '--casefold-http-method', '--no-control-socket',
    ].map((names) => [names, 'other!']),
  ),
  ...Object.fromEntries(
    [
      '--backlog', '--worker-connections', '--max-requests', '--max-requests-jitter', '-t --timeout', '--graceful-timeout',
      '--keep-alive', '--limit-request-line', '--limit-request-fields', '--limit-request-field_size', '--reload-engine',
      '--reload-extra-file', '-e --env', '-p --pid', '--worker-tmp-dir', '-u --user', '-g --group', '-m --umask',
      '--forwarded-allow-ips', '--access-logfile', '--access-logformat', '--error-logfile --log-file', '--log-level',
      '--logger-class', '--log-config', '--log-config-json', '--log-syslog-to', '--log-syslog-prefix',
      '--log-syslog-facility', '--statsd-host', '--dogstatsd-tags', '--statsd-prefix', '-n --name', '--proxy-allow-from',
      '--protocol', '--uwsgi-allow-from', '--keyfile', '--certfile', '--ssl-version', '--cert-reqs', '--ca-certs',
      '--ciphers', '--http-protocols', '--http2-cleartext', '--http2-max-concurrent-streams', '--http2-initial-window-size',
      '--http2-max-frame-size', '--http2-max-header-list-size', '--paste-global', '--forwarder-headers', '--header-map',
      '--asgi-loop', '--asgi-lifespan', '--asgi-disconnect-grace-period', '--http-parser', '--root-path', '--dirty-app',
      '--dirty-workers', '--dirty-timeout', '--dirty-threads', '--dirty-graceful-timeout', '--control-socket',
      '--control-socket-mode',
    ].map((names) => [names, 'other']),
  ),
  // `--proxy-protocol [MODE]` takes an optional value; read as a flag so a following app is not swallowed.
  '--proxy-protocol': 'other!',
});

/** gunicorn/util.py import_app: `module[:name]` or `module:name(literal args)`, `application` by default. */
const GUNICORN_APP = { defaultAttribute: 'application', calls: true } as const;

/**
 * `gunicorn [OPTIONS] [APP_MODULE]`. Gunicorn applies, lowest first: WEB_CONCURRENCY (the default of
 * `workers`), the config file (`-c`, else GUNICORN_CMD_ARGS's `-c`, else ./gunicorn.conf.py), the options
 * in GUNICORN_CMD_ARGS, then the command line (gunicorn/app/base.py `load_config`).
 */
export function readGunicornCommand(args: readonly Word[], context: CommandContext): ServerReading {
  const reading = emptyReading('gunicorn');
  const parsed = parseArguments(args, GUNICORN_OPTIONS, 'argparse');
  reportUsageErrors(reading, parsed, context.file, 'gunicorn');
  applyOptions(reading, parsed, reading.commandLine, { file: context.file, origin: 'command-line' });
  const workers = heldCount(parsed, 'workers', reading.commandLine.workers, (words) => {
    const layer: ServerSettings = {};
    applyOptions(reading, parseArguments(words, GUNICORN_OPTIONS, 'argparse'), layer, { file: context.file, origin: 'command-line' });
    return layer.workers;
  }, context.file);
  if (workers) reading.commandLine.workers = workers;

  // gunicorn imports its first argument. After a misspelt option (already reported) the words are
  // shifted: the first one that names an app is then the one meant.
  const candidates = parsed.positionals.filter((word) => !word.expands);
  const app = parsed.unknown.length + parsed.ambiguous.length > 0 ? (candidates.find((w) => appSpecOf(w, context.file, GUNICORN_APP)) ?? candidates[0]) : candidates[0];
  if (app) {
    const spec = appSpecOf(app, context.file, GUNICORN_APP);
    if (spec) reading.appSpec = spec;
    else if (parsed.unknown.length + parsed.ambiguous.length === 0) {
      reading.problems.push({ file: context.file, line: app.line, message: `gunicorn cannot load ${JSON.stringify(app.text)}: not \`module\`, \`module:name\` or \`module:factory(...)\`` });
    }
  }

  const webConcurrency = context.env.get('WEB_CONCURRENCY');
  if (webConcurrency) {
    const workers = envIntSetting(reading, webConcurrency, 'gunicorn');
    if (workers) reading.environmentDefaults.workers = workers;
  }
  const cmdArgs = context.env.get('GUNICORN_CMD_ARGS');
  if (cmdArgs) {
    if (cmdArgs.value === undefined) {
      reading.problems.push({ file: cmdArgs.file, line: cmdArgs.line, message: `GUNICORN_CMD_ARGS=${cmdArgs.written} is only known at run time; its options were not read` });
    } else {
      // gunicorn splits it with shlex.split: quotes, no shell.
      const words = splitCommandLine(cmdArgs.value, 'words').commands.flatMap((c) => c.words).map((w) => ({ ...w, line: cmdArgs.line }));
      const envParsed = parseArguments(words, GUNICORN_OPTIONS, 'argparse');
      reportUsageErrors(reading, envParsed, cmdArgs.file, 'gunicorn (GUNICORN_CMD_ARGS)');
      applyOptions(reading, envParsed, reading.environmentArguments, { file: cmdArgs.file, origin: 'environment', viaPrefix: 'GUNICORN_CMD_ARGS ' });
    }
  }
  return reading;
}

function applyOptions(
  reading: ServerReading,
  parsed: ParsedArguments,
  layer: ServerSettings,
  context: { file: string; origin: SettingOrigin; viaPrefix?: string },
): void {
  const binds: string[] = [];
  let bindExpands = false;
  for (const option of parsed.options) {
    const intContext = { ...context, tool: 'gunicorn' };
    switch (option.key) {
      case 'workers': {
        const setting = intSetting(reading, option, intContext);
        if (setting) layer.workers = setting;
        break;
      }
      case 'threads': {
        const setting = intSetting(reading, option, intContext);
        if (setting) layer.threads = setting;
        break;
      }
      case 'worker_class': {
        const setting = stringSetting(option, context);
        if (setting) layer.workerClass = setting;
        break;
      }
      case 'preload_app':
        layer.preload = flagSetting(option, context);
        break;
      case 'reload':
        layer.reload = flagSetting(option, context);
        break;
      case 'bind':
        // `-b` appends: every bind given is used.
        if (option.value !== undefined) {
          binds.push(option.value);
          bindExpands ||= option.valueExpands === true;
          const base = { file: context.file, line: option.line, origin: context.origin, via: `${context.viaPrefix ?? ''}${option.name}` };
          layer.bind = bindExpands ? { ...base, expression: binds.join(' ') } : { ...base, value: [...binds] };
        }
        break;
      case 'config':
        if (option.value !== undefined && !(context.origin === 'environment' && reading.configFile)) {
          reading.configFile = { written: option.value, line: option.line, file: context.file, origin: context.origin };
        }
        break;
      case 'chdir':
        if (option.value !== undefined) reading.workingDirectory = option.value;
        break;
      case 'pythonpath':
        if (option.value !== undefined) reading.pythonPath = option.value.split(',').filter(Boolean);
        break;
    }
  }
}
