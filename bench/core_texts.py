"""Varied, realistic texts for the core benchmark, made the same way every run.

Half are sentences people wrote for the labelled sets (tests/data: every style,
benign, cautions and red flags alike); half are built from templates of how
people describe an everyday ache (area, feeling, cause, what they have at hand,
sometimes a denial or a second sentence), so the mix leans to the common case,
as real traffic does.
"""

from __future__ import annotations

import random
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"

AREAS = ["neck", "shoulders", "upper back", "lower back", "back", "jaw", "calves", "feet",
         "hands", "forearms", "thighs", "hips", "head", "temples", "traps", "glutes",
         "shoulder blades", "wrists", "scalp", "tummy"]
FEELINGS = ["tight", "stiff", "sore", "aching", "knotted", "tense", "achy", "a bit sore",
            "really tight", "so stiff", "like rocks", "tired", "heavy", "crunchy"]
CAUSES = ["from the desk", "after a long drive", "after gardening", "after my run",
          "from the laptop", "after the gym", "from carrying the baby", "after a long shift",
          "from sleeping funny", "after moving house", "from stress at work", "after a hike",
          "after standing all day", "from my phone", "after yoga", "after painting the ceiling",
          "", "", ""]
EXTRAS = ["", "", "", " and I can't switch off", ", have a tennis ball",
          ", only have 5 minutes", ", no numbness or tingling", ", it's been 3 days",
          ". I'm 34", ", want something for sleep", ", headache coming on",
          ". pain is about 4/10", ", no fever", " and my mind is racing", ", on the sofa",
          ". I'm 28 weeks pregnant", ". I take warfarin", ", got a foam roller",
          ". my wife says I grind my teeth", ", feel a bit low too"]
OPENERS = ["", "", "my ", "My ", "so ", "ugh ", "hi, ", "i have ", "Really "]


def _labelled() -> list[str]:
    texts = []
    for path in sorted(DATA.glob("intake_*.yaml")):
        texts.extend(case["text"] for case in yaml.safe_load(path.read_text(encoding="utf-8"))
                     if case.get("text"))
    return texts


def _template(rng: random.Random) -> str:
    area = rng.choice(AREAS)
    text = f"{rng.choice(OPENERS)}{area} {rng.choice(FEELINGS)} {rng.choice(CAUSES)}".strip()
    text += rng.choice(EXTRAS)
    if rng.random() < 0.3:
        text += f". {rng.choice(AREAS)} is {rng.choice(FEELINGS)} too"
    return text


def varied_texts(count: int, seed: int = 7) -> list[str]:
    """`count` texts: half labelled sentences, half from templates, in a fixed order."""
    rng = random.Random(seed)
    labelled = _labelled()
    return [rng.choice(labelled) if rng.random() < 0.5 else _template(rng) for _ in range(count)]
