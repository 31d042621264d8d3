import { describe, expect, it } from 'vitest';
import { MAX_FINDING_MESSAGE } from '../src/check/findings.js';
import { analyzeProject, runCli, writeProject } from './support.js';
import { expectValidSarif } from './sarifValidator.js';

/**
 * Issue 11, "Short, exact messages": the message says what is created, where, what reaches it and
 * how many processes pay, briefly; the cost, the deployment and the fix are fields of the finding.
 * What the message and the cost claim follows the code.
 */
describe('short messages', () => {
  it('keeps a long call, a deep module name and a long entry description within bounds, in every format', async () => {
    const deep = 'platform_service/integrations/payments/providers/legacy_gateway_adapters';
    const root = writeProject({
      'platform_service/__init__.py': '',
      'platform_service/integrations/__init__.py': '',
      'platform_service/integrations/payments/__init__.py': '',
      'platform_service/integrations/payments/providers/__init__.py': '',
      [`${deep}.py`]: `import requests\nSESSION = requests.Session(${Array.from({ length: 30 }, (_, i) => `a${i}=${i}`).join(', ')})\n`,
      'web.py': `from flask import Flask\nimport ${deep.replace(/\//g, '.')}\napp = Flask(__name__)\n`,
      Procfile: 'web: gunicorn -w 4 web:app\n',
    });
    const result = await analyzeProject(root);
    const [finding] = result.findings;
    expect(finding!.message).toBe(
      // The call is cut, the module's dotted name is not, and the count of processes fits.
      '`requests.Session(a0=0, a1=1, a2=2, a3=3…` creates an HTTP session while `platform_service.integrations.payments.providers.legacy_gateway_adapters` is imported, reached from the entry in `web`. 4 gunicorn workers each create it.',
    );
    expect(finding!.message.length).toBeLessThanOrEqual(MAX_FINDING_MESSAGE);
    expect(finding!.deployment).toBe('4 gunicorn workers (Procfile:1) each create this HTTP session.');
    expect(finding!.fix).toBe(
      'Create the client on first use (a getter that builds it once, e.g. behind `functools.cache`), or in a per-process startup hook (app factory, lifespan, gunicorn `post_fork`, Celery `worker_process_init`), not at module level.',
    );
    const sarif = runCli(['check', root, '--format', 'sarif']);
    const log = expectValidSarif(sarif.stdout, 'messages-bounded');
    expect(log.runs[0].results[0].properties.deployment).toBe('4 gunicorn workers (Procfile:1) each create this HTTP session.');
  });

  it('says a pool size only where the call gives it: `poolclass=` decides, `**opts` may hold it', async () => {
    const root = writeProject({
      'mod.py':
        'import sqlalchemy\nfrom sqlalchemy.pool import NullPool\n\nE = sqlalchemy.create_engine("postgresql://x", poolclass=NullPool)\n' +
        'opts = {}\nF = sqlalchemy.create_engine("postgresql://x", **opts)\nG = sqlalchemy.create_engine("postgresql://x")\n',
    });
    const result = await analyzeProject(root);
    const tail =
      'connections open, plus `max_overflow` more under load, in each process that imported it, and connections opened before a fork are shared by every forked worker unless each calls `engine.dispose(close=False)`.';
    expect(result.findings.map((f) => [f.span.line, f.cost])).toEqual([
      [4, `It opens no connection until first used; from then on its pool keeps up to \`pool_size\` (as \`poolclass=NullPool\` decides) ${tail}`],
      [6, `It opens no connection until first used; from then on its pool keeps up to \`pool_size\` (from \`**opts\`, or \`5\` by default) ${tail}`],
      [7, `It opens no connection until first used; from then on its pool keeps up to \`5\` (the default) ${tail}`],
    ]);
  });

  it('reports a creation site once when a function that creates it is called on both branches of an `if`', async () => {
    const root = writeProject({
      'mod.py': 'import os\nimport redis\n\n\ndef make():\n    global CLIENT\n    CLIENT = redis.Redis()\n\n\nif os.environ.get("X"):\n    make()\nelse:\n    make()\n',
    });
    const result = await analyzeProject(root);
    expect(result.findings.map((f) => [f.ruleId, f.span.line, f.message])).toEqual([
      ['IL004', 11, '`make()` creates a Redis client (`redis.Redis()` in `make()`, line 7) while `mod` is imported, but no entry found imports it at start-up.'],
    ]);
  });
});
