"""Families the blind set holdout31 found with no rule, or read the wrong way: harm from
another person's hands, tablets taken or drink stopped, fits that do not stop, fever on
chemotherapy, a clinician's "no massage", injection sites, bruising from nowhere, blood in
the urine, spreading infection, shingles, limbs losing their blood supply, legs that ache on
walking, gallstones, kidney stones, an ectopic pregnancy, a trapped hernia — and the words
that only sound like them (a sepsis nurse, shingles on a roof, an overdose of telly).
Each test is a family, worded afresh, not a sentence of the set.
"""

from __future__ import annotations

import pytest

from support.labelled import flag_ids
from unknot.intake.screen import screen


@pytest.mark.parametrize("text", [
    "my partner had me by the throat on friday, I'm ok now, just want my neck rubbed",
    "he wrapped his hands around my neck during the row last night, shoulders are so tense",
    "ex tried to strangle me at the weekend. feel fine honestly, just stiff",
    "she choked me till I nearly passed out, neck aches today",
])
def test_being_held_by_the_neck_is_an_emergency_even_when_feeling_fine(text):
    result = screen(text)
    assert result.verdict == "urgent" and "general.strangulation" in flag_ids(result)


def test_marks_on_the_neck_with_a_changed_voice_are_an_emergency():
    result = screen("my friend has finger marks round her neck and her voice has gone husky, "
                    "she won't say what happened")
    assert result.verdict == "urgent" and "general.neck-injury-voice-or-swallowing" in flag_ids(result)


@pytest.mark.parametrize("text", [
    "choked on a crisp at lunch, coughed it up fine, neck and shoulders tight from work",
    "we choked in the semi final and my calves are wrecked",
    "work has me in a stranglehold, neck is like concrete",
    "my husband gently rubbed around my neck with his hands and it helped",
    "no-gi jiu jitsu tonight, tapped to a couple of chokes, voice normal, swallowing fine, "
    "traps sore",
])
def test_chokes_in_other_senses_are_harmless(text):
    assert screen(text).verdict not in ("urgent", "see_doctor")


@pytest.mark.parametrize("text", [
    "swallowed about 30 of my sleeping tablets an hour ago because I want it to stop",
    "I took the whole packet of co-codamol last night. I feel fine now, can you help me relax",
])
def test_tablets_taken_in_a_number_are_an_emergency(text):
    result = screen(text)
    assert result.verdict == "urgent"


def test_an_overdose_of_telly_is_a_figure_of_speech():
    assert screen("overdosed on netflix and mince pies all weekend, need an energising "
                  "routine").verdict == "ok"


def test_stopping_heavy_drinking_needs_a_doctor_and_seeing_things_is_an_emergency():
    mild = screen("I've been on a bottle of wine a night for years and stopped yesterday, "
                  "I'm shaky and sweating. would a massage help?")
    assert mild.verdict in ("see_doctor", "urgent")
    severe = screen("quit the vodka cold turkey three days ago and now I'm shaking all over "
                    "and seeing spiders on the ceiling")
    assert severe.verdict == "urgent"
    assert screen("bit hungover after the office party, shaky, scalp and neck please").verdict \
        not in ("urgent", "see_doctor")


@pytest.mark.parametrize("text", [
    "his epilepsy fit has been going on for over 6 minutes and he's still jerking",
    "she's had one seizure after another and hasn't come round between them",
])
def test_a_fit_that_does_not_stop_is_an_emergency(text):
    assert screen(text).verdict == "urgent"


def test_a_phone_that_seized_up_is_not_a_fit():
    assert screen("my laptop seized up for ten minutes and I lost my work, jaw clenched").verdict \
        not in ("urgent", "see_doctor")


@pytest.mark.parametrize("text", [
    "week two of chemo and my temperature is 38.4, back aches",
    "on chemotherapy for lymphoma and I've got the shivers tonight, feet sore",
])
def test_a_fever_on_chemotherapy_is_an_emergency(text):
    result = screen(text)
    assert result.verdict == "urgent" and "general.fever-on-chemotherapy" in flag_ids(result)


def test_a_clinicians_no_massage_is_followed():
    general = screen("my consultant said no massage until the scan results are back, but my "
                     "shoulders are so tight")
    assert general.verdict == "see_doctor" and "general.told-no-massage" in flag_ids(general)
    here = screen("physio said no massage on my left knee for a month, my lower back is stiff")
    assert here.verdict == "caution" and "knees" in here.avoid


@pytest.mark.parametrize(("text", "site"), [
    ("flu jab in my right arm this morning and it's tender, neck is tight", "arms"),
    ("I inject my insulin into my thighs, calves ache after the walk", "thighs"),
    ("my glucose sensor sits on the back of my arm, shoulders are stiff", "arms"),
])
def test_an_injection_site_or_a_sensor_is_left_out(text, site):
    result = screen(text)
    assert result.verdict == "caution" and site in result.avoid


def test_bruises_from_nowhere_with_nosebleeds_need_a_doctor():
    result = screen("purple bruises keep appearing on my arms for no reason and I've had "
                    "three nosebleeds this week")
    assert result.verdict == "see_doctor" and "general.unexplained-bruising" in flag_ids(result)
    known = screen("I have haemophilia and bruise easily, shoulders tight")
    assert known.verdict == "caution"


@pytest.mark.parametrize("text", [
    "my wee has looked pink for two days, lower back aches a bit",
    "noticed blood in my urine this morning, no pain, mid back stiff",
])
def test_blood_in_the_urine_needs_a_doctor(text):
    result = screen(text)
    assert result.verdict == "see_doctor" and "general.blood-in-urine" in flag_ids(result)


def test_beetroot_is_not_blood():
    assert screen("ate loads of beetroot and my pee is pink lol, back a bit stiff").verdict \
        not in ("urgent", "see_doctor")


def test_spreading_redness_or_redness_with_a_temperature_needs_a_doctor():
    spreading = screen("the red patch on my shin has spread past the pen line I drew, it's "
                       "hot and swollen")
    assert spreading.verdict in ("see_doctor", "urgent")
    feverish = screen("swollen arm is red and warm since yesterday and I feel shivery")
    assert feverish.verdict in ("see_doctor", "urgent")


def test_a_band_of_blisters_needs_a_doctor_but_a_roof_does_not():
    assert screen("burning on one side of my waist for days and now a band of blisters "
                  "there").verdict == "see_doctor"
    assert screen("replaced the shingles on my roof all weekend, shoulders wrecked").verdict \
        not in ("urgent", "see_doctor")


@pytest.mark.parametrize("text", [
    "my right foot went cold and pale an hour ago, it's agony and my toes are numb",
    "grandad's left leg is white and cold compared with the other one and he's in pain",
])
def test_a_limb_suddenly_cold_and_pale_is_an_emergency(text):
    result = screen(text)
    assert result.verdict == "urgent" and "legs.limb-blood-supply-lost" in flag_ids(result)


def test_cold_hands_in_winter_are_not_an_emergency():
    assert screen("my hands go cold and pale in winter, always have, forearms tight from "
                  "typing").verdict != "urgent"


def test_calf_pain_on_walking_that_rest_eases_needs_a_doctor():
    result = screen("my calves cramp after about 200 metres of walking, stopping for a minute "
                    "makes it go, then it comes back every time")
    assert result.verdict == "see_doctor" and "legs.pain-on-walking-eased-by-rest" in flag_ids(result)
    assert screen("calves burn on hill repeats at training, recovery routine please").verdict \
        not in ("urgent", "see_doctor")


def test_belly_families():
    assert "abdomen.gallstone-pattern" in flag_ids(screen(
        "after a fry-up I get a gripping ache under my right ribs that goes to my back for "
        "a few hours"))
    assert screen("agony in my side going down to my groin in waves, I've been sick twice"
                  ).verdict == "urgent"
    assert screen("my period is three weeks late, cramping low on the right and I feel faint"
                  ).verdict == "urgent"
    assert screen("my hernia has gone hard and won't push back in and I've been sick").verdict \
        == "urgent"


@pytest.mark.parametrize("text", [
    "I'm a stroke nurse and my feet are wrecked after three long shifts",
    "overdose prevention volunteer here, lower back sore from standing",
    "oncology pharmacist, checking chemo doses all day, neck is stiff",
])
def test_a_job_named_after_an_illness_is_not_the_illness(text):
    assert screen(text).verdict not in ("urgent", "see_doctor")


def test_my_own_cancer_nurse_still_tells_of_cancer():
    result = screen("my cancer nurse says gentle massage is fine, shoulders are tight")
    assert result.verdict == "caution" and "deep_pressure" in result.avoid


def test_a_hyphenated_age_after_my_is_the_person_massaged():
    assert screen("My 12-year-old has a sore neck from his school bag").subject == "someone_else"
    result = screen("I'm a 41-year-old teacher with a headache and my words keep coming out "
                    "wrong since lunch")
    assert result.subject == "self" and result.verdict == "urgent"


def test_a_knee_or_hip_replacement_leaves_the_calves_out():
    result = screen("had my hip replaced five weeks ago, shoulders tight from the crutches")
    assert result.verdict == "caution" and {"calves", "hips"} <= set(result.avoid)


@pytest.mark.parametrize("text", [
    "my headache went from nothing to 10/10 within seconds when I lifted the box",
    "headache: 0 to 10/10 in a couple of seconds during sex, still there",
])
def test_a_pain_score_written_10_10_in_a_sudden_headache_is_an_emergency(text):
    assert screen(text).verdict == "urgent"


def test_menopausal_night_sweats_under_care_are_not_a_red_flag():
    assert screen("perimenopause night sweats most weeks, on HRT from my GP, weight steady, "
                  "want to sleep better").verdict not in ("urgent", "see_doctor")
    assert screen("drenching night sweats for a month and my jeans are loose").verdict \
        == "see_doctor"


@pytest.mark.parametrize("text", [
    "paramedic here, two cardiac arrests and three fits on the job tonight, I need to unwind",
    "registrar on call, caseload was all strokes and bleeds, my shoulders are up by my ears",
])
def test_illnesses_counted_as_the_cases_of_a_job_are_nobodys_body(text):
    assert screen(text).verdict not in ("urgent", "see_doctor")


@pytest.mark.parametrize("text", [
    "nurse here, had two seizures on my shift last night, neck sore",
    "I'm a doctor with seizures, last one yesterday, neck is stiff",
    "after my knee surgery clots were found in my calf",
])
def test_a_clinicians_own_illness_is_still_theirs(text):
    assert screen(text).verdict in ("urgent", "see_doctor")
