import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);

// src/check/findings.ts
var LEVEL_ORDER = { note: 0, warning: 1, error: 2 };
var MAX_FINDING_MESSAGE = 240;

export {
  LEVEL_ORDER,
  MAX_FINDING_MESSAGE
};
