#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  main
} from "./shared-NKKW2PYC.mjs";
import "./shared-4HNB24IE.mjs";

// src/bin.ts
process.exitCode = await main(process.argv);
