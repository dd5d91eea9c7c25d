"""GET /journal: before → after over time, what helps, and when to see a doctor."""

from __future__ import annotations

from unknot.journal import HelpItem, JournalEntry
from unknot.library.loader import default_library
from unknot.web.api.routing import api_router
from unknot.web.deps import CurrentPerson, StoreDep
from unknot.web.schemas import AdviceOut, HelpOut, Helps, JournalOut, SeriesPoint

router = api_router("journal")

# The chart shows the newest this many rated sessions: a year of daily use, and a
# bounded answer however many years of data a person has.
SERIES_MAX = 365


def series(entries: list[JournalEntry]) -> list[SeriesPoint]:
    """Sessions with any rating, oldest first, the newest `SERIES_MAX` of them."""
    rated = [e for e in entries
             if any(v is not None for r in (e.before, e.after) for v in r.model_dump().values())]
    rated.sort(key=lambda e: (e.created_at, e.id))
    return [
        SeriesPoint(id=e.id, date=e.created_at,
                    pain_before=e.before.pain, pain_after=e.after.pain,
                    tension_before=e.before.tension, tension_after=e.after.tension,
                    stress_before=e.before.stress, stress_after=e.after.stress)
        for e in rated[-SERIES_MAX:]
    ]


def _help(item: HelpItem, name: str) -> HelpOut:
    return HelpOut(id=item.key, name=name, sessions=item.sessions, pain=item.pain.change,
                   tension=item.tension.change, stress=item.stress.change)


@router.get("/journal", response_model=JournalOut)
def journal(store: StoreDep, person: CurrentPerson) -> JournalOut:
    """The person's journal: a chart series, what helps, and any advice to see a doctor."""
    # Both read only what the view shows: the same cost after years of daily sessions.
    summary = store.journal(store.now(), recent=0, person_id=person)
    rated = store.journal_series(limit=SERIES_MAX, person_id=person)
    library = default_library()

    def technique_name(key: str) -> str:
        technique = library.get(key)
        # A technique since removed from the library still shows, by its id.
        return technique.name if technique else key.replace("-", " ").capitalize()

    helps = summary.what_helps
    return JournalOut(
        sessions=summary.total_sessions,
        series=series(rated),
        helps=Helps(
            techniques=[_help(i, technique_name(i.key)) for i in helps.by_technique],
            goals=[_help(i, i.key.replace("_", " ").capitalize()) for i in helps.by_goal],
        ),
        advice=[AdviceOut(id=a.id, message=a.message, evidence=a.evidence, verdict=a.verdict,
                          source=a.source) for a in summary.advice],
    )
