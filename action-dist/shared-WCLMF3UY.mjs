import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);

// src/extract/target.ts
var PLATFORMS = ["linux", "darwin", "win32"];
var DEFAULT_TARGET = { version: [3, 12], platform: "linux" };
function parsePythonVersion(text) {
  const match = /^\s*(\d+)\.(\d+)\s*$/.exec(text);
  if (!match) return void 0;
  const major = Number(match[1]);
  const minor = Number(match[2]);
  return major >= 2 && major <= 3 ? [major, minor] : void 0;
}
function versionFromRequiresPython(specifier) {
  for (const clause of specifier.split(",")) {
    const match = /^\s*(>=|~=|==|>)\s*(\d+)(?:\.(\d+))?/.exec(clause);
    if (!match) continue;
    const major = Number(match[2]);
    let minor = Number(match[3] ?? 0);
    if (match[1] === ">" && match[3] === void 0) minor += 1;
    return [major, minor];
  }
  return void 0;
}
function describeTarget(target) {
  return `Python ${target.version.join(".")} on ${target.platform}`;
}

export {
  PLATFORMS,
  DEFAULT_TARGET,
  parsePythonVersion,
  versionFromRequiresPython,
  describeTarget
};
