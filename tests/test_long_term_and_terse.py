"""Families found by the blind sets holdout37 (living with a long-term condition) and
holdout38 (very short messages). Each test is a family, worded afresh, with decoys.
"""

from __future__ import annotations

import pytest

from support.labelled import flag_ids
from unknot.intake.screen import screen


@pytest.mark.parametrize(("text", "rule"), [
    ("my daughter has sickle cell, pain crisis in her back and now a fever of 38.5",
     "general.sickle-cell-crisis"),
    ("T4 para, pounding headache and my face is flushed, think my catheter is kinked",
     "general.autonomic-dysreflexia"),
    ("heart failure, tonight I can't lie flat at all and I'm gasping",
     "general.heart-failure-breathless-at-rest"),
    ("my colostomy has had no output since yesterday, belly swollen and I've been sick",
     "general.stoma-not-working"),
    ("type 1, meter says HI and ketones are 4.1, I keep vomiting", "general.high-sugar-with-ketones"),
    ("my ICD shocked me twice this afternoon", "general.icd-shocks"),
])
def test_a_long_term_conditions_own_emergencies(text, rule):
    result = screen(text)
    assert result.verdict == "urgent" and rule in flag_ids(result)


@pytest.mark.parametrize("text", [
    "diabetic, my big toe has gone red and hot and there's a sore under it that smells",
    "had three hypos this week without any warning at all",
    "Parkinson's, was vomiting yesterday so couldn't keep my Sinemet down, now very rigid",
    "ankylosing spondylitis, slipped in the shower and have a new sharp pain in my spine",
])
def test_a_long_term_conditions_changes_that_need_a_doctor(text):
    assert screen(text).verdict in ("see_doctor", "urgent")


@pytest.mark.parametrize(("text", "left_out"), [
    ("ileostomy for years, all fine, lower back is sore", {"abdomen"}),
    ("I have a VNS for epilepsy, shoulders are tight", {"neck", "chest"}),
    ("my grandson is 7 and his leg is in a cast, he wants his shoulders rubbed", {"thighs", "calves"}),
])
def test_what_a_long_term_condition_asks_to_leave_out(text, left_out):
    result = screen(text)
    assert result.verdict == "caution" and left_out & set(result.avoid)


@pytest.mark.parametrize("text", [
    "long covid, fatigue as usual, neck a bit stiff",
    "epileptic, seizure-free for years, tension headache from work",
])
def test_a_stable_long_term_condition_is_not_a_red_flag(text):
    assert screen(text).verdict not in ("urgent", "see_doctor")


@pytest.mark.parametrize("text", [
    "worst HA of my life",
    "36wks HA + blurry vision",
    "can't move L side since 10am",
    "HA since knocked head on cupboard, worse today + vomiting",
])
def test_terse_messages_with_a_red_flag_are_emergencies(text):
    assert screen(text).verdict == "urgent"


def test_terse_forms_that_need_a_doctor():
    assert screen("N&V + belly pain 3/7").verdict == "see_doctor"
    assert screen("temples tender, jaw aches eating, 68").verdict == "see_doctor"


def test_ha_as_a_laugh_is_not_a_headache():
    assert "head" not in screen("ha ha my neck is so stiff from the sofa").regions
    assert screen("Pregnant? Ha. I'm a 60 year old man, belly bloated after a big dinner"
                  ).verdict not in ("urgent", "see_doctor")


def test_a_medicine_given_to_someone_makes_them_the_one_massaged():
    result = screen("my wife's on insulin, she's shaky and sweaty and I'm giving her some juice")
    assert result.subject == "someone_else" and result.verdict == "urgent"
