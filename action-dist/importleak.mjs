#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  main
} from "./shared-3EH7E4JM.mjs";
import "./shared-G5QYOTWR.mjs";
import "./shared-6EZY67D5.mjs";
import "./shared-2UG3Y3VO.mjs";
import "./shared-4PY6MJ47.mjs";
import "./shared-VDMCUOKK.mjs";
import "./shared-OK3D7NJJ.mjs";
import "./shared-RKF6PH7O.mjs";

// src/bin.ts
process.exitCode = await main(process.argv);
