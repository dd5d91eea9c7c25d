"""The figure part of `unknot library lint`: every technique has a figure, and it is right.

Checked for every technique and every position it can be done in: an entry
exists and fits the schema, its pose and region are known, the region is one the
technique works on and shows in that pose, and every point of the stroke's path
lies inside the region's shape there (a body scan: on the body). A move done on
one side at a time must be drawn on one side, so a plan's left and right steps can
each show their own (render.drawn_side).
"""

from __future__ import annotations

from pathlib import Path

from unknot.figures.body import areas
from unknot.figures.render import FigureError, drawn_side, place
from unknot.figures.spec import FIGURES_FILE, FigureDataError, FigureSpec, read_figures
from unknot.library.loader import Library
from unknot.vocabulary import expand_regions


def _check_one(technique, spec: FigureSpec, name: str) -> list[str]:
    problems = []
    where = f"{name}: {technique.id}"
    if spec.stroke not in ("scan", "breathe", "rest") and \
            spec.region not in expand_regions(technique.regions):
        problems.append(f"{where}: region: {spec.region!r} is not one of the technique's regions "
                        f"({', '.join(technique.regions)})")
    for position in technique.positions:
        try:
            placed = place(technique, position, spec)
        except FigureError as exc:
            problems.append(f"{name}: {exc} (position {position})")
            continue
        if technique.sided and drawn_side(placed) is None:
            problems.append(f"{where}: shows: a one-sided move drawn on the middle of the "
                            f"{spec.region} in pose {placed.body.name!r} ({position}); run its path "
                            "off the middle or say which side it shows (shows: left or right)")
        shapes = areas(placed.body, spec.region)
        points = spec.points()
        for path in placed.paths:
            for k, point in enumerate(path):
                if spec.stroke == "scan":
                    inside = placed.body.on_body(point)
                else:
                    inside = any(shape.contains(placed.body, point) for shape in shapes)
                if not inside:
                    written = list(points[k]) if k < len(points) else k
                    problems.append(f"{where}: path.{k}: the point {written} is off the "
                                    f"{spec.region} in pose {placed.body.name!r} ({position})")
                    break
    return problems


def check_figures(library: Library, path: Path = FIGURES_FILE) -> list[str]:
    """Problems with the figures of `library`, each naming the technique and the field."""
    try:
        specs, problems = read_figures(path)
    except FigureDataError as exc:
        return [str(exc)]
    bad = {p.split(": ")[1] for p in problems}
    for technique in library.techniques:
        spec = specs.get(technique.id)
        if spec is None:
            if technique.id not in bad:
                problems.append(f"{path.name}: {technique.id}: no figure: add an entry "
                                "(pose, region, stroke)")
            continue
        problems += _check_one(technique, spec, path.name)
    for key in specs:
        if library.get(key) is None:
            problems.append(f"{path.name}: {key}: no technique with this id")
    return problems
