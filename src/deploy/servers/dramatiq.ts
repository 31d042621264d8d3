import { optionTable, parseArguments } from '../options.js';
import type { Word } from '../shellWords.js';
import { appSpecOf, emptyReading, intSetting, reportUsageErrors, type CommandContext, type ServerReading } from './common.js';

/** `dramatiq`'s options (dramatiq/cli.py `make_argument_parser`, dramatiq 1.17), parsed by argparse. */
export const DRAMATIQ_OPTIONS = optionTable({
  '-p --processes': 'processes',
  '-t --threads': 'threads',
  '--skip-logging': 'other!',
  '--use-spawn': 'other!',
  '--watch-use-polling': 'other!',
  '--version': 'other!',
  '-v --verbose': 'other!',
  '-h --help': 'other!',
  ...Object.fromEntries(
    ['--pid-file', '--log-file', '-f --fork-function', '--worker-fork-timeout', '--worker-shutdown-timeout', '--watch', '-i --watch-include', '-x --watch-exclude'].map((n) => [n, 'other']),
  ),
});

/** Options that take every word up to the next option (argparse `nargs="*"`): `-Q high default`, `-P . src`. */
const LIST_OPTIONS = new Set(['-Q', '--queues', '-P', '--path']);

/**
 * `dramatiq [OPTIONS] BROKER [MODULE...]`: the master forks `--processes` worker processes (one per
 * CPU by default), and each imports the broker's module (`module` or `module:attribute`), then the
 * other modules named, and runs `--threads` worker threads (8 by default). The master imports none of them.
 */
export function readDramatiqCommand(args: readonly Word[], context: CommandContext): ServerReading {
  const reading = emptyReading('dramatiq');
  const { words, paths } = withoutListOptions(args);
  const parsed = parseArguments(words, DRAMATIQ_OPTIONS, 'argparse');
  reportUsageErrors(reading, parsed, context.file, 'dramatiq');
  const where = { file: context.file, origin: 'command-line' as const, tool: 'dramatiq' };
  for (const option of parsed.options) {
    if (option.key === 'processes') {
      const setting = intSetting(reading, option, where);
      if (setting) reading.commandLine.workers = setting;
    } else if (option.key === 'threads') {
      const setting = intSetting(reading, option, where);
      if (setting) reading.commandLine.threads = setting;
    }
  }
  if (paths.length) reading.pythonPath = paths;
  const [broker, ...modules] = parsed.positionals;
  if (!broker) {
    reading.problems.push({ file: context.file, line: args[0]?.line ?? 1, message: 'dramatiq needs the module of its broker (`dramatiq app.broker app.tasks`) and refuses to start without one' });
    return reading;
  }
  if (broker.expands) return reading;
  const spec = appSpecOf(broker, context.file, {});
  if (!spec) {
    reading.problems.push({ file: context.file, line: broker.line, message: `dramatiq cannot import ${JSON.stringify(broker.text)}: it must be module or module:broker` });
    return reading;
  }
  const named = modules.filter((w) => !w.expands && /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/.test(w.text)).map((w) => w.text);
  reading.appSpec = named.length ? { ...spec, alsoImports: named } : spec;
  return reading;
}

/** The words without the list options and their values, and the `--path` values (import roots). */
function withoutListOptions(args: readonly Word[]): { words: Word[]; paths: string[] } {
  const words: Word[] = [];
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const text = args[i]!.text;
    const name = text.split('=')[0]!;
    if (!LIST_OPTIONS.has(name)) {
      words.push(args[i]!);
      continue;
    }
    const values: Word[] = [];
    if (text.includes('=')) values.push({ ...args[i]!, text: text.slice(name.length + 1) });
    else while (i + 1 < args.length && !args[i + 1]!.text.startsWith('-')) values.push(args[++i]!);
    if (name === '-P' || name === '--path') paths.push(...values.filter((w) => !w.expands).map((w) => w.text));
  }
  return { words, paths };
}
