import { createRequire } from 'node:module';
import { Language, Parser } from 'web-tree-sitter';

const require = createRequire(import.meta.url);

let ready: Promise<Parser> | undefined;

/**
 * One Python parser for the process. The grammar is the WASM build that ships inside
 * the `tree-sitter-python` package, so no native compiler is needed to install us.
 */
export function pythonParser(): Promise<Parser> {
  ready ??= (async () => {
    await Parser.init();
    const language = await Language.load(require.resolve('tree-sitter-python/tree-sitter-python.wasm'));
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  return ready;
}
