#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  main
} from "./shared-DMUXHSBA.mjs";
import "./shared-GVYA43EI.mjs";
import "./shared-6S3H5WRW.mjs";
import "./shared-CTASDSWU.mjs";
import "./shared-VDMCUOKK.mjs";
import "./shared-6EZY67D5.mjs";
import "./shared-OK3D7NJJ.mjs";
import "./shared-RKF6PH7O.mjs";

// src/bin.ts
process.exitCode = await main(process.argv);
