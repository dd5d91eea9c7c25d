"""Families from the blind set holdout53 (dizziness, numbness, weakness and the nervous system),
written and scored once in session 9 before mending: text alone 11 of 108 red flags missed and
22.6% of harmless texts escalated — brief, explained symptoms read as red flags. Worded afresh
here, with the twins that must still count."""

from __future__ import annotations

import pytest

from support.labelled import flag_ids
from unknot.intake.screen import screen


@pytest.mark.parametrize(("text", "rule"), [
    ("since the thyroid op my lips tingle and my fingers keep cramping up",
     "general.mouth-tingling-after-neck-surgery"),
    ("usual migraine zigzags but this time they lasted most of the afternoon", "headache.aura-too-long"),
    ("I'm 79 and reaching up to hang washing I get dizzy and it all goes grey", "general.dizzy-looking-up"),
    ("my balance has been going for months and I've had three falls this year",
     "general.balance-going-with-falls"),
    ("my left hand trembles when it's resting on the arm of the chair and my writing has got tiny",
     "general.new-tremor-or-shrinking-writing"),
    ("since the new blood pressure pill I nearly fell twice getting up, everything went dark",
     "general.faint-on-standing-with-falls"),
    ("trod on a nail in the garden, now the sole of my foot is red and throbbing",
     "general.foot-puncture-infected"),
    ("my eyelid twitch has spread and now my cheek twitches with it on the same side",
     "general.face-twitch-spreading"),
    ("lower lip and chin gone numb for a fortnight, I had myeloma treated three years ago",
     "general.numb-chin"),
    ("pins and needles in my ring and little fingers for weeks and now I keep dropping my keys",
     "general.nerve-pressed-with-weakness"),
    ("numb like a tight band round my waist and my legs feel heavy and clumsy",
     "general.numb-band-around-the-body"),
])
def test_a_nerve_sign_for_a_doctor(text, rule):
    result = screen(text)
    assert result.verdict in {"see_doctor", "urgent"}
    assert rule in flag_ids(result)


@pytest.mark.parametrize("text", [
    # brief, and explained by what the person was doing
    "foot went to sleep sitting cross-legged on the floor, fine after a minute, hips tight",
    "dead arm this morning from sleeping on it under the pillow, pins and needles then fine",
    "numb bum after a long cycle ride, gone now, no back pain, glutes sore",
    "light-headed stepping out of a hot bath, sat down and it passed",
    "bit dizzy after a go on the roundabout with the kids, calves sore from walking round",
    "I faint at the sight of needles, did again at my jab today, fine now, shoulders tense",
    "a bit slurry last night but that was the wine, head's fine, neck stiff",
    "leg went dead from sitting on it on the train, then fine, thighs tight",
    "the spinning stopped completely after the Epley manoeuvre, neck stiff",
])
def test_brief_and_explained_is_not_a_red_flag(text):
    result = screen(text)
    assert result.verdict in {"ok", "caution"}, [f.id for f in result.red_flags]


@pytest.mark.parametrize(("text", "left_out"), [
    ("T6 spinal cord injury 20 years ago, no feeling from the waist down, shoulders ache",
     {"thighs", "calves", "feet"}),
    ("numb patch on the front of my thigh the GP called a trapped nerve, quads tight", {"thighs"}),
    ("trigeminal neuralgia on my left side, neck and shoulders tense", {"face"}),
    ("post-polio weakness in my right leg, lower back aches", {"deep_pressure", "percussion"}),
])
def test_what_a_nerve_condition_leaves_out(text, left_out):
    result = screen(text)
    assert result.verdict == "caution"
    assert left_out <= set(result.avoid)


def test_a_brief_spell_can_still_be_a_warning():
    """Short is not always harmless: dizziness with the sight dimming on looking up, at 80."""
    assert screen("I'm 80, I look up at the shelf and go dizzy and my vision dims for a moment").verdict \
        == "see_doctor"
