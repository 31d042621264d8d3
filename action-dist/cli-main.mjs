#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  EXIT,
  buildProgram,
  main
} from "./shared-W347FICK.mjs";
import "./shared-27OUXVPI.mjs";
import "./shared-6EZY67D5.mjs";
import "./shared-CPK4GFGM.mjs";
import "./shared-Y46MMDIC.mjs";
import "./shared-P6QZ5F2H.mjs";
import "./shared-OK3D7NJJ.mjs";
import "./shared-RKF6PH7O.mjs";
export {
  EXIT,
  buildProgram,
  main
};
