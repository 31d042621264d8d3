import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import type { Diagnostic } from '../diagnostics.js';
import { inLanes, pathKind, readRegularFile } from '../files.js';
import { versionFromRequiresPython, type PythonTarget } from '../extract/target.js';

/**
 * The Python version each file is analyzed for. A repository often holds several projects, each with
 * its own pyproject.toml (`backend/pyproject.toml` beside `frontend/`): a file is analyzed for the
 * `requires-python` lower bound of the nearest pyproject.toml at or above its folder, within the
 * scan's root, as uv and pip read that file for the project it is in; in a folder whose
 * pyproject.toml does not say (or that has none), the version its `.python-version` pins, as pyenv
 * and uv read it (warehouse pins 3.14 there, and writes `except A, B:`). Above the root, and where
 * no such file says, the run's target holds (the configuration's, else the local interpreter's). A
 * `python-version` set by the configuration or `--python-version` holds for every file.
 *
 * Each file looked for is an input of the run (its record replays only while they read the same),
 * and a pyproject.toml that cannot be read or parsed is said, with why, and passed over. A
 * `.python-version` that names no CPython version (`system`, `pypy3.10`) is passed over.
 */
export interface ProjectTargets {
  of(relative: string): PythonTarget;
  diagnostics: Diagnostic[];
}

/** pyproject.toml files larger than this are not read for `requires-python`. */
const MAX_PYPROJECT_BYTES = 1024 * 1024;
/** `.python-version` files larger than this are not read: a version a line. */
const MAX_PYTHON_VERSION_BYTES = 4096;

export async function projectTargets(root: string, files: ReadonlyArray<{ relative: string }>, runTarget: PythonTarget, explicit: boolean): Promise<ProjectTargets> {
  if (explicit) return { of: () => runTarget, diagnostics: [] };
  const folders = new Set<string>();
  for (const file of files) {
    for (let folder = parentOf(file.relative); folder !== undefined && !folders.has(folder); folder = folder === '' ? undefined : parentOf(folder)) folders.add(folder);
  }
  const listed = [...folders].sort();
  const found = new Map<string, PythonTarget>();
  const diagnostics: Diagnostic[] = [];
  await inLanes(listed.length, async (index) => {
    const folder = listed[index]!;
    const relative = folder ? `${folder}/pyproject.toml` : 'pyproject.toml';
    const file = path.join(root, relative);
    if ((await pathKind(file)) === 'file') {
      const read = await readRegularFile(file, MAX_PYPROJECT_BYTES);
      const outcome = read.ok ? requiresPythonOf(read.bytes.toString('utf8')) : { problem: read.reason === 'too-large' ? `over ${MAX_PYPROJECT_BYTES / 1024 / 1024} MiB` : 'it cannot be read' };
      if ('problem' in outcome) {
        diagnostics.push({ kind: 'read-error', path: relative, message: `not read for \`requires-python\`: ${outcome.problem}; the files below it are analyzed for ${pythonVersion(runTarget)}` });
        return;
      }
      if (outcome.version) return void found.set(folder, { version: outcome.version, platform: runTarget.platform });
    }
    const pinned = path.join(root, folder ? `${folder}/.python-version` : '.python-version');
    if ((await pathKind(pinned)) !== 'file') return;
    const read = await readRegularFile(pinned, MAX_PYTHON_VERSION_BYTES);
    const version = read.ok ? pinnedVersionOf(read.bytes.toString('utf8')) : undefined;
    if (version) found.set(folder, { version, platform: runTarget.platform });
  });
  diagnostics.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (found.size === 0) return { of: () => runTarget, diagnostics };
  const byFolder = new Map<string, PythonTarget>();
  const targetOfFolder = (folder: string): PythonTarget => {
    let target = byFolder.get(folder);
    if (!target) {
      target = found.get(folder) ?? (folder === '' ? runTarget : targetOfFolder(parentOf(folder)!));
      // The same object for the same version: the extract stage keeps a cache for each.
      if (target !== runTarget && sameTarget(target, runTarget)) target = runTarget;
      byFolder.set(folder, target);
    }
    return target;
  };
  return { of: (relative) => targetOfFolder(parentOf(relative) ?? ''), diagnostics };
}

/** `a/b` for `a/b/c.py`, `''` for `c.py`. */
function parentOf(relative: string): string | undefined {
  const slash = relative.lastIndexOf('/');
  return slash < 0 ? '' : relative.slice(0, slash);
}

function requiresPythonOf(text: string): { version?: readonly [number, number] } | { problem: string } {
  let parsed: unknown;
  try {
    parsed = parseToml(text);
  } catch (error) {
    return { problem: `not valid TOML (${(error as Error).message.split('\n')[0]})` };
  }
  const project = (parsed as { project?: unknown }).project;
  const specifier = typeof project === 'object' && project !== null ? (project as Record<string, unknown>)['requires-python'] : undefined;
  if (typeof specifier !== 'string') return {};
  const version = versionFromRequiresPython(specifier);
  return version ? { version } : {};
}

/**
 * The version a `.python-version` pins: its first line that is not blank or a comment, when it
 * names a CPython version (`3.14.7`, `3.12`, `3.13t`, `cpython-3.12`, `3.12-dev`); pyenv lists
 * several a line each and takes the first.
 */
export function pinnedVersionOf(text: string): readonly [number, number] | undefined {
  const first = text.split(/\r?\n/).map((line) => line.trim()).find((line) => line !== '' && !line.startsWith('#'));
  const match = first ? /^(?:cpython-|python)?3\.(\d{1,2})(?:[.\-+a-z]|$)/.exec(first) : null;
  return match ? [3, Number(match[1])] : undefined;
}

function sameTarget(a: PythonTarget, b: PythonTarget): boolean {
  return a.version[0] === b.version[0] && a.version[1] === b.version[1] && a.platform === b.platform;
}

function pythonVersion(target: PythonTarget): string {
  return `Python ${target.version[0]}.${target.version[1]}`;
}
