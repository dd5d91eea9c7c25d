"""The head's own red flags and what the face must be spared, found by the blind set
holdout34: sight lost in one eye, a retina coming away, a red eye with haloes, infection
spreading from a tooth or sinus towards the eye, a headache with blurred sight after birth,
cosmetic injections, peels, cold sores and head lice — and the figures of speech that only
sound like them. Each test is a family, worded afresh, with decoys.
"""

from __future__ import annotations

import pytest

from support.labelled import flag_ids
from unknot.intake.screen import screen


@pytest.mark.parametrize("text", [
    "this morning my left eye went totally blind for a couple of minutes, fine now, bit of a "
    "headache",
    "Dad (77) lost most of the sight in his right eye an hour ago",
])
def test_sight_lost_in_one_eye_is_an_emergency_even_when_it_came_back(text):
    assert screen(text).verdict == "urgent"


def test_a_shower_of_floaters_with_a_shadow_is_an_emergency():
    result = screen("suddenly hundreds of floaters in my right eye and a grey curtain over "
                    "the top of my vision")
    assert result.verdict == "urgent" and "general.retina-coming-away" in flag_ids(result)


def test_a_red_painful_eye_with_haloes_is_an_emergency_and_without_them_needs_a_doctor():
    assert screen("my eye is red and aching, there are rainbow haloes around the street "
                  "lamps and I feel sick").verdict == "urgent"
    result = screen("contact lens wearer, left eye red and really painful, light hurts it")
    # (an older rule reads a red, painful eye as urgent: stricter, never less)
    assert result.verdict in ("see_doctor", "urgent") and "general.eye-red-painful" in flag_ids(result)
    assert screen("eyes red and sore from hay fever, temples tight").verdict \
        not in ("urgent", "see_doctor")


def test_infection_spreading_towards_the_eye():
    assert screen("sinus infection all week and now the skin under my eye is swollen and "
                  "red").verdict == "see_doctor"
    assert screen("abscess on a back tooth and my face has swollen so much I can hardly open "
                  "my mouth").verdict == "urgent"
    assert screen("tooth infection, my eye on that side is swollen shut and I have a fever"
                  ).verdict == "urgent"


def test_a_headache_with_blurred_sight_after_birth_is_an_emergency():
    assert screen("gave birth 2 weeks ago, awful headache today and my vision keeps going "
                  "blurry").verdict == "urgent"


@pytest.mark.parametrize(("text", "left_out"), [
    ("got anti-wrinkle injections on monday, want my neck done", {"face", "forehead",
                                                                   "temples"}),
    ("lip filler on saturday, tension headache", {"face"}),
    ("microneedling yesterday, face is pink and tight, shoulders need work", {"face"}),
    ("my son has nits, we've done the lotion, he loves a head rub", {"scalp"}),
    ("got a cold sore on my lip, forehead tension", {"face"}),
])
def test_the_face_or_scalp_is_left_out_after_a_procedure_or_with_something_catching(
        text, left_out):
    result = screen(text)
    assert result.verdict == "caution" and left_out <= set(result.avoid)


@pytest.mark.parametrize("text", [
    "my jaw hit the floor when I saw the bill, now my shoulders are up by my ears",
    "eyes are literally bleeding from these spreadsheets, temples ache",
    "head is exploding with plans for the wedding, can't sleep",
    "thunder and lightning kept me up, groggy and stiff neck",
    "I'm an optician, spend all day assessing glaucomas and cataracts, my neck hates me",
    "dentist here, draining abscesses all morning, shoulders tight",
])
def test_figures_of_speech_and_clinicians_talk_are_harmless(text):
    assert screen(text).verdict not in ("urgent", "see_doctor")


def test_something_caught_too_is_the_writers_own():
    result = screen("the kids brought home head lice and I've got them too, want a face "
                    "and neck routine")
    assert result.verdict == "caution" and "scalp" in result.avoid
