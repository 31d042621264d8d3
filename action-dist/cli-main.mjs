#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  EXIT,
  buildProgram,
  main
} from "./shared-NV4IARTO.mjs";
import "./shared-ANSIZDXT.mjs";
import "./shared-6EZY67D5.mjs";
import "./shared-7ZG2VCCI.mjs";
import "./shared-FWG6GVRL.mjs";
import "./shared-DIJAFYFB.mjs";
import "./shared-ZYG3IDYS.mjs";
import "./shared-2BFWLXK6.mjs";
import "./shared-OK3D7NJJ.mjs";
import "./shared-RKF6PH7O.mjs";
export {
  EXIT,
  buildProgram,
  main
};
