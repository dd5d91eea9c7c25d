"""`unknot library`: list, show and lint the techniques."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from unknot.cli.app import app, fail
from unknot.plural import counted
from unknot.vocabulary import GOALS, KINDS, REGIONS, TOOLS

# The library, its checks and Rich are imported in the commands: every command loads this module.

library_app = typer.Typer(help="Browse and check the technique library.", no_args_is_help=True)
app.add_typer(library_app, name="library")


def _check(value: str | None, allowed: tuple[str, ...], option: str) -> None:
    if value is not None and value not in allowed:
        raise fail(f"{option}: {value!r} is not one of: {', '.join(allowed)}")


def _library():
    from unknot.library.loader import LibraryError, default_library

    try:
        return default_library()
    except LibraryError as exc:
        raise fail(f"the library has errors (run `unknot library lint`):\n{exc}") from exc


@library_app.command("list")
def list_techniques(
    region: Annotated[str | None, typer.Option(help="Only techniques for this region.")] = None,
    goal: Annotated[str | None, typer.Option(help="Only techniques for this goal.")] = None,
    tool: Annotated[str | None, typer.Option(help="Only techniques using this tool.")] = None,
    kind: Annotated[str | None, typer.Option(
        help="massage, stretch, breathing or meditation.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List techniques, optionally filtered."""
    _check(region, REGIONS, "--region")
    _check(goal, GOALS, "--goal")
    _check(tool, TOOLS, "--tool")
    _check(kind, KINDS, "--kind")
    found = _library().filter(region=region, goal=goal, tool=tool, kind=kind)
    if as_json:
        typer.echo(json.dumps([{"id": t.id, "name": t.name, "kind": t.kind, "regions": t.regions,
                                "goals": t.goals, "tools": t.tools} for t in found], indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=counted(len(found), "technique"))
    for column in ("id", "name", "kind", "regions", "tools"):
        table.add_column(column)
    for t in found:
        table.add_row(t.id, t.name, t.kind, ", ".join(t.regions), ", ".join(t.tools) or "hands")
    Console().print(table)


@library_app.command("show")
def show(technique_id: Annotated[str, typer.Argument(help="Technique id.")],
         as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Show one technique in full."""
    technique = _library().get(technique_id)
    if technique is None:
        raise fail(f"no technique {technique_id!r}; see `unknot library list`")
    if as_json:
        typer.echo(technique.model_dump_json(indent=2))
        return
    from rich.console import Console

    console = Console()
    console.print(f"[bold]{technique.name}[/bold] ({technique.kind}) — {technique.summary}")
    console.print(f"Regions: {', '.join(technique.regions)}   Goals: {', '.join(technique.goals)}")
    console.print(f"Tools: {', '.join(technique.tools) or 'hands'}   Positions: "
                  f"{', '.join(technique.positions)}   Pressure: {', '.join(technique.pressures)}"
                  + ("   (one side, then the other)" if technique.sided else ""))
    for number, step in enumerate(technique.steps, 1):
        console.print(f"{number}. ({step.seconds}s) {step.instruction}")
    for caution in technique.cautions:
        console.print(f"[yellow]Caution:[/yellow] {caution}")


@library_app.command("lint")
def lint() -> None:
    """Check the library: schema, vocabulary, coverage, unique ids, step timing."""
    from unknot.library.lint import lint_library

    report = lint_library()
    for note in report.notes:
        typer.echo(note)
    if not report.ok:
        for problem in report.problems:
            typer.echo(problem, err=True)
        raise typer.Exit(1)
    typer.echo("library OK")
