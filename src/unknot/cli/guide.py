"""`unknot guide`: screen, plan, then lead the person through the routine in the terminal."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.text import Text

from unknot.cli.app import app, fail
from unknot.guide import GuideError, GuideOutcome, run_guide
from unknot.guide.pacer import PacerError, check_rate
from unknot.guide.speech import make_speaker
from unknot.planner import PlanningError, PlanRequest, build_plan
from unknot.settings import SettingsError, get_settings
from unknot.storage import Ratings, StorageError, open_store


def _split(value: str | None) -> list[str]:
    """A comma-separated option as a list ("a, b" → ["a", "b"])."""
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def _validation_message(exc: ValidationError) -> str:
    parts = []
    for item in exc.errors():
        where = ".".join(str(p) for p in item["loc"] if not isinstance(p, int))
        parts.append(f"--{where}: {item['msg']}" if where else item["msg"])
    return "; ".join(parts)


def _load_plan_file(path: Path) -> dict[str, Any]:
    try:
        plan = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise fail(f"--plan-file {path}: cannot read a plan from it ({exc})") from exc
    if not isinstance(plan, dict) or not isinstance(plan.get("steps"), list):
        raise fail(f"--plan-file {path}: not a plan (expected the JSON of `unknot plan --json`)")
    return plan


def _screened(plan: dict[str, Any], console: Console) -> bool:
    """Tell the person what screening found; False when there must be no routine."""
    intake = plan.get("intake") or {}
    verdict = intake.get("verdict", "ok")
    message = str(intake.get("message") or "")
    if verdict == "urgent":
        # First and alone: nothing else on the screen competes with it (SPEC §5).
        console.print(Text(message, style="bold red"))
        return False
    if verdict == "see_doctor":
        console.print(Text("No routine today: please see a doctor first.", style="bold red"))
        for flag in intake.get("red_flags") or []:
            evidence = f" (you wrote: “{flag['evidence']}”)" if flag.get("evidence") else ""
            console.print(f"• {flag.get('message', '')}{evidence}")
        if message:
            console.print(message)
        return False
    if verdict == "caution":
        left_out = [item.replace("_", " ") for item in intake.get("avoid") or []]
        if left_out:
            console.print(Text("Left out to keep you safe: " + ", ".join(left_out) + ".",
                               style="bold yellow"))
        for caution in intake.get("cautions") or []:
            console.print(f"• {caution.get('message', '')}")
    if not plan.get("steps"):
        console.print(message or "There is nothing to guide for this request.")
        return False
    return True


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
        help="What is bothering you, in your own words.")] = None,
    minutes: Annotated[int, typer.Option(help="Length of the routine in minutes (1–60).")] = 10,
    tools: Annotated[str | None, typer.Option(
        help="Tools at hand, comma-separated (hands are always available).")] = None,
    setting: Annotated[str, typer.Option(
        help="Where you are: desk, sofa, bed, floor or anywhere.")] = "anywhere",
    pressure: Annotated[str, typer.Option(
        help="Firmest pressure wanted: light, moderate or firm.")] = "moderate",
    regions: Annotated[str | None, typer.Option(
        help="Regions to work on, comma-separated (overrides the text's).")] = None,
    goals: Annotated[str | None, typer.Option(
        help="Goals, comma-separated (overrides the text's).")] = None,
    seed: Annotated[int, typer.Option(help="Same inputs and seed give the same plan.")] = 0,
    voice: Annotated[bool | None, typer.Option(
        "--voice/--no-voice", help="Speak the cues (needs espeak-ng).")] = None,
    breath_rate: Annotated[float | None, typer.Option(
        help="Breaths a minute the breath pacer leads (default 6).")] = None,
    no_input: Annotated[bool, typer.Option(
        "--no-input", help="Run without keys or rating questions.")] = False,
    time_scale: Annotated[float, typer.Option(
        hidden=True, help="Play faster for tests and demos (0.01 = 100× faster).")] = 1.0,
    plan_file: Annotated[Path | None, typer.Option(
        help="Play a plan saved with `unknot plan --json` instead of planning anew.")] = None,
) -> None:
    """Screen what you describe, build a routine and guide you through it."""
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

    plan_in_file = _load_plan_file(plan_file) if plan_file else None
    intake = (plan_in_file or {}).get("intake") or {}
    try:
        request = PlanRequest(
            text=text, minutes=minutes, tools=_split(tools), setting=setting,
            pressure=pressure, seed=seed,
            # A saved plan was made for its own regions and goals; keep them with it.
            regions=_split(regions) or (intake.get("regions", []) if plan_in_file else []),
            goals=_split(goals) or (intake.get("goals", []) if plan_in_file else []),
        )
    except ValidationError as exc:
        raise fail(_validation_message(exc)) from exc

    console = Console()
    if plan_in_file is not None:
        plan = plan_in_file
    else:
        try:
            plan = build_plan(request).model_dump(mode="json")
        except PlanningError as exc:
            raise fail(str(exc), code=1) from exc
    if not _screened(plan, console):
        raise typer.Exit(0)

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
