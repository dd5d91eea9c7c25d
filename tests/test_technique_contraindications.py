"""Each technique's own contraindications (issue 6 §4): data in every library file,
checked by the lint, enforced by the planner, and carried to the person as a
one-line "stop if" with every step."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unknot.intake.screen import IntakeResult, screen
from unknot.library.lint import lint_library
from unknot.library.loader import TECHNIQUES_DIR, LibraryError, default_library, load_library_dir
from unknot.library.schema import STOP_IF_MAX
from unknot.planner import PlanRequest, build_plan, plan_for
from unknot.vocabulary import (
    CONDITIONS,
    GOALS,
    PRESSURES,
    REGIONS,
    SETTING_POSITIONS,
    SETTINGS,
    TOOLS,
)

LIBRARY = default_library()
PREGNANT_BACK = "I'm 20 weeks pregnant and my lower back aches"

# Words that make the screen report each condition, to build realistic requests.
CONDITION_TEXTS = {
    "pregnancy": "I'm 12 weeks pregnant",
    "late_pregnancy": "I'm 30 weeks pregnant",
    "postpartum": "I had a baby three weeks ago",
    "bleeding_risk": "I take warfarin",
    "fragile_bones": "I have osteoporosis",
    "lost_sensation": "I have neuropathy in my feet",
    "cancer": "I'm having chemo for breast cancer",
    "frailty": "I'm 88 and frail",
    "recent_surgery": "I had knee surgery two weeks ago",
    "varicose_veins": "I have varicose veins",
    "hernia": "I have a hernia",
}
COMPLAINTS = [
    "my neck is stiff from the desk", "shoulders tight", "can't sleep", "sore calves after a run",
    "my lower back aches", "bit constipated", "tired feet", "tension headache coming",
    "hands sore from typing", "stressed out",
]

options = st.fixed_dictionaries({
    "minutes": st.integers(1, 60),
    "tools": st.lists(st.sampled_from(TOOLS), max_size=5, unique=True),
    "setting": st.sampled_from(SETTINGS),
    "pressure": st.sampled_from(PRESSURES),
    "regions": st.lists(st.sampled_from(REGIONS), max_size=3, unique=True),
    "goals": st.lists(st.sampled_from(GOALS), max_size=2, unique=True),
    "seed": st.integers(0, 10_000),
})
condition_sets = st.sets(st.sampled_from(CONDITIONS), min_size=1)
PROFILE = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_nothing_ruled_out(plan, conditions: set[str]) -> None:
    for step in plan.steps:
        technique = LIBRARY.get(step.technique)
        hit = set(technique.contraindications) & conditions
        assert not hit, f"{step.technique} is not for {sorted(hit)}"
        if "late_pregnancy" in conditions:
            assert step.position != "lying", step.technique


def with_conditions(intake: IntakeResult, conditions: set[str]) -> IntakeResult:
    """The intake as if the screen had found exactly `conditions` and nothing to avoid.

    Leaving `avoid` empty takes away the modality and region rules, so only the
    techniques' own contraindications stand between the person and the move.
    """
    return intake.model_copy(update={
        "conditions": [c for c in CONDITIONS if c in conditions], "avoid": [], "cautions": [],
        "verdict": "caution"})


@PROFILE
@given(condition_sets, st.sampled_from(COMPLAINTS), options)
def test_no_step_is_ever_ruled_out_by_a_condition_of_the_person(conditions, complaint, chosen):
    request = PlanRequest(text=complaint, **chosen)
    plan = plan_for(request, with_conditions(screen(complaint), conditions))
    assert plan.total_seconds == chosen["minutes"] * 60 == sum(s.seconds for s in plan.steps)
    assert_nothing_ruled_out(plan, conditions)
    for step in plan.steps:
        assert step.position in SETTING_POSITIONS[chosen["setting"]]


@PROFILE
@given(st.sets(st.sampled_from(sorted(CONDITION_TEXTS)), min_size=1, max_size=3),
       st.sampled_from(COMPLAINTS), options)
def test_conditions_said_in_words_keep_their_moves_out(said, complaint, chosen):
    text = ". ".join([*(CONDITION_TEXTS[c] for c in sorted(said)), complaint])
    plan = build_plan(PlanRequest(text=text, **chosen))
    assert_nothing_ruled_out(plan, set(plan.intake.conditions))


@pytest.mark.parametrize("setting", SETTINGS)
@pytest.mark.parametrize("seed", [0, 1, 2, 7])
def test_twenty_weeks_pregnant_with_back_ache_gets_nothing_lying_on_the_back(setting, seed):
    plan = build_plan(PlanRequest(text=PREGNANT_BACK, setting=setting, seed=seed, minutes=15,
                                  tools=["tennis_ball", "foam_roller"]))
    assert {"pregnancy", "late_pregnancy"} <= set(plan.intake.conditions)
    assert plan.steps
    used = {step.technique for step in plan.steps}
    assert not used & {"knees-to-chest", "lower-back-lying-rock", "lying-spinal-twist"}
    assert all(step.position != "lying" for step in plan.steps)
    assert_nothing_ruled_out(plan, set(plan.intake.conditions))


def test_the_pregnant_plan_says_why_lying_down_was_left_out():
    plan = build_plan(PlanRequest(text=PREGNANT_BACK, setting="floor", minutes=10))
    reasons = " ".join(step.why for step in plan.steps)
    assert "20 weeks of pregnancy" in reasons and "lying" in reasons
    assert "Left out for pregnancy" in reasons


@pytest.mark.parametrize("seed", range(6))
def test_a_warfarin_user_gets_no_massage_gun_or_foam_roller(seed):
    tools = ["massage_gun", "foam_roller", "handheld_massager", "tennis_ball"]
    text = "I take warfarin, my calves and thighs are sore after a run and my back is stiff"
    plan = build_plan(PlanRequest(text=text, tools=tools, setting="floor", seed=seed, minutes=20))
    assert "bleeding_risk" in plan.intake.conditions and plan.steps
    assert_nothing_ruled_out(plan, {"bleeding_risk"})
    for step in plan.steps:
        assert not {"massage_gun", "foam_roller", "handheld_massager"} & set(step.tools)


@pytest.mark.parametrize("seed", range(6))
def test_bleeding_risk_alone_keeps_guns_and_rollers_out(seed):
    # Without the screen's "no deep pressure, no percussion", the data alone must hold.
    request = PlanRequest(regions=["calves", "thighs", "middle_back"], goals=["recovery"],
                          tools=["massage_gun", "foam_roller"], setting="floor", seed=seed,
                          minutes=20, pressure="firm")
    plan = plan_for(request, with_conditions(screen("sore legs"), {"bleeding_risk"}))
    assert plan.steps
    for step in plan.steps:
        assert not {"massage_gun", "foam_roller"} & set(step.tools), step.technique
    unguarded = plan_for(request, with_conditions(screen("sore legs"), set()).model_copy(
        update={"conditions": []}))
    assert {"massage_gun", "foam_roller"} & {t for s in unguarded.steps for t in s.tools}


def test_every_step_of_the_plan_json_carries_its_stop_if_line():
    plan = build_plan(PlanRequest(text="neck and shoulders tight", minutes=12,
                                  tools=["tennis_ball", "wall"]))
    data = plan.model_dump(mode="json")
    assert data["steps"]
    for step in data["steps"]:
        assert step["stop_if"] == LIBRARY.get(step["technique"]).stop_if
        assert step["stop_if"].startswith("Stop ") and len(step["stop_if"]) <= STOP_IF_MAX


def test_every_technique_names_its_contraindications_and_a_stop_line():
    for technique in LIBRARY.techniques:
        raw = yaml.safe_load((TECHNIQUES_DIR / f"{technique.id}.yaml").read_text("utf-8"))
        assert "contraindications" in raw and "stop_if" in raw, technique.id
        assert set(technique.contraindications) <= set(CONDITIONS)
    by_id = LIBRARY.by_id
    assert {"late_pregnancy", "fragile_bones"} <= set(by_id["knees-to-chest"].contraindications)
    for gun in ("calf-massage-gun", "thigh-massage-gun", "glute-massage-gun"):
        assert {"bleeding_risk", "fragile_bones"} <= set(by_id[gun].contraindications)
    assert {"pregnancy", "hernia"} <= set(by_id["abdomen-colon-strokes"].contraindications)
    assert by_id["paced-breathing"].contraindications == []


def _folder(tmp_path: Path, change, name: str = "temple-palm-lift.yaml") -> Path:
    source = TECHNIQUES_DIR / name
    raw = yaml.safe_load(source.read_text("utf-8"))
    change(raw)
    folder = tmp_path / "lib"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(yaml.safe_dump(raw), encoding="utf-8")
    return folder


@pytest.mark.parametrize(("change", "expected"), [
    (lambda r: r.pop("contraindications"), "temple-palm-lift.yaml: contraindications: Field required"),
    (lambda r: r.pop("stop_if"), "temple-palm-lift.yaml: stop_if: Field required"),
    (lambda r: r.update(stop_if="   "), "temple-palm-lift.yaml: stop_if: Value error, is empty"),
    (lambda r: r.update(stop_if="Stop " + "now and " * 20 + "rest."),
     f"temple-palm-lift.yaml: stop_if: String should have at most {STOP_IF_MAX} characters"),
    (lambda r: r.update(stop_if="Stop if it hurts.\nThen rest."), "temple-palm-lift.yaml: stop_if"),
    (lambda r: r.update(contraindications=["pregnant"]),
     "temple-palm-lift.yaml: contraindications.0"),
])
def test_the_lint_rejects_a_file_without_its_contraindications_or_stop_line(
        tmp_path, change, expected):
    folder = _folder(tmp_path, change)
    with pytest.raises(LibraryError) as caught:
        load_library_dir(folder)
    assert expected in str(caught.value)
    report = lint_library(folder, rule_ids=set())
    assert any(expected in problem for problem in report.problems), report.problems


def test_the_lint_names_a_massage_gun_that_forgets_blood_thinners(tmp_path):
    folder = _folder(tmp_path, lambda r: r.update(contraindications=["cancer"]),
                     name="calf-massage-gun.yaml")
    report = lint_library(folder, rule_ids=set())
    assert any(problem.startswith("calf-massage-gun.yaml: contraindications: a massage gun")
               and "bleeding_risk" in problem and "fragile_bones" in problem
               for problem in report.problems), report.problems


def test_the_lint_names_a_lying_on_the_back_move_that_forgets_late_pregnancy(tmp_path):
    folder = _folder(tmp_path, lambda r: r.update(contraindications=["fragile_bones"]),
                     name="lying-spinal-twist.yaml")
    report = lint_library(folder, rule_ids=set())
    assert ("lying-spinal-twist.yaml: contraindications: lying on the back or face down must "
            "name late_pregnancy") in report.problems


def test_a_plan_saved_before_steps_had_their_own_line_still_loads_with_a_general_one():
    from unknot.planner import Plan
    from unknot.planner.model import GENERIC_STOP_IF

    data = build_plan(PlanRequest(text="stiff neck", minutes=3)).model_dump(mode="json")
    for step in data["steps"]:
        del step["stop_if"]
    old = Plan.model_validate(data)
    assert {step.stop_if for step in old.steps} == {GENERIC_STOP_IF}
    assert GENERIC_STOP_IF.startswith("Stop ") and len(GENERIC_STOP_IF) <= STOP_IF_MAX
