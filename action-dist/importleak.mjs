#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  main
} from "./shared-3QCP4XXY.mjs";
import "./shared-VO2QDAWM.mjs";
import "./shared-6EZY67D5.mjs";
import "./shared-CPK4GFGM.mjs";
import "./shared-Y46MMDIC.mjs";
import "./shared-P6QZ5F2H.mjs";
import "./shared-OK3D7NJJ.mjs";
import "./shared-RKF6PH7O.mjs";

// src/bin.ts
process.exitCode = await main(process.argv);
