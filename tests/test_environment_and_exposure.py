"""Families found by the blind set holdout41 (the world outside the body: water, heat and
cold, altitude, diving, bites and stings, smoke and fumes, chemicals, travel, a new
medicine). Each test is a family, worded afresh, with decoys.
"""

from __future__ import annotations

import pytest

from support.labelled import flag_ids
from unknot.intake.screen import screen


@pytest.mark.parametrize(("text", "rule"), [
    ("my daughter swallowed a lot of water in the sea this morning and now she's coughing "
     "and really drowsy", "general.after-nearly-drowning"),
    ("an adder bit my dad on the hand in the garden", "general.snake-or-venomous-bite"),
    ("did two dives off Dahab yesterday and this morning my knee aches deep in the joint and "
     "my skin is blotchy", "general.diving-joint-pain-or-rash"),
    ("we had the generator running inside the cabin and woke up with pounding headaches",
     "general.carbon-monoxide"),
    ("got oven cleaner in my eye, it stings and I can't open it", "general.chemical-in-eye"),
    ("on the trek my friend is breathless even lying still and his lips look bluish",
     "general.breathless-at-rest-blue-or-gurgling"),
    ("house fire next door, I was in the smoke, now my voice is hoarse and I'm coughing up "
     "sooty stuff", "general.smoke-inhalation"),
    ("our baby has had no wet nappy for 10 hours and her eyes look sunken",
     "general.child-dehydration"),
    ("my son ate a bite of a walnut brownie and now his voice is croaky and he's wheezing",
     "general.severe-allergic-reaction"),
])
def test_an_exposures_emergency(text, rule):
    result = screen(text)
    assert result.verdict == "urgent" and rule in flag_ids(result)


@pytest.mark.parametrize(("text", "rule"), [
    ("a stray dog nipped my ankle in Goa and broke the skin, it's healing",
     "general.animal-bite-abroad-or-deep"),
    ("horsefly bite on my thigh yesterday and the redness has spread right up to my hip",
     "general.sting-or-bite-spreading"),
    ("two days after starting penicillin I've come out in a rash all over my chest",
     "general.new-medicine-reaction"),
    ("since the new ramipril my tongue swelled up twice, breathing was fine",
     "general.new-medicine-reaction"),
    ("she slipped on the ice and her wrist looks a funny shape", "general.limb-out-of-shape"),
    ("after the winter climb two toes went white and hard and now they're blistered",
     "general.frostbite"),
    ("back from Cusco a fortnight and I'm still breathless on the stairs and coughing",
     "general.altitude-illness"),
    ("heart failure and my ankles are puffier than usual and not going down overnight",
     "general.heart-failure-getting-worse"),
    ("the bushfire smoke has my asthma playing up, I'm on the blue inhaler far more often",
     "general.asthma-getting-worse"),
    ("my daughter spilled hot tea on her leg, the burn is about the size of her hand",
     "general.larger-burn"),
    ("twisted my knee at netball, it ballooned straight away and now it keeps giving way",
     "general.knee-locking-or-giving-way"),
])
def test_an_exposure_that_needs_a_doctor(text, rule):
    assert rule in flag_ids(screen(text))


@pytest.mark.parametrize(("text", "left_out"), [
    ("chilblains on my toes again this winter, calves and thighs want a routine", "feet"),
    ("midge bites all over my forearms from the loch, neck is stiff", "forearms"),
    ("windburn on my cheeks from the slopes, shoulders tight", "face"),
    ("bed bug bites on my shoulders from the hostel, lower back aches", "shoulders"),
    ("stood on a wasp, my heel is swollen and itchy, no other reaction, neck tight", "feet"),
    ("impetigo on my chin, want a shoulder routine", "jaw"),
])
def test_a_bite_sting_or_weather_mark_is_left_out(text, left_out):
    result = screen(text)
    assert result.verdict == "caution" and left_out in result.avoid


@pytest.mark.parametrize("text", [
    "got a bit lightheaded in the sauna yesterday, sat down and was fine within a few minutes; "
    "shoulders tight",
    "the humidity here is unbearable, my neck is stiff from the laptop",
    "calves cramped during a hot football game, drank electrolytes, just a bit sore now",
    "a thunderstorm kept me up, lightning everywhere, shoulders tense this morning",
    "the parking fine made my blood boil, neck stiff from the drive",
    "fingers numb from scraping ice off the car, nothing wrong, want a hand warm-up",
    "stung by the price of the ski pass, legs tired from the slopes",
    "cheers mate, back's just stiff from the long flight",
])
def test_weather_words_and_figures_of_speech_are_not_red_flags(text):
    assert screen(text).verdict in ("ok", "caution")


def test_a_word_of_address_is_not_the_person_massaged():
    assert screen("no other problems mate, my lower back is stiff").subject == "self"
    assert screen("my mate's lower back is stiff, can I rub it").subject == "someone_else"
