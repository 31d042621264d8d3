import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

/**
 * A Node built-in module (`node:zlib`), loaded when it is first asked for rather than when the
 * module that uses it is: a run that prints its last output again never needs zlib or
 * child_process, and loading them is a measurable part of such a run.
 */
export function builtin<T>(name: `node:${string}`): T {
  return load(name) as T;
}
