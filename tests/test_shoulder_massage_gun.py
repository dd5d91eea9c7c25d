"""A massage gun brought for tight shoulders is used on the shoulders, safely (issue 8 §1).

"A massage gun offered for tight shoulders was never used": the library had no
massage-gun technique for the upper trapezius. These tests hold the planner to
using the one it has now, naming the gun in the step's reason, and to leaving it
out for the people a massage gun is not safe for.
"""

from __future__ import annotations

import pytest

from unknot.library.loader import default_library
from unknot.planner import PlanRequest, build_plan

LIBRARY = default_library()
GUN_ON_SHOULDERS = [t for t in LIBRARY.techniques
                    if "massage_gun" in t.tools and "shoulders" in t.regions]


def test_the_library_has_a_massage_gun_technique_for_the_shoulders() -> None:
    assert GUN_ON_SHOULDERS
    for technique in GUN_ON_SHOULDERS:
        assert "percussion" in technique.modalities
        assert {"pregnancy", "bleeding_risk", "fragile_bones", "lost_sensation", "cancer",
                "frailty"} <= set(technique.contraindications)
        assert "firm" not in technique.pressures and "light" in technique.pressures
        said = " ".join(technique.cautions).lower()
        assert "never use it on the neck" in said and "lowest speed" in said
        words = " ".join(step.instruction for step in technique.steps).lower()
        assert "lowest speed" in words and "keep it moving" in words
        assert technique.stop_if.startswith("Stop if")


@pytest.mark.parametrize("text, minutes, setting", [
    ("tight shoulders from stress", 10, "desk"),
    ("my upper traps are tight and sore after the gym", 12, "anywhere"),
    ("stiff shoulders", 8, "sofa"),
])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_massage_gun_brought_for_tight_shoulders_is_used_there(text, minutes, setting,
                                                                  seed) -> None:
    plan = build_plan(PlanRequest(text=text, minutes=minutes, setting=setting,
                                  tools=["massage_gun"], seed=seed))
    with_gun = [s for s in plan.steps if "massage_gun" in s.tools]
    assert with_gun, [s.technique for s in plan.steps]
    assert all("shoulders" in s.regions for s in with_gun)
    assert sorted(s.side for s in with_gun) == ["left", "right"]  # both sides, one each
    assert all("massage gun" in s.why for s in with_gun)
    assert all(s.pressure in ("light", "moderate") for s in with_gun)
    first_hands_on = next(s for s in plan.steps if s.kind in ("massage", "stretch"))
    assert "massage_gun" not in first_hands_on.tools  # hands first, then the gun


@pytest.mark.parametrize("text", [
    "tight shoulders, I take warfarin",
    "tight shoulders, I am 20 weeks pregnant",
    "tight shoulders, I have osteoporosis",
])
def test_the_gun_stays_out_for_whom_it_is_not_safe(text) -> None:
    plan = build_plan(PlanRequest(text=text, minutes=12, setting="desk", tools=["massage_gun"]))
    assert plan.steps
    assert not [s.technique for s in plan.steps if "massage_gun" in s.tools]
