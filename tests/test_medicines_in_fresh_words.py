"""Families from the blind set holdout52 (medicines — taken, started, stopped, mixed or missed),
written and scored once in session 9 before mending: text alone it missed 18 of 108 red flags
and left 7 medicine sites in. Worded afresh here, with decoys."""

from __future__ import annotations

import pytest

from support.labelled import flag_ids
from unknot.intake.screen import screen


@pytest.mark.parametrize(("text", "rule"), [
    ("been taking 10 paracetamol a day for my back for almost a week, feel queasy today",
     "general.paracetamol-too-much"),
    ("had paracetamol every 4 hours plus Beechams powders on top for this cold",
     "general.paracetamol-too-much"),
    ("used my son's EpiPen on him after the peanut thing, he's breathing fine now",
     "general.adrenaline-pen-used"),
    ("on Priadel for years, been throwing up since last night and I'm really unsteady",
     "general.lithium-toxicity"),
    ("the pharmacy label was wrong and Mum's been having her methotrexate daily not weekly",
     "general.methotrexate-daily"),
    ("on apixaban, this headache has got worse every day since Sunday and now I'm vomiting",
     "general.headache-on-blood-thinners-getting-worse"),
    ("my toddler had the pot of Grandad's heart pills, a couple are missing",
     "general.child-got-into-medicine"),
    ("been having thoughts about ending it all and I looked up how many tablets it would take",
     "general.suicide-or-self-harm"),
])
def test_a_medicine_emergency(text, rule):
    result = screen(text)
    assert result.verdict == "urgent"
    assert rule in flag_ids(result)


@pytest.mark.parametrize(("text", "rule"), [
    ("on Accutane and I just feel flat and cry all the time lately", "general.isotretinoin-and-mood"),
    ("on Fosamax for six years and now a deep ache in my left thigh when I walk",
     "general.bone-medicine-thigh-or-jaw"),
    ("weekly bone tablet for years, the gap where my tooth was pulled still hasn't healed",
     "general.bone-medicine-thigh-or-jaw"),
    ("months of prednisolone for my bowel and now a deep pain in my groin when I walk",
     "general.steroids-deep-hip-pain"),
    ("since my oxycodone went up I keep dozing off mid conversation", "general.opioid-too-drowsy"),
    ("took levofloxacin for a chest infection and now my achilles is sore and swollen",
     "general.antibiotic-tendons"),
    ("INR of 8 at the clinic this morning and my gums keep bleeding",
     "general.bleeding-on-blood-thinners-signs"),
    ("on warfarin, bumped my elbow and it's swollen and tight, I can barely bend it",
     "general.bleeding-on-blood-thinners-signs"),
    ("after the anti-sickness injection my neck keeps pulling to one side by itself",
     "general.medicine-twisting-the-neck"),
    ("accidentally took my ramipril twice today", "general.double-dose"),
    ("on carbimazole and I've had a sore throat and a fever since yesterday",
     "general.medicine-lowering-immunity-with-infection"),
    ("ran out of my Keppra on Friday and this morning I had a couple of jerks and a blank spell",
     "general.seizure-medicine-stopped"),
    ("two weeks on lamotrigine and a rash has come up on my chest", "general.medicine-rash-serious"),
    ("stopped my lorazepam cold turkey and now I'm sweating and my heart is racing",
     "general.sedative-withdrawal"),
    ("colchicine for gout and I've had diarrhoea all day", "general.colchicine-side-effects"),
    ("walked into a door, that's why I've a black eye, can you help my neck",
     "general.injuries-with-a-story-that-does-not-fit"),
])
def test_a_medicine_sign_for_a_doctor(text, rule):
    result = screen(text)
    assert result.verdict in {"see_doctor", "urgent"}
    assert rule in flag_ids(result)


@pytest.mark.parametrize(("text", "left_out"), [
    ("my nicotine patch goes on my left upper arm, shoulders tight", {"arms"}),
    ("Butrans patch on my upper back, neck stiff", {"upper_back"}),
    ("I inject my Mounjaro into my tummy every Friday, lower back aches", {"abdomen"}),
    ("heparin jabs for a few weeks after the op, I do them in my thigh, calves tight", {"thighs"}),
    ("I've always bruised so easily, back tight", {"deep_pressure", "percussion"}),
])
def test_a_medicine_site_or_tendency_is_left_out(text, left_out):
    result = screen(text)
    assert result.verdict == "caution"
    assert left_out <= set(result.avoid)


@pytest.mark.parametrize("text", [
    "taking iron tablets, poo is black, pharmacist said that's normal, tummy a bit bloated",
    "amitriptyline 10mg at night for my tension headaches, a mild one today as usual",
    "pharmacist here, I count out warfarin all day, my neck is stiff from the bench",
    "antibiotics for a chest infection last winter, all done, lower back stiff from driving",
    "on atorvastatin for years, no side effects, hamstrings sore after the parkrun",
    "going through a rough patch on my own, shoulders up by my ears",
    "my phone's lithium battery died and I'm so tense",
    "my INR runs a bit high now and then, the clinic keeps an eye, shoulders tight",
    "I carry an EpiPen for nuts but have never had to use it, neck stiff",
    "took two paracetamol for a headache, neck tight",
])
def test_not_a_medicine_problem(text):
    result = screen(text)
    assert result.verdict in {"ok", "caution"}, [f.id for f in result.red_flags]
