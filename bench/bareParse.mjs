// bench/bareParse.mjs: the floor importleak is measured against. Parses each file of a list (one
// absolute path a line) with the same web-tree-sitter runtime and grammar, on one thread, reading
// each file just before parsing it, deleting each tree at once. Prints the elapsed seconds as JSON.
//
//   node bench/bareParse.mjs <file-list>
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Language, Parser } from 'web-tree-sitter';

const started = performance.now();
const list = readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
await Parser.init();
const parser = new Parser();
parser.setLanguage(await Language.load(fileURLToPath(new URL('../grammar/tree-sitter-python.wasm', import.meta.url))));
let bytes = 0;
for (const file of list) {
  const text = readFileSync(file, 'utf8');
  bytes += text.length;
  const tree = parser.parse(text);
  tree?.delete();
}
console.log(JSON.stringify({ files: list.length, chars: bytes, seconds: (performance.now() - started) / 1000 }));
