"""Session 24: holdout132 (pregnancy, birth and the year after, round 5) and holdout133 (head,
neck, jaw, face and eyes, round 5) finished, and the second reading of session 23's last
mending (review 24-1): exclusions that had grown too wide around a stroke, new patterns
that read ordinary sentences as signs. Worded afresh here, with decoys beside them."""

from __future__ import annotations

import pytest

from support.labelled import flag_ids
from unknot.intake.screen import screen


def verdict(text: str) -> str:
    return screen(text).verdict


ESCALATED = ("see_doctor", "urgent")


# The weeks after a birth: the mother's own body and mind, told in her words.
@pytest.mark.parametrize("text", [
    # postpartum psychosis: meanings only she can see, a mission, no need of sleep
    "4 days since he was born and I don't need sleep at all, the car number plates are messages"
    " meant for me and he was sent for a special purpose",
    # anxiety, intrusive images, a birth relived
    "since having my son I get panic attacks nearly every day and can't leave him with anyone",
    "even when the baby naps I can't, I lie there with my heart hammering, 10 weeks of this now",
    "I keep getting flashes of dropping the baby in the bath, they horrify me, I'd never do it",
    "the delivery was terrifying, 3 months on and I have nightmares and flashbacks most nights",
    # the body: fever, a wound, a tear, a bladder, the pelvis, an epidural site
    "baby is 10 days old and I've had temperatures of 38.4 two nights running, feel rough",
    "a small hole has appeared at the end of my section scar and yellowish fluid is seeping out",
    "had a bad tear with forceps 5 weeks ago and I can't control wind or my bowels properly",
    "since the birth yesterday I can only pee a trickle and there's a swelling above my pubic bone",
    "heard a clunk in my pelvis during the birth last week and now I cannot stand on one leg",
    "where the epidural went in is swollen and red and hot 6 days later, lower back rub ok?",
    # pre-eclampsia after the birth, told in days
    "had my daughter 3 days ago, now a pounding head and flashing lights in front of my eyes",
    # waters and movements late in pregnancy, told with the weeks as a sentence of their own
    "pants keep getting wet since last night, it's clear and not wee. 37 weeks. hips routine?",
    "we always feel her hiccup at night, but since yesterday hardly anything at all. 33 weeks.",
])
def test_the_weeks_around_a_birth_told_in_her_own_words_are_escalated(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


def test_thick_meconium_waters_with_a_quiet_baby_are_an_emergency():
    text = ("my waters broke an hour ago and they're greeny brown, baby quieter than usual since."
            " 38 weeks. back routine while I wait?")
    assert verdict(text) == "urgent", flag_ids(screen(text))


def test_fever_with_dizziness_and_fast_breathing_after_a_birth_is_an_emergency():
    text = ("gave birth on saturday, 39.1 on the thermometer, dizzy when I stand and breathing"
            " fast, shoulders tight from feeding")
    assert verdict(text) == "urgent", flag_ids(screen(text))


# Decoys of the same family: study, household jobs, figures of speech, the bump itself.
@pytest.mark.parametrize("text", [
    "midwifery student, we had a lecture on postnatal sepsis and pre-eclampsia today. I'm fine,"
    " my neck is stiff from the lecture theatre",
    "revising the symptoms of cord prolapse and abruption for my finals, upper back tight",
    "spent the afternoon bleeding the radiators in the nursery, shoulders stiff from reaching up",
    "carrying the pram up three flights nearly broke my back, just achy, no injury",
    "my wrists ache from holding him in the rugby ball hold for feeds, he's 6 weeks",
    "my neck is stiff because I keep falling asleep upright on the sofa during night feeds",
    "my calves are tight after every run since I started training for a 10k, foam roller?",
    "my 8 month old is a heavy lump now and my lower back hates carrying him",
    "32 weeks pregnant, the flat is quiet again now my mum has gone home, hips sore",
    "33 weeks, a bit of fluid retention in my ankles and dark circles from bad sleep",
    "there's a bit of thread poking out of my section scar, midwife says it's a stitch end,"
    " healing well otherwise",
])
def test_the_same_family_decoys_are_not_escalated(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# Review 24-1's regressions: exclusions that had hidden a stroke.
@pytest.mark.parametrize("text", [
    "her words are all slurred, i mean really slurred, it started ten minutes ago",
    "did the FAST test on my wife and her smile is lopsided, came on just now",
    "I'm on a first aid course this morning and my face has just dropped on the left",
    "I've lost sight of everything on the right side all of a sudden",
    "suddenly seeing double on the drive home after a double shift",
    "mum started mixing up her words about half an hour ago",
])
def test_a_stroke_told_beside_a_decoys_words_is_still_an_emergency(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "we practised stroke checks on each other at the first aid course, shoulders sore",
    "I've lost sight of why I started this degree, neck and shoulders stiff",
    "I'm seeing two of the new patients after lunch so my shoulders need sorting now",
    "carried two of the tv stands upstairs, lower back sore",
    "my arm is useless since the tetanus jab this morning, so achy",
    "I've always mixed my words up when I'm tired, I'm dyslexic, neck sore",
    "my right earbud died so I can't hear out of my right ear today lol, neck stiff",
    "had the gas safety check this morning, all fine. we both have headaches from the heatwave",
    "went to the chiropractor last week, neck a bit worse since, just stiff, nothing else",
])
def test_review_decoys_stay_calm(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# One side of the face that will not close its eye, and hearing gone in one ear: each pattern
# on its own (joined by "|" their gaps had chained into one sequence that never matched).
@pytest.mark.parametrize("text", [
    "can't shut my right eye properly since I woke up",
    "my left eyebrow won't lift since yesterday and tea dribbles out of my mouth",
    "cannot puff my cheeks out on the left, started this morning",
    "my right ear went deaf overnight, no cold",
    "sudden hearing loss in my left ear since the weekend",
    "woke up with muffled hearing in my right ear like it's underwater",
    "straight lines look bent in my left eye since last week",
])
def test_a_face_that_will_not_close_an_eye_and_hearing_or_sight_changes_need_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


def test_a_word_that_explains_a_sign_away_is_not_spelling_repaired():
    # "earbud" is in no sign's pattern, only in an excuse: it must still be read as itself
    text = "left earbud is dead so I can't hear out of the left ear today"
    assert "general.hearing-lost-suddenly" not in flag_ids(screen(text))


def test_a_birth_months_ago_is_not_the_weeks_after_a_birth():
    result = screen("baby's 5 months old and I haven't slept properly since she arrived,"
                    " shoulders tight")
    assert result.verdict == "ok", flag_ids(result)
