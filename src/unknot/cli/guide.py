"""`unknot guide`: screen, ask the quick safety check, plan, then lead the person through
the routine in the terminal.

The way through: an emergency prints only the call for help; text we cannot place
asks for the area; then the safety questions (whose body it is, and each red
flag, one key each) unless `--answer`, `--none` and `--for` already answered
them; the answers are screened again, and a verdict that needs a doctor ends
here with no routine. Only then the before-ratings and the routine.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from unknot.cli import options as opt
from unknot.cli.app import app, fail
from unknot.cli.intake import print_intake, run_screen

if TYPE_CHECKING:  # imported where used: every command loads this module, only guide needs them
    from rich.console import Console

    from unknot.guide import GuideOutcome
    from unknot.guide.check import CheckAnswers
    from unknot.intake.screen import IntakeResult
    from unknot.planner import Plan, PlanRequest

NO_ROUTINE = ("urgent", "see_doctor")
# Answers can bring new questions (whose body it is changes the checklist); never loop on.
MAX_CHECK_ROUNDS = 4
NOT_CHECKED = ("the quick safety check is not complete, and no routine starts before it is: "
               "answer it with --answer ID=yes|no (the ids are listed above) or --none if none "
               "apply, or run `unknot guide` in a terminal to be asked")


def _load_plan_file(path: Path) -> Plan:
    from pydantic import ValidationError

    from unknot.planner import Plan

    try:
        return Plan.model_validate_json(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise fail(f"--plan-file {path}: cannot read it ({exc.strerror})") from exc
    except ValidationError as exc:
        raise fail(f"--plan-file {path}: not a plan from `unknot plan --json` "
                   f"({opt.validation_message(exc, prefix='')})") from exc


def _save(plan: dict[str, Any], request: PlanRequest, outcome: GuideOutcome,
          started: datetime) -> None:
    from unknot.storage import Ratings, open_store

    def ratings(values: dict[str, int | None]) -> Ratings | None:
        return Ratings(**values) if any(v is not None for v in values.values()) else None

    with open_store() as store:
        record = store.create_session(plan=plan, request=request,
                                      before=ratings(outcome.before), source="terminal",
                                      created_at=started)
        store.finish_session(record.id, status=outcome.status, after=ratings(outcome.after),
                             completed_steps=outcome.completed_steps,
                             stop_reason=outcome.stop_reason)


def _check_journal_writable() -> None:
    """Before the routine: the journal opens and starts a write, so a session is not
    played through only to find the journal away at the end (if it still refuses then,
    the session is kept in a file: `_keep_unsaved`)."""
    from sqlalchemy.exc import DBAPIError

    from unknot.storage import StorageError, open_store
    from unknot.storage.engine import WRITE

    try:
        # A write transaction (SQLite: BEGIN IMMEDIATE takes the write lock) that writes
        # nothing: fails on a database that cannot be opened or a server that refuses.
        with open_store() as store, store.engine.connect() as connection, \
                connection.execution_options(**{WRITE: True}).begin() as transaction:
            transaction.rollback()
    except (StorageError, DBAPIError) as exc:
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        raise fail(f"the journal cannot be written ({reason}), so the routine did not start; "
                   "check it with `unknot db check`", code=1) from exc


def _keep_unsaved(plan: dict[str, Any], request: PlanRequest, outcome: GuideOutcome,
                  started: datetime, data_dir: Path) -> Path:
    """The session as a JSON file in the data folder, when the journal refused it."""
    folder = data_dir / "unsaved"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"session-{started:%Y%m%dT%H%M%S}.json"
    record = {"created_at": started.isoformat(), "plan": plan,
              "request": request.model_dump(mode="json"), "status": outcome.status,
              "before": outcome.before, "after": outcome.after,
              "completed_steps": outcome.completed_steps, "stop_reason": outcome.stop_reason}
    path.write_text(json.dumps(record, indent=2), encoding="utf-8")
    return path


def _with_answers(request: PlanRequest, found: CheckAnswers,
                  intake: IntakeResult) -> PlanRequest:
    """The request with what the check gathered (and what the intake already had) added."""
    from unknot.safety.answers import Answers

    base = request.answers or Answers()
    questions = {q.id: q.answer for q in intake.questions if q.answer is not None}
    questions.update(base.questions)
    questions.update(found.questions)
    update: dict[str, Any] = {"questions": questions}
    if found.subject is not None:
        update["subject"] = found.subject
    return request.model_copy(update={"answers": base.model_copy(update=update)})


def _open(intake: IntakeResult) -> list[Any]:
    return [q for q in intake.questions if q.answer is None]


def _ask_until_complete(result: Plan, request: PlanRequest, *, rest_no: bool,
                        subject_given: bool, console: Console) -> tuple[Plan, PlanRequest]:
    """Ask the check in the terminal and plan again with the answers, until nothing is open."""
    from unknot.guide.check import ask_check, key_reader
    from unknot.guide.keys import TerminalKeys

    ask_subject = not subject_given
    with TerminalKeys() as keys:
        read_key = key_reader(keys)
        for round_ in range(MAX_CHECK_ROUNDS):
            intake = result.intake
            if intake.verdict == "urgent" or not (_open(intake) or
                                                  (ask_subject and intake.questions)):
                break
            found = ask_check(_open(intake), read_key=read_key, console=console,
                              subject=intake.subject, ask_subject=ask_subject,
                              more=round_ > 0)
            ask_subject = False
            request = _with_answers(request, found, intake)
            result = opt.run_plan(request, rest_no=rest_no)
    return result, request


def _check_saved(saved: Plan, request: PlanRequest, *, rest_no: bool, interactive: bool,
                 subject_given: bool, console: Console) -> Plan:
    """A saved plan whose check is open: ask it, then play it only if every answer is no.

    The saved plan's text is not kept, so a yes is screened on the plan's own areas: a
    verdict that needs a doctor ends here, and a caution means the saved plan was made
    without it in mind."""
    from unknot.guide.check import CheckAnswers, ask_check, key_reader
    from unknot.guide.keys import TerminalKeys
    from unknot.safety.answers import Answers

    answers = request.answers or Answers()
    open_ = [q for q in _open(saved.intake) if q.id not in answers.questions]
    if rest_no:
        found = CheckAnswers({q.id: False for q in open_})
    elif interactive:
        with TerminalKeys() as keys:
            found = ask_check(open_, read_key=key_reader(keys), console=console,
                              subject=saved.intake.subject, ask_subject=not subject_given)
    else:
        print_intake(saved.intake, console)
        raise fail(NOT_CHECKED)
    given = {**answers.questions, **found.questions}
    subject = found.subject or answers.subject or saved.intake.subject
    # Screened even when every answer is no: an unknown id is a usage error either way.
    check = run_screen(None, answers.model_copy(update={"questions": given, "subject": subject}),
                       regions=list(saved.intake.regions) or None,
                       goals=list(saved.intake.goals) or None)
    if any(given.values()):
        print_intake(check.model_copy(update={"questions": []}), console)
        if check.verdict in NO_ROUTINE:
            raise typer.Exit(0)
        raise fail("your answers change what is safe, and this saved plan was made without "
                   "them: plan again with `unknot guide TEXT` (or `unknot plan --json` with "
                   "the same --answer options)", code=1)
    answered = [q.model_copy(update={"answer": given.get(q.id, q.answer)})
                for q in saved.intake.questions]
    intake = saved.intake.model_copy(update={"questions": answered, "complete": True})
    return saved.model_copy(update={"intake": intake})


@app.command()
def guide(
    text: Annotated[str | None, typer.Argument(
        help="What is bothering you, in your own words ('-' reads standard input).")] = None,
    minutes: opt.Minutes = 10, tools: opt.Tools = None, setting: opt.SettingOpt = "anywhere",
    pressure: opt.PressureOpt = "moderate", regions: opt.Regions = None, goals: opt.Goals = None,
    seed: opt.Seed = 0,
    age: opt.Age = None, pregnant: opt.Pregnant = None, weeks: opt.Weeks = None,
    condition: opt.Conditions = None, medicine: opt.Medicines = None, pain: opt.Pain = None,
    duration: opt.Duration = None, injury: opt.Injury = None,
    answer: opt.AnswerOpt = None, none: opt.NoneOpt = False, subject: opt.ForOpt = None,
    voice: Annotated[bool | None, typer.Option(
        "--voice/--no-voice", help="Speak the cues (needs espeak-ng; default on).")] = None,
    breath_rate: Annotated[float | None, typer.Option(
        help="Breaths a minute the breath pacer leads (2–20, default 6).")] = None,
    no_input: Annotated[bool, typer.Option(
        "--no-input", help="Run without keys or rating questions.")] = False,
    time_scale: Annotated[float, typer.Option(
        hidden=True, help="Play faster for tests and demos (0.01 = 100× faster).")] = 1.0,
    plan_file: Annotated[Path | None, typer.Option(
        help="Play a plan saved with `unknot plan --json` instead of planning anew.")] = None,
) -> None:
    """Screen what you describe, ask the quick safety check, build a routine and guide you
    through it, hands-free.

    The safety check asks one question at a time: y yes, n no, a none of the rest apply, w why.

    --answer, --none and --for answer the check ahead.

    Keys while the routine plays: space pause, n next, b back, s stop (it hurts), q quit.
    """
    from rich.console import Console
    from rich.text import Text

    from unknot.guide import GuideError, run_guide
    from unknot.guide.check import CheckCancelled
    from unknot.guide.pacer import PacerError, check_rate
    from unknot.guide.speech import make_speaker
    from unknot.planner import PlanningError
    from unknot.settings import SettingsError, get_settings
    from unknot.storage import StorageError

    try:
        settings = get_settings()
    except SettingsError as exc:
        raise fail(str(exc)) from exc
    rate = settings.breath_rate if breath_rate is None else breath_rate
    try:
        check_rate(rate)
    except PacerError as exc:
        raise fail(f"--breath-rate: {exc}") from exc
    if not 0 < time_scale <= 10:
        raise fail("--time-scale must be above 0 and at most 10")

    saved = _load_plan_file(plan_file) if plan_file else None
    if saved is not None:
        # A saved plan was made for its own areas and goals; keep them with it.
        regions = regions or ",".join(saved.intake.regions)
        goals = goals or ",".join(saved.intake.goals)
    answers = opt.make_answers(age, pregnant, weeks, condition, medicine, pain, duration, injury,
                               answer, subject)
    request = opt.make_request(opt.read_text(text), minutes=minutes, tools=tools,
                               setting=setting, pressure=pressure, regions=regions,
                               goals=goals, seed=seed, answers=answers)
    interactive = not no_input
    if interactive and not (sys.stdin.isatty() and sys.stdout.isatty()):
        typer.echo("No terminal for keys here: guiding without them (as with --no-input).",
                   err=True)
        interactive = False
    console = Console()
    try:
        result = saved or opt.run_plan(request, rest_no=none)
        intake = result.intake
        # An emergency is printed alone, before anything else (SPEC §5); text we cannot
        # place asks for the area; neither is a reason for questions.
        if intake.verdict == "urgent" or not intake.understood:
            print_intake(intake, console)
            raise typer.Exit(0)
        if saved is not None and _open(intake):
            result = _check_saved(saved, request, rest_no=none, interactive=interactive,
                                  subject_given=subject is not None, console=console)
        elif interactive and intake.questions:
            result, request = _ask_until_complete(result, request, rest_no=none,
                                                  subject_given=subject is not None,
                                                  console=console)
    except PlanningError as exc:
        raise fail(str(exc), code=1) from exc
    except CheckCancelled:
        console.print("Stopped before the safety check was done: no routine today.")
        raise typer.Exit(0) from None
    except KeyboardInterrupt:
        console.print("Cancelled before the routine started; nothing was saved.")
        raise typer.Exit(130) from None

    # The screening with the answers; `urgent` is printed alone (SPEC §5).
    intake = result.intake
    print_intake(intake.model_copy(update={"questions": []}) if intake.complete else intake,
                 console)
    if intake.verdict in NO_ROUTINE or not result.steps:
        raise typer.Exit(0)
    if not intake.complete:
        raise fail(NOT_CHECKED)
    plan = result.model_dump(mode="json")

    _check_journal_writable()
    speaker = make_speaker(settings.voice if voice is None else voice)
    started = datetime.now(UTC)
    try:
        outcome = run_guide(plan, speaker=speaker, breath_rate=rate, time_scale=time_scale,
                            interactive=interactive, console=console)
    except KeyboardInterrupt:
        console.print("Cancelled before the routine started; nothing was saved.")
        raise typer.Exit(130) from None
    except GuideError as exc:
        raise fail(str(exc)) from exc
    finally:
        speaker.close()
    try:
        _save(plan, request, outcome, started)
    except StorageError as exc:
        kept = _keep_unsaved(plan, request, outcome, started, settings.data_dir)
        raise fail(f"the journal did not take the session ({exc}); it is kept in {kept}",
                   code=1) from exc
    console.print(Text("Saved to your journal (`unknot journal`).", style="dim"))
