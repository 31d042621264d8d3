#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  main
} from "./shared-W4IVAKYN.mjs";
import "./shared-M6NF4Y7M.mjs";
import "./shared-DBSXY7DB.mjs";
import "./shared-XXICYUZH.mjs";
import "./shared-WCLMF3UY.mjs";
import "./shared-6EZY67D5.mjs";
import "./shared-OK3D7NJJ.mjs";
import "./shared-RKF6PH7O.mjs";

// src/bin.ts
process.exitCode = await main(process.argv);
