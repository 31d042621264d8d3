"""Put on PYTHONPATH by test/script_servers.test.ts: every Python process started with it (the
spawned ones too, which inherit the environment) writes "<pid> <module>" to $IMPORT_LOG when it
first looks for one of the modules named in $IMPORT_WATCH (comma-separated). It changes nothing else."""
import os
import sys

_LOG = os.environ.get("IMPORT_LOG")
_WATCH = set(os.environ.get("IMPORT_WATCH", "").split(","))


class _ImportLog:
    @staticmethod
    def find_spec(name, path=None, target=None):
        if name in _WATCH:
            with open(_LOG, "a") as log:
                log.write(f"{os.getpid()} {name}\n")
        return None


if _LOG:
    sys.meta_path.insert(0, _ImportLog)
