import path from 'node:path';
import type { ModuleSummary } from '../extract/summary.js';

/**
 * Folders a start script of the project puts on `sys.path` though they sit inside a package: the
 * folder of a Django `manage.py` whose folder holds an `__init__.py`. `python apps/manage.py` (and
 * the gunicorn or Celery it starts from there) has `apps/` as `sys.path[0]`, so `apps/common/x.py`
 * is `common.x` to the project's imports, whatever `apps/__init__.py` makes of it from the root.
 * Found on jumpserver, whose `apps/manage.py` sits beside `apps/__init__.py` and whose signal
 * handlers import `common.decorators`: named `apps.common.decorators` from the root, the module
 * that starts a thread and a pool at import was reached by nothing.
 *
 * Given as source roots, these folders give their files a second name; the project's own imports
 * decide which one is used (see `ModuleIndex.preferReferencedNames`). A manage.py at a natural root
 * (no `__init__.py` beside it) needs nothing: its folder is its files' root already.
 */
export function scriptRoots(summaries: ReadonlyMap<string, ModuleSummary>): string[] {
  const roots: string[] = [];
  for (const [file, summary] of summaries) {
    if (path.posix.basename(file) !== 'manage.py') continue;
    const folder = path.posix.dirname(file);
    if (folder === '.' || !summaries.has(`${folder}/__init__.py`) || !importsDjango(summary)) continue;
    roots.push(folder);
  }
  return roots.sort();
}

/** The module imports Django (`django` or below it), at its top or in a function. */
export function importsDjango(summary: ModuleSummary): boolean {
  return summary.imports.some((record) => record.level === 0 && (record.module === 'django' || record.module.startsWith('django.')));
}
