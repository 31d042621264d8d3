/**
 * The interpreter the analysis is for: what `sys.version_info`, `sys.platform` and `os.name` are
 * when the project's code runs. Conditions on them are evaluated the way mypy and pyright do
 * (`--python-version`, `--platform`), so `if sys.platform == "win32": import winreg` is not an
 * import-time edge on Linux. The target comes from flags, the configuration, `requires-python` or
 * the local `python3` (see `targetOf`), else the defaults below.
 */
export type TargetPlatform = 'linux' | 'darwin' | 'win32';

export interface PythonTarget {
  /** [major, minor]. */
  version: readonly [number, number];
  platform: TargetPlatform;
}

export const PLATFORMS: readonly TargetPlatform[] = ['linux', 'darwin', 'win32'];

/**
 * When nothing else decides (no flag, configuration, `requires-python` or local `python3`): Linux,
 * where the servers this tool is about run, and Python 3.12, a current release that is not the
 * newest (a check for a brand-new feature takes its fallback path, as on most deployed interpreters).
 */
export const DEFAULT_TARGET: PythonTarget = { version: [3, 12], platform: 'linux' };

/** "3.12" → [3, 12]; undefined when it is not MAJOR.MINOR. */
export function parsePythonVersion(text: string): readonly [number, number] | undefined {
  const match = /^\s*(\d+)\.(\d+)\s*$/.exec(text);
  if (!match) return undefined;
  const major = Number(match[1]);
  const minor = Number(match[2]);
  return major >= 2 && major <= 3 ? [major, minor] : undefined;
}

/** The lower bound of a `requires-python` specifier (`>=3.10`, `~=3.9`, `>=3.8,<4`), if it has one. */
export function versionFromRequiresPython(specifier: string): readonly [number, number] | undefined {
  for (const clause of specifier.split(',')) {
    const match = /^\s*(>=|~=|==|>)\s*(\d+)(?:\.(\d+))?/.exec(clause);
    if (!match) continue;
    const major = Number(match[2]);
    let minor = Number(match[3] ?? 0);
    // `>3.9` excludes 3.9.0 only; 3.9.1 satisfies it, so 3.9 is still the lowest minor version.
    if (match[1] === '>' && match[3] === undefined) minor += 1;
    return [major, minor];
  }
  return undefined;
}

export function describeTarget(target: PythonTarget): string {
  return `Python ${target.version.join('.')} on ${target.platform}`;
}
