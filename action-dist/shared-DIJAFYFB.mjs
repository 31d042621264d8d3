import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);

// src/extract/compileTier.ts
import { setFlagsFromString } from "node:v8";
var MIN_FILES_FOR_THREADS = 48;
function liftoffOnly(filesToParse, nodeMajor = Number(process.versions.node.split(".")[0])) {
  return nodeMajor < 24 && filesToParse < MIN_FILES_FOR_THREADS;
}
function waitsForSecondTier(filesToParse, nodeMajor = Number(process.versions.node.split(".")[0])) {
  return nodeMajor < 24 && !liftoffOnly(filesToParse, nodeMajor);
}
function withoutInlining(filesToParse) {
  return filesToParse >= MIN_FILES_FOR_THREADS;
}
function laterTurbofan(nodeMajor = Number(process.versions.node.split(".")[0])) {
  return nodeMajor < 22 ? "--interrupt-budget=1000000" : "--invocation-count-for-turbofan=30000";
}
var chosen = false;
function expectParses(filesToParse) {
  if (chosen) return;
  chosen = true;
  if (liftoffOnly(filesToParse)) setFlagsFromString("--liftoff-only");
  setFlagsFromString(laterTurbofan());
  if (withoutInlining(filesToParse)) setFlagsFromString("--no-turbo-inlining");
}

export {
  MIN_FILES_FOR_THREADS,
  waitsForSecondTier,
  expectParses
};
