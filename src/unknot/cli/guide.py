"""`unknot guide`: screen, plan, then lead the person through the routine in the terminal."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.text import Text

from unknot.cli import options as opt
from unknot.cli.app import app, fail
from unknot.cli.intake import print_intake
from unknot.guide import GuideError, GuideOutcome, run_guide
from unknot.guide.pacer import PacerError, check_rate
from unknot.guide.speech import make_speaker
from unknot.planner import Plan, PlanningError, PlanRequest, build_plan
from unknot.settings import SettingsError, get_settings
from unknot.storage import Ratings, StorageError, open_store

NO_ROUTINE = ("urgent", "see_doctor")


def _load_plan_file(path: Path) -> Plan:
    try:
        return Plan.model_validate_json(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise fail(f"--plan-file {path}: cannot read it ({exc.strerror})") from exc
    except ValidationError as exc:
        raise fail(f"--plan-file {path}: not a plan from `unknot plan --json` "
                   f"({opt.validation_message(exc, prefix='')})") from exc


def _save(plan: dict[str, Any], request: PlanRequest, outcome: GuideOutcome,
          started: datetime) -> None:
    def ratings(values: dict[str, int | None]) -> Ratings | None:
        return Ratings(**values) if any(v is not None for v in values.values()) else None

    with open_store() as store:
        record = store.create_session(plan=plan, request=request,
                                      before=ratings(outcome.before), source="terminal",
                                      created_at=started)
        store.finish_session(record.id, status=outcome.status, after=ratings(outcome.after),
                             completed_steps=outcome.completed_steps,
                             stop_reason=outcome.stop_reason)


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
    """Screen what you describe, build a routine and guide you through it, hands-free.

    Keys while it plays: space pause, n next, b back, s stop (it hurts), q quit.
    """
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
    answers = opt.make_answers(age, pregnant, weeks, condition, medicine, pain, duration, injury)
    request = opt.make_request(opt.read_text(text), minutes=minutes, tools=tools,
                               setting=setting, pressure=pressure, regions=regions,
                               goals=goals, seed=seed, answers=answers)
    try:
        result = saved or build_plan(request)
    except PlanningError as exc:
        raise fail(str(exc), code=1) from exc

    console = Console()
    # The screening comes first; `urgent` is printed alone (SPEC §5).
    print_intake(result.intake, console)
    if result.intake.verdict in NO_ROUTINE or not result.steps:
        raise typer.Exit(0)
    plan = result.model_dump(mode="json")

    interactive = not no_input
    if interactive and not (sys.stdin.isatty() and sys.stdout.isatty()):
        typer.echo("No terminal for keys here: guiding without them (as with --no-input).",
                   err=True)
        interactive = False
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
        raise fail(f"the session was not saved: {exc}", code=1) from exc
    console.print(Text("Saved to your journal (`unknot journal`).", style="dim"))
