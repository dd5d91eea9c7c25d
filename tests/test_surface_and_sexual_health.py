"""Families found by the blind sets holdout39 (women's and men's health) and holdout40 (what
the hands find: lumps and skin). Each test is a family, worded afresh, with decoys.
"""

from __future__ import annotations

import pytest

from unknot.intake.screen import screen


@pytest.mark.parametrize("text", [
    "erection for 5 hours now and it's getting painful",
    "bleeding through a super pad every hour since lunch, dizzy and clammy",
    "7 weeks pregnant and there's a strange ache at the tip of my shoulder",
    "can't pass urine at all since last night, belly swollen and sore, I'm 70",
    "miscarried on Monday, now shivering with a temperature and heavy bleeding",
    "got kneed in the balls at five-a-side, swollen right up and I feel sick",
    "the pulsing lump in grandad's tummy suddenly hurts right through to his back",
    "splashed oven cleaner on my hand, the skin has gone white and is blistering",
])
def test_emergencies_of_the_body_surface_and_sexual_health(text):
    assert screen(text).verdict == "urgent"


@pytest.mark.parametrize("text", [
    "my left nipple has started turning in over the past few weeks",
    "the skin on my right breast looks dimpled like orange peel",
    "post-menopausal for six years and I had some spotting this week",
    "heavy periods for months and I'm out of breath on the stairs",
    "found a hard lump in my left testicle, doesn't hurt",
    "a mole on my back has got darker and bleeds sometimes",
    "a dark line has appeared under my thumbnail and it's widening",
    "a rubbery lump on the side of my neck has been there for two months",
    "the cyst on my back has gone red, hot and throbbing",
    "after a tick bite there's a red ring with a clear centre on my calf",
    "bulge in my groin that pops out when I cough and goes back when I lie down",
    "pink wee on and off for a week, no pain",
])
def test_changes_that_need_a_doctor(text):
    assert screen(text).verdict in ("see_doctor", "urgent")


@pytest.mark.parametrize(("text", "left_out"), [
    ("coil fitted yesterday, still crampy, just my lower back please", "abdomen"),
    ("embryo transfer two days ago, scalp and shoulders only", "abdomen"),
    ("on HRT and I had a DVT years ago, feet and shoulders please", "calves"),
    ("my GP says the lump on my shoulder blade is a lipoma, neck and lower back please",
     "upper_back"),
    ("verruca on my heel, hands routine please", "feet"),
])
def test_what_to_leave_out(text, left_out):
    result = screen(text)
    assert result.verdict == "caution" and left_out in result.avoid


@pytest.mark.parametrize("text", [
    "boobs sore and swollen like every month before my period, want to unwind",
    "Mirena for years, no problems, tension headache",
    "stretch marks on my thighs from a growth spurt, legs tired after running",
    "binding my chest makes my upper back tight",
])
def test_ordinary_things_stay_harmless(text):
    assert screen(text).verdict not in ("urgent", "see_doctor")
