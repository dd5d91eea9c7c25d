"""Intake behaviours: lay words, negation scope, typos, several complaints, the contract."""

from __future__ import annotations

import pytest

from unknot.intake.screen import screen
from unknot.safety.answers import Answers


def verdict(text: str, answers: Answers | None = None) -> str:
    return screen(text, answers).verdict


def test_it_returns_exactly_the_contract_fields():
    out = screen("neck and shoulders tight from the desk, headache coming").model_dump()
    assert set(out) == {"verdict", "regions", "goals", "avoid", "red_flags", "cautions", "conditions",
                        "questions", "complete", "subject", "understood", "message"}
    assert out["verdict"] == "ok"
    assert out["regions"][:2] == ["neck", "shoulders"]
    assert {"stiffness", "headache_relief"} <= set(out["goals"])


@pytest.mark.parametrize("text, region", [
    ("my tummy feels tight", "abdomen"), ("traps are in knots", "shoulders"),
    ("sore bum from cycling", "glutes"), ("nek is stiff", "neck"),
    ("my sholders ache", "shoulders"), ("lowerback is sore", "lower_back"),
    ("tight calfs", "calves"), ("clenching my jaw all day", "jaw"),
])
def test_it_understands_lay_words_and_typos(text, region):
    assert region in screen(text).regions


@pytest.mark.parametrize("text", [
    "stiff neck, no fever, no numbness",
    "haven't fallen, just a stiff neck from sleeping badly",
    "not pregnant, lower back is tight",
    "I don't have any chest pain but my shoulders are tight",
    "no fever, rash or stiff neck, just my usual tension headache",
])
def test_it_respects_negation(text):
    out = screen(text)
    assert out.verdict == "ok", out.red_flags + out.cautions


def test_negation_ends_at_the_clause():
    # "no fever" is denied, the numbness after "but" is not.
    out = screen("no fever but my hands have pins and needles and my neck hurts")
    assert out.verdict == "see_doctor"
    assert "neck.nerve-root" in {f.id for f in out.red_flags}


@pytest.mark.parametrize("text, expected", [
    ("numbnes in my groin and my back hurts", "urgent"),
    ("I can't feel my bum properly and I've wet myself", "urgent"),
    ("worst headache of my life, came on suddenly", "urgent"),
    ("crushing chest pain going down my left arm", "urgent"),
    ("face drooping on one side and slurred speech", "urgent"),
    ("my calf is swollen, red and warm, only the left one", "see_doctor"),
    ("pain is 9/10 in my lower back", "see_doctor"),
    ("I massaged my neck yesterday and now it hurts more", "see_doctor"),
    ("fever and aching all over", "see_doctor"),
])
def test_it_escalates_red_flags(text, expected):
    assert verdict(text) == expected


def test_the_most_severe_verdict_wins_and_cautions_merge():
    out = screen("I'm on warfarin and have a bruise on my thigh")
    assert out.verdict == "caution"
    assert {"thighs", "deep_pressure", "percussion"} <= set(out.avoid)
    assert len(out.cautions) == 2
    worse = screen("I'm on warfarin and my calf is swollen and hot")
    assert worse.verdict == "see_doctor"


def test_a_local_problem_only_avoids_its_own_area():
    out = screen("bruise on my thigh and sore calves after a run")
    assert "thighs" in out.avoid and "calves" not in out.avoid
    assert "calves" in out.regions and "thighs" not in out.regions


def test_several_complaints_in_one_text():
    out = screen("stressed out, can't sleep, and my lower back aches")
    assert "lower_back" in out.regions
    assert {"stress_relief", "sleep"} <= set(out.goals)


def test_evidence_quotes_the_persons_own_words():
    text = "Had the WORST headache of my life, it came on suddenly"
    out = screen(text)
    for flag in out.red_flags:
        for piece in flag.evidence.split(" … "):
            assert piece in text
        assert flag.source and flag.message


def test_urgent_tells_to_call_the_emergency_number_first():
    out = screen("chest pain and sweating")
    assert out.message.startswith("Call your local emergency number now")


@pytest.mark.parametrize("answers, expected", [
    (Answers(pregnant=True), "caution"),
    (Answers(pain=8), "see_doctor"),
    (Answers(age=85), "caution"),
    (Answers(medicines=["apixaban"]), "caution"),
    (Answers(conditions=["osteoporosis"]), "caution"),
    (Answers(conditions=["slipped disc"]), "see_doctor"),
    (Answers(pain=3, age=40), "ok"),
])
def test_structured_answers_are_screened(answers, expected):
    assert verdict("my lower back is stiff", answers) == expected


def test_pregnancy_leaves_out_the_abdomen_and_deep_pressure():
    out = screen("I'm 20 weeks pregnant and my lower back aches")
    assert {"abdomen", "deep_pressure", "percussion"} <= set(out.avoid)


def test_avoiding_the_head_covers_its_parts():
    out = screen("I have a cut on my head and my shoulders are tight")
    assert {"head", "scalp", "forehead", "temples"} <= set(out.avoid)


def test_empty_text_is_ok_with_nothing_found():
    out = screen("")
    assert out.verdict == "ok" and out.regions == [] and out.goals == []


@pytest.mark.parametrize("text", [
    "hay fever is bad today and my shoulders are tense",
    "Black Friday shift, my feet ache",
    "got blackout blinds but still can't sleep",
    "my little one has a fever so I was up all night, now my back is stiff",
    "about 8 out of 10 stressed, shoulders tight",
    "fever pitch at work this week, neck is tight",
])
def test_idioms_and_other_peoples_symptoms_do_not_escalate(text):
    assert screen(text).verdict == "ok", screen(text).red_flags


def test_new_back_pain_after_fifty_is_read_from_the_answers():
    answers = Answers(age=61, duration="2 weeks")
    assert verdict("lower back pain", answers) == "see_doctor"
    assert verdict("lower back pain from gardening", answers) == "ok"
    assert verdict("lower back pain", Answers(age=35, duration="2 weeks")) == "ok"


def test_a_pain_score_is_read_only_when_it_rates_pain():
    assert verdict("pain in my lower back is a solid 10") == "see_doctor"
    assert verdict("I give the pain in my shoulder 9 of 10, no sleep") == "see_doctor"


@pytest.mark.parametrize("text", [
    "Headache but no numbness, no weakness, my speech is fine, I'm just tense",
    "Sneezing doesn't make it worse, my lower back is just stiff after a long hike",
    "stiff upper back; my face and arms feel normal",
])
def test_a_finding_said_to_be_fine_or_not_worse_is_denied(text):
    assert screen(text).verdict == "ok", screen(text).red_flags


def test_age_said_as_over_a_number():
    out = screen("I am over 50 and my temples are tender, and it hurts to chew")
    assert "headache.giant-cell-arteritis" in {f.id for f in out.red_flags}


def test_the_latest_pain_score_counts():
    assert verdict("back was a 9/10 last month after I tweaked it but it's down to a 2 now") == "ok"
    assert verdict("pain was 3/10 yesterday, today it's 9/10") == "see_doctor"


def test_text_speak_is_read():
    assert verdict("headaches r different lately not like my normal ones idk") == "see_doctor"
    assert verdict("been going to the loo diff for wks now, im 45") == "see_doctor"


def test_an_inability_is_a_symptom_not_a_denial():
    assert verdict("cant poo or fart, bloated n throwing up") == "urgent"


def test_every_mention_of_a_local_problem_names_its_site():
    out = screen("cold sore and a rash on my face, my neck is tight")
    assert "face" in out.avoid and "neck" not in out.avoid


def test_a_gap_takes_the_nearest_phrase_so_a_denial_inside_does_not_leak():
    assert verdict("there's a rash that doesn't fade under a glass and my neck is stiff") == "urgent"


def test_a_denial_stops_at_for():
    assert verdict("can't get through a day without tablets for my sore head, "
                   "it's 20-odd days a month") == "see_doctor"
    assert "lower_back" in screen("no relief for my sore back").regions


def test_sore_head_is_a_headache():
    assert "headache_relief" in screen("I've got a sore head from the screen").goals


def test_scots_words_are_read():
    assert verdict("Lower back's aw sair and since this morning I cannae get a wee out") == "urgent"


def test_a_suspected_blocked_bowel_is_an_emergency():
    assert verdict("I think my bowel is blocked") == "urgent"


def test_not_knowing_the_cause_is_not_a_denial():
    assert verdict("I don't know what's causing the pain in my thigh, and it's swollen") == "see_doctor"
