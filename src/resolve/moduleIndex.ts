import path from 'node:path';

/**
 * File ↔ dotted module name for the project, the way `sys.path` would see it.
 *
 * Source roots are, in order: the roots given (the scan root, `src/` when present, configured
 * ones) and, for each file, its natural root: the parent of the outermost package (folder holding
 * an `__init__.py`) that encloses it, or the file's own folder when no package does, which is what
 * `sys.path[0]` is when a script there runs or when that folder is the working directory. A folder
 * without `__init__.py` inside a package (`views/issue/` below `views/__init__.py`) is a namespace
 * portion of that package: CPython's path finder finds it through the package's `__path__`, so its
 * files are named from the package's root (`plane.app.views.issue.base`, never `base`).
 * A file may have several names (one per root that contains it); its canonical name comes from
 * its natural root. A name from a natural root that is not one of the given roots (a script folder,
 * or a folder without `__init__.py` deep in site-packages) is only seen by files of that same
 * root or folder: only a script run from there has the folder on `sys.path`, so `import re`
 * elsewhere is the standard library's, not `opentelemetry/util/re.py`.
 */
export interface ModuleEntry {
  /** Canonical dotted name: the one the project's imports use, else the one from the natural root. */
  name: string;
  /** Path relative to the scan root, '/'-separated. */
  path: string;
  /** True for `__init__.py`: the module of a package. */
  isPackage: boolean;
  /** Every name under which the file can be imported from a root. */
  names: string[];
  /** The natural root (relative folder, '' for the scan root). */
  root: string;
  /**
   * The folder `sys.path[0]` is when this file runs as a script (`python svc_a/run.py`: `svc_a`),
   * or the parent of the package chain it sits in: names from that folder are seen by this file.
   */
  home: string;
  /** The root each of `names` comes from. */
  nameRoots: string[];
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export class ModuleIndex {
  readonly byPath = new Map<string, ModuleEntry>();
  private readonly byName = new Map<string, ModuleEntry[]>();
  private readonly packageNames = new Set<string>();
  private readonly explicitRoots: ReadonlySet<string>;

  constructor(filePaths: readonly string[], explicitRoots: readonly string[]) {
    const packageFolders = new Set<string>();
    for (const file of filePaths) {
      if (path.posix.basename(file) === '__init__.py') packageFolders.add(path.posix.dirname(file));
    }
    const roots = explicitRoots.map(normaliseFolder);
    this.explicitRoots = new Set(roots);
    for (const file of filePaths) {
      // Files outside the root (given on the command line) get names from their own folders.
      if (!file.endsWith('.py')) continue;
      const home = homeFolder(file, packageFolders);
      const natural = outermostPackageRoot(home, packageFolders);
      const name = moduleNameUnder(file, natural);
      if (!name) continue;
      const names = [name];
      const nameRoots = [natural];
      // `a/b/c/d.py` with packages `a` and `c`: `c.d` too, for scripts run from `a/b`.
      const alternatives = home !== natural && packageFolders.has(firstFolderBelow(file, home)) ? [home, ...roots] : roots;
      for (const root of alternatives) {
        if (root === natural) continue;
        const other = moduleNameUnder(file, root);
        if (other && !names.includes(other)) {
          names.push(other);
          nameRoots.push(root);
        }
      }
      const entry: ModuleEntry = { name, path: file, isPackage: path.posix.basename(file) === '__init__.py', names, root: natural, home, nameRoots };
      this.byPath.set(file, entry);
    }
    this.indexNames();
  }

  /**
   * A file under a namespace folder has a name from its own folder and a longer one from an outer
   * root (`mod` and `ns.sub.mod`); which one CPython uses depends on how it is imported. When the
   * project's absolute imports use one of a file's other names and not its canonical one, that
   * name becomes canonical (relative imports are then anchored at it). `referencedNames` gives the
   * names those imports use; it is asked only when some file has another name.
   */
  preferReferencedNames(referencedNames: () => ReadonlySet<string>): void {
    // Natural root → the outer root its files are imported from.
    const switched = new Map<string, string>();
    let referenced: ReadonlySet<string> | undefined;
    for (const entry of this.byPath.values()) {
      if (entry.names.length < 2) continue;
      const names = (referenced ??= referencedNames());
      if (names.has(entry.name)) continue;
      // Only to a given root: a short name from the file's own folder (`base`) is too easily someone else's.
      const used = entry.names.findIndex((n, k) => k > 0 && names.has(n) && this.explicitRoots.has(entry.nameRoots[k]!));
      if (used > 0) switched.set(entry.root, entry.nameRoots[used]!);
    }
    if (switched.size === 0) return;
    // Every file of that natural root (the siblings a relative import reaches) takes the same root.
    for (const entry of this.byPath.values()) {
      const root = switched.get(entry.root);
      const i = root === undefined ? -1 : entry.nameRoots.indexOf(root);
      if (i <= 0) continue;
      const order = [i, ...entry.names.map((_, k) => k).filter((k) => k !== i)];
      entry.names = order.map((k) => entry.names[k]!);
      entry.nameRoots = order.map((k) => entry.nameRoots[k]!);
      entry.name = entry.names[0]!;
      // Imported under the outer name, the file's folder is a namespace package, not a sys.path entry.
      entry.root = entry.nameRoots[0]!;
      entry.home = entry.root;
    }
    this.indexNames();
  }

  private indexNames(): void {
    this.byName.clear();
    this.packageNames.clear();
    // Canonical names first, so a name that is some file's canonical name wins over an alias; and
    // within each, packages first: CPython's FileFinder takes `foo/__init__.py` over `foo.py`.
    const entries = [...this.byPath.values()].sort((a, b) => Number(b.isPackage) - Number(a.isPackage));
    for (const pass of [0, 1] as const) {
      for (const entry of entries) {
        const names = pass === 0 ? [entry.name] : entry.names.slice(1);
        for (const name of names) {
          // A new list as a literal: `[]` grown by a push holds room for sixteen (most names have one file).
          const list = this.byName.get(name);
          if (!list) this.byName.set(name, [entry]);
          else if (!list.includes(entry)) list.push(entry);
          const parts = name.split('.');
          for (let i = 1; i < parts.length; i++) this.packageNames.add(parts.slice(0, i).join('.'));
        }
      }
    }
  }

  /**
   * The project file that `name` names for an importer, or undefined when it is not a project
   * module (stdlib, third-party, or not found). When several files claim the name (two services
   * each with an `app/` package, two script folders each with a `utils.py`), the importer's own
   * root wins, as when that service runs: first a name from the importer's natural root, then one
   * from its home (the folder its script puts on `sys.path`), then one from the deepest other root
   * that contains the importer, then the first in path order.
   */
  lookup(name: string, importer?: ModuleEntry): ModuleEntry | undefined {
    const all = this.byName.get(name);
    if (!all || all.length === 0) return undefined;
    if (!importer) return all[0];
    let best: ModuleEntry | undefined;
    let bestRank = Infinity;
    for (const candidate of all) {
      const rank = this.rank(candidate, name, importer);
      if (rank < bestRank) {
        best = candidate;
        bestRank = rank;
      }
    }
    return best;
  }

  /** How near `name`'s root is to the importer (lower is nearer); Infinity when the importer cannot see it. */
  private rank(entry: ModuleEntry, name: string, importer: ModuleEntry): number {
    const root = entry.nameRoots[entry.names.indexOf(name)];
    if (root === undefined) return Infinity;
    if (root === importer.root) return 0;
    if (root === importer.home) return 1;
    if (!this.explicitRoots.has(root)) return Infinity;
    // Given roots: the deepest one holding the importer first, then those elsewhere.
    const holds = root === '' || importer.path.startsWith(`${root}/`);
    const depth = root === '' ? 0 : root.split('/').length;
    return holds ? 2 + 1 / (2 + depth) : 3;
  }

  /** True when some project module lives below `name` (a regular or namespace package). */
  hasPackage(name: string): boolean {
    return this.packageNames.has(name);
  }

  /** True when `name` is a project module's, or some project module lives below it. */
  hasName(name: string): boolean {
    return this.byName.has(name) || this.packageNames.has(name);
  }

  entries(): IterableIterator<ModuleEntry> {
    return this.byPath.values();
  }
}

function normaliseFolder(folder: string): string {
  const posix = folder.split(path.sep).join('/').replace(/^\.\/?/, '').replace(/\/+$/, '');
  return posix === '.' ? '' : posix;
}

/**
 * The parent of the chain of packages a file sits in (`svc_a` for `svc_a/app/views.py`), or the
 * file's own folder when that is not a package.
 */
function homeFolder(file: string, packageFolders: ReadonlySet<string>): string {
  let folder = path.posix.dirname(file);
  if (folder === '.') return '';
  if (folder === '..' || folder.endsWith('/..')) return folder;
  while (packageFolders.has(folder)) {
    const parent = path.posix.dirname(folder);
    folder = parent;
    if (parent === '.') return '';
  }
  return folder;
}

/**
 * The parent of the outermost package above `home`, else `home`: a folder without `__init__.py`
 * inside a package is a namespace portion of it, named from the package's root.
 */
function outermostPackageRoot(home: string, packageFolders: ReadonlySet<string>): string {
  let root = home;
  for (let folder = home; folder !== '' && folder !== '..' && !folder.endsWith('/..'); ) {
    const parent = path.posix.dirname(folder);
    if (packageFolders.has(folder)) root = parent === '.' ? '' : parent;
    if (parent === folder || parent === '.') break;
    folder = parent;
  }
  return root;
}

/** The first folder below `root` on the way to `file` (`a/b/c` for `a/b/c/d.py` below `a/b`). */
function firstFolderBelow(file: string, root: string): string {
  const relative = root === '' ? file : file.slice(root.length + 1);
  const first = relative.split('/')[0]!;
  return root === '' ? first : `${root}/${first}`;
}

function moduleNameUnder(file: string, root: string): string | undefined {
  if (root !== '' && !file.startsWith(`${root}/`)) return undefined;
  const relative = root === '' ? file : file.slice(root.length + 1);
  const withoutExtension = relative.slice(0, -'.py'.length);
  const parts = withoutExtension.split('/');
  if (parts[parts.length - 1] === '__init__') parts.pop();
  if (parts.length === 0 || !parts.every((part) => IDENTIFIER.test(part))) return undefined;
  return parts.join('.');
}
