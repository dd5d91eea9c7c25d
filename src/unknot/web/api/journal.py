"""GET /journal: before → after over time, what helps, and when to see a doctor."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Query, Response
from pydantic import TypeAdapter

from unknot.journal import HelpItem
from unknot.library.loader import default_library
from unknot.storage import Store
from unknot.storage.rows import RatingPoint
from unknot.web.api.routing import api_router
from unknot.web.deps import CurrentPerson, StoreDep
from unknot.web.schemas import AdviceOut, HelpOut, Helps, JournalOut

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
    return Response(read_journal(store, person, series).json(), media_type="application/json")


@dataclass(frozen=True, slots=True)
class JournalView:
    """What GET /journal answers, as values: the journal page draws its first view from
    the same one (and embeds `json()`, so its script starts from exactly the API's answer)."""

    sessions: int
    points: list[RatingPoint]
    helps: Helps
    advice: list[AdviceOut]

    def json(self) -> bytes:
        return journal_json(sessions=self.sessions, points=self.points, helps=self.helps,
                            advice=self.advice)


def read_journal(store: Store, person: str, series: int) -> JournalView:
    """The person's journal with the newest `series` rated sessions for the chart."""
    # One read, of only what the view shows: the same cost after years of daily sessions.
    summary, points = store.journal_view(store.now(), recent=0, series=series, person_id=person)
    library = default_library()

    def technique_name(key: str) -> str:
        technique = library.get(key)
        # A technique since removed from the library still shows, by its id.
        return technique.name if technique else key.replace("-", " ").capitalize()

    helps = summary.what_helps
    return JournalView(
        sessions=summary.total_sessions,
        points=points,
        helps=Helps(
            techniques=[_help(i, technique_name(i.key)) for i in helps.by_technique],
            goals=[_help(i, i.key.replace("_", " ").capitalize()) for i in helps.by_goal],
        ),
        advice=[AdviceOut(id=a.id, message=a.message, evidence=a.evidence, verdict=a.verdict,
                          source=a.source) for a in summary.advice],
    )


# The chart points as plain dicts, in SeriesPoint's field order: pydantic encodes their
# values (datetimes included) exactly as it encodes the model's, and a year of points goes
# in one call without making a model for each.
SERIES_JSON = TypeAdapter(list[dict[str, Any]])
ADVICE_JSON = TypeAdapter(list[AdviceOut])


def journal_json(*, sessions: int, points: list[RatingPoint], helps: Helps,
                 advice: list[AdviceOut]) -> bytes:
    """The bytes of `JournalOut` for these parts (the same bytes its model_dump_json gives;
    a test compares them), with the series encoded straight from the database's rows."""
    series = SERIES_JSON.dump_json([point._asdict() for point in points])
    return b"".join((b'{"sessions":', str(int(sessions)).encode(), b',"series":', series,
                     b',"helps":', helps.model_dump_json().encode(), b',"advice":',
                     ADVICE_JSON.dump_json(advice), b"}"))
