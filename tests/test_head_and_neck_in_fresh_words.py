"""Families found by the blind set holdout43 (the head and the neck as people describe them:
everyday tension next to its dangerous twins). Each test is a family, worded afresh, with
decoys.
"""

from __future__ import annotations

import pytest

from support.labelled import flag_ids
from unknot.intake.screen import screen


@pytest.mark.parametrize(("text", "rule"), [
    ("every morning I wake with a throbbing headache and I'm sick, then it fades, two weeks now",
     "headache.morning-with-vomiting"),
    ("my son has had a headache for three weeks solid, even at weekends",
     "headache.every-day-for-weeks"),
    ("a headache always on the same side, for months now, and getting stronger",
     "headache.one-side-getting-worse"),
    ("went on a huge rollercoaster on Saturday and the headache hasn't shifted since",
     "headache.after-a-jolting-ride"),
    ("headaches and nosebleeds on and off for a month", "headache.with-nosebleeds"),
    ("my headaches are different from before, they used to be at the front but now it's the "
     "back", "headache.new-or-changed"),
    ("neck pain that wakes me every night however I lie, no injury", "neck.night-pain"),
    ("neck collar came off last month after I fractured a vertebra, can I massage it",
     "neck.recent-fracture"),
    ("my thyroid lump seems to be growing and my voice has gone hoarse",
     "general.neck-lump-growing-or-hoarse"),
    ("the left side of my face has been twitching for weeks", "general.face-twitching-for-weeks"),
    ("my neck pain gets worse every day, no injury", "seed003.pain-worse-every-day"),
])
def test_the_dangerous_twin_in_fresh_words(text, rule):
    assert rule in flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "our baby is hot and the soft spot on her head is bulging",
    "it felt like something burst inside my head, the worst pain of my life, now my neck is stiff",
    "a rash on her legs that doesn't go away when I press a glass on it, and a bad headache",
    "my little brother clashed heads with a friend at football, he's been sick and is very drowsy",
    "Dad fell backwards onto his head this morning and keeps asking the same questions",
    "my flatmate hasn't made sense all day, keeps calling me by the wrong name, he's burning up "
    "and says his head hurts",
    "wiped out by a wave and hit my head on the sand, neck hurts and both arms are tingling",
    "since slipping on the stairs an hour ago my neck is agony and my legs feel strange",
    "my neck clicked loudly when I stretched it, then pain behind my right ear and everything "
    "is jumping about",
    "colours look washed out in my left eye since yesterday and it hurts to move it",
])
def test_an_emergency_in_the_head_and_neck(text):
    assert screen(text).verdict == "urgent"


@pytest.mark.parametrize(("text", "left_out"), [
    ("had a mole frozen off my temple yesterday, scabbing, neck tight", "temples"),
    ("shaving nick on my chin, want a scalp session", "face"),
    ("eyebrows microbladed two days ago, my jaw is tight", "forehead"),
    ("rheumatoid arthritis in my neck, stable, shoulders tight", "neck"),
    ("had a C4-5 fusion years ago, shoulders are stiff", "neck"),
    ("acne flare with open spots on my cheeks, tension headache", "face"),
])
def test_what_the_head_and_neck_ask_to_leave_out(text, left_out):
    result = screen(text)
    assert result.verdict == "caution" and left_out in result.avoid


@pytest.mark.parametrize("text", [
    "a thunderclap of an idea at 3am, now my shoulders are up by my ears",
    "rugby at the weekend, no knocks at all, just DOMS in my upper back",
    "I'm an A&E nurse, a shift full of 'worst headache ever' patients, my own neck is stiff",
    "pins and needles in my little finger after leaning on my elbow, gone after five minutes; "
    "neck tight",
    "tension headache all day at month end, the usual for me",
    "migraineur for years, a textbook one behind my left eye, same as always; neck and "
    "shoulders please",
])
def test_everyday_tension_and_figures_of_speech_are_not_red_flags(text):
    assert screen(text).verdict in ("ok", "caution")


@pytest.mark.parametrize(("text", "rule"), [
    # the part named in one sentence, spoken of in the next (session 9, holdout21)
    ("I'm 72. Could I massage my temples? They've gone tender and throb when I lie on them.",
     "headache.giant-cell-arteritis"),
    ("Something between my shoulder blades; the pain there has kept on for a month now.",
     "back.between-shoulder-blades"),
])
def test_a_part_named_in_one_sentence_and_spoken_of_in_the_next(text, rule):
    assert rule in flag_ids(screen(text))

