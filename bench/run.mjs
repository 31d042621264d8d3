// npm run bench: times the whole pipeline on a generated project of realistic shape
// (packages of modules importing each other, a few route modules, a few import-time resources).
// Speed is measured here, not asserted in tests.
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyze } from '../dist/pipeline.js';

const PACKAGES = Number(process.env.BENCH_PACKAGES ?? 40);
const MODULES = Number(process.env.BENCH_MODULES ?? 50);

function generate() {
  const root = mkdtempSync(path.join(tmpdir(), 'importleak-bench-'));
  for (let p = 0; p < PACKAGES; p++) {
    const pkg = path.join(root, 'app', `pkg${p}`);
    mkdirSync(pkg, { recursive: true });
    writeFileSync(path.join(root, 'app', '__init__.py'), '');
    writeFileSync(path.join(pkg, '__init__.py'), `from . import mod0\n`);
    for (let m = 0; m < MODULES; m++) {
      const lines = [
        'import os',
        'import logging',
        'from concurrent.futures import ThreadPoolExecutor',
        `from app.pkg${(p + 1) % PACKAGES} import mod${(m + 1) % MODULES}`,
        m > 0 ? `from .mod${m - 1} import helper_${m - 1}` : '',
        'logger = logging.getLogger(__name__)',
        m % 25 === 0 ? `POOL_${m} = ThreadPoolExecutor(max_workers=${m % 7 + 1})` : '',
        '',
        `def helper_${m}(x, y=None):`,
        '    if x:',
        '        return [i * 2 for i in range(x)]',
        '    return os.environ.get("X")',
        '',
        `class Service${m}:`,
        '    def __init__(self):',
        '        self.items = {}',
        '    def run(self, job):',
        '        from app.pkg0 import mod0',
        '        return job()',
      ];
      if (m === 0 && p % 5 === 0) {
        lines.unshift('from flask import Blueprint');
        lines.push(`bp = Blueprint("b${p}", __name__)`, '@bp.route("/")', 'def index():', '    return "ok"');
      }
      writeFileSync(path.join(pkg, `mod${m}.py`), lines.join('\n') + '\n');
    }
  }
  return root;
}

const root = generate();
const files = PACKAGES * (MODULES + 1) + 1;
try {
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const result = await analyze({ root, paths: ['.'] });
    runs.push(performance.now() - start);
    if (i === 0) console.log(`${result.fileCount} files, ${result.entries.length} entries, ${result.findings.length} findings`);
  }
  const best = Math.min(...runs);
  console.log(`analyze: best ${best.toFixed(0)} ms of ${runs.length} (${(files / (best / 1000)).toFixed(0)} files/s); runs: ${runs.map((r) => r.toFixed(0)).join(', ')} ms`);
  console.log(`memory: ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB RSS`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
