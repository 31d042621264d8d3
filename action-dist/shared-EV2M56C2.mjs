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
} from "./shared-5T2URPB4.mjs";
import "./shared-K4UWDBP5.mjs";
import "./shared-2LTURM4U.mjs";
import "./shared-WIBISVNQ.mjs";
import "./shared-JRJQTTYJ.mjs";
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
