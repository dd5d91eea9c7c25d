"""HTTP: the plan endpoint against the bare endpoint, on one `unknot serve`, in one run.

Starts `unknot serve` (1 worker, SQLite in a temporary folder) on loopback and
loads it with wrk, 10 s per target, 2 threads and 16 connections:

- GET /api/v1/ping — the bare endpoint: the same stack, no work;
- POST /api/v1/plans with one fixed body — what SPEC §7 measures;
- POST /api/v1/plans with a new seed on every request, so every answer is
  computed by the planner (none comes from the per-process memo).

Requests per second, p99 latency and the ratio to the bare endpoint are printed
and written to BENCHMARKS.md between the `http` markers, with the machine and
the date. Run with `.venv/bin/python bench/http.py` (needs `wrk`).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# This file is named like the standard library's `http` package; keep its folder
# off the import path, or `import http.client` (urllib, uvicorn) would find it.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]

import importlib.util  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402
import shutil  # noqa: E402
import socket  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import urllib.error  # noqa: E402
import urllib.request  # noqa: E402
from dataclasses import dataclass  # noqa: E402

ROOT = HERE.parent
UNKNOT = ROOT / ".venv" / "bin" / "unknot"
HOST = "127.0.0.1"  # loopback only
DURATION, CONNECTIONS, THREADS = "10s", 16, 2
PLAN_BODY = {"text": "neck and shoulders tight from the desk, headache coming",
             "minutes": 10, "tools": ["tennis_ball"], "setting": "desk", "seed": 0}
SECTION = "http"
HEADING = "## HTTP: plan endpoint against a bare endpoint"


def _core_write():
    # Reuse core.py's writer (machine, date, markers) without putting bench/ on the path.
    spec = importlib.util.spec_from_file_location("bench_core", HERE / "core.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.write


@dataclass(frozen=True)
class Result:
    name: str
    rps: float
    p99_ms: float
    requests: int
    errors: str | None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def wait_ready(url: str, server: subprocess.Popen, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"unknot serve exited with {server.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=1) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    raise SystemExit(f"unknot serve did not answer {url} within {timeout:.0f} s")


def lua_fixed(body: dict) -> str:
    return (f"wrk.method = \"POST\"\nwrk.body = {json.dumps(json.dumps(body))}\n"
            "wrk.headers[\"Content-Type\"] = \"application/json\"\n")


def lua_new_seed(body: dict) -> str:
    # The seed is the request's last field: each request gets the next one.
    head = json.dumps({k: v for k, v in body.items() if k != "seed"})[:-1] + ', "seed": '
    return ("local n = 0\n"
            "wrk.method = \"POST\"\n"
            "wrk.headers[\"Content-Type\"] = \"application/json\"\n"
            "request = function()\n"
            "  n = n + 1\n"
            f"  return wrk.format(nil, nil, nil, {json.dumps(head)} .. n .. \"}}\")\n"
            "end\n")


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def parse(name: str, output: str) -> Result:
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    p99 = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
    total = re.search(r"(\d+) requests in", output)
    if not (rps and p99 and total):
        raise SystemExit(f"could not read wrk's output for {name}:\n{output}")
    problems = [m.group(0).strip() for m in re.finditer(
        r"^\s*(Non-2xx or 3xx responses|Socket errors):.*$", output, re.M)]
    return Result(name, float(rps[1]), float(p99[1]) * UNITS[p99[2]], int(total[1]),
                  "; ".join(problems) or None)


def wrk(name: str, url: str, script: Path | None, duration: str = DURATION) -> Result:
    command = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{duration}", "--latency"]
    if script is not None:
        command += ["-s", str(script)]
    done = subprocess.run([*command, url], capture_output=True, text=True, check=True,
                          timeout=120)
    return parse(name, done.stdout)


def run() -> list[Result]:
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: apt-get install -y wrk")
    with tempfile.TemporaryDirectory(prefix="unknot-bench-") as tmp:
        folder = Path(tmp)
        (folder / "fixed.lua").write_text(lua_fixed(PLAN_BODY))
        (folder / "seeds.lua").write_text(lua_new_seed(PLAN_BODY))
        port = free_port()
        base = f"http://{HOST}:{port}/api/v1"
        env = {**os.environ, "UNKNOT_DATABASE_URL": f"sqlite:///{folder / 'unknot.db'}"}
        server = subprocess.Popen(
            [str(UNKNOT), "serve", "--host", HOST, "--port", str(port), "--workers", "1",
             "--no-access-log"], env=env, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL)
        try:
            wait_ready(f"{base}/ping", server)
            # Warm-up: imports, the library, first connections.
            wrk("warm-up", f"{base}/plans", folder / "fixed.lua", duration="2s")
            return [
                wrk("GET /ping (bare)", f"{base}/ping", None),
                wrk("POST /plans (one fixed body)", f"{base}/plans", folder / "fixed.lua"),
                wrk("POST /plans (new seed each request)", f"{base}/plans",
                    folder / "seeds.lua"),
            ]
        finally:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def report(results: list[Result]) -> str:
    bare = results[0]
    lines = [
        f"wrk on loopback: {THREADS} threads, {CONNECTIONS} connections, {DURATION} per target; "
        "`unknot serve` with 1 worker, SQLite, access log off.",
        "",
        "| endpoint | requests/s | p99 ms | vs bare |",
        "|---|---|---|---|",
    ]
    for r in results:
        lines.append(f"| {r.name} | {r.rps:,.0f} | {r.p99_ms:.2f} | {r.rps / bare.rps:.2f}× |")
    fixed = results[1]
    verdict = "meets" if fixed.rps >= bare.rps / 2 else "misses"
    lines += ["", f"SPEC §7 (plans ≥ half the bare rate, fixed body): {fixed.rps / bare.rps:.2f} — "
                  f"{verdict} the bar. The fixed body is answered from the per-process memo "
                  "after its first request; the new-seed row is the planner's own cost."]
    errors = [f"{r.name}: {r.errors}" for r in results if r.errors]
    if errors:
        lines += ["", "Errors: " + "; ".join(errors)]
    return "\n".join(lines)


def write(body: str) -> None:
    path = ROOT / "BENCHMARKS.md"
    text = path.read_text() if path.exists() else "# Benchmarks\n"
    if f"<!-- {SECTION} -->" not in text:
        # core.write() fills existing markers; give this section its own heading first.
        text = text.rstrip() + f"\n\n{HEADING}\n\n<!-- {SECTION} -->\n<!-- /{SECTION} -->\n"
        path.write_text(text)
    _core_write()(SECTION, body)


if __name__ == "__main__":
    result = report(run())
    print(result)
    write(result)
