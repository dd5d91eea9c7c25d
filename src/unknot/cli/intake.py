"""`unknot intake`: screen what a person says, readable or as the JSON of SPEC §4."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from unknot.cli import options as opt
from unknot.cli.app import app, fail

if TYPE_CHECKING:  # imported where used: a command loads only what it needs
    from rich.console import Console

    from unknot.cli.layout import Hanging
    from unknot.intake.screen import IntakeResult


def _hanging(rows: list) -> Hanging:
    """Marks in a narrow column, text wrapped beside them (never back under the mark)."""
    from unknot.cli.layout import Hanging

    return Hanging(rows)


def _reasons(found: list) -> list:
    """Each red flag or caution: its message, then what was read and where the rule comes from."""
    from rich.text import Text

    rows = []
    for item in found:
        text = Text(item.message)
        text.append(f"\nyou wrote: “{item.evidence}” — source: {item.source}", style="dim")
        rows.append(("•", text))
    return rows


def print_questions(result: IntakeResult, console: Console) -> None:
    """The safety checklist, with how to answer it from the command line."""
    from rich.text import Text

    if not result.questions:
        return
    if result.complete:
        yes = [q.id for q in result.questions if q.answer]
        console.print(Text(f"Quick safety check: {len(result.questions)} answered"
                           + (f"; yes to {', '.join(yes)}." if yes else ", none apply."),
                           style="dim"))
        return
    console.print(Text("Quick safety check", style="bold"))
    if result.subject == "someone_else":
        console.print("Answer for the person you are helping.")
    rows = []
    for question in result.questions:
        answer = {True: "yes", False: "no", None: "?"}[question.answer]
        text = Text(question.ask)
        text.append(f"\n{question.id} — {question.why}", style="dim")
        rows.append((f"  [{answer:>3}]", text))
    console.print(_hanging(rows))
    if not result.complete:
        console.print(Text("Answer each with --answer ID=yes|no, or --none if none apply; no "
                           "routine starts before the check is complete.", style="bold yellow"))


def run_screen(words: str | None, answers, rest_no: bool = False, **choice) -> IntakeResult:
    """screen(), with an unknown question id or an over-long text as a usage error (exit 2)."""
    from unknot.intake.screen import screen
    from unknot.safety.questions import UnknownQuestion

    try:
        return screen(words, answers, rest_no=rest_no, **choice)
    except UnknownQuestion as exc:
        raise fail(f"--answer: {exc}; use the ids the intake lists") from exc


# What a caution leaves out, in the words a person uses (the JSON keeps the ids).
PLAIN_AVOID = {"percussion": "tapping and massage guns", "abdomen": "the belly",
               "deep_pressure": "deep pressure"}
CAUTION_CLOSING = "Stop at once if anything hurts."
CHECK_FIRST = "First, answer the quick safety check: no routine starts until it is done."


def print_intake(result: IntakeResult, console: Console) -> None:
    """The screening in plain words; `urgent` is shown first and alone."""
    from rich.text import Text

    if result.verdict == "urgent":
        console.print(Text(result.message, style="bold red"))
        return
    if result.verdict == "see_doctor":
        console.print(Text("See a doctor first — no routine today.", style="bold red"))
        console.print(_hanging(_reasons(result.red_flags)))
        return
    if result.verdict == "caution":
        left_out = ", ".join(PLAIN_AVOID.get(a, a.replace("_", " ")) for a in result.avoid)
        console.print(Text(f"Go gently. Left out: {left_out}.", style="bold yellow"))
        console.print(_hanging(_reasons(result.cautions)))
    elif not result.understood:
        console.print(Text(result.message, style="bold yellow"))
        return
    elif result.complete:
        console.print(Text("Safe to start gently.", style="bold green"))
    if result.regions:
        console.print("Areas: " + ", ".join(r.replace("_", " ") for r in result.regions))
    if result.goals:
        console.print("Goals: " + ", ".join(g.replace("_", " ") for g in result.goals))
    if result.verdict == "caution":
        # The message would repeat what is left out and each reason, printed just above.
        console.print(CAUTION_CLOSING)
        if not result.complete:
            console.print(CHECK_FIRST)
    else:
        console.print(result.message)
    print_questions(result, console)


@app.command()
def intake(
    text: Annotated[str, typer.Argument(help="What is bothering you ('-' reads standard input).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the intake JSON (SPEC §4).")] = False,
    age: opt.Age = None, pregnant: opt.Pregnant = None, weeks: opt.Weeks = None,
    condition: opt.Conditions = None, medicine: opt.Medicines = None, pain: opt.Pain = None,
    duration: opt.Duration = None, injury: opt.Injury = None,
    answer: opt.AnswerOpt = None, none: opt.NoneOpt = False, subject: opt.ForOpt = None,
) -> None:
    """Screen what you describe for safety: red flags, cautions, areas and goals, and the
    questions to answer before a routine."""
    from unknot.intake.screen import MAX_TEXT

    words = opt.read_text(text)
    if words is None or not words.strip():
        raise fail("TEXT is empty: say what is bothering you")
    if len(words) > MAX_TEXT:
        raise fail(f"TEXT is {len(words)} characters, over the limit of {MAX_TEXT}; shorten it "
                   "to what is bothering you now (nothing is cut silently)")
    answers = opt.make_answers(age, pregnant, weeks, condition, medicine, pain, duration, injury,
                               answer, subject)
    result = run_screen(words, answers, rest_no=none)
    if as_json:
        typer.echo(result.model_dump_json(indent=2))
    else:
        from rich.console import Console

        print_intake(result, Console())
