#!/usr/bin/env node
// The `importleak` command of the package (package.json `bin`). npm links it into node_modules/.bin
// (a symlink, or a shim that runs `node <this file>` on Windows), npx and global installs run it
// through those links, so it runs the CLI unconditionally rather than asking whether it is the
// main module (`node dist/cli.js` still works: cli.ts checks that itself).
//
// First the quick replay (quickReplay.ts): a command line whose last run read what it would read
// now prints that run's output again without loading the CLI; else the CLI runs. The bundle
// (scripts/build-action.mjs) keeps this file and the quick replay apart from the rest, which it
// loads only then.
import { quickReplay } from './quickReplay.js';

void quickReplay(process.argv).then(async (replayed) => {
  process.exitCode = replayed ?? (await (await import('./cli.js')).main(process.argv));
});
