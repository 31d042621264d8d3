import type { CallRecord, ModuleSummary } from '../extract/summary.js';
import type { EntryPoint } from './types.js';

/**
 * Route-shaped code that no deployed process loads: a test module's router, a management
 * command's task, an app built inside a test function. Such an entry is only a candidate: it is
 * listed by `importleak entries` as such, and findings are not raised to `error` through it.
 */

/** What pytest and unittest collect, and their helpers: `test_*.py`, `*_test.py`, `conftest.py`, files under `tests/` or `test/`. */
export function isTestModulePath(path: string): boolean {
  const parts = path.split('/');
  const base = parts[parts.length - 1]!;
  if (base === 'conftest.py' || /^test_.*\.py$/.test(base) || /^.+_test\.py$/.test(base) || base === 'tests.py') return true;
  return parts.slice(0, -1).some((folder) => folder === 'tests' || folder === 'test' || folder === 'testing');
}

/** A Django management command: `<app>/management/commands/<name>.py`, run by `manage.py <name>`. */
export function isManagementCommandPath(path: string): boolean {
  const parts = path.split('/');
  const base = parts[parts.length - 1]!;
  return parts.length >= 3 && parts[parts.length - 2] === 'commands' && parts[parts.length - 3] === 'management' && base !== '__init__.py';
}

/** `test_app`, `TestViews.test_index`: a function that a test runner calls. */
function isTestFunction(qualname: string): boolean {
  return qualname.split('.').some((part) => /^test/i.test(part));
}

/** Why nothing deployed loads the entry, or undefined when it may be loaded. */
export function candidateReason(entry: EntryPoint, summary: ModuleSummary | undefined): string | undefined {
  // A loader outside the tests names it (an include() of the real URLconf, INSTALLED_APPS): it is loaded.
  if (entry.registeredBy && !isTestModulePath(entry.registeredBy.path) && !isManagementCommandPath(entry.registeredBy.path)) return undefined;
  if (isTestModulePath(entry.path)) return 'it is in a test module, which only the test run imports';
  if (isManagementCommandPath(entry.path)) return 'it is in a Django management command, which only `manage.py` runs';
  if (!summary) return undefined;
  const index = indexOf(summary);
  const call = index.functionCalls.get(`${entry.evidence.line}:${entry.evidence.column}`);
  if (call && call.scope.kind === 'function') {
    const fn = call.scope.function;
    if (isTestFunction(fn)) return `it is built in the test function \`${fn}()\``;
    // `@pytest.fixture def app(): ...`: the test run calls it (the app may be built in a function nested in it).
    const parts = fn.split('.');
    const fixture = parts.map((_, i) => parts.slice(0, i + 1).join('.')).find((qualname) => index.fixtures.has(qualname));
    if (fixture) return `it is built in the pytest fixture \`${fixture}()\``;
  }
  return undefined;
}

interface CandidateIndex {
  /** Calls made in functions, by `line:column`. */
  functionCalls: Map<string, CallRecord>;
  /** Functions decorated with `@pytest.fixture`. */
  fixtures: Set<string>;
}

const indexes = new WeakMap<ModuleSummary, CandidateIndex>();

/** Built once per module: a module can hold 100,000 apps, and as many calls. */
function indexOf(summary: ModuleSummary): CandidateIndex {
  let index = indexes.get(summary);
  if (!index) {
    index = { functionCalls: new Map(), fixtures: new Set() };
    for (const call of summary.calls) {
      const at = `${call.span.line}:${call.span.column}`;
      if (call.scope.kind === 'function' && !index.functionCalls.has(at)) index.functionCalls.set(at, call);
      if (call.placement.kind === 'decorator' && (call.callee === 'pytest.fixture' || call.callee === 'pytest_asyncio.fixture')) index.fixtures.add(call.placement.target);
    }
    indexes.set(summary, index);
  }
  return index;
}

/** Marks the candidate entries (`candidate` says why). */
export function markCandidates(entries: readonly EntryPoint[], summaries: ReadonlyMap<string, ModuleSummary>): void {
  for (const entry of entries) {
    const reason = candidateReason(entry, summaries.get(entry.path));
    if (reason) entry.candidate = reason;
  }
}
