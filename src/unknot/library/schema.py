"""Schema of a library entry: a massage technique, stretch, breathing or meditation segment.

Every file in `data/techniques/` is validated against `Technique` on load, so a
typo in a region or a cue past the end of its step is reported with the file
and the field instead of surfacing as a strange routine.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from unknot.vocabulary import (
    CONDITIONS,
    Goal,
    HealthCondition,
    Kind,
    Modality,
    Position,
    Pressure,
    Region,
    Role,
    Stroke,
    Tool,
)

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# The "stop if" line is shown under every step, on a phone too: one short line.
STOP_IF_MAX = 90

# Each health condition in plain words, as a technique page and a plan's reasons say it.
CONDITION_LABELS: dict[str, str] = {
    "pregnancy": "pregnancy",
    "late_pregnancy": "pregnancy from about 20 weeks",
    "postpartum": "the weeks after giving birth",
    "bleeding_risk": "blood thinners or a bleeding disorder",
    "fragile_bones": "thin or fragile bones (osteoporosis, long-term steroids)",
    "lost_sensation": "numbness or lost feeling",
    "cancer": "cancer or cancer treatment",
    "frailty": "frailty",
    "recent_surgery": "recent surgery",
    "varicose_veins": "varicose veins",
    "hernia": "a hernia",
}


def condition_words(conditions: list[str] | tuple[str, ...] | set[str] | frozenset[str]) -> list[str]:
    """The conditions in plain words, in vocabulary order ("pregnancy" covers late pregnancy)."""
    said = set(conditions)
    if "pregnancy" in said:
        said.discard("late_pregnancy")
    return [CONDITION_LABELS[c] for c in CONDITIONS if c in said]


class Strict(BaseModel):
    # Built from their prepared form (`unknot.prepared`) in a command, not validated: their
    # validators are made on first use rather than at import (a command starts sooner).
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Cue(Strict):
    """A short spoken line, said `at` seconds into its step."""

    at: int = Field(ge=0)
    say: str = Field(min_length=2, max_length=160)


class Step(Strict):
    """One instruction of a technique, with how long it takes and what the voice says."""

    seconds: int = Field(ge=3, le=600)
    instruction: str = Field(min_length=10, max_length=400)
    cues: list[Cue] = Field(default_factory=list)

    @model_validator(mode="after")
    def _cues_fit_inside_the_step(self) -> Step:
        for cue in self.cues:
            if cue.at >= self.seconds:
                raise ValueError(
                    f"cue at {cue.at}s is not inside this {self.seconds}s step ({cue.say!r})"
                )
        ats = [cue.at for cue in self.cues]
        if ats != sorted(ats):
            raise ValueError("cues must be listed in time order")
        return self


class Duration(Strict):
    """Seconds one run of the technique may take (per side when sided)."""

    min: int = Field(ge=5, le=900)
    max: int = Field(ge=5, le=1800)

    @model_validator(mode="after")
    def _ordered(self) -> Duration:
        if self.min > self.max:
            raise ValueError(f"min ({self.min}) is greater than max ({self.max})")
        return self


class Fact(Strict):
    """A fact the technique rests on and where it comes from (a seed article or reference)."""

    source: str = Field(min_length=3)
    note: str = Field(min_length=5)


class Technique(Strict):
    id: str
    name: str = Field(min_length=3, max_length=80)
    summary: str = Field(min_length=10, max_length=300)
    kind: Kind
    roles: list[Role] = Field(min_length=1)
    regions: list[Region] = Field(min_length=1)
    goals: list[Goal] = Field(min_length=1)
    strokes: list[Stroke] = Field(min_length=1)
    tools: list[Tool] = Field(default_factory=list)
    positions: list[Position] = Field(min_length=1)
    pressures: list[Pressure] = Field(min_length=1)
    modalities: list[Modality] = Field(default_factory=list)
    sided: bool = False
    duration: Duration
    steps: list[Step] = Field(min_length=1)
    cautions: list[str] = Field(default_factory=list)
    # Conditions this technique must never be used with: data the planner enforces,
    # where `cautions` is the prose a person reads. Required (may be empty) so that
    # every file says it was thought about.
    contraindications: list[HealthCondition]
    # One short plain line, shown with every step: when to stop at once.
    stop_if: str = Field(max_length=STOP_IF_MAX)
    facts: list[Fact] = Field(min_length=1)

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not ID_PATTERN.match(value):
            raise ValueError("use lower-case words joined by hyphens, e.g. 'temple-palm-press'")
        return value

    @field_validator("stop_if")
    @classmethod
    def _one_plain_line(cls, value: str) -> str:
        value = value.strip()
        if not value:
            raise ValueError("is empty: say in one short line when to stop")
        if "\n" in value:
            raise ValueError("must be one line")
        if not value.startswith("Stop "):
            raise ValueError("start with 'Stop ', e.g. 'Stop if you feel tingling down the arm.'")
        if not value.endswith("."):
            raise ValueError("end the line with a full stop")
        return value

    @field_validator("roles", "regions", "goals", "strokes", "tools", "positions", "pressures",
                     "modalities", "contraindications")
    @classmethod
    def _no_repeats(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError(f"lists a value twice: {value}")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Technique:
        if "firm" in self.pressures and "deep_pressure" not in self.modalities:
            raise ValueError("a technique that can be done firmly must carry the deep_pressure tag")
        if "tap" in self.strokes and "percussion" not in self.modalities:
            raise ValueError("a tapping technique must carry the percussion tag")
        if "massage_gun" in self.tools and "percussion" not in self.modalities:
            raise ValueError("a massage-gun technique must carry the percussion tag")
        return self

    @property
    def base_seconds(self) -> int:
        """Seconds of one run as written (per side when sided)."""
        return sum(step.seconds for step in self.steps)

    @property
    def contraindication_words(self) -> list[str]:
        """The contraindications in plain words (for the technique page)."""
        return condition_words(self.contraindications)

    @property
    def needed_tools(self) -> frozenset[str]:
        """Tools beyond hands; hands are always at hand."""
        return frozenset(self.tools) - {"hands"}
