import { summaryLookup } from './lookup.js';
import type { ModuleSummary } from './summary.js';

/**
 * The bases of a class defined in the module, nearest first, then theirs while they are classes of
 * the same module: `class Api(Flask)` gives `flask.Flask`; `class B(A)`, `class A(Thread)` give
 * `A`, then `threading.Thread`. Each name once, so cycles end.
 */
export function* basesOf(summary: ModuleSummary, className: string): Generator<string> {
  const seen = new Set<string>();
  const lookup = summaryLookup(summary);
  const queue = [className];
  for (let head = 0; head < queue.length; head++) {
    const name = queue[head]!;
    if (seen.has(name)) continue;
    seen.add(name);
    for (const base of lookup.classNamed(name)?.bases ?? []) {
      yield base;
      queue.push(base);
    }
  }
}
