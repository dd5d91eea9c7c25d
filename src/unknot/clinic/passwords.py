"""Passwords: hashed with argon2id (argon2-cffi's defaults, RFC 9106's second choice),
never stored or logged in the clear."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

PASSWORD_MIN = 10
# Long enough for any passphrase, short enough that hashing cannot be made to stall.
PASSWORD_MAX = 200

_hasher = PasswordHasher()  # argon2id, memory-hard; parameters travel inside each hash


class WeakPassword(ValueError):
    """A new password the clinic will not accept; the message says what to change."""


def check_new_password(password: str, again: str | None = None) -> str:
    """The password if it is acceptable, else `WeakPassword` saying why."""
    if len(password) < PASSWORD_MIN:
        raise WeakPassword(f"Password: use at least {PASSWORD_MIN} characters (a few words "
                           "together are easy to remember).")
    if len(password) > PASSWORD_MAX:
        raise WeakPassword(f"Password: use at most {PASSWORD_MAX} characters.")
    if again is not None and again != password:
        raise WeakPassword("Password: the two passwords are not the same.")
    return password


def hash_password(password: str) -> str:
    """An argon2id hash of `password`, with its own salt and parameters."""
    return _hasher.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    """Whether `password` matches `stored_hash` (False for a damaged hash, never an error)."""
    if len(password) > PASSWORD_MAX:
        return False
    try:
        return _hasher.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


# Compared against when the e-mail is unknown, so a wrong address costs the same time
# as a wrong password and does not tell which accounts exist.
DUMMY_HASH = _hasher.hash("not a real password: unknot")
