"""Families from the blind set holdout50 (living with cancer, during and after treatment, and
in palliative care), written and scored once in session 8 before mending; the set waits in
tests/data/pending. Worded afresh, with decoys."""

from __future__ import annotations

import pytest

from unknot.intake.screen import screen


@pytest.mark.parametrize("text", [
    "on FOLFOX, temp 38.4 tonight and shivery, otherwise ok, can I rub my neck",
    "my chemo nurse said call if over 37.5, it's 37.7 now, feel fine though",
    "Dad's in the hospice, his back has ached for a week and today his legs just won't hold him",
    "breast cancer with spread, mid back pain like a band and she's started wetting herself",
    "second cycle of chemo, left calf swollen and I'm out of breath walking to the kitchen",
    "lung cancer, suddenly breathless this evening and my heart is racing",
])
def test_an_emergency_of_cancer_or_its_treatment(text):
    assert screen(text).verdict == "urgent"


@pytest.mark.parametrize("text", [
    "nodes taken out under my left arm in 2019, now the arm is red and hot and swollen",
    "secondaries in my spine, a new pain in my hip that the tablets don't touch",
    "calcium came back high, the nurse wants me in for a drip, I'm so thirsty",
    "on oxycodone, no poo for 6 days and I've been sick",
    "the skin around my PICC is red and there's a little pus",
    "finished treatment for colon cancer, my bowels have changed and my tummy aches",
    "chemo tablets, diarrhoea 6 times a day since Sunday",
    "having chemo and bruising all over for no reason this week",
    "Grandma's in palliative care and can't keep her medicines down",
])
def test_a_sign_the_cancer_team_wants_to_hear_about(text):
    assert screen(text).verdict in {"see_doctor", "urgent"}


@pytest.mark.parametrize(("text", "avoided"), [
    ("my husband has bone mets, pain under control, he'd like his feet rubbed", {"deep_pressure"}),
    ("lymphoedema in my right arm since surgery, can you do my upper back", {"deep_pressure"}),
    ("Mum's in the hospice, the nurses said a gentle hand massage is fine", {"deep_pressure"}),
])
def test_living_with_cancer_a_routine_keeps_pressure_light(text, avoided):
    result = screen(text)
    assert result.verdict == "caution"
    assert avoided <= set(result.avoid)


@pytest.mark.parametrize("text", [
    "this deadline is a cancer on the whole office, shoulders like rocks",
    "radiation oncologist here, long clinic, usual Friday tension headache",
    "lump checked by ultrasound, simple cyst, nothing to worry about, upper back tight",
    "my calf was scanned last week, no clot, just a strained muscle, calves tight",
    "my gran is in the hospice and I keep getting my usual tension headaches, same kind I've always had",
    "my platelets are low from treatment and I bruise easily, the team is watching it, scalp massage?",
])
def test_not_a_new_sign(text):
    assert screen(text).verdict in {"ok", "caution"}
