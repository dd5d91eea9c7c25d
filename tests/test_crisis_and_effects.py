"""Red flags told in ways the screen had not met, found by the blind set holdout29.

Each test is a family, not a sentence: thoughts of not going on said in other words and
made urgent by preparations; command voices; a field of sight lost, told by its effects;
a tearing pain; both legs failing with back pain; a bowel that has stopped; and the
checklist itself (the mood question whenever no body part is named; the arteritis
question asked of those over 50 only).
"""

from __future__ import annotations

import pytest

from unknot.intake.screen import screen
from unknot.safety.answers import Answers


@pytest.mark.parametrize("text", [
    "I can't find any reason to go on and I've written letters for the kids",
    "there's no point in living anymore, I've given away most of my things",
    "I have lost the will to live and I've sorted out my affairs",
])
def test_thoughts_of_not_going_on_with_preparations_are_an_emergency(text):
    result = screen(text)
    assert result.verdict == "urgent"
    assert "general.suicidal-thoughts-with-preparations" in {f.id for f in result.red_flags}


@pytest.mark.parametrize("text", [
    "been thinking about ending things, shoulders are wrecked",
    "the voice keeps telling me to cut myself, need to calm down",
    "got the rope ready lol, neck tight",
])
def test_intent_in_other_words_is_an_emergency(text):
    assert screen(text).verdict == "urgent"


@pytest.mark.parametrize("text", [
    "I can't see any reason to go on, want something for sleep",
    "I haven't been able to get out of bed for two weeks and nothing feels like anything",
])
def test_hopelessness_and_weeks_of_emptiness_need_a_doctor(text):
    assert screen(text).verdict == "see_doctor"


@pytest.mark.parametrize("text", [
    "suicide sprints at football, calves burning",
    "I wrote a note to my boss and looked up how to fix my posture, neck tight",
    "tired of life admin, shoulders tight",
    "heartbroken after a breakup, can't stop crying, want something calming",
    "jump rope workout, shoulders tight",
])
def test_sport_drills_notes_and_ordinary_sadness_are_not_a_crisis(text):
    assert screen(text).verdict in ("ok", "caution")


def test_a_lost_field_of_sight_told_by_its_effects_is_a_stroke_sign():
    result = screen("I keep bumping into things on my right side and poured the milk "
                    "beside the mug this morning, headache too")
    assert result.verdict == "urgent"


def test_a_sudden_tearing_pain_in_the_back_is_an_emergency_but_a_torn_hamstring_is_not():
    assert screen("sudden ripping pain between my shoulder blades, worst ever").verdict == "urgent"
    assert screen("felt a tearing in my hamstring sprinting, sudden sharp pain").verdict \
        != "urgent"


@pytest.mark.parametrize("text", [
    "lower back agony and both legs are going numb",
    "back's wrecked and both my legs keep giving way",
])
def test_back_pain_with_both_legs_failing_is_an_emergency(text):
    assert screen(text).verdict == "urgent"


def test_both_legs_tired_after_the_gym_with_a_sore_back_is_not():
    assert screen("lower back sore and my legs are wobbly after leg day").verdict != "urgent"


def test_a_bowel_that_has_stopped_is_an_emergency_in_plain_words():
    assert screen("not pooped or farted for three days and my belly is like a drum").verdict \
        == "urgent"


def test_with_no_body_part_named_the_mood_question_is_asked():
    ids = {q.id for q in screen("I'd like something to help me rest").questions}
    assert "mood.self_harm" in ids


def test_the_arteritis_question_says_it_is_for_those_over_50():
    result = screen("tension headache from screens")
    asked = [q for q in result.questions if q.id == "headache.temple_jaw"]
    assert asked and asked[0].ask.startswith("Are you over 50")
    # Under 50 it is not asked at all.
    younger = screen("tension headache from screens", Answers(age=30))
    assert "headache.temple_jaw" not in {q.id for q in younger.questions}
