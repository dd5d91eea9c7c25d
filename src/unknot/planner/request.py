"""What a plan is asked for: the CLI options and the HTTP body of SPEC §4, by the same names."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from unknot.safety.answers import Answers
from unknot.vocabulary import Goal, Pressure, Region, Setting, Tool

DEFAULT_MINUTES = 10


class PlanRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(default=None, max_length=4000,
                             description="What is bothering the person, in their words.")
    minutes: int = Field(default=DEFAULT_MINUTES, ge=1, le=60,
                         description="Length of the routine in minutes (1–60).")
    tools: list[Tool] = Field(default_factory=list,
                              description="Tools at hand; hands are always available.")
    setting: Setting = Field(default="anywhere", description="Where the person is.")
    pressure: Pressure = Field(default="moderate", description="Firmest pressure wanted.")
    regions: list[Region] = Field(default_factory=list,
                                  description="Regions to work on (overrides the text's).")
    goals: list[Goal] = Field(default_factory=list,
                              description="Goals (overrides the text's).")
    seed: int = Field(default=0, ge=0, le=2**31 - 1,
                      description="Same inputs and seed give the same plan.")
    answers: Answers | None = Field(default=None, description="Structured screening answers.")

    @field_validator("tools", "regions", "goals")
    @classmethod
    def _dedupe(cls, value: list[str]) -> list[str]:
        return list(dict.fromkeys(value))

    @model_validator(mode="after")
    def _something_to_work_on(self) -> PlanRequest:
        if not ((self.text and self.text.strip()) or self.regions or self.goals):
            raise ValueError("give at least one of text, regions or goals")
        return self
