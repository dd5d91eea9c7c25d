"""Intake + plan latency over varied requests, and plan time as the library grows 10× and 100×.

Run with `.venv/bin/python bench/core.py`; results are printed and written to BENCHMARKS.md
(the section between the `core` markers), with the machine and the date.
"""

from __future__ import annotations

import platform
import random
import statistics
import time
from datetime import date
from pathlib import Path

from unknot.intake.screen import screen
from unknot.library.loader import Library, default_library
from unknot.planner import PlanRequest, build_plan
from unknot.text.scope import _names_in, _over_in
from unknot.vocabulary import GOALS, PRESSURES, REGIONS, SETTINGS, TOOLS

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [
    "neck and shoulders tight from the desk, headache coming", "can't sleep, mind racing",
    "sore lower back after gardening, no numbness", "calves sore after my 10k run",
    "bit constipated and bloated, no blood", "jaw tight from clenching, stressed",
    "I'm 20 weeks pregnant and my back aches", "I take warfarin, shoulders knotted",
    "tension headache behind my eyes", "tired feet after standing all day",
    "upper back stiff, have a tennis ball", "anxious and overwhelmed, need to calm down",
    "worst headache of my life, sudden", "my calf is swollen and hot",
]


def requests(count: int, seed: int = 7) -> list[PlanRequest]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        text = rng.choice(TEXTS)
        out.append(PlanRequest(
            text=text, minutes=rng.randint(1, 60), setting=rng.choice(SETTINGS),
            pressure=rng.choice(PRESSURES), seed=rng.randint(0, 10_000),
            tools=rng.sample(TOOLS, rng.randint(0, 3)),
            regions=rng.sample(REGIONS, rng.randint(0, 1)),
            goals=rng.sample(GOALS, rng.randint(0, 1))))
    return out


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def timed(fn, items) -> list[float]:
    out = []
    for item in items:
        start = time.perf_counter()
        fn(item)
        out.append((time.perf_counter() - start) * 1000)
    return out


def cold() -> None:
    """Forget what the scope memoised about texts seen before (every request counts in full)."""
    _over_in.cache_clear()
    _names_in.cache_clear()


def bigger(library: Library, factor: int) -> Library:
    copies = [t.model_copy(update={"id": f"{t.id}-copy{i}"}) for i in range(factor)
              for t in library.techniques]
    return Library(tuple(copies))


def main() -> str:
    reqs = requests(3000)
    screen("warm up")
    build_plan(reqs[0])
    # The texts repeat, so the scope's per-text memos would hit: clear them before each
    # request to measure the work itself, and report the memo figure beside it.
    intake_ms = timed(lambda r: (cold(), screen(r.text, r.answers)), reqs)
    warm_ms = timed(lambda r: screen(r.text, r.answers), reqs)
    plan_ms = timed(lambda r: (cold(), build_plan(r)), reqs)
    lines = [
        f"- requests: {len(reqs)} varied (texts × minutes 1–60 × settings × tools × seeds)",
        f"- intake alone: p50 {percentile(intake_ms, .5):.2f} ms, p99 {percentile(intake_ms, .99):.2f} ms"
        f" (with the scope's per-text memos warm, a cache figure: p50 {percentile(warm_ms, .5):.2f} ms)",
        f"- intake + plan: p50 {percentile(plan_ms, .5):.2f} ms, p99 {percentile(plan_ms, .99):.2f} ms, "
        f"max {max(plan_ms):.2f} ms",
    ]
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
    verdict = "meets" if p50 < 1 and p99 < 2 else "does not meet"
    bar = [f"- SPEC §7 (intake + plan under 1 ms p50 and 2 ms p99): {verdict} the bar "
           f"(p50 {p50:.2f} ms, p99 {p99:.2f} ms)."]
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


def write(section: str, body: str) -> None:
    path = ROOT / "BENCHMARKS.md"
    text = path.read_text() if path.exists() else "# Benchmarks\n"
    start, end = f"<!-- {section} -->", f"<!-- /{section} -->"
    header = f"Machine: {machine()} — run {date.today()}"
    block = f"{start}\n{header}\n\n{body}\n{end}"
    if start in text:
        text = text[:text.index(start)] + block + text[text.index(end) + len(end):]
    else:
        text = text.rstrip() + f"\n\n## Intake and plan (in process)\n\n{block}\n"
    path.write_text(text)


if __name__ == "__main__":
    result = main()
    print(result)
    write("core", result)
