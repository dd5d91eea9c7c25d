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
    # the check's answer after a semicolon
    "my calf puffed up on the coach home; the hospital scanned it, no clot, a pulled muscle",
])
def test_not_a_new_sign(text):
    assert screen(text).verdict in {"ok", "caution"}


# Session 9: what holdout50 still missed or over-called, mended as mechanisms.

@pytest.mark.parametrize("text", [
    # the nodes told as what was done to them, the arm changed since
    "the arm where they removed my lymph glands has suddenly swelled up, red and hot",
    "they took out the lymph nodes under my right arm last year; that hand is suddenly bigger and hot",
])
def test_a_node_cleared_limb_that_turns_red_and_hot(text):
    assert screen(text).verdict in {"see_doctor", "urgent"}


@pytest.mark.parametrize(("text", "site"), [
    # a line's place told in the clause after it
    ("Dad had a port fitted on Friday, just below his right collarbone. His lower back is stiff",
     "chest"),
    ("she's got a PICC now, in her left arm. Could I rub her feet?", "arms"),
    # radiotherapy skin told by how it looks
    ("radiotherapy for breast cancer ended last week, the skin under my arm is peeling, feet ache",
     "arms"),
])
def test_a_line_or_treated_skin_is_left_out_with_no_deep_pressure(text, site):
    result = screen(text)
    assert result.verdict == "caution"
    assert site in result.avoid
    assert "deep_pressure" in result.avoid


@pytest.mark.parametrize(("text", "kept"), [
    # years clear: light pressure, but the place the person asks about is no tumour site
    ("cancer-free for twenty years now so treating my sore feet to a massage", "feet"),
    ("lymphoma in remission for nine years so my hands are stiff from gardening again", "hands"),
    ("prostate cancer treated 12 yrs ago so my calves are tight from cycling", "calves"),
])
def test_a_cancer_long_over_keeps_pressure_light_but_leaves_no_site_out(text, kept):
    result = screen(text)
    assert result.verdict == "caution"
    assert {"deep_pressure", "percussion"} <= set(result.avoid)
    assert kept not in result.avoid
    assert kept in result.regions


def test_a_current_cancer_still_leaves_its_site_out():
    result = screen("I'm having radiotherapy to my left breast, can I massage my chest and neck")
    assert "chest" in result.avoid


@pytest.mark.parametrize("text", [
    # someone else's treatment, the writer's own ache: "gives me"
    "driving my wife to her chemo every week gives me a stiff neck",
    # charity, not treatment
    "knitted a pile of chemo caps for the day unit, my hands are stiff",
    "did a sponsored walk for the cancer charity, calves sore",
])
def test_cancer_near_the_words_but_not_the_writers(text):
    result = screen(text)
    assert result.verdict == "ok", [c.id for c in result.cautions]
