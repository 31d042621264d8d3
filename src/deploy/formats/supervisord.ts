import type { EnvValue } from '../environment.js';

/** One `[program:x]` of a supervisord config file. */
export interface SupervisorProgram {
  name: string;
  /** The line of its `command=`. */
  line: number;
  command: string;
  directory?: string;
  environment: EnvValue[];
  /**
   * `numprocs`: how many copies supervisord starts (1 unless set), and its line; `variable`, when it
   * is `%(ENV_X)s` (X then decides, 1 standing for it here).
   */
  numprocs: { value: number; line: number; variable?: string };
  /** `autostart=false`: supervisord does not start it by itself. */
  autostart: boolean;
}

/**
 * The programs of a supervisord config file, as supervisord's own INI reader takes them: `key = value`
 * or `key: value` lines in `[program:name]` sections, continuation lines indented, `;` and `#`
 * comments (`;` inside a value only after a blank). `%(ENV_X)s` is the variable X, known at run time
 * unless the program's environment sets it; `%(here)s` is the config file's folder. `[include]` files and `[group:x]` are not read.
 */
export function readSupervisorConfig(file: string, text: string, containerFolder: string | undefined): SupervisorProgram[] {
  const programs: SupervisorProgram[] = [];
  let current: { name: string; values: Map<string, { value: string; line: number }> } | undefined;
  let last: { value: string; line: number } | undefined;
  const finish = (): void => {
    if (!current) return;
    const command = current.values.get('command');
    if (command && command.value.trim() !== '') {
      const numprocsSetting = current.values.get('numprocs');
      const numprocs = Number(numprocsSetting?.value.trim() ?? '1');
      // `numprocs=%(ENV_WORKERS_COUNT)s` (redash): supervisord's environment says how many.
      const variable = /^%\(ENV_([A-Za-z_][A-Za-z0-9_]*)\)s$/.exec(numprocsSetting?.value.trim() ?? '')?.[1];
      const autostart = (current.values.get('autostart')?.value.trim().toLowerCase() ?? 'true') !== 'false';
      const directory = current.values.get('directory')?.value.trim();
      programs.push({
        name: current.name,
        line: command.line,
        command: expandHere(command.value.trim(), containerFolder),
        ...(directory ? { directory: expandHere(directory, containerFolder) } : {}),
        environment: environmentOf(current.values.get('environment'), file),
        numprocs: { value: Number.isInteger(numprocs) && numprocs > 0 ? numprocs : 1, line: numprocsSetting?.line ?? command.line, ...(variable ? { variable } : {}) },
        autostart,
      });
    }
    current = undefined;
  };
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = index + 1;
    if (/^\s*([;#].*)?$/.test(raw)) continue;
    // A continuation line: indented, it goes on the value above.
    if (/^\s/.test(raw) && last) {
      last.value += `\n${withoutComment(raw.trim())}`;
      continue;
    }
    const section = /^\[([^\]]+)\]/.exec(raw.trim());
    if (section) {
      finish();
      last = undefined;
      const name = /^program:(.+)$/.exec(section[1]!.trim());
      if (name) current = { name: name[1]!.trim(), values: new Map() };
      continue;
    }
    const pair = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(raw);
    if (!pair || !current) {
      last = undefined;
      continue;
    }
    last = { value: withoutComment(pair[2]!), line };
    current.values.set(pair[1]!.trim().toLowerCase(), last);
  }
  finish();
  return programs;
}

/** `value ; comment`: supervisord's reader (Python's configparser, `inline_comment_prefixes`) cuts a `;` after a blank. */
function withoutComment(value: string): string {
  const at = value.search(/\s;/);
  return (at < 0 ? value : value.slice(0, at)).trim();
}

/** `%(here)s`, the config file's folder; `%(ENV_X)s`, supervisord's environment variable X, as the shell's `${X}`. */
function expandHere(value: string, folder: string | undefined): string {
  const withEnv = value.replace(/%\(ENV_([A-Za-z_][A-Za-z0-9_]*)\)s/g, '${$1}');
  return folder === undefined ? withEnv : withEnv.replace(/%\(here\)s/g, folder);
}

/** `environment=A="1",B="two"`: supervisord's own quoted, comma-separated `KEY=value` list. */
function environmentOf(setting: { value: string; line: number } | undefined, file: string): EnvValue[] {
  if (!setting) return [];
  const values: EnvValue[] = [];
  const pattern = /\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*("(?:[^"\\]|\\.)*"|'[^']*'|[^,]*)\s*(?:,|$)/gy;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(setting.value)) !== null && match[0] !== '') {
    const written = match[2]!.trim();
    const value = /^["']/.test(written) ? written.slice(1, -1) : written;
    values.push({ name: match[1]!, written, file, line: setting.line, ...(/%\(|\$/.test(value) ? {} : { value }) });
  }
  return values;
}
