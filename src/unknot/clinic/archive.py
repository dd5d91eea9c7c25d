"""Archiving a programme: it leaves the client's today page and calendar, keeps its
history (the sessions played from it stay linked), and can be restored unchanged."""

from __future__ import annotations

from sqlalchemy import select

from unknot.clinic.access import Viewer
from unknot.clinic.programmes import ProgrammeError
from unknot.clinic.records import ProgrammeView, _view, add_audit
from unknot.storage import Store
from unknot.storage.clinic_models import Programme


def set_archived(store: Store, viewer: Viewer, client_id: str, programme_id: str,
                 archived: bool) -> str:
    """Archive (or restore) one of `client_id`'s programmes; the caller has decided the
    viewer may change the client's record. The programme's title."""
    now = store.now()
    with store.writing() as db:
        row = db.get(Programme, programme_id[:36], with_for_update=True) if programme_id else None
        if row is None or row.client_id != client_id:
            raise ProgrammeError("There is no such programme for this client.")
        if archived and row.archived_at is None:
            row.archived_at = now
            add_audit(db, viewer, client_id, "programme", f"archived the programme “{row.title}”",
                      now)
        elif not archived and row.archived_at is not None:
            row.archived_at = None
            add_audit(db, viewer, client_id, "programme", f"restored the programme “{row.title}”",
                      now)
        return row.title


def archived_programmes(store: Store, client_id: str) -> list[ProgrammeView]:
    """The client's archived programmes, most recently archived first."""
    with store.reading() as db:
        rows = db.scalars(select(Programme).where(Programme.client_id == client_id,
                                                  Programme.archived_at.is_not(None))
                          .order_by(Programme.archived_at.desc(), Programme.id)).all()
    return [_view(r) for r in rows]
