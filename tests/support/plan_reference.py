"""The plans of a broad, fixed set of requests, kept as digests of their JSON.

Made once from the code before the speed work (issue 9) and kept in
tests/data/plan_reference.json with the requests themselves (their texts are in
the file, so new labelled sentences elsewhere change nothing here).
`tests/test_planner_reference.py` makes every plan again and compares: a faster
planner must give the same plans, byte for byte.

When a change is *meant* to change plans (a new technique, a rule, a new way of
choosing), make the file again and say so in the commit:

    .venv/bin/python tests/support/plan_reference.py --write           # same requests
    .venv/bin/python tests/support/plan_reference.py --write --fresh   # draw them anew
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent.parent / "data"
REFERENCE = DATA / "plan_reference.json"

AREAS = ["neck", "shoulders", "upper back", "lower back", "jaw", "calves", "feet", "hands",
         "forearms", "thighs", "hips", "head", "temples", "glutes", "shoulder blades", "scalp",
         "tummy", "knees", "arms", "chest"]
FEELINGS = ["tight", "stiff", "sore", "aching", "knotted", "tense", "tired", "heavy"]
CAUSES = ["from the desk", "after a long drive", "after my run", "from the laptop",
          "after the gym", "from sleeping funny", "from stress at work", "", ""]
EXTRAS = ["", "", " and I can't switch off", ", have a tennis ball", ", no numbness",
          ", want something for sleep", ", headache coming on", ". I'm 28 weeks pregnant",
          ". I take warfarin", ", got a foam roller", ". I'm 81", ", need more energy",
          ". I have osteoporosis", ", my tummy is bloated"]
SETTINGS = ["desk", "sofa", "bed", "floor", "anywhere"]
PRESSURES = ["light", "moderate", "firm"]
TOOLS = ["hands", "tennis_ball", "massage_ball", "foam_roller", "wall", "chair",
         "handheld_massager", "massage_gun"]
REGIONS = ["neck", "shoulders", "upper_back", "lower_back", "calves", "feet", "hands", "jaw"]
GOALS = ["sleep", "stress_relief", "energy", "headache_relief", "stiffness", "recovery"]


def _texts(rng: random.Random, count: int) -> list[str]:
    """Half labelled sentences (every kind), half everyday complaints."""
    labelled = []
    for path in sorted(DATA.glob("intake_*.yaml")):
        labelled.extend(case["text"] for case in yaml.safe_load(path.read_text(encoding="utf-8"))
                        if case.get("text"))
    out = []
    for _ in range(count):
        if rng.random() < 0.5:
            out.append(rng.choice(labelled))
        else:
            out.append(f"{rng.choice(AREAS)} {rng.choice(FEELINGS)} {rng.choice(CAUSES)}".strip()
                       + rng.choice(EXTRAS))
    return out


def make_requests(count: int = 600, seed: int = 9) -> list[dict]:
    """Varied requests (text, minutes 1–60, setting, pressure, tools, seed, some areas,
    goals and answers) as the JSON bodies of POST /api/v1/plans, plus `rest_no`."""
    rng = random.Random(seed)
    out = []
    for text in _texts(rng, count):
        body: dict = {"text": text, "minutes": rng.randint(1, 60),
                      "setting": rng.choice(SETTINGS), "pressure": rng.choice(PRESSURES),
                      "tools": sorted(rng.sample(TOOLS, rng.randint(0, 3))),
                      "seed": rng.randint(0, 100_000)}
        if rng.random() < 0.15:
            body["regions"] = rng.sample(REGIONS, rng.randint(1, 2))
        if rng.random() < 0.15:
            body["goals"] = rng.sample(GOALS, 1)
        if rng.random() < 0.1:
            body["answers"] = {"age": rng.randint(18, 90)}
        out.append({"request": body, "rest_no": rng.random() < 0.5})
    return out


def plan_json(case: dict) -> str:
    from unknot.planner import PlanRequest, build_plan

    request = PlanRequest.model_validate(case["request"])
    return build_plan(request, rest_no=case["rest_no"]).model_dump_json()


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def write(fresh: bool = False) -> None:
    """Digest every request's plan again. The requests themselves are kept (new labelled
    sets would otherwise change which sentences are drawn); `fresh` draws them anew."""
    if fresh or not REFERENCE.exists():
        cases = make_requests()
    else:
        cases = [{"request": case["request"], "rest_no": case["rest_no"]}
                 for case in json.loads(REFERENCE.read_text(encoding="utf-8"))]
    for case in cases:
        case["plan_sha256"] = digest(plan_json(case))
    lines = ",\n".join(json.dumps(case, ensure_ascii=False) for case in cases)
    REFERENCE.write_text(f"[\n{lines}\n]\n", encoding="utf-8")


if __name__ == "__main__":
    if "--write" not in sys.argv:
        raise SystemExit(__doc__)
    write(fresh="--fresh" in sys.argv)
