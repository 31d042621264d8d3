import { describe, expect, it } from 'vitest';
import { SummaryCompactor } from '../src/extract/compact.js';
import { summariseBytes } from '../src/extract/fileSummary.js';
import { reviveStored, storedText } from '../src/extract/stored.js';
import type { PythonTarget } from '../src/extract/target.js';

/**
 * Issue 13: a file's outcome as the cache stores it and a worker thread sends it (src/extract/stored.ts).
 * The calls name what they repeat (scopes, placements, statement and callee texts) by its place in
 * tables, and the text is ASCII; revived, it is the outcome it was.
 */
const target: PythonTarget = { version: [3, 11], platform: 'linux' };

const SOURCE = [
  'import sys',
  'from concurrent.futures import ThreadPoolExecutor',
  'from flask import Flask',
  '',
  'app = Flask(__name__)',
  'GREETING = "héllo, 世界 😀"',
  'if sys.platform == "win32":',
  '    import winreg',
  '    POOL = ThreadPoolExecutor(max_workers=2)',
  'elif DEBUG:',
  '    POOL = ThreadPoolExecutor(max_workers=3)',
  '',
  '',
  'class Service:',
  '    pool = ThreadPoolExecutor(4)',
  '',
  '    def run(self, request, limit=len("ünïcode")):',
  '        with open(request.path) as f:',
  '            return f.read().split("—")',
  '',
  '',
  '@app.route("/")',
  'def index():',
  '    print("ok")',
  '    print("ok")',
  '    return str(len(sys.argv))',
  '',
].join('\n');

async function outcome(source: string, relative = 'app.py') {
  return summariseBytes(relative, new TextEncoder().encode(source), target);
}

describe('a stored outcome', () => {
  it('revives as the outcome it was: every scope, placement, condition and text, characters beyond ASCII included', async () => {
    const original = await outcome(SOURCE);
    const before = structuredClone(original);
    const text = storedText(original);
    // Written in place and given back: the outcome is as it was.
    expect(original).toEqual(before);
    expect(/^[\x20-\x7e]*$/.test(text)).toBe(true);
    const revived = reviveStored(text, 'app.py');
    expect(revived).toEqual(original);
    const kinds = new Set(original.summary!.calls.map((c) => `${c.scope.kind}/${c.placement.kind}`));
    expect([...kinds].sort()).toEqual(['function/statement', 'function/with-item', 'module/class-body', 'module/decorator', 'module/default-argument', 'module/statement']);
    expect(original.summary!.calls.some((c) => c.condition)).toBe(true);
    expect(revived.summary!.imports.find((r) => r.module === 'winreg')!.scope).toEqual({ kind: 'unreachable', condition: expect.any(String) });
  });

  it('names what its calls repeat once: the statement `print("ok")` twice is one text', async () => {
    const text = storedText(await outcome(SOURCE));
    expect(text.split('"print(\\"ok\\")"').length - 1).toBe(1 + 2); // the table's statement text, and each call's own text
    expect(text.split('"kind":"function","function":"index"').length - 1).toBe(1);
  });

  it('revived with the run\'s sharing, two files share one object for the same scope and placement', async () => {
    const sharing = new SummaryCompactor();
    const a = reviveStored(storedText(await outcome(SOURCE, 'a.py')), 'a.py', sharing).summary!;
    const b = reviveStored(storedText(await outcome(SOURCE, 'b.py')), 'b.py', sharing).summary!;
    expect(a.path).toBe('a.py');
    expect(b.path).toBe('b.py');
    a.calls.forEach((call, index) => {
      expect(b.calls[index]!.scope).toBe(call.scope);
      expect(b.calls[index]!.placement).toBe(call.placement);
      expect(b.calls[index]).toEqual(call);
    });
    expect(b.imports[0]!.scope).toBe(a.imports[0]!.scope);
  });

  it('is refused when a call names a place its tables do not have (a corrupt entry is read as none)', async () => {
    const text = storedText(await outcome(SOURCE));
    const broken = text.replace(/"scope":0/, '"scope":999');
    expect(broken).not.toBe(text);
    expect(() => reviveStored(broken, 'app.py')).toThrow();
    expect(() => reviveStored(text.replace(/,"tables":\{.*\},"diagnostics"/, ',"diagnostics"'), 'app.py')).toThrow(/tables/);
  });
});
