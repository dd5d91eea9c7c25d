"""The prefilter changes nothing: the needs it files patterns under are truly needed.

The screen skips a pattern when the words it needs are not in the text
(`unknot/text/prefilter.py`). That is only sound if every need is truly
necessary. These tests check the needs on generated texts made of the lexicon's
and the rules' words, and the prepared form's filing; labelled sentences are
compared with the prefilter on and off in tests/test_intake_prefilter_equivalence.py.
"""

from __future__ import annotations

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from support.labelled import ALL_SETS, prefilter_off
from unknot.intake.screen import default_engine, screen
from unknot.safety.answers import Answers
from unknot.safety.engine import Engine
from unknot.text import prefilter
from unknot.text.normal import normalise
from unknot.text.patterns import find_hits
from unknot.text.scope import PEOPLE

SETS = ALL_SETS


def _intake_json(text: str, answers: Answers | None, engine: Engine | None = None) -> str:
    return screen(text, answers, engine=engine).model_dump_json()


def _vocabulary() -> list[str]:
    engine = default_engine()
    words = set(engine.lexicon.vocabulary)
    # Stems the patterns name (`numb*`) with the endings people give them.
    stems = {key[1:] for need in _all_needs() for clause in need for key in clause
             if key[0] == "^"}
    words |= {stem + ending for stem in stems for ending in ("", "s", "ing", "ed", "ness")}
    return sorted(words)


def _all_needs() -> list[prefilter.Need]:
    engine = default_engine()
    compiler = engine.lexicon.compiler
    needs = []
    for compiled in engine._compiled:
        for condition in compiled.rule.when:
            if condition.text:
                needs.append(prefilter.any_of(compiler.need(p) for p in condition.text))
    return needs


FILLER = ["i", "my", "the", "a", "and", "but", "not", "no", "never", "is", "have", "had",
          "since", "years", "ago", "still", "now", "after", "with", "of", "for", "in", ",",
          ".", "?", "-", "8/10", "3", "weeks", "days", "can't", "don't", "he", "she", "her", "his"]
WORDS = st.sampled_from(_vocabulary() + FILLER + sorted(PEOPLE))
TEXTS = st.lists(WORDS, min_size=1, max_size=40).map(" ".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_no_pattern_matches_a_text_that_lacks_the_words_it_needs(text: str):
    engine = default_engine()
    lexicon = engine.lexicon
    normal = lexicon.read(text)
    regexes = [*lexicon.regions.values(), *lexicon.goals.values()]
    for compiled in engine._compiled:
        regexes.extend(r for r in compiled.regexes() if r is not None)
    for regex in regexes:
        if find_hits(regex, normal):
            assert lexicon.compiler.may_match(regex, normal), (regex.pattern[:200], text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_the_prefilter_changes_no_intake_of_a_generated_text(text: str):
    with_it = _intake_json(text, None)
    with prefilter_off():
        without = _intake_json(text, None)
    assert with_it == without


def test_a_text_without_any_rule_word_skips_the_rules():
    engine = default_engine()
    normal = engine.lexicon.read("lovely day for a walk")
    held = engine.lexicon.compiler.held(normal)
    skipped = [c for c in engine._compiled if not held.issuperset(c.needs_positions)]
    # Only the rules with nothing to look for in words (age, pregnancy answers…) are left.
    assert len(skipped) > 0.9 * len(engine._compiled)
    with prefilter_off():
        everything = engine.lexicon.compiler.held(
            normalise("lovely day for a walk", engine.lexicon.correct))
        assert all(everything.issuperset(c.needs_positions) for c in engine._compiled)


@pytest.mark.parametrize(("pattern", "need"), [
    ("numb*", [{"^numb"}]),
    ("fever", [{"=fever"}]),
    ("lower? back", [{"=back"}]),
    ("sudden* ... headache", [{"^sudden"}, {"=headache"}]),
    # Every slot is needed; of a phrase, its most telling words.
    ("can not|trouble ..3 pee|pass water", [{"=pee", "=pass"}, {"=can", "=trouble"}]),
    ("c-section", [{"=section"}, {"=c"}, {"=-"}]),
    ("my back", [{"=back"}, {"=my", "=his", "=her", "=their", "=your"}]),
    ("$pain ..3 worse", [{"=worse"}, {"=pain", "=sore", "^ach"}]),
    ("my? the?", []),
])
def test_the_needs_of_a_pattern(pattern: str, need: list[set[str]]):
    from unknot.text.patterns import PatternCompiler

    found = PatternCompiler({"pain": ["pain", "sore", "ach*"]}).need(pattern)
    assert sorted(map(sorted, found)) == sorted(map(sorted, need))


CONCEPTS = {"droop": ["side of my face ..2 droop*", "eyelid ..2 droop*", "wonky", "lopsided"]}


def test_the_ways_of_a_concept_keep_each_phrase_s_words_together():
    from unknot.text.patterns import PatternCompiler

    ways = PatternCompiler(CONCEPTS).ways("$droop")
    assert sorted(sorted(map(sorted, way)) for way in ways) == [
        [["=eyelid"], ["^droop"]],
        [["=face"], ["=side"], ["^droop"]],
        [["=lopsided", "=wonky"]],  # one word each: one clause for both
    ]


@pytest.mark.parametrize(("text", "could"), [
    ("my left side is sore", False),  # a word of one phrase, not the rest of it
    ("my eyelid feels heavy", False),
    ("one side of my face is drooping", True),
    ("a wonky smile", True),
])
def test_a_text_must_have_every_word_one_way_needs(text: str, could: bool):
    from unknot.text.patterns import PatternCompiler

    compiler = PatternCompiler(CONCEPTS)
    regex = compiler.compile(["$droop"])
    normal = normalise(text)
    assert compiler.may_match(regex, normal) is could
    assert bool(find_hits(regex, normal)) is could


def test_a_compiler_from_a_prepared_form_files_new_patterns_under_the_same_bits():
    import pickle

    engine = default_engine()
    loaded = pickle.loads(pickle.dumps(engine))  # what a command reads from its cache
    for wanted in (["sudden* ... headache"], ["$vision_loss", "numb* ..3 arm"]):
        made, again = engine.lexicon.compiler.compile(wanted), loaded.lexicon.compiler.compile(wanted)
        assert (made.needs, made.ways) == (again.needs, again.ways)
    normal = engine.lexicon.read("my vision went dark")
    assert loaded.lexicon.compiler.held(normal) == engine.lexicon.compiler.held(normal)


def test_the_prepared_form_keeps_every_need_and_every_rule_filed_where_it_was():
    """A prepared engine stores masks as bit positions (`patterns._pack`): read back, each
    pattern's needs and ways, each word's positions and each rule's filing are the same."""
    import pickle

    engine = default_engine()
    loaded = pickle.loads(pickle.dumps(engine))
    for made, again in zip(engine._compiled, loaded._compiled, strict=True):
        for regex, copy in zip(made.regexes(), again.regexes(), strict=True):
            if regex is not None:
                assert (copy.needs, copy.ways) == (regex.needs, regex.ways), regex.pattern
    before, after = engine.lexicon.compiler.prefilter, loaded.lexicon.compiler.prefilter
    assert after.clauses() == before.clauses()
    assert after._exact == before._exact and after._prefix == before._prefix
    assert (loaded._by_position, loaded._by_second, loaded._always, loaded._no_second) == (
        engine._by_position, engine._by_second, engine._always, engine._no_second)


def test_every_rule_that_could_fire_on_a_text_is_among_its_candidates():
    """Rules are filed under their rarest words (`engine._filing`) and a second word they
    need: a text that has every word a rule needs must still lead to that rule."""
    from unknot.safety.engine import _worth_evaluating

    engine = default_engine()
    for path in SETS[:6]:
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            text = engine.lexicon.read(case["text"])
            held = engine.lexicon.compiler.held(text)
            could = {index for index, compiled in enumerate(engine._compiled)
                     if held.issuperset(compiled.needs_positions)
                     and _worth_evaluating(compiled, held)}
            assert could <= set(engine._candidates(held)), case["text"]


def _meets(clause: prefilter.Clause, words: list[str]) -> bool:
    """Whether some word meets one of the clause's alternatives (the definition)."""
    return any(word == key[1:] if key[0] == "=" else word.startswith(key[1:])
               for key in clause for word in words)


def test_the_positions_a_text_holds_are_the_clauses_its_words_meet():
    """`Prefilter.held` looks each word and its stems up in tables built as clauses are
    registered; it must give exactly the clauses the text's words meet by definition, and
    a regex could match by them exactly when its needs and one of its ways are all met."""
    engine = default_engine()
    compiler = engine.lexicon.compiler
    clauses = compiler.prefilter.clauses()
    regexes = [regex for compiled in engine._compiled[::5] for regex in compiled.texts
               if regex is not None]
    for path in SETS[:2]:
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))[::3]:
            text = engine.lexicon.read(case["text"])
            words = list(dict.fromkeys(text.words))
            met = {index for index, clause in enumerate(clauses) if _meets(clause, words)}
            held = compiler.held(text)
            assert held == met, case["text"]
            for regex in regexes:
                needs = set(prefilter.bit_positions(regex.needs))
                ways = regex.ways
                by_definition = needs <= met and (ways is None or any(
                    set(prefilter.bit_positions(bits)) <= met
                    for key, found in ways.items() if key.bit_length() - 1 in met
                    for bits in found))
                assert regex.could_match_in(held) is by_definition, (regex.pattern[:80],
                                                                     case["text"])


def test_clauses_registered_after_loading_are_held_like_the_others():
    """A command compiles a pattern the prepared form did not have (a new clause after
    loading): its words are then held at the new clause's position."""
    import pickle

    loaded = pickle.loads(pickle.dumps(default_engine()))
    compiler = loaded.lexicon.compiler
    regex = compiler.compile(["zzqxword ... yyqxstem*"])
    normal = loaded.lexicon.read("a zzqxword then yyqxstemming")
    assert compiler.may_match(regex, normal)
    assert find_hits(regex, normal)
    assert not compiler.may_match(regex, loaded.lexicon.read("a zzqxword alone"))
