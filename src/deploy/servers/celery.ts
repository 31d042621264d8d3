import { optionTable, parseArguments } from '../options.js';
import type { Word } from '../shellWords.js';
import type { AppSpec, CeleryPool, Setting } from '../types.js';
import { emptyReading, envIntSetting, heldCount, intSetting, stringSetting, type CommandContext, type ServerReading } from './common.js';

/** `celery`'s own options (celery 5.6 celery/bin/celery.py), given before the subcommand. */
export const CELERY_GLOBAL_OPTIONS = optionTable({
  '-A --app': 'app',
  '-b --broker': 'other',
  '--result-backend': 'other',
  '--loader': 'other',
  '--config': 'other',
  '--workdir': 'workdir',
  '-C --no-color': 'other!',
  '-q --quiet': 'other!',
  '--version': 'other!',
  '--skip-checks': 'other!',
  '--help': 'other!',
});

/** `celery worker`'s options (celery 5.6 celery/bin/worker.py and the daemon options of celery/bin/base.py). */
export const CELERY_WORKER_OPTIONS = optionTable({
  '-c --concurrency': 'concurrency',
  '-P --pool': 'pool',
  '--autoscale': 'autoscale',
  '-B --beat': 'beat!',
  '-D --detach': 'other!',
  '--disable-prefetch': 'other!',
  '-E --task-events --events': 'other!',
  '--purge --discard': 'other!',
  '--without-gossip': 'other!',
  '--without-mingle': 'other!',
  '--without-heartbeat': 'other!',
  '--help': 'other!',
  ...Object.fromEntries(
    [
      '-n --hostname', '-S --statedb', '-l --loglevel', '-O --optimization', '--prefetch-multiplier', '--time-limit',
      '--soft-time-limit', '--max-tasks-per-child', '--max-memory-per-child', '--queues -Q', '--exclude-queues -X',
      '--include -I', '--heartbeat-interval', '-s --schedule-filename --schedule', '--scheduler', '--logfile -f',
      '--pidfile', '--uid', '--gid', '--umask', '--executable',
    ].map((n) => [n, 'other']),
  ),
});

/** `--pool` choices (celery.concurrency.ALIASES; `threads` needs concurrent.futures, always there on Python 3). */
const POOLS: ReadonlySet<string> = new Set<CeleryPool>(['prefork', 'eventlet', 'gevent', 'solo', 'processes', 'threads', 'custom']);

/**
 * `celery [GLOBAL OPTIONS] SUBCOMMAND [OPTIONS]`. Click reads `-A` from APP when it is not given, and
 * the worker's options from `CELERY_WORKER_<NAME>` (`auto_envvar_prefix="CELERY"`). An unset or zero
 * concurrency falls back to the app's `worker_concurrency`, whose default is the number of CPUs.
 */
export function readCeleryCommand(args: readonly Word[], context: CommandContext): ServerReading {
  const reading = emptyReading('celery');
  const global = parseArguments(args, CELERY_GLOBAL_OPTIONS, 'click', { stopAtPositional: true });
  for (const word of global.unknown) reading.problems.push({ file: context.file, line: word.line, message: `celery does not know the option ${JSON.stringify(word.text)} and refuses to start` });
  let appWord: { text: string; line: number; file: string } | undefined;
  for (const option of global.options) {
    if (option.key === 'app' && option.value !== undefined && !option.valueExpands) appWord = { text: option.value, line: option.line, file: context.file };
    if (option.key === 'workdir' && option.value !== undefined) reading.workingDirectory = option.value;
  }
  const [subcommandWord, ...rest] = global.positionals;
  const subcommand = subcommandWord?.text ?? '';
  reading.celery = { subcommand };
  if (subcommand === 'worker') readWorkerOptions(reading, rest, context, (word) => (appWord ??= word));
  else {
    // Other subcommands (beat, flower, events...): only a misplaced -A matters here.
    const misplaced = rest.findIndex((w) => w.text === '-A' || w.text === '--app' || w.text.startsWith('--app='));
    if (misplaced >= 0) misplacedApp(reading, rest, misplaced, context, subcommand, (word) => (appWord ??= word));
  }
  if (!appWord) {
    const fromEnv = context.env.get('APP');
    if (fromEnv?.value !== undefined) appWord = { text: fromEnv.value, line: fromEnv.line, file: fromEnv.file };
  }
  if (appWord) reading.appSpec = celeryAppSpec(appWord);
  return reading;
}

function readWorkerOptions(reading: ServerReading, words: readonly Word[], context: CommandContext, foundApp: (word: { text: string; line: number; file: string }) => void): void {
  const misplaced = words.findIndex((w) => w.text === '-A' || w.text === '--app' || w.text.startsWith('--app='));
  if (misplaced >= 0) {
    words = misplacedApp(reading, words, misplaced, context, 'worker', foundApp);
  }
  const parsed = parseArguments(words, CELERY_WORKER_OPTIONS, 'click');
  for (const word of parsed.unknown) reading.problems.push({ file: context.file, line: word.line, message: `celery worker does not know the option ${JSON.stringify(word.text)} and refuses to start` });
  for (const { name, line } of parsed.missingValue) reading.problems.push({ file: context.file, line, message: `celery worker ${name} needs a value` });
  const celery = reading.celery!;
  const where = { file: context.file, origin: 'command-line' as const };
  for (const option of parsed.options) {
    if (option.key === 'concurrency') {
      const setting = intSetting(reading, option, { ...where, tool: 'celery worker' });
      // `value or conf.worker_concurrency`: 0 means "the default".
      if (setting && !('value' in setting && setting.value === 0)) celery.concurrency = setting;
    } else if (option.key === 'pool') {
      const setting = poolSetting(reading, stringSetting(option, where));
      if (setting) celery.pool = setting;
    } else if (option.key === 'autoscale') {
      const setting = stringSetting(option, where);
      if (setting) celery.autoscale = setting;
    } else if (option.key === 'beat') celery.embeddedBeat = { file: context.file, line: option.line };
  }
  if (!celery.concurrency) {
    const fromEnv = context.env.get('CELERY_WORKER_CONCURRENCY');
    const setting = fromEnv ? envIntSetting(reading, fromEnv, 'celery worker') : undefined;
    if (setting && !('value' in setting && setting.value === 0)) celery.concurrency = setting;
  }
  // `celery -A proj worker $CELERY_OPTS`: options the deployment leaves to a variable can say another concurrency.
  const held = heldCount(parsed, 'concurrency', celery.concurrency, (defaults) => concurrencyOf(reading, defaults, where), context.file);
  if (held) celery.concurrency = held;
  if (!celery.pool) {
    const fromEnv = context.env.get('CELERY_WORKER_POOL');
    if (fromEnv) {
      const base = { file: fromEnv.file, line: fromEnv.line, origin: 'environment' as const, via: fromEnv.name };
      const setting = poolSetting(reading, fromEnv.value === undefined ? { ...base, expression: fromEnv.written } : { ...base, value: fromEnv.value });
      if (setting) celery.pool = setting;
    }
  }
}

/** The concurrency the last `-c`/`--concurrency` of `words` gives (the words of a variable's default). */
function concurrencyOf(reading: ServerReading, words: readonly Word[], where: { file: string; origin: 'command-line' }): Setting<number> | undefined {
  let found: Setting<number> | undefined;
  for (const option of parseArguments(words, CELERY_WORKER_OPTIONS, 'click').options) {
    if (option.key !== 'concurrency') continue;
    const setting = intSetting(reading, option, { ...where, tool: 'celery worker' });
    if (setting && !('value' in setting && setting.value === 0)) found = setting;
  }
  return found;
}

/** Celery 5 refuses `celery worker -A proj`; the app it names is still the one the team meant. */
function misplacedApp(
  reading: ServerReading,
  words: readonly Word[],
  index: number,
  context: CommandContext,
  subcommand: string,
  foundApp: (word: { text: string; line: number; file: string }) => void,
): Word[] {
  const word = words[index]!;
  const inline = word.text.startsWith('--app=') ? word.text.slice('--app='.length) : undefined;
  const value = inline ?? words[index + 1]?.text;
  reading.problems.push({
    file: context.file,
    line: word.line,
    message: `\`celery ${subcommand} ${word.text.split('=')[0]} ...\`: Celery 5 refuses -A/--app after the subcommand (write \`celery -A ${value ?? 'proj'} ${subcommand}\`); read as if it were before`,
  });
  if (value !== undefined) foundApp({ text: value, line: word.line, file: context.file });
  return [...words.slice(0, index), ...words.slice(index + (inline !== undefined ? 1 : 2))];
}

function poolSetting(reading: ServerReading, setting: Setting<string> | undefined): Setting<string> | undefined {
  if (!setting || !('value' in setting)) return setting;
  if (POOLS.has(setting.value)) return setting;
  reading.problems.push({
    file: setting.file,
    line: setting.line,
    message: `celery worker ${setting.via} ${JSON.stringify(setting.value)}: not one of ${[...POOLS].join(', ')}; celery refuses to start`,
  });
  return undefined;
}

/**
 * `-A proj`, `-A proj.celery`, `-A proj.celery:app`. Without an attribute celery looks in the module
 * for `app` or `celery`, then in its `celery` submodule (celery.app.utils.find_app): left for later stages.
 */
function celeryAppSpec(word: { text: string; line: number; file: string }): AppSpec {
  const colon = word.text.indexOf(':');
  const module = colon < 0 ? word.text : word.text.slice(0, colon);
  return {
    file: word.file,
    line: word.line,
    written: word.text,
    module,
    ...(colon < 0 ? {} : { attribute: word.text.slice(colon + 1) }),
  };
}
