import { optionTable, parseArguments } from '../options.js';
import type { Word } from '../shellWords.js';
import { emptyReading, reportUsageErrors, stringSetting, type CommandContext, type ServerReading } from './common.js';

/** `rq worker`'s options (rq/cli/cli.py `worker` and the shared options of rq/cli/helpers.py, rq 2.x), parsed by click. */
export const RQ_WORKER_OPTIONS = optionTable({
  '-c --config': 'config',
  '-w --worker-class': 'workerClass',
  '-P --path': 'path',
  '-b --burst': 'other!',
  '--disable-job-desc-logging': 'other!',
  '-v --verbose': 'other!',
  '-q --quiet': 'other!',
  '-d --disable-default-exception-handler': 'other!',
  '-s --with-scheduler': 'other!',
  '--help': 'other!',
  ...Object.fromEntries(
    [
      '-u --url', '-j --job-class', '--queue-class', '--connection-class', '-S --serializer', '--logging_level', '--log-format',
      '--date-format', '-n --name', '--results-ttl', '--worker-ttl', '--maintenance-interval', '--job-monitoring-interval',
      '--sentry-ca-certs', '--sentry-debug', '--sentry-dsn', '--exception-handler', '--pid', '--max-jobs', '--max-idle-time',
      '--dequeue-strategy',
    ].map((n) => [n, 'other']),
  ),
});

/**
 * `rq worker [OPTIONS] [QUEUES]...` (or the older `rqworker`): one worker process. It imports its
 * settings module (`-c`, or RQ_CONFIG) and its worker class (`-w`, RQ_WORKER_CLASS); the default
 * class, `rq.Worker`, then forks a work horse for each job, which imports the job's module.
 * Other subcommands (`info`, `enqueue`, `suspend`...) run and exit: they start no worker.
 */
export function readRqCommand(args: readonly Word[], context: CommandContext): ServerReading {
  const [subcommand, ...rest] = args;
  if (subcommand?.text !== 'worker') return emptyReading('rq');
  return readRqWorker(rest, context);
}

export function readRqWorker(args: readonly Word[], context: CommandContext): ServerReading {
  const reading = emptyReading('rq');
  const parsed = parseArguments(args, RQ_WORKER_OPTIONS, 'click');
  reportUsageErrors(reading, parsed, context.file, 'rq worker');
  const where = { file: context.file, origin: 'command-line' as const };
  let config: { text: string; line: number; file: string } | undefined;
  const paths: string[] = [];
  for (const option of parsed.options) {
    if (option.value === undefined || option.valueExpands) continue;
    if (option.key === 'config') config = { text: option.value, line: option.line, file: context.file };
    else if (option.key === 'path') paths.push(option.value);
    else if (option.key === 'workerClass') reading.commandLine.workerClass = stringSetting(option, where)!;
  }
  const fromEnv = (name: string) => {
    const variable = context.env.get(name);
    return variable?.value !== undefined ? variable : undefined;
  };
  const configEnv = fromEnv('RQ_CONFIG');
  config ??= configEnv ? { text: configEnv.value!, line: configEnv.line, file: configEnv.file } : undefined;
  const classEnv = fromEnv('RQ_WORKER_CLASS');
  if (!reading.commandLine.workerClass && classEnv) {
    reading.commandLine.workerClass = { file: classEnv.file, line: classEnv.line, origin: 'environment', via: classEnv.name, value: classEnv.value! };
  }
  if (paths.length) reading.pythonPath = paths;
  // A worker class of the project is imported too: its module is one the worker loads.
  const workerClass = reading.commandLine.workerClass;
  const classModule = workerClass && 'value' in workerClass && !/^rq\./.test(workerClass.value) ? workerClass.value.split('.').slice(0, -1).join('.') : undefined;
  const module = config?.text ?? classModule;
  if (config && !DOTTED.test(config.text)) {
    reading.problems.push({ file: config.file, line: config.line, message: `rq worker -c ${JSON.stringify(config.text)}: not a module name` });
  } else if (module) {
    const written = config?.text ?? (workerClass as { value: string }).value;
    reading.appSpec = {
      file: config?.file ?? workerClass!.file,
      line: config?.line ?? workerClass!.line,
      written,
      module,
      ...(config && classModule ? { alsoImports: [classModule] } : {}),
    };
  }
  return reading;
}

const DOTTED = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/;
