"""The breath pacer: which half of a breath we are in at time t (pure).

Slow breathing at about six breaths a minute, with the out-breath longer than
the in-breath, is what settles the nervous system; so a breath is split about
40 % in, 60 % out. The bar's fill follows a cosine ease rather than a straight
line because lungs do not fill at a constant rate: slow at the turns, faster
in the middle, which is also easier to follow by eye.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

DEFAULT_RATE = 6.0          # breaths a minute
DEFAULT_INHALE_SHARE = 0.4  # share of each breath spent breathing in
MIN_RATE, MAX_RATE = 2.0, 20.0


class PacerError(ValueError):
    """A breath rate or in-breath share the pacer cannot lead."""


@dataclass(frozen=True)
class Breath:
    """The breath at one moment."""

    phase: Literal["in", "out"]
    progress: float       # 0 → 1 through the current phase
    level: float          # 0 (empty) → 1 (full): how full the pacer bar is
    seconds_left: float   # until the phase turns
    count: int            # how many whole breaths came before this one

    @property
    def label(self) -> str:
        """What the pacer says: "breathe in" or "breathe out"."""
        return "breathe in" if self.phase == "in" else "breathe out"


def check_rate(rate: float) -> float:
    """Return `rate` if the pacer can lead it, else raise `PacerError` saying the range."""
    if not (isinstance(rate, int | float) and math.isfinite(rate)) or not (
        MIN_RATE <= rate <= MAX_RATE
    ):
        raise PacerError(f"breath rate must be between {MIN_RATE:g} and {MAX_RATE:g} "
                         f"breaths a minute, not {rate}")
    return float(rate)


def _ease(p: float) -> float:
    return (1.0 - math.cos(math.pi * p)) / 2.0


def breath_at(t: float, rate: float = DEFAULT_RATE,
              inhale_share: float = DEFAULT_INHALE_SHARE) -> Breath:
    """The breath `t` seconds after the pacer started (t below 0 counts as 0)."""
    check_rate(rate)
    if not 0.1 <= inhale_share <= 0.9:
        raise PacerError(f"in-breath share must be between 0.1 and 0.9, not {inhale_share}")
    period = 60.0 / rate
    t = max(0.0, t)
    count = int(t // period)
    within = t - count * period
    inhale = period * inhale_share
    if within < inhale:
        progress = within / inhale
        return Breath("in", progress, _ease(progress), inhale - within, count)
    progress = (within - inhale) / (period - inhale)
    return Breath("out", progress, 1.0 - _ease(progress), period - within, count)
