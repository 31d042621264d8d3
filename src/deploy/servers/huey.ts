import { optionTable, parseArguments } from '../options.js';
import type { Word } from '../shellWords.js';
import { emptyReading, intSetting, reportUsageErrors, stringSetting, type CommandContext, type ServerReading } from './common.js';

/** `huey_consumer`'s options (huey/consumer_options.py `OptionParserHandler`, huey 2.5), parsed by optparse. */
export const HUEY_OPTIONS = optionTable({
  '-w --workers': 'workers',
  '-k --worker-type': 'workerType',
  '-v --verbose': 'other!',
  '-q --quiet': 'other!',
  '-C --disable_health_check': 'other!',
  '-n --no-periodic': 'other!',
  '-u --utc': 'other!',
  '-o --localtime': 'other!',
  '-h --help': 'other!',
  ...Object.fromEntries(
    ['-l --logfile', '-d --delay', '-m --max-delay', '-b --backoff', '-c --health_check_interval', '-t --max_tasks', '-j --max_tasks_jitter', '-s --scheduler-interval'].map((n) => [n, 'other']),
  ),
});

/** `-k` choices (huey/constants.py WORKER_TYPES). */
const WORKER_TYPES = new Set(['thread', 'greenlet', 'process']);

/**
 * `huey_consumer [OPTIONS] path.to.huey`: the consumer imports the module holding the Huey instance
 * (the path up to its last dot), then runs `-w` workers (1 by default) of `-k` type: threads (the
 * default) or greenlets in its own process, or processes it forks after the import.
 */
export function readHueyCommand(args: readonly Word[], context: CommandContext): ServerReading {
  const reading = emptyReading('huey');
  // optparse: long options may be abbreviated and options may follow the positional, as with argparse.
  const parsed = parseArguments(args, HUEY_OPTIONS, 'argparse');
  reportUsageErrors(reading, parsed, context.file, 'huey_consumer');
  const where = { file: context.file, origin: 'command-line' as const };
  for (const option of parsed.options) {
    if (option.key === 'workers') {
      const setting = intSetting(reading, option, { ...where, tool: 'huey_consumer' });
      if (setting) reading.commandLine.workers = setting;
    } else if (option.key === 'workerType') {
      const setting = stringSetting(option, where);
      if (setting && 'value' in setting && !WORKER_TYPES.has(setting.value)) {
        reading.problems.push({ file: context.file, line: option.line, message: `huey_consumer ${option.name} ${JSON.stringify(setting.value)}: not one of ${[...WORKER_TYPES].join(', ')}; huey_consumer refuses to start` });
      } else if (setting) reading.commandLine.workerClass = setting;
    }
  }
  const path = parsed.positionals[0];
  if (!path) {
    reading.problems.push({ file: context.file, line: args[0]?.line ?? 1, message: 'huey_consumer needs the import path of the Huey instance (`huey_consumer app.huey`) and refuses to start without one' });
    return reading;
  }
  if (path.expands) return reading;
  const dot = path.text.lastIndexOf('.');
  if (dot <= 0 || !/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)+$/.test(path.text)) {
    reading.problems.push({ file: context.file, line: path.line, message: `huey_consumer cannot import ${JSON.stringify(path.text)}: it must be module.attribute (the Huey instance)` });
    return reading;
  }
  reading.appSpec = { file: context.file, line: path.line, written: path.text, module: path.text.slice(0, dot), attribute: path.text.slice(dot + 1) };
  return reading;
}
