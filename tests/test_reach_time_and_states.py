"""Families left open by the pending blind sets holdout37, 39 and 40, mended in session 7:
how far an explanation reaches, how long something lasted (not how long someone has been
well), states a good check does not end, after-effects that have stayed the same, and the
heart that flutters. Each test is a family, worded afresh, with decoys.
"""

from __future__ import annotations

import pytest

from support.labelled import flag_ids
from unknot.intake.screen import screen
from unknot.safety.facts import parse_duration_days


@pytest.mark.parametrize("text", [
    # The explanation nine to twelve words from the finding, nothing turning the sentence.
    "the physio told me the lump I can feel in my upper back is just a trigger point",
    "Had a throat infection in October with swollen neck glands, all cleared and fine since. "
    "Shoulders tight from the desk.",
])
def test_an_explanation_a_little_further_away_still_explains(text):
    assert screen(text).verdict not in ("see_doctor", "urgent")


@pytest.mark.parametrize("text", [
    # The same distance, but the sentence turns: what follows the turn is new.
    "my son had a temperature on Monday and now I have it too, 38.9 and aching all over",
    # Never for an emergency: chest pressure while using a gun on the pecs is not explained.
    "Crushing weight on my chest while I was working the massage gun over my pecs, going into "
    "my jaw, ten minutes now.",
])
def test_an_explanation_does_not_reach_across_a_turn_or_clear_an_emergency(text):
    assert screen(text).verdict in ("see_doctor", "urgent")


@pytest.mark.parametrize(("phrase", "days"), [
    ("scar fully healed for ten years, constipated after a week away", 7),
    ("pain-free for 15 years, now sore for 3 weeks", 21),
    ("been nursing for 20 years and my back has hurt for a month", 30),
    ("14 weeks pregnant and constipated", None),
    ("6 weeks postpartum, headaches for 4 days", 4),
    ("constipated for 4 weeks", 28),
])
def test_how_long_a_complaint_lasted_is_not_how_long_someone_was_well(phrase, days):
    assert parse_duration_days(phrase) == days


@pytest.mark.parametrize("text", [
    "I'm 18 weeks pregnant and bunged up, can I do the tummy massage?",
    "Appendix scar healed for years; a bit constipated since the weekend, tummy massage?",
])
def test_weeks_of_pregnancy_or_years_healed_do_not_make_constipation_long(text):
    result = screen(text)
    assert "abdomen.constipation-long" not in flag_ids(result)


@pytest.mark.parametrize(("text", "left_out"), [
    ("13 weeks pregnant, everything normal at the scan, just want my feet done", "abdomen"),
    ("my wife bruised her shin badly on the coffee table; the x-ray was clear. "
     "Her thighs are tight.", "calves"),
    ("Above-knee amputee, the liner rubbed a sore on my stump; lower back aching", "thighs"),
    ("below knee amputation, blister on the stump from the new socket, shoulders tight", "calves"),
    ("Lumpectomy in the spring, all healed, my hands ache from knitting", "deep_pressure"),
    ("my blood doesn't clot properly, my knees ache", "deep_pressure"),
])
def test_a_state_or_a_site_that_a_good_check_does_not_end(text, left_out):
    result = screen(text)
    assert result.verdict == "caution" and left_out in result.avoid


def test_a_negative_pregnancy_test_is_not_a_pregnancy():
    result = screen("Did a pregnancy test, negative. Stressed, scalp and neck please")
    assert "abdomen" not in result.avoid


@pytest.mark.parametrize("text", [
    "Had a stroke in 2018, my left hand is still weaker but that's old and unchanged. "
    "Shoulders tight.",
    "My old stroke left me with slow speech, stable for years; neck stiff from reading.",
])
def test_an_after_effect_that_has_stayed_the_same_is_not_a_new_stroke(text):
    assert screen(text).verdict not in ("see_doctor", "urgent")


@pytest.mark.parametrize("text", [
    "my mum's old stroke was on the left, but her right arm went weak suddenly an hour ago",
    "My dad's speech has been a bit slow since his stroke, but it got much worse this morning",
])
def test_a_new_sign_beside_an_old_stroke_is_an_emergency(text):
    assert screen(text).verdict == "urgent"


@pytest.mark.parametrize("text", [
    "my heart keeps fluttering and I'm short of breath",
    "On dialysis; heart going irregular and I nearly fainted",
    "palpitations with chest tightness since lunch",
])
def test_a_fluttering_heart_with_breathlessness_chest_pain_or_fainting(text):
    result = screen(text)
    assert result.verdict == "urgent"
    assert "chest.palpitations-with-warning-signs" in flag_ids(result)


def test_a_heart_that_keeps_skipping_needs_a_doctor():
    result = screen("my heart keeps skipping beats most days, shoulders tight")
    assert "chest.palpitations-that-keep-coming" in flag_ids(result)


@pytest.mark.parametrize("text", [
    "My heart was racing after three espressos, I feel jittery, want to calm down",
])
def test_everyday_racing_and_a_managed_condition_are_not_red_flags(text):
    assert screen(text).verdict not in ("see_doctor", "urgent")


@pytest.mark.parametrize("text", [
    "bleeding after sex the last couple of times, could you do my hips",
    "some spotting between my periods for two months now, back tight",
])
def test_bleeding_after_sex_or_between_periods_needs_a_doctor(text):
    result = screen(text)
    assert "general.bleeding-after-sex-or-between-periods" in flag_ids(result)
