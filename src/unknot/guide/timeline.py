"""Where a running session is, computed from timestamps rather than counted ticks.

A `Timeline` is an immutable anchor: "at clock time `anchor_time` we were
`anchor_offset` seconds into step `anchor_index`, running or paused". Every
question ("which step now?", "how far through?") is answered from that anchor
and the `now` the caller passes in, so a loop that wakes up late simply finds
itself further on — it skips the steps that ran out meanwhile and never drifts,
however irregular its wake-ups. Every action (pause, next, back, stop) returns a
new anchor taken at `now`.

Times are in plan seconds; the player divides the wall clock by its time scale
before asking, so this module knows nothing about clocks or scaling.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any


class TimelineError(ValueError):
    """A timeline cannot be built from what it was given."""


@dataclass(frozen=True)
class Position:
    """Where the session is at one moment."""

    index: int                 # current step (the last step once finished)
    step_elapsed: float        # seconds into the current step, 0 ≤ x ≤ its length
    step_seconds: float        # length of the current step
    plan_elapsed: float        # seconds of the plan behind us (skipped steps count)
    plan_seconds: float        # length of the whole plan
    active_seconds: float      # time actually spent running, pauses excluded
    paused: bool
    finished: bool             # ran past the last step, or was stopped
    stopped: bool

    @property
    def step_remaining(self) -> float:
        """Seconds left in the current step."""
        return max(0.0, self.step_seconds - self.step_elapsed)


@dataclass(frozen=True)
class Timeline:
    """The state of a running session; see the module docstring."""

    durations: tuple[float, ...]
    anchor_time: float
    anchor_index: int = 0
    anchor_offset: float = 0.0
    anchor_active: float = 0.0
    paused: bool = False
    stopped: bool = False

    @classmethod
    def start(cls, durations: list[float] | tuple[float, ...], now: float) -> Timeline:
        """A timeline at the very start of the first step, running from `now`."""
        steps = tuple(float(d) for d in durations)
        if not steps:
            raise TimelineError("a session needs at least one step")
        if any(d <= 0 for d in steps):
            raise TimelineError("every step must last more than 0 seconds")
        return cls(durations=steps, anchor_time=now)

    # -- questions --------------------------------------------------------

    def position(self, now: float) -> Position:
        """Where the session is at `now` (a `now` before the anchor counts as the anchor)."""
        total = sum(self.durations)
        run = 0.0 if (self.paused or self.stopped) else max(0.0, now - self.anchor_time)
        index, offset = self.anchor_index, self.anchor_offset
        if index >= len(self.durations):
            run = 0.0
        # How much running the remaining plan can absorb: past that, time stops
        # counting, so active_seconds freezes at the moment the routine ended.
        # (the rest of this step plus the steps after it, not the total less what is done:
        # that subtraction rounds, and a finished routine's active time would then differ by
        # a few units in the last place between the moment it ended and any later moment)
        left_in_plan = ((self.durations[index] - offset) + sum(self.durations[index + 1:])
                        if index < len(self.durations) else 0.0)
        run = min(run, max(0.0, left_in_plan))
        offset += run
        while index < len(self.durations) and offset >= self.durations[index]:
            offset -= self.durations[index]
            index += 1
        finished = self.stopped or index >= len(self.durations)
        if index >= len(self.durations):
            index, offset = len(self.durations) - 1, self.durations[-1]
        return Position(
            index=index,
            step_elapsed=offset,
            step_seconds=self.durations[index],
            plan_elapsed=sum(self.durations[:index]) + offset,
            plan_seconds=total,
            active_seconds=self.anchor_active + run,
            paused=self.paused,
            finished=finished,
            stopped=self.stopped,
        )

    def next_event_in(self, now: float) -> float | None:
        """Plan seconds until the current step ends, or None when time is frozen."""
        pos = self.position(now)
        if pos.finished or pos.paused:
            return None
        return pos.step_remaining

    # -- actions ----------------------------------------------------------

    def _reanchor(self, now: float) -> Timeline:
        """The same state, anchored at `now` (never earlier than the old anchor)."""
        pos = self.position(now)
        at = max(now, self.anchor_time)
        if pos.finished and not self.stopped:
            return replace(self, anchor_time=at, anchor_index=len(self.durations),
                           anchor_offset=0.0, anchor_active=pos.active_seconds)
        return replace(self, anchor_time=at, anchor_index=pos.index,
                       anchor_offset=pos.step_elapsed, anchor_active=pos.active_seconds)

    def pause(self, now: float) -> Timeline:
        """Freeze time at `now`; pausing a paused or finished session changes nothing."""
        if self.paused or self.position(now).finished:
            return self
        return replace(self._reanchor(now), paused=True)

    def resume(self, now: float) -> Timeline:
        """Let time run again from `now`."""
        if not self.paused:
            return self
        return replace(self._reanchor(now), paused=False)

    def toggle_pause(self, now: float) -> Timeline:
        """Pause when running, resume when paused."""
        return self.resume(now) if self.paused else self.pause(now)

    def next(self, now: float) -> Timeline:
        """Jump to the start of the next step; past the last step the session finishes."""
        here = self._reanchor(now)
        if here.position(now).finished:
            return here
        return replace(here, anchor_index=here.anchor_index + 1, anchor_offset=0.0)

    def back(self, now: float) -> Timeline:
        """Jump to the start of the previous step (the first step restarts itself)."""
        here = self._reanchor(now)
        if here.stopped:
            return here
        index = min(here.anchor_index, len(self.durations)) - 1
        return replace(here, anchor_index=max(0, index), anchor_offset=0.0)

    def stop(self, now: float) -> Timeline:
        """End the session at `now`; time no longer moves."""
        if self.stopped:
            return self
        return replace(self._reanchor(now), stopped=True)

    # -- saving and resuming ----------------------------------------------

    def to_dict(self, now: float) -> dict[str, Any]:
        """What is needed to resume the session later (JSON-safe)."""
        pos = self.position(now)
        return {
            "step_index": pos.index,
            "step_elapsed": round(pos.step_elapsed, 3),
            "paused": pos.paused,
            "active_seconds": round(pos.active_seconds, 3),
            "finished": pos.finished,
        }

    @classmethod
    def from_dict(cls, durations: list[float] | tuple[float, ...], data: dict[str, Any],
                  now: float) -> Timeline:
        """Resume a session saved with `to_dict`, anchored at `now`."""
        fresh = cls.start(durations, now)
        try:
            index = int(data["step_index"])
            elapsed = float(data["step_elapsed"])
            paused = bool(data.get("paused", False))
            active = float(data.get("active_seconds", 0.0))
        except (KeyError, TypeError, ValueError) as exc:
            raise TimelineError(f"saved session state is not usable: {exc}") from exc
        if not 0 <= index < len(fresh.durations):
            raise TimelineError(f"step_index {index} is outside 0..{len(fresh.durations) - 1}")
        elapsed = min(max(0.0, elapsed), fresh.durations[index])
        if data.get("finished"):
            # A finished session resumes finished, not at the start of its last step.
            return replace(fresh, anchor_index=len(fresh.durations), anchor_active=max(0.0, active))
        return replace(fresh, anchor_index=index, anchor_offset=elapsed, paused=paused,
                       anchor_active=max(0.0, active))
