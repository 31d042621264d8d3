import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { HTTP_SERVER, HTTP_SERVER_HANDLERS, SOCKETSERVER, SOCKETSERVER_HANDLERS, WSGIREF } from '../src/entries/frameworks/stdlib.js';
import type { AnalysisResult } from '../src/pipeline.js';
import { missingFrameworkNames } from './frameworkNames.js';
import { analyzeProject, analyzerClosure, cpythonClosure, FIXTURES, writeProject, venvFile } from './support.js';

const rows = (result: AnalysisResult) =>
  result.entries.map((e) => ({ path: e.path, framework: e.framework, kind: e.kind, description: e.description, line: e.evidence.line }));

describe('http.server, socketserver and wsgiref entries (fixtures/frameworks/stdlib_servers)', () => {
  let result: AnalysisResult;
  beforeAll(async () => {
    result = await analyzeProject(path.join(FIXTURES, 'frameworks', 'stdlib_servers'));
  });

  it('finds the servers made in functions and the handler classes, also those whose server is made only under the main guard', () => {
    expect(rows(result)).toEqual([
      { path: 'echo.py', framework: 'socketserver', kind: 'routes', description: 'socketserver request handlers `EchoHandler`, `PingHandler`', line: 5 },
      { path: 'echo.py', framework: 'socketserver', kind: 'app', description: 'socketserver server `server` (built in `serve_tcp()`)', line: 17 },
      { path: 'files.py', framework: 'http.server', kind: 'routes', description: 'http.server request handler `FilesHandler`', line: 5 },
      { path: 'serve.py', framework: 'wsgiref', kind: 'app', description: 'wsgiref server `httpd` (built in `main()`)', line: 8 },
      { path: 'webserver.py', framework: 'http.server', kind: 'routes', description: 'http.server request handler `StatusHandler`', line: 7 },
      { path: 'webserver.py', framework: 'http.server', kind: 'app', description: 'http.server server `server` (built in `run()`)', line: 16 },
    ]);
  });

  it('reports the pool behind a request handler as an error, through the handler module', () => {
    expect(result.findings.map((f) => [f.ruleId, f.level, f.path, f.reach.kind === 'entry' ? f.reach.entry.path : f.reach.kind])).toEqual([
      ['IL001', 'error', 'metrics.py', 'webserver.py'],
    ]);
  });

  it('names classes and functions the standard library has', () => {
    const names = [HTTP_SERVER, SOCKETSERVER, WSGIREF].flatMap((spec) => spec.objects.flatMap((o) => o.callees));
    expect(missingFrameworkNames([...names, ...HTTP_SERVER_HANDLERS.bases, ...SOCKETSERVER_HANDLERS.bases])).toEqual([]);
  });

  it('matches CPython: importing each server module loads exactly the modules the analyzer says', () => {
    const root = path.join(FIXTURES, 'frameworks', 'stdlib_servers');
    const python = venvFile('.venv-frameworks', 'bin', 'python');
    for (const [module, loaded] of [['webserver', ['metrics', 'webserver']], ['serve', ['serve', 'wsgi_app']], ['echo', ['echo']]] as const) {
      expect(cpythonClosure(root, module, python)).toEqual(loaded);
      expect(analyzerClosure(result, module)).toEqual(loaded);
    }
  });

  const project = writeProject;

  it('names three handler classes of a module and counts the rest, walking a chain of 5,000 subclasses once', async () => {
    const chain = Array.from({ length: 4999 }, (_, i) => `class H${i + 1}(H${i}):\n    pass\n`).join('');
    const root = project({ 'handlers.py': `import socketserver\nclass H0(socketserver.BaseRequestHandler):\n    pass\n${chain}` });
    const started = performance.now();
    const many = await analyzeProject(root);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(rows(many)).toEqual([
      { path: 'handlers.py', framework: 'socketserver', kind: 'routes', description: 'socketserver request handlers `H0`, `H1`, `H2` and 4997 more', line: 2 },
    ]);
  });
});
