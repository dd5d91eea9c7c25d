"""Compiled regular expressions kept from one command to the next.

The rule and lexicon patterns expand into long regexes, and Python compiles a
regex in pure Python: for a one-off command, compiling the few patterns a text
needs cost more than everything else it did. What compiling makes — the
program the regex engine runs — is plain numbers, so it is kept in the cache
folder beside the prepared data (`prepared.py`), and a later command that needs
the same pattern loads its program instead of compiling it again.

A pattern is found by a digest of its own text, so a changed rule simply has
another key; the file's name holds the Python build and the regex engine's
version, the only things a program depends on. Programs learnt in a process are
added to the file when it exits (merged with what other processes added since).
Anything wrong with the file, or a program the engine refuses, means compiling
as usual: the regex is the same either way (tests/test_programs.py compares each
one with a fresh compile, which compares the programs themselves).
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import os
import pickle
import re
import sys
import tempfile
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

_FORMAT = "unknot-regex-2"
# About twice the shipped patterns (every command reads them all): past it, old programs go.
_MOST_KEPT = 800

_known: dict[bytes, Program] | None = None  # read from the file on first use
_learnt: dict[bytes, Program] = {}  # compiled in this process, not yet in the file


def _usable() -> bool:
    return _sre is not None and getattr(_sre, "CODESIZE", 0) == 4


def _path() -> Path:
    from unknot import prepared

    build = f"{_FORMAT}\0{sys.version}\0{_sre.MAGIC}".encode()
    return prepared.CACHE_DIR / f"regex-{hashlib.sha256(build).hexdigest()[:32]}.pickle"


_MAGIC = b"unknot-regex-programs-1\n"


def _read() -> dict[bytes, Program]:
    """The programs kept, or none when the file is missing or damaged. (Checked with a
    CRC rather than the prepared files' SHA-256: every command reads this file, and a
    CRC of its few megabytes costs a tenth as much; it guards against damage, not
    against someone who can write the user's cache folder anyway.)"""
    try:
        blob = _path().read_bytes()
        if not blob.startswith(_MAGIC):
            return {}
        checksum, payload = blob[len(_MAGIC):len(_MAGIC) + 4], blob[len(_MAGIC) + 4:]
        if zlib.crc32(payload).to_bytes(4, "big") != checksum:
            return {}
        found = pickle.loads(payload)
    except Exception:  # noqa: BLE001 — missing or damaged: start afresh
        return {}
    return found if isinstance(found, dict) else {}


def _write(programs: dict[bytes, Program]) -> None:
    path = _path()
    payload = pickle.dumps(programs, protocol=pickle.HIGHEST_PROTOCOL)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Written beside, then renamed: a reader never sees half a file.
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(_MAGIC + zlib.crc32(payload).to_bytes(4, "big") + payload)
        os.replace(temporary, path)
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
        _known = _read()
    key = _key(pattern, flags)
    program = _known.get(key) or _learnt.get(key)
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
    """Add the programs compiled in this process to the file (at exit; safe to call twice)."""
    if not _learnt:
        return
    programs = _read()
    if len(programs) + len(_learnt) > _MOST_KEPT:
        programs = {}
    programs.update(_learnt)
    with contextlib.suppress(OSError, ValueError):
        _write(programs)
    if _known is not None:
        _known.update(_learnt)
    _learnt.clear()


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
