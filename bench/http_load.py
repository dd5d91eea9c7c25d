"""HTTP: unknot's endpoints against a bare FastAPI endpoint, on the same uvicorn, in one run.

Loads each target with wrk on loopback (2 threads, 16 connections, 10 s), all in
one run so the ratios are measured side by side on the same (shared, noisy)
machine:

- the bare endpoint: `bench/bare_app.py`, FastAPI's GET /ping with nothing else,
  under the same uvicorn (1 worker, h11, asyncio, access log off);
- `unknot serve` (1 worker, SQLite in a temporary folder): GET /api/v1/ping, then
  POST /api/v1/plans with every request new (`bench/fresh_plans.lua`: a seed no
  other request has, varied texts, minutes, settings and tools: no memo hit), and
  POST /api/v1/plans with one fixed body, which after its first request is
  answered from the per-process memo (the memo-hit figure, labelled as such);
- `unknot serve --workers 2`: the same ping and fresh plans, against 1 worker.

The bare and fresh-plan pair runs twice (the figures of both rounds are shown).
Then memory: one worker loaded with fresh plans for `BENCH_RSS_SECONDS` (default
120 s, shortened from the issue's 5 minutes), its RSS read from /proc every 15 s.

Results are printed and written to BENCHMARKS.md between the `http` and `rss`
markers, with the machine and the date. Run with `.venv/bin/python bench/http_load.py`
(needs `wrk`).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# This file is named like the standard library's `http` package; keep its folder
# off the import path, or `import http.client` (urllib, uvicorn) would find it.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]

import contextlib  # noqa: E402
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
from collections.abc import Iterator  # noqa: E402
from dataclasses import dataclass  # noqa: E402

ROOT = HERE.parent
UNKNOT = ROOT / ".venv" / "bin" / "unknot"
HOST = "127.0.0.1"  # loopback only
DURATION, CONNECTIONS, THREADS = os.environ.get("BENCH_WRK_DURATION", "10s"), 16, 2
PLAN_BODY = {"text": "neck and shoulders tight from the desk, headache coming",
             "minutes": 10, "tools": ["tennis_ball"], "setting": "desk", "seed": 0}
FRESH_LUA = HERE / "fresh_plans.lua"
SECTION = "http"
HEADING = "## HTTP: plan endpoint against a bare endpoint"
RSS_SECTION = "rss"
RSS_HEADING = "## Memory under load"
RSS_SECONDS = int(os.environ.get("BENCH_RSS_SECONDS", "120"))
RSS_EVERY = 15


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


def post_plan(url: str, body: dict) -> None:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as answer:
        answer.read()


@contextlib.contextmanager
def server(command: list[str], env: dict[str, str], ready: str) -> Iterator[subprocess.Popen]:
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        wait_ready(ready, process)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextlib.contextmanager
def unknot(folder: Path, workers: int) -> Iterator[tuple[str, subprocess.Popen]]:
    port = free_port()
    env = {**os.environ, "UNKNOT_DATABASE_URL": f"sqlite:///{folder / 'unknot.db'}"}
    command = [str(UNKNOT), "serve", "--host", HOST, "--port", str(port), "--workers",
               str(workers), "--no-access-log"]
    base = f"http://{HOST}:{port}/api/v1"
    with server(command, env, f"{base}/ping") as process:
        if workers > 1:
            time.sleep(3)  # the ping answered from one worker; let the other finish starting
        # Warm-up: the first plan of a worker loads the library and the lexicons (seconds);
        # new connections each, so every worker gets some. Then wrk's connections.
        for seed in range(4 * workers):
            post_plan(f"{base}/plans", {**PLAN_BODY, "seed": 1000 + seed})
        wrk("warm-up", f"{base}/plans", FRESH_LUA, duration="3s")
        yield base, process


@contextlib.contextmanager
def bare() -> Iterator[str]:
    port = free_port()
    command = [str(ROOT / ".venv" / "bin" / "python"), "-m", "uvicorn", "bare_app:app",
               "--app-dir", str(HERE), "--host", HOST, "--port", str(port), "--workers", "1",
               "--no-access-log"]
    url = f"http://{HOST}:{port}/ping"
    with server(command, dict(os.environ), url):
        wrk("warm-up", url, None, duration="2s")
        yield url


START_LOAD: list[float] = []


def run(folder: Path) -> dict[str, Result]:
    (folder / "fixed.lua").write_text(lua_fixed(PLAN_BODY))
    START_LOAD.append(os.getloadavg()[0])
    results: dict[str, Result] = {}
    with bare() as bare_url, unknot(folder, 1) as (base, _):
        for round_ in (1, 2):
            results[f"bare{round_}"] = wrk("GET /ping (bare FastAPI)", bare_url, None)
            results[f"fresh{round_}"] = wrk("POST /api/v1/plans, every request new",
                                            f"{base}/plans", FRESH_LUA)
        results["ping"] = wrk("GET /api/v1/ping (unknot's stack)", f"{base}/ping", None)
        results["memo"] = wrk("POST /api/v1/plans, one fixed body (memo hit)",
                              f"{base}/plans", folder / "fixed.lua")
    with unknot(folder, 2) as (base, _):
        results["w2_ping"] = wrk("GET /api/v1/ping, 2 workers", f"{base}/ping", None)
        results["w2_fresh"] = wrk("POST /api/v1/plans, every request new, 2 workers",
                                f"{base}/plans", FRESH_LUA)
    return results


def report(results: dict[str, Result]) -> str:
    lines = [
        f"wrk on loopback: {THREADS} threads, {CONNECTIONS} connections, {DURATION} per target, "
        "all in one run; `unknot serve` with SQLite and the access log off; the bare app is "
        "`bench/bare_app.py` under the same uvicorn. The machine is shared and noisy: "
        "compare the ratios, measured side by side, not the absolute rates.",
        "",
        "| target | requests/s | p99 ms | ratio |",
        "|---|---|---|---|",
    ]
    for n in (1, 2):
        b, f = results[f"bare{n}"], results[f"fresh{n}"]
        lines.append(f"| round {n}: {b.name}, 1 worker | {b.rps:,.0f} | {b.p99_ms:.2f} | 1.00× |")
        lines.append(f"| round {n}: {f.name}, 1 worker | {f.rps:,.0f} | {f.p99_ms:.2f} | "
                     f"**{f.rps / b.rps:.2f}×** of bare |")
    bare_rps = (results["bare1"].rps + results["bare2"].rps) / 2
    for key in ("ping", "memo"):
        r = results[key]
        lines.append(f"| {r.name}, 1 worker | {r.rps:,.0f} | {r.p99_ms:.2f} | "
                     f"{r.rps / bare_rps:.2f}× of bare |")
    one_worker = {"w2_ping": results["ping"].rps,
                  "w2_fresh": (results["fresh1"].rps + results["fresh2"].rps) / 2}
    for key, rate in one_worker.items():
        r = results[key]
        lines.append(f"| {r.name} | {r.rps:,.0f} | {r.p99_ms:.2f} | "
                     f"**{r.rps / rate:.2f}×** of 1 worker |")
    load = os.getloadavg()[0]
    lines += ["", f"Load average (1 min) at the start and the end: {START_LOAD[0]:.1f} and {load:.1f} "
                  f"on {os.cpu_count()} cores (wrk and other work on the machine): 2 workers can "
                  "only outrun 1 when a core is free for the second."]
    fresh = [results[f"fresh{n}"].rps / results[f"bare{n}"].rps for n in (1, 2)]
    verdict = "meets" if min(fresh) >= 0.5 else "misses"
    lines += ["", f"SPEC §7 (plans ≥ half the bare rate, every request new): "
                  f"{' and '.join(f'{x:.2f}' for x in fresh)} — {verdict} the bar. The memo-hit "
                  "row is a cache figure (the same body every time), not the planner's cost."]
    errors = [f"{r.name}: {r.errors}" for r in results.values() if r.errors]
    if errors:
        lines += ["", "Errors: " + "; ".join(errors)]
    return "\n".join(lines)


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise SystemExit(f"no RSS for process {pid}")


def rss_run(folder: Path) -> str:
    """One worker's RSS while it plans fresh requests for RSS_SECONDS."""
    samples: list[tuple[int, int, int]] = []  # (seconds, requests so far, KiB)
    requests = 0
    with unknot(folder, 1) as (base, process):
        samples.append((0, 0, rss_kib(process.pid)))
        for elapsed in range(RSS_EVERY, RSS_SECONDS + 1, RSS_EVERY):
            result = wrk("rss", f"{base}/plans", FRESH_LUA, duration=f"{RSS_EVERY}s")
            requests += result.requests
            samples.append((elapsed, requests, rss_kib(process.pid)))
    load = os.getloadavg()[0]
    first, peak, last = samples[0][2], max(s[2] for s in samples), samples[-1][2]
    half = samples[len(samples) // 2][2]
    lines = [
        f"`unknot serve` (1 worker, SQLite) under wrk with every plan request new, "
        f"{RSS_SECONDS} s{' (shortened from 5 minutes; set BENCH_RSS_SECONDS)' * (RSS_SECONDS < 300)}, "
        "RSS read from "
        f"/proc every {RSS_EVERY} s. The plan memo is bounded to 8 MiB and the cue memo to "
        "4 MiB a worker, and plans are worked out in one thread a worker (`unknot.web.api.cpu`): "
        "when up to 40 pool threads planned at once, RSS kept rising ~2 MiB a minute after "
        "warm-up; with one, tracemalloc sees Python's allocations grow only as the bounded memos "
        "fill (the rest was most likely the C allocator's per-thread arenas).",
        "",
        "| after s | requests | RSS MiB |", "|---|---|---|",
        *(f"| {t} | {n:,} | {k / 1024:.1f} |" for t, n, k in samples),
        "",
        f"Start {first / 1024:.1f} MiB, peak {peak / 1024:.1f} MiB, end {last / 1024:.1f} MiB; "
        f"second half of the run: {(last - half) / 1024:+.1f} MiB. Load average (1 min) at the "
        f"end: {load:.1f} on {os.cpu_count()} cores.",
    ]
    return "\n".join(lines)


def write(section: str, heading: str, body: str) -> None:
    path = ROOT / "BENCHMARKS.md"
    text = path.read_text() if path.exists() else "# Benchmarks\n"
    if f"<!-- {section} -->" not in text:
        # core.write() fills existing markers; give this section its own heading first.
        text = text.rstrip() + f"\n\n{heading}\n\n<!-- {section} -->\n<!-- /{section} -->\n"
        path.write_text(text)
    _core_write()(section, body)


if __name__ == "__main__":
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: apt-get install -y wrk")
    with tempfile.TemporaryDirectory(prefix="unknot-bench-") as tmp:
        http = report(run(Path(tmp)))
        print(http)
        write(SECTION, HEADING, http)
        memory = rss_run(Path(tmp))
        print(memory)
        write(RSS_SECTION, RSS_HEADING, memory)
