#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  main
} from "./shared-CAXHBASP.mjs";
import "./shared-JLLRKR7G.mjs";

// src/bin.ts
process.exitCode = await main(process.argv);
