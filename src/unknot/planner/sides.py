"""Name the side a sided step works on, in every line it says.

The library writes a sided technique once, for "the first side" ("the first
shoulder"); each plan step does one side, so its text says "the left shoulder"
or "the right shoulder". Done when the step is made, so the plan JSON, the web
plan page, the player and the terminal all read the same words.
"""

from __future__ import annotations

from unknot.text.programs import Lazy

# The body parts the library writes as "the first …".
_FIRST_SIDE = Lazy(r"\b([Tt]he|[Yy]our) first (?=(?:side|shoulder|foot|leg|arm|thigh|knee|"
                   r"hand|forearm|calf|wrist|collarbone|buttock|ankle|hip|elbow|"
                   r"shoulder blade)\b)")


def for_side(text: str, side: str | None) -> str:
    """A line written for "the first side", said for the side this step does."""
    if not side or "first" not in text:
        return text
    return _FIRST_SIDE.sub(lambda m: f"{m.group(1)} {side} ", text)
