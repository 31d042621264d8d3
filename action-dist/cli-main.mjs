#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  EXIT,
  buildProgram,
  main
} from "./shared-RQMDMUTA.mjs";
import "./shared-TPWX56MK.mjs";
import "./shared-6EZY67D5.mjs";
import "./shared-4DQMQROZ.mjs";
import "./shared-2LTURM4U.mjs";
import "./shared-JRJQTTYJ.mjs";
import "./shared-OK3D7NJJ.mjs";
import "./shared-RKF6PH7O.mjs";
export {
  EXIT,
  buildProgram,
  main
};
