#!/usr/bin/env python3
"""Ask CPython which side effects importing a module really has.

Usage:
    python audit_probe.py ROOT MODULE [MODULE...]

Imports each MODULE (ROOT first on sys.path) under a sys.addaudithook hook and prints ONE JSON
object: {"python": "3.11.7", "imported": {MODULE: "ok" | "ExcType: message"},
"events": [{"event": "open" | "subprocess" | "socket.connect" | "thread.start",
            "path": "pkg/mod.py", "line": 12, "detail": "..."}]}

Each event is attributed to the innermost frame of a file under ROOT that caused it; events raised
by the import system itself (reading the module's own source) are left out. Thread starts are
audit events from Python 3.12 on (`_thread.start_new_thread`, `_thread.start_joinable_thread`
from 3.13); before that this probe wraps threading's low-level start function instead.
The process ends with os._exit(0) so that threads started by the imported code cannot keep it alive.
"""

import importlib
import json
import os
import platform
import sys
import threading

EVENTS = {
    "open": "open",
    "subprocess.Popen": "subprocess",
    "os.system": "subprocess",
    "os.posix_spawn": "subprocess",
    "os.exec": "subprocess",
    "socket.connect": "socket.connect",
    "_thread.start_new_thread": "thread.start",
    "_thread.start_joinable_thread": "thread.start",
}


def main(argv):
    if len(argv) < 2 or not os.path.isdir(argv[0]):
        sys.stderr.write(__doc__)
        return 2
    root = os.path.realpath(argv[0])
    modules = argv[1:]
    sys.path.insert(0, root)
    script_dir = os.path.dirname(os.path.realpath(__file__))
    sys.path[:] = [p for p in sys.path if os.path.realpath(p or ".") != script_dir or p == root]
    events = []
    recording = [False]

    def origin():
        """(path, line) of the innermost frame under ROOT, or None if the import system is in between."""
        frame = sys._getframe(2)
        while frame is not None:
            filename = frame.f_code.co_filename
            if filename.startswith("<frozen importlib"):
                return None
            real = os.path.realpath(filename)
            if real.startswith(root + os.sep):
                return os.path.relpath(real, root).replace(os.sep, "/"), frame.f_lineno
            frame = frame.f_back
        return None

    def record(kind, detail):
        where = origin()
        if where is not None:
            events.append({"event": kind, "path": where[0], "line": where[1], "detail": detail})

    def hook(event, args):
        if not recording[0]:
            return
        kind = EVENTS.get(event)
        if kind is None:
            return
        recording[0] = False  # the hook must not see what it does itself
        try:
            if kind == "open" and isinstance(args[0], int):
                return
            record(kind, repr(args[0])[:120] if args else "")
        finally:
            recording[0] = True

    if sys.version_info < (3, 12):
        # No thread audit events before 3.12: wrap the function threading starts threads with.
        original = threading._start_new_thread

        def start_new_thread(function, args, kwargs={}):
            if recording[0]:
                recording[0] = False
                try:
                    record("thread.start", getattr(getattr(function, "__self__", None), "name", ""))
                finally:
                    recording[0] = True
            return original(function, args, kwargs)

        threading._start_new_thread = start_new_thread

    sys.addaudithook(hook)
    imported = {}
    real_stdout = os.dup(1)
    os.dup2(2, 1)  # whatever the imported code prints goes to stderr
    for name in modules:
        recording[0] = True
        try:
            importlib.import_module(name)
            imported[name] = "ok"
        except BaseException as exc:  # noqa: BLE001 - a module may raise anything, SystemExit included
            imported[name] = "%s: %s" % (type(exc).__name__, exc)
        finally:
            recording[0] = False
    os.dup2(real_stdout, 1)
    sys.stdout = os.fdopen(1, "w", closefd=False)
    print(json.dumps({"python": platform.python_version(), "imported": imported, "events": events}))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    code = main(sys.argv[1:])
    os._exit(code)
