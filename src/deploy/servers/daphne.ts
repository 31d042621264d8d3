import { optionTable, parseArguments } from '../options.js';
import type { Word } from '../shellWords.js';
import { appSpecOf, emptyReading, reportUsageErrors, type CommandContext, type ServerReading } from './common.js';

/** Daphne's options (daphne/cli.py), parsed by argparse. Daphne serves from one process. */
export const DAPHNE_OPTIONS = optionTable({
  '-p --port': 'port',
  '-b --bind': 'bind',
  '--proxy-headers': 'other!',
  '-h --help': 'other!',
  ...Object.fromEntries(
    [
      '--websocket_timeout', '--websocket_connect_timeout', '-u --unix-socket', '--fd', '-e --endpoint', '-v --verbosity',
      '-t --http-timeout', '--access-log', '--log-fmt', '--ping-interval', '--ping-timeout', '--application-close-timeout',
      '--asgi-protocol', '--root-path', '--proxy-headers-host', '--proxy-headers-port', '-s --server-name',
    ].map((n) => [n, 'other']),
  ),
  // `--ws-protocol` takes any number of values (nargs="*"); read as a flag.
  '--ws-protocol': 'other!',
});

/** `daphne [OPTIONS] module:attribute` (attribute path required: `import_by_path` splits on ':'). */
export function readDaphneCommand(args: readonly Word[], context: CommandContext): ServerReading {
  const reading = emptyReading('daphne');
  const parsed = parseArguments(args, DAPHNE_OPTIONS, 'argparse');
  reportUsageErrors(reading, parsed, context.file, 'daphne');
  const app = parsed.positionals.find((word) => !word.expands);
  if (app) {
    const spec = appSpecOf(app, context.file, {});
    if (spec?.attribute) reading.appSpec = spec;
    else reading.problems.push({ file: context.file, line: app.line, message: `daphne cannot import ${JSON.stringify(app.text)}: it must be path.to.module:instance.path` });
  }
  return reading;
}
