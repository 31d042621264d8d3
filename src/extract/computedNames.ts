import type { Value } from './conditions.js';

/* Import names computed from literals and loop variables: `import_module("pkg.%s" % d)` for each `d`. */

/** Stands, in a computed import name, for each item of another module's `__all__` or of a registry. */
export const ALL_ITEM = '\u0000';

/** A computed import name with more values than this is not recorded: it is not a short list of names. */
export const MAX_COMPUTED_NAMES = 256;

/** Every way of picking one value from each list, joined; undefined when one list is unknown. */
export function product(lists: ReadonlyArray<readonly string[] | undefined>): string[] | undefined;

export function product(lists: ReadonlyArray<ReadonlyArray<readonly string[]> | undefined>): string[][] | undefined;

export function product(lists: ReadonlyArray<ReadonlyArray<string | readonly string[]> | undefined>): Array<string | string[]> | undefined {
  let result: Array<string | string[]> | undefined;
  for (const list of lists) {
    if (!list) return undefined;
    const next: Array<string | string[]> = [];
    for (const head of result ?? [undefined]) {
      for (const item of list) {
        if (typeof item === 'string') next.push(`${(head as string | undefined) ?? ''}${item}`);
        else next.push([...((head as string[] | undefined) ?? []), ...item]);
      }
      if (next.length > MAX_COMPUTED_NAMES) return undefined;
    }
    result = next;
  }
  return result ?? [];
}

/** `"a.%s.%s" % (x, y)` / `"{}.{1}".format(...)` for each combination of argument values. */
export function substituteAll(template: string, combinations: readonly string[][], placeholder: RegExp): string[] | undefined {
  const out: string[] = [];
  for (const values of combinations) {
    let next = 0;
    let bad = false;
    const text = template.replace(placeholder, (_match, index?: string) => {
      const i = index !== undefined && index !== '' ? Number(index) : next++;
      if (i >= values.length) bad = true;
      return values[i] ?? '';
    });
    if (bad || /%[^%]|[{}]/.test(text.replace(/%%/g, ''))) return undefined;
    out.push(text.replace(/%%/g, '%'));
  }
  return out;
}

/** `..pkg.dialects` (as `qualify` writes a relative import) → module and level. */
export function itemsSource(qualified: string): { module: string; level: number } {
  const level = /^\.*/.exec(qualified)![0].length;
  return { module: qualified.slice(level), level };
}

export function stringItems(value: Value | undefined): string[] | undefined {
  if (typeof value !== 'object' || value === null || !('tuple' in value)) return undefined;
  return value.tuple.every((item): item is string => typeof item === 'string') ? (value.tuple as string[]) : undefined;
}
