// bench/generate.mjs: a deterministic monorepo for `npm run bench` (issue 13).
//
//   node bench/generate.mjs --modules 20000 --out /tmp/mono [--seed 1]
//
// Shape, from what real applications look like: services of packages nested 2 to 4 deep, modules
// of 40 to 400 lines that import 3 to 8 others (absolute and relative, some inside functions),
// import cycles between sibling modules, a Flask app per service whose blueprints import the
// service's packages, one 300 KB module made of a single statement (a migration's operations
// list), and planted import-time leaks at the end of known import chains. The planted leaks are
// written to <out>/bench-manifest.json; the benchmark checks importleak reports every one of them.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { modules: { type: 'string', default: '20000' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } } });
if (!values.out) {
  console.error('usage: node bench/generate.mjs --modules N --out DIR [--seed S]');
  process.exit(2);
}
export const manifest = generate(Number(values.modules), path.resolve(values.out), Number(values.seed));
console.log(`generated ${manifest.files} files (${(manifest.bytes / 1024 / 1024).toFixed(1)} MB), ${manifest.leaks.length} planted leaks, in ${values.out}`);

/** mulberry32: a small seeded generator, so the same seed always gives the same tree. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(total, out, seed) {
  const rand = random(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const between = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  rmSync(out, { recursive: true, force: true });
  const files = new Map(); // relative path -> lines
  const services = Math.max(2, Math.round(total / 2500));
  const perService = Math.floor(total / services);
  /** Every module, by service: { name (dotted), path, package (dotted) }. */
  const modules = [];
  for (let s = 0; s < services; s++) {
    const service = `svc${s}`;
    const list = [];
    // Packages: a tree of depth 2 to 4 below the service package.
    const packages = [service];
    files.set(`${service}/__init__.py`, ['']);
    while (list.length < perService - 2) {
      const parent = pick(packages);
      const depth = parent.split('.').length;
      let pkg = parent;
      if (depth < 4 && (depth < 2 || rand() < 0.3)) {
        pkg = `${parent}.p${packages.length}`;
        packages.push(pkg);
        files.set(`${pkg.replace(/\./g, '/')}/__init__.py`, [`"""Package ${pkg}."""`, '']);
      }
      const name = `${pkg}.m${list.length}`;
      list.push({ name, path: `${name.replace(/\./g, '/')}.py`, package: pkg });
    }
    modules.push(list);
  }

  const leaks = [];
  const LEAKS = [
    ['from concurrent.futures import ThreadPoolExecutor', 'POOL = ThreadPoolExecutor(max_workers=4)', 'IL001'],
    ['import requests', 'SESSION = requests.Session()', 'IL004'],
    ['import redis', 'CACHE = redis.Redis(host="cache")', 'IL004'],
    ['import threading', 'threading.Thread(target=print, daemon=True).start()', 'IL002'],
  ];
  for (let s = 0; s < services; s++) {
    const list = modules[s];
    const service = `svc${s}`;
    for (let i = 0; i < list.length; i++) {
      const module = list[i];
      const lines = [`"""Module ${module.name}: generated for the benchmark."""`, 'import os', 'import logging', 'from typing import Any, Optional', ''];
      const imports = between(3, 8);
      for (let k = 0; k < imports; k++) {
        // Mostly forward (a DAG), some backward (cycles), a few inside functions (lazy).
        const forward = rand() < 0.85;
        const j = forward ? Math.min(list.length - 1, i + between(1, 60)) : Math.max(0, i - between(1, 20));
        if (j === i) continue;
        const target = list[j];
        if (target.package === module.package && rand() < 0.5) lines.push(`from . import ${target.name.split('.').pop()}`);
        else if (rand() < 0.5) lines.push(`import ${target.name}`);
        else lines.push(`from ${target.package} import ${target.name.split('.').pop()}`);
      }
      lines.push('', 'logger = logging.getLogger(__name__)', `SETTING_${i} = os.environ.get("SETTING_${i}", "default")`, '');
      const functions = between(1, 12);
      for (let f = 0; f < functions; f++) {
        lines.push(`def handler_${f}(request: Any, limit: Optional[int] = None) -> dict:`, `    """Handles case ${f}."""`, '    result = {}');
        for (let b = between(2, 12); b > 0; b--) lines.push(`    if request.get("k${b}"):`, `        result["k${b}"] = [x * ${b} for x in range(limit or ${b})]`);
        if (rand() < 0.1) lines.push(`    from ${pick(list).package} import ${pick(list).name.split('.').pop()}`);
        lines.push('    return result', '', '');
      }
      lines.push(`class Service${i}:`, '    def __init__(self, client=None):', '        self.client = client', '        self.items = {}', '', '    def run(self, job):', '        return job(self.items)', '');
      files.set(module.path, lines);
    }
    // The app: a Flask app whose blueprints import the first modules; chains run from there.
    const blueprints = Math.max(1, Math.round(list.length / 500));
    const app = [`from flask import Flask`, ''];
    for (let b = 0; b < blueprints; b++) {
      const target = list[Math.min(list.length - 1, b * 7)];
      files.set(`${service}/routes_${b}.py`, ['from flask import Blueprint', `from ${target.package} import ${target.name.split('.').pop()}`, '', `bp = Blueprint("r${b}", __name__)`, '', '', '@bp.route("/")', 'def index():', '    return "ok"', '']);
      app.push(`from ${service}.routes_${b} import bp as bp_${b}`);
    }
    app.push('', 'app = Flask(__name__)');
    for (let b = 0; b < blueprints; b++) app.push(`app.register_blueprint(bp_${b})`);
    files.set(`${service}/app.py`, [...app, '']);
    // Leaks: at the end of a chain from a blueprint, in a module the blueprint reaches.
    for (let l = 0; l < 3; l++) {
      const [importLine, creation, rule] = LEAKS[(s * 3 + l) % LEAKS.length];
      const holder = list[Math.min(list.length - 1, 40 + l * 17)];
      const lines = files.get(holder.path);
      lines.splice(1, 0, importLine);
      lines.push(creation, '');
      // The first module a blueprint imports imports it directly, so the chain is known.
      files.get(`${service}/routes_0.py`).splice(2, 0, `import ${holder.name}`);
      leaks.push({ rule, path: holder.path, line: lines.length - 1, entry: `${service}/routes_0.py` });
    }
  }
  // One 300 KB module of a single statement, imported by the first service's first module.
  const ops = ['from django.db import migrations, models', '', 'operations = ['];
  let size = 0;
  for (let n = 0; size < 300 * 1024; n++) {
    const line = `    migrations.AddField(model_name="model${n % 97}", name="field_${n}", field=models.CharField(max_length=${n % 255 + 1}, blank=True, default="")),`;
    ops.push(line);
    size += line.length + 1;
  }
  ops.push(']', '');
  files.set('svc0/migrations/__init__.py', ['']);
  files.set('svc0/migrations/0001_big.py', ops);
  files.get(modules[0][0].path).splice(1, 0, 'import svc0.migrations.0001_big'.replace('0001_big', 'm0001_big'));
  files.set('svc0/migrations/m0001_big.py', ops);
  files.delete('svc0/migrations/0001_big.py');

  let bytes = 0;
  for (const [relative, lines] of files) {
    const file = path.join(out, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    const text = lines.join('\n');
    bytes += Buffer.byteLength(text);
    writeFileSync(file, text);
  }
  const result = { seed, modules: total, files: files.size, bytes, bigModule: 'svc0/migrations/m0001_big.py', leaks };
  writeFileSync(path.join(out, 'bench-manifest.json'), JSON.stringify(result, null, 2) + '\n');
  return result;
}
