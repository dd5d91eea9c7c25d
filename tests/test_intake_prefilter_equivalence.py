"""The prefilter and the shared first slots change no intake of a labelled sentence.

The screen skips a pattern when the words it needs are not in the text
(`unknot/text/prefilter.py`), and the patterns of a condition that begin with the same first
slot are written once in its regex (`patterns._alternatives`). Here labelled sentences of every
set (the scored ones and those still pending), with and without their answers, are screened as
shipped and with both the prefilter and the sharing off (an engine compiled without it), and the
whole intake JSON compared. (A file of its own so the suite's two processes can share the work:
see `./test`.)
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from support.labelled import ALL_SETS, prefilter_off
from unknot.intake.screen import default_engine, screen
from unknot.safety.answers import Answers
from unknot.safety.engine import Engine
from unknot.safety.rules import load_rule_files, rule_files
from unknot.text import patterns
from unknot.text.lexicon import load_lexicon

SETS = ALL_SETS


def _intake_json(text: str, answers: Answers | None, engine: Engine | None = None) -> str:
    return screen(text, answers, engine=engine).model_dump_json()


@pytest.fixture(scope="module")
def unshared_engine() -> Engine:
    """The shipped rules and lexicon compiled without sharing first slots."""
    patterns.SHARE_FIRST_SLOTS = False
    try:
        engine = Engine(load_rule_files(rule_files()), load_lexicon())
        engine.compile_all()  # (every regex made now, while the switch is off)
    finally:
        patterns.SHARE_FIRST_SLOTS = True
    return engine


def test_the_shared_form_is_smaller():
    rule = next(c for c in default_engine()._compiled if c.rule.id == "headache.thunderclap")
    patterns.SHARE_FIRST_SLOTS = False
    try:
        unshared = load_lexicon().compiler.compile(rule.rule.when[0].text).pattern
    finally:
        patterns.SHARE_FIRST_SLOTS = True
    assert len(rule.texts[0].pattern) < len(unshared) * 0.8


def test_every_set_is_screened():
    names = {path.name for path in SETS}
    assert "intake_cases.yaml" in names and len(names) >= 20
    assert any(path.parent.name == "pending" for path in SETS)


@pytest.mark.parametrize("path", SETS, ids=lambda path: path.name)
def test_the_prefilter_changes_no_intake_of_a_labelled_sentence(path: Path, unshared_engine: Engine):
    """As shipped, against no prefilter and no shared first slots (one run for both: a
    difference would show here, and the two switches tell which).

    Without the prefilter every rule is evaluated on every text — some 25 ms a sentence — so
    each set is checked on every fifth sentence (from an offset that differs between sets).
    Every sentence of every set was compared when the prefilter and the sharing landed
    (sessions 6 and 9); tests/test_screen_prefilter.py checks the needs themselves on
    generated texts."""
    cases = [case for case in yaml.safe_load(path.read_text(encoding="utf-8")) if case.get("text")]
    assert cases
    offset = sum(path.name.encode()) % 5
    cases = cases[offset::5]
    for case in cases:
        runs = [(case["text"], None)]
        if case.get("answers"):
            runs.append((case["text"], Answers.model_validate(case["answers"])))
        for text, answers in runs:
            with_it = _intake_json(text, answers)
            with prefilter_off():
                without = _intake_json(text, answers, unshared_engine)
            assert with_it == without, text
