#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  EXIT,
  buildProgram,
  main
} from "./shared-N2IQF6LH.mjs";
import "./shared-3NQ66YLA.mjs";
import "./shared-6EZY67D5.mjs";
import "./shared-5TGO7NR2.mjs";
import "./shared-Y46MMDIC.mjs";
import "./shared-P6QZ5F2H.mjs";
import "./shared-OK3D7NJJ.mjs";
import "./shared-RKF6PH7O.mjs";
export {
  EXIT,
  buildProgram,
  main
};
