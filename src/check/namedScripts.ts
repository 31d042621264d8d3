import path from 'node:path';
import { CONSOLE_SCRIPT_FILES, consoleScriptsOf } from '../deploy/consoleScripts.js';
import type { Deployment } from '../deploy/index.js';
import { MAX_SMALL_FILE_BYTES, readRegularFile } from '../files.js';
import type { ModuleIndex } from '../resolve/moduleIndex.js';
import type { NamedScripts } from './programs.js';

/**
 * `python bot.py`, `python3 -u scripts/x.py`, `["python", "x.py"]`: the scripts a line runs. Read
 * token by token, in time linear in the line (a line can be 100,000 brackets long).
 */
export function scriptsRunBy(line: string): string[] {
  if (!line.includes('python')) return [];
  const tokens = line.split(/[\s"',;&|()[\]]+/).filter((t) => t !== '');
  const scripts: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!/^python[\d.]*$/.test(tokens[i]!.slice(tokens[i]!.lastIndexOf('/') + 1))) continue;
    let j = i + 1;
    while (j < tokens.length && tokens[j]!.startsWith('-') && tokens[j] !== '-m' && tokens[j] !== '-c') j++;
    const script = tokens[j];
    if (script && /^[\w.\/-]*[\w-]\.py$/.test(script)) scripts.push(script);
  }
  return scripts;
}

/**
 * The project's Python files that something runs as a program: a `python x.py` (or `python -m`)
 * process of the deployment, a line of a deployment file or script read (a Dockerfile `RUN`), a
 * console script the root's pyproject.toml, setup.cfg or setup.py declares (see consoleScripts.ts).
 */
export async function namedScripts(root: string, deployment: Deployment | undefined, index: ModuleIndex, files: ReadonlySet<string>): Promise<NamedScripts> {
  const named = new Map<string, { where: string; server: boolean }>();
  const add = (file: string | undefined, where: string, server: boolean): void => {
    if (!file) return;
    const known = named.get(file);
    if (!known || (server && !known.server)) named.set(file, { where, server });
  };
  const resolved = new Map<string, string | undefined>();
  const resolveScript = (written: string, from: string): string | undefined => {
    const key = `${from}\0${written}`;
    if (!resolved.has(key)) resolved.set(key, resolveUncached(written, from));
    return resolved.get(key);
  };
  const resolveUncached = (written: string, from: string): string | undefined => {
    const clean = written.replace(/^\.\//, '');
    const candidates = [path.posix.normalize(path.posix.join(path.posix.dirname(from), clean)), path.posix.normalize(clean)];
    for (const candidate of candidates) if (files.has(candidate)) return candidate;
    // `WORKDIR /app` then `RUN python version.py`: the one file of the project with that path's end.
    const ending = [...files].filter((f) => f === clean || f.endsWith(`/${clean}`));
    return ending.length === 1 ? ending[0] : undefined;
  };
  for (const process of deployment?.processes ?? []) {
    const spec = process.appSpec;
    if (process.server !== 'python' || !spec?.asMain) continue;
    const file = spec.script ? resolveScript(spec.script, process.file) : index.lookup(spec.module)?.path;
    // A long-lived process of its own; not a one-off step of an entrypoint script, not `manage.py <command>`.
    const server = (process.source !== 'shell-script' || process.staysUp !== undefined) && !(spec.script !== undefined && /(^|\/)manage\.py$/.test(spec.script));
    add(file, `\`${process.command ?? spec.written}\` (${process.file}:${process.line})`, server);
  }
  for (const file of deployment?.read ?? []) {
    if (file.endsWith('.py')) continue;
    const read = await readRegularFile(path.join(root, file), MAX_SMALL_FILE_BYTES);
    if (!read.ok) continue;
    const lines = read.bytes.toString('utf8').split(/\r?\n/);
    lines.forEach((line, i) => {
      for (const script of scriptsRunBy(line)) add(resolveScript(script, file), `${file}:${i + 1}`, false);
    });
  }
  // The console scripts the root's packaging files declare (invalid ones are the deployment reader's to say).
  for (const name of CONSOLE_SCRIPT_FILES) {
    const read = await readRegularFile(path.join(root, name), MAX_SMALL_FILE_BYTES);
    if (!read.ok) continue;
    for (const script of consoleScriptsOf(name, read.bytes).scripts) add(index.lookup(script.module)?.path, `console script \`${script.name}\` (${script.file}:${script.line})`, false);
  }
  return named;
}
