#!/usr/bin/env bash
# Sourced by scripts/lock.sh and scripts/audit.sh: a throwaway venv (not .venv) with uv
# and pip-audit installed from requirements-tools.lock, every file checked against its
# hash. Made once and reused while that lock is unchanged. `install_tools` returns
# non-zero when it cannot (e.g. no network); then $tools_bin is not to be used.
# UNKNOT_TOOLS_DIR chooses where (default: /tmp/unknot-tools-USER).

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools_lock="$root/requirements-tools.lock"
tools_dir="${UNKNOT_TOOLS_DIR:-${TMPDIR:-/tmp}/unknot-tools-$(id -un)}"
tools_bin="$tools_dir/bin"

install_tools() {
    # Explicit `|| return 1` throughout: callers test this function with `if`, where
    # `set -e` does not apply.
    local want status=0
    want="$(sha256sum "$tools_lock" | cut -d' ' -f1)" || return 1
    mkdir -p "$(dirname "$tools_dir")" || return 1
    # One installer at a time (tests may run the scripts from two processes at once).
    exec 9>"$tools_dir.lock" || return 1
    flock 9 || return 1
    if [ "$(cat "$tools_dir/.lock-sha256" 2>/dev/null)" != "$want" ]; then
        rm -rf "$tools_dir"
        # pip's output is shown only when it fails.
        { python3 -m venv "$tools_dir" &&
          "$tools_bin/pip" install --quiet --disable-pip-version-check --require-hashes \
              --only-binary :all: -r "$tools_lock" > "$tools_dir.log" 2>&1 &&
          echo "$want" > "$tools_dir/.lock-sha256"; } || { status=1; cat "$tools_dir.log" >&2; }
    fi
    exec 9>&-
    return $status
}
