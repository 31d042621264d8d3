import { callsOutsideFunctions } from '../extract/packed.js';
import { isManagementCommandPath, isTestModulePath } from '../entries/candidates.js';
import type { ModuleSummary } from '../extract/summary.js';
import type { ImportGraph } from '../graph/importGraph.js';

/**
 * Programs are not libraries. A file that runs on its own (a script, `setup.py`, a test module) is
 * not imported into a server: what it creates at its top level is the program's own work, not an
 * import-time leak. The evidence, each a thing a reader can check:
 * - nothing in the project imports it (at import time or lazily; the tests aside), and
 * - it has an `if __name__ == "__main__":` block, or a deployment file or script runs it
 *   (`python bot.py`, a Dockerfile `RUN python version.py`), or a `[project.scripts]` entry names
 *   it, or it is `setup.py`, `manage.py`, `__main__.py`, an alembic `env.py` or a Django management
 *   command, or its module body parses arguments (argparse, optparse, click, typer, fire,
 *   `sys.argv`) or calls `sys.exit()`.
 * Test modules (`test_*.py`, `*_test.py`, `conftest.py`, files under `tests/`) are programs of the
 * test run, whatever imports them, unless a deployed entry imports them (decided by the caller).
 */
export interface Program {
  /** Why it is a program, in words: "it has an `if __name__ == \"__main__\":` block". */
  reason: string;
  /** A deployment runs it as a long-lived process (`python bot.py` in a Procfile): where. */
  server?: string;
}

/** A script a deployment file or a script names, with where: "Dockerfile:7". */
export type NamedScripts = ReadonlyMap<string, { where: string; server: boolean }>;

const ARGUMENT_PARSERS = [
  'argparse.ArgumentParser',
  'optparse.OptionParser',
  'click.command',
  'click.group',
  'click.main',
  'typer.Typer',
  'typer.run',
  'fire.Fire',
  'docopt.docopt',
];
const EXITS = ['sys.exit', 'exit', 'quit', 'os._exit'];

const lazyTargetsOf = new WeakMap<ImportGraph, Set<string>>();

/** The modules some function imports: built once per graph (a project can have 100,000 lazy imports). */
function lazyTargets(graph: ImportGraph): Set<string> {
  let targets = lazyTargetsOf.get(graph);
  if (!targets) lazyTargetsOf.set(graph, (targets = new Set(graph.lazyEdges.filter((e) => !isTestModulePath(e.from)).map((e) => e.to))));
  return targets;
}

export function programOf(path: string, summary: ModuleSummary, graph: ImportGraph, named: NamedScripts): Program | undefined {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (base === 'conftest.py') return { reason: 'it is a pytest `conftest.py`, loaded by the test run' };
  if (isTestModulePath(path)) return { reason: 'it is a test module, run by the test runner' };
  // A test that imports a script to test it does not make it a library.
  const importedBy = graph.importedBy.importers(path).some((from) => !isTestModulePath(from)) || lazyTargets(graph).has(path);
  if (importedBy) return undefined;
  const script = named.get(path);
  if (script) return { reason: `${script.where} runs it`, ...(script.server ? { server: script.where } : {}) };
  if (base === 'setup.py') return { reason: 'it is `setup.py`, run by the packaging tools' };
  if (base === 'manage.py') return { reason: 'it is `manage.py`, a command-line program' };
  if (base === '__main__.py') return { reason: 'it is `__main__.py`, run by `python -m`' };
  if (isManagementCommandPath(path)) return { reason: 'it is a Django management command, run by `manage.py`' };
  if (base === 'env.py' && summary.imports.some((i) => i.module === 'alembic' || i.module.startsWith('alembic.'))) {
    return { reason: 'it is an alembic `env.py`, run by alembic' };
  }
  if (summary.mainGuardLine !== undefined || summary.imports.some((i) => i.scope.kind === 'main-guard')) {
    return { reason: `it has an \`if __name__ == "__main__":\` block${summary.mainGuardLine !== undefined ? ` (line ${summary.mainGuardLine})` : ''}` };
  }
  const moduleCalls = callsOutsideFunctions(summary).filter((c) => c.scope.kind === 'module');
  const parser = moduleCalls.find((c) => c.callee !== undefined && !c.calleeIsLocal && ARGUMENT_PARSERS.includes(c.callee));
  if (parser) return { reason: `its module body parses arguments (\`${parser.callee}\`, line ${parser.span.line})` };
  const exit = moduleCalls.find((c) => c.callee !== undefined && !c.calleeIsLocal && EXITS.includes(c.callee));
  if (exit) return { reason: `its module body calls \`${exit.callee}()\` (line ${exit.span.line})` };
  const argv = moduleCalls.find((c) => /\bsys\.argv\b/.test(c.statementText));
  if (argv) return { reason: `its module body reads \`sys.argv\` (line ${argv.span.line})` };
  return undefined;
}
