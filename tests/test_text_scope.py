"""The scope of a finding: whose body it is about, and whether it is still going on."""

from __future__ import annotations

from datetime import date

import pytest

from unknot.intake.screen import screen
from unknot.text.normal import normalise
from unknot.text.patterns import Hit
from unknot.text.scope import is_over, subject_of, whose


def verdict(text: str) -> str:
    return screen(text).verdict


def _hit(text: str, word: str):
    normal = normalise(text)
    index = next(i for i, t in enumerate(normal.tokens) if t.norm == word)
    return normal, Hit(index, index)


@pytest.mark.parametrize(("text", "subject"), [
    ("my neck is stiff from the desk", "self"),
    ("my brother has a slipped disc, my neck is stiff", "self"),
    ("I massage my mum's shoulders every night", "someone_else"),
    ("my husband wants a back rub but he's on warfarin", "someone_else"),
    ("Nan is 81 and her back aches", "someone_else"),
    ("Grandma has osteoporosis. Her shoulders ache and I'd like to rub them", "someone_else"),
    ("a routine for my dad, his calves are tight", "someone_else"),
    ("my wife says my shoulders are up round my ears", "self"),
    ("my mum's lower back is sore, I'm helping her", "someone_else"),
    ("My elderly dad has been drowsy with a headache since yesterday", "someone_else"),
])
def test_it_tells_whose_body_the_routine_is_for(text, subject):
    assert subject_of(normalise(text)) == subject


@pytest.mark.parametrize(("text", "word", "owner"), [
    ("my brother has a fever and my neck is stiff", "fever", "other"),
    ("my neck is stiff and I have a fever", "fever", "writer"),
    ("my partner rubbed my back and now it is numb", "numb", "writer"),
    ("I talked to my colleague and the words came out jumbled", "jumbled", "writer"),
    ("my foot is worse since my friend rubbed it", "worse", "writer"),
    # the writer as a place, not the one the clause is about
    ("the man who sits opposite me just had surgery; my own neck is stiff", "surgery", "other"),
    # a baby called "he" or "she" is no third person: the finding is the writer's
    ("so low since he was born, crying every day, and my neck is stiff", "crying", "writer"),
    ("I have not felt her kick all day", "kick", "writer"),
])
def test_it_tells_whose_finding_it_is(text, word, owner):
    normal, hit = _hit(text, word)
    assert whose(normal, hit, subject_of(normal)) == owner


@pytest.mark.parametrize(("text", "word", "over"), [
    ("whiplash in 2015, fully recovered", "whiplash", "long_ago"),
    ("broke my wrist as a child", "broke", "long_ago"),
    ("had a fever last week, all better now", "fever", "resolved"),
    ("fell off a ladder on Monday and it has hurt ever since", "fell", None),
    ("whiplash years ago but now my neck is numb", "numb", None),
    ("the numbness came back again", "numbness", None),
    ("a vein in my calf that's gone hard", "hard", None),
])
def test_it_tells_whether_a_finding_is_over(text, word, over):
    normal, hit = _hit(text, word)
    assert is_over(normal, hit, today=date(2026, 12, 4)) == over


# Whole screens: the time and person of a finding decide whether it counts.
@pytest.mark.parametrize(("text", "expected"), [
    ("my brother has a slipped disc, I just have a stiff neck from the desk", "ok"),
    ("my neighbour takes blood thinners; my shoulders are tight", "ok"),
    ("my dad had a stroke last year, I want something for my tense shoulders", "ok"),
    ("whiplash in 2015, fully recovered; today it's just desk stiffness in my neck", "ok"),
    ("had covid in march, fever gone in 3 days and I'm fine now. tight shoulders from the gym",
     "ok"),
    ("broke my wrist as a child; my forearms are tight from climbing", "ok"),
])
def test_what_is_over_or_about_someone_else_does_not_fire(text, expected):
    assert verdict(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Nan is 81 and has a sudden sharp pain in her back, she can't feel her legs", "urgent"),
    ("my wife is 24 weeks pregnant and her lower back aches, I'd like to massage it", "caution"),
    ("I rub my husband's calves; his left calf is swollen, hot and red", "see_doctor"),
    ("my arm went numb and my face drooped for ten minutes this morning, it's fine now",
     "urgent"),
    ("I had breast cancer ten years ago and now my back aches at night", "see_doctor"),
])
def test_a_carers_account_and_what_still_goes_on_count(text, expected):
    assert verdict(text) == expected


def test_an_injury_told_in_the_past_still_counts_while_it_goes_on():
    assert verdict("fell off a ladder on Monday and my back has been killing me since") in (
        "see_doctor", "urgent")


def test_the_writers_own_caution_does_not_change_someone_elses_routine():
    out = screen("I'm on warfarin myself, but I want to massage my mum's shoulders")
    assert out.subject == "someone_else"
    assert "deep_pressure" not in out.avoid


def test_the_writers_own_red_flag_still_counts_when_massaging_someone_else():
    out = screen("I want to massage my mum's shoulders but I have crushing chest pain")
    assert out.verdict == "urgent"


@pytest.mark.parametrize(("text", "age"), [
    ("Grandma (83) says her temple is sore", 83), ("Mum is 68 and her jaw aches", 68),
    ("my dad, 74, has a sore back", 74)])
def test_a_carer_gives_the_age_of_the_person_massaged(text, age):
    from unknot.safety.facts import extract_facts

    assert extract_facts(text, None).age == age


def test_a_carer_who_will_give_a_massage_is_massaging_someone_else():
    out = screen("My partner is 22 weeks along and I'd like to give her a relaxing hand and arm "
                 "massage before bed")
    assert out.subject == "someone_else" and "abdomen" in out.avoid


@pytest.mark.parametrize(("text", "subject"), [
    # the carer's conduct is not the writer's complaint
    ("my son has low platelets and an achy back, how gentle do I need to be?", "someone_else"),
    # "hubby here" says who is writing; the wife is the one massaged
    ("hubby here - wife has a sore back and wants it rubbed", "someone_else"),
])
def test_the_writer_introducing_themself_or_their_care_is_not_their_complaint(text, subject):
    assert subject_of(normalise(text)) == subject


def test_letters_with_accents_are_read_plain_and_keep_their_place():
    text = normalise("nació por cesárea")
    assert text.norm == "nacio por cesarea"
    assert text.evidence(2, 2) == "cesárea"
