import path from 'node:path';
import { optionsVariable } from '../options.js';
import type { Word } from '../shellWords.js';
import type { AppSpec, Setting, SettingOrigin } from '../types.js';
import { appSpecOf, emptyReading, pythonInt, type CommandContext, type ServerReading, type ServerSettings } from './common.js';

/** One uWSGI option as given: `--processes 4` on the command line, or `processes = 4` in an ini file. */
export interface UwsgiOption {
  /** The option's long name, as uWSGI files it (`processes`, `module`, `lazy-apps`). */
  name: string;
  /** Absent for a flag given without a value (`--master`). */
  value?: string;
  /** The value is only known at run time (`$(PORT)`, `%(home)`, a shell expansion). */
  expands?: boolean;
  file: string;
  line: number;
  origin: SettingOrigin;
  /** How it was spelled: `--processes`, `-p`, `processes =`. */
  via: string;
  /**
   * Given inside an ini file's `if-env = X` ... `endif =` block (or `if-not-env`, `if-exists`...):
   * the option holds only when that is so. `unset`: the block is `if-not-env = <unset>`.
   */
  when?: { text: string; unset?: string };  /**
   * `uwsgi --processes 4 $EXTRA_ARGS`: a variable holding options (see options.ts `optionsVariable`),
   * named `HELD_OPTIONS`; `defaults`, the options of its default, when it has one.
   */
  held?: { variable: string; defaults?: UwsgiOption[] };
}

/** The name of the `UwsgiOption` that stands for a variable holding options: no uWSGI option has it. */
const HELD_OPTIONS = '$options';

/** uWSGI's short options (core/uwsgi.c, plugins/python/python_plugin.c) for the app, the processes and common values. */
const SHORT_NAMES: Record<string, string> = { p: 'processes', w: 'module', M: 'master', T: 'enable-threads', s: 'socket', H: 'home' };
/**
 * Options that take no value (`no_argument` in uWSGI's core/uwsgi.c and plugins/python/python_plugin.c, 2025);
 * any other option takes the word after it.
 */
const FLAGS = new Set(
  `
  abstract-socket alarm-list alarms-list auto-procname autoload cache-no-expire cache-report-freed-items
  cache-use-last-modified catch-exceptions cflags cgi-mode cheap cheaper-algo-list cheaper-algos-list cheaper-list
  check-static-docroot clock-list clocks-list close-on-exec close-on-exec2 command-mode config-py daemons-honour-stdin
  die-on-idle die-on-no-workers die-on-term disable-async-warn-on-queue-full disable-logging disable-sendfile
  disable-write-exception dot-h drop-after-apps drop-after-init dump-options dynamic-apps early-emperor early-python
  emperor-graceful-shutdown emperor-magic-exec emperor-no-blacklist emperor-nofollow emperor-subreaper emperor-tyrant
  emperor-tyrant-initgroups emperor-tyrant-nofollow emperor-wait-for-command enable-metrics enable-proxy-protocol
  enable-threads end-blacklist end-whitelist exit-on-reload force-gateway freebind harakiri-no-arh harakiri-verbose help
  honour-range honour-stdin if-not-reload if-reload ignore-script-name ignore-sigpipe ignore-write-errors
  imperial-monitor-list imperial-monitors-list jailed lazy lazy-apps log-4xx log-5xx log-format-strftime log-master
  log-master-req-stream log-master-stream log-micros log-reopen log-truncate log-x-forwarded-for log-zero logfile-chown
  logformat-strftime logger-list loggers-list loop-list loops-list manage-script-name master master-as-root
  metric-dir-restore metrics-dir-restore metrics-no-cores never-swap no-default-app no-defer-accept no-fd-passing
  no-harakiri-after-req-hook no-harakiri-arh no-initgroups no-orphans no-server no-site no-threads-wait paste-logger
  pcre-jit persistent-ipcsem plugin-list plugins-list propagate-touch py-call-osafterfork py-call-uwsgi-fork-hooks
  py-master-check-signals python-version re-fork re-fork-as-root re-fork-post-jail reaper refork refork-as-root
  refork-post-jail reload-on-exception reload-os-env reuse-port router-list routers-list setns-preopen show-config
  single-interpreter skip-atexit skip-atexit-teardown skip-zero so-keepalive so-send-timeout so-write-timeout
  socket-send-timeout socket-write-timeout spooler-cheap spooler-ordered spooler-quiet spooler-signal-as-task
  ssl-enable-sslv3 ssl-enable-tlsv1 ssl-enable3 ssl-verbose start-unsubscribed static-gzip-all stats-http stats-min
  stats-minified stats-no-cores stats-no-metrics strict subscription-clear-on-shutdown subscription-dotsplit
  subscription-vassal-required subscriptions-use-credentials tcp-fast-open-client tcp-fastopen-client tcp-nodelay
  threaded-logger thunder-lock thunder-lock-watchdog unsubscribe-on-graceful-reload usage use-abort vacuum version vhost
  vhost-host write-errors-exception-only wsgi-accept-buffer wsgi-accept-buffers wsgi-disable-file-wrapper
  wsgi-manage-chunked-input wsgi-strict zerg-fallback
`.split(/\s+/).filter(Boolean),
);
/**
 * The environment variables uWSGI reads as its `processes` and `threads` options: every option can
 * be given as `UWSGI_` and its name, upper-cased, dashes as underscores.
 */
const PROCESS_VARIABLES = new Set(['UWSGI_PROCESSES', 'UWSGI_WORKERS']);
const THREAD_VARIABLES = new Set(['UWSGI_THREADS']);

/**
 * A count as an ini block gives it. `if-not-env = UWSGI_PROCESSES` / `processes = 4` / `endif =` is
 * the variable's value when it is set, else 4: said as `${UWSGI_PROCESSES:-4}`. Under any other
 * condition the count holds only when that is so: marked conditional.
 */
function countIn(option: UwsgiOption, base: { file: string; line: number; origin: SettingOrigin; via: string }, count: number, variables: ReadonlySet<string>): Setting<number> {
  if (!option.when) return { ...base, value: count };
  const via = `${option.via} (${option.when.text})`;
  if (option.when.unset !== undefined && variables.has(option.when.unset)) return { ...base, via, expression: `\${${option.when.unset}:-${count}}` };
  return { ...base, via, value: count, conditional: true };
}

/** The settings a true value turns on, and the words uWSGI reads as false for them (core/utils.c `uwsgi_opt_true`). */
const FALSE_WORDS = new Set(['false', 'off', 'no', '0']);

/**
 * `uwsgi [--ini FILE | FILE.ini] [--module pkg.wsgi:app | --wsgi-file app.py] [--processes N] ...`.
 * uWSGI loads config files named by `--ini` or given as a bare `*.ini` argument; each option may be
 * spelled `--name value` or `--name=value`. The options are read once the ini files are known
 * (`uwsgiReading`): here, the command line's own.
 */
export function readUwsgiCommand(args: readonly Word[], context: CommandContext): ServerReading {
  return uwsgiReading(commandLineOptions(args, context.file), context.file);
}

function commandLineOptions(args: readonly Word[], file: string): UwsgiOption[] {
  const options: UwsgiOption[] = [];
  const where = { file, origin: 'command-line' as const };
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    const text = word.text;
    const held = optionsVariable(word);
    if (held) {
      const defaults = held.defaultWords ? commandLineOptions(held.defaultWords, file) : undefined;
      options.push({ ...where, name: HELD_OPTIONS, line: word.line, via: word.raw, held: { variable: held.variable, ...(defaults ? { defaults } : {}) } });
      continue;
    }
    const next = args[i + 1];
    // An option uWSGI does not take as a flag takes the next word, unless that is an option itself.
    const valueOf = (name: string, attached: string | undefined): { value?: string; expands?: true } => {
      if (attached !== undefined) return { value: attached, ...(word.expands ? { expands: true as const } : {}) };
      if (FLAGS.has(name) || next === undefined || next.text.startsWith('-')) return {};
      i++;
      return { value: next.text, ...(next.expands ? { expands: true as const } : {}) };
    };
    if (text.startsWith('--')) {
      const eq = text.indexOf('=');
      const name = (eq < 0 ? text.slice(2) : text.slice(2, eq)).replace(/_/g, '-');
      options.push({ ...where, name, ...valueOf(name, eq < 0 ? undefined : text.slice(eq + 1)), line: word.line, via: `--${name}` });
    } else if (/^-[A-Za-z]/.test(text)) {
      const name = SHORT_NAMES[text[1]!] ?? text.slice(1);
      options.push({ ...where, name, ...valueOf(name, text.length > 2 ? text.slice(2) : undefined), line: word.line, via: text.slice(0, 2) });
    } else if (/\.ini(:[\w-]+)?$/.test(text)) {
      // A bare config file: uWSGI loads it by its extension.
      options.push({ ...where, name: 'ini', value: text, line: word.line, via: text });
    }
  }
  return options;
}

/**
 * What a list of uWSGI options says, in the order uWSGI applies them (an ini file's, then the command
 * line's: a later value of the same option wins). The app is `module` (`pkg.wsgi` or `pkg.wsgi:app`)
 * or `wsgi-file`; its callable is `callable`, else `application`.
 */
export function uwsgiReading(options: readonly UwsgiOption[], file: string): ServerReading {
  const reading = emptyReading('uwsgi');
  reading.uwsgiOptions = [...options];
  const settings: ServerSettings = {};
  let module: UwsgiOption | undefined;
  let wsgiFile: UwsgiOption | undefined;
  let callable: UwsgiOption | undefined;
  const pythonPath: string[] = [];
  for (const option of options) {
    const base = { file: option.file, line: option.line, origin: option.origin, via: option.via };
    const value = option.value;
    switch (option.name) {
      case 'processes':
      case 'workers': {
        if (value === undefined) break;
        const count = option.expands ? undefined : pythonInt(value);
        if (option.expands) settings.workers = { ...base, expression: value };
        else if (count === undefined) reading.problems.push({ file: option.file, line: option.line, message: `uwsgi ${option.via} ${JSON.stringify(value)}: not a number of processes` });
        else settings.workers = countIn(option, base, count, PROCESS_VARIABLES);
        break;
      }
      case HELD_OPTIONS: {
        // What the variable holds is known at run time only: the processes are what its default (or
        // the options before it) say when it is unset.
        const { variable, defaults } = option.held!;
        const unset = (defaults ? uwsgiReading(defaults, file).commandLine.workers : undefined) ?? settings.workers;
        settings.workers = { ...base, expression: option.via, optionsOf: { variable, ...(defaults ? { hasDefault: true } : {}), ...(unset ? { unset } : {}) } };
        break;
      }
      case 'threads':
        if (value !== undefined) settings.threads = option.expands || pythonInt(value) === undefined ? { ...base, expression: value } : countIn(option, base, pythonInt(value)!, THREAD_VARIABLES);
        break;
      case 'master':
        settings.master = flagOf(option);
        break;
      case 'lazy-apps':
      case 'lazy': {
        // Lazy: each worker loads the app; the default is the opposite, `preload` in gunicorn's words.
        const lazy = flagOf(option);
        settings.preload = 'value' in lazy ? { ...lazy, value: !lazy.value } : lazy;
        break;
      }
      case 'module':
      case 'wsgi':
        module = option;
        break;
      case 'wsgi-file':
      case 'file':
        wsgiFile = option;
        break;
      case 'callable':
        callable = option;
        break;
      case 'chdir':
        if (value !== undefined && !option.expands) reading.workingDirectory = value;
        break;
      case 'pythonpath':
      case 'python-path':
      case 'pp':
        if (value !== undefined && !option.expands) pythonPath.push(value);
        break;
      case 'ini':
        if (value !== undefined && option.origin === 'command-line' && !reading.configFile) {
          reading.configFile = { written: value, line: option.line, file: option.file, origin: option.origin };
        }
        break;
    }
  }
  Object.assign(reading.commandLine, settings);
  if (pythonPath.length) reading.pythonPath = pythonPath;
  const attribute = callable?.value ?? 'application';
  if (module?.value !== undefined && !module.expands) {
    const spec = appSpecOf({ text: module.value, raw: module.value, line: module.line, expands: false }, module.file, { defaultAttribute: attribute });
    if (spec) reading.appSpec = spec;
    else reading.problems.push({ file: module.file, line: module.line, message: `uwsgi ${module.via} ${JSON.stringify(module.value)}: not \`module\` or \`module:callable\`` });
  } else if (wsgiFile?.value !== undefined && !wsgiFile.expands) {
    const spec = scriptSpec(wsgiFile, attribute);
    if (spec) reading.appSpec = spec;
  }
  return reading;
}

/**
 * The commands uWSGI's master starts beside the app and keeps running: `attach-daemon = <command>`
 * and `attach-control-daemon` (run by a shell), `smart-attach-daemon = <pidfile> <command>` (and its
 * `-as-root` forms). `attach-daemon2`'s key=value form is not read.
 */
export function uwsgiDaemons(options: readonly UwsgiOption[]): Array<{ option: UwsgiOption; command: string }> {
  const daemons: Array<{ option: UwsgiOption; command: string }> = [];
  for (const option of options) {
    const value = option.value?.trim();
    if (!value) continue;
    if (option.name === 'attach-daemon' || option.name === 'attach-control-daemon' || option.name === 'attach-daemon-as-root') daemons.push({ option, command: value });
    else if (/^smart-attach-daemon(-as-root)?$/.test(option.name)) {
      const command = value.replace(/^\S+\s+/, '');
      if (command !== value) daemons.push({ option, command });
    }
  }
  return daemons;
}

/** `wsgi-file = app/wsgi.py`: uWSGI loads the file itself (not as `__main__`), and looks up the callable in it. */
function scriptSpec(option: UwsgiOption, attribute: string): AppSpec | undefined {
  const script = option.value!;
  const module = script.replace(/^\.\//, '').replace(/\.py$/, '').split('/').filter(Boolean).join('.');
  if (!/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(module)) return undefined;
  return { file: option.file, line: option.line, written: script, module, attribute, script };
}

function flagOf(option: UwsgiOption) {
  const base = { file: option.file, line: option.line, origin: option.origin, ...(option.when ? { via: `${option.via} (${option.when.text})`, conditional: true as const } : { via: option.via }) };
  if (option.expands) return { ...base, expression: option.value! };
  return { ...base, value: option.value === undefined || !FALSE_WORDS.has(option.value.trim().toLowerCase()) };
}

/**
 * An ini file's `[uwsgi]` section (or the one `file.ini:section` names), as options. uWSGI expands
 * `%d` to the file's folder (written here as the command named the file) and `$(VAR)`/`%(name)` at
 * run time; repeated keys are all kept, in order.
 */
export function readUwsgiIni(file: string, text: string, written: string): { options: UwsgiOption[]; hasSection: boolean } {
  const [, section = 'uwsgi'] = /:([\w-]+)$/.exec(written) ?? [];
  const folder = path.posix.dirname(written.replace(/:[\w-]+$/, ''));
  const options: UwsgiOption[] = [];
  let current = '';
  let hasSection = false;
  /** The `if-*` block the lines are in (uWSGI does not nest them), until its `endif`. */
  let when: UwsgiOption['when'];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) return;
    const header = /^\[([^\]]+)\]$/.exec(trimmed);
    if (header) {
      current = header[1]!.trim();
      if (current === section) hasSection = true;
      return;
    }
    if (current !== section) return;
    const eq = trimmed.indexOf('=');
    const name = (eq < 0 ? trimmed : trimmed.slice(0, eq)).trim();
    let value = eq < 0 ? undefined : trimmed.slice(eq + 1).trim();
    if (value !== undefined) value = value.replace(/%d/g, `${folder === '.' ? '.' : folder}/`).replace(/\/\/+/g, '/');
    const expands = value !== undefined && /\$\(|%\(|%[a-zA-Z]/.test(value);
    if (/^if-/.test(name)) {
      when = { text: `${name} = ${value ?? ''}`.trim(), ...(name === 'if-not-env' && value ? { unset: value } : {}) };
      return;
    }
    if (name === 'endif') {
      when = undefined;
      return;
    }
    options.push({ name, ...(value !== undefined ? { value } : {}), ...(expands ? { expands: true } : {}), file, line, origin: 'config-file', via: `${name} =`, ...(when ? { when } : {}) });
  });
  return { options, hasSection };
}
