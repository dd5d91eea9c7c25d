"""The journal over years: GET /api/v1/journal, the session list and the journal page's
data at 1, 5 and 20 years of daily sessions, on SQLite and on PostgreSQL.

The newest year is built through the storage layer (`Store.create_session` and
`Store.finish_session`, what POST /api/v1/sessions and its finish call), one session
a day with real plans from POST /api/v1/plans (in process). Older years are that
year again, copied in bulk a year earlier each time (new ids, the same rows and
steps, in one transaction a year) with the journal's running totals grown to match:
7,300 sessions one call at a time took over 20 minutes on PostgreSQL and never
finished. PostgreSQL's statistics are refreshed after each build (VACUUM ANALYZE,
what autovacuum does for a database that has grown over years). After each size a
real `unknot serve` (1 worker) opens the database and is timed over HTTP with a
kept-alive connection:

- GET /api/v1/journal (the default: a year of chart points), and with ?series=60,
  what the journal page asks;
- GET /api/v1/sessions?limit=20 (what the page lists);
- the journal page: the document, which carries its first view (drawn on the server
  from the same reads as ?series=60 and the first 20 sessions), so the page asks the
  API nothing before it is drawn.

Each is asked `ROUNDS` times after a warm-up; p50 and p95 are reported. PostgreSQL
comes from UNKNOT_BENCH_POSTGRES_URL or UNKNOT_TEST_POSTGRES_URL (a scratch schema,
dropped at the end); without one only SQLite runs. Results are written to
BENCHMARKS.md between the `journal` markers.
"""

from __future__ import annotations

import http.client
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from core import ROOT, write

HOST = "127.0.0.1"
YEARS = tuple(int(y) for y in os.environ.get("BENCH_JOURNAL_YEARS", "1,5,20").split(","))
ROUNDS = int(os.environ.get("BENCH_JOURNAL_ROUNDS", "60"))
DATABASES = os.environ.get("BENCH_JOURNAL_DATABASES", "sqlite,postgresql").split(",")
HEADING = "## Journal over years"
PAGE_JOURNAL = "/api/v1/journal?series=60"
REQUESTS = [
    {"text": "neck and shoulders tight from the desk", "setting": "desk"},
    {"text": "sore lower back after gardening, no numbness"},
    {"text": "calves sore after my run"}, {"text": "can't sleep, mind racing", "setting": "bed"},
    {"text": "jaw tight from clenching, stressed"}, {"text": "tired feet after standing all day"},
    {"text": "tension headache behind my eyes"}, {"text": "upper back stiff between the shoulders"},
]


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def runnable_plans(client) -> list[dict]:  # type: ignore[no-untyped-def]
    """Real plans for varied requests, with the quick safety check answered."""
    plans = []
    for n, request in enumerate(REQUESTS * 3):
        body = {**request, "minutes": 5 + 5 * (n % 4), "seed": n}
        questions = client.post("/api/v1/plans", json=body).json()["intake"]["questions"]
        answers = {"questions": {q["id"]: False for q in questions}}
        plan = client.post("/api/v1/plans", json={**body, "answers": answers}).json()
        if plan["steps"]:
            plans.append((body, plan))
    return plans


def add_days(store, plans: list, first: datetime, days: int, rng: random.Random) -> None:  # type: ignore[no-untyped-def]
    """One session a day for `days` days from `first`, each created and finished through
    the storage layer (what the API calls; years of sessions through HTTP take too long
    on a shared machine)."""
    from unknot.storage import Ratings

    for day in range(days):
        request, plan = plans[rng.randrange(len(plans))]
        began = first + timedelta(days=day, hours=rng.randint(6, 21), minutes=rng.randint(0, 59))
        pain, tension, stress = (rng.randint(1, 8) for _ in range(3))
        record = store.create_session(
            plan=plan, request=request, before=Ratings(pain=pain, tension=tension, stress=stress),
            session_id=str(uuid.uuid4()), source="web", created_at=began)
        steps = len(plan["steps"])
        status = rng.choices(["completed", "quit", "stopped"], weights=[90, 8, 2])[0]
        store.finish_session(
            record.id, status=status,
            completed_steps=steps if status == "completed" else rng.randint(0, steps - 1),
            after=Ratings(pain=max(0, pain - rng.randint(0, 3)),
                          tension=max(0, tension - rng.randint(0, 3)),
                          stress=max(0, stress - rng.randint(0, 4))),
            finished_at=began + timedelta(minutes=15))


def copy_year_back(store, years_back: int) -> int:  # type: ignore[no-untyped-def]
    """Copy the newest year's sessions (and their steps) `years_back` years earlier, with
    new ids, in one transaction, and grow the running totals by one more year's worth
    (every copy adds exactly what its original adds). Returns how many were copied."""
    from sqlalchemy import func, insert, select, update

    from unknot.storage.models import HelpTotal, SessionRow, SessionTechnique
    from unknot.storage.summaries import COUNTERS

    sessions, steps = SessionRow.__table__, SessionTechnique.__table__
    shift = timedelta(days=365 * years_back)
    with store.writing() as db:
        conn = db.connection()
        newest = conn.execute(select(func.max(sessions.c.created_at))).scalar_one()
        year = newest - timedelta(days=365)
        rows = conn.execute(select(sessions).where(sessions.c.created_at > year)).mappings().all()
        new_ids = {row["id"]: str(uuid.uuid4()) for row in rows}
        copies = []
        for row in rows:
            copy = dict(row)
            copy["id"] = new_ids[row["id"]]
            for name in ("created_at", "updated_at", "started_at", "finished_at"):
                if copy[name] is not None:
                    copy[name] = copy[name] - shift
            copies.append(copy)
        step_rows = conn.execute(select(steps).where(
            steps.c.session_id.in_(select(sessions.c.id).where(sessions.c.created_at > year))
        )).mappings().all()
        for start in range(0, len(copies), 500):
            conn.execute(insert(sessions), copies[start:start + 500])
        step_copies = [{**step, "session_id": new_ids[step["session_id"]]} for step in step_rows]
        for start in range(0, len(step_copies), 2000):
            conn.execute(insert(steps), step_copies[start:start + 2000])
        # Totals now hold `years_back` years' worth; one more year of the same parts.
        grown = years_back + 1
        conn.execute(update(HelpTotal.__table__).values(
            {name: getattr(HelpTotal.__table__.c, name) * grown // years_back
             for name in COUNTERS}))
    return len(copies)


def refresh_statistics(store) -> None:  # type: ignore[no-untyped-def]
    """PostgreSQL: VACUUM ANALYZE, as autovacuum would have done over years of use."""
    if store.engine.dialect.name != "postgresql":
        return
    with store.engine.connect() as conn:
        conn = conn.execution_options(isolation_level="AUTOCOMMIT")
        for table in ("sessions", "session_techniques", "journal_help_totals"):
            conn.exec_driver_sql(f"VACUUM ANALYZE {table}")


@contextmanager
def serving(url: str, folder: Path) -> Iterator[int]:
    port = free_port()
    env = {**os.environ, "UNKNOT_DATABASE_URL": url, "UNKNOT_DATA_DIR": str(folder)}
    process = subprocess.Popen([str(Path(sys.executable).parent / "unknot"), "serve", "--host",
                                HOST, "--port", str(port), "--no-access-log"], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(600):
            try:
                if get(port, "/api/v1/ping")[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)
        else:
            raise SystemExit("unknot serve did not start")
        yield port
    finally:
        process.terminate()
        process.wait(timeout=15)


_connections: dict[tuple[int, int], http.client.HTTPConnection] = {}


def get(port: int, path: str, slot: int = 0) -> tuple[int, int]:
    """GET over this thread slot's kept-alive connection: (status, bytes)."""
    connection = _connections.get((port, slot))
    if connection is None:
        connection = _connections[(port, slot)] = http.client.HTTPConnection(HOST, port,
                                                                              timeout=60)
    try:
        connection.request("GET", path)
        answer = connection.getresponse()
        body = answer.read()
    except (OSError, http.client.HTTPException):
        _connections.pop((port, slot), None)
        raise
    return answer.status, len(body)


def timed(fn) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def measure(port: int) -> dict[str, tuple[float, float, int]]:
    targets = {
        "GET /api/v1/journal (a year of chart points, the default)":
            lambda: get(port, "/api/v1/journal"),
        f"GET {PAGE_JOURNAL} (what the page asks)": lambda: get(port, PAGE_JOURNAL),
        "GET /api/v1/sessions?limit=20": lambda: get(port, "/api/v1/sessions?limit=20"),
        "journal page (the document, its first view drawn in it)": lambda: get(port, "/journal"),
    }
    paths = ["/api/v1/journal", PAGE_JOURNAL, "/api/v1/sessions?limit=20", "/journal"]
    sizes = {name: get(port, path)[1] for name, path in zip(targets, paths, strict=True)}
    out = {}
    for name, fn in targets.items():
        for _ in range(5):
            fn()  # warm-up
        ms = sorted(timed(fn) for _ in range(ROUNDS))
        out[name] = (statistics.median(ms), ms[min(len(ms) - 1, int(0.95 * len(ms)))],
                     sizes[name])
    return out


def bench_database(label: str, url: str, folder: Path) -> list[str]:
    from fastapi.testclient import TestClient

    from unknot.settings import Settings
    from unknot.storage import open_store
    from unknot.web.app import create_app

    rows = []
    rng = random.Random(9)
    today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    built = 0
    with open_store(url) as store, TestClient(create_app(Settings(data_dir=folder), store=store),
                                              base_url="http://127.0.0.1") as client:
        plans = runnable_plans(client)
        for years in YEARS:
            start = time.perf_counter()
            if built == 0:
                # The newest year, one session at a time through the storage layer.
                add_days(store, plans, today - timedelta(days=365), 365, rng)
                built = 365
            while built < years * 365:
                copy_year_back(store, built // 365)
                built += 365
            refresh_statistics(store)
            print(f"{label}: {years} years built ({built} sessions, "
                  f"{time.perf_counter() - start:.0f} s)", flush=True)
            with serving(url, folder) as port:
                results = measure(port)
            for name, (p50, p95, size) in results.items():
                bar = 50 if years <= 5 else 100
                verdict = "yes" if p95 < bar else "**no**"
                rows.append(f"| {label} | {years} ({built:,} sessions) | {name} | {p50:.1f} | "
                            f"{p95:.1f} | {size:,} | {verdict} (< {bar} ms) |")
                print(rows[-1], flush=True)
    return rows


@contextmanager
def postgres_schema() -> Iterator[str | None]:
    base = os.environ.get("UNKNOT_BENCH_POSTGRES_URL") or os.environ.get("UNKNOT_TEST_POSTGRES_URL")
    if not base:
        yield None
        return
    from sqlalchemy import text

    from unknot.storage import make_engine

    engine = make_engine(base)
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    with engine.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = engine.url.update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with engine.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()


def main() -> str:
    rows: list[str] = []
    loads = [os.getloadavg()[0]]
    with tempfile.TemporaryDirectory(prefix="unknot-journal-") as tmp:
        folder = Path(tmp)
        if "sqlite" in DATABASES:
            rows += bench_database("SQLite", f"sqlite:///{folder / 'journal.db'}", folder)
        with postgres_schema() as url:
            if url is not None and "postgresql" in DATABASES:
                rows += bench_database("PostgreSQL", url, folder)
    loads.append(os.getloadavg()[0])
    return "\n".join([
        "The newest year built through the storage layer (`Store.create_session` and "
        "`finish_session`, what the sessions API calls; one session a day, real plans of 5–20 "
        "minutes), older years copied from it in bulk (PostgreSQL: VACUUM ANALYZE after each "
        "size, as autovacuum would have done over the years), then served "
        f"by `unknot serve` (1 worker) and timed over HTTP on a kept-alive connection, {ROUNDS} times each "
        "after a warm-up. Bars from the issue: p95 under 50 ms at 5 years, under 100 ms at 20. "
        "Sizes are the uncompressed bytes of the answer (the page row: the document). "
        f"Load average (1 min) at the start and the end of the run: {loads[0]:.1f} and "
        f"{loads[1]:.1f} on {os.cpu_count()} cores; under load the p95 column is mostly "
        "the wait for a free core.",
        "",
        "| database | years | request | p50 ms | p95 ms | bytes | under the bar |",
        "|---|---|---|---|---|---|---|",
        *rows,
    ])


if __name__ == "__main__":
    result = main()
    print(result)
    path = ROOT / "BENCHMARKS.md"
    text = path.read_text() if path.exists() else "# Benchmarks\n"
    if "<!-- journal -->" not in text:
        path.write_text(text.rstrip() + f"\n\n{HEADING}\n\n<!-- journal -->\n<!-- /journal -->\n")
    write("journal", result)
