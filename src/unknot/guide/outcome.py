"""What a guided session came to: ratings, how it ended, what happened when."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Status = Literal["completed", "stopped", "quit"]
RATING_NAMES: tuple[str, ...] = ("pain", "tension", "stress")

# Why a session was stopped; "hurts" is the `s` key ("it hurts, stop").
STOP_HURTS = "hurts"


def empty_ratings() -> dict[str, int | None]:
    """Ratings with every scale skipped."""
    return dict.fromkeys(RATING_NAMES)


@dataclass
class GuideOutcome:
    """The result of `run_guide`.

    `events` are `(t, event, step_index)` with `t` in plan seconds of active
    time; events are "start", "step", "pause", "resume", "next", "back",
    "stop", "quit" and "finish".
    """

    before: dict[str, int | None] = field(default_factory=empty_ratings)
    after: dict[str, int | None] = field(default_factory=empty_ratings)
    status: Status = "completed"
    stop_reason: str | None = None
    completed_steps: int = 0
    elapsed_seconds: float = 0.0
    events: list[tuple[float, str, int]] = field(default_factory=list)

    def changes(self) -> dict[str, tuple[int | None, int | None]]:
        """Each rating as (before, after)."""
        return {name: (self.before.get(name), self.after.get(name)) for name in RATING_NAMES}

    def pain_rose(self) -> bool:
        """True when pain was rated both times and is higher after."""
        before, after = self.before.get("pain"), self.after.get("pain")
        return before is not None and after is not None and after > before
