import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  MAX_LISTED,
  beforeForkFinding,
  deploymentEntries,
  deploymentFacts,
  deploymentSummary,
  expressionCount,
  oneLine,
  processCount,
  processRole
} from "./shared-ZNAKL4IH.mjs";
import "./shared-4CZ47URF.mjs";
import "./shared-4PY6MJ47.mjs";
import "./shared-WIBISVNQ.mjs";
import "./shared-VDMCUOKK.mjs";
import "./shared-OK3D7NJJ.mjs";
import "./shared-RKF6PH7O.mjs";
export {
  MAX_LISTED,
  beforeForkFinding,
  deploymentEntries,
  deploymentFacts,
  deploymentSummary,
  expressionCount,
  oneLine,
  processCount,
  processRole
};
