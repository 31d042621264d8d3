"""Ask CPython which modules of a tree `import MODULE` executes, and who imported each.

Usage (the way the fidelity harness runs it, so that nothing but the interpreter's
own start-up is loaded before the imports under test):

    python -I -S -B fidelity_probe.py ROOT [--sys-path DIR]... MODULE...

ROOT is the tree (a folder): only modules whose file lies under it are reported as
loaded. --sys-path folders are appended to sys.path, the way site.py would add
site-packages (with -S it does not).

Every MODULE is measured as if imported first thing in a fresh interpreter. The
process never imports anything itself: it forks. For `a.b.c` a child imports `a`,
a grandchild `a.b` and a great-grandchild `a.b.c`; siblings (`a.b.d`) are forked
from the process that has imported `a.b` and nothing else. `import a.b.d` in a
fresh interpreter runs `a`, then `a.b`, then `a.b.d`, so the state each child
starts from is the one a fresh interpreter would be in at that point, and the
shared prefix is imported once. When that import fails, the modules below it are
reported failed with its error (a fresh interpreter would fail the same way). A
process whose import started a thread (forking it is not safe) does not serve its
submodules: they get no report, and the caller runs them again, alone.

One JSON object per measured MODULE, one per line, on file descriptor 3 (stdout
belongs to the imported code, which may print):

    module      the MODULE
    ok          true when the import returned, false when it raised (or was killed)
    error       "ExcType: message" or null
    seconds     time the import took in its own process (without its prefix)
    baseline    [paths relative to ROOT] of tree modules executed before any import:
                the interpreter's start-up (frozen bootstrap included). CPython never
                runs them again, so the harness leaves them out of both sides.
    loaded      [{name, path, kind, parent, frames}] for every module newly in
                sys.modules whose file is under ROOT:
                  kind    "source", "frozen" (same code, frozen at build time),
                          "extension" (a compiled module; the harness ignores it)
                  parent  the module whose loading was under way when this one was
                          first imported (null: the probe itself)
                  frames  the Python frames between that moment and the parent's
                          module-level code, innermost first:
                          [file, line, qualname, is_function, module_name,
                           code filename]; null when no finder was asked
    outside     {name: {kind, parent, frames}} for new modules that do not live
                under ROOT (stdlib outside the tree, C extensions, built-ins)
    attempted   [{name, parent, frames}] for names whose import was attempted but
                that are not in sys.modules at the end (not found, or raised)

Standard library only, and imports nothing: it uses the built-in modules `sys`,
`posix`, `_signal`, `_thread` and `time`, all loaded at start-up (even the JSON is
written by hand, so that `json` is never loaded into a process that goes on).
"""

import _signal
import _thread
import posix
import sys
import time

_CO_OPTIMIZED = 0x1  # set on function code objects, not on module or class bodies
_ModuleType = type(sys)

_ESCAPES = {ord('"'): '\\"', ord("\\"): "\\\\"}
_ESCAPES.update({i: "\\u%04x" % i for i in range(0x20)})
_ESCAPES.update({i: "\\u%04x" % i for i in range(0xD800, 0xE000)})  # lone surrogates


def _json(value):
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return '"' + value.translate(_ESCAPES) + '"'
    if isinstance(value, dict):
        return "{" + ",".join(_json(str(k)) + ":" + _json(v) for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(_json(v) for v in value) + "]"
    return _json(str(value))


def _frozen_path(module, root):
    """File of a frozen stdlib module: its loader's filename, or the file its origname names."""
    spec = getattr(module, "__spec__", None)
    state = getattr(spec, "loader_state", None)
    filename = getattr(state, "filename", None)
    if filename:
        return filename
    origname = getattr(state, "origname", None)
    if not origname:
        return None
    base = root + "/" + origname.replace(".", "/")
    for candidate in (base + ".py", base + "/__init__.py"):
        try:
            posix.stat(candidate)
            return candidate
        except OSError:
            continue
    return None


def _describe(module, root):
    """(path under root or None, kind) for a module object."""
    # Only what is in the module's namespace: a module __getattr__ must not run here.
    namespace = module.__dict__ if isinstance(module, _ModuleType) else {}
    spec = namespace.get("__spec__")
    origin = getattr(spec, "origin", None)
    filename = namespace.get("__file__")
    kind = "source"
    if origin == "frozen":
        kind = "frozen"
        filename = filename or _frozen_path(module, root)
    elif origin == "built-in":
        return None, "builtin"
    if not isinstance(filename, str):
        return None, "namespace" if getattr(spec, "submodule_search_locations", None) is not None else "unknown"
    if filename.endswith((".so", ".pyd")):
        kind = "extension"
    prefix = root + "/"
    if not filename.startswith(prefix):
        return None, kind
    return filename[len(prefix):], kind


class Probe:
    def __init__(self, root, timeout):
        self.root = root
        self.timeout = timeout
        self.baseline_ids = {id(m) for m in sys.modules.values()}
        self.baseline = sorted({p for p in (_describe(m, root)[0] for m in list(sys.modules.values())) if p is not None})
        self.before = set(sys.modules)
        self.looked_for = {}
        probe_globals = globals()
        looked_for = self.looked_for

        def record(name):
            """The module whose loading was under way when `name` was imported, and the frames since.

            Walking outwards from the finder: the first `_find_and_load` is the one for `name`; the
            next one that has got as far as `_load_unlocked` is the module being executed (one that
            has not is a parent package still being looked for, as in `import a.b` with `a` not yet
            loaded). Its name is the parent, whether it is Python code or a C extension initialising.
            None when no import of `name` is under way (`importlib.util.find_spec` only looks).
            """
            frame = sys._getframe(2)
            frames = []
            parent = None
            own = False
            loading = False
            while frame is not None and frame.f_globals is not probe_globals:
                code = frame.f_code
                if code.co_filename.startswith("<frozen importlib._bootstrap"):
                    if code.co_name == "_load_unlocked" and own:
                        loading = True
                    elif code.co_name == "_find_and_load":
                        if not own:
                            if frame.f_locals.get("name") != name:
                                return None
                            own = True
                        elif loading:
                            parent = frame.f_locals.get("name")
                            break
                else:
                    g = frame.f_globals
                    frames.append([
                        g.get("__file__"),
                        frame.f_lineno,
                        getattr(code, "co_qualname", code.co_name),
                        bool(code.co_flags & _CO_OPTIMIZED),
                        g.get("__name__"),
                        code.co_filename,
                    ])
                frame = frame.f_back
            # Frames outside the innermost module-level frame belong to its own importers: drop them.
            for i, f in enumerate(frames):
                if f[2] == "<module>":
                    del frames[i + 1:]
                    break
            return {"parent": parent, "frames": frames}

        class Recorder:
            """First on sys.meta_path: notes who asked for each module, then lets the real finders work."""

            @staticmethod
            def find_spec(name, path=None, target=None):
                if name not in looked_for and name not in sys.modules:
                    how = record(name)
                    if how is not None:
                        looked_for[name] = how
                return None

            @staticmethod
            def invalidate_caches():
                pass

        sys.meta_path.insert(0, Recorder)

    def import_one(self, name):
        """(ok, error, seconds) of `import name` in this process."""
        started = time.perf_counter()
        _signal.alarm(self.timeout)  # default action: the process dies, the caller reports it
        ok, error = True, None
        try:
            __import__(name)
        except BaseException as exc:  # SystemExit too: the module is then not importable headless
            ok, error = False, (type(exc), exc)
        _signal.alarm(0)
        return ok, error, time.perf_counter() - started

    def report(self, name, ok, error, seconds):
        after = dict(sys.modules)
        outside, by_path = {}, {}
        for mod_name, module in after.items():
            if mod_name in self.before or module is None or id(module) in self.baseline_ids:
                continue
            path, kind = _describe(module, self.root)
            how = self.looked_for.get(mod_name, {"parent": None, "frames": None})
            if path is None:
                outside[mod_name] = {"kind": kind, "parent": how["parent"], "frames": how["frames"]}
                continue
            entry = {"name": mod_name, "path": path, "kind": kind, "parent": how["parent"], "frames": how["frames"]}
            # One file may sit in sys.modules under two names (os.path is posixpath): keep the one it was loaded as.
            previous = by_path.get(path)
            if previous is None or (previous["frames"] is None and entry["frames"] is not None):
                by_path[path] = entry
        attempted = [
            {"name": n, "parent": how["parent"], "frames": how["frames"]}
            for n, how in self.looked_for.items()
            if n not in after
        ]
        if error is not None:
            error = _describe_error(error)
        emit({
            "module": name,
            "ok": ok,
            "error": error,
            "seconds": seconds,
            "baseline": self.baseline,
            "loaded": sorted(by_path.values(), key=lambda e: e["path"]),
            "outside": outside,
            "attempted": attempted,
        })

    def serve(self, prefix, tree):
        """In a process that has imported `prefix` (None: nothing), measure every module of `tree`."""
        for part in sorted(tree):
            is_target, below = tree[part]
            name = part if prefix is None else prefix + "." + part
            pid = posix.fork()
            if pid == 0:
                _run_and_exit(self.child, name, is_target, below)
            _, status = posix.waitpid(pid, 0)
            if is_target and posix.WIFSIGNALED(status):
                signal = posix.WTERMSIG(status)
                why = "timed out after %d s" % self.timeout if signal == _signal.SIGALRM else "killed by signal %d" % signal
                emit({"module": name, "ok": False, "error": why, "seconds": 0, "baseline": self.baseline,
                      "loaded": [], "outside": {}, "attempted": []})

    def child(self, name, is_target, below):
        ok, error, seconds = self.import_one(name)
        if not below:
            if is_target:
                self.report(name, ok, error, seconds)
            return
        if is_target:
            # Report from a grandchild: building the report reads module attributes, which
            # could run code (a module __getattr__) in the process that goes on serving.
            pid = posix.fork()
            if pid == 0:
                _run_and_exit(self.report, name, ok, error, seconds)
            posix.waitpid(pid, 0)
        if not ok:
            # `import name.x` in a fresh interpreter runs `name` first, which fails the same way.
            for module in _targets(name, below):
                emit({"module": module, "ok": False, "error": "enclosing package %s failed: %s" % (name, _describe_error(error)),
                      "seconds": 0, "baseline": self.baseline, "loaded": [], "outside": {}, "attempted": []})
        elif _thread._count() == 0:
            self.serve(name, below)


def _describe_error(error):
    kind, exc = error
    try:
        return "%s: %s" % (kind.__name__, exc)
    except BaseException:
        return kind.__name__


def _targets(prefix, tree):
    """Dotted names of the measured modules in `tree`, below `prefix`."""
    found = []
    for part, (is_target, below) in sorted(tree.items()):
        name = prefix + "." + part
        if is_target:
            found.append(name)
        found.extend(_targets(name, below))
    return found


def _run_and_exit(function, *args):
    """In a forked child: run, say what went wrong on stderr (the built-in hook imports nothing), end."""
    try:
        function(*args)
    except BaseException:
        sys.excepthook(*sys.exc_info())
    posix._exit(0)


def emit(record):
    data = (_json(record) + "\n").encode("utf-8", "surrogatepass")
    while data:
        written = posix.write(3, data)
        data = data[written:]


def plan(modules):
    """{part: (is_target, {part: ...})} for the dotted names."""
    tree = {}
    for module in modules:
        level = tree
        parts = module.split(".")
        for i, part in enumerate(parts):
            is_target, below = level.get(part, (False, {}))
            level[part] = (is_target or i == len(parts) - 1, below)
            level = below
    return tree


def main():
    args = sys.argv[1:]
    root, extra, modules = None, [], []
    i = 0
    while i < len(args):
        if args[i] == "--sys-path" and i + 1 < len(args):
            extra.append(args[i + 1])
            i += 2
            continue
        if root is None:
            root = args[i]
        else:
            modules.append(args[i])
        i += 1
    if root is None or not modules:
        sys.stderr.write("usage: fidelity_probe.py ROOT [--sys-path DIR]... MODULE...\n")
        posix._exit(2)
    for folder in extra:
        if folder not in sys.path:
            sys.path.append(folder)
    timeout = int(posix.environ.get(b"FIDELITY_TIMEOUT", b"60"))
    Probe(root.rstrip("/"), timeout).serve(None, plan(modules))
    posix._exit(0)


if __name__ == "__main__":
    main()
