/**
 * What compiled standard-library modules import as they initialise. `decimal.py` runs
 * `from _decimal import *`, and the C module `_decimal` imports `numbers` and `collections.abc`
 * while it loads: those Python modules run although no `.py` file names them. CPython says which:
 * `test/python/compiled_init_imports.py` reads them from `python -I -S -X importtime -c "import M"`
 * for every built-in and `lib-dynload` module, and `test/resolution.test.ts` compares this table with
 * it for each CPython 3.8 to 3.13 installed. Modules loaded at interpreter start-up (`abc`, `io`,
 * `codecs`, ...) are never imported again, so they are not listed.
 */

interface InitImport {
  module: string;
  /** First and last minor version of Python 3 whose compiled module imports it. */
  versions?: readonly [number, number];
}

/** Compiled module → the modules it imports directly as it initialises (compiled ones included). */
export const COMPILED_INIT_IMPORTS: Readonly<Record<string, readonly InitImport[]>> = {
  _asyncio: [{ module: 'asyncio' }],
  _curses_panel: [{ module: '_curses' }],
  _decimal: [{ module: 'collections' }, { module: 'collections.abc' }, { module: 'numbers' }],
  _elementtree: [{ module: 'copy' }, { module: 'pyexpat' }, { module: 'xml.etree.ElementPath' }],
  _pickle: [{ module: '_compat_pickle' }, { module: 'copyreg' }, { module: 'functools' }],
  _sqlite3: [{ module: 'functools', versions: [11, 99] }],
  _ssl: [{ module: '_socket' }],
  // Since 3.9, when `_zoneinfo` appeared.
  _zoneinfo: [
    { module: 'datetime', versions: [9, 99] },
    { module: 'weakref', versions: [9, 99] },
    { module: 'zoneinfo._tzpath', versions: [9, 99] },
  ],
  array: [{ module: 'collections.abc', versions: [10, 99] }],
  // The `parser` module was removed in 3.10.
  parser: [{ module: 'copyreg', versions: [0, 9] }],
};

/** Whether the table lists `name`: a compiled module that imports Python modules as it initialises. */
export function hasCompiledInitImports(name: string): boolean {
  return Object.hasOwn(COMPILED_INIT_IMPORTS, name);
}

/** The modules compiled module `name` imports as it initialises on Python 3.`minor`, in the table's order. */
export function compiledInitImports(name: string, minor: number): string[] {
  // Own entries only: `constructor` or `toString` is a module name too, and no compiled module's.
  if (!hasCompiledInitImports(name)) return [];
  return COMPILED_INIT_IMPORTS[name]!.filter(({ versions }) => !versions || (minor >= versions[0] && minor <= versions[1])).map(({ module }) => module);
}
