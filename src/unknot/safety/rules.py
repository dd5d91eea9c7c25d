"""Safety rules as data: schema and loading.

A rule file (`data/rules/*.yaml`) holds a list of rules. Each rule has an id,
a group, either a verdict (`urgent`, `see_doctor`) or `caution` with an avoid
list, the conditions that trigger it, a plain message, and its source. All
conditions must hold; a `text` condition holds when any of its patterns is
found, not denied, in the person's words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from unknot.safety.datafiles import load_entries
from unknot.vocabulary import HealthCondition, Modality, Region, Verdict

RULES_DIR = Path(__file__).parent / "data" / "rules"

Group = Literal["headache", "back", "neck", "abdomen", "legs", "contraindication",
                "chest_stroke", "seed003", "general"]


class RuleError(ValueError):
    """A rule file is unreadable or a rule is malformed; the message names file and rule."""


class Condition(BaseModel):
    """One thing that must hold. Exactly one field is set."""

    # Built from their prepared form (`unknot.prepared`) in a command, not validated: their
    # validators are made on first use rather than at import (a command starts sooner).
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    text: list[str] | None = Field(default=None, min_length=1,
                                   description="Any of these patterns, not denied.")
    age_at_least: int | None = Field(default=None, ge=0, le=120)
    age_below: int | None = Field(default=None, ge=1, le=121)
    pain_at_least: int | None = Field(default=None, ge=0, le=10)
    pain_rising: Literal[True] | None = Field(
        default=None, description="Pain scores told over time keep going up (3/10, 4/10, 6/10).")
    pregnant: bool | None = None
    pregnancy_weeks_below: int | None = Field(default=None, ge=1, le=45)
    blood_pressure_at_least: tuple[Annotated[int, Field(ge=60, le=300)],
                                   Annotated[int, Field(ge=30, le=200)]] | None = Field(
        default=None, description="A reading written in the text reaching either number: "
                                  "[systolic, diastolic], e.g. [180, 120].")
    postpartum: bool | None = None
    duration_days_at_least: int | None = Field(default=None, ge=1)
    duration_days_below: int | None = Field(default=None, ge=1)
    paracetamol_a_day_at_least: int | None = Field(
        default=None, ge=1, description="Tablets of paracetamol-containing products taken in one "
                                        "day, added up across products and doses, at least this.")
    region: list[Region] | None = Field(default=None, min_length=1,
                                        description="The person complains of one of these.")

    @model_validator(mode="after")
    def _exactly_one(self) -> Condition:
        set_fields = [name for name in type(self).model_fields if getattr(self, name) is not None]
        if len(set_fields) != 1:
            raise ValueError(f"a condition sets exactly one of {list(type(self).model_fields)}; "
                             f"this one sets {set_fields or 'none'}")
        return self


class ExcuseGroup(BaseModel):
    """Excuses with their own overrulers (`Rule.excuse_groups`): "slept on my arm" explains a
    dead arm away unless a face or speech is told beside it, while a palsy long ago explains a
    drooping face away unless it dropped again today — one list of overrulers for both would
    undo one or the other."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    excuses: list[str] = Field(min_length=1)
    overruled_by: list[str] = Field(min_length=1)


class Rule(BaseModel):
    # Built from their prepared form (`unknot.prepared`) in a command, not validated: their
    # validators are made on first use rather than at import (a command starts sooner).
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    id: str = Field(pattern=r"^[a-z0-9]+(?:[.-][a-z0-9]+)+$")
    group: Group
    verdict: Verdict
    avoid: list[Region | Modality] = Field(default_factory=list)
    avoid_site: bool = Field(default=False, description="Also avoid the regions named beside "
                                                        "the evidence (a bruise on the thigh).")
    site_whole_limb: bool = Field(
        default=False,
        description="The site is the whole limb it is on: a fistula in the forearm or a line in "
                    "the hand leaves the arm, forearm and hand out. Only with avoid_site.")
    site_unless: list[str] = Field(
        default_factory=list,
        description="Patterns that, near the evidence, say there is no site to stay off any more "
                    "(\"fifteen years cancer-free\": pressure stays light, but there is no tumour or "
                    "treated area to leave out). Only with avoid_site.")
    when: list[Condition] = Field(min_length=1)
    unless: list[str] = Field(default_factory=list,
                              description="Patterns that, found in the same sentence as the "
                                          "evidence, show the rule does not apply.")
    excuses: list[str] = Field(
        default_factory=list,
        description="Patterns that, like `unless`, explain the evidence away when found in its "
                    "sentence (\"as a joke\", \"at judo\", \"play fighting\") — but an excuse, "
                    "unlike a cause, stands down when `excuses_overruled_by` is told in the same "
                    "sentence or the next (a bruise, fear, \"he says\"): a toddler's kick is "
                    "explained by the toddler whatever follows; \"for a laugh\" is not, beside "
                    "marks and fear.")
    excuses_overruled_by: list[str] = Field(
        default_factory=list,
        description="Patterns that show an excuse explains nothing away (see `excuses`).")
    excuse_groups: list[ExcuseGroup] = Field(
        default_factory=list,
        description="More excuses, each group with what overrules it (see `ExcuseGroup`).")
    history: Literal["lapses", "recent_counts", "always_counts", "state_counts",
                     "settled_counts"] = Field(
        default="lapses",
        description="When the text says the finding is over: `lapses` (it no longer counts), "
                    "`recent_counts` (a sign that passed still counts unless it was long ago: "
                    "a stroke sign, a sudden headache), `always_counts` (history itself is the "
                    "flag: a past cancer, thin bones), `state_counts` (a state that a good "
                    "check does not end — \"11 weeks pregnant, nothing wrong at the scan\" — "
                    "though long ago or resolved it lapses), `settled_counts` (as recent_counts, "
                    "and for a rule read for anyone too: a threat, a harm or a misuse that has "
                    "\"settled down\" is no less dangerous — \"he no longer cares\", \"things "
                    "calmed down\" — where a child's croup that is \"all better\" is over).")
    done_to_the_writer: bool = Field(
        default=False,
        description="The findings are acts done to someone (a blow, control, a threat): the "
                    "one who did it, named in the hit (\"bf gets physical when…\", \"he texts "
                    "40 times\"), is not whose finding it is. A hit that names no one else as "
                    "the one it is done to is the writer's.")
    medicine_taken: bool = Field(
        default=False,
        description="The rule's first text condition names a medicine taken or a long-term "
                    "condition had (lithium, warfarin, type 1 diabetes): a start told long ago "
                    "(\"started it 8 years ago\", \"diagnosed in 2009\") is still so now, so "
                    "that condition is not read as over (denial, the unless phrases and whose it "
                    "is still are).")
    about_anyone: bool = Field(
        default=False,
        description="Counts whoever it is about: a friend's goodbye and then silence, a "
                    "child left alone — someone's life is at risk, so the writer is told what "
                    "to do now, whoever the routine was for.")
    writer_counts: bool = Field(
        default=False,
        description="The writer's own finding counts even when the routine is for someone "
                    "else: a carer's thoughts of not going on, or nights without sleep, need "
                    "help whoever's shoulders are massaged.")
    conditions: list[HealthCondition] = Field(
        default_factory=list, description="Health conditions this finding shows; techniques that "
                                          "name one of them as a contraindication are never planned.")
    message: str = Field(min_length=20)
    source: str = Field(min_length=5)

    @model_validator(mode="after")
    def _verdict_and_avoid(self) -> Rule:
        if self.verdict == "ok":
            raise ValueError("a rule must raise the verdict: use caution, see_doctor or urgent")
        if self.verdict == "caution" and not (self.avoid or self.avoid_site):
            raise ValueError("a caution must say what to avoid (avoid or avoid_site)")
        if self.verdict != "caution" and (self.avoid or self.avoid_site):
            raise ValueError("only a caution carries an avoid list; a see_doctor or urgent "
                             "verdict gets no routine at all")
        if self.site_whole_limb and not self.avoid_site:
            raise ValueError("site_whole_limb needs avoid_site: it says how far the site reaches")
        if bool(self.excuses) != bool(self.excuses_overruled_by):
            raise ValueError("excuses and excuses_overruled_by go together: an excuse is an "
                             "explanation that what overrules it can cancel")
        if self.site_unless and not self.avoid_site:
            raise ValueError("site_unless needs avoid_site: it says when there is no site to avoid")
        if not any(condition.text for condition in self.when) and self.avoid_site:
            raise ValueError("avoid_site needs a text condition to find the site")
        return self


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]

    def by_id(self, rule_id: str) -> Rule | None:
        return next((rule for rule in self.rules if rule.id == rule_id), None)


def load_rule_files(paths: Iterable[Path]) -> RuleSet:
    """Load and validate rule files; ids must be unique across all of them."""
    entries, errors = load_entries(paths, Rule, "rule")
    rules = [rule for _, rule in entries]
    if errors:
        raise RuleError("\n".join(errors))
    return RuleSet(tuple(rules))


def rule_files() -> list[Path]:
    return sorted(RULES_DIR.glob("*.yaml"))


@lru_cache(maxsize=1)
def default_rules() -> RuleSet:
    """The rules shipped with unknot (a prepared form, read afresh when a file changes)."""
    from unknot import prepared

    files = rule_files()
    return prepared.load("rules", files, lambda: load_rule_files(files), RuleSet)
