import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * The lines a pull request (or a push) adds or changes, per file relative to the repository root,
 * from `git diff` between the event's base commit and HEAD. Undefined when they cannot be known:
 * no event file, a base commit the shallow checkout does not have, no git.
 */
export function changedLines(workspace: string, env: NodeJS.ProcessEnv): Map<string, Set<number>> | undefined {
  const base = baseCommit(env);
  if (!base) return undefined;
  // --no-ext-diff and --no-textconv: a repository's .gitattributes must not make us run a diff driver.
  const run = spawnSync('git', ['-C', workspace, 'diff', '--no-ext-diff', '--no-textconv', '--no-color', '--unified=0', base, 'HEAD', '--'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...env, GIT_TERMINAL_PROMPT: '0' },
  });
  if (run.status !== 0) return undefined;
  return parseUnifiedDiff(run.stdout);
}

function baseCommit(env: NodeJS.ProcessEnv): string | undefined {
  if (!env.GITHUB_EVENT_PATH) return undefined;
  let event: { pull_request?: { base?: { sha?: unknown } }; before?: unknown };
  try {
    event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as typeof event;
  } catch {
    return undefined;
  }
  const sha = event.pull_request?.base?.sha ?? event.before;
  // A push that creates a branch has `before` all zeros: nothing to compare with.
  return typeof sha === 'string' && /^[0-9a-f]{7,64}$/i.test(sha) && !/^0+$/.test(sha) ? sha : undefined;
}

/** `git diff --unified=0` output → the new-side line numbers of each file's added lines. */
export function parseUnifiedDiff(diff: string): Map<string, Set<number>> {
  const changed = new Map<string, Set<number>>();
  let lines: Set<number> | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const target = line.slice(4);
      if (target === '/dev/null') {
        lines = undefined;
        continue;
      }
      const file = unquote(target).replace(/^b\//, '');
      lines = changed.get(file) ?? new Set();
      changed.set(file, lines);
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk && lines) {
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      for (let n = start; n < start + count; n++) lines.add(n);
    }
  }
  return changed;
}

/** git quotes names with unusual characters: `"b/caf\303\251.py"`. */
function unquote(name: string): string {
  if (!name.startsWith('"') || !name.endsWith('"')) return name;
  const bytes: number[] = [];
  const body = name.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'));
      continue;
    }
    const next = body[++i] ?? '';
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else {
      bytes.push(({ n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 } as Record<string, number>)[next] ?? next.charCodeAt(0));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
