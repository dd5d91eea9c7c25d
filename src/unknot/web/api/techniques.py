"""GET /techniques (list, filter, search) and GET /techniques/{id} (the whole entry)."""

from __future__ import annotations

from typing import Annotated

from fastapi import HTTPException, Path, Query

from unknot.library.loader import default_library
from unknot.library.schema import Technique
from unknot.vocabulary import Goal, Kind, Region, Tool
from unknot.web.api.routing import api_router
from unknot.web.schemas import Problem, TechniqueList, TechniqueSummary

router = api_router("techniques")


def _haystack(technique: Technique) -> str:
    words = [technique.id, technique.name, technique.summary, *technique.regions,
             *technique.goals, technique.kind]
    return " ".join(words).lower().replace("_", " ").replace("-", " ")


def matches(technique: Technique, query: str) -> bool:
    """True when every word of `query` appears in the technique's id, name, summary or tags."""
    haystack = _haystack(technique)
    return all(word in haystack for word in query.lower().replace("-", " ").split())


@router.get("/techniques", response_model=TechniqueList)
async def list_techniques(
    region: Annotated[Region | None, Query(description="Touches this region.")] = None,
    goal: Annotated[Goal | None, Query(description="Serves this goal.")] = None,
    tool: Annotated[Tool | None, Query(description="Uses this tool.")] = None,
    kind: Annotated[Kind | None, Query()] = None,
    q: Annotated[str | None, Query(max_length=200, description="Words to search for.")] = None,
) -> TechniqueList:
    """The library's techniques, filtered; all filters must hold."""
    found = default_library().filter(region=region, goal=goal, tool=tool, kind=kind)
    if q and q.strip():
        found = [t for t in found if matches(t, q)]
    items = [TechniqueSummary.model_validate(t, from_attributes=True) for t in found]
    return TechniqueList(items=items, count=len(items))


@router.get("/techniques/{technique_id}", response_model=Technique,
            responses={404: {"model": Problem, "description": "No such technique"}})
async def get_technique(technique_id: Annotated[str, Path(max_length=100)]) -> Technique:
    """One technique with its steps, cues, cautions and the facts it rests on."""
    technique = default_library().get(technique_id)
    if technique is None:
        raise HTTPException(404, detail=f"no technique {technique_id!r}")
    return technique
