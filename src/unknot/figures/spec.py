"""A technique's figure as data: the pose, where the hands or tool work, and the stroke.

`data/figures.yaml` holds one entry per technique id. Paths are written in
region coordinates — `[along, across]`, each 0 to 1 over the region's shape on
the pose — so they stay on the region whatever the pose. A stroke without a
path gets the usual one for its kind (a glide runs the length of the region, a
circle turns around its middle, a press holds its centre).
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from unknot.vocabulary import Position, Region

FIGURES_FILE = Path(__file__).parent / "data" / "figures.yaml"

Stroke = Literal["glide", "sweep", "circles", "press", "squeeze", "knead", "tap", "roll",
                 "stretch", "breathe", "rest", "scan", "rotate", "pull"]
Tool = Literal["hand", "fingertips", "fist", "ball", "roller", "gun", "massager", "none"]
Frame = Literal["body", "close"]

# How each stroke moves with the breath (see render.py).
MOTION: dict[str, str] = {
    "glide": "travel", "sweep": "travel", "pull": "travel", "tap": "tap", "circles": "loop",
    "knead": "loop", "rotate": "loop", "roll": "roll", "press": "press", "squeeze": "press",
    "stretch": "stretch", "breathe": "breathe", "rest": "breathe", "scan": "travel",
}


def circle(cx: float = 0.5, cy: float = 0.5, r: float = 0.32, points: int = 10) -> list[tuple[float, float]]:
    """A closed loop around (cx, cy), drawn clockwise as seen, starting at the top."""
    out = []
    for n in range(points + 1):
        a = 2 * math.pi * n / points
        out.append((round(cx - r * math.cos(a), 3), round(cy + r * math.sin(a), 3)))
    return out


DEFAULT_PATHS: dict[str, list[tuple[float, float]]] = {
    "glide": [(0.1, 0.5), (0.9, 0.5)],
    "sweep": [(0.9, 0.5), (0.1, 0.5)],
    "pull": [(0.5, 0.5), (0.5, 0.95)],
    "tap": [(0.12, 0.5), (0.88, 0.5)],
    "roll": [(0.15, 0.5), (0.85, 0.5)],
    "circles": circle(),
    "knead": circle(r=0.25),
    "rotate": circle(r=0.35),
    "press": [(0.5, 0.5)],
    "squeeze": [(0.5, 0.5)],
    "stretch": [(0.2, 0.5), (0.8, 0.5)],
    "breathe": [(0.5, 0.5)],
    "rest": [(0.5, 0.5)],
    "scan": [(0.05, 0.5), (0.95, 0.5)],
}


class FigureSpec(BaseModel):
    """How one technique looks."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    pose: str = Field(description="A pose name from figures/body.py, e.g. 'seated-back'.")
    region: Region = Field(description="Where the hands or the tool work.")
    stroke: Stroke
    path: list[tuple[float, float]] | None = Field(
        default=None, description="Points in region coordinates [along, across], 0–1.")
    area: int = Field(default=0, ge=0, le=1, description="Which side's shape, when a region has two.")
    both: bool = Field(default=False, description="Both hands, mirrored (the other side or across).")
    tool: Tool = "hand"
    per_breath: int = Field(default=1, ge=1, le=16, description="Strokes in one breath out.")
    frame: Frame = "body"
    # Another pose for a position the technique also allows (default: worked out).
    poses: dict[Position, str] = Field(default_factory=dict)
    says: str | None = Field(default=None, max_length=200,
                             description="The text alternative, when the one made up is not right.")
    shows: Literal["left", "right"] | None = Field(
        default=None, description="The side of the person a one-sided move is drawn doing, when "
        "the shapes alone would say otherwise (a neck stretch's path runs on the side it stretches, "
        "away from the side the head tips to). Default: worked out (render.drawn_side).")

    def points(self) -> list[tuple[float, float]]:
        return list(self.path) if self.path else list(DEFAULT_PATHS[self.stroke])


class FigureDataError(ValueError):
    """The figure data file cannot be read or an entry does not fit the schema."""


def parse_figures(raw: object, name: str = "figures.yaml") -> tuple[dict[str, FigureSpec], list[str]]:
    """Entries by technique id, and the problems of those that do not fit (naming id and field)."""
    if not isinstance(raw, dict):
        raise FigureDataError(f"{name}: expected a mapping of technique id to figure")
    specs: dict[str, FigureSpec] = {}
    problems: list[str] = []
    for key, entry in raw.items():
        try:
            specs[str(key)] = FigureSpec.model_validate(entry)
        except ValidationError as exc:
            for item in exc.errors():
                where = ".".join(str(p) for p in item["loc"]) or "(entry)"
                problems.append(f"{name}: {key}: {where}: {item['msg']}")
    return specs, problems


def read_figures(path: Path = FIGURES_FILE) -> tuple[dict[str, FigureSpec], list[str]]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise FigureDataError(f"{path.name}: cannot read: {exc}") from exc
    return parse_figures(raw, path.name)


@lru_cache(maxsize=1)
def default_figures() -> dict[str, FigureSpec]:
    """The shipped figure data (entries that do not fit are left out; the lint names them)."""
    specs, _ = read_figures()
    return specs
