import path from 'node:path';
import { isWithin, MAX_SMALL_FILE_BYTES, readRegularFile, realPath } from '../files.js';
import { localPython, localPythonSoon, type LocalPython } from './localPython.js';
import { DEFAULT_TARGET, parsePythonVersion, PLATFORMS, versionFromRequiresPython, type PythonTarget, type TargetPlatform } from '../extract/target.js';

/**
 * `[tool.importleak]` in pyproject.toml, or the top level of importleak.toml: what ruff users
 * expect. Unknown keys and wrong types are errors that name the file, the key and what was expected.
 */
export interface ExtraResource {
  /** Qualified name of the team's own constructor or factory. */
  name: string;
  /** What kind of resource it makes: decides which rule reports it. */
  kind: string;
  /** What it costs per process, shown in the finding. */
  message: string;
}

export interface Config {
  /** The file it came from (absolute), or undefined for the defaults. */
  file?: string;
  select?: string[];
  ignore: string[];
  perFileIgnores: Record<string, string[]>;
  exclude: string[];
  src: string[];
  entryPoints: string[];
  extendResources: ExtraResource[];
  failOn?: 'error' | 'warning' | 'note' | 'never';
  /** `python-version = "3.12"`: the interpreter version conditions are evaluated for. */
  pythonVersion?: readonly [number, number];
  /** `platform = "linux"`: the `sys.platform` conditions are evaluated for. */
  platform?: TargetPlatform;
  /** `[project] requires-python` of the pyproject.toml found, when it has a lower bound. */
  requiresPython?: readonly [number, number];
  /** `unreached-level`: the level of findings in a module that nothing found imports (not a program); default warning. */
  unreachedLevel?: 'warning' | 'note' | 'off';
}

/** `--python-version` / `--platform` on the command line override the configuration. */
export function withTargetFlags(config: Config, flags: { pythonVersion?: string; platform?: string }): Config {
  const out = { ...config };
  if (flags.pythonVersion !== undefined) {
    const version = parsePythonVersion(flags.pythonVersion);
    if (!version) throw new ConfigError(`--python-version must be ${KEYS['python-version']}, not ${JSON.stringify(flags.pythonVersion)}`);
    out.pythonVersion = version;
  }
  if (flags.platform !== undefined) out.platform = flags.platform as TargetPlatform;
  return out;
}

/**
 * The target interpreter. Version: the configured one (`--python-version`, `python-version`), else
 * the `requires-python` lower bound (the project's own word, the same on every machine), else the
 * local `python3`'s, else 3.12. Platform: the configured one, else the local `python3`'s when it was
 * asked, else Linux. The local interpreter is run only when the version is known from nothing else:
 * with a version known, the platform not configured is Linux, where servers run.
 */
export function targetOf(config: Config, cacheDir?: string): PythonTarget {
  return configuredTarget(config) ?? targetWith(config, localPython(process.env, process.cwd(), cacheDir));
}

/** `targetOf`, a promise while the local interpreter is asked (see `localPythonSoon`). */
export function targetSoon(config: Config, cacheDir?: string): PythonTarget | Promise<PythonTarget> {
  const configured = configuredTarget(config);
  if (configured) return configured;
  const local = localPythonSoon(process.env, process.cwd(), cacheDir);
  return local instanceof Promise ? local.then((answer) => targetWith(config, answer)) : targetWith(config, local);
}

/** Whether the target is taken from the local interpreter's answer: nothing else gives the version. */
export function asksLocalPython(config: Config): boolean {
  return configuredTarget(config) === undefined;
}

/** The target when the version is known without asking the interpreter: from the flag, the configuration or requires-python. */
function configuredTarget(config: Config): PythonTarget | undefined {
  const version = config.pythonVersion ?? config.requiresPython;
  return version ? { version, platform: config.platform ?? DEFAULT_TARGET.platform } : undefined;
}

function targetWith(config: Config, local: LocalPython | undefined): PythonTarget {
  return {
    version: local?.version ?? DEFAULT_TARGET.version,
    platform: config.platform ?? local?.platform ?? DEFAULT_TARGET.platform,
  };
}

export class ConfigError extends Error {}

export const RESOURCE_KINDS = ['executor', 'thread', 'scheduler', 'client', 'connection', 'model', 'subprocess', 'file'] as const;

const KEYS: Record<string, string> = {
  select: 'a list of rule codes or prefixes, e.g. ["IL"] or ["IL001", "IL004"]',
  ignore: 'a list of rule codes or prefixes',
  'per-file-ignores': 'a table of glob = list of rule codes, e.g. { "tests/*" = ["IL"] }',
  exclude: 'a list of gitignore-style patterns',
  src: 'a list of source roots, relative to the config file',
  'entry-points': 'a list of module names or "module:app" specs',
  'extend-resources': 'a list of tables with name, kind and message',
  'fail-on': '"error", "warning", "note" or "never"',
  'python-version': 'a "MAJOR.MINOR" string such as "3.12"',
  platform: `one of ${PLATFORMS.map((p) => `"${p}"`).join(', ')}`,
  'unreached-level': '"warning", "note" or "off"',
};

export function defaultConfig(): Config {
  return { ignore: [], perFileIgnores: {}, exclude: [], src: [], entryPoints: [], extendResources: [] };
}

export interface LoadConfigOptions {
  /** Read a configuration file found by the search through a symbolic link out of its folder (`--follow-external-links`). */
  followExternalLinks?: boolean;
}

/**
 * The configuration for a project rooted at `root`: `explicit` when given (--config), else the
 * nearest importleak.toml, or pyproject.toml with a [tool.importleak] table, in `root` or above it.
 */
export async function loadConfig(root: string, explicit?: string, options: LoadConfigOptions = {}): Promise<Config> {
  if (explicit) return (await readConfigFile(path.resolve(explicit), true, true))!.config!;
  // The nearest pyproject.toml's `requires-python`, even when it has no [tool.importleak] table.
  let requiresPython: Config['requiresPython'];
  const withRequiresPython = (config: Config): Config =>
    config.requiresPython === undefined && requiresPython !== undefined ? { ...config, requiresPython } : config;
  const candidates: string[] = [];
  for (let dir = path.resolve(root); ; dir = path.dirname(dir)) {
    for (const name of ['importleak.toml', 'pyproject.toml']) candidates.push(path.join(dir, name));
    if (path.dirname(dir) === dir) break;
  }
  // Looked for in every folder up at once (a run of a project without one waits for one read, not
  // for two in each folder up to /), then taken nearest first, as if read one by one: a farther
  // file's problem is said only when no nearer file holds the configuration.
  const followLinks = options.followExternalLinks ?? false;
  const texts = candidates.map((file) => readConfigText(file, false, followLinks));
  for (const text of texts) text.catch(() => undefined);
  for (const [index, file] of candidates.entries()) {
    const text = await texts[index]!;
    const found = text === undefined ? undefined : await configOf(file, text, false);
    if (found?.config) return withRequiresPython(found.config);
    if (path.basename(file) === 'pyproject.toml' && requiresPython === undefined) requiresPython = found?.requiresPython;
  }
  return withRequiresPython(defaultConfig());
}

/**
 * The text of a configuration file, or undefined when it is missing and not `required`. Only a
 * regular file of at most 1 MiB is read: a named pipe would block every command, a link to
 * /dev/urandom would be read until memory runs out. A file the search found that is a link out of
 * its folder (to /proc/self/environ, say) is not read unless `followLinks`; each refusal is a
 * configuration error naming the file.
 */
async function readConfigText(file: string, required: boolean, followLinks: boolean): Promise<string | undefined> {
  if (!followLinks) {
    const real = await realPath(file);
    const folder = (await realPath(path.dirname(file))) ?? path.dirname(file);
    if (real !== undefined && !isWithin(real, folder)) {
      throw new ConfigError(`${file}: cannot read the configuration: it is a symbolic link to ${JSON.stringify(real)}, outside the project; not read (name it with --config, or give --follow-external-links, to read it)`);
    }
  }
  const read = await readRegularFile(file, MAX_SMALL_FILE_BYTES);
  if (read.ok) return read.bytes.toString('utf8');
  if (read.reason === 'missing' && !required) return undefined;
  const cause =
    read.reason === 'missing'
      ? 'no such file'
      : read.reason === 'not-regular'
        ? `${read.message}; not opened`
        : read.reason === 'too-large'
          ? `${read.size !== undefined ? `${read.size} bytes` : 'it'} is over the 1 MiB limit for a configuration file`
          : read.message;
  throw new ConfigError(`${file}: cannot read the configuration: ${cause}`);
}

/**
 * Reads one file: its configuration, or, for a pyproject.toml without [tool.importleak] (an error
 * when `required`), only its `requires-python` lower bound. Undefined when the file is missing.
 */
async function readConfigFile(file: string, required: boolean, followLinks: boolean): Promise<{ config?: Config; requiresPython?: Config['requiresPython'] } | undefined> {
  const text = await readConfigText(file, required, followLinks);
  return text === undefined ? undefined : configOf(file, text, required);
}

/** What the text of configuration file `file` says (see `readConfigFile`). */
async function configOf(file: string, text: string, required: boolean): Promise<{ config?: Config; requiresPython?: Config['requiresPython'] }> {
  // Loaded when there is a file to parse: most runs of a project without one never need it.
  const { parse: parseToml, TomlError } = await import('smol-toml');
  let document: Record<string, unknown>;
  try {
    document = parseToml(text) as Record<string, unknown>;
  } catch (error) {
    const where = error instanceof TomlError ? `:${error.line}:${error.column}` : '';
    const reason = (error as Error).message.split('\n')[0]!.replace(/^Invalid TOML document: /, '');
    throw new ConfigError(`${file}${where}: invalid TOML: ${reason}`);
  }
  const isPyproject = path.basename(file) === 'pyproject.toml';
  const table = isPyproject ? ((document.tool as Record<string, unknown> | undefined)?.importleak as unknown) : document;
  const specifier = isPyproject ? (document.project as Record<string, unknown> | undefined)?.['requires-python'] : undefined;
  const requiresPython = typeof specifier === 'string' ? versionFromRequiresPython(specifier) : undefined;
  if (table === undefined) {
    if (required) throw new ConfigError(`${file}: no [tool.importleak] table`);
    return requiresPython ? { requiresPython } : {};
  }
  const config = validate(file, isPyproject ? 'tool.importleak' : '', table);
  return { config: requiresPython ? { ...config, requiresPython } : config };
}

export function validate(file: string, prefix: string, table: unknown): Config {
  const key = (k: string): string => (prefix ? `${prefix}.${k}` : k);
  const fail = (k: string, got: unknown): never => {
    throw new ConfigError(`${file}: \`${key(k)}\` must be ${KEYS[k]}, not ${describe(got)}`);
  };
  if (!isTable(table)) throw new ConfigError(`${file}: \`${prefix || 'the configuration'}\` must be a table`);
  const config = defaultConfig();
  config.file = file;
  for (const [k, value] of Object.entries(table)) {
    switch (k) {
      case 'select':
      case 'ignore': {
        if (!isStringList(value)) fail(k, value);
        for (const code of value as string[]) {
          if (!/^IL\d{0,3}$/.test(code)) throw new ConfigError(`${file}: \`${key(k)}\` has ${JSON.stringify(code)}, which is not a rule code or prefix (IL, IL0, IL001...)`);
        }
        if (k === 'select') config.select = value as string[];
        else config.ignore = value as string[];
        break;
      }
      case 'per-file-ignores': {
        if (!isTable(value) || !Object.values(value).every(isStringList)) fail(k, value);
        config.perFileIgnores = value as Record<string, string[]>;
        break;
      }
      case 'exclude':
      case 'src':
      case 'entry-points': {
        if (!isStringList(value)) fail(k, value);
        if (k === 'exclude') config.exclude = value as string[];
        else if (k === 'src') config.src = value as string[];
        else config.entryPoints = value as string[];
        break;
      }
      case 'extend-resources': {
        if (!Array.isArray(value)) fail(k, value);
        config.extendResources = (value as unknown[]).map((item, i) => {
          const where = `${key(k)}[${i}]`;
          if (!isTable(item)) throw new ConfigError(`${file}: \`${where}\` must be a table with name, kind and message, not ${describe(item)}`);
          for (const field of Object.keys(item)) {
            if (!['name', 'kind', 'message'].includes(field)) throw new ConfigError(`${file}: \`${where}\` has an unknown key \`${field}\` (expected name, kind, message)`);
          }
          const { name, kind, message } = item as Record<string, unknown>;
          if (typeof name !== 'string' || !/^[A-Za-z_][\w]*(\.[A-Za-z_*][\w]*)+$/.test(name)) {
            throw new ConfigError(`${file}: \`${where}.name\` must be a qualified name such as "myco.cache.make_client", not ${describe(name)}`);
          }
          if (typeof kind !== 'string' || !(RESOURCE_KINDS as readonly string[]).includes(kind)) {
            throw new ConfigError(`${file}: \`${where}.kind\` must be one of ${RESOURCE_KINDS.map((k2) => `"${k2}"`).join(', ')}, not ${describe(kind)}`);
          }
          if (typeof message !== 'string' || message.trim() === '') throw new ConfigError(`${file}: \`${where}.message\` must be a non-empty string, not ${describe(message)}`);
          return { name, kind, message: message.trim() };
        });
        break;
      }
      case 'python-version': {
        const version = typeof value === 'string' ? parsePythonVersion(value) : undefined;
        if (!version) fail(k, value);
        config.pythonVersion = version;
        break;
      }
      case 'platform': {
        if (typeof value !== 'string' || !(PLATFORMS as readonly string[]).includes(value)) fail(k, value);
        config.platform = value as TargetPlatform;
        break;
      }
      case 'fail-on': {
        if (typeof value !== 'string' || !['error', 'warning', 'note', 'never'].includes(value)) fail(k, value);
        config.failOn = value as Config['failOn'];
        break;
      }
      case 'unreached-level': {
        if (typeof value !== 'string' || !['warning', 'note', 'off'].includes(value)) fail(k, value);
        config.unreachedLevel = value as Config['unreachedLevel'];
        break;
      }
      default:
        throw new ConfigError(`${file}: unknown key \`${key(k)}\` (known keys: ${Object.keys(KEYS).join(', ')})`);
    }
  }
  return config;
}

/** True when `code` is selected: by `select` (all when absent) and not by `ignore`; longer prefixes win. */
export function ruleSelected(code: string, select: readonly string[] | undefined, ignore: readonly string[]): boolean {
  const longest = (list: readonly string[]): number => Math.max(-1, ...list.filter((p) => code.startsWith(p)).map((p) => p.length));
  const selected = select === undefined ? 0 : longest(select);
  return selected >= 0 && longest(ignore) < selected;
}

function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return `a list (${JSON.stringify(value).slice(0, 60)})`;
  if (isTable(value)) return 'a table';
  return `${typeof value} ${JSON.stringify(value)}`;
}
