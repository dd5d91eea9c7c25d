"""Families found by the blind set holdout44 (bedtime, stress and the racing mind: people who
come to calm down). Each test is a family, worded afresh, with decoys.
"""

from __future__ import annotations

import pytest

from support.labelled import flag_ids
from unknot.intake.screen import screen


@pytest.mark.parametrize("text", [
    "I stopped taking my antidepressants weeks ago and kept them instead. I have enough now.",
    "been googling how much of my insulin would be enough, please just the sleep routine",
    "reading about which car parks have the highest drop, I just want my head to go quiet",
    "chosen the day, it'll be the anniversary. until then I only want to sleep",
    "recorded my goodbyes on a video for my kids, can you play something calm while I wait",
    "gave my records to my brother and the dog to a neighbour, and I feel so calm now",
    "I'm going to do it tonight once everyone's asleep, I've got the pills ready",
    "my friend messaged 'thank you for everything' an hour ago and now her phone goes straight "
    "to voicemail",
    "my brother texted 'look after mum for me' and now his phone is off",
    "my flatmate took all his sleeping tablets and says he wants to sleep forever",
    "a voice keeps telling me I have to hurt my sister before she hurts me",
    "3 weeks after the birth my partner hasn't slept in days and says the baby has been swapped",
    "a week postpartum and a voice says the baby would be better off not here",
    "stopped drinking four days ago and now I'm seeing spiders crawling on the ceiling",
    "my mate took some pills at the festival, he's boiling hot and his heart is hammering",
    "my uncle hasn't eaten or drunk anything for three days, he's diabetic and very confused",
    "the neighbour's little boy, about 5, has been on his own in the flat since yesterday, "
    "I can hear him crying",
])
def test_a_crisis_told_without_its_words_is_an_emergency(text):
    assert screen(text).verdict == "urgent"


@pytest.mark.parametrize(("text", "rule"), [
    ("honestly it wouldn't be so bad if I just didn't wake up some mornings, my shoulders ache",
     "general.suicidal-thoughts"),
    ("the adverts on the bus are coded messages meant for me, it keeps me up",
     "general.psychosis-signs"),
    ("voices give a running commentary on everything I do, I can't sleep",
     "general.psychosis-signs"),
    ("I'm sure my boss has bugged my phone and I'm being followed home",
     "general.psychosis-signs"),
    ("haven't slept more than two hours a night all week and I feel unstoppable, maxed my credit "
     "card", "general.mania-signs"),
    ("haven't really got out of bed in three weeks, not washing, not answering anyone",
     "general.not-eating-or-getting-up"),
    ("my son hasn't left his bedroom in a month and stopped coming down for meals, says there's "
     "no point", "general.not-eating-or-getting-up"),
    ("baby is 6 weeks, I keep getting images of her getting hurt, I'd never, but I can't sleep",
     "general.postnatal-intrusive-thoughts"),
    ("I've been cutting my arms at night so I can sleep, nobody knows",
     "general.self-harm-ongoing"),
    ("on diazepam for years and I'm going to stop on my own from tomorrow",
     "general.benzodiazepines-unsafely"),
    ("I need a bottle of wine every night to sleep now and my hands shake in the mornings",
     "general.alcohol-dependence-signs"),
    ("my partner says I stop breathing in my sleep, and I keep nodding off at my desk",
     "general.sleep-apnoea-signs"),
    ("a pupil in my class turns up hungry and flinches when anyone comes near her",
     "general.child-at-risk"),
    ("type 1 here, it's 3am and I'm shaky and sweaty and can't think straight",
     "general.low-sugar-on-treatment"),
    ("Gran suddenly didn't know me today and she's picking at the sheets", "general.confusion"),
])
def test_the_racing_minds_red_flags(text, rule):
    assert rule in flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "self-harmed as a teenager, nothing for over fifteen years; just stressed with work now",
    "I sleep poorly when work is busy, shoulders tight",
    "cheers mate, I'm just wired after the night shift and want to wind down",
    "my wife is 10 weeks after the birth, exhausted but happy, and her neck is stiff from feeding",
    "3 months after the birth, wrists sore from lifting the baby",
    "I'm going to do it tonight: finally clear out the garage. Back's already complaining",
    "my neighbour's dog got loose and I could hear it crying all night, shoulders tense",
])
def test_ordinary_stress_and_figures_of_speech_are_not_crises(text):
    assert screen(text).verdict in ("ok", "caution")


def test_twins_and_weeks_are_a_pregnancy():
    result = screen("25 weeks with twins, everything fine at the scan, neck aches")
    assert result.verdict == "caution" and "abdomen" in result.avoid
