"""Data files in a prepared form: read, checked and worked out once, then loaded fast.

Reading the rules, the lexicon and the technique library from YAML and checking
them costs most of a command's start-up. So the result is kept in the user's
cache folder as a pickle, under a key made of everything it was made from: the
data files' contents, the code that reads them, and the versions of Python,
pydantic and unknot. Change any of them and the key changes, so the data is
prepared afresh. A file that is unreadable, damaged or of another key is never
used: the data is parsed from the YAML as if there were no cache, and a fresh
file is written for next time (if the folder can be written at all).

Nothing but a successful load is stored, so a broken data file is reported the
same way every time, with or without a cache.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

# A cache, like ~/.cache/pip: safe to delete at any time. Tests point it elsewhere.
CACHE_DIR = Path.home() / ".cache" / "unknot"
# Bumped when the file layout changes.
_FORMAT = b"unknot-prepared-1\n"
_SOURCE = Path(__file__).parent
# The code a prepared form depends on: the loaders and everything their objects are made of.
_CODE = ("prepared.py", "vocabulary.py", "text", "safety", "library")

_KEEP = 4  # prepared files of one name kept

T = TypeVar("T")


def _code_files() -> list[Path]:
    files: list[Path] = []
    for name in _CODE:
        path = _SOURCE / name
        files.extend(sorted(path.glob("*.py")) if path.is_dir() else [path])
    return files


@functools.lru_cache(maxsize=1)
def _code_digest() -> bytes:
    """The digest of the code every prepared form depends on: read once a process (a
    command loads four prepared forms, and this is most of each key)."""
    digest = hashlib.sha256()
    for path in _code_files():
        digest.update(path.name.encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.digest()


def key_of(name: str, sources: Iterable[Path]) -> str:
    """A digest of what the prepared `name` is made from (files in a stable order)."""
    import pydantic

    digest = hashlib.sha256(_FORMAT)
    digest.update(f"{name}\0{sys.version}\0{pydantic.VERSION}\0".encode())
    digest.update(_code_digest())
    for path in sorted(sources):
        digest.update(path.name.encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _read(path: Path) -> object:
    blob = path.read_bytes()
    if not blob.startswith(_FORMAT):
        raise ValueError("not a prepared file")
    # Views, not slices: the engine is megabytes, and every slice of bytes is a copy.
    body = memoryview(blob)[len(_FORMAT):]
    checksum, payload = body[:32], body[32:]
    if hashlib.sha256(payload).digest() != checksum:
        raise ValueError("damaged")
    return pickle.loads(payload)


def _write(path: Path, value: object) -> None:
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Written beside, then renamed: a reader never sees half a file.
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(_FORMAT + hashlib.sha256(payload).digest() + payload)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    # Made from data that has since changed: a few are kept (two checkouts of unknot may
    # share the folder), the oldest go.
    kept = sorted(path.parent.glob(f"{path.name.split('-')[0]}-*.pickle"),
                  key=_modified, reverse=True)
    for old in kept[_KEEP:]:
        old.unlink(missing_ok=True)


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def load(name: str, sources: Iterable[Path], build: Callable[[], T], kind: type[T]) -> T:
    """The prepared `name`, made by `build()` from `sources` when there is none that fits.

    `kind` is what it must be: anything else in the file counts as damage.
    """
    sources = list(sources)
    try:
        key = key_of(name, sources)
    except OSError:
        return build()  # a source we cannot read: let `build` say which
    path = CACHE_DIR / f"{name}-{key[:32]}.pickle"
    try:
        value = _read(path)
        if isinstance(value, kind):
            return value
    except Exception:  # noqa: BLE001 — anything wrong with the file: prepare it afresh
        pass
    value = build()
    with contextlib.suppress(OSError, pickle.PicklingError):
        _write(path, value)  # (when it cannot be kept, the next command prepares it again)
    return value
