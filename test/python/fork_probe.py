"""Asks CPython what a fork does to objects a module created at import.

Usage: fork_probe.py ROOT MODULE ATTR [ATTR ...]

Imports MODULE with ROOT first on sys.path (what a server does before it forks, under gunicorn
preload_app or Celery prefork), then forks once, the way gunicorn forks a worker. For each
`module.attr` named, it reports what the object is in the parent and what it is in the child:
- a threading.Thread: alive in the parent, alive in the child;
- a concurrent.futures executor: threads it holds in the parent, whether the child can run work on it;
- a file object: whether the child's write moves the parent's file offset (one open file, shared).
Prints one JSON object. Never used by the analyzer, only by tests.
"""
import importlib
import json
import os
import sys
import threading


def resolve(dotted):
    module_name, _, attr = dotted.rpartition(".")
    return getattr(importlib.import_module(module_name), attr)


def describe_parent(obj):
    if isinstance(obj, threading.Thread):
        return {"kind": "thread", "alive": obj.is_alive()}
    if hasattr(obj, "submit") and hasattr(obj, "_threads"):
        return {"kind": "executor", "threads": len(obj._threads)}
    if hasattr(obj, "fileno") and hasattr(obj, "write"):
        return {"kind": "file", "offset": os.lseek(obj.fileno(), 0, os.SEEK_CUR)}
    return {"kind": type(obj).__name__}


def describe_child(obj):
    if isinstance(obj, threading.Thread):
        return {"alive": obj.is_alive()}
    if hasattr(obj, "submit") and hasattr(obj, "_threads"):
        try:
            works = obj.submit(lambda: 42).result(timeout=5) == 42
        except Exception as error:  # noqa: BLE001 - reported, not hidden
            return {"works": False, "error": repr(error)}
        return {"works": works, "threads": len(obj._threads)}
    if hasattr(obj, "fileno") and hasattr(obj, "write"):
        obj.write(b"written by the child\n")
        obj.flush()
        return {"wrote": 21}
    return {}


def main():
    root, module, *attrs = sys.argv[1:]
    sys.path.insert(0, root)
    importlib.import_module(module)
    objects = {name: resolve(name) for name in attrs}
    report = {"parent": {name: describe_parent(obj) for name, obj in objects.items()}}
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        child = {name: describe_child(obj) for name, obj in objects.items()}
        os.write(write_end, json.dumps(child).encode())
        os.close(write_end)
        os._exit(0)
    os.close(write_end)
    chunks = []
    while True:
        chunk = os.read(read_end, 65536)
        if not chunk:
            break
        chunks.append(chunk)
    os.waitpid(pid, 0)
    report["child"] = json.loads(b"".join(chunks) or b"{}")
    # A file the child wrote to: did the parent's offset move with it?
    for name, obj in objects.items():
        if report["parent"][name]["kind"] == "file":
            report["parent"][name]["offset_after_child"] = os.lseek(obj.fileno(), 0, os.SEEK_CUR)
    print(json.dumps(report))


if __name__ == "__main__":
    main()
