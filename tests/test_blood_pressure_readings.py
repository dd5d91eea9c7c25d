"""Blood pressure readings typed into the text are numbers the screen compares (session 8:
holdout43 and holdout38 each had one that no rule read). Worded afresh, with decoys."""

from __future__ import annotations

import pytest

from unknot.intake.screen import screen
from unknot.safety.facts import extract_facts


@pytest.mark.parametrize(("text", "reading"), [
    ("my home monitor said 172/104 this morning", (172, 104)),
    ("BP 150 over 95 at the pharmacy", (150, 95)),
    ("blood pressure was 190/110 last month, now 128/82 on tablets", (128, 82)),
])
def test_a_reading_is_read_and_the_latest_counts(text, reading):
    facts = extract_facts(text, None)
    assert (facts.systolic, facts.diastolic) == reading


@pytest.mark.parametrize("text", [
    "pain is 8/10 in my lower back",
    "28/40 and my hips ache",
    "neck stiff 3/52",
    "scored 110/120 in the quiz, shoulders tense",
    "the train was at 12/10 past, whatever, neck tight",
])
def test_numbers_with_a_slash_that_are_not_blood_pressure(text):
    facts = extract_facts(text, None)
    assert facts.systolic is None


@pytest.mark.parametrize(("text", "verdict"), [
    ("pharmacy machine read 168/102 twice, feel fine, shoulders tight", "see_doctor"),
    ("my blood pressure monitor shows 185/125, no symptoms, want a calm routine", "see_doctor"),
    ("bp 200 over 118 and a pounding headache behind my eyes", "urgent"),
    ("my bp reading was 182/100 and my vision's gone blurry", "urgent"),
    ("31 weeks, midwife got 144/92 and wants to recheck, back aching", "see_doctor"),
])
def test_high_readings_need_a_doctor_and_with_symptoms_an_emergency(text, verdict):
    assert screen(text).verdict == verdict


@pytest.mark.parametrize("text", [
    "blood pressure 124/78 at my check, all good, neck tight from the desk",
    "my bp was 138/86, the nurse was happy, shoulders tense",
])
def test_ordinary_readings_are_not_escalated(text):
    assert screen(text).verdict in {"ok", "caution"}


def test_the_reworded_questions_ask_about_what_is_new():
    from unknot.safety.questions import default_questions

    asks = {question.id: question.ask for question in default_questions().questions}
    assert "new for you" in asks["headache.neuro_signs"] and "usual aura" in asks["headache.neuro_signs"]
    for question_id in ("headache.fever_neck_rash", "neck.fever_light"):
        assert "not your usual migraine" in asks[question_id]
