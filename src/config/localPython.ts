import { spawnSync } from 'node:child_process';
import { PLATFORMS, type TargetPlatform } from '../extract/target.js';

/** What the interpreter on this machine says it is: the default target, as in mypy and pyright. */
export interface LocalPython {
  /** The command asked (`python3`, or `IMPORTLEAK_PYTHON`). */
  command: string;
  version: readonly [number, number];
  /** Its `sys.platform` when it is one the analyzer evaluates (`cygwin` is not). */
  platform?: TargetPlatform;
}

/** Prints `3.11 linux`. `-I -S`: no site.py, no .pth files, no user site: nothing of the project runs. */
const PROBE = 'import sys; print("%d.%d %s" % (sys.version_info[0], sys.version_info[1], sys.platform))';

let cached: { key: string; found: LocalPython | undefined } | undefined;

/**
 * Asks `python3` (or the interpreter `IMPORTLEAK_PYTHON` names) for its version and platform,
 * once per process; undefined when there is none, it fails, or it does not answer within 5 s.
 * Only the interpreter's own `sys` is read: the analyzer still never imports the project's code.
 */
export function localPython(env: NodeJS.ProcessEnv = process.env): LocalPython | undefined {
  const command = env.IMPORTLEAK_PYTHON || 'python3';
  if (cached?.key === command) return cached.found;
  const run = spawnSync(command, ['-I', '-S', '-c', PROBE], { encoding: 'utf8', timeout: 5000, windowsHide: true });
  const match = run.status === 0 ? /^(\d+)\.(\d+) (\S+)\s*$/.exec(run.stdout) : null;
  const platform = match?.[3]?.startsWith('linux') ? 'linux' : (match?.[3] as TargetPlatform | undefined);
  const found: LocalPython | undefined = match
    ? { command, version: [Number(match[1]), Number(match[2])], ...(platform && PLATFORMS.includes(platform) ? { platform } : {}) }
    : undefined;
  cached = { key: command, found };
  return found;
}
