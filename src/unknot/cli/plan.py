"""`unknot plan`: a routine for the request, readable or as the JSON of SPEC §4."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from unknot.cli import options as opt
from unknot.cli.app import app
from unknot.cli.intake import print_intake
from unknot.plural import counted, duration_words

if TYPE_CHECKING:  # imported where used: a command loads only what it needs
    from rich.console import Console

    from unknot.planner import Plan


def _clock(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


def print_plan(plan: Plan, console: Console, why: bool = False) -> None:
    from rich.table import Table

    print_intake(plan.intake, console)
    if not plan.steps:
        return
    title = f"Your routine: {counted(len(plan.steps), 'step')}, {duration_words(plan.total_seconds)}"
    table = Table(title=title, show_lines=False)
    for column in ("at", "step", "side", "time", "pressure", "position", "stop if"):
        table.add_column(column)
    if why:
        table.add_column("why")
    elapsed = 0
    for step in plan.steps:
        row = [_clock(elapsed), step.name, step.side or "", f"{step.seconds}s", step.pressure,
               step.position, step.stop_if.removeprefix("Stop if ").rstrip(".")]
        if why:
            row.append(step.why)
        table.add_row(*row)
        elapsed += step.seconds
    console.print(table)


@app.command()
def plan(
    text: Annotated[str | None, typer.Argument(
        help="What is bothering you ('-' reads standard input).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the plan JSON (SPEC §4).")] = False,
    why: Annotated[bool, typer.Option("--why", help="Show why each step was chosen.")] = False,
    minutes: opt.Minutes = 10, tools: opt.Tools = None, setting: opt.SettingOpt = "anywhere",
    pressure: opt.PressureOpt = "moderate", regions: opt.Regions = None, goals: opt.Goals = None,
    seed: opt.Seed = 0,
    age: opt.Age = None, pregnant: opt.Pregnant = None, weeks: opt.Weeks = None,
    condition: opt.Conditions = None, medicine: opt.Medicines = None, pain: opt.Pain = None,
    duration: opt.Duration = None, injury: opt.Injury = None,
    answer: opt.AnswerOpt = None, none: opt.NoneOpt = False, subject: opt.ForOpt = None,
) -> None:
    """Build a routine that fits your minutes, setting and tools — after a safety screen.

    The plan comes with the safety check (`questions`, `complete`); answer it with
    --answer ID=yes|no or --none before starting the routine."""
    answers = opt.make_answers(age, pregnant, weeks, condition, medicine, pain, duration, injury,
                               answer, subject)
    request = opt.make_request(opt.read_text(text), minutes=minutes, tools=tools,
                               setting=setting, pressure=pressure, regions=regions,
                               goals=goals, seed=seed, answers=answers)
    result = opt.run_plan(request, rest_no=none)
    if as_json:
        typer.echo(result.model_dump_json(indent=2))
    else:
        from rich.console import Console

        print_plan(result, Console(), why=why)
