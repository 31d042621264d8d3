import type { Environment, EnvValue } from '../environment.js';
import type { ParsedArguments, ParsedOption } from '../options.js';
import type { Word } from '../shellWords.js';
import type { AppSpec, CeleryOptions, DeploySource, ServerKind, Setting, SettingOrigin } from '../types.js';
import type { UwsgiOption } from './uwsgi.js';

/** The settings a layer of configuration can state; later layers override earlier ones key by key. */
export interface ServerSettings {
  workers?: Setting<number>;
  threads?: Setting<number>;
  workerClass?: Setting<string>;
  preload?: Setting<boolean>;
  reload?: Setting<boolean>;
  bind?: Setting<string[]>;
  /** uWSGI `master`: a master process that forks the workers. */
  master?: Setting<boolean>;
  /** Granian `--interface` (`asgi`, `wsgi`, `rsgi`): how it calls the app. */
  interface?: Setting<string>;
}

/** What one command line says about a server, before any config file it names is read. */
export interface ServerReading {
  server: ServerKind;
  appSpec?: AppSpec;
  /** Lowest precedence first: environment defaults (WEB_CONCURRENCY), then the command line's own environment arguments, then its flags. */
  environmentDefaults: ServerSettings;
  /** GUNICORN_CMD_ARGS: applied after the config file, before the command line. */
  environmentArguments: ServerSettings;
  commandLine: ServerSettings;
  /** A config file named on the command line (`-c`), or through the environment. */
  configFile?: { written: string; line: number; file: string; origin: SettingOrigin };
  celery?: CeleryOptions;
  /** See `ServerProcess.flaskCommand`. */
  flaskCommand?: string;
  workingDirectory?: string;
  pythonPath?: string[];
  /** `python path/to/script`: the script as written, and its arguments (a console script pip wrote may be run so). */
  script?: { written: string; line: number; args: readonly Word[] };
  /** uWSGI's options as given, to be read again with those of the ini files they name. */
  uwsgiOptions?: UwsgiOption[];
  problems: Array<{ file: string; line: number; message: string }>;
}

/** Where a command was read, and what it runs with. */
export interface CommandContext {
  file: string;
  source: DeploySource;
  env: Environment;
  workingDirectory?: string;
}

export function emptyReading(server: ServerKind): ServerReading {
  return { server, environmentDefaults: {}, environmentArguments: {}, commandLine: {}, problems: [] };
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DOTTED = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

const PYTHON_INT = /^\s*[+-]?\d+(?:_\d+)*\s*$/;

/** `int(text)` as Python reads a base-10 integer (argparse and click `type=int`). */
export function pythonInt(text: string): number | undefined {
  return PYTHON_INT.test(text) ? Number(text.replace(/_/g, '')) : undefined;
}

/** A numeric option's setting, or a problem when the tool would refuse the value. */
export function intSetting(
  reading: ServerReading,
  option: ParsedOption,
  context: { file: string; origin: SettingOrigin; viaPrefix?: string; tool: string },
): Setting<number> | undefined {
  const via = `${context.viaPrefix ?? ''}${option.name}`;
  const base = { file: context.file, line: option.line, origin: context.origin, via };
  if (option.value === undefined) return undefined;
  if (option.valueExpands) return { ...base, expression: option.value };
  const value = pythonInt(option.value);
  if (value === undefined) {
    reading.problems.push({ file: context.file, line: option.line, message: `${context.tool} ${via} ${JSON.stringify(option.value)}: not an integer; ${context.tool} refuses to start` });
    return undefined;
  }
  return { ...base, value };
}

export function stringSetting(option: ParsedOption, context: { file: string; origin: SettingOrigin; viaPrefix?: string }): Setting<string> | undefined {
  if (option.value === undefined) return undefined;
  const base = { file: context.file, line: option.line, origin: context.origin, via: `${context.viaPrefix ?? ''}${option.name}` };
  return option.valueExpands ? { ...base, expression: option.value } : { ...base, value: option.value };
}

export function flagSetting(option: ParsedOption, context: { file: string; origin: SettingOrigin; viaPrefix?: string }, value = true): Setting<boolean> {
  return { file: context.file, line: option.line, origin: context.origin, via: `${context.viaPrefix ?? ''}${option.name}`, value };
}

/** An environment variable's value as an integer setting (`WEB_CONCURRENCY=3`). */
export function envIntSetting(reading: ServerReading, variable: EnvValue, tool: string): Setting<number> | undefined {
  const base = { file: variable.file, line: variable.line, origin: 'environment' as const, via: variable.name };
  if (variable.value === undefined) return { ...base, expression: variable.written };
  const value = pythonInt(variable.value);
  if (value === undefined) {
    reading.problems.push({ file: variable.file, line: variable.line, message: `${variable.name}=${JSON.stringify(variable.value)} is not an integer; ${tool} refuses to start` });
    return undefined;
  }
  return { ...base, value };
}

/**
 * A count that options held in a variable may set (`gunicorn ${GUNICORN_OPTS:- --workers 4} app:app`,
 * see options.ts `optionsVariable`). An option after the variable overrides it; otherwise the count is
 * known only at run time, and is, when the variable is unset, what its default's words say (read by
 * `fromWords`), else what the options before it said (`current`, else the tool's default).
 */
export function heldCount(parsed: ParsedArguments, key: string, current: Setting<number> | undefined, fromWords: (words: readonly Word[]) => Setting<number> | undefined, file: string): Setting<number> | undefined {
  let count = current;
  for (const held of parsed.variables) {
    if (parsed.options.slice(held.optionsBefore).some((option) => option.key === key)) continue;
    const unset = (held.defaultWords ? fromWords(held.defaultWords) : undefined) ?? count;
    count = { file, line: held.word.line, origin: 'command-line', via: `$${held.variable}`, expression: held.word.raw, optionsOf: { variable: held.variable, ...(held.defaultWords ? { hasDefault: true } : {}), ...(unset ? { unset } : {}) } };
  }
  return count;
}

/** Options the tool does not know, or that lack a value: it would exit with a usage error. */
export function reportUsageErrors(reading: ServerReading, parsed: ParsedArguments, file: string, tool: string): void {
  for (const word of parsed.unknown) {
    reading.problems.push({ file, line: word.line, message: `${tool} does not know the option ${JSON.stringify(word.text)} and refuses to start` });
  }
  for (const word of parsed.ambiguous) {
    reading.problems.push({ file, line: word.line, message: `${tool}: the abbreviation ${JSON.stringify(word.text.split('=')[0])} matches several options ("ambiguous option"), so it refuses to start` });
  }
  for (const { name, line } of parsed.missingValue) {
    reading.problems.push({ file, line, message: `${tool} ${name} needs a value and refuses to start without one` });
  }
}

/**
 * `module:attribute` as gunicorn, uvicorn, hypercorn, daphne and waitress name an app. Gunicorn also
 * accepts a call (`create_app()`, literal arguments allowed) and defaults the attribute to `application`.
 */
export function appSpecOf(word: Word, file: string, style: { defaultAttribute?: string; calls?: boolean }): AppSpec | undefined {
  const written = word.text;
  const colon = written.indexOf(':');
  const module = colon < 0 ? written : written.slice(0, colon);
  let attribute = colon < 0 ? style.defaultAttribute : written.slice(colon + 1);
  let factory = false;
  if (attribute && style.calls) {
    // gunicorn parses it with ast: a bare name, or a call of a bare name.
    const call = /^([A-Za-z_][A-Za-z0-9_]*)\s*\((.*)\)\s*$/s.exec(attribute);
    if (call) {
      attribute = call[1]!;
      factory = true;
    } else if (!IDENTIFIER.test(attribute.trim())) return undefined;
    attribute = attribute.trim();
  } else if (attribute !== undefined && !DOTTED.test(attribute)) return undefined;
  if (!DOTTED.test(module)) return undefined;
  return {
    file,
    line: word.line,
    written,
    module,
    ...(attribute ? { attribute } : {}),
    ...(factory ? { factory: true } : {}),
  };
}
