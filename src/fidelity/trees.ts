import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { realInterpreter } from './cpython.js';

/** A tree of Python files whose modules the harness measures, and how CPython imports them. */
export interface TreeSpec {
  id: string;
  title: string;
  /** Absolute folder; module names start here, as on sys.path. */
  root: string;
  /** Interpreter binary for the probes. */
  python: string;
  /** Folders appended to sys.path in the probes (besides the interpreter's own). */
  sysPath: string[];
  /**
   * Folders (relative to the root, '' for it) that a start script puts on sys.path, each for the
   * modules below it: a module is named from the deepest one that holds it, and probed with that
   * folder on sys.path (two services, each with its own `app` package). Absent: the root only.
   */
  homes?: string[];
  env: Record<string, string>;
  /** Folders left out of the tree, relative to the root ('test', 'lib2to3/tests'). */
  excludeDirs: string[];
  /** Folder names left out wherever they appear ('tests'). */
  excludeDirNames: string[];
  /** Decides which modules of the tree are measured; the reason when one is not. */
  target: (module: string) => true | string;
  /** Extra targets that are not plain modules of the tree: label → module that does it. */
  extraTargets: Array<{ label: string; module: string }>;
  /** Sentences for the report: what was installed, what was stood in for. */
  notes: string[];
}

export interface TreeFiles {
  /** Every .py file of the tree, relative, '/'-separated. */
  files: Set<string>;
  /**
   * Label → file, for files whose path is a valid dotted name (regular or namespace packages). The
   * label is the dotted name, preceded by `[home] ` for a file below one of the spec's other homes.
   */
  modules: Map<string, string>;
  /** File → dotted name. */
  names: Map<string, string>;
  /** File → the home (see TreeSpec.homes) it is imported from, '' for the root. */
  homes: Map<string, string>;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Walks the tree the way the import system sees it, independently of the analyzer. */
export function treeFiles(spec: Pick<TreeSpec, 'root' | 'excludeDirs' | 'excludeDirNames' | 'homes'>): TreeFiles {
  const files = new Set<string>();
  const modules = new Map<string, string>();
  const names = new Map<string, string>();
  const homes = new Map<string, string>();
  // Deepest first: a file belongs to the innermost home that holds it.
  const folders = [...(spec.homes ?? [''])].map((h) => h.replace(/\/+$/, '')).sort((a, b) => b.length - a.length);
  const excluded = new Set(spec.excludeDirs.map((d) => d.replace(/\/+$/, '')));
  const walk = (relative: string): void => {
    const folder = path.join(spec.root, relative);
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (entry.name === '__pycache__' || excluded.has(child) || spec.excludeDirNames.includes(entry.name)) continue;
        walk(child);
      } else if (entry.isFile() && entry.name.endsWith('.py')) {
        files.add(child);
        const home = folders.find((h) => h === '' || child.startsWith(`${h}/`));
        if (home === undefined) continue;
        const parts = (home === '' ? child : child.slice(home.length + 1)).slice(0, -3).split('/');
        if (parts[parts.length - 1] === '__init__') parts.pop();
        if (parts.length > 0 && parts.every((p) => IDENTIFIER.test(p))) {
          modules.set(home === '' ? parts.join('.') : `[${home}] ${parts.join('.')}`, child);
          names.set(child, parts.join('.'));
          homes.set(child, home);
        }
      }
    }
  };
  walk('');
  return { files, modules, names, homes };
}

/** gitignore-style patterns for the analyzer that leave out the same folders as `treeFiles`. */
export function analyzerExcludes(spec: Pick<TreeSpec, 'excludeDirs' | 'excludeDirNames'>): string[] {
  return [...spec.excludeDirs.map((d) => `/${d.replace(/\/+$/, '')}/`), ...spec.excludeDirNames.map((n) => `${n}/`)];
}

/** Modules whose import starts a program or touches the desktop: never imported by the harness. */
const STDLIB_SIDE_EFFECTS: Record<string, string> = {
  antigravity: 'opens a web browser when imported',
};

const STDLIB_EXCLUDED_DIRS = ['test', 'idlelib', 'tkinter', 'turtledemo', 'ensurepip', 'lib2to3/tests', 'site-packages'];
/** Test suites shipped inside packages (ctypes/test, unittest/test, distutils/tests, ...). */
const STDLIB_EXCLUDED_DIR_NAMES = ['test', 'tests', 'idle_test'];

/**
 * The pure-Python standard library of `python` (its `Lib/`), test suites and GUI packages out.
 * `only` narrows the measured modules to some packages (and their submodules); the tree stays whole.
 */
export function stdlibTree(python = 'python3', only?: readonly string[]): TreeSpec {
  const interpreter = realInterpreter(python);
  const run = spawnSync(interpreter, ['-I', '-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`cannot find the standard library of ${interpreter}: ${run.stderr}`);
  const root = run.stdout.trim();
  return {
    id: 'stdlib',
    title: only ? `CPython standard library (${only.join(', ')})` : 'CPython standard library',
    root,
    python: interpreter,
    sysPath: [],
    env: headlessEnv(),
    excludeDirs: STDLIB_EXCLUDED_DIRS,
    excludeDirNames: STDLIB_EXCLUDED_DIR_NAMES,
    target: (module) => {
      const why = Object.hasOwn(STDLIB_SIDE_EFFECTS, module) ? STDLIB_SIDE_EFFECTS[module] : undefined;
      if (why) return why;
      if (module === '__main__' || module.endsWith('.__main__')) return 'a `__main__` module runs its program when imported';
      if (only && !only.some((p) => module === p || module.startsWith(`${p}.`))) return 'not selected';
      return true;
    },
    extraTargets: [],
    notes: [],
  };
}

/** The folders of `fixtures/resolution/monorepo` that a start script puts on sys.path. */
const LAYOUT_HOMES = ['', 'netbox', 'services/svc_a', 'services/svc_b'];

/**
 * Issue 12's layouts (`fixtures/resolution/monorepo`): a package with folders without
 * `__init__.py` inside it, a project folder holding packages, and two services that each have an
 * `app` package. Each module is probed with its service's (or project's) folder on sys.path, as
 * its start script would put it; the analyzer gets the whole repository and no source root.
 */
export function layoutsTree(project: string, python = 'python3'): TreeSpec {
  return {
    id: 'layouts',
    title: 'Repository layouts (issue 12)',
    root: path.join(project, 'fixtures', 'resolution', 'monorepo'),
    python: realInterpreter(python),
    sysPath: [],
    homes: LAYOUT_HOMES,
    env: headlessEnv(),
    excludeDirs: [],
    excludeDirNames: [],
    target: () => true,
    extraTargets: [],
    notes: [
      `Each module is imported with the folder its start script would put on sys.path: ${LAYOUT_HOMES.map((h) => `\`${h || '.'}/\``).join(', ')} (the innermost that holds it); a module below a service is labelled \`[services/svc_a] app.storage\`.`,
      'Standard library only; no module name of the tree is one of the standard library\'s (the probe appends the folder to sys.path, after the standard library).',
    ],
  };
}

/** The packages issue 5 names, by import name. */
export const PACKAGE_IMPORT_NAMES = ['django', 'flask', 'werkzeug', 'fastapi', 'starlette', 'pydantic', 'requests', 'sqlalchemy', 'celery'];
const PACKAGE_REQUIREMENTS = ['django', 'flask', 'werkzeug', 'fastapi', 'starlette', 'pydantic', 'requests', 'sqlalchemy', 'ruff'];
/** Celery goes in with --no-deps, then its requirements one by one, so that one missing requirement cannot stop the rest. */
const CELERY_REQUIREMENTS = ['kombu', 'billiard', 'vine', 'click', 'click-plugins', 'python-dateutil', 'tzdata', 'tzlocal', 'click-didyoumean', 'click-repl'];
/** Minimal stand-ins for requirements the package index may not have: celery imports them at module level. */
const STAND_INS: Record<string, { module: string; text: string }> = {
  tzlocal: {
    module: 'tzlocal',
    text: 'from datetime import timezone\n\n\ndef get_localzone():\n    return timezone.utc\n',
  },
  'click-didyoumean': {
    module: 'click_didyoumean',
    text: 'import click\n\n\nclass DYMGroup(click.Group):\n    pass\n',
  },
  'click-repl': {
    module: 'click_repl',
    text: 'def register_repl(group, name="repl"):\n    pass\n\n\ndef repl(*args, **kwargs):\n    pass\n',
  },
};
/** Tooling of the venv itself, not under test. */
const VENV_TOOLING = ['pip', 'setuptools', 'pkg_resources', '_distutils_hack', 'ruff'];

export const DJANGO_SETTINGS_MODULE = 'importleak_fidelity_settings';
/** Lives in site-packages (so both sides see it): `import django; django.setup()`. */
export const DJANGO_SETUP_MODULE = 'importleak_fidelity_django_setup';

const DJANGO_SETTINGS = `# Minimal settings for the importleak fidelity harness (django.setup() and module imports).
SECRET_KEY = "importleak-fidelity"
DEBUG = False
USE_TZ = True
INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
TEMPLATES = [{"BACKEND": "django.template.backends.django.DjangoTemplates", "APP_DIRS": True, "OPTIONS": {}}]
STATIC_URL = "static/"
`;

const DJANGO_SETUP = `"""importleak fidelity harness: what \`django.setup()\` loads (settings: ${DJANGO_SETTINGS_MODULE})."""
import django

django.setup()
`;

export interface PackagesTreeOptions {
  /** The project folder; the venv is \`.venv-fidelity/\` in it. */
  project: string;
  python?: string;
  log?: (line: string) => void;
}

/**
 * Real packages in a scratch venv (`.venv-fidelity/`, created and filled when missing). The tree
 * is its site-packages, venv tooling (pip, setuptools, ruff) left out; the measured modules are
 * those of the packages issue 5 names, plus `django.setup()` with a minimal settings module.
 */
export function packagesTree(options: PackagesTreeOptions): TreeSpec {
  const log = options.log ?? (() => {});
  const venv = path.join(options.project, '.venv-fidelity');
  const venvPython = path.join(venv, 'bin', 'python');
  const ready = path.join(venv, '.fidelity-ready');
  const shims = path.join(venv, 'fidelity-shims');
  if (!existsSync(venvPython)) {
    log(`creating ${path.relative(options.project, venv)}/`);
    mustRun(realInterpreter(options.python ?? 'python3'), ['-m', 'venv', venv]);
  }
  const purelib = mustRun(venvPython, ['-c', 'import sysconfig; print(sysconfig.get_paths()["purelib"])']).trim();
  let standIns: string[] = [];
  if (!existsSync(ready)) {
    const pip = (args: string[]): boolean => {
      log(`pip install ${args.join(' ')}`);
      const run = spawnSync(venvPython, ['-m', 'pip', 'install', '-q', '--disable-pip-version-check', '--retries', '0', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      return run.status === 0;
    };
    if (!pip(PACKAGE_REQUIREMENTS)) throw new Error(`pip could not install ${PACKAGE_REQUIREMENTS.join(', ')} into ${venv}`);
    if (!pip(['--no-deps', 'celery'])) throw new Error(`pip could not install celery into ${venv}`);
    mkdirSync(shims, { recursive: true });
    for (const requirement of CELERY_REQUIREMENTS) {
      if (pip([requirement])) continue;
      const standIn = Object.hasOwn(STAND_INS, requirement) ? STAND_INS[requirement] : undefined;
      if (!standIn) throw new Error(`pip could not install ${requirement}, a requirement of celery`);
      writeFileSync(path.join(shims, `${standIn.module}.py`), `# Stand-in written by the importleak fidelity harness: ${requirement} is not on the package index.\n${standIn.text}`);
      standIns.push(requirement);
    }
    writeFileSync(path.join(shims, `${DJANGO_SETTINGS_MODULE}.py`), DJANGO_SETTINGS);
    writeFileSync(path.join(purelib, `${DJANGO_SETUP_MODULE}.py`), DJANGO_SETUP);
    writeFileSync(ready, JSON.stringify({ standIns }) + '\n');
  } else {
    standIns = (JSON.parse(readFileSync(ready, 'utf8')) as { standIns: string[] }).standIns;
  }
  const versions = installedVersions(venvPython);
  const shown = ['Django', 'Flask', 'Werkzeug', 'fastapi', 'starlette', 'pydantic', 'requests', 'SQLAlchemy', 'celery'];
  const notes = [
    `Installed into \`.venv-fidelity/\`: ${shown.map((n) => `${n} ${versions.get(n.toLowerCase()) ?? '?'}`).join(', ')} (and their requirements).`,
    `Probes run with \`DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE}\` (a minimal settings module kept outside the tree, in \`.venv-fidelity/fidelity-shims/\`), so Django modules that read settings at import can be measured; \`django.setup()\` is measured as the module \`${DJANGO_SETUP_MODULE}\` (\`import django; django.setup()\`), which the harness writes into site-packages so that the analyzer sees it too.`,
  ];
  if (standIns.length) {
    notes.push(
      `The package index has no ${standIns.map((s) => `\`${s}\``).join(', ')} (requirements of Celery); minimal stand-ins for them live in \`.venv-fidelity/fidelity-shims/\`, outside the tree, so Celery imports. They load no tree module.`,
    );
  }
  return {
    id: 'packages',
    title: 'Installed packages',
    root: purelib,
    python: venvPython,
    sysPath: [purelib, shims],
    env: { ...headlessEnv(), DJANGO_SETTINGS_MODULE },
    excludeDirs: VENV_TOOLING,
    excludeDirNames: [],
    target: (module) => {
      const top = module.split('.')[0]!;
      if (!PACKAGE_IMPORT_NAMES.includes(top)) return 'not a package under test';
      if (module.endsWith('.__main__')) return 'a `__main__` module runs its program when imported';
      return true;
    },
    extraTargets: [{ label: 'django.setup()', module: DJANGO_SETUP_MODULE }],
    notes,
  };
}

/** Lower-cased distribution name → version. */
function installedVersions(python: string): Map<string, string> {
  const run = spawnSync(python, ['-m', 'pip', 'list', '--format', 'json', '--disable-pip-version-check'], { encoding: 'utf8' });
  const versions = new Map<string, string>();
  if (run.status !== 0) return versions;
  for (const { name, version } of JSON.parse(run.stdout) as Array<{ name: string; version: string }>) versions.set(name.toLowerCase(), version);
  return versions;
}

function mustRun(command: string, args: string[]): string {
  const run = spawnSync(command, args, { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${run.stderr || run.error?.message}`);
  return run.stdout;
}

/** No display, no pager, no colour: a module that looks for a terminal or a screen finds none. */
function headlessEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TMPDIR', 'SSL_CERT_FILE']) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  env.TERM = 'dumb';
  env.PAGER = 'cat';
  env.NO_COLOR = '1';
  return env;
}
