#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  main
} from "./shared-FANMRXQP.mjs";
import "./shared-7Q7PFWAO.mjs";
import "./shared-6EZY67D5.mjs";
import "./shared-J7NQJBFO.mjs";
import "./shared-FKX5MIBS.mjs";
import "./shared-3UWUNUVX.mjs";
import "./shared-OK3D7NJJ.mjs";
import "./shared-RKF6PH7O.mjs";

// src/bin.ts
process.exitCode = await main(process.argv);
