"""Families found by the blind sets holdout35 (English as the world writes it) and holdout36
(before, during and after a session, and with the tools). Each test is a family, worded
afresh, with decoys.
"""

from __future__ import annotations

import pytest

from support.labelled import flag_ids
from unknot.intake.screen import screen


@pytest.mark.parametrize(("text", "region"), [
    ("my waist is paining me since I lifted the generator", "lower_back"),
    ("kamar mein dard from the long bus journey", "lower_back"),
    ("me duele el cuello from the new pillow", "neck"),
    ("my waist very sour lah after the long meeting", "lower_back"),
])
def test_back_and_neck_in_the_words_of_other_englishes(text, region):
    assert region in screen(text).regions


@pytest.mark.parametrize("text", [
    "seena mein bahut dard, left arm heavy, sweating, 52 years",
    "my chest is paining me and it is going to my left arm",
])
def test_chest_pain_in_other_words_is_an_emergency(text):
    assert screen(text).verdict == "urgent"


def test_a_stroke_told_in_pidgin_is_an_emergency():
    assert screen("my mama mouth don twist and her left side no dey move, she no fit talk "
                  "well").verdict == "urgent"


def test_a_hot_body_for_days_needs_a_doctor():
    assert screen("my body is hot since yesterday and I am having body pain, maybe "
                  "typhoid").verdict == "see_doctor"


def test_a_fall_with_a_limb_that_cannot_be_used_needs_an_x_ray():
    result = screen("my daughter fell off the trampoline, her ankle is swollen and she "
                    "screams when we touch it")
    assert result.verdict == "see_doctor" and "general.possible-fracture" in flag_ids(result)


def test_foam_rolling_is_not_a_rolled_ankle():
    result = screen("rolled my calves and quads after the hike, pleasantly tight")
    assert result.verdict == "ok" and "calves" in result.regions


@pytest.mark.parametrize("text", [
    "put on a new body oil and my tongue and lips are swelling, throat feels tight",
    "the arnica cream made my face puffy and now I'm wheezing",
])
def test_swelling_of_the_mouth_or_wheezing_after_a_product_is_an_emergency(text):
    result = screen(text)
    assert result.verdict == "urgent" and "general.severe-allergic-reaction" in flag_ids(result)


def test_a_massage_gun_on_the_throat_with_a_changed_voice_is_an_emergency():
    assert screen("I caught my throat with the massage gun, voice is croaky now and "
                  "swallowing hurts").verdict == "urgent"


@pytest.mark.parametrize("text", [
    "my calf has been numb since I leaned on the massage ball on Sunday and it hasn't "
    "come back",
    "since I dug into my jaw with my knuckles it's been locking",
    "osteopenia here, heard a crack of pain in my ribs while on the roller, sore in that "
    "one spot since",
])
def test_worse_since_a_session_needs_a_doctor(text):
    result = screen(text)
    assert result.verdict in ("see_doctor", "urgent")


def test_a_painless_crack_while_rolling_is_harmless():
    assert screen("my back cracked on the roller, no pain at all, felt good").verdict \
        not in ("urgent", "see_doctor")


def test_pressing_the_back_of_the_neck_and_feeling_dizzy_needs_a_doctor():
    result = screen("when I massage the base of my skull the room spins for a moment")
    assert result.verdict == "see_doctor" and "general.dizzy-when-the-neck-is-pressed" in flag_ids(result)


def test_a_hot_swollen_joint_without_injury_needs_a_doctor():
    result = screen("woke up with my ankle hot and swollen, no injury at all, can I use the gun?")
    assert result.verdict == "see_doctor" and "general.hot-swollen-joint" in flag_ids(result)


def test_the_front_of_the_neck_and_cupping_marks_are_left_out():
    front = screen("can I dig a tennis ball into the front of my neck for the tight bits?")
    assert front.verdict == "caution" and "deep_pressure" in front.avoid
    marks = screen("cupping left purple circles on my lower back, neck is stiff")
    assert marks.verdict == "caution" and "lower_back" in marks.avoid


@pytest.mark.parametrize("text", [
    "nearly had a heart attack when the gun slipped, lol, calves please",
    "there's a faint pink mark where the ball was, gone now",
])
def test_session_figures_of_speech_are_harmless(text):
    assert screen(text).verdict not in ("urgent", "see_doctor")
