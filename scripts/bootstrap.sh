#!/usr/bin/env bash
# Make .venv with unknot installed (and the test tools with `--test`), only when needed.
# Sourced by ./run and ./test so both work on a fresh machine with nothing but Python 3.11.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.venv"
want="main"
[ "${1:-}" = "--test" ] && want="test"

# Reinstall when pyproject.toml changed since the last install (pins are the source of truth).
stamp="$venv/.installed-$want"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --upgrade pip >&2
fi
if [ ! -f "$stamp" ] || [ "$root/pyproject.toml" -nt "$stamp" ]; then
    echo "Installing unknot into .venv (first run only)…" >&2
    if [ "$want" = "test" ]; then
        "$venv/bin/pip" install --quiet -e "$root[test]" >&2
    else
        "$venv/bin/pip" install --quiet -e "$root" >&2
    fi
    touch "$stamp"
fi
