import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as bundledTreeSitter from 'web-tree-sitter';
import type { Parser } from 'web-tree-sitter';
import { registerRuntime } from './tree.js';
import { expectParses } from './compileTier.js';

type TreeSitter = typeof bundledTreeSitter;
/** The part of the WebAssembly global used here (the project's `lib` setting has no WebAssembly types). */
declare const WebAssembly: { Memory: new (descriptor: { initial: number; maximum: number }) => object };

let ready: Promise<Parser> | undefined;
/** Set once the bundled runtime has aborted where no other copy can be loaded: nothing more parses. */
let brokenBy: string | undefined;

/**
 * Text longer than this (in UTF-16 code units) is never given to the parser, whatever
 * `--max-file-size` allows: tree-sitter's WebAssembly memory (2 GiB at most) runs out on dense code
 * between 8 and 16 MiB, and parsing takes one to two seconds a MiB.
 */
export const MAX_PARSE_CHARS = 8 * 1024 * 1024;

/**
 * One Python parser for the process. The grammar is a WebAssembly file that importleak ships in
 * `grammar/` (copied from the `tree-sitter-python` package, see grammar/README.md), so installing
 * us runs no install script and compiles nothing.
 */
export function pythonParser(): Promise<Parser> {
  if (brokenBy !== undefined) return Promise.reject(new ParserUnavailable(`not parsed: the parser ran out of memory on ${brokenBy} and cannot be restarted in this process`));
  ready ??= (async () => {
    // Compiled now: no later guess of how many files this thread parses changes how (see compileTier.ts).
    expectParses(Infinity);
    const { Parser, Language } = runtime();
    // Emscripten fills this object in as the runtime's module: tree.ts drives its exported functions.
    const module = {
      // web-tree-sitter's own tree-sitter.wasm: installed, it is beside web-tree-sitter's JS in
      // node_modules (the default). In the Action's bundle (see grammarFile) that JS is inlined and
      // the .wasm is copied beside the bundle, that is beside this module: looking here first does
      // not depend on what the bundler makes of web-tree-sitter's import.meta.url.
      locateFile: (name: string, scriptDirectory: string) => besideThisModule(name) ?? scriptDirectory + name,
      // An abort is reported as the file's diagnostic (see ParserAbort), not as a bare "Aborted()" line.
      ...(process.env.IMPORTLEAK_DEBUG ? {} : { printErr: () => undefined }),
      ...memoryOption(),
    };
    await Parser.init(module);
    const language = await Language.load(grammarFile());
    const parser = new Parser();
    parser.setLanguage(language);
    registerRuntime(parser, module);
    return parser;
  })();
  return ready;
}

/** The parser's WebAssembly runtime aborted (it ran out of memory) while parsing one file. */
export class ParserAbort extends Error {}

/** After an abort where no fresh runtime can be loaded (the Action's bundle): nothing more is parsed. */
export class ParserUnavailable extends Error {}

/**
 * Runs `use` with the parser. When the WebAssembly runtime aborts meanwhile (out of memory: a huge
 * file under a raised `--max-file-size`, or a lowered IMPORTLEAK_PARSER_MEMORY), that runtime is
 * unusable for good: it is dropped, the next call gets a fresh one, and a `ParserAbort` naming `file`
 * is thrown, so only this file goes unparsed.
 */
export async function withPythonParser<T>(file: string, use: (parser: Parser) => T): Promise<T> {
  // Files are read concurrently: another file's parse may have aborted the runtime while this one
  // waited for it. Then it is the dropped one; take the fresh one (or learn that none can be had).
  let current = pythonParser();
  let parser = await current;
  while (current !== ready) {
    current = pythonParser();
    parser = await current;
  }
  try {
    return use(parser);
  } catch (error) {
    if (!isAbort(error)) throw error;
    ready = undefined;
    const restarts = separateRuntime();
    if (!restarts) brokenBy = file;
    throw new ParserAbort(`the parser ran out of memory (tree-sitter aborted); ${restarts ? 'importleak restarted it for the next files' : 'it cannot be restarted here, so no later file is parsed'}`);
  }
}

/** What Emscripten throws when its runtime aborts: a WebAssembly RuntimeError "Aborted(...)". */
function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'RuntimeError' && /^Aborted\(/.test(error.message);
}

/**
 * A fresh copy of web-tree-sitter: it keeps one WebAssembly instance per loaded copy of its module,
 * and one that aborted stays broken. Installed (and from a clone), the copy is loaded with require()
 * after removing the cached one, so the old instance and its memory can be freed. In the Action's
 * bundle, which inlines web-tree-sitter and has no node_modules, there is only the bundled copy.
 */
function runtime(): TreeSitter {
  if (!separateRuntime()) return bundledTreeSitter;
  const require = createRequire(import.meta.url);
  const id = require.resolve('web-tree-sitter');
  delete require.cache[id];
  return require(id) as TreeSitter;
}

/** Not the Action's bundle (which has web-tree-sitter's tree-sitter.wasm beside it, see grammarFile). */
function separateRuntime(): boolean {
  return besideThisModule('tree-sitter.wasm') === undefined;
}

/**
 * IMPORTLEAK_PARSER_MEMORY=<MiB>: the most memory tree-sitter's WebAssembly runtime may take (default
 * and at most 2048). A debugging aid: a low value makes an ordinary file abort the parser, to see the
 * scan report it and go on.
 */
function memoryOption(): { wasmMemory?: object } {
  const mib = Number(process.env.IMPORTLEAK_PARSER_MEMORY);
  if (!Number.isInteger(mib) || mib <= 0 || mib >= 2048) return {};
  const pages = Math.max(mib * 16, 512); // 64 KiB pages; the runtime starts with 32 MiB
  return { wasmMemory: new WebAssembly.Memory({ initial: 512, maximum: pages }) };
}

/**
 * Where the grammar is. importleak runs from two layouts:
 * - the package (installed, or a clone after `npm run build`): this module is
 *   dist/extract/parser.js (src/extract/parser.ts under vitest) and the grammar is in the
 *   package's grammar/ folder, two levels up;
 * - the GitHub Action's bundle: all of src/ in one file, action-dist/index.mjs, with
 *   tree-sitter-python.wasm and tree-sitter.wasm copied beside it and no node_modules.
 * So the file is looked for beside this module first, then in grammar/.
 */
function grammarFile(): string {
  const name = 'tree-sitter-python.wasm';
  const inPackage = fileURLToPath(new URL(`../../grammar/${name}`, import.meta.url));
  const found = besideThisModule(name) ?? (existsSync(inPackage) ? inPackage : undefined);
  if (!found) throw new Error(`the Python grammar is missing: no ${name} beside ${fileURLToPath(import.meta.url)} nor at ${inPackage}`);
  return found;
}

function besideThisModule(name: string): string | undefined {
  const file = fileURLToPath(new URL(`./${name}`, import.meta.url));
  return existsSync(file) ? file : undefined;
}
