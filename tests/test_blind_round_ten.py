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


# --- holdout100: the racing mind, round 5 (38 of 108 missed text alone at first, 7 of them
# emergencies read as nothing) ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "sitting in my car in the garage with the engine on, door's shut, neck aches",
    "my boyfriend's been drinking and he's holding a knife, says he'll do it while I watch",
    "took grandad's rifle out of the gun safe, it's next to me on the bed. just want to sleep",
    "the voice keeps telling me I've got to stop my neighbour before tonight",
    "my client sent a text thanking me for everything and calling it her last ever session, "
    "now she isn't picking up",
    "my husband went out for a drive three hours ago, his phone and his wedding ring are on the "
    "bedside table, he's been saying he's a burden",
    "my ex messaged that if he can't have our kids no one can, and he has them till sunday",
    "I've set a date, the 3rd, after mum's birthday so I don't ruin it for her",
    "texted my sister where the spare key is kept and that I love her. tonight I just want calm",
    "my cousin left her toddler home alone to go out to the club, I can hear him crying through "
    "the door",
    "took a pill at a rave and I'm on citalopram, now boiling hot and my legs keep jerking",
])
def test_an_emergency_told_without_a_crisis_word_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "someone keeps beaming thoughts into my head from next door",
    "I can hear people through the walls talking about me every night, my husband says there's "
    "no one there",
    "my client keeps hearing her late husband telling her she's useless",
    "my son says the voice tells him his teacher is a demon",
    "she's been wearing long sleeves in this heat and there were bloody tissues hidden under her "
    "bed",
    "been burning my arm with a lighter whenever the panic spikes",
    "I punch the wall when I'm overwhelmed, knuckles are a mess",
    "he scratches his arms till they bleed when we row",
    "if a lorry hit me tomorrow I honestly wouldn't be bothered",
    "I just want it all to stop, like a long sleep, most nights lately",
    "haven't got out of bed for a fortnight, stopped washing, nothing matters",
    "my counsellor asked me to ring my GP about my low mood this week and I haven't",
    "down 6 kilos in a month since the divorce, not hungry at all",
    "my flatmate hasn't needed sleep for a week, talks so fast I can't keep up with him, "
    "spent his savings on a plan to cure cancer. he wants me to rub his shoulders",
    "I take three sleeping tablets now instead of one because one isn't enough",
    "mixing my co-codamol with wine to knock myself out",
    "I need 4 cans before bed or I shake and sweat all night",
    "gin before work, it's the only thing that calms me",
    "my daughter's been taking her gran's lorazepam to sleep",
    "ket most weekends, now it stings to pee and I'm going every hour",
    "8 cans of monster a day and pro plus for revision, heart keeps skipping",
    "spells of pounding headache, drenched in sweat and my heart hammering, then it goes, "
    "three times this month",
    "a couple of hours after lunch I get shaky and sweaty, a biscuit sorts it, not diabetic",
    "my heart goes irregular and fluttery for an hour at a time, twice this week, I'm 61",
    "a client keeps losing time, finds herself places with no memory of how she got there",
    "my nephew came back from his dad's with fingertip bruises on his arm",
    "my 8 yo told his teacher his stepdad locks him in his room",
    "her mum is always drunk and the little girl is so thin with a raw nappy rash",
])
def test_a_racing_mind_red_flag_in_fresh_words_is_for_a_doctor(text):
    assert verdict(text) in ("see_doctor", "urgent"), flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "car's in the garage for its MOT, engine running rough, lower back from the drive",
    "she picked up the big kitchen knife to carve the turkey, we'd all been drinking, neck stiff",
    "got the shotgun out of the cabinet to clean it before the clays tomorrow, shoulder sore",
    "took two magnesium tablets instead of one, calves still cramp",
    "a couple of cans of lager before bed at the weekend, lower back stiff",
    "need a coffee before work or I'm useless lol, neck tight",
    "my nan talks so fast on the phone I can't keep up with her, love her, shoulders tight",
    "shaky and sweaty after the gym, better after a biscuit, quads sore",
    "my physio wants me to see my GP about my knee, mood is fine",
    "drove home on autopilot and have no memory of the journey lol, neck stiff",
    "thanked me for everything at her leaving do, she's moving abroad",
    "told my sister where the spare key is while we're on holiday so she can feed the cat, love her",
    "picked a date for our wedding, until then I'm stressed, shoulders in knots",
    "long sleeves in this heat because I burn so easily, neck stiff",
    "my daughter wears long sleeves even in this heat, she's always cold",
    "home alone tonight while my husband's at the pub quiz, finally some peace",
    "the kids are always hungry after school, my back aches from the shopping",
    "I hear the neighbours through the wall every night, thin walls, can't sleep",
    "the sat nav voice says I need to stop at the services, neck stiff from driving",
])
def test_their_everyday_twins_stay_off_the_doctor_list(text):
    assert verdict(text) not in ("see_doctor", "urgent"), flag_ids(screen(text))


# --- holdout101: an eighth fresh mix, told sideways (3 of 108 missed text alone at first) -----

def test_black_stools_with_faintness_are_urgent_whatever_explains_the_colour():
    assert verdict("poo's been black for two days, I'm on iron so I thought that, but I go dizzy "
                   "every time I stand up") == "urgent"


def test_black_stools_explained_by_iron_alone_are_not_urgent():
    assert verdict("my poo is black from the iron tablets, the GP said to expect it. lower back "
                   "ache") != "urgent"


def test_sunburn_with_chills_or_sickness_is_for_a_doctor():
    assert verdict("fell asleep in the sun at the lake, blistered all over my back, now shivery "
                   "and being sick") in ("see_doctor", "urgent")


@pytest.mark.parametrize("text", [
    "if someone went numb between their legs, would you send them to A&E? asking for my course, "
    "my own back is just stiff",
    "fever dream of a week at work lol, no actual temperature, jaw clenched",
])
def test_a_question_or_a_figure_of_speech_is_not_a_finding(text):
    assert verdict(text) not in ("see_doctor", "urgent"), flag_ids(screen(text))
