"""Families from the blind set holdout51 (the shoulders, arms, hands, knees and feet: the everyday
ache next to its dangerous twin), written and scored once in session 9 before mending — text
alone it missed 22 of 108 red flags. Worded afresh here, with decoys."""

from __future__ import annotations

import pytest

from support.labelled import flag_ids
from unknot.intake.screen import screen


@pytest.mark.parametrize(("text", "rule"), [
    ("the grease line on the digger burst and sprayed into my thumb, small hole, thumb puffing up",
     "general.high-pressure-injection"),
    ("paint gun went off against my fingertip at work, only a pinprick", "general.high-pressure-injection"),
    ("wrist in plaster since Tuesday, pain getting worse even with the strong painkillers, "
     "fingers going white and numb", "general.cast-compartment"),
    ("he dislocated his kneecap at football and now his foot is cold and pale",
     "legs.limb-blood-supply-lost"),
    ("my hand got trapped in the car door, two fingers crushed and turning blue",
     "legs.limb-blood-supply-lost"),
    ("out of nowhere my left hand went cold and white and it hurts like mad", "legs.limb-blood-supply-lost"),
    ("stepped on a snake on the trail and it bit my ankle", "general.snake-bite"),
    ("came off the trampoline, shin bone is sticking out through the skin", "general.open-fracture"),
])
def test_an_emergency_of_the_limbs(text, rule):
    result = screen(text)
    assert result.verdict == "urgent"
    assert rule in flag_ids(result)


@pytest.mark.parametrize(("text", "rule"), [
    # an arm clot after effort or with a line
    ("after a weekend of rowing my left arm is puffy and a bit purple, heavier than the right",
     "general.arm-clot-signs"),
    ("swelling in my forearm near the PICC and the veins on my chest are standing out",
     "general.arm-clot-signs"),
    # a tendon gone
    ("a ball hit the end of my finger and the tip just hangs down now", "general.tendon-gone"),
    ("felt something give above my knee cap jumping off a wall, can't straighten my leg",
     "general.tendon-gone"),
    # a bone to X-ray after turning an ankle
    ("rolled my ankle on the stairs, the bony bit on the outside is really tender",
     "general.ankle-or-foot-bone-tender"),
    # a nerve pressed for too long
    ("numb fingers for months and now the muscle by my thumb has gone flat and I drop things",
     "general.hand-muscle-wasting"),
    # a fistula that has gone quiet
    ("my fistula has stopped buzzing this morning", "general.fistula-gone-quiet"),
    # infected skin or wound
    ("the cut on my shin is red, hot and oozing pus", "general.skin-or-wound-infected"),
    ("my son's eczema has yellow crusts on it now and it's spreading", "general.skin-or-wound-infected"),
    # a cast too tight
    ("my cast feels too tight and my toes are tingling", "general.cast-too-tight"),
    # a bite or thorn turning septic
    ("the cat bit my finger yesterday and now it's hot and swollen and I can't bend it",
     "general.bite-turning-septic"),
    # a swollen joint too sore to touch, in someone who cannot say why
    ("Dad's ankle is swollen and he pulls away when I touch it, he can't tell me what happened",
     "general.swollen-and-too-sore-to-touch"),
    # a first hot, red joint
    ("woke up with my big toe red, hot and throbbing, never had it before", "general.hot-swollen-joint"),
    # a diabetic's foot with a wound not felt
    ("type 1 diabetic, found a blister on my heel I never felt", "general.diabetic-foot"),
    # angina told by the arm and the jaw
    ("walking up the hill my jaw and left arm ache, it goes off a few minutes after I stand still",
     "chest.exertional-tightness"),
    # one finger turning white with a sore on the tip
    ("I'm 63 and one finger keeps going white and painful, there's a sore on the tip",
     "legs.raynaud-with-ulcer-or-late-onset"),
])
def test_a_limb_sign_for_a_doctor(text, rule):
    result = screen(text)
    assert result.verdict in {"see_doctor", "urgent"}
    assert rule in flag_ids(result)


@pytest.mark.parametrize("text", [
    "working on my tennis stroke all afternoon, forearm tight",
    "had my flu booster this morning, arm a bit achy, shoulders stiff",
    "my arm was sore after the jab but that's all gone now, neck tight from the desk",
    "sat on the floor too long playing with the kids, foot went to sleep for a minute",
    "cast came off last week, wrist stiff, forearm muscles tight",
    "still in a cast for another week, neck tight from carrying it around",
    "my calves are tight after the pressure washer took all Saturday on the patio",
    "snake plant fell on my foot lol, toes a bit sore",
    "the veins on my forearms stand out after the gym, arms pumped and tight",
])
def test_not_a_limb_emergency(text):
    result = screen(text)
    assert result.verdict in {"ok", "caution"}, [f.id for f in result.red_flags]


@pytest.mark.parametrize(("text", "left_out"), [
    # a fistula or line: the whole arm
    ("fistula in my right wrist for dialysis, my neck and shoulders are stiff",
     {"arms", "forearms", "hands"}),
    # a sprain told past a semicolon, after a normal x-ray
    ("bent my thumb back at netball; the x-ray was fine, it's a sprain, forearms tight", {"hands"}),
])
def test_what_a_limb_caution_leaves_out(text, left_out):
    result = screen(text)
    assert result.verdict == "caution"
    assert left_out <= set(result.avoid)
