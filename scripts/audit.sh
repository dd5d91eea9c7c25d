#!/usr/bin/env bash
# Check every locked package (requirements-test.lock, which holds all of
# requirements.lock, and requirements-tools.lock) against a vulnerability database
# with pip-audit, installed from its own hashed lock into a throwaway venv.
#   scripts/audit.sh [--service pypi|osv] [--osv-url URL] [--timeout S] [LOCK ...]
# Exit 0: every package checked and none has a known vulnerability. Exit 1: some do
# (listed, with the versions that fix them). Exit 3: NOT checked — pip-audit could
# not be installed, the database could not be reached, or it could not look a package
# up; it says which, and never reports "clean" for what it did not check.
# Not part of ./test (it needs the database's network); tests/test_supply_chain.py runs
# it against an address that does not answer to prove it says so.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/tools.sh"

if ! install_tools; then
    echo "audit: could not install pip-audit from requirements-tools.lock (is PyPI" \
         "reachable?): the locked packages were NOT checked" >&2
    exit 3
fi
exec "$tools_bin/python" "$root/scripts/audit.py" --pip-audit "$tools_bin/pip-audit" "$@"
