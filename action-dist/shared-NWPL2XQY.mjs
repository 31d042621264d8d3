import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  detailLines,
  diagnosticLine,
  fixedBaselineLines,
  renderText,
  reportTail,
  summaryLine
} from "./shared-DETNGQFC.mjs";
import "./shared-5BPCKGJA.mjs";
import "./shared-OK3D7NJJ.mjs";
import "./shared-RKF6PH7O.mjs";
export {
  detailLines,
  diagnosticLine,
  fixedBaselineLines,
  renderText,
  reportTail,
  summaryLine
};
