import { optionTable, parseArguments } from '../options.js';
import type { Word } from '../shellWords.js';
import {
  appSpecOf,
  emptyReading,
  envIntSetting,
  flagSetting,
  heldCount,
  intSetting,
  reportUsageErrors,
  type CommandContext,
  type ServerReading,
} from './common.js';

/** Uvicorn's options (uvicorn 0.54 `uvicorn.main.main.params`), parsed by click. */
export const UVICORN_OPTIONS = optionTable({
  '--workers': 'workers',
  '--reload': 'reload!',
  '--factory': 'factory!',
  '--app-dir': 'app_dir',
  '--host': 'host',
  '--port': 'port',
  '--uds': 'uds',
  '--fd': 'fd',
  ...Object.fromEntries(
    [
      '--http2', '--access-log', '--no-access-log', '--use-colors', '--no-use-colors', '--proxy-headers', '--no-proxy-headers',
      '--server-header', '--no-server-header', '--date-header', '--no-date-header', '--version', '--reset-contextvars', '--help',
    ].map((n) => [n, 'other!']),
  ),
  ...Object.fromEntries(
    [
      '--reload-dir', '--reload-include', '--reload-exclude', '--reload-delay', '--loop', '--http', '--ws', '--ws-max-size',
      '--ws-max-queue', '--ws-ping-interval', '--ws-ping-timeout', '--ws-per-message-deflate', '--lifespan', '--interface',
      '--env-file', '--log-config', '--log-level', '--forwarded-allow-ips', '--root-path', '--limit-concurrency', '--backlog',
      '--limit-max-requests', '--limit-max-requests-jitter', '--timeout-keep-alive', '--timeout-graceful-shutdown',
      '--timeout-worker-healthcheck', '--ssl-keyfile', '--ssl-certfile', '--ssl-keyfile-password', '--ssl-version',
      '--ssl-cert-reqs', '--ssl-ca-certs', '--ssl-ciphers', '--header', '--h11-max-incomplete-event-size',
    ].map((n) => [n, 'other']),
  ),
});

/**
 * `uvicorn [OPTIONS] APP`. Click reads each option from `UVICORN_<NAME>` when it is not on the command
 * line (`auto_envvar_prefix="UVICORN"`), and the app from UVICORN_APP; when `--workers` is still unset,
 * uvicorn's Config falls back to WEB_CONCURRENCY, then 1.
 */
export function readUvicornCommand(args: readonly Word[], context: CommandContext): ServerReading {
  const reading = emptyReading('uvicorn');
  const parsed = parseArguments(args, UVICORN_OPTIONS, 'click');
  reportUsageErrors(reading, parsed, context.file, 'uvicorn');
  let factory = false;
  const where = { file: context.file, origin: 'command-line' as const };
  for (const option of parsed.options) {
    if (option.key === 'workers') {
      const setting = intSetting(reading, option, { ...where, tool: 'uvicorn' });
      if (setting) reading.commandLine.workers = setting;
    } else if (option.key === 'reload') reading.commandLine.reload = flagSetting(option, where);
    else if (option.key === 'factory') factory = true;
    else if (option.key === 'app_dir' && option.value !== undefined) reading.pythonPath = [option.value];
  }
  const workers = heldCount(parsed, 'workers', reading.commandLine.workers, (words) => {
    const option = parseArguments(words, UVICORN_OPTIONS, 'click').options.filter((o) => o.key === 'workers').pop();
    return option ? intSetting(reading, option, { ...where, tool: 'uvicorn' }) : undefined;
  }, context.file);
  if (workers) reading.commandLine.workers = workers;
  const appWord = parsed.positionals.find((word) => !word.expands);
  const appFromEnv = context.env.get('UVICORN_APP');
  const appSource = appWord ?? (appFromEnv?.value !== undefined ? { text: appFromEnv.value, raw: appFromEnv.written, line: appFromEnv.line, expands: false } : undefined);
  const appFile = appWord ? context.file : (appFromEnv?.file ?? context.file);
  if (appSource) {
    const spec = appSpecOf(appSource, appFile, {});
    if (spec?.attribute) reading.appSpec = factory ? { ...spec, factory: true } : spec;
    else reading.problems.push({ file: appFile, line: appSource.line, message: `uvicorn cannot import ${JSON.stringify(appSource.text)}: it must be in format "<module>:<attribute>"` });
  }

  const envWorkers = context.env.get('UVICORN_WORKERS') ?? context.env.get('WEB_CONCURRENCY');
  if (envWorkers) {
    const workers = envIntSetting(reading, envWorkers, 'uvicorn');
    if (workers) reading.environmentDefaults.workers = workers;
  }
  const envReload = context.env.get('UVICORN_RELOAD');
  if (envReload?.value !== undefined && !reading.commandLine.reload) {
    const on = ['1', 'true', 't', 'yes', 'y', 'on'].includes(envReload.value.trim().toLowerCase());
    reading.environmentDefaults.reload = { file: envReload.file, line: envReload.line, origin: 'environment', via: 'UVICORN_RELOAD', value: on };
  }
  return reading;
}
