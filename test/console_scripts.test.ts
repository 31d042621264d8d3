import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deploymentSummary } from '../src/check/deployment.js';
import { consoleScriptsOf } from '../src/deploy/consoleScripts.js';
import { analyzeProject, venvFile, writeProject } from './support.js';

/**
 * A deployment that runs a program the project installs: `pip install .` writes a console script on
 * PATH for each one its metadata declares, which imports the module and calls the function
 * (Radicale's Dockerfile runs `/app/bin/radicale`, nautobot's `nautobot-server start`). The process
 * imports what that module and that function import, and no more.
 */
const shop = {
  'shop/__init__.py': '',
  'shop/cli.py':
    'from shop import config  # noqa: F401\n\n\ndef main():\n    from shop.server import serve\n\n    return serve()\n\n\n' +
    'def report():\n    from shop import reports\n\n    return reports.REPORTS\n',
  'shop/config.py': 'PORT = 8000\n',
  'shop/server.py': 'from shop import search\n\n\ndef serve():\n    return 0 if search.POOL else 1\n',
  'shop/search.py': 'from concurrent.futures import ThreadPoolExecutor\n\nPOOL = ThreadPoolExecutor(max_workers=2)\n',
  'shop/reports.py': 'from concurrent.futures import ThreadPoolExecutor\n\nREPORTS = ThreadPoolExecutor(max_workers=5)\n',
  Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install .\nCMD ["shop-serve", "--port", "8000"]\n',
};

const SETUPTOOLS_BUILD = '[build-system]\nrequires = ["setuptools>=70.1"]\nbuild-backend = "setuptools.build_meta"\n';

/** The same console script, `shop-serve = shop.cli:main`, declared as each packaging tool reads it. */
const declarations: Record<string, { files: Record<string, string>; file: string; line: number }> = {
  'pyproject.toml [project.scripts]': {
    files: { 'pyproject.toml': `${SETUPTOOLS_BUILD}\n[project]\nname = "shop"\nversion = "1"\n\n[project.scripts]\nshop-serve = "shop.cli:main"\n\n[tool.setuptools]\npackages = ["shop"]\n` },
    file: 'pyproject.toml',
    line: 10,
  },
  'pyproject.toml [tool.poetry.scripts]': {
    files: {
      'pyproject.toml':
        '[build-system]\nrequires = ["poetry-core>=2.0"]\nbuild-backend = "poetry.core.masonry.api"\n\n' +
        '[tool.poetry]\nname = "shop"\nversion = "1"\ndescription = ""\nauthors = []\npackages = [{ include = "shop" }]\n\n[tool.poetry.scripts]\nshop-serve = "shop.cli:main"\n',
    },
    file: 'pyproject.toml',
    line: 13,
  },
  'setup.cfg [options.entry_points]': {
    files: {
      'pyproject.toml': SETUPTOOLS_BUILD,
      'setup.cfg': '[metadata]\nname = shop\nversion = 1\n\n[options]\npackages = shop\n\n[options.entry_points]\nconsole_scripts =\n    shop-serve = shop.cli:main\n',
    },
    file: 'setup.cfg',
    line: 10,
  },
  'setup.py entry_points=': {
    files: {
      'pyproject.toml': SETUPTOOLS_BUILD,
      'setup.py': 'from setuptools import setup\n\nsetup(\n    name="shop",\n    version="1",\n    packages=["shop"],\n    entry_points={\n        "console_scripts": [\n            "shop-serve = shop.cli:main",\n        ],\n    },\n)\n',
    },
    file: 'setup.py',
    line: 9,
  },
};

/** Has pip install the project (`--target`, no index, the build backends of .venv-packaging) and runs the console script it wrote: the project's modules it imported. */
function modulesThePipScriptImports(root: string, program: string): string[] {
  const python = venvFile('.venv-packaging', 'bin', 'python');
  const target = mkdtempSync(path.join(tmpdir(), 'importleak-pip-'));
  const install = spawnSync(python, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--no-deps', '--no-build-isolation', '--no-index', '--target', target, root], { encoding: 'utf8', timeout: 120_000 });
  expect(install.status, install.stderr).toBe(0);
  const run = spawnSync(
    python,
    ['-c', 'import json, runpy, sys\ntry:\n    runpy.run_path(sys.argv[1], run_name="__main__")\nexcept SystemExit:\n    pass\nprint(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] == "shop")))', path.join(target, 'bin', program)],
    // Outside the project, so that only the installed copy can be imported.
    { cwd: target, env: { ...process.env, PYTHONPATH: target }, encoding: 'utf8', timeout: 60_000 },
  );
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as string[];
}

describe('a Dockerfile whose command is a console script of the project (`CMD ["shop-serve"]`)', () => {
  for (const [how, declaration] of Object.entries(declarations)) {
    describe(`declared in ${how}`, () => {
      it('counts the process for what the module and its function import, and not for what another function would', async () => {
        const result = await analyzeProject(writeProject({ ...shop, ...declaration.files }));
        expect(deploymentSummary(result.deployment)).toBe(
          `deployment read: python \`shop-serve\` (console script \`shop.cli:main\`, ${declaration.file}:${declaration.line}) (Dockerfile:5): one python process (Dockerfile:5)`,
        );
        const deploymentOf = (file: string) => result.findings.find((f) => f.path === file && f.ruleId === 'IL001')!.deployment;
        expect(deploymentOf('shop/search.py')).toBe('Deployed as one python process (Dockerfile:5), which creates this thread pool: up to 2 threads.');
        expect(deploymentOf('shop/reports.py')).toBeUndefined();
        expect(result.diagnostics).toEqual([]);
      });

      it('agrees with pip: the script it writes imports shop.cli, what that imports, and what main() imports', () => {
        expect(modulesThePipScriptImports(writeProject({ ...shop, ...declaration.files }), 'shop-serve')).toEqual(['shop', 'shop.cli', 'shop.config', 'shop.search', 'shop.server']);
      });
    });
  }

  it('reads the script by its path in a bin/ folder, run by python, as Radicale runs `/app/bin/radicale`', async () => {
    const files = { ...shop, ...declarations['pyproject.toml [project.scripts]']!.files, Dockerfile: 'FROM python:3.12-slim\nRUN python -m venv /app\nCOPY . .\nRUN /app/bin/pip install .\nENTRYPOINT ["/app/bin/python", "/app/bin/shop-serve"]\n' };
    const result = await analyzeProject(writeProject(files));
    expect(deploymentSummary(result.deployment)).toBe('deployment read: python `/app/bin/shop-serve` (console script `shop.cli:main`, pyproject.toml:10) (Dockerfile:5): one python process (Dockerfile:5)');
    expect(result.findings.find((f) => f.path === 'shop/search.py' && f.ruleId === 'IL001')!.deployment).toBe('Deployed as one python process (Dockerfile:5), which creates this thread pool: up to 2 threads.');
    expect(result.diagnostics).toEqual([]);
  });

  it('in an entrypoint script, counts the program the script ends on, not a step before it', async () => {
    const files = {
      ...shop,
      ...declarations['pyproject.toml [project.scripts]']!.files,
      'pyproject.toml': declarations['pyproject.toml [project.scripts]']!.files['pyproject.toml']!.replace('[project.scripts]\n', '[project.scripts]\nshop-report = "shop.cli:report"\n'),
      'entrypoint.sh': '#!/bin/sh\nset -e\nshop-report --once\nexec shop-serve --port 8000\n',
      Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install .\nENTRYPOINT ["./entrypoint.sh"]\n',
    };
    const result = await analyzeProject(writeProject(files));
    expect(result.findings.find((f) => f.path === 'shop/search.py' && f.ruleId === 'IL001')!.deployment).toBe('Deployed as one python process (entrypoint.sh:4), which creates this thread pool: up to 2 threads.');
    expect(result.findings.find((f) => f.path === 'shop/reports.py' && f.ruleId === 'IL001')!.deployment).toBeUndefined();
  });

  it('reads the server its function starts (`uvicorn.run("shop.main:app", workers=3)` in `run()`), as for a script\'s `__main__` block', async () => {
    const files = {
      'shop/__init__.py': '',
      'shop/main.py': 'import uvicorn\n\nfrom shop import search  # noqa: F401\n\n\nasync def app(scope, receive, send):\n    pass\n\n\ndef run():\n    uvicorn.run("shop.main:app", host="0.0.0.0", workers=3)\n',
      'shop/search.py': shop['shop/search.py'],
      'pyproject.toml': '[project]\nname = "shop"\nversion = "1"\n\n[project.scripts]\nshop-serve = "shop.main:run"\n',
      Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install .\nCMD ["shop-serve"]\n',
    };
    const result = await analyzeProject(writeProject(files));
    expect(deploymentSummary(result.deployment)).toBe('deployment read: python `shop-serve` (console script `shop.main:run`, pyproject.toml:6), which runs uvicorn `shop.main:app` (Dockerfile:5): 3 uvicorn workers (shop/main.py:11)');
    expect(result.findings.find((f) => f.path === 'shop/search.py' && f.ruleId === 'IL001')!.deployment).toBe('3 uvicorn workers (shop/main.py:11) each create this thread pool: up to 6 threads in all.');
  });

  it('takes a program `exec` runs for one that stays up, in whichever branch of the script (pypiserver\'s entrypoint)', async () => {
    const files = {
      ...shop,
      ...declarations['pyproject.toml [project.scripts]']!.files,
      'entrypoint.sh': '#!/bin/sh\nif [ "$(id -u)" -ne 0 ]; then\n    exec shop-serve --port 8000\nelse\n    exec gosu shop shop-serve --port 8000\nfi\n',
      Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install .\nENTRYPOINT ["./entrypoint.sh"]\n',
    };
    const result = await analyzeProject(writeProject(files));
    expect(result.findings.find((f) => f.path === 'shop/search.py' && f.ruleId === 'IL001')!.deployment).toBe(
      'Deployed as one python process (entrypoint.sh:3) or one python process (entrypoint.sh:5), which creates this thread pool: up to 2 threads.',
    );
  });

  it('leaves a program the project does not declare as a program from outside it', async () => {
    const result = await analyzeProject(writeProject({ ...shop, ...declarations['pyproject.toml [project.scripts]']!.files, Dockerfile: 'FROM python:3.12-slim\nCMD ["other-serve"]\n' }));
    expect(deploymentSummary(result.deployment)).toBe('deployment files read (Dockerfile), but no server or worker recognised in them: assuming one process per worker');
  });

  it('says so when the module a console script names is not in the files scanned', async () => {
    const files = { ...shop, 'pyproject.toml': declarations['pyproject.toml [project.scripts]']!.files['pyproject.toml']!.replace('shop.cli:main', 'shopx.cli:main') };
    const result = await analyzeProject(writeProject(files));
    expect(result.diagnostics.map((d) => `${d.path}:${d.line} ${d.message}`)).toEqual([
      'Dockerfile:5 python app `shop-serve` (console script `shopx.cli:main`, pyproject.toml:10): no module `shopx.cli` in the files scanned (looked in the project root and src/, then the project\'s source roots); what this process imports is not counted',
    ]);
  });
});

describe('console script declarations', () => {
  it('reads Poetry 2 tables, GUI scripts and extras, and skips file scripts', () => {
    const text =
      '[project.scripts]\nsvc = "pkg.main:run [fast]"\n\n[project.gui-scripts]\nsvc-gui = "pkg.gui:Window.show"\n\n' +
      '[tool.poetry.scripts]\nworker = { reference = "pkg.worker:main", type = "console" }\nhelper = { reference = "bin/helper.sh", type = "file" }\n';
    const reading = consoleScriptsOf('svc/pyproject.toml', text);
    expect(reading.scripts.map(({ name, reference, module, attribute, line, folder }) => ({ name, reference, module, attribute, line, folder }))).toEqual([
      { name: 'svc', reference: 'pkg.main:run', module: 'pkg.main', attribute: 'run', line: 2, folder: 'svc' },
      { name: 'svc-gui', reference: 'pkg.gui:Window.show', module: 'pkg.gui', attribute: 'Window.show', line: 5, folder: 'svc' },
      { name: 'worker', reference: 'pkg.worker:main', module: 'pkg.worker', attribute: 'main', line: 8, folder: 'svc' },
    ]);
    expect(reading.problems).toEqual([]);
  });

  it('says which declaration is not `name = module:function`, with its line', () => {
    const reading = consoleScriptsOf('setup.cfg', '[options.entry_points]\nconsole_scripts =\n    good = pkg.cli:main\n    bad = pkg/cli.py\n');
    expect(reading.scripts.map((s) => s.name)).toEqual(['good']);
    expect(reading.problems).toEqual([{ file: 'setup.cfg', line: 4, message: 'console script "bad" = "pkg/cli.py" is not `name = module:function`; not read' }]);
  });
});
