import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { decodePythonSource } from '../extract/decode.js';
import { keyLines } from './formats/fly.js';
import type { DeployProblem, Location } from './types.js';

/*
 * The commands a project installs: `pip install .` writes, for each console script its metadata
 * declares, a program on PATH (`/app/bin/radicale`, `/usr/local/bin/nautobot-server`) that imports
 * the module and calls the function its reference names (`radicale.__main__:run`). A deployment that
 * runs the program runs that function. Read from the places packaging tools read them:
 * - pyproject.toml `[project.scripts]` and `[project.gui-scripts]` (PEP 621, any build backend);
 * - pyproject.toml `[tool.poetry.scripts]` (Poetry: `"mod:func"`, or a table with `reference` and
 *   `type = "console"`, Poetry 2's spelling);
 * - setup.cfg `[options.entry_points]` `console_scripts =` (setuptools, one `name = mod:func` a line);
 * - setup.py `entry_points={"console_scripts": ["name = mod:func", ...]}`, read as text: the string
 *   literals of the list after `console_scripts` (a list built at run time is not seen).
 */

export interface ConsoleScript extends Location {
  /** The program's name (`nautobot-server`). */
  name: string;
  /** As written, without extras: `nautobot.core.cli:main`. */
  reference: string;
  module: string;
  /** The dotted attribute called (`main`, `Cli.run`); absent when the reference names a module only. */
  attribute?: string;
  /** The folder of the file that declares it, relative to the root ('' for the root): where its package is. */
  folder: string;
}

export interface ConsoleScriptReading {
  scripts: ConsoleScript[];
  problems: DeployProblem[];
}

/** The file names read for console scripts, in the order a folder's are read. */
export const CONSOLE_SCRIPT_FILES = ['pyproject.toml', 'setup.cfg', 'setup.py'] as const;

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** `mod.sub:obj.attr [extra1, extra2]`, as the entry point specification writes a value. */
const REFERENCE = /^\s*([A-Za-z_][\w]*(?:\s*\.\s*[A-Za-z_]\w*)*)\s*(?::\s*([A-Za-z_]\w*(?:\s*\.\s*[A-Za-z_]\w*)*))?\s*(?:\[[^\]]*\])?\s*$/;

/** The console scripts `file` (relative to the root) declares; `content` is its text, or its bytes as read (setup.py decoded as Python decodes it). */
export function consoleScriptsOf(file: string, content: string | Uint8Array): ConsoleScriptReading {
  const name = path.posix.basename(file);
  const text = typeof content === 'string' ? content : name.endsWith('.py') ? decodePythonSource(content).text : new TextDecoder('utf-8').decode(content).replace(/^\uFEFF/, '');
  if (name === 'pyproject.toml') return fromPyproject(file, text);
  if (name === 'setup.cfg') return fromSetupCfg(file, text);
  return fromSetupPy(file, text);
}

function script(file: string, line: number, name: string, written: string): ConsoleScript | DeployProblem {
  const match = REFERENCE.exec(written);
  if (!NAME.test(name) || !match) return { file, line, message: `console script ${JSON.stringify(name)} = ${JSON.stringify(written)} is not \`name = module:function\`; not read` };
  const module = match[1]!.replace(/\s+/g, '');
  const attribute = match[2]?.replace(/\s+/g, '');
  const folder = path.posix.dirname(file);
  return { file, line, name, reference: attribute ? `${module}:${attribute}` : module, module, ...(attribute ? { attribute } : {}), folder: folder === '.' ? '' : folder };
}

function collect(reading: ConsoleScriptReading, found: ConsoleScript | DeployProblem): void {
  if ('name' in found) reading.scripts.push(found);
  else reading.problems.push(found);
}

function fromPyproject(file: string, text: string): ConsoleScriptReading {
  const reading: ConsoleScriptReading = { scripts: [], problems: [] };
  // Cheap: most pyproject.toml files declare no script, and a parse is the most a run of them costs.
  if (!/scripts/.test(text)) return reading;
  let data: Record<string, unknown>;
  try {
    data = parseToml(text) as Record<string, unknown>;
  } catch {
    // Said already, with its line, by the reader of `requires-python` (src/config/projectTargets.ts).
    return reading;
  }
  const lineOf = keyLines(text);
  const table = (value: unknown): Record<string, unknown> | undefined => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined);
  const project = table(data.project);
  for (const section of ['scripts', 'gui-scripts']) {
    for (const [name, value] of Object.entries(table(project?.[section]) ?? {})) {
      if (typeof value === 'string') collect(reading, script(file, lineOf(`project.${section}`, name), name, value));
    }
  }
  const poetry = table(table(table(data.tool)?.poetry)?.scripts);
  for (const [name, value] of Object.entries(poetry ?? {})) {
    const line = lineOf('tool.poetry.scripts', name);
    if (typeof value === 'string') collect(reading, script(file, line, name, value));
    else {
      // Poetry 2: `{ reference = "mod:func", type = "console" }`; Poetry 1's `callable`. A `file` script is a file, not a function.
      const entry = table(value);
      const reference = entry?.reference ?? entry?.callable;
      if (typeof reference === 'string' && (entry?.type === undefined || entry.type === 'console')) collect(reading, script(file, line, name, reference));
    }
  }
  return reading;
}

/** setup.cfg: `[options.entry_points]`, its `console_scripts` and `gui_scripts` keys, a `name = reference` a line. */
function fromSetupCfg(file: string, text: string): ConsoleScriptReading {
  const reading: ConsoleScriptReading = { scripts: [], problems: [] };
  const lines = text.split(/\r?\n/);
  let inSection = false;
  let inKey = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*[#;]/.test(line) || line.trim() === '') continue;
    const header = /^\[([^\]]*)\]/.exec(line);
    if (header) {
      inSection = header[1]!.trim() === 'options.entry_points';
      inKey = false;
      continue;
    }
    if (!inSection) continue;
    const continued = /^\s/.test(line);
    if (!continued) {
      const key = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(line);
      inKey = key !== null && (key[1] === 'console_scripts' || key[1] === 'gui_scripts');
      if (inKey && key![2]!.trim() !== '') entryLine(key![2]!, i + 1);
      continue;
    }
    if (inKey) entryLine(line, i + 1);
  }
  return reading;

  function entryLine(entry: string, line: number): void {
    const equals = entry.indexOf('=');
    if (equals < 0) {
      reading.problems.push({ file, line, message: `console script ${JSON.stringify(entry.trim())} is not \`name = module:function\`; not read` });
      return;
    }
    collect(reading, script(file, line, entry.slice(0, equals).trim(), entry.slice(equals + 1).trim()));
  }
}

/**
 * setup.py, as text: after each `console_scripts` (or `gui_scripts`) key, the string literals of the
 * list that follows, up to its closing bracket. Only literals of the form `name = reference` count.
 */
function fromSetupPy(file: string, text: string): ConsoleScriptReading {
  const reading: ConsoleScriptReading = { scripts: [], problems: [] };
  const key = /["'](?:console|gui)_scripts["']\s*:\s*\[/g;
  for (let match = key.exec(text); match; match = key.exec(text)) {
    const start = match.index + match[0].length;
    const end = text.indexOf(']', start);
    if (end < 0) break;
    const body = text.slice(start, end);
    const literal = /(["'])((?:(?!\1)[^\\\n])*)\1/g;
    for (let string = literal.exec(body); string; string = literal.exec(body)) {
      const entry = string[2]!;
      const equals = entry.indexOf('=');
      if (equals < 0) continue;
      const line = text.slice(0, start + string.index).split('\n').length;
      collect(reading, script(file, line, entry.slice(0, equals).trim(), entry.slice(equals + 1).trim()));
    }
    key.lastIndex = end;
  }
  return reading;
}
