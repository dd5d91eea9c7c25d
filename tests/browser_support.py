"""Shared pieces of the browser tests: a real `unknot serve`, real Chromium, axe-core.

The server is the real command in a subprocess, on a free port, with its own
SQLite file, so the browser talks to exactly what a person runs. Chromium is
Debian's (`/usr/bin/chromium`) and axe-core comes from npm; both are installed by
`scripts/browser-setup.sh`, and a test that finds either missing fails and says
so instead of skipping.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / ".cache" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "test-output" / "screenshots"
SETUP_HINT = "run `bash scripts/browser-setup.sh` to install it"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
LAPTOP = {"width": 1366, "height": 900}
SERVER_START_SECONDS = 30


def require_browser_tools() -> None:
    """Fail (never skip) with what to run when Chromium or axe-core is missing."""
    missing = []
    if not CHROMIUM.exists():
        missing.append(f"Chromium ({CHROMIUM})")
    if not AXE.exists():
        missing.append(f"axe-core ({AXE.relative_to(ROOT)})")
    if missing:
        pytest.fail(f"Browser tests need {' and '.join(missing)}: {SETUP_HINT}.", pytrace=False)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    """A running `unknot serve` and how to reach it."""

    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def api(self, path: str, method: str = "GET", body: Any = None) -> Any:
        """Call the JSON API directly (to check what the browser stored)."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.url + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read() or b"null")


@contextmanager
def serve(tmp: Path, extra_env: dict[str, str] | None = None) -> Iterator[Server]:
    """Start `unknot serve` on a free port with a fresh SQLite database; stop it afterwards.
    `extra_env` adds settings (e.g. UNKNOT_MODE=clinic)."""
    port = free_port()
    env = {**os.environ, "UNKNOT_DATABASE_URL": f"sqlite:///{tmp / 'browser.db'}",
           "UNKNOT_DATA_DIR": str(tmp), **(extra_env or {})}
    command = [str(Path(sys.executable).parent / "unknot"), "serve", "--host", "127.0.0.1",
               "--port", str(port), "--no-access-log"]
    log = tmp / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=tmp)
    server = Server(f"http://127.0.0.1:{port}", process, log)
    try:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while True:
            if process.poll() is not None:
                pytest.fail(f"unknot serve exited with {process.returncode}:\n{log.read_text()}",
                            pytrace=False)
            try:
                if server.api("/api/v1/ping") == {"ok": True}:
                    break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"unknot serve did not answer within {SERVER_START_SECONDS}s:\n"
                            f"{log.read_text()}", pytrace=False)
            time.sleep(0.1)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """Serious and critical axe-core violations on the page as it is now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol: the app's Content-Security-Policy
        # (scripts from its own /static only) rightly refuses an injected <script> tag.
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))}));
    }""")
    return [v for v in result if v["impact"] in ("serious", "critical")]


def describe(violations: list[dict[str, Any]]) -> str:
    return "\n".join(f"- {v['id']} ({v['impact']}): {v['help']} at {', '.join(v['nodes'])}"
                     for v in violations)


def screenshot(page: Any, name: str) -> Path:
    """Save a full-page screenshot to test-output/screenshots/NAME.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


# -- fixtures (imported by the test_browser_* modules) ------------------------------

# Each test module imports these fixtures, which makes one fixture per module; the
# server and the browser are shared through _SHARED so there is one of each per run,
# closed by whichever fixture started it, at the end of the session.
_SHARED: dict[str, Any] = {}


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One real `unknot serve` for the browser tests, on its own SQLite file."""
    require_browser_tools()
    if "server" in _SHARED:
        yield _SHARED["server"]
        return
    with serve(tmp_path_factory.mktemp("serve")) as running:
        _SHARED["server"] = running
        try:
            yield running
        finally:
            del _SHARED["server"]


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """Debian's Chromium, headless, driven by Playwright."""
    require_browser_tools()
    if "chromium" in _SHARED:
        yield _SHARED["chromium"]
        return
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        _SHARED["chromium"] = browser
        try:
            yield browser
        finally:
            del _SHARED["chromium"]
            browser.close()


class PageErrors(list[str]):
    """Script errors a page reported; a test ends by checking there were none."""


@contextmanager
def open_page(chromium: Any, server: Server, viewport: dict[str, int] | None = None,
              *, service_workers: str = "block", clock: bool = True) -> Iterator[Any]:
    """A fresh browser context (its own storage) and page on the server, clock installed."""
    context = chromium.new_context(base_url=server.url, viewport=viewport or PHONE,
                                   service_workers=service_workers, reduced_motion="no-preference")
    page = context.new_page()
    errors = PageErrors()
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    # A failed request also logs "Failed to load resource"; offline that is expected,
    # and a real failure shows up in what the test checks. Script errors never are.
    page.on("console", lambda msg: errors.append(msg.text)
            if msg.type == "error" and not msg.text.startswith("Failed to load resource") else None)
    page.errors = errors
    if clock:
        page.clock.install()
    try:
        yield page
    finally:
        context.close()


def after_start(page: Any) -> str:
    """Wait for where the start form led: "check", "safety" or "plan"."""
    page.wait_for_url(re.compile(r"/(check|safety|plan)$"))
    return page.url.rsplit("/", 1)[-1]


def none_apply(page: Any) -> None:
    """On the quick safety check: "None of these apply", as a person with none of them does."""
    page.wait_for_selector("#questions li")
    page.click("#none-apply")
    page.wait_for_url(re.compile(r"/(safety|plan)$"))


def make_routine(page: Any, text: str = "neck and shoulders tight from the desk",
                 minutes: int = 3) -> None:
    """From the start page through the quick safety check to the plan page, as a person would."""
    page.goto("/")
    page.fill("#text", text)
    page.get_by_role("radio", name=f"{minutes} min", exact=True).check()
    page.click("#make")
    if after_start(page) == "check":
        none_apply(page)
    page.wait_for_url("**/plan")
    page.wait_for_selector("#steps li")


def begin(page: Any, pain: int | None = 5) -> None:
    """From the plan page through the before ratings into the player."""
    page.click("#start-button")
    page.wait_for_selector("#stage-before:not([hidden])")
    if pain is not None:
        page.locator(f"input[name=before-pain][value='{pain}']").check()
    page.click("#begin")
    page.wait_for_selector("#stage-player:not([hidden])")


def position(page: Any) -> dict[str, Any]:
    """Where the player is: step index, seconds into it, finished…"""
    return page.evaluate("window.unknotPlayer.position()")


def run_for(page: Any, seconds: float, chunk: float = 30.0) -> None:
    """Move the page's fake clock on, firing every timer on the way, in chunks."""
    left = seconds
    while left > 0:
        step = min(chunk, left)
        page.clock.run_for(int(step * 1000))
        left -= step
