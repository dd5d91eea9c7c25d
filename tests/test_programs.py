"""Regexes compiled in one command are kept for the next (`unknot/text/programs.py`): the
regex made from a kept program is the same regex, program for program, and a missing or
damaged file only means compiling as usual."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from unknot import prepared
from unknot.intake.screen import default_engine
from unknot.text import programs


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setattr(prepared, "CACHE_DIR", folder)
    monkeypatch.setattr(programs, "_known", None)
    monkeypatch.setattr(programs, "_learnt", {})
    return folder


def _patterns() -> list[tuple[str, int]]:
    engine = default_engine()
    regexes = [*engine.lexicon.regions.values(), *engine.lexicon.goals.values()]
    for compiled in engine._compiled:
        regexes.extend(r for r in compiled.regexes() if r is not None)
    found = {(regex.pattern, 0) for regex in regexes}
    # The modules' own regexes (scope, facts, tokens, sides, reasons).
    from unknot.planner import compose, sides
    from unknot.safety import facts
    from unknot.text import normal, scope

    for module in (scope, facts, normal, sides, compose):
        for value in vars(module).values():
            for lazy in (value if isinstance(value, list) else [value]):
                if isinstance(lazy, programs.Lazy):
                    found.add(lazy._source)
    return sorted(found)


def test_a_kept_program_makes_the_same_regex(cache: Path):
    patterns = _patterns()
    assert len(patterns) > 300
    # Patterns compare equal only when their flags and whole programs are equal.
    fresh = [programs.compile(p, f) for p, f in patterns]
    assert fresh == [re.compile(p, f) for p, f in patterns]
    programs.save()
    [folder] = cache.glob("regex-*")
    assert len(list(folder.iterdir())) == len(patterns)  # a file for each
    programs._known = None  # a new process: everything from the files
    kept = [programs.compile(p, f) for p, f in patterns]
    assert not programs._learnt  # nothing compiled again
    assert kept == fresh
    assert [k.flags for k in kept] == [f.flags for f in fresh]
    assert [k.groupindex for k in kept] == [f.groupindex for f in fresh]


def test_a_damaged_file_means_compiling_as_usual(cache: Path):
    pattern = r"\bsudden\w* (?P<what>headache|pain)\b"
    programs.compile(pattern)
    programs.save()
    [kept] = cache.glob("regex-*/*")
    kept.write_bytes(kept.read_bytes()[:-20])
    programs._known = None
    again = programs.compile(pattern)
    assert again == re.compile(pattern) and programs._learnt  # compiled, to be kept afresh
    assert again.search("a sudden headache").group("what") == "headache"
    programs.save()
    assert programs._read(programs._key(pattern, 0))  # whole again


def test_a_command_reads_only_the_programs_it_needs(cache: Path):
    patterns = [rf"\bword{n}\b" for n in range(5)]
    for pattern in patterns:
        programs.compile(pattern)
    programs.save()
    [folder] = cache.glob("regex-*")
    (folder / programs._key(patterns[0], 0).hex()).unlink()  # one gone; the others kept
    programs._known = None
    assert programs.compile(patterns[1]) == re.compile(patterns[1])
    assert not programs._learnt and list(programs._known) == [programs._key(patterns[1], 0)]
    assert programs.compile(patterns[0]) == re.compile(patterns[0])
    assert list(programs._learnt) == [programs._key(patterns[0], 0)]  # compiled, to keep


def test_the_folder_keeps_the_most_recently_written(cache: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(programs, "_MOST_KEPT", 3)
    for n in range(5):
        programs.compile(rf"\bfirst{n}\b")
    programs.save()
    [folder] = cache.glob("regex-*")
    assert len(list(folder.iterdir())) == 3
    old = cache / "regex-0123.pickle"  # the one-file form of earlier versions
    old.write_bytes(b"old")
    programs.compile(r"\bsecond\b")
    programs.save()
    names = {p.name for p in folder.iterdir()}
    assert len(names) == 3 and programs._key(r"\bsecond\b", 0).hex() in names
    assert not old.exists()


def test_a_refused_program_means_compiling_as_usual(cache: Path):
    pattern = r"(?:left|right) side"
    programs.compile(pattern)
    key = programs._key(pattern, 0)
    flags, code, groups, names, indexes = programs._learnt[key]
    programs._learnt[key] = (flags, code[:-8], groups, names, indexes)  # cut short
    assert programs.compile(pattern) == re.compile(pattern)


def test_a_lazy_regex_compiles_on_first_use_only():
    lazy = programs.Lazy(r"\bneck\b", re.IGNORECASE)
    assert "search" not in vars(lazy)
    assert lazy.search("My NECK hurts").group(0) == "NECK"
    assert "search" in vars(lazy) and lazy.pattern == r"\bneck\b"


def test_a_command_keeps_its_regexes_for_the_next(tmp_path: Path):
    env = {**os.environ, "HOME": str(tmp_path)}
    unknot = [str(Path(sys.executable).parent / "unknot"), "intake", "--json",
              "sudden worst headache of my life"]
    first = subprocess.run(unknot, env=env, capture_output=True, text=True, check=True).stdout
    [folder] = (tmp_path / ".cache" / "unknot").glob("regex-*")
    kept = list(folder.iterdir())
    assert kept and all(p.read_bytes().startswith(programs._MAGIC) for p in kept)
    second = subprocess.run(unknot, env=env, capture_output=True, text=True, check=True).stdout
    assert second == first and '"verdict": "urgent"' in first
