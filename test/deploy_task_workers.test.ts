import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDeployment, type ServerProcess, type Setting } from '../src/deploy/index.js';
import type { AnalysisResult } from '../src/pipeline.js';
import { analyzeProject, FIXTURES, writeProject } from './support.js';

/**
 * Dramatiq, RQ and Huey workers read from their command lines (each tool's own option parser,
 * defaults from its source: dramatiq/cli.py, rq/cli, huey/consumer_options.py): the modules each
 * imports, its processes and threads, and whether it imports before forking.
 */


const shown = (setting: Setting<unknown> | undefined): string | undefined =>
  setting === undefined ? undefined : `${'value' in setting ? JSON.stringify(setting.value) : `\`${setting.expression}\``} ← ${setting.via}`;

function view(p: ServerProcess): Record<string, unknown> {
  const spec = p.appSpec;
  return Object.fromEntries(
    Object.entries({
      server: p.server,
      app: spec ? `${spec.module}${spec.attribute ? `:${spec.attribute}` : ''}` : undefined,
      alsoImports: spec?.alsoImports,
      workers: shown(p.workers),
      threads: shown(p.threads),
      workerClass: shown(p.workerClass),
      pythonPath: p.pythonPath,
      processModel: p.processModel,
    }).filter(([, v]) => v !== undefined),
  );
}

async function readCommand(command: string) {
  const deployment = await readDeployment(writeProject({ Procfile: `worker: ${command}\n` }));
  return { processes: deployment.processes.map(view), problems: deployment.problems.map((p) => p.message) };
}

describe('the command lines of Dramatiq, RQ and Huey workers', () => {
  it('dramatiq: the broker module and the modules after it, --processes and --threads; each worker process imports them itself', async () => {
    expect(await readCommand('dramatiq app.broker app.tasks app.mail --processes 4 --threads 8')).toEqual({
      processes: [
        { server: 'dramatiq', app: 'app.broker', alsoImports: ['app.tasks', 'app.mail'], workers: '4 ← --processes', threads: '8 ← --threads', processModel: 'imported-in-each-worker' },
      ],
      problems: [],
    });
    // `-Q` and `-P` take every word up to the next option (argparse nargs="*"); `module:broker` names the broker.
    expect(await readCommand('dramatiq -p2 app.setup:broker app.tasks -Q high default -P src')).toEqual({
      processes: [{ server: 'dramatiq', app: 'app.setup:broker', alsoImports: ['app.tasks'], workers: '2 ← -p', pythonPath: ['src'], processModel: 'imported-in-each-worker' }],
      problems: [],
    });
    expect(await readCommand('python -m dramatiq app.broker')).toEqual({ processes: [{ server: 'dramatiq', app: 'app.broker', processModel: 'imported-in-each-worker' }], problems: [] });
    // Every word after -Q is a queue: argparse finds no broker and dramatiq exits with a usage error.
    expect(await readCommand('dramatiq -Q high app.broker')).toEqual({
      processes: [{ server: 'dramatiq', processModel: 'imported-in-each-worker' }],
      problems: ['dramatiq needs the module of its broker (`dramatiq app.broker app.tasks`) and refuses to start without one'],
    });
  });

  it('rq worker: the settings module (-c or RQ_CONFIG) and a project worker class; rq.Worker forks a work horse per job, SimpleWorker does not', async () => {
    expect(await readCommand('rq worker -c app.rq_settings high default')).toEqual({
      processes: [{ server: 'rq', app: 'app.rq_settings', processModel: 'imported-then-forked' }],
      problems: [],
    });
    expect(await readCommand('env RQ_CONFIG=app.settings rq worker --with-scheduler -w rq.worker.SimpleWorker')).toEqual({
      processes: [{ server: 'rq', app: 'app.settings', workerClass: '"rq.worker.SimpleWorker" ← -w', processModel: 'single-process' }],
      problems: [],
    });
    expect(await readCommand('rqworker -c app.settings -w app.workers.TracedWorker')).toEqual({
      processes: [{ server: 'rq', app: 'app.settings', alsoImports: ['app.workers'], workerClass: '"app.workers.TracedWorker" ← -w' }],
      problems: [],
    });
    // Without settings the worker imports nothing of the project at start-up.
    expect((await readCommand('rq worker default')).processes).toEqual([{ server: 'rq', processModel: 'imported-then-forked' }]);
  });

  it('huey_consumer: the module of the Huey instance; threads by default, forked processes with -k process', async () => {
    expect(await readCommand('huey_consumer app.queue.huey -w 4 -k process')).toEqual({
      processes: [{ server: 'huey', app: 'app.queue:huey', workers: '4 ← -w', workerClass: '"process" ← -k', processModel: 'imported-then-forked' }],
      problems: [],
    });
    expect(await readCommand('huey_consumer.py app.huey --workers=8')).toEqual({
      processes: [{ server: 'huey', app: 'app:huey', workers: '8 ← --workers', processModel: 'single-process' }],
      problems: [],
    });
    expect(await readCommand('huey_consumer app.huey -k fork')).toEqual({
      processes: [{ server: 'huey', app: 'app:huey', processModel: 'single-process' }],
      problems: ['huey_consumer -k "fork": not one of thread, greenlet, process; huey_consumer refuses to start'],
    });
  });
});

describe('Dramatiq, RQ and Huey workers tied to what they import (fixtures/frameworks/task_workers)', () => {
  let result: AnalysisResult;
  beforeAll(async () => {
    result = await analyzeProject(path.join(FIXTURES, 'frameworks', 'task_workers'));
  });

  it('makes an entry of each module a worker imports by name, beside the Dramatiq actors module', () => {
    expect(result.entries.map((e) => [e.path, e.framework, e.description, e.evidence.line])).toEqual([
      ['app/tasks.py', 'Dramatiq', 'Dramatiq actors module with 1 actor', 6],
      ['app/broker.py', 'dramatiq', 'module a Dramatiq worker imports `app.broker app.tasks` (Procfile:1)', 1],
      ['app/tasks.py', 'dramatiq', 'module a Dramatiq worker imports `app.broker app.tasks` (Procfile:1)', 1],
      ['app/rq_settings.py', 'rq', 'RQ worker settings `app.rq_settings` (Procfile:2)', 1],
      ['app/queue.py', 'huey', 'Huey consumer app `app.queue.huey` (Procfile:3)', 5],
    ]);
  });

  it('multiplies each pool by the processes of the worker that imports it, and says what the fork does where the worker forks after importing', () => {
    const rows = result.findings.map((f) => [
      f.ruleId,
      f.level,
      f.path,
      f.reach.kind === 'entry' ? f.reach.chain.map((hop) => `${hop.from} -> ${hop.to}:${hop.line}`) : [],
      f.deployment,
    ]);
    expect(rows).toEqual([
      [
        'IL001',
        'error',
        'app/images.py',
        ['app/queue.py -> app/images.py:3'],
        '3 Huey worker processes (Procfile:3) each inherit this thread pool from the master, which imported the app before forking them, and each starts its own on first use: up to 12 threads in all.',
      ],
      [
        'IL009',
        'note',
        'app/images.py',
        ['app/queue.py -> app/images.py:3'],
        'The Huey consumer imports the app, then forks its worker processes (`-k process`, Procfile:3), so 3 Huey worker processes (Procfile:3) each get a copy of it.',
      ],
      ['IL001', 'error', 'app/mailer.py', ['app/tasks.py -> app/mailer.py:3'], '4 Dramatiq worker processes of 2 threads (`--processes`, Procfile:1) each create this thread pool: up to 12 threads in all.'],
      [
        'IL001',
        'error',
        'app/reports.py',
        ['app/rq_settings.py -> app/reports.py:4'],
        'The work horses of one RQ worker process (Procfile:2), one for each job, each inherit this thread pool from the master, which imported the app before forking them, and each starts its own on first use: up to 2 threads in all.',
      ],
      [
        'IL009',
        'note',
        'app/reports.py',
        ['app/rq_settings.py -> app/reports.py:4'],
        'The RQ worker imports its settings, then forks a work horse for each job (Procfile:2), so the work horses of one RQ worker process (Procfile:2), one for each job, each get a copy of it.',
      ],
    ]);
  });
});
