"""Families from the blind set holdout49 (older adults and those who care for them), written
and scored once in session 8 before mending; the set joined tests/data. Worded afresh, with
decoys for each family."""

from __future__ import annotations

import pytest

from unknot.intake.screen import screen


@pytest.mark.parametrize("text", [
    "Nan went over in the garden and she's lying on the path, her leg is turned out and she "
    "says it's agony to move",
    "my knee gave way in the shop and now I can't put any weight on that hip at all, I'm 80",
    "Grandad's been muddled since this morning, he thinks it's 1985 and he was sharp as anything yesterday",
    "Mum is 88 and today she doesn't know where she is and keeps calling me by my sister's name",
])
def test_an_older_persons_emergency_told_plainly(text):
    assert screen(text).verdict == "urgent"


@pytest.mark.parametrize("text", [
    "I'm 76 and my temple has been tender to touch for a couple of weeks, it's new",
    "since I turned 72 my scalp hurts when I brush my hair",
    "Dad's hardly drinking, his wee is very dark and he's sleepier than usual",
    "started on simvastatin last month and my thighs ache and feel weak climbing stairs",
    "my ankles are puffy and I've put on 2 kilos in four days, breathless lying in bed",
    "on rivaroxaban and there are big bruises on my arms I can't explain, and my nose keeps bleeding",
    "taking naproxen every day for my knees and I've had heartburn and I'm so tired and pale",
    "there are bruises like fingermarks on Mum's wrists and she goes quiet when I ask who did it",
    "I have osteoporosis and slipped in the bathroom on Monday, my hip is still sore when I walk",
    "since my husband died I feel it would be easier not to wake up, my shoulders ache",
])
def test_an_older_persons_sign_that_needs_a_doctor(text):
    assert screen(text).verdict in {"see_doctor", "urgent"}


@pytest.mark.parametrize("text", [
    "my friend fell and broke her wrist, I'm fine, just stiff shoulders from driving her about",
    "the GP did bloods for arteritis and they were normal, my headaches are tension from the garden",
    "the article said pins and needles can mean a stroke but mine is just from kneeling, gone now",
    "angiogram clear last year, the chest pain was a pulled muscle, neck stiff after the drive",
    "couldn't breathe for laughing at the grandkids' show, knees sore from the floor",
    "Mum had a wobbly spell last week, bloods normal, GP is happy and she's back to her usual self",
    "Mum has dementia and asks the same thing all day, as usual, she loves a hand massage",
])
def test_an_older_persons_ordinary_day_is_not_escalated(text):
    assert screen(text).verdict in {"ok", "caution"}


@pytest.mark.parametrize(("text", "avoided"), [
    ("had his hip done three weeks ago, wants his shoulders rubbed", {"hips", "thighs", "calves"}),
    ("my new left hip went in last month, neck stiff from the recliner", {"hips", "thighs"}),
])
def test_a_new_hip_leaves_the_hip_thigh_and_calf_out(text, avoided):
    result = screen(text)
    assert result.verdict == "caution"
    assert avoided <= set(result.avoid)
