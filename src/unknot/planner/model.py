"""The plan object of SPEC §4, and the body-area knowledge the planner leans on."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from unknot.intake.screen import IntakeResult
from unknot.vocabulary import Kind, Position, Pressure, Region, Side, Tool

# What a step says when it comes from a plan made before steps carried their own line.
GENERIC_STOP_IF = "Stop if anything hurts, tingles or feels wrong."

Phase = Literal["settle", "gentle", "work", "connected", "stretch", "close"]
PHASES: tuple[str, ...] = ("settle", "gentle", "work", "connected", "stretch", "close")


class PlanCue(BaseModel):
    model_config = ConfigDict(defer_build=True)

    at: int = Field(ge=0, description="Seconds from the start of the step.")
    say: str


class PlanStep(BaseModel):
    model_config = ConfigDict(defer_build=True)

    technique: str
    name: str
    kind: Kind
    phase: Phase
    regions: list[Region]
    side: Side | None
    seconds: int = Field(ge=1)
    pressure: Pressure
    tools: list[Tool]
    position: Position
    instructions: list[str]
    cues: list[PlanCue]
    why: str = Field(description="Why this step was chosen, in plain words.")
    stop_if: str = Field(default=GENERIC_STOP_IF,
                         description="When to stop this step at once: one short plain line.")


class Plan(BaseModel):
    model_config = ConfigDict(defer_build=True)

    intake: IntakeResult
    total_seconds: int
    steps: list[PlanStep]


# The body is connected (seed 000): where work on one area should spread to.
CONNECTED: dict[str, tuple[str, ...]] = {
    "head": ("neck", "shoulders"),
    "scalp": ("neck", "shoulders"),
    "forehead": ("temples", "neck", "shoulders"),
    "temples": ("neck", "shoulders", "jaw"),
    "face": ("jaw", "temples", "neck"),
    "jaw": ("face", "temples", "neck"),
    "neck": ("shoulders", "upper_back", "scalp"),
    "shoulders": ("neck", "upper_back", "lower_back"),
    "upper_back": ("shoulders", "neck", "middle_back"),
    "middle_back": ("upper_back", "lower_back"),
    "lower_back": ("hips", "glutes", "shoulders"),
    "glutes": ("hips", "lower_back", "thighs"),
    "hips": ("glutes", "lower_back", "thighs"),
    "abdomen": ("lower_back", "hips"),
    "chest": ("shoulders", "arms"),
    "arms": ("shoulders", "forearms"),
    "forearms": ("hands", "arms"),
    "hands": ("forearms",),
    "thighs": ("knees", "hips", "calves"),
    "knees": ("thighs", "calves"),
    "calves": ("feet", "thighs"),
    "feet": ("calves",),
}

# Where to work when the person names a goal but no area.
GOAL_REGIONS: dict[str, tuple[str, ...]] = {
    "sleep": ("hands", "feet", "scalp", "face"),
    "stress_relief": ("hands", "forearms", "scalp", "temples", "face", "neck", "shoulders",
                      "thighs", "calves", "feet"),
    "headache_relief": ("temples", "forehead", "scalp", "neck", "shoulders"),
    "digestion": ("abdomen",),
    "energy": ("thighs", "arms", "feet", "scalp"),
    "circulation": ("calves", "feet", "hands", "thighs"),
    "relaxation": ("shoulders", "neck", "hands", "face"),
    "recovery": ("calves", "thighs"),
    "stiffness": ("neck", "shoulders", "upper_back"),
    "pain_relief": ("lower_back", "neck", "shoulders"),
}

# Share of the minutes each phase gets; work and connected absorb what others leave.
PHASE_SHARE: dict[str, float] = {
    "settle": 0.12, "gentle": 0.15, "work": 0.43, "connected": 0.10, "stretch": 0.12,
    "close": 0.08,
}

# The stretches seed 002 names for back routines, in its order.
SEED_BACK_STRETCHES: tuple[str, ...] = ("cat-camel", "childs-pose", "seated-spinal-twist")

# Powered tools: one block of them is plenty in a short routine (about a minute a side
# is what the safety notes allow a spot); long routines may use them on two areas.
DEVICE_TOOLS: frozenset[str] = frozenset({"massage_gun", "handheld_massager"})
ONE_DEVICE_BELOW_SECONDS = 15 * 60
# Routines shorter than this end where the work was done: no new position for the
# last stretch or the closing breath (issue 8 §1: positions that flow).
SETTLED_ENDING_BELOW_SECONDS = 15 * 60
