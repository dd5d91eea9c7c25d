"""Jinja2 templates for the pages, with the labels and asset versions every page uses.

Static files are served under a content hash (`/static/app.css?v=…`), so a new
release reaches browsers and the service worker's cache at once, while an
unchanged file is never fetched twice.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from unknot.plural import counted
from unknot.vocabulary import GOALS, KINDS, PRESSURES, REGIONS, SETTINGS, TOOLS
from unknot.web.pages.bodymap import FILLER, HEIGHT, focus_views, regions_in_order
from unknot.web.pages.figures import figure

WEB_DIR = Path(__file__).resolve().parent.parent
TEMPLATES_DIR = WEB_DIR / "templates"
STATIC_DIR = WEB_DIR / "static"

REGION_LABELS: dict[str, str] = {
    "head": "Head (all over)", "scalp": "Scalp", "forehead": "Forehead", "temples": "Temples",
    "face": "Face", "jaw": "Jaw", "neck": "Neck", "shoulders": "Shoulders",
    "upper_back": "Upper back", "middle_back": "Middle back", "lower_back": "Lower back",
    "glutes": "Buttocks", "hips": "Hips", "abdomen": "Belly", "chest": "Chest",
    "arms": "Upper arms", "forearms": "Forearms", "hands": "Hands", "thighs": "Thighs",
    "knees": "Knees", "calves": "Calves", "feet": "Feet",
}
TOOL_LABELS: dict[str, str] = {
    "hands": "Hands", "tennis_ball": "Tennis ball", "massage_ball": "Massage ball",
    "foam_roller": "Foam roller", "wall": "A wall", "chair": "A chair",
    "handheld_massager": "Handheld massager", "massage_gun": "Massage gun",
}
SETTING_LABELS: dict[str, str] = {
    "desk": "At a desk", "sofa": "On a sofa", "bed": "In bed", "floor": "On the floor",
    "anywhere": "Anywhere",
}
PRESSURE_LABELS: dict[str, str] = {"light": "Light", "moderate": "Moderate", "firm": "Firm"}
GOAL_LABELS: dict[str, str] = {
    "relaxation": "Relaxation", "stress_relief": "Calm and stress relief", "sleep": "Sleep",
    "headache_relief": "Headache relief", "pain_relief": "Pain relief",
    "stiffness": "Stiffness and knots", "recovery": "Recovery after exercise",
    "digestion": "Digestion", "energy": "Energy", "circulation": "Circulation",
}
KIND_LABELS: dict[str, str] = {
    "breathing": "Breathing", "massage": "Massage", "stretch": "Stretch",
    "meditation": "Meditation",
}
AMBIENT_LABELS: dict[str, str] = {"off": "Off", "rain": "Rain", "waves": "Waves",
                                  "brown": "Soft rumble"}
MINUTE_LABELS: dict[str, str] = {str(m): f"{m} min" for m in range(1, 61)}
LABELS: dict[str, dict[str, str]] = {
    "ambient": AMBIENT_LABELS, "minutes": MINUTE_LABELS, "regions": REGION_LABELS,
    "tools": TOOL_LABELS, "settings": SETTING_LABELS,
    "pressures": PRESSURE_LABELS, "goals": GOAL_LABELS, "kinds": KIND_LABELS,
}

NAV = (("/", "Start"), ("/journal", "Journal"), ("/library", "Library"), ("/settings", "Settings"))


@lru_cache(maxsize=1)
def static_versions() -> dict[str, str]:
    """A short content hash per static file, keyed by its path under /static/."""
    out = {}
    for path in sorted(STATIC_DIR.rglob("*")):
        if path.is_file():
            digest = hashlib.sha256(path.read_bytes()).hexdigest()[:10]
            out[path.relative_to(STATIC_DIR).as_posix()] = digest
    return out


def asset(name: str) -> str:
    """The URL of a static file, with its content hash so caches never serve an old copy."""
    version = static_versions().get(name)
    if version is None:
        raise KeyError(f"no static file {name!r} in {STATIC_DIR}")
    return f"/static/{name}?v={version}"


@dataclass(frozen=True)
class InlineStyle:
    """A stylesheet of the app to put in a page's <style>, and the hash by which the
    page's Content-Security-Policy allows that exact text."""

    text: Markup
    csp_hash: str


@lru_cache(maxsize=4)
def inline_style(name: str) -> InlineStyle:
    """A static stylesheet's text for a page that cannot wait a round trip for it."""
    raw = (STATIC_DIR / name).read_bytes()
    if b"</" in raw:  # it could end the <style> element early
        raise ValueError(f"{name} cannot be inlined: it contains '</'")
    digest = base64.b64encode(hashlib.sha256(raw).digest()).decode()
    return InlineStyle(Markup(raw.decode("utf-8")), f"sha256-{digest}")


@lru_cache(maxsize=1)
def release() -> str:
    """One hash over every static file and template: the service worker's cache name."""
    digest = hashlib.sha256()
    for name, version in static_versions().items():
        digest.update(f"{name}={version};".encode())
    for path in sorted(TEMPLATES_DIR.glob("*.html")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def clock(seconds: float) -> str:
    """Seconds as m:ss."""
    whole = int(round(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


def label(kind: str, key: str) -> str:
    """The plain label of a vocabulary word, e.g. label('regions', 'upper_back') → 'Upper back'."""
    return LABELS[kind].get(key, key.replace("_", " ").capitalize())


templates = Jinja2Templates(directory=str(TEMPLATES_DIR))
templates.env.globals.update(asset=asset, labels=LABELS, label=label, nav=NAV, clock=clock, count=counted,
                             REGIONS=REGIONS, TOOLS=TOOLS, SETTINGS=SETTINGS,
                             PRESSURES=PRESSURES, GOALS=GOALS, KINDS=KINDS,
                             bodymap_regions=regions_in_order(), bodymap_focus=focus_views(),
                             bodymap_filler=FILLER, bodymap_height=HEIGHT)
templates.env.globals["figure"] = figure  # issue 8 §2: a figure of every move


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """Render template `name` with `context`; `page` names the current nav entry."""
    context.setdefault("page", "")
    return templates.TemplateResponse(request, name, context, status_code=status_code)
