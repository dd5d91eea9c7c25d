"""GET /journal: before → after over time, what helps, and when to see a doctor."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query, Response

from unknot.journal import HelpItem
from unknot.library.loader import default_library
from unknot.web.api.routing import api_router
from unknot.web.deps import CurrentPerson, StoreDep
from unknot.web.schemas import AdviceOut, HelpOut, Helps, JournalOut, SeriesPoint

router = api_router("journal")

# The chart shows the newest this many rated sessions at most: a year of daily use,
# and a bounded answer however many years of data a person has.
SERIES_MAX = 365


def _help(item: HelpItem, name: str) -> HelpOut:
    return HelpOut(id=item.key, name=name, sessions=item.sessions, pain=item.pain.change,
                   tension=item.tension.change, stress=item.stress.change)


@router.get("/journal", response_model=JournalOut)
def journal(store: StoreDep, person: CurrentPerson,
            series: Annotated[int, Query(ge=1, le=SERIES_MAX, description=(
                "How many of the newest rated sessions the chart series holds (the "
                "journal page draws 60)."))] = SERIES_MAX) -> Response:
    """The person's journal: a chart series, what helps, and any advice to see a doctor."""
    # Both read only what the view shows: the same cost after years of daily sessions.
    summary = store.journal(store.now(), recent=0, person_id=person)
    points = store.journal_series(limit=series, person_id=person)
    library = default_library()

    def technique_name(key: str) -> str:
        technique = library.get(key)
        # A technique since removed from the library still shows, by its id.
        return technique.name if technique else key.replace("-", " ").capitalize()

    helps = summary.what_helps
    answer = JournalOut(
        sessions=summary.total_sessions,
        # Straight from typed columns: nothing to check again.
        series=[SeriesPoint.model_construct(**point._asdict()) for point in points],
        helps=Helps(
            techniques=[_help(i, technique_name(i.key)) for i in helps.by_technique],
            goals=[_help(i, i.key.replace("_", " ").capitalize()) for i in helps.by_goal],
        ),
        advice=[AdviceOut(id=a.id, message=a.message, evidence=a.evidence, verdict=a.verdict,
                          source=a.source) for a in summary.advice],
    )
    # Encoded once, by pydantic, rather than checked again against the response model.
    return Response(answer.model_dump_json(), media_type="application/json")
