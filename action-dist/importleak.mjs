#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  main
} from "./shared-PDXSDSO5.mjs";
import "./shared-45GM6D42.mjs";
import "./shared-6EZY67D5.mjs";
import "./shared-DM4C5HVO.mjs";
import "./shared-KXAGDAFV.mjs";
import "./shared-3UWUNUVX.mjs";
import "./shared-OK3D7NJJ.mjs";
import "./shared-RKF6PH7O.mjs";

// src/bin.ts
process.exitCode = await main(process.argv);
