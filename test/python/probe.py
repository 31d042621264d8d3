#!/usr/bin/env python3
"""Ask CPython what importing a module really does.

Usage:
    python probe.py ROOT MODULE [MODULE...] [--attr MODULE:NAME ...] [--timeout SECONDS]

Imports each MODULE, in order, in this very process (callers run one fresh
interpreter per call) with ROOT first on sys.path, and prints ONE JSON object
on stdout describing what happened:

    python           platform.python_version()
    imported         {MODULE: {"ok": bool, "error": "ExcType: message" | null,
                               "loaded": [module names newly loaded under ROOT by this import],
                               "threads_started": [names of threads this import left running]}}
    loaded           {module name: path relative to ROOT ('/' separators), or
                      null for namespace packages} for every module that is
                      newly in sys.modules and lives under ROOT
    threads_started  [{"name": str, "target": "module.qualname" | null}] for
                     threads alive at the end that were not alive at the start
    attrs            {"MODULE:NAME": {"exists": bool, "type": "mod.Qualname" | null,
                                      ["max_workers": int]}}  (NAME may be dotted;
                     MODULE is looked up in sys.modules, never imported by --attr)
    instances        counts from gc.get_objects() after the imports; each object
                     is counted once, under the most specific listed type it is an
                     instance of (user subclasses included, a ThreadPool is not
                     also a Pool); "threading.Thread" counts Thread objects other than
                     the main thread that have not finished (alive or not yet started)

Anything the imported code writes to stdout (Python-level or straight to fd 1)
goes to stderr instead. An import that raises (including SystemExit, or a
TimeoutError when it blocks for longer than --timeout, default 30 s) is reported
as ok=false and the probe carries on. Exit status is 0 unless the arguments are
wrong (2). The process ends with os._exit(0) so that non-daemon threads started
by the imported code cannot keep it alive.

Standard library only.
"""

import contextlib
import gc
import importlib
import json
import os
import platform
import signal
import sys
import threading

USAGE = "usage: probe.py ROOT MODULE [MODULE...] [--attr MODULE:NAME ...] [--timeout SECONDS]"

# type name -> (module that defines it, attribute path inside that module)
INSTANCE_TYPES = [
    ("concurrent.futures.thread.ThreadPoolExecutor", "concurrent.futures.thread", "ThreadPoolExecutor"),
    ("concurrent.futures.process.ProcessPoolExecutor", "concurrent.futures.process", "ProcessPoolExecutor"),
    ("multiprocessing.pool.Pool", "multiprocessing.pool", "Pool"),
    ("multiprocessing.pool.ThreadPool", "multiprocessing.pool", "ThreadPool"),
]


def usage_error(message):
    sys.stderr.write("probe.py: %s\n%s\n" % (message, USAGE))
    sys.stderr.flush()
    sys.exit(2)


def parse_args(argv):
    positionals, attrs, timeout = [], [], 30.0
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in ("-h", "--help"):
            sys.stderr.write(__doc__)
            sys.exit(2)
        if arg.startswith("--attr="):
            attrs.append(arg[len("--attr="):])
        elif arg == "--attr":
            i += 1
            taken = 0
            while i < len(argv) and not argv[i].startswith("--") and ":" in argv[i]:
                attrs.append(argv[i])
                taken += 1
                i += 1
            if taken == 0:
                usage_error("--attr needs at least one MODULE:NAME")
            continue
        elif arg == "--timeout" or arg.startswith("--timeout="):
            if arg == "--timeout":
                i += 1
                if i >= len(argv):
                    usage_error("--timeout needs a value")
                value = argv[i]
            else:
                value = arg[len("--timeout="):]
            try:
                timeout = float(value)
            except ValueError:
                usage_error("bad --timeout value: %r" % value)
            if timeout < 0:
                usage_error("bad --timeout value: %r" % value)
        elif arg == "--":
            positionals.extend(argv[i + 1:])
            break
        elif arg.startswith("--"):
            usage_error("unknown option: %s" % arg)
        else:
            positionals.append(arg)
        i += 1
    if len(positionals) < 2:
        usage_error("need ROOT and at least one MODULE")
    root, modules = positionals[0], positionals[1:]
    if not os.path.isdir(root):
        usage_error("ROOT is not a directory: %s" % root)
    for spec in attrs:
        mod, _, name = spec.partition(":")
        if not mod or not name:
            usage_error("bad --attr (want MODULE:NAME): %s" % spec)
    return root, modules, attrs, timeout


def qualified_name(obj):
    """'module.qualname' for a callable, or None."""
    if obj is None:
        return None
    func = getattr(obj, "func", None)  # functools.partial
    if func is not None and not hasattr(obj, "__qualname__"):
        obj = func
    module = getattr(obj, "__module__", None)
    qualname = getattr(obj, "__qualname__", None) or getattr(obj, "__name__", None)
    if not qualname:
        return None
    return "%s.%s" % (module, qualname) if module else qualname


def type_name(obj):
    t = type(obj)
    return "%s.%s" % (t.__module__, t.__qualname__)


def is_under(path, root):
    try:
        return os.path.commonpath([path, root]) == root
    except ValueError:  # different drives
        return False


def module_location(module, root):
    """(True, relpath-or-None) if the module lives under root, else (False, None)."""
    filename = getattr(module, "__file__", None)
    if isinstance(filename, str):
        real = os.path.realpath(filename)
        if is_under(real, root):
            return True, os.path.relpath(real, root).replace(os.sep, "/")
        return False, None
    # namespace package: no __file__, but a __path__ under root
    paths = getattr(module, "__path__", None)
    try:
        paths = list(paths) if paths is not None else []
    except Exception:
        paths = []
    for entry in paths:
        if isinstance(entry, str) and is_under(os.path.realpath(entry), root):
            return True, None
    return False, None


def new_modules_under_root(before, root):
    found = {}
    for name, module in list(sys.modules.items()):
        if name in before or module is None:
            continue
        under, rel = module_location(module, root)
        if under:
            found[name] = rel
    return found


def format_error(exc):
    return "%s: %s" % (type(exc).__name__, exc)


class ImportTimeout(BaseException):
    pass


def import_with_timeout(name, timeout):
    use_alarm = timeout > 0 and hasattr(signal, "SIGALRM") and threading.current_thread() is threading.main_thread()
    if not use_alarm:
        importlib.import_module(name)
        return

    def on_alarm(signum, frame):
        raise ImportTimeout()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        importlib.import_module(name)
    except ImportTimeout:
        raise TimeoutError("import of %s did not finish within %g s" % (name, timeout))
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def resolve_attr(spec):
    mod_name, _, dotted = spec.partition(":")
    result = {"exists": False, "type": None}
    module = sys.modules.get(mod_name)
    if module is None:
        return result
    obj = module
    for part in dotted.split("."):
        try:
            obj = getattr(obj, part)
        except Exception:
            return result
    result["exists"] = True
    result["type"] = type_name(obj)
    try:
        if hasattr(obj, "_max_workers"):
            result["max_workers"] = obj._max_workers
    except Exception:
        pass
    return result


def count_instances():
    gc.collect()
    classes = []
    for key, mod_name, attr in INSTANCE_TYPES:
        module = sys.modules.get(mod_name)  # not loaded => no instance can exist
        cls = getattr(module, attr, None) if module is not None else None
        classes.append((key, cls if isinstance(cls, type) else None))
    counts = {key: 0 for key, _, _ in INSTANCE_TYPES}
    counts["threading.Thread"] = 0
    main = threading.main_thread()
    classes = [(key, cls) for key, cls in classes if cls is not None]
    for obj in gc.get_objects():
        matches = [(key, cls) for key, cls in classes if isinstance(obj, cls)]
        # count each object once, under the most specific listed type
        # (a ThreadPool is not also counted as a Pool)
        for key, cls in matches:
            if not any(other is not cls and issubclass(other, cls) for _, other in matches):
                counts[key] += 1
        if isinstance(obj, threading.Thread) and obj is not main:
            finished = getattr(obj, "_started", None) is not None and obj._started.is_set() and not obj.is_alive()
            if not finished:
                counts["threading.Thread"] += 1
    return counts


def main(argv):
    root, modules, attr_specs, timeout = parse_args(argv)
    root = os.path.realpath(root)

    # Do not let the probe's own directory shadow anything.
    script_dir = os.path.realpath(os.path.dirname(os.path.abspath(__file__)))
    sys.path[:] = [p for p in sys.path if os.path.realpath(p or os.getcwd()) != script_dir]

    # Keep a private handle on the real stdout; point fd 1 at stderr for good.
    sys.stdout.flush()
    out_fd = os.dup(1)
    os.dup2(2, 1)

    start_modules = set(sys.modules)
    start_threads = set(threading.enumerate())

    imported = {}
    with contextlib.redirect_stdout(sys.stderr):
        for name in modules:
            if not sys.path or sys.path[0] != root:
                sys.path.insert(0, root)
            importlib.invalidate_caches()
            before = set(sys.modules)
            threads_before = set(threading.enumerate())
            entry = {"ok": True, "error": None}
            try:
                import_with_timeout(name, timeout)
            except BaseException as exc:  # SystemExit, KeyboardInterrupt, timeouts too
                entry = {"ok": False, "error": format_error(exc)}
            entry["loaded"] = sorted(new_modules_under_root(before, root))
            entry["threads_started"] = [
                t.name for t in threading.enumerate() if t not in threads_before and t.is_alive()
            ]
            imported[name] = entry
        try:
            sys.stdout.flush()
        except Exception:
            pass

    loaded = dict(sorted(new_modules_under_root(start_modules, root).items()))

    threads_started = []
    for t in threading.enumerate():
        if t in start_threads or not t.is_alive():
            continue
        threads_started.append({"name": t.name, "target": qualified_name(getattr(t, "_target", None))})

    report = {
        "python": platform.python_version(),
        "imported": imported,
        "loaded": loaded,
        "threads_started": threads_started,
        "attrs": {spec: resolve_attr(spec) for spec in attr_specs},
        "instances": count_instances(),
    }
    data = (json.dumps(report, indent=2, default=str) + "\n").encode("utf-8")
    while data:
        written = os.write(out_fd, data)
        data = data[written:]
    try:
        sys.stderr.flush()
    except Exception:
        pass
    os._exit(0)


if __name__ == "__main__":
    main(sys.argv[1:])
