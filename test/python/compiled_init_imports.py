#!/usr/bin/env python3
"""What each compiled standard-library module imports as it initialises, per CPython.

Usage:
    python compiled_init_imports.py

Runs under the interpreter being asked. For every compiled module of its standard library (the
built-in ones, `sys.builtin_module_names`, and the extension modules of `lib-dynload`), starts a
fresh `python -I -S -X importtime -c "import NAME"` and reads, from the import-time tree it prints
on stderr, the modules imported directly while NAME initialises (its children in that tree).
Prints ONE JSON object on stdout:

    {"version": "3.11", "imports": {NAME: [module, ...]}, "missing": [NAME, ...]}

`imports` lists only modules with at least one import; `missing` the compiled modules this build
does not have. Modules the interpreter loads at start-up (`abc`, `codecs`, `io`, ...) are already
in sys.modules and never show: they are not listed. Standard library only.
"""

import importlib.machinery
import json
import os
import subprocess
import sys
import sysconfig


def compiled_modules():
    names = set(sys.builtin_module_names)
    dynload = os.path.join(sysconfig.get_paths()["platstdlib"], "lib-dynload")
    if os.path.isdir(dynload):
        for entry in os.listdir(dynload):
            for suffix in importlib.machinery.EXTENSION_SUFFIXES:
                if entry.endswith(suffix):
                    names.add(entry[: -len(suffix)])
                    break
    # Test helpers of CPython's own test suite, not modules any program imports.
    return sorted(n for n in names if not n.startswith(("_test", "_xx", "xx", "_ctypes_test")) and n != "__main__")


def direct_imports(name):
    """The children of `name` in the import-time tree, or None when the import fails."""
    run = subprocess.run(
        [sys.executable, "-I", "-S", "-X", "importtime", "-c", "import " + name],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
    )
    if run.returncode != 0:
        return None
    # Children come before their parent, one level deeper (two more spaces).
    pending = {}
    for line in run.stderr.splitlines():
        if not line.startswith("import time:") or "imported package" in line:
            continue
        column = line.split("|", 2)[2]
        module = column.strip()
        level = (len(column) - len(column.lstrip(" ")) - 1) // 2
        children = pending.pop(level + 1, [])
        for deeper in [k for k in pending if k > level + 1]:
            del pending[deeper]
        if level == 0 and module == name:
            return sorted(children)
        pending.setdefault(level, []).append(module)
    # Already loaded at start-up: it imported nothing now.
    return []


def main():
    imports = {}
    missing = []
    for name in compiled_modules():
        found = direct_imports(name)
        if found is None:
            missing.append(name)
        elif found:
            imports[name] = found
    json.dump({"version": "%d.%d" % sys.version_info[:2], "imports": imports, "missing": missing}, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
