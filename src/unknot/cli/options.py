"""Options shared by `plan` and `guide`, and turning bad values into clear usage errors."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from unknot.cli.app import fail

if TYPE_CHECKING:  # imported where used: a command loads only what it needs
    from pydantic import ValidationError

    from unknot.planner import Plan
    from unknot.planner.request import PlanRequest
    from unknot.safety.answers import Answers

Minutes = Annotated[int, typer.Option(help="Length of the routine in minutes (1–60).")]
Tools = Annotated[str | None, typer.Option(
    help="Tools at hand, comma-separated: tennis_ball, massage_ball, foam_roller, wall, chair, "
         "handheld_massager, massage_gun (hands are always available).")]
SettingOpt = Annotated[str, typer.Option(
    "--setting", help="Where you are: desk, sofa, bed, floor or anywhere.")]
PressureOpt = Annotated[str, typer.Option(
    "--pressure", help="Firmest pressure wanted: light, moderate or firm.")]
Regions = Annotated[str | None, typer.Option(
    help="Regions to work on, comma-separated (overrides the text's).")]
Goals = Annotated[str | None, typer.Option(help="Goals, comma-separated (overrides the text's).")]
Seed = Annotated[int, typer.Option(help="Same inputs and seed give the same plan.")]
Age = Annotated[int | None, typer.Option(help="Your age in years.")]
Pregnant = Annotated[bool | None, typer.Option("--pregnant/--not-pregnant",
                                               help="Whether you are pregnant.")]
Weeks = Annotated[int | None, typer.Option(help="Weeks of pregnancy.")]
Conditions = Annotated[list[str] | None, typer.Option(
    "--condition", help="A health condition (repeat for more).")]
Medicines = Annotated[list[str] | None, typer.Option(
    "--medicine", help="A medicine you take regularly (repeat for more).")]
Pain = Annotated[int | None, typer.Option(help="Pain right now, 0–10.")]
Duration = Annotated[str | None, typer.Option(help="How long it has been going on, e.g. '3 weeks'.")]
Injury = Annotated[str | None, typer.Option(help="A recent injury or fall, in your words.")]
AnswerOpt = Annotated[list[str] | None, typer.Option(
    "--answer", help="Answer a safety question the intake asked: ID=yes or ID=no (repeat for more).")]
NoneOpt = Annotated[bool, typer.Option(
    "--none", help="None of the safety questions apply: every question asked is answered no.")]
ForOpt = Annotated[str | None, typer.Option(
    "--for", help="Whose body the routine is for: self, or someone-else you are helping.")]

_YES = {"yes", "y", "true", "1"}
_NO = {"no", "n", "false", "0"}


def split_list(value: str | None) -> list[str]:
    """A comma-separated option as a list ("a, b" → ["a", "b"])."""
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def validation_message(exc: ValidationError, prefix: str = "--") -> str:
    """Pydantic errors as option names and reasons: "--minutes: Input should be ≤ 60"."""
    parts = []
    for item in exc.errors():
        where = ".".join(str(p) for p in item["loc"] if not isinstance(p, int))
        where = where.replace("answers.", "").replace("_", "-")
        message = item["msg"].removeprefix("Value error, ")
        parts.append(f"{prefix}{where}: {message}" if where else message)
    return "; ".join(parts)


def parse_question_answers(items: list[str] | None) -> dict[str, bool]:
    """`--answer back.fever=no` options as {question id: answer}, or exit 2 naming the bad one."""
    answers: dict[str, bool] = {}
    for item in items or []:
        question_id, sep, value = item.partition("=")
        value = value.strip().lower()
        if not sep or not question_id.strip() or value not in _YES | _NO:
            raise fail(f"--answer {item!r}: write it as ID=yes or ID=no, "
                       "e.g. --answer back.fever=no")
        answers[question_id.strip()] = value in _YES
    return answers


def parse_subject(value: str | None) -> str | None:
    if value is None:
        return None
    subject = value.strip().lower().replace("-", "_")
    if subject not in {"self", "someone_else"}:
        raise fail(f"--for {value!r}: use self or someone-else")
    return subject


def make_answers(age: int | None = None, pregnant: bool | None = None, weeks: int | None = None,
                 conditions: list[str] | None = None, medicines: list[str] | None = None,
                 pain: int | None = None, duration: str | None = None,
                 injury: str | None = None, answer: list[str] | None = None,
                 subject: str | None = None) -> Answers | None:
    """Structured answers from CLI options, or None when none were given."""
    values = {"age": age, "pregnant": pregnant, "pregnancy_weeks": weeks,
              "conditions": conditions or [], "medicines": medicines or [], "pain": pain,
              "duration": duration, "injury": injury,
              "questions": parse_question_answers(answer), "subject": parse_subject(subject)}
    if not any(v not in (None, [], {}) for v in values.values()):
        return None
    from pydantic import ValidationError

    from unknot.safety.answers import Answers

    try:
        return Answers(**values)
    except ValidationError as exc:
        raise fail(validation_message(exc).replace("--pregnancy-weeks", "--weeks")) from exc


def make_request(text: str | None, *, minutes: int, tools: str | None, setting: str,
                 pressure: str, regions: str | None, goals: str | None, seed: int,
                 answers: Answers | None = None) -> PlanRequest:
    """A validated PlanRequest, or exit 2 with the option to fix."""
    from pydantic import ValidationError

    from unknot.planner.request import PlanRequest

    try:
        return PlanRequest(text=text, minutes=minutes, tools=split_list(tools), setting=setting,
                           pressure=pressure, regions=split_list(regions),
                           goals=split_list(goals), seed=seed, answers=answers)
    except ValidationError as exc:
        message = validation_message(exc)
        if "give at least one of" in message:
            message = "say what is bothering you (TEXT), or give --regions or --goals"
        raise fail(message) from exc


def run_plan(request: PlanRequest, rest_no: bool = False) -> Plan:
    """build_plan(), with an unknown question id as a usage error (exit 2)."""
    from unknot.planner import build_plan
    from unknot.safety.questions import UnknownQuestion

    try:
        return build_plan(request, rest_no=rest_no)
    except UnknownQuestion as exc:
        raise fail(f"--answer: {exc}; use the ids the intake lists") from exc


def read_text(text: str | None) -> str | None:
    """TEXT as given; '-' reads it from standard input."""
    if text == "-":
        import sys

        return sys.stdin.read()
    return text
