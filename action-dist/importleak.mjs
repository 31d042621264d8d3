#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  main
} from "./shared-QCM3AZHZ.mjs";
import "./shared-DFIGXZZB.mjs";
import "./shared-FHSUTNO2.mjs";
import "./shared-FH4ZXND3.mjs";
import "./shared-VDMCUOKK.mjs";
import "./shared-6EZY67D5.mjs";
import "./shared-OK3D7NJJ.mjs";
import "./shared-RKF6PH7O.mjs";

// src/bin.ts
process.exitCode = await main(process.argv);
