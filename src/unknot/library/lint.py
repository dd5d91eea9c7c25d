"""`unknot library lint`: checks beyond the schema.

The schema checks each file alone; the lint checks the library as a whole:
unique ids, step seconds that fit the duration range, vocabulary coverage (every
region, goal, tool and position has techniques), minimum counts per kind, the
floor of contraindications a technique's own form implies (a massage gun is
never for blood thinners, belly work never in pregnancy …), and the coverage
checklist of `data/coverage.yaml` (each line of `shared/domain/coverage.md`
names what in the project satisfies it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from unknot.figures.lint import check_figures
from unknot.figures.spec import FIGURES_FILE
from unknot.library.loader import DATA_DIR, Library, LibraryError, load_library_dir
from unknot.library.schema import Technique
from unknot.vocabulary import CONDITIONS, GOALS, POSITIONS, REGIONS, ROLES, TOOLS

COVERAGE_FILE = DATA_DIR / "coverage.yaml"

# Minimum library size (issue 2 §2).
MINIMUM_BY_KIND = {"massage": 45, "stretch": 6}
MINIMUM_BREATHING_AND_MEDITATION = 4


class CoverageItem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    section: str
    line: str = Field(min_length=5)
    techniques: list[str] = Field(default_factory=list)
    rules: list[str] = Field(default_factory=list)
    features: list[str] = Field(default_factory=list)


@dataclass(frozen=True)
class LintReport:
    problems: list[str]
    notes: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


def _check_timing(library: Library) -> list[str]:
    problems = []
    for technique in library.techniques:
        total = technique.base_seconds
        if not technique.duration.min <= total <= technique.duration.max:
            problems.append(
                f"{technique.id}.yaml: steps: the steps add up to {total}s, outside the "
                f"duration range {technique.duration.min}–{technique.duration.max}s"
            )
        if not technique.steps[0].cues or technique.steps[0].cues[0].at != 0:
            problems.append(f"{technique.id}.yaml: steps.0.cues: the first step needs a cue at 0s "
                            "so the voice announces the technique")
    return problems


# Lying on the back or face down, said in a step (lying on the side is fine in pregnancy).
_ON_BACK_OR_FRONT = re.compile(r"\b(?:on your back|lie back|lying back|face down|on your front)\b",
                               re.IGNORECASE)
_ON_SIDE = re.compile(r"\b(?:or (?:your )?side|lie on (?:your|the first) side)\b", re.IGNORECASE)
_PERCUSSION_DEVICES = {"massage_gun", "handheld_massager"}
_BALLS = {"tennis_ball", "massage_ball"}
_ARMS = {"arms", "forearms", "hands"}
_LEGS = {"thighs", "calves"}


def contraindication_floor(technique: Technique) -> dict[str, str]:
    """Conditions a technique's form alone rules out, each with the reason.

    A careful therapist's minimum, worked out from tools, regions, positions and
    pressure; the files may name more (from each technique's own cautions).
    """
    floor: dict[str, str] = {}

    def need(conditions: tuple[str, ...], why: str) -> None:
        for condition in conditions:
            floor.setdefault(condition, why)

    if technique.needed_tools & _PERCUSSION_DEVICES:
        need(("pregnancy", "bleeding_risk", "fragile_bones", "lost_sensation", "cancer"),
             "a massage gun or handheld massager")
    if "foam_roller" in technique.tools:
        need(("bleeding_risk", "fragile_bones", "frailty"), "body weight on a foam roller")
    body_weight = "deep_pressure" in technique.modalities and not set(technique.regions) <= _ARMS
    if technique.needed_tools & _BALLS and body_weight:
        need(("bleeding_risk", "fragile_bones"), "body weight on a ball")
    if technique.kind == "massage" and "abdomen" in technique.regions:
        need(("pregnancy", "postpartum", "recent_surgery", "hernia"), "massage of the belly")
    if technique.positions == ["lying"]:
        words = " ".join(step.instruction for step in technique.steps)
        if _ON_BACK_OR_FRONT.search(words) and not _ON_SIDE.search(words):
            need(("late_pregnancy",), "lying on the back or face down")
    legs_worked_hard = "percussion" in technique.modalities or "light" not in technique.pressures
    if _LEGS & set(technique.regions) and legs_worked_hard and technique.kind == "massage":
        need(("varicose_veins",), "firm work or tapping on the legs")
    return floor


def _check_contraindications(library: Library) -> list[str]:
    problems = []
    for technique in library.techniques:
        named = set(technique.contraindications)
        by_reason: dict[str, list[str]] = {}
        for condition, why in contraindication_floor(technique).items():
            if condition not in named:
                by_reason.setdefault(why, []).append(condition)
        for why, missing in by_reason.items():
            ordered = [c for c in CONDITIONS if c in missing]
            problems.append(f"{technique.id}.yaml: contraindications: {why} must name "
                            f"{', '.join(ordered)}")
    return problems


def _check_vocabulary_coverage(library: Library) -> list[str]:
    problems = []
    used = {
        "region": {r for t in library.techniques for r in t.regions},
        "goal": {g for t in library.techniques for g in t.goals},
        "tool": {"hands"} | {x for t in library.techniques for x in t.tools},
        "position": {p for t in library.techniques for p in t.positions},
        "role": {r for t in library.techniques for r in t.roles},
    }
    expected = {"region": REGIONS, "goal": GOALS, "tool": TOOLS, "position": POSITIONS,
                "role": ROLES}
    for what, names in expected.items():
        for name in names:
            if name not in used[what]:
                problems.append(f"library: no technique covers the {what} {name!r}")
    counts: dict[str, int] = {}
    for technique in library.techniques:
        counts[technique.kind] = counts.get(technique.kind, 0) + 1
    for kind, minimum in MINIMUM_BY_KIND.items():
        if counts.get(kind, 0) < minimum:
            problems.append(f"library: {counts.get(kind, 0)} {kind} entries, at least {minimum} "
                            "needed")
    calm = counts.get("breathing", 0) + counts.get("meditation", 0)
    if calm < MINIMUM_BREATHING_AND_MEDITATION:
        problems.append(f"library: {calm} breathing or meditation segments, at least "
                        f"{MINIMUM_BREATHING_AND_MEDITATION} needed")
    return problems


def load_coverage(path: Path = COVERAGE_FILE) -> list[CoverageItem]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise LibraryError(f"{path.name}: cannot read: {exc}") from exc
    if not isinstance(raw, list):
        raise LibraryError(f"{path.name}: expected a list of coverage items")
    items = []
    for index, entry in enumerate(raw):
        try:
            items.append(CoverageItem.model_validate(entry))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise LibraryError(f"{path.name}: {index}.{where}: {first['msg']}") from exc
    return items


def _check_coverage_checklist(library: Library, items: list[CoverageItem],
                              rule_ids: set[str]) -> list[str]:
    problems = []
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            problems.append(f"coverage.yaml: {item.id}: id used twice")
        seen.add(item.id)
        if not (item.techniques or item.rules or item.features):
            problems.append(f"coverage.yaml: {item.id}: names nothing that covers it")
        for technique_id in item.techniques:
            if library.get(technique_id) is None:
                problems.append(f"coverage.yaml: {item.id}: no technique {technique_id!r}")
        for rule_id in item.rules:
            if rule_ids and rule_id not in rule_ids:
                problems.append(f"coverage.yaml: {item.id}: no safety rule {rule_id!r}")
    return problems


def _safety_data() -> tuple[set[str], list[str]]:
    """Rule ids, and the problems of the rule and question files (same schema checks as at
    start-up, so lint finds what would stop the app)."""
    from unknot.safety.engine import Engine
    from unknot.safety.questions import QUESTIONS_DIR, QuestionError, load_question_files
    from unknot.safety.rules import RULES_DIR, RuleError, load_rule_files
    from unknot.text.lexicon import load_lexicon

    problems: list[str] = []
    rule_ids: set[str] = set()
    try:
        rule_set = load_rule_files(RULES_DIR.glob("*.yaml"))
        rule_ids = {rule.id for rule in rule_set.rules}
        # Patterns compile only here: a rule naming an unknown concept loads fine.
        Engine(rule_set, load_lexicon())
    except RuleError as exc:
        problems += [f"rules: {line}" for line in str(exc).splitlines()]
    try:
        load_question_files(QUESTIONS_DIR.glob("*.yaml"))
    except QuestionError as exc:
        problems += [f"questions: {line}" for line in str(exc).splitlines()]
    return rule_ids, problems


def lint_library(directory: Path | None = None, coverage_path: Path = COVERAGE_FILE,
                 rule_ids: set[str] | None = None,
                 figures_path: Path = FIGURES_FILE) -> LintReport:
    """Run every check; a file that fails the schema is a problem, not a crash."""
    from unknot.library.loader import TECHNIQUES_DIR

    problems: list[str] = []
    try:
        library = load_library_dir(directory or TECHNIQUES_DIR)
    except LibraryError as exc:
        return LintReport(problems=str(exc).splitlines(), notes=[])
    problems += _check_timing(library)
    problems += _check_contraindications(library)
    problems += _check_vocabulary_coverage(library)
    if rule_ids is None:
        rule_ids, safety_problems = _safety_data()
        problems += safety_problems
    try:
        items = load_coverage(coverage_path)
    except LibraryError as exc:
        problems.append(str(exc))
        items = []
    problems += _check_coverage_checklist(library, items, rule_ids)
    problems += check_figures(library, figures_path)  # issue 8 §2: a figure of every move
    kinds: dict[str, int] = {}
    for technique in library.techniques:
        kinds[technique.kind] = kinds.get(technique.kind, 0) + 1
    notes = [f"{len(library.techniques)} entries: " +
             ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())),
             f"{len(items)} coverage lines checked"]
    return LintReport(problems=problems, notes=notes)
