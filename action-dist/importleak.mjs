#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  main
} from "./shared-P6OOCDNQ.mjs";
import "./shared-PON6QB5E.mjs";

// src/bin.ts
process.exitCode = await main(process.argv);
