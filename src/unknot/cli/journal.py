"""`unknot journal`: recent sessions with before → after, what helps, when to see a doctor.

`unknot journal export` writes every session as CSV or JSON.

Whatever came from the database is shown safely, however old: a control character
never reaches the terminal (ESC and friends are shown as `\x1b`, not obeyed), and
a CSV cell that starts like a formula (`=`, `+`, `-`, `@`, tab, carriage return)
gets a leading `'` so a spreadsheet shows it as text (OWASP, CSV injection).
"""

from __future__ import annotations

import csv
import json
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from unknot.cli.app import app, fail, storage_errors
from unknot.plural import counted

if TYPE_CHECKING:  # imported where used: every command loads this module, only these need them
    from unknot.journal import Average, HelpItem, JournalSummary, Ratings
    from unknot.storage import SessionRecord, Store

journal_app = typer.Typer(
    help="Your sessions: before → after ratings, what helps, and when to see a doctor.",
    invoke_without_command=True,
)
app.add_typer(journal_app, name="journal")

SHOWN_PER_GROUP = 5


def csv_columns() -> tuple[str, ...]:
    from unknot.journal import DIMENSIONS

    return (
        "id", "created_at", "started_at", "finished_at", "status", "source", "minutes",
        "goals", "regions", "techniques", "completed_steps", "total_steps",
        *(f"{dim}_{when}" for when in ("before", "after") for dim in DIMENSIONS),
        "stop_reason", "note",
    )


# Every control character but newline and tab: C0 (ESC, BEL, CR, NUL…), DEL and C1 (CSI…).
# Bidirectional overrides and isolates too: a terminal would reorder the text around them.
TERMINAL_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# DEL and C1 controls, which JSON does not escape by itself.
JSON_UNESCAPED_CONTROLS = re.compile("[\x7f-\x9f]")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def for_terminal(text: str) -> str:
    """`text` with every control character but newline and tab shown as `\\xNN`, not obeyed."""
    return TERMINAL_CONTROLS.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def json_for_terminal(text: str) -> str:
    """JSON text with DEL and C1 controls escaped too (`\\u009b`): the same JSON, safe to print."""
    return JSON_UNESCAPED_CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def csv_cell(value: object) -> object:
    """A CSV cell a spreadsheet shows as text: no control characters (line breaks stay),
    and a leading `'` on text that would start a formula."""
    if not isinstance(value, str):
        return value
    from unknot.storage.records import strip_controls

    value = strip_controls(value)
    return "'" + value if value.startswith(FORMULA_START) else value


class ExportFormat(StrEnum):
    csv = "csv"
    json = "json"


@contextmanager
def _store() -> Iterator[Store]:
    from unknot.storage import open_store

    with storage_errors():
        store = open_store()
        try:
            yield store
        finally:
            store.close()


def _ratings(before: Ratings, after: Ratings) -> str:
    from unknot.journal import DIMENSIONS

    parts = []
    for dim in DIMENSIONS:
        b, a = before.get(dim), after.get(dim)
        if b is None and a is None:
            continue
        parts.append(f"{dim} {'–' if b is None else b} → {'–' if a is None else a}")
    return ", ".join(parts) or "no ratings"


def _signed(value: float) -> str:
    return f"{value:+.1f}".replace("-", "−")


def _help_line(item: HelpItem) -> str:
    from unknot.journal import DIMENSIONS

    averages: list[tuple[str, Average]] = [
        (dim, a) for dim in DIMENSIONS if (a := getattr(item, dim)).change is not None]
    # One count at the end when every figure rests on the same sessions; else one each.
    if all(a.sessions == item.sessions for _, a in averages):
        figures = ", ".join(f"{dim} {_signed(a.change or 0)}" for dim, a in averages)
        return f"    {item.key}: {figures} ({counted(item.sessions, 'session')})"
    figures = ", ".join(f"{dim} {_signed(a.change or 0)} ({counted(a.sessions, 'session')})"
                        for dim, a in averages)
    return f"    {item.key}: {figures}"


def render(summary: JournalSummary) -> str:
    """The journal as plain text for the terminal."""
    if not summary.total_sessions:
        return ('No sessions yet. Start one with: unknot guide "what is bothering you"\n')
    lines = [f"Recent sessions (newest first; {summary.total_sessions} in all):"]
    for s in summary.recent:
        when = s.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        about = ", ".join(s.regions) or "—"
        if s.goals:
            about += " · " + ", ".join(s.goals)
        status = s.status.replace("_", " ")
        # Two short lines rather than one that wraps back under the date in a narrow terminal.
        lines.append(f"  {when}  {s.minutes:g} min  {about}  [{status}]")
        lines.append(f"      {_ratings(s.before, s.after)}")
    helps = summary.what_helps
    if helps.by_technique or helps.by_goal:
        lines += ["", "What helps (average change, after minus before; below zero is better):"]
        for title, items in (("By technique", helps.by_technique), ("By goal", helps.by_goal)):
            if items:
                lines.append(f"  {title}:")
                lines += [_help_line(item) for item in items[:SHOWN_PER_GROUP]]
    if summary.advice:
        lines += ["", "See a doctor:"]
        for advice in summary.advice:
            lines += [f"  • {advice.message}", f"    Why: {advice.evidence}."]
    return "\n".join(lines) + "\n"


@journal_app.callback()
def show(
    ctx: typer.Context,
    limit: Annotated[int, typer.Option(min=1, max=500,
                                       help="How many recent sessions to list.")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """List recent sessions with before → after, then what helps and any advice."""
    if ctx.invoked_subcommand is not None:
        return
    with _store() as store:
        summary = store.journal(datetime.now().astimezone(), recent=limit)
    if as_json:
        typer.echo(json_for_terminal(summary.model_dump_json(indent=2)))
    else:
        typer.echo(for_terminal(render(summary)), nl=False)


def _csv_row(record: SessionRecord) -> dict[str, object]:
    from unknot.journal import DIMENSIONS

    entry = record.journal_entry()
    row: dict[str, object] = {
        "id": record.id, "status": record.status, "source": record.source,
        "created_at": record.created_at.isoformat(),
        "started_at": record.started_at.isoformat() if record.started_at else "",
        "finished_at": record.finished_at.isoformat() if record.finished_at else "",
        "minutes": round(record.total_seconds / 60, 2),
        "goals": ";".join(record.goals), "regions": ";".join(record.regions),
        "techniques": ";".join(entry.techniques), "completed_steps": record.completed_steps,
        "total_steps": entry.total_steps, "stop_reason": record.stop_reason or "",
        "note": record.note or "",
    }
    for when, ratings in (("before", record.before), ("after", record.after)):
        for dim in DIMENSIONS:
            value = ratings.get(dim)
            row[f"{dim}_{when}"] = "" if value is None else value
    return row


def _write(records: Iterator[SessionRecord], fmt: ExportFormat, out: TextIO) -> int:
    count = 0
    if fmt is ExportFormat.csv:
        writer = csv.DictWriter(out, fieldnames=csv_columns(), lineterminator="\n")
        writer.writeheader()
        for record in records:
            writer.writerow({k: csv_cell(v) for k, v in _csv_row(record).items()})
            count += 1
        return count
    # A JSON array written piece by piece, so years of sessions never sit in memory at once.
    out.write("[")
    for record in records:
        out.write(",\n" if count else "\n")
        out.write(json_for_terminal(json.dumps(record.model_dump(mode="json"),
                                               ensure_ascii=False)))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count


@journal_app.command("export")
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", help="csv or json.")] = ExportFormat.csv,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="File to write (default: standard output).")] = None,
) -> None:
    """Export every session, oldest first, as CSV or JSON."""
    if output is not None and (output.is_dir() or not output.parent.is_dir()):
        raise fail(f"cannot write {output}: give a file in an existing folder")
    with _store() as store:
        if output is None:
            _write(store.iter_sessions(), fmt, sys.stdout)
            return
        # Write beside the target and rename, so a failed export leaves no half file.
        fd, tmp = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
                count = _write(store.iter_sessions(), fmt, out)
            os.replace(tmp, output)
        except OSError as exc:
            raise fail(f"cannot write {output}: {exc.strerror}") from exc
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    typer.echo(f"Wrote {counted(count, 'session')} to {output}.", err=True)
