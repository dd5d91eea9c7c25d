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
    from rich.text import Text

    from unknot.planner import Plan
    from unknot.planner.model import PlanStep


def _clock(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


def _length(seconds: int) -> str:
    """A step's length as said aloud: "50 s", "1 min", "1 min 10 s"."""
    minutes, rest = divmod(seconds, 60)
    if not minutes:
        return f"{rest} s"
    return f"{minutes} min" + (f" {rest} s" if rest else "")


def _step_lines(step: PlanStep, why: bool) -> Text:
    """A step as a short block: the name, how long and how, when to stop (and why)."""
    from rich.text import Text

    text = Text(step.name + (f", {step.side} side" if step.side else ""), style="bold")
    how = [_length(step.seconds), f"{step.pressure} pressure" if step.kind == "massage" else step.kind,
           step.position]
    how += [tool.replace("_", " ") for tool in step.tools if tool != "hands"]
    text.append("\n" + " · ".join(how), style="dim")
    text.append("\n" + step.stop_if, style="yellow")
    if why:
        text.append("\nWhy: " + step.why, style="italic")
    return text


def print_plan(plan: Plan, console: Console, why: bool = False) -> None:
    """The routine as a list a person can read at any terminal width (no squeezed columns)."""
    from rich.text import Text

    from unknot.cli.layout import Hanging

    print_intake(plan.intake, console)
    if not plan.steps:
        return
    console.print()
    console.print(Text(f"Your routine: {counted(len(plan.steps), 'step')}, "
                       f"{duration_words(plan.total_seconds)}", style="bold cyan"))
    rows = []
    elapsed = 0
    for step in plan.steps:
        rows.append((_clock(elapsed), _step_lines(step, why)))  # when the step starts
        elapsed += step.seconds
    console.print(Hanging(rows, mark_style="cyan", gap=True))


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
