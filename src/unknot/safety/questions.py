"""Safety questions as data: the short red-flag checklist a clinician would run.

Free text alone misses red flags that people describe in their own words, so the
intake also asks, per complaint, the few questions that decide whether
self-massage is safe (SPEC §4 "Safety questions"). One file per group in
`data/questions/*.yaml`, most decisive question first. A "yes" is a finding like
a fired rule (id, verdict or avoid list, message, source); a "no" never cancels
what the text shows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from unknot.safety.datafiles import load_entries
from unknot.vocabulary import HealthCondition, Modality, Region, Verdict

QUESTIONS_DIR = Path(__file__).parent / "data" / "questions"

QuestionGroup = Literal["always", "headache", "neck", "back", "abdomen", "legs", "chest_arms",
                        "pregnancy", "general", "mood", "child"]

# "At most about eight questions" per complaint: a worried person answers a short list
# carefully. The two asked of everyone (emergency signs, and pain that needs a doctor
# whatever its place) come on top.
MAX_QUESTIONS = 11
MAX_PER_GROUP = 9

# Which checklists a complaint calls for. Several groups are merged turn by turn,
# the group of the first-named area first and, being the main complaint, two
# questions a turn.
REGION_GROUPS: dict[str, tuple[str, ...]] = {
    "head": ("headache",), "scalp": ("headache",), "forehead": ("headache",),
    "temples": ("headache",), "face": ("headache",), "jaw": ("headache", "chest_arms"),
    "neck": ("neck",), "shoulders": ("neck",),
    "upper_back": ("back", "chest_arms"), "middle_back": ("back",), "lower_back": ("back",),
    "glutes": ("back",), "hips": ("back", "legs"),
    "abdomen": ("abdomen",),
    # Arm and hand trouble often starts at the neck (a trapped nerve, the spinal cord).
    "chest": ("chest_arms",), "arms": ("neck", "chest_arms"), "forearms": ("neck", "chest_arms"),
    "hands": ("neck", "chest_arms"),
    "thighs": ("legs",), "knees": ("legs",), "calves": ("legs",), "feet": ("legs",),
}
GOAL_GROUPS: dict[str, tuple[str, ...]] = {
    "headache_relief": ("headache",), "digestion": ("abdomen",), "recovery": ("legs",),
    "circulation": ("legs",),
}
# Coming for calm or sleep adds the mood questions whatever the area: a tense neck and a
# racing mind often arrive together. They come after the body's whole checklist, never in
# place of one of its questions (a head-injury or a tearing-pain question must not give way).
MOOD_GOALS = frozenset({"stress_relief", "sleep", "relaxation"})
MOOD_AFTER_A_BODY = 5
# Questions asked of everyone whatever the complaint (`everyone: true`: a life in danger,
# thoughts of self-harm, harm at home), after the body's checklist. Kept few: each is asked
# of every person every time.
MAX_EVERYONE = 3
# The most a checklist holds: the body's questions, the ones asked of everyone, and for
# someone who comes for calm the mood questions after them.
MAX_ASKED = MAX_QUESTIONS + MAX_EVERYONE + MOOD_AFTER_A_BODY
# Under this age a child is asked only the children's questions (NICE NG143's age group).
YOUNG_CHILD = 5


class QuestionError(ValueError):
    """A question file is unreadable or a question is malformed; the message names both."""


class Question(BaseModel):
    """One yes/no question and what a "yes" means."""

    # Built from their prepared form (`unknot.prepared`) in a command, not validated: their
    # validators are made on first use rather than at import (a command starts sooner).
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    id: str = Field(pattern=r"^[a-z0-9_]+\.[a-z0-9_]+$", description="group.name, stable.")
    group: QuestionGroup
    ask: str = Field(min_length=10, max_length=200, description="Plain words, one question.")
    why: str = Field(min_length=10, max_length=300)
    source: str = Field(min_length=5)
    topic: str | None = Field(default=None, description="Questions of one topic are asked once "
                                                        "when several checklists merge.")
    verdict: Verdict = Field(description="What a yes means.")
    avoid: list[Region | Modality] = Field(default_factory=list)
    conditions: list[HealthCondition] = Field(
        default_factory=list, description="Conditions a yes shows; the question is not asked "
                                          "when one of them is already known.")
    message: str = Field(min_length=20, description="What to tell the person after a yes.")
    min_age: int | None = Field(default=None, ge=1, le=120,
                                description="Asked only when the age is unknown or at least this.")
    max_age: int | None = Field(default=None, ge=1, le=120,
                                description="Asked only when the age is unknown or below this "
                                            "(a baby's or a young child's question).")
    everyone: bool = Field(default=False, description="Asked in every checklist, whatever the "
                                                      "complaint, after the body's questions.")
    regions: list[Region] = Field(
        default_factory=list,
        description="Areas this question belongs to: when the complaint is in one of them, it "
                    "is asked right after its group's first two (a child's limp when the legs "
                    "ache), before questions of other places.")

    @model_validator(mode="after")
    def _verdict_and_avoid(self) -> Question:
        if self.verdict == "ok":
            raise ValueError("a yes must raise the verdict: caution, see_doctor or urgent")
        if self.verdict == "caution" and not (self.avoid or self.conditions):
            raise ValueError("a caution must say what to avoid or which condition it shows")
        if self.verdict != "caution" and self.avoid:
            raise ValueError("only a caution carries an avoid list")
        if not self.id.startswith(self.group + "."):
            raise ValueError(f"the id must start with its group: {self.group}.")
        return self

    @property
    def key(self) -> str:
        return self.topic or self.id


@dataclass(frozen=True)
class QuestionSet:
    questions: tuple[Question, ...]

    def by_id(self, question_id: str) -> Question | None:
        return self._index.get(question_id)

    @cached_property
    def _index(self) -> dict[str, Question]:
        # Built once: every answer of every request is looked up here.
        return {q.id: q for q in self.questions}

    def group(self, name: str) -> list[Question]:
        return list(self._groups.get(name, ()))

    @cached_property
    def _groups(self) -> dict[str, tuple[Question, ...]]:
        # Built once: every checklist asks for several groups.
        groups: dict[str, list[Question]] = {}
        for question in self.questions:
            groups.setdefault(question.group, []).append(question)
        return {name: tuple(found) for name, found in groups.items()}

    def select(self, regions: Iterable[str], goals: Iterable[str], age: int | None,
               known_conditions: Iterable[str], mind: bool = False,
               child: bool = False) -> list[Question]:
        """The checklist for a complaint: its groups' questions, most decisive first,
        merged turn by turn, each topic once, at most MAX_QUESTIONS; then the questions asked
        of everyone; then, when someone comes for calm or sleep, names no sore place, or
        says anything that touches the mind (`mind`), the other mood questions. For a
        `child` the children's questions lead, as the main complaint."""
        goals, regions = list(goals), list(regions)
        groups: list[str] = []
        for region in regions:
            groups.extend(REGION_GROUPS.get(region, ()))
        if not groups:
            # Goals choose a checklist only when no area does: "after gardening" reads as
            # recovery, but a sore back still gets the back's questions, not the legs'.
            for goal in goals:
                groups.extend(GOAL_GROUPS.get(goal, ()))
        known = set(known_conditions)
        if known & {"pregnancy", "late_pregnancy"}:
            groups.insert(0, "pregnancy")
        groups = list(dict.fromkeys(groups or ["general"]))
        if child:
            # The children's questions stand for the general ones when no area is named, and
            # for every adult checklist under five (a baby has no blood thinners or
            # tearing back pain to ask about).
            young = age is not None and age < YOUNG_CHILD
            groups = ["child"] + [g for g in groups if g != "general" and not young]
        opening: list[Question] = list(self.group("always"))
        # A young child's own questions open the check, the two asked of everyone after them
        # (the emergency one still asks about a drooping face or a weak arm, which no child's
        # question does).
        young = child and age is not None and age < YOUNG_CHILD
        chosen: list[Question] = [] if young else list(opening)
        topics: set[str] = {q.key for q in opening}
        named = set(regions)
        queues = [_complaint_first([q for q in self.group(g)
                                    if not q.everyone and _applies(q, age, known)], named)
                  for g in groups]
        while any(queues) and len(chosen) < MAX_QUESTIONS:
            for turn, queue in enumerate(queues):
                # The main complaint two a turn.
                for _ in range(2 if turn == 0 and len(queues) > 1 else 1):
                    while queue and len(chosen) < MAX_QUESTIONS:
                        question = queue.pop(0)
                        if question.key not in topics:
                            topics.add(question.key)
                            chosen.append(question)
                            break
        if young:
            chosen += opening
        later = list(self._everyone)
        # Nothing about the body named at all: people who come to a massage coach with no sore
        # place are often at a low point, so the mood questions are asked then too.
        if mind or groups == ["general"] or MOOD_GOALS.intersection(goals):
            later += [q for q in self.group("mood")
                      if not q.everyone and _applies(q, age, known)][:MOOD_AFTER_A_BODY]
        for question in later:
            if question.key not in topics:
                topics.add(question.key)
                chosen.append(question)
        return chosen

    @cached_property
    def _everyone(self) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if q.everyone and q.group != "always")


def _complaint_first(queue: list[Question], regions: set[str]) -> list[Question]:
    """The group's first two (its most decisive), then its questions of the complaint's own
    areas, then the rest, each in file order."""
    head, rest = queue[:2], queue[2:]
    mine = [q for q in rest if regions.intersection(q.regions)]
    return head + mine + [q for q in rest if q not in mine]


def _applies(question: Question, age: int | None, known: set[str]) -> bool:
    if question.min_age is not None and age is not None and age < question.min_age:
        return False
    if question.max_age is not None and age is not None and age >= question.max_age:
        return False
    # A caution already known from the text adds nothing when asked again; a question
    # whose yes needs a doctor is asked even so ("thin bones" with new back pain).
    return not (question.verdict == "caution" and known.intersection(question.conditions))


class UnknownQuestion(ValueError):
    """An answer names a question id that does not exist."""

    def __init__(self, ids: list[str]):
        self.ids = ids
        super().__init__("unknown safety question id: " + ", ".join(ids))


def check_answer_ids(questions: QuestionSet, answers: Mapping[str, bool]) -> None:
    unknown = sorted(qid for qid in answers if questions.by_id(qid) is None)
    if unknown:
        raise UnknownQuestion(unknown)


def load_question_files(paths: Iterable[Path]) -> QuestionSet:
    """Load and validate question files; the group is the file's name, ids are unique."""
    paths = sorted(paths)
    entries, errors = load_entries(paths, Question, "question",
                                   prepare=lambda path, item: {"group": path.stem, **item})
    everyone = [question.id for _, question in entries if question.everyone]
    if len(everyone) > MAX_EVERYONE:
        errors.append(f"{len(everyone)} questions are asked of everyone ({', '.join(everyone)}); "
                      f"keep to {MAX_EVERYONE} at most")
    for path in paths:
        group = [question for source, question in entries if source == path]
        # Questions kept to one age (a baby's feeds, a child's limp) are counted at each age:
        # the limit is on what one person is asked.
        asked = max(sum(1 for q in group if _applies(q, age, set())) for age in range(0, 121))
        if asked > MAX_PER_GROUP:
            errors.append(f"{path.name}: {asked} questions for one age; a checklist keeps to "
                          f"{MAX_PER_GROUP} at most, the most decisive first")
    questions = [question for _, question in entries]
    if errors:
        raise QuestionError("\n".join(errors))
    return QuestionSet(tuple(questions))


@lru_cache(maxsize=1)
def default_questions() -> QuestionSet:
    """The questions shipped with unknot (a prepared form, read afresh when a file changes:
    a command that screens a text then reads no YAML at all)."""
    from unknot import prepared

    files = sorted(QUESTIONS_DIR.glob("*.yaml"))
    return prepared.load("questions", files, lambda: load_question_files(files), QuestionSet)
