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
} from "./shared-ANF47NZL.mjs";
import "./shared-H4QLLSUK.mjs";
import "./shared-QBY4TCDO.mjs";
import "./shared-WIBISVNQ.mjs";
import "./shared-P6QZ5F2H.mjs";
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
