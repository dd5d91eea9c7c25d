#!/usr/bin/env bash
# Write the lock files from pyproject.toml's pins: every package (and its dependencies)
# at one exact version with the sha256 of each of its files, so that
# scripts/bootstrap.sh installs exactly what was tested (`pip --require-hashes`).
#   requirements-test.lock   unknot's dependencies, the test tools, and what builds unknot
#                            (setuptools, wheel) and pip itself
#   requirements.lock        the same without the test tools (same versions)
#   requirements-tools.lock  uv and pip-audit (scripts/tools.in), for this script and audit.sh
# Run it after changing a pin in pyproject.toml (tests/test_supply_chain.py fails until
# the locks agree). Versions already locked are kept; `scripts/lock.sh --upgrade` moves
# every unpinned dependency to its newest release. Needs PyPI.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/tools.sh

upgrade=()
[ "${1:-}" = "--upgrade" ] && upgrade=(--upgrade)

if [ -f requirements-tools.lock ]; then
    install_tools || { echo "lock.sh: could not install uv from PyPI" >&2; exit 1; }
    uv="$tools_bin/uv"
else  # the very first run: uv from its pin alone, then the tools are locked too
    python3 -m venv "$tools_dir.first"
    "$tools_dir.first/bin/pip" install --quiet "$(grep '^uv==' scripts/tools.in)" >&2
    uv="$tools_dir.first/bin/uv"
fi

# What builds unknot (pyproject's build-system) and pip, locked with the rest.
mkdir -p .cache/lock
python3 - > .cache/lock/build.in <<'PY'
import tomllib
with open("pyproject.toml", "rb") as f:
    print("\n".join(tomllib.load(f)["build-system"]["requires"] + ["pip"]))
PY
compile=("$uv" pip compile --quiet --generate-hashes --universal --python-version 3.11
         --index-url https://pypi.org/simple --custom-compile-command scripts/lock.sh
         "${upgrade[@]}")
"${compile[@]}" pyproject.toml .cache/lock/build.in --extra test -o requirements-test.lock
"${compile[@]}" pyproject.toml .cache/lock/build.in -c requirements-test.lock -o requirements.lock
"${compile[@]}" scripts/tools.in -o requirements-tools.lock
echo "Wrote requirements.lock, requirements-test.lock and requirements-tools.lock" >&2
