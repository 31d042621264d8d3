#!/usr/bin/env bash
# Create/refresh the Python venv used by the CPython-backed tests.
# The venv lives at <project root>/.venv-test; the install is skipped when
# .venv-test/.requirements.sha256 matches test/python/requirements.txt.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv-test"
REQS="$ROOT/test/python/requirements.txt"
STAMP="$VENV/.requirements.sha256"
PYTHON="${PYTHON:-python3}"

want="$(sha256sum "$REQS" | cut -d' ' -f1)"

created=""
if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
  created="created .venv-test, "
fi

if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ]; then
  echo "setup-python: ${created}requirements up to date (.venv-test)"
  exit 0
fi

if ! "$VENV/bin/python" -m pip install --quiet --retries 1 -r "$REQS" >"$VENV/.pip-install.log" 2>&1; then
  cat "$VENV/.pip-install.log" >&2
  echo "setup-python: pip install -r test/python/requirements.txt failed" >&2
  exit 1
fi
printf '%s\n' "$want" >"$STAMP"
echo "setup-python: ${created}installed test/python/requirements.txt into .venv-test"
