"""A broken safety-question file is found at start-up, never at a request.

A copy of the shipped questions with one fault (bad YAML, an unknown field, a
question with no source, an id used twice) stops the app and `unknot serve` before
anything is served, with a message naming the file and the field, and `unknot
library lint` reports the same fault. So does a rule whose pattern names a concept
the lexicon lacks (its file loads; only compiling the patterns finds it), and the
screen's word list is read at start, not in the first request. (Broken technique and
rule files: see tests/test_serve.py.)
"""

from __future__ import annotations

import shutil
import socket
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from test_serve import HOST


@contextmanager
def taken_port() -> Iterator[int]:
    """A port something else listens on: should `serve` get past its checks, it stops
    at once (cannot bind) instead of serving for ever inside the test."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        sock.listen()
        yield sock.getsockname()[1]

FIRST_ID = "- id: neck.accident_or_manipulation\n"


def _bad_yaml(text: str) -> str:
    return text + "\n- id: neck.unclosed\n  ask: [a list that never closes\n"


def _unknown_field(text: str) -> str:
    return text.replace(FIRST_ID, FIRST_ID + "  severity: high\n", 1)


def _no_source(text: str) -> str:
    start = text.index(FIRST_ID)
    source = text.index("  source:", start)
    return text[:source] + text[text.index("\n", source) + 1:]


def _duplicate_id(text: str) -> str:
    start = text.index(FIRST_ID)
    block = text[start:text.index("\n- id:", start) + 1]
    return text + block


# (how the file is broken, what the message must say beside the file's name)
BREAKAGES: dict[str, tuple[Callable[[str], str], tuple[str, ...]]] = {
    "bad-yaml": (_bad_yaml, ("cannot read: not valid YAML at line ",
                             "did not find expected ',' or ']' (while parsing a flow sequence)")),
    "unknown-field": (_unknown_field, ("neck.accident_or_manipulation", "severity",
                                       "Extra inputs are not permitted")),
    "no-source": (_no_source, ("neck.accident_or_manipulation", "source", "Field required")),
    "duplicate-id": (_duplicate_id, ("neck.accident_or_manipulation",
                                     "id already used in neck.yaml")),
}


@pytest.fixture(params=sorted(BREAKAGES))
def broken_questions(request: pytest.FixtureRequest, tmp_path: Path,
                     monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Path, tuple[str, ...]]]:
    """The shipped questions copied, neck.yaml broken one way; the app reads the copy."""
    from unknot.safety import questions

    breaking, said = BREAKAGES[request.param]
    folder = tmp_path / "questions"
    shutil.copytree(questions.QUESTIONS_DIR, folder)
    broken = folder / "neck.yaml"
    text = broken.read_text(encoding="utf-8")
    assert FIRST_ID in text  # the fixture's premise: the file it breaks
    broken.write_text(breaking(text), encoding="utf-8")
    monkeypatch.setattr(questions, "QUESTIONS_DIR", folder)
    questions.default_questions.cache_clear()
    yield broken, said
    questions.default_questions.cache_clear()


def _names_the_fault(message: str, broken: Path, said: tuple[str, ...]) -> None:
    assert broken.name in message, message
    for words in said:
        assert words in message, message
    assert "Traceback" not in message


def test_a_broken_question_file_stops_the_app_at_start(
        broken_questions: tuple[Path, tuple[str, ...]], tmp_path: Path) -> None:
    from support.api import TestClient
    from unknot.safety.questions import QuestionError
    from unknot.settings import Settings
    from unknot.web.app import create_app

    broken, said = broken_questions
    app = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'unknot.db'}"))
    with pytest.raises(QuestionError), TestClient(app):
        pass  # start-up fails: no request is ever served, so none can end in a 500
    message = app.state.startup_error
    assert message.startswith("unknot cannot start: the safety data has errors "
                              "(run `unknot library lint`)")
    _names_the_fault(message, broken, said)


def test_serve_finds_a_broken_question_file_before_it_listens(
        broken_questions: tuple[Path, tuple[str, ...]], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import typer

    from unknot.cli.serve import serve
    from unknot.settings import get_settings

    broken, said = broken_questions
    monkeypatch.setenv("UNKNOT_DATABASE_URL", f"sqlite:///{tmp_path / 'unknot.db'}")
    get_settings.cache_clear()
    try:
        with taken_port() as port, pytest.raises(typer.Exit) as stopped:
            serve(host=None, port=port, workers=None, access_log=False)
    finally:
        get_settings.cache_clear()
    assert stopped.value.exit_code == 1
    message = capsys.readouterr().err
    assert "the safety data has errors" in message
    _names_the_fault(message, broken, said)
    assert not (tmp_path / "unknot.db").exists()  # found before the database is touched


def lint() -> object:
    """`unknot library lint`, run in this process (where the copy is patched in)."""
    from typer.testing import CliRunner

    from unknot.cli import app, db, guide, intake, journal, library, plan, serve  # noqa: F401

    return CliRunner().invoke(app, ["library", "lint"])


def test_library_lint_reports_a_broken_question_file(
        broken_questions: tuple[Path, tuple[str, ...]]) -> None:
    broken, said = broken_questions
    done = lint()
    assert done.exit_code == 1, done.output
    problems = [line for line in done.stderr.splitlines() if line.startswith("questions: ")]
    assert problems, done.stderr
    _names_the_fault("\n".join(problems), broken, said)
    assert "library OK" not in done.stdout


def test_the_shipped_questions_pass_the_same_checks() -> None:
    from unknot.safety.questions import QUESTIONS_DIR, load_question_files

    assert load_question_files(QUESTIONS_DIR.glob("*.yaml")).by_id("neck.accident_or_manipulation")
    done = lint()
    assert done.exit_code == 0 and "library OK" in done.stdout, done.output


def test_the_screen_is_built_at_start_not_in_the_first_request(tmp_path: Path) -> None:
    # The rules' patterns are compiled (and the lexicon and spelling repair's word list
    # read) at start: a broken pattern stops the start, and the first request no longer
    # pays for them while every other request of the worker, /api/v1/ping included, waits.
    from support.api import TestClient
    from unknot.intake import screen
    from unknot.settings import Settings
    from unknot.web.app import create_app

    screen.default_engine.cache_clear()
    app = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'unknot.db'}"))
    with TestClient(app):
        # Started, and no request yet: the screen is ready.
        assert screen.default_engine.cache_info().currsize == 1


def test_what_start_up_loaded_is_frozen_out_of_the_collectors_way(tmp_path: Path) -> None:
    # A full garbage collection no longer walks the rules, lexicon and library a worker
    # keeps for its whole life (the planner's 40-50 ms pauses under load).
    import gc

    from support.api import TestClient
    from unknot.settings import Settings
    from unknot.web.app import create_app

    gc.unfreeze()
    app = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'unknot.db'}"))
    try:
        with TestClient(app):
            frozen = gc.get_freeze_count()
        assert frozen > 10_000
    finally:
        gc.unfreeze()  # (the test process goes on making and dropping apps)


@pytest.fixture
def rule_with_unknown_concept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The shipped rules copied, one trigger naming a concept the lexicon lacks: the file
    loads (its schema is fine) and fails only when the patterns are compiled."""
    from unknot.intake import screen
    from unknot.safety import rules

    folder = tmp_path / "rules"
    shutil.copytree(rules.RULES_DIR, folder)
    broken = folder / "abdomen.yaml"
    text = broken.read_text(encoding="utf-8")
    assert '- "doubled over"' in text
    broken.write_text(text.replace('- "doubled over"', '- "$nosuchconcept over"', 1),
                      encoding="utf-8")
    monkeypatch.setattr(rules, "RULES_DIR", folder)
    rules.default_rules.cache_clear()
    screen.default_engine.cache_clear()
    yield broken
    rules.default_rules.cache_clear()
    screen.default_engine.cache_clear()


UNKNOWN_CONCEPT = ("rule abdomen.sudden-severe: pattern '$nosuchconcept over': "
                   "unknown concept $nosuchconcept")


def test_a_rule_pattern_that_does_not_compile_stops_the_app_at_start(
        rule_with_unknown_concept: Path, tmp_path: Path) -> None:
    from support.api import TestClient
    from unknot.safety.rules import RuleError
    from unknot.settings import Settings
    from unknot.web.app import create_app

    app = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'unknot.db'}"))
    with pytest.raises(RuleError), TestClient(app):
        pass  # was: started, then a 500 at the first screen
    assert app.state.startup_error.startswith("unknot cannot start: the safety data has errors")
    assert UNKNOWN_CONCEPT in app.state.startup_error


def test_serve_and_lint_find_a_rule_pattern_that_does_not_compile(
        rule_with_unknown_concept: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    import typer

    from unknot.cli.serve import serve
    from unknot.settings import get_settings

    monkeypatch.setenv("UNKNOT_DATABASE_URL", f"sqlite:///{tmp_path / 'unknot.db'}")
    get_settings.cache_clear()
    try:
        with taken_port() as port, pytest.raises(typer.Exit) as stopped:
            serve(host=None, port=port, workers=None, access_log=False)
    finally:
        get_settings.cache_clear()
    assert stopped.value.exit_code == 1
    assert UNKNOWN_CONCEPT in capsys.readouterr().err
    assert not (tmp_path / "unknot.db").exists()

    done = lint()
    assert done.exit_code == 1
    assert f"rules: {UNKNOWN_CONCEPT}" in done.stderr.splitlines()
