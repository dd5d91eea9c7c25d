"""The repository: every read and write of people and sessions goes through `Store`.

Each write is one transaction, so nothing is half-written. The store keeps no
state between calls beyond its connection pool, so any number of processes can
share one database. Every call acts for one person (`person_id`; None means
personal mode's single person), and a session of someone else is "not found".
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from types import TracebackType
from typing import Any

from pydantic import BaseModel
from sqlalchemy import Engine, bindparam, func, select, tuple_
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, defer, sessionmaker

from unknot.journal import (
    ADVICE_WINDOW,
    DIMENSIONS,
    FINISHED_STATUSES,
    RISING_RUN,
    JournalEntry,
    JournalSummary,
    Ratings,
    baseline_before,
    escalation_advice,
    recent_sessions,
)
from unknot.storage.engine import WRITE, display_url, make_engine, sqlite_path
from unknot.storage.errors import (
    DatabaseCorrupted,
    DatabaseUnavailable,
    InvalidSessionData,
    InvalidSessionUpdate,
    SessionNotFound,
)
from unknot.storage.integrity import damage_of, damaged, verify_file
from unknot.storage.migrate import upgrade_engine
from unknot.storage.models import SOURCES, Person, SessionRow, SessionTechnique
from unknot.storage.records import (
    NOTE_MAX,
    STOP_REASON_MAX,
    SessionRecord,
    canonical_id,
    check_elapsed,
    check_whole,
    clean_text,
    intake_lists,
    new_session_id,
    parse_plan,
    parse_ratings,
    parse_request,
)
from unknot.storage.rows import (
    PAIN_RATED,
    RatingPoint,
    load_journal_entries,
    load_rating_points,
    set_ratings,
    to_record,
)
from unknot.storage.summaries import part_of, update_totals, what_helps

Clock = Callable[[], datetime]
# Called inside a session write's transaction with the row as written and its status
# before the write (None: just created), so what follows from it (clinic mode's inbox)
# is stored with it or not at all.
SessionHook = Callable[[Session, SessionRow, "str | None"], None]
# Personal mode: one person, no sign-up. The accounts issue passes real ids instead.
DEFAULT_PERSON_ID = "local"
DEFAULT_PERSON_NAME = "Me"
START_STATUSES = ("planned", "in_progress")
LIST_LIMIT_MAX = 500
EXPORT_BATCH = 500


def utc_now() -> datetime:
    """The current moment in UTC (the store's default clock)."""
    return datetime.now(UTC)


def _as_utc(value: datetime) -> datetime:
    # A naive moment is taken as UTC, the zone everything is stored in.
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _moment(value: datetime | None, field: str) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, datetime):
        raise InvalidSessionData(f"{field}: must be a date and time")
    return _as_utc(value)


# The journal's fixed queries, built once (SQLAlchemy reuses their compiled form instead of
# rebuilding each expression on every request); values come in as bound parameters.
_COUNT = (select(func.count()).select_from(SessionRow)
          .where(SessionRow.person_id == bindparam("person_id")))
_PAIN_RATED = (select(SessionRow.created_at)
               .where(SessionRow.person_id == bindparam("person_id"), PAIN_RATED)
               .order_by(SessionRow.created_at.desc(), SessionRow.id.desc()).limit(RISING_RUN))
_BASELINE = (select(SessionRow.created_at)
             .where(SessionRow.person_id == bindparam("person_id"), PAIN_RATED,
                    SessionRow.created_at <= bindparam("before", type_=SessionRow.created_at.type))
             .order_by(SessionRow.created_at.desc()).limit(1))


class Store:
    """People and their sessions in one database (SQLite or PostgreSQL)."""

    def __init__(self, engine: Engine, *, clock: Clock = utc_now) -> None:
        self.engine = engine
        self._clock = clock
        self._reader = sessionmaker(engine, expire_on_commit=False)
        self._writer = sessionmaker(engine.execution_options(**{WRITE: True}),
                                    expire_on_commit=False)
        # Set once the database is found damaged: from then on nothing reads or writes it.
        self._damage: DatabaseCorrupted | None = None
        self.session_hooks: list[SessionHook] = []

    # -- plumbing -----------------------------------------------------------

    @property
    def url(self) -> str:
        """The database URL with its password hidden."""
        return display_url(self.engine.url)

    def close(self) -> None:
        """Release the connection pool."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    @property
    def damage(self) -> DatabaseCorrupted | None:
        """The damage found in the database, if any (then every call raises it)."""
        return self._damage

    def _fault(self, exc: DBAPIError, doing: str) -> Exception | None:
        """Our error for a driver error: damage (remembered), unavailable, or None (theirs)."""
        reason = damage_of(exc)
        if reason is not None:
            self._damage = damaged(sqlite_path(self.engine.url) or self.url, reason)
            return self._damage
        if isinstance(exc, OperationalError):
            return DatabaseUnavailable(f"cannot {doing} {self.url}: {exc.orig}")
        return None

    def _refuse_if_damaged(self) -> None:
        if self._damage is not None:
            raise DatabaseCorrupted(str(self._damage))

    @contextmanager
    def _write(self) -> Iterator[Session]:
        self._refuse_if_damaged()
        try:
            with self._writer.begin() as db:
                yield db
        except DBAPIError as exc:
            if (fault := self._fault(exc, "write to")) is not None:
                raise fault from exc
            raise

    @contextmanager
    def _read(self) -> Iterator[Session]:
        self._refuse_if_damaged()
        try:
            with self._reader() as db:
                yield db
        except DBAPIError as exc:
            if (fault := self._fault(exc, "read")) is not None:
                raise fault from exc
            raise

    def writing(self) -> AbstractContextManager[Session]:
        """One write transaction (for repositories built on this store, e.g. the clinic's)."""
        return self._write()

    def reading(self) -> AbstractContextManager[Session]:
        """A read-only unit of work (for repositories built on this store)."""
        return self._read()

    def _now(self) -> datetime:
        return _as_utc(self._clock())

    def now(self) -> datetime:
        """The current moment by the store's clock (UTC), for views that depend on it."""
        return self._now()

    # -- people -------------------------------------------------------------

    @staticmethod
    def person_id(person_id: str | None = None) -> str:
        """Whom a call acts for: the person given, else personal mode's single person.

        The one place that decides the current person, so accounts change only this.
        """
        return person_id or DEFAULT_PERSON_ID

    def add_person(self, display_name: str, *, person_id: str | None = None) -> str:
        """Store a new person and return their id."""
        name = clean_text(display_name, "display_name", 200)
        if not name:
            raise InvalidSessionData("display_name: must not be empty")
        pid = person_id or str(uuid.uuid4())
        try:
            with self._write() as db:
                db.add(Person(id=pid, display_name=name, created_at=self._now()))
        except IntegrityError as exc:
            raise InvalidSessionData(f"person_id: {pid!r} is already taken") from exc
        return pid

    def _ensure_person(self, db: Session, pid: str) -> None:
        if pid != DEFAULT_PERSON_ID:
            if db.get(Person, pid) is None:
                raise InvalidSessionData(f"person_id: no person {pid!r}")
            return
        # Made on first use; ON CONFLICT lets two workers race here harmlessly.
        values = {"id": pid, "display_name": DEFAULT_PERSON_NAME, "created_at": self._now()}
        insert = pg_insert if db.get_bind().dialect.name == "postgresql" else sqlite_insert
        db.execute(insert(Person).values(**values).on_conflict_do_nothing())

    # -- sessions -----------------------------------------------------------

    def create_session(
        self, *, plan: dict[str, Any] | BaseModel, request: dict[str, Any] | BaseModel,
        before: Ratings | None,
        session_id: str | None = None, source: str = "terminal", status: str = "in_progress",
        created_at: datetime | None = None, person_id: str | None = None,
        programme_id: str | None = None, slot: str | None = None,
    ) -> SessionRecord:
        """Store a new session for `plan`, or return the one already stored under `session_id`.

        Idempotent: a client that retries with the same id gets the first record back
        and never a duplicate. `status` is "in_progress" (started now) or "planned";
        `created_at` lets an offline client say when the session really began. `plan`
        and `request` may be dicts or the planner's pydantic models; they are kept as JSON.
        """
        record, _created = self.ensure_session(
            plan=plan, request=request, before=before, session_id=session_id, source=source,
            status=status, created_at=created_at, person_id=person_id,
            programme_id=programme_id, slot=slot)
        return record

    def ensure_session(
        self, *, plan: dict[str, Any] | BaseModel, request: dict[str, Any] | BaseModel,
        before: Ratings | None,
        session_id: str | None = None, source: str = "terminal", status: str = "in_progress",
        created_at: datetime | None = None, person_id: str | None = None,
        programme_id: str | None = None, slot: str | None = None,
    ) -> tuple[SessionRecord, bool]:
        """`create_session`, also saying whether this call stored the session (True) or
        found it stored already (False).

        Exactly one of any number of concurrent calls with one id gets True, on both
        databases: SQLite runs the writers one after the other (`BEGIN IMMEDIATE`);
        on PostgreSQL the id is the primary key, so a second insert waits for the
        first and fails, and the call returns the session the first one stored.
        """
        sid = new_session_id(session_id)
        pid = self.person_id(person_id)
        snapshot, plan_json = parse_plan(plan)
        request_json = parse_request(request)
        before_ratings = parse_ratings(before, "before")
        if source not in SOURCES:
            raise InvalidSessionData(f"source: must be one of {', '.join(SOURCES)}")
        if status not in START_STATUSES:
            raise InvalidSessionData(f"status: a new session is {' or '.join(START_STATUSES)}")
        now = self._now()
        created = _moment(created_at, "created_at") or now
        goals, regions = intake_lists(snapshot, request_json)
        steps = snapshot.steps
        try:
            with self._write() as db:
                existing = db.get(SessionRow, sid)
                if existing is not None:
                    return self._owned(existing, pid, sid), False
                self._ensure_person(db, pid)
                row = SessionRow(
                    id=sid, person_id=pid, created_at=created, updated_at=now,
                    started_at=created if status == "in_progress" else None, finished_at=None,
                    source=source, status=status, request=request_json, plan=plan_json,
                    total_seconds=snapshot.total_seconds or sum(s.seconds for s in steps),
                    total_steps=len(steps),
                    step_index=0, step_elapsed=0.0, completed_steps=0,
                    note=None, stop_reason=None, goals=goals, regions=regions,
                    programme_id=programme_id, slot=slot,
                    techniques=[
                        SessionTechnique(position=i, technique=s.technique, kind=s.kind,
                                         seconds=s.seconds, side=s.side)
                        for i, s in enumerate(steps)
                    ],
                )
                set_ratings(row, "before", before_ratings)
                db.add(row)
                db.flush()
                for hook in self.session_hooks:
                    hook(db, row, None)
                return to_record(row), True
        except IntegrityError as exc:
            # Another worker stored the same id between our read and our insert.
            with self._read() as db:
                existing = db.get(SessionRow, sid)
                if existing is None:
                    raise InvalidSessionData(f"the database refused the session: {exc.orig}") \
                        from exc
                return self._owned(existing, pid, sid), False

    @staticmethod
    def _owned(row: SessionRow, pid: str, sid: str) -> SessionRecord:
        if row.person_id != pid:
            raise InvalidSessionUpdate(f"session_id: {sid} is already in use")
        return to_record(row)

    def _locked(self, db: Session, session_id: str, person_id: str | None) -> SessionRow:
        sid = canonical_id(session_id)
        # FOR UPDATE: progress and finish from two workers apply one after the other.
        row = db.get(SessionRow, sid, with_for_update=True) if sid else None
        if row is None or row.person_id != self.person_id(person_id):
            raise SessionNotFound(f"no session {session_id!r}")
        return row

    def update_progress(self, session_id: str, *, step_index: int, step_elapsed: float,
                        person_id: str | None = None) -> SessionRecord:
        """Record where the player is, so a reload resumes at the same step and second.

        A planned session becomes in progress. Elapsed time past the step's end
        (a timer a moment late) is kept at the step's length.
        """
        elapsed = check_elapsed(step_elapsed)
        with self._write() as db:
            row = self._locked(db, session_id, person_id)
            if row.status not in START_STATUSES:
                raise InvalidSessionUpdate(f"session {row.id} is {row.status}; progress is closed")
            check_whole(step_index, "step_index", 0, row.total_steps - 1)
            step = db.get_one(SessionTechnique, (row.id, step_index))
            now = self._now()
            row.step_index = step_index
            row.step_elapsed = min(elapsed, float(step.seconds))
            if row.status == "planned":
                row.status, row.started_at = "in_progress", now
            row.updated_at = now
            return to_record(row)

    def finish_session(
        self, session_id: str, *, status: str, after: Ratings | None, completed_steps: int,
        stop_reason: str | None = None, note: str | None = None,
        finished_at: datetime | None = None, person_id: str | None = None,
    ) -> SessionRecord:
        """End a session: "completed", "stopped" (it hurt) or "quit", with the after ratings.

        Idempotent: finishing again with the same data returns the record as is, and
        may fill in what the first call left out (after ratings, a note). A call that
        contradicts what is stored raises `InvalidSessionUpdate`.
        """
        if status not in FINISHED_STATUSES:
            raise InvalidSessionData(f"status: must be one of {', '.join(FINISHED_STATUSES)}")
        after_ratings = parse_ratings(after, "after")
        stop_reason = clean_text(stop_reason, "stop_reason", STOP_REASON_MAX)
        note = clean_text(note, "note", NOTE_MAX)
        ended = _moment(finished_at, "finished_at")
        with self._write() as db:
            row = self._locked(db, session_id, person_id)
            check_whole(completed_steps, "completed_steps", 0, row.total_steps)
            fields: dict[str, object] = {"stop_reason": stop_reason, "note": note}
            fields.update({f"{d}_after": after_ratings.get(d) for d in DIMENSIONS})
            # What the session adds to "what helps" changes with the finish (or with
            # ratings filled in later): the totals move in this same transaction.
            counted_before = part_of(row)
            status_before = row.status
            if row.status in FINISHED_STATUSES:
                self._merge_finished(row, status, completed_steps, fields)
            else:
                now = self._now()
                row.status, row.completed_steps = status, completed_steps
                for name, value in fields.items():
                    setattr(row, name, value)
                row.finished_at = ended or now
                row.started_at = row.started_at or row.created_at
                row.updated_at = now
            update_totals(db, row.person_id, counted_before, part_of(row))
            for hook in self.session_hooks:
                hook(db, row, status_before)
            return to_record(row)

    def delete_session(self, session_id: str, *, person_id: str | None = None) -> None:
        """Remove a session (and its steps) for good; another person's is not found."""
        with self._write() as db:
            row = self._locked(db, session_id, person_id)
            update_totals(db, row.person_id, part_of(row), None)
            db.delete(row)

    def _merge_finished(self, row: SessionRow, status: str, completed_steps: int,
                        fields: dict[str, object]) -> None:
        conflicts = []
        if row.status != status:
            conflicts.append(f"status is {row.status}, not {status}")
        if row.completed_steps != completed_steps:
            conflicts.append(f"completed_steps is {row.completed_steps}, not {completed_steps}")
        missing = {}
        for name, value in fields.items():
            stored = getattr(row, name)
            if value is None or value == stored:
                continue
            if stored is None:
                missing[name] = value
            else:
                conflicts.append(f"{name} is {stored!r}, not {value!r}")
        if conflicts:
            raise InvalidSessionUpdate(
                f"session {row.id} is already finished: {'; '.join(conflicts)}")
        if missing:
            for name, value in missing.items():
                setattr(row, name, value)
            row.updated_at = self._now()

    def get_session(self, session_id: str, *, person_id: str | None = None
                    ) -> SessionRecord | None:
        """The session with this id, if it belongs to the person; else None."""
        sid = canonical_id(session_id)
        if sid is None:
            return None
        with self._read() as db:
            row = db.get(SessionRow, sid)
            if row is None or row.person_id != self.person_id(person_id):
                return None
            return to_record(row)

    def list_sessions(self, *, limit: int = 20, before: datetime | None = None,
                      before_id: str | None = None, with_plan: bool = True,
                      person_id: str | None = None) -> list[SessionRecord]:
        """The person's sessions, newest first (by `created_at`, then id).

        `with_plan=False` leaves each plan (the bulk of a row, ~30 KB) in the database
        and the record's `plan` None: what a list of sessions shows needs none of it.

        To page back, pass the last session's `created_at` as `before` and its id as
        `before_id`: the next page starts right after it, even when many sessions share
        that moment. `before` alone means "begun before this moment".
        """
        check_whole(limit, "limit", 1, LIST_LIMIT_MAX)
        query = select(SessionRow).where(SessionRow.person_id == self.person_id(person_id))
        cutoff = _moment(before, "before")
        if before_id is not None:
            last_id = canonical_id(before_id)
            if last_id is None:
                raise InvalidSessionData(f"before_id: {before_id!r} is not a UUID")
            if cutoff is None:
                raise InvalidSessionData("before_id: goes with before (the created_at of the "
                                         "same session)")
            query = query.where(tuple_(SessionRow.created_at, SessionRow.id) < (cutoff, last_id))
        elif cutoff is not None:
            query = query.where(SessionRow.created_at < cutoff)
        query = query.order_by(SessionRow.created_at.desc(), SessionRow.id.desc()).limit(limit)
        if not with_plan:
            query = query.options(defer(SessionRow.plan, raiseload=True))
        with self._read() as db:
            return [to_record(row, with_plan=with_plan) for row in db.scalars(query)]

    def iter_sessions(self, *, person_id: str | None = None) -> Iterator[SessionRecord]:
        """Every session of the person, oldest first, read in pages (for export)."""
        pid = self.person_id(person_id)
        last: tuple[datetime, str] | None = None
        while True:
            query = select(SessionRow).where(SessionRow.person_id == pid)
            if last is not None:
                query = query.where(tuple_(SessionRow.created_at, SessionRow.id) > last)
            query = query.order_by(SessionRow.created_at, SessionRow.id).limit(EXPORT_BATCH)
            with self._read() as db:
                page = [to_record(row) for row in db.scalars(query)]
            yield from page
            if len(page) < EXPORT_BATCH:
                return
            last = (page[-1].created_at, page[-1].id)

    # -- journal ------------------------------------------------------------

    def journal_entries(self, *, person_id: str | None = None) -> list[JournalEntry]:
        """The person's sessions in the compact form the journal reasons about."""
        with self._read() as db:
            return load_journal_entries(db, self.person_id(person_id))

    def journal(self, now: datetime | None = None, *, recent: int = 10,
                person_id: str | None = None) -> JournalSummary:
        """The person's journal: recent sessions, what helps, and advice (`unknot.journal`).

        Reads only what the view shows, so it costs the same after years of sessions:
        the newest `recent` sessions, the running totals of "what helps"
        (`unknot.storage.summaries`) and the sessions the advice rules look at. The
        same summary as `unknot.journal.summarize` over every session (a test checks).
        Dates in the advice are shown in the zone of `now` (default: the store's clock, UTC).
        """
        summary, _ = self.journal_view(now, recent=recent, series=0, person_id=person_id)
        return summary

    def journal_view(self, now: datetime | None = None, *, recent: int = 10, series: int,
                     person_id: str | None = None
                     ) -> tuple[JournalSummary, list[RatingPoint]]:
        """`journal` and `journal_series(limit=series)` (none for 0) in one read: one
        connection and transaction for the journal view instead of two."""
        moment = now if now is not None else self._now()
        moment = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
        pid = self.person_id(person_id)
        if series:
            check_whole(series, "limit", 1, LIST_LIMIT_MAX * 10)
        with self._read() as db:
            total = db.connection().execute(_COUNT, {"person_id": pid}).scalar() or 0
            newest = load_journal_entries(db, pid, newest=recent, with_techniques=False) \
                if recent > 0 else []
            advice_entries = self._advice_entries(db, pid, moment)
            helps = what_helps(db, pid)
            points = load_rating_points(db, pid, series) if series else []
        summary = JournalSummary(generated_at=moment, total_sessions=total,
                                 recent=recent_sessions(newest, recent), what_helps=helps,
                                 advice=escalation_advice(advice_entries, moment))
        return summary, points

    @staticmethod
    def _advice_entries(db: Session, pid: str, now: datetime) -> list[JournalEntry]:
        """The sessions the advice rules can look at (`unknot.journal.escalation_advice`):
        the last two weeks, the newest pain ratings the rising rule reads, and back to the
        baseline of the "no improvement" rule."""
        s = SessionRow
        since = now.astimezone(UTC) - ADVICE_WINDOW
        conn = db.connection()
        rated = conn.execute(_PAIN_RATED, {"person_id": pid}).scalars().all()
        if rated:
            since = min(since, rated[-1])
            baseline = conn.execute(_BASELINE, {"person_id": pid,
                                                "before": baseline_before(rated[0])}).scalar()
            if baseline is not None:
                since = min(since, baseline)
        # `>=`: every session sharing the earliest moment needed is read too.
        return load_journal_entries(db, pid, where=[s.created_at >= since],
                                    with_techniques=False)

    def journal_series(self, *, limit: int, person_id: str | None = None) -> list[RatingPoint]:
        """The newest `limit` sessions with any rating, oldest first (the journal's chart)."""
        check_whole(limit, "limit", 1, LIST_LIMIT_MAX * 10)
        with self._read() as db:
            return load_rating_points(db, self.person_id(person_id), limit)


def open_store(url: str | URL | None = None, *, upgrade: bool = True,
               clock: Clock = utc_now) -> Store:
    """A `Store` on `url` (None: the configured database), migrated to the newest schema.

    `upgrade=False` skips migrations, for processes that know they already ran. A
    damaged SQLite file raises `DatabaseCorrupted` before anything connects to it.
    """
    verify_file(url)
    engine = make_engine(url)
    if upgrade:
        try:
            upgrade_engine(engine)
        except Exception:
            engine.dispose()
            raise
    return Store(engine, clock=clock)
