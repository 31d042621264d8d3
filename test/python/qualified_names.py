"""Says whether each qualified name exists, as CPython finds it: imports the longest module prefix
that is a module, then looks the rest up as attributes. Reads a JSON list of names on stdin and
prints a JSON object: name -> "ok", "missing: <attribute> in <where>", or "not installed: <module>"
(the package, or a module it needs to import, is not in this interpreter). Only tests run this."""

import importlib
import json
import sys


def status(name: str) -> str:
    parts = name.split(".")
    for i in range(len(parts), 0, -1):
        prefix = ".".join(parts[:i])
        try:
            found = importlib.import_module(prefix)
        except ModuleNotFoundError as error:
            # `redis.Redis` is no module: an attribute of a shorter prefix. Any other name is missing.
            if error.name != parts[0] and (error.name or "").startswith(f"{parts[0]}."):
                continue
            return f"not installed: {error.name}"
        except ImportError as error:
            # A dependency refused in words (APScheduler's QtScheduler without Qt).
            return f"not installed: what {prefix} needs"
        for j in range(i, len(parts)):
            if not hasattr(found, parts[j]):
                return f"missing: {parts[j]} in {'.'.join(parts[:j])}"
            found = getattr(found, parts[j])
        return "ok"
    return f"not installed: {parts[0]}"


json.dump({name: status(name) for name in json.load(sys.stdin)}, sys.stdout, indent=1, sort_keys=True)
