import { probe, scratchFolder, venvFile } from './support.js';

/**
 * The qualified names (`twisted.web.server.Site`) among `names` that CPython, in the venv of
 * test/python/requirements-frameworks.txt, does not find: each module part is imported, then the
 * last part looked up on it. A detector that claims a name the package lacks never matches.
 */
export function missingFrameworkNames(names: readonly string[]): string[] {
  const specs = names.map((name) => `${name.slice(0, name.lastIndexOf('.'))}:${name.slice(name.lastIndexOf('.') + 1)}`);
  const modules = [...new Set(specs.map((spec) => spec.split(':')[0]!))];
  const empty = scratchFolder('importleak-names-');
  const report = probe(empty, modules, specs, venvFile('.venv-frameworks', 'bin', 'python'));
  return names.filter((_, i) => report.attrs[specs[i]!]?.exists !== true);
}
