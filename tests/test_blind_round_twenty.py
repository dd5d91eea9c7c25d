"""Session 27: three blind sets (nerves; therapists' and carers' notes; cancer and long-term
conditions) and two blind readings of the mending. Everyday numbness is excused by the posture
that caused it and its passing, in groups of excuses each with its own overrulers
(`Rule.excuse_groups`), and never where numbness stays, the legs fail, the bladder changes or a
face or speech is told; a negator before a comma no longer denies what follows it; a story's
named character owns the "she has" after it. Worded afresh here, decoys beside the signs."""

from __future__ import annotations

import pytest

from support.labelled import ESCALATED, flag_ids
from unknot.intake.screen import screen


def verdict(text: str) -> str:
    return screen(text).verdict


@pytest.mark.parametrize("text", [
    "sciatica for a fortnight and since this morning I'm desperate for a wee but nothing will come "
    "out however long I sit",
    "my back went on monday and now the feeling round my bum hasn't come back, can't feel the loo seat",
    "had the flu, now my hands and feet tingle and my legs keep giving way, I keep choking on my tea",
    "my colleague has just gone down by the printer and isn't answering us, making a snoring sound",
    "my brother has the worst head he's ever had in his life, it came on all at once an hour ago",
    "breast cancer in my spine, neck much worse this week, both hands numb and I'm walking like "
    "I've had a few",
    "on methotrexate, dry cough for weeks and today I'm breathless just sitting in the chair",
    "cracked a rib coughing, I'm osteoporotic and I'm getting more and more short of breath",
    "my 14 year old woke up screaming, his right one is way higher than the left and he's been sick",
    "son says it's killing down there on one side and he keeps being sick, it started at football",
    "since my husband died I promised to be with him, now I want to join him in heaven, the pills are here",
    "up on the top of the car park, the kids are better off without me, I want to jump",
    "tell me what a heart attack feels like because I've got a crushing pain going into my left arm",
    "list the signs of meningitis please, my son has a stiff neck and a rash that doesn't fade",
    "slept on my arm and woke with it dead and it still won't lift two hours later",
    "my right hand went dead while I was carrying the shopping and now I can't hold my cup",
    "my dad is gasping and grey and sweaty and can't catch his breath",
    "seeing black dots in one eye since this morning and flashes at the edge",
    "after the long flight my foot is white and cold and agony and I can't feel my toes",
])
def test_session_27_emergencies_are_not_hidden(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "had an epidural for my section 10 days ago and the front of my thigh is still numb, the knee "
    "gives on the stairs",
    "told it was carpal tunnel but now both hands are clumsy and my walk has gone stiff and jerky",
    "my husband's left arm doesn't swing when he walks any more and his steps are tiny",
    "thighs have shrunk over the summer and the muscles twitch all evening, stairs wear me out",
    "my calf twitches all day and that leg looks thinner than the other, I keep tripping on kerbs",
    "over the last months I suddenly need the loo urgently and sometimes don't make it, and my legs "
    "feel heavy like lead",
    "new purple marks up both arms, no bumps or falls, and my gums bleed every morning",
    "type 2 diabetic, found a hole on the sole of my foot I never felt, it smells",
    "aching between the shoulder blades for six weeks, no position changes it, and I've gone off my food",
    "prostate cancer treated years ago, now a new pain in my thigh bone that keeps me awake",
    "I have MS and fell last week, still limping with pain in my groin when I stand on that leg",
    "bowel cancer with a stoma, nothing has come out of it for two days and my tummy is swollen",
    "chin and lower lip have gone numb, like after a filling, but no dentist; I had breast cancer",
])
def test_session_27_signs_go_to_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "slept on my arm and woke with it completely dead, pins and needles for a couple of minutes "
    "then totally normal, neck a bit stiff",
    "kneeling to weed the border and my foot went to sleep, walked it off, knees ache now",
    "my hands go numb on the handlebars on long rides, goes a few minutes after I stop, shoulders tight",
    "sat cross-legged at the retreat and my feet went to pins and needles, shook them out, hips tight",
    "honestly I feel numb after that finale, need something calming for my neck",
    "dizzy with happiness after the proposal, shoulders tight from hugging everyone",
    "carpal tunnel in my right hand, had it checked, the GP said splint at night, neck and shoulders tight",
    "the surgeon is very happy after my discectomy, a little numbness on the side of my foot, lower "
    "back stiff",
    "revising for my massage diploma, can you remind me what the warning signs of cauda equina are",
    "physio student on placement revising foot drop, how should I test it, calves tight from the ward",
    "there's an episode of the show about cauda equina, I'm fine, just a tight neck",
    "I'm writing a crime novel where my detective falls from a roof, shoulders tight from typing",
    "my sister's husband had a heart attack last year and he's doing brilliantly, her jaw is tight",
    "a climber in the book gets frostbite and his toes went black, anyway my calves are tight",
    "the shoulders in my photos look uneven, one of them is higher and it hurts on one side when I "
    "carry bags",
    "two quotes for the roof and one of them is higher, suddenly stressed, neck tight",
    "my toddler goes floppy as anything when it's time to leave the park, back aches from carrying her",
    "shivering at the bus stop for forty minutes in the sleet, lower back stiff now",
    "first wild swim, toes went white and numb, now they are pink and warm again",
    "my daughter's first tooth came out in her toast, a little blood, she's thrilled",
    "off to my sister's for a month, nobody will have to put up with me for a while, neck stiff from packing",
    "dropped three bags at the charity shop and they took the lot, my back is sore",
    "walked across the humber bridge for charity with my sister and the kids wanted to jump in the "
    "puddles after",
    "my mum passed last spring and I promised dad I'd be with him for lunch on her anniversary",
    "baby is 12 days old and my midwife says she has a mission to get every mum walking, upper back tight",
    "plugged the kettle in, there was a bang and the fuse went, heart racing from the fright, neck tight",
    "my wifi went down and the provider isn't answering, stress headache and tight shoulders",
    "worst head of year I've ever had, my shoulders are up by my ears",
])
def test_session_27_decoys_stay_calm(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


def test_a_negator_before_a_comma_denies_nothing_after_it():
    """"better off without me, I want to jump": the "without" is its own clause's."""
    assert verdict("on the roof of the car park, everyone is better off without me, "
                   "I want to jump") == "urgent"
    assert verdict("legs fine, no swelling, calves tight from running") not in ESCALATED


# Review 27-2's readings: someone down and not answering, a shock told with a fright, a baby
# believed swapped, possessions given away with a will, a story's "she has just collapsed".
@pytest.mark.parametrize("text", [
    "my husband went down in the garden and is not answering me, his eyes are rolling",
    "our goalkeeper went down in training, not answering, eyes rolled back",
    "grabbed the bare wire behind the telly, big shock, my chest feels fluttery and my fingers are numb",
    "I'm certain the hospital swapped my baby, everyone says I'm being silly, he is 5 days old",
    "gave away all my things and sorted the will, nobody needs me now",
    "we were watching a film about a nurse and she has just collapsed on the sofa, my mum, she's grey",
])
def test_review_27_2_emergencies_are_not_hidden(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


# Asked for the signs, or a late night's fog: questions and everyday words.
@pytest.mark.parametrize("text", [
    "tell me the signs of a stroke, is it only a drooping face or are there more",
    "list common symptoms of a heart attack please, for my first aid refresher",
    "a bit out of it after a late night and a headache behind the eyes, neck stiff",
])
def test_review_27_2_decoys_stay_calm(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# The tools and the sport sets (holdout148, holdout149): burns from heat pads and wheat bags, a
# leaking aneurysm under a heated massager, a shock from a dodgy lead, someone down at the gym
# or the finish, a head knock with vomiting, a first fit after a header, a neck that won't bend.
@pytest.mark.parametrize("text", [
    "gran fell asleep on her heat pad and there's a patch bigger than her hand on her back that's "
    "white and leathery and she can't feel it",
    "my little boy knelt on a hot wheat bag, the back of his leg is red raw with big blisters, "
    "bigger than my hand",
    "I'm 68, sudden bad backache this afternoon and I can feel something pulsing just above my "
    "belly button, I'm light headed",
    "the cable on my foot spa is dodgy and I got a jolt up my arm, twenty minutes later my heart "
    "keeps fluttering",
    "took off my eye mask and the lower half of the sight in my right eye has gone black, it's been "
    "half an hour",
    "someone on the rowing machine has just gone down and is jerking, his breathing doesn't look right",
    "at the finish line a bloke went down and he's doing a snoring gasping thing, not really breathing",
    "took a boot to the side of the head at football an hour ago and I've been sick twice since",
    "mate went up for a header and he's on the ground jerking all over, been going about 3 minutes",
    "temp is up, thumping headache and I can't get my chin down to my chest",
])
def test_session_27_tools_and_sport_emergencies(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "rolled the outside of my knee hard on the foam roller last week and the top of my foot has "
    "been numb since, no change",
    "a hot stone burn on my back from a fortnight ago isn't healing and it's weepy and getting sorer",
    "started apixaban last month, a bruise from the massage ball keeps getting bigger and now "
    "covers most of my thigh",
    "pressed too hard with the theracane under my ribs, heard a crack, now it hurts to breathe in "
    "or cough",
    "each time I use the massage gun on my lower back the pain is a bit worse, now it runs into my groin",
    "swam in the river a week ago and since then temps, aching muscles and my eyes have gone red",
    "felt like someone kicked me in the back of the heel but no one was there, now I can't go up on "
    "my toes",
    "slipped into the splits waterskiing, a pop under my bum cheek and now bruising down the back "
    "of my thigh",
    "boxer here, lots of head shots in sparring and lately I keep forgetting words mid sentence",
    "my heart does a flip flop skippy thing on hill sprints and now I go woozy with it",
])
def test_session_27_tools_and_sport_signs_go_to_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "which direction should I stroke the gua sha along my cheekbones",
    "the tent collapsed on us at the campsite, slept on the ground, back stiff",
    "my brain has gone numb from this boring meeting, shoulders tight",
    "contrast therapy on my calves after netball, hot then cold pack, how long each",
    "used a hot water bottle on my tummy all evening, a pink patch bigger than my hand, no pain",
    "swam 2k this morning, chest and shoulders tight, want a stretch",
    "collapsed on the sofa after the half marathon, legs are jelly",
    "pee was a bit dark after the long hot ride, drank loads and it's pale again now",
])
def test_session_27_tools_and_sport_decoys_stay_calm(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))
