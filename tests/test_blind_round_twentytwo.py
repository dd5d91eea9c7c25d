"""Session 29: three blind sets (the whole body, round 4; after hospital, surgery and
procedures, round 3; a sixteenth mix). Sweats told by the bed, an itch everywhere with nothing
to see, a body puffing up in days, thirst and weeing then drowsiness, heatstroke and cold told
by how someone moves and answers, sepsis told by the skin or by no urine, a belly worse after a
bowel operation, bleeding after tonsils or a tooth out, hands clawing after a thyroidectomy; and
the decoys beside them (a bus stop in the sleet, weight lost on purpose, a thriller's list of
symptoms, a question for placement). Worded afresh here."""

from __future__ import annotations

import pytest

from support.labelled import flag_ids
from unknot.intake.screen import screen


def verdict(text: str) -> str:
    return screen(text).verdict


@pytest.mark.parametrize("text", [
    # an asthma attack told by what the inhaler did and what the sentences do
    "ten puffs of the blue one and it's done nothing, my lips have gone a bit bluish",
    "I can't get a whole sentence out without gasping, inhaler made no difference",
    # meningitis: a neck that will not bend, told by the child's protest
    "my daughter's burning up and she screams when I ask her to look down at her toes",
    # hypothermia with a slowing mind
    "found grandad in the garden shed, minus 2 out, he's talking really slowly and not even "
    "shivering any more",
    # thirst and weeing for days, then drowsy, muddled or sick
    "my son is type 1, been drinking constantly and up all night to wee, now he's vomiting and so "
    "drowsy",
    # heatstroke: hot weather, skin dry, not answering properly
    "34 degrees on the building site, my workmate's skin is bone dry and he's not really "
    "answering me",
    "he overheated at the marathon and now he's not really responding to us",
    # sepsis: an infection or shaking chills with no urine for most of a day
    "shaking with chills all night, not had a wee since yesterday morning, back aches",
    # sepsis told by the skin, with an infection on antibiotics
    "on antibiotics for a kidney infection and my legs have gone a blotchy purple pattern",
    # a belly worse after an abdominal procedure
    "keyhole appendix out 4 days ago, the pain is getting worse not better and my tummy is hard "
    "and swollen",
    # bleeding after tonsils out
    "tonsillectomy last week and she's coughing up bright red blood",
    # hands clawing after thyroid surgery
    "parathyroid op yesterday, tingling lips and my fingers are locking up into a claw",
    # suicide: tablets set out for tonight
    "nothing matters any more, I've lined up all my painkillers ready for tonight",
    # a story's list goes on past its commas only while nobody owns it
    "watched a drama where the nurse gets sepsis, shivering, blotchy skin, and that's what "
    "I've got right now",
    # revising, then a real emergency in the same sentence
    "revising for my finals and suddenly crushing chest pain and sweating",
])
def test_an_emergency_told_sideways_is_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    # sweats told by the bed
    "for weeks I've woken up with the pillow soaked through and the room is cold, neck ache",
    "I keep waking up drenched, have to sleep on a towel now, my shoulders are tight",
    # an itch all over with nothing to see, and tiredness
    "itching everywhere for a month, no rash at all, and I'm wiped out all the time",
    # jaundice told by a likeness, noticed by a district nurse
    "the district nurse said my nan looks a bit yellow in the whites of her eyes, she's 88",
    # weight told by its numbers, without trying
    "he's dropped from 12 stone to 10 since the summer without trying, back is sore",
    # urine almost gone after the heat
    "after the heatwave I'm peeing next to nothing and it's dark, kidneys ache",
    # a body swelling all over within days
    "my face, hands and feet have all puffed up this week and I've put on 3 kilos in 3 days",
    # after a procedure: the site hot and leaking
    "port put in for chemo last week, the skin over it is red and warm and oozing",
    "calf circumference is 3 cm more on the operated side, physio asked me to mention it",
    # past 65, "something went" in the back
    "mum is 79, she coughed and felt something go in her back, now she can't get comfy at all",
])
def test_a_red_flag_told_by_its_effects_sees_a_doctor(text):
    assert verdict(text) in ("see_doctor", "urgent"), flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "shivering after an ice bath this morning but warm now with a cuppa, calves are tight",
    "froze at the bus stop in the rain, had a hot bath and warmed right up. back stiff",
    "did keto and lost a stone, feeling brilliant, upper back tight from the desk",
    "fever? no. weight loss? sadly not! just a stiff neck from my pillow",
    "weight loss? thankfully no. neck tight from the laptop",
    "my novel's villain gets meningitis, rash, stiff neck, all researched. my own shoulders ache "
    "from typing",
    "writing my assignment on postoperative sepsis, wrists sore from the keyboard",
    "question for placement: when is a headache an emergency? my own neck is stiff from the van",
    "if I have to sit through another budget meeting I'll have a stroke, traps like rocks",
    "my neighbour had his stroke back in March and he's doing well now, I'm just stiff from "
    "gardening",
    "a colleague fainted at the summer party last year and was fine. anyway tight shoulders",
    "had no water since breakfast, long day, bit of a headache at the temples",
    "the heating was on full and the 13 tog duvet, woke up drenched, fixed it now. neck stiff",
    "my toddler wet the bed and I woke up soaked, back aches from changing the sheets",
    "I counted out my tablets into the weekly pill box, shoulders tight from the shopping",
])
def test_the_decoys_beside_them_stay_quiet(text):
    assert verdict(text) in ("ok", "caution"), flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "can't pee at all since this morning and my bladder feels like it's going to burst",
    "rolled my calf for days for a knot, now a sharp pain every time I breathe in and I'm "
    "puffed on the stairs",
    "my gran had her stroke back in June and I think she's having another one, same as then",
    "my son's asthma always gets worse in cold air and tonight his inhaler isn't helping at all",
    "my stomach has gone solid like a plank and it hurts to breathe in",
    "passed a lot of maroon runny poo twice and I'm white as a sheet",
    "chest pain? not lately, but twenty minutes ago it came back crushing and went into my jaw",
    "reading up on sepsis because my temp is 39.4, I'm shivering and my legs are mottled",
])
def test_the_readings_hidden_emergencies_are_urgent(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "I'm 61, for two months I've been going three or four times a day and it's much looser",
    "my bowel screening test came back abnormal and they want me in for a camera",
    "dad's full after a few mouthfuls these days and he's gone so thin",
    "lost a stone with no idea why, I eat loads of calories, back aching between the shoulders",
])
def test_the_belly_told_plainly_sees_a_doctor(text):
    assert verdict(text) in ("see_doctor", "urgent"), flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "laughed so hard at the wedding I nearly wet myself, feet sore from dancing",
    "did gua sha on my neck and it went red and streaky for an hour, is that normal?",
    "the arnica has gone all clotty in the tube, can I still use it on my shoulder",
    "arms are dead after arm day at the gym, something for biceps",
    "the cat threw up on the rug twice, vet says she's fine, my back aches from scrubbing",
])
def test_the_tools_and_belly_decoys_stay_quiet(text):
    assert verdict(text) in ("ok", "caution"), flag_ids(screen(text))
