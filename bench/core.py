"""The screen and the planner in process: intake, and intake + plan, on 3,000 varied texts;
plan time as the library grows 10× and 100×.

Run with `.venv/bin/python bench/core.py`; results are printed and written to BENCHMARKS.md
(the section between the `core` markers), with the machine and the date. The texts come
from `core_texts.py` (labelled sentences and templates, the same every run).
"""

from __future__ import annotations

import gc
import os
import platform
import random
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from core_texts import varied_texts  # noqa: E402
from unknot.intake.screen import default_engine, screen  # noqa: E402
from unknot.library.loader import Library, default_library  # noqa: E402
from unknot.planner import PlanRequest, build_plan  # noqa: E402
from unknot.text.scope import _names_in, _over_in  # noqa: E402
from unknot.vocabulary import GOALS, PRESSURES, REGIONS, SETTINGS, TOOLS  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
COUNT = 3000


def requests(count: int, seed: int = 7) -> list[PlanRequest]:
    """Varied requests: a different text, minutes, setting, pressure, tools and seed each."""
    rng = random.Random(seed)
    out = []
    for text in varied_texts(count, seed):
        out.append(PlanRequest(
            text=text, minutes=rng.randint(1, 60), setting=rng.choice(SETTINGS),
            pressure=rng.choice(PRESSURES), seed=rng.randint(0, 10_000),
            tools=rng.sample(TOOLS, rng.randint(0, 3)),
            regions=rng.sample(REGIONS, rng.randint(0, 1)) if rng.random() < 0.2 else [],
            goals=rng.sample(GOALS, rng.randint(0, 1)) if rng.random() < 0.2 else []))
    return out


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


# CPU time of this process, not wall time: on a shared machine other programs' load
# would otherwise count as ours (on an idle machine the two agree within a few per cent).
CLOCK = time.process_time


def timed(fn, items) -> list[float]:
    out = []
    for item in items:
        start = CLOCK()
        fn(item)
        out.append((CLOCK() - start) * 1000)
    return out


def cold() -> None:
    """Forget what was memoised about requests seen before (every request counts in full)."""
    _over_in.cache_clear()
    _names_in.cache_clear()
    try:
        from unknot.planner.render import CUE_MEMO
    except ImportError:  # an older checkout (--before) has no cue memo
        return
    CUE_MEMO.clear()


def bigger(library: Library, factor: int) -> Library:
    copies = [t.model_copy(update={"id": f"{t.id}-copy{i}"}) for i in range(factor)
              for t in library.techniques]
    return Library(tuple(copies))


def _figures(values: list[float]) -> str:
    return f"p50 {percentile(values, .5):.3f} ms, p99 {percentile(values, .99):.3f} ms"


def measure() -> dict[str, list[float]]:
    reqs = requests(COUNT)
    # A long-running process has compiled every pattern and read the word list once;
    # a command compiles only what its text needs (see "CLI start-up").
    engine = default_engine()
    if hasattr(engine, "compile_all"):  # (an older checkout compiles them as it loads)
        engine.compile_all()
    for request in reqs[:1000]:
        build_plan(request)
    # As in a fresh process: every full collection walks what start-up loaded.
    unfrozen = timed(lambda r: (cold(), build_plan(r)), reqs)
    # As `unknot serve` runs: what start-up loaded frozen out of the collector's way
    # (`gc.freeze()` in the app's start-up), so a full collection walks only new objects.
    gc.freeze()
    return {
        "unfrozen_plan": unfrozen,
        "intake": timed(lambda r: (cold(), screen(r.text, r.answers)), reqs),
        "plan": timed(lambda r: (cold(), build_plan(r)), reqs),
        "warm_intake": timed(lambda r: screen(r.text, r.answers), reqs),
        "warm_plan": timed(lambda r: build_plan(r), reqs),
        "routines": [sum(1 for r in reqs[:500] if build_plan(r).steps) / 500],
    }


def measure_before(checkout: Path) -> dict[str, list[float]]:
    """The same measurement on an older checkout of unknot (its src first on the path)."""
    import json
    import os
    import subprocess

    env = {**os.environ, "PYTHONPATH": str(checkout / "src")}
    out = subprocess.run([sys.executable, __file__, "--json"], env=env, check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)


def main(before: Path | None = None) -> str:
    figures = measure()
    reqs = requests(COUNT)
    intake_ms, plan_ms = figures["intake"], figures["plan"]
    warm_intake, warm_plan = figures["warm_intake"], figures["warm_plan"]
    routines = figures["routines"][0]
    lines = [
        f"- requests: {len(reqs)} varied texts (half labelled sentences of every kind, half "
        f"everyday complaints from templates; bench/core_texts.py) × minutes 1–60 × settings × "
        f"pressures × tools × seeds; {routines:.0%} get a routine, the rest a doctor or a question",
        "- every memo cleared before each request (the scope's per-text memos, the cue memo), so "
        "the figures are the work itself; patterns compiled and what start-up loaded frozen out "
        "of the garbage collector's way beforehand, as in a running server (`unknot serve`)",
        f"- CPU time of the process per request (the machine was shared: load average "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores at the start)",
        f"- intake alone: {_figures(intake_ms)} (memos kept, a cache figure: {_figures(warm_intake)})",
        f"- intake + plan: {_figures(plan_ms)}, max {max(plan_ms):.2f} ms "
        f"(memos kept, a cache figure: {_figures(warm_plan)})",
        f"- intake + plan with the collector as in a fresh process (start-up's objects not "
        f"frozen, measured first): {_figures(figures['unfrozen_plan'])}, "
        f"max {max(figures['unfrozen_plan']):.2f} ms",
    ]
    if before is not None:
        old = measure_before(before)
        lines.append(f"- the same run on the code before this work ({before.name}): intake "
                     f"{_figures(old['intake'])}; intake + plan {_figures(old['plan'])} — "
                     f"{percentile(old['intake'], .5) / percentile(intake_ms, .5):.1f}× and "
                     f"{percentile(old['plan'], .5) / percentile(plan_ms, .5):.1f}× at p50")
    base = default_library()
    sample = requests(300, seed=11)
    rows = []
    reference = None
    for factor in (1, 10, 100):
        library = base if factor == 1 else bigger(base, factor)
        ms = timed(lambda r, lib=library: build_plan(r, library=lib), sample)
        median = statistics.median(ms)
        reference = reference or median
        rows.append(f"| {len(library.techniques)} ({factor}×) | {median:.2f} | "
                    f"{percentile(ms, .99):.2f} | {median / reference:.1f}× |")
    table = ["", "| library size | plan p50 ms | plan p99 ms | p50 vs 1× |", "|---|---|---|---|",
             *rows]
    p50, p99 = percentile(plan_ms, .5), percentile(plan_ms, .99)
    intake_p50 = percentile(intake_ms, .5)
    verdict = "meets" if p50 < 1 and p99 < 2 and intake_p50 < 0.3 else "does not meet"
    bar = [f"- the bar (intake under 0.3 ms p50; intake + plan under 1 ms p50 and 2 ms p99): "
           f"{verdict} it (intake p50 {intake_p50:.3f} ms; intake + plan p50 {p50:.3f} ms, "
           f"p99 {p99:.3f} ms)."]
    return "\n".join(lines + bar + table)


def machine() -> str:
    """CPU model, cores, memory and Python, for the record beside each result."""
    import os

    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        memory = f", {pages / 2**30:.0f} GiB"
    except (OSError, ValueError):
        memory = ""
    return (f"{model}, {os.cpu_count()} cores{memory}, Python {platform.python_version()}, "
            f"{platform.system()}")


TITLES = {"core": "Screen and plan (in process)", "cli": "CLI start-up"}


def write(section: str, body: str) -> None:
    path = ROOT / "BENCHMARKS.md"
    text = path.read_text() if path.exists() else "# Benchmarks\n"
    start, end = f"<!-- {section} -->", f"<!-- /{section} -->"
    header = f"Machine: {machine()} — run {date.today()}"
    block = f"{start}\n{header}\n\n{body}\n{end}"
    if start in text:
        text = text[:text.index(start)] + block + text[text.index(end) + len(end):]
    else:
        text = text.rstrip() + f"\n\n## {TITLES.get(section, section)}\n\n{block}\n"
    path.write_text(text)


if __name__ == "__main__":
    if "--json" in sys.argv:
        import json

        print(json.dumps(measure()))
        raise SystemExit(0)
    # --before DIR: also measure an older checkout of unknot, side by side.
    older = Path(sys.argv[sys.argv.index("--before") + 1]) if "--before" in sys.argv else None
    result = main(older)
    print(result)
    write("core", result)
