#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  main
} from "./shared-GT2GGL2D.mjs";
import "./shared-EM4ZKI4U.mjs";
import "./shared-WDROVJEC.mjs";
import "./shared-FBYBV67K.mjs";
import "./shared-VDMCUOKK.mjs";
import "./shared-6EZY67D5.mjs";
import "./shared-OK3D7NJJ.mjs";
import "./shared-RKF6PH7O.mjs";

// src/bin.ts
process.exitCode = await main(process.argv);
