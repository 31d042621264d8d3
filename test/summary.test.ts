import { describe, expect, it } from 'vitest';
import type { Finding, Level } from '../src/check/findings.js';
import { pathDisplay } from '../src/report/paths.js';
import { renderStepSummary } from '../src/report/summary.js';
import { loadRules } from '../src/rules/rules.js';

/** The step summary the Action writes: what a reviewer reads on the run page. */
describe('renderStepSummary', () => {
  const rules = loadRules();
  const paths = pathDisplay('/w', '/w');
  const finding = (i: number, level: Level, text = 'ThreadPoolExecutor()'): Finding => ({
    ruleId: 'IL001',
    level,
    path: `pkg/m${i}.py`,
    span: { line: 3, column: 8, endLine: 3, endColumn: 28 },
    module: `pkg.m${i}`,
    message: `\`${text}\` creates a thread pool while \`pkg.m${i}\` is imported. Create it on first use.`,
    resource: { callee: 'concurrent.futures.ThreadPoolExecutor', text, statement: `pool = ${text}` },
    reach: { kind: 'unreached' },
    related: [],
  });
  const render = (findings: Finding[], maxBytes?: number) =>
    renderStepSummary({ findings, diagnostics: [], rules, paths, moduleOf: () => undefined, fileCount: 3, deployment: 'no deployment file found: assuming one process per worker', ...(maxBytes ? { maxBytes } : {}) });

  it('counts by rule and level, and quotes code as code spans', () => {
    const text = render([finding(1, 'warning'), finding(2, 'warning')]);
    expect(text).toContain('**0 errors, 2 warnings, 0 notes** in 3 Python files.');
    expect(text).toContain('| IL001 | Executor created at import time | 0 | 2 | 0 |');
    expect(text).toContain('`ThreadPoolExecutor()` creates a thread pool while `pkg.m1` is imported. Create it on first use.');
    expect(text).toContain('<summary><b>IL001</b> [warning] <code>pkg/m1.py:3</code> <code>ThreadPoolExecutor()</code> creates a thread pool while <code>pkg.m1</code> is imported.</summary>');
    // No error reaches an entry: no graph.
    expect(text).not.toContain('```mermaid');
  });

  it('renders HTML, links and backticks quoted from the code as text', () => {
    const hostile = 'Pool(name="<img src=x onerror=alert(1)>[see](https://evil.example) `x`")';
    const text = render([finding(1, 'warning', hostile)]);
    // Inside code spans the renderer shows text as written; outside them nothing may be live.
    const outsideCode = text.replace(/```mermaid[\s\S]*?```/g, '').replace(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, '');
    expect(outsideCode).not.toContain('<img');
    expect(outsideCode).not.toMatch(/\]\(https:/);
    // In the <summary>, HTML: escaped.
    expect(text).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('draws a long chain as its first and last imports around one node for the rest', () => {
    const chain = Array.from({ length: 100 }, (_, i) => ({ from: `pkg/m${i}.py`, to: `pkg/m${i + 1}.py`, kind: 'import' as const, scope: { kind: 'module' as const }, line: 1, column: 1, text: `import pkg.m${i + 1}` }));
    const entry = { path: 'pkg/m0.py', framework: 'flask', kind: 'app' as const, description: 'Flask app `app`', evidence: { line: 1, column: 1, text: 'app = Flask(__name__)' }, routes: 0 };
    const long: Finding = { ...finding(100, 'error'), reach: { kind: 'entry', entry, chain, entriesReaching: 1 } as Finding['reach'] };
    const text = renderStepSummary({ findings: [long], diagnostics: [], rules, paths, moduleOf: (p) => p.replace(/\.py$/, '').replace('/', '.'), fileCount: 101, deployment: 'x' });
    const graph = /```mermaid\n([\s\S]*?)\n```/.exec(text)![1]!;
    expect(graph).toContain('["pkg.m5"]');
    expect(graph).toContain('["… 90 more imports"]');
    expect(graph).toContain('["pkg.m96"]');
    expect(graph).not.toContain('["pkg.m50"]');
    expect(graph.split('\n').filter((l) => l.includes('-->'))).toHaveLength(12);
  });

  it('stays under the size it is given, and says how much it left out', () => {
    const findings = Array.from({ length: 400 }, (_, i) => finding(i, 'warning'));
    const text = render(findings, 20_000);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(20_000);
    const shown = text.match(/<details/g)!.length;
    expect(shown).toBeGreaterThan(5);
    expect(shown).toBeLessThan(400);
    expect(text).toContain(`> ${400 - shown} findings and 0 file problems are not shown, to stay under GitHub's 1 MiB limit for a step summary.`);
    expect(render(findings)).not.toContain('are not shown');
  });
});
