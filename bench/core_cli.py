"""CLI start-up: `unknot --help`, `unknot intake` and `unknot plan` against the bare interpreter.

Measured with hyperfine (wall time, no shell), side by side in one run. The commands
normally load the rules, lexicon, library and word list from their prepared form in
the cache folder; one more row times `unknot intake` with that folder emptied before
every run (the first command after an install or a change to a data file).

Run with `.venv/bin/python bench/core_cli.py`; written to BENCHMARKS.md between the
`cli` markers, with the machine and the date.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from core import ROOT, write  # noqa: E402

PYTHON = ROOT / ".venv" / "bin" / "python"
TEXT = "neck and shoulders tight from the desk, headache coming"


def commands(checkout: Path) -> list[tuple[str, str]]:
    """The commands, run from `checkout` (its src first on the path; `env` costs ~1 ms)."""
    unknot = f"env PYTHONPATH={checkout / 'src'} {ROOT / '.venv' / 'bin' / 'unknot'}"
    return [
        ("`unknot --help`", f"{unknot} --help"),
        ("`unknot intake \"…\"`", f"{unknot} intake '{TEXT}'"),
        ("`unknot intake --json \"…\"`", f"{unknot} intake --json '{TEXT}'"),
        ("`unknot plan \"…\"`", f"{unknot} plan '{TEXT}'"),
    ]
BAR_MS = 300


def hyperfine(commands: list[str], *extra: str) -> list[dict]:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "result.json"
        subprocess.run(["hyperfine", "-N", "--warmup", "2", "--runs", "20", "--export-json",
                        str(out), *extra, *commands], check=True, capture_output=True)
        return json.loads(out.read_text())["results"]


def _row(label: str, result: dict, bare: float) -> str:
    cpu = (result["user"] + result["system"]) * 1000
    return (f"| {label} | {result['mean'] * 1000:.0f} ± {result['stddev'] * 1000:.0f} | "
            f"{result['min'] * 1000:.0f} | {cpu:.0f} | {result['mean'] / bare:.1f}× |")


def main(before: Path | None = None) -> str:
    if shutil.which("hyperfine") is None:
        raise SystemExit("hyperfine is missing: apt-get install -y hyperfine")
    # An installed unknot has its bytecode compiled (pip does it on install); without it,
    # and with PYTHONDONTWRITEBYTECODE set (as on shared machines), every run would compile
    # each module's source again and time that instead.
    for checkout in (ROOT, before) if before else (ROOT,):
        subprocess.run([str(PYTHON), "-m", "compileall", "-q", str(checkout / "src")], check=True,
                       capture_output=True)
    now = [("bare interpreter (`python -c pass`)", f"{PYTHON} -c pass"), *commands(ROOT)]
    old = [(f"{label}, before ({before.name})", command)
           for label, command in commands(before)] if before else []
    results = hyperfine([command for _, command in now + old])
    bare = results[0]["mean"]
    rows = [_row(label, result, bare) for (label, _), result in zip(now + old, results, strict=True)]
    results = results[:len(now)]
    # The first run after a data file changed: the prepared form is made again.
    with tempfile.TemporaryDirectory() as home:
        cache = Path(home) / ".cache"
        cold = hyperfine([f"env HOME={home} {now[2][1]}"], "--prepare", f"rm -rf {cache}")
    rows.append(_row("`unknot intake \"…\"`, cache folder emptied before each run", cold[0], bare))
    slowest = max(r["mean"] for r in results[1:]) * 1000
    slowest_cpu = max(r["user"] + r["system"] for r in results[1:]) * 1000
    verdict = "meets" if slowest < BAR_MS else "does not meet"
    return "\n".join([
        "Both checkouts' modules byte-compiled first, as an installed copy is. "
        "hyperfine -N, 2 warm-up runs and 20 timed runs each, one run side by side. Wall time, "
        "and the CPU time (user + system) the command used: on a shared machine other "
        f"programs' load stretches the wall time (load average {os.getloadavg()[0]:.1f} on "
        f"{os.cpu_count()} cores at the start of this run).",
        "",
        "| command | wall mean ms | wall min ms | CPU ms | wall vs bare interpreter |",
        "|---|---|---|---|---|",
        *rows,
        "",
        f"The bar (each command under {BAR_MS} ms wall): {verdict} it in this run (slowest "
        f"{slowest:.0f} ms wall, {slowest_cpu:.0f} ms CPU).",
    ])


if __name__ == "__main__":
    # --before DIR: also time an older checkout of unknot, side by side in the same run.
    older = Path(sys.argv[sys.argv.index("--before") + 1]) if "--before" in sys.argv else None
    result = main(older)
    print(result)
    write("cli", result)
