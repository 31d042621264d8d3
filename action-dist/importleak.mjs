#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  main
} from "./shared-XXO2WPXM.mjs";
import "./shared-JK3AKBJR.mjs";

// src/bin.ts
process.exitCode = await main(process.argv);
