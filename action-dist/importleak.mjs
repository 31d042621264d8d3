#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  main
} from "./shared-ARH3QH5M.mjs";

// src/bin.ts
process.exitCode = await main(process.argv);
