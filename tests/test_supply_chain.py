"""Supply chain: the lock files agree with pyproject.toml's pins, and the audit never
reports "clean" for what it could not check.

scripts/bootstrap.sh installs from the lock files with `--require-hashes`, so a pin
changed in pyproject.toml without `scripts/lock.sh` would install the old version
(or miss a new package): the first test catches that. scripts/audit.sh is not part
of ./test's pass or fail (its database may be out of reach); these tests run it for
real against an address where nothing answers, and against a small stand-in of the
OSV query API served here, to show each of its three answers.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import threading
import tomllib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from test_serve import free_port

ROOT = Path(__file__).resolve().parent.parent
RUNTIME_LOCK = ROOT / "requirements.lock"
TEST_LOCK = ROOT / "requirements-test.lock"
TOOLS_LOCK = ROOT / "requirements-tools.lock"
AUDIT = ROOT / "scripts" / "audit.sh"
# The first install of pip-audit into its throwaway venv comes from PyPI.
AUDIT_TIMEOUT = 300
FIX_LOCKS = "run scripts/lock.sh to rewrite the lock files from pyproject.toml"

_ENTRY = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+?)(?: ;.*?)?\s*\\?$")
_HASH = re.compile(r"--hash=sha256:([0-9a-f]{64})")


def read_lock(path: Path) -> dict[str, tuple[str, list[str]]]:
    """Each locked package: its exact version and the sha256 of its files."""
    locked: dict[str, tuple[str, list[str]]] = {}
    current: str | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = _ENTRY.match(line)
        if entry:
            current = canonicalize_name(entry.group(1))
            locked[current] = (entry.group(2), [])
        elif current and (found := _HASH.search(line)):
            locked[current][1].append(found.group(1))
        elif not line.startswith(" "):
            current = None
    return locked


def pyproject() -> dict:
    with (ROOT / "pyproject.toml").open("rb") as f:
        return tomllib.load(f)


def pins(requirements: list[str]) -> dict[str, str]:
    """name → exact version of each `name==version` (every dependency is pinned)."""
    pinned = {}
    for text in requirements:
        requirement = Requirement(text)
        (spec,) = requirement.specifier  # one exact pin, nothing looser
        assert spec.operator == "==", f"pyproject.toml: {text!r} is not pinned to one version"
        pinned[canonicalize_name(requirement.name)] = spec.version
    return pinned


def test_every_pin_in_pyproject_is_locked_at_that_version_with_its_hashes() -> None:
    project = pyproject()["project"]
    runtime = pins(project["dependencies"])
    test_only = pins(project["optional-dependencies"]["test"])
    for lock, wanted in ((RUNTIME_LOCK, runtime), (TEST_LOCK, runtime | test_only)):
        locked = read_lock(lock)
        for name, version in wanted.items():
            assert name in locked, f"{lock.name} lacks {name}=={version}: {FIX_LOCKS}"
            assert locked[name][0] == version, (
                f"pyproject.toml pins {name}=={version}, {lock.name} has {locked[name][0]}: "
                f"{FIX_LOCKS}")
            assert locked[name][1], f"{lock.name}: {name} has no hash"


def test_every_locked_package_has_a_hash_and_both_locks_agree() -> None:
    runtime, test = read_lock(RUNTIME_LOCK), read_lock(TEST_LOCK)
    assert len(runtime) > 20 and len(test) > len(runtime)
    for lock, locked in ((RUNTIME_LOCK, runtime), (TEST_LOCK, test), (TOOLS_LOCK, read_lock(TOOLS_LOCK))):
        unhashed = sorted(name for name, (_, hashes) in locked.items() if not hashes)
        assert not unhashed, f"{lock.name}: no hash for {unhashed}"
    # One set of versions: `./run` after `./test` keeps what the tests ran with.
    differ = {name: (version, test[name][0]) for name, (version, _) in runtime.items()
              if name not in test or test[name][0] != version}
    assert not differ, f"requirements.lock and requirements-test.lock differ: {differ}: {FIX_LOCKS}"


def test_what_builds_unknot_is_locked_too() -> None:
    # bootstrap.sh builds unknot with --no-build-isolation from the locked setuptools, so
    # nothing is fetched unchecked for the build either.
    locked = read_lock(RUNTIME_LOCK)
    for text in pyproject()["build-system"]["requires"]:
        requirement = Requirement(text)
        name = canonicalize_name(requirement.name)
        assert name in locked, f"requirements.lock lacks the build requirement {text}: {FIX_LOCKS}"
        assert requirement.specifier.contains(locked[name][0]), (
            f"requirements.lock has {name}=={locked[name][0]}, pyproject's build needs {text}")
    assert "pip" in locked


# -- the audit --------------------------------------------------------------------------

def run_audit(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", str(AUDIT), "--timeout", "5", *args],
                          env={**os.environ, **(env or {})}, capture_output=True, text=True,
                          timeout=AUDIT_TIMEOUT)


def test_the_audit_says_not_checked_when_its_database_cannot_be_reached() -> None:
    nowhere = f"http://127.0.0.1:{free_port()}/v1/query"  # a free port: nothing listens
    done = run_audit("--service", "osv", "--osv-url", nowhere)
    assert done.returncode == 3, done.stdout + done.stderr
    assert (f"could not reach the vulnerability database ({nowhere}): Connection refused: "
            "the locked packages were NOT checked") in done.stderr
    assert "no known vulnerabilities" not in (done.stdout + done.stderr).lower()
    assert "Traceback" not in done.stderr


def test_the_audit_says_not_checked_when_pypi_is_out_of_reach() -> None:
    # The default database (PyPI's JSON API) through a proxy where nothing answers.
    proxy = f"http://127.0.0.1:{free_port()}"
    done = run_audit(env={"HTTPS_PROXY": proxy, "https_proxy": proxy})
    assert done.returncode == 3, done.stdout + done.stderr
    assert "could not reach the vulnerability database (https://pypi.org/pypi/" in done.stderr
    assert "NOT checked" in done.stderr
    assert "no known vulnerabilities" not in (done.stdout + done.stderr).lower()


class StandInOsv(BaseHTTPRequestHandler):
    """Answers OSV's query API: `known` maps a package name to its vulnerability; a
    package in `unknown` gets a 404 (as a database that does not know it)."""

    known: dict[str, dict] = {}
    failing: bool = False

    def do_POST(self) -> None:  # noqa: N802 (the standard library's name)
        query = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        if self.failing:
            self.send_response(503)
            self.end_headers()
            return
        vuln = self.known.get(query["package"]["name"])
        body = json.dumps({"vulns": [vuln]} if vuln else {}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass  # quiet


@pytest.fixture
def stand_in_osv() -> Iterator[tuple[str, type[StandInOsv]]]:
    handler = type("Handler", (StandInOsv,), {"known": {}, "failing": False})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1/query", handler
    finally:
        server.shutdown()
        server.server_close()


def test_the_audit_lists_a_known_vulnerability_and_is_clean_only_when_all_were_checked(
        stand_in_osv: tuple[str, type[StandInOsv]]) -> None:
    url, handler = stand_in_osv
    done = run_audit("--service", "osv", "--osv-url", url)
    assert done.returncode == 0, done.stdout + done.stderr
    checked = int(re.search(r"no known vulnerabilities in the (\d+) locked packages",
                            done.stdout).group(1))
    assert checked >= len(read_lock(TEST_LOCK))

    version = read_lock(TEST_LOCK)["pyyaml"][0]
    handler.known["pyyaml"] = {
        "id": "UNKNOT-TEST-1", "aliases": ["CVE-0000-0001"], "summary": "a stand-in finding",
        "affected": [{"package": {"name": "pyyaml", "ecosystem": "PyPI"},
                      "ranges": [{"type": "ECOSYSTEM",
                                  "events": [{"introduced": "0"}, {"fixed": "99.0"}]}]}]}
    done = run_audit("--service", "osv", "--osv-url", url)
    assert done.returncode == 1, done.stdout + done.stderr
    (line,) = done.stdout.splitlines()
    assert line.startswith(f"pyyaml {version}: ") and line.endswith("; fixed in 99.0")
    assert "UNKNOT-TEST-1" in line and "CVE-0000-0001" in line
    assert "1 locked packages have known vulnerabilities" in done.stderr

    handler.failing = True  # reached, but it does not answer
    done = run_audit("--service", "osv", "--osv-url", url)
    assert done.returncode == 3, done.stdout + done.stderr
    assert f"could not reach the vulnerability database ({url}): 503 Server Error" in done.stderr
    assert "NOT checked" in done.stderr
