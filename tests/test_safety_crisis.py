"""A person in crisis writes to a relaxation coach: the screen must hear it.

The blind set holdout26 found that thoughts of suicide, a plan, an overdose taken or
self-harm went straight through to a calming routine. These are the rules that now
catch them (`general.suicide-or-self-harm`, `general.suicidal-thoughts`) and the
everyday idioms that must not trip them.
"""

from __future__ import annotations

import pytest

from unknot.intake.screen import screen
from unknot.planner.compose import build_plan
from unknot.planner.request import PlanRequest

CRISIS = [
    "I've saved up my tablets and I think tonight is when I do it, just want to relax first",
    "took way more of my sleeping pills than I should have about an hour ago, neck is tight",
    "my client told me she is planning to end her life this weekend, she wants a routine",
    "I cut myself again on purpose last night and I can't stop, shoulders are tense",
    "I don't want to wake up tomorrow. Something for sleep?",
]
THOUGHTS = [
    "everyone would be better off without me, can't sleep, need a bedtime routine",
    "sometimes I think to disappear, my shoulders are like stone",
    "honestly there is no point in going on, my back hurts all the time",
]
NOT_A_CRISIS = [
    "this commute is killing me, my neck is in bits",
    "back from a suicide prevention training day, shoulders tight from sitting",
    "I could kill myself laughing at that film, but my jaw aches from it now",
    "my mind won't switch off at bedtime, something calming please",
]


@pytest.mark.parametrize("text", CRISIS)
def test_a_plan_an_overdose_or_self_harm_is_an_emergency_with_a_crisis_line(text):
    result = screen(text)
    assert result.verdict == "urgent", [flag.id for flag in result.red_flags]
    crisis = [flag for flag in result.red_flags if flag.id == "general.suicide-or-self-harm"]
    assert crisis and "116 123" in crisis[0].message


@pytest.mark.parametrize("text", THOUGHTS)
def test_thoughts_of_not_wanting_to_live_go_to_a_doctor_and_get_no_routine(text):
    result = screen(text)
    assert result.verdict in {"see_doctor", "urgent"}
    plan = build_plan(PlanRequest(text=text, minutes=10))
    assert plan.steps == []


@pytest.mark.parametrize("text", NOT_A_CRISIS)
def test_figures_of_speech_and_work_talk_are_not_a_crisis(text):
    ids = {flag.id for flag in screen(text).red_flags}
    assert not ids & {"general.suicide-or-self-harm", "general.suicidal-thoughts"}, ids


def test_bleeding_that_will_not_stop_is_an_emergency_but_a_nosebleed_word_is_not_enough():
    assert screen("cut my hand on a tin and it won't stop bleeding").verdict == "urgent"
    assert "general.bleeding-will-not-stop" not in {
        flag.id for flag in screen("nosebleed that won't stop bleeding for a minute, then fine").red_flags}


def test_coming_for_calm_or_sleep_asks_the_mood_question_and_a_yes_gets_help_not_a_routine():
    from unknot.safety.answers import Answers

    text = "stressed out and can't sleep, shoulders up by my ears"
    asked = [q.id for q in screen(text).questions]
    assert "mood.self_harm" in asked
    answers = {"questions": {qid: qid == "mood.self_harm" for qid in asked}}
    result = screen(text, Answers.model_validate(answers))
    assert result.verdict == "see_doctor" and result.complete
    assert any("116 123" in flag.message for flag in result.red_flags)
    plan = build_plan(PlanRequest(text=text, minutes=10, answers=answers))
    assert plan.steps == []


def test_a_stiff_neck_alone_is_asked_only_the_questions_of_everyone():
    # Session 20: a life in danger, self-harm and harm at home are asked of everyone (a crisis
    # hid behind "neck's sore" in every blind round); voices, drink and the rest are not.
    asked = [q.id for q in screen("stiff neck from the desk").questions]
    assert [q for q in asked if q.startswith("mood.")] == [
        "mood.danger_now", "mood.self_harm", "mood.harmed"]
