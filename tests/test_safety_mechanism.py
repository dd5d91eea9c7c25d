"""A dangerous mechanism is a fall or a crash, not the place where everyday work happens.

Found while using the web app: "carrying boxes up and down the stairs" was read as a
fall down the stairs and sent to emergency help; "up a ladder painting" as a fall from one.
"""

from __future__ import annotations

import pytest

from unknot.intake.screen import screen

EVERYDAY = [
    "my back is sore from carrying boxes up and down the stairs all day",
    "up a ladder painting the ceiling all day, neck aches",
    "cleaning the roof gutters yesterday, shoulders are tight",
    "neck stiff from sitting in the car for hours on the drive there and back",
]
FALLS_AND_CRASHES = [
    "my lower back hurts after I fell down the stairs yesterday",
    "she slipped off the stepladder and landed on her back, it really hurts",
    "Grandad (88) tumbled down the last five or six stairs this morning, his neck is sore",
    "Car flipped onto its roof on the motorway this afternoon, I walked away but my neck hurts",
]


@pytest.mark.parametrize("text", EVERYDAY)
def test_everyday_stairs_ladders_and_drives_are_not_an_injury(text):
    result = screen(text)
    assert result.verdict in {"ok", "caution"}, [(f.id, f.evidence) for f in result.red_flags]


@pytest.mark.parametrize("text", FALLS_AND_CRASHES)
def test_a_fall_or_a_crash_with_back_or_neck_pain_is_an_emergency(text):
    assert screen(text).verdict == "urgent"
