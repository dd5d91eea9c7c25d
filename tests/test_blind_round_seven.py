"""Session 13: the second reading of session 12's third round, and families from blind sets
written and scored once before mending (holdout85 nerves, holdout86 a fourth fresh mix,
holdout87 shoulders, arms and hands). Worded afresh here, with decoys."""

from __future__ import annotations

import pytest

from support.labelled import flag_ids
from unknot.intake.screen import screen


@pytest.mark.parametrize("text", [
    # a likeness is not the cause: "like after a workout" explains nothing away
    "started atorvastatin in the spring and my thighs ache like after a workout I never did",
    "on a statin since March, aching all over as if I'd run a marathon. I haven't.",
    "On Crestor, shoulders tender and weak for a fortnight, no idea why.",
])
def test_statin_aches_told_by_a_likeness_are_for_a_doctor(text):
    assert screen(text).verdict == "see_doctor", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    # the cause told plainly still explains it; "like" as a hedge before an amount is no likeness
    "on simvastatin for years, legs ache after my run yesterday",
    "came off my bike at like five miles an hour, nothing broken just a bruise on my hip; "
    "shoulders tight",
])
def test_a_cause_told_plainly_still_explains(text):
    assert screen(text).verdict in ("ok", "caution"), flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    # a dirty wound and a stiff jaw: no everyday reason for the jaw explains tetanus away
    "trod on a rusty nail in the garden last week, no booster, now my jaw is stiff. I clench "
    "from stress though",
    "stood on a nail in the shed 6 days ago, jaw is tight and I grind my teeth anyway",
])
def test_a_stiff_jaw_after_a_dirty_wound_is_urgent_whatever_the_jaw_usually_does(text):
    assert screen(text).verdict == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text, verdict", [
    # each explanation counts on its own (they were one long phrase needing "bruise" first)
    ("my big toenail went black after the marathon this week, I'm 80 and fine", "caution"),
    ("her knee has been puffy for a week after she twisted it at netball", "ok"),
    ("his knee has been swollen for 2 weeks, no injury", "see_doctor"),
    ("my toe went grey and cold this week, I am 81", "see_doctor"),
])
def test_each_explanation_in_an_unless_list_stands_alone(text, verdict):
    assert screen(text).verdict == verdict, flag_ids(screen(text))
