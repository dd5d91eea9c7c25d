"""Safety questions: the red-flag checklist per complaint, as data, and what answers do."""

from __future__ import annotations

import pytest

from unknot.intake.screen import screen
from unknot.safety.answers import Answers
from unknot.safety.questions import (
    MAX_ASKED,
    MAX_EVERYONE,
    MAX_PER_GROUP,
    MAX_QUESTIONS,
    MOOD_AFTER_A_BODY,
    REGION_GROUPS,
    QuestionError,
    UnknownQuestion,
    default_questions,
    load_question_files,
)
from unknot.vocabulary import REGIONS

QUESTIONS = default_questions()


def ids(text: str, **kwargs) -> list[str]:
    return [q.id for q in screen(text, **kwargs).questions]


def test_every_question_has_why_source_and_a_plain_message():
    for question in QUESTIONS.questions:
        assert question.ask.endswith("?"), question.id
        assert len(question.why) >= 10 and len(question.source) >= 5, question.id
        assert len(question.message) >= 20, question.id


def test_every_region_has_a_checklist():
    assert set(REGION_GROUPS) == set(REGIONS)
    for groups in REGION_GROUPS.values():
        for group in groups:
            assert QUESTIONS.group(group), group


def test_the_issue_checklists_are_there():
    expected = {
        "back": ["back.saddle_numbness", "back.bladder_bowel", "back.fever", "back.cancer",
                 "back.fall_or_accident", "back.steroids_bones", "back.night_rest_pain",
                 "back.leg_weakness"],
        "neck": ["neck.accident_or_manipulation", "neck.sudden_headache", "neck.hands_walking",
                 "neck.arm_numbness", "neck.brainstem_signs"],
        "headache": ["headache.sudden_onset", "headache.fever_neck_rash", "headache.head_injury",
                     "headache.neuro_signs", "headache.strain_trigger", "headache.new_after_50",
                     "headache.temple_jaw", "headache.pregnancy"],
        "abdomen": ["abdomen.blood", "abdomen.yellow", "abdomen.vomiting_blocked", "abdomen.fever",
                    "abdomen.severe_or_hard", "abdomen.pregnancy", "abdomen.surgery_or_hernia"],
        "legs": ["legs.one_leg_swollen", "legs.clot_risk", "legs.breathless"],
        "chest_arms": ["chest_arms.chest_pain", "chest_arms.spreading_pain",
                       "chest_arms.breathless_sweaty", "chest_arms.fast"],
    }
    for group, wanted in expected.items():
        assert set(wanted) <= {q.id for q in QUESTIONS.group(group)}, group


def test_it_asks_the_back_checklist_most_decisive_first():
    asked = ids("my lower back aches")
    assert asked[:2] == ["always.emergency_signs", "always.pain_signs"]
    assert asked[2:4] == ["back.saddle_numbness", "back.bladder_bowel"]
    body = [q for q in asked if not QUESTIONS.by_id(q).everyone]
    assert len(body) <= MAX_QUESTIONS and all(not q.startswith("mood.") for q in body)


EVERYONE = ["mood.danger_now", "mood.self_harm", "mood.harmed"]


@pytest.mark.parametrize("text", [
    "my lower back aches", "stiff neck", "headache since lunch", "sore calves after a run",
    "tummy cramps", "I'm 30 weeks pregnant and my lower back aches", "", "feel awful"])
def test_a_life_in_danger_self_harm_and_harm_at_home_are_asked_of_everyone(text):
    """Blind sets showed a crisis or a threat at home told beside "neck's sore" as often as
    beside "can't switch off"; a checklist chosen by the body's area never asked about it."""
    asked = ids(text, regions=["calves"]) if not text else ids(text)
    assert [q for q in asked if q in EVERYONE] == EVERYONE
    # After the body's own questions, never in place of one of them.
    assert asked.index("mood.danger_now") > max(
        i for i, q in enumerate(asked) if not q.startswith("mood."))


def test_the_questions_asked_of_everyone_are_few():
    everyone = [q.id for q in QUESTIONS.questions if q.everyone]
    assert sorted(everyone) == sorted(EVERYONE) and len(everyone) <= MAX_EVERYONE


def test_someone_who_comes_for_calm_gets_the_mood_questions_after_the_body():
    plain = ids("my neck is stiff")
    calm = ids("my neck is stiff, so stressed and I can't sleep")
    assert calm[:len(plain)] == plain  # no body question gave way
    extra = calm[len(plain):]
    assert extra[0] == "mood.acted" and len(extra) == MOOD_AFTER_A_BODY
    assert {"mood.perception", "mood.dependence", "mood.not_coping",
            "mood.heart_spells"} <= set(extra)
    assert len(calm) <= MAX_ASKED


@pytest.mark.parametrize("text", [
    "back is tight, been smoking a lot more weed lately",
    "I've been chosen, the adverts on the bus speak to me. lower back a bit tight",
    "taking double my pregabalin, legs ache",
    "since the assault I have nightmares most nights, neck is stiff",
    "my heart keeps fluttering some evenings, neck sore"])
def test_words_that_touch_the_mind_bring_the_mood_questions(text):
    """A voice, a pill or a nightmare told beside a sore back gets asked about, though no
    goal of calm or sleep was named."""
    asked = ids(text)
    assert {"mood.acted", "mood.perception", "mood.dependence"} <= set(asked)


def test_a_sprained_ankle_is_not_asked_about_voices():
    asked = ids("sprained my ankle at football on saturday")
    assert "mood.danger_now" in asked and "mood.perception" not in asked


def test_no_sore_place_named_brings_every_mood_question():
    asked = ids("I just feel awful and can't cope")
    assert {q.id for q in QUESTIONS.group("mood")} <= set(asked)
    assert any(q.startswith("general.") for q in asked)


@pytest.mark.parametrize(("question", "verdict"), [
    ("mood.danger_now", "urgent"), ("mood.acted", "urgent"), ("mood.harmed", "see_doctor"),
    ("mood.self_harm", "see_doctor"), ("mood.not_coping", "see_doctor")])
def test_a_yes_to_a_mind_question_stops_the_routine(question, verdict):
    out = screen("my neck is stiff, so stressed and I can't sleep",
                 Answers(questions={question: True}))
    assert out.verdict == verdict


def test_it_merges_checklists_for_several_areas_without_asking_a_topic_twice():
    asked = ids("stiff neck and a headache")
    assert any(q.startswith("neck.") for q in asked)
    assert any(q.startswith("headache.") for q in asked)
    topics = [QUESTIONS.by_id(q).key for q in asked]
    assert len(topics) == len(set(topics))


def test_the_body_map_chooses_the_checklist_when_there_is_no_text():
    asked = ids("", regions=["calves"])
    assert "legs.one_leg_swollen" in asked


def test_questions_for_over_50s_are_left_out_when_the_person_is_younger():
    assert "headache.new_after_50" in ids("headache")
    assert "headache.new_after_50" not in ids("headache", answers=Answers(age=30))
    assert "headache.new_after_50" in ids("headache", answers=Answers(age=64))


def test_pregnancy_brings_its_own_questions():
    asked = ids("I'm 30 weeks pregnant and my lower back aches")
    assert "pregnancy.pre_eclampsia" in asked
    assert "abdomen.pregnancy" not in asked  # a caution already known adds nothing


def test_an_emergency_in_the_text_asks_nothing():
    out = screen("crushing chest pain and my arm is numb")
    assert out.verdict == "urgent" and out.questions == [] and out.complete


def test_a_yes_escalates_with_the_question_as_evidence():
    out = screen("my lower back aches", Answers(questions={"back.bladder_bowel": True}))
    assert out.verdict == "urgent"
    flag = next(f for f in out.red_flags if f.id == "back.bladder_bowel")
    assert "bladder" in flag.evidence and flag.source.startswith("NICE")


def test_a_no_never_cancels_what_the_text_shows():
    text = "lower back pain and I can't feel my bum when I wipe"
    assert screen(text).verdict == "urgent"
    out = screen(text, Answers(questions={"back.saddle_numbness": False}))
    assert out.verdict == "urgent"


def test_a_caution_question_adds_its_avoid_list_and_conditions():
    out = screen("bit constipated", Answers(questions={"abdomen.surgery_or_hernia": True}))
    assert out.verdict == "caution" and "abdomen" in out.avoid
    out = screen("tight calves", Answers(questions={"legs.blood_thinners": True}))
    assert "bleeding_risk" in out.conditions and "deep_pressure" in out.avoid


def test_none_of_these_answers_every_question_no_and_completes_the_check():
    open_check = screen("neck stiff from the desk")
    assert not open_check.complete and all(q.answer is None for q in open_check.questions)
    done = screen("neck stiff from the desk", rest_no=True)
    assert done.complete and all(q.answer is False for q in done.questions)
    assert done.verdict == "ok"


def test_none_of_these_keeps_the_yes_already_given():
    out = screen("neck stiff", Answers(questions={"neck.arm_numbness": True}), rest_no=True)
    assert out.complete and out.verdict == "see_doctor"


def test_an_unknown_question_id_is_an_error_naming_it():
    with pytest.raises(UnknownQuestion, match="back.nope"):
        screen("sore back", Answers(questions={"back.nope": False}))


def test_text_it_cannot_place_is_said_so_and_asks_for_the_area():
    out = screen("asdf qwer")
    assert not out.understood
    assert "body map" in out.message


@pytest.mark.parametrize(("body", "expected"), [
    ("- id: back.x\n  ask: Is it?\n  why: because it matters\n  source: somewhere\n"
     "  verdict: urgent\n  message: a message long enough to read\n", "ask"),
    ("- id: neck.x\n  ask: Is this a question long enough?\n  why: because it matters\n"
     "  source: somewhere\n  verdict: urgent\n  message: a message long enough to read\n",
     "must start with its group"),
    ("- id: back.x\n  ask: Is this a question long enough?\n  why: because it matters\n"
     "  source: somewhere\n  verdict: caution\n  message: a message long enough to read\n",
     "must say what to avoid"),
    ("- id: back.x\n  ask: Is this a question long enough?\n  why: because it matters\n"
     "  source: somewhere\n  verdict: ok\n  message: a message long enough to read\n",
     "must raise the verdict"),
    ("not: [a list\n", "cannot read"),
])
def test_a_bad_question_file_names_the_file_and_question(tmp_path, body, expected):
    path = tmp_path / "back.yaml"
    path.write_text(body)
    with pytest.raises(QuestionError, match=expected) as caught:
        load_question_files([path])
    assert "back.yaml" in str(caught.value)


def test_a_checklist_longer_than_the_limit_is_refused(tmp_path):
    entry = ("- id: back.q{n}\n  ask: Is this question number {n} true?\n  why: because it matters\n"
             "  source: somewhere\n  verdict: see_doctor\n  message: a message long enough to read\n")
    path = tmp_path / "back.yaml"
    path.write_text("".join(entry.format(n=n) for n in range(MAX_PER_GROUP + 1)))
    with pytest.raises(QuestionError, match="at most"):
        load_question_files([path])


def test_questions_kept_to_an_age_are_counted_at_each_age(tmp_path):
    """The limit is on what one person is asked: a baby's questions and a schoolchild's
    may share a file as long as no age is asked more than the limit."""
    entry = ("- id: child.q{n}\n  ask: Is this question number {n} true?\n  why: because it matters\n"
             "  source: somewhere\n  verdict: see_doctor\n  {age}\n"
             "  message: a message long enough to read\n")
    # (the shared ones from one; the baby's under one; the older child's from two)
    shared = MAX_PER_GROUP - 2
    body = "".join(entry.format(n=n, age="min_age: 1") for n in range(shared))
    body += "".join(entry.format(n=shared + n, age="max_age: 1") for n in range(2))
    body += "".join(entry.format(n=shared + 2 + n, age="min_age: 2") for n in range(2))
    path = tmp_path / "child.yaml"
    path.write_text(body)
    assert len(load_question_files([path]).questions) == MAX_PER_GROUP + 2
    path.write_text(body + entry.format(n=99, age="min_age: 1"))
    with pytest.raises(QuestionError, match="for one age"):
        load_question_files([path])


def test_a_toddlers_check_asks_about_green_sick_a_fit_and_a_painful_testicle():
    asked = ids("my 2 year old has a sore tummy, can i rub it")
    assert {"child.belly", "child.fit_or_stiff_neck", "child.fluids", "child.limp"} <= set(asked)
    out = screen("my 2 year old has a sore tummy, can i rub it",
                 Answers(questions={"child.belly": True}))
    assert out.verdict == "urgent"


def test_more_questions_asked_of_everyone_than_the_limit_are_refused(tmp_path):
    """Each is asked of every person every time: a fourth would lengthen every checklist."""
    entry = ("- id: mood.q{n}\n  everyone: true\n  ask: Is this question number {n} true?\n"
             "  why: because it matters\n  source: somewhere\n  verdict: see_doctor\n"
             "  message: a message long enough to read\n")
    path = tmp_path / "mood.yaml"
    path.write_text("".join(entry.format(n=n) for n in range(MAX_EVERYONE + 1)))
    with pytest.raises(QuestionError, match="asked of everyone"):
        load_question_files([path])


# The children's checklist: a child's red flags are not an adult's (NICE NG143, CKS limp).
@pytest.mark.parametrize("text", [
    "my 4 month old is all blocked up, can i massage her chest",
    "baby massage for my 6 week old, she has wind",
    "can i massage my baby, she is 3 months and colicky",
])
def test_a_baby_is_asked_a_babys_questions_and_no_adults(text):
    asked = ids(text)
    assert {"child.breathing", "child.floppy", "child.baby_fever", "child.feeds",
            "child.fit_or_stiff_neck", "child.belly"} <= set(asked)
    assert "child.fluids" not in asked  # the baby's feeds ask it, in a baby's words
    assert asked.index("child.breathing") < asked.index("mood.danger_now")
    # no blood thinners, chest pain on effort or a limp asked of a baby
    assert not [q for q in asked if q.split(".")[0] in ("chest_arms", "legs", "back", "abdomen")]
    assert "child.limp" not in asked


def test_a_school_child_is_asked_the_childrens_questions_beside_the_areas():
    asked = ids("my son is 8 and his legs ache at night after football")
    assert asked[2:4] == ["child.breathing", "child.floppy"]  # the main complaint: two a turn
    assert "child.limp" in asked and any(q.startswith("legs.") for q in asked)
    assert "child.baby_fever" not in asked and "child.feeds" not in asked  # a baby's only
    assert "mood.acted" not in asked  # no adult's low point read into a child's aches


@pytest.mark.parametrize("text", [
    "up all night with the baby, my neck is stiff",
    "my wife just had a baby and her back aches",
    "my son is 34 and his back hurts",
    "my daughter is 17 and gets tension headaches before exams",
])
def test_a_parent_a_grown_child_or_a_new_mother_gets_no_childrens_questions(text):
    assert not [q for q in ids(text) if q.startswith("child.")]


@pytest.mark.parametrize(("question", "verdict"), [
    ("child.breathing", "urgent"), ("child.baby_fever", "urgent"), ("child.swallowed", "urgent"),
    ("child.limp", "see_doctor"), ("child.feeds", "see_doctor"), ("child.wheeze", "see_doctor"),
    ("child.fit_or_stiff_neck", "urgent"), ("child.belly", "urgent"),
])
def test_a_yes_to_a_childs_question_stops_the_routine(question, verdict):
    text = ("my 7 month old has a cold, can i rub his back" if question != "child.limp"
            else "my 6 year old's knee hurts, can i rub it")
    assert question in ids(text)
    out = screen(text, Answers(questions={question: True}))
    assert out.verdict == verdict


def test_a_babys_age_in_weeks_brings_the_babys_questions_even_beside_the_parents_neck():
    text = ("baby is 5 weeks and seems warm tonight, fed a bit less, thought a tummy massage "
            "might settle her, and maybe something for my neck after")
    asked = ids(text)
    assert "child.baby_fever" in asked
    assert screen(text, Answers(questions={"child.baby_fever": True})).verdict == "urgent"


@pytest.mark.parametrize("text", [
    "my three year old has a sore tummy, can i massage it",
    "my five-year-old daughter has achy legs at night",
    "bubs has colic, any gentle tummy massage?",
    "my 2 and a half year old has tight calves",
    "my grandson is in reception and has tummy ache, gentle massage ideas?",
    "my 13 y.o. has a sore back from his school bag",
])
def test_a_child_told_in_words_or_school_years_gets_the_childrens_questions(text):
    assert any(q.startswith("child.") for q in ids(text))


@pytest.mark.parametrize("text", [
    "my wife's lower back is killing her, she is 20 weeks pregnant",
    "my grown up son hurt his back carrying his toddler up the stairs",
    "my uncle's neck is sore from carrying his toddler on his shoulders",
    "my neck is killing me from rocking my 4 month old to sleep every night",
    "had my baby 3 weeks ago, back aching",
])
def test_an_adult_beside_a_child_gets_no_childrens_questions(text):
    assert not [q for q in ids(text) if q.startswith("child.")]


def test_a_toddler_told_in_months_is_not_asked_a_babys_questions():
    asked = ids("my 30 month old has a sore tummy and is constipated")
    assert "child.fluids" in asked and "child.baby_fever" not in asked
    assert "child.feeds" not in asked


def test_a_young_childs_questions_open_the_check_before_the_two_asked_of_everyone():
    asked = ids("my 18 month old has a tummy ache, can i rub it")
    assert asked[0] == "child.breathing"
    # (the emergency question stays: it alone asks about a drooping face or a weak arm)
    assert asked.index("always.emergency_signs") > asked.index("child.fluids")
    assert asked.index("always.pain_signs") > asked.index("child.fluids")
    # a school child and an adult keep the opening pair
    assert ids("my son is 9 and his back aches")[:2] == ["always.emergency_signs", "always.pain_signs"]
    assert ids("my lower back aches")[:2] == ["always.emergency_signs", "always.pain_signs"]


def test_pain_between_the_shoulder_blades_is_asked_about_night_pain_early():
    """Night pain is one of the questions a back's check asks last; between the shoulder
    blades it is asked among the first (the question names its areas)."""
    asked = ids("deep ache between my shoulder blades, there day and night")
    assert "back.night_rest_pain" in asked
    assert asked.index("back.night_rest_pain") < asked.index("back.leg_weakness")
    lower = ids("lower back sore from gardening")
    assert lower.index("back.night_rest_pain") > lower.index("back.leg_weakness")
