"""Time and person, third round: families from the blind set holdout54 (now or over, real or
hypothetical, mine or someone else's), written and scored once in session 9 before mending —
text alone 20.2% of its harmless texts were escalated and 8 of 108 red flags missed. Worded
afresh here, with the twins that must still count."""

from __future__ import annotations

import pytest

from support.labelled import flag_ids
from unknot.intake.screen import screen
from unknot.safety.facts import extract_facts


@pytest.mark.parametrize("text", [
    # supposed, or asked about for a class or for anyone
    "what would you tell me to do if I ever got a crushing chest pain on a run? today just tight calves",
    "if my headache was ever the worst of my life would I go to A&E? mine's a normal Monday one",
    "is it ok to massage someone who had a DVT once? asking in general, my own legs are fine",
    "for my sports massage assignment I need to list red flags like saddle numbness and fever",
    # over, and said in more ways
    "2019 pneumonia, 2022 covid. Nothing since. Shoulders tight from the desk",
    "the lump in my armpit was just a swollen gland, the scan was clear, neck stiff",
    "my back was 9/10 after the move last year; it's totally gone now, just want to stay loose",
    "the cardiologist ran every test and said it was reflux, upper back tight from cycling",
    # someone else's, while my own body is the one to work on
    "since my husband's stroke I've been his carer. my own lower back aches from lifting him",
    "my running pal gets chest pain on hills and sees a cardiologist next week, my hamstrings are tight",
])
def test_not_had_now_or_not_mine(text):
    result = screen(text)
    assert result.verdict in {"ok", "caution"}, [f.id for f in result.red_flags]


@pytest.mark.parametrize(("text", "rule"), [
    # an emergency now, whoever has it
    ("group chat from my sister: 'Dad's chest is tight and he's sweating, started 10 mins ago' — "
     "meanwhile my neck is killing me", "general.heart-attack-signs-in-anyone-now"),
    ("my colleague has just gone grey and clammy, says her chest feels heavy, what do I do",
     "general.heart-attack-signs-in-anyone-now"),
    ("Nan has been vomiting blood this evening and I'm meant to be rubbing her back",
     "general.vomiting-blood-in-anyone-now"),
    ("stent 2021, fine since, but tonight tight chest for 20 mins and the GTN spray has not helped",
     "general.heart-pain-spray-not-helping"),
    # the supposition ends where the sentence comes back to now
    ("what if this chest pain is my heart? it started an hour ago and spreads to my arm",
     "chest.heart-attack"),
])
def test_an_emergency_now(text, rule):
    result = screen(text)
    assert result.verdict == "urgent"
    assert rule in flag_ids(result)


@pytest.mark.parametrize(("text", "rule"), [
    ("born in 1950. A new headache at my left temple, tender to touch", "headache.giant-cell-arteritis"),
    ("a patient of mine, 66, has headaches for the first time in her life. She wants a programme",
     "headache.older-onset"),
    ("five days after my hip op the calf on that side has gone tight, swollen and hot", "legs.dvt-signs"),
    ("the nurse said 'no rubbing that leg until the clot has gone', I'm on apixaban, neck stiff",
     "legs.known-clot"),
])
def test_a_sign_for_a_doctor_told_through_time_and_person(text, rule):
    result = screen(text)
    assert result.verdict in {"see_doctor", "urgent"}
    assert rule in flag_ids(result)


def test_weeks_of_pregnancy_written_as_a_possessive_are_the_partners():
    facts = extract_facts("my wife's 31 weeks and her hips ache, I'd like to massage them for her",
                          None, "someone_else")
    assert facts.pregnancy_weeks == 31


def test_a_cancer_of_the_lung_leaves_the_chest_out():
    result = screen("started chemo for lung cancer last week, calves restless at night")
    assert "chest" in result.avoid
