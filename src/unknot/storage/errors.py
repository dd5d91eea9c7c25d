"""Named errors of the storage layer, so callers catch exactly what they can handle."""

from __future__ import annotations


class StorageError(Exception):
    """Base of every error the storage layer raises on purpose."""


class DatabaseUnavailable(StorageError):
    """The database cannot be reached or opened (the message names the URL, password hidden)."""


class MigrationError(StorageError):
    """The schema cannot be brought to the version this code expects."""


class SessionNotFound(StorageError, LookupError):
    """No session with that id belongs to the person asking."""


class InvalidSessionData(StorageError, ValueError):
    """A value given for a session is out of range or malformed; the message names the field."""


class InvalidSessionUpdate(InvalidSessionData):
    """The change does not fit the session's state (e.g. finished already, differently)."""


class DatabaseCorrupted(DatabaseUnavailable):
    """The database file is damaged: unknot stops and neither reads nor writes it.

    The message says what is wrong and what to do (restore a backup, `unknot db check`).
    Waiting does not help, unlike the `DatabaseUnavailable` it refines.
    """
