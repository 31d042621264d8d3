#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  main
} from "./shared-KUL2RAI2.mjs";
import "./shared-YT3NUUBP.mjs";
import "./shared-G5QF3GMT.mjs";
import "./shared-XXICYUZH.mjs";
import "./shared-F7QFFTA7.mjs";
import "./shared-WCLMF3UY.mjs";
import "./shared-6EZY67D5.mjs";
import "./shared-OK3D7NJJ.mjs";
import "./shared-RKF6PH7O.mjs";

// src/bin.ts
process.exitCode = await main(process.argv);
