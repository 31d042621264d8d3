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
  processRole,
  withMainRunChains
} from "./shared-T2J7SGRF.mjs";
import "./shared-MZR5LFWB.mjs";
import "./shared-ZYG3IDYS.mjs";
import "./shared-PMYI2HPO.mjs";
import "./shared-WIBISVNQ.mjs";
import "./shared-2BFWLXK6.mjs";
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
  processRole,
  withMainRunChains
};
