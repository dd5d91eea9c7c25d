"""Session 28: two blind sets (harm at home and people at risk, round 3; the racing mind,
round 12) and a blind reading of session 27's last mending. Swallowed household chemicals,
being locked in with the phone taken, not able to speak with the abuser near, violence heard
through the wall, signs that a child or an older person is being hurt; crises told by what is
prepared ("letters written, the dog going to my sister"), a day named, a death wished for in
everyday words; a thyroid storm; decoys beside every sign. Worded afresh here."""

from __future__ import annotations

import pytest

from support.labelled import ESCALATED, flag_ids
from unknot.intake.screen import screen


def verdict(text: str) -> str:
    return screen(text).verdict


@pytest.mark.parametrize("text", [
    "my little boy got the drain unblocker from under the sink and had a mouthful, he's drooling "
    "and crying",
    "I swallowed some white spirit on purpose an hour ago and my throat is burning",
    "he's locked all the doors and taken my phone, I'm typing on my son's tablet, I can't get out",
    "can't talk, he's downstairs. please help me, he grabbed me earlier",
    "heard the couple next door yelling and then a huge crash and now it's gone quiet",
    "my ex is coming back tonight to finish me off, he messaged me an hour ago",
    "the washing line is fine but the rope from the shed is missing and my son has locked himself "
    "in his room",
    "my dad just collapsed in the garden, he's grey and his chest isn't moving",
    "grandma has palpitations and is wheezing just sitting in her chair, pale and clammy",
    "I have graves disease and stopped the carbimazole, heart racing at 160, I'm vomiting and "
    "keep losing track of what I'm saying",
    "my boyfriend hasn't slept in days and says he can fly, he wants to jump off the balcony to "
    "prove it",
    "ate a handful of my sleeping pills half an hour ago",
    "the flat smells of gas and my partner and I both have splitting headaches and feel sick",
    "I did it again but deeper this time, there's yellowish stuff and it won't close",
    "letters are written for the kids, the cat's going to my neighbour, friday's the day and then "
    "it'll all be over",
])
def test_session_28_emergencies_are_not_hidden(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "burnt my hand on the oven a fortnight ago and it's gone greenish and weepy",
    "scalded my arm with the kettle at the beach hut last week and it's oozing now",
    "my nan's arm has stopped swinging when she walks and she shuffles, the GP thinks it's her nerves",
    "my 4 month old has a bruise on his ear and he can't even roll over yet",
    "her carer answers every question for her and mum has bruises of different colours on her arms",
    "got punched in the ear on saturday, hearing's muffled and some fluid came out",
    "took an elbow in a fight, my nose is bent to one side now",
    "my daughter keeps saying she wishes she wasn't here",
    "my teenager thinks the telly is talking about him in code and his food has been poisoned",
    "been up for five days, spent thousands on crypto and I'm not even tired",
    "dad keeps saying he'd rather be dead than be a burden to us",
    "I cut myself to cope when it all gets too much",
    "out on the touchline all morning, now I've got chills and a hacking cough and feel rotten",
])
def test_session_28_signs_for_a_doctor_are_found(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "cleaned the oven with oven cleaner and the fumes made my eyes water, shoulders tight",
    "the neighbours upstairs were shouting at the football and then a thud when they all jumped, "
    "laughing",
    "my husband locked the front door and took the keys to work by mistake, shoulders tight waiting",
    "my toddler's got bruised shins from the park",
    "my heat pad covers an area bigger than my hand, lower back feels looser",
    "the bus braked hard and gave me a jolt, lower back a bit stiff",
    "my tomato plants keel over in this heat, back sore from watering them",
    "my 3 year old goes floppy when it is time to get in the car seat, then moaning all the way home",
    "hungover after the party, worst headache, came on like it always does",
    "baby is 2 weeks old and I've had no sleep for two nights, knackered, is this normal",
    "emigrating to canada for good, gave away my stuff and made a will, neck stiff from packing",
    "every time I press the knot in my shoulder it feels worse for a second and then melts away",
    "hiccups have been going for 10 minutes, my chest jerks every time",
    "my nan is watching a film where the lady has a stroke and she has gone droopy on one side",
    "the office has temps and agency staff in this month, shoulders tight",
    "on warfarin, my bald patch keeps getting bigger, scalp massage ok?",
    "I wish I wasn't here at this meeting, neck stiff from the chairs",
    "shivering at the bus stop in the sleet, sick of this weather, lower back aching",
])
def test_session_28_decoys_are_not_for_a_doctor(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# Review 28-2: the session's own excuses hid emergencies (a film's "he has just collapsed" when
# the one watching is a man, a knock "fine since" until the vomiting, a nurse's own overdose,
# a sick bug beside "one of them is up and it hurts"); its new rules' everyday words are decoys.
@pytest.mark.parametrize("text", [
    "grandad was watching a film about a king and he has just collapsed on the floor",
    "she banged her head on tuesday, fine since, but tonight she keeps being sick and is so sleepy",
    "I'm a nurse and after my shift I took too many of my tablets",
    "both my boys had the tummy bug, now the little one says one of them is up and it really hurts",
])
def test_session_28_excuses_do_not_hide_an_emergency(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "my sister's on her way back tonight to get me for the gig",
    "the neighbours upstairs were screaming at the football and then a crash, all cheering after",
    "my physio's deep tissue left grip marks on my arms lol",
    "the whole room stinks of gas after hubby's farts, makes me feel sick haha",
    "I'd rather die than do another burpee class",
    "my daughter has been chosen for the county hockey team, her hamstrings are tight",
    "my neck and shoulders hurt when I am anxious, any routine?",
])
def test_session_28_new_rules_leave_everyday_words_alone(text):
    assert verdict(text) not in ESCALATED, flag_ids(screen(text))


# Review 28-3: the second round of narrowing had hidden emergencies in turn — a list of one's own
# signs after "tell me the signs of" (a question only with "?", "like" or "what else"), a pulse
# "in the middle of my stomach", a stroke at a memorial service, gas at the hob with a thumping
# head, a baby of 6 weeks spiking temps.
@pytest.mark.parametrize("text", [
    "tell me the signs of a heart attack, crushing pain in my chest, sweating, left arm aching",
    "I think my wife is having a stroke, we're at her dad's memorial and her face has gone droopy",
    "smell gas by the hob and I've got a thumping headache and feel dizzy",
    "baby is 5 weeks and keeps spiking temps tonight, not feeding",
    "my 2 year old had some bleach in her mouth, I took it off her but she's drooling and coughing",
])
def test_session_28_narrowed_rules_still_catch_emergencies(text):
    assert verdict(text) == "urgent", flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "there's a strong pulse right in the middle of my stomach when I lie down, I'm 72",
    "my son says he was chosen by the universe to get messages and he won't eat",
])
def test_session_28_narrowed_rules_still_find_signs_for_a_doctor(text):
    assert verdict(text) in ESCALATED, flag_ids(screen(text))
