"""Session 15: the seventeenth second reading (fafccf1..735f2fb), and families from blind sets
written and scored once before mending (holdout94 a sixth fresh mix, buried and fragmentary;
holdout95 the back, hips and legs, round 3). Worded afresh here, with decoys."""

from __future__ import annotations

import pytest

from support.labelled import flag_ids
from unknot.intake.screen import screen


def verdict(text: str) -> str:
    return screen(text).verdict


# --- the seventeenth review (fafccf1..735f2fb) -----------------------------------------------
# What it found hidden came from unless phrases that named what a person in crisis writes too
# ("the baby", "my back", "waiting for", "the stairs", "in front of the telly", "confused
# about"), and from a medicine that had to be followed by "tablets". What it found raised came
# from evidence widened to ordinary words ("won't stop", "going to kill me" said of a class).

@pytest.mark.parametrize("text", [
    "packed in my sertraline a fortnight ago, what is the point of any of it, lower back sore",
    "he's not taking his lithium any more and keeps saying why bother",
    "came off my mood stabiliser on my own, no point, shoulders aching",
    "nan has quit taking her heart pills, says whats the point at her age",
    "my brother on the telly all day says the newsreaders are talking about him",
    "dad sits with the tv on and talks to himself and the telly for hours, not himself",
    "mum keeps talking back to the radio, she's convinced there are people in there",
    "slept about 2 hours a night for a week and honestly I feel unstoppable",
    "haven't slept in 3 nights, not on shift this week, mind is racing, so much energy, "
    "started 2 businesses",
])
def test_what_the_seventeenth_review_found_hidden_is_for_a_doctor(text):
    assert verdict(text) in ("see_doctor", "urgent"), flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "decided I won't be around by the time the kids break up for summer, oddly peaceful now",
    "I've made up my mind I won't be around on sunday, I feel so calm",
    "on the bridge again by the station, waiting for it to go quiet, can't do this",
    "top floor of the multistorey, walked up the stairs, had enough",
    "shut myself in the bathroom, he's smashing the kitchen up, the kids are crying",
    "hiding in the garage, he's outside the door, my neck is killing me from crouching",
    "locked in the loo, my ex is kicking the door, I'm shaking and cramping",
    "hid in the wardrobe, he's trying to break in",
    "mum drank a bottle of vodka a day, stopped on friday, today she's confused about where she is",
    "he was on 10 cans a day, quit monday, now confused about what year it is and seeing spiders",
])
def test_what_the_seventeenth_review_found_hidden_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "I hope I don't wake at 5 again with this hip",
    "hope I don't wake up in agony tomorrow after leg day",
    "it'd be easier if I wasn't at work on fridays, shoulders tight",
    "stopped taking my vitamin d tablets, no point, calves still cramp",
    "stopped taking the cod liver oil pills, why bother, knees still creak",
    "stopped my hayfever pills, no point, still sneezing, neck stiff",
    "gave up my antidepressants with my GP's help, no point dragging it out, feeling good",
    "slept 3 hours the night before my wedding, buzzing, feet sore from dancing",
    "doing 12 hour shifts, sleeping 4 hours a night, mind racing, upper back wrecked",
    "I'm 75 and don't need much sleep these days, neck stiff",
    "hiding in the shed because the hoover won't stop, lol, back sore",
    "hiding in my room, she won't stop talking about the wedding, neck tight",
    "hiding in the loo from the toddler, he won't stop climbing on me",
    "the builders are smashing the kitchen up next door and I'm hiding in the bedroom with earplugs",
    "the kids are smashing the place up, hiding in the kitchen with a coffee lol",
    "this bootcamp class is going to kill me, hamstrings on fire",
    "the hill sprints will finish me off tonight",
    "I'm 12 and my sister beats me at table tennis every time, wrist sore",
    "I'm 14 and my mate hits me at rugby training, shoulder bruised",
    "heard people on the radio talking about them foam rollers, any good for calves",
    "presenters on the radio are talking about her new book, shoulders tight",
    "grandpa natters to himself in front of the telly all evening, his hands are stiff",
    "my nan shouts at the telly during the quiz, she thinks the contestants are idiots",
    "no pleasure trip for us this year, too much overtime, back in knots",
    "on a 5 day course of diazepam for my back, stopping friday as planned",
    "going to stop the pregabalin next week, my GP wants me to swap to something else",
    "on the bridge again for work inspecting the cables, done for the day, back aching",
    "on the roof now fixing the gutter, back is killing me, done",
    "top floor of the car park was full, had enough of the christmas shopping, feet ache",
])
def test_a_false_alarm_the_seventeenth_review_found_is_not_for_a_doctor(text):
    assert verdict(text) not in ("see_doctor", "urgent"), flag_ids(screen(text))


# Accepted on the safe side (review 15): a decision not to be around on a named day, told with
# calm, reads the same whether the day is a wedding or a birthday; the unless phrase for the
# wedding hid "I won't be around much longer … sorry I'll miss the wedding". A lift that is out
# at the top of a car park is told by people in crisis too.
@pytest.mark.parametrize("text", [
    "I've decided I won't be around for my cousin's wedding, I feel settled about it",
    "stood at the top of the car park again, the lift is out, I can't do this",
])
def test_a_named_day_or_a_broken_lift_does_not_explain_a_crisis_away(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))
