"""Run pip-audit on the lock files and say plainly what was and was not checked.

pip-audit alone reports "No known vulnerabilities found" when its database could
not look a package up (it skips it), and a traceback when the database cannot be
reached. Here both are "NOT checked", exit 3, with the database's address and the
reason; exit 1 lists known vulnerabilities; exit 0 only when every package was
looked up and none is known vulnerable. Run by scripts/audit.sh with the tools
venv's Python (standard library only).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_LOCKS = ["requirements-test.lock", "requirements-tools.lock"]
PYPI_URL = "https://pypi.org/pypi/PACKAGE/VERSION/json"
OSV_URL = "https://api.osv.dev/v1/query"
NOT_CHECKED = 3


def main() -> int:
    parser = argparse.ArgumentParser(prog="scripts/audit.sh", description=__doc__)
    parser.add_argument("--pip-audit", required=True, help=argparse.SUPPRESS)
    parser.add_argument("--service", choices=("pypi", "osv"), default="pypi",
                        help="the vulnerability database: PyPI's JSON API or OSV (default pypi)")
    parser.add_argument("--osv-url", help=f"the OSV query address (default {OSV_URL})")
    parser.add_argument("--timeout", type=int, default=15, help="seconds to wait for an answer")
    parser.add_argument("locks", nargs="*", help=f"lock files (default {' '.join(DEFAULT_LOCKS)})")
    args = parser.parse_args()
    if args.osv_url and args.service != "osv":
        parser.error("--osv-url needs --service osv")
    database = PYPI_URL if args.service == "pypi" else (args.osv_url or OSV_URL)
    locks = [Path(lock) if Path(lock).is_absolute() else ROOT / lock
             for lock in (args.locks or DEFAULT_LOCKS)]

    with tempfile.TemporaryDirectory(prefix="unknot-audit-") as scratch:
        report = Path(scratch) / "report.json"
        command = [args.pip_audit, "--disable-pip", "--progress-spinner", "off",
                   "--format", "json", "--output", str(report),
                   "--vulnerability-service", args.service, "--timeout", str(args.timeout),
                   # A fresh cache: every answer comes from the database now, never from
                   # an earlier run.
                   "--cache-dir", str(Path(scratch) / "cache")]
        if args.osv_url:
            command += ["--osv-url", args.osv_url]
        for lock in locks:
            command += ["--requirement", str(lock)]
        done = subprocess.run(command, capture_output=True, text=True)
        results = json.loads(report.read_text()) if report.exists() and report.stat().st_size else None

    if results is None:
        print(f"audit: could not reach the vulnerability database ({database}): "
              f"{_reason(done.stderr)}: the locked packages were NOT checked", file=sys.stderr)
        return NOT_CHECKED
    dependencies = results.get("dependencies", [])
    vulnerable = [d for d in dependencies if d.get("vulns")]
    skipped = [d for d in dependencies if "skip_reason" in d]
    for dep in vulnerable:
        for vuln in dep["vulns"]:
            fixed = ", ".join(vuln.get("fix_versions") or []) or "no fixed release yet"
            aliases = ", ".join(vuln.get("aliases") or [])
            print(f"{dep['name']} {dep['version']}: {vuln['id']}"
                  f"{f' ({aliases})' if aliases else ''}; fixed in {fixed}")
    if skipped:
        names = ", ".join(f"{d['name']}" for d in skipped[:8]) + (" …" if len(skipped) > 8 else "")
        print(f"audit: the vulnerability database ({database}) could not look up "
              f"{len(skipped)} of {len(dependencies)} locked packages ({names}): those were "
              f"NOT checked. First reason: {skipped[0]['skip_reason']}", file=sys.stderr)
    if vulnerable:
        print(f"audit: {len(vulnerable)} locked packages have known vulnerabilities "
              "(update the pin in pyproject.toml, then scripts/lock.sh)", file=sys.stderr)
        return 1
    if skipped:
        return NOT_CHECKED
    if not dependencies or done.returncode != 0:
        print(f"audit: pip-audit failed ({_reason(done.stderr)}): NOT checked", file=sys.stderr)
        return NOT_CHECKED
    print(f"audit: no known vulnerabilities in the {len(dependencies)} locked packages "
          f"(database: {database})")
    return 0


def _reason(stderr: str) -> str:
    """The cause in a few words, from the last error pip-audit printed."""
    for pattern in (r"\[Errno -?\d+\] ([^'\")\n]+)", r"(Read timed out|timed out)",
                    r"(Unable to connect to proxy)", r"(\d{3} (?:Client|Server) Error: [^:]+?) for url",
                    r"(Could not connect to [^\n]+)"):
        found = re.search(pattern, stderr)
        if found:
            return found.group(1).strip()
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    return lines[-1][:200] if lines else "no answer"


if __name__ == "__main__":
    sys.exit(main())
