import { realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Whether the module at `moduleUrl` is the script node was started with: `node dist/cli.js`,
 * `node dist/cli` (node finds the extension), or a symlink to it (`npm link`, a bin link). Node
 * gives argv[1] as typed, only made absolute, but the module's URL is its real path: so both are
 * compared as real paths (case-insensitively on Windows, where drive letters and folders may be
 * spelled either way). A path that cannot be resolved is compared as it is.
 */
export function isMainModule(moduleUrl: string, script: string | undefined = process.argv[1]): boolean {
  if (!script) return false;
  const self = canonical(fileURLToPath(moduleUrl));
  return [script, `${script}${path.extname(self)}`].some((candidate) => canonical(candidate) === self);
}

function canonical(file: string): string {
  let resolved: string;
  try {
    resolved = realpathSync(file);
  } catch {
    resolved = path.resolve(file);
  }
  return process.platform === 'win32' ? resolved.toLowerCase() : resolved;
}
