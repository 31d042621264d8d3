import { optionTable, parseArguments } from '../options.js';
import type { Word } from '../shellWords.js';
import { appSpecOf, emptyReading, intSetting, reportUsageErrors, type CommandContext, type ServerReading } from './common.js';

const BOOLEAN_PARAMS = ['ipv4', 'ipv6', 'log-untrusted-proxy-headers', 'clear-untrusted-proxy-headers', 'log-socket-errors', 'expose-tracebacks', 'asyncore-use-poll'];
const VALUE_PARAMS = [
  'host', 'port', 'listen', 'trusted-proxy', 'trusted-proxy-count', 'trusted-proxy-headers', 'url-scheme', 'url-prefix',
  'backlog', 'recv-bytes', 'send-bytes', 'outbuf-overflow', 'outbuf-high-watermark', 'inbuf-overflow', 'connection-limit',
  'cleanup-interval', 'channel-timeout', 'max-request-header-size', 'max-request-body-size', 'ident', 'asyncore-loop-timeout',
  'unix-socket', 'unix-socket-perms', 'sockets', 'channel-request-lookahead', 'server-name', 'metrics-collector',
];

/** waitress-serve's options (waitress `Adjustments.parse_args`): getopt long options only. */
export const WAITRESS_OPTIONS = optionTable({
  '--threads': 'threads',
  '--call': 'call!',
  '--help': 'other!',
  ...Object.fromEntries(BOOLEAN_PARAMS.flatMap((p) => [[`--${p}`, 'other!'], [`--no-${p}`, 'other!']])),
  ...Object.fromEntries(VALUE_PARAMS.map((p) => [`--${p}`, 'other'])),
});

/**
 * `waitress-serve [OPTS] MODULE:OBJECT`: one process serving with a pool of threads (4 by default).
 * getopt stops at the first word that is not an option, so options after the app are ignored.
 */
export function readWaitressCommand(args: readonly Word[], context: CommandContext): ServerReading {
  const reading = emptyReading('waitress');
  const parsed = parseArguments(args, WAITRESS_OPTIONS, 'getopt');
  reportUsageErrors(reading, parsed, context.file, 'waitress-serve');
  let call = false;
  for (const option of parsed.options) {
    if (option.key === 'threads') {
      const setting = intSetting(reading, option, { file: context.file, origin: 'command-line', tool: 'waitress-serve' });
      if (setting) reading.commandLine.threads = setting;
    } else if (option.key === 'call') call = true;
  }
  const app = parsed.positionals[0];
  if (app && !app.expands) {
    const spec = appSpecOf(app, context.file, {});
    if (spec?.attribute) reading.appSpec = call ? { ...spec, factory: true } : spec;
    else reading.problems.push({ file: context.file, line: app.line, message: `waitress-serve: malformed application ${JSON.stringify(app.text)} (MODULE:OBJECT)` });
  }
  if (parsed.positionals.length > 1) {
    const extra = parsed.positionals[1]!;
    reading.problems.push({ file: context.file, line: extra.line, message: `waitress-serve reads options only before the application; ${JSON.stringify(extra.text)} and what follows make it refuse to start ("Specify one application only")` });
  }
  return reading;
}
