#!/usr/bin/env node
// The `importleak` command of the package (package.json `bin`). npm links it into node_modules/.bin
// (a symlink, or a shim that runs `node <this file>` on Windows), npx and global installs run it
// through those links, so it runs the CLI unconditionally rather than asking whether it is the
// main module (`node dist/cli.js` still works: cli.ts checks that itself).
import { main } from './cli.js';

process.exitCode = await main(process.argv);
