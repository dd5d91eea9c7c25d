"""The racing mind's red flags, found by the blind set holdout33 (47% of them missed at
its first score): a crisis told without the word for it, voices and beliefs no one else
shares, days without sleep and feeling invincible, not eating or getting up, harm at home,
and bodily states that pass for anxiety. Each test is a family, worded afresh, with decoys.
"""

from __future__ import annotations

import pytest

from support.labelled import flag_ids
from unknot.intake.screen import screen


@pytest.mark.parametrize("text", [
    "I've left notes for my parents and given my cat to a neighbour, I feel weirdly at peace. "
    "Something for my shoulders?",
    "my brother has been really low since the divorce, says he's sorted out his life insurance "
    "and there's a rope in his garage. I want to help him relax",
])
def test_final_acts_are_an_emergency_without_the_word_suicide(text):
    assert screen(text).verdict == "urgent"


def test_a_goodbye_then_silence_is_an_emergency():
    result = screen("my sister messaged 'thank you for everything, love you all' and now she's "
                    "not picking up. I want to go round and help her relax")
    assert result.verdict == "urgent" and "general.goodbye-then-silence" in flag_ids(result)


def test_a_goodbye_at_a_leaving_do_is_harmless():
    assert screen("said goodbye to everyone at my leaving do, now my phone's gone quiet because "
                  "the battery died. Shoulders tight").verdict not in ("urgent", "see_doctor")


@pytest.mark.parametrize("text", [
    "I've got the tablets lined up on the table. Not going to do anything, just need to sleep",
    "googled how many paracetamol it would take, just curious. neck is tense",
    "i keep thinking about swerving into the oncoming lorries on the motorway",
])
def test_means_at_hand_or_a_method_looked_up_is_an_emergency(text):
    assert screen(text).verdict == "urgent"


@pytest.mark.parametrize("text", [
    "lately I hope I just won't wake up in the morning. Shoulders are tense",
    "my son keeps telling me he wishes he was dead, he's 13",
    "I think everyone would manage fine if I stopped existing. tense neck",
])
def test_passive_thoughts_of_not_living_need_a_doctor(text):
    assert screen(text).verdict in ("see_doctor", "urgent")


def test_dying_laughing_is_a_figure_of_speech():
    assert screen("nearly died laughing at my nan's dance moves, stiff neck from the sofa"
                  ).verdict not in ("urgent", "see_doctor")


def test_fresh_self_harm_needs_care_today_and_urges_need_a_doctor():
    assert screen("found fresh cuts on his arms tonight, he's 16, I want to help him calm down"
                  ).verdict == "urgent"
    assert screen("I get strong urges to harm myself when I'm overwhelmed, didn't act on it"
                  ).verdict in ("see_doctor", "urgent")
    assert screen("cut my finger chopping onions, wrists ache from typing").verdict \
        not in ("urgent", "see_doctor")


def test_voices_that_tell_someone_to_hurt_themselves_are_an_emergency():
    result = screen("the voice keeps saying I must hurt myself, it's louder at night")
    assert result.verdict == "urgent" and "general.command-voices" in flag_ids(result)


@pytest.mark.parametrize("text", [
    "I hear someone whispering my name when no one is in the flat, can't sleep",
    "I'm sure my neighbours have bugged my phone and are following me to work",
])
def test_voices_and_beliefs_no_one_shares_need_a_doctor(text):
    result = screen(text)
    assert result.verdict == "see_doctor" and "general.psychosis-signs" in flag_ids(result)


def test_days_without_sleep_feeling_invincible_need_a_doctor():
    result = screen("haven't slept for four nights and I feel invincible, started two new "
                    "businesses this week, neck a bit tight")
    assert result.verdict == "see_doctor" and "general.mania-signs" in flag_ids(result)
    assert screen("newborn twins, barely slept all week, feel amazing and exhausted at once, "
                  "shoulders tight").verdict not in ("urgent", "see_doctor")


def test_weeks_in_bed_not_eating_need_a_doctor():
    assert screen("my wife hasn't got out of bed for two weeks and barely eats, I want to "
                  "help her relax").verdict == "see_doctor"
    assert screen("in bed for a week with flu, not eating much, back aches").verdict \
        not in ("urgent",)


def test_not_eating_with_fainting_needs_a_doctor():
    result = screen("my 16 year old is skipping meals, she's so thin and nearly fainted in PE")
    assert result.verdict in ("see_doctor", "urgent")


@pytest.mark.parametrize("text", [
    "my partner checks my phone every night and takes my wages. I'm tense all the time",
    "he shoved me into the door last week, I told them I fell. my back hurts",
])
def test_harm_at_home_is_not_a_routine_matter(text):
    result = screen(text)
    assert result.verdict == "see_doctor" and "general.harm-at-home" in flag_ids(result)


def test_a_threat_to_kill_is_an_emergency_but_a_figure_of_speech_is_not():
    assert screen("she told me she will kill me if I try to leave, I'm shaking").verdict \
        == "urgent"
    assert screen("mum will kill me if I'm late again lol, neck tight").verdict \
        not in ("urgent", "see_doctor")


def test_bodily_states_that_pass_for_anxiety():
    assert screen("type 1, took my insulin and skipped dinner, now trembling and can't think "
                  "straight").verdict == "urgent"
    assert screen("they doubled my sertraline and now my legs are jerking, I'm sweating and "
                  "agitated").verdict == "urgent"
    assert screen("stopped my pregabalin cold turkey on monday, sweating and restless"
                  ).verdict == "see_doctor"
    assert screen("on a bender for weeks and getting the shakes in the morning, want to stop "
                  "drinking").verdict in ("see_doctor", "urgent")


def test_confusion_creeping_in_over_weeks_in_an_older_person_needs_a_doctor():
    result = screen("grandma is 84 and for a month she's been getting lost on her way to the "
                    "shops. I'd like to rub her hands")
    assert result.verdict == "see_doctor"


def test_a_message_someone_texted_the_writer_is_theirs():
    result = screen("my son texted me 'sorry for everything' last night and now he isn't "
                    "answering, I want to help him relax when I find him")
    assert result.verdict == "urgent" and result.subject == "someone_else"
