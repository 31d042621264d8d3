#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  main
} from "./shared-B6SGNTJR.mjs";
import "./shared-CGU4M3VC.mjs";
import "./shared-DBSXY7DB.mjs";
import "./shared-XXICYUZH.mjs";
import "./shared-WCLMF3UY.mjs";
import "./shared-6EZY67D5.mjs";
import "./shared-OK3D7NJJ.mjs";
import "./shared-RKF6PH7O.mjs";

// src/bin.ts
process.exitCode = await main(process.argv);
