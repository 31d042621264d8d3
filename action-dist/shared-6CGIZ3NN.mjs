import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  AFTER_FORK,
  loadRules,
  markdownToPlainText,
  parseRuleFile,
  qualifiedNameMatches
} from "./shared-UGWO6T52.mjs";
import "./shared-RKF6PH7O.mjs";
export {
  AFTER_FORK,
  loadRules,
  markdownToPlainText,
  parseRuleFile,
  qualifiedNameMatches
};
