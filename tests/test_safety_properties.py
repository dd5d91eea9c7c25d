"""Property tests of the safety invariants over generated texts, answers and options."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unknot.intake.screen import screen
from unknot.planner import PlanRequest, build_plan
from unknot.safety.answers import Answers
from unknot.safety.questions import MAX_ASKED, default_questions
from unknot.vocabulary import (
    GOALS,
    PRESSURES,
    REGIONS,
    SETTING_POSITIONS,
    SETTINGS,
    TOOLS,
    VERDICT_SEVERITY,
    expand_regions,
)

BENIGN = [
    "my neck is stiff from the desk", "shoulders tight", "can't sleep", "stressed out",
    "sore calves after a run", "tension headache coming", "my lower back aches",
    "bit constipated", "tired feet", "jaw tight from clenching", "hands sore from typing",
    "no fever", "not pregnant", "haven't fallen", "racing mind at bedtime",
]
URGENT = [
    "worst headache of my life came on suddenly", "crushing chest pain", "can't feel my bum",
    "face drooping and slurred speech", "vomiting blood", "fever and a stiff neck",
]
SEE_DOCTOR = [
    "my calf is swollen and warm", "pain is 9/10", "I have a fever",
    "the pain keeps getting worse", "I have a slipped disc", "blood in my poo",
]
CAUTION = [
    "I'm 20 weeks pregnant", "I take warfarin", "bruise on my thigh", "I have osteoporosis",
    "varicose veins", "I have a hernia", "sunburn on my shoulders",
]

fragments = st.lists(st.sampled_from(BENIGN + URGENT + SEE_DOCTOR + CAUTION), min_size=1,
                     max_size=4)
answers = st.one_of(st.none(), st.builds(
    Answers,
    age=st.one_of(st.none(), st.integers(0, 120)),
    pregnant=st.one_of(st.none(), st.booleans()),
    pain=st.one_of(st.none(), st.integers(0, 10)),
    medicines=st.lists(st.sampled_from(["warfarin", "paracetamol", "none"]), max_size=2),
    conditions=st.lists(st.sampled_from(["osteoporosis", "asthma", "neuropathy"]), max_size=2),
))
requests = st.builds(
    dict,
    minutes=st.integers(1, 60),
    tools=st.lists(st.sampled_from(TOOLS), max_size=4, unique=True),
    setting=st.sampled_from(SETTINGS),
    pressure=st.sampled_from(PRESSURES),
    regions=st.lists(st.sampled_from(REGIONS), max_size=3, unique=True),
    goals=st.lists(st.sampled_from(GOALS), max_size=2, unique=True),
    seed=st.integers(0, 10_000),
)
SETTINGS_PROFILE = settings(max_examples=150, deadline=None,
                            suppress_health_check=[HealthCheck.too_slow])


@SETTINGS_PROFILE
@given(fragments, answers, requests)
def test_no_plan_breaks_a_safety_rule(parts, given_answers, options):
    plan = build_plan(PlanRequest(text=". ".join(parts), answers=given_answers, **options))
    intake = plan.intake
    if intake.verdict in ("see_doctor", "urgent") or not intake.understood:
        assert plan.steps == [] and plan.total_seconds == 0
        return
    avoid = expand_regions(intake.avoid)
    assert plan.total_seconds == options["minutes"] * 60
    assert sum(step.seconds for step in plan.steps) == plan.total_seconds
    for step in plan.steps:
        assert not expand_regions(step.regions) & avoid, (step.technique, intake.avoid)
        assert step.position in SETTING_POSITIONS[options["setting"]]
        assert set(step.tools) <= {"hands", *options["tools"]}
    from unknot.library.loader import default_library
    library = default_library()
    for step in plan.steps:
        assert not set(library.get(step.technique).modalities) & avoid
    if "deep_pressure" in avoid:
        assert all(step.pressure == "light" for step in plan.steps)


@SETTINGS_PROFILE
@given(fragments, st.sampled_from(URGENT + SEE_DOCTOR))
def test_a_red_flag_is_never_diluted_by_other_words(parts, red_flag):
    alone = screen(red_flag).verdict
    mixed = screen(". ".join([*parts, red_flag])).verdict
    assert VERDICT_SEVERITY[mixed] >= VERDICT_SEVERITY[alone] >= VERDICT_SEVERITY["see_doctor"]


@SETTINGS_PROFILE
@given(fragments, answers)
def test_avoid_is_the_union_of_the_cautions(parts, given_answers):
    out = screen(". ".join(parts), given_answers)
    union = expand_regions({a for caution in out.cautions for a in caution.avoid})
    assert union == set(out.avoid)
    if out.cautions and out.verdict != "caution":
        assert VERDICT_SEVERITY[out.verdict] > VERDICT_SEVERITY["caution"]
    if not out.red_flags and not out.cautions:
        assert out.verdict == "ok"


@SETTINGS_PROFILE
@given(st.text(max_size=300))
def test_any_text_screens_without_error(text):
    out = screen(text)
    assert out.verdict in VERDICT_SEVERITY
    for item in [*out.red_flags, *out.cautions]:
        assert item.id and item.message and item.source


QUESTION_IDS = [q.id for q in default_questions().questions]


@SETTINGS_PROFILE
@given(fragments, st.dictionaries(st.sampled_from(QUESTION_IDS), st.booleans(), max_size=12))
def test_an_answer_never_lowers_what_the_text_shows(parts, answered):
    """A yes escalates like a text finding; a no never cancels one (SPEC §4)."""
    text = ". ".join(parts)
    alone = screen(text)
    answered_out = screen(text, Answers(questions=answered))
    assert VERDICT_SEVERITY[answered_out.verdict] >= VERDICT_SEVERITY[alone.verdict]
    assert {f.id for f in alone.red_flags} <= {f.id for f in answered_out.red_flags}
    assert set(alone.avoid) <= set(answered_out.avoid)
    for question_id, yes in answered.items():
        if yes:
            question = default_questions().by_id(question_id)
            assert VERDICT_SEVERITY[answered_out.verdict] >= VERDICT_SEVERITY[question.verdict]


@SETTINGS_PROFILE
@given(fragments, answers, requests, st.data())
def test_a_yes_that_needs_a_doctor_never_gets_a_routine(parts, given_answers, options, data):
    asked = screen(". ".join(parts), given_answers).questions
    escalating = [q.id for q in asked if default_questions().by_id(q.id).verdict
                  in ("see_doctor", "urgent")]
    if not escalating:
        return
    yes_to = data.draw(st.sampled_from(escalating))
    base = given_answers.model_dump() if given_answers else {}
    answered = Answers(**{**base, "questions": {q.id: q.id == yes_to for q in asked}})
    plan = build_plan(PlanRequest(text=". ".join(parts), answers=answered, **options))
    assert plan.intake.verdict in ("see_doctor", "urgent")
    assert plan.steps == []


@SETTINGS_PROFILE
@given(fragments, st.dictionaries(st.sampled_from(QUESTION_IDS), st.booleans(), max_size=12))
def test_the_check_is_short_and_complete_only_when_every_question_is_answered(parts, answered):
    out = screen(". ".join(parts), Answers(questions=answered))
    assert len(out.questions) <= MAX_ASKED
    assert len({q.id for q in out.questions}) == len(out.questions)
    assert out.complete == all(q.id in answered for q in out.questions)
    for question in out.questions:
        assert question.answer == answered.get(question.id)
