#!/usr/bin/env bash
# Make .venv with unknot installed (and the test tools with `--test`), only when needed.
# Sourced by ./run and ./test so both work on a fresh machine with nothing but Python 3.11.
#
# Everything comes from a lock file (requirements.lock, or requirements-test.lock with
# `--test`): each package at one exact version, each file checked against its sha256
# (`--require-hashes`, wheels only, so nothing is built from an unchecked source), then
# unknot itself without dependencies (`--no-deps`, built with the locked setuptools).
# After a pin changes in pyproject.toml, scripts/lock.sh rewrites the lock files.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.venv"
want="main"
lock="$root/requirements.lock"
if [ "${1:-}" = "--test" ]; then
    want="test"
    lock="$root/requirements-test.lock"
fi

# Reinstall when the lock or pyproject.toml changed since the last install.
stamp="$venv/.installed-$want"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
if [ ! -f "$stamp" ] || [ "$lock" -nt "$stamp" ] || [ "$root/pyproject.toml" -nt "$stamp" ]; then
    echo "Installing unknot into .venv from ${lock##*/} (first run only)…" >&2
    "$venv/bin/pip" install --quiet --disable-pip-version-check --require-hashes \
        --only-binary :all: -r "$lock" >&2
    "$venv/bin/pip" install --quiet --disable-pip-version-check --no-deps \
        --no-build-isolation -e "$root" >&2
    # A pin added to pyproject.toml but not to the lock shows here (for unknot's own
    # requirements; the extras are checked by tests/test_supply_chain.py).
    if ! problems="$("$venv/bin/pip" check 2>&1)"; then
        echo "$problems" >&2
        if grep -q "^unknot " <<<"$problems"; then
            echo "The lock files miss a dependency of pyproject.toml: run scripts/lock.sh" >&2
            exit 1
        fi
    fi
    touch "$stamp"
fi
