import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  AFTER_FORK,
  loadRules,
  markdownToPlainText,
  parseRuleFile,
  qualifiedNameMatches
} from "./shared-ZUSNGQG2.mjs";
import "./shared-RKF6PH7O.mjs";
export {
  AFTER_FORK,
  loadRules,
  markdownToPlainText,
  parseRuleFile,
  qualifiedNameMatches
};
