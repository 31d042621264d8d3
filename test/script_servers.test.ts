import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deploymentSummary, processCount } from '../src/check/deployment.js';
import { analyzeProject, FIXTURES, PROJECT, venvFile, writeProject } from './support.js';

/**
 * A deployment that runs `python main.py`, where main.py starts the server itself
 * (`uvicorn.run("api:app", workers=3)` in its `__main__` block, or in a function called there, as
 * mealie's docker/entry.sh and mealie/main.py do). The process is uvicorn's: its workers each import
 * the app the string names, from the script's folder.
 */

const fixture = path.join(FIXTURES, 'deploy', 'script_server');

describe('fixtures/deploy/script_server: `CMD ["python", "/app/svc/main.py"]`, whose main() calls uvicorn.run', () => {
  it('reads the server the script starts: the app it names, its workers, and where', async () => {
    const result = await analyzeProject(fixture);
    const [process] = result.deployment!.deployment.processes;
    expect(process).toMatchObject({ file: 'Dockerfile', line: 5, server: 'python', appSpec: { script: '/app/svc/main.py' }, processModel: 'imported-in-each-worker' });
    expect(process!.starts).toMatchObject({
      file: 'svc/main.py',
      line: 10,
      server: 'uvicorn',
      // As written, folded and bounded.
      call: 'uvicorn.run("api:app", host="127.0.0.1", port=int(os.environ.get("PORT", config.PORT)), workers=3,…',
      appSpec: { written: 'api:app', module: 'api', attribute: 'app' },
      workers: { file: 'svc/main.py', line: 10, value: 3 },
      // sys.path[0] is the script's folder.
      importRoots: ['svc'],
    });
    expect(processCount(process!).text).toBe('3 uvicorn workers (svc/main.py:10)');
    expect(deploymentSummary(result.deployment)).toBe('deployment read: python `/app/svc/main.py`, which runs uvicorn `api:app` (Dockerfile:5): 3 uvicorn workers (svc/main.py:10)');
  });

  it('counts the thread pool of the app module once in each of the three workers', async () => {
    const result = await analyzeProject(fixture);
    expect(result.findings.map((f) => [f.ruleId, `${f.path}:${f.span.line}`, f.deployment])).toEqual([
      ['IL001', 'svc/api.py:4', '3 uvicorn workers (svc/main.py:10) each create this thread pool: up to 6 threads in all.'],
    ]);
    expect(result.entries.filter((e) => e.framework === 'uvicorn' || e.framework === 'python').map((e) => `${e.path}: [${e.framework}] ${e.description}`)).toEqual([
      'svc/api.py: [uvicorn] uvicorn app `api:app` (svc/main.py:10, run by Dockerfile:5)',
      'svc/main.py: [python] python app `/app/svc/main.py` (Dockerfile:5)',
    ]);
  });

  it(
    'agrees with CPython and uvicorn: three spawned workers each import `api`; the script\'s imports run in all four processes',
    async () => {
      const { pid, seen, stderr } = await importsUnderUvicorn(fixture, 3);
      expect(seen.get('api')?.size, stderr).toBe(3);
      // The supervisor (the process started) never imports the app; each worker runs the script's body again.
      expect(seen.get('api')!.has(pid)).toBe(false);
      expect(seen.get('config')).toEqual(new Set([pid, ...seen.get('api')!]));
    },
    90_000,
  );

  it(
    'agrees with CPython and uvicorn: with reload=True the workers are ignored, one server process imports `api`',
    async () => {
      const main = readFileSync(path.join(fixture, 'svc', 'main.py'), 'utf8').replace('workers=3,', 'workers=3, reload=True,');
      const root = writeProject({ 'svc/main.py': main, 'svc/config.py': readFileSync(path.join(fixture, 'svc', 'config.py'), 'utf8'), 'svc/api.py': readFileSync(path.join(fixture, 'svc', 'api.py'), 'utf8'), Procfile: 'web: python svc/main.py\n' });
      const { pid, seen, stderr } = await importsUnderUvicorn(root, 1);
      expect(seen.get('api')?.size, stderr).toBe(1);
      expect(seen.get('api')!.has(pid)).toBe(false);
      const result = await analyzeProject(root);
      expect(processCount(result.deployment!.deployment.processes[0]!).text).toBe('one uvicorn server process, restarted on code changes (`uvicorn.run(reload=)`, svc/main.py:10)');
    },
    90_000,
  );
});

/**
 * Runs `python svc/main.py` in `root` under the deploy venv's uvicorn, with an import log on
 * `sys.meta_path` in every process (test/python/import_log): waits until `apps` processes have
 * imported `api` (and a moment more, for one too many to show), then stops them all.
 */
async function importsUnderUvicorn(root: string, apps: number): Promise<{ pid: number; seen: Map<string, Set<number>>; stderr: string }> {
  const python = venvFile('.venv-deploy', 'bin', 'python');
  const log = path.join(mkdtempSync(path.join(tmpdir(), 'importleak-uvicorn-')), 'imports.log');
  const port = await freePort();
  const child = spawn(python, ['svc/main.py'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, PORT: String(port), IMPORT_LOG: log, IMPORT_WATCH: 'api,config', PYTHONPATH: path.join(PROJECT, 'test', 'python', 'import_log'), PYTHONDONTWRITEBYTECODE: '1' },
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const byModule = (): Map<string, Set<number>> => {
    const seen = new Map<string, Set<number>>();
    if (!existsSync(log)) return seen;
    for (const line of readFileSync(log, 'utf8').split('\n').filter(Boolean)) {
      const [pid, module] = line.split(' ');
      if (!seen.has(module!)) seen.set(module!, new Set());
      seen.get(module!)!.add(Number(pid));
    }
    return seen;
  };
  try {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && (byModule().get('api')?.size ?? 0) < apps && child.exitCode === null) await new Promise((r) => setTimeout(r, 200));
    await new Promise((r) => setTimeout(r, 1000));
  } finally {
    if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
  }
  return { pid: child.pid!, seen: byModule(), stderr };
}

describe('what a script that calls uvicorn.run starts', () => {
  const api = 'async def app(scope, receive, send):\n    pass\n';

  it.each([
    [
      'an app object: served by the script\'s own process',
      'import uvicorn\nfrom api import app\n\nif __name__ == "__main__":\n    uvicorn.run(app, port=8000)\n',
      { count: 'one uvicorn process (main.py:5)', model: 'single-process', app: undefined },
    ],
    [
      'an app object with workers: uvicorn refuses to start, nothing is claimed of it',
      'import uvicorn\nfrom api import app\n\nif __name__ == "__main__":\n    uvicorn.run(app, workers=4)\n',
      { count: 'one python process (Procfile:1)', model: 'single-process', app: undefined },
    ],
    [
      '`sys.exit(main())`, `from uvicorn import run`, reload: one spawned server process',
      'import sys\nfrom uvicorn import run\n\ndef main():\n    run("api:app", reload=True)\n    return 0\n\nif __name__ == "__main__":\n    sys.exit(main())\n',
      { count: 'one uvicorn server process, restarted on code changes (`uvicorn.run(reload=)`, main.py:5)', model: 'imported-in-each-worker', app: 'api:app' },
    ],
    [
      'at the script\'s top level, no `__main__` block, workers from the environment',
      'import os\nimport uvicorn\n\nuvicorn.run("api:app", workers=int(os.environ.get("WORKERS", 2)))\n',
      { count: '2 uvicorn workers unless WORKERS is set (main.py:4)', model: undefined, app: 'api:app' },
    ],
    [
      'workers from a module-level constant, in the function `__main__` calls',
      'import uvicorn\n\nWORKERS = 4\n\n\ndef main():\n    uvicorn.run("api:app", workers=WORKERS)\n\n\nif __name__ == "__main__":\n    main()\n',
      { count: '4 uvicorn workers (main.py:7)', model: 'imported-in-each-worker', app: 'api:app' },
    ],
    [
      'a `uvicorn.run` in a function nothing calls: the script is what it was',
      'import uvicorn\n\ndef serve():\n    uvicorn.run("api:app", workers=4)\n\nif __name__ == "__main__":\n    print("hello")\n',
      { count: 'one python process (Procfile:1)', model: 'single-process', app: undefined },
    ],
  ])('%s', async (_, main, expected) => {
    const root = writeProject({ Procfile: 'web: python main.py\n', 'main.py': main, 'api.py': api });
    const result = await analyzeProject(root);
    const [process] = result.deployment!.deployment.processes;
    expect(processCount(process!).text).toBe(expected.count);
    expect(process!.processModel).toBe(expected.model);
    expect(process!.starts?.appSpec?.written).toBe(expected.app);
  });

  it('a script an entrypoint script `exec`s is the server when it starts one; a one-off `python -m` step still is not', async () => {
    const root = writeProject({
      Dockerfile: 'FROM python:3.12\nWORKDIR /srv\nCOPY . .\nENTRYPOINT ["./start.sh"]\n',
      'start.sh': '#!/bin/sh\npython -m tools.migrate\nexec python /srv/run.py\n',
      'tools/__init__.py': '',
      'tools/migrate.py': 'print("migrated")\n',
      'run.py': 'import uvicorn\n\nif __name__ == "__main__":\n    uvicorn.run("web:app", workers=2)\n',
      'web.py': 'from concurrent.futures import ThreadPoolExecutor\n\npool = ThreadPoolExecutor(max_workers=4)\n\n' + api,
    });
    const result = await analyzeProject(root);
    expect(result.findings.map((f) => [`${f.path}:${f.span.line}`, f.deployment])).toEqual([['web.py:3', '2 uvicorn workers (run.py:4) each create this thread pool: up to 8 threads in all.']]);
  });

  it('says so when the module the string names is not in the project', async () => {
    const root = writeProject({ Procfile: 'web: python main.py\n', 'main.py': 'import uvicorn\n\nif __name__ == "__main__":\n    uvicorn.run("missing:app", workers=2)\n' });
    const result = await analyzeProject(root);
    expect(result.diagnostics.filter((d) => d.kind === 'deployment')).toEqual([
      { kind: 'deployment', path: 'main.py', line: 4, message: "uvicorn app `missing:app`: no module `missing` in the files scanned (looked in the project root, then the project's source roots); what this process imports is not counted" },
    ]);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
