import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Findings carry paths relative to the scan root (where module names start). Users and GitHub
 * want them relative to where the command ran (the repository checkout): `check fixtures/app`
 * run from the repository root must point at `fixtures/app/pkg/mod.py`.
 */
export interface PathDisplay {
  /** Absolute folder the shown paths are relative to. */
  base: string;
  show(rootRelative: string): string;
  /** Where a problem is, as `show` says it; the project root itself (a problem of the whole project) is `.`, not nothing. */
  showProblem(rootRelative: string): string;
  /** `file:///…/` URI of `base`, ending in '/', for SARIF's `%SRCROOT%`. */
  baseUri: string;
}

export function pathDisplay(root: string, cwd: string): PathDisplay {
  const rootInsideCwd = !path.relative(cwd, root).startsWith('..') && !path.isAbsolute(path.relative(cwd, root));
  const base = rootInsideCwd ? cwd : root;
  const baseUri = pathToFileURL(base.endsWith(path.sep) ? base : base + path.sep).href;
  return {
    base,
    baseUri,
    show(rootRelative: string): string {
      const shown = path.relative(base, path.resolve(root, rootRelative));
      return shown.split(path.sep).join('/');
    },
    showProblem(rootRelative: string): string {
      return this.show(rootRelative) || '.';
    },
  };
}
