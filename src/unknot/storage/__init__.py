"""Storage: SQLAlchemy 2 models, Alembic migrations and the session repository.

SQLite by default (one person, one computer), PostgreSQL for a clinic with
several workers. Everything others need is importable from here::

    from unknot.storage import open_store, Ratings, SessionRecord, upgrade_database
"""

from unknot.journal import JournalSummary, Ratings
from unknot.storage.engine import display_url, make_engine
from unknot.storage.errors import (
    DatabaseCorrupted,
    DatabaseUnavailable,
    InvalidSessionData,
    InvalidSessionUpdate,
    MigrationError,
    SessionNotFound,
    StorageError,
)
from unknot.storage.integrity import (
    PROBLEMS_SHOWN,
    CheckReport,
    NotForThisDatabase,
    backup_database,
    check_database,
)
from unknot.storage.migrate import MigrationState, database_state, head_revision, upgrade_database
from unknot.storage.models import SOURCES, STATUSES
from unknot.storage.preferences import load_preferences, save_preferences
from unknot.storage.records import SessionRecord
from unknot.storage.store import DEFAULT_PERSON_ID, Store, open_store, utc_now

__all__ = [
    "DEFAULT_PERSON_ID",
    "PROBLEMS_SHOWN",
    "SOURCES",
    "STATUSES",
    "CheckReport",
    "DatabaseCorrupted",
    "DatabaseUnavailable",
    "InvalidSessionData",
    "InvalidSessionUpdate",
    "JournalSummary",
    "MigrationError",
    "MigrationState",
    "NotForThisDatabase",
    "Ratings",
    "SessionNotFound",
    "SessionRecord",
    "StorageError",
    "Store",
    "backup_database",
    "check_database",
    "database_state",
    "display_url",
    "head_revision",
    "load_preferences",
    "make_engine",
    "open_store",
    "save_preferences",
    "upgrade_database",
    "utc_now",
]
