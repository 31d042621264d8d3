import { optionTable, parseArguments } from '../options.js';
import type { Word } from '../shellWords.js';
import { appSpecOf, emptyReading, envIntSetting, flagSetting, intSetting, reportUsageErrors, stringSetting, type CommandContext, type ServerReading } from './common.js';

/** Granian's options (granian 2.x `granian/cli.py`), parsed by click; `--x/--no-x` pairs are flags. */
export const GRANIAN_OPTIONS = optionTable({
  '--workers': 'workers',
  '--interface': 'interface',
  '--factory': 'factory!',
  '--no-factory': 'other!',
  '--reload': 'reload!',
  '--no-reload': 'other!',
  '--working-dir': 'working_dir',
  ...Object.fromEntries(
    [
      'ws', 'http1-keep-alive', 'http1-pipeline-flush', 'http2-adaptive-window', 'log', 'access-log', 'ssl-client-verify',
      'respawn-failed-workers', 'metrics', 'reload-ignore-worker-failure',
    ].flatMap((name) => [[`--${name}`, 'other!'], [`--no-${name}`, 'other!']]),
  ),
  '--version': 'other!',
  '--help': 'other!',
  ...Object.fromEntries(
    [
      '--host', '--port', '--uds', '--uds-permissions', '--http', '--blocking-threads', '--blocking-threads-idle-timeout',
      '--runtime-threads', '--runtime-blocking-threads', '--runtime-mode', '--loop', '--task-impl', '--backlog', '--backpressure',
      '--http1-buffer-size', '--http1-header-read-timeout', '--http2-initial-connection-window-size', '--http2-initial-stream-window-size',
      '--http2-keep-alive-interval', '--http2-keep-alive-timeout', '--http2-max-concurrent-streams', '--http2-max-frame-size',
      '--http2-max-headers-size', '--http2-max-send-buffer-size', '--log-level', '--log-config', '--access-log-fmt', '--ssl-certificate',
      '--ssl-keyfile', '--ssl-keyfile-password', '--ssl-protocol-min', '--ssl-ca', '--ssl-crl', '--url-path-prefix', '--respawn-interval',
      '--rss-sample-interval', '--rss-samples', '--workers-lifetime', '--workers-max-rss', '--workers-kill-timeout', '--env-files',
      '--static-path-route', '--static-path-mount', '--static-path-dir-to-file', '--static-path-expires', '--metrics-scrape-interval',
      '--metrics-address', '--metrics-port', '--reload-paths', '--reload-ignore-dirs', '--reload-ignore-patterns', '--reload-ignore-paths',
      '--reload-tick', '--process-name', '--pid-file',
    ].map((name) => [name, 'other']),
  ),
});

/**
 * `granian [OPTIONS] APP`: `module:attribute`, `app` when no attribute is written (granian/_internal.py
 * `load_target`). Each of the `--workers` processes (1 by default) imports the app itself after it
 * starts; the main process never does. Click reads unset options from `GRANIAN_<NAME>`.
 */
export function readGranianCommand(args: readonly Word[], context: CommandContext): ServerReading {
  const reading = emptyReading('granian');
  const parsed = parseArguments(args, GRANIAN_OPTIONS, 'click');
  reportUsageErrors(reading, parsed, context.file, 'granian');
  const where = { file: context.file, origin: 'command-line' as const };
  let factory = false;
  for (const option of parsed.options) {
    if (option.key === 'workers') {
      const setting = intSetting(reading, option, { ...where, tool: 'granian' });
      if (setting) reading.commandLine.workers = setting;
    } else if (option.key === 'interface') {
      const setting = stringSetting(option, where);
      if (setting) reading.commandLine.interface = setting;
    } else if (option.key === 'reload') reading.commandLine.reload = flagSetting(option, where);
    else if (option.key === 'factory') factory = true;
    else if (option.key === 'working_dir' && option.value !== undefined) reading.pythonPath = [option.value];
  }
  const appWord = parsed.positionals.find((word) => !word.expands);
  const fromEnv = context.env.get('GRANIAN_APP');
  const app = appWord ?? (fromEnv?.value !== undefined ? { text: fromEnv.value, raw: fromEnv.written, line: fromEnv.line, expands: false } : undefined);
  if (app) {
    const spec = appSpecOf(app, appWord ? context.file : fromEnv!.file, { defaultAttribute: 'app' });
    if (spec) reading.appSpec = factory ? { ...spec, factory: true } : spec;
    else reading.problems.push({ file: context.file, line: app.line, message: `granian cannot load ${JSON.stringify(app.text)}: not \`module\` or \`module:attribute\`` });
  }
  const envWorkers = context.env.get('GRANIAN_WORKERS');
  if (envWorkers) {
    const workers = envIntSetting(reading, envWorkers, 'granian');
    if (workers) reading.environmentDefaults.workers = workers;
  }
  const envInterface = context.env.get('GRANIAN_INTERFACE');
  if (envInterface) {
    const base = { file: envInterface.file, line: envInterface.line, origin: 'environment' as const, via: 'GRANIAN_INTERFACE' };
    reading.environmentDefaults.interface = envInterface.value !== undefined ? { ...base, value: envInterface.value } : { ...base, expression: envInterface.written };
  }
  return reading;
}
