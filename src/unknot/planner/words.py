"""How a step's reason names areas, strokes and tools: the small phrases the planner joins."""

from __future__ import annotations

from unknot.library.schema import Technique


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _names(regions: list[str]) -> str:
    return _and([r.replace("_", " ") for r in regions if r != "head"] or ["head"])


# Strokes that glide over the skin: "gentle strokes" is their word. A press, a lift
# or a roll is not a stroke, and its reason says what it does.
STROKING = frozenset({"glide", "sweep", "circles", "knead"})
# How each stroke is said in a reason ("… now with slow presses").
TOUCH_WORDS: dict[str, str] = {
    "glide": "long gliding strokes", "knead": "kneading", "circles": "small circles",
    "press": "slow presses", "hold": "held pressure", "squeeze": "slow squeezes",
    "pinch": "gentle pinches", "tap": "light tapping", "roll": "slow rolling",
    "stretch": "a slow stretch", "rotate": "slow turns", "pull": "a gentle pull",
    "sweep": "sweeping strokes", "rock": "rocking", "shake": "shaking out",
    "breathe": "the breath", "scan": "quiet attention", "rest": "rest",
}
SPOKEN_DEVICE = {"massage_gun": "the massage gun", "handheld_massager": "the handheld massager"}


def touch(technique: Technique) -> str:
    """How a technique works, in a few words: its device, else its first stroke."""
    for tool in sorted(technique.needed_tools):
        if tool in SPOKEN_DEVICE:
            return SPOKEN_DEVICE[tool]
    return TOUCH_WORDS[technique.strokes[0]]


# What work on the goal's own areas does, when the person named a goal and no area.
GOAL_HELPS: dict[str, str] = {
    "sleep": "the body wind down for sleep", "stress_relief": "the body calm down",
    "relaxation": "you relax", "energy": "wake the body up", "circulation": "the circulation",
    "recovery": "the muscles recover", "digestion": "digestion",
    "headache_relief": "ease the headache", "stiffness": "ease the stiffness",
    "pain_relief": "ease the ache",
}

# What a stroke does for tight muscle, said once per kind of touch.
_DOES = {
    "glide": "to smooth the muscle along its length", "sweep": "to smooth the muscle along its length",
    "knead": "to loosen the muscle", "circles": "to work the small spots",
    "press": "to ease the knots", "hold": "to let a knot let go", "squeeze": "to loosen the muscle",
    "pinch": "to loosen the muscle", "roll": "to reach the deeper layers", "pull": "to make room",
    "tap": "to wake the muscle up", "shake": "to shake off the tension", "rock": "to let it soften",
    "rotate": "to loosen it through movement", "stretch": "to lengthen it",
}


def _what_it_does(technique: Technique) -> str:
    return _DOES.get(technique.strokes[0], "to let it soften")
