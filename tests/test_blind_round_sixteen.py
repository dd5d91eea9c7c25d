"""Session 23: the gaps left by session 22's reviews (someone who cannot be woken or is not
breathing, told without a collapse; a DIY "fitting" and "fitting in" read as a fit; a dancer
"still on the floor") and the blind sets of the session (holdout128: time and person, round 3;
holdout129: a fourteenth mix), worded afresh here with decoys beside them."""

from __future__ import annotations

import pytest

from support.labelled import flag_ids
from unknot.intake.screen import screen


def verdict(text: str) -> str:
    return screen(text).verdict


ESCALATED = ("see_doctor", "urgent")


# Someone down: no answer, cannot be woken, not breathing — the first-aid emergency, whatever
# came before it and whoever the routine was for.
@pytest.mark.parametrize("text", [
    "my partner is flat out on the bathroom floor and isn't responding when I shake him",
    "grandma slumped sideways in her chair and we can't wake her, she's breathing funny",
    "she's gone limp and not breathing, what do i do",
    "my brother went down at the bus stop and he won't wake up, my back is killing me too",
    "my housemate keeps passing out today and now he's unresponsive on the sofa",
])
def test_someone_who_cannot_be_woken_or_is_not_breathing_is_an_emergency(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my teenager won't wake up before lunch on a saturday, so my neck is tense from shouting",
    "my work laptop keeps freezing and not responding, shoulders up round my ears",
    "my lower back is not responding to the stretches the physio gave me, still stiff",
    "my clients are unresponsive to my emails this week, stressed, jaw clenched",
    "I'm not breathing deeply enough when I'm stressed, my chest and shoulders feel tight",
    "on a first aid course today, pressing on a dummy that was not breathing, wrists ache now",
    "diabetic, slept through two alarms, could not wake up at all this morning, neck stiff",
    "my husband sleeps like the dead after nights, I couldn't wake him for tea, my back aches",
    "some nights I go to bed wishing I wouldn't wake up, shoulders are tight",
])
def test_a_person_not_responding_to_a_screen_a_stretch_or_an_alarm_is_no_emergency(text):
    out = screen(text)
    assert "general.unresponsive-or-not-breathing" not in flag_ids(out), out.red_flags


def test_a_wish_not_to_wake_stays_a_thought_of_not_living_not_an_emergency():
    out = screen("some nights I go to bed wishing I wouldn't wake up, shoulders are tight")
    assert out.verdict == "see_doctor", flag_ids(out)


# "Fitting" is a fit when someone is fitting, not when a kitchen is fitted or a child fits in.
@pytest.mark.parametrize("text", [
    "spent the weekend fitting new kitchen units, forearms and lower back wrecked",
    "my daughter is struggling with fitting in at her new school, I'm stressed, neck tight",
    "fitting carpets all week, knees and lower back are sore",
])
def test_fitting_a_kitchen_or_fitting_in_is_not_a_fit(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my son is fitting in the bath and his lips are going blue",
    "she started fitting about two minutes ago and it hasn't stopped",
])
def test_someone_fitting_now_is_an_emergency(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


def test_a_dancer_stretching_on_the_floor_is_no_fallen_hip():
    text = "my friend is still on the floor stretching after ballet, I'm waiting, my calves are tight"
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


def test_an_old_person_still_on_the_floor_after_a_fall_is_an_emergency():
    text = "nan fell in the hall an hour ago and she's still on the floor, says her hip is agony"
    assert verdict(text) == "urgent", flag_ids(screen(text))
