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
} from "./shared-K4K2GY5V.mjs";
import "./shared-O4VEQ7KU.mjs";
import "./shared-KXAGDAFV.mjs";
import "./shared-WIBISVNQ.mjs";
import "./shared-3UWUNUVX.mjs";
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
