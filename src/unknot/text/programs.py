"""Compiled regular expressions kept from one command to the next.

The rule and lexicon patterns expand into long regexes, and Python compiles a
regex in pure Python: for a one-off command, compiling the few patterns a text
needs cost more than everything else it did. What compiling makes — the
program the regex engine runs — is plain numbers, so it is kept in the cache
folder beside the prepared data (`prepared.py`), and a later command that needs
the same pattern loads its program instead of compiling it again.

Each program is a file of its own, named by a digest of its pattern, in a folder
whose name holds the Python build and the regex engine's version (the only things
a program depends on): a command reads just the few programs its text needs, not
every pattern ever compiled (one file of them all was 8 MB, read whole by every
command: a fifth of `unknot plan`'s start). A changed rule simply has another key.
Programs learnt in a process are written when it exits, each on its own, written
beside and renamed, so a reader never sees half of one. Anything wrong with a
file, or a program the engine refuses, means compiling as usual: the regex is the
same either way (tests/test_programs.py compares each one with a fresh compile,
which compares the programs themselves).
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import marshal
import os
import re
import sys
import zlib
from array import array
from pathlib import Path

try:  # CPython's own compiler, which `re.compile` runs; without it, compile as usual.
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover — another Python
    _sre = None  # type: ignore[assignment]

# A program: the flags, the code as 32-bit numbers, the groups and group names.
Program = tuple[int, bytes, int, dict, tuple]

_FORMAT = "unknot-regex-3"
_MAGIC = b"unknot-regex-program-1\n"
# About twice the shipped patterns (some 1,600 in session 12): past it, the programs written
# longest ago go. (The test of the kept programs fails when the shipped patterns outgrow it.)
_MOST_KEPT = 4000

_known: dict[bytes, Program] | None = None  # read from their files in this process
_learnt: dict[bytes, Program] = {}  # compiled in this process, not yet in a file


def _usable() -> bool:
    return _sre is not None and getattr(_sre, "CODESIZE", 0) == 4


def _folder() -> Path:
    from unknot import prepared

    build = f"{_FORMAT}\0{sys.version}\0{_sre.MAGIC}".encode()
    return prepared.CACHE_DIR / f"regex-{hashlib.sha256(build).hexdigest()[:32]}"


def _read(key: bytes) -> Program | None:
    """The program kept for `key`, or None when its file is missing or damaged. (Checked
    with a CRC: it guards against a torn or damaged file, not against someone who can
    write the user's cache folder anyway.)"""
    try:
        blob = (_folder() / key.hex()).read_bytes()
        if not blob.startswith(_MAGIC):
            return None
        checksum, payload = blob[len(_MAGIC):len(_MAGIC) + 4], blob[len(_MAGIC) + 4:]
        if zlib.crc32(payload).to_bytes(4, "big") != checksum:
            return None
        found = marshal.loads(payload)
    except Exception:  # noqa: BLE001 — missing or damaged: compile afresh
        return None
    return found if isinstance(found, tuple) and len(found) == 5 else None


def _write(folder: Path, key: bytes, program: Program) -> None:
    import tempfile  # (only a command that compiled something writes)

    payload = marshal.dumps(program)
    # Written beside, then renamed: a reader never sees half a file.
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=key.hex(), suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(_MAGIC + zlib.crc32(payload).to_bytes(4, "big") + payload)
        os.replace(temporary, folder / key.hex())
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _key(pattern: str, flags: int) -> bytes:
    return hashlib.blake2b(f"{flags}\0{pattern}".encode(), digest_size=16).digest()


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 — `re.compile`, remembered
    """`re.compile(pattern, flags)`, from the program kept for it when there is one."""
    global _known
    flags = int(flags)
    if not _usable() or flags & re.DEBUG:
        return re.compile(pattern, flags)
    if _known is None:
        _known = {}
    key = _key(pattern, flags)
    program = _known.get(key) or _learnt.get(key)
    if program is None:
        program = _read(key)
        if program is not None:
            _known[key] = program
    if program is not None:
        flags, code, groups, groupindex, indexgroup = program
        with contextlib.suppress(Exception):  # refused: compile it as usual below
            return _sre.compile(pattern, flags, array("I", code).tolist(), groups, groupindex,
                                indexgroup)
    compiled, program = _compile(pattern, flags)
    if program is not None:
        if not _learnt:
            atexit.register(save)
        _learnt[key] = program
    return compiled


def _compile(pattern: str, flags: int) -> tuple[re.Pattern[str], Program | None]:
    """What `re._compiler.compile` does, keeping the program it makes on the way."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = parsed.state.groupdict
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    flags, groups = flags | parsed.state.flags, parsed.state.groups - 1
    compiled = _sre.compile(pattern, flags, code, groups, groupindex, tuple(indexgroup))
    try:
        blob = array("I", code).tobytes()
    except OverflowError:  # a number past 32 bits: this one is compiled every time
        return compiled, None
    return compiled, (flags, blob, groups, dict(groupindex), tuple(indexgroup))


def save() -> None:
    """Write the programs compiled in this process, each to its file (at exit; safe to call
    twice). When the folder holds more than `_MOST_KEPT`, those written longest ago go."""
    if not _learnt:
        return
    folder = _folder()
    with contextlib.suppress(OSError, ValueError):
        folder.mkdir(parents=True, exist_ok=True)
        for key, program in _learnt.items():
            _write(folder, key, program)
        _forget_oldest(folder)
        _forget_single_file(folder.parent)
    if _known is not None:
        _known.update(_learnt)
    _learnt.clear()


def _forget_oldest(folder: Path) -> None:
    entries = list(os.scandir(folder))
    if len(entries) <= _MOST_KEPT:
        return
    for entry in sorted(entries, key=_written)[:len(entries) - _MOST_KEPT]:
        with contextlib.suppress(OSError):
            os.unlink(entry.path)


def _written(entry: os.DirEntry) -> float:
    try:
        return entry.stat().st_mtime
    except OSError:
        return 0.0


def _forget_single_file(cache: Path) -> None:
    """The one-file form of earlier versions (every program in one pickle): no longer read."""
    for old in cache.glob("regex-*.pickle"):
        with contextlib.suppress(OSError):
            old.unlink()


class Lazy:
    """A module's regex, compiled when first used, from its kept program when there is one:
    importing the screen compiles nothing. Reads like the compiled pattern (`.search`,
    `.finditer`, `.pattern`…)."""

    def __init__(self, pattern: str, flags: int = 0):
        self._source = (pattern, flags)

    def __getattr__(self, name: str):
        # Called only for what is not yet on the object: the first use compiles, and each
        # attribute asked for is then kept here, so later uses cost nothing extra.
        compiled = compile(*self._source)
        value = getattr(compiled, name)
        setattr(self, name, value)
        return value
