"""Session 16: the twenty-fifth second reading (3ff1b2a..1aaef2e), and families from blind sets
written and scored once before mending (holdout100 the racing mind, round 5; holdout101 an
eighth fresh mix, told sideways). Worded afresh here, with decoys."""

from __future__ import annotations

import pytest

from support.labelled import flag_ids
from unknot.intake.screen import screen


def verdict(text: str) -> str:
    return screen(text).verdict


# --- the twenty-fifth review (3ff1b2a..1aaef2e: 22 hidden, 26 false alarms) ------------------
# Rules read for anyone had stopped counting a harm that "settled down" (taken back for a
# child's croup): a threat, a note, a misuse or a harm told of anyone now counts when it has
# settled (`history: settled_counts`), an illness that is "all better" does not.

@pytest.mark.parametrize("text", [
    "gonna stab him tonight, I know where he lives, I no longer give a damn what happens",
    "my sister left a note saying sorry and her phone is off, dad thinks she'd calmed down lately",
    "my son left a note saying goodbye and isn't answering, turned out he'd been sacked on monday",
])
def test_a_threat_or_a_note_that_settled_down_is_still_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "I've been using my nan's leftover codeine to sleep, no longer lying awake",
    "found razor blades hidden in his sock drawer, he says he doesn't do it any more, it's settled down",
    "I shoved my boyfriend when I'd been drinking on saturday, we've sorted it out now",
    "I keep having thoughts of strangling my husband, it has calmed down this week but it frightens me",
])
def test_a_harm_or_a_misuse_that_settled_down_is_still_for_a_doctor(text):
    assert verdict(text) in ("see_doctor", "urgent"), flag_ids(screen(text))


def test_an_illness_of_anyone_that_is_all_better_is_still_over():
    assert verdict("my toddler had croup a fortnight ago, all better now, bedtime foot rub?") \
        not in ("see_doctor", "urgent")


# A check told in a sentence of its own is undone by the finding going on in a later one:
# "still", "again", "back" and "worse" say so, not only "came back" and "much worse".
@pytest.mark.parametrize("text", [
    "went to A&E on sunday with crushing chest pain. the ECG was fine. still got it now and I'm "
    "clammy",
    "had tight chest walking uphill, saw the GP. bloods normal. it came on again today with sweating",
    "had a fit on monday and went to hospital. the scan was clear. had another one again this "
    "morning",
])
def test_a_finding_that_goes_on_after_a_check_in_its_own_sentence_counts(text):
    assert verdict(text) in ("see_doctor", "urgent"), flag_ids(screen(text))


# A clinician's own reassurance ("no need for hospital") is not a clinician refused.
@pytest.mark.parametrize("text", [
    "chest pain a fortnight ago, saw my GP, she said it was a pulled muscle, no need for A&E. "
    "stretches for my pecs?",
    "crushing chest pain last month, the doctor checked me and he said it was muscular, no need "
    "to call 999. chest stretches please",
])
def test_a_clinicians_reassurance_naming_a_hospital_is_still_a_check(text):
    assert verdict(text) not in ("see_doctor", "urgent"), flag_ids(screen(text))


def test_a_clinician_named_only_as_refused_still_makes_no_check():
    assert verdict("pressure in his chest down his left arm, says it's only indigestion, he "
                   "won't go to the doctor") == "urgent"


# "for good", a note, "can't reach": everyday words that need a person in crisis behind them.
@pytest.mark.parametrize("text", [
    "my tennis elbow is gone for good and now I can't reach the top shelf because my shoulder's "
    "so stiff",
    "my old masseuse is going for good, can't get hold of anyone else near me",
    "my ankle is done for good says the surgeon, can't reach my feet to cut my nails",
    "I'm done for good with my ex, blocked him so he can't reach me, neck is so tense",
    "left a note with the receptionist as I couldn't get hold of the physio about my hip",
    "left a note under my neighbour's door, he's not answering, shoulders tight from the sofa",
])
def test_everyday_for_good_or_a_note_is_not_a_crisis(text):
    assert verdict(text) != "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "mum left a note for dinner saying sorry, her phone is off and her pills are gone from the "
    "drawer",
    "my brother left a note on the table and his phone is switched off, nobody knows where he is",
    "she's gone for good, she said, and now she isn't answering",
])
def test_a_note_or_for_good_with_someone_out_of_reach_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


# Sport, sleep and play told beside words of harm.
@pytest.mark.parametrize("text", [
    "we're gonna smash them in the cup tonight, need my hamstrings loose",
    "going to kill them on the pitch tonight, quads feel heavy",
    "gonna batter them tonight in the netball semi final, calves like rocks",
    "want to beat him in the final tonight at the tennis club, elbow is sore",
    "I kicked my wife in my sleep last night and she was angry about it, lol. my hips ache",
    "I slapped my husband's hand away when he tickled me and he pretended to be angry, shoulder "
    "clicked",
    "heard voices at night nobody else heard, turned out to be the neighbours arguing, traps tight",
    "thought I heard music nobody else could, turned out it was my daughter's speaker, neck stiff",
    "found razors in the bathroom cabinet, my son has started using his dad's, his neck is stiff",
    "found disposable razors in her bag, she's 15 and doing her own eyebrows, shoulders tight",
    "nobody would miss me at home if I booked a massage weekend, kids are at their dad's",
    "no one would miss me when I nip out to the gym at lunch, office is dead",
])
def test_their_everyday_twins_are_not_for_a_doctor(text):
    assert verdict(text) not in ("see_doctor", "urgent"), flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "heard voices nobody else hears, turned out to be the radio, but they still talk to me at night",
    "honestly nobody would miss me if I left this world, back is in knots",
    "no one would miss me if I did not go on any more",
])
def test_their_dangerous_twins_are_for_a_doctor(text):
    assert verdict(text) in ("see_doctor", "urgent"), flag_ids(screen(text))
