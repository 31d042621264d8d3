/**
 * `JSON.stringify(value)` as pieces of about `size` characters, for a file written piece by piece
 * (see `SummaryCache.writeWhole`). The run record of a tree of 100,000 modules is 30 MB of JSON:
 * made as one string, then copied to bytes to be written, it was the peak of the run's memory,
 * 110 MiB above the analysis it records.
 *
 * The pieces joined are `JSON.stringify(value)`, character for character, for plain data (objects,
 * arrays, strings, numbers, booleans, null; properties that are undefined, functions or symbols
 * are left out as it leaves them out). A value with a `toJSON` method, and an array or object none
 * of whose items is an array or object, is written by `JSON.stringify` whole.
 */
export function* jsonChunks(value: unknown, size = 64 * 1024): Generator<string> {
  let pending = '';
  function* write(item: unknown): Generator<string> {
    if (!splittable(item)) {
      // As JSON.stringify writes an array's undefined item; a top-level undefined is no JSON at all.
      pending += JSON.stringify(item) ?? 'null';
    } else if (Array.isArray(item)) {
      pending += '[';
      for (let index = 0; index < item.length; index++) {
        if (index > 0) pending += ',';
        yield* write(item[index]);
        if (pending.length >= size) {
          yield pending;
          pending = '';
        }
      }
      pending += ']';
    } else {
      pending += '{';
      let first = true;
      for (const key of Object.keys(item)) {
        const field = (item as Record<string, unknown>)[key];
        if (field === undefined || typeof field === 'function' || typeof field === 'symbol') continue;
        pending += `${first ? '' : ','}${JSON.stringify(key)}:`;
        first = false;
        yield* write(field);
        if (pending.length >= size) {
          yield pending;
          pending = '';
        }
      }
      pending += '}';
    }
  }
  yield* write(value);
  if (pending) yield pending;
}

/** An array or plain object that holds an array or object: written item by item. */
function splittable(item: unknown): item is object {
  if (item === null || typeof item !== 'object' || typeof (item as { toJSON?: unknown }).toJSON === 'function') return false;
  const values = Array.isArray(item) ? item : Object.values(item);
  return values.some((v) => v !== null && typeof v === 'object');
}
