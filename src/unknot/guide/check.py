"""The quick safety check in the terminal: whose body it is, then each red-flag question,
one at a time, answered with a single key.

It runs before the before-ratings: the answers go back to the intake, which may
raise the verdict (a yes is a finding), and no routine starts until every
question has an answer (SPEC §4 "Safety questions").

Keys: y yes, n no, a "none of the rest apply" (this question and every one after
it, no), w or ? why we ask, q leave the check (no routine). For whom: m me,
s someone I'm helping, Enter keeps what the text said.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from rich.console import Console
from rich.text import Text

from unknot.guide.keys import KeysClosed, KeySource

SUBJECT_ASK = "Is this for you, or someone you're helping?"
SUBJECT_KEYS = "m for me · s someone I'm helping"
SUBJECT_WORDS = {"self": "for me", "someone_else": "for someone I'm helping"}
FOR_SOMEONE_ELSE = "Answer for the person you're helping."
QUESTION_KEYS = "y yes · n no · a none of the rest apply · w why we ask"
INTRO = ("A few yes-or-no questions that doctors ask about this kind of problem, and a few "
         "about how you are. "
         "A yes isn't always serious; it tells us what is safe.")
MORE = "A few more questions, because of your answers."
# How long one wait for a key lasts; the wait simply starts again after it.
KEY_WAIT_SECONDS = 0.5


class CheckCancelled(Exception):
    """The person left the check (q, or the terminal's input closed): no routine."""


class QuestionLike(Protocol):
    id: str
    ask: str
    why: str
    source: str


@dataclass
class CheckAnswers:
    """What the check gathered: question id → yes/no, and whose body (None: not asked)."""

    questions: dict[str, bool] = field(default_factory=dict)
    subject: str | None = None


def key_reader(keys: KeySource) -> Callable[[], str]:
    """A blocking "next key" on a key source; CheckCancelled when its input closes."""
    def read() -> str:
        while True:
            try:
                key = keys.read_key(KEY_WAIT_SECONDS)
            except KeysClosed as exc:
                raise CheckCancelled("the terminal's input closed") from exc
            if key is not None:
                return key
    return read


def _subject(read_key: Callable[[], str], console: Console, default: str) -> str:
    console.print(Text(SUBJECT_ASK, style="bold"))
    prompt = f"  {SUBJECT_KEYS} · Enter: {SUBJECT_WORDS[default]}  "
    while True:
        console.print(prompt, end="", highlight=False)
        key = read_key().lower()
        chosen = {"m": "self", "s": "someone_else", "\n": default, "\r": default}.get(key)
        if key == "q":
            console.print()
            raise CheckCancelled("left at the for-whom question")
        if chosen is not None:
            console.print(Text(f"→ {SUBJECT_WORDS[chosen]}", style="bold"))
            return chosen
        console.print()
        console.print(Text("  Press m (for me), s (someone I'm helping) or Enter.", style="yellow"))


def ask_check(questions: Sequence[QuestionLike], *, read_key: Callable[[], str],
              console: Console, subject: str = "self", ask_subject: bool = True,
              more: bool = False) -> CheckAnswers:
    """Ask whose body it is (when `ask_subject`), then each question in turn.

    `subject` is what the intake read from the text: the default for Enter, and
    whose body the questions are about when the for-whom question is not asked.
    `more` says these are further questions that earlier answers brought.
    """
    out = CheckAnswers()
    if not questions and not ask_subject:
        return out
    console.print()
    console.print(Text("Quick safety check", style="bold underline"))
    console.print(MORE if more else INTRO)
    if ask_subject:
        console.print()
        subject = out.subject = _subject(read_key, console, subject)
    if subject == "someone_else" and questions:
        console.print(Text(FOR_SOMEONE_ELSE, style="bold"))
    if questions:
        console.print(Text(f"Keys: {QUESTION_KEYS}.", style="dim"))
    rest_no = False
    for number, question in enumerate(questions, start=1):
        if rest_no:
            # Shown, so the person sees what "none of the rest apply" said no to.
            out.questions[question.id] = False
            console.print(Text.assemble((f"{number} of {len(questions)}  {question.ask}", "dim"),
                                        ("  → no", "bold")))
            continue
        console.print()
        console.print(Text.assemble((f"{number} of {len(questions)}  ", "dim"),
                                    (question.ask, "bold")))
        while True:
            console.print("  y / n  (a: none of the rest · w: why)  ", end="", highlight=False)
            key = read_key().lower()
            if key in ("y", "n", "a"):
                out.questions[question.id] = key == "y"
                rest_no = key == "a"
                word = {"y": "yes", "n": "no", "a": "no, and none of the rest apply"}[key]
                console.print(Text(f"→ {word}", style="bold"))
                break
            console.print()
            if key == "q":
                raise CheckCancelled("left during the safety questions")
            if key in ("w", "?"):
                console.print(Text(f"  Why we ask: {question.why}", style="italic"))
                console.print(Text(f"  Based on: {question.source}", style="dim"))
            else:
                console.print(Text("  Press y for yes or n for no (a: none of the rest apply, "
                                   "w: why we ask, q: leave).", style="yellow"))
    console.print()
    return out
