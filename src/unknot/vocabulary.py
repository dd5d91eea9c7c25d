"""The fixed vocabulary of unknot (SPEC §3).

Other programs rely on these exact strings, so they live in one place and every
schema, rule file and CLI option is checked against them.
"""

from typing import Literal, get_args

Region = Literal[
    "head", "scalp", "forehead", "temples", "face", "jaw", "neck", "shoulders",
    "upper_back", "middle_back", "lower_back", "glutes", "hips", "abdomen", "chest",
    "arms", "forearms", "hands", "thighs", "knees", "calves", "feet",
]
Goal = Literal[
    "relaxation", "stress_relief", "sleep", "headache_relief", "pain_relief",
    "stiffness", "recovery", "digestion", "energy", "circulation",
]
Modality = Literal["deep_pressure", "percussion"]
Verdict = Literal["ok", "caution", "see_doctor", "urgent"]
Tool = Literal[
    "hands", "tennis_ball", "massage_ball", "foam_roller", "wall", "chair",
    "handheld_massager", "massage_gun",
]
Setting = Literal["desk", "sofa", "bed", "floor", "anywhere"]
Pressure = Literal["light", "moderate", "firm"]
Kind = Literal["breathing", "massage", "stretch", "meditation"]
Position = Literal["seated", "standing", "lying", "kneeling"]
# Where a technique can sit in a routine (SPEC §6 planner phases).
Role = Literal["settle", "gentle", "work", "stretch", "close"]
Stroke = Literal[
    "glide", "knead", "circles", "press", "hold", "squeeze", "pinch", "tap", "roll",
    "stretch", "rotate", "pull", "sweep", "rock", "shake", "breathe", "scan", "rest",
]
Side = Literal["left", "right"]
# Health conditions the screen reports and techniques name as their own
# contraindications (issue 6 §4): the planner never picks a technique a found
# condition rules out. `late_pregnancy` means about 20 weeks or more (or weeks
# unknown): no lying flat on the back.
HealthCondition = Literal[
    "pregnancy", "late_pregnancy", "postpartum", "bleeding_risk", "fragile_bones",
    "lost_sensation", "cancer", "frailty", "recent_surgery", "varicose_veins", "hernia",
]

REGIONS: tuple[str, ...] = get_args(Region)
GOALS: tuple[str, ...] = get_args(Goal)
MODALITIES: tuple[str, ...] = get_args(Modality)
VERDICTS: tuple[str, ...] = get_args(Verdict)
TOOLS: tuple[str, ...] = get_args(Tool)
SETTINGS: tuple[str, ...] = get_args(Setting)
PRESSURES: tuple[str, ...] = get_args(Pressure)
KINDS: tuple[str, ...] = get_args(Kind)
POSITIONS: tuple[str, ...] = get_args(Position)
ROLES: tuple[str, ...] = get_args(Role)
STROKES: tuple[str, ...] = get_args(Stroke)
CONDITIONS: tuple[str, ...] = get_args(HealthCondition)

# `head` is the umbrella for its three parts (SPEC §3): avoiding the head
# avoids them all, and a technique on any part counts as head work.
HEAD_PARTS: tuple[str, ...] = ("scalp", "forehead", "temples")

# Severity order: the most severe verdict of all matched rules wins.
VERDICT_SEVERITY: dict[str, int] = {"ok": 0, "caution": 1, "see_doctor": 2, "urgent": 3}
PRESSURE_LEVEL: dict[str, int] = {"light": 0, "moderate": 1, "firm": 2}

# Positions a setting allows, most natural first (issue 2 §4).
SETTING_POSITIONS: dict[str, tuple[str, ...]] = {
    "desk": ("seated", "standing"),
    "bed": ("lying", "seated"),
    "sofa": ("seated", "lying"),
    "floor": ("lying", "seated", "kneeling", "standing"),
    "anywhere": ("seated", "standing", "lying", "kneeling"),
}


def expand_regions(regions: list[str] | tuple[str, ...] | set[str]) -> set[str]:
    """Regions plus the parts `head` stands for, so `avoid: [head]` covers the temples."""
    out = set(regions)
    if "head" in out:
        out.update(HEAD_PARTS)
    return out


def expand_avoided(regions: list[str] | tuple[str, ...] | set[str]) -> set[str]:
    """What a screening leaves out: `expand_regions`, and the forearms with the arms — words
    such as "eczema all down her arms" mean the whole arm, though a technique's `arms` are
    the upper arms."""
    out = expand_regions(regions)
    if "arms" in out:
        out.add("forearms")
    return out
