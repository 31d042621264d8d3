#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  main
} from "./shared-XR7APEB6.mjs";
import "./shared-23BHBEOG.mjs";
import "./shared-6EZY67D5.mjs";
import "./shared-WCTRJS6Y.mjs";
import "./shared-DCURNJV2.mjs";
import "./shared-3UWUNUVX.mjs";
import "./shared-OK3D7NJJ.mjs";
import "./shared-RKF6PH7O.mjs";

// src/bin.ts
process.exitCode = await main(process.argv);
