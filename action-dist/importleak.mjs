#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  main
} from "./shared-HY7BGSWR.mjs";
import "./shared-R4OVCD4F.mjs";
import "./shared-YJLV6X3K.mjs";
import "./shared-XXICYUZH.mjs";
import "./shared-CI3576AG.mjs";
import "./shared-WCLMF3UY.mjs";
import "./shared-6EZY67D5.mjs";
import "./shared-OK3D7NJJ.mjs";
import "./shared-RKF6PH7O.mjs";

// src/bin.ts
process.exitCode = await main(process.argv);
