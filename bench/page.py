"""The player page in real Chromium: how many bytes it loads, and how far its timer drifts.

Run with `.venv/bin/python bench/page.py` (after `scripts/browser-setup.sh`). It starts
`unknot serve` on a free port with a throwaway SQLite file, then:

- page weight: the bytes of HTML, CSS and JS the player page loads (uncompressed, and
  gzipped for reference), and any request that leaves the server (target: none);
- timer drift: a 20-minute routine played under Playwright's fake clock. Run one moves
  the clock a second at a time, firing every timer as a browser would; run two jumps
  37 s at a time without firing timers in between, as a throttled background tab or a
  sleeping phone does. Drift is how far the player's session time is from the clock's
  true elapsed time (target: under 100 ms over the 20 minutes).

Then the journal page on a phone (390×844) with Chrome DevTools' "Slow 4G" (562.5 ms
round trip, 1.44 Mbit/s down, 675 kbit/s up) and the CPU slowed 4× through the DevTools
protocol, cold cache, on five years of daily sessions (built as `bench/journal.py`
builds them: the newest year through the storage layer, older years copied from it):
the bytes it transfers (gzipped), the time to its largest contentful paint (and which
element that was), and the moment its session list is in the page (the server draws
the first view into the document, so that is while the document is read).

Results are printed and written to BENCHMARKS.md between the `page` and `journal_page`
markers. HTTP goes through Playwright, which also measures exactly what the browser loads.
"""

from __future__ import annotations

import gzip
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from core import ROOT, write

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
MINUTES = 20
BUDGET = 100_000
HEADING = "## Player page: weight and timer drift (Chromium)"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(folder: Path, database: str = "bench.db") -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {**os.environ, "UNKNOT_DATABASE_URL": f"sqlite:///{folder / database}"}
    unknot = str(Path(sys.executable).parent / "unknot")
    process = subprocess.Popen([unknot, "serve", "--port", str(port), "--no-access-log"], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(300):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return process, f"http://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("unknot serve did not start")


# Chrome DevTools' "Slow 4G" preset, and a mid-range phone's CPU.
SLOW_4G = {"offline": False, "latency": 562.5, "downloadThroughput": 180_000,
           "uploadThroughput": 84_375}
CPU_SLOWDOWN = 4
JOURNAL_YEARS = int(os.environ.get("BENCH_PAGE_YEARS", "5"))
JOURNAL_RUNS = 3
JOURNAL_HEADING = "## Journal page on a throttled phone (Chromium)"
# Injected before the page's own scripts (through the DevTools protocol, which the
# page's Content-Security-Policy does not govern): when the first session is drawn.
DRAWN_PROBE = """
new MutationObserver((_, observer) => {
  if (document.querySelector('#sessions li')) {
    window.__drawn = performance.now();
    observer.disconnect();
  }
}).observe(document, {childList: true, subtree: true});
"""
LCP = """() => new Promise((resolve) => new PerformanceObserver((list) => {
  const last = list.getEntries().at(-1);
  const el = last.element;
  resolve({time: last.startTime, element: el ? el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
    + (el.className ? '.' + el.className : '') + ' “' + el.textContent.trim().slice(0, 40) + '…”' : '?'});
}).observe({type: 'largest-contentful-paint', buffered: true}))"""


def fill_journal(url: str, folder: Path) -> int:
    """Daily sessions for JOURNAL_YEARS years: a year through the storage layer, copied back."""
    import random
    from datetime import UTC, datetime, timedelta

    from fastapi.testclient import TestClient

    from journal import add_days, copy_year_back, runnable_plans
    from unknot.settings import Settings
    from unknot.storage import open_store
    from unknot.web.app import create_app

    first = datetime.now(UTC) - timedelta(days=365)
    with open_store(url) as store, TestClient(create_app(Settings(data_dir=folder), store=store),
                                              base_url="http://127.0.0.1") as client:
        # The newest year one session at a time, older years copied from it in bulk.
        add_days(store, runnable_plans(client), first, 365, random.Random(5))
        for years_back in range(1, JOURNAL_YEARS):
            copy_year_back(store, years_back)
    return JOURNAL_YEARS * 365


def journal_on_a_phone(browser: Any, url: str) -> dict[str, Any]:
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=3,
                                  is_mobile=True, has_touch=True, service_workers="block")
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", SLOW_4G)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    sent: dict[str, dict[str, Any]] = {}
    cdp.on("Network.responseReceived", lambda e: sent.setdefault(e["requestId"], {}).update(
        url=e["response"]["url"], type=e["type"]))
    cdp.on("Network.loadingFinished", lambda e: sent.setdefault(e["requestId"], {}).update(
        bytes=e["encodedDataLength"]))
    page.add_init_script(DRAWN_PROBE)
    page.goto(f"{url}/journal", wait_until="load", timeout=120_000)
    page.wait_for_selector("#sessions li", timeout=120_000)
    largest = page.evaluate(LCP)
    drawn = page.evaluate("window.__drawn")
    context.close()
    files = [(v["url"].removeprefix(url), v.get("type", "?"), v.get("bytes", 0))
             for v in sent.values() if "url" in v]
    return {"lcp": largest["time"], "element": largest["element"], "drawn": drawn, "files": files,
            "bytes": sum(f[2] for f in files)}


def journal_page(browser: Any, url: str, days: int) -> str:
    runs = [journal_on_a_phone(browser, url) for _ in range(JOURNAL_RUNS)]
    last = runs[-1]
    rows = [f"| `{path.split('?')[0]}{'?' + path.split('?')[1] if '?' in path else ''}` "
            f"({kind.lower()}) | {size:,} |" for path, kind, size in last["files"]]
    lcps = sorted(r["lcp"] for r in runs)
    drawn = sorted(r["drawn"] for r in runs)
    verdict = "under" if lcps[-1] < 2000 else "OVER"
    return "\n".join([
        f"`/journal` on a phone (390×844, ×3), Slow 4G (562.5 ms RTT, 1.44 Mbit/s), CPU "
        f"×{CPU_SLOWDOWN}, cold cache, {days:,} daily sessions ({JOURNAL_YEARS} years: the newest "
        f"built through the storage layer, older ones copied from it), {JOURNAL_RUNS} loads:",
        "",
        f"- largest contentful paint: {', '.join(f'{v:,.0f}' for v in lcps)} ms ({verdict} "
        "the 2 s bar)",
        f"- the largest paint: `{last['element']}`",
        f"- first session in the page (drawn by the server, read with the document): "
        f"{', '.join(f'{v:,.0f}' for v in drawn)} ms",
        f"- transferred: {last['bytes']:,} bytes (gzip on the wire, headers included)",
        f"- load average (1 min) when measured: {os.getloadavg()[0]:.1f} on {os.cpu_count()} "
        "cores (the CPU ×4 page also waits for a free core on a busy machine)",
        "",
        "| request | bytes on the wire |", "|---|---|", *rows,
    ])


def make_plan(playwright: Any, url: str) -> dict[str, Any]:
    api = playwright.request.new_context(base_url=url)
    body = {"text": "stiff neck and shoulders from the desk, a headache coming",
            "minutes": MINUTES, "seed": 1}
    # The player starts only a plan whose quick safety check is answered.
    questions = api.post("/api/v1/plans", data=body).json()["intake"]["questions"]
    answers = {"questions": {q["id"]: False for q in questions}}
    plan = api.post("/api/v1/plans", data={**body, "answers": answers}).json()
    api.dispose()
    return plan


def page_weight(browser: Any, url: str, current: dict[str, Any]) -> dict[str, Any]:
    context = browser.new_context(base_url=url, service_workers="block")
    page = context.new_page()
    page.goto("/robots-missing")  # any page of the origin, to seed localStorage
    page.evaluate("(c) => localStorage.setItem('unknot.current', JSON.stringify(c))", current)
    loaded: list[tuple[str, str, int, int]] = []
    outside: list[str] = []

    def record(response: Any) -> None:
        if not response.url.startswith(url):
            outside.append(response.url)
            return
        kind = response.request.resource_type
        if kind in ("document", "stylesheet", "script"):
            body = response.body()
            loaded.append((kind, response.url.removeprefix(url), len(body), len(gzip.compress(body))))

    page.on("response", record)
    page.goto("/before", wait_until="networkidle")
    context.close()
    return {"files": loaded, "outside": outside, "total": sum(f[2] for f in loaded),
            "gzip": sum(f[3] for f in loaded)}


def drift(browser: Any, url: str, current: dict[str, Any], step: float, fire: bool) -> dict[str, float]:
    context = browser.new_context(base_url=url, service_workers="block")
    page = context.new_page()
    page.clock.install()
    page.goto("/robots-missing")
    page.evaluate("(c) => localStorage.setItem('unknot.current', JSON.stringify(c))", current)
    page.goto("/before")
    page.click("#begin")
    page.wait_for_selector("#stage-player:not([hidden])")
    start = page.evaluate("window.unknotPlayer.session().tl.t")
    total = current["plan"]["total_seconds"]
    worst = 0.0
    moved = 0.0
    while moved < total:
        jump = min(step, total - moved)
        if fire:
            page.clock.run_for(int(jump * 1000))
        else:
            page.clock.fast_forward(int(jump * 1000))
            page.clock.run_for(1)
        moved += jump
        seen = page.evaluate("""() => [window.unknotPlayer.position().planElapsed,
                                       (Date.now() - performance.now() + performance.now()) / 1000]""")
        true_elapsed = min(total, seen[1] - start)
        worst = max(worst, abs(seen[0] - true_elapsed))
    page.clock.run_for(2000)
    done = page.evaluate("window.unknotPlayer.session().status")
    # When each step was announced, against when it was due.
    said = page.evaluate("window.unknotPlayer.said.filter(s => s.kind === 'start').map(s => s.t)")
    bounds, at = [], start
    for s in current["plan"]["steps"]:
        bounds.append(at)
        at += s["seconds"]
    late = [abs(t - b) for t, b in zip(said, bounds, strict=False)]
    context.close()
    return {"worst_ms": worst * 1000, "announce_ms": max(late) * 1000 if late else float("nan"),
            "steps": len(current["plan"]["steps"]), "announced": len(said), "completed": done == "completed"}


def main() -> tuple[str, str]:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        # The journal page has a database of its own: the player's runs start from none.
        days = fill_journal(f"sqlite:///{Path(folder) / 'journal.db'}", Path(folder))
        process, url = start_server(Path(folder))
        journal_process, journal_url = start_server(Path(folder), "journal.db")
        try:
            with sync_playwright() as playwright:
                plan = make_plan(playwright, url)
                current = {"id": "bench", "plan": plan, "request": {"minutes": MINUTES},
                           "made_at": "2026-01-01T00:00:00Z"}
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                weight = page_weight(browser, url, current)
                fine = drift(browser, url, current, step=1.0, fire=True)
                coarse = drift(browser, url, current, step=37.0, fire=False)
                phone = journal_page(browser, journal_url, days)
                browser.close()
        finally:
            for running in (process, journal_process):
                running.terminate()
                running.wait(timeout=10)
    rows = [f"| `{path.split('?')[0]}` ({kind}) | {size:,} | {gz:,} |"
            for kind, path, size, gz in weight["files"]]
    verdict = "under" if weight["total"] < BUDGET else "OVER"
    lines = [
        f"Player page (`/before` → `/session`, one document): **{weight['total']:,} bytes** of HTML, CSS "
        f"and JS uncompressed ({verdict} the {BUDGET:,}-byte budget), {weight['gzip']:,} gzipped; "
        f"requests to other hosts: {len(weight['outside'])}.",
        "",
        "| file | bytes | gzipped |", "|---|---|---|", *rows,
        "",
        f"Timer drift over a {MINUTES}-minute routine ({fine['steps']} steps), Playwright's fake clock:",
        "",
        "| run | worst drift of session time | worst lateness of a step announcement | finished |",
        "|---|---|---|---|",
        f"| clock moved 1 s at a time, every timer fired | {fine['worst_ms']:.1f} ms | "
        f"{fine['announce_ms']:.1f} ms ({fine['announced']} of {fine['steps']} steps) | "
        f"{'yes' if fine['completed'] else 'no'} |",
        f"| clock jumped 37 s at a time, no timers between (a throttled tab) | {coarse['worst_ms']:.1f} ms | "
        f"n/a: steps passed while asleep are skipped, not announced late | "
        f"{'yes' if coarse['completed'] else 'no'} |",
    ]
    return "\n".join(lines), phone


def record(section: str, heading: str, body: str) -> None:
    path = ROOT / "BENCHMARKS.md"
    text = path.read_text() if path.exists() else "# Benchmarks\n"
    if f"<!-- {section} -->" not in text:
        path.write_text(text.rstrip() + f"\n\n{heading}\n\n<!-- {section} -->\n"
                                        f"<!-- /{section} -->\n")
    write(section, body)


if __name__ == "__main__":
    player, phone = main()
    print(player)
    print(phone)
    record("page", HEADING, player)
    record("journal_page", JOURNAL_HEADING, phone)
