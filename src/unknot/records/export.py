"""Everything a person owns, as CSV and as JSON, streamed page by page (years of
sessions never sit in memory at once).

CSV: UTF-8 with a byte-order mark (so spreadsheet programs read the accents right),
one row per session, the same columns as `unknot journal export`; a cell that starts
like a formula (= + - @, tab, carriage return) gets a leading ' so a spreadsheet shows
it as text (OWASP: CSV injection).

JSON: one object, `{"format": "unknot-export", "version": 1, ...}`, with the person,
their saved preferences, every session whole (plan, ratings, notes), and in clinic mode
their intakes and programmes.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from sqlalchemy import select

from unknot.cli.journal import _csv_row, csv_cell, csv_columns
from unknot.records.gather import Subject
from unknot.storage import Store
from unknot.storage.preferences import load_preferences

BOM = "\ufeff"
FORMAT = "unknot-export"
VERSION = 1


def sessions_csv(store: Store, person_id: str) -> Iterator[str]:
    """The person's sessions as CSV text, in chunks: the BOM and header first."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=csv_columns(), lineterminator="\r\n")
    writer.writeheader()
    yield BOM + buffer.getvalue()
    for record in store.iter_sessions(person_id=person_id):
        buffer.seek(0)
        buffer.truncate()
        writer.writerow({k: csv_cell(v) for k, v in _csv_row(record).items()})
        yield buffer.getvalue()


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def _clinic_parts(store: Store, account_id: str) -> dict[str, Any]:
    from unknot.clinic import records
    from unknot.storage.clinic_models import ClientIntake

    with store.reading() as db:
        intakes = [{"recorded_at": r.created_at.isoformat(), "request": r.request,
                    "intake": r.intake}
                   for r in db.scalars(select(ClientIntake)
                                       .where(ClientIntake.client_id == account_id)
                                       .order_by(ClientIntake.id))]
    programmes = [{"id": p.id, "title": p.title, "steps": p.steps,
                   "schedule": {**p.schedule.as_json(), "starts_on": p.schedule.starts_on,
                                "ends_on": p.schedule.ends_on},
                   "updated_at": p.updated_at.isoformat()}
                  for p in records.programmes_of(store, account_id)]
    return {"intakes": intakes, "programmes": programmes}


def everything_json(store: Store, subject: Subject) -> Iterator[str]:
    """Everything `subject` owns as one JSON object, in chunks."""
    head: dict[str, Any] = {
        "format": FORMAT, "version": VERSION, "exported_at": store.now().isoformat(),
        "person": {"name": subject.name, "email": subject.email, "clinic": subject.clinic,
                   "therapist": subject.therapist},
        "preferences": load_preferences(store, person_id=subject.person_id),
    }
    if subject.account_id is not None:
        head.update(_clinic_parts(store, subject.account_id))
    from unknot.records.reminders import reminder_settings

    head["reminders"] = reminder_settings(store, subject.person_id)
    yield _dumps(head)[:-1] + ', "sessions": ['
    first = True
    for record in store.iter_sessions(person_id=subject.person_id):
        yield ("\n" if first else ",\n") + _dumps(record.model_dump(mode="json"))
        first = False
    yield "\n]}\n"
