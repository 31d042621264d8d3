#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  EXIT,
  buildProgram,
  main
} from "./shared-ALNNYHQX.mjs";
import "./shared-XC4UYF35.mjs";
import "./shared-6EZY67D5.mjs";
import "./shared-2POWU2DU.mjs";
import "./shared-Y46MMDIC.mjs";
import "./shared-P6QZ5F2H.mjs";
import "./shared-OK3D7NJJ.mjs";
import "./shared-RKF6PH7O.mjs";
export {
  EXIT,
  buildProgram,
  main
};
