/*
 * A number the environment may override, as deployment files and Python modules write it: read by
 * the extractor (`POOL = int(os.getenv("POOL", "10"))` at module level) and by the deployment
 * reading (`--workers ${WORKERS:-4}`, `workers = int(os.environ.get("WORKERS", 4))`).
 */

/** `int(os.environ.get("X", 6))`, `int(os.getenv('X', '6'))`, `os.environ.get("X") or 6`, `${X:-6}`: the variable and its default. */
export function environmentDefault(expression: string): { variable: string; value: number } | undefined {
  const text = expression.trim();
  const shell = /^\$\{([A-Za-z_][A-Za-z0-9_]*):?-(\d+)\}$/.exec(text);
  if (shell) return { variable: shell[1]!, value: Number(shell[2]) };
  const python =
    /^(?:int\(\s*)?os\.(?:environ\.get|getenv)\(\s*(['"])([A-Za-z_][A-Za-z0-9_]*)\1\s*,\s*(['"]?)(\d+)\3\s*\)(?:\s*\))?$/.exec(text) ??
    /^(?:int\(\s*)?os\.(?:environ\.get|getenv)\(\s*(['"])([A-Za-z_][A-Za-z0-9_]*)\1\s*\)\s+or\s+(['"]?)(\d+)\3(?:\s*\))?$/.exec(text);
  if (!python) return undefined;
  // `int(` opened must be closed, and only then.
  const opens = (text.match(/\(/g) ?? []).length;
  const closes = (text.match(/\)/g) ?? []).length;
  if (opens !== closes) return undefined;
  return { variable: python[2]!, value: Number(python[4]) };
}
