#!/usr/bin/env bash
# Install what the browser tests need, only when missing (safe to run again):
# Debian's Chromium at /usr/bin/chromium (Playwright drives it; it cannot download
# its own browser here) and axe-core from npm into .cache/npm (gitignored), which
# the tests inject into each page for the accessibility check.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if [ ! -x /usr/bin/chromium ]; then
    echo "Installing Chromium (Debian package)…" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
fi

axe="$root/.cache/npm/node_modules/axe-core/axe.min.js"
if [ ! -f "$axe" ]; then
    if ! command -v npm >/dev/null 2>&1; then
        echo "Installing npm (Debian package)…" >&2
        apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >&2
    fi
    echo "Installing axe-core from npm into .cache/npm…" >&2
    mkdir -p "$root/.cache/npm"
    npm install --no-save --no-audit --no-fund --silent --prefix "$root/.cache/npm" axe-core@4.14.1 >&2
fi
