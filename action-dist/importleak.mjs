#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  main
} from "./shared-RA26Q2PU.mjs";

// src/bin.ts
process.exitCode = await main(process.argv);
