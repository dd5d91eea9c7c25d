"""Everything a person owns, as CSV and as JSON, streamed page by page (years of
sessions never sit in memory at once).

CSV: UTF-8 with a byte-order mark (so spreadsheet programs read the accents right);
the sessions one row each, with the same columns as `unknot journal export`, alone or
in a ZIP with every other table (`everything_zip`); a cell that starts like a formula
(= + - @, tab, carriage return) gets a leading ' so a spreadsheet shows it as text
(OWASP: CSV injection).

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
                   "schedule": {**p.schedule.as_json(),
                                "starts_on": p.schedule.starts_on.isoformat(),
                                "ends_on": p.schedule.ends_on.isoformat()
                                if p.schedule.ends_on else None},
                   "updated_at": p.updated_at.isoformat()}
                  for p in records.programmes_of(store, account_id, include_archived=True)]
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


# -- everything as CSV files, in one ZIP ---------------------------------------------------

README = """Everything you kept in unknot, as CSV files (one table each).

Every file is UTF-8 with a byte-order mark, so spreadsheet programs read accents
right. A cell that starts like a formula (= + - @, tab, carriage return) has a
leading ' so a spreadsheet shows it as text, never runs it.

sessions.csv        one row per session: when, status, minutes, areas, ratings
                    before and after (0-10), stop reason and note
session_steps.csv   the steps of each session's routine, in order
preferences.csv     your saved settings, one per row (values as JSON)
reminders.csv       your reminder days and times (personal mode)
intakes.csv         what you told your therapist and what the safety screen
                    said (clinic mode)
programmes.csv      your therapist's programmes, one row per step (clinic mode)
"""


def _csv_text(header: list[str], rows: Iterator[list[Any]] | list[list[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([csv_cell(v) for v in row])
    return BOM + buffer.getvalue()


def _steps(store: Store, person_id: str) -> list[list[Any]]:
    from unknot.storage.models import SessionRow, SessionTechnique

    t = SessionTechnique
    with store.reading() as db:
        rows = db.execute(select(t.session_id, t.position, t.technique, t.kind, t.seconds, t.side)
                          .join(SessionRow, SessionRow.id == t.session_id)
                          .where(SessionRow.person_id == person_id)
                          .order_by(SessionRow.created_at, SessionRow.id, t.position)).all()
    return [[sid, position + 1, technique, kind, seconds, side or ""]
            for sid, position, technique, kind, seconds, side in rows]


def _intake_rows(parts: dict[str, Any]) -> list[list[Any]]:
    rows = []
    for item in parts["intakes"]:
        intake, request = item["intake"], item["request"] or {}
        rows.append([
            item["recorded_at"], intake.get("verdict"), intake.get("complete"),
            request.get("text") or "", ";".join(intake.get("avoid") or []),
            " | ".join(f"{f.get('id')}: {f.get('message')}" for f in intake.get("red_flags") or []),
            " | ".join(f"{c.get('id')}: {c.get('message')}" for c in intake.get("cautions") or []),
            intake.get("message") or "", _dumps(request.get("answers") or {})])
    return rows


def _programme_rows(parts: dict[str, Any]) -> list[list[Any]]:
    rows = []
    for p in parts["programmes"]:
        schedule = p["schedule"]
        for n, step in enumerate(p["steps"], 1):
            rows.append([p["id"], p["title"], ";".join(schedule["days"]),
                         ";".join(schedule["times"]), schedule["starts_on"],
                         schedule["ends_on"] or "", n, step.get("technique"),
                         step.get("seconds"), step.get("side") or "", step.get("note") or ""])
    return rows


def everything_zip(store: Store, subject: Subject) -> bytes:
    """Everything `subject` owns as CSV files in a ZIP (see README above)."""
    import zipfile

    from unknot.records.reminders import reminder_settings

    files: dict[str, str] = {"README.txt": README,
                             "sessions.csv": "".join(sessions_csv(store, subject.person_id))}
    files["session_steps.csv"] = _csv_text(
        ["session_id", "step", "technique", "kind", "seconds", "side"],
        _steps(store, subject.person_id))
    preferences = load_preferences(store, person_id=subject.person_id) or {}
    files["preferences.csv"] = _csv_text(["setting", "value"],
                                         [[k, _dumps(v)] for k, v in sorted(preferences.items())])
    reminders = reminder_settings(store, subject.person_id)
    files["reminders.csv"] = _csv_text(
        ["days", "times", "minutes", "timezone", "calendar_feed_on"],
        [[";".join(reminders["days"]), ";".join(reminders["times"]), reminders["minutes"],
          reminders["timezone"], reminders["feed_on"]]] if reminders else [])
    if subject.account_id is not None:
        parts = _clinic_parts(store, subject.account_id)
        files["intakes.csv"] = _csv_text(
            ["recorded_at", "verdict", "complete", "what_they_said", "avoid", "red_flags",
             "cautions", "message", "answers"], _intake_rows(parts))
        files["programmes.csv"] = _csv_text(
            ["programme_id", "title", "days", "times", "starts_on", "ends_on", "step",
             "technique", "seconds", "side", "note"], _programme_rows(parts))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content.encode("utf-8"))
    return out.getvalue()
