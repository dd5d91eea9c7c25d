"""The first region named is the complaint the planner serves first; when two regions are
found at the same words, the more specific (longer) mention leads."""

from __future__ import annotations

import pytest

from unknot.intake.screen import screen
from unknot.planner.compose import build_plan
from unknot.planner.request import PlanRequest


@pytest.mark.parametrize("text", [
    "knots between my shoulder blades from the desk",
    "my shoulder blades feel tight after rowing",
    "a knot under my right shoulder blade",
])
def test_shoulder_blades_are_the_upper_back_first(text):
    assert screen(text).regions[0] == "upper_back"


def test_the_shoulders_still_lead_when_they_are_named_first():
    assert screen("tight shoulders and a knot under my shoulder blade").regions[0] == "shoulders"


def test_a_massage_gun_brought_for_the_shoulder_blades_works_around_them():
    plan = build_plan(PlanRequest(text="knots between my shoulder blades", minutes=10,
                                  tools=["massage_gun"], answers={"questions": {}}))
    ids = [step.technique for step in plan.steps]
    assert "shoulder-blade-massage-gun" in ids
