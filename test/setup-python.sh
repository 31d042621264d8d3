#!/usr/bin/env bash
# Creates or refreshes the Python venvs the CPython-backed tests use, from the package index pip
# is configured for. Each install is skipped while its requirements file is unchanged (a stamp with
# the file's sha256 sits in the venv).
#   .venv-test/        test/python/requirements.txt             (Flask: probe.py on fixtures/)
#   .venv-frameworks/  test/python/requirements-frameworks.txt  (--no-deps: a complete pinned set)
#   .venv-deploy/      test/python/requirements-deploy.txt      (gunicorn, uvicorn, debugpy, watchdog)
#   .venv-packaging/   test/python/requirements-packaging.txt   (setuptools, poetry-core: what pip installs)
# .venv-fidelity/ is made by `npm run fidelity` itself (src/fidelity/trees.ts).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-python3}"

setup_venv() {
  local name="$1" file="$2" reqs="$ROOT/$2"
  shift 2
  local venv="$ROOT/$name" stamp="$ROOT/$name/.requirements.sha256" want created=""
  want="$(sha256sum "$reqs" | cut -d' ' -f1)"
  if [ ! -x "$venv/bin/python" ]; then
    "$PYTHON" -m venv "$venv"
    created="created $name, "
  fi
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    echo "setup-python: ${created}requirements up to date ($name)"
    return 0
  fi
  if ! "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --retries 1 "$@" -r "$reqs" >"$venv/.pip-install.log" 2>&1; then
    cat "$venv/.pip-install.log" >&2
    echo "setup-python: pip install -r $file into $name failed" >&2
    return 1
  fi
  printf '%s\n' "$want" >"$stamp"
  echo "setup-python: ${created}installed $file into $name"
}

setup_venv .venv-test test/python/requirements.txt
setup_venv .venv-frameworks test/python/requirements-frameworks.txt --no-deps
setup_venv .venv-deploy test/python/requirements-deploy.txt
setup_venv .venv-packaging test/python/requirements-packaging.txt
