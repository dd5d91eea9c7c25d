"""Families found by the blind set holdout42 (negation, lists and forms: what a message says
is absent, and what slips through anyway). Each test is a family, worded afresh, with decoys.
"""

from __future__ import annotations

import pytest

from support.labelled import flag_ids
from unknot.intake.screen import screen
from unknot.text.lexicon import load_lexicon


def _read(text: str) -> str:
    return " ".join(token.norm for token in load_lexicon().read(text).tokens)


@pytest.mark.parametrize(("text", "reads"), [
    ("Fever ☐ Numbness ☑", "fever : no . numbness : yes ."),
    ("[x] pregnant [ ] surgery", "pregnant : yes . surgery : no ."),
    ("Night sweats: N  Weight loss: Y", "night sweats : no . weight loss : yes ."),
])
def test_a_pasted_forms_boxes_and_letters_read_as_answers(text, reads):
    assert _read(text) == reads


@pytest.mark.parametrize("text", [
    "Screening form: fever ☐ rash ☐ numbness ☐ weight loss ☐ — none of it. Shoulders tight from the desk",
    "Fever: N  Night sweats: N  Numbness: N. Calves sore after a long walk",
    "Q: fever? A: no. Q: sudden onset? A: no. Usual tension headache after a long week",
    "Negative for fever, chills, night sweats, weight loss. Hips tight from driving.",
])
def test_a_form_that_ticks_nothing_is_not_a_red_flag(text):
    assert screen(text).verdict in ("ok", "caution")


@pytest.mark.parametrize(("text", "verdict"), [
    ("fever ☐ numbness ☑ weakness ☑ bladder ☑ — lower back gave out lifting a box", "urgent"),
    ("[x] pregnant [ ] surgery, want a back rub", "caution"),
    ("Weight loss: Y (8kg, not trying)  Night pain: Y  — my back aches", "see_doctor"),
    ("denies chest pain, SOB, reports numbness around the saddle area since Monday", "urgent"),
])
def test_what_a_form_does_tick_counts(text, verdict):
    assert screen(text).verdict == verdict


@pytest.mark.parametrize("text", [
    "I'm not worried about the numbness really, but it has spread to both hands",
    "I don't think the headaches mean anything, but I'm on tacrolimus after my transplant "
    "and they only started last week",
])
def test_a_feeling_or_a_hedge_about_a_finding_is_not_its_denial(text):
    assert screen(text).verdict in ("see_doctor", "urgent")


@pytest.mark.parametrize(("text", "rule"), [
    ("the freckle on my arm isn't sore, isn't raised, but it has got darker and bigger",
     "general.changing-mole"),
    ("my mum, 80, has shrunk 5 cm this year and has a new hump", "back.height-loss-or-new-hump"),
    ("tired all the time and bruising really easily lately without knocking into anything",
     "general.new-unexplained-bruising"),
    ("I've had this cough for two months now and I smoke", "general.persistent-cough"),
    ("nope, not a stroke I'm sure, my mouth just went lopsided and my tea dribbled out",
     "stroke.face-arm-speech"),
    ("pressure, and it's spreading up into my jaw, and I'm out of breath",
     "chest.tightness-spreading-with-breathlessness"),
    ("my little boy's fever is down with Calpol but his neck is stiff and he won't look at the "
     "light", "neck.meningism-without-fever"),
    ("calf pain comes every time I walk to the shop and goes when I rest, again and again",
     "legs.pain-on-walking-eased-by-rest"),
    ("the bleeding has been going for three weeks now and I'm pale and exhausted",
     "general.heavy-periods-with-tiredness"),
    ("since I started using the massage ball on my back it went from a 3 to a 7",
     "seed003.worse-after-massage"),
    ("is it normal I can't feel anything when I wipe? my back went on Saturday",
     "back.cauda-equina"),
    ("not warm. ok maybe a bit warm. it's swollen though. only that leg.",
     "legs.one-leg-swollen-and-warm-told-in-pieces"),
    ("he isn't in pain but he's lost 8kg without trying", "general.unexplained-weight-loss"),
])
def test_the_one_thing_present_among_the_denials(text, rule):
    assert rule in flag_ids(screen(text))


@pytest.mark.parametrize("text", [
    "knocked my head on a shelf three weeks ago, no headache or anything since, scalp just tense",
    "the GP checked the lump, the scan says it's a harmless cyst, so just my shoulders please",
    "flu's gone and no fever now, just still drained after it. Upper back sore from all the coughing",
    "I've been married for 25 years and my shoulders are tight from the desk",
])
def test_a_finding_ruled_out_or_over_is_not_a_red_flag(text):
    assert screen(text).verdict in ("ok", "caution")


@pytest.mark.parametrize(("text", "left_out"), [
    ("itchy rash all over my back from a new washing powder, neck stiff",
     {"upper_back", "middle_back", "lower_back"}),
    ("sunburn on my lower back, neck stiff", {"lower_back"}),
    ("only thing is a hamstring I strained at football on Sunday; lower back tight", {"thighs"}),
])
def test_a_skin_or_injury_site_is_left_out_whole(text, left_out):
    result = screen(text)
    assert result.verdict == "caution" and left_out <= set(result.avoid)
    if left_out == {"lower_back"}:
        assert "upper_back" not in result.avoid


def test_thinking_about_how_with_wishing_to_be_gone_is_an_emergency():
    result = screen("I don't want to be here anymore and I've been thinking about how, tonight")
    assert result.verdict == "urgent"
