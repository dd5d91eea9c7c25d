"""Families from the blind set holdout55 (the chest, breathing and the heart), written and scored
once in session 9 before mending: text alone 23 of 108 red flags missed, 7 caution misses.
Worded afresh here, with decoys."""

from __future__ import annotations

import pytest

from support.labelled import flag_ids
from unknot.intake.screen import screen


@pytest.mark.parametrize(("text", "rule"), [
    ("my toddler had a handful of peanuts and now he's wheezing and coughing",
     "general.child-inhaled-something"),
    ("coughed up a spoonful of bright red blood just now", "general.coughing-up-a-lot-of-blood"),
    ("58F, central CP 30 min, sweaty, nauseous", "chest.heart-attack"),
])
def test_a_chest_emergency(text, rule):
    result = screen(text)
    assert result.verdict == "urgent"
    assert rule in flag_ids(result)


@pytest.mark.parametrize(("text", "rule"), [
    ("a stinging band of pain round my right side to my back, skin hurts to touch, no rash",
     "general.shingles-before-the-rash"),
    ("my voice has been croaky for six weeks and I haven't had a cold", "general.hoarse-for-weeks"),
    ("my heart races and skips a few times a week and it's never been checked",
     "general.palpitations-not-checked"),
    ("feet and ankles swollen this week and I'm out of breath on the stairs, which is new",
     "general.swelling-with-breathlessness"),
    ("I have osteoporosis and after a sneeze there's a sharp pain in my ribs",
     "general.rib-pain-on-fragile-bones"),
    ("using my ventolin every few hours this week, usually once a week",
     "general.reliever-inhaler-much-more"),
    ("my little boy has a cough like a seal at night", "general.croup"),
    ("had a stent fitted three days ago, can I massage my shoulders", "general.heart-procedure-days-ago"),
    ("my ICD went off this afternoon, I feel ok now", "general.icd-one-shock"),
    ("my arm aches when I'm digging the allotment and goes off when I rest", "chest.exertional-tightness"),
    ("front of my chest has ached for days since I started doing dips", "chest.wall-pain"),
])
def test_a_chest_sign_for_a_doctor(text, rule):
    result = screen(text)
    assert result.verdict in {"see_doctor", "urgent"}
    assert rule in flag_ids(result)


@pytest.mark.parametrize(("text", "left_out"), [
    ("costochondritis diagnosed by my GP, neck and shoulders tight", {"chest"}),
    ("dual chamber PPM fitted last year, shoulders stiff", {"chest", "percussion"}),
    ("stent in March, on DAPT, lower back tight", {"deep_pressure", "percussion"}),
    ("heart bypass last year, all healed, upper back stiff", {"chest"}),
])
def test_what_a_heart_or_chest_condition_leaves_out(text, left_out):
    result = screen(text)
    assert result.verdict == "caution"
    assert left_out <= set(result.avoid)


@pytest.mark.parametrize("text", [
    "did the heart attack burger challenge, now I'm stuffed, tummy rub?",
    "my shoulders creep up to my ears when I'm stressed, how do I breathe slower",
    "had a full heart workup after a faint last year, it was a simple faint, neck stiff",
    "GP did an ECG last month and said it was a strained muscle, pain completely gone, shoulders tight",
    "my posture is stooped and my chest feels tight, shoulders round forward, no pain",
    "my belly button pops out when I cough, a bit bloated",
])
def test_not_a_chest_emergency(text):
    result = screen(text)
    assert result.verdict in {"ok", "caution"}, [f.id for f in result.red_flags]
