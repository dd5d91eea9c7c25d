"""The library pages: browse and search the techniques, and one page per technique."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from unknot.library.loader import default_library
from unknot.library.schema import Technique
from unknot.vocabulary import GOALS, KINDS, REGIONS, TOOLS
from unknot.web.pages.templating import render

router = APIRouter(include_in_schema=False)


def _matches(technique: Technique, words: list[str]) -> bool:
    text = " ".join([technique.id, technique.name, technique.summary,
                     *technique.regions, *technique.goals]).lower().replace("_", " ")
    return all(word in text for word in words)


def _choice(value: str | None, allowed: tuple[str, ...]) -> str | None:
    # An unknown filter value is ignored rather than refused: it came from a hand-typed URL.
    return value if value in allowed else None


@router.get("/library", response_class=HTMLResponse)
def library_page(request: Request, q: str = "", region: str = "", goal: str = "", tool: str = "",
                 kind: str = "") -> HTMLResponse:
    """Every technique, filtered by words, region, goal, tool and kind."""
    chosen = {"region": _choice(region, REGIONS), "goal": _choice(goal, GOALS),
              "tool": _choice(tool, TOOLS), "kind": _choice(kind, KINDS)}
    words = [w for w in q.lower().split() if w][:10]
    items = [t for t in default_library().filter(**chosen) if _matches(t, words)]
    items.sort(key=lambda t: t.name.lower())
    return render(request, "library.html", page="/library", items=items, q=q[:200],
                  chosen=chosen, total=len(default_library().techniques))


@router.get("/library/{technique_id}", response_class=HTMLResponse)
def technique_page(request: Request, technique_id: str) -> HTMLResponse:
    """One technique: what it is for, how to do it, its cautions and the facts behind it."""
    technique = default_library().get(technique_id)
    if technique is None:
        return render(request, "missing.html", status_code=404, page="/library",
                      what=f"There is no technique called “{technique_id[:80]}” in the library.")
    return render(request, "technique.html", page="/library", t=technique)
