"""Medicine names as voice typing writes them ("a pick saban" is apixaban) are read as the
names (`unknot/text/sounds.py`), and nothing else is."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from unknot.intake.screen import default_engine, screen
from unknot.text.lexicon import LEXICON_FILE, LexiconError, load_lexicon
from unknot.text.sounds import heard_as, sound_key, sound_table


def test_a_sound_key_is_the_spoken_consonants():
    assert sound_key("apixaban") == sound_key("a pick saban") == "pksbn"
    assert sound_key("Xarelto") == sound_key("ex aralto")
    assert sound_key("warfarin") == sound_key("war farin")


def test_a_name_is_found_only_around_a_word_that_is_not_english():
    table = sound_table(["apixaban", "warfarin"])
    english = {"a", "pick", "war", "for", "in", "sea", "ban"}.__contains__
    assert heard_as(["i", "take", "a", "pick", "saban", "daily"], table, english) == [(2, 5, "apixaban")]
    # Every word a real one: a phrase, never a name ("war for in" keys as warfarin).
    assert sound_key("warforin") == sound_key("warfarin")
    assert heard_as(["the", "war", "for", "in", "land"], table, english) == []


def test_names_sharing_a_key_or_too_short_are_left_out():
    assert sound_table(["edoxaban", "adoxaban"]) == {}
    assert sound_table(["eliquis"]) == {}  # l-k-s: too short to be told from ordinary words


@pytest.mark.parametrize(("text", "avoid"), [
    ("I take a pick saban twice a day and want to use my massage gun on my thighs",
     {"deep_pressure", "percussion"}),
    ("been on war farin for years, shoulders tight", {"deep_pressure", "percussion"}),
])
def test_a_dictated_blood_thinner_keeps_deep_pressure_out(text, avoid):
    result = screen(text)
    assert result.verdict == "caution" and avoid <= set(result.avoid)
    # The evidence shown is the person's own words.
    assert any(c.evidence in text for c in result.cautions)


def test_every_sound_alike_name_is_a_word_the_screen_looks_for():
    raw = yaml.safe_load(LEXICON_FILE.read_text(encoding="utf-8"))
    rules = "\n".join(p.read_text(encoding="utf-8") for p in
                      (Path(LEXICON_FILE).parent.parent.parent / "safety" / "data" / "rules")
                      .glob("*.yaml"))
    vocabulary = default_engine().lexicon.vocabulary  # (a stem such as "alendron" too)
    for name in raw["sound_alike"]:
        assert name in vocabulary or name in rules or any(
            len(word) >= 5 and name.startswith(word) for word in vocabulary), name


def test_a_sound_alike_entry_that_is_not_one_word_is_refused(tmp_path: Path):
    raw = yaml.safe_load(LEXICON_FILE.read_text(encoding="utf-8"))
    raw["sound_alike"] = ["apixaban", "two words"]
    bad = tmp_path / "lexicon.yaml"
    bad.write_text(yaml.safe_dump(raw), encoding="utf-8")
    with pytest.raises(LexiconError, match="sound_alike"):
        load_lexicon(bad)


def test_a_capitals_entry_must_be_a_word_and_its_meaning(tmp_path: Path):
    raw = yaml.safe_load(LEXICON_FILE.read_text(encoding="utf-8"))
    raw["capitals"] = {"HA": ""}
    bad = tmp_path / "lexicon.yaml"
    bad.write_text(yaml.safe_dump(raw), encoding="utf-8")
    with pytest.raises(LexiconError, match="capitals"):
        load_lexicon(bad)


def test_an_abbreviation_in_capitals_is_read_only_as_typed():
    assert "head" in screen("HA all day").regions
    assert "head" not in screen("ha all day, my neck is stiff").regions
