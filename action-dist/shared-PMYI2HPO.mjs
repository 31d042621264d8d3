import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);

// src/extract/environmentDefault.ts
function environmentDefault(expression) {
  const text = expression.trim();
  const shell = /^\$\{([A-Za-z_][A-Za-z0-9_]*):?-(\d+)\}$/.exec(text);
  if (shell) return { variable: shell[1], value: Number(shell[2]) };
  const python = /^(?:int\(\s*)?os\.(?:environ\.get|getenv)\(\s*(['"])([A-Za-z_][A-Za-z0-9_]*)\1\s*,\s*(['"]?)(\d+)\3\s*\)(?:\s*\))?$/.exec(text) ?? /^(?:int\(\s*)?os\.(?:environ\.get|getenv)\(\s*(['"])([A-Za-z_][A-Za-z0-9_]*)\1\s*\)\s+or\s+(['"]?)(\d+)\3(?:\s*\))?$/.exec(text);
  if (!python) return void 0;
  const opens = (text.match(/\(/g) ?? []).length;
  const closes = (text.match(/\)/g) ?? []).length;
  if (opens !== closes) return void 0;
  return { variable: python[2], value: Number(python[4]) };
}

export {
  environmentDefault
};
