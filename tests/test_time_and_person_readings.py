"""Readings of time and person that blind sets (holdout27, holdout28) found wanting.

Each case is a family, not a sentence: the screen must read when something happened,
whose body it is about, and clinicians' shorthand for both.
"""

from __future__ import annotations

import pytest

from unknot.intake.screen import screen
from unknot.safety.facts import extract_facts, parse_duration_days
from unknot.text.normal import normalise
from unknot.text.patterns import Hit
from unknot.text.scope import is_over, subject_of


@pytest.mark.parametrize(("text", "weeks"), [("3/52 of pain", 21), ("back pain 2/12", 60),
                                             ("5/7 history of neck pain", 5)])
def test_clinical_shorthand_gives_how_long(text, weeks):
    assert parse_duration_days(text) == weeks


def test_a_point_in_time_is_not_how_long_it_has_lasted():
    assert parse_duration_days("gallbladder out 6 years ago, a bit constipated this week") is None
    assert parse_duration_days("constipated for 6 weeks") == 42


@pytest.mark.parametrize(("text", "age"), [("67F, new headache", 67), ("Client 50M, new LBP", 50),
                                           ("Nan's 89 and frail", 89), ("Mum is 68", 68)])
def test_ages_as_notes_and_carers_write_them(text, age):
    assert extract_facts(text, None).age == age


def test_a_birthday_or_minutes_are_not_an_age():
    assert extract_facts("mum's 60th birthday", None).age is None
    assert extract_facts("dad's 45 minutes late", None).age is None


@pytest.mark.parametrize("text", ["28/40, hips ache", "I'm about 18 weeks with number four"])
def test_weeks_of_pregnancy_in_a_midwifes_notation_or_a_mothers(text):
    facts = extract_facts(text, None)
    assert facts.pregnant is True and facts.pregnancy_weeks in (28, 18)
    assert "abdomen" in screen(text).avoid


def _over(text: str, word: str):
    norm = normalise(text)
    index = next(i for i, token in enumerate(norm.tokens) if token.norm == word)
    return is_over(norm, Hit(index, index))


def test_never_happened_again_is_over_and_not_ongoing():
    assert _over("thunderclap headache in 2018, scans clear, never happened again", "thunderclap")
    assert _over("gallbladder removed 6 years ago, fine ever since", "gallbladder")
    assert _over("the sciatica started in 2019 and has hurt ever since", "sciatica") is None
    assert _over("the pain keeps coming back again", "pain") is None


def test_a_normal_test_result_ends_a_past_episode_even_one_that_would_count_if_it_had_passed():
    text = "had chest pain last month, ECG and bloods were normal. neck stiff from the desk"
    assert screen(text).verdict in ("ok", "caution")
    # Without the check, a chest pain that passed still needs help.
    assert screen("had chest pain an hour ago, it has gone now").verdict == "urgent"


def test_the_writers_own_known_problem_does_not_block_a_routine_for_someone_else():
    out = screen("I have a clot in my leg and I'm on treatment; I'd like to massage my daughter's stiff neck")
    assert out.verdict in ("ok", "caution")
    # The writer's own emergency still does.
    assert screen("I'd like to massage my daughter's neck but my chest is crushing and my "
                  "left arm is numb").verdict == "urgent"


@pytest.mark.parametrize("text", [
    "My mum had a clot in her leg last month. Can I do my own lower back?",
    "My girlfriend's calf is swollen after the race; mine are just sore. Routine for me.",
])
def test_the_writer_asking_for_themself_is_the_person_massaged(text):
    assert subject_of(normalise(text)) == "self"
    assert screen(text).verdict in ("ok", "caution")


@pytest.mark.parametrize("text", ["Mum's right leg is swollen from the knee down, red and warm.",
                                  "spots on her legs that dont fade when I press a glass on them"])
def test_a_carer_describing_the_person_massaged_is_heard(text):
    assert subject_of(normalise(text)) == "someone_else"
    assert screen(text).verdict in ("see_doctor", "urgent")


@pytest.mark.parametrize(("text", "site"), [
    ("carpal tunnel release on my right hand ten days ago, neck sore", "hands"),
    ("Had a cortisone injection into my shoulder two days ago. Neck is tight.", "shoulders"),
    ("botox in my forehead on thursday, usual tension headache", "forehead"),
    ("fell asleep on the beach, shoulders bright red and peeling, neck stiff", "shoulders"),
    ("39F, post-op day 5 lap chole, neck and shoulders tight", "abdomen"),
])
def test_a_local_problem_leaves_its_site_out(text, site):
    out = screen(text)
    assert out.verdict == "caution" and site in out.avoid, (out.verdict, out.avoid)


@pytest.mark.parametrize("text", ["I've got a pacemaker. Can I use my massage gun on my calves?",
                                  "I take Fosamax every Sunday. Neck tight from reading.",
                                  "My father-in-law injects Fragmin daily; his neck is stiff, can I help?"])
def test_a_device_or_a_medicine_named_by_brand_keeps_massage_guns_away(text):
    out = screen(text)
    assert out.verdict == "caution" and "percussion" in out.avoid


@pytest.mark.parametrize("text", [
    "I read about heart attacks and now I have crushing chest pain and I'm sweating",
    "I am having a panic attack that felt like a heart attack, chest crushing",
    "I'm a nurse and I hear about chest pain at work, but today my own chest is crushing",
])
def test_a_false_alarm_phrase_never_hides_a_current_emergency_beside_it(text):
    assert screen(text).verdict == "urgent"


@pytest.mark.parametrize("text", [
    "Had a panic attack last week that felt like a heart attack; A&E checked everything, "
    "ECG and bloods normal. I'd like a grounding routine for anxiety.",
    "I'm a GP; I hear about chest pain and headaches all day and I clench my jaw at night",
])
def test_a_past_scare_or_a_clinicians_work_is_not_an_emergency(text):
    assert screen(text).verdict in ("ok", "caution")


@pytest.mark.parametrize("text", [
    "our dog had surgery on his leg last week and I'm stressed, neck and shoulders tight",
    "the dog's leg was operated on last week, my shoulders are tight",
    "our cat had stitches in her paw; my lower back aches",
])
def test_an_animal_is_never_the_person_massaged(text):
    result = screen(text)
    assert subject_of(normalise(text)) == "self"
    assert result.verdict == "ok" and result.avoid == []


def test_a_fall_from_an_animal_is_still_the_writers_fall():
    assert screen("Came off a horse onto my back on Saturday").verdict == "urgent"
    # and a person's surgery read beside an animal stays theirs
    assert "knees" in screen("my son had surgery on his knee, I want to massage his calves").avoid
