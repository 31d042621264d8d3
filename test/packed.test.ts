import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPacked } from '../src/extract/packed.js';
import { analyze, type AnalysisResult } from '../src/pipeline.js';
import { FIXTURES, forgetRuns, runCli, scratchFolder, writeProject } from './support.js';

/**
 * Issue 13: summaries read back from the cache (or sent by a worker thread) keep the calls in
 * function bodies packed until the analysis asks for them (src/extract/packed.ts). Every framework
 * detector, the import graph through calls and the rules must find the same with them packed as
 * with every call at hand: the 33 framework fixtures, analyzed as one project, give the same report.
 */
const scratch = scratchFolder('importleak-packed-');

const statsLine = (stderr: string): string => /^importleak stats \((\d+ parsed, \d+ from the cache)/m.exec(stderr)?.[1] ?? `no stats in: ${stderr}`;

describe('calls in function bodies, packed', () => {
  it('give the report of summaries made on the main thread, over every framework fixture', () => {
    const root = path.join(FIXTURES, 'frameworks');
    const cacheDir = path.join(scratch, 'cache');
    const plain = runCli(['check', '--format', 'json', '--no-cache', '--stats', '.'], root, { ...process.env, IMPORTLEAK_THREADS: '1' });
    const written = runCli(['check', '--format', 'json', '--cache-dir', cacheDir, '--stats', '.'], root);
    forgetRuns(cacheDir);
    const read = runCli(['check', '--format', 'json', '--cache-dir', cacheDir, '--stats', '.'], root);
    expect(statsLine(read.stderr)).toMatch(/^0 parsed, \d+ from the cache$/);
    const report = JSON.parse(plain.stdout) as { findings: unknown[]; entries: unknown[] };
    // The fixtures hold apps, routers, tasks and leaks: a report with nothing in it would prove nothing.
    expect(report.entries.length).toBeGreaterThan(100);
    expect(report.findings.length).toBeGreaterThan(10);
    expect(written.stdout).toBe(plain.stdout);
    expect(read.stdout).toBe(plain.stdout);
    expect(read.code).toBe(plain.code);
  });
});

describe('entry detection leaves packed', () => {
  /** The project analyzed a second time, its summaries read back from the cache the first wrote. */
  const warmAnalysis = async (files: Record<string, string>): Promise<AnalysisResult> => {
    const root = writeProject(files);
    const cacheDir = path.join(root, '.importleak_cache');
    await analyze({ root, paths: ['.'], cacheDir, respectGitignore: false });
    return analyze({ root, paths: ['.'], cacheDir, respectGitignore: false });
  };
  const packed = (result: AnalysisResult, file: string): boolean => isPacked(result.summaries.get(file)!);

  it('a module whose function bodies call `get` only on what no project module holds (`os.environ`, `requests`), or in methods', async () => {
    const warm = await warmAnalysis({
      'app/__init__.py': 'from flask import Flask\napp = Flask(__name__)\n\n@app.get("/")\ndef index():\n    return "ok"\n',
      'app/settings.py': 'import os\nimport requests\n\ndef debug():\n    return os.environ.get("DEBUG")\n\ndef fetch(url):\n    return requests.get(url).json()\n',
      // A method calling `get` on what it made is no wrapper of a decorator: only functions of the top level are.
      'app/client.py': 'import requests\n\nclass Client:\n    def fetch(self, url):\n        reply = requests.get(url)\n        return reply.get("data")\n',
      'app/routes.py': 'from app import app\n\ndef add(path):\n    return app.get(path)\n\n@add("/health")\ndef health():\n    return "ok"\n',
    });
    // The route registered through the wrapper `add` of `app.get` was found: its module was unpacked.
    expect(warm.entries.map((e) => `${e.path} ${e.description}`)).toEqual(['app/__init__.py Flask app `app` with 1 route', 'app/routes.py Flask app `app` (from `app`) with 1 route']);
    expect(packed(warm, 'app/routes.py')).toBe(false);
    expect(packed(warm, 'app/settings.py')).toBe(true);
    expect(packed(warm, 'app/client.py')).toBe(true);
  });

  it('a module that made no Celery app and calls `update` only on its own objects (`d.update(...)`)', async () => {
    const warm = await warmAnalysis({
      'proj/__init__.py': '',
      'proj/celery.py': 'from celery import Celery\napp = Celery("proj")\n',
      'proj/config.py': 'from proj.celery import app\n\ndef configure():\n    app.conf.update(task_always_eager=False)\n',
      'proj/util.py': 'def merged(a, b):\n    d = dict(a)\n    d.update(b)\n    return d\n',
    });
    // `app.conf.update` through the imported app is looked at: its module was unpacked.
    expect(packed(warm, 'proj/config.py')).toBe(false);
    expect(packed(warm, 'proj/util.py')).toBe(true);
  });
});
