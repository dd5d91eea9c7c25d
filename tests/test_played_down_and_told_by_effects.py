"""Families from two blind sets written and scored once in session 11 before mending:
holdout64 (people who play it down — stoics, jokers, apologisers, the red flag as a P.S.) and
holdout65 (a fresh mix of every family, each sign told only by what the person notices).
Text alone they missed 9 and 7 of 108 red flags, and under-called 4 emergencies each: a hand
that would not hold a cup, words in the wrong order, saddle numbness told as "like wiping
someone else's bum", a stream that will not start, a car "went into the back of me", a
headache that "came on over a few seconds". Worded afresh here, with decoys."""

from __future__ import annotations

import pytest

from support.labelled import flag_ids
from unknot.intake.screen import screen
from unknot.safety.facts import extract_facts
from unknot.text.normal import normalise


@pytest.mark.parametrize(("text", "rule"), [
    # one hand that will not do its everyday work, or feels gloved
    ("since lunch my left hand won't grip the kettle and my smile looks odd", "stroke.face-arm-speech"),
    ("tried to button my coat and my right hand just would not do up the buttons, twenty "
     "minutes ago", "stroke.face-arm-speech"),
    ("my right hand feels like I've got an oven glove on it, started this morning, bit of a "
     "headache", "stroke.face-arm-speech"),
    ("dropped my cup at breakfast because I could not grip it, now my arm feels odd",
     "stroke.face-arm-speech"),
    # speech told by what it did
    ("for a few minutes my sentences came out in the wrong order, fine now, neck tight",
     "stroke.face-arm-speech"),
    ("my words came out scrambled on the phone to mum earlier", "stroke.face-arm-speech"),
    ("in the mirror my face looks droopy on one side, started minutes ago", "stroke.face-arm-speech"),
    # saddle numbness told by its effect, or by where you sit
    ("slipped a disc last week; now wiping feels like it's somebody else's skin",
     "back.cauda-equina"),
    ("back's gone again and the part you sit on feels numb since this morning", "back.cauda-equina"),
    # a stream that will not start, with a disc
    ("prolapsed disc flared, and my pee won't start, I stand there for ages", "back.bladder-new"),
    # a crash told as what the other car did
    ("a van drove into the back of us on the motorway, now my neck hurts and my fingers tingle",
     "neck.trauma-limb-symptoms"),
    # a thunderclap told by how long it took to arrive
    ("a headache came on over a couple of seconds while I was lifting, like nothing before",
     "headache.thunderclap"),
    # confusion told as the same question again and again
    ("Grandad, 84, has a headache and has asked me five times what day it is this afternoon",
     "headache.neuro-deficit"),
    # a blocked bowel told plainly
    ("not been properly for five days, being sick, tummy tight as a drum", "abdomen.obstruction"),
    # black stools told as what passing them is like
    ("pooping black tar since Sunday and I'm dizzy when I stand", "abdomen.black-or-bloody-stool"),
])
def test_an_emergency_told_by_its_effects(text, rule):
    result = screen(text)
    assert result.verdict == "urgent"
    assert rule in flag_ids(result)


@pytest.mark.parametrize(("text", "rule"), [
    # pain scores that keep rising
    ("upper back, my diary says mon 2/10, wed 4/10, fri 5/10, sun 6/10", "seed003.pain-scores-rising"),
    ("it started at a 3 last month and now it's 8, mid back", "seed003.pain-scores-rising"),
    # a score said plainly
    ("the ache's a steady 9 behind my shoulder blade", "seed003.intense-pain"),
    # back pain that will not shift, told without "not improving"
    ("low back since October. physio, heat, pills. it hasn't shifted at all", "back.not-settling"),
    ("my back's been bad six weeks, not really any better. hoped it would clear on its own",
     "back.not-settling"),
    # new back pain after 50
    ("I'm 58 and my back started aching a few weeks ago, never had back trouble before",
     "back.older-new"),
    # back pain while off food
    ("lower back aching for a month and I've lost my appetite, just can't face meals",
     "back.unwell-off-food"),
    ("back pain for three weeks and I'm loosing weight without trying", "back.cancer"),
    # angina told by the jaw
    ("my jaw aches when I hurry for the train and it eases once I stop", "chest.exertional-tightness"),
    # numbness that spreads, a leg that gives way
    ("a numb patch on my shin is spreading further up each week", "general.numbness-spreading"),
    ("back a bit sore and my right leg gives way on the stairs", "back.sciatica-weakness"),
    # a leg's colour told
    ("left calf gone a bluish colour compared to the right and it throbs", "legs.dvt-signs"),
    # painkillers most days, counted
    ("I take co-codamol for these headaches about 15 days in every month",
     "headache.painkiller-overuse"),
])
def test_a_sign_for_a_doctor_told_by_its_effects(text, rule):
    result = screen(text)
    assert result.verdict in {"see_doctor", "urgent"}
    assert rule in flag_ids(result)


@pytest.mark.parametrize("text", [
    # tired limbs from carrying, things broken that are not bones
    "legs dead from carrying the boxes up three floors, the lift is broken again",
    "washing machine's broken so I've hand-washed everything, forearms sore",
    # over, or explained
    "woke with my hand asleep, pins and needles till the feeling came back, fine now. neck tight",
    "bumped my head on the shed roof a fortnight ago, was fine - no symptoms then or since. "
    "shoulders please",
    "knocked my head on a cupboard last week, not had a single symptom since. hips stiff",
    "headache from forgetting to eat lunch, had a sandwich and it's easing",
    "dropped my phone because I could not hold it with wet hands, wrists a bit sore",
    "no appetite today after a huge lunch, lower back tight from the drive",
    # a shy bladder, a working adult alone
    "can't pee in public toilets, always been shy like that. upper back tight",
    "working from home alone for 2 weeks now, neck and temples tight",
    # long-standing, known
    "I'm 66, same old lower back ache since my thirties, the osteopath knows it well",
    "my pain was 8/10 on monday, 5/10 by wednesday and 2/10 today, neck",
    "it started at 9/10 after the fall and now it's a 2, shoulders",
])
def test_not_a_red_flag_in_the_same_words(text):
    result = screen(text)
    assert result.verdict in {"ok", "caution"}, flag_ids(result)


def test_pain_rising_is_read_from_scores_told_in_order():
    rising = extract_facts("week 1 2/10, week 2 3/10, week 3 5/10", None)
    assert rising.pain_rising is True and rising.pain_rising_evidence == "2/10, week 2 3/10, week 3 5/10"
    assert extract_facts("Started at a 2, now it's a 7", None).pain_rising is True
    # falling, a drift of one or two, or a single score: not rising
    assert extract_facts("8/10, then 5/10, now 2/10", None).pain_rising is None
    assert extract_facts("3/10, 4/10, 4/10", None).pain_rising is None
    assert extract_facts("started 2 weeks ago, now it's 6 days since the fall", None).pain_rising is None


def test_a_lifelong_condition_is_not_a_new_finding():
    result = screen("cerebral palsy, lifelong, no feeling in my legs, nothing new; shoulders please")
    assert result.verdict == "caution"
    assert {"thighs", "calves"} <= set(result.avoid)
    # a new sign beside it still counts
    assert screen("spina bifida from birth, but since yesterday I can't feel when I wee").verdict \
        == "urgent"


def test_no_problems_at_all_describes_a_pregnancy_it_does_not_end_it():
    result = screen("30 weeks pregnant, no problems at all, shoulders and feet ache")
    assert result.verdict == "caution"
    assert "abdomen" in result.avoid
    assert screen("sprained my ankle in March, no problems at all since, calves tight").verdict == "ok"


def test_would_is_read_after_a_subject():
    words = [t.norm for t in normalise("the bit you'd sit on, she'd say").tokens]
    assert words[:5] == ["the", "bit", "you", "would", "sit"]
    assert "she" in words and words[words.index("she") + 1] == "would"
