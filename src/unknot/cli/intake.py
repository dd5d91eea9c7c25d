"""`unknot intake`: screen what a person says, readable or as the JSON of SPEC §4."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from unknot.cli import options as opt
from unknot.cli.app import app, fail
from unknot.intake.screen import IntakeResult, screen


def print_intake(result: IntakeResult, console: Console) -> None:
    """The screening in plain words; `urgent` is shown first and alone."""
    if result.verdict == "urgent":
        console.print(Text(result.message, style="bold red"))
        return
    if result.verdict == "see_doctor":
        console.print(Text("See a doctor first — no routine today.", style="bold red"))
        for flag in result.red_flags:
            console.print(f"• {flag.message}")
            console.print(Text(f"  you wrote: “{flag.evidence}” — source: {flag.source}",
                               style="dim"))
        return
    if result.verdict == "caution":
        left_out = ", ".join(a.replace("_", " ") for a in result.avoid)
        console.print(Text(f"Go gently. Left out: {left_out}.", style="bold yellow"))
        for caution in result.cautions:
            console.print(f"• {caution.message}")
            console.print(Text(f"  you wrote: “{caution.evidence}” — source: {caution.source}",
                               style="dim"))
    else:
        console.print(Text("Safe to start gently.", style="bold green"))
    if result.regions:
        console.print("Areas: " + ", ".join(r.replace("_", " ") for r in result.regions))
    if result.goals:
        console.print("Goals: " + ", ".join(g.replace("_", " ") for g in result.goals))
    console.print(result.message)


@app.command()
def intake(
    text: Annotated[str, typer.Argument(help="What is bothering you ('-' reads standard input).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the intake JSON (SPEC §4).")] = False,
    age: opt.Age = None, pregnant: opt.Pregnant = None, weeks: opt.Weeks = None,
    condition: opt.Conditions = None, medicine: opt.Medicines = None, pain: opt.Pain = None,
    duration: opt.Duration = None, injury: opt.Injury = None,
) -> None:
    """Screen what you describe for safety: red flags, cautions, areas and goals."""
    words = opt.read_text(text)
    if words is None or not words.strip():
        raise fail("TEXT is empty: say what is bothering you")
    if len(words) > 4000:
        raise fail("TEXT is longer than 4000 characters; shorten it")
    answers = opt.make_answers(age, pregnant, weeks, condition, medicine, pain, duration, injury)
    result = screen(words, answers)
    if as_json:
        typer.echo(result.model_dump_json(indent=2))
    else:
        print_intake(result, Console())
