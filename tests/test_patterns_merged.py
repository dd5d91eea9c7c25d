"""Bodies that share a first slot are written once in a regex (`patterns._alternatives`): the
same intake, byte for byte, either way, for every labelled sentence of every set."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from unknot.intake.screen import default_engine, screen
from unknot.safety.answers import Answers
from unknot.safety.engine import Engine
from unknot.safety.rules import load_rule_files, rule_files
from unknot.text import patterns
from unknot.text.lexicon import load_lexicon

DATA = Path(__file__).resolve().parent / "data"
SETS = sorted([*DATA.glob("intake_*.yaml"),
               *(path for path in (DATA / "pending").glob("intake_*.yaml")
                 if not (DATA / path.name).exists())])


@pytest.fixture(scope="module")
def unshared_engine() -> Engine:
    patterns.SHARE_FIRST_SLOTS = False
    try:
        engine = Engine(load_rule_files(rule_files()), load_lexicon())
        engine.compile_all()  # (every regex made now, while the switch is off)
    finally:
        patterns.SHARE_FIRST_SLOTS = True
    return engine


def test_the_shared_form_is_smaller_and_the_same_words():
    engine = default_engine()
    rule = next(c for c in engine._compiled if c.rule.id == "headache.thunderclap")
    shared = rule.texts[0].pattern
    patterns.SHARE_FIRST_SLOTS = False
    try:
        lexicon = load_lexicon()
        unshared = lexicon.compiler.compile(rule.rule.when[0].text).pattern
    finally:
        patterns.SHARE_FIRST_SLOTS = True
    assert len(shared) < len(unshared) * 0.8


@pytest.mark.parametrize("path", SETS, ids=lambda path: path.name)
def test_sharing_first_slots_changes_no_intake(path: Path, unshared_engine: Engine):
    cases = [case for case in yaml.safe_load(path.read_text(encoding="utf-8")) if case.get("text")]
    different = []
    for case in cases:
        answers = Answers.model_validate(case["answers"]) if case.get("answers") else None
        shared = screen(case["text"], answers).model_dump_json()
        unshared = screen(case["text"], answers, engine=unshared_engine).model_dump_json()
        if shared != unshared:
            different.append(case["text"])
    assert not different, different[:5]
