"""Families found by the blind set holdout46 (the belly, digestion and the chest wall as
people describe them). Each test is a family, worded afresh, with decoys.
"""

from __future__ import annotations

import pytest

from support.labelled import flag_ids
from unknot.intake.screen import screen


@pytest.mark.parametrize(("text", "rule"), [
    ("my tummy swells up every evening for the last two months and my jeans won't do up, I'm 60",
     "abdomen.persistent-bloating"),
    ("I can feel a throbbing like a heartbeat above my belly button when I lie down, I'm 74",
     "abdomen.pulsing-belly"),
    ("burning pain at the top of my stomach for months, it wakes me and antacids don't help "
     "anymore", "abdomen.persistent-indigestion"),
    ("pain in my upper tummy that goes straight through to my back after a night out",
     "abdomen.pain-through-to-back"),
    ("the hospital said it's a kidney stone and I should wait for it to pass",
     "abdomen.kidney-stone-known"),
    ("I'm 58 and straining on the loo is new for me this year", "abdomen.straining-new"),
    ("the bulge from my old hernia repair has come back and aches", "abdomen.hernia-changing"),
    ("16 weeks pregnant and it burns when I wee", "abdomen.uti-in-pregnancy"),
    ("Grandma has dementia, she's holding her tummy and hasn't had a poo for five days",
     "abdomen.older-person-belly-and-no-stool"),
    ("my daughter has had tummy aches for weeks and she's very pale and not growing",
     "abdomen.child-belly-pain-weeks"),
    ("a band of burning along one side of my ribs but no rash yet, I'm 75",
     "general.shingles-before-rash"),
])
def test_the_bellys_dangerous_twins(text, rule):
    assert rule in flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my hernia popped out and won't push back in, it's gone dark and I feel sick",
    "pain just inside my right hip bone, worse with every step, started round my belly button",
    "my boy says his private parts are swollen and really painful on one side, started 2 hrs ago",
    "kidney stone again, I'm shivering, temperature 39 and being sick",
])
def test_a_belly_emergency(text):
    assert screen(text).verdict == "urgent"


@pytest.mark.parametrize(("text", "left_out"), [
    ("I have a PEG feeding tube since my stroke three years ago, my hands are stiff", "abdomen"),
    ("fourteen weeks with twins, neck stiff from work", "abdomen"),
])
def test_what_the_belly_asks_to_leave_out(text, left_out):
    result = screen(text)
    assert result.verdict == "caution" and left_out in result.avoid


@pytest.mark.parametrize("text", [
    "my stomach is killing me after that huge takeaway lol, gentle tummy rub please",
    "haven't been since Friday, I've been on the road eating airport food, usually regular",
    "acid reflux after a rich dinner, my usual, want to relax my jaw",
    "ward nurse, a week of jaundiced patients, I need to unwind: scalp please",
    "breastfeeding a 9 month old, c-section was last year and healed, bunged up this week",
])
def test_ordinary_digestion_and_work_talk_are_not_red_flags(text):
    assert screen(text).verdict in ("ok", "caution")
