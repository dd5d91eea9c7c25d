"""The session player: timeline, breath pacer, cues, voice and the terminal guide."""

from unknot.guide.outcome import GuideOutcome
from unknot.guide.terminal import GuideError, run_guide

__all__ = ["GuideError", "GuideOutcome", "run_guide"]
