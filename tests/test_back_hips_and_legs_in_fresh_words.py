"""Families found by the blind set holdout45 (the back, hips and legs as people describe
them: everyday aches and their dangerous twins). Each test is a family, worded afresh, with
decoys.
"""

from __future__ import annotations

import pytest

from support.labelled import flag_ids
from unknot.intake.screen import screen


@pytest.mark.parametrize(("text", "rule"), [
    ("my daughter is 12 and has been walking funny for a few weeks, her knee hurts",
     "general.child-limp"),
    ("my shin hurts at one spot I can point to, and now it throbs at night; half marathon soon",
     "legs.stress-fracture-signs"),
    ("felt like someone kicked the back of my ankle at badminton, now I can't go up on tiptoe",
     "legs.achilles-or-calf-snap"),
    ("every time I run, the front of my lower leg goes tight and burning and my toes tingle",
     "legs.exertional-compartment"),
    ("shooting pains down both legs from my back for a week now", "back.both-legs-sciatica"),
    ("osteoporosis, and a sudden pain in my mid back after lifting the shopping",
     "back.fragile-bones-new-pain"),
    ("I have psoriasis and my lower back is stiff for an hour every morning for months",
     "back.inflammatory-pattern"),
    ("always thirsty and weeing all the time lately, feet tingle",
     "general.thirst-and-passing-urine"),
    ("my knees and ankles keep getting hot and swollen on and off, with a rash",
     "general.several-hot-swollen-joints"),
    ("my back has hurt for two months, I'm 64, never had back trouble, in the night it's worse",
     "back.night-pain"),
    ("calves hurt when I walk and it stops when I sit, I'm 68 and used to smoke",
     "legs.pain-on-walking-eased-by-rest"),
])
def test_the_back_and_legs_dangerous_twins(text, rule):
    assert rule in flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "did a hard spin class yesterday, my thighs are swollen and agony and my pee looks like coke",
    "my 5 year old had a fever and now won't put weight on her leg and screams when I move her hip",
    "grandad says his tummy has a pulse in it and now he has a sudden awful pain in his back",
    "my son fell off his bike, can't put any weight on his leg and it looks turned outwards",
    "took a knee to the thigh at rugby, it's hard as wood and swelling, my foot is tingling",
    "my dad is 74, smoker, sudden pain right through from his belly to his back, like ripping, "
    "he's grey",
    "for two hours my foot has been cold as ice and a waxy colour and it hurts",
])
def test_a_leg_or_back_emergency(text):
    assert screen(text).verdict == "urgent"


@pytest.mark.parametrize(("text", "left_out"), [
    ("old disc bulge at L5/S1, settled, lower back just stiff", "deep_pressure"),
    ("my physio says nothing aggressive on the hamstring yet", "deep_pressure"),
    ("eczema behind my knees and on my inner thighs, back stiff", "thighs"),
    ("fractured my ankle three weeks ago, still in a boot, hips stiff", "calves"),
    ("I'm 80 and my son wants to rub my feet in the evening, I'm frail", "deep_pressure"),
])
def test_what_the_back_and_legs_ask_to_leave_out(text, left_out):
    result = screen(text)
    assert result.verdict == "caution" and left_out in result.avoid


@pytest.mark.parametrize("text", [
    "I'm a physio, we had a cauda equina patient in today; my own back is just tired, nothing else",
    "my legs are dead after leg day, both legs tired, want a recovery routine",
    "my abuela is 80 and her feet ache after church",
])
def test_everyday_legs_and_work_talk_are_not_red_flags(text):
    assert screen(text).verdict in ("ok", "caution")
