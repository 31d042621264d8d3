#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  EXIT,
  buildProgram,
  main
} from "./shared-5ACVKMWD.mjs";
import "./shared-2Z7XA7MD.mjs";
import "./shared-6EZY67D5.mjs";
import "./shared-5OW4G3DQ.mjs";
import "./shared-2LTURM4U.mjs";
import "./shared-JRJQTTYJ.mjs";
import "./shared-OK3D7NJJ.mjs";
import "./shared-RKF6PH7O.mjs";
export {
  EXIT,
  buildProgram,
  main
};
