"""Families from the blind set holdout48 (pregnancy, birth and the weeks after), mended in
session 8; the set joined tests/data. Worded afresh, with decoys for each mechanism.
"""

from __future__ import annotations

import pytest

from unknot.intake.screen import screen
from unknot.safety.facts import extract_facts

PREGNANCY_AVOIDS = {"abdomen", "deep_pressure", "percussion"}


# How far along someone is, in the ways people write it, is read as a pregnancy.
@pytest.mark.parametrize(("text", "weeks"), [
    ("I'm just 30 weeks and my hips ache at night", 30),
    ("sciatica down my left leg at 26 weeks", 26),
    ("Week 24 and the heartburn has started", 24),
    ("me (33 wks) with a stiff neck from the pillow fort", 33),
    ("round ligament twinges, 22 wks", 22),
    ("9wks, scan next week, queasy and my shoulders are knotted", 9),
    ("6 months gone and my feet are like balloons by the evening", 26),
    ("estoy de 20 semanas y me duele la espalda", 20),
    ("jestem w 30 tygodniu, bolą mnie plecy", 30),
])
def test_weeks_of_pregnancy_written_any_way_are_read(text, weeks):
    facts = extract_facts(text, None)
    assert facts.pregnancy_weeks == weeks and facts.pregnant
    result = screen(text)
    assert result.verdict != "ok"
    assert set(result.avoid) >= PREGNANCY_AVOIDS or result.verdict in {"see_doctor", "urgent"}


@pytest.mark.parametrize("text", [
    "knee surgery, 24 weeks of rehab so far, quads are tight",
    "sore elbow for 30 weeks now",
    "my baby at 10 weeks had colic, now my shoulders hurt from the rocking",
    "my sister is at 30 weeks and I've got a tension headache",
    "lower back pain every night, 3 weeks, no injury",
    "thesis due in a month, shoulders knotted",
    "I'm 44, smear overdue, neck stiff",
    "Covid positive today, legs ache",
])
def test_weeks_that_are_not_a_pregnancy_are_not_read_as_one(text):
    facts = extract_facts(text, None)
    assert not facts.pregnant
    assert not set(screen(text).avoid) >= PREGNANCY_AVOIDS


@pytest.mark.parametrize("text", [
    "husband here - my wife is 8 months along and would like her shoulders rubbed",
    "positive test this morning!! can I still do my usual hamstring rolling",
    "first scan showed the heartbeat last week, upper back tight from work",
    "low-lying placenta at the 20 week scan, calves tight",
    "want my partner to help with perineal massage from 34 weeks, thighs tense",
    "Estoy embarazada y me duelen los pies",
    "2 weeks post c-sec and my neck is stiff from feeding",
])
def test_a_pregnancy_or_a_recent_birth_in_passing_leaves_the_belly_out(text):
    result = screen(text)
    assert result.verdict == "caution"
    assert "abdomen" in result.avoid


@pytest.mark.parametrize("text", [
    "hoping for a BFP this cycle, in the meantime my neck is stiff from the laptop",
    "pregnancy test was negative, it's just period cramps and a tight lower back",
    "we did an antenatal class as birth partners for my sister, my own neck is sore",
])
def test_hoping_for_or_helping_with_a_pregnancy_is_not_one(text):
    result = screen(text)
    assert result.verdict in {"ok", "caution"}
    assert "abdomen" not in result.avoid


@pytest.mark.parametrize("text", [
    "I'm at 35 weeks and haven't felt him kick since lunch",
    "my wife is 32 weeks and says the baby's barely moving today",
    "clear fluid keeps dribbling down my legs, 30 wks",
    "my waters went at 28 weeks and I can feel something hanging down",
    "tightenings every 6 minutes for an hour now, 32 weeks",
    "27 weeks, woke up soaked in blood",
    "car crash this morning, the airbag hit my bump, 30 weeks, feel ok",
    "my partner (26 wks) fell down the stairs onto her bump and now has cramps",
    "I keep getting urges to hurt my baby and I'm terrified I might act on them",
    "everyone would be better off without me, I've been looking up the easiest way",
])
def test_pregnancy_emergencies_in_fresh_words(text):
    assert screen(text).verdict == "urgent"


@pytest.mark.parametrize("text", [
    "my hands and the soles of my feet itch all night, 34 weeks, no rash",
    "been vomiting all day at 9 weeks and can't keep water down",
    "tripped on the stairs at 25 weeks and landed on my side, all seems ok",
    "my toddler headbutted my bump at 31 weeks, it hurt at the time",
    "headache for two days that paracetamol isn't touching, 32 weeks",
    "stinging when I pee and a pain in my side, 21 weeks, feel hot",
    "ankles and legs swollen to the knees and my face looks puffy, 36 weeks",
    "since she was born 5 weeks ago I cry every day and feel nothing for her",
    "baby is 6 weeks, I check he's breathing all night and have panic attacks",
    "my episiotomy stitches smell bad and there's yellow ooze, 9 days after the birth",
])
def test_pregnancy_and_after_birth_signs_need_a_midwife_or_doctor(text):
    assert screen(text).verdict in {"see_doctor", "urgent"}


@pytest.mark.parametrize("text", [
    "my baby kicked me in the ribs all night, 30 weeks, upper back tight",
    "water dribbled down my legs in the shower, 29 weeks, calves tight",
    "the c-section scar is closed and dry, 6 weeks on, lower back sore from carrying",
    "so wound up since the baby came, need to unwind my shoulders",
    "she was born 3 weeks ago, tired but happy, shoulders aching from feeding",
    "blood pressure was high in my pregnancy but that was 2019 and it's normal now, jaw tense",
    "the bleeding after the birth stopped weeks ago, lower back stiff from night feeds",
])
def test_the_ordinary_days_of_pregnancy_and_after_are_not_escalated(text):
    assert screen(text).verdict in {"ok", "caution"}


def test_weeks_read_from_the_words_are_the_evidence_of_a_pregnancy():
    result = screen("itchy palms every night, 35 wks")
    assert any(flag.id.startswith("abdomen.pregnancy-itching") and "35 wks" in flag.evidence
               for flag in result.red_flags)


@pytest.mark.parametrize("text", [
    "حامل في الشهر السابع - my lower back aches",
    "Я беременна, болит спина — lower back is sore",
    "मैं गर्भवती हूँ, my feet are swollen at night",
    "我怀孕了 shoulders are tight",
])
def test_pregnant_in_another_script_is_read(text):
    result = screen(text)
    assert result.verdict != "ok" and "abdomen" in result.avoid


def test_pregnant_in_another_script_with_itching_palms_needs_a_midwife():
    assert screen("حامل وعندي حكة - itching in my palms every night").verdict == "see_doctor"
