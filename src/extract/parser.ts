import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Language, Parser } from 'web-tree-sitter';

let ready: Promise<Parser> | undefined;

/**
 * One Python parser for the process. The grammar is a WebAssembly file that importleak ships in
 * `grammar/` (copied from the `tree-sitter-python` package, see grammar/README.md), so installing
 * us runs no install script and compiles nothing.
 */
export function pythonParser(): Promise<Parser> {
  ready ??= (async () => {
    await Parser.init({
      // web-tree-sitter's own tree-sitter.wasm: installed, it is beside web-tree-sitter's JS in
      // node_modules (the default). In the Action's bundle (see grammarFile) that JS is inlined and
      // the .wasm is copied beside the bundle, that is beside this module: looking here first does
      // not depend on what the bundler makes of web-tree-sitter's import.meta.url.
      locateFile: (name: string, scriptDirectory: string) => besideThisModule(name) ?? scriptDirectory + name,
    });
    const language = await Language.load(grammarFile());
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  return ready;
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
