"""The prepared form of the data files: used when it fits, made afresh when a file changes,
never trusted when damaged, and never needed (a folder that cannot be written still works)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from unknot import prepared
from unknot.intake.screen import screen
from unknot.library import loader
from unknot.safety import engine as engine_module
from unknot.safety import rules
from unknot.safety.engine import Engine
from unknot.safety.rules import RuleError, RuleSet


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setattr(prepared, "CACHE_DIR", folder)
    return folder


def _files(cache: Path, name: str) -> list[Path]:
    return sorted(cache.glob(f"{name}-*.pickle"))


def test_the_rules_are_prepared_once_then_loaded(cache: Path):
    first = rules.default_rules.__wrapped__()
    [made] = _files(cache, "rules")
    stamp = made.stat().st_mtime_ns
    again = rules.default_rules.__wrapped__()
    assert again == first and again is not first
    assert made.stat().st_mtime_ns == stamp  # read, not written again


def test_a_damaged_prepared_file_is_never_used(cache: Path):
    fresh = rules.default_rules.__wrapped__()
    [made] = _files(cache, "rules")
    blob = bytearray(made.read_bytes())
    blob[-10] ^= 0xFF  # one flipped byte in the payload
    made.write_bytes(bytes(blob))
    assert rules.default_rules.__wrapped__() == fresh
    made.write_bytes(b"not a prepared file at all")
    assert rules.default_rules.__wrapped__() == fresh
    made.write_bytes(made.read_bytes()[:5])  # cut short
    assert rules.default_rules.__wrapped__() == fresh
    # …and each time a good file took its place.
    assert prepared._read(made) == fresh


def test_a_prepared_file_of_the_wrong_kind_is_not_used(cache: Path):
    fresh = rules.default_rules.__wrapped__()
    [made] = _files(cache, "rules")
    prepared._write(made, {"not": "a rule set"})
    assert rules.default_rules.__wrapped__() == fresh


def test_a_changed_rule_file_is_prepared_afresh(cache: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch):
    folder = tmp_path / "rules"
    shutil.copytree(rules.RULES_DIR, folder)
    monkeypatch.setattr(rules, "RULES_DIR", folder)
    before = rules.default_rules.__wrapped__()
    target = folder / "general.yaml"
    text = target.read_text(encoding="utf-8")
    first_message = next(r.message for r in before.rules
                         if r.group == "general" and r.message in text)
    changed = "A changed message, long enough to pass."
    target.write_text(text.replace(first_message, changed, 1), encoding="utf-8")
    after = rules.default_rules.__wrapped__()
    assert changed in {r.message for r in after.rules}
    assert len(_files(cache, "rules")) == 2
    # A broken file is reported as before, and nothing is stored for it.
    target.write_text(text + "\n  - [unclosed\n", encoding="utf-8")
    with pytest.raises(RuleError, match="general.yaml"):
        rules.default_rules.__wrapped__()
    assert len(_files(cache, "rules")) == 2


def test_a_folder_that_cannot_be_written_still_works(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder would be", encoding="utf-8")
    monkeypatch.setattr(prepared, "CACHE_DIR", blocked / "cache")
    assert isinstance(rules.default_rules.__wrapped__(), RuleSet)


def test_the_prepared_engine_screens_exactly_as_one_built_from_the_files(cache: Path):
    from unknot.safety.rules import load_rule_files, rule_files
    from unknot.text.lexicon import load_lexicon

    built = Engine(load_rule_files(rule_files()), load_lexicon())
    loaded = engine_module.default_engine()  # made and stored
    reloaded = engine_module.default_engine()  # read back
    assert _files(cache, "engine")
    for text in ("worst headache of my life, came on suddenly", "I take warfarin, shoulders knotted",
                 "my calf is swollen and hot", "neck tight from the desk", "can't sleeep, mind racing"):
        results = {screen(text, engine=e).model_dump_json() for e in (built, loaded, reloaded)}
        assert len(results) == 1, text


def test_the_prepared_library_is_the_library(cache: Path):
    files = sorted(loader.TECHNIQUES_DIR.glob("*.yaml"))
    assert loader.default_library.__wrapped__() == loader.load_library_from(files)
    assert _files(cache, "library")
    assert loader.default_library.__wrapped__() == loader.load_library_from(files)


def test_only_a_few_prepared_files_are_kept(cache: Path):
    for number in range(prepared._KEEP + 3):
        prepared.load("sample", [], lambda n=number: n, int)
        prepared._write(cache / f"sample-{number:032d}.pickle", number)
    assert len(_files(cache, "sample")) <= prepared._KEEP


def test_a_prepared_engine_reads_only_the_rules_a_text_leads_to(cache: Path):
    """Each compiled rule is its own pickle in the prepared engine, read when first asked
    for: a command that screens one text reads its forty or so candidates, not all ~900."""
    engine_module.default_engine()  # made and stored
    loaded = engine_module.default_engine()  # read back
    assert isinstance(loaded._compiled, engine_module._PreparedRules)
    read = lambda: sum(rule is not None for rule in loaded._compiled._rules)  # noqa: E731
    assert read() == 0
    screen("neck tight from the desk, headache coming", engine=loaded)
    assert 0 < read() < len(loaded._compiled) / 5
    # read in full, they are the rules the files make, in the same order
    built = Engine(rules.load_rule_files(rules.rule_files()), loaded.lexicon)
    assert [c.rule for c in loaded._compiled] == [c.rule for c in built._compiled]
    assert loaded._compiled[-1] is loaded._compiled[len(loaded._compiled) - 1]
    assert loaded._compiled[:2] == [loaded._compiled[0], loaded._compiled[1]]


def test_the_prefilter_clauses_are_read_only_to_compile_a_new_pattern(cache: Path):
    engine_module.default_engine()
    loaded = engine_module.default_engine()
    prefilter = loaded.lexicon.compiler.prefilter
    screen("my calf is swollen and hot", engine=loaded)
    assert isinstance(prefilter._clauses, bytes)  # a screen compiles nothing new
    regex = loaded.lexicon.compiler.compile(["sudden* ... headache"])
    assert regex.needs and not isinstance(prefilter._clauses, bytes)
