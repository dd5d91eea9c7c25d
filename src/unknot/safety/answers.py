"""Structured screening answers (SPEC §4), optional beside the free text."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

QuestionId = Annotated[str, StringConstraints(min_length=3, max_length=64)]
# A condition or a medicine in plain words: long enough for "type 2 diabetes with
# neuropathy in both feet", short enough that no answer can stall the screen.
PlainItem = Annotated[str, StringConstraints(max_length=200)]
Subject = Literal["self", "someone_else"]


class Answers(BaseModel):
    model_config = ConfigDict(extra="forbid")

    age: int | None = Field(default=None, ge=0, le=120, description="Age in years.")
    pregnant: bool | None = Field(default=None, description="Pregnant now.")
    pregnancy_weeks: int | None = Field(default=None, ge=0, le=45,
                                        description="Weeks of pregnancy, if pregnant.")
    postpartum: bool | None = Field(default=None, description="Gave birth in the last 6 weeks.")
    conditions: list[PlainItem] = Field(default_factory=list, max_length=50,
                                  description="Health conditions, in plain words.")
    medicines: list[PlainItem] = Field(default_factory=list, max_length=50,
                                 description="Medicines taken regularly.")
    pain: int | None = Field(default=None, ge=0, le=10, description="Pain now, 0–10.")
    duration: str | None = Field(default=None, max_length=100,
                                 description="How long it has been going on, e.g. '3 weeks'.")
    injury: str | None = Field(default=None, max_length=500,
                               description="A recent injury or fall, in plain words.")

    questions: dict[QuestionId, bool] = Field(
        default_factory=dict, max_length=100,
        description="Answers to the safety questions the intake returned: question id → yes (true) "
                    "or no (false). A yes is a finding; a no never cancels what the text shows.")
    subject: Subject | None = Field(
        default=None, description="Whose body the routine is for: 'self', or 'someone_else' when "
                                  "the person massages someone they care for.")

    @model_validator(mode="after")
    def _weeks_need_pregnancy(self) -> Answers:
        if self.pregnancy_weeks is not None and self.pregnant is False:
            raise ValueError("pregnancy_weeks given but pregnant is false")
        return self
