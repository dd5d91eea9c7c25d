"""Red flags and contraindications typical of four groups the app serves, found by the
blind set holdout30: athletes, pregnancy and the weeks after birth, older adults and their
carers, children massaged by a parent. Each test is a family, not a sentence.
"""

from __future__ import annotations

import pytest

from support.labelled import flag_ids
from unknot.intake.screen import screen


@pytest.mark.parametrize("text", [
    "hardest spin session of my life, thighs so swollen and my pee is brown",
    "did a marathon yesterday, urine dark like cola and my calves are agony",
])
def test_dark_urine_after_hard_exercise_with_sore_muscles_is_an_emergency(text):
    result = screen(text)
    assert result.verdict == "urgent" and "legs.muscle-breakdown" in flag_ids(result)


def test_a_limb_tight_as_a_drum_that_hurts_more_on_stretching_is_an_emergency():
    result = screen("kicked in the calf at rugby, it's rock hard and swollen and the pain is "
                    "unbearable, worse when I stretch it")
    assert result.verdict == "urgent" and "legs.compartment-pressure" in flag_ids(result)


def test_a_pop_at_the_back_of_the_ankle_with_no_push_off_is_an_emergency():
    assert screen("felt a snap at the back of my heel at netball, can't go up on my toes").verdict \
        == "urgent"


@pytest.mark.parametrize("text", [
    "felt a pop in my knee skiing, it swelled straight away and gives way",
    "running a lot more lately, pain on one spot on my shin bone now even when I walk",
])
def test_a_pop_with_swelling_or_bone_pain_from_training_needs_a_doctor(text):
    assert screen(text).verdict == "see_doctor"


@pytest.mark.parametrize("text", [
    "calves hard and tight after my half marathon training, what can I do",
    "I crack my knuckles a lot and my shoulders are tight",
])
def test_a_runners_tight_calves_are_not_a_clot(text):
    assert screen(text).verdict in ("ok", "caution")


@pytest.mark.parametrize("text", [
    "baby hasn't moved much today, 34 weeks, lower back aching",
    "29 weeks and I'm getting tightenings every 10 minutes",
    "35+1 and bleeding with a hard painful bump",
    "five days after the birth and soaking a pad every hour",
])
def test_pregnancy_and_birth_emergencies(text):
    assert screen(text).verdict == "urgent"


def test_any_bleeding_in_early_pregnancy_needs_a_midwife_or_doctor():
    assert screen("some spotting at 8 weeks, lower back stiff").verdict == "see_doctor"


@pytest.mark.parametrize("text", [
    "my dad fell on the stairs and now can't put weight on his leg",
    "Nan tripped and bumped her head, she's on warfarin, seems okay",
    "my husband hit his head and now keeps repeating himself",
])
def test_falls_in_later_life(text):
    assert screen(text).verdict == "urgent"


def test_morning_stiffness_of_shoulders_and_hips_over_50_needs_a_doctor():
    result = screen("I'm 68, every morning my shoulders and hips are stiff and painful for hours")
    assert result.verdict == "see_doctor"
    assert "general.morning-stiffness-older" in flag_ids(result)


@pytest.mark.parametrize("text", [
    "my 14 yo son has sudden pain in one testicle and feels sick",
    "my 7 year old's asthma is bad, the inhaler is not helping and she can't finish a sentence",
    "toddler limping with a fever of 39 and a hot swollen knee, won't stand",
])
def test_childrens_emergencies(text):
    assert screen(text).verdict == "urgent"


@pytest.mark.parametrize("text", [
    "my 6 year old keeps saying his back hurts",
    "my son's growing pains are only in his left leg and he limps",
    "my 10 year old wakes with a headache and is sick most mornings",
])
def test_childrens_signs_for_a_doctor(text):
    assert screen(text).verdict == "see_doctor"


@pytest.mark.parametrize("text", [
    "mum of two, I carry my 2 year old on my hip and my lower back aches",
    "had a ball at the party, feet ache from dancing",
    "my son loves a back rub at bedtime",
])
def test_a_parents_own_back_and_a_good_party_are_not_childrens_red_flags(text):
    assert screen(text).verdict in ("ok", "caution")


@pytest.mark.parametrize(("text", "site"), [
    ("gout flare in my big toe, shoulders stiff", "feet"),
    ("rheumatoid flare, knuckles hot and puffy, neck tight", "hands"),
    ("MCL sprain last week, in a brace, hips tight", "knees"),
    ("gran has a pressure sore on her bottom, she'd like her feet rubbed", "glutes"),
    ("ripped a flapper on my palm at climbing, forearms pumped", "hands"),
    ("my 12 yo has impetigo on her chin, wants a back tickle", "face"),
])
def test_each_local_problem_leaves_its_site_out(text, site):
    result = screen(text)
    assert result.verdict == "caution" and site in result.avoid


def test_a_back_rub_is_the_whole_back():
    assert {"upper_back", "lower_back"} <= set(screen("my kid wants a back rub").regions)
